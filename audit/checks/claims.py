"""Claim tables: the facts of a whole batch as one DataFrame per claim kind.

The kinds of prose and table claims are defined here, the period kinds in
``dating.py``; ``KINDS`` registers them all (what a kind is: ``kinds.py``).
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any, Iterable, Sequence

import pandas as pd

from audit.checks.arith import exact_ratio
from audit.checks.dating import PERIOD_KINDS
from audit.checks.slots import SLOT_KIND
from audit.checks.structure import STRUCTURE_KINDS
from audit.checks.kinds import Claim, ClaimKind, ClaimTable, Description, json_number
from audit.checks.years import Digest, resolve_year, year_over_year
from audit.extract.standard import T4, TABLE_NAMES
from audit.extract.tables import compact_cell_text
from audit.model import (
    Approx,
    Breakdown,
    Facts,
    Interval,
    Number,
    Restatement,
    Share,
    ShareSet,
    Span,
    StandardTable,
    TableCell,
    TableIdentity,
    TableStatement,
    YearOverYear,
    format_fraction,
    plain_number,
)


# ----------------------------------------------------------------------- display


def figure(n: Number) -> str:
    """A figure as a reader checks it: plain digits when exact, as written otherwise."""
    if n.approx is Approx.EXACT and n.interval.is_exact:
        return plain_number(n.value)
    return n.figure


def _interval_text(i: Interval) -> str:
    if i.is_exact:
        return plain_number(i.lo)
    return str(i)


def _signed(value: Fraction) -> str:
    text = plain_number(abs(value))
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else "0"


# -------------------------------------------------------------------- breakdowns


_SUM_COLUMNS = ("total", "parts", "may_exceed", "may_fall_short")


def _sum_row(
    total: Interval, parts: Iterable[Number], may_exceed: bool, may_fall_short: bool
) -> dict[str, Any]:
    """The row a sum expectation reads: a total and its parts as exact interval text."""
    return {
        "total": str(total),
        "parts": "+".join(str(p.interval) for p in parts),
        "may_exceed": may_exceed,
        "may_fall_short": may_fall_short,
    }


def _breakdown_row(b: Breakdown) -> dict[str, Any]:
    return _sum_row(b.total.interval, b.parts, b.may_exceed, b.may_fall_short)


def _describe_breakdown(b: Breakdown) -> Description:
    summed = Interval.sum(p.interval for p in b.parts)
    total = figure(b.total)
    parts_expr = " + ".join(figure(p) for p in b.parts)
    parts_sum = _interval_text(summed)
    diff = summed.lo - b.total.value if summed.is_exact else None
    diff_text = _signed(diff) if diff is not None else "?"
    share = (
        format_fraction(100 * summed.lo / b.total.value, 1)
        if summed.is_exact and b.total.value
        else "?"
    )
    return Description(
        fields={
            "total": total,
            "unit": b.total.unit or "",
            "parts_expr": parts_expr,
            "parts_sum": parts_sum,
            "diff": diff_text,
            "coverage": share,
            "count": str(len(b.parts)),
        },
        arithmetic=f"{total} ≠ {parts_expr} = {parts_sum}（差 {diff_text}）",
        expected=json_number(b.total.value),
        observed=json_number(summed.lo) if summed.is_exact else parts_sum,
        spans=(b.span,),
    )


# ------------------------------------------------------------------------ shares


def _share_row(s: Share) -> dict[str, Any]:
    return {
        "count": str(s.count.interval),
        "base": str(s.base.interval),
        "percent": str(s.percent.interval),
        "printed": plain_number(s.percent.value),
        "decimals": s.percent.decimals,
        "percent_approx": s.percent.approx.value,
    }


def _describe_share(s: Share) -> Description:
    ratio = exact_ratio(s.count.value, s.base.value)
    places = s.percent.decimals
    ratio_text = format_fraction(ratio, places + 2) if ratio is not None else "?"
    rounded = format_fraction(ratio, places) if ratio is not None else "?"
    printed = s.percent.raw
    arithmetic = f"{figure(s.count)} ÷ {figure(s.base)} × 100% = {ratio_text}% → {rounded}% ≠ {printed}"
    if s.percent.approx is not Approx.EXACT:
        arithmetic = (
            f"{figure(s.count)} ÷ {figure(s.base)} × 100% = {ratio_text}%，"
            f"不在「{printed}」{s.percent.interval} 之内"
        )
    spans = (s.span,) if s.base.span.start >= s.span.start else (s.base.span, s.span)
    return Description(
        fields={
            "count": figure(s.count),
            "base": figure(s.base),
            "unit": s.count.unit or "",
            "printed": printed,
            "ratio": ratio_text,
            "rounded": rounded,
        },
        arithmetic=arithmetic,
        expected=json_number(Fraction(rounded)) if ratio is not None else None,
        observed=json_number(s.percent.value),
        spans=spans,
    )


# -------------------------------------------------------------------- share sets

_WHOLE = Interval.exact(Fraction(100))


def _share_set_row(s: ShareSet) -> dict[str, Any]:
    """A share set is a breakdown of 100%: the same expectation checks it."""
    return _sum_row(_WHOLE, s.percents, may_exceed=False, may_fall_short=True)


def _describe_share_set(s: ShareSet) -> Description:
    summed = Interval.sum(p.interval for p in s.percents)
    printed = sum((p.value for p in s.percents), Fraction(0))
    parts_expr = " + ".join(p.raw for p in s.percents)
    total = plain_number(printed)
    return Description(
        fields={"parts_expr": parts_expr, "parts_sum": f"{total}%", "whole": s.whole or "总数"},
        arithmetic=f"{parts_expr} = {total}%（按舍入最少 {format_fraction(summed.lo, 2)}%）> 100%",
        expected=100,
        observed=json_number(printed),
        spans=(s.span,),
    )


# ------------------------------------------------------------------ restatements


def _restatement_row(r: Restatement) -> dict[str, Any]:
    return {"first": str(r.first.interval), "second": str(r.second.interval)}


def _describe_restatement(r: Restatement) -> Description:
    first, second = figure(r.first), figure(r.second)
    unit = r.first.unit or ""
    return Description(
        fields={"label": r.label, "first": first + unit, "second": second + unit},
        arithmetic=f"{r.label}：{first}{unit} ≠ {second}{unit}",
        expected=json_number(r.first.value),
        observed=json_number(r.second.value),
        spans=(r.first.span, r.second.span),
    )


# ---------------------------------------------------------------- table cells


def _cell_text(cell: TableCell) -> str:
    return cell.text if cell.text else "空"


def _cells_expr(cells: tuple[TableCell, ...]) -> str:
    return " + ".join(_cell_text(c) for c in cells)


def _whole_sum(cells: tuple[TableCell, ...]) -> int | None:
    """The sum of ``cells`` when every one holds a whole count (nearly every table), else None."""
    total = 0
    for c in cells:
        if c.value is None or c.value.denominator != 1:
            return None
        total += c.value.numerator
    return total


def _cells_sum(cells: tuple[TableCell, ...]) -> Interval:
    whole = _whole_sum(cells)
    return Interval.exact(whole) if whole is not None else Interval.sum(c.interval for c in cells)


def _table_names(table: str) -> dict[str, str]:
    """The ``{table}`` (表三) and ``{table_en}`` fields of a table finding's message."""
    zh, en = TABLE_NAMES[table]
    return {"table": zh.split(" ")[0], "table_en": en}


