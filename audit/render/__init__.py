"""The render stage: pure functions from an AuditReport to text, one module per format."""

from __future__ import annotations

import enum
from typing import Callable

from audit.model import AuditReport


class Format(str, enum.Enum):
    TERMINAL = "terminal"
    JSON = "json"


def renderer(fmt: Format) -> Callable[..., str]:
    """The function that renders ``fmt``; imported lazily so each format loads only its own deps."""
    if fmt is Format.JSON:
        from audit.render.json import render_json

        return render_json
    from audit.render.terminal import render_terminal

    return render_terminal


__all__ = ["Format", "renderer", "AuditReport"]
