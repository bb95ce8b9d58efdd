"""Writing the HTML pages: one per document plus ``index.html``, each written atomically."""

from __future__ import annotations

import enum
import os
import tempfile
from pathlib import Path

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
        _write_atomic(out_dir / names[d.path], render_document(d, lang=lang))
        for d in report.documents
    ]
    written.append(_write_atomic(out_dir / "index.html", render_index(report, names, lang=lang)))
    return written


def _write_atomic(path: Path, content: str) -> Path:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".html")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
