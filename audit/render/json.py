"""The JSON contract (DESIGN.md): stable, extended never broken."""

from __future__ import annotations

import json
from typing import Any, Iterator

from audit.model import AuditReport, DocumentResult, Evidence, Finding, Tally

VERSION = 1


def render_json(report: AuditReport, *, lang: str = "zh") -> str:
    return "".join(iter_json(report, lang=lang))


def iter_json(report: AuditReport, *, lang: str = "zh") -> Iterator[str]:
    """``render_json``'s text a document at a time: the JSON of 50,000 documents is never one string.

    The text is exactly ``json.dumps(payload, ensure_ascii=False, indent=2)``: each
    document is dumped alone and indented to its depth (a dumped string holds no raw
    line break, so only the structure's line breaks are indented).
    """
    yield f'{{\n  "version": {VERSION},\n  "documents": ['
    tally = Tally()  # the summary comes last: counted in the same pass
    for k, result in enumerate(report.documents):
        tally.add(result)
        text = json.dumps(_document(result, lang), ensure_ascii=False, indent=2)
        yield ("," if k else "") + "\n    " + text.replace("\n", "\n    ")
    yield "\n  ]" if tally.documents else "]"
    summary = json.dumps(tally.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    yield f',\n  "summary": {summary}\n}}\n'


def _document(result: DocumentResult, lang: str) -> dict[str, Any]:
    return {
        "path": result.path,
        "status": result.status.value,
        "report_year": result.report_year,
        "dating": _dating(result, lang),
        # Page chrome a reader left out of the text (saved web pages): what, how long, how it began.
        "dropped": result.dropped,
        "findings": [_finding(f, lang) for f in result.findings],
    }


def _dating(result: DocumentResult, lang: str) -> dict[str, Any] | None:
    """Where the report year was read, the issuer, period, dates and the deadline applied."""
    d = result.dating
    if d is None:
        return None
    deadline = None
    if d.deadline is not None:
        basis = d.deadline.basis_en if lang == "en" else d.deadline.basis_zh
        deadline = {"date": d.deadline.date, "regime": d.deadline.regime, "basis": basis}
    period = None
    if d.period_start is not None and d.period_end is not None:
        period = {"start": d.period_start.iso, "end": d.period_end.iso}
    return {
        "report_year_source": d.report_year_source,
        "title_year": d.title.year if d.title else None,
        "body_year": d.body_year,
        "period": period,
        "published": d.published.iso if d.published else None,
        "signed": d.signed.iso if d.signed else None,
        "issuer": d.issuer,
        "issuer_type": d.issuer_kind,
        "deadline": deadline,
    }


def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "name": finding.name,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "message": finding.message(lang),
        "message_zh": finding.message_zh,
        "message_en": finding.message_en,
        "evidence": [_evidence(e) for e in finding.evidence],
        "expected": finding.expected,
        "observed": finding.observed,
        "arithmetic": finding.arithmetic,
    }


def _evidence(e: Evidence) -> dict[str, Any]:
    """A quoted span; a table cell also names its table, row and column (labels as in the template)."""
    out: dict[str, Any] = {"text": e.text, "start": e.start, "end": e.end, "page": e.page}
    if e.table is not None:
        out.update(table=e.table, row=e.row, column=e.column)
    return out
