"""What audit/extract/periods.py reads: titles, periods, dates, citations, statements, issuers, deadlines."""

from __future__ import annotations

import pytest

from audit.extract.periods import deadline, find_dating, issuer_kind
from audit.ingest.normalize import normalize


def dating(raw: str):
    return find_dating(normalize(raw)[1])


@pytest.mark.parametrize(
    "raw, year, issuer",
    [
        ("巢湖市人民政府2017年度政府信息公開工作年度報告\n正文", 2017, "巢湖市人民政府"),
        # hzq2023 (PDF): the issuer on the line above a title that starts with the year
        ("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由…", 2023, "洪泽区人民政府"),
        # kewei: the title wrapped after 工作
        ("正文\n2024 年上海市科委政府信息公开工作\n年度报告\n根据…", 2024, "上海市科委"),
        # 022: the year after 工作
        ("重庆市大足区人民政府外事办公室政府信息公开工作2022年度报告\n", 2022, "重庆市大足区人民政府外事办公室"),
        ("关于2022年度政府信息公开情况的报告\n", 2022, None),
        ("XX县人民政府二〇一八年政府信息公开工作年度报告\n", 2018, "XX县人民政府"),
        ("# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n", 2025, "沐阳县人民政府"),
        # 007: no title line; the preamble names the report, a cited notice's title does not count
        ("根据《关于做好2016年度政府信息公开年度报告的通知》,现公布泰州市人民政府2017年政府信息公开工作年度报告。", 2017, "泰州市人民政府"),
    ],
)
def test_title_year_and_issuer(raw, year, issuer):
    d = dating(raw)
    assert (d.report_year, d.report_year_source, d.issuer) == (year, "title", issuer)


def test_issuer_from_the_signature_when_the_title_names_none():
    d = dating("特编制思茅区2018年政府信息公开工作年度报告。\n…\n普洱市思茅区人民政府\n2019年1月30日\n附件:")
    assert d.issuer == "普洱市思茅区人民政府" and d.signed.iso == "2019-01-30"


@pytest.mark.parametrize(
    "raw, period",
    [
        ("本报告中所列数据的统计期限自2018年1月1日起至12月31日止。", ("2018-01-01", "2018-12-31")),
        ("本年度报告中所列数据统计期限从2019年1月1日到12月31日止。", ("2019-01-01", "2019-12-31")),
        ("报告中所列数据统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。", ("2023-01-01", "2023-12-31")),
        ("所列数据的统计周期\n为 2024 年 1 月 1 日至 12 月 31 日。", ("2024-01-01", "2024-12-31")),
        ("本报告中所列数据的统计时限自201911日起至20191231日止。", None),  # garbled: no period read
    ],
)
def test_statistical_period(raw, period):
    d = dating(raw)
    got = (d.period_start.iso, d.period_end.iso) if d.period_start else None
    assert got == period


@pytest.mark.parametrize(
    "raw, published, signed",
    [
        ("发布日期: 2021- 01- 20 08 : 32 浏览次数:", "2021-01-20", None),
        ("发布日期:2023/01/18 11:34:01", "2023-01-18", None),
        ("文号: 公开日期: 2022-01-29\n发布单位: 区政府", "2022-01-29", None),
        ("  • 成文日期:\n  • 2021-01-19\n", None, "2021-01-19"),
        ("发布机构 | 市政府办 | 发文日期 | 2018-02-28 |", None, "2018-02-28"),  # 007's metadata table
        ("…特此报告。\n某某局\n二〇一九年一月三十日\n", None, "2019-01-30"),
        ("沐阳县人民政府\n(2026年1月23日)\n", None, "2026-01-23"),
        ("2019年1月30日，我局召开会议。", None, None),  # a date inside a sentence is no date line
    ],
)
def test_publication_and_signing_dates(raw, published, signed):
    d = dating(raw)
    assert (d.published.iso if d.published else None, d.signed.iso if d.signed else None) == (published, signed)


def test_cited_document_numbers():
    d = dating("根据江政办发〔2014〕 1号、江审改办[2013]1号和普府办明电（2019）4号文件，参照国令第711号。")
    assert [c.year for c in d.citations] == [2014, 2013, 2019]


@pytest.mark.parametrize(
    "raw",
    [
        "与2017年相比，申请数量增加5件。",
        "2016-2018年，共开展培训3期。",
        "2016年至2018年，共开展培训3期。",
        "自2012年10月起，启动了原网站升级改造。",
        "2017年以来，我市持续推进政务公开。",
        "根据《2019年政务公开工作要点》，开展培训。",
        "按照2018年度报告的要求，做好工作。",
    ],
)
def test_not_a_statement_about_a_year(raw):
    d = dating(raw)
    assert d.statements == [] and d.plans == []


def test_statements_and_plans():
    d = dating(
        "2013年,我中心主动公开信息120148条。\n截至2013年底,5个试点乡镇实现公开。\n"
        "2014年,本中心将继续推进信息公开。\n十三、2019年政府信息与政务公开工作打算和计划\n2019年，开展培训2期。"
    )
    assert [s.year for s in d.statements] == [2013, 2013]
    assert [p.year for p in d.plans] == [2014, 2019, 2019]


def test_body_year_needs_a_clear_majority():
    three = "2013年,公开信息1条。2013年,公开信息2条。2013年,公开信息3条。"
    assert dating(three).body_year == 2013
    assert dating(three + "2012年,公开信息4条。2012年,公开信息5条。").body_year is None
    assert dating("2013年,公开信息1条。2013年,公开信息2条。").body_year is None


@pytest.mark.parametrize(
    "raw, iso",
    [
        ("截至9月19日，网站采用信息269条。", "2017-09-19"),
        ("截至5月中旬，电子政务外网已延伸到所有行政村。", "2017-05-20"),
        ("截至2017年11月底，共受理申请8件。", "2017-11-30"),
        ("截至年底，共受理申请8件。", None),
        ("截至目前，共受理申请8件。", None),
    ],
)
def test_as_of_dates(raw, iso):
    d = dating("某某市人民政府2017年政府信息公开工作年度报告\n" + raw)
    assert [a[0].iso for a in d.as_of] == ([iso] if iso else [])


def test_date_texts_keep_garbled_dates():
    d = dating("统计时限自201911日起至20191231日止，(2017210日)印发；2019年1月30日发布。")
    assert [t for _, t in d.date_texts] == ["201911日", "20191231日", "2017210日", "2019年1月30日"]


@pytest.mark.parametrize(
    "issuer, kind",
    [
        ("淮安市人民政府", "government"),
        ("上海市人民政府办公厅", "government"),
        ("衢江区人民政府办公室", "government"),
        ("威海市文登区科学技术局", "department"),
        ("江山市行政服务中心管理办公室", "department"),
        ("湛江市人民政府地方志办公室", "department"),
        ("重庆市大足区海棠新城开发区管理委员会", None),
        (None, None),
    ],
)
def test_issuer_kind(issuer, kind):
    assert issuer_kind(issuer) == kind


@pytest.mark.parametrize(
    "year, kind, date, regime",
    [
        (2018, "department", "2019-03-31", "2008"),
        (2019, "department", "2020-01-31", "2019"),
        (2019, "government", "2020-03-31", "2019"),
        (2024, None, "2025-03-31", "2019"),
    ],
)
def test_deadline_by_regime_and_issuer(year, kind, date, regime):
    d = deadline(year, kind)
    assert (d.date, d.regime) == (date, regime)
    assert ("第三十一条" if regime == "2008" else "第四十九条") in d.basis_zh
