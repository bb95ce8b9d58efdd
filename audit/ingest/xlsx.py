"""Spreadsheet attachments: ``.xlsx`` (openpyxl) and ``.xls`` (xlrd), every sheet as one table.

The content decides how a file is read, not its suffix: a zip is an OOXML
workbook (checked by ``archive.check_zip`` first), an OLE compound file is a
BIFF workbook (``.xls``) unless it holds an ``EncryptedPackage`` — that is a
password-protected ``.xlsx`` — and an ``.xls`` that is really a web page (what
many web systems export) is read by the HTML reader. An Excel 2003 XML
spreadsheet saved as ``.xls`` is refused with the advice to save it as
``.xlsx``; anything else is an ``IngestError`` that says what the file is.
A damaged workbook is an ``IngestError`` too, and so is an encrypted one
(``已加密`` / ``encrypted (password-protected)``); xlrd's and openpyxl's own
warnings are kept off the console.

Each sheet that has a value, in tab order, becomes its name as a paragraph
(``Sheet1``; a hidden or very hidden sheet is read too and says so:
``Sheet2（隐藏工作表）``) followed by one table: the sheet's used range, the
smallest rectangle holding every value, every position in it a cell (empty
cells as empty text; hidden rows and columns included). A merged range is
written once, at its top-left, with its row and column extent clipped to the
used range; the values Excel hides under a merge (in its covered cells) are
dropped, as Excel shows only the top-left one.

Values are written as the sheet shows them:

* numbers: with the decimals of the cell's number format when it fixes them
  (``0.00`` → ``3.00``, ``0.0#`` → up to two, ``0.00%`` → ``98.82%``, ``#,##0`` →
  ``1,295``), rounded half away from zero as Excel does; otherwise (General,
  text, scientific or fraction formats) an integer without ``.0`` and any other
  number with Excel's 15 significant digits, so ``0.1+0.2`` reads ``0.3``, and
  never in scientific notation;
* dates as ISO ``2021-12-31`` (``2021-12`` or ``2021`` when the format shows no
  day or month), with ``HH:MM:SS`` when there is a time of day; times alone as
  ``HH:MM:SS``;
* booleans as ``TRUE``/``FALSE``; error values as Excel writes them (``#DIV/0!``);
* a formula as its value cached in the file (what Excel last computed). A
  workbook written by a program that never computed its formulas has no cached
  values: those cells read as empty.

Chart sheets, comments, shapes and images are not read. A workbook with no value
in any sheet is an ``IngestError``, and so is one whose used ranges together
exceed ``MAX_CELLS`` positions (a statistics attachment has a few hundred) or
whose merged ranges cover more than ``MAX_MERGED`` (openpyxl would build an
object for each covered position).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from audit.ingest import IngestError
from audit.ingest.layout import Layout, TableCell, cell_text
from audit.model import Document

# Positions (rows × columns of the used ranges) a workbook may have in all.
MAX_CELLS = 250_000
# Positions merged ranges may cover in all (see ``_check_merges``).
MAX_MERGED = 1_000_000
HIDDEN_MARK = "（隐藏工作表）"

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = ("表格文件已加密（设有打开密码），无法读取", "the spreadsheet is encrypted (password-protected) and cannot be read")
_NO_DATA = ("表格中没有内容", "the spreadsheet contains no data")


def read_xlsx(path: str, data: bytes) -> Document:
    """A ``Document`` of format ``"xlsx"`` (or ``"xls"`` for a renamed BIFF workbook) from an Excel file."""
    if data.startswith(_ZIP_MAGIC):
        return _read_ooxml(path, data)
    if data.startswith(_OLE_MAGIC):
        return _read_ole(path, data)
    raise IngestError(
        "不是有效的 XLSX 文件（可能已损坏，或是改了扩展名的其他文件）",
        "not a valid XLSX file (damaged, or another kind of file renamed to .xlsx)",
    )


def read_xls(path: str, data: bytes) -> Document:
    """A ``Document`` of format ``"xls"`` (or ``"xlsx"``/``"html"`` for what was renamed to .xls) from an Excel file."""
    if data.startswith(_OLE_MAGIC):
        return _read_ole(path, data)
    if data.startswith(_ZIP_MAGIC):
        return _read_ooxml(path, data)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in head and b"<workbook" in data[:8192].lower():
        raise IngestError(
            "这是 Excel 2003 XML 表格（改了扩展名的 .xml），暂不支持，请另存为 .xlsx",
            "this is an Excel 2003 XML spreadsheet (an .xml renamed to .xls), not supported: save it as .xlsx",
        )
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or (head.startswith(b"<") and b"<table" in data[:65536].lower()):
        from audit.ingest.html import read_html

        return read_html(path, data)
    raise IngestError(
        "不是有效的 XLS 文件（可能已损坏，或是改了扩展名的其他文件）",
        "not a valid XLS file (damaged, or another kind of file renamed to .xls)",
    )


# ------------------------------------------------------------------- one sheet


@dataclass(slots=True)
class _Sheet:
    """A sheet as read: its values (non-empty text only, 0-based positions) and merged ranges."""

    name: str
    hidden: bool
    values: dict[tuple[int, int], str]
    merges: list[tuple[int, int, int, int]]  # (first row, last row + 1, first col, last col + 1)


def _build(path: str, format: str, sheets: Iterable[_Sheet]) -> Document:
    layout = Layout()
    written = False
    budget = MAX_CELLS
    for sheet in sheets:
        cells = _table(sheet)
        if cells is None:
            continue
        count, table = cells
        budget -= count
        if budget < 0:
            raise IngestError(
                f"表格过大（各工作表合计超过 {MAX_CELLS} 个单元格）",
                f"the spreadsheet is too large (its sheets span over {MAX_CELLS} cells)",
            )
        layout.add_paragraph(sheet.name + (HIDDEN_MARK if sheet.hidden else ""))
        layout.add_table(table)
        written = True
    if not written:
        raise IngestError(*_NO_DATA)
    return layout.build(path, format)


def _table(sheet: _Sheet) -> tuple[int, Iterator[TableCell]] | None:
    """(positions, cells) of the sheet's used range, or None when it has no value."""
    written = {pos: text for pos, text in sheet.values.items() if cell_text(text)}
    if not written:
        return None
    # Merges are clipped to the rectangle of every written value (values under a
    # merge included) before they are walked: a merge may span whole columns.
    outer = _bounds(written)
    covered: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for merge in sheet.merges:
        r0, r1, c0, c1 = merge
        if (r1 - r0) * (c1 - c0) > 1:
            for r in range(max(r0, outer[0]), min(r1, outer[1])):
                for c in range(max(c0, outer[2]), min(c1, outer[3])):
                    covered.setdefault((r, c), merge)
    # What Excel shows: a merge's top-left value, never the values under it.
    values = {pos: text for pos, text in written.items() if pos not in covered or covered[pos][::2] == pos}
    if not values:
        return None
    top, bottom, left, right = _bounds(values)
    count = (bottom - top) * (right - left)

    def cells() -> Iterator[TableCell]:
        for r in range(top, bottom):
            for c in range(left, right):
                merge = covered.get((r, c))
                if merge is None:
                    yield TableCell(values.get((r, c), ""), r - top, c - left)
                    continue
                # A merge clipped to the used range, written at the clipped top-left.
                r0, r1, c0, c1 = max(merge[0], top), min(merge[1], bottom), max(merge[2], left), min(merge[3], right)
                if (r, c) == (r0, c0):
                    text = values.get((merge[0], merge[2]), "")
                    yield TableCell(text, r - top, c - left, r1 - r0, c1 - c0)

    return count, cells()


