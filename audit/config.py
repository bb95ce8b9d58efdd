"""Project configuration: packaged defaults < the configuration file < command-line flags.

The file
    ``--config FILE`` when given: an ``audit.toml`` with top-level keys, or a
    ``pyproject.toml`` (recognised by its name) with a ``[tool.audit]`` table.
    Otherwise the first of these found from the current directory upward to
    the filesystem root: in each directory an ``audit.toml``, then a
    ``pyproject.toml`` that has a ``[tool.audit]`` table (a pyproject without
    one is passed over; one that is not valid TOML is an error, since it might
    have held the table).

Keys (TOML spelling; the same names with ``_`` are the ``flags`` keys)
    ``select``      rule ids or prefixes (``"PLH"``, ``"STR00"``) to report; every rule when absent
    ``ignore``      rule ids or prefixes not to report; applied after ``select`` (ignore wins, as in ruff)
    ``severity``    table: rule id or prefix → ``"error"`` | ``"warning"`` | ``"info"``; the longest
                    matching key wins (``STR007 = "error"`` over ``STR = "info"``)
    ``tolerances``  table: a name from :data:`TOLERANCES` → a number; each name maps onto
                    expectation kwargs in ``expectations/*.json``
    ``lang``        ``"zh"`` | ``"en"``
    ``output``      folder for the HTML pages; a relative path in the file is relative to the file's folder
    ``fail-on``     ``"error"`` | ``"warning"`` | ``"never"``
    ``max-bytes``   largest input accepted, a positive integer

Precedence is key by key: a flag the user passed replaces the file's value;
for the two tables (``severity``, ``tolerances``) entry by entry.

Input rules (``INP*``: a document that could not be read or processed) are
always reported: ``select`` does not need to name them, and naming them in
``ignore`` is an error, because a batch whose unreadable reports vanish from
the output would pass a CI gate without having been audited. Their severity
may be changed (an unreadable document keeps the status ``error`` whatever
its severity).

Every problem is a :class:`ConfigError` whose message (zh and en) names the
file and the key.
"""

from __future__ import annotations

import enum
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from audit.checks.registry import RULES
from audit.ingest import DEFAULT_MAX_BYTES
from audit.errors import BilingualError
from audit.model import AuditReport, Finding, Severity

INPUT_PREFIX = "INP"
AUDIT_TOML = "audit.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(BilingualError):
    """A configuration file or flag that cannot be used; ``str()`` gives both languages."""


# ----------------------------------------------------------------- tolerances


