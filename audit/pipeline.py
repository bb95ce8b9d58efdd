"""The four stages run over a batch: ingest → extract → checks → (render, by the caller).

One bad document never stops the batch: an unreadable input becomes an INP001
finding on that input, a failure inside extraction an INP002 finding, and
every input keeps its place in the report; a document that takes longer
than the time limit to read and extract is stopped with an INP004 finding. A document read despite a problem
with the file (its suffix names another format: ingest's
``meta["ingest_warnings"]``) carries an INP003 warning for each.

**Chunks.** A batch is audited in chunks of ``chunk_size`` documents, in
order: each chunk is read and extracted, its claim tables are validated by GX
(one run per claim table per chunk), and each document is handed to the
caller's ``Finisher`` (configuration and baseline applied, page written) while
its text and facts are still in memory; with ``keep=False`` they are then let
go (``DocumentResult.release``), so memory stays bounded by the chunk whatever
the size of the batch. What the claims across reports need of each document
(``years.Digest``, a few kilobytes) is kept for the whole run. A chunk checks
the pairs of reports (this year's, last year's of the same body) it holds both
of, while their facts are in memory; once the run is read, the pairs no chunk
held are checked (one more GX run) and a pair that a later chunk made ambiguous
is withdrawn (``_across``). Only a document whose findings change then is read
again, to quote its evidence and rewrite its page: with an archive laid out by
body, hardly any.

**Jobs.** With ``jobs > 1`` chunks run in worker processes, forked after GX
is imported and the suites are loaded, so GX is imported once (where fork is
not available, each worker imports it once). Results come back in input order
whatever order the workers finish in, so the output does not depend on
``jobs``. A batch read from stdin runs in this process.
"""

from __future__ import annotations

import bisect
import gc
import math
import multiprocessing
import os
import pickle
import signal
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Callable, Iterator, Protocol, Sequence

from audit.checks.claims import ACROSS_KINDS, build_across_tables, build_tables
from audit.checks.findings import from_claims, input_finding
from audit.checks.kinds import Claim
from audit.checks.years import Digest, digest, previous_reports
from audit.extract import extract
from audit.ingest import DEFAULT_MAX_BYTES, STDIN, STDIN_NAME, IngestError, discover, input_name, load
from audit.model import AuditReport, Document, DocumentResult, Facts, Finding

DEFAULT_TIMEOUT = 60.0  # seconds per document to be read and extracted: the samples take well under one
DEFAULT_CHUNK = 500  # documents per chunk: GX's fixed cost per run (~0.3 s) is ~0.6 ms a document


def default_suites_dir() -> Path:
    """``expectations/`` shipped inside the wheel, else the source checkout's."""
    here = Path(__file__).resolve().parent
    packaged = here / "_expectations"
    return packaged if packaged.is_dir() else here.parent / "expectations"


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Finisher(Protocol):
    """What the caller does with each document while its text and facts are in memory.

    ``filter`` returns the findings to report and those a baseline hides (it may
    change severities); ``write`` writes the document's page. Both run in the
    worker process that audited the document, so a finisher must pickle.
    """

    def filter(self, path: str, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]: ...

    def write(self, result: DocumentResult) -> None: ...


@dataclass
class Timings:
    """Seconds spent in each stage, added up over the processes that did the work."""

    ingest: float = 0.0
    extract: float = 0.0
    checks: float = 0.0
    render: float = 0.0

    def add(self, other: Timings) -> None:
        for stage in fields(self):
            setattr(self, stage.name, getattr(self, stage.name) + getattr(other, stage.name))

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            setattr(self, name, getattr(self, name) + time.perf_counter() - start)


@dataclass(frozen=True)
class _Run:
    """What every chunk of a run needs (inherited by forked workers, pickled to spawned ones)."""

    suites_dir: Path
    overrides: dict[str, dict[str, Any]] | None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float | None = DEFAULT_TIMEOUT
    finish: Finisher | None = None
    keep: bool = True


@dataclass(frozen=True)
class Packed:
    """Results pickled where they were audited: a worker's chunk reaches the run's store as these bytes.

    The parent stores them as they are instead of unpickling a chunk to pickle it again
    (~0.2 ms a document of the parent's time, which the workers' cores pay for).
    """

    data: bytes
    count: int

    @classmethod
    def of(cls, results: Sequence[DocumentResult]) -> Packed:
        return cls(pickle.dumps(list(results), protocol=pickle.HIGHEST_PROTOCOL), len(results))