def _cell_place(cell: TableCell) -> str:
    if cell.table == T4:  # one row: the column says it all
        return f"「{cell.column_label}」"
    return f"「{short_row_label(cell.row_label)}」{cell.column_label}"


def short_row_label(label: str) -> str:
    """A row label without its long note: （二）部分公开（区分处理的…） → （二）部分公开."""
    return label.split("（区分")[0]


def _side(cells: tuple[TableCell, ...], total: str) -> str:
    """One side of an identity as a reader checks it: ``10 + 1 + 0 + 0 = 11``, or just ``0``."""
    return _cells_expr(cells) if len(cells) == 1 else f"{_cells_expr(cells)} = {total}"


def _identity_row(i: TableIdentity) -> dict[str, Any]:
    return {"rule": i.rule, "left": _sum_text(i.left), "right": _sum_text(i.right)}


def _sum_text(cells: tuple[TableCell, ...]) -> str:
    """``str(_cells_sum(cells))``; a sum of whole counts is written without building its Interval."""
    whole = _whole_sum(cells)
    return f"[{whole},{whole}]" if whole is not None else str(_cells_sum(cells))


def _describe_identity(i: TableIdentity) -> Description:
    left, right = _cells_sum(i.left), _cells_sum(i.right)
    left_text, right_text = _interval_text(left), _interval_text(right)
    diff = _signed(right.lo - left.lo) if left.is_exact and right.is_exact else "?"
    table = i.left[0].table
    return Description(
        fields={
            **_table_names(table),
            "name": i.name,
            "left_expr": _cells_expr(i.left),
            "right_expr": _cells_expr(i.right),
            "left": left_text,
            "right": right_text,
            "diff": diff,
        },
        arithmetic=f"{_side(i.left, left_text)} ≠ {_side(i.right, right_text)}（差 {diff}）",
        expected=json_number(left.lo) if left.is_exact else left_text,
        observed=json_number(right.lo) if right.is_exact else right_text,
        spans=(),
        cells=i.left + i.right,
    )


