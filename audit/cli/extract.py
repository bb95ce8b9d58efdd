"""``audit extract PATH...``: what was read from each report, as JSON or CSV, without checking it."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import List, Optional

import typer

from audit.cli import app
from audit.cli.exit_codes import OK, USAGE
from audit.fileio import write_atomic
from audit.ingest import DEFAULT_MAX_BYTES, IngestError, discover, load


class FactsFormat(str, enum.Enum):
    JSON = "json"
    CSV = "csv"


@app.command("extract")
def extract_command(
    paths: List[str] = typer.Argument(..., help="Files, folders, globs, or - for stdin. 文件、目录、通配符或 -。"),
    fmt: FactsFormat = typer.Option(
        FactsFormat.JSON, "--format", help="json: every fact; csv: one row per table cell. 输出格式。"
    ),
    output_file: Optional[Path] = typer.Option(None, "--output-file", help="Write to this file. 写入文件。"),
    lang: str = typer.Option("zh", "--lang", help="Message language (zh|en). 消息语言。"),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Largest input, in bytes. 文件大小上限。"),
) -> None:
    """Print the facts read from reports (figures, relations, tables) for analysts. 导出提取的数据。"""
    from audit.extract import extract
    from audit.render.facts import Extracted, render_facts_csv, render_facts_json

    inputs = discover(paths)
    if not inputs:
        typer.echo("audit: 没有找到可读取的文件 / no input files found", err=True)
        raise typer.Exit(USAGE)
    items = []
    for path in inputs:
        try:
            document = load(path, max_bytes=max_bytes)
        except IngestError as exc:
            items.append(Extracted(path, None, None, (exc.message_zh, exc.message_en)))
            continue
        items.append(Extracted(path, document, extract(document)))
    render = render_facts_csv if fmt is FactsFormat.CSV else render_facts_json
    text = render(items, lang=lang)
    if output_file is None:
        sys.stdout.write(text)
    else:
        output_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output_file, text)
    raise typer.Exit(OK)