@dataclass(frozen=True, slots=True)
class Tolerance:
    """A documented threshold an agency may tune, and the expectation kwargs it sets.

    ``low_open``: the lower bound itself is not allowed.
    """

    name: str
    targets: tuple[tuple[str, str], ...]  # (rule, expectation kwarg)
    default: float
    low: float
    high: float
    low_open: bool
    doc_zh: str
    doc_en: str

    def accepts(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        return above and value <= self.high

    def bounds(self) -> str:
        return f"{'(' if self.low_open else '['}{self.low:g}, {self.high:g}]"


TOLERANCES: dict[str, Tolerance] = {
    t.name: t
    for t in (
        Tolerance(
            "copied-share",
            (("STR009", "max_value"),),
            0.5,
            0.0,
            1.0,
            True,
            "本报告句子与上年报告逐字相同的比例，超过即报告 STR009",
            "share of the report's sentences identical to last year's report above which STR009 reports it",
        ),
        Tolerance(
            "paragraph-similarity",
            (("STR007", "max_value"),),
            0.9,
            # Paragraph pairs below 0.6 are never collected (audit/extract/structure.py, _NEAR).
            0.6,
            1.0,
            False,
            "两段文字的相似度（difflib）达到该值即视为重复段落（STR007）",
            "similarity (difflib ratio) from which two paragraphs count as one repeated (STR007)",
        ),
        Tolerance(
            "breakdown-coverage",
            (("SUM002", "coverage_at_least"), ("SUM003", "coverage_below")),
            0.98,
            0.0,
            1.0,
            True,
            "分项之和小于总数时：覆盖总数达到该比例为计算错误（SUM002，错误），低于该比例为部分列举（SUM003，提示）",
            "when parts fall short of their total: covering at least this share of it is an arithmetic "
            "slip (SUM002, error), less is a partial list (SUM003, info)",
        ),
    )
}


# --------------------------------------------------------------------- config


@dataclass(frozen=True)
class Config:
    """The merged configuration (defaults, then the file, then flags)."""

    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    tolerances: Mapping[str, float] = field(default_factory=dict)
    lang: str = "zh"
    output: Path = Path("reports_out")
    fail_on: str = "error"
    max_bytes: int = DEFAULT_MAX_BYTES
    source: Path | None = None  # the file read, None when none was found

    def overrides(self) -> dict[str, dict[str, float]]:
        """The tolerances as expectation kwarg overrides: ``{rule: {kwarg: value}}`` for ``gx.load_suites``."""
        out: dict[str, dict[str, float]] = {}
        for name, value in self.tolerances.items():
            for rule, kwarg in TOLERANCES[name].targets:
                out.setdefault(rule, {})[kwarg] = value
        return out

    def reports(self, rule: str) -> bool:
        """Whether findings of ``rule`` are reported under ``select`` and ``ignore``."""
        if rule.startswith(INPUT_PREFIX):
            return True
        if self.select is not None and not any(rule.startswith(s) for s in self.select):
            return False
        return not any(rule.startswith(s) for s in self.ignore)

    def apply(self, findings: list[Finding]) -> list[Finding]:
        """``findings`` with ``select``/``ignore`` and ``severity`` applied (input findings only re-graded)."""
        out = []
        for finding in findings:
            if self.reports(finding.rule):
                severity = self.severity_of(finding)
                out.append(finding if severity is finding.severity else replace(finding, severity=severity))
        return out

    def severity_of(self, finding: Finding) -> Severity:
        """The finding's severity after the ``severity`` table (longest matching key wins)."""
        keys = [key for key in self.severity if finding.rule.startswith(key)]
        return self.severity[max(keys, key=len)] if keys else finding.severity


FIELDS = ("select", "ignore", "severity", "tolerances", "lang", "output", "fail_on", "max_bytes")
_TOML_NAMES = {name.replace("_", "-"): name for name in FIELDS}
_CHOICES = {
    "lang": ("zh", "en"),
    "fail_on": ("error", "warning", "never"),
}


def load_config(path: Path | None, cwd: Path, flags: Mapping[str, Any]) -> Config:
    """Merge the packaged defaults, the configuration file and the flags the user passed.

    ``path`` is ``--config`` (relative to ``cwd``; None: discover from ``cwd``
    upward). ``flags`` holds only the options given on the command line, by
    field name (``fail_on``, ``max_bytes``, …); enum values are taken by their
    ``.value``, and ``select``/``ignore`` may be a comma-separated string.
    """
    source = (cwd / path if not path.is_absolute() else path) if path is not None else discover(cwd)
    values: dict[str, Any] = {}
    if source is not None:
        table, prefix = _read(source, explicit=path is not None)
        where = _Where(source, prefix)
        for key, value in table.items():
            name = _TOML_NAMES.get(key)
            if name is None:
                raise where.error(key, "未知的配置项", "unknown key")
            values[name] = _validate(name, value, where.sub(key))
        if "output" in values and not values["output"].is_absolute():
            values["output"] = source.parent / values["output"]
    where = _Where(None, "--")
    for name, value in flags.items():
        if name not in FIELDS:
            raise where.error(name.replace("_", "-"), "未知的选项", "unknown option")
        if isinstance(value, enum.Enum):
            value = value.value
        elif isinstance(value, Path):
            value = str(value)
        elif name in ("select", "ignore") and isinstance(value, str):
            value = [item for item in value.split(",") if item.strip()]  # ruff style: --select SUM,PCT
        checked = _validate(name, value, where.sub(name.replace("_", "-")))
        if name in ("severity", "tolerances"):
            checked = {**values.get(name, {}), **checked}
        values[name] = checked
    return Config(**values, source=source)


def discover(cwd: Path) -> Path | None:
    """The configuration file for ``cwd``: the nearest ``audit.toml`` or ``pyproject.toml`` with ``[tool.audit]``."""
    for folder in (cwd.resolve(), *cwd.resolve().parents):
        candidate = folder / AUDIT_TOML
        if candidate.is_file():
            return candidate
        candidate = folder / PYPROJECT
        if candidate.is_file():
            tool = _parse(candidate).get("tool")
            if isinstance(tool, dict) and "audit" in tool:
                return candidate
    return None


def apply_config(report: AuditReport, config: Config) -> AuditReport:
    """The report with ``select``/``ignore`` and ``severity`` applied; ``report`` is left as it was.

    Input findings (INP*) are never filtered out, only re-graded.
    """
    return AuditReport([replace(result, findings=config.apply(result.findings)) for result in report.documents])


# ------------------------------------------------------------------- reading


def _parse(file: Path) -> dict[str, Any]:
    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"配置文件不存在：{file}", f"configuration file not found: {file}") from None
    except OSError as exc:
        raise ConfigError(
            f"无法读取配置文件 {file}：{exc.strerror or exc}", f"cannot read configuration file {file}: {exc.strerror or exc}"
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"配置文件 {file} 不是有效的 TOML：{exc}", f"configuration file {file} is not valid TOML: {exc}"
        ) from None


