"""Paragraphs and tables → one text: the layout shared by the PDF, DOCX and HTML readers.

A reader feeds the blocks of a document to a ``Layout`` in reading order and
calls ``build``. A paragraph is written line by line (blank lines dropped,
trailing whitespace stripped). A table is written one row per line, its cells
joined by `` | ``; a cell's text has its line breaks and runs of whitespace
joined into one space and is stripped, and an empty cell is written as the
empty string (``a |  | b``). A merged cell is written once, in the row of its
top-left position; the positions it covers are left out of their lines. Each
table becomes a ``Grid`` whose cells point at their text in ``Document.text``.

A paragraph may continue the last paragraph line (a PDF sentence broken by a
page break); the page then starts where the joined text does.

The raw text is normalised once, in ``build``. Everything ``normalize`` would
remove or change in length (a BOM, ``\\r\\n``, C0 controls) is cleaned out of
each piece before it is written, so offsets computed while writing stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from audit.ingest.normalize import normalize
from audit.model import Cell, Document, Grid, Span

SEPARATOR = " | "

# Line breaks in any form: CR LF, CR, vertical tab and form feed (Word's manual
# line and page breaks), NEL and the Unicode line and paragraph separators.
_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# What normalize would drop: C0 controls other than \t and \n, and the BOM
# (zero width; only a leading one is dropped, but any is noise).
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\ufeff]")


@dataclass(frozen=True, slots=True)
class TableCell:
    """A table cell as a reader found it: raw text, grid position and extent."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


def clean(text: str) -> str:
    """``text`` with line breaks unified to ``\\n`` and controls and BOMs removed."""
    return _DROPPED.sub("", _BREAKS.sub("\n", text))


def cell_text(text: str) -> str:
    """A cell's text on one line: whitespace runs (line breaks included) become one space."""
    return " ".join(clean(text).split())


@dataclass(slots=True)
class _Table:
    cells: list[tuple[TableCell, int, int]]  # (cell, start, end) in the raw text
    start: int
    end: int
    page: int | None


class Layout:
    """Collects blocks in reading order and builds the ``Document``."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._tables: list[_Table] = []
        self._page_starts: list[int] = []
        self._last_is_text = False  # the last line written is a paragraph's, not a table row
        self.has_text = False  # True once any non-blank paragraph line or cell is written

    def new_page(self) -> None:
        """Start the next page (paged sources): later blocks belong to it."""
        self._page_starts.append(self._length)

    def add_paragraph(self, text: str, continues: bool = False) -> None:
        """Write ``text`` as lines, blank lines dropped and trailing whitespace stripped.

        With ``continues``, its first line goes on the last line written, when that
        was a paragraph line (a sentence broken by a page break); a page that
        starts there starts where the joined text does.
        """
        for line in clean(text).split("\n"):
            line = line.rstrip()
            if line.strip():
                if continues and self._last_is_text:
                    self._unwrite_newline()
                self._write(line)
                self.has_text = True
            continues = False

    def add_table(self, cells: Iterable[TableCell]) -> None:
        """Write a table, one line per row that has a cell, and record its grid."""
        rows: dict[int, list[TableCell]] = {}
        for cell in cells:
            rows.setdefault(cell.row, []).append(cell)
        if not rows:
            return
        table = _Table([], self._length, self._length, len(self._page_starts) or None)
        for row in sorted(rows):
            texts = []
            pos = self._length
            for cell in sorted(rows[row], key=lambda c: c.col):
                if texts:
                    pos += len(SEPARATOR)
                text = cell_text(cell.text)
                table.cells.append((cell, pos, pos + len(text)))
                texts.append(text)
                pos += len(text)
                self.has_text = self.has_text or bool(text)
            table.end = pos
            self._write(SEPARATOR.join(texts), text=False)
        self._tables.append(table)

    def build(self, path: str, format: str, encoding: str | None = None) -> Document:
        """The ``Document`` of everything written so far."""
        raw = "".join(self._parts)
        text, shadow = normalize(raw)
        # The pieces were cleaned, so normalisation kept every offset in place.
        assert len(text) == len(raw)
        grids = tuple(
            Grid(
                cells=tuple(
                    Cell(text[start:end], Span(start, end), cell.row, cell.col, cell.rowspan, cell.colspan)
                    for cell, start, end in table.cells
                ),
                span=Span(table.start, table.end),
                page=table.page,
            )
            for table in self._tables
        )
        return Document(
            path=path,
            format=format,
            text=text,
            shadow=shadow,
            encoding=encoding,
            grids=grids,
            page_starts=tuple(self._page_starts),
        )

    def _write(self, line: str, text: bool = True) -> None:
        self._parts.append(line + "\n")
        self._length += len(line) + 1
        self._last_is_text = text

    def _unwrite_newline(self) -> None:
        """Take back the line break after the last line, so the next write continues it."""
        self._parts[-1] = self._parts[-1][:-1]
        self._length -= 1
        self._page_starts = [min(start, self._length) for start in self._page_starts]
