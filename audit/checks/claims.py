"""Claim tables: the facts of a whole batch as one DataFrame per claim kind.

A claim is one stated relation (a breakdown, a share) that a suite checks. Each
kind says which facts it takes, how a fact becomes a row (intervals encoded as
exact text, see ``Interval.__str__``), and how a failing row is described to a
reader: the template fields, the worked arithmetic, expected and observed
values, and the evidence spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Iterable

import pandas as pd

from audit.checks.arith import exact_ratio
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
    format_fraction,
    plain_number,
)


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    doc: int
    fact: Any


@dataclass(frozen=True, slots=True)
class Description:
    fields: dict[str, str]
    arithmetic: str
    expected: Any
    observed: Any
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class ClaimKind:
    name: str
    columns: tuple[str, ...]
    facts: Callable[[Facts], list[Any]]
    row: Callable[[Any], dict[str, Any]]
    describe: Callable[[Any], Description]


@dataclass(slots=True)
class ClaimTable:
    kind: ClaimKind
    frame: pd.DataFrame
    claims: dict[str, Claim]


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
        expected=_json_number(b.total.value),
        observed=_json_number(summed.lo) if summed.is_exact else parts_sum,
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
        expected=_json_number(Fraction(rounded)) if ratio is not None else None,
        observed=_json_number(s.percent.value),
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
        observed=_json_number(printed),
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
        expected=_json_number(r.first.value),
        observed=_json_number(r.second.value),
        spans=(r.first.span, r.second.span),
    )


def _json_number(value: Fraction) -> int | float:
    return value.numerator if value.denominator == 1 else float(value)


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
            name="shares",
            columns=("count", "base", "percent", "printed", "decimals", "percent_approx"),
            facts=lambda f: f.shares,
            row=_share_row,
            describe=_describe_share,
        ),
    )
}


def build_tables(batch: list[Facts | None]) -> dict[str, ClaimTable]:
    """One table per claim kind for the whole batch; ``claim_id`` keys rows back to facts."""
    tables: dict[str, ClaimTable] = {}
    for kind in KINDS.values():
        rows: list[dict[str, Any]] = []
        claims: dict[str, Claim] = {}
        for doc, facts in enumerate(batch):
            if facts is None:
                continue
            for k, fact in enumerate(kind.facts(facts)):
                claim_id = f"{doc}:{kind.name}:{k}"
                claims[claim_id] = Claim(claim_id, doc, fact)
                rows.append({"claim_id": claim_id, **kind.row(fact)})
        frame = pd.DataFrame(rows, columns=["claim_id", *kind.columns])
        tables[kind.name] = ClaimTable(kind, frame, claims)
    return tables
