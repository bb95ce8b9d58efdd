"""What was read from each document, for analysts: ``audit extract`` as JSON or CSV.

JSON holds, per document, its figures, breakdowns, shares, dating, standard-table
cells, headings and slots, each with its offsets (and PDF page) in the document's
normalized text. CSV holds one row per standard-table cell, the part analysts load
into a spreadsheet. Pure functions of the extracted facts, like every renderer.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from audit.checks.kinds import json_number
from audit.model import Document, Facts, Number, Span, TableCell

VERSION = 1


@dataclass(frozen=True, slots=True)
class Extracted:
    """One input: its document and facts, or why it could not be read."""

    path: str
    document: Document | None
    facts: Facts | None
    error: tuple[str, str] | None = None  # (zh, en)


CSV_COLUMNS = (
    "path", "table", "version", "row", "row_label", "column", "column_label", "text", "value", "page", "start", "end",
)


def render_facts_json(items: list[Extracted], *, lang: str = "zh") -> str:
    payload = {"version": VERSION, "documents": [_document(item, lang) for item in items]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_facts_csv(items: list[Extracted], *, lang: str = "zh") -> str:
    """One row per standard-table cell; UTF-8 with a BOM so Excel on Chinese Windows reads it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        if item.facts is None or item.document is None:
            continue
        for table in item.facts.tables:
            for cell in table.cells:
                writer.writerow(
                    [item.path, table.table, table.version or "", cell.row, cell.row_label, cell.column,
                     cell.column_label, cell.text, "" if cell.value is None else json_number(cell.value),
                     item.document.page_of(cell.span.start) or "", cell.span.start, cell.span.end]
                )
    return "\ufeff" + buffer.getvalue()


def _document(item: Extracted, lang: str) -> dict[str, Any]:
    if item.facts is None or item.document is None:
        zh, en = item.error or ("", "")
        return {"path": item.path, "read": False, "error": en if lang == "en" else zh}
    doc, facts = item.document, item.facts
    d = facts.dating

    def place(span: Span) -> dict[str, Any]:
        return {"start": span.start, "end": span.end, "page": doc.page_of(span.start)}

    def figure(n: Number) -> dict[str, Any]:
        return {"text": doc.quote(n.span), "value": str(n.interval), "unit": n.unit, "approx": n.approx.value, **place(n.span)}

    def cell(c: TableCell) -> dict[str, Any]:
        value = None if c.value is None else json_number(c.value)
        return {"row": c.row, "row_label": c.row_label, "column": c.column, "column_label": c.column_label,
                "text": c.text, "value": value, **place(c.span)}

    return {
        "path": item.path,
        "read": True,
        "format": doc.format,
        "encoding": doc.encoding,
        "report_year": d.report_year,
        "report_year_source": d.report_year_source,
        "issuer": d.issuer,
        "period": [d.period_start.iso, d.period_end.iso] if d.period_start and d.period_end else None,
        "figures": [figure(n) for n in facts.numbers],
        "breakdowns": [
            {"total": figure(b.total), "parts": [figure(p) for p in b.parts], "may_exceed": b.may_exceed,
             "may_fall_short": b.may_fall_short}
            for b in facts.breakdowns
        ],
        "shares": [{"count": figure(s.count), "base": figure(s.base), "percent": figure(s.percent)} for s in facts.shares],
        "tables": [
            {"table": t.table, "version": t.version, "complete": t.complete, "cells": [cell(c) for c in t.cells]}
            for t in facts.tables
        ],
        "headings": [{"label": h.label, "depth": h.depth, **place(h.span)} for h in facts.structure.headings],
        "slots": [{"kind": s.kind, "label": s.label, "value": s.value, **place(s.span)} for s in facts.slots],
    }
