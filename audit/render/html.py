"""The HTML report: one self-contained page per document plus an index page.

Pure functions: they return the page as a string and write nothing. Every string
that comes from a document or a finding reaches the page through Jinja2's
autoescaping; nothing here is ever marked safe.
"""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import cache, lru_cache
from importlib import resources
from types import SimpleNamespace
from typing import Any

from audit.extract.standard import T2, T3, T4, TABLE_NAMES, Row, layout_of
from audit.model import (
    AuditReport, DocumentResult, Evidence, Finding, Severity, StandardTable, Status, TableCell, Tally, plain_number,
)
from audit.render.labels import SEVERITIES, dating_rows, first_finding, labels, source_rows, summary_line

# ---------------------------------------------------------------------- pages


def render_document(result: DocumentResult, *, lang: str = "zh", index_name: str = "index.html") -> str:
    """The page of one document: header, findings by severity, and the marked text."""
    spans = _spans(result)
    views = _finding_views(result, spans, lang)
    text = result.document.text if result.document is not None else None
    L = labels(lang)
    return _env().get_template("document.html.j2").render(
        L=_attributes(L),
        result=result,
        lang=lang,
        index_name=index_name,
        title=_report_title(result),
        groups=_groups(views),
        categories=sorted({f.category.value for f in result.findings}, key=_CATEGORY_ORDER.index),
        tables=_tables(result, views, lang),
        segments=_segments(text, spans) if text is not None else None,
        dating=dating_rows(result, lang) + _regime_rows(result, L) + source_rows(result, lang),
        script=SCRIPT,
        script_hash=SCRIPT_HASH,
    )


def render_index(report: AuditReport, names: dict[str, str], *, lang: str = "zh") -> str:
    """The index page: one row per document, in input order, and the batch totals.

    The documents are read once (a streamed run reads them back from disk in each pass),
    and each row keeps only what it shows, not the document's result.
    """
    rows: list[IndexRow] = []
    tally = Tally()
    counts: dict[str, dict[str, int]] = {}  # findings by category, then severity (the chart)
    for d in report.documents:
        tally.add(d)
        for f in d.findings:
            counts.setdefault(f.category.value, {s.value: 0 for s in SEVERITIES})[f.severity.value] += 1
        rows.append(IndexRow(
            d.path, names[d.path], d.status, d.report_year, d.issuer,
            {s.value: d.count(s) for s in SEVERITIES}, first_finding(d),
        ))
    return _env().get_template("index.html.j2").render(
        L=_attributes(labels(lang)), lang=lang, rows=rows, summary=summary_line(tally.summary(), lang),
        chart=_chart(counts), script=SCRIPT, script_hash=SCRIPT_HASH,
    )


@dataclass(frozen=True, slots=True)
class IndexRow:
    """A document as its row of the index shows it."""

    path: str
    name: str  # its page
    status: Status
    report_year: int | None
    issuer: str | None
    counts: dict[str, int]  # findings by severity value
    first: Finding | None  # the first of the most severe findings


# ------------------------------------------------------------ page script

# The one script of every page (filters on a document page, sorting on the index). The pages
# are complete without it; the Content-Security-Policy lets exactly this script run, by its hash.
SCRIPT = (resources.files("audit.render") / "templates" / "page.js").read_text("utf-8")
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")

_CATEGORY_ORDER = ["sum", "percent", "table", "consistency", "period", "placeholder", "structure", "input"]
# The text signal of a severity (a marked cell, a finding under its table), next to its colour.
FLAGS = {Severity.ERROR: "✗", Severity.WARNING: "⚠", Severity.INFO: "ⓘ"}


def _attributes(labels: dict[str, Any]) -> SimpleNamespace:
    """The labels as the templates read them, ``L.key``.

    Jinja tries ``L.key`` as an attribute before the item: on a dict each of a page's
    ~100 lookups would raise and catch an AttributeError first.
    """
    return SimpleNamespace(**labels)


def _report_title(result: DocumentResult) -> str | None:
    """The report's own title line, as written (None when it states none)."""
    if result.facts is None or result.document is None or result.facts.dating.title is None:
        return None
    return " ".join(result.document.quote(result.facts.dating.title.sentence).split())


