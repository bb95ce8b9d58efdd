"""CSV: one row per finding, for spreadsheets and scripts.

A header row, then one row per finding in input order (a document without
findings has no row; its absence and each row's ``status`` say how it fared):

    path, status, rule, name, category, severity, message, expected, observed,
    evidence, start, end, page, table, row, column, arithmetic

``message`` is in the chosen language; ``evidence``/``start``/``end``/``page``/
``table``/``row``/``column`` describe the finding's first evidence span (offsets
into the normalized document text, as in the JSON contract); ``arithmetic`` is
the worked sum or ratio. Empty fields are empty strings.

Format: RFC 4180 as Python's ``csv`` module writes it (comma-separated, CRLF
line ends, fields with a comma, quote or line break quoted and their quotes
doubled). The text starts with a UTF-8 byte-order mark (U+FEFF), so Excel on a
Chinese-locale Windows opens it as UTF-8 instead of GBK and shows the Chinese
text correctly; write it out encoded as UTF-8, unchanged (no newline
translation), e.g. to ``sys.stdout.buffer``.

Spreadsheet safety: a text field that begins with ``=`` ``+`` ``-`` ``@``, a
tab or a carriage return would be run as a formula by Excel (CSV injection, and
report text comes from third-party web pages), so such a field is written with
a leading apostrophe, which Excel shows as text. Numbers are written as they are.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from audit.model import AuditReport
from audit.render.junit import plain

BOM = "\ufeff"
HEADER = (
    "path", "status", "rule", "name", "category", "severity", "message", "expected", "observed",
    "evidence", "start", "end", "page", "table", "row", "column", "arithmetic",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_csv(report: AuditReport, *, lang: str = "zh") -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for document in report.documents:
        status = document.status.value
        for finding in document.findings:
            first = finding.evidence[0] if finding.evidence else None
            row: list[Any] = [
                document.path,
                status,
                finding.rule,
                finding.name,
                finding.category.value,
                finding.severity.value,
                finding.message(lang),
                finding.expected,
                finding.observed,
                first.text if first else None,
                first.start if first else None,
                first.end if first else None,
                first.page if first else None,
                first.table if first else None,
                first.row if first else None,
                first.column if first else None,
                finding.arithmetic,
            ]
            writer.writerow([_cell(value) for value in row])
    return BOM + buffer.getvalue()


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return plain(value)