@dataclass
class _Chunk:
    results: list[DocumentResult] | Packed  # Packed: a worker's chunk of a run that lets its results go
    digests: list[Digest | None]
    pairs: list[tuple[int, int]]  # the claims across reports checked in the chunk: (this, last), chunk indices
    timings: Timings = field(default_factory=Timings)


def audit_paths(
    paths: Sequence[str],
    *,
    suites_dir: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int, str], None] | None = None,
    overrides: dict[str, dict[str, Any]] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK,
    finish: Finisher | None = None,
    keep: bool = True,
    timings: Timings | None = None,
) -> AuditReport:
    """Audit every input ``paths`` names (files, folders, globs, ``-``), in order.

    ``timeout`` bounds the seconds one document may take to be read and extracted
    (None: no bound); a document that runs over gets an INP004 finding.

    ``overrides`` (``{rule: {kwarg: value}}``, ``Config.overrides()``) replaces
    expectation kwargs of the suites for this run (see ``gx.load_suites``).

    ``jobs`` worker processes audit chunks of ``chunk_size`` documents; ``finish``
    sees each document while it is in memory, and ``keep=False`` lets go of the
    texts and facts after it (see the module doc). ``timings``, when given, gets
    the seconds spent per stage added to it.

    ``progress(done, total, path)`` is called as inputs are audited (a caller's
    progress bar; the pipeline itself prints nothing): after each document when
    one process does the work, after each chunk otherwise.
    """
    inputs = discover(paths)
    run = _Run(suites_dir or default_suites_dir(), overrides, max_bytes, timeout, finish, keep)
    suites = _load_suites(run)
    size = _chunk_size(len(inputs), jobs, chunk_size)
    chunks = [inputs[i : i + size] for i in range(0, len(inputs), size)]
    total = timings if timings is not None else Timings()
    results: list[DocumentResult] | StoredResults = [] if keep else StoredResults()
    digests: list[Digest | None] = []
    in_process = jobs <= 1 or len(chunks) <= 1 or STDIN in inputs
    with tuned_collector(), _workers(run, suites, 1 if in_process else min(jobs, len(chunks))) as pool:
        checked: set[tuple[int, int]] = set()
        for chunk in _chunks(pool, chunks, run, suites, progress, len(inputs)):
            offset = len(results)
            checked.update((offset + this, offset + last) for this, last in chunk.pairs)
            results.extend(chunk.results)
            digests += chunk.digests
            total.add(chunk.timings)
            if progress is not None and pool is not None:
                progress(len(results), len(inputs), inputs[len(results) - 1])
        _across(results, digests, checked, run, suites, total, pool)
    return AuditReport(results)


def _chunk_size(count: int, jobs: int, most: int) -> int:
    """Documents per chunk: at most ``most``, and as many chunks as fit the ``jobs`` evenly.

    The chunks come in rounds of one per worker, so no worker is left with a chunk
    more than the others at the end: 2,500 documents on 2 workers are 6 chunks of
    ~417, not 5 of 500 (the fifth a round of its own, on one core).
    """
    if count <= 0:
        return 1
    workers = max(1, jobs)
    rounds = math.ceil(count / (workers * max(1, most)))
    return max(1, math.ceil(count / (workers * rounds)))


def audit_documents(
    documents: Sequence[Document],
    *,
    suites_dir: Path | None = None,
    overrides: dict[str, dict[str, Any]] | None = None,
) -> AuditReport:
    """Audit documents already in memory (the library entry point): one chunk, nothing let go."""
    run = _Run(suites_dir or default_suites_dir(), overrides)
    suites = _load_suites(run)
    timings = Timings()
    chunk = _audit_chunk([_extract(document) for document in documents], run, suites, timings)
    _across(chunk.results, chunk.digests, set(chunk.pairs), run, suites, timings, None)
    return AuditReport(chunk.results)


# ------------------------------------------------------------------ chunks


