"""The standard tables 表二, 表三 and 表四, read cell by cell into canonical ids.

Reports arrive with their tables in every state: grids from HTML, DOCX and PDF
readers; Markdown pipe tables; rows flattened to `` | ``-joined lines; one cell
per line; values separated by spaces after a label; rows split across pages,
labels wrapped or cut off, headers replaced by placeholders. The reader works
on one representation of all of them, a **row stream**: every grid row and
every line of text outside grids, in document order, cut into cells (``|`` or
tabs, or a label followed by space-separated values).

**Rows are found by their labels** (``standard.Row``): a cell is a label when its
normalised text (Simplified, no spaces or punctuation, numbering kept) equals a
label of the layout with or without its numbering, or is a near miss of one
(difflib ratio ≥ 0.85, unique best) — the typos real reports carry
(其他法律行政止公开, 只计这一情况, 三类内容事务信息). Labels too common to stand
alone (3.其他, （七）总计) need their numbering. A row's values are the value
cells after its last label in the same row (numbers, blanks, placeholders such as
``/`` and ``—``, numbers with a unit or a note); when the label ends its row, the
values may continue on the next lines, one value per line, never across
another label (a line of several cells there means the flattening collapsed
the row's blanks, and the row is not read). Columns are taken in the official order (see
``standard``); a row with fewer values than columns is not read at all (no
guessing which column is missing), extra trailing blanks are ignored.

**表三 positional reading.** When labels and values are torn apart (a peer's PDF
conversion puts label fragments on some lines and rows of seven values on
others), the value rows of the table region are read in order instead, and
accepted only when their number is exactly the number of rows of a layout
(25 for 2021, 23 for 2019) and every value row that does carry a label sits at
that label's position.

**表四** is one row of 15 values under a header: the first rows of values
after a 行政复议/结果维持 header, up to 15 values, before the next section.

**Versions.** 表三 is 2021 when any of the three （六） sub-rows is found, else
2019 when （六）其他处理 carries values itself. 表二's version is told by its
header words (本年制发件数… vs 本年新制作数量…), else by how many values its
行政许可 row has.

The identities each table implies (template.md §4) are produced here too, as
``TableIdentity`` facts: the checks only compare their two sides.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, NamedTuple

from audit.extract import standard as std
from audit.model import (
    Document,
    Span,
    StandardTable,
    TableCell,
    TableIdentity,
)

# ------------------------------------------------------------------ row stream


class _Cell(NamedTuple):
    """A cell of the row stream: its text (Simplified, stripped) and where it is.

    A tuple of plain offsets, not a ``Span``: a document has hundreds of cells and
    only the few read into a table need their span (``span``).
    """

    text: str
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}")
_TOKEN = re.compile(r"\S+")


def row_stream(document: Document) -> list[list[_Cell]]:
    """Every grid row and every text line outside grids, cut into cells, in document order."""
    shadow = document.shadow
    rows: list[tuple[int, list[_Cell]]] = []
    for grid in document.grids:
        for grid_row in grid.rows():
            cells = [_Cell(shadow[c.span.start : c.span.end].strip(), c.span.start, c.span.end) for c in grid_row]
            if cells:
                rows.append((cells[0].start, cells))
    covered = _union(grid.span for grid in document.grids)
    k = 0  # the first covered range that does not end before the line
    start = 0
    for line in shadow.split("\n"):
        while k < len(covered) and covered[k][1] <= start:
            k += 1
        if line.strip() and not (k < len(covered) and covered[k][0] <= start):
            cells = _split_line(line, start)
            if cells:
                rows.append((start, cells))
        start += len(line) + 1
    rows.sort(key=lambda item: item[0])
    return [cells for _, cells in rows]


def _union(spans: Iterable[Span]) -> list[tuple[int, int]]:
    """The ranges ``spans`` cover, as sorted disjoint ``(start, end)`` pairs."""
    out: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and span.start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], span.end))
        else:
            out.append((span.start, span.end))
    return out


def _split_line(line: str, offset: int) -> list[_Cell]:
    if "|" in line or "\t" in line:
        if _SEPARATOR_ROW.match(line):
            return []
        sep = "|" if "|" in line else "\t"
        parts = line.split(sep)
        first, last = 0, len(parts)
        stripped = line.strip()
        if sep == "|" and stripped.startswith("|") and len(parts) > 1:
            # A Markdown row: its outer pipes enclose the cells.
            first = 1
            if stripped.endswith("|") and len(parts) > 2:
                last -= 1
        elif sep == "|" and line.endswith("|") and len(parts) > 1:
            # "a | b |" (bare final pipe) closes its last cell, as in tables flattened
            # one cell per line ("行政许可 |"); "a | b | " (a space after it) ends
            # with a blank cell.
            last -= 1
        cells: list[_Cell] = []
        pos = offset + (len(parts[0]) + 1 if first else 0)  # where parts[first] starts
        for part in parts[first:last]:
            cells.append(_piece(part, pos))
            pos += len(part) + 1
        return cells
    if len(line.split(maxsplit=1)) < 2:
        return [_piece(line, offset)]  # a shortcut: one token makes one cell, as below (a lone value too)
    tokens = list(_TOKEN.finditer(line))
    split_at = len(tokens)
    while split_at > 0 and _is_value(tokens[split_at - 1].group()):
        split_at -= 1
    values = tokens[split_at:]
    if values and (split_at > 0 or len(values) >= 2):
        head = [_piece(line[tokens[0].start() : tokens[split_at - 1].end()], offset + tokens[0].start())] if split_at else []
        return head + [_Cell(t.group(), offset + t.start(), offset + t.end()) for t in values]
    return [_piece(line, offset)]


def _piece(text: str, start: int) -> _Cell:
    """A cell of ``text``, which starts at offset ``start``; its span is the stripped text, or the whole gap when blank."""
    stripped = text.strip()
    if not stripped:
        return _Cell("", start, start + len(text))
    lead = len(text) - len(text.lstrip())
    return _Cell(stripped, start + lead, start + lead + len(stripped))


# ---------------------------------------------------------------------- values

_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_PLACEHOLDER = re.compile(r"^(?:[/／\\\-—–―－_＿*＊×xX]+|无|空)$")
_ANNOTATED = re.compile(
    r"^([+-]?\d+(?:\.\d+)?)\s*(?:件|个|条|项|元|万元|次|人次|份|宗)?\s*(?:[（(][^）)]*[)）])?$"
)
_DIGIT_GAP = re.compile(r"(?<=\d)[\s,，](?=\d{3}\b)|(?<=\d)\s+(?=\d)")


def compact_cell_text(text: str) -> str:
    """A cell's text with the spaces and separators inside numbers removed (``1 295``, ``1,295``)."""
    return _DIGIT_GAP.sub("", text.strip())


