"""The document page rebuilds the standard tables as grids, failing cells marked and linked."""

from __future__ import annotations

import re

from audit.ingest.normalize import normalize
from audit.model import Document
from audit.pipeline import audit_documents
from audit.render.html import render_document

T4 = (
    "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n"
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
    "10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0\n五、存在的主要问题及改进情况\n"
)


def _page(raw: str) -> str:
    text, shadow = normalize(raw)
    result = audit_documents([Document("t.txt", "text", text, shadow)]).documents[0]
    return render_document(result)


def _cell(page: str, column: str) -> str:
    m = re.search(rf'<td[^>]*data-col="{re.escape(column)}"[^>]*>.*?</td>', page, re.S)
    assert m, column
    return m.group(0)


def test_failing_cells_are_marked_and_link_to_their_finding():
    page = _page(T4)
    total = _cell(page, "行政复议·总计")
    assert "sev-error" in total and "✗" in total and "TBL005" in total
    anchor = re.search(r'href="#(f-\d+)"', total).group(1)
    assert f'id="{anchor}"' in page
    assert "sev-error" in _cell(page, "行政复议·结果维持")  # evidence of the failing identity
    assert "sev-" not in _cell(page, "行政诉讼·未经复议直接起诉·总计")  # in no finding


def test_cell_text_is_escaped():
    page = _page(T4.replace("10 | 1 |", "<script>alert(1)</script> | 1 |"))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
