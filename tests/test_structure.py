"""How the structure is read (audit/extract/structure.py) and the STR checks on constructed batches."""

from __future__ import annotations

from collections import Counter

from audit.extract.structure import find_structure
from audit.ingest.normalize import normalize
from audit.model import Document
from audit.pipeline import audit_documents

SECTIONS_2019 = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def _structure(text: str, year: int | None = 2023):
    _, shadow = normalize(text)
    return find_structure(shadow, year)


def _report(headings: list[str], closing: bool = True) -> str:
    body = "\n".join(f"{h}\n本机关按照要求做好相关工作，情况良好。" for h in headings)
    return body + ("\n某某局\n2024年1月20日\n" if closing else "\n")


def _audit(*texts: str) -> list[Counter]:
    documents = []
    for k, text in enumerate(texts):
        t, shadow = normalize(text)
        documents.append(Document(path=f"doc{k}.txt", format="text", text=t, shadow=shadow))
    return [Counter(f.rule for f in r.findings) for r in audit_documents(documents).documents]


def test_heading_levels_follow_the_order_styles_are_first_used():
    text = "一、完成情况\n1.主动公开。\n（一）重点领域。\n（二）政策解读。\n2.依申请公开。\n二、问题\n"
    heads = [(h.style, h.number, h.depth, h.step) for h in _structure(text).headings]
    assert heads == [
        ("一、", 1, 0, None),  # the document's first heading: an excerpt may start anywhere
        ("1.", 1, 1, 1),
        ("（一）", 1, 2, 1),
        ("（一）", 2, 2, 1),
        ("1.", 2, 1, 1),  # （一）（二） closed: 2. continues the 1. list
        ("一、", 2, 0, 1),
    ]


def test_repeated_and_skipped_numbers():
    steps = [h.step for h in _structure("一、甲\n二、乙\n二、乙\n四、丁\n").headings]
    assert steps == [None, 1, 0, 2]


