"""The Great Expectations adapter — the only module that imports ``great_expectations``.

* Suites are the JSON files in ``expectations/``. Each names the claim table it
  runs on (``meta.claim_table``; an expectation may name its own); every expectation's ``meta`` names its rule,
  category, severity and message templates. Loading fails loudly when a file
  yields fewer expectations than it lists (GX drops unknown custom types).
* The context is ephemeral (nothing is written to the user's folder), progress
  bars and analytics are off, and GX is imported once per process, lazily.
* All expectations on one claim table run in ONE validation per chunk of
  documents (the claims across reports: once per run); unexpected rows come
  back by ``claim_id``. Its cost is a fixed ~0.3 s per chunk plus a share that
  grows with the rows alone (``benchmarks/``). While it runs, each expectation's
  configuration is built once instead of at every read (``_configuration``).
* The project's own expectations are small multicolumn map expectations whose
  metric providers call the exact arithmetic in ``arith.py``.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import json
import logging
import os
import sys
import threading
import types
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterator, Literal, Optional

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


class _Deferred(types.ModuleType):
    """Stands in for a module until an attribute of it is first read, which imports the real one."""

    def __getattr__(self, attr: str) -> Any:
        if sys.modules.get(self.__name__) is self:  # read while GX is still importing: load it now
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attr)


@contextmanager
def _deferred(*names: str) -> Iterator[None]:
    """Modules imported during this block that are not yet loaded get a ``_Deferred`` stand-in.

    Only for this block: once it ends the stand-ins leave ``sys.modules``, so an
    ``import`` elsewhere loads the real module as usual; a module that imported a
    stand-in keeps it, and its first use imports the real module then.
    """
    placed = []
    for name in names:
        if name not in sys.modules and importlib.util.find_spec(name) is not None:
            sys.modules[name] = _Deferred(name)
            placed.append(name)
    try:
        yield
    finally:
        for name in placed:
            if isinstance(sys.modules.get(name), _Deferred):
                del sys.modules[name]


# GX 1.x imports scipy.stats and altair when it is imported, for its KL-divergence and KS-test
# expectations and their charts; the suites here use neither. Deferred, they cost nothing until
# used: ``import great_expectations`` takes ~1.25 s instead of ~2.9 s (``python -X importtime``,
# this project's venv), and every process of a run pays it once.
with _deferred("scipy.stats", "altair"):
    import great_expectations as gx  # noqa: E402
import pandas as pd  # noqa: E402
from great_expectations.core.expectation_suite import ExpectationSuite  # noqa: E402
from great_expectations.data_context.types.base import (  # noqa: E402
    DataContextConfig,
    InMemoryStoreBackendDefaults,
    ProgressBarsConfig,
)
from great_expectations.execution_engine import PandasExecutionEngine  # noqa: E402
from great_expectations.expectations.expectation import Expectation, MulticolumnMapExpectation  # noqa: E402
from great_expectations.expectations.expectation_configuration import (  # noqa: E402
    ExpectationConfiguration,
)
from great_expectations.expectations.metrics.map_metric_provider import (  # noqa: E402
    MulticolumnMapMetricProvider,
)
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_condition_partial import (  # noqa: E402,E501
    multicolumn_condition_partial,
)

from audit.checks import arith  # noqa: E402
from audit.checks.claims import KINDS, ClaimTable  # noqa: E402
from audit.model import Category, Interval, Severity  # noqa: E402

logging.getLogger("great_expectations").setLevel(logging.ERROR)

REQUIRED_META = ("rule", "category", "severity", "message")


class SuiteLoadError(Exception):
    """A suite file is missing, malformed, or lost expectations while loading."""


class ValidationFailed(Exception):
    """GX raised inside an expectation: a bug in the tool, not in a report."""


# ------------------------------------------------------------ custom expectations

_DOMAIN_KEYS = ("batch_id", "table", "column_list", "row_condition", "condition_parser", "ignore_row_if")


def _rowwise(frame: pd.DataFrame, test: Callable[[dict[str, Any]], bool]) -> pd.Series:
    """``test`` of each row (a dict of its columns) as a boolean Series on the frame's index.

    A loop over the columns' values: ``DataFrame.apply(axis=1)`` builds a Series per
    row and costs ~20 times more, which made GX the slowest stage of a run.
    """
    columns = list(frame.columns)
    values = zip(*(frame[c].tolist() for c in columns))
    return pd.Series([bool(test(dict(zip(columns, row)))) for row in values], index=frame.index, dtype=bool)


@functools.lru_cache(maxsize=1 << 16)
def _overlap(first: str, second: str) -> bool:
    """Can the intervals of two interval texts hold one value? (Cached: table identities repeat ``[0,0]`` and the like.)"""
    return Interval.parse(first).overlaps(Interval.parse(second))


def _fraction(value: float | int | None) -> Fraction | None:
    return None if value is None else Fraction(str(value))


class BreakdownConsistent(MulticolumnMapMetricProvider):
    """Row-wise: is the stated breakdown consistent in the given direction?"""

    condition_metric_name = "audit.breakdown_consistent"
    condition_domain_keys = _DOMAIN_KEYS
    condition_value_keys = ("direction", "coverage_at_least", "coverage_below")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, **kwargs):
        direction = kwargs["direction"]
        at_least = _fraction(kwargs.get("coverage_at_least"))
        below = _fraction(kwargs.get("coverage_below"))

        def consistent(row: Any) -> bool:
            total = Interval.parse(row["total"])
            parts = [Interval.parse(p) for p in row["parts"].split("+")]
            if direction == "above":
                return bool(row["may_exceed"]) or not arith.parts_exceed_total(total, parts)
            if bool(row["may_fall_short"]) or not arith.parts_short_of_total(total, parts):
                return True
            covered = arith.coverage(total, parts)
            in_band = (at_least is None or covered >= at_least) and (
                below is None or covered < below
            )
            return not in_band

        return _rowwise(column_list, consistent)


class ExpectBreakdownPartsToMatchTotal(MulticolumnMapExpectation):
    """Parts listed under a total add up to it (as intervals).

    ``direction="above"`` flags parts above the total unless the row may exceed;
    ``direction="below"`` flags parts below the total, unless the list is open,
    when their coverage of the total lies in [coverage_at_least, coverage_below).
    """

    direction: Literal["above", "below"]
    coverage_at_least: Optional[float] = None
    coverage_below: Optional[float] = None
    map_metric: ClassVar[str] = "audit.breakdown_consistent"
    success_keys: ClassVar[tuple[str, ...]] = (
        "mostly",
        "direction",
        "coverage_at_least",
        "coverage_below",
    )


class ShareConsistent(MulticolumnMapMetricProvider):
    """Row-wise: can the printed percentage be count/base under the accepted roundings?"""

    condition_metric_name = "audit.share_consistent"
    condition_domain_keys = _DOMAIN_KEYS
    condition_value_keys = ("accept", "given")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, **kwargs):
        accept = kwargs["accept"]
        given = kwargs.get("given")

        def consistent(row: Any) -> bool:
            args = (
                Interval.parse(row["count"]),
                Interval.parse(row["base"]),
                Interval.parse(row["percent"]),
                Fraction(row["printed"]),
                int(row["decimals"]),
                row["percent_approx"],
            )
            if given is not None and not arith.share_consistent(*args, given):
                return True  # not a row this expectation judges
            return arith.share_consistent(*args, accept)

        return _rowwise(column_list, consistent)


class ExpectShareToMatchCounts(MulticolumnMapExpectation):
    """A printed share equals 100·count/base under one of the ``accept`` roundings.

    With ``given``, only rows consistent under the ``given`` roundings are
    judged (PCT002: consistent when truncated, but not when rounded).
    """

    accept: list[Literal["half_up", "half_even", "truncate"]]
    given: Optional[list[Literal["half_up", "half_even", "truncate"]]] = None
    map_metric: ClassVar[str] = "audit.share_consistent"
    success_keys: ClassVar[tuple[str, ...]] = ("mostly", "accept", "given")


class FiguresAgree(MulticolumnMapMetricProvider):
    """Row-wise: can two statements of one quantity both be true?"""

    condition_metric_name = "audit.figures_agree"
    condition_domain_keys = _DOMAIN_KEYS

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, **kwargs):
        def agree(row: Any) -> bool:
            return _overlap(row["first"], row["second"])

        return _rowwise(column_list, agree)


class ExpectRestatedFiguresToAgree(MulticolumnMapExpectation):
    """A quantity stated twice has intervals that overlap (``first``, ``second``)."""

    map_metric: ClassVar[str] = "audit.figures_agree"
    success_keys: ClassVar[tuple[str, ...]] = ("mostly",)


class IdentityHolds(MulticolumnMapMetricProvider):
    """Row-wise: can both sides of a table identity be equal (their intervals overlap)?"""

    condition_metric_name = "audit.identity_holds"
    condition_domain_keys = _DOMAIN_KEYS
    condition_value_keys = ("rule",)

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, **kwargs):
        rule = kwargs["rule"]

        def holds(row: Any) -> bool:
            if row["rule"] != rule:
                return True  # another rule's identity
            return _overlap(row["left"], row["right"])

        return _rowwise(column_list, holds)


class ExpectTableIdentityToHold(MulticolumnMapExpectation):
    """The identities of one ``rule`` hold: the sums of their two sides can be equal.

    Columns ``rule``, ``left``, ``right`` (interval text). An empty cell stands
    for any count, so an identity fails only when no value of its empty cells
    could make it hold.
    """

    rule: str
    map_metric: ClassVar[str] = "audit.identity_holds"
    success_keys: ClassVar[tuple[str, ...]] = ("mostly", "rule")


# -------------------------------------------------------------------- suites


@dataclass(slots=True)
class TableSuite:
    """Every expectation that runs on one claim table, merged from the suite files."""

    claim_table: str
    suite: ExpectationSuite
    files: list[str] = field(default_factory=list)


def load_suites(
    directory: Path, overrides: dict[str, dict[str, Any]] | None = None
) -> dict[str, TableSuite]:
    """Every suite file of ``directory``, merged per claim table.

    ``overrides`` (``{rule: {kwarg: value}}``, from the project configuration's
    tolerances) replaces those kwargs in every expectation of the rule that has
    them; one that matches no expectation is a ``SuiteLoadError`` (a tolerance
    mapped onto a kwarg the suites no longer have must not pass silently).
    Suites are built afresh on every call (nothing is cached per process), so
    two calls with different overrides never share expectations.
    """
    _get_context()
    files = sorted(directory.glob("*.json"))
    if not files:
        raise SuiteLoadError(f"no suite files (*.json) in {directory}")
    overrides = overrides or {}
    applied: set[tuple[str, str]] = set()
    merged: dict[str, TableSuite] = {}
    for path in files:
        name, configs = _read_suite_file(path)
        loaded = 0
        for table, config in configs:
            config = _override(config, overrides.get(config["meta"]["rule"], {}), applied)
            target = merged.setdefault(table, TableSuite(table, ExpectationSuite(name=f"audit.{table}")))
            before = len(target.suite.expectations)
            try:
                target.suite.add_expectation(ExpectationConfiguration(**config).to_domain_obj())
            except Exception as exc:  # GX raises several types for a bad configuration
                raise SuiteLoadError(
                    f"{path.name}: expectation {config.get('type')!r} "
                    f"({config.get('meta', {}).get('rule')}) did not load: {exc}"
                ) from exc
            loaded += len(target.suite.expectations) - before
            if path.name not in target.files:
                target.files.append(path.name)
        if loaded != len(configs):
            raise SuiteLoadError(
                f"{path.name}: lists {len(configs)} expectations but {loaded} loaded "
                "(an unknown or duplicate expectation type was dropped)"
            )
    missing = sorted(
        f"{rule}.{kwarg}" for rule, kwargs in overrides.items() for kwarg in kwargs if (rule, kwarg) not in applied
    )
    if missing:
        raise SuiteLoadError(f"no expectation in {directory} has the overridden kwarg(s) {', '.join(missing)}")
    return merged


def _override(config: dict[str, Any], kwargs: dict[str, Any], applied: set[tuple[str, str]]) -> dict[str, Any]:
    """``config`` with the ``kwargs`` it already has replaced (a copy; the input is left alone)."""
    present = {k: v for k, v in kwargs.items() if k in config.get("kwargs", {})}
    if not present:
        return config
    applied.update((config["meta"]["rule"], k) for k in present)
    return {**config, "kwargs": {**config["kwargs"], **present}}


def _read_suite_file(path: Path) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
    """The suite's name and its expectations, each with the claim table it runs on.

    ``meta.claim_table`` of the file names the table; an expectation's own
    ``meta.claim_table`` overrides it (a family whose rules read several tables,
    like the period rules, stays one file).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SuiteLoadError(f"{path.name}: cannot read suite: {exc}") from exc
    default = data.get("meta", {}).get("claim_table")
    configs = data.get("expectations")
    if not isinstance(configs, list) or not configs:
        raise SuiteLoadError(f"{path.name}: no expectations listed")
    out = []
    for config in configs:
        _check_meta(path.name, config)
        table = config["meta"].get("claim_table", default)
        if table not in KINDS:
            raise SuiteLoadError(
                f"{path.name}: {config['meta']['rule']}: claim_table must be one of {sorted(KINDS)}, not {table!r}"
            )
        out.append((table, config))
    return data.get("name", path.stem), out


