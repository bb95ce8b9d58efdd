"""``audit check PATH...``: audit reports, write the HTML pages, print a summary or JSON."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

from audit.cli import app
from audit.cli.exit_codes import OK, USAGE, FailOn, exit_code
from audit.cli.output import Lang, Site
from audit.fileio import write_atomic
from audit.pipeline import DEFAULT_TIMEOUT, audit_paths, default_jobs, tuned_collector
from audit.render import Format, pieces


@app.command("check")
def check(
    paths: List[str] = typer.Argument(
        ..., help="Files, folders (searched recursively), globs, or - for stdin. 文件、目录、通配符或 -（标准输入）。"
    ),
    output: Optional[Path] = typer.Option(
        None, "-o", "--output", help="Folder for the HTML pages [default: reports_out]. HTML 报告输出目录。"
    ),
    fmt: Format = typer.Option(Format.TERMINAL, "--format", help="What to print on stdout. 标准输出格式。"),
    fail_on: Optional[FailOn] = typer.Option(
        None, "--fail-on", help="Lowest severity that makes the exit code 1 [default: error]. 触发退出码 1 的最低级别。"
    ),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Message language [default: zh]. 消息语言。"),
    max_bytes: Optional[int] = typer.Option(
        None, "--max-bytes", min=1, help="Largest input accepted, in bytes [default: 50 MB]. 单个文件大小上限（字节）。"
    ),
    config_file: Optional[Path] = typer.Option(
        None, "--config", help="Configuration file (audit.toml or pyproject.toml). 配置文件。"
    ),
    select: Optional[str] = typer.Option(None, "--select", help="Rules to report: ids or prefixes, comma-separated. 只报告这些规则。"),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Rules not to report: ids or prefixes. 不报告这些规则。"),
    baseline: Optional[Path] = typer.Option(
        None, "--baseline", help="Report only findings not in this baseline file. 只报告基线之外的新问题。"
    ),
    write_baseline_file: Optional[Path] = typer.Option(
        None, "--write-baseline", help="Write the findings to this baseline file. 将当前问题写入基线文件。"
    ),
    output_file: Optional[Path] = typer.Option(
        None, "--output-file", help="Write the --format output to this file instead of stdout. 将输出写入文件。"
    ),
    exit_zero: bool = typer.Option(
        False, "--exit-zero", help="Exit 0 even when findings reach --fail-on. 有问题也以 0 退出。"
    ),
    timeout: float = typer.Option(
        DEFAULT_TIMEOUT, "--timeout", min=0, help="Seconds one document may take to read and extract (0: no limit). 单个文件处理时限（秒）。"
    ),
    quiet: bool = typer.Option(
        False, "-q", "--quiet", help="No progress bar; the terminal format prints only its totals line. 安静模式。"
    ),
    jobs: Optional[int] = typer.Option(
        None, "-j", "--jobs", min=1, help="Worker processes [default: every core]. 并行进程数（默认：全部核心）。"
    ),
) -> None:
    """Audit annual reports. 检查年度报告。"""
    from audit.baseline import Baseline, BaselineError, write_baseline
    from audit.checks.gx import SuiteLoadError, ValidationFailed
    from audit.config import ConfigError, load_config
    from audit.ingest import discover, input_name
    from audit.render.names import output_names

    passed = dict(select=select, ignore=ignore, output=output, max_bytes=max_bytes,
                  fail_on=fail_on.value if fail_on else None, lang=lang.value if lang else None)
    try:
        config = load_config(config_file, Path.cwd(), {k: v for k, v in passed.items() if v is not None})
    except ConfigError as exc:
        _fail(f"配置错误 / configuration error: {exc}")
    inputs = discover(paths)
    if not inputs:
        _fail("没有找到可检查的文件 / no input files found")
    try:
        known = Baseline(baseline) if baseline is not None else None
    except BaselineError as exc:
        _fail(f"基线文件错误 / baseline error: {exc}")
    # The collector stays tuned while the outputs read the stored results back, not only during the run.
    with tuned_collector():
        site = Site(config.output, output_names([input_name(p) for p in inputs]), config.lang, config, known)
        try:
            config.output.mkdir(parents=True, exist_ok=True)
            with _progress(enabled=not quiet and _stderr_is_terminal()) as progress:
                # Each page is written as its document is audited (Site), and the texts are let go after.
                report = audit_paths(
                    inputs, max_bytes=config.max_bytes, progress=progress, overrides=config.overrides(),
                    timeout=timeout or None, jobs=jobs or default_jobs(), finish=site, keep=False,
                )
            site.write_index(report)
        except SuiteLoadError as exc:
            _fail(f"检查规则加载失败 / cannot load the expectation suites: {exc}")
        except ValidationFailed as exc:
            _fail(f"检查引擎内部错误 / internal error in a check: {exc}")
        except OSError as exc:
            _fail(f"无法写入输出目录 / cannot write to {config.output}: {exc}")
        except Exception as exc:  # noqa: BLE001 — exit 2 with a message, never a traceback
            _fail(f"内部错误 / internal error: {type(exc).__name__}: {exc}")
        try:
            if write_baseline_file is not None:
                write_baseline(report, write_baseline_file)
        except BaselineError as exc:
            _fail(f"基线文件错误 / baseline error: {exc}")
        except OSError as exc:
            _fail(f"无法写入基线文件 / cannot write the baseline: {exc}")
        to_terminal = output_file is None and sys.stdout.isatty()
        options = {}
        if fmt is Format.TERMINAL:
            options = {"color": to_terminal and "NO_COLOR" not in os.environ, "quiet": quiet}
        text = pieces(fmt, report, lang=config.lang, **options)
        if output_file is None:
            _print(text)
        else:
            try:
                output_file.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(output_file, text)  # never half a file; CSV's CRLF stays CRLF
            except OSError as exc:
                _fail(f"无法写入输出文件 / cannot write {output_file}: {exc}")
        raise typer.Exit(OK if exit_zero else exit_code(report, FailOn(config.fail_on)))


def _print(text: Iterable[str]) -> None:
    """Write the pieces to stdout; a file name that is not UTF-8 (lone surrogates) is written as U+FFFD."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        for piece in text:
            sys.stdout.write(piece.encode("utf-8", "replace").decode("utf-8"))
        return
    sys.stdout.flush()
    for piece in text:
        buffer.write(piece.encode(sys.stdout.encoding or "utf-8", "replace"))
    buffer.flush()


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
