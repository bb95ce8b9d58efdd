"""The PDF, DOCX and HTML readers: text in reading order, tables as grids whose cells quote the text.

Inputs are generated at test time (HTML by hand, DOCX with python-docx, PDF as
a few hand-written objects in Helvetica), so no binary is checked in; the real
reports in ../shared/corpus/fetched are used when that folder is there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

from audit.ingest import IngestError, load
from audit.ingest.layout import SEPARATOR
from audit.ingest.normalize import normalize
from audit.model import Document, Grid

FETCHED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "fetched"


# ------------------------------------------------------------------------ helpers


def check_layout(doc: Document) -> None:
    """Every cell quotes the text, and every table row is one line of its cells joined by SEPARATOR."""
    assert normalize(doc.text) == (doc.text, doc.shadow)
    for grid in doc.grids:
        assert len({(c.row, c.col) for c in grid.cells}) == len(grid.cells)
        for cell in grid.cells:
            assert doc.text[cell.span.start : cell.span.end] == cell.text
            assert grid.span.start <= cell.span.start <= cell.span.end <= grid.span.end
            assert cell.text == " ".join(cell.text.split())
        for row in grid.rows():
            start, end = row[0].span.start, row[-1].span.end
            assert doc.text[start:end] == SEPARATOR.join(c.text for c in row)
            assert (start == 0 or doc.text[start - 1] == "\n") and doc.text[end] == "\n"


def texts(grid: Grid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows()]


def cell(grid: Grid, text: str):
    return next(c for c in grid.cells if c.text == text)


def read(tmp_path: Path, name: str, data: bytes | str) -> Document:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    doc = load(str(path))
    check_layout(doc)
    return doc


def fetched(name: str) -> Document:
    path = FETCHED / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    doc = load(str(path))
    check_layout(doc)
    return doc


def row_starting(doc: Document, *cells: str):
    """The first grid row whose leading cells are ``cells``, with its grid."""
    for grid in doc.grids:
        for row in grid.rows():
            if [c.text for c in row[: len(cells)]] == list(cells):
                return grid, row
    raise AssertionError(f"no row starts with {cells}")


# --------------------------------------------------------------------------- HTML

TABLE_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>年度报告</title>
<style>p { color: red }</style><script>var year = "1999";</script></head>
<body><!-- a comment -->
<h1>一、总体情况</h1><p>本年共受理申请<b>21</b>件。<br>均已答复。</p>
<table border="1">
  <caption>表三</caption>
  <tr><td rowspan="2">类别</td><th colspan="2">申请人</th><td rowspan="2">总计</td></tr>
  <tr><td>自然人</td><td>法人或其他
      组织</td></tr>
  <tr><th>新收</th><td>20</td><td></td><td>21</td></tr>
</table>
<noscript>请启用脚本</noscript><ul><li>甲</li><li>乙</li></ul>
</body></html>"""


def test_html_table_with_rowspan_and_colspan(tmp_path):
    doc = read(tmp_path, "report.html", TABLE_PAGE)
    assert doc.format == "html" and doc.encoding == "utf-8" and doc.page_starts == ()
    assert doc.text == (
        "年度报告\n一、总体情况\n本年共受理申请21件。\n均已答复。\n表三\n"
        "类别 | 申请人 | 总计\n自然人 | 法人或其他组织\n新收 | 20 |  | 21\n甲\n乙\n"
    )
    (grid,) = doc.grids
    assert grid.page is None
    # a source line break between two hanzi is no space (as browsers render it)
    assert texts(grid) == [["类别", "申请人", "总计"], ["自然人", "法人或其他组织"], ["新收", "20", "", "21"]]
    head = cell(grid, "申请人")
    assert (head.row, head.col, head.rowspan, head.colspan) == (0, 1, 1, 2)
    total = cell(grid, "总计")
    assert (total.row, total.col, total.rowspan, total.colspan) == (0, 3, 2, 1)
    assert [(c.row, c.col) for c in grid.rows()[1]] == [(1, 1), (1, 2)]  # placed beside the row spans
    empty = grid.rows()[2][2]
    assert (empty.text, empty.col) == ("", 2)
    assert empty.span.start == empty.span.end and doc.text[empty.span.start - 3 : empty.span.start + 3] == " |  | "