def _regime_rows(result: DocumentResult, L: dict[str, Any]) -> list[tuple[str, str]]:
    regime = result.facts.structure.regime if result.facts is not None else None
    return [(L["regime"], L["regime_value"][regime])] if regime else []


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of the index chart: the findings of one category and severity, placed in the SVG."""

    category: str
    severity: str
    count: int
    x: int
    y: int
    width: int


@dataclass(slots=True)
class Chart:
    rows: list[tuple[str, dict[str, int], int]]  # (category, count per severity, total)
    bars: list[Bar]
    width: int
    height: int
    label_width: int


_BAR_HEIGHT, _BAR_GAP, _PLOT_WIDTH, _LABEL_WIDTH = 22, 8, 480, 96


def _chart(counts: dict[str, dict[str, int]]) -> Chart:
    """Findings by category (one bar each) and severity (stacked segments), scaled to the largest bar.

    ``counts``: the number of findings by category value, then severity value.
    """
    categories = [c for c in _CATEGORY_ORDER if c in counts]
    largest = max((sum(counts[c].values()) for c in categories), default=1)
    bars: list[Bar] = []
    for k, category in enumerate(categories):
        x = _LABEL_WIDTH
        for sev in SEVERITIES:
            n = counts[category][sev.value]
            if n:
                width = max(2, round(_PLOT_WIDTH * n / largest))
                bars.append(Bar(category, sev.value, n, x, k * (_BAR_HEIGHT + _BAR_GAP), width))
                x += width
    rows = [(c, counts[c], sum(counts[c].values())) for c in categories]
    height = max(1, len(categories)) * (_BAR_HEIGHT + _BAR_GAP)
    return Chart(rows, bars, _LABEL_WIDTH + _PLOT_WIDTH + 48, height, _LABEL_WIDTH)


@cache
def _env():
    # Imported lazily: Jinja2 is only needed when a page is rendered.
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("audit.render", "templates"),
        auto_reload=False,  # the templates are part of the package: no stat() of them per page
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["SEVERITIES"] = SEVERITIES
    env.filters["show"] = _show
    return env


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, Fraction):
        return plain_number(value)
    return str(value)


# ------------------------------------------------------------- evidence marks


@dataclass(frozen=True, slots=True)
class _Span:
    """One evidence occurrence placed in the text: ``ev-<k>`` marks it, ``f-<i>`` is its finding."""

    k: int
    start: int
    end: int
    severity: Severity
    rule: str
    finding: int


@dataclass(slots=True)
class Segment:
    """A run of text between two span boundaries, and what opens just before it."""

    text: str
    css: str | None = None  # "sev-…" when some span covers the run
    mark_id: str | None = None  # id of the first span starting here
    title: str = ""
    anchors: list[str] = field(default_factory=list)  # ids of the other spans starting here
    backrefs: list[tuple[str, str]] = field(default_factory=list)  # (rule, finding id) of spans ending here


def _spans(result: DocumentResult) -> list[_Span | None]:
    """Every evidence occurrence in finding order; None where it cannot be placed in the text."""
    size = len(result.document.text) if result.document is not None else -1
    spans: list[_Span | None] = []
    for i, finding in enumerate(result.findings):
        for ev in finding.evidence:
            ok = 0 <= ev.start <= ev.end <= size
            spans.append(
                _Span(len(spans), ev.start, ev.end, finding.severity, finding.rule, i) if ok else None
            )
    return spans


def _segments(text: str, spans: list[_Span | None]) -> list[Segment]:
    """Split ``text`` at every span boundary so nested or overlapping marks never interleave.

    One sweep over the cuts: the spans covering a segment are those open at its start
    (kept in evidence order), so a page with many thousands of spans stays linear.
    """
    placed = [s for s in spans if s is not None]
    cuts = sorted({0, len(text), *(s.start for s in placed), *(s.end for s in placed)})
    starts: dict[int, list[tuple[int, _Span]]] = defaultdict(list)
    ends: dict[int, list[tuple[int, _Span]]] = defaultdict(list)
    for i, s in enumerate(placed):
        starts[s.start].append((i, s))
        if s.start < s.end:
            ends[s.end].append((i, s))
    open_spans: dict[int, _Span] = {}  # evidence order → span, for the non-empty spans covering the position
    segments = []
    for pos, nxt in zip(cuts, cuts[1:] + [len(text)]):
        closing = ends.get(pos, [])
        for i, _ in closing:
            open_spans.pop(i, None)
        starting = [s for _, s in starts.get(pos, ())]
        open_spans.update((i, s) for i, s in starts.get(pos, ()) if s.start < s.end)
        opening = [s for s in starting if s.end > pos]
        covering = [open_spans[i] for i in sorted(open_spans)]
        seg = Segment(text[pos:nxt])
        if covering and nxt > pos:
            worst = max(covering, key=lambda s: s.severity.rank)
            seg.css = f"sev-{worst.severity.value}"
            seg.title = ", ".join(dict.fromkeys(s.rule for s in covering))
            if opening:
                seg.mark_id = f"ev-{opening[0].k}"
        seg.anchors = [f"ev-{s.k}" for s in starting if f"ev-{s.k}" != seg.mark_id]
        seg.backrefs = [(s.rule, f"f-{s.finding}") for _, s in closing]
        segments.append(seg)
    return segments


@dataclass(slots=True)
class FindingView:
    """One finding as its page shows it, in the findings section and under the tables it cites."""

    id: str  # "f-<i>", its anchor
    finding: Finding
    severity: str  # the values of its severity and category, as CSS classes and filters name them
    category: str
    message: str
    flag: str  # the text signal of its severity (see FLAGS)
    evidence: list[tuple[Evidence, _Span | None]]  # each quote and its place in the text, if placed


@dataclass(slots=True)
class CategoryGroup:
    category: str
    findings: list[FindingView]


@dataclass(slots=True)
class SeverityGroup:
    severity: str
    count: int
    categories: list[CategoryGroup]


def _finding_views(result: DocumentResult, spans: list[_Span | None], lang: str) -> list[FindingView]:
    """The findings in order, each with its message in ``lang`` and its evidence links."""
    ks = iter(spans)
    return [
        FindingView(f"f-{i}", finding, finding.severity.value, finding.category.value, finding.message(lang),
                    FLAGS[finding.severity], [(ev, next(ks)) for ev in finding.evidence])
        for i, finding in enumerate(result.findings)
    ]


def _groups(views: list[FindingView]) -> list[SeverityGroup]:
    """Findings grouped by severity (error, warning, info), then by category."""
    groups = []
    for sev in SEVERITIES:
        mine = [v for v in views if v.finding.severity is sev]
        if not mine:
            continue
        present = sorted({v.category for v in mine}, key=_CATEGORY_ORDER.index)
        groups.append(SeverityGroup(
            sev.value,
            len(mine),
            [CategoryGroup(c, [v for v in mine if v.category == c]) for c in present],
        ))
    return groups


# ------------------------------------------------------------ standard tables

_TABLE_ORDER = {T2: 0, T3: 1, T4: 2}


@dataclass(frozen=True, slots=True)
class HeadCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True, slots=True)
class CellMark:
    """How a cell that findings cite is marked: the worst finding's colour and flag, and links to them all."""

    css: str  # "sev-…" of the worst finding
    flag: str
    title: str  # the rules of all the citing findings
    href: str  # the worst finding
    refs: list[tuple[str, str]]  # (rule, finding id) of the other findings


