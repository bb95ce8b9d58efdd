"""Each way of stating a relation, one focused case each (the real sentences are in
tests/cases/prose.yaml); and the rules that only constructed text can reach yet:
no report in samples/ or the corpus breaks PCT003 or CON001 in a way we can cite."""

from __future__ import annotations

import pytest

from audit.extract import extract
from audit.ingest.normalize import normalize
from audit.model import Document
from audit.pipeline import audit_documents


def _doc(text: str, name: str = "case") -> Document:
    text, shadow = normalize(text)
    return Document(path=name, format="text", text=text, shadow=shadow)


def _breakdowns(text: str) -> list[tuple[int, list[int], bool]]:
    return [
        (int(b.total.value), [int(p.value) for p in b.parts], b.may_fall_short)
        for b in extract(_doc(text)).breakdowns
    ]


def _shares(text: str) -> list[tuple[int, int, float]]:
    return [
        (int(s.count.value), int(s.base.value), float(s.percent.value)) for s in extract(_doc(text)).shares
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全年共收到申请100件，包括网上申请60件、当面申请40件。", [(100, [60, 40], False)]),
        ("共收到申请100件，分别为网上申请60件、当面申请40件。", [(100, [60, 40], False)]),
        # 分别为 naming its own items is no breakdown of the figure before
        ("全年受理申请100件，办结和转办分别为60件、30件。", []),
        ("收到申请和咨询分别为50件、30件。", []),
        # 含 in a bracket: one part, so an open list
        ("受理申请50件(含网上申请30件)。", [(50, [30], True)]),
        # parts followed by their total
        ("依申请公开信息12条,主动公开信息16条,共28条。", [(28, [12, 16], False)]),
        ("网上申请60件、当面申请40件，合计100件，同比增加5件。", [(100, [60, 40], False)]),
        # 从…看 divides the total of the sentence before
        ("全省共收到申请10105份。从申请渠道看,当面申请3001份,传真申请90份。", [(10105, [3001, 90], False)]),
        # nested 其中 without brackets: both levels, the outer list goes on after the inner one
        (
            "共发布120条，其中主动公开100条，其中网站60条、微博40条；依申请公开20条。",
            [(100, [60, 40], False), (120, [100, 20], False)],
        ),
        # one item per line after a colon
        ("共收到申请10件，其中：\n1.网上申请6件；\n2.当面申请4件。\n二、其他", [(10, [6, 4], False)]),
        # 包括…在内 leaves the list open
        ("共收到申请100件，其中网上申请60件在内。", [(100, [60], True)]),
        # no cue word: read only when the parts add up exactly
        ("经清理,303项事项,保留205项,取消13项,下放32项,调整53项。", [(303, [205, 13, 32, 53], False)]),
        ("全年受理申请10件，办结8件，转办3件。", []),
        # a sentence opening with 其中: the one figure of the parts' unit in the sentence before
        (
            "全年共举办191场新闻发布活动,领导出席共计25人次。其中,疫情防控新闻发布会累计举行151场。",
            [(191, [151], True)],
        ),
    ],
)
def test_breakdown_forms(text, expected):
    assert sorted(_breakdowns(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全县共受理依申请公开12件,予以公开6件,占50%;无法提供6件,占50%。", [(6, 12, 50), (6, 12, 50)]),
        ("共受理申请1191件。其中，予以公开208件（17.46%），不予公开983件（82.54%）。", [(208, 1191, 17.46), (983, 1191, 82.54)]),
        # a rate with both counts stated in the sentence
        ("全年共受理申请12件，已办结11件，办结率91.7%。", [(11, 12, 91.7)]),
        # no completed count stated: no rate
        ("受理市长信箱来信7件,全部予以答复,答复率100%。", []),
        # growth is never a share
        ("全年共受理申请120件，同比增长15%。", []),
        # two totals could be the base: not guessed
        ("共受理申请859件；答复申请805件，予以公开258件，占33.9%。", []),
    ],
)
def test_share_forms(text, expected):
    assert sorted(_shares(text)) == sorted(expected)


def _findings(text: str) -> list:
    return audit_documents([_doc(text)]).documents[0].findings


def test_shares_of_one_whole_above_100_percent_are_an_error():
    (finding,) = _findings("申请中网上申请占60%，当面申请占30%，信函申请占15%。")
    assert (finding.rule, finding.severity.value, finding.observed) == ("PCT003", "error", 105)
    assert finding.evidence[0].text == "60%，当面申请占30%，信函申请占15%"
    assert _findings("申请中网上申请占60%，当面申请占30%，信函申请占10%。") == []


def test_a_quantity_stated_twice_with_two_values_is_a_consistency_error():
    text = "一、概述\n2019年，我局共收到政府信息公开申请12件。\n二、依申请公开\n本年度收到政府信息公开申请15件。"
    (finding,) = _findings(text)
    assert (finding.rule, finding.category.value, finding.expected, finding.observed) == (
        "CON001",
        "consistency",
        12,
        15,
    )
    assert [e.text for e in finding.evidence] == ["12件", "15件"]


@pytest.mark.parametrize(
    "text",
    [
        # the same value twice
        "我局共收到政府信息公开申请12件。\n本年度收到政府信息公开申请12件。",
        # another period
        "本年度收到政府信息公开申请15件。上年收到政府信息公开申请20件。",
        "2019年收到政府信息公开申请15件。2018年收到政府信息公开申请20件。2019年收到政府信息公开申请15件。",
        # another scope
        "全省收到政府信息公开申请10105份。省本级收到政府信息公开申请2193份。",
        # other bodies' quantities
        "市教育局收到政府信息公开申请5件。市卫健委收到政府信息公开申请3件。本机关收到政府信息公开申请7件。",
        # a listing: three values of one label
        "一、\n收到政府信息公开申请5件。\n二、\n收到政府信息公开申请3件。\n三、\n收到政府信息公开申请7件。",
        # a part of a list is a narrower quantity
        "共收到政府信息公开申请20件，其中网上收到政府信息公开申请15件。网上收到政府信息公开申请12件。",
    ],
)
def test_figures_that_are_not_one_quantity_are_not_compared(text):
    assert [f.rule for f in _findings(text)] == []
