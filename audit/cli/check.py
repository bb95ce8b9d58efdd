"""``audit check PATH...``: audit reports, write the HTML pages, print a summary or JSON."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

from audit.cli import app
from audit.cli.exit_codes import OK, USAGE, FailOn, exit_code
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
    output_file: Optional[Path] = typer.Option(
        None, "--output-file", help="Write the --format output to this file instead of stdout. 将输出写入文件。"
    ),
    exit_zero: bool = typer.Option(
        False, "--exit-zero", help="Exit 0 even when findings reach --fail-on. 有问题也以 0 退出。"
    ),
    quiet: bool = typer.Option(
        False, "-q", "--quiet", help="No progress bar; the terminal format prints only its totals line. 安静模式。"
    ),
) -> None:
    """Audit annual reports. 检查年度报告。"""
    from audit.checks.gx import SuiteLoadError, ValidationFailed

    try:
        with _progress(enabled=not quiet and _stderr_is_terminal()) as progress:
            report = audit_paths(paths, max_bytes=max_bytes, progress=progress)
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
    to_terminal = output_file is None and sys.stdout.isatty()
    options = {}
    if fmt is Format.TERMINAL:
        options = {"color": to_terminal and "NO_COLOR" not in os.environ, "quiet": quiet}
    text = renderer(fmt)(report, lang=lang.value, **options)
    if output_file is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            output_file.parent.mkdir(parents=True, exist_ok=True)
            output_file.write_text(text, encoding="utf-8")
        except OSError as exc:
            _fail(f"无法写入输出文件 / cannot write {output_file}: {exc}")
    raise typer.Exit(OK if exit_zero else exit_code(report, fail_on))


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int, str], None] | None]:
    """A progress bar on stderr (never stdout) while a batch is read; nothing when disabled."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("审计中 / auditing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=Console(file=sys.stderr, force_terminal=True),
        transient=True,
    )
    task = bar.add_task("", total=None)

    def advance(done: int, total: int, path: str) -> None:
        bar.update(task, completed=done, total=total, description=os.path.basename(path))

    with bar:
        yield advance


def _fail(message: str) -> None:
    typer.echo(f"audit: {message}", err=True)
    raise typer.Exit(USAGE)
