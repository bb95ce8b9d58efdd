"""The standard-table reader on the complete reports of ../shared/corpus/fetched (key cells
checked by hand against each document), and its label and value parsing."""

from __future__ import annotations

from fractions import Fraction

import pytest

from audit.extract import extract
from audit.extract import standard as std
from audit.extract.tables import cell_value, match_label
from audit.ingest import load

from conftest import require_shared

KIRO = "corpus/fetched/zxj6827111-blip__KIROGOVCOMPARE"
GOVNB = "corpus/fetched/zxj6827111-blip__govnianbao"

# file -> {(table, row, column): cell text}; plus the 表三 version read.
KEY_CELLS = {
    f"{KIRO}/hzq2023_working.pdf": (std.V2019, {
        ("T2", "normative", "in_force"): "5", ("T2", "licensing", "decisions"): "550",
        ("T2", "fees", "amount"): "7730.28",
        ("T3", "new", "total"): "21", ("T3", "partial", "natural"): "4", ("T3", "withheld.law", "total"): "0",
        ("T3", "unavailable.not_held", "total"): "10", ("T3", "total", "total"): "21",
        ("T4", "cases", "review.upheld"): "10", ("T4", "cases", "review.corrected"): "1",
        ("T4", "cases", "review.total"): "0", ("T4", "cases", "suit_after_review.upheld"): "5",
    }),
    f"{KIRO}/hzq2024_working.pdf": (std.V2019, {
        ("T3", "new", "total"): "95", ("T3", "total", "total"): "95",
        ("T4", "cases", "review.total"): "2", ("T4", "cases", "direct_suit.total"): "1",
        ("T4", "cases", "suit_after_review.total"): "3",
    }),
    f"{GOVNB}/szfgs2024.pdf": (std.V2021, {
        ("T2", "licensing", "decisions"): "447228", ("T2", "penalty", "decisions"): "3985758",
        ("T2", "fees", "amount"): "96171.6",
        ("T3", "new", "total"): "3119", ("T3", "carried", "total"): "34", ("T3", "total", "total"): "3050",
        ("T3", "forward", "total"): "103", ("T4", "cases", "review.total"): "351",
        ("T4", "cases", "direct_suit.total"): "26", ("T4", "cases", "suit_after_review.total"): "20",
    }),
    f"{KIRO}/kewei-2024-source.md": (std.V2021, {
        ("T2", "normative", "in_force"): "55", ("T2", "licensing", "decisions"): "97",
        ("T3", "new", "total"): "34", ("T3", "open", "total"): "9", ("T3", "other.no_correction", "natural"): "8",
        ("T3", "total", "total"): "35", ("T3", "forward", "total"): "",
        ("T4", "cases", "review.upheld"): "1", ("T4", "cases", "review.total"): "1",
    }),
    f"{KIRO}/shanghai-office-sample-source.md": (std.V2021, {
        ("T3", "new", "total"): "1295", ("T3", "carried", "total"): "189", ("T3", "total", "total"): "1191",
        ("T3", "forward", "total"): "293", ("T4", "cases", "review.total"): "55",
        ("T4", "cases", "suit_after_review.total"): "22",
    }),
    f"{KIRO}/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt": (std.V2021, {
        ("T2", "fees", "amount"): "4068.208", ("T3", "new", "total"): "713", ("T3", "other.no_fee", "total"): "7",
        ("T3", "total", "total"): "718", ("T3", "forward", "total"): "31", ("T4", "cases", "review.total"): "61",
    }),
}


@pytest.mark.parametrize("path", sorted(KEY_CELLS), ids=lambda p: p.rsplit("/", 1)[-1])
def test_fetched_report_key_cells(path):
    file = require_shared(path)
    facts = extract(load(str(file)))
    tables = {t.table: t for t in facts.tables}
    version, cells = KEY_CELLS[path]
    assert tables["T3"].version == version
    for (table, row, column), text in cells.items():
        cell = tables[table].cell(row, column)
        assert cell is not None and cell.text == text, (table, row, column)


def test_blank_template_is_recognised_cell_by_cell():
    facts = extract(load(str(require_shared(f"{GOVNB}/政务公开年报模版.docx"))))
    tables = {t.table: t for t in facts.tables}
    assert set(tables) == {"T2", "T3", "T4"}
    t3 = tables["T3"]
    assert t3.version == std.V2021 and t3.complete
    assert {c.row for c in t3.cells} == {r.id for r in std.T3_2021.rows}  # all 25 rows
    assert len(t3.cells) == 25 * 7 and all(c.text == "" for c in t3.cells)
    assert tables["T2"].version == std.V2021 and len(tables["T2"].cells) == 10
    assert len(tables["T4"].cells) == 15


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("一、本年新收政府信息公开申请数量", "new"),
        ("（二）部分公开（区分处理的，只计这一情况，不计其他情形）", "partial"),  # 023's typo
        ("2.其他法律行政止公开", "withheld.law"),  # hzq2023's typo
        ("5.属于三类内容事务信息", "withheld.internal"),  # 023's typo
        ("1. 属于国家秘密", "withheld.secret"),
        ("4.无正当理由大量反复 申请", "rejected.excessive"),
        ("3.其他", "other.other"),
        ("（七）总计", "total"),
        ("规范性文件", "normative"),
    ],
)
def test_label_matching(text, row):
    label = match_label(text)
    assert label is not None and row in label.layout_rows


@pytest.mark.parametrize("text", ["其他", "总计", "数据1", "结转下年度", "类别", "2023年，本机关共收到申请21件", "0"])
def test_words_that_are_not_row_labels(text):
    assert match_label(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,295", 1295), ("1 295", 1295), ("4068.208", Fraction("4068.208")), ("22（其中修订 16 件）", 22),
     ("251000元", 251000), ("", None), ("/", None), ("—", None), ("无", None), ("不适用", None)],
)
def test_cell_value(text, value):
    assert cell_value(text) == value


def test_reports_of_one_body_pair_across_years_with_or_without_the_parent_body():
    from audit.checks.years import _Bodies

    reports = [(0, "淮安市洪泽区人民政府", 2024), (1, "洪泽区人民政府", 2023), (2, "淮安市人民政府", 2023),
               (3, "区政府", 2023), (4, "淮安市洪泽区人民政府", 2023)]
    bodies = _Bodies(reports)
    assert bodies.of("淮安市洪泽区人民政府", 2023) == {1, 4}  # both name 洪泽区: ambiguous, not paired
    assert bodies.of("洪泽区人民政府", 2024) == {0}
    assert bodies.of("淮安市人民政府", 2024) == set()  # 淮安市 ≠ 淮安市洪泽区
    assert bodies.of("区政府", 2023) == set()  # three characters name no body
