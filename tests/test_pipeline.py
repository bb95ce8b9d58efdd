"""The batch survives its documents: a failure in one never loses another."""

from __future__ import annotations

from audit import pipeline
from audit.ingest.normalize import normalize
from audit.model import Document, Status


def _doc(path: str, raw: str) -> Document:
    text, shadow = normalize(raw)
    return Document(path=path, format="text", text=text, shadow=shadow)


GOOD = "全年共收到申请10件,其中当面申请3件,网络申请4件。"  # 3 + 4 = 7, 3 short of 10 (70%: a partial list)
BAD = "全年共收到申请10件,其中当面申请3件,网络申请9件。"  # 12 > 10


def test_an_extractor_crash_becomes_a_finding_on_that_document(monkeypatch):
    real = pipeline.extract

    def flaky(document):
        if document.path == "crash.txt":
            raise ZeroDivisionError("boom")
        return real(document)

    monkeypatch.setattr(pipeline, "extract", flaky)
    report = pipeline.audit_documents([_doc("a.txt", BAD), _doc("crash.txt", BAD), _doc("b.txt", GOOD)])
    by_path = {d.path: d for d in report.documents}
    assert [d.path for d in report.documents] == ["a.txt", "crash.txt", "b.txt"]
    [crash] = by_path["crash.txt"].findings
    assert crash.rule == "INP002" and "ZeroDivisionError" in crash.message_en
    assert by_path["crash.txt"].status is Status.ERROR  # not audited: never a pass or a plain fail
    assert [f.rule for f in by_path["a.txt"].findings] == ["SUM001"]
    assert [f.rule for f in by_path["b.txt"].findings] == ["SUM003"]
    assert by_path["b.txt"].status is Status.PASS  # info does not fail a document


def test_findings_are_in_document_order():
    text = BAD + "另:" + BAD.replace("10件", "20件").replace("9件", "30件")
    [result] = pipeline.audit_documents([_doc("x.txt", text)]).documents
    starts = [f.evidence[0].start for f in result.findings]
    assert len(starts) == 2 and starts == sorted(starts)
