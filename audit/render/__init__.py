"""The render stage: pure functions from an AuditReport to text, one module per format."""

from __future__ import annotations

import enum
import importlib
from typing import Any, Callable, Iterable

from audit.model import AuditReport


class Format(str, enum.Enum):
    TERMINAL = "terminal"
    JSON = "json"
    JUNIT = "junit"
    SARIF = "sarif"
    GITHUB = "github"
    CSV = "csv"


# Each format's module and function, imported on first use so a format loads only its own deps.
_RENDERERS: dict[Format, tuple[str, str]] = {
    Format.TERMINAL: ("audit.render.terminal", "render_terminal"),
    Format.JSON: ("audit.render.json", "render_json"),
    Format.JUNIT: ("audit.render.junit", "render_junit"),
    Format.SARIF: ("audit.render.sarif", "render_sarif"),
    Format.GITHUB: ("audit.render.github", "render_github"),
    Format.CSV: ("audit.render.csv", "render_csv"),
}


# Formats that can also be rendered a piece at a time (the same text, never whole in memory).
_STREAMS: dict[Format, tuple[str, str]] = {
    Format.JSON: ("audit.render.json", "iter_json"),
}


def renderer(fmt: Format) -> Callable[..., str]:
    """The function that renders ``fmt``: ``f(report, *, lang="zh", ...) -> str``, without side effects."""
    module, name = _RENDERERS[Format(fmt)]
    return getattr(importlib.import_module(module), name)


def pieces(fmt: Format, report: AuditReport, **options: Any) -> Iterable[str]:
    """``renderer(fmt)(report, **options)`` as pieces to write one after the other."""
    if Format(fmt) in _STREAMS:
        module, name = _STREAMS[Format(fmt)]
        return getattr(importlib.import_module(module), name)(report, **options)
    return [renderer(fmt)(report, **options)]


__all__ = ["Format", "renderer", "pieces", "AuditReport"]
