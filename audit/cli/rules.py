"""``audit rules`` and ``audit explain ID``: the rule registry, for people."""

from __future__ import annotations

import typer

from audit.checks.registry import RULES
from audit.cli import app


@app.command("rules")
def rules() -> None:
    """List every rule. 列出全部规则。"""
    width = max(len(rule.name) for rule in RULES.values())
    for rule in RULES.values():
        typer.echo(
            f"{rule.id}  {rule.name:<{width}} {rule.category.value:<12} {rule.severity.value:<8} "
            f"{rule.title_zh} / {rule.title_en}"
        )


@app.command("explain")
def explain(rule_id: str = typer.Argument(..., help="Rule id, e.g. SUM001. 规则编号。")) -> None:
    """Print a rule's documentation. 显示规则说明。"""
    rule = RULES.get(rule_id.upper())
    if rule is None:
        typer.echo(f"audit: 未知规则 / unknown rule: {rule_id}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{rule.id} {rule.name} ({rule.category.value}, {rule.severity.value})")
    typer.echo(f"{rule.title_zh} / {rule.title_en}\n")
    typer.echo(rule.doc)
