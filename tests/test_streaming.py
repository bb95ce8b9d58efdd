"""A batch audited in chunks, in worker processes, letting go of each document: the same report.

What a user relies on when auditing a whole archive with ``--jobs``: the output
does not depend on the number of jobs or the chunk size, the claims across
reports (TBL007, STR009) are found when the two reports fall in different
chunks, in either order, with their evidence quoted and on the page, and the
documents' texts are not kept.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from audit.cli.output import Site
from audit.config import Config
from audit.pipeline import StoredResults, audit_paths
from audit.render.json import render_json
from audit.render.names import output_names

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CASES = Path(__file__).parent / "cases" / "tables.yaml"


def _yearly(year: int, body: str, issuer: str = "某某市统计局") -> str:
    return f"{issuer}{year}年政府信息公开工作年度报告\n{body}\n{issuer}\n{year + 1}年1月20日\n"


SENTENCES = "".join(f"第{n}项工作，我局按照要求认真完成了第{n}项任务并通报全局。" for n in range(1, 31))


def _table_text() -> str:
    """A real 表三 (沭阳县, every identity holds) whose 上年结转 differs from its 结转下年度."""
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return next(c for c in cases if c["id"] == "t3-shuyang-consistent")["text"]


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> list[str]:
    """This year's reports before last year's, with other documents between, and a broken file."""
    folder = tmp_path_factory.mktemp("archive")
    table = _table_text()
    files = {
        "a_stats_2023.txt": _yearly(2023, SENTENCES),
        "b_county_2023.txt": _yearly(2023, table, "沭阳县人民政府"),
        "c_scan.pdf": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,  # an image named .pdf: unreadable
        "d_stats_2022.txt": _yearly(2022, SENTENCES),
        "e_county_2022.txt": _yearly(2022, table, "沭阳县人民政府"),
    }
    for name, content in files.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return [str(folder / name) for name in files] + [str(p) for p in sorted(SAMPLES.glob("*.txt"))]


def _json(report) -> dict:
    return json.loads(render_json(report))


def test_jobs_and_chunks_do_not_change_the_report(batch):
    whole = render_json(audit_paths(batch, jobs=1))
    for jobs, size in ((1, 1), (2, 1), (2, 3)):
        streamed = audit_paths(batch, jobs=jobs, chunk_size=size, keep=False)
        assert render_json(streamed) == whole, (jobs, size)
        # Let go of, and kept on disk a chunk at a time: read back in order, or one by one.
        assert isinstance(streamed.documents, StoredResults)
        assert all(d.document is None and d.facts is None for d in streamed.documents)
        assert [d.path for d in streamed.documents] == batch
        assert [streamed.documents[i].path for i in (-1, 0, 4)] == [batch[-1], batch[0], batch[4]]


def test_claims_across_reports_in_other_chunks_are_found_and_quoted(batch):
    report = _json(audit_paths(batch, jobs=2, chunk_size=1, keep=False))
    by_name = {Path(d["path"]).name: d for d in report["documents"]}
    [copied] = [f for f in by_name["a_stats_2023.txt"]["findings"] if f["rule"] == "STR009"]
    assert copied["observed"] == 1.0 and copied["evidence"]
    texts = [e["text"] for e in copied["evidence"]]
    assert texts[0] == "某某市统计局2023年政府信息公开工作年度报告"  # the title, its year masked, is a copy too
    assert texts[1:] == [f"第{n}项工作，我局按照要求认真完成了第{n}项任务并通报全局" for n in range(1, 5)]
    carried = [f for f in by_name["b_county_2023.txt"]["findings"] if f["rule"] == "TBL007"]
    assert carried and all(e["table"] == "T3" for f in carried for e in f["evidence"])
    assert not any(f["rule"] in ("STR009", "TBL007") for name in ("d_stats_2022.txt", "e_county_2022.txt") for f in by_name[name]["findings"])
    assert by_name["c_scan.pdf"]["status"] == "error"


def test_a_page_shows_the_findings_from_a_later_chunk(batch, tmp_path):
    names = output_names(batch)
    site = Site(tmp_path, names, "en", Config(ignore=("STR008",)))
    report = audit_paths(batch, jobs=2, chunk_size=1, finish=site, keep=False)
    site.write_index(report)
    first = report.documents[0]
    assert [f.rule for f in first.findings].count("STR009") == 1 and first.read and first.status.value == "warn"
    page = (tmp_path / names[first.path]).read_text(encoding="utf-8")
    assert "STR009" in page and "第1项工作" in page
    assert "STR008" not in json.dumps(_json(report))  # the configuration applies to the claims across reports too
    assert len(list(tmp_path.glob("*.html"))) == len(batch) + 1


def test_the_cli_output_is_the_same_for_every_jobs(batch, tmp_path):
    from typer.testing import CliRunner

    from audit.cli import app

    outputs = []
    for jobs in ("1", "2"):
        args = ["check", *batch, "-o", str(tmp_path / jobs), "--format", "json", "--jobs", jobs, "--fail-on", "never"]
        result = CliRunner().invoke(app, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    pages = [sorted(p.name for p in (tmp_path / jobs).glob("*.html")) for jobs in ("1", "2")]
    assert pages[0] == pages[1] and len(pages[0]) == len(batch) + 1
    for name in pages[0]:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_a_pair_a_later_chunk_makes_ambiguous_is_withdrawn(tmp_path):
    """Two reports of one body for 2022: which one 2023 continues is unknown, so no STR009, whatever the chunks."""
    files = {"a_2023.txt": _yearly(2023, SENTENCES), "b_2022.txt": _yearly(2022, SENTENCES), "c_2022.txt": _yearly(2022, SENTENCES)}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / name) for name in files]
    pages = tmp_path / "pages"
    pages.mkdir()
    names = output_names(paths)
    whole = audit_paths(paths)
    assert not any(f.rule == "STR009" for d in whole.documents for f in d.findings)
    for jobs in (1, 2):
        site = Site(pages, names, "en")
        streamed = audit_paths(paths, jobs=jobs, chunk_size=2, finish=site, keep=False)  # a_2023 and b_2022 pair in chunk 1
        assert render_json(streamed) == render_json(whole)
        assert "STR009" not in (pages / names[paths[0]]).read_text(encoding="utf-8")  # the page was written again


@pytest.mark.parametrize("count", [0, 1, None])
def test_the_json_written_a_document_at_a_time_is_the_json_of_the_whole_payload(batch, count):
    from audit.model import AuditReport
    from audit.render.json import VERSION, _document

    report = audit_paths(batch)
    report = AuditReport(report.documents[:count])
    payload = {"version": VERSION, "documents": [_document(d, "en") for d in report.documents], "summary": report.summary()}
    assert render_json(report, lang="en") == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def test_the_collector_setting_holds_until_the_outermost_block_ends():
    import gc

    from audit.pipeline import tuned_collector

    before = gc.get_threshold()
    with tuned_collector():
        tuned = gc.get_threshold()
        assert tuned != before
        with tuned_collector():  # audit_paths inside audit check's block
            pass
        assert gc.get_threshold() == tuned and gc.get_freeze_count() > 0  # the outputs still run tuned
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_no_collection_while_a_chunk_is_audited_and_its_cycles_freed_when_it_ends(batch, monkeypatch):
    """The collector is paused while a chunk is read, extracted and checked (what it walked then
    all survived), and collects after it: reference cycles a document's extraction left behind
    are gone by the time the next chunk starts, and the collector is on again after the run."""
    import gc
    import weakref

    import audit.pipeline as pipeline

    class Node:
        pass

    read = pipeline._read
    made: list[weakref.ref] = []  # one cycle per document read
    seen: list[tuple[bool, int]] = []  # (collector enabled, cycles of the earlier chunks still alive)

    def read_with_a_cycle(path, run, timings):
        first_of_chunk = len(made) - len(made) % 3
        seen.append((gc.isenabled(), sum(ref() is not None for ref in made[:first_of_chunk])))
        node = Node()
        node.self = node  # garbage only the collector frees
        made.append(weakref.ref(node))
        return read(path, run, timings)

    monkeypatch.setattr(pipeline, "_read", read_with_a_cycle)
    audit_paths(batch, chunk_size=3, keep=False)
    assert seen[: len(batch)] == [(False, 0)] * len(batch)  # (a document read again after the run: not a chunk)
    assert gc.isenabled() and all(ref() is None for ref in made[: len(batch)])


def test_results_stored_as_a_worker_packed_them_read_back_the_same(batch):
    from audit.pipeline import Packed

    results = list(audit_paths(batch).documents)
    stored = StoredResults()
    stored.extend(Packed.of(results[:2]))
    stored.extend(results[2:])
    assert len(stored) == len(results)
    assert [(r.path, r.findings) for r in stored] == [(r.path, r.findings) for r in results]
    assert stored[1].path == results[1].path


@pytest.mark.parametrize(
    ("count", "jobs", "most", "sizes"),
    [
        (2000, 2, 500, [500] * 4),
        (2500, 2, 500, [417] * 5 + [415]),  # not 5 chunks of 500: the fifth would run on one core alone
        (2000, 2, 1000, [1000] * 2),
        (7, 2, 2, [2, 2, 2, 1]),
        (3, 4, 500, [1, 1, 1]),
        (1, 2, 500, [1]),
        (1001, 1, 500, [334, 334, 333]),
    ],
)
def test_chunks_come_in_even_rounds_over_the_workers(count, jobs, most, sizes):
    from audit.pipeline import _chunk_size

    size = _chunk_size(count, jobs, most)
    chunks = [min(size, count - start) for start in range(0, count, size)]
    assert chunks == sizes
    assert size <= most
