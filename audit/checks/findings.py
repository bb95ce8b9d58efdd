"""Turning a failed claim or an unreadable input into a ``Finding``.

Messages come from the templates in each expectation's ``meta.message``
(``{"zh": …, "en": …}``), filled with the fields the claim kind describes.
"""

from __future__ import annotations

from typing import Any

from audit.checks import registry
from audit.checks.claims import Claim, ClaimKind
from audit.model import Category, Document, Evidence, Finding, Severity


def from_claim(meta: dict[str, Any], kind: ClaimKind, claim: Claim, document: Document) -> Finding:
    rule = registry.get(meta["rule"])
    described = kind.describe(claim.fact)
    return Finding(
        rule=rule.id,
        name=rule.name,
        category=Category(meta["category"]),
        severity=Severity(meta["severity"]),
        message_zh=meta["message"]["zh"].format(**described.fields),
        message_en=meta["message"]["en"].format(**described.fields),
        evidence=tuple(
            Evidence(document.quote(span), span.start, span.end) for span in described.spans
        ),
        expected=described.expected,
        observed=described.observed,
        arithmetic=described.arithmetic,
    )


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