_LONGEST_VALUE = 40


# Tables repeat their cell texts (0, 1, /): each is read once.
@functools.lru_cache(maxsize=8192)
def cell_value(text: str) -> Fraction | None:
    """The number a cell holds (``1,295``, ``4068.208``, ``22（其中修订16件）``), else None."""
    compact = compact_cell_text(text)
    if len(compact) > _LONGEST_VALUE:
        return None  # no cell of the format holds a number this long (a 10 MB line of digits is not one)
    if _NUMBER.match(compact):
        return Fraction(compact)
    m = _ANNOTATED.match(compact)
    return Fraction(m.group(1)) if m else None


# What a value cell can start with: a digit (``\d``: any decimal digit) or a sign for a
# number, or a placeholder's first character.
_VALUE_START = frozenset("+-/／\\-—–―－_＿*＊×xX无空")


# Asked of every cell after a label: the same few texts (0, 1, /) again and again.
@functools.lru_cache(maxsize=8192)
def _is_value(text: str) -> bool:
    """Can this cell stand where a number belongs (a number, blank, placeholder, number with a note)?"""
    text = text.strip()
    if not text:
        return True
    if not (text[0] in _VALUE_START or text[0].isdecimal()):
        return False  # a shortcut: neither a placeholder nor a number (below) can start so
    return bool(_PLACEHOLDER.match(text)) or cell_value(text) is not None


# ---------------------------------------------------------------------- labels

_PUNCT = re.compile(r"[\s“”\"'‘’「」『』《》〈〉（）()\[\]【】、，,。.．:：;；·\-—_]")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+|\d+)")


def normalize_label(text: str) -> str:
    """A label without spaces and punctuation, numbering kept: ``（一）予以公开`` → ``一予以公开``."""
    return _PUNCT.sub("", text)


@dataclass(frozen=True, slots=True)
class _Label:
    layout_rows: tuple[str, ...]  # row ids this label may name
    table: str
    group: bool


