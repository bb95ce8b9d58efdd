"""Baselines: accept the findings a batch has today, report only new ones.

``write_baseline(report, path)`` records a fingerprint of every finding;
``filter_baseline(report, path)`` drops the findings whose fingerprint the
baseline holds, by count (two identical findings in a document and one in the
baseline leave one).

A fingerprint is built from

* the document's path, relative to the folder of the baseline file (POSIX
  separators). A path, not the issuer and report year: two of the five
  samples name no issuer the extractor can read, an agency's department and
  county reports share an issuer and a year, and both values come from
  extraction, which improves between versions; the path is what the user
  named and what stays put while the document is edited. Relative to the
  baseline file rather than the current directory, so that the same
  committed baseline works whether the command runs from the repository root
  or from a subfolder (a document given as ``-`` keeps its name, ``<stdin>``);
* the rule id;
* the texts of the evidence, whitespace removed, in order, with the table,
  row and column of a table cell. Never offsets or line numbers: a paragraph
  inserted above a finding does not change it. Never the message either, so
  rewording a message in a new version keeps the baseline valid.

A grouped finding (e.g. PLH002, every blank of a document in one finding)
that has lost evidence since the baseline (a blank was filled in) is still
covered by its baseline entry; one that gained evidence (a new blank) is new
and is reported whole.

Input findings (INP*: a document that could not be read or processed) are
never written to a baseline and never filtered: an unreadable report must not
pass unseen.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from audit.errors import BilingualError
from audit.fileio import write_atomic
from audit.model import AuditReport, Category, Evidence, Finding

VERSION = 1
_SPACE = re.compile(r"\s+")


class BaselineError(BilingualError):
    """A baseline file that is missing, unreadable or malformed; ``str()`` gives both languages."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One fingerprint of a baseline and how many findings carry it."""

    document: str
    rule: str
    evidence: tuple[tuple[tuple[str, str], ...], ...]  # each evidence as sorted (key, value) pairs
    count: int

    @property
    def fingerprint(self) -> str:
        return _fingerprint(self.document, self.rule, self.evidence)


# ----------------------------------------------------------------- fingerprints


def document_key(path: str, base: Path) -> str:
    """The document's identity in a baseline whose file is in ``base`` (see the module doc)."""
    if not os.path.exists(path):  # <stdin>, or a path that could not be read
        return Path(path).as_posix()
    try:
        relative = os.path.relpath(os.path.realpath(path), os.path.realpath(base))
    except ValueError:  # another drive (Windows)
        relative = os.path.realpath(path)
    return Path(relative).as_posix()


def _evidence_key(evidence: Evidence) -> tuple[tuple[str, str], ...]:
    key = {"text": _SPACE.sub("", evidence.text)}
    if evidence.table is not None:
        key.update(table=evidence.table, row=evidence.row or "", column=evidence.column or "")
    return tuple(sorted(key.items()))


def _finding_key(finding: Finding) -> tuple[tuple[tuple[str, str], ...], ...]:
    return tuple(_evidence_key(e) for e in finding.evidence)


