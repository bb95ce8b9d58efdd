"""JUnit XML for CI test reports (Jenkins, GitLab, Azure Pipelines, GitHub test-report actions).

Shape: ``<testsuites>`` holds one ``<testsuite>`` per document (``name`` = its
path), and a suite holds one ``<testcase>`` per rule checked on that document:

- A readable document is checked against *every* rule of the registry
  (``audit/checks/registry.py``), the INP rules included (the file was read,
  processed, and its extension matches), so every suite has the same test
  cases and a dashboard's history compares like with like. A rule that found
  nothing is a passing test case.
- ``classname`` is the rule's category, ``name`` is ``"RULEID name"``.
- Each error or warning finding is one ``<failure>`` of its rule's test case
  (``type`` = severity, ``message`` = the finding's message, the text = the
  evidence quotes with their offsets, page and table cell, the arithmetic and
  the expected and observed values). A rule that fired twice is one failed
  test case with two ``<failure>`` elements. The ``failures`` attribute counts
  failed test cases, as JUnit consumers expect (passed = tests − failures −
  errors − skipped); the ``<failure>`` elements are one per finding.
- An info finding is not a failure and JUnit has no "info": its test case
  passes and the finding is written in that case's ``<system-out>``, where
  Jenkins and GitLab show it. Marking it ``<skipped>`` would claim the rule did
  not run, which is false.
- A document that could not be read or processed (status ``error``) was not
  checked: its suite holds one test case per input finding, with an
  ``<error>`` (INP001, INP002) or a ``<failure>`` (an INP003 warning).
- ``skipped`` is always 0: audit never skips a rule on a document it read.

Any document text is safe here: ElementTree escapes ``<``, ``&``, ``>`` and
quotes (so ``<script>`` and ``]]>`` stay text), and characters XML 1.0 forbids
(C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF)
are removed.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from audit.checks.registry import RULES
from audit.model import AuditReport, Category, DocumentResult, Evidence, Finding, Severity, Status
from audit.render.labels import labels

# Everything outside XML 1.0's Char production.
_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_WORDS = {
    "zh": {"offsets": "位置", "table": "表", "row": "行", "column": "列"},
    "en": {"offsets": "offsets", "table": "table", "row": "row", "column": "column"},
}


def render_junit(report: AuditReport, *, lang: str = "zh") -> str:
    root = ET.Element("testsuites", name="audit")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for document in report.documents:
        suite, counts = _suite(document, lang)
        root.append(suite)
        for key in totals:
            totals[key] += counts[key]
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def xml_text(value: Any) -> str:
    """``value`` as text XML 1.0 can carry: forbidden characters removed."""
    return _FORBIDDEN.sub("", value if isinstance(value, str) else str(value))


def _suite(document: DocumentResult, lang: str) -> tuple[ET.Element, dict[str, int]]:
    suite = ET.Element("testsuite", name=xml_text(document.path))
    properties = ET.SubElement(suite, "properties")
    info = {
        "status": document.status.value,
        "report_year": "" if document.report_year is None else str(document.report_year),
        "format": document.format or "",
    }
    for name, value in info.items():
        ET.SubElement(properties, "property", name=name, value=xml_text(value))
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if document.status is Status.ERROR:
        cases = [(f.rule, f.name, f.category.value, [f]) for f in document.findings if f.category is Category.INPUT]
    else:
        by_rule: dict[str, list[Finding]] = {}
        for finding in document.findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        cases = [(r.id, r.name, r.category.value, by_rule.pop(r.id, [])) for r in RULES.values()]
        # A finding of a rule the registry does not list still gets its own test case.
        cases += [(rule, fs[0].name, fs[0].category.value, fs) for rule, fs in by_rule.items()]
    for rule, name, category, findings in cases:
        case = ET.SubElement(
            suite, "testcase", classname=category, name=xml_text(f"{rule} {name}"), file=xml_text(document.path)
        )
        counts["tests"] += 1
        failed = errored = False
        notes = []
        for finding in findings:
            if finding.severity is Severity.INFO:
                notes.append(_details(finding, lang, with_message=True))
                continue
            unreadable = document.status is Status.ERROR and finding.severity is Severity.ERROR
            element = ET.SubElement(
                case,
                "error" if unreadable else "failure",
                message=xml_text(finding.message(lang)),
                type=finding.severity.value,
            )
            element.text = xml_text(_details(finding, lang))
            errored |= unreadable
            failed |= not unreadable
        if notes:
            ET.SubElement(case, "system-out").text = xml_text("\n\n".join(notes))
        if errored:
            counts["errors"] += 1
        elif failed:
            counts["failures"] += 1
    for key, value in counts.items():
        suite.set(key, str(value))
    return suite, counts


def _details(finding: Finding, lang: str, *, with_message: bool = False) -> str:
    """What a reader needs to check the finding: quotes and where they are, the arithmetic, the values."""
    L = labels(lang)
    lines = [f"{finding.rule} {finding.name} · {finding.severity.value}"]
    if with_message:
        lines.append(finding.message(lang))
    for i, e in enumerate(finding.evidence, start=1):
        lines.append(f"{L['evidence']} {i}: 「{e.text}」 ({_where(e, lang)})")
    if finding.arithmetic:
        lines.append(f"{L['arithmetic']}: {finding.arithmetic}")
    if finding.expected is not None or finding.observed is not None:
        lines.append(f"{L['expected']}: {plain(finding.expected)} · {L['observed']}: {plain(finding.observed)}")
    return "\n".join(lines)


def _where(e: Evidence, lang: str) -> str:
    words = _WORDS["en" if lang == "en" else "zh"]
    parts = [f"{words['offsets']} {e.start}–{e.end}"]
    if e.page is not None:
        parts.append(labels(lang)["page"].format(e.page))
    if e.table is not None:
        parts.append(f"{words['table']} {e.table} · {words['row']} {e.row} · {words['column']} {e.column}")
    return " · ".join(parts)


def plain(value: Any) -> str:
    """An expected/observed value as text: empty for None, JSON for lists and mappings."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, default=str)