def _check_meta(file: str, config: dict[str, Any]) -> None:
    meta = config.get("meta") or {}
    missing = [key for key in REQUIRED_META if key not in meta]
    if missing:
        raise SuiteLoadError(f"{file}: expectation {config.get('type')!r} has no meta {missing}")
    try:
        Category(meta["category"])
        Severity(meta["severity"])
    except ValueError as exc:
        raise SuiteLoadError(f"{file}: {meta['rule']}: {exc}") from exc
    if not all(isinstance(meta["message"].get(lang), str) for lang in ("zh", "en")):
        raise SuiteLoadError(f"{file}: {meta['rule']}: meta.message needs zh and en templates")


# ---------------------------------------------------------------- validation

_context = None


def _get_context():
    """The process-wide ephemeral context (suites need one to exist before they are built)."""
    global _context
    if _context is None:
        _context = gx.get_context(
            mode="ephemeral",
            project_config=DataContextConfig(
                store_backend_defaults=InMemoryStoreBackendDefaults(),
                progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
                analytics_enabled=False,
            ),
        )
        _context.data_sources.add_pandas("audit")
    return _context


def _batch_definition(table: str):
    source = _get_context().data_sources.get("audit")
    try:
        asset = source.get_asset(table)
    except LookupError:
        asset = source.add_dataframe_asset(table)
    try:
        return asset.get_batch_definition("batch")
    except (KeyError, LookupError):
        return asset.add_batch_definition_whole_dataframe("batch")