def _read(file: Path, *, explicit: bool) -> tuple[dict[str, Any], str]:
    """The configuration table of ``file`` and the dotted prefix its keys are named with."""
    data = _parse(file)
    if file.name != PYPROJECT:
        return data, ""
    tool = data.get("tool", {})
    table = tool.get("audit") if isinstance(tool, dict) else None
    if table is None:
        assert explicit  # discovery passes over a pyproject without the table
        raise ConfigError(
            f"{file}：没有 [tool.audit] 配置表", f"{file}: has no [tool.audit] table"
        )
    if not isinstance(table, dict):
        raise ConfigError(f"{file}：tool.audit 应为配置表", f"{file}: tool.audit must be a table")
    return table, "tool.audit."


@dataclass(frozen=True, slots=True)
class _Where:
    """Where a value came from, for messages: a file and dotted key, or the command line."""

    file: Path | None
    key: str

    def sub(self, key: str) -> _Where:
        return _Where(self.file, f"{self.key}{key}")

    def error(self, key: str | None, zh: str, en: str) -> ConfigError:
        name = self.key if key is None else f"{self.key}{key}"
        if self.file is None:
            return ConfigError(f"命令行选项 {name}：{zh}", f"command-line option {name}: {en}")
        return ConfigError(f"配置文件 {self.file}：{name}：{zh}", f"configuration file {self.file}: {name}: {en}")


def _validate(name: str, value: Any, where: _Where) -> Any:
    if name in ("select", "ignore"):
        selectors = _selectors(value, where)
        if name == "ignore":
            for selector in selectors:
                if INPUT_PREFIX.startswith(selector) or selector.startswith(INPUT_PREFIX):
                    raise where.error(
                        None,
                        f"不能忽略输入规则（{selector}）：无法读取的文件会从结果中消失；如需要，可在 severity 中调整其级别",
                        f"input rules cannot be ignored ({selector}): an unreadable document would vanish from "
                        "the results; change its level under severity instead",
                    )
        return selectors
    if name == "severity":
        table = _table(value, where)
        out: dict[str, Severity] = {}
        for key, level in table.items():
            selector = _selector(key, where.sub(f".{key}"))
            if level not in {s.value for s in Severity}:
                raise where.sub(f".{key}").error(
                    None, f"级别应为 error、warning 或 info，而不是 {level!r}", f"must be error, warning or info, not {level!r}"
                )
            out[selector] = Severity(level)
        return out
    if name == "tolerances":
        table = _table(value, where)
        tolerances: dict[str, float] = {}
        for key, number in table.items():
            here = where.sub(f".{key}")
            tolerance = TOLERANCES.get(key)
            if tolerance is None:
                known = "、".join(TOLERANCES)
                raise here.error(None, f"未知的容差（可用：{known}）", f"unknown tolerance (known: {', '.join(TOLERANCES)})")
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                raise here.error(None, f"应为数字，而不是 {number!r}", f"must be a number, not {number!r}")
            if not tolerance.accepts(float(number)):
                raise here.error(
                    None,
                    f"应在 {tolerance.bounds()} 之间，而不是 {number}",
                    f"must be within {tolerance.bounds()}, not {number}",
                )
            tolerances[key] = float(number)
        return tolerances
    if name in _CHOICES:
        if value not in _CHOICES[name]:
            choices = "、".join(_CHOICES[name])
            raise where.error(
                None, f"应为 {choices} 之一，而不是 {value!r}", f"must be one of {', '.join(_CHOICES[name])}, not {value!r}"
            )
        return value
    if name == "output":
        if not isinstance(value, str) or not value.strip():
            raise where.error(None, f"应为非空的目录路径，而不是 {value!r}", f"must be a folder path, not {value!r}")
        return Path(value)
    assert name == "max_bytes"
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise where.error(None, f"应为正整数（字节），而不是 {value!r}", f"must be a positive integer (bytes), not {value!r}")
    return value


def _table(value: Any, where: _Where) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise where.error(None, f"应为配置表，而不是 {value!r}", f"must be a table, not {value!r}")
    return value


def _selectors(value: Any, where: _Where) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise where.error(
            None, f"应为规则编号或前缀的列表，而不是 {value!r}", f"must be a list of rule ids or prefixes, not {value!r}"
        )
    return tuple(_selector(item, where) for item in value)


def _selector(item: Any, where: _Where) -> str:
    """A rule id or a prefix of at least one rule id (``STR007``, ``STR00``, ``PLH``), upper-cased."""
    if not isinstance(item, str) or not item.strip():
        raise where.error(None, f"规则编号应为非空字符串，而不是 {item!r}", f"a rule id must be a non-empty string, not {item!r}")
    selector = item.strip().upper()
    if not any(rule.startswith(selector) for rule in RULES):
        raise where.error(
            None,
            f"未知的规则编号或前缀 {item!r}（audit rules 列出全部规则）",
            f"unknown rule id or prefix {item!r} (audit rules lists them)",
        )
    return selector


__all__ = [
    "Config",
    "ConfigError",
    "TOLERANCES",
    "Tolerance",
    "apply_config",
    "discover",
    "load_config",
]
