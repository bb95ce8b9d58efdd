"""tests/cases/placeholders.yaml and structure.yaml: real text, and what the audit must say.

Each file is audited as one batch (structure.yaml pairs two reports of one body for
STR009). A case lists every rule reported on its text (``findings``), the text each
rule must quote (``evidence``) and the traps no placeholder or structure finding may
quote (``absent``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import audit_cases

CASES_DIR = Path(__file__).parent / "cases"
FAMILIES = {
    "placeholders": ("PLH", {f"PLH00{n}" for n in range(2, 8)}),
    "structure": ("STR", {f"STR00{n}" for n in range(2, 10)}),
}
CASES = {family: yaml.safe_load((CASES_DIR / f"{family}.yaml").read_text("utf-8")) for family in FAMILIES}
PARAMS = [(family, case) for family, cases in CASES.items() for case in cases]


@pytest.fixture(scope="module")
def results():
    return {family: audit_cases(cases) for family, cases in CASES.items()}


@pytest.mark.parametrize("family,case", PARAMS, ids=[f"{f}:{c['id']}" for f, c in PARAMS])
def test_case(family, case, results):
    result = results[family][case["id"]]
    got = Counter(f.rule for f in result.findings)
    assert got == Counter(case["findings"]), [f"{f.rule} {f.message_zh}" for f in result.findings]
    for rule, texts in (case.get("evidence") or {}).items():
        quoted = " ‖ ".join(e.text for f in result.findings if f.rule == rule for e in f.evidence)
        for text in texts:
            assert text in quoted, (rule, text)
    ours = [e.text for f in result.findings if f.category.value in ("placeholder", "structure") for e in f.evidence]
    for trap in case.get("absent") or []:
        assert not any(trap in text for text in ours), trap


@pytest.mark.parametrize("family", FAMILIES)
def test_every_rule_fails_somewhere_and_passing_cases_exist(family):
    prefix, rules = FAMILIES[family]
    failing = {rule for c in CASES[family] for rule in c["findings"] if rule in rules}
    assert failing == rules
    clean = [c for c in CASES[family] if not any(r.startswith(prefix) for r in c["findings"])]
    assert len(clean) >= 8


def test_traps_are_real_text():
    """Every trap is quoted from its case's text, so it guards a real false alarm."""
    for case in CASES["placeholders"] + CASES["structure"]:
        for trap in case.get("absent") or []:
            assert trap in case["text"], (case["id"], trap)