def test_table_rows_and_contents_lines_are_not_headings():
    text = (
        "一、概述,(一)注重重点推进,(二)注重开拓创新\n一、概述\n二、主动公开政府信息情况\n"
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 3 | 0\n"
        "（二）部分公开(区分处理的,只\n计这一情形,不计其他情形) | 0 |\n四、结转下年度继续办理 0 0 0\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
    )
    heads = [h.text for h in _structure(text).headings]
    assert heads == ["概述", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况"]


def test_a_list_restarting_at_one_is_a_new_list():
    steps = [h.step for h in _structure("一、甲\n二、乙\n三、丙\n附表\n一、主动公开\n二、依申请公开\n").headings]
    assert steps == [None, 1, 1, None, 1]


def test_completeness_needs_a_closing_date_at_the_end():
    assert _structure(_report(SECTIONS_2019)).complete
    assert not _structure(_report(SECTIONS_2019, closing=False)).complete


def test_required_parts_2019():
    full = _structure(_report(SECTIONS_2019)).required
    assert [p.key for p in full if p.span is None] == []
    missing_middle = _structure(_report(SECTIONS_2019[:4] + SECTIONS_2019[5:], closing=False)).required
    assert [p.key for p in missing_middle if p.span is None] == ["problems"]  # 六 is present after it
    excerpt = _structure(_report(SECTIONS_2019[:3], closing=False)).required
    assert [p.key for p in excerpt if p.span is None] == []  # stops early: not judged
    swapped = SECTIONS_2019[:2] + [SECTIONS_2019[3], SECTIONS_2019[2]] + SECTIONS_2019[4:]
    out_of_order = [p for p in _structure(_report(swapped)).required if p.previous is not None and p.position < p.previous]
    assert [p.key for p in out_of_order] == ["review"]


def test_required_content_2008_is_read_anywhere_in_a_complete_report():
    text = _report(["一、概述", "二、主动公开情况", "三、依申请公开情况", "四、存在的问题和改进措施"])
    parts = _structure(text, 2012).required
    assert {p.key for p in parts if p.span is None} == {"fees", "review"}
    assert _structure(text.replace("2024年1月20日", ""), 2012).required == [
        p for p in parts if p.span is not None
    ]


def test_declared_part_counts():
    text = (
        "本报告由基本工作情况、主动公开政府信息情况、回应解读情况、依申请公开政府信息情况、行政复议和行政诉讼情况、"
        "机构设置、保障经费和培训会议情况、存在问题及工作打算等七部分组成。\n一、基本工作情况\n"
    )
    [count] = _structure(text, 2016).part_counts
    assert count.declared == 7 and len(count.listed) == 7
    assert count.listed[5] == "机构设置、保障经费和培训会议情况"
    five = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在问题及改进情况、其他需要报告的事项等六部分组成。\n"
    assert len(_structure(five).part_counts[0].listed) == 5
    assert _structure("全文包括概述,依申请公开情况,存在问题和下一步工作打算。\n一、概述\n").part_counts == []
    assert _structure("其中一部分信息由各乡镇共同组成专栏发布。\n一、概述\n").part_counts == []  # not a part count
    [total] = _structure("本报告共分六个部分。\n一、概述\n").part_counts
    assert (total.declared, total.listed) == (6, ())


def test_repeats_exact_near_and_pasted_passages():
    para = "按照公开是常态、不公开是例外的要求，在严格进行保密审查的基础上，及时、准确、全面地公开政府信息。"
    exact = _structure(f"{para}\n{para}\n").repeats
    assert [r.similarity for r in exact] == [1.0]
    passage = "泰州市政府网站采用我市信息269条，其中动态类信息222条，公示公告47条；我市向省政府网站报送信息169条，被采用信息55条。"
    pasted = _structure(f"2017年，{passage}另做好其他工作。\n截至9月19日，{passage}均完成任务。\n").repeats
    assert any(r.similarity == 1.0 and "泰州市政府网站" in r.excerpt for r in pasted)
    title = "《合肥市人民政府办公厅关于印发2017年全市政务公开政务服务工作要点的通知》（合政办秘〔2017〕6号）"
    cited = _structure(f"根据{title}要求，我市认真开展政务公开工作。\n按照{title}部署，加强政策解读。\n").repeats
    assert cited == []



def test_repeats_are_found_alike_with_a_character_beyond_the_basic_plane():
    # 𠮷 (U+20BB7) is two UTF-16 code units: the shingles are then numbered strings, not packed code units.
    passage = "泰州市政府网站采用我市信息269条，其中动态类信息222条，公示公告47条；我市向省政府网站报送信息169条，被采用信息55条。"
    near = "按照公开是常态、不公开是例外的要求，在严格进行保密审查的基础上，及时、准确、全面地公开政府信息，{}局"
    text = (
        f"2017年，{passage}另做好其他工作。\n截至9月19日，{passage}均完成任务。\n"
        f"{near.format('甲')}\n{near.format('乙')}\n由X主任负责本单位的政务公开日常工作，并按时报送年度报告。\n"
    )
    plain = _structure(text).repeats
    assert [r.similarity for r in plain] == [0.859, 1.0, 0.98]  # the two pasted paragraphs, their passage, the near pair
    assert _structure(text.replace("X", "𠮷")).repeats == plain
    assert _structure(text.replace("X", "吉")).repeats == plain

def test_sentences_mask_years_for_last_years_comparison():
    a = _structure("2022年，我局认真贯彻落实条例要求，扎实推进政务公开。\n").sentences
    b = _structure("2023年，我局认真贯彻落实条例要求，扎实推进政务公开。\n").sentences
    assert set(a) == set(b)


def _yearly(year: int, body: str) -> str:
    return f"某某市统计局{year}年政府信息公开工作年度报告\n{body}\n某某市统计局\n{year + 1}年1月20日\n"


def test_a_report_copied_from_last_year_is_a_warning():
    sentences = "".join(f"第{n}项工作，我局按照要求认真完成了第{n}项任务并通报全局。" for n in range(1, 31))
    fresh = "".join(f"本年度我局新开展专项工作{n}次，覆盖{n * 3}个单位并形成总结。" for n in range(1, 31))
    copied, last = _audit(_yearly(2023, sentences), _yearly(2022, sentences))
    assert copied["STR009"] == 1 and last["STR009"] == 0
    assert _audit(_yearly(2023, fresh), _yearly(2022, sentences))[0]["STR009"] == 0
