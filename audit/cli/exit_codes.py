"""Exit codes, decided once, outside every renderer.

=====  =================================================================
code   meaning
=====  =================================================================
0      no finding at or above ``--fail-on`` (default ``error``)
1      at least one finding at or above ``--fail-on``; an unreadable
       document counts (its ``input`` finding is an error)
2      usage or configuration error (bad option, no input found, a suite
       that does not load), or an internal failure of the tool
=====  =================================================================
"""

from __future__ import annotations

import enum

from audit.model import AuditReport, Severity

OK = 0
FINDINGS = 1
USAGE = 2


class FailOn(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"


def exit_code(report: AuditReport, fail_on: FailOn) -> int:
    if fail_on is FailOn.NEVER:
        return OK
    threshold = Severity(fail_on.value).rank
    hit = any(
        f.severity.rank >= threshold for d in report.documents for f in d.findings
    )
    return FINDINGS if hit else OK
