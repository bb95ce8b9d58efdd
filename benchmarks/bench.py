"""End-to-end benchmarks of ``audit check`` on a generated corpus (``make bench``).

What is measured, each on this machine and in this run:

* ``gx_import`` — ``python -c "import great_expectations"``, best of 3: the floor
  every run pays once per process.
* ``latency`` — ``audit check ONE.txt`` (one generated document, HTML page and
  index written), best of 3, and its ratio to ``gx_import`` (target ≤ 2).
* ``throughput`` — ``audit check CORPUS --format json`` over ``--docs`` documents
  with their HTML pages, ``--repeat`` times (alternately) with ``--jobs 1`` and
  with every core, each run into a new folder (every page written, as by the first
  audit of a batch): documents per second from the median run (target ≥ 200 with
  every core of a 2-core machine; also the rate after start-up: the ``latency``
  run's seconds taken off), every run's seconds (a machine whose speed drifts
  shows it there), and the peak memory of the whole process tree over the runs
  (sum over the parent and its workers: RSS sampled every 0.1 s, which counts
  pages shared by forked workers once per process, and PSS every 1 s, which shares
  them out; ``TreeMemory``).
* ``rerun`` — the last run with every core once more, into its own folder: what
  auditing a batch again costs when its pages are already written.
* ``stages`` — the same corpus through the library in one process
  (``audit_paths`` with the CLI's finisher): seconds per stage (ingest,
  extract, GX validation and claim tables, rendering the pages) and ms per
  document, plus the index and JSON output.
* ``gx_per_chunk_size`` — GX validating chunks of 125 to 1,000 documents: ms per
  document (it must not grow with the chunk).
* ``memory`` — with ``--memory-docs N`` (e.g. 50000): ``audit check`` over N
  documents with every core, peak memory of the tree (target < 1 GB) and rate.

Results are printed as a table and written as JSON (``--json``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import generate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
AUDIT = [str(BIN / "audit")] if (BIN / "audit").exists() else [sys.executable, "-m", "audit"]


class TreeMemory:
    """Peak memory of a process and its children, sampled in a thread (psutil).

    RSS (``/proc/PID/statm``: cheap) every ``interval`` seconds; PSS, which the kernel
    computes by walking every page table of the process (~4 ms a process here), and the list
    of children, every ``slow_every`` samples. Sampling it all every 0.1 s took ~12% of a core
    and slowed the 2,000-document run by 5-7% (measured: 11.3-11.7 s against 10.3-11.1 s,
    alternated); this way the sampler costs under 1% of a core.
    """

    def __init__(self, pid: int, interval: float = 0.1, slow_every: int = 10) -> None:
        import psutil

        self._root = psutil.Process(pid)
        self._interval = interval
        self._slow_every = slow_every
        self.peak_rss = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        procs: list[psutil.Process] = []
        sample = 0
        while not self._stop.is_set():
            slow = sample % self._slow_every == 0
            sample += 1
            if slow:
                try:
                    procs = [self._root, *self._root.children(recursive=True)]
                except psutil.Error:
                    break
            rss = pss = 0
            for proc in procs:
                try:
                    info = proc.memory_full_info() if slow else proc.memory_info()
                except psutil.Error:
                    continue
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
            self.peak_rss = max(self.peak_rss, rss)
            if slow:
                self.peak_pss = max(self.peak_pss, pss)
            self._stop.wait(self._interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def timed(command: list[str], *, memory: bool = False) -> dict[str, Any]:
    """Run ``command`` (stdout discarded); its wall time and, with ``memory``, the tree's peak memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    monitor = TreeMemory(proc.pid) if memory else None
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    if monitor is not None:
        monitor.stop()
    if proc.returncode not in (0, 1):  # 1: findings at or above --fail-on, which a corpus with errors has
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    out: dict[str, Any] = {"seconds": round(seconds, 3)}
    if monitor is not None:
        out["peak_rss_mb"] = round(monitor.peak_rss / 2**20, 1)
        out["peak_pss_mb"] = round(monitor.peak_pss / 2**20, 1)
    return out


def best_of(command: list[str], runs: int = 3) -> float:
    return min(timed(command)["seconds"] for _ in range(runs))


def check(paths: list[str], out: Path, *extra: str) -> list[str]:
    return [*AUDIT, "check", *paths, "-o", str(out), "--quiet", "--fail-on", "never", *extra]


