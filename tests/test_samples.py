"""What must hold on the real samples (issue 2): findings an officer would check by hand."""

from __future__ import annotations

from audit.model import Status


def _rules(result):
    return [f.rule for f in result.findings]


def test_003_parts_short_of_total_is_an_error_with_arithmetic(by_name):
    doc = by_name["003"]
    [finding] = [f for f in doc.findings if f.category.value == "sum"]
    assert finding.rule == "SUM002" and finding.severity.value == "error"
    assert finding.expected == 104614 and finding.observed == 104300
    assert "−314" in finding.arithmetic and "103520 + 780 = 104300" in finding.arithmetic
    [evidence] = finding.evidence
    assert "104614件" in evidence.text and evidence.text.endswith("窗口办件780件")
    assert doc.document.text[evidence.start : evidence.end] == evidence.text
    assert doc.status is Status.FAIL
    assert doc.report_year == 2018


def test_004_overlapping_channels_are_not_an_error(by_name):
    doc = by_name["004"]
    flagged = [e.text for f in doc.findings for e in f.evidence]
    assert not any("2117496" in text for text in flagged)
    assert not any("286112" in text for text in flagged)


def test_004_shares_are_consistent(by_name):
    doc = by_name["004"]
    shares = {(s.count.raw, s.base.raw, s.percent.raw) for s in doc.facts.shares}
    assert ("9363份", "10105份", "93%") in shares  # 92.66% rounds to 93%
    assert ("2185份", "2193份", "近100%") in shares  # 99.64% is 近100%
    assert not [f for f in doc.findings if f.category.value == "percent"]


def test_004_provincial_channels_exceeding_their_total_is_an_error(by_name):
    # 省本级共收到申请2193份，其中当面304+传真3+网络1058+信函911 = 2276: no overlap note covers it.
    doc = by_name["004"]
    [finding] = [f for f in doc.findings if f.rule == "SUM001"]
    assert finding.expected == 2193 and finding.observed == 2276


def test_001_breakdown_and_percentages_pass(by_name):
    doc = by_name["001"]
    assert doc.findings == []
    breakdowns = [b for b in doc.facts.breakdowns if b.total.value == 30871]
    assert breakdowns and all([p.value for p in b.parts] == [30506, 269, 96] for b in breakdowns)
    printed = sorted({s.percent.raw for s in doc.facts.shares})
    assert printed == ["0.31%", "0.87%", "98.82%"]
    assert all(s.base.value == 30871 for s in doc.facts.shares)
    assert doc.status is Status.PASS and doc.report_year == 2017


def test_every_sample_has_a_status(samples_report):
    assert len(samples_report.documents) == 5
    assert all(d.status is not Status.ERROR for d in samples_report.documents)
