"""PDF reports: the text layer, read with pdfplumber (no OCR).

Per page, ruled tables of at least two columns (``page.find_tables()``) become
grids; a one-column "table" is a boxed frame around running text and is read
as text. The text outside the tables is extracted band by band, so the page
reads top to bottom: text above the first table, the table, text between
tables, and so on (text beside a table comes after it). Each page's start is
recorded in ``page_starts``, so evidence names its page.

Taken out of the flow (running heads and folios are the page's, not the report's):

* page numbers in the top or bottom ``_MARGIN`` of a page: ``- 3 -``, ``— 3 —``,
  ``第3页``, ``第 3 页 共 9 页``, ``3/9``, ``3``, ``Page 3``, ``P. 3``;
* running heads and feet: a line in those margins whose text, digits aside,
  recurs there on at least half the pages (and on two or more).

Hard wraps are joined (``_join``): a line that reaches the right edge of the
page's text joins the next line unless that line is indented (a new
paragraph) or opens with a heading number; a line that opens with closing
punctuation (``，`` ``。`` ``）`` …) joins the line before it, and so does a unit
after a figure that ends the line before (``294`` / ``篇``). The same holds
across a page break, between the last text line of a page and the first of the
next (not when a table ends the page). The right edge is the most common right
end of the page's long lines; the left edge the most common left end.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from audit.ingest import IngestError
from audit.ingest.layout import Layout, TableCell
from audit.ingest.reflow import CLOSING, UNITS, glue
from audit.model import Document


def read_pdf(path: str, data: bytes) -> Document:
    """A ``Document`` of format ``"pdf"`` from the bytes of a PDF file."""
    layout = Layout()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            margins = [_margin_lines(page) for page in pdf.pages]
            dropped = _running(margins)
            carry: _Last | None = None
            for page, boxes in zip(pdf.pages, dropped):
                layout.new_page()
                carry = _read_page(page, layout, boxes, carry)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise IngestError("PDF 已加密，无法读取", "the PDF is encrypted and cannot be read") from exc
        raise IngestError(f"PDF 文件已损坏或无法解析（{cause}）", f"the PDF is damaged or cannot be parsed ({cause})") from exc
    if not layout.has_text:
        raise IngestError("PDF 没有文本层（不支持 OCR）", "no text layer (OCR not supported)")
    return layout.build(path, "pdf")


# ------------------------------------------------------------- heads and folios

Box = tuple[float, float, float, float]

_MARGIN = 0.1  # the top and bottom tenth of a page hold running heads, feet and page numbers
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－~]\s*\d{1,4}\s*[-—–－~]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|(?:Page|P\.)\s*\d{1,4}\b.*)\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def _margin_lines(page: pdfplumber.page.Page) -> list[dict]:
    """The text lines in the page's top and bottom margins."""
    height = page.height
    return [
        line
        for line in page.extract_text_lines(strip=True, return_chars=False)
        if line["bottom"] <= height * _MARGIN or line["top"] >= height * (1 - _MARGIN)
    ]