def throughput_run(corpus: Path, out: Path, jobs: int) -> list[str]:
    """``audit check`` of the corpus with its pages in ``out`` and its JSON in ``out/audit.json``."""
    return check([str(corpus)], out, "--format", "json", "--output-file", str(out / "audit.json"), "--jobs", str(jobs))


def stages(corpus: Path, out: Path) -> dict[str, Any]:
    """The corpus through the library in this process: seconds per stage."""
    from audit.cli.output import Site
    from audit.config import Config
    from audit.ingest import discover
    from audit.pipeline import Timings, audit_paths, tuned_collector
    from audit.render import Format, renderer
    from audit.render.names import output_names

    start = time.perf_counter()
    import great_expectations  # noqa: F401 — the import is timed on its own

    imported = time.perf_counter() - start
    inputs = discover([str(corpus)])
    out.mkdir(parents=True, exist_ok=True)
    site = Site(out, output_names(inputs), "zh", Config())
    timings = Timings()
    with tuned_collector():  # as ``audit check`` runs: over the run and the outputs
        start = time.perf_counter()
        report = audit_paths(inputs, jobs=1, finish=site, keep=False, timings=timings)
        audited = time.perf_counter() - start
        start = time.perf_counter()
        site.write_index(report)
        renderer(Format.JSON)(report)
        outputs = time.perf_counter() - start
    n = len(inputs)
    seconds = {
        "ingest": timings.ingest,
        "extract": timings.extract,
        "checks (claim tables + GX)": timings.checks,
        "render pages": timings.render,
        "index + JSON": outputs,
    }
    seconds["other (discovery, suites, chunking)"] = audited - timings.ingest - timings.extract - timings.checks - timings.render
    return {
        "documents": n,
        "import_gx_seconds": round(imported, 3),
        "stages": {k: {"seconds": round(v, 3), "ms_per_doc": round(1000 * v / n, 2)} for k, v in seconds.items()},
        "total_seconds": round(audited + outputs, 3),
    }