def _cell_row(c: TableCell) -> dict[str, Any]:
    """``measure:text``, so one regex per rule can tell what each kind of cell may hold."""
    return {"typed": _typed(c.measure, c.text)}


@functools.lru_cache(maxsize=1 << 14)
def _typed(measure: str, text: str) -> str:
    return f"{measure}:{compact_cell_text(text)}"  # cached: most cells of a table read 0, 1, 2…


def _describe_cell(c: TableCell) -> Description:
    return _describe_cells([c])


def _describe_cells(cells: list[TableCell]) -> Description:
    places = "、".join(_cell_place(c) for c in cells[:6]) + ("等" if len(cells) > 6 else "")
    table = cells[0].table
    return Description(
        fields={
            **_table_names(table),
            "count": str(len(cells)),
            "places": places,
            "texts": "、".join(f"「{c.text}」" for c in cells[:6]),
        },
        arithmetic="；".join(f"{_cell_place(c)}：「{c.text}」" for c in cells[:12]),
        expected=None,
        observed=len(cells),
        spans=(),
        cells=tuple(cells),
    )


def _statement_row(s: TableStatement) -> dict[str, Any]:
    return {"first": str(s.number.interval), "second": str(Interval.exact(s.value))}


def _describe_statement(s: TableStatement) -> Description:
    stated = figure(s.number)
    table = plain_number(s.value)
    return Description(
        fields={"label": s.label, "stated": stated, "table_value": table, "working": s.working},
        arithmetic=f"正文 {s.label} {stated}件 ≠ 表格 {s.working} = {table}",
        expected=json_number(s.value),
        observed=json_number(s.number.value),
        spans=(s.number.span,),
        cells=s.cells,
    )


def _layout_row(item: tuple[StandardTable, int | None]) -> dict[str, Any]:
    table, year = item
    regime = "unknown" if year is None else "2021+" if year >= 2021 else "before2021"
    return {"version": table.version, "regime": regime}


def _describe_layout(item: tuple[StandardTable, int | None]) -> Description:
    table, year = item
    return Description(
        fields={
            **_table_names(table.table),
            "year": str(year),
        },
        arithmetic=f"{year} 年度报告 · {TABLE_NAMES[table.table][0]} 使用 2019 年试行格式",
        expected="2021",
        observed=table.version,
        spans=(),
        cells=_version_cells(table),
    )


def _version_cells(table: StandardTable) -> tuple[TableCell, ...]:
    """The cells that show which version a table follows (表三's （六） row), else its first."""
    telling = [c for c in table.cells if c.row == "other" and c.column == "total"]
    return tuple(telling or table.cells[:1])


def _year_row(y: YearOverYear) -> dict[str, Any]:
    return {"rule": y.rule, "left": str(Interval.exact(y.value)), "right": str(Interval.exact(y.expected))}


def _describe_year(y: YearOverYear) -> Description:
    assert y.cell is not None, "a year-over-year claim is described once resolved"
    return Description(
        fields={
            "place": _cell_place(y.cell),
            "value": _cell_text(y.cell),
            "expected": plain_number(y.expected),
            "working": y.working,
        },
        arithmetic=f"{_cell_place(y.cell)} {_cell_text(y.cell)} ≠ {y.working} = {plain_number(y.expected)}",
        expected=json_number(y.expected),
        observed=json_number(y.cell.value) if y.cell.value is not None else y.cell.text,
        spans=(),
        cells=(y.cell,),
    )


