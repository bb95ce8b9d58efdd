"""The four stages run over a batch: ingest → extract → checks → (render, by the caller).

One bad document never stops the batch: an unreadable input becomes an INP001
finding on that input, a failure inside extraction an INP002 finding, and
every input keeps its place in the report; a document that takes longer
than the time limit to read and extract is stopped with an INP004 finding. A document read despite a problem
with the file (its suffix names another format: ingest's
``meta["ingest_warnings"]``) carries an INP003 warning for each.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from audit.checks.claims import build_tables
from audit.checks.kinds import Claim
from audit.checks.findings import from_claims, input_finding
from audit.extract import extract
from audit.ingest import DEFAULT_MAX_BYTES, IngestError, discover, load
from audit.model import AuditReport, Document, DocumentResult, Facts, Finding

DEFAULT_TIMEOUT = 60.0  # seconds per document to be read and extracted: the samples take well under one


def default_suites_dir() -> Path:
    """``expectations/`` shipped inside the wheel, else the source checkout's."""
    here = Path(__file__).resolve().parent
    packaged = here / "_expectations"
    return packaged if packaged.is_dir() else here.parent / "expectations"


def audit_paths(
    paths: Sequence[str],
    *,
    suites_dir: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int, str], None] | None = None,
    overrides: dict[str, dict[str, Any]] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> AuditReport:
    """Audit every input ``paths`` names (files, folders, globs, ``-``), in order.

    ``timeout`` bounds the seconds one document may take to be read and extracted
    (None: no bound); a document that runs over gets an INP004 finding.

    ``overrides`` (``{rule: {kwarg: value}}``, ``Config.overrides()``) replaces
    expectation kwargs of the suites for this run (see ``gx.load_suites``).

    ``progress(done, total, path)`` is called after each input is read (a caller's
    progress bar; the pipeline itself prints nothing).
    """
    inputs = discover(paths)
    results = []
    for done, path in enumerate(inputs, 1):
        results.append(_read(path, max_bytes, timeout))
        if progress is not None:
            progress(done, len(inputs), path)
    return _audit(results, suites_dir, overrides)


def audit_documents(
    documents: Sequence[Document],
    *,
    suites_dir: Path | None = None,
    overrides: dict[str, dict[str, Any]] | None = None,
) -> AuditReport:
    """Audit documents already in memory (the library entry point)."""
    return _audit([_extract(document) for document in documents], suites_dir, overrides)


def _audit(
    results: list[DocumentResult], suites_dir: Path | None, overrides: dict[str, dict[str, Any]] | None = None
) -> AuditReport:
    _check(results, suites_dir or default_suites_dir(), overrides)
    for result in results:
        result.findings.sort(key=_finding_order)
    return AuditReport(results)


def _read(path: str, max_bytes: int, timeout: float | None = None) -> DocumentResult:
    try:
        with _time_limit(timeout):
            try:
                document = load(path, max_bytes=max_bytes)
            except IngestError as exc:
                return DocumentResult(
                    path=path,
                    document=None,
                    findings=[input_finding("INP001", exc.message_zh, exc.message_en)],
                )
            return _extract(document)
    except _TimedOut:
        return DocumentResult(
            path=path,
            document=None,
            findings=[
                input_finding(
                    "INP004",
                    f"读取和提取超过 {timeout:g} 秒，已停止处理该文件（其余文件照常检查）",
                    f"reading and extraction took over {timeout:g} s and were stopped (the other files are audited)",
                )
            ],
        )


# ------------------------------------------------------------ time limits

class _TimedOut(BaseException):
    """Raised by the timer inside the document's reading; a BaseException, so that a
    reader's ``except Exception`` (which turns its failures into input errors) lets it pass."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``_TimedOut`` in this block after ``seconds`` (POSIX, main thread only; else no limit)."""
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TimedOut()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _extract(document: Document) -> DocumentResult:
    warnings = [input_finding("INP003", zh, en) for zh, en in document.meta.get("ingest_warnings", ())]
    try:
        facts = extract(document)
    except Exception as exc:  # noqa: BLE001 — any extractor bug is reported on its document
        kind = type(exc).__name__
        return DocumentResult(
            path=document.path,
            document=document,
            findings=[
                input_finding(
                    "INP002",
                    f"提取数据时出错（{kind}: {exc}），该文件的检查不完整",
                    f"extraction failed ({kind}: {exc}); this document was not fully checked",
                ),
                *warnings,
            ],
        )
    return DocumentResult(document.path, document, warnings, facts.report_year, facts)


def _check(
    results: list[DocumentResult], suites_dir: Path, overrides: dict[str, dict[str, Any]] | None = None
) -> None:
    from audit.checks import gx  # GX is heavy: imported only when there is something to check

    suites = gx.load_suites(suites_dir, overrides)
    batch: list[Facts | None] = [r.facts for r in results]
    tables = build_tables(batch)
    # Rejected claims, gathered per (rule, document, group) so a grouped kind gives one finding.
    groups: dict[tuple[str, int, Any], tuple[gx.Failure, list[Claim]]] = {}
    for failure in gx.validate(tables, suites):
        claim = failure.table.claims[failure.claim_id]
        kind = failure.table.kind
        key = kind.group(claim.fact) if kind.group else claim.id
        grouped = groups.setdefault((failure.meta["rule"], claim.doc, key), (failure, []))[1]
        if all(c.id != claim.id for c in grouped):  # one claim may fail two expectations of a rule
            grouped.append(claim)
    for (_, doc, _), (failure, claims) in groups.items():
        result = results[doc]
        assert result.document is not None
        result.findings.append(from_claims(failure.meta, failure.table.kind, claims, result.document))


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    start = finding.evidence[0].start if finding.evidence else -1
    return (start, -finding.severity.rank, finding.rule)