@dataclass(slots=True)
class CellView:
    """One cell of a rebuilt table; ``mark`` is set when findings cite it (most cells: None)."""

    text: str
    row: str = ""  # the cell's row and column labels, as the findings name them
    column: str = ""
    blank: bool = False
    number: bool = False
    mark: CellMark | None = None


@dataclass(slots=True)
class RowView:
    label: str
    cells: list[CellView | None]  # None: the layout has the column but the cell was not read
    group_label: bool = False  # a group heading without cells of its own
    css: str = ""


@dataclass(slots=True)
class Block:
    """Consecutive rows under one header (表二's blocks have different columns)."""

    head: tuple[tuple[HeadCell, ...], ...]  # shared: _head caches it
    rows: list[RowView]
    width: int


@dataclass(slots=True)
class TableView:
    caption: str
    version: str
    complete: bool
    blocks: list[Block]
    width: int
    findings: list[FindingView]  # those citing the table


def _tables(result: DocumentResult, views: list[FindingView], lang: str) -> list[TableView]:
    """The standard tables of the document, 表二 to 表四, as grids with the cells findings cite marked."""
    if result.facts is None or not result.facts.tables:
        return []
    cited: dict[tuple[str, str, str], list[int]] = {}
    for i, finding in enumerate(result.findings):
        for ev in finding.evidence:
            if ev.table is not None and ev.row is not None and ev.column is not None:
                hits = cited.setdefault((ev.table, ev.row, ev.column), [])
                if i not in hits:
                    hits.append(i)
    tables = sorted(result.facts.tables, key=lambda t: _TABLE_ORDER.get(t.table, len(_TABLE_ORDER)))
    return [_table(table, result, views, cited, lang) for table in tables]


