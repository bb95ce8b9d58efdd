"""The benchmark corpus generator (benchmarks/corpus.py): deterministic, sized, and honest.

One small corpus is generated and audited once (with the five samples in the same batch, so
that a clean narrative document can be compared with the sample it was made from). Every
injected error must be reported on its document with its rule, and the generated tables must
be read whole and be consistent: a clean table document carries no table finding at all.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from audit.extract import standard as std
from audit.model import Severity
from audit.pipeline import audit_paths
from benchmarks import corpus
from benchmarks.corpus import ERROR_KINDS, generate

from conftest import SAMPLES

N = 30
SEED = 0
ERROR_SHARE = 0.4  # more than the default, so that every error kind occurs in 30 documents


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench_corpus")
    manifest = generate(out, N, seed=SEED, error_share=ERROR_SHARE)
    return manifest


@pytest.fixture(scope="module")
def audited(generated):
    """The generated corpus and the samples, audited in one batch: {file name: result}."""
    report = audit_paths([str(generated.out_dir), str(SAMPLES)], timeout=None)
    return {Path(d.path).name: d for d in report.documents}


@pytest.fixture(scope="module")
def entries(generated):
    return generated.documents()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes_other_seed_other_corpus(generated, tmp_path):
    again = generate(tmp_path / "again", N, seed=SEED, error_share=ERROR_SHARE)
    first, second = _files(generated.out_dir), _files(again.out_dir)
    assert list(first) == [f"doc_{i:06d}.txt" for i in range(1, N + 1)] + ["manifest.json"]
    assert first == second
    other = _files(generate(tmp_path / "other", N, seed=SEED + 1, error_share=ERROR_SHARE).out_dir)
    assert list(other) == list(first)
    differing = [name for name in first if name != "manifest.json" and first[name] != other[name]]
    assert len(differing) >= N * 0.9


def test_sizes_kinds_and_error_shares(generated, entries):
    assert len(entries) == N
    for entry in entries:
        size = (generated.out_dir / entry["file"]).stat().st_size
        assert size == entry["bytes"]
        assert 8_000 <= size <= 25_000, entry
        assert entry["kind"] in ("narrative", "table")
        if entry["kind"] == "table":
            assert 2019 <= entry["year"] <= 2024
            assert entry["layout"] == ("2021" if entry["year"] >= 2021 else "2019")
        else:
            assert 2012 <= entry["year"] <= 2018 and entry["layout"] is None
    kinds = Counter(e["kind"] for e in entries)
    assert abs(kinds["table"] - N * 0.5) <= 1
    assert abs(sum(1 for e in entries if e["errors"]) - N * ERROR_SHARE) <= 1
    lo, median, hi = generated.sizes
    assert 8_000 <= lo <= median <= hi <= 25_000 and 12_000 <= median <= 18_000
    summary = json.loads((generated.out_dir / "manifest.json").read_text(encoding="utf-8"))["summary"]
    assert summary["kinds"] == dict(kinds)


@pytest.mark.parametrize("table_share, error_share", [(0.0, 0.0), (0.2, 0.1), (1.0, 1.0)])
def test_asked_proportions(tmp_path, table_share, error_share):
    manifest = generate(tmp_path, 60, seed=3, table_share=table_share, error_share=error_share)
    assert manifest.kinds["table"] == round(60 * table_share)
    assert abs(manifest.error_documents - 60 * error_share) <= 1


def test_every_table_of_every_table_document_is_read_whole(entries, audited):
    tables = [e for e in entries if e["kind"] == "table"]
    assert tables
    for entry in tables:
        facts = audited[entry["file"]].facts
        read = {t.table: t for t in facts.tables}
        assert set(read) == {std.T2, std.T3, std.T4}, entry["file"]
        for table in read.values():
            layout = std.layout_of(table)
            expected = {(r.id, c.id) for r in layout.rows for c in r.columns}
            assert table.complete, (entry["file"], table.table)
            assert {(c.row, c.column) for c in table.cells} >= expected, (entry["file"], table.table)
            assert all(c.value is not None for c in table.cells), (entry["file"], table.table)
        assert read[std.T3].version == entry["layout"]
        assert read[std.T2].version == entry["layout"]


def test_every_injected_error_is_reported_on_its_document(entries, audited):
    injected = [(e, error) for e in entries for error in e["errors"]]
    assert {error["kind"] for _, error in injected} == set(ERROR_KINDS)
    for entry, error in injected:
        assert error["rule_prefix"] == ERROR_KINDS[error["kind"]]
        findings = audited[entry["file"]].findings
        assert all(rule.startswith(error["rule_prefix"]) for rule in error["rules"])
        hits = [f for f in findings if f.rule.startswith(error["rule_prefix"]) and f.rule in error["rules"]]
        if error["evidence"] is not None:
            hits = [f for f in hits if any(error["evidence"] in e.text for e in f.evidence)]
        assert hits, (entry["file"], error, [(f.rule, [e.text for e in f.evidence]) for f in findings])


def test_clean_table_documents_have_no_table_finding_and_no_error(entries, audited):
    clean = [e for e in entries if e["kind"] == "table" and not e["errors"]]
    assert clean
    for entry in clean:
        findings = audited[entry["file"]].findings
        assert not [f.rule for f in findings if f.category.value == "table"], entry["file"]
        assert not [f.rule for f in findings if f.severity is Severity.ERROR], entry["file"]


def test_clean_narrative_documents_get_their_samples_findings_not_more(entries, audited):
    samples = {name.removesuffix(".txt"): result for name, result in audited.items() if not name.startswith("doc_")}
    clean = [e for e in entries if e["kind"] == "narrative" and not e["errors"]]
    assert clean
    for entry in clean:
        sample = samples[entry["sample"]]
        own = [f.rule for f in audited[entry["file"]].findings if f.rule != "STR009"]  # STR009: a pair
        assert set(own) <= {f.rule for f in sample.findings}, (entry["file"], own)
        assert len(own) <= len(sample.findings) + 1, (entry["file"], own)


def test_one_body_reports_in_consecutive_years_and_its_tables_continue(entries, audited, tmp_path):
    """The audit finds last year's report of the same body, and the tables agree with it;
    a carry-over changed in one report is caught (TBL007), so the pairs are really compared."""
    by_body: dict[str, list[dict]] = {}
    for entry in entries:
        by_body.setdefault(entry["body"], []).append(entry)
    pairs = [
        (a, b)
        for docs in by_body.values()
        for a, b in zip(docs, docs[1:])
        if a["kind"] == b["kind"] == "table"
    ]
    assert pairs
    for a, b in pairs:
        assert b["year"] == a["year"] + 1
        for entry in (a, b):
            assert audited[entry["file"]].facts.issuer == entry["body"]
            assert not {"TBL007", "TBL008"} & {f.rule for f in audited[entry["file"]].findings}
    a, b = pairs[0]
    later = audited[b["file"]]
    cell = next(t for t in later.facts.tables if t.table == std.T3).cell("carried", "natural")
    text = later.document.text
    changed = text[: cell.span.start] + str(cell.value + 7) + text[cell.span.end :]
    pair_dir = tmp_path / "pair"
    pair_dir.mkdir()
    (pair_dir / "1.txt").write_bytes(Path(audited[a["file"]].path).read_bytes())
    (pair_dir / "2.txt").write_text(changed, encoding="utf-8")
    report = audit_paths([str(pair_dir)], timeout=None)
    later = next(d for d in report.documents if d.path.endswith("2.txt"))
    assert "TBL007" in {f.rule for f in later.findings}


def test_cli_reports_size_statistics(tmp_path, capsys):
    assert corpus.main([str(tmp_path), "-n", "4", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "4 documents" in out and "min" in out and "median" in out and "max" in out
    assert len(list(tmp_path.glob("doc_*.txt"))) == 4
