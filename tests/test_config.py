"""Project configuration: where it is found, what wins, what is refused, and what it changes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from audit.config import TOLERANCES, Config, ConfigError, apply_config, discover, load_config
from audit.ingest import DEFAULT_MAX_BYTES
from audit.model import Severity

from conftest import ROOT, SAMPLES

S003 = SAMPLES / "003_1e027fe9f1c79ffa.txt"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ discovery


def test_the_nearest_audit_toml_is_found_from_a_subfolder(tmp_path):
    config = write(tmp_path / "audit.toml", 'lang = "en"\n')
    cwd = tmp_path / "reports" / "2018"
    cwd.mkdir(parents=True)
    assert discover(cwd) == config.resolve()
    assert load_config(None, cwd, {}).lang == "en"


def test_pyproject_with_tool_audit_is_found(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.audit]\nfail-on = "warning"\n')
    loaded = load_config(None, tmp_path, {})
    assert loaded.fail_on == "warning" and loaded.source == (tmp_path / "pyproject.toml").resolve()


def test_a_pyproject_without_tool_audit_is_passed_over(tmp_path):
    outer = write(tmp_path / "audit.toml", "max-bytes = 1000\n")
    inner = tmp_path / "project"
    write(inner / "pyproject.toml", '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n')
    assert discover(inner) == outer.resolve()
    assert load_config(None, inner, {}).max_bytes == 1000


def test_audit_toml_comes_before_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.audit]\nlang = "zh"\n')
    write(tmp_path / "audit.toml", 'lang = "en"\n')
    assert load_config(None, tmp_path, {}).lang == "en"


def test_config_flag_names_the_file_and_discovery_is_skipped(tmp_path):
    write(tmp_path / "audit.toml", 'lang = "en"\n')
    chosen = write(tmp_path / "ci" / "strict.toml", 'fail-on = "warning"\n')
    loaded = load_config(chosen, tmp_path, {})
    assert (loaded.fail_on, loaded.lang, loaded.source) == ("warning", "zh", chosen)


def test_config_flag_accepts_a_pyproject_and_reads_tool_audit(tmp_path):
    chosen = write(tmp_path / "other" / "pyproject.toml", '[tool.audit]\nselect = ["SUM"]\n')
    assert load_config(chosen, tmp_path, {}).select == ("SUM",)


def test_config_flag_with_a_pyproject_lacking_the_table_is_an_error(tmp_path):
    chosen = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError) as err:
        load_config(chosen, tmp_path, {})
    assert "[tool.audit]" in err.value.message_en and str(chosen) in str(err.value)


def test_a_missing_config_file_is_an_error_not_a_traceback(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path / "nope.toml", tmp_path, {})
    assert "nope.toml" in err.value.message_zh and "not found" in err.value.message_en


def test_invalid_toml_names_the_file(tmp_path):
    bad = write(tmp_path / "audit.toml", "select = [\n")
    with pytest.raises(ConfigError) as err:
        load_config(None, tmp_path, {})
    assert str(bad.resolve()) in err.value.message_en and "TOML" in err.value.message_en


def test_the_projects_own_pyproject_is_a_valid_configuration():
    assert load_config(ROOT / "pyproject.toml", ROOT, {}).source == ROOT / "pyproject.toml"


# ----------------------------------------------------------------- precedence

FILE_VALUES = {
    "select": ('select = ["PLH", "STR00"]', ("PLH", "STR00")),
    "ignore": ('ignore = ["PLH007"]', ("PLH007",)),
    "severity": ('severity = { STR007 = "error" }', {"STR007": Severity.ERROR}),
    "tolerances": ("tolerances = { copied-share = 0.7 }", {"copied-share": 0.7}),
    "lang": ('lang = "en"', "en"),
    "output": ('output = "site"', "site"),  # relative to the file's folder: checked below
    "fail_on": ('fail-on = "never"', "never"),
    "max_bytes": ("max-bytes = 4096", 4096),
}
FLAG_VALUES = {
    "select": (["SUM001"], ("SUM001",)),
    "ignore": (["SUM"], ("SUM",)),
    "severity": ({"STR007": "info"}, {"STR007": Severity.INFO}),
    "tolerances": ({"copied-share": 0.9}, {"copied-share": 0.9}),
    "lang": ("zh", "zh"),
    "output": (Path("elsewhere"), Path("elsewhere")),
    "fail_on": ("warning", "warning"),
    "max_bytes": (123, 123),
}
DEFAULTS = Config()


@pytest.mark.parametrize("key", list(FILE_VALUES))
def test_defaults_then_file_then_flag_key_by_key(tmp_path, key):
    line, from_file = FILE_VALUES[key]
    config_file = write(tmp_path / "audit.toml", line + "\n")
    # The default stands when the file does not set the key.
    write(tmp_path / "empty" / "audit.toml", "")
    assert getattr(load_config(None, tmp_path / "empty", {}), key) == getattr(DEFAULTS, key)
    # The file replaces the default…
    loaded = getattr(load_config(None, tmp_path, {}), key)
    expected = config_file.parent.resolve() / from_file if key == "output" else from_file
    assert loaded == expected and loaded != getattr(DEFAULTS, key)
    # …and a flag the user passed replaces the file.
    flag, from_flag = FLAG_VALUES[key]
    assert getattr(load_config(None, tmp_path, {key: flag}), key) == from_flag
    # A flag for another key leaves this one as the file set it.
    other = next(k for k in FLAG_VALUES if k != key)
    assert getattr(load_config(None, tmp_path, {other: FLAG_VALUES[other][0]}), key) == expected


def test_the_defaults_are_the_documented_ones():
    assert (DEFAULTS.select, DEFAULTS.ignore, dict(DEFAULTS.severity), dict(DEFAULTS.tolerances)) == (None, (), {}, {})
    assert (DEFAULTS.lang, DEFAULTS.output, DEFAULTS.fail_on, DEFAULTS.max_bytes) == (
        "zh",
        Path("reports_out"),
        "error",
        DEFAULT_MAX_BYTES,
    )


def test_table_flags_merge_entry_by_entry_over_the_file(tmp_path):
    write(tmp_path / "audit.toml", '[severity]\nSTR007 = "error"\nPLH = "info"\n')
    loaded = load_config(None, tmp_path, {"severity": {"STR007": "info"}})
    assert loaded.severity == {"STR007": Severity.INFO, "PLH": Severity.INFO}


def test_flags_take_enum_values_and_comma_separated_selectors(tmp_path):
    import enum

    class Lang(str, enum.Enum):
        EN = "en"

    write(tmp_path / "audit.toml", "")
    loaded = load_config(None, tmp_path, {"lang": Lang.EN, "select": "sum,PCT001"})
    assert (loaded.lang, loaded.select) == ("en", ("SUM", "PCT001"))


# ---------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "toml,key",
    [
        ("colour = true", "colour"),
        ('fail_on = "error"', "fail_on"),  # the file spells it fail-on
        ('select = "SUM"', "select"),
        ('select = ["SUM", "XYZ"]', "select"),
        ('select = ["Q"]', "select"),
        ('ignore = ["STR999"]', "ignore"),
        ('ignore = ["INP001"]', "ignore"),
        ('ignore = ["IN"]', "ignore"),
        ('severity = { STR007 = "fatal" }', "severity.STR007"),
        ('severity = { NOPE1 = "info" }', "severity.NOPE1"),
        ('severity = "info"', "severity"),
        ("tolerances = { copied-share = 1.5 }", "tolerances.copied-share"),
        ("tolerances = { copied-share = 0 }", "tolerances.copied-share"),
        ('tolerances = { copied-share = "half" }', "tolerances.copied-share"),
        ("tolerances = { paragraph-similarity = 0.5 }", "tolerances.paragraph-similarity"),
        ("tolerances = { rounding = 1 }", "tolerances.rounding"),
        ('lang = "fr"', "lang"),
        ('fail-on = "always"', "fail-on"),
        ("max-bytes = 0", "max-bytes"),
        ("max-bytes = true", "max-bytes"),
        ('max-bytes = "1MB"', "max-bytes"),
        ("output = 3", "output"),
    ],
)
def test_a_bad_key_or_value_names_the_key_and_the_file_in_both_languages(tmp_path, toml, key):
    config_file = write(tmp_path / "audit.toml", toml + "\n")
    with pytest.raises(ConfigError) as err:
        load_config(None, tmp_path, {})
    for message in (err.value.message_zh, err.value.message_en):
        assert key in message and str(config_file.resolve()) in message
    assert re.search(r"[\u4e00-\u9fff]", err.value.message_zh)


def test_keys_inside_pyproject_are_named_with_their_table(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.audit]\nmax-bytes = -1\n")
    with pytest.raises(ConfigError) as err:
        load_config(None, tmp_path, {})
    assert "tool.audit.max-bytes" in err.value.message_en


def test_a_bad_flag_names_the_option(tmp_path):
    write(tmp_path / "audit.toml", "")
    with pytest.raises(ConfigError) as err:
        load_config(None, tmp_path, {"fail_on": "sometimes"})
    assert "--fail-on" in err.value.message_en and "命令行" in err.value.message_zh
    with pytest.raises(ConfigError):
        load_config(None, tmp_path, {"colour": True})


def test_every_tolerance_maps_onto_a_kwarg_the_suites_have_with_the_documented_default():
    suites = {}
    for path in (ROOT / "expectations").glob("*.json"):
        for expectation in json.loads(path.read_text("utf-8"))["expectations"]:
            suites.setdefault(expectation["meta"]["rule"], []).append(expectation["kwargs"])
    for tolerance in TOLERANCES.values():
        for rule, kwarg in tolerance.targets:
            values = [kwargs[kwarg] for kwargs in suites[rule] if kwarg in kwargs]
            assert values == [tolerance.default], (tolerance.name, rule, kwarg)
        assert tolerance.accepts(tolerance.default)


def test_paragraph_similarity_floor_is_where_the_extractor_stops_collecting_pairs():
    from audit.extract import structure

    assert TOLERANCES["paragraph-similarity"].low == structure._NEAR


# ------------------------------------------------------------------- applying


@pytest.fixture(scope="module")
def report_003():
    from audit.pipeline import audit_paths

    return audit_paths([str(S003)])


def rules(report) -> list[str]:
    return [f.rule for d in report.documents for f in d.findings]


def test_select_and_ignore_filter_findings_like_ruff(report_003):
    assert set(rules(report_003)) == {"STR002", "PLH002", "SUM002", "PLH003", "PLH007"}
    assert rules(apply_config(report_003, Config(select=("PLH",)))) == ["PLH002", "PLH003", "PLH007"]
    # ignore removes from what select picked (ignore wins)
    assert rules(apply_config(report_003, Config(select=("PLH", "SUM"), ignore=("PLH00",)))) == ["SUM002"]
    assert "STR002" not in rules(apply_config(report_003, Config(ignore=("STR",))))
    # the input report is untouched
    assert len(rules(report_003)) == 5


def test_severity_override_changes_the_status_and_the_counts(report_003):
    [doc] = report_003.documents
    assert doc.status.value == "fail"
    relaxed = apply_config(report_003, Config(severity={"PLH": Severity.WARNING, "SUM002": Severity.WARNING}))
    assert relaxed.documents[0].status.value == "warn"
    assert relaxed.summary()["findings"] == {"error": 0, "warning": 5, "info": 0}
    # the longest matching key wins
    mixed = apply_config(report_003, Config(severity={"PLH": Severity.INFO, "PLH002": Severity.ERROR}))
    levels = {f.rule: f.severity for f in mixed.documents[0].findings}
    assert levels["PLH002"] is Severity.ERROR and levels["PLH003"] is Severity.INFO


def test_input_findings_survive_select_but_can_be_regraded(tmp_path):
    from audit.pipeline import audit_paths

    report = audit_paths([str(tmp_path / "missing.txt")])
    kept = apply_config(report, Config(select=("SUM",)))
    assert rules(kept) == ["INP001"]
    regraded = apply_config(report, Config(severity={"INP001": Severity.WARNING}))
    [finding] = regraded.documents[0].findings
    assert finding.severity is Severity.WARNING
    assert regraded.documents[0].status.value == "error"  # still not audited


def test_breakdown_coverage_tolerance_turns_the_sum002_of_sample_003_into_sum003():
    """104300 of 104614 is 99.7%: an error at the default 0.98, a partial list at 0.999."""
    from audit.pipeline import audit_paths

    overrides = load_config(None, S003.parent, {"tolerances": {"breakdown-coverage": 0.999}}).overrides()
    assert overrides == {"SUM002": {"coverage_at_least": 0.999}, "SUM003": {"coverage_below": 0.999}}
    strict = audit_paths([str(S003)], overrides=overrides)
    default = audit_paths([str(S003)])  # same process: no suite is reused from the strict run
    assert "SUM002" in rules(default) and "SUM003" not in rules(default)
    assert "SUM003" in rules(strict) and "SUM002" not in rules(strict)
    [finding] = [f for f in strict.documents[0].findings if f.rule == "SUM003"]
    assert finding.severity is Severity.INFO and "104614" in finding.evidence[0].text


def _copied_pair():
    """Sample 003 as last year's report and, as this year's, the same body's text a year on with
    every third sentence reworded: three quarters of its sentences are last year's."""
    from audit.ingest.text import read_text

    last = S003.read_text("utf-8")
    this = re.sub(r"20\d\d", lambda m: str(int(m.group()) + 1), last)
    this = "。".join(
        s + ("，并在此基础上进一步改进" if k % 3 == 0 and len(s) > 12 else "") for k, s in enumerate(this.split("。"))
    )
    return [read_text("2018.txt", last.encode("utf-8")), read_text("2019.txt", this.encode("utf-8"))]


