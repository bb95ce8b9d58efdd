"""tests/cases/periods.yaml: real text, what is read about when, and the PER findings.

Each case is its own document; all of them are audited in one batch. ``dating``
lists what must be read: the report year and where it came from, the body year,
the period (``start/end``, or null when none can be read), the dates, the issuer,
its kind and the deadline applied.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import audit_cases

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "periods.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def results():
    return audit_cases(CASES)


def _read(result) -> dict:
    d = result.facts.dating
    return {
        "report_year": d.report_year,
        "source": d.report_year_source,
        "body_year": d.body_year,
        "period": f"{d.period_start.iso}/{d.period_end.iso}" if d.period_start and d.period_end else None,
        "published": d.published.iso if d.published else None,
        "signed": d.signed.iso if d.signed else None,
        "issuer": d.issuer,
        "issuer_type": d.issuer_kind,
        "deadline": d.deadline.date if d.deadline else None,
    }


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_period_case(case, results):
    result = results[case["id"]]
    got = Counter(f.rule for f in result.findings)
    assert got == Counter(case["findings"]), [f.message_zh for f in result.findings]
    read = _read(result)
    for key, value in (case.get("dating") or {}).items():
        assert read[key] == value, key


def test_cases_cover_every_period_rule_passing_and_failing():
    failing = {rule for c in CASES for rule in c["findings"] if rule.startswith("PER")}
    assert failing == {f"PER00{n}" for n in range(1, 10)}
    assert sum(1 for c in CASES if not any(r.startswith("PER") for r in c["findings"])) >= 9
