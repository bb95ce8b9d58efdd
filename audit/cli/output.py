"""Writing the HTML pages: one per document plus ``index.html``, each written atomically."""

from __future__ import annotations

import enum
from pathlib import Path

from audit.fileio import write_atomic
from audit.model import AuditReport
from audit.render.html import render_document, render_index
from audit.render.names import output_names


class Lang(str, enum.Enum):
    ZH = "zh"
    EN = "en"


def write_site(report: AuditReport, out_dir: Path, *, lang: str = "zh") -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    names = output_names([d.path for d in report.documents])
    written = [
        write_atomic(out_dir / names[d.path], render_document(d, lang=lang))
        for d in report.documents
    ]
    written.append(write_atomic(out_dir / "index.html", render_index(report, names, lang=lang)))
    return written
