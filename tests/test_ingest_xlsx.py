"""The spreadsheet reader: sheets as tables, values as the sheet shows them, 表三 read from a workbook.

XLSX inputs are built here with openpyxl; the .xls and the encrypted .xlsx are
committed in fixtures/xlsx (made by fixtures/xlsx/make_fixtures.py, whose
表三 layout and figures the XLSX builder below reuses).
"""

from __future__ import annotations

import datetime
import importlib.util
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from audit.extract import standard as std
from audit.ingest import READERS, REPORT_SUFFIXES, IngestError, discover, load
from audit.ingest.xlsx import HIDDEN_MARK
from audit.model import Document, Grid
from audit.pipeline import audit_paths

from test_ingest_formats import check_layout, texts

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "xlsx"
_spec = importlib.util.spec_from_file_location("xlsx_fixtures", FIXTURES / "make_fixtures.py")
T3 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(T3)

# The figures of the fixtures' 表三, row by row.
T3_VALUES = T3.table3_values()


# ------------------------------------------------------------------------ helpers


def read(path: Path) -> Document:
    doc = load(str(path))
    check_layout(doc)
    return doc


def save(book: openpyxl.Workbook, path: Path) -> Path:
    book.save(path)
    return path


def table3_book(values: list[list[int]] = T3_VALUES) -> openpyxl.Workbook:
    """The 2021 表三 laid out as in the official template, starting at B2, as an openpyxl workbook."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表三"
    top, left = 2, 2  # 1-based: B2
    for r0, r1, c0, c1, text in T3.HEADER + T3.LABELS:
        sheet.cell(top + r0, left + c0, text)
        if (r0, c0) != (r1, c1):
            sheet.merge_cells(start_row=top + r0, start_column=left + c0, end_row=top + r1, end_column=left + c1)
    for i, leaf in enumerate(T3.LEAVES):
        sheet.cell(top + 8 + i, left + 2, leaf)
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            sheet.cell(top + 4 + i, left + 3 + j, float(value))  # Excel stores every number as a double
    return book


def by_text(grid: Grid, text: str):
    return next(c for c in grid.cells if c.text == text)


def tables(result) -> dict:
    return {t.table: t for t in result.facts.tables}


def check_table3(table) -> None:
    """Every cell of the read 表三 holds the figure the sheet holds, by canonical row and column id."""
    assert table.version == std.V2021 and table.complete
    layout = std.T3_2021
    assert [r.id for r in layout.rows] == [
        "new", "carried", "open", "partial",
        *[r.id for r in layout.rows if r.group in ("withheld", "unavailable", "rejected", "other")],
        "total", "forward",
    ]
    for row, figures in zip(layout.rows, T3_VALUES, strict=True):
        for column, figure in zip(std.APPLICANTS, figures, strict=True):
            cell = table.cell(row.id, column.id)
            assert cell is not None and cell.text == str(figure), (row.id, column.id)


# ------------------------------------------------------------------- 表三 from a workbook


def test_xlsx_table3_is_read_cell_by_cell(tmp_path):
    path = save(table3_book(), tmp_path / "2021年政府信息公开统计表.xlsx")
    (result,) = audit_paths([str(path)]).documents
    assert result.document.format == "xlsx"
    check_table3(tables(result)["T3"])
    assert tables(result)["T3"].cell("new", "total").row_label == "一、本年新收政府信息公开申请数量"
    assert not [f for f in result.findings if f.rule.startswith("TBL")]


def test_xlsx_table3_arithmetic_error_is_found_with_its_cell(tmp_path):
    values = [row[:] for row in T3_VALUES]
    values[0][6] = 731  # 一、本年新收 总计: the parts add up to 713
    path = save(table3_book(values), tmp_path / "统计表.xlsx")
    (result,) = audit_paths([str(path)]).documents
    by_rule = {f.rule: f for f in result.findings}
    assert {"TBL001", "TBL003"} <= set(by_rule)

    new, carried = "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"
    row_total = by_rule["TBL001"]
    assert (row_total.expected, row_total.observed) == (731, 713)  # the stated total vs the parts
    quoted = {(e.table, e.row, e.column): e.text for e in row_total.evidence}
    assert quoted[("T3", new, "总计")] == "731"
    assert quoted[("T3", new, "自然人")] == "705" and quoted[("T3", new, "法律服务机构")] == "5"
    assert len(quoted) == 7
    for evidence in row_total.evidence:  # each quote is where the cell sits in the document text
        assert result.document.text[evidence.start : evidence.end] == evidence.text

    balance = by_rule["TBL003"]
    assert (balance.expected, balance.observed) == (767, 749)
    assert {(e.table, e.row, e.column, e.text) for e in balance.evidence} == {
        ("T3", new, "总计", "731"),
        ("T3", carried, "总计", "36"),
        ("T3", "（七）总计", "总计", "681"),
        ("T3", "四、结转下年度继续办理", "总计", "68"),
    }


def test_xlsx_table3_grid_keeps_the_merged_layout(tmp_path):
    doc = read(save(table3_book(), tmp_path / "t3.xlsx"))
    assert doc.text.startswith("表三\n三、收到和处理政府信息公开申请情况\n")
    (grid,) = doc.grids
    # the used range starts at B2: its first row and column are the grid's first
    title = by_text(grid, "三、收到和处理政府信息公开申请情况")
    assert (title.row, title.col, title.rowspan, title.colspan) == (0, 0, 1, 10)
    applicants = by_text(grid, "申请人情况")
    assert (applicants.row, applicants.col, applicants.rowspan, applicants.colspan) == (1, 3, 1, 7)
    results = by_text(grid, "三、本年度办理结果")
    assert (results.row, results.col, results.rowspan, results.colspan) == (6, 0, 22, 1)
    withheld = by_text(grid, "（三）不予公开")
    assert (withheld.row, withheld.col, withheld.rowspan) == (8, 1, 8)
    rows = texts(grid)
    assert rows[4] == ["一、本年新收政府信息公开申请数量", "705", "3", "0", "0", "5", "0", "713"]
    assert rows[6][:3] == ["三、本年度办理结果", "（一）予以公开", "250"]
    assert rows[9] == ["2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"]  # under two merges
    assert len(rows) == 4 + 25


def test_xls_fixture_table3_and_hidden_sheet():
    path = FIXTURES / "table3_2021.xls"
    doc = read(path)
    assert doc.format == "xls"
    lines = doc.text.split("\n")
    assert lines[0] == "表三" and f"说明{HIDDEN_MARK}" in lines
    t3_grid, notes = doc.grids
    assert texts(notes) == [
        ["填报日期", "2022-01-15"],  # a date as ISO
        ["收费金额（万元）", "7730.20"],  # the format's two decimals
        ["答复率", "98.82%"],  # a percent format
        ["0.1+0.2", "0.3"],  # General: no float noise
    ]
    assert by_text(t3_grid, "三、本年度办理结果").rowspan == 22
    applicants = by_text(t3_grid, "申请人情况")
    assert (applicants.row, applicants.col, applicants.colspan) == (1, 3, 7)
    # the file holds a value under that merge; Excel does not show it, and neither does the text
    assert T3.COVERED.encode("utf-16-le") in path.read_bytes() and T3.COVERED not in doc.text
    assert by_text(t3_grid, "法人或其他组织").colspan == 5
    (result,) = audit_paths([str(path)]).documents
    check_table3(tables(result)["T3"])
    assert not [f for f in result.findings if f.rule.startswith("TBL")]


# ------------------------------------------------------------------- values as the sheet shows them


def test_values_are_written_as_the_sheet_shows_them(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "数据"
    cases = [
        (3.0, "General", "3"),
        (0.1 + 0.2, "General", "0.3"),
        (1 / 3, "General", "0.333333333333333"),
        (1e20, "General", "100000000000000000000"),  # never scientific
        (1.5e-7, "General", "0.00000015"),
        (4068.208, "General", "4068.208"),
        (-12.0, "General", "-12"),
        (7730.2, "0.00", "7730.20"),
        (2.675, "0.00", "2.68"),  # half away from zero, on the decimal value
        (-0.001, "0.00", "0.00"),  # no "-0.00"
        (3.0, "0.00", "3.00"),
        (1.5, "0.0#", "1.5"),
        (1.25, "0.0#", "1.25"),
        (0.98823, "0.00%", "98.82%"),
        (0.5, "0%", "50%"),
        (1295.0, "#,##0", "1,295"),
        (1234567.891, "#,##0.00", "1,234,567.89"),
        (1295.4, '0"件"', "1295"),  # literal text in the format is not a placeholder
        (12.5, "0.00_);[Red](0.00)", "12.50"),
        (1234.5, "0.00E+00", "1234.5"),  # scientific formats shown plainly
        (713.0, "@", "713"),
        (datetime.datetime(2021, 12, 31), "yyyy-mm-dd", "2021-12-31"),
        (datetime.datetime(2022, 1, 5, 8, 30), "yyyy-mm-dd h:mm", "2022-01-05 08:30:00"),
        (datetime.datetime(2021, 12, 1), 'yyyy"年"m"月"', "2021-12"),
        (datetime.datetime(2022, 3, 15), '[DBNum1][$-804]yyyy"年"m"月"d"日"', "2022-03-15"),
        (datetime.time(14, 5), "h:mm", "14:05:00"),
        (True, "General", "TRUE"),
        ("#DIV/0!", "General", "#DIV/0!"),
        ("  两行\n文字  ", "General", "两行 文字"),
    ]
    for i, (value, fmt, _) in enumerate(cases, start=1):
        cell = sheet.cell(i, 1, value)
        cell.number_format = fmt
    doc = read(save(book, tmp_path / "values.xlsx"))
    (grid,) = doc.grids
    assert [row[0] for row in texts(grid)] == [shown for _, _, shown in cases]


def test_empty_cells_inside_the_used_range_are_empty_text(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C3"] = "行政许可"
    sheet["E3"] = 550
    sheet["D5"] = "  "  # blank text is no value
    sheet["F6"].number_format = "0.00"  # a styled empty cell does not widen the range
    doc = read(save(book, tmp_path / "sparse.xlsx"))
    assert texts(doc.grids[0]) == [["行政许可", "", "550"]]
    assert doc.text == "Sheet\n行政许可 |  | 550\n"


def test_formulas_read_as_their_cached_values(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["D1"] = 2, "=A1*A1", "=A1+D1", 3
    path = save(book, tmp_path / "formulas.xlsx")
    # openpyxl writes formulas without values; give C1 the value Excel would have cached.
    data = _rewrite(path.read_bytes(), "xl/worksheets/sheet1.xml", lambda xml: xml.replace("<f>A1+D1</f><v></v>", "<f>A1+D1</f><v>5</v>"))
    path.write_bytes(data)
    doc = read(path)
    assert texts(doc.grids[0]) == [["2", "", "5", "3"]]  # B1 was never computed: empty


def test_hidden_sheets_are_read_and_marked_empty_sheets_skipped(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active["A1"] = "2023年度政府信息公开工作年度报告"
    book.create_sheet("空白页")
    hidden = book.create_sheet("表二")
    hidden["A1"], hidden["B1"] = "行政许可", 550
    hidden.sheet_state = "hidden"
    very = book.create_sheet("底稿")
    very["A1"] = "备注"
    very.sheet_state = "veryHidden"
    doc = read(save(book, tmp_path / "sheets.xlsx"))
    assert doc.text == (
        "封面\n2023年度政府信息公开工作年度报告\n"
        f"表二{HIDDEN_MARK}\n行政许可 | 550\n"
        f"底稿{HIDDEN_MARK}\n备注\n"
    )
    assert len(doc.grids) == 3


def test_a_merge_is_written_once_and_clipped_to_the_used_range(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "标题"
    sheet.merge_cells("A1:H1")  # wider than the values below
    sheet["A2"], sheet["B2"] = "自然人", 5
    sheet.merge_cells("C2:C6")  # an empty merge reaching below the values
    doc = read(save(book, tmp_path / "merge.xlsx"))
    (grid,) = doc.grids
    title = by_text(grid, "标题")
    assert (title.row, title.col, title.rowspan, title.colspan) == (0, 0, 1, 2)
    assert texts(grid) == [["标题"], ["自然人", "5"]]


# ------------------------------------------------------------------- content over name


def test_content_decides_the_format_not_the_suffix(tmp_path):
    xls = tmp_path / "renamed.xlsx"
    xls.write_bytes((FIXTURES / "table3_2021.xls").read_bytes())
    assert read(xls).format == "xls"
    xlsx = tmp_path / "renamed.xls"
    table3_book().save(xlsx)
    doc = read(xlsx)
    assert doc.format == "xlsx" and "一、本年新收政府信息公开申请数量 | 705" in doc.text
    page = tmp_path / "export.xls"  # what many web systems export as "Excel"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body><table>'
        "<tr><td>行政许可</td><td>550</td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = read(page)
    assert doc.format == "html" and texts(doc.grids[0]) == [["行政许可", "550"]]


def test_discover_lists_spreadsheets_as_supported(tmp_path):
    table3_book().save(tmp_path / "a.xlsx")
    (tmp_path / "b.XLS").write_bytes((FIXTURES / "table3_2021.xls").read_bytes())
    assert {".xlsx", ".xls"} <= set(READERS) and not {".xlsx", ".xls"} & REPORT_SUFFIXES
    found = discover([str(tmp_path)])
    assert [Path(p).name for p in found] == ["a.xlsx", "b.XLS"]
    assert [load(p).format for p in found] == ["xlsx", "xls"]


# ------------------------------------------------------------------- bad workbooks


def ingest_error(path: Path) -> IngestError:
    with pytest.raises(IngestError) as info:
        load(str(path))
    return info.value


def test_workbook_without_values(tmp_path):
    book = openpyxl.Workbook()
    book.active["A1"].number_format = "0.00"
    book.create_sheet("Sheet2")
    error = ingest_error(save(book, tmp_path / "empty.xlsx"))
    assert (error.message_zh, error.message_en) == ("表格中没有内容", "the spreadsheet contains no data")


def test_encrypted_xlsx(tmp_path):
    error = ingest_error(FIXTURES / "encrypted.xlsx")
    assert "已加密" in error.message_zh and "encrypted (password-protected)" in error.message_en
    renamed = tmp_path / "encrypted.xls"  # an OLE container whatever its name
    renamed.write_bytes((FIXTURES / "encrypted.xlsx").read_bytes())
    error = ingest_error(renamed)
    assert "已加密" in error.message_zh and "encrypted (password-protected)" in error.message_en


def test_encrypted_xls(tmp_path):
    # An encrypted BIFF workbook carries a FILEPASS record (0x002F) right after its first BOF.
    data = bytearray((FIXTURES / "table3_2021.xls").read_bytes())
    bof = data.find(b"\x09\x08\x10\x00\x00\x06\x05\x00")
    assert bof > 0
    data[bof + 20 : bof + 22] = b"\x2f\x00"
    path = tmp_path / "locked.xls"
    path.write_bytes(bytes(data))
    error = ingest_error(path)
    assert "已加密" in error.message_zh and "encrypted (password-protected)" in error.message_en


def test_damaged_workbooks_raise_only_ingest_errors(tmp_path, capsys):
    xlsx_bytes = _xlsx_bytes(table3_book())
    xls_bytes = (FIXTURES / "table3_2021.xls").read_bytes()
    bad = {
        "truncated.xlsx": xlsx_bytes[: len(xlsx_bytes) // 2],
        "truncated.xls": xls_bytes[: len(xls_bytes) // 3],
        "header-only.xls": xls_bytes[:512],
        "noise.xls": bytes(range(256)) * 8,
        "noise.xlsx": b"\x00\x01garbage" * 100,
        "empty.xlsx": b"",
        "text.xls": "序号\t事项\n1\t行政许可\n".encode("gb18030"),
        "not-a-workbook.xlsx": _zip({"readme.txt": b"hello"}),
        "broken-sheet.xlsx": _rewrite(xlsx_bytes, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2]),
        "broken-styles.xlsx": _rewrite(xlsx_bytes, "xl/styles.xml", lambda xml: "<styleSheet"),
        "spreadsheetml.xls": (
            '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>'
        ).encode(),
    }
    messages = {}
    for name, data in bad.items():
        path = tmp_path / name
        path.write_bytes(data)
        error = ingest_error(path)
        assert error.message_zh and error.message_en, name
        messages[name] = error.message_en
    assert "Excel 2003 XML" in messages["spreadsheetml.xls"]
    assert "not a valid XLS file" in messages["noise.xls"]
    assert "damaged" in messages["broken-sheet.xlsx"]
    # xlrd and openpyxl print warnings unless told not to: nothing reaches the console
    assert capsys.readouterr() == ("", "")


def test_oversized_ranges_are_refused_before_they_are_built(tmp_path):
    book = openpyxl.Workbook()
    book.active["A1"] = "标题"
    path = save(book, tmp_path / "merge-all.xlsx")
    whole = _rewrite(
        path.read_bytes(),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    )
    path.write_bytes(whole)
    assert "merged ranges are too large" in ingest_error(path).message_en

    book = openpyxl.Workbook()
    book.active["A1"] = "甲"
    book.active["ZZ1000"] = "乙"  # 702 columns × 1000 rows of mostly nothing
    assert "too large" in ingest_error(save(book, tmp_path / "far.xlsx")).message_en


# ------------------------------------------------------------------- zip helpers


def _xlsx_bytes(book: openpyxl.Workbook) -> bytes:
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return stream.getvalue()


def _rewrite(data: bytes, member: str, change) -> bytes:
    """``data`` (a zip) with ``member``'s text changed by ``change``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[member] = change(members[member].decode("utf-8")).encode("utf-8")
    return _zip(members)