def test_copied_share_tolerance_decides_whether_a_75_percent_copy_is_reported():
    from audit.pipeline import audit_documents

    default = audit_documents(_copied_pair())
    [copied] = [f for f in default.documents[1].findings if f.rule == "STR009"]
    assert 0.7 < copied.observed < 0.8
    tolerant = audit_documents(_copied_pair(), overrides=Config(tolerances={"copied-share": 0.8}).overrides())
    assert "STR009" not in rules(tolerant)
    strict = audit_documents(_copied_pair(), overrides=Config(tolerances={"copied-share": 0.7}).overrides())
    assert "STR009" in rules(strict)


def test_an_override_no_expectation_has_fails_loudly():
    from audit.checks import gx
    from audit.pipeline import default_suites_dir

    with pytest.raises(gx.SuiteLoadError, match="STR009.min_value"):
        gx.load_suites(default_suites_dir(), {"STR009": {"min_value": 0.1}})
    suites = gx.load_suites(default_suites_dir(), {"STR007": {"max_value": 0.75}})
    [str007] = [e for e in suites["repeats"].suite.expectations if e.meta["rule"] == "STR007"]
    assert str007.max_value == 0.75
    fresh = gx.load_suites(default_suites_dir())
    [str007] = [e for e in fresh["repeats"].suite.expectations if e.meta["rule"] == "STR007"]
    assert str007.max_value == 0.9


def test_a_relative_config_path_is_read_from_cwd_and_output_follows_the_file(tmp_path):
    write(tmp_path / "ci" / "audit.toml", 'output = "pages"\n')
    loaded = load_config(Path("ci/audit.toml"), tmp_path, {})
    assert loaded.output == tmp_path / "ci" / "pages"