def _label_index() -> tuple[dict[str, _Label], list[tuple[str, _Label]]]:
    """Exact forms of every row label, and the forms long enough for near-miss matching."""
    exact: dict[str, tuple[str, set[str], bool]] = {}
    for layouts in std.LAYOUTS.values():
        for layout in layouts:
            for rows, group in ((layout.rows, False), (layout.groups, True)):
                for row in rows:
                    full = normalize_label(row.label)
                    forms = {full, *(normalize_label(a) for a in row.aliases)}
                    if not row.needs_number:
                        forms.add(_NUMBERING.sub("", full))
                    for form in forms:
                        entry = exact.setdefault(form, (layout.table, set(), group))
                        entry[1].add(row.id)
    index = {form: _Label(tuple(sorted(ids)), table, group) for form, (table, ids, group) in exact.items()}
    fuzzy = [(form, label) for form, label in index.items() if len(form) >= 6]
    return index, fuzzy


_EXACT, _FUZZY = _label_index()
# The exact forms of 表二 and 表三 in order: the forms a text starts are together, from the first
# form not below it.
_T2_T3_FORMS = sorted(form for form, entry in _EXACT.items() if entry.table != std.T4)
_NEAR_MISS_RATIO = 0.85  # difflib ratio from which a form is a near miss of a label
_LONGEST_LABEL = 60  # no longer normalised text is a label


def _near_miss_forms(size: int) -> list[tuple[str, _Label, frozenset[str]]]:
    """The near-miss forms a text of ``size`` characters can be close enough to, with their characters.

    difflib's real_quick_ratio (an upper bound of ratio from the two lengths, the
    same arithmetic) rules out the others whatever the text.
    """
    return [
        (known, label, frozenset(known))
        for known, label in _FUZZY
        if 2.0 * min(size, len(known)) / (size + len(known)) >= _NEAR_MISS_RATIO
    ]


_NEAR_MISS_FORMS = {size: _near_miss_forms(size) for size in range(1, _LONGEST_LABEL + 1)}


@functools.lru_cache(maxsize=8192)
def is_row_label(text: str) -> bool:
    """Is ``text`` a row label of 表二 or 表三, or the start of one wrapped onto two lines?

    (``（二）部分公开(区分处理的,只`` / ``计这一情形,不计其他情形) | 0 |``). 表四's
    labels are left out: its title is also a section heading of the 2021 format.
    """
    label = match_label(text)
    if label is not None:
        return label.table != std.T4
    form = _NUMBERING.sub("", normalize_label(text))
    if len(form) < 3:
        return False
    i = bisect.bisect_left(_T2_T3_FORMS, form)
    return i < len(_T2_T3_FORMS) and _T2_T3_FORMS[i].startswith(form)


def match_label(text: str) -> _Label | None:
    """The row label ``text`` is, exactly or as a unique near miss; None for anything else."""
    if len(text) > 2 * _LONGEST_LABEL and len(normalize_label(text[: 2 * _LONGEST_LABEL])) > _LONGEST_LABEL:
        # A shortcut for prose, which stays out of the cache: normalising only deletes
        # characters, so the form of the text's start, already too long, starts its form.
        return None
    return _match_label(text)


# Every table reader (表二, 表三, the heading test) asks about the same cells, and
# the near-miss search is the costly part: each cell text is matched once.
@functools.lru_cache(maxsize=8192)
def _match_label(text: str) -> _Label | None:
    form = normalize_label(text)
    if not form or len(form) > _LONGEST_LABEL or _is_value(text):
        return None
    for candidate in (form, _NUMBERING.sub("", form)):
        if candidate in _EXACT:
            return _EXACT[candidate]
    if len(form) < 5:
        return None
    scored = []
    size, chars = len(form), set(form)
    repeats = size - len(chars)  # characters that occur again earlier in the form
    for known, label, known_chars in _NEAR_MISS_FORMS[size]:
        # Upper bounds of ratio (the same arithmetic), so that a matcher is built only for
        # the forms they let through: difflib's quick_ratio counts the characters the two
        # share whatever their order; cheaper, that is at most the distinct characters they
        # share plus the fewer repeated characters of the two.
        total = size + len(known)
        common = chars & known_chars
        if 2.0 * (len(common) + min(repeats, len(known) - len(known_chars))) / total < _NEAR_MISS_RATIO:
            continue
        if 2.0 * sum(min(form.count(c), known.count(c)) for c in common) / total < _NEAR_MISS_RATIO:
            continue
        matcher = difflib.SequenceMatcher(None, form, known, autojunk=False)
        scored.append((matcher.ratio(), known, label))
    scored = sorted((s for s in scored if s[0] >= _NEAR_MISS_RATIO), reverse=True)
    if not scored:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.05 and scored[1][2] != scored[0][2]:
        return None
    return scored[0][2]


