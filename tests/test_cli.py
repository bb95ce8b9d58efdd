"""The command line as a pipeline uses it: the JSON contract, statuses and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from audit.cli import app

from conftest import SAMPLES

SCHEMA = json.loads((Path(__file__).parent / "schema" / "report.schema.json").read_text("utf-8"))


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, ["check", *args, "-o", str(tmp_path / "out")], catch_exceptions=False)

    return invoke


def test_json_output_matches_the_contract(run):
    result = run(str(SAMPLES), "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    jsonschema.validate(payload, SCHEMA)
    paths = sorted(Path(d["path"]).name for d in payload["documents"])
    assert paths == sorted(p.name for p in SAMPLES.glob("*.txt"))
    by_name = {Path(d["path"]).name[:3]: d for d in payload["documents"]}
    assert by_name["003"]["status"] == "fail" and by_name["003"]["report_year"] == 2018
    assert by_name["001"]["status"] == "warn"  # a repeated section and page chrome, no error
    finding = next(f for f in by_name["003"]["findings"] if f["rule"] == "SUM002")
    assert (finding["expected"], finding["observed"]) == (104614, 104300)
    assert payload["summary"]["documents"] == 5
    assert payload["summary"]["fail"] == sum(d["status"] == "fail" for d in payload["documents"])
    assert all(d["report_year"] is not None for d in payload["documents"])


def test_json_says_when_each_report_is_from_and_which_deadline_applied(run):
    payload = json.loads(run(str(SAMPLES), "--format", "json").stdout)
    by_name = {Path(d["path"]).name[:3]: d for d in payload["documents"]}
    dating = by_name["003"]["dating"]
    assert dating["report_year_source"] == "title"
    assert dating["period"] == {"start": "2018-01-01", "end": "2018-12-31"}
    assert dating["signed"] == "2019-01-30" and dating["issuer"] == "普洱市思茅区人民政府"
    assert dating["deadline"]["date"] == "2019-03-31" and dating["deadline"]["regime"] == "2008"
    assert "第三十一条" in dating["deadline"]["basis"]
    assert by_name["002"]["dating"]["title_year"] == 2012 and by_name["002"]["dating"]["body_year"] == 2013
    assert by_name["000"]["dating"]["report_year_source"] == "statements"


def test_writes_one_page_per_document_and_an_index(run, tmp_path):
    run(str(SAMPLES), "--fail-on", "never")
    pages = sorted(p.name for p in (tmp_path / "out").glob("*.html"))
    assert len(pages) == 6 and "index.html" in pages


@pytest.mark.parametrize(
    "args,code",
    [
        ([str(SAMPLES / "001_cd2b5c8018a8e336.txt")], 0),  # warnings only
        ([str(SAMPLES)], 1),  # errors in 003 and 004
        ([str(SAMPLES), "--fail-on", "never"], 0),
        ([str(SAMPLES / "001_cd2b5c8018a8e336.txt"), "--fail-on", "warning"], 1),
        ([str(SAMPLES / "001_cd2b5c8018a8e336.txt"), "--fail-on", "never"], 0),
        ([str(SAMPLES), "--format", "xml"], 2),  # unknown format: usage error
        ([str(SAMPLES), "--fail-on", "sometimes"], 2),
    ],
)
def test_exit_codes(run, args, code):
    assert run(*args).exit_code == code


def test_no_input_found_is_a_usage_error(run, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(str(empty))
    assert result.exit_code == 2
    assert "no input files found" in result.stderr


def test_an_unreadable_file_is_listed_with_status_error_and_the_batch_goes_on(run, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(SAMPLES / "001_cd2b5c8018a8e336.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = run(str(folder), str(tmp_path / "missing.txt"), "--format", "json")
    assert result.exit_code == 1  # an unreadable document counts as an error
    payload = json.loads(result.stdout)
    jsonschema.validate(payload, SCHEMA)
    status = {Path(d["path"]).name: d["status"] for d in payload["documents"]}
    assert status == {
        "001_cd2b5c8018a8e336.txt": "warn",
        "binary.txt": "error",
        "empty.txt": "error",
        "missing.txt": "error",
    }
    for doc in payload["documents"]:
        if doc["status"] == "error":
            [finding] = doc["findings"]
            assert finding["category"] == "input" and finding["severity"] == "error"
    assert "Traceback" not in result.stdout + result.stderr


def test_terminal_summary_lists_every_document(run):
    result = run(str(SAMPLES), "--fail-on", "never")
    for path in SAMPLES.glob("*.txt"):
        assert path.name in result.stdout
    assert "PLH002" in result.stdout  # 003's first finding in text order


def test_rules_and_explain():
    runner = CliRunner()
    listing = runner.invoke(app, ["rules"]).stdout
    assert "SUM001" in listing and "PCT002" in listing
    doc = runner.invoke(app, ["explain", "SUM001"])
    assert doc.exit_code == 0 and "Why it matters" in doc.stdout
    assert runner.invoke(app, ["explain", "XYZ999"]).exit_code == 2


def test_no_progress_bars_or_gx_noise(run):
    result = run(str(SAMPLES), "--format", "json")
    assert "Calculating Metrics" not in result.stderr
    assert "Calculating Metrics" not in result.stdout


def test_an_internal_failure_exits_2_with_a_message_not_a_traceback(run, monkeypatch):
    import audit.cli.check as check_module

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(check_module, "audit_paths", broken)
    result = run(str(SAMPLES))
    assert result.exit_code == 2
    assert "internal error: RuntimeError: disk on fire" in result.stderr
    assert "Traceback" not in result.stderr
