"""The standard tables on the HTML page of a document: grids, marked cells, escaping."""

from __future__ import annotations

from fractions import Fraction
from html.parser import HTMLParser

import pytest

from audit.extract.standard import T3_2021
from audit.ingest.normalize import normalize
from audit.model import (
    Category,
    Document,
    DocumentResult,
    Evidence,
    Facts,
    Finding,
    Severity,
    Span,
    StandardTable,
    TableCell,
)
from audit.pipeline import audit_documents
from audit.render.html import render_document

T4_TEXT = (
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "行政复议 | 行政诉讼\n"
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
    "10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0\n"
    "五、存在的主要问题及改进情况\n"
)


def _doc(text: str, name: str = "case") -> Document:
    text, shadow = normalize(text)
    return Document(path=name, format="text", text=text, shadow=shadow)


def _audit(text: str) -> DocumentResult:
    return audit_documents([_doc(text)]).documents[0]


def _t3_text(blank: tuple[str, int]) -> str:
    """A complete 2021 表三 that adds up, with the cell ``blank`` (row id, column index) left empty."""
    lines = ["三、收到和处理政府信息公开申请情况"]
    for row in T3_2021.rows:
        values = ["1", "0", "0", "0", "0", "0", "1"] if row.id in ("new", "open", "total") else ["0"] * 7
        if row.id == blank[0]:
            values[blank[1]] = ""
        lines.append(" | ".join([row.label, *values]))
    return "\n".join(lines) + "\n四、政府信息公开行政复议、行政诉讼情况\n"