def _fingerprint(document: str, rule: str, evidence: tuple[tuple[tuple[str, str], ...], ...]) -> str:
    payload = json.dumps([document, rule, [dict(e) for e in evidence]], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def _baselined(finding: Finding) -> bool:
    return finding.category is not Category.INPUT


# ------------------------------------------------------------------ writing


def write_baseline(report: AuditReport, path: Path) -> int:
    """Write the fingerprints of ``report``'s findings to ``path`` (JSON); return how many findings it holds."""
    path = Path(path)
    base = path.resolve().parent
    counts: Counter[tuple[str, str, tuple]] = Counter()
    names: dict[str, str] = {}
    for result in report.documents:
        document = document_key(result.path, base)
        for finding in [*result.findings, *result.baselined]:  # what a baseline already hides stays in it
            if _baselined(finding):
                counts[(document, finding.rule, _finding_key(finding))] += 1
                names[finding.rule] = finding.name
    entries = [Entry(document, rule, evidence, n) for (document, rule, evidence), n in counts.items()]
    entries.sort(key=lambda e: (e.document, e.rule, e.fingerprint))
    payload = {
        "version": VERSION,
        "findings": [
            {
                "fingerprint": e.fingerprint,
                "document": e.document,
                "rule": e.rule,
                "name": names[e.rule],
                "count": e.count,
                "evidence": [dict(item) for item in e.evidence],
            }
            for e in entries
        ],
    }
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    try:
        base.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
    except OSError as exc:
        raise BaselineError(
            f"无法写入基线文件 {path}：{exc.strerror or exc}", f"cannot write the baseline file {path}: {exc.strerror or exc}"
        ) from None
    return sum(e.count for e in entries)


# ------------------------------------------------------------------ reading


def read_baseline(path: Path) -> list[Entry]:
    """The entries of a baseline file; a missing or malformed file is a ``BaselineError``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(
            f"基线文件不存在：{path}（请先生成基线）",
            f"baseline file not found: {path} (write the baseline first)",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"无法读取基线文件 {path}：{exc}", f"cannot read the baseline file {path}: {exc}") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise BaselineError(f"基线文件 {path} 不是有效的 JSON：{exc}", f"baseline file {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(
            f"基线文件 {path} 格式不对：应为 version {VERSION} 且含 findings 列表",
            f"baseline file {path} is malformed: expected version {VERSION} and a findings list",
        )
    return [_entry(item, k, path) for k, item in enumerate(data["findings"])]


def _entry(item: Any, k: int, path: Path) -> Entry:
    def bad(what_zh: str, what_en: str) -> BaselineError:
        return BaselineError(
            f"基线文件 {path} 第 {k + 1} 条记录格式不对：{what_zh}",
            f"baseline file {path}, entry {k + 1} is malformed: {what_en}",
        )

    if not isinstance(item, dict):
        raise bad("应为对象", "not an object")
    for key in ("document", "rule", "fingerprint"):
        if not isinstance(item.get(key), str):
            raise bad(f"缺少字符串字段 {key}", f"no string field {key}")
    count = item.get("count")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise bad("count 应为正整数", "count must be a positive integer")
    evidence = item.get("evidence")
    if not isinstance(evidence, list) or not all(
        isinstance(e, dict) and isinstance(e.get("text"), str) and all(isinstance(v, str) for v in e.values())
        for e in evidence
    ):
        raise bad("evidence 应为含 text 的对象列表", "evidence must be a list of objects with a text")
    entry = Entry(item["document"], item["rule"], tuple(tuple(sorted(e.items())) for e in evidence), count)
    if entry.fingerprint != item["fingerprint"]:
        raise bad("fingerprint 与记录内容不符（文件被手工修改过？）", "the fingerprint does not match the entry (edited by hand?)")
    return entry


# ---------------------------------------------------------------- filtering


class Baseline:
    """A baseline file read once, to filter the findings of one document at a time."""

    def __init__(self, path: Path) -> None:
        path = Path(path)
        self.base = path.resolve().parent
        # (document, rule) → [(evidence, count), …]
        self.entries: dict[tuple[str, str], list[tuple[Any, int]]] = {}
        for entry in read_baseline(path):
            self.entries.setdefault((entry.document, entry.rule), []).append((entry.evidence, entry.count))

    def filter(self, path: str, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(the findings of the document at ``path`` that the baseline does not hold, those it holds), by count."""
        document = document_key(path, self.base)
        remaining: dict[str, list[list[Any]]] = {}  # rule → [[evidence, count left], …], fresh for each document
        keyed = [(k, f.rule, _finding_key(f)) for k, f in enumerate(findings) if _baselined(f)]
        dropped: set[int] = set()
        # First the exact fingerprints, then grouped findings that lost evidence since (a sub-multiset of an entry).
        for exact in (True, False):
            for place, rule, evidence in keyed:
                if place in dropped:
                    continue
                if rule not in remaining:
                    remaining[rule] = [[e, n] for e, n in self.entries.get((document, rule), ())]
                for slot in remaining[rule]:
                    if slot[1] > 0 and (slot[0] == evidence if exact else _within(evidence, slot[0])):
                        slot[1] -= 1
                        dropped.add(place)
                        break
        kept = [f for k, f in enumerate(findings) if k not in dropped]
        return kept, [f for k, f in enumerate(findings) if k in dropped]


def filter_baseline(report: AuditReport, path: Path) -> AuditReport:
    """``report`` without the findings the baseline at ``path`` holds (by count); ``report`` is left as it was."""
    baseline = Baseline(path)
    documents = []
    for result in report.documents:
        kept, hidden = baseline.filter(result.path, result.findings)
        documents.append(replace(result, findings=kept, baselined=[*result.baselined, *hidden]))
    return AuditReport(documents)


def _within(evidence: tuple, entry: tuple) -> bool:
    """Whether every piece of ``evidence`` is in ``entry`` (as multisets); an empty one is not."""
    return bool(evidence) and not Counter(evidence) - Counter(entry)


__all__ = ["Baseline", "BaselineError", "Entry", "document_key", "filter_baseline", "read_baseline", "write_baseline"]