# --------------------------------------------------------------- label reading

_MAX_ROWS_AFTER_LABEL = 16  # one cell per line: a 表三 row's seven values, and blank spacer rows


@dataclass(frozen=True, slots=True)
class _Found:
    """A labelled row and the value cells after its label."""

    label: _Label
    index: int  # row index in the stream
    values: tuple[_Cell, ...]
    same_row: bool  # the values sit in the label's own row


_Labels = list[list[_Label | None]]  # the label of each cell of a row stream, row by row


def _row_labels(rows: list[list[_Cell]]) -> _Labels:
    """The label each cell of ``rows`` is (``match_label``), row by row: every table reader's first question."""
    return [[match_label(c.text) for c in row] for row in rows]


def _labelled_rows(rows: list[list[_Cell]], labels: _Labels, table: str) -> list[_Found]:
    """The rows carrying a label of ``table`` (the last one of the row), with their values."""
    found: list[_Found] = []
    for i, row in enumerate(rows):
        last = _last_label(labels[i], table)
        if last is None:
            continue
        label = labels[i][last]
        assert label is not None
        after = row[last + 1 :]
        if after:
            found.append(_Found(label, i, tuple(_leading_values(after)), True))
            continue
        # The label ends its row: its values are on the rows below (one cell per line).
        below: list[_Cell] = []
        for j in range(i + 1, min(i + 1 + _MAX_ROWS_AFTER_LABEL, len(rows))):
            # One value per line; a line of several cells (002's "|||||||") means the
            # flattening collapsed the row's empty cells, so positions are lost.
            if len(rows[j]) != 1 or labels[j][0] or not _is_value(rows[j][0].text):
                break
            below += rows[j]
        found.append(_Found(label, i, tuple(below), False))
    return found


def _last_label(row_labels: list[_Label | None], table: str) -> int | None:
    """The position of the last label of ``table`` in a row, if any."""
    for k in range(len(row_labels) - 1, -1, -1):
        label = row_labels[k]
        if label is not None and label.table == table:
            return k
    return None


def _leading_values(cells: list[_Cell]) -> list[_Cell]:
    out: list[_Cell] = []
    for cell in cells:
        if not _is_value(cell.text):
            break
        out.append(cell)
    return out


def _fit(values: tuple[_Cell, ...] | list[_Cell], width: int) -> tuple[_Cell, ...] | None:
    """Exactly ``width`` values; extra cells are allowed only when blank.

    Extra blanks before the values are dropped first (a merged label cell that
    a PDF table reader splits into a label and an empty cell), then after them.
    """
    values = list(values)
    while len(values) > width and not values[0].text:
        values.pop(0)
    if len(values) < width or any(c.text for c in values[width:]):
        return None
    return tuple(values[:width])


def _cells(layout_row: std.Row, table: str, values: Iterable[_Cell]) -> list[TableCell]:
    return [
        TableCell(
            table=table,
            row=layout_row.id,
            column=column.id,
            row_label=layout_row.label,
            column_label=column.label,
            text=cell.text,
            value=cell_value(cell.text),
            span=cell.span,
            measure=column.measure,
        )
        for column, cell in zip(layout_row.columns, values)
    ]


def _table(
    layout: std.Layout,
    rows: dict[str, tuple[_Cell, ...]],
    groups: dict[str, tuple[_Cell, ...]],
    version: str | None,
) -> StandardTable:
    cells: list[TableCell] = []
    for layout_row in layout.rows:
        values = rows.get(layout_row.id)
        if values:
            cells += _cells(layout_row, layout.table, values)
    for layout_row in layout.groups:
        values = rows.get(layout_row.id) if layout_row in layout.rows else groups.get(layout_row.id)
        if values:
            cells += _cells(layout_row, layout.table, values)
    spans = [c.span for c in cells]
    span = Span(min(s.start for s in spans), max(s.end for s in spans))
    complete = all(r.id in rows for r in layout.rows)
    return StandardTable(layout.table, version, tuple(cells), span, complete)


# ------------------------------------------------------------------------ 表三