def _bounds(values: dict[tuple[int, int], str]) -> tuple[int, int, int, int]:
    """(top, bottom + 1, left, right + 1) of the positions of ``values``; at most ``MAX_CELLS`` of them."""
    rows = [r for r, _ in values]
    cols = [c for _, c in values]
    bounds = min(rows), max(rows) + 1, min(cols), max(cols) + 1
    if (bounds[1] - bounds[0]) * (bounds[3] - bounds[2]) > MAX_CELLS:
        raise IngestError(
            f"表格过大（单个工作表超过 {MAX_CELLS} 个单元格）",
            f"the spreadsheet is too large (a sheet spans over {MAX_CELLS} cells)",
        )
    return bounds


# ------------------------------------------------------------------- OOXML


def _read_ooxml(path: str, data: bytes) -> Document:
    from audit.ingest.archive import check_zip

    check_zip(data, "XLSX")
    import openpyxl

    try:
        _check_merges(data)
        with warnings.catch_warnings():
            # openpyxl warns about every extension it drops (data validation, slicers…).
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 — a damaged part surfaces as any of a dozen exception types
        kind = type(exc).__name__
        raise IngestError(
            f"XLSX 文件已损坏或无法解析（{kind}）",
            f"the XLSX file is damaged or cannot be parsed ({kind})",
        ) from exc
    return _build(path, "xlsx", (_ooxml_sheet(ws) for ws in book.worksheets))


