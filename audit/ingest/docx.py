"""DOCX reports: the body's paragraphs and tables in document order (python-docx).

Kept: the text of runs (tabs and manual line breaks included, inserted
revisions too), paragraphs and tables inside content controls, and text boxes
(read within their paragraph). A table's merged cells are written once:
``gridSpan`` gives the column extent and a ``vMerge`` continuation cell is
covered by the cell above. Text in a cell's nested table is read into the cell.
Dropped: headers, footers, footnotes, comments, deleted revisions, field codes
and the fallback copy of text boxes (``mc:Fallback``). Page headers and footers
(a 文件 banner, a page-number field) belong to the page, not the report; their
text is recorded in ``Document.meta["dropped"]`` as the HTML reader records a
page's chrome.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import nsmap, qn
from lxml import etree

from audit.ingest import IngestError
from audit.ingest.archive import check_zip
from audit.ingest.layout import Layout, TableCell
from audit.model import Document

_NS = {"w": nsmap["w"], "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
# Run content that is text, in document order; deleted runs and a text box's fallback copy are skipped.
_RUN_TEXT = etree.XPath(
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback)]"
    "/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]",
    namespaces=_NS,
)
_RUN_CHARS = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
# A cell's paragraphs, those of nested tables included, but not a text box's (read with its paragraph).
_CELL_PARAGRAPHS = etree.XPath(".//w:p[not(ancestor::w:p)]", namespaces=_NS)
_ROW_CELLS = etree.XPath("./w:tc | ./w:sdt/w:sdtContent/w:tc", namespaces=_NS)


def read_docx(path: str, data: bytes) -> Document:
    """A ``Document`` of format ``"docx"`` from the bytes of a Word (OOXML) file."""
    check_zip(data, "DOCX")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(
            "不是有效的 DOCX 文件（可能已损坏、已加密，或是改了扩展名的 .doc）",
            "not a valid DOCX file (damaged, encrypted, or a .doc renamed to .docx)",
        ) from exc
    layout = Layout()
    _read_blocks(document.element.body, layout)
    if not layout.has_text:
        raise IngestError("文件中没有文字", "the file contains no text")
    built = layout.build(path, "docx")
    dropped = _headers_and_footers(document)
    if dropped:
        built.meta["dropped"] = dropped
    return built


_EXCERPT = 40


def _headers_and_footers(document: docx.document.Document) -> list[dict[str, object]]:
    """The text of each section's own page headers and footers (linked ones are the previous section's)."""
    out = []
    for section in document.sections:
        for what in ("header", "first_page_header", "even_page_header", "footer", "first_page_footer", "even_page_footer"):
            part = getattr(section, what)
            if part.is_linked_to_previous:
                continue
            text = " ".join(" ".join(_text(p) for p in _CELL_PARAGRAPHS(part._element)).split())
            if text:
                out.append({"what": f"docx {what.replace('_', ' ')}", "chars": len(text), "excerpt": text[:_EXCERPT]})
    return out


def _read_blocks(parent: etree._Element, layout: Layout) -> None:
    for child in parent.iterchildren():
        if child.tag == qn("w:p"):
            layout.add_paragraph(_text(child))
        elif child.tag == qn("w:tbl"):
            layout.add_table(_cells(child))
        elif child.tag == qn("w:sdt"):
            for content in child.iterchildren(qn("w:sdtContent")):
                _read_blocks(content, layout)


def _text(paragraph: etree._Element) -> str:
    return "".join(node.text or "" if node.tag == qn("w:t") else _RUN_CHARS[node.tag] for node in _RUN_TEXT(paragraph))


def _cells(table: etree._Element) -> list[TableCell]:
    """The table's cells at grid positions; a vMerge continuation extends the cell above."""
    cells: list[TableCell] = []
    above: dict[int, int] = {}  # grid column → index in ``cells`` of the cell last placed there
    for row, tr in enumerate(table.iterchildren(qn("w:tr"))):
        col = tr.grid_before
        for tc in _ROW_CELLS(tr):
            span = tc.grid_span
            if tc.vMerge == "continue" and col in above:
                origin = cells[above[col]]
                cells[above[col]] = dataclasses.replace(origin, rowspan=row - origin.row + 1)
            else:
                text = "\n".join(_text(p) for p in _CELL_PARAGRAPHS(tc))
                above.update(dict.fromkeys(range(col, col + span), len(cells)))
                cells.append(TableCell(text, row, col, colspan=span))
            col += span
    return cells