def _read_t3(rows: list[list[_Cell]], labels: _Labels) -> StandardTable | None:
    found = [f for f in _labelled_rows(rows, labels, std.T3) if _fit(f.values, 7)]
    if not found:
        return None
    ids = {row_id for f in found for row_id in f.label.layout_rows if not f.label.group}
    other_row = any(f.label.group and "other" in f.label.layout_rows for f in found)
    if ids & {"other.no_correction", "other.no_fee", "other.other"}:
        layout, version = std.T3_2021, std.V2021
    elif other_row:
        layout, version = std.T3_2019, std.V2019
    else:  # the rows that tell the versions apart were not read; the others are the same
        layout, version = std.T3_2021, None
    by_id = {r.id: r for r in layout.rows}
    group_ids = {g.id for g in layout.groups}
    leaf: dict[str, tuple[_Cell, ...]] = {}
    groups: dict[str, tuple[_Cell, ...]] = {}
    for f in found:
        values = _fit(f.values, 7)
        assert values is not None
        for row_id in f.label.layout_rows:
            if row_id in by_id and (not f.label.group or layout is std.T3_2019):
                leaf.setdefault(row_id, values)
            elif f.label.group and row_id in group_ids:
                groups.setdefault(row_id, values)
    if not all(r.id in leaf for r in layout.rows):
        positional = _positional_t3(rows, found)
        if positional is not None:
            layout, leaf = positional
            version, groups = layout.version, {}
    return _table(layout, leaf, groups, version)


def _positional_t3(rows: list[list[_Cell]], found: list[_Found]) -> tuple[std.Layout, dict[str, tuple[_Cell, ...]]] | None:
    """Value rows of the 表三 region in order, when their count is exactly a layout's row count."""
    first = min(f.index for f in found)
    value_rows: list[tuple[int, tuple[_Cell, ...]]] = []
    for i in range(first, len(rows)):
        row = rows[i]
        if _t4_anchor(row) or _is_heading(row):
            break
        k = len(row)
        while k > 0 and _is_value(row[k - 1].text):
            k -= 1
        values = _fit(row[k:], 7)
        if values is not None:
            value_rows.append((i, values))
    for layout in (std.T3_2021, std.T3_2019):
        if len(value_rows) != len(layout.rows):
            continue
        assigned = {r.id: v for r, (_, v) in zip(layout.rows, value_rows)}
        position = {i: r.id for r, (i, _) in zip(layout.rows, value_rows)}
        agrees = all(
            position.get(f.index) in f.label.layout_rows
            for f in found
            if f.same_row and not f.label.group
        )
        if agrees:
            return layout, assigned
    return None


_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def _is_heading(row: list[_Cell]) -> bool:
    """A section heading such as 五、存在的主要问题及改进情况 (not a table row label)."""
    return len(row) == 1 and bool(_HEADING.match(row[0].text)) and match_label(row[0].text) is None


# ------------------------------------------------------------------------ 表四


def _t4_anchor(row: list[_Cell]) -> bool:
    for cell in row:
        if "议" not in cell.text and "持" not in cell.text:
            continue  # a shortcut: neither 行政复议 nor 结果维持 can be in its label
        form = normalize_label(cell.text)
        if form.startswith("行政复议") and len(form) <= 12 or "结果维持" in form:
            return True
    return False


_T4_WIDTH = len(std.T4_LAYOUT.rows[0].columns)


def _read_t4(rows: list[list[_Cell]], start: int) -> StandardTable | None:
    anchor = next((i for i in range(start, len(rows)) if _t4_anchor(rows[i])), None)
    if anchor is None:
        return None
    values: list[_Cell] = []
    for row in rows[anchor + 1 : anchor + 25]:
        if _is_heading(row):
            break
        # A row of values; an all-blank row counts when it is as wide as a row of 表四's
        # groups (a blank template), never a stray empty cell.
        if all(_is_value(c.text) for c in row) and (
            any(cell_value(c.text) is not None for c in row) or len(row) >= len(std.T4_PARTS) + 1
        ):
            values += row
            if len(values) >= _T4_WIDTH:
                break
    fitted = _fit(values, _T4_WIDTH)
    if fitted is None:
        return None
    layout = std.T4_LAYOUT
    return _table(layout, {"cases": fitted}, {}, None)


# ------------------------------------------------------------------------ 表二