class _Memo(threading.local):
    """This thread's memo of expectation configurations: None outside ``_configurations_memoized``."""

    built: dict[int, tuple[Expectation, ExpectationConfiguration]] | None = None


_memo = _Memo()
_gx_configuration = Expectation.__dict__.get("configuration")  # GX's own property, when it is one


def _configuration(expectation: Expectation) -> ExpectationConfiguration:
    """GX's ``Expectation.configuration``, built once per expectation while a validation runs.

    GX 1.x builds the configuration afresh (a pydantic ``dict()`` and a new
    ``ExpectationConfiguration``) each time it is read, and a validation reads it
    ~140 times per expectation (once per domain and success key, for each metric it
    plans): ~0.13 s of GX's ~0.42 s fixed cost per chunk (the claim tables of 500 generated
    documents). What it returns depends only on the expectation, which nothing changes
    during a validation; the memo holds the expectation too, so its id is not reused. (GX
    substitutes ``$PARAMETER`` suite parameters into a configuration in place; no suite has one.)
    """
    memo = _memo.built
    if memo is None:
        return _gx_configuration.fget(expectation)  # type: ignore[union-attr]
    built = memo.get(id(expectation))
    if built is None:
        built = memo[id(expectation)] = (expectation, _gx_configuration.fget(expectation))  # type: ignore[union-attr]
    return built[1]