def _table(
    table: StandardTable,
    result: DocumentResult,
    views: list[FindingView],
    cited: dict[tuple[str, str, str], list[int]],
    lang: str,
) -> TableView:
    names = TABLE_NAMES.get(table.table)
    caption = (names[1] if lang == "en" else names[0]) if names else table.table
    layout = layout_of(table)
    by_row = table.by_row()

    def view(cell: TableCell) -> CellView:
        # Most documents cite no cell: then there is no key to build per cell.
        hits = cited.get((cell.table, cell.row_label, cell.column_label)) if cited else None
        mark = _mark(hits, result.findings) if hits else None
        blank = not cell.text.strip()
        return CellView(cell.text, cell.row_label, cell.column_label, blank, cell.value is not None, mark)

    # (columns, row view) in display order; columns are (id, label) pairs.
    ordered: list[tuple[tuple[tuple[str, str], ...], RowView]] = []
    done: set[str] = set()

    def add(row_id: str, row: Row | None, css: str = "") -> None:
        done.add(row_id)
        cells = by_row.get(row_id, {})
        columns = [(c.id, c.label) for c in row.columns] if row is not None else []
        known = {c for c, _ in columns}
        columns += [(c.column, c.column_label) for c in cells.values() if c.column not in known]
        label = row.label if row is not None else next(iter(cells.values())).row_label
        views = [view(cells[c]) if c in cells else None for c, _ in columns]
        ordered.append((tuple(columns), RowView(label, views, css=css)))

    groups = {g.id: g for g in layout.groups}
    members: dict[str, list[str]] = {}
    for row in layout.rows:
        if row.group in groups:
            members.setdefault(row.group, []).append(row.id)
    for row in layout.rows:
        group = groups.get(row.group) if row.group else None
        if group is not None and group.id not in done:
            if group.id in by_row:
                add(group.id, group, "subtotal")
            elif any(m in by_row for m in members[group.id]):
                done.add(group.id)
                columns = tuple((c.id, c.label) for c in group.columns)
                ordered.append((columns, RowView(group.label, [], group_label=True, css="group")))
        if row.id in by_row:
            add(row.id, row)
    for group in layout.groups:
        if group.id in by_row and group.id not in done:
            add(group.id, group, "subtotal")
    for row_id in by_row:
        if row_id not in done:
            add(row_id, None)
    # A heading row without cells takes the columns of the row after it.
    for k in range(len(ordered) - 2, -1, -1):
        if ordered[k][1].group_label:
            ordered[k] = (ordered[k + 1][0], ordered[k][1])

    blocks: list[Block] = []
    last: tuple[tuple[str, str], ...] | None = None
    for columns, row_view in ordered:
        if columns != last:
            blocks.append(Block(_head(tuple(label for _, label in columns)), [], len(columns)))
            last = columns
        blocks[-1].rows.append(row_view)
    width = max((b.width for b in blocks), default=0)

    findings = [v for v in views if any(ev.table == table.table for ev in v.finding.evidence)]
    version = table.version or ("both" if table.table == T4 else "unknown")  # 表四 is one layout in both formats
    return TableView(caption, version, table.complete, blocks, width, findings)


def _mark(hits: list[int], findings: list[Finding]) -> CellMark:
    """The mark of a cell the findings ``hits`` (indexes, in finding order) cite."""
    worst = max(hits, key=lambda i: findings[i].severity.rank)
    severity = findings[worst].severity
    return CellMark(
        css=f"sev-{severity.value}",
        flag=FLAGS[severity],
        title=", ".join(dict.fromkeys(findings[i].rule for i in hits)),
        href=f"#f-{worst}",
        refs=[(findings[i].rule, f"f-{i}") for i in hits if i != worst],
    )


@lru_cache(maxsize=128)  # the layouts' few column lists, and those of documents with extra columns
def _head(labels: tuple[str, ...]) -> tuple[tuple[HeadCell, ...], ...]:
    """Header rows for column labels, levels split at ``·`` (表四: 行政诉讼·复议后起诉·总计).

    A label with fewer levels than the deepest stretches its last group down, so
    every leaf sits on the bottom row; equal neighbouring groups are merged.
    """
    paths = [label.split("·") for label in labels]
    depth = max((len(p) for p in paths), default=1)
    # Per column: {level: (key, text, rowspan)}; key is the path so far, so only
    # groups under the same parent merge.
    slots: list[dict[int, tuple[tuple[str, ...], str, int]]] = []
    for k, path in enumerate(paths):
        col: dict[int, tuple[tuple[str, ...], str, int]] = {}
        if len(path) == 1:
            col[0] = (("leaf", str(k)), path[0], depth)
        else:
            for level, part in enumerate(path[:-1]):
                span = depth - len(path) + 1 if level == len(path) - 2 else 1
                col[level] = (tuple(path[: level + 1]), part, span)
            col[depth - 1] = (("leaf", str(k)), path[-1], 1)
        slots.append(col)
    rows: list[tuple[HeadCell, ...]] = []
    for level in range(depth):
        row: list[HeadCell] = []
        prev = None
        for col in slots:
            slot = col.get(level)
            if slot is None:
                prev = None
                continue
            if prev is not None and slot == prev and slot[0][0] != "leaf":
                row[-1] = replace(row[-1], colspan=row[-1].colspan + 1)
            else:
                row.append(HeadCell(slot[1], 1, slot[2]))
            prev = slot
        rows.append(tuple(row))
    return tuple(rows)


__all__ = ["render_document", "render_index"]