def test_html_word_export_split_spans(tmp_path):
    page = (
        "<html><body>\n"
        "<p class=MsoNormal><![if !supportLists]><span>1.&nbsp;&nbsp; </span><![endif]><span lang=EN-US>20</span>"
        "<span lang=EN-US>23</span><span>年全区受理政府信息公开申请</span><span lang=EN-US>2</span>"
        "<span lang=EN-US>1</span><span>件，均在法定期限\n答复。<o:p></o:p></span></p>\n"
        "<table class=MsoTableGrid><tr><td><p class=MsoNormal><span>行政</span><span>许可</span></p></td>"
        "<td><p class=MsoNormal><span lang=EN-US>5</span><span lang=EN-US>50</span></p></td></tr></table>\n"
        "</body></html>"
    )
    doc = read(tmp_path, "word.htm", page)
    assert doc.text == "1. 2023年全区受理政府信息公开申请21件，均在法定期限答复。\n行政许可 | 550\n"
    assert texts(doc.grids[0]) == [["行政许可", "550"]]


def test_html_declared_gbk_charset(tmp_path):
    body = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head>" \
        "<body><p>政府信息公开申请共１２件</p></body></html>"
    doc = read(tmp_path, "gbk.html", body.encode("gbk"))
    assert doc.encoding == "gb18030"  # GBK is read by its superset
    assert doc.text == "政府信息公开申请共12件\n"  # full-width digits folded by normalize


def test_html_wrong_or_missing_charset_falls_back_to_detection(tmp_path):
    mislabelled = '<html><head><meta charset="gb2312"></head><body><p>政府信息公开工作年度报告</p></body></html>'
    doc = read(tmp_path, "utf8.html", mislabelled.encode("utf-8"))
    assert (doc.encoding, doc.text) == ("utf-8", "政府信息公开工作年度报告\n")
    undeclared = "<html><body><p>本年度共收到政府信息公开申请三十件，全部按期答复。</p></body></html>"
    doc = read(tmp_path, "plain.html", undeclared.encode("gb18030"))
    assert (doc.encoding, doc.text) == ("gb18030", "本年度共收到政府信息公开申请三十件，全部按期答复。\n")


def test_html_layout_frame_and_nested_tables(tmp_path):
    page = """<html><body><table><tr><td>
      <p>标题</p>
      <table><tr><td>项目</td><td>数量<table><tr><td>内</td><td>表</td></tr></table></td></tr></table>
    </td></tr></table></body></html>"""
    doc = read(tmp_path, "frame.html", page)
    # The one-column frame is text; the grid inside it is a table; the grid's nested table is cell text.
    assert doc.text == "标题\n项目 | 数量 内 表\n"
    assert [texts(g) for g in doc.grids] == [[["项目", "数量 内 表"]]]


GOV_PAGE = """<html><head><meta charset="utf-8"><title>某局2023年政府信息公开工作年度报告</title></head><body>
<div class="top"><a href="javascript:void(0)" id="StranLink">繁體</a> <a href="#">无障碍</a></div>
<header><div class="logo">某某市人民政府</div><nav><a>首页</a><a>政务公开</a></nav></header>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>
<article><h1>某局2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>2023年，我局主动公开政府信息120条。</p>
<footer class="article-foot">发布日期：2024-01-20</footer>
<div class="bdsharebuttonbox">分享到：微信 微博</div></article>
<aside><ul><li>热门词条</li></ul></aside>
<footer>版权所有：某某市人民政府 ICP备12345号 <script>x()</script></footer></body></html>"""


def test_html_page_chrome_is_dropped_and_recorded(tmp_path):
    doc = read(tmp_path, "page.html", GOV_PAGE)
    assert doc.text == (
        "某局2023年政府信息公开工作年度报告\n某局2023年政府信息公开工作年度报告\n一、总体情况\n"
        "2023年，我局主动公开政府信息120条。\n发布日期：2024-01-20\n"
    )  # the article's own foot (its date) is kept
    dropped = doc.meta["dropped"]
    assert [d["what"] for d in dropped] == ["id=StranLink", "link", "header", "class=position", "class=bdsharebuttonbox", "aside", "footer"]
    assert dropped[-1] == {"what": "footer", "chars": 23, "excerpt": "版权所有：某某市人民政府 ICP备12345号"}


def test_dropped_chrome_is_in_the_json_and_the_page_header(tmp_path):
    from audit.pipeline import audit_paths
    from audit.render.html import render_document
    from audit.render.json import render_json

    path = tmp_path / "page.html"
    path.write_text(GOV_PAGE, encoding="utf-8")
    report = audit_paths([str(path)])
    [document] = json.loads(render_json(report))["documents"]
    assert len(document["dropped"]) == 7 and document["dropped"][2]["excerpt"] == "某某市人民政府 首页 政务公开"
    page = render_document(report.documents[0])
    assert "已剔除的网页元素" in page and "7 处" in page


