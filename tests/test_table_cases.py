"""tests/cases/tables.yaml: real table text, the cells read from it, and what the audit says.

Each case is its own batch (a case with several documents is a batch of them, so
the year-over-year rules see both reports of one body).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from audit.ingest.normalize import normalize
from audit.model import Document
from audit.pipeline import audit_documents

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "tables.yaml").read_text("utf-8"))


def _document(name: str, raw: str) -> Document:
    text, shadow = normalize(raw)
    return Document(path=name, format="text", text=text, shadow=shadow)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_table_case(case):
    if "documents" in case:
        documents = [_document(d["name"], d["text"]) for d in case["documents"]]
        expected = case["findings"]
    else:
        documents = [_document(case["id"], case["text"])]
        expected = {case["id"]: case["findings"]}
    results = {r.path: r for r in audit_documents(documents).documents}
    for name, rules in expected.items():
        got = Counter(f.rule for f in results[name].findings)
        assert got == Counter(rules), [f.message_en for f in results[name].findings]
    last = results[documents[-1].path]
    assert last.facts is not None
    for key, text in (case.get("cells") or {}).items():
        table, row, column = key.split("/")
        found = [t.cell(row, column) for t in last.facts.tables if t.table == table]
        cell = found[0] if found else None
        if text is None:
            assert cell is None, key
        else:
            assert cell is not None, key
            assert cell.text == text, key
