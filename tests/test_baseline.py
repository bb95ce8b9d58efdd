"""Baselines: accepted findings stay accepted while the text moves; new ones come through."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from audit.baseline import BaselineError, document_key, filter_baseline, read_baseline, write_baseline
from audit.model import AuditReport

from conftest import SAMPLES

S003 = SAMPLES / "003_1e027fe9f1c79ffa.txt"
INSERTED = "本报告由区人民政府办公室根据各单位报送材料汇总编制，现予公布，接受社会监督。\n"
NEW_BLANK = "通过政务客户端公开政府信息 条,"


def audit(*paths: Path) -> AuditReport:
    from audit.pipeline import audit_paths

    return audit_paths([str(p) for p in paths])


def findings(report: AuditReport) -> list[tuple[str, list[str]]]:
    return [(f.rule, [e.text for e in f.evidence]) for d in report.documents for f in d.findings]


@pytest.fixture
def project(tmp_path):
    """A copy of sample 003 in a project folder, and the baseline written for it."""
    doc = tmp_path / "reports" / "siming-2018.txt"
    doc.parent.mkdir()
    shutil.copy(S003, doc)
    baseline = tmp_path / "audit-baseline.json"
    before = audit(doc)
    assert write_baseline(before, baseline) == 5
    return doc, baseline, before


def test_round_trip_drops_every_accepted_finding(project):
    doc, baseline, before = project
    assert len(findings(before)) == 5
    after = filter_baseline(before, baseline)
    assert findings(after) == [] and after.documents[0].status.value == "pass"
    assert len(findings(before)) == 5  # the input report is left as it was


def test_only_the_new_blank_remains_after_a_paragraph_is_inserted_above(project):
    doc, baseline, before = project
    text = doc.read_text("utf-8")
    anchor = "通过微博微信公开政府信息 条"
    assert text.count(anchor) == 1
    doc.write_text(INSERTED + text.replace(anchor, NEW_BLANK + anchor), encoding="utf-8")
    edited = audit(doc)
    # Every finding moved: no offset is where it was.
    old_starts = {e.start for f in before.documents[0].findings for e in f.evidence}
    assert not old_starts & {e.start for f in edited.documents[0].findings for e in f.evidence}
    [(rule, evidence)] = findings(filter_baseline(edited, baseline))
    # PLH002 reports every blank of a document as one finding: it gained one, so it is new (whole).
    assert rule == "PLH002" and "通过政务客户端公开政府信息 条" in evidence and len(evidence) == 4


def test_a_grouped_finding_that_lost_evidence_stays_accepted(project):
    doc, baseline, _ = project
    text = doc.read_text("utf-8")
    doc.write_text(text.replace("通过微博微信公开政府信息 条", "通过微博微信公开政府信息36条"), encoding="utf-8")
    edited = audit(doc)
    [plh002] = [f for f in edited.documents[0].findings if f.rule == "PLH002"]
    assert len(plh002.evidence) == 2
    assert findings(filter_baseline(edited, baseline)) == []


def test_a_changed_figure_is_a_new_finding(project):
    doc, baseline, _ = project
    text = doc.read_text("utf-8")
    doc.write_text(text.replace("窗口办件780件", "窗口办件781件"), encoding="utf-8")
    [(rule, evidence)] = findings(filter_baseline(audit(doc), baseline))
    assert rule == "SUM002" and "781" in evidence[0]


def test_baseline_counts_identical_findings(project):
    doc, baseline, before = project
    [result] = before.documents
    sum002 = next(f for f in result.findings if f.rule == "SUM002")
    doubled = AuditReport([replace(result, findings=[*result.findings, sum002])])
    assert [rule for rule, _ in findings(filter_baseline(doubled, baseline))] == ["SUM002"]
    write_baseline(doubled, baseline)
    [entry] = [e for e in read_baseline(baseline) if e.rule == "SUM002"]
    assert entry.count == 2
    assert findings(filter_baseline(doubled, baseline)) == []


def test_another_document_is_not_covered_by_this_ones_baseline(project, tmp_path):
    doc, baseline, _ = project
    twin = tmp_path / "reports" / "copy.txt"
    shutil.copy(doc, twin)
    after = filter_baseline(audit(doc, twin), baseline)
    assert [len(d.findings) for d in after.documents] == [0, 5]


def test_the_document_key_is_relative_to_the_baseline_folder_not_the_cwd(project, tmp_path, monkeypatch):
    doc, baseline, before = project
    entries = read_baseline(baseline)
    assert {e.document for e in entries} == {"reports/siming-2018.txt"}
    monkeypatch.chdir(doc.parent)  # run from a subfolder, naming the document relatively
    report = audit(Path(doc.name))
    assert findings(filter_baseline(report, Path(os.path.relpath(baseline)))) == []
    assert document_key("<stdin>", tmp_path) == "<stdin>"


def test_the_baseline_file_is_readable_json_without_offsets(project):
    _, baseline, _ = project
    payload = json.loads(baseline.read_text("utf-8"))
    assert payload["version"] == 1
    entry = next(e for e in payload["findings"] if e["rule"] == "PLH003")
    assert entry["evidence"] == [{"text": "在中央第环境保护督察组"}]  # whitespace removed
    assert entry["name"] and entry["count"] == 1 and len(entry["fingerprint"]) == 20
    assert "start" not in json.dumps(payload) and "line" not in json.dumps(payload)


def test_table_evidence_is_keyed_by_table_row_and_column(tmp_path):
    from audit.model import Category, DocumentResult, Evidence, Finding, Severity

    def cell(column: str) -> Finding:
        evidence = Evidence("3", 10, 11, table="T3", row="三、本年度办理结果", column=column)
        return Finding("TBL001", "x", Category.TABLE, Severity.ERROR, "差", "off", (evidence,))

    doc = tmp_path / "t.txt"
    doc.write_text("x", encoding="utf-8")
    baseline = tmp_path / "b.json"
    write_baseline(AuditReport([DocumentResult(str(doc), None, [cell("自然人")])]), baseline)
    assert read_baseline(baseline)[0].evidence[0] == (
        ("column", "自然人"),
        ("row", "三、本年度办理结果"),
        ("table", "T3"),
        ("text", "3"),
    )
    other = AuditReport([DocumentResult(str(doc), None, [cell("自然人"), cell("法人或其他组织")])])
    [(rule, _)] = findings(filter_baseline(other, baseline))
    assert rule == "TBL001"


def test_input_findings_are_never_baselined(tmp_path):
    missing = tmp_path / "missing.txt"
    report = audit(missing)
    baseline = tmp_path / "b.json"
    assert write_baseline(report, baseline) == 0
    assert [rule for rule, _ in findings(filter_baseline(report, baseline))] == ["INP001"]


@pytest.mark.parametrize(
    "content,says",
    [
        (None, "not found"),
        ("{not json", "not valid JSON"),
        ("[]", "malformed"),
        ('{"version": 2, "findings": []}', "malformed"),
        ('{"version": 1, "findings": [{"document": "a", "rule": "SUM001"}]}', "entry 1"),
        (
            '{"version": 1, "findings": [{"document": "a", "rule": "SUM001", "fingerprint": "x", '
            '"count": 1, "evidence": [{"text": "1"}]}]}',
            "fingerprint",
        ),
    ],
)
def test_a_missing_or_malformed_baseline_is_a_clear_error(tmp_path, content, says):
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as err:
        filter_baseline(AuditReport([]), baseline)
    assert says in err.value.message_en and str(baseline) in err.value.message_zh
    assert "基线" in err.value.message_zh