def test_html_without_text(tmp_path):
    with pytest.raises(IngestError) as info:
        read(tmp_path, "empty.html", "<html><head><title> </title></head><body><script>x()</script></body></html>")
    assert "没有文字" in info.value.message_zh and "no text" in info.value.message_en


# --------------------------------------------------------------------------- DOCX


def make_docx(path: Path) -> None:
    """Paragraph, a table with horizontal and vertical merges, paragraph."""
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=3, cols=4)
    rows = table.rows
    rows[0].cells[0].text = "类别"
    rows[0].cells[1].text = "申请人"
    rows[0].cells[3].text = "总计"
    rows[1].cells[1].text = "自然人"
    rows[1].cells[2].text = "商业"
    rows[1].cells[2].add_paragraph("企业")
    for i, value in enumerate(["新收", "20", "", "21"]):
        rows[2].cells[i].text = value
    rows[0].cells[0].merge(rows[1].cells[0])  # vMerge
    rows[0].cells[3].merge(rows[1].cells[3])
    rows[0].cells[1].merge(rows[0].cells[2])  # gridSpan
    document.add_paragraph("")  # empty paragraphs are dropped
    document.add_paragraph("四、结转").add_run().add_break()  # a manual line break
    document.paragraphs[-1].add_run("下年度")
    document.save(str(path))


def test_docx_paragraphs_and_merged_cells(tmp_path):
    make_docx(tmp_path / "report.docx")
    doc = load(str(tmp_path / "report.docx"))
    check_layout(doc)
    assert doc.format == "docx" and doc.encoding is None and doc.page_starts == ()
    assert doc.text == (
        "三、收到和处理政府信息公开申请情况\n类别 | 申请人 | 总计\n自然人 | 商业 企业\n新收 | 20 |  | 21\n四、结转\n下年度\n"
    )
    (grid,) = doc.grids
    assert texts(grid) == [["类别", "申请人", "总计"], ["自然人", "商业 企业"], ["新收", "20", "", "21"]]
    assert [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in grid.rows()[0]] == [
        ("类别", 0, 0, 2, 1),
        ("申请人", 0, 1, 1, 2),
        ("总计", 0, 3, 2, 1),
    ]
    assert [(c.row, c.col) for c in grid.rows()[1]] == [(1, 1), (1, 2)]


def test_docx_page_header_and_footer_leave_the_text_and_are_recorded(tmp_path):
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    document.add_paragraph("2023年，我局主动公开政府信息120条。")
    section = document.sections[0]
    section.header.paragraphs[0].text = "某某市统计局文件"
    section.footer.paragraphs[0].text = "- 1 -"
    document.save(tmp_path / "report.docx")
    doc = load(str(tmp_path / "report.docx"))
    assert doc.text == "一、总体情况\n2023年，我局主动公开政府信息120条。\n"
    assert doc.meta["dropped"] == [
        {"what": "docx header", "chars": 8, "excerpt": "某某市统计局文件"},
        {"what": "docx footer", "chars": 5, "excerpt": "- 1 -"},
    ]


def test_docx_that_is_not_a_word_file(tmp_path):
    with pytest.raises(IngestError) as info:
        read(tmp_path, "fake.docx", b"\xd0\xcf\x11\xe0 an old .doc file")
    assert "DOCX" in info.value.message_zh and "DOCX" in info.value.message_en


# ---------------------------------------------------------------------------- PDF


