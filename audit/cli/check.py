"""``audit check PATH...``: audit reports, write the HTML pages, print a summary or JSON."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List

import typer

from audit.cli import app
from audit.cli.exit_codes import USAGE, FailOn, exit_code
from audit.cli.output import Lang, write_site
from audit.pipeline import DEFAULT_MAX_BYTES, audit_paths
from audit.render import Format, renderer


@app.command("check")
def check(
    paths: List[str] = typer.Argument(
        ..., help="Files, folders (searched recursively), globs, or - for stdin. 文件、目录、通配符或 -（标准输入）。"
    ),
    output: Path = typer.Option(
        Path("reports_out"), "-o", "--output", help="Folder for the HTML pages. HTML 报告输出目录。"
    ),
    fmt: Format = typer.Option(Format.TERMINAL, "--format", help="What to print on stdout. 标准输出格式。"),
    fail_on: FailOn = typer.Option(
        FailOn.ERROR, "--fail-on", help="Lowest severity that makes the exit code 1. 触发退出码 1 的最低级别。"
    ),
    lang: Lang = typer.Option(Lang.ZH, "--lang", help="Message language. 消息语言。"),
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Largest input accepted, in bytes. 单个文件大小上限（字节）。"
    ),
) -> None:
    """Audit annual reports. 检查年度报告。"""
    from audit.checks.gx import SuiteLoadError, ValidationFailed

    try:
        report = audit_paths(paths, max_bytes=max_bytes)
    except SuiteLoadError as exc:
        _fail(f"检查规则加载失败 / cannot load the expectation suites: {exc}")
    except ValidationFailed as exc:
        _fail(f"检查引擎内部错误 / internal error in a check: {exc}")
    except Exception as exc:  # noqa: BLE001 — exit 2 with a message, never a traceback
        _fail(f"内部错误 / internal error: {type(exc).__name__}: {exc}")
    if not report.documents:
        _fail("没有找到可检查的文件 / no input files found")
    try:
        write_site(report, output, lang=lang.value)
    except OSError as exc:
        _fail(f"无法写入输出目录 / cannot write to {output}: {exc}")
    color = fmt is Format.TERMINAL and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    options = {"color": color} if fmt is Format.TERMINAL else {}
    sys.stdout.write(renderer(fmt)(report, lang=lang.value, **options))
    sys.stdout.flush()
    raise typer.Exit(exit_code(report, fail_on))


def _fail(message: str) -> None:
    typer.echo(f"audit: {message}", err=True)
    raise typer.Exit(USAGE)