def gx_scaling(corpus: Path, sizes: tuple[int, ...] = (125, 250, 500, 1000)) -> dict[str, Any]:
    """GX validation of chunks of growing size (one run per claim table): seconds and ms per document.

    The per-document cost must not grow with the chunk: GX's fixed cost per run is
    shared out, and what is left grows with the rows alone.
    """
    from audit.checks import gx
    from audit.checks.claims import build_tables
    from audit.ingest import discover
    from audit.pipeline import _extract, _load_suites, _Run, default_suites_dir
    from audit.ingest import load

    suites = _load_suites(_Run(default_suites_dir(), None))
    paths = discover([str(corpus)])[: max(sizes)]
    facts = [_extract(load(p)).facts for p in paths]
    out = {}
    for size in sizes:
        if size > len(facts):
            break
        tables = build_tables(facts[:size])
        start = time.perf_counter()
        gx.validate(tables, suites)
        seconds = time.perf_counter() - start
        rows = sum(len(t.frame) for t in tables.values())
        out[str(size)] = {"seconds": round(seconds, 3), "ms_per_doc": round(1000 * seconds / size, 2), "rows": rows}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents in the throughput corpus")
    parser.add_argument("--memory-docs", type=int, default=0, help="documents in the memory run (0: skip)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="jobs of the parallel runs")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each throughput setting (the median is reported)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=ROOT / "reports_out" / "benchmark.json")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="audit-bench-"))
    results: dict[str, Any] = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "docs": args.docs,
        "jobs": args.jobs,
    }
    try:
        corpus = work / "corpus"
        generate(corpus, args.docs, seed=args.seed)
        one = sorted(corpus.glob("*.txt"))[0]

        gx = best_of([sys.executable, "-c", "import great_expectations"])
        latency = best_of(check([str(one)], work / "one"))
        results["gx_import_seconds"] = gx
        results["latency"] = {"seconds": latency, "ratio_to_gx_import": round(latency / gx, 2), "target": "≤ 2"}

        timings: dict[int, list[dict[str, Any]]] = {jobs: [] for jobs in sorted({1, args.jobs})}
        for k in range(args.repeat):  # alternated, so a drift of the machine's speed reaches every setting
            for jobs, measured in timings.items():
                # A new folder for each run: every page is written, as by the first audit of a batch.
                measured.append(timed(throughput_run(corpus, work / f"out-j{jobs}-{k}", jobs), memory=True))
        runs = {}
        for jobs, measured in timings.items():
            seconds = sorted(m["seconds"] for m in measured)
            median = seconds[len(seconds) // 2]
            runs[f"jobs={jobs}"] = {
                "seconds": median,
                "all_seconds": [m["seconds"] for m in measured],
                "peak_rss_mb": max(m["peak_rss_mb"] for m in measured),
                "peak_pss_mb": max(m["peak_pss_mb"] for m in measured),
                "docs_per_second": round(args.docs / median, 1),
                # The rate once started: the one-document run's time (start-up: GX's import, mostly) taken off.
                "docs_per_second_after_start": round((args.docs - 1) / max(median - latency, 1e-9), 1),
            }
        results["throughput"] = runs
        last = args.repeat - 1
        same = (work / f"out-j1-{last}" / "audit.json").read_bytes() == (work / f"out-j{args.jobs}-{last}" / "audit.json").read_bytes()
        results["throughput"]["same_output_for_every_jobs"] = same
        # Auditing the batch again into the same folder: unchanged pages are not rewritten.
        again = timed(throughput_run(corpus, work / f"out-j{args.jobs}-{last}", args.jobs))["seconds"]
        results["rerun"] = {"jobs": args.jobs, "seconds": again, "docs_per_second": round(args.docs / again, 1)}

        results["stages"] = stages(corpus, work / "out-stages")
        results["gx_per_chunk_size"] = gx_scaling(corpus)

        if args.memory_docs:
            big = work / "big"
            generate(big, args.memory_docs, seed=args.seed + 1)
            shutil.rmtree(corpus)
            run = timed(check([str(big)], work / "out-big", "--format", "json", "--output-file", str(work / "big.json"), "--jobs", str(args.jobs)), memory=True)
            run["documents"] = args.memory_docs
            run["docs_per_second"] = round(args.memory_docs / run["seconds"], 1)
            results["memory"] = run
    finally:
        shutil.rmtree(work, ignore_errors=True)

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _print(results, args.json)
    return 0


def _print(results: dict[str, Any], path: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"audit benchmarks — {results['docs']} documents, {results['machine']['cores']} cores")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("import great_expectations (best of 3)", f"{results['gx_import_seconds']:.2f} s")
    lat = results["latency"]
    table.add_row("one-document audit check (best of 3)", f"{lat['seconds']:.2f} s = {lat['ratio_to_gx_import']:.2f} × GX import")
    for name, run in results["throughput"].items():
        if isinstance(run, dict):
            table.add_row(
                f"throughput {name}",
                f"{run['docs_per_second']:.0f} docs/s (median {run['seconds']:.1f} s of "
                f"{', '.join(f'{t:.1f}' for t in run['all_seconds'])}; {run['docs_per_second_after_start']:.0f}/s after start-up), "
                f"peak {run['peak_rss_mb']:.0f} MB RSS / {run['peak_pss_mb']:.0f} MB PSS",
            )
    table.add_row("same JSON for every --jobs", str(results["throughput"]["same_output_for_every_jobs"]))
    again = results["rerun"]
    table.add_row(f"the same run again, same folder, jobs={again['jobs']}", f"{again['docs_per_second']:.0f} docs/s ({again['seconds']:.1f} s)")
    st = results["stages"]
    for name, stage in st["stages"].items():
        table.add_row(f"stage: {name} (1 process)", f"{stage['ms_per_doc']:.2f} ms/doc ({stage['seconds']:.2f} s)")
    for size, run in results["gx_per_chunk_size"].items():
        table.add_row(f"GX validation, chunk of {size}", f"{run['ms_per_doc']:.2f} ms/doc ({run['seconds']:.2f} s, {run['rows']} rows)")
    if "memory" in results:
        m = results["memory"]
        table.add_row(
            f"{m['documents']} documents, --jobs {results['jobs']}",
            f"{m['docs_per_second']:.0f} docs/s ({m['seconds']:.0f} s), peak {m['peak_rss_mb']:.0f} MB RSS / {m['peak_pss_mb']:.0f} MB PSS",
        )
    Console().print(table)
    print(f"written: {path}")


if __name__ == "__main__":
    sys.exit(main())