class Page(HTMLParser):
    """The page's ids, its scripts, and every standard table: caption, header and data cells."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.scripts = 0
        self.tables: list[dict] = []
        self.cell: dict | None = None  # the <td>/<th> being read inside a standard table
        self.in_caption = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "script":
            self.scripts += 1
        if tag == "table" and "std" in (a.get("class") or "").split():
            self.tables.append({"caption": "", "th": [], "row_th": [], "cells": []})
        if not self.tables:
            return
        table = self.tables[-1]
        if tag == "caption":
            self.in_caption = True
        elif tag in ("td", "th"):
            self.cell = {"tag": tag, "attrs": a, "text": "", "hrefs": [], "spans": []}
            if tag == "td" and "data-col" in a:
                table["cells"].append(self.cell)
            elif tag == "th" and a.get("scope") == "row":
                table["row_th"].append(self.cell)
            elif tag == "th":
                table["th"].append(self.cell)
        elif self.cell is not None and tag == "a":
            self.cell["hrefs"].append(a.get("href"))
        elif self.cell is not None and tag == "span":
            self.cell["spans"].append(a.get("class"))

    def handle_endtag(self, tag):
        if tag == "caption":
            self.in_caption = False
        if tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data):
        if self.in_caption:
            self.tables[-1]["caption"] += data
        if self.cell is not None:
            self.cell["text"] += data


def _classes(cell: dict) -> set[str]:
    return set((cell["attrs"].get("class") or "").split())


def _cell(table: dict, column: str) -> dict:
    (cell,) = [c for c in table["cells"] if c["attrs"]["data-col"] == column]
    return cell


def _table(page: Page, name: str) -> dict:
    (table,) = [t for t in page.tables if name in t["caption"]]
    return table


@pytest.fixture(scope="module")
def t4() -> tuple[DocumentResult, Page]:
    result = _audit(T4_TEXT)
    return result, Page(render_document(result))


def test_t4_grid_is_rebuilt(t4):
    _, page = t4
    table = _table(page, "表四")
    assert "2019、2021 年格式相同" in table["caption"]  # 表四 has one layout in both formats
    assert len(table["cells"]) == 15
    assert len(table["row_th"]) == 1
    headers = [h["text"] for h in table["th"]]
    for group in ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"):
        assert group in headers
    assert headers.count("总计") == 3
    assert [c["text"].strip() for c in table["cells"]][:5] == ["✗ 10", "✗ 1", "✗ 0", "✗ 0", "✗ 0"]


def test_t4_failing_total_is_marked_and_links_to_its_finding(t4):
    result, page = t4
    table = _table(page, "表四")
    total = _cell(table, "行政复议·总计")
    assert total["text"].strip().endswith("0")
    assert {"cited", "sev-error"} <= _classes(total)
    assert "✗" in total["text"]  # a text signal, not colour alone
    assert "TBL005" in total["attrs"]["title"]
    (href,) = total["hrefs"]
    assert href.startswith("#f-") and href[1:] in page.ids
    finding = result.findings[int(href[3:])]
    assert finding.rule == "TBL005"
    assert any(ev.column == "行政复议·总计" for ev in finding.evidence)

    # 结果维持 "10" is evidence of the same identity: marked, same link.
    upheld = _cell(table, "行政复议·结果维持")
    assert "10" in upheld["text"]
    assert "cited" in _classes(upheld) and upheld["hrefs"] == [href]
    assert any(ev.text == "10" and ev.column == "行政复议·结果维持" for ev in finding.evidence)


def test_t4_cell_outside_every_finding_is_plain(t4):
    _, page = t4
    cell = _cell(_table(page, "表四"), "行政诉讼·未经复议直接起诉·总计")
    assert cell["text"].strip() == "0"
    assert not _classes(cell) & {"cited", "sev-error", "sev-warning", "sev-info"}
    assert cell["hrefs"] == [] and "title" not in cell["attrs"]


def test_findings_are_written_out_under_their_table(t4):
    result, _ = t4
    html = render_document(result)
    section = html[html.index('<section id="tables">') : html.index('<section id="text">')]
    listed = section[section.index('<div class="table-findings">') :]
    for i, finding in enumerate(result.findings):
        assert f'href="#f-{i}"' in listed
        assert finding.arithmetic and finding.arithmetic in listed
    assert "10 + 1 + 0 + 0 = 11" in listed


def test_english_caption(t4):
    result, _ = t4
    page = Page(render_document(result, lang="en"))
    table = _table(page, "Table 4")
    assert "the same in the 2019 and 2021 formats" in table["caption"]


def test_t3_blank_cell_shows_the_blank_marker():
    result = _audit(_t3_text(("carried", 1)))
    assert "PLH001" in [f.rule for f in result.findings]
    page = Page(render_document(result))
    table = _table(page, "表三")
    assert "2021 年格式" in table["caption"]
    rows = [th["text"] for th in table["row_th"]]
    assert rows[0] == "一、本年新收政府信息公开申请数量" and rows[-1] == "四、结转下年度继续办理"
    assert len(rows) == len(T3_2021.rows)
    blank = [c for c in table["cells"] if "blank" in c["spans"]]
    assert len(blank) == 1
    (cell,) = blank
    assert cell["attrs"]["data-row"] == "二、上年结转政府信息公开申请数量"
    assert cell["attrs"]["data-col"] == "商业企业"
    assert "空" in cell["text"] and "⚠" in cell["text"]
    assert {"cited", "sev-warning"} <= _classes(cell)
    assert cell["attrs"]["title"] == "PLH001"
    assert cell["hrefs"][0][1:] in page.ids
    # every other cell is a plain figure
    assert all("cited" not in _classes(c) for c in table["cells"] if c is not cell)

    en = Page(render_document(result, lang="en"))
    (cell,) = [c for c in _table(en, "Table 3")["cells"] if "blank" in c["spans"]]
    assert "blank" in cell["text"]


def test_t3_group_headings_and_subtotals_in_layout_order():
    result = _audit(_t3_text(("carried", 1)))
    facts = result.facts
    table = facts.tables[0]
    # a local template's subtotal row for （三）不予公开
    subtotal = tuple(
        TableCell("T3", "withheld", c.column, "（三）不予公开", c.column_label, "0", Fraction(0), c.span)
        for c in table.cells
        if c.row == "open"
    )
    facts.tables = [StandardTable(table.table, table.version, subtotal + table.cells, table.span, True)]
    page = Page(render_document(result))
    rows = [th["text"] for th in _table(page, "表三")["row_th"]]
    k = rows.index("（三）不予公开")
    assert rows[k - 1].startswith("（二）部分公开") and rows[k + 1] == "1.属于国家秘密"
    html = render_document(result)
    # groups without cells of their own are headings, not data rows
    assert '<th scope="rowgroup" colspan="8">（四）无法提供</th>' in html
    assert "（三）不予公开</th></tr>" not in html


def _hand_built(text: str) -> DocumentResult:
    doc = _doc(text, "x.txt")
    start = doc.text.index("<script>")
    span = Span(start, start + len("<script>alert(1)</script>"))
    cell = TableCell(
        "T4", "cases", "review.total", "政府信息公开行政复议、行政诉讼情况", "行政复议·总计",
        doc.text[span.start : span.end], None, span,
    )
    table = StandardTable("T4", None, (cell,), span, False)
    finding = Finding(
        rule="TBL006",
        name="cell-not-a-number",
        category=Category.TABLE,
        severity=Severity.WARNING,
        message_zh="单元格<b>不是数字</b>",
        message_en="cell <b>is not a number</b>",
        evidence=(Evidence(cell.text, span.start, span.end, None, "T4", cell.row_label, cell.column_label),),
        arithmetic="<script>alert(2)</script>",
    )
    return DocumentResult(doc.path, doc, [finding], None, Facts(tables=[table]))


def test_cell_text_is_escaped():
    result = _hand_built("表四\n10 | <script>alert(1)</script>\n")
    html = render_document(result)
    page = Page(html)
    assert page.scripts == 1  # page.js, the page's own (tests/test_render.py checks it is exactly that)
    assert "<script>alert" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    table = _table(page, "表四")
    assert "不完整" not in table["caption"] and "部分单元格未能读取" in table["caption"]
    (cell,) = table["cells"]
    assert "<script>alert(1)</script>" in cell["text"]
    assert "sev-warning" in _classes(cell) and "⚠" in cell["text"]
    # the layout's other 14 cells were not read: shown as missing, not invented
    assert page.tables[0]["cells"] == [cell]


def test_no_section_without_tables_or_facts():
    plain = _audit("一、总体情况\n本年共受理申请21件。\n")
    assert plain.facts is not None and not plain.facts.tables
    html = render_document(plain)
    assert 'id="tables"' not in html and "标准表格" not in html

    unread = DocumentResult("gone.pdf", None, [])
    html = render_document(unread)
    assert 'id="tables"' not in html

    no_facts = DocumentResult("a.txt", _doc("四、x\n"), [], None, None)
    assert 'id="tables"' not in render_document(no_facts)