# ---------------------------------------------------------------------- registry

KINDS: dict[str, ClaimKind] = {
    kind.name: kind
    for kind in (
        ClaimKind(
            name="breakdowns",
            columns=_SUM_COLUMNS,
            facts=lambda f: f.breakdowns,
            row=_breakdown_row,
            describe=_describe_breakdown,
        ),
        ClaimKind(
            name="share_sets",
            columns=_SUM_COLUMNS,
            facts=lambda f: f.share_sets,
            row=_share_set_row,
            describe=_describe_share_set,
        ),
        ClaimKind(
            name="restatements",
            columns=("first", "second"),
            facts=lambda f: f.restatements,
            row=_restatement_row,
            describe=_describe_restatement,
        ),
        ClaimKind(
            name="table_identities",
            columns=("rule", "left", "right"),
            facts=lambda f: f.identities,
            row=_identity_row,
            describe=_describe_identity,
        ),
        ClaimKind(
            name="table_cells",
            columns=("typed",),
            facts=lambda f: [c for t in f.tables for c in t.cells],
            row=_cell_row,
            describe=_describe_cell,
            group=lambda c: c.table,
            describe_group=_describe_cells,
        ),
        ClaimKind(
            name="table_statements",
            columns=("first", "second"),
            facts=lambda f: f.table_statements,
            row=_statement_row,
            describe=_describe_statement,
        ),
        ClaimKind(
            name="table_layouts",
            columns=("version", "regime"),
            facts=lambda f: [(t, f.report_year) for t in f.tables if t.version],
            row=_layout_row,
            describe=_describe_layout,
        ),
        ClaimKind(
            name="year_over_year",
            columns=("rule", "left", "right"),
            facts=lambda f: [],
            row=_year_row,
            describe=_describe_year,
            across=year_over_year,
            resolve=resolve_year,
        ),
        ClaimKind(
            name="shares",
            columns=("count", "base", "percent", "printed", "decimals", "percent_approx"),
            facts=lambda f: f.shares,
            row=_share_row,
            describe=_describe_share,
        ),
        *PERIOD_KINDS,
        SLOT_KIND,
        *STRUCTURE_KINDS,
    )
}


def build_tables(batch: Sequence[Facts | None]) -> dict[str, ClaimTable]:
    """One table per claim kind of single documents, for a chunk of documents; ``claim_id`` keys rows back to facts."""
    return {
        kind.name: _table(kind, [(doc, fact) for doc, facts in enumerate(batch) if facts is not None for fact in kind.facts(facts)])
        for kind in KINDS.values()
        if kind.across is None
    }


def build_across_tables(digests: Sequence[Digest | None], pairs: Sequence[tuple[int, int]]) -> dict[str, ClaimTable]:
    """One table per claim kind across reports: the ``pairs`` (this, last year's) of ``digests`` compared."""
    return {kind.name: _table(kind, kind.across(digests, pairs)) for kind in KINDS.values() if kind.across is not None}


ACROSS_KINDS = frozenset(kind.name for kind in KINDS.values() if kind.across is not None)


def _table(kind: ClaimKind, pairs: list[tuple[int, Any]]) -> ClaimTable:
    claims: dict[str, Claim] = {}
    rows: list[dict[str, Any]] = []
    for k, (doc, fact) in enumerate(pairs):
        claim_id = f"{doc}:{kind.name}:{k}"
        claims[claim_id] = Claim(claim_id, doc, fact)
        rows.append(kind.row(fact))
    names = ["claim_id", *kind.columns]
    if not rows:  # object columns (a frame of empty lists would make them float)
        return ClaimTable(kind, pd.DataFrame([], columns=names), claims)
    # Built a column at a time: a frame from a list of row dicts costs more than the rows themselves.
    columns = {"claim_id": list(claims), **{c: [row[c] for row in rows] for c in kind.columns}}
    return ClaimTable(kind, pd.DataFrame(columns, columns=names), claims)
