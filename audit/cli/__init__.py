"""The ``audit`` command line (typer). One module per command."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="audit",
    help="Audit 政府信息公开工作年度报告 for data quality. 检查政府信息公开工作年度报告的数据质量。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

from audit.cli import check as _check  # noqa: E402,F401  (registers the command)
from audit.cli import rules as _rules  # noqa: E402,F401