if isinstance(_gx_configuration, property):  # (a GX that no longer has it as a property is left as it is)
    Expectation.configuration = property(_configuration, doc=_gx_configuration.__doc__)  # type: ignore[assignment]


@contextmanager
def _configurations_memoized() -> Iterator[None]:
    """Configurations read in this block (in this thread) are built once per expectation; outside, GX's way."""
    outer = _memo.built
    _memo.built = {} if outer is None else outer
    try:
        yield
    finally:
        _memo.built = outer


@dataclass(frozen=True, slots=True)
class Failure:
    """One claim an expectation rejected."""

    meta: dict[str, Any]
    table: ClaimTable
    claim_id: str


def validate(tables: dict[str, ClaimTable], suites: dict[str, TableSuite]) -> list[Failure]:
    """Run the suite of each of ``tables`` once over all its rows; return every rejected claim.

    ``tables`` may hold some claim tables only (a chunk's tables of single documents,
    or the tables across reports); suites of the others are not run.
    """
    failures: list[Failure] = []
    for name, table_suite in suites.items():
        table = tables.get(name)
        if table is None or table.frame.empty:
            continue
        batch = _batch_definition(name).get_batch(batch_parameters={"dataframe": table.frame})
        with _configurations_memoized():
            result = batch.validate(
                table_suite.suite,
                result_format={
                    "result_format": "COMPLETE",
                    "unexpected_index_column_names": ["claim_id"],
                    # The claim ids are all we read: no pandas query text for each failing row (~10% of a run).
                    "return_unexpected_index_query": False,
                },
            )
        for outcome in result.results:
            info = outcome.exception_info or {}
            if info.get("raised_exception"):
                raise ValidationFailed(
                    f"{outcome.expectation_config.meta.get('rule')}: {info.get('exception_message')}"
                )
            for row in outcome.result.get("unexpected_index_list") or []:
                meta = dict(outcome.expectation_config.meta, kwargs=dict(outcome.expectation_config.kwargs))
                failures.append(Failure(meta, table, row["claim_id"]))
    return failures
