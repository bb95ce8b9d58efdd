"""The HTML report: one self-contained page per document plus an index page.

Pure functions: they return the page as a string and write nothing. Every string
that comes from a document or a finding reaches the page through Jinja2's
autoescaping; nothing here is ever marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from typing import Any

from audit.model import AuditReport, DocumentResult, Severity, plain_number
from audit.render.labels import SEVERITIES, first_finding, labels, summary_text

# ---------------------------------------------------------------------- pages


def render_document(result: DocumentResult, *, lang: str = "zh", index_name: str = "index.html") -> str:
    """The page of one document: header, findings by severity, and the marked text."""
    spans = _spans(result)
    text = result.document.text if result.document is not None else None
    return _env().get_template("document.html.j2").render(
        L=labels(lang),
        result=result,
        lang=lang,
        index_name=index_name,
        groups=_groups(result, spans, lang),
        segments=_segments(text, spans) if text is not None else None,
    )


def render_index(report: AuditReport, names: dict[str, str], *, lang: str = "zh") -> str:
    """The index page: one row per document, in input order, and the batch totals."""
    rows = [
        {"result": d, "name": names[d.path], "first": first_finding(d)}
        for d in report.documents
    ]
    return _env().get_template("index.html.j2").render(
        L=labels(lang), lang=lang, rows=rows, summary=summary_text(report, lang)
    )


@cache
def _env():
    # Imported lazily: Jinja2 is only needed when a page is rendered.
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("audit.render", "templates"),
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
    """Split ``text`` at every span boundary so nested or overlapping marks never interleave."""
    placed = [s for s in spans if s is not None]
    cuts = sorted({0, len(text), *(s.start for s in placed), *(s.end for s in placed)})
    segments = []
    for pos, nxt in zip(cuts, cuts[1:] + [len(text)]):
        starting = [s for s in placed if s.start == pos]
        opening = [s for s in starting if s.end > pos]
        covering = [s for s in placed if s.start <= pos and nxt <= s.end and s.start < s.end]
        seg = Segment(text[pos:nxt])
        if covering and nxt > pos:
            worst = max(covering, key=lambda s: s.severity.rank)
            seg.css = f"sev-{worst.severity.value}"
            seg.title = ", ".join(dict.fromkeys(s.rule for s in covering))
            if opening:
                seg.mark_id = f"ev-{opening[0].k}"
        seg.anchors = [f"ev-{s.k}" for s in starting if f"ev-{s.k}" != seg.mark_id]
        seg.backrefs = [(s.rule, f"f-{s.finding}") for s in placed if s.end == pos and s.start < pos]
        segments.append(seg)
    return segments


def _groups(result: DocumentResult, spans: list[_Span | None], lang: str) -> list[dict[str, Any]]:
    """Findings grouped by severity (error, warning, info) with their evidence links."""
    ks = iter(spans)
    views = []
    for i, finding in enumerate(result.findings):
        views.append({
            "id": f"f-{i}",
            "finding": finding,
            "message": finding.message(lang),
            "evidence": [(ev, next(ks)) for ev in finding.evidence],
        })
    return [
        {"severity": sev.value, "findings": [v for v in views if v["finding"].severity is sev]}
        for sev in SEVERITIES
        if result.count(sev)
    ]


__all__ = ["render_document", "render_index"]