def _t2_version(rows: list[list[_Cell]], found: list[_Found]) -> tuple[std.Layout, str | None]:
    """The 表二 layout to read with, and the version when the table tells it."""
    near = {i for f in found for i in range(f.index - 6, f.index + 2)}
    words = normalize_label("".join(c.text for i, row in enumerate(rows) if i in near for c in row))
    score = {v: sum(normalize_label(w) in words for w in ws) for v, ws in std.T2_VERSION_WORDS.items()}
    if score[std.V2021] != score[std.V2019]:
        return (std.T2_2021, std.V2021) if score[std.V2021] > score[std.V2019] else (std.T2_2019, std.V2019)
    licensing = next((f for f in found if "licensing" in f.label.layout_rows), None)
    if licensing is not None:
        filled = len([c for c in licensing.values if c.text])
        if filled == 3:
            return std.T2_2019, std.V2019
        if filled == 1:
            return std.T2_2021, std.V2021
    return std.T2_2021, None


def _read_t2(rows: list[list[_Cell]], labels: _Labels) -> StandardTable | None:
    found = _labelled_rows(rows, labels, std.T2)
    if not found:
        return None
    layout, version = _t2_version(rows, found)
    by_id = {r.id: r for r in layout.rows}
    read: dict[str, tuple[_Cell, ...]] = {}
    for f in found:
        for row_id in f.label.layout_rows:
            if row_id in by_id and row_id not in read:
                values = _fit(f.values, len(by_id[row_id].columns))
                if values is not None:
                    read[row_id] = values
    if not read:
        return None
    return _table(layout, read, {}, version)


# ------------------------------------------------------------------ the stage


def find_tables(document: Document) -> list[StandardTable]:
    """表二, 表三 and 表四 of ``document``, each as far as it could be read."""
    rows = row_stream(document)
    labels = _row_labels(rows)
    tables = [t for t in (_read_t2(rows, labels), _read_t3(rows, labels)) if t is not None]
    t3 = next((t for t in tables if t.table == std.T3), None)
    start = 0
    if t3 is not None:
        start = next((i for i, row in enumerate(rows) if row and row[-1].end > t3.span.start), 0)
    t4 = _read_t4(rows, start)
    if t4 is not None:
        tables.append(t4)
    return tables


# ------------------------------------------------------------------ identities


def find_identities(tables: list[StandardTable]) -> list[TableIdentity]:
    """Every identity of template.md §4 whose cells were all read (T3-1…3, T3-6, T4-1…3)."""
    out: list[TableIdentity] = []
    for table in tables:
        if table.table == std.T3:
            out += _t3_identities(table)
        elif table.table == std.T4:
            out += _t4_identities(table)
    return [i for i in out if any(c.value is not None for c in (*i.left, *i.right))]


def _t3_identities(t: StandardTable) -> list[TableIdentity]:
    layout = std.layout_of(t)
    by_row = t.by_row()
    out: list[TableIdentity] = []
    for r in (*layout.rows, *layout.groups):
        cells = by_row.get(r.id, {})
        total = cells.get("total")
        parts = [cells.get(c) for c in std.APPLICANT_PARTS]
        if total and all(parts):
            out.append(TableIdentity("TBL001", r.label, (total,), tuple(p for p in parts if p)))
    result_rows = [r for r in layout.rows if r.group in std.T3_RESULT_GROUPS]
    group_members = [(group, [r.id for r in layout.rows if r.group == group.id]) for group in layout.groups]
    for column in std.APPLICANTS:

        def get(row_id: str, column_id: str = column.id) -> TableCell | None:
            return by_row.get(row_id, {}).get(column_id)

        total = get("total")
        results = [get(r.id) for r in result_rows]
        if total and all(results):
            out.append(TableIdentity("TBL002", column.label, (total,), tuple(c for c in results if c)))
        sides = [get("new"), get("carried"), total, get("forward")]
        if all(sides):
            new, carried, total_cell, forward = sides
            out.append(TableIdentity("TBL003", column.label, (new, carried), (total_cell, forward)))  # type: ignore[arg-type]
        for group, member_ids in group_members:
            subtotal = get(group.id)
            members = [get(row_id) for row_id in member_ids]
            if subtotal and members and all(members):
                out.append(TableIdentity("TBL004", f"{group.label} · {column.label}", (subtotal,), tuple(c for c in members if c)))
    return out


def _t4_identities(t: StandardTable) -> list[TableIdentity]:
    cases = t.by_row().get("cases", {})  # 表四 is one row
    out: list[TableIdentity] = []
    for group, label in std.T4_GROUPS:
        total = cases.get(f"{group}.total")
        parts = [cases.get(f"{group}.{p}") for p in std.T4_PARTS]
        if total and all(parts):
            out.append(TableIdentity("TBL005", label, (total,), tuple(p for p in parts if p)))
    return out
