"""tests/cases/prose.yaml: real sentences, what is read from them, and what the audit says.

All cases run as ONE batch (as the CLI would run a folder), then each case is
asserted on its own document.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from conftest import audit_cases

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "prose.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def results():
    return audit_cases(CASES)


def _values(numbers):
    return [Fraction(str(n)) for n in numbers]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=c["pending"], strict=True)) if "pending" in c else c
        for c in CASES
    ],
    ids=[c["id"] for c in CASES],
)
def test_prose_case(case, results):
    result = results[case["id"]]
    assert Counter(f.rule for f in result.findings) == Counter(case["findings"])
    for finding in result.findings:
        for ev in finding.evidence:
            assert result.document.text[ev.start : ev.end] == ev.text
    if "breakdowns" in case:
        read = [(b.total.value, [p.value for p in b.parts]) for b in result.facts.breakdowns]
        expected = [(Fraction(str(t)), _values(parts)) for t, parts in case["breakdowns"]]
        assert sorted(read) == sorted(expected)
    if "shares" in case:
        read = [(s.count.value, s.base.value, s.percent.value) for s in result.facts.shares]
        assert sorted(read) == sorted(tuple(_values(s)) for s in case["shares"])


def test_every_case_cites_its_source():
    root = Path(__file__).resolve().parent.parent
    for case in CASES:
        assert case["source"].startswith(("samples/", "../shared/corpus/")), case["id"]
        if case["source"].startswith("samples/"):
            source = (root / case["source"]).read_text("utf-8")
            # the sentence is copied, not retyped (allowing for the heading we prepend in one case)
            assert case["text"].splitlines()[-1][:30] in source, case["id"]
