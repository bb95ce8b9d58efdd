"""The GX suites load whole, agree with the rule registry, and the guard fails loudly."""

import json
import shutil

import pytest

from audit.checks import gx, registry
from audit.checks.claims import KINDS
from audit.pipeline import default_suites_dir

SUITES = default_suites_dir()


def _suite_files():
    return sorted(SUITES.glob("*.json"))


def test_every_listed_expectation_loads():
    loaded = gx.load_suites(SUITES)
    listed = sum(len(json.loads(p.read_text("utf-8"))["expectations"]) for p in _suite_files())
    assert listed > 0
    assert sum(len(s.suite.expectations) for s in loaded.values()) == listed


def test_unknown_expectation_type_fails_loudly(tmp_path):
    for path in _suite_files():
        shutil.copy(path, tmp_path / path.name)
    target = tmp_path / "sum.json"
    data = json.loads(target.read_text("utf-8"))
    data["expectations"].append({**data["expectations"][0], "type": "expect_no_such_expectation"})
    target.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(gx.SuiteLoadError, match="expect_no_such_expectation"):
        gx.load_suites(tmp_path)


def test_missing_meta_fails_loudly(tmp_path):
    data = json.loads((SUITES / "sum.json").read_text("utf-8"))
    del data["expectations"][0]["meta"]["message"]
    (tmp_path / "sum.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(gx.SuiteLoadError, match="message"):
        gx.load_suites(tmp_path)


def test_suite_meta_agrees_with_registry():
    seen = set()
    for path in _suite_files():
        for exp in json.loads(path.read_text("utf-8"))["expectations"]:
            meta = exp["meta"]
            rule = registry.get(meta["rule"])
            assert meta["category"] == rule.category.value, meta["rule"]
            assert meta["severity"] == rule.severity.value, meta["rule"]
            assert meta["message"]["zh"] and meta["message"]["en"]
            seen.add(rule.id)
    checked_by_gx = {r.id for r in registry.RULES.values() if r.category.value != "input"}
    assert seen == checked_by_gx


@pytest.mark.parametrize("rule", list(registry.RULES.values()), ids=lambda r: r.id)
def test_rule_docs_have_the_fixed_headings(rule):
    lines = rule.doc.splitlines()
    positions = [lines.index(h) for h in registry.DOC_HEADINGS]
    assert positions == sorted(positions), "headings out of order"
    for heading in registry.DOC_HEADINGS:
        body = lines[lines.index(heading) + 1]
        assert body.startswith("    ") and body.strip(), f"{rule.id}: '{heading}' has no text"


def test_one_validation_per_claim_table_for_the_whole_batch(monkeypatch):
    from conftest import SAMPLES

    from audit.pipeline import audit_paths

    calls = []
    original = gx._batch_definition
    monkeypatch.setattr(gx, "_batch_definition", lambda table: calls.append(table) or original(table))
    report = audit_paths([str(SAMPLES)])
    assert len(report.documents) == 5
    read = {
        name
        for name, kind in KINDS.items()
        if any(kind.facts(d.facts) for d in report.documents if d.facts is not None)
    }
    assert {"breakdowns", "shares", "restatements"} <= read  # the samples state all three
    assert sorted(calls) == sorted(read)  # five documents, still one run per table with rows


def test_gx_is_imported_without_the_modules_its_unused_expectations_need():
    """scipy.stats and altair wait for their first use (GX's KL/KS expectations, which no suite
    has): a fresh process that audits a report never loads them, and GX's own references to
    them, and a later ``import`` elsewhere, still reach the real modules."""
    import subprocess
    import sys
    from pathlib import Path

    sample = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))[0]
    script = f"""
import sys
from audit.pipeline import audit_paths
report = audit_paths([{str(sample)!r}])
print(report.summary()["documents"], [m for m in ("scipy.stats", "altair") if m in sys.modules])
from great_expectations.expectations.core import expect_column_kl_divergence_to_be_less_than as kl
print(round(float(kl.stats.entropy([0.5, 0.5], [0.9, 0.1])), 4), kl.alt.Chart.__name__)
import scipy.stats, altair
print(type(scipy.stats).__name__, type(altair).__name__, scipy.stats.entropy is kl.stats.entropy)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["1 []", "0.5108 Chart", "module module True"]


def test_a_stand_in_read_before_its_block_ends_loads_the_real_module():
    """Were a later GX to use scipy.stats while it is being imported, the stand-in loads the real
    module then, instead of finding itself in sys.modules again."""
    import sys

    sys.modules.pop("colorsys", None)
    with gx._deferred("colorsys"):
        import colorsys

        assert isinstance(colorsys, gx._Deferred)
        assert colorsys.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)
    import colorsys as real

    assert not isinstance(real, gx._Deferred)
    assert colorsys.hsv_to_rgb is real.hsv_to_rgb


def test_configurations_are_built_once_per_expectation_only_while_a_validation_runs():
    """GX's ``Expectation.configuration`` is rebuilt on every read; the adapter memoizes it
    for the duration of a validation (a third of GX's fixed cost), and leaves it GX's way
    outside one."""
    suites = gx.load_suites(default_suites_dir())
    expectation = next(iter(suites.values())).suite.expectations[0]
    assert expectation.configuration is not expectation.configuration  # GX's own behaviour
    with gx._configurations_memoized():
        first = expectation.configuration
        assert expectation.configuration is first
        assert first == expectation.copy().configuration  # the same content as GX builds
    assert expectation.configuration is not first


def test_a_memoized_validation_rejects_exactly_what_gx_rejects(monkeypatch, tmp_path):
    """Every claim table of the samples and of generated reports with errors, validated with the
    memo and without it: the same rejected claims, rule by rule."""
    from contextlib import nullcontext

    from conftest import SAMPLES

    from audit.checks.claims import build_tables
    from audit.extract import extract
    from audit.ingest import load
    from benchmarks.corpus import generate

    generate(tmp_path, 60, seed=3)
    paths = sorted(SAMPLES.glob("*.txt")) + sorted(tmp_path.glob("*.txt"))
    tables = build_tables([extract(load(str(p))) for p in paths])
    suites = gx.load_suites(default_suites_dir())

    def rejected() -> list[tuple[str, str, str]]:
        return sorted((f.meta["rule"], f.table.kind.name, f.claim_id) for f in gx.validate(tables, suites))

    memoized = rejected()
    monkeypatch.setattr(gx, "_configurations_memoized", nullcontext)
    assert memoized == rejected()
    assert len({rule for rule, _, _ in memoized}) >= 8  # the comparison covers many rules' failures
