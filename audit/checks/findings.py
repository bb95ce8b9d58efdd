"""Turning a failed claim or an unreadable input into a ``Finding``.

Messages come from the templates in each expectation's ``meta.message``
(``{"zh": …, "en": …}``), filled with the fields the claim kind describes.
"""

from __future__ import annotations

from typing import Any

from audit.checks import registry
from audit.checks.kinds import Claim, ClaimKind
from audit.model import Category, Document, Evidence, Finding, Severity, Span, TableCell


def from_claims(meta: dict[str, Any], kind: ClaimKind, claims: list[Claim], document: Document) -> Finding:
    """One finding for the rejected claims of one document (one claim, or a group of them)."""
    rule = registry.get(meta["rule"])
    if len(claims) == 1 or kind.describe_group is None:
        described = kind.describe(claims[0].fact)
    else:
        described = kind.describe_group([c.fact for c in claims])
    evidence = [_quote(document, span) for span in described.spans]
    evidence += [_cell(document, cell) for cell in described.cells]
    limit = _limit(meta)
    fields = dict(described.fields, limit=limit)
    return Finding(
        rule=rule.id,
        name=rule.name,
        category=Category(meta["category"]),
        severity=Severity(meta["severity"]),
        message_zh=meta["message"]["zh"].format(**fields),
        message_en=meta["message"]["en"].format(**fields),
        evidence=tuple(evidence),
        expected=described.expected.replace("{limit}", limit) if isinstance(described.expected, str) else described.expected,
        observed=described.observed,
        arithmetic=described.arithmetic.replace("{limit}", limit),
    )


def _limit(meta: dict[str, Any]) -> str:
    """The tolerance an expectation applied (``meta.limit`` names its kwarg) as a percentage; "" if none.

    Descriptions and messages write ``{limit}`` where it belongs, so a tolerance the
    configuration changes (``[tool.audit.tolerances]``) shows as applied.
    """
    value = meta.get("kwargs", {}).get(meta.get("limit", ""))
    return "" if value is None else f"{float(value):.0%}"


def _quote(document: Document, span: Span) -> Evidence:
    return Evidence(
        document.quote(span), span.start, span.end, document.page_of(span.start), region=_region(document, span)
    )


def _cell(document: Document, cell: TableCell) -> Evidence:
    span = cell.span
    return Evidence(
        document.quote(span),
        span.start,
        span.end,
        document.page_of(span.start),
        table=cell.table,
        row=cell.row_label,
        column=cell.column_label,
        region=_region(document, span),
    )


def _region(document: Document, span: Span) -> tuple[int, int, int, int] | None:
    """1-based (line, column, end line, end column) of ``span``; None when it lies outside the text."""
    if span.end > len(document.text):
        return None
    return (*document.position(span.start), *document.position(span.end))


def input_finding(rule_id: str, message_zh: str, message_en: str) -> Finding:
    rule = registry.get(rule_id)
    return Finding(
        rule=rule.id,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message_zh=message_zh,
        message_en=message_en,
    )
