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
    assert not [f for f in doc.findings if f.category.value in ("sum", "percent", "consistency", "period")]
    breakdowns = [b for b in doc.facts.breakdowns if b.total.value == 30871]
    assert breakdowns and all([p.value for p in b.parts] == [30506, 269, 96] for b in breakdowns)
    printed = sorted({s.percent.raw for s in doc.facts.shares})
    assert printed == ["0.31%", "0.87%", "98.82%"]
    assert all(s.base.value == 30871 for s in doc.facts.shares)
    assert doc.status is Status.WARN and doc.report_year == 2017  # its structure warnings: see below


def test_every_sample_has_a_status(samples_report):
    assert len(samples_report.documents) == 5
    assert all(d.status is not Status.ERROR for d in samples_report.documents)


def test_002_title_year_contradicts_its_body(by_name):
    doc = by_name["002"]
    [finding] = [f for f in doc.findings if f.rule == "PER001"]
    assert finding.severity.value == "error"
    assert finding.expected == 2012 and finding.observed == 2013
    assert "标题 2012 年" in finding.message_zh and "正文 2013 年" in finding.message_zh
    quoted = [e.text for e in finding.evidence]
    assert quoted[0] == "江山市行政服务中心管理办公室2012年政府信息公开工作年度报告"
    assert any(text.startswith("截至2013年底") for text in quoted)
    assert doc.report_year == 2012


def test_002_cites_a_2014_document_though_dated_2013_01_09(by_name):
    doc = by_name["002"]
    [finding] = [f for f in doc.findings if f.rule == "PER006"]
    assert finding.severity.value == "error" and finding.observed == 2014
    assert "2013-01-09" in finding.message_zh
    assert [e.text for e in finding.evidence] == ["江政办发〔2014〕 1号", "发布日期:2013-01-09"]


def test_003_dated_after_its_year_and_before_the_deadline_has_no_period_finding(by_name):
    doc = by_name["003"]
    assert not [f for f in doc.findings if f.category.value == "period"]
    dating = doc.facts.dating
    assert dating.signed.iso == "2019-01-30" and dating.deadline.date == "2019-03-31"
    assert dating.deadline.regime == "2008" and dating.issuer == "普洱市思茅区人民政府"


def test_001_plan_for_2018_is_not_a_statement_about_2018(by_name):
    doc = by_name["001"]
    assert not [f for f in doc.findings if f.category.value == "period"]
    plans = [doc.document.text[p.sentence.start : p.sentence.end] for p in doc.facts.dating.plans]
    assert not any("2018年7月底前" in t for t in plans)  # not framed by its year: no statement at all
    assert all(s.year == 2017 for s in doc.facts.dating.statements)


def test_every_sample_has_a_report_year(samples_report):
    years = {d.path.split("/")[-1][:3]: d.report_year for d in samples_report.documents}
    assert years == {"000": 2017, "001": 2017, "002": 2012, "003": 2018, "004": 2018}


# ------------------------------------------------------------- issue 6: placeholders, structure


def _finding(doc, rule):
    [finding] = [f for f in doc.findings if f.rule == rule]
    return finding


def test_003_three_blank_figures_and_a_blank_ordinal_are_errors(by_name):
    doc = by_name["003"]
    figures = _finding(doc, "PLH002")
    assert figures.severity.value == "error"
    assert [e.text for e in figures.evidence] == [
        "累计在思茅区人民政府网站主动公开政府信息 条",
        "通过微博微信公开政府信息 条",
        "报刊、墙报、群众会等其他方式公开政府信息 条",
    ]
    assert "3 处数字空缺" in figures.message_zh
    ordinal = _finding(doc, "PLH003")
    assert [e.text for e in ordinal.evidence] == ["在中央第 环境保护督察组"]
    for finding in (figures, ordinal):
        for e in finding.evidence:
            assert doc.document.text[e.start : e.end] == e.text


def test_003_figure_after_a_stray_space_is_not_a_blank(by_name):
    doc = by_name["003"]
    quoted = [e.text for f in doc.findings if f.category.value == "placeholder" for e in f.evidence]
    assert not any("810" in text for text in quoted)
    assert any(s.kind == "figure" and s.value == "810余" for s in doc.facts.slots)


def test_003_announced_statistics_table_never_follows_and_the_last_attachment_is_empty(by_name):
    doc = by_name["003"]
    finding = _finding(doc, "PLH007")
    assert [e.text for e in finding.evidence] == ["附件:思茅区2018年度政府信息公开情况统计表", "附件:"]
    assert "未附在文中" in finding.message_zh and "后为空" in finding.message_zh
    assert doc.document.text.rstrip().endswith("附件:")


def test_001_repeated_section_two_is_found_with_both_places(by_name):
    doc = by_name["001"]
    heading = _finding(doc, "STR005")
    assert [e.text for e in heading.evidence] == ["二、政府信息公開工作開展情況"] * 2
    first, second = heading.evidence
    lines = doc.document.text.split("\n")
    assert lines[6] == lines[8] == "二、政府信息公開工作開展情況"  # lines 7 and 9
    assert first.start < second.start
    repeat = _finding(doc, "STR007")
    texts = [e.text for e in repeat.evidence]
    assert lines[7] in texts and texts.count(lines[7]) == 2  # line 8 = line 10, both quoted


def test_001_tail_of_web_chrome_is_information_only(by_name):
    finding = _finding(by_name["001"], "STR008")
    assert finding.severity.value == "info"
    assert [e.text for e in finding.evidence] == ["相關詞條", "熱門詞條", "聯絡我們"]


def test_000_passage_pasted_into_two_paragraphs_is_found(by_name):
    finding = _finding(by_name["000"], "STR007")
    first, second = finding.evidence
    assert first.text == second.text and "泰州市政府网站采用我市信息269条" in first.text
    assert first.start < second.start


def test_003_does_not_report_fees_as_the_2008_regulation_requires(by_name):
    # 003 runs to its closing date (2019年1月30日) and is a 2018 report: 第三十二条's items apply.
    # Its only 收费 is a 收费标准 field of a service catalogue, not fees for disclosure.
    finding = _finding(by_name["003"], "STR002")
    assert finding.expected == "政府信息公开的收费及减免情况" and finding.severity.value == "warning"
    assert "第三十二条" in finding.message_zh
    structure = by_name["003"].facts.structure
    assert structure.complete and structure.regime == "2008"


def test_no_other_sample_is_short_of_a_part_or_misnumbered_beyond_001(by_name):
    # 000, 001, 002 and 004 stop before a closing date: their missing items are not judged.
    for name, doc in by_name.items():
        rules = {f.rule for f in doc.findings}
        assert not rules & {"STR003", "STR004", "STR006"}, name
        if name != "003":
            assert "STR002" not in rules, name
