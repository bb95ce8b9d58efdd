"""Writing the HTML pages: one per document plus ``index.html``, each written atomically.

``Site`` is how ``audit check`` finishes each document while the pipeline still
holds its text (``pipeline.Finisher``): the configuration and the baseline are
applied to its findings and its page is written, in the worker process that
audited it. The index is written once the batch is done.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from audit.baseline import Baseline
from audit.config import Config
from audit.fileio import write_atomic
from audit.model import AuditReport, DocumentResult, Finding
from audit.render.html import render_document, render_index
from audit.render.names import output_names


class Lang(str, enum.Enum):
    ZH = "zh"
    EN = "en"


@dataclass(frozen=True)
class Site:
    """The pages of one run: where they go, their names (``output_names`` of every input), and the filters."""

    out_dir: Path
    names: dict[str, str]
    lang: str = "zh"
    config: Config | None = None
    baseline: Baseline | None = None

    def filter(self, path: str, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        if self.config is not None:
            findings = self.config.apply(findings)
        return self.baseline.filter(path, findings) if self.baseline is not None else (findings, [])

    def write(self, result: DocumentResult) -> Path:
        return write_atomic(self.out_dir / self.names[result.path], render_document(result, lang=self.lang))

    def write_index(self, report: AuditReport) -> Path:
        return write_atomic(self.out_dir / "index.html", render_index(report, self.names, lang=self.lang))


def write_site(report: AuditReport, out_dir: Path, *, lang: str = "zh") -> list[Path]:
    """Every page of an audited batch whose documents are still in memory, and the index."""
    out_dir.mkdir(parents=True, exist_ok=True)
    site = Site(out_dir, output_names([d.path for d in report.documents]), lang)
    return [*(site.write(d) for d in report.documents), site.write_index(report)]
