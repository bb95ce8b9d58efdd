"""SARIF 2.1.0 (OASIS) for code-scanning dashboards, GitHub's among them.

One run; ``tool.driver`` is ``audit`` with its version and every rule of the
registry (``audit/checks/registry.py``), so a result's ``ruleIndex`` points into
that list and a viewer can show each rule's documentation.

Positions. ``region.charOffset``/``charLength`` are offsets into the
*normalized* document text (``Document.text``: decoded, line endings ``\\n``,
full-width digits folded, hard-wrapped lines of plain text joined), counted in
Unicode code points (``run.columnKind``); ``startLine``/``startColumn``/
``endLine``/``endColumn`` (1-based) are computed from that same text. For a
plain-text report that needed no re-flowing they are the file's own lines; for
PDF, DOCX, HTML and spreadsheets they are positions in the text audit read, not
in the file's bytes, and ``snippet.text`` (the exact quote) and the ``page``
property are what locate the evidence. The run and every region say so in
``properties.offsets``.

Evidence. The first evidence span is the result's location; the others are
``relatedLocations``. A table cell's location carries ``properties`` ``{table,
row, column}``; a PDF page ``properties.page``.

Unreadable inputs. An input audit could not read (or not finish processing) is
a *result* of its INP rule (level ``error``) whose location is the file alone,
not a ``toolExecutionNotification``: code-scanning dashboards show results and
ignore notifications, so a notification would let a broken report pass unseen,
while the exit code (DESIGN.md) already counts it as an error.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import audit
from audit.checks.registry import RULES, Rule
from audit.model import AuditReport, DocumentResult, Evidence, Finding, Severity

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
OFFSETS = "normalized-text"
_OFFSETS_NOTE = {
    "zh": "charOffset/charLength 与行号、列号均为规范化文本（解码、统一换行、全角数字转半角、纯文本硬换行合并）"
    "中的 Unicode 码位位置；纯文本报告通常与原文件一致，PDF、DOCX、HTML、表格文件请以 snippet 原文与页码为准。",
    "en": "charOffset/charLength and lines/columns are Unicode code point positions in the normalized text "
    "(decoded, line endings unified, full-width digits folded, hard wraps of plain text joined); for a plain-text "
    "report they usually match the file, for PDF, DOCX, HTML and spreadsheets rely on snippet.text and the page.",
}
_PROJECT_URL_KEYS = ("documentation", "homepage", "repository", "source")


def render_sarif(report: AuditReport, *, lang: str = "zh") -> str:
    """The SARIF log of ``report`` as JSON text (UTF-8 when written; non-ASCII kept as is)."""
    rules = list(RULES.values())
    rule_index = {rule.id: i for i, rule in enumerate(rules)}
    artifacts, artifact_index = _artifacts(report)
    results = [
        _result(document, finding, rule_index, artifact_index[document.path], lang)
        for document in report.documents
        for finding in document.findings
    ]
    driver: dict[str, Any] = {
        "name": "audit",
        "fullName": f"audit {audit.__version__}",
        "version": audit.__version__,
        "semanticVersion": audit.__version__,
    }
    information_uri = project_uri()
    if information_uri is not None:
        driver["informationUri"] = information_uri
    driver["rules"] = [_rule(rule, lang) for rule in rules]
    run = {
        "tool": {"driver": driver},
        "language": "en-US" if lang == "en" else "zh-CN",
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "properties": {"offsets": OFFSETS, "offsetsNote": _OFFSETS_NOTE["en" if lang == "en" else "zh"]},
    }
    log = {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2, default=str) + "\n"


# ---------------------------------------------------------------- shared helpers


def artifact_uri(path: str) -> str:
    """``path`` as a URI reference: a relative path stays relative (``/``-separated, percent-encoded),
    an absolute one becomes a ``file:`` URI."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    relative = path.replace(os.sep, "/") if os.sep != "/" else path
    return quote(relative, safe="/", errors="surrogateescape")


@lru_cache(maxsize=1)
def project_uri() -> str | None:
    """The project's documentation or home page from the installed package metadata, if it names one."""
    from importlib import metadata

    try:
        urls = metadata.metadata("report-audit").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    found: dict[str, str] = {}
    for entry in urls:
        label, _, url = entry.partition(",")
        found.setdefault(label.strip().lower(), url.strip())
    for key in _PROJECT_URL_KEYS:
        if found.get(key, "").startswith(("https://", "http://")):
            return found[key]
    return None


# ------------------------------------------------------------------------ pieces


def _rule(rule: Rule, lang: str) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title_en if lang == "en" else rule.title_zh},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.category.value], "category": rule.category.value},
    }


def _artifacts(report: AuditReport) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """One artifact per distinct input, with its status; and each path's index among them."""
    artifacts: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for document in report.documents:
        if document.path in index:
            continue
        index[document.path] = len(artifacts)
        properties: dict[str, Any] = {"status": document.status.value, "reportYear": document.report_year}
        if document.format is not None:
            properties["format"] = document.format
        artifacts.append(
            {
                "location": {"uri": artifact_uri(document.path)},
                "roles": ["analysisTarget"],
                "properties": properties,
            }
        )
    return artifacts, index


def _result(
    document: DocumentResult, finding: Finding, rule_index: dict[str, int], artifact: int, lang: str
) -> dict[str, Any]:
    artifact_location = {"uri": artifact_uri(document.path), "index": artifact}
    result: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    result["level"] = LEVELS[finding.severity]
    result["message"] = {"text": finding.message(lang)}
    if finding.evidence:
        first, *others = finding.evidence
        result["locations"] = [_location(artifact_location, first)]
        if others:
            word = "evidence" if lang == "en" else "证据"
            result["relatedLocations"] = [
                {"id": i, **_location(artifact_location, e), "message": {"text": f"{word} {i + 1}"}}
                for i, e in enumerate(others, start=1)
            ]
    else:
        result["locations"] = [{"physicalLocation": {"artifactLocation": artifact_location}}]
    result["partialFingerprints"] = {"auditFinding/v1": _fingerprint(document.path, finding)}
    result["properties"] = {
        "category": finding.category.value,
        "name": finding.name,
        "severity": finding.severity.value,
        "expected": finding.expected,
        "observed": finding.observed,
        "arithmetic": finding.arithmetic,
    }
    return result


def _location(artifact_location: dict[str, Any], e: Evidence) -> dict[str, Any]:
    region: dict[str, Any] = {}
    if e.region is not None:  # endColumn is the column just after the span, as SARIF defines it
        region.update(zip(("startLine", "startColumn", "endLine", "endColumn"), e.region))
    region.update(
        charOffset=e.start,
        charLength=e.end - e.start,
        snippet={"text": e.text},
        properties={"offsets": OFFSETS},
    )
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact_location, "region": region}}
    properties = {
        key: value
        for key, value in (("page", e.page), ("table", e.table), ("row", e.row), ("column", e.column))
        if value is not None
    }
    if properties:
        location["properties"] = properties
    return location


def _fingerprint(path: str, finding: Finding) -> str:
    """Stable across runs while the rule and its quoted evidence stay the same."""
    parts = [path, finding.rule, *(e.text for e in finding.evidence)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