def _running(margins: list[list[dict]]) -> list[list[Box]]:
    """Per page, the boxes of its page numbers and of the heads and feet that recur on most pages."""
    pages = len(margins)
    seen = Counter(key for lines in margins for key in {_DIGITS.sub("#", line["text"]).strip() for line in lines})
    recurring = {key for key, n in seen.items() if pages >= 2 and n >= max(2, (pages + 1) // 2)}
    return [
        [
            (line["x0"], line["top"], line["x1"], line["bottom"])
            for line in lines
            if _PAGE_NUMBER.match(line["text"]) or _DIGITS.sub("#", line["text"]).strip() in recurring
        ]
        for lines in margins
    ]


# -------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Last:
    """The last line of running text on a page (None after a table), with the page's text edges."""

    line: dict
    edges: tuple[float, float] | None


def _read_page(page: pdfplumber.page.Page, layout: Layout, dropped: list[Box], carry: _Last | None) -> _Last | None:
    """Write the page; return its last text line, which the next page's first line may continue."""
    found = sorted((t for t in page.find_tables() if len(t.columns) >= 2), key=lambda t: t.bbox[1])
    tables = [(t, _body_top(t)) for t in found]
    boxes = [(t.bbox[0], top, t.bbox[2], t.bbox[3]) for t, top in tables]
    outside = page.filter(lambda obj: not _inside(obj, boxes + dropped))
    edges = _edges(outside.extract_text_lines(strip=True, return_chars=False), page.width)
    # Text goes before the first table whose top is below it; what is left goes last.
    tops = [box[1] for box in boxes] + [float("inf")]
    above = float("-inf")
    for i, top in enumerate(tops):
        band = outside.filter(lambda obj, lo=above, hi=top: lo <= _mid_y(obj) < hi)
        lines = band.extract_text_lines(strip=True, return_chars=False)
        if lines:
            # The page's first line may go on with the previous page's last one.
            goes_on = carry is not None and _continues(carry.line, lines[0], carry.edges, edges)
            joint = glue(carry.line["text"], lines[0]["text"]) if carry is not None and goes_on else ""
            layout.add_paragraph(joint + _join(lines, edges), continues=goes_on)
            carry = _Last(lines[-1], edges)
        if i < len(tables):
            layout.add_table(_cells(*tables[i]))
            carry = None
            above = top
    return carry


# ---------------------------------------------------------------- hard wraps

_OPENS_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*[、.．](?!\d))")


def _edges(lines: list[dict], width: float) -> tuple[float, float] | None:
    """(left, right) edge of the page's running text: the most common ends of its long lines."""
    long = [line for line in lines if line["x1"] - line["x0"] >= width * 0.5]
    if len(long) < 2:
        return None
    left = Counter(round(line["x0"]) for line in long).most_common(1)[0][0]
    right = Counter(round(line["x1"]) for line in long).most_common(1)[0][0]
    return left, right


def _join(lines: list[dict], edges: tuple[float, float] | None) -> str:
    """The lines of a band as text, hard wraps joined (see the module doc)."""
    out: list[str] = []
    previous: dict | None = None
    for line in lines:
        text = line["text"]
        if previous is not None and out and _continues(previous, line, edges, edges, same_page=True):
            out[-1] += glue(out[-1], text) + text
        else:
            out.append(text)
        previous = line
    return "\n".join(out)


def _continues(
    a: dict,
    b: dict,
    edges_a: tuple[float, float] | None,
    edges_b: tuple[float, float] | None,
    same_page: bool = False,
) -> bool:
    """Does line ``b`` go on with the text of line ``a`` (on the same page, or the next)?"""
    first, last = b["text"][:1], a["text"][-1:]
    if first in CLOSING or (last.isdigit() and first in UNITS):
        return True
    if edges_a is None or edges_b is None or _OPENS_HEADING.match(b["text"]):
        return False
    char = (a["x1"] - a["x0"]) / max(1, len(a["text"]))
    reaches_edge = a["x1"] >= edges_a[1] - max(2.0, char * 1.2)
    indented = b["x0"] > edges_b[0] + max(2.0, char * 0.8)
    close = not same_page or b["top"] - a["bottom"] < (a["bottom"] - a["top"]) * 1.5
    return reaches_edge and not indented and close


_FRAME_ROWS, _FRAME_CHARS = 3, 60  # leading one-cell rows this many, or this long, are framed text


def _body_top(table: pdfplumber.table.Table) -> float:
    """Where the table proper starts: below the rows of running text a page frame drew it with.

    A page whose border is ruled comes out as one table whose first rows each hold
    one line of the text above the real table. When the rows before the first row
    with two filled cells are many or long (``_FRAME_ROWS``, ``_FRAME_CHARS``), they
    are read as text (a caption row such as 第二十条第（一）项 among them); one short
    merged row (a table's own title) stays in the table.
    """
    leading: list[tuple[str, float]] = []
    for texts, row in zip(table.extract(), table.rows):
        filled = [t for t in texts if t and t.strip()]
        if len(filled) > 1:
            break
        leading.append(("".join(filled), row.bbox[3]))
    if len(leading) >= _FRAME_ROWS or sum(len(text) for text, _ in leading) >= _FRAME_CHARS:
        return leading[-1][1]
    return table.bbox[1]


def _cells(table: pdfplumber.table.Table, body_top: float) -> list[TableCell]:
    """The table's cells at their grid positions, merged cells with their extent.

    ``Table.extract()`` lays the text out by the sorted distinct tops (rows) and
    left edges (columns) of the cell boxes, with None where no cell starts; a
    cell spans the rows and columns whose edges fall inside its box. A position
    no box covers (a rule missing from the drawing, often where a table goes on
    from the previous page) becomes a cell of its own when it holds text. Rows
    above ``body_top`` are text, not the table's.
    """
    tops = sorted({box[1] for box in table.cells if box[1] >= body_top})
    lefts = sorted({box[0] for box in table.cells})
    cells = []
    covered: set[tuple[int, int]] = set()
    body = [(texts, group) for texts, group in zip(table.extract(), table.rows) if group.bbox[1] >= body_top]
    for row, (texts, group) in enumerate(body):
        for col, (text, box) in enumerate(zip(texts, group.cells)):
            if box is None:
                continue
            x0, top, x1, bottom = box
            rowspan = sum(top <= y < bottom for y in tops)
            colspan = sum(x0 <= x < x1 for x in lefts)
            covered.update((row + i, col + j) for i in range(rowspan) for j in range(colspan))
            cells.append(TableCell(text or "", row, col, rowspan, colspan))
    ys, xs = tops + [table.bbox[3]], lefts + [table.bbox[2]]
    for row, col in itertools.product(range(len(tops)), range(len(lefts))):
        if (row, col) not in covered:
            box = (xs[col], ys[row], xs[col + 1], ys[row + 1])
            text = table.page.filter(lambda obj: _inside(obj, [box])).extract_text()
            if text.strip():
                cells.append(TableCell(text, row, col))
    return cells


def _mid_y(obj: dict) -> float:
    return (obj["top"] + obj["bottom"]) / 2


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    """True when ``obj``'s centre lies in one of ``boxes`` (pdfplumber's test for a cell's chars)."""
    x, y = (obj["x0"] + obj["x1"]) / 2, _mid_y(obj)
    return any(x0 <= x < x1 and top <= y < bottom for x0, top, x1, bottom in boxes)