class StoredResults(Sequence[DocumentResult]):
    """The released results of a streamed run, kept in a temporary file a chunk at a time.

    What stays in memory per document is an offset: a run of 50,000 documents holds
    one chunk of results at a time however often the outputs read them (each
    pass reads the file once, ~50 µs a document). A result replaced after it was
    stored (the claims across reports) is kept in memory.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="audit-results-")
        self._chunks: list[tuple[int, int]] = []  # (offset, bytes) of each chunk
        self._firsts: list[int] = []  # index of each chunk's first document
        self._count = 0
        self._replaced: dict[int, DocumentResult] = {}
        self._cached: tuple[int, list[DocumentResult]] | None = None

    def extend(self, results: Sequence[DocumentResult] | Packed) -> None:
        packed = results if isinstance(results, Packed) else Packed.of(results)
        if not packed.count:
            return
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(packed.data)
        self._chunks.append((offset, len(packed.data)))
        self._firsts.append(self._count)
        self._count += packed.count

    def _chunk(self, k: int) -> list[DocumentResult]:
        if self._cached is None or self._cached[0] != k:
            offset, size = self._chunks[k]
            self._file.seek(offset)
            self._cached = (k, pickle.loads(self._file.read(size)))
        return self._cached[1]

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> DocumentResult:  # type: ignore[override]
        if not isinstance(index, int):
            raise TypeError("stored results are read one by one or in order")
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        if index in self._replaced:
            return self._replaced[index]
        k = bisect.bisect_right(self._firsts, index) - 1
        return self._chunk(k)[index - self._firsts[k]]

    def __setitem__(self, index: int, result: DocumentResult) -> None:
        self._replaced[index] = result

    def __iter__(self) -> Iterator[DocumentResult]:
        for k, first in enumerate(self._firsts):
            for i, result in enumerate(self._chunk(k), first):
                yield self._replaced.get(i, result)

_state: tuple[_Run, Any] | None = None  # (run, suites) of the chunks this process audits


def _load_suites(run: _Run) -> Any:
    from audit.checks import gx  # GX is heavy: imported only when there is something to check

    return gx.load_suites(run.suites_dir, run.overrides)


_tuned = 0  # how many tuned_collector blocks this process is in


@contextmanager
def tuned_collector() -> Iterator[None]:
    """Python's cycle collector set for a batch, and set back after it.

    What is loaded by then (GX, pandas, the suites: ~200 MB of objects) is frozen out of
    the collections, and they run after 100,000 allocations instead of 700: extraction
    allocates millions of small objects that reference counting frees, and each
    collection walked them all (measured: ~20% of a run's time). A forked worker inherits
    both, and a frozen object's page is not copied by a collection touching it. Only the young
    generations are collected before the freeze: a full collection then finds nothing (the
    collector has run all through the imports) and costs ~0.1 s of each ``audit check``.

    ``audit_paths`` runs in one; a caller that goes on to render the batch's outputs
    (reading the stored results back allocates as much again) holds one around both, as
    ``audit check`` does. A block inside another freezes what was loaded since (GX is
    imported inside the run) and leaves the setting to the outer one.
    """
    global _tuned
    threshold = gc.get_threshold()
    gc.collect(1)
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    _tuned += 1
    try:
        yield
    finally:
        _tuned -= 1
        if not _tuned:
            gc.set_threshold(*threshold)
            gc.unfreeze()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cycle collection while a chunk is audited; one of the young objects after it.

    What a chunk allocates lives until the chunk is done (each document's facts, until its
    page is written), so a collection during it walked objects that all survived it (measured
    on 1,000 generated documents: 8 collections of ~45 ms each, 4% of the time, for 7,250
    unreachable objects in all). Paused, they are freed by reference counting once the chunk
    lets them go, and the collection after finds the few cycles among what is left.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)


@contextmanager
def _workers(run: _Run, suites: Any, jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """``jobs`` worker processes for the run (None: this process does the work)."""
    global _state
    if jobs <= 1:
        yield None
        return
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    _state = (run, suites)  # a forked worker starts with it: GX imported and the suites loaded
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(None if fork else run,)
    )
    try:
        yield pool
    except BaseException:
        # Ctrl-C, or a failure: the chunks not started are dropped; those running end (their pages
        # are written whole: workers ignore SIGINT), so no half-written file is left behind.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        _state = None


def _chunks(
    pool: ProcessPoolExecutor | None,
    chunks: list[list[str]],
    run: _Run,
    suites: Any,
    progress: Callable[[int, int, str], None] | None,
    total: int,
) -> Iterator[_Chunk]:
    """The audited chunks, in order: here, or in the worker processes."""
    if pool is not None:
        yield from pool.map(_audit_paths_chunk, chunks)
        return
    done = 0
    for paths in chunks:
        timings = Timings()
        results = []
        with _collector_paused():
            for path in paths:
                results.append(_read(path, run, timings))
                done += 1
                if progress is not None:
                    progress(done, total, path)
            chunk = _audit_chunk(results, run, suites, timings)
        yield chunk


def _start_worker(run: _Run | None) -> None:
    """Worker set-up: a spawned worker loads the suites itself; Ctrl-C is left to the parent."""
    global _state
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if run is not None:
        _state = (run, _load_suites(run))


def _audit_paths_chunk(paths: list[str]) -> _Chunk:
    """One chunk in a worker process."""
    assert _state is not None, "worker started without its run"
    run, suites = _state
    timings = Timings()
    with _collector_paused():
        chunk = _audit_chunk([_read(path, run, timings) for path in paths], run, suites, timings)
        if not run.keep:
            assert isinstance(chunk.results, list)
            chunk.results = Packed.of(chunk.results)
    return chunk


def _audit_chunk(results: list[DocumentResult], run: _Run, suites: Any, timings: Timings) -> _Chunk:
    """Check a chunk of extracted documents, finish each, and let go of them unless the run keeps them."""
    from audit.checks import gx

    with timings.stage("checks"):
        # The claims across reports of this chunk's own pairs are checked here, while both facts are in
        # memory; the run checks the others at the end (``_across``).
        digests = [digest(r.facts) for r in results]
        pairs = previous_reports(digests)
        tables = {**build_tables([r.facts for r in results]), **build_across_tables(digests, pairs)}
        for doc, found in _rejected(gx.validate(tables, suites)).items():
            result = results[doc]
            assert result.document is not None and result.facts is not None
            result.findings += [
                _finding(f.meta, f.table.kind, claims, result.document, result.facts, digests) for f, claims in found
            ]
    with timings.stage("render"):
        for result in results:
            result.findings.sort(key=_finding_order)
            _finish(result, run)
    return _Chunk(results, digests, pairs, timings)


def _finding(
    meta: dict[str, Any], kind: Any, claims: list[Claim], document: Document, facts: Facts, digests: Any
) -> Finding:
    """One finding from rejected claims; a claim across reports is first completed from the facts."""
    if kind.resolve is not None:
        claims = [replace(c, fact=kind.resolve(c.fact, facts, digests)) for c in claims]
    return from_claims(meta, kind, claims, document)


def _finish(result: DocumentResult, run: _Run) -> None:
    """Hand a checked document to the run's finisher, then let go of it unless the run keeps it."""
    if run.finish is not None:
        result.findings, hidden = run.finish.filter(result.path, result.findings)
        result.baselined += hidden
        run.finish.write(result)
    if not run.keep and result.path != STDIN_NAME:  # what stdin held cannot be read again
        result.release()


def _rejected(failures: list[Any]) -> dict[int, list[tuple[Any, list[Claim]]]]:
    """Rejected claims by document: one (failure, claims) per rule and group, so a grouped kind gives one finding."""
    groups: dict[tuple[str, int, Any], tuple[Any, list[Claim]]] = {}
    for failure in failures:
        claim = failure.table.claims[failure.claim_id]
        kind = failure.table.kind
        key = kind.group(claim.fact) if kind.group else claim.id
        grouped = groups.setdefault((failure.meta["rule"], claim.doc, key), (failure, []))[1]
        if all(c.id != claim.id for c in grouped):  # one claim may fail two expectations of a rule
            grouped.append(claim)
    by_doc: dict[int, list[tuple[Any, list[Claim]]]] = {}
    for (_, doc, _), found in groups.items():
        by_doc.setdefault(doc, []).append(found)
    return by_doc


# ------------------------------------------------------- across reports


def _across(
    results: list[DocumentResult] | StoredResults,
    digests: list[Digest | None],
    checked: set[tuple[int, int]],
    run: _Run,
    suites: Any,
    timings: Timings,
    pool: ProcessPoolExecutor | None,
) -> None:
    """Settle the claims across reports once the whole run's digests are known.

    The chunks checked the pairs they held both reports of (``checked``). Here the
    run's pairs are made from every digest: a pair no chunk held is checked now (one
    GX validation per claim table), and a pair a chunk checked that the run does
    not make (a third report of the body turned up in another chunk, so which one
    continues last year's is unknown) has its findings withdrawn. A document whose
    findings change is described and its page written again, read again if it was
    let go (in the workers when there are any); one that cannot be read gets an
    INP002 finding instead.
    """
    from audit.checks import gx

    with timings.stage("checks"):
        final = previous_reports(digests)
        pending = [pair for pair in final if pair not in checked]
        withdrawn = {this for this, last in checked - set(final)}
        rejected = _rejected(gx.validate(build_across_tables(digests, pending), suites)) if pending else {}
    rules = frozenset(
        e.meta["rule"] for name, table in suites.items() if name in ACROSS_KINDS for e in table.suite.expectations
    )
    previous = dict(final)  # this report → last year's: the one digest resolving its claims reads
    tasks = []
    for doc in sorted(set(rejected) | withdrawn):
        result = results[doc]
        withdraw = doc in withdrawn and any(f.rule in rules for f in [*result.findings, *result.baselined])
        if doc not in rejected and not withdraw:
            continue
        # What the claims of one document need, small enough to send to a worker.
        rejections = [(f.meta, f.table.kind.name, claims) for f, claims in rejected.get(doc, [])]
        last = {previous[doc]: digests[previous[doc]]} if doc in previous else {}
        tasks.append(_AcrossTask(doc, result, rejections, last, rules if withdraw else frozenset()))
    if pool is None:
        outcomes = [_report_across(task, run, Timings()) for task in tasks]
    else:
        outcomes = list(pool.map(_report_across_in_worker, tasks, chunksize=16))
    for task, (result, spent) in zip(tasks, outcomes):
        results[task.doc] = result
        timings.add(spent)


@dataclass
class _AcrossTask:
    doc: int
    result: DocumentResult
    rejections: list[tuple[dict[str, Any], str, list[Claim]]]  # (expectation meta, claim kind, claims)
    digests: dict[int, Digest | None]  # last year's report's digest, by its index (not the whole run's)
    withdraw: frozenset[str] = frozenset()  # rules whose findings a chunk reported and the run withdraws


def _report_across_in_worker(task: _AcrossTask) -> tuple[DocumentResult, Timings]:
    assert _state is not None, "worker started without its run"
    return _report_across(task, _state[0], Timings())


def _report_across(task: _AcrossTask, run: _Run, timings: Timings) -> tuple[DocumentResult, Timings]:
    """The document's findings from the claims across reports: described, filtered, and on its page."""
    from audit.checks.claims import KINDS

    result = task.result
    document, facts = result.document, result.facts
    if document is None or facts is None:
        again = _read(result.path, run, timings)
        document, facts = again.document, again.facts
    with timings.stage("checks"):
        try:
            if document is None or facts is None:
                raise RuntimeError("the document could not be read again")
            new = [
                _finding(meta, KINDS[name], claims, document, facts, task.digests)
                for meta, name, claims in task.rejections
            ]
        except Exception as exc:  # noqa: BLE001 — the file changed since it was read, say
            new = [_extract_failed(exc)]
    with timings.stage("render"):
        if task.withdraw:
            result.findings = [f for f in result.findings if f.rule not in task.withdraw]
            result.baselined = [f for f in result.baselined if f.rule not in task.withdraw]
        if run.finish is not None:
            new, hidden = run.finish.filter(result.path, new)
            result.baselined += hidden
        result.findings = sorted(result.findings + new, key=_finding_order)
        if run.finish is not None and (new or task.withdraw):
            kept = result.document, result.facts
            result.document, result.facts = document, facts
            run.finish.write(result)
            result.document, result.facts = kept
    return result, timings


# ------------------------------------------------------------ documents


def _read(path: str, run: _Run, timings: Timings) -> DocumentResult:
    timeout = run.timeout
    try:
        with _time_limit(timeout):
            try:
                with timings.stage("ingest"):
                    document = load(path, max_bytes=run.max_bytes)
            except IngestError as exc:
                return DocumentResult(
                    path=input_name(path),
                    document=None,
                    findings=[input_finding("INP001", exc.message_zh, exc.message_en)],
                )
            with timings.stage("extract"):
                return _extract(document)
    except _TimedOut:
        return DocumentResult(
            path=input_name(path),
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


def _extract_failed(exc: Exception) -> Finding:
    kind = type(exc).__name__
    return input_finding(
        "INP002",
        f"提取数据时出错（{kind}: {exc}），该文件的检查不完整",
        f"extraction failed ({kind}: {exc}); this document was not fully checked",
    )


def _extract(document: Document) -> DocumentResult:
    warnings = [input_finding("INP003", zh, en) for zh, en in document.meta.get("ingest_warnings", ())]
    try:
        facts = extract(document)
    except Exception as exc:  # noqa: BLE001 — any extractor bug is reported on its document
        return DocumentResult(path=document.path, document=document, findings=[_extract_failed(exc), *warnings])
    return DocumentResult(document.path, document, warnings, facts.report_year, facts)


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    start = finding.evidence[0].start if finding.evidence else -1
    return (start, -finding.severity.rank, finding.rule)
