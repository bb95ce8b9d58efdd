"""PDF reports: the text layer, read with pdfplumber (no OCR).

Per page, ruled tables of at least two columns (``page.find_tables()``) become
grids; a one-column "table" is a boxed frame around running text and is read
as text. The text outside the tables is extracted band by band, so the page
reads top to bottom: text above the first table, the table, text between
tables, and so on (text beside a table comes after it). Each page's start is
recorded in ``page_starts``. Nothing else is dropped yet: running headers,
footers and page numbers stay, and lines stay hard-wrapped as laid out.
"""

from __future__ import annotations

import io
import itertools

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from audit.ingest import IngestError
from audit.ingest.layout import Layout, TableCell
from audit.model import Document


def read_pdf(path: str, data: bytes) -> Document:
    """A ``Document`` of format ``"pdf"`` from the bytes of a PDF file."""
    layout = Layout()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                layout.new_page()
                _read_page(page, layout)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise IngestError("PDF 已加密，无法读取", "the PDF is encrypted and cannot be read") from exc
        raise IngestError(f"PDF 文件已损坏或无法解析（{cause}）", f"the PDF is damaged or cannot be parsed ({cause})") from exc
    if not layout.has_text:
        raise IngestError("PDF 没有文本层（不支持 OCR）", "no text layer (OCR not supported)")
    return layout.build(path, "pdf")


def _read_page(page: pdfplumber.page.Page, layout: Layout) -> None:
    tables = sorted((t for t in page.find_tables() if len(t.columns) >= 2), key=lambda t: t.bbox[1])
    boxes = [t.bbox for t in tables]
    # Text goes before the first table whose top is below it; what is left goes last.
    tops = [box[1] for box in boxes] + [float("inf")]
    above = float("-inf")
    for i, top in enumerate(tops):
        band = page.filter(lambda obj, lo=above, hi=top: lo <= _mid_y(obj) < hi and not _inside(obj, boxes))
        layout.add_paragraph(band.extract_text())
        if i < len(tables):
            layout.add_table(_cells(tables[i]))
            above = top


def _cells(table: pdfplumber.table.Table) -> list[TableCell]:
    """The table's cells at their grid positions, merged cells with their extent.

    ``Table.extract()`` lays the text out by the sorted distinct tops (rows) and
    left edges (columns) of the cell boxes, with None where no cell starts; a
    cell spans the rows and columns whose edges fall inside its box. A position
    no box covers (a rule missing from the drawing, often where a table goes on
    from the previous page) becomes a cell of its own when it holds text.
    """
    tops = sorted({box[1] for box in table.cells})
    lefts = sorted({box[0] for box in table.cells})
    cells = []
    covered: set[tuple[int, int]] = set()
    for row, (texts, group) in enumerate(zip(table.extract(), table.rows)):
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