# A merged range in a worksheet part: openpyxl makes an object for every position it covers.
_MERGE_REF = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})"')
_CHUNK = 1 << 20


def _check_merges(data: bytes) -> None:
    """Refuse a workbook whose merged ranges cover more than ``MAX_MERGED`` positions in all.

    openpyxl creates a cell object for every position of a merge while loading,
    so one merge over whole columns (``A1:XFD1048576``) would take the memory of
    billions of cells. The worksheet parts are scanned as a stream beforehand.
    """
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if "worksheets/" not in info.filename or not info.filename.endswith(".xml"):
                continue
            with archive.open(info) as stream:
                tail = b""
                while chunk := stream.read(_CHUNK):
                    buffer = tail + chunk
                    end = 0
                    for m in _MERGE_REF.finditer(buffer):
                        c0, r0, c1, r1 = _column(m[1]), int(m[2]), _column(m[3]), int(m[4])
                        total += (abs(r1 - r0) + 1) * (abs(c1 - c0) + 1)
                        end = m.end()
                    # Keep the unmatched end of the chunk: a tag may straddle two chunks.
                    tail = buffer[max(end, len(buffer) - 256) :]
                    if total > MAX_MERGED:
                        raise IngestError(
                            f"表格的合并单元格过大（合计超过 {MAX_MERGED} 个单元格）",
                            f"the spreadsheet's merged ranges are too large (over {MAX_MERGED} cells in all)",
                        )


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _ooxml_sheet(ws) -> _Sheet:  # noqa: ANN001 — an openpyxl Worksheet
    values: dict[tuple[int, int], str] = {}
    # ``_cells`` holds only the cells the file has; ``iter_rows`` would create
    # every position up to the sheet's dimension (a million rows when a style
    # was applied to whole columns).
    for (row, col), cell in ws._cells.items():
        if cell.value is None:
            continue
        text = _show(cell.value, cell.number_format or "General")
        if text:
            values[(row - 1, col - 1)] = text
    merges = [(m.min_row - 1, m.max_row, m.min_col - 1, m.max_col) for m in ws.merged_cells.ranges]
    return _Sheet(ws.title, ws.sheet_state != "visible", values, merges)


# ------------------------------------------------------------------- BIFF (.xls)


def _read_ole(path: str, data: bytes) -> Document:
    import xlrd
    from xlrd.compdoc import CompDoc

    log = io.StringIO()  # xlrd writes its warnings to stdout unless told otherwise
    try:
        streams = {entry.name.lower() for entry in CompDoc(data, logfile=log, ignore_workbook_corruption=True).dirlist}
    except Exception as exc:  # noqa: BLE001 — CompDocError, struct.error, IndexError on a damaged header
        raise IngestError("XLS 文件已损坏，无法解析", "the XLS file is damaged and cannot be parsed") from exc
    if {"encryptedpackage", "encryptioninfo"} & streams:
        raise IngestError(*_ENCRYPTED)
    if not {"workbook", "book"} & streams:
        raise IngestError(
            "不是 Excel 工作簿（是其他程序的 OLE 文件，例如改了扩展名的 .doc）",
            "not an Excel workbook (an OLE file of another program, e.g. a .doc renamed)",
        )
    try:
        try:
            book = xlrd.open_workbook(
                file_contents=data, formatting_info=True, logfile=log, ignore_workbook_corruption=True
            )
        except NotImplementedError:  # formatting of BIFF 2–4 workbooks: read without merges and formats
            book = xlrd.open_workbook(file_contents=data, logfile=log, ignore_workbook_corruption=True)
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise IngestError(*_ENCRYPTED) from exc
        raise IngestError(f"XLS 文件已损坏或无法解析（{exc}）", f"the XLS file is damaged or cannot be parsed ({exc})") from exc
    except Exception as exc:  # noqa: BLE001 — xlrd fails on damaged records with struct/index/key errors
        kind = type(exc).__name__
        raise IngestError(f"XLS 文件已损坏或无法解析（{kind}）", f"the XLS file is damaged or cannot be parsed ({kind})") from exc
    return _build(path, "xls", (_biff_sheet(book, sheet) for sheet in book.sheets()))


