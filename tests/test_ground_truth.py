"""Extraction measured against hand-labelled ground truth (tests/ground_truth/README.md).

A labelled figure is found when an extracted figure covers the same place in
the text and has the same value and unit. A labelled relation is found when an
extracted relation of the same kind joins exactly the same figures (total and
set of parts; count, base and percentage). Recall and precision are pooled over
the five samples and must both reach 0.95, for figures and for relations; the
measured values are printed in pytest's summary.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest

from audit.model import Number

from conftest import SAMPLES

TRUTH = Path(__file__).parent / "ground_truth"
THRESHOLD = 0.95
STEMS = sorted(p.name.removesuffix(".figures.csv") for p in TRUTH.glob("*.figures.csv"))
MEASURED: dict[str, tuple[float, float, int, int, int]] = {}


@dataclass(frozen=True)
class Labelled:
    start: int
    end: int
    value: Fraction
    unit: str


def _figures(stem: str, text: str) -> dict[str, Labelled]:
    figures = {}
    with open(TRUTH / f"{stem}.figures.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            start = -1
            for _ in range(int(row["occ"])):
                start = text.index(row["quote"], start + 1)
            figures[row["id"]] = Labelled(
                start, start + len(row["quote"]), Fraction(row["value"]), row["unit"]
            )
    return figures


def _relations(stem: str) -> set[tuple]:
    with open(TRUTH / f"{stem}.relations.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {
        ("breakdown", r["whole"], frozenset(r["members"].split("|")))
        if r["kind"] == "breakdown"
        else ("share", r["whole"], r["members"], r["percent"])
        for r in rows
    }


def _label_of(n: Number, figures: dict[str, Labelled]) -> str | None:
    """The labelled figure an extracted one stands for: same place, value and unit."""
    for fid, lab in figures.items():
        overlaps = n.span.start < lab.end and lab.start < n.span.end
        if overlaps and n.value == lab.value and (n.unit or "") == lab.unit:
            return fid
    return None


@pytest.fixture(scope="module")
def measured(by_name):
    figures_found = figures_true = figures_read = 0
    relations_found = relations_true = relations_read = 0
    misses: list[str] = []
    for stem in STEMS:
        result = by_name[stem[:3]]
        text = (SAMPLES / f"{stem}.txt").read_text("utf-8")
        assert result.document.text == text  # offsets are into the file as written
        figures = _figures(stem, text)
        ids = {id(n): _label_of(n, figures) for n in result.facts.numbers}
        matched = {fid for fid in ids.values() if fid}
        figures_true += len(figures)
        figures_read += len(result.facts.numbers)
        figures_found += len(matched)
        misses += [f"{stem[:3]} figure missed {text[f.start:f.end]}" for k, f in figures.items() if k not in matched]
        misses += [f"{stem[:3]} figure extra {n.raw}" for n in result.facts.numbers if not ids[id(n)]]

        truth = _relations(stem)
        read = {
            ("breakdown", ids[id(b.total)], frozenset(ids[id(p)] for p in b.parts))
            for b in result.facts.breakdowns
        } | {
            ("share", ids[id(s.base)], ids[id(s.count)], ids[id(s.percent)])
            for s in result.facts.shares
        }
        relations_true += len(truth)
        relations_read += len(read)
        relations_found += len(truth & read)
        misses += [f"{stem[:3]} relation missed {r}" for r in truth - read]
        misses += [f"{stem[:3]} relation extra {r}" for r in read - truth]
    MEASURED["figures"] = (figures_found / figures_true, figures_found / figures_read, figures_found, figures_true, figures_read)
    MEASURED["relations"] = (
        relations_found / relations_true,
        relations_found / relations_read,
        relations_found,
        relations_true,
        relations_read,
    )
    return MEASURED, misses


def test_every_sample_is_labelled():
    assert len(STEMS) == len(list(SAMPLES.glob("*.txt"))) == 5


@pytest.mark.parametrize("what", ["figures", "relations"])
def test_recall_and_precision_reach_the_threshold(measured, what):
    scores, misses = measured
    recall, precision, *_ = scores[what]
    detail = "\n".join(m for m in misses if what[:-1] in m)
    assert recall >= THRESHOLD, f"{what} recall {recall:.3f}\n{detail}"
    assert precision >= THRESHOLD, f"{what} precision {precision:.3f}\n{detail}"