def make_pdf(pages: list[bytes], encrypted: bool = False) -> bytes:
    """A minimal PDF: one page per content stream, A4, font /F1 = Helvetica."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    trailer = b"/Root 1 0 R"
    if encrypted:  # RC4 40-bit with a user password: the empty password does not match /U
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (b"ab" * 32, b"cd" * 32))
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), b"00" * 16, b"00" * 16)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def pdf_text(x: int, y: int, text: str) -> bytes:
    return b"BT /F1 10 Tf %d %d Td (%s) Tj ET\n" % (x, y, text.encode("ascii"))


def pdf_line(x0: int, y0: int, x1: int, y1: int) -> bytes:
    return b"%d %d m %d %d l S\n" % (x0, y0, x1, y1)


# Page 1: a line of text, a ruled 2-column table whose first row is one merged
# cell, and text below it. Page 2: text in a box (a one-column "table").
PAGE_1 = b"".join(
    [
        pdf_text(72, 740, "Report 2023"),
        *(pdf_line(72, y, 272, y) for y in (700, 680, 660, 640)),
        pdf_line(72, 700, 72, 640),
        pdf_line(272, 700, 272, 640),
        pdf_line(172, 680, 172, 640),
        pdf_text(80, 686, "Header"),
        pdf_text(80, 666, "Type"),
        pdf_text(180, 666, "Total"),
        pdf_text(80, 646, "Permits"),
        pdf_text(180, 646, "550"),
        pdf_text(72, 600, "End of page one"),
    ]
)
PAGE_2 = b"72 690 200 30 re S\n" + pdf_text(80, 700, "Boxed text")


def test_pdf_text_and_tables_in_reading_order(tmp_path):
    doc = read(tmp_path, "report.pdf", make_pdf([PAGE_1, PAGE_2]))
    assert doc.format == "pdf" and doc.encoding is None
    assert doc.text == "Report 2023\nHeader\nType | Total\nPermits | 550\nEnd of page one\nBoxed text\n"
    assert doc.page_starts == (0, doc.text.index("Boxed"))
    (grid,) = doc.grids  # the box on page 2 is one column: text
    assert grid.page == 1
    assert texts(grid) == [["Header"], ["Type", "Total"], ["Permits", "550"]]
    header = cell(grid, "Header")
    assert (header.row, header.col, header.rowspan, header.colspan) == (0, 0, 1, 2)
    assert doc.page_of(cell(grid, "550").span.start) == 1 and doc.page_of(doc.text.index("Boxed")) == 2


# Font size 10: a line of 90 characters is ~ 400 points wide, over half the page.
WRAPPED = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma"


def _page(number: int, body: list[tuple[int, int, str]]) -> bytes:
    head = pdf_text(72, 800, "Annual Report of the Statistics Bureau")  # a running head, top margin
    folio = pdf_text(280, 40, f"- {number} -")  # a page number, bottom margin
    return head + b"".join(pdf_text(x, y, text) for x, y, text in body) + folio


def test_pdf_running_heads_and_page_numbers_leave_the_flow_and_hard_wraps_join(tmp_path):
    first = _page(1, [(72, 700, WRAPPED), (72, 686, WRAPPED), (72, 672, "ends the paragraph."), (100, 658, WRAPPED)])
    second = _page(2, [(72, 700, "Second page text."), (72, 686, "3. A numbered heading")])
    doc = read(tmp_path, "wrapped.pdf", make_pdf([first, second]))
    assert "Annual Report" not in doc.text and "- 1 -" not in doc.text and "- 2 -" not in doc.text
    lines = doc.text.split("\n")
    assert lines[0] == f"{WRAPPED} {WRAPPED} ends the paragraph."  # two wrapped lines joined to the short one
    assert lines[1] == WRAPPED  # indented: a new paragraph
    assert lines[2:4] == ["Second page text.", "3. A numbered heading"]
    assert doc.page_of(doc.text.index("Second")) == 2


def test_a_sentence_broken_by_a_page_break_is_joined_and_keeps_its_pages(tmp_path):
    first = _page(1, [(72, 700, WRAPPED), (72, 686, WRAPPED)])
    second = _page(2, [(72, 700, WRAPPED), (72, 686, WRAPPED), (72, 672, "end.")])
    doc = read(tmp_path, "broken.pdf", make_pdf([first, second]))
    assert doc.text == f"{WRAPPED} {WRAPPED} {WRAPPED} {WRAPPED} end.\n"
    starts = [m.start() for m in re.finditer("alpha", doc.text)]
    assert [doc.page_of(start) for start in starts] == [1, 1, 2, 2]


def test_a_head_on_one_page_only_is_text(tmp_path):
    page = pdf_text(72, 800, "Notice on the 2023 report") + pdf_text(72, 700, "Body")
    doc = read(tmp_path, "one.pdf", make_pdf([page, pdf_text(72, 700, "More")]))
    assert doc.text.startswith("Notice on the 2023 report\n")


def test_pdf_without_text_layer(tmp_path):
    with pytest.raises(IngestError) as info:
        read(tmp_path, "scan.pdf", make_pdf([b"", b"72 690 200 30 re S\n"]))
    assert (info.value.message_zh, info.value.message_en) == ("PDF 没有文本层（不支持 OCR）", "no text layer (OCR not supported)")


def test_pdf_encrypted(tmp_path):
    with pytest.raises(IngestError) as info:
        read(tmp_path, "locked.pdf", make_pdf([pdf_text(72, 700, "secret")], encrypted=True))
    assert "加密" in info.value.message_zh and "encrypted" in info.value.message_en


def test_pdf_damaged(tmp_path):
    with pytest.raises(IngestError) as info:
        read(tmp_path, "broken.pdf", b"%PDF-1.4\nnot really a pdf")
    assert "损坏" in info.value.message_zh and "damaged" in info.value.message_en


# ------------------------------------------------------------------ real reports

# The last row of 表四 (行政复议 and 行政诉讼: five results, then two times five).
REVIEW_2023 = ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]
REVIEW_2024 = ["1", "1", "0", "0", "2", "1", "0", "0", "0", "1", "2", "0", "1", "0", "3"]
REVIEW_SZ = ["72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20"]


def test_hzq2023_pdf():
    doc = fetched("zxj6827111-blip__KIROGOVCOMPARE/hzq2023_working.pdf")
    assert len(doc.page_starts) == 5
    assert "2023 年全区受理政府信息公开申请 21 件" in doc.text
    assert any(texts(grid)[-1] == REVIEW_2023 for grid in doc.grids)
    grid, row = row_starting(doc, "二、上年结转政府信息公开申请数量")
    assert [c.text for c in row] == ["二、上年结转政府信息公开申请数量"] + ["0"] * 7
    assert doc.page_of(row[0].span.start) == 3 and grid.page == 3
    assert (row[0].col, row[0].colspan, row[1].col) == (0, 3, 3)  # the label spans the three label columns
    # a row with covered positions: the merged cells are not written again
    assert "\n行政许可 | 550\n" in doc.text
    # a cell with no ruled box of its own (the table goes on from page 2) keeps its text
    first = next(g for g in doc.grids if g.page == 3)
    assert texts(first)[:2] == [["信息内容", "本年处理决定数量"], ["行政处罚", "4119"]]


def test_hzq2024_pdf():
    doc = fetched("zxj6827111-blip__KIROGOVCOMPARE/hzq2024_working.pdf")
    assert "区政府办代表区政府受理政府信息公开申请 17 件" in doc.text  # the hard wrap joined
    assert not re.search(r"^\s*-\s*\d+\s*-\s*$", doc.text, re.MULTILINE)  # page numbers out of the flow
    _, row = row_starting(doc, "一、本年新收政府信息公开申请数量")
    assert [c.text for c in row[1:]] == ["95", "0", "0", "0", "0", "0", "95"]
    assert doc.page_of(row[-1].span.start) == 3
    _, row = row_starting(doc, "行政许可")
    assert [c.text for c in row] == ["行政许可", "9487"]
    assert any(texts(grid)[-1] == REVIEW_2024 for grid in doc.grids)


def test_szfgs2024_pdf():
    doc = fetched("zxj6827111-blip__govnianbao/szfgs2024.pdf")
    assert "全市共受理政府信息公开申请 3119 件" in doc.text
    _, row = row_starting(doc, "一、本年新收政府信息公开申请数量")
    assert [c.text for c in row[1:]] == ["3001", "53", "0", "0", "61", "4", "3119"]
    assert doc.page_of(row[-1].span.start) == 4
    _, row = row_starting(doc, "（七）总计")
    assert row[-1].text == "3050" and doc.page_of(row[-1].span.start) == 5
    grid = next(g for g in doc.grids if texts(g)[-1] == REVIEW_SZ)
    assert (cell(grid, "行政复议").colspan, cell(grid, "行政诉讼").colspan) == (5, 10)
    assert doc.page_of(grid.span.start) == 5 == grid.page


TABLE_3_LABELS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]


def test_blank_template_docx():
    doc = fetched("zxj6827111-blip__govnianbao/政务公开年报模版.docx")
    table_3 = next(g for g in doc.grids if any(c.text == "申请人情况" for c in g.cells))
    rows = table_3.rows()
    # The label of a data row is its last cell left of the seven number columns.
    assert [[c for c in row if c.col < 3][-1].text for row in rows[3:]] == TABLE_3_LABELS
    assert all([c.col for c in row if c.col >= 3] == list(range(3, 10)) for row in rows[3:])
    natural, legal, total = rows[1]
    assert (natural.text, natural.col, natural.rowspan) == ("自然人", 3, 2)
    assert (legal.text, legal.col, legal.colspan) == ("法人或其他组织", 4, 5)
    assert (total.text, total.col, total.rowspan) == ("总计", 9, 2)
    # Line breaks inside a cell are joined with a space, as in every reader.
    assert [c.text.replace(" ", "") for c in rows[2]] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    table_4 = next(g for g in doc.grids if any(c.text == "行政复议" for c in g.cells))
    assert (cell(table_4, "行政复议").colspan, cell(table_4, "行政诉讼").colspan) == (5, 10)
    assert [c.col for c in table_4.rows()[-1]] == list(range(15))
    assert "\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n" in doc.text
