"""The terminal summary: one table row per document and a line of totals.

Pure: renders into a string buffer and prints nothing; the caller decides where it goes.
"""

from __future__ import annotations

import re

from io import StringIO

from rich.console import Console
from rich.cells import cell_len
from rich.markup import escape
from rich.table import Table

from audit.model import AuditReport, Severity
from audit.render.labels import first_finding, labels, summary_text

_STATUS_STYLE = {"pass": "green", "warn": "yellow", "fail": "bold red", "error": "bold magenta"}
_MAX_MESSAGE = 60
_MAX_PATH = 48


def render_terminal(
    report: AuditReport, *, lang: str = "zh", width: int | None = None, color: bool = True, quiet: bool = False
) -> str:
    """A table of the documents and the totals line; with ``quiet``, the totals line only."""
    if quiet:
        return summary_text(report, lang) + "\n"
    L = labels(lang)
    table = Table(show_lines=False, header_style="bold")
    table.add_column(L["path"], no_wrap=True)
    table.add_column(L["report_year"], justify="right", no_wrap=True, min_width=4)
    table.add_column(L["state"], no_wrap=True, min_width=11)
    table.add_column(L["severity"]["error"], justify="right", no_wrap=True)
    table.add_column(L["severity"]["warning"], justify="right", no_wrap=True)
    table.add_column(L["first_finding"], overflow="fold")
    for d in report.documents:
        status = d.status.value
        first = first_finding(d)
        table.add_row(
            escape(_tail(d.path)),
            "—" if d.report_year is None else str(d.report_year),
            f"[{_STATUS_STYLE[status]}]{escape(L['status'][status])}[/]",
            str(d.count(Severity.ERROR)),
            str(d.count(Severity.WARNING)),
            "" if first is None else escape(_visible(f"{first.rule} {_truncate(first.message(lang))}")),
        )
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=width or 120,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(table)
    console.print(escape(summary_text(report, lang)))
    return buffer.getvalue()


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _visible(text: str) -> str:
    """``text`` with control characters shown as ``\\xNN``: a file name must not drive the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _tail(path: str) -> str:
    """A long path cut from the left to ``_MAX_PATH`` terminal cells, so the file name shows whole."""
    path = _visible(path)
    if cell_len(path) <= _MAX_PATH:
        return path
    kept, width = [], 1  # the ellipsis takes one cell
    for char in reversed(path):
        width += cell_len(char)
        if width > _MAX_PATH:
            break
        kept.append(char)
    return "…" + "".join(reversed(kept))


def _truncate(text: str) -> str:
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"
