"""The command line a pipeline and an analyst use: options, the other commands, exit codes, integration."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import audit
from audit.cli import app, check as check_module

from conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_003 = SAMPLES / "003_1e027fe9f1c79ffa.txt"  # errors: SUM002, PLH002, PLH003
SAMPLE_001 = SAMPLES / "001_cd2b5c8018a8e336.txt"  # warnings and info only


@pytest.fixture
def cli(tmp_path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


def _check(cli, tmp_path, *args):
    return cli("check", *args, "-o", str(tmp_path / "out"))


# --------------------------------------------------------------- exit codes


def _readme_exit_codes() -> dict[int, str]:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("### Exit codes", 1)[1].split("###", 1)[0]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d) \| (.+) \|$", section, re.MULTILINE)}


# Each row of the README's table, with the situations that must give its code.
SCENARIOS = {
    0: [
        lambda p: [str(SAMPLE_001)],  # warnings only, default --fail-on error
        lambda p: [str(SAMPLES), "--fail-on", "never"],
        lambda p: [str(SAMPLES), "--exit-zero"],
    ],
    1: [
        lambda p: [str(SAMPLE_003)],  # errors
        lambda p: [str(SAMPLE_001), "--fail-on", "warning"],
        lambda p: [str(p / "empty.txt")],  # an unreadable document counts
    ],
    2: [
        lambda p: [str(SAMPLES), "--format", "xml"],  # bad option
        lambda p: [str(SAMPLES), "--fail-on", "sometimes"],
        lambda p: [str(p / "no-such-folder")],  # no input found
    ],
}


def test_the_readme_table_lists_every_exit_code_the_tool_uses():
    assert set(_readme_exit_codes()) == set(SCENARIOS) == {0, 1, 2}


@pytest.mark.parametrize("code,index", [(c, i) for c, rows in SCENARIOS.items() for i in range(len(rows))])
def test_exit_code_table_row_by_row(cli, tmp_path, code, index):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "no-such-folder").mkdir()
    result = _check(cli, tmp_path, *SCENARIOS[code][index](tmp_path))
    assert result.exit_code == code, result.output


# ------------------------------------------------------------------ options


def test_output_file_takes_the_format_and_stdout_stays_empty(cli, tmp_path):
    target = tmp_path / "reports" / "audit.json"
    result = _check(cli, tmp_path, str(SAMPLES), "--format", "json", "--output-file", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    payload = json.loads(target.read_text("utf-8"))
    assert len(payload["documents"]) == 5


def test_quiet_prints_only_the_totals_line(cli, tmp_path):
    result = _check(cli, tmp_path, str(SAMPLES), "--quiet")
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("共 5 份文档")


def test_progress_bar_goes_to_stderr_never_stdout(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(check_module, "_stderr_is_terminal", lambda: True)
    result = _check(cli, tmp_path, str(SAMPLES), "--format", "json")
    json.loads(result.stdout)  # stdout is exactly the JSON document
    assert "auditing" in result.stderr and "5/5" in result.stderr
    quiet = _check(cli, tmp_path, str(SAMPLES), "--format", "json", "--quiet")
    assert "auditing" not in quiet.stderr


def test_no_colour_when_stdout_is_not_a_terminal(cli, tmp_path):
    assert "\x1b[" not in _check(cli, tmp_path, str(SAMPLES)).stdout


def test_version(cli):
    assert cli("--version").stdout == f"audit {audit.__version__}\n"
    module = subprocess.run([sys.executable, "-m", "audit", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert module.returncode == 0 and module.stdout == f"audit {audit.__version__}\n"


def test_the_installed_command_exits_with_the_findings_code_and_writes_every_output(tmp_path):
    """``audit`` as installed (``audit.cli:main``, which skips the exit-time collections): the exit
    code still follows --fail-on, and the JSON and pages are whole."""
    command = Path(sys.executable).parent / "audit"
    if not command.exists():
        pytest.skip("the console script is not installed beside this interpreter")
    sample = str(SAMPLES / "003_1e027fe9f1c79ffa.txt")
    out = tmp_path / "out"
    failed = subprocess.run(
        [str(command), "check", sample, "-o", str(out), "--format", "json", "--quiet"], capture_output=True, text=True
    )
    assert failed.returncode == 1, failed.stderr
    assert json.loads(failed.stdout)["summary"]["documents"] == 1
    assert sorted(p.suffix for p in out.iterdir()) == [".html", ".html"]
    passed = subprocess.run([str(command), "check", sample, "-o", str(out), "--quiet", "--exit-zero"], capture_output=True)
    assert passed.returncode == 0


def test_a_report_piped_on_stdin_is_audited_like_the_file_and_gets_its_page(tmp_path):
    """``audit check -``: the same findings as the file, under the name ``<stdin>``, with its page
    and its row in the index (it ended in an internal error: the page was looked up under ``-``)."""
    sample = SAMPLES / "003_1e027fe9f1c79ffa.txt"
    runner = CliRunner()
    piped = runner.invoke(
        app, ["check", "-", "-o", str(tmp_path / "piped"), "--format", "json", "--quiet"], input=sample.read_bytes()
    )
    named = runner.invoke(app, ["check", str(sample), "-o", str(tmp_path / "named"), "--format", "json", "--quiet"])
    assert piped.exit_code == named.exit_code == 1, piped.output
    [document] = json.loads(piped.stdout)["documents"]
    [same] = json.loads(named.stdout)["documents"]
    assert document["path"] == "<stdin>"
    assert [f["rule"] for f in document["findings"]] == [f["rule"] for f in same["findings"]] != []
    pages = sorted(p.name for p in (tmp_path / "piped").iterdir())
    assert len(pages) == 2 and "index.html" in pages
    page = next(p for p in pages if p != "index.html")
    assert f'href="{page}"' in (tmp_path / "piped" / "index.html").read_text("utf-8")
    empty = runner.invoke(app, ["check", "-", "-o", str(tmp_path / "empty"), "--format", "json", "--quiet"], input=b"")
    assert [f["rule"] for f in json.loads(empty.stdout)["documents"][0]["findings"]] == ["INP001"]


# ----------------------------------------------------------------- commands


def test_extract_json_has_the_figures_relations_and_blanks_of_a_report(cli):
    result = cli("extract", str(SAMPLE_003))
    assert result.exit_code == 0
    [document] = json.loads(result.stdout)["documents"]
    assert document["report_year"] == 2018 and document["issuer"] == "普洱市思茅区人民政府"
    assert any(f["text"] == "104614件" for f in document["figures"])
    [breakdown] = [b for b in document["breakdowns"] if b["total"]["text"] == "104614件"]
    assert [p["text"] for p in breakdown["parts"]] == ["103520件", "780件"]
    blanks = [s["label"] for s in document["slots"] if s["kind"] == "figure" and not s["value"]]
    assert blanks == ["累计在思茅区人民政府网站主动公开政府信息 条", "通过微博微信公开政府信息 条", "报刊、墙报、群众会等其他方式公开政府信息 条"]


def test_extract_csv_is_one_row_per_table_cell(cli, tmp_path):
    workbook = ROOT / "tests" / "fixtures" / "xlsx" / "table3_2021.xls"
    result = cli("extract", str(workbook), str(tmp_path / "missing.txt"), "--format", "csv")
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len(rows) == 25 * 7 and {r["table"] for r in rows} == {"T3"}  # the 2021 表三, 25 rows × 7 columns
    new_total = next(r for r in rows if r["row"] == "new" and r["column"] == "total")
    assert new_total["row_label"].startswith("一、本年新收") and new_total["value"] == new_total["text"]


def test_extract_lists_an_unreadable_input_with_its_reason(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    [document] = json.loads(cli("extract", str(tmp_path / "empty.txt"), "--lang", "en").stdout)["documents"]
    assert document == {"path": str(tmp_path / "empty.txt"), "read": False, "error": "the file is empty"}


def test_suites_lists_every_suite_file_and_its_expectations(cli):
    out = cli("suites").stdout
    files = sorted((ROOT / "expectations").glob("*.json"))
    total = sum(len(json.loads(f.read_text("utf-8"))["expectations"]) for f in files)
    for f in files:
        assert f.name in out
    assert f"{total} expectations" in out
    assert "placeholders.json" in out and "PLH007" in out


# -------------------------------------------------------------- integration


def test_pre_commit_hook_runs_the_installed_command():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "audit-reports" and hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["audit", "check"]
    project = (ROOT / "pyproject.toml").read_text("utf-8")
    assert re.search(r'^audit = "audit\.cli:main"', project, re.MULTILINE)
    for name in ("report.pdf", "报告.docx", "page.htm", "stats.xlsx", "notes.txt"):
        assert re.search(hook["files"], name)
    assert not re.search(hook["files"], "logo.png")


# ----------------------------------------------------- configuration, baseline


def test_config_file_then_flags_decide(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "audit.toml").write_text('fail-on = "warning"\nlang = "en"\nignore = ["STR008"]\n', "utf-8")
    # The file: warnings fail, English messages, page chrome not reported.
    result = cli("check", str(SAMPLE_001), "--format", "json")
    assert result.exit_code == 1
    [document] = json.loads(result.stdout)["documents"]
    assert {f["rule"] for f in document["findings"]} == {"STR005", "STR007"}
    assert document["findings"][0]["message"].startswith("Heading number repeated")
    # Flags win over the file, key by key; the output folder is the packaged default's.
    result = cli("check", str(SAMPLE_001), "--format", "json", "--fail-on", "error", "--select", "STR005")
    assert result.exit_code == 0
    assert [f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]] == ["STR005"]
    assert (tmp_path / "reports_out" / "index.html").exists()


def test_an_unknown_config_key_is_a_usage_error_naming_it(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "audit.toml").write_text("fail_on_warnings = true\n", "utf-8")
    result = cli("check", str(SAMPLE_001))
    assert result.exit_code == 2 and "fail_on_warnings" in result.stderr and "Traceback" not in result.stderr


def test_baseline_round_trip_fails_only_on_the_new_finding(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "report.txt"
    report.write_text(SAMPLE_003.read_text("utf-8"), "utf-8")
    assert cli("check", str(report), "--write-baseline", "baseline.json", "-q").exit_code == 1
    assert cli("check", str(report), "--baseline", "baseline.json", "-q").exit_code == 0
    # A paragraph above moves every offset; one new blank figure is added.
    text = report.read_text("utf-8")
    text = "前言：本报告依据条例编制。\n" + text.replace("办理群众信访835件次。", "办理群众信访835件次,通过政务客户端公开政府信息 条。")
    report.write_text(text, "utf-8")
    result = cli("check", str(report), "--baseline", "baseline.json", "--format", "json")
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)["documents"][0]["findings"]
    assert finding["rule"] == "PLH002" and any("政务客户端公开政府信息 条" in e["text"] for e in finding["evidence"])


def test_a_missing_baseline_is_a_usage_error(cli, tmp_path):
    result = _check(cli, tmp_path, str(SAMPLE_001), "--baseline", str(tmp_path / "none.json"))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_the_readme_configuration_example_is_valid(tmp_path):
    from audit.config import load_config

    text = (ROOT / "README.md").read_text("utf-8")
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(example, "utf-8")
    config = load_config(None, tmp_path, {})
    assert config.fail_on == "warning" and config.lang == "en" and config.output == tmp_path / "audit_out"