def _biff_sheet(book, sheet) -> _Sheet:  # noqa: ANN001 — xlrd Book and Sheet
    import xlrd

    values: dict[tuple[int, int], str] = {}
    for r in range(sheet.nrows):
        for c, cell in enumerate(sheet.row(r)):
            ctype, value = cell.ctype, cell.value
            if ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            if ctype == xlrd.XL_CELL_TEXT:
                text = value
            elif ctype == xlrd.XL_CELL_BOOLEAN:
                text = "TRUE" if value else "FALSE"
            elif ctype == xlrd.XL_CELL_ERROR:
                text = xlrd.error_text_from_code.get(value, "#N/A")
            else:
                fmt = _biff_format(book, cell.xf_index)
                if ctype == xlrd.XL_CELL_DATE:
                    text = _biff_date(value, book.datemode, fmt)
                else:
                    text = _number(value, fmt)
            if text:
                values[(r, c)] = text
    return _Sheet(sheet.name, sheet.visibility != 0, values, [tuple(m) for m in sheet.merged_cells])


def _biff_format(book, xf_index: int | None) -> str:  # noqa: ANN001
    if xf_index is None or not book.xf_list:
        return "General"
    fmt = book.format_map.get(book.xf_list[xf_index].format_key)
    return fmt.format_str if fmt is not None else "General"


def _biff_date(value: float, datemode: int, fmt: str) -> str:
    import xlrd

    try:
        if 0 <= value < 1:
            return _show(xlrd.xldate.xldate_as_datetime(value, datemode).time(), fmt)
        return _show(xlrd.xldate.xldate_as_datetime(value, datemode), fmt)
    except (ValueError, OverflowError, xlrd.xldate.XLDateError):
        return _number(value, "General")


# ------------------------------------------------------------------- values as shown


def _show(value: object, fmt: str) -> str:
    """A cell value as the sheet shows it (see the module docstring)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time() or not _has_time(fmt):
            return _date(value.date(), fmt)
        return f"{_date(value.date(), fmt)} {value.time().isoformat(timespec='seconds')}"
    if isinstance(value, dt.date):
        return _date(value, fmt)
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.timedelta):
        seconds = round(value.total_seconds())
        sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
        return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    if isinstance(value, (int, float)):
        return _number(value, fmt)
    return str(value)


# Parts of a format code that are not placeholders: quoted text, escaped and
# padding/fill characters, and bracketed colours, conditions and locales.
_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')


def _section(fmt: str) -> str:
    """The first section of a number format (the one for positive numbers), literals removed."""
    return _LITERALS.sub("", fmt).split(";")[0]


def _date(value: dt.date, fmt: str) -> str:
    code = _section(fmt).lower()
    if "y" in code and "d" not in code:
        return f"{value.year:04d}-{value.month:02d}" if "m" in code else f"{value.year:04d}"
    return value.isoformat()


def _has_time(fmt: str) -> bool:
    code = _section(fmt).lower()
    return "h" in code or "s" in code


_DECIMALS = re.compile(r"\.([0#?]+)")


@dataclass(frozen=True, slots=True)
class _Fixed:
    """A number format that fixes how a number is written: decimals (``least``–``most``), %, grouping."""

    most: int
    least: int
    percent: bool
    grouping: bool


@functools.lru_cache(maxsize=512)
def _fixed(fmt: str) -> _Fixed | None:
    """What ``fmt`` fixes, or None when it is General-like (General, text, scientific, fraction, no digits)."""
    code = _section(fmt)
    if code.strip().lower() in ("", "general", "@") or not re.search(r"[0#?]", code) or re.search(r"[eE][+-]|/", code):
        return None
    decimals = _DECIMALS.search(code)
    return _Fixed(
        most=len(decimals.group(1)) if decimals else 0,
        least=decimals.group(1).count("0") if decimals else 0,
        percent="%" in code,
        grouping=bool(re.search(r"[0#?],[0#?]", code)),
    )


def _number(value: float | int, fmt: str) -> str:
    """A number with its format's decimals (when the format fixes them), else as General shows it."""
    spec = _fixed(fmt)
    if spec is None and float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))  # the common case, a count
    try:
        number = Decimal(value) if isinstance(value, int) else Decimal(f"{value:.15g}")
    except (InvalidOperation, ValueError, OverflowError):
        return str(value)
    if not number.is_finite():
        return str(value)
    if spec is None:
        return _plain(number)
    if spec.percent:
        number *= 100
    number = number.quantize(Decimal(1).scaleb(-spec.most), rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # no "-0.00"
    text = format(number, ",f" if spec.grouping else "f")
    if spec.most > spec.least:
        whole, _, fraction = text.partition(".")
        fraction = fraction.rstrip("0").ljust(spec.least, "0")
        text = f"{whole}.{fraction}" if fraction else whole
    return text + ("%" if spec.percent else "")


def _plain(number: Decimal) -> str:
    """Positional notation, no exponent, no trailing zeros: ``3``, ``0.3``, ``100000000000000000000``."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")
