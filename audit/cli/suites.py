"""``audit suites``: the Great Expectations suites in ``expectations/`` and what they check."""

from __future__ import annotations

import json

import typer

from audit.cli import app
from audit.cli.exit_codes import USAGE
from audit.pipeline import default_suites_dir


@app.command("suites")
def suites() -> None:
    """List the expectation suites: file, claim tables, expectation count, rules. 列出检查规则集。"""
    from audit.checks.gx import SuiteLoadError, load_suites

    directory = default_suites_dir()
    try:
        loaded = load_suites(directory)  # every file must load into GX whole, or this fails
    except SuiteLoadError as exc:
        typer.echo(f"audit: 检查规则加载失败 / cannot load the expectation suites: {exc}", err=True)
        raise typer.Exit(USAGE)
    total = 0
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        expectations = data.get("expectations", [])
        default = data.get("meta", {}).get("claim_table")
        tables = sorted({e.get("meta", {}).get("claim_table", default) for e in expectations})
        rules = sorted({e["meta"]["rule"] for e in expectations})
        total += len(expectations)
        typer.echo(f"{path.name:<22} {len(expectations):>3}  {', '.join(tables):<40} {' '.join(rules)}")
    typer.echo(f"{total} expectations in {len(loaded)} claim tables / 共 {total} 条期望，{len(loaded)} 个数据表")
