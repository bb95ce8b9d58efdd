"""How slots are read (audit/extract/placeholders.py): blanks, filled values and the traps."""

from __future__ import annotations

import pytest

from audit.extract.placeholders import find_slots
from audit.ingest.normalize import normalize


def _slots(text: str, kind: str) -> list[tuple[str, str]]:
    _, shadow = normalize(text)
    return [(s.label, s.value) for s in find_slots(shadow) if s.kind == kind]


def _blanks(text: str, kind: str) -> list[str]:
    return [label for label, value in _slots(text, kind) if not value]


@pytest.mark.parametrize(
    "text,blank",
    [
        ("通过微博微信公开政府信息 条;通过报刊公开", ["通过微博微信公开政府信息 条"]),
        ("本年度共受理 件。", ["本年度共受理 件"]),
        ("全年共条,其中", ["全年共条"]),
    ],
)
def test_a_unit_with_a_visible_gap_before_it_is_a_blank_figure(text, blank):
    assert _blanks(text, "figure") == blank


@pytest.mark.parametrize(
    "text",
    [
        "共发布各类重点领域信息 810余条,确保了",  # the figure follows a stray space
        "主动公开政府信息 5928 条,全文电子化率",  # PDF spacing
        "累计公开信息\n294\n篇,其中",  # PDF line breaks
        "及时公开有关文 件,做好解读",  # a word (文件) with a stray space
        "各 个,乡镇",  # a determiner before the unit
        "主 动 公 开 政 府 信 息 文 件 , 条 例 , 办 理",  # a line of spaced characters
        "办理群众信访835件次。",
    ],
)
def test_filled_figures_and_words_are_not_blank(text):
    assert _blanks(text, "figure") == []


def test_a_filled_figure_keeps_its_value():
    assert ("共发布各类重点领域信息 810余条", "810余") in _slots("共发布各类重点领域信息 810余条,确保", "figure")


def test_ordinals():
    assert _blanks("在中央第 环境保护督察组督察普洱思茅期间", "ordinal") == ["在中央第 环境保护督察组"]
    assert _blanks("中央第二环境保护督察组;第 1 季度;工作次第 展开", "ordinal") == []


@pytest.mark.parametrize(
    "text,blanks",
    [
        ("根据《规定》要求,年\n5月1日起,本区开始", 1),
        ("自 年1月1日至 年12月31日止", 2),
        ("今年5月1日起;去年12月;2018\n年5月1日;二〇一九年一月三十日;上半年6月", 0),
    ],
)
def test_year_slots(text, blanks):
    assert len(_blanks(text, "year")) == blanks


def test_fields_with_nothing_after_them():
    assert _blanks("联系地址:XX路1号 邮编:电话:传真:\n", "field") == ["邮编", "电话", "传真"]
    assert _blanks("发布时间:\n根据《中华人民共和国政府信息公开条例》的规定,现公布本机关年度报告。", "field") == ["发布时间"]
    assert _blanks("地址:\n舒兰市站前路583号\n邮编:132600", "field") == []
    assert _blanks("发布日期:\n2023-01-18\n", "field") == []


def test_page_counters_are_not_fields():
    assert _slots("发布日期:2013-01-09 浏览次数: 信息来源:市营商办", "field") == [("发布日期", "2013-01-09")]


def test_attachments():
    _, shadow = normalize("附件:思茅区2018年度政府信息公开情况统计表\n普洱市思茅区人民政府\n2019年1月30日\n附件:\n\n\n")
    slots = [s for s in find_slots(shadow) if s.kind == "attachment"]
    assert [(s.value, s.attached) for s in slots] == [("思茅区2018年度政府信息公开情况统计表", False), ("", None)]
    follows = "附件:2023年度统计表\n二〇二四年一月二十日\n2023年度统计表\n规章 | 0 | 0 | 3\n"
    _, shadow = normalize(follows)
    assert [s.attached for s in find_slots(shadow) if s.kind == "attachment"] == [True]
    _, shadow = normalize("附件:2023年度政府信息公开情况统计表.xlsx\n")
    assert [s.attached for s in find_slots(shadow) if s.kind == "attachment"] == [None]


@pytest.mark.parametrize(
    "text,marks",
    [
        ("XX区人民政府2023年政府信息公开工作年度报告", ["XX"]),
        ("联系电话:（ ）", ["（ ）"]),
        ("申请人□已缴费", ["□"]),
        ("某某局办公室", ["某某"]),
        ("网址 www.xxgk.gov.cn;Windows XP;3×4", []),
        ("**一、总体情况**", []),  # paired markdown emphasis
        ("***\n正文", []),
        ("某单位申请公开某项目", ["某", "某"]),
    ],
)
def test_template_mark_runs(text, marks):
    # Every run is a slot; the suite's regex decides which runs are marks (single 某, ** are not).
    assert [value for _, value in _slots(text, "mark")] == marks
