"""GitHub Actions workflow commands: one annotation line per finding.

    ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULEID name::message

``error`` findings are ``::error``, ``warning`` ``::warning``, ``info``
``::notice``. Escaping follows the Actions runner (``@actions/core``
``command.ts``): in property values ``%`` ``\\r`` ``\\n`` ``:`` ``,`` become
``%25`` ``%0D`` ``%0A`` ``%3A`` ``%2C``; in the message ``%`` ``\\r`` ``\\n``
do. Nothing else is printed, so every line of the output is a command.

``file`` is the input path as given (with ``/`` separators): GitHub attaches
the annotation to a file of the repository only when the path is relative to
the repository root, so run ``audit check`` from there. ``line``/``col`` are
1-based and computed, like SARIF's, in the normalized document text (see
``audit/render/sarif.py``): they are the file's lines for a plain-text report
and positions in the text read for other formats. A finding without evidence
(an unreadable file) has no position; the annotation names the file alone.
GitHub shows at most 10 error and 10 warning annotations per step and 50 per
job; the rest stay in the log.
"""

from __future__ import annotations

import os

from audit.model import AuditReport, DocumentResult, Finding, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(report: AuditReport, *, lang: str = "zh") -> str:
    out = []
    for document in report.documents:
        out += [_command(document, finding, lang) for finding in document.findings]
    return "".join(line + "\n" for line in out)


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(document: DocumentResult, finding: Finding, lang: str) -> str:
    path = document.path.replace(os.sep, "/") if os.sep != "/" else document.path
    properties: list[tuple[str, object]] = [("file", path)]
    if finding.evidence:
        if finding.evidence[0].region is not None:
            line, col, end_line, end_col = finding.evidence[0].region
            properties += [("line", line), ("col", col), ("endLine", end_line), ("endColumn", end_col)]
    properties.append(("title", f"{finding.rule} {finding.name}"))
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {rendered}::{escape_data(finding.message(lang))}"
