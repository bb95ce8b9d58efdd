"""Regenerate tests/cases/structure.yaml from the real texts it quotes.

Every case is cut from a sample, a corpus page or a fetched report (named in
``source``); a PDF's text is the text ``audit.ingest.load`` returns, produced
here at run time. A case whose text was edited says how in ``constructed``.
All cases of the file are audited as ONE batch (STR009 pairs reports of one
body for consecutive years), so no two cases may name the same body and year
unless they are meant as such a pair. Run from the project root with ../shared
present: ``.venv/bin/python tests/cases/make_structure_yaml.py``.
"""

from __future__ import annotations

import re


from make_periods_yaml import ROOT, SHARED, cut, read, write

S000 = "samples/000_be58ca886fa7a997.txt"
S001 = "samples/001_cd2b5c8018a8e336.txt"
S002 = "samples/002_20fa491b52b245f1.txt"
S003 = "samples/003_1e027fe9f1c79ffa.txt"
S004 = "samples/004_0b8747fa09b50922.txt"
KIRO = "corpus/fetched/zxj6827111-blip__KIROGOVCOMPARE/"
HZQ2023 = KIRO + "hzq2023_working.pdf"
HZQ2024 = KIRO + "hzq2024_working.pdf"
KEWEI = KIRO + "kewei-2024-source.md"
SHOFFICE = KIRO + "shanghai-office-sample-source.md"
SHUYANG = KIRO + "沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt"
SZFGS = "corpus/fetched/zxj6827111-blip__govnianbao/szfgs2024.pdf"


def pdf(source: str) -> str:
    """The text the audit itself reads from a PDF."""
    from audit.ingest import load

    return load(str(SHARED / source)).text


def sub(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def between(text: str, start: str, end: str) -> str:
    """``text`` from ``start`` up to (not with) ``end``."""
    i = text.index(start)
    return text[i : text.index(end, i)]


def szfgs_without_review_section() -> str:
    """淮安市 2024 with section 四 (复议/诉讼) removed and 五/六 renumbered 四/五."""
    text = pdf(SZFGS)
    section = between(text, "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况")
    text = sub(text, section, "")
    text = sub(text, "五、存在的主要问题及改进情况", "四、存在的主要问题及改进情况")
    return sub(text, "六、其他需要报告的事项", "五、其他需要报告的事项")


def page004_sections_swapped() -> str:
    """上海市政府办公厅 2019: sections 四 and 五 exchanged, numbers kept in sequence."""
    text = read("corpus/pages/004.txt")
    four = between(text, "四、政府信息公开行政复议、行政诉讼情况", "五、政府信息公开工作存在的主要问题及改进情况")
    five = between(text, "五、政府信息公开工作存在的主要问题及改进情况", "六、其他需要报告的事项")
    text = sub(text, four + five, five.replace("五、", "四、", 1) + four.replace("四、", "五、", 1))
    return text


def shuyang_previous_year() -> str:
    """沭阳 2025 made into a 2024 report: 2025 → 2024 and 2026 → 2025, nothing else (〔2021〕30号 stays)."""
    return re.sub(r"202[56]", lambda m: str(int(m.group()) - 1), read(SHUYANG))


CASES = [
    # ---------------------------------------------------------------- samples
    {
        "id": "001-duplicated-section-and-paragraph",
        "source": S001,
        "note": "二、政府信息公開工作開展情況 twice in a row (lines 7 and 9) with the same (一) paragraph under each "
        "(lines 8 and 10): STR005 and STR007; the intro lists six parts without a number (no STR004); the page "
        "tail 相關詞條/熱門詞條/聯絡我們 is web chrome (STR008). The citation 《合肥市…工作要點的通知》(合政辦秘〔2017〕64號) "
        "occurs in two different sentences (lines 6 and 12): a document cited twice, not a repeated paragraph. No closing date: STR002 is not checked (and all "
        "2008 items are there anyway: 主動公開, 依申請公開, 收費及減免, 複議/訴訟, 問題+打算)",
        "text": read(S001),
        "findings": ["STR005", "STR007", "STR008"],
        "evidence": {
            "STR005": ["二、政府信息公開工作開展情況"],
            "STR007": ["全力推進政務公開工作"],
            "STR008": ["相關詞條", "熱門詞條", "聯絡我們"],
        },
        "absent": ["合政辦秘〔2017〕64號"],
    },
    {
        "id": "000-repeated-passages",
        "source": S000,
        "note": "no whole paragraph repeats, but a 79-character passage does: 泰州市政府网站采用我市信息269条(…)…均完成"
        "泰州市下达的目标任务。 closes paragraph 5 (after 2017年,) and paragraph 7 (after 截至9月19日,), 94% similar "
        "as sentences: STR007. The other repeat, 接收政府信息公开申请268件,受理268件,答复260件。 (lines 3 and 6), "
        "is 29 characters, under the 30-character floor. Traps: 五家网站全部关闭 is prose, not 关闭窗口 (no "
        "STR008); 1. 2. 3. 4. under 一、 carry (一)(二) inside 1., so 2. after (二) is no gap (no STR006)",
        "text": read(S000),
        "findings": ["PER008", "STR007"],
        "evidence": {"STR007": ["泰州市政府网站采用我市信息269条"]},
        "absent": ["全部关闭"],
    },
    {
        "id": "002-page-header-view-counter",
        "source": S002,
        "note": "the page header line 发布日期:2013-01-09 浏览次数: 信息来源:市营商办 carries an empty view counter: web "
        "chrome (STR008), not an empty field (no PLH005). A 2012 report under the 2008 regulation: 主动公开 (二), "
        "依申请公开 (三), 复议/诉讼 (四), 收费 (五、政府支出和收费: 无任何收费情况), 问题+改进措施 (六) are all there, and "
        "the page ends without a closing date: no STR002",
        "text": read(S002),
        "findings": ["PER001", "PER006", "STR008"],
        "evidence": {"STR008": ["浏览次数"]},
    },
    {
        "id": "003-2018-report-without-fee-item",
        "source": S003,
        "note": "a complete 2018 report (signed 普洱市思茅区人民政府 2019年1月30日; a stray 附件: follows the date) "
        "under the 2008 regulation (Art. 32): 主动公开 (二), 依申请公开 (八), 复议/诉讼 (十), 问题 (十二) + 打算 (十三) "
        "are reported, 收费及减免 is not: the only 收费 in the text is 收费标准 in a list of 政务服务 guide items, "
        "and 减免 never occurs: STR002. Placeholders: 主动公开政府信息 条 (three blank counts, PLH002), 中央第 环境"
        "保护督察组 (PLH003), the final 附件: with nothing after it (PLH007)",
        "text": read(S003),
        "findings": ["PLH002", "PLH003", "PLH007", "STR002", "SUM002"],
    },
    {
        "id": "004-copyright-line",
        "source": S004,
        "note": "the piece ends with the site's copyright line: STR008",
        "text": cut(S004, "针对依申请公开数量呈上升趋势的现状", "All Rights Reserved"),
        "findings": ["STR008"],
        "evidence": {"STR008": ["copyright 2001-2021"]},
    },
    # ------------------------------------------------- 2008-era complete report
    {
        "id": "061-2013-report-all-items",
        "source": "corpus/pages/061.txt",
        "note": "a complete 2013 report (ends 2014年3月25日) whose five headings are the five Art. 32 items: 主动公开, "
        "依申请公开, 收费及减免, 复议/诉讼, 问题及改进: no STR002",
        "text": read("corpus/pages/061.txt"),
        "findings": [],
    },
    # ---------------------------------------------------- declared part counts
    {
        "id": "017-six-parts-lists-five",
        "source": "corpus/pages/017.txt",
        "note": "等六部分组成 after a list of five (总体情况、主动公开…、收到和处理…、存在问题及改进情况、其他需要报告的事项; "
        "the 复议/诉讼 part is left out): STR004. The excerpt stops inside 三 (a page beginning): no STR002. "
        "Traps: the table rows 一、本年新收… 二、上年结转… 三、本年度办理结果 after 三、收到和处理… are not "
        "headings (no STR005/STR006)",
        "text": read("corpus/pages/017.txt"),
        "findings": ["PLH001", "PLH001", "STR004"],
        "evidence": {"STR004": ["六部分"]},
        "absent": ["本年新收政府信息公开申请数量"],
    },
    {
        "id": "013-seven-parts-lists-seven",
        "source": "corpus/pages/013.txt",
        "note": "七部分组成 after seven items joined by 、: no STR004",
        "text": cut("corpus/pages/013.txt", "本报告由概述", "七部分组成。"),
        "findings": [],
    },
    {
        "id": "053-six-parts-last-joined-by-ji",
        "source": "corpus/pages/053.txt",
        "note": "六部分 after four items joined by 、 and a last pair joined by 及 (存在的主要問題及改進情況及其他需要報告的事項): "
        "the first 及 is inside one item, so a reader counts six: no STR004 (the mirror's pinyin glosses such as "
        "動(dòng) sit inside the items)",
        "text": cut("corpus/pages/053.txt", "全文由總體情況", "六部分組成。"),
        "findings": [],
    },
    {
        "id": "056-six-parts-comma-list-with-inner-dunhao",
        "source": "corpus/pages/056.txt",
        "note": "a list separated by commas whose fourth item itself holds a 、 (申请行政复议、提起行政诉讼情况): six "
        "items, as declared (splitting at 、 too would give seven): no STR004",
        "text": cut("corpus/pages/056.txt", "报告全文包括", "六部分。"),
        "findings": [],
    },
    {
        "id": "010-seven-parts-and-click-counter",
        "source": "corpus/pages/010.txt",
        "note": "七部分组成 after a 、-list of eight names of which 机构设置、保障经费和培训会议情况 is one part (机构设置 "
        "alone is not a 情况; every other item is): seven, as declared: no STR004. The header's empty 点击数: is a "
        "page counter: STR008, not PLH005",
        "text": cut("corpus/pages/010.txt", "舒兰市市场监督管理局2016年政务信息公开年度报告", "七部分组成。"),
        "findings": ["STR008"],
        "evidence": {"STR008": ["点击数"]},
    },
    {
        "id": "037-six-parts-last-joined-by-he-and-view-counter",
        "source": "corpus/pages/037.txt",
        "note": "六部分组成 after five 、-items, the last holding two parts joined by 和 (…改进情况和其他需要报告的事项): six, "
        "no STR004. The header line 浏览次数: 字体:[ ] is page chrome: STR008 (the ASCII [ ] is a font-size "
        "control, not an empty （ ）/【】 template mark)",
        "text": cut("corpus/pages/037.txt", "发布日期: 2021", "六部分组成。"),
        "findings": ["STR008"],
        "evidence": {"STR008": ["浏览次数"]},
    },
    {
        "id": "029-six-parts-and-contact-sentence",
        "source": "corpus/pages/029.txt",
        "note": "等六个部分 after six 、-items: no STR004; 请与贵州省机关事务管理局联系(地址:…;邮编:550004;电话:…) is the "
        "report's own contact sentence, not a 联系我们 link (no STR008), and its fields are filled (no PLH005)",
        "text": cut("corpus/pages/029.txt", "本报告包括总体情况", "0851-86894707)。"),
        "findings": [],
        "absent": ["管理局联系"],
    },
    {
        "id": "005-font-size-widget",
        "source": "corpus/pages/005.txt",
        "note": "字号: alone on the line under the title is the page's font-size control (its 大 中 小 links lost in the "
        "crawl): STR008",
        "text": cut("corpus/pages/005.txt", "2022年上海市政府信息公开工作年度报告", "字号:"),
        "findings": ["STR008"],
        "evidence": {"STR008": ["字号"]},
    },
    {
        "id": "068-seven-parts-with-annex",
        "source": "corpus/pages/068.txt",
        "note": "共七部分 after seven 、-items, the last 需要说明的事项与附表: no STR004",
        "text": cut("corpus/pages/068.txt", "本报告全文包括概述", "共七部分。"),
        "findings": [],
    },
    # --------------------------------------------- headings: traps and gaps
    {
        "id": "031-carry-forward-row-then-section-four",
        "source": "corpus/pages/031.txt",
        "note": "page 9 of a PDF flipbook: the table row 四、结转下年度继续办理 0 0 … is followed by the heading "
        "四、政府信息公开行政复议、行政诉讼情况: a table row, not a second 四 (no STR005); the page starts inside the "
        "report, so starting at 四 is no gap (no STR006); two headings only: not checked for STR002",
        "text": read("corpus/pages/031.txt"),
        "findings": [],
        "absent": ["结转下年度继续办理"],
    },
    {
        "id": "044-contents-line-then-first-heading",
        "source": "corpus/pages/044.txt",
        "note": "a comma-joined table of contents (一、概述,(一)…,六、主要問題和改進措施,) precedes the heading 一、概述: a "
        "contents line, not a first 一、 (no STR005); the intro lists its parts without a number (no STR004)",
        "text": cut("corpus/pages/044.txt", "一、概述,(一)", "到12月31日止。"),
        "findings": [],
        "absent": ["注重重點推進,深化公開內容。,"],
    },
    {
        "id": "kewei-2024-lost-heading-and-annex-renumbered",
        "source": KEWEI,
        "note": "the peer's Markdown extraction from 一、总体情况 on (the intro with its 六部分 is left out): narrative "
        "sections 一…六, then the tables under a second run 一、主动公开… 二、收到和处理… 三、…复议、行政诉讼情况 and "
        "五、其他需要报告的事项 — the heading 四、存在的主要问题及改进情况 was lost (only （一）主要问题 （二）改进情况 "
        "remain). STR006: 三 → 五 skips 四 (the second run starting again at 一 is read as a new list, "
        "like an appendix numbering its own parts: not reported). STR002: 存在的主要问题及改进情况 is missing while "
        "the later 其他需要报告的事项 is present. Table fragments （二）部分公开…（六）其 and 1./2./5. rows are not "
        "headings; the table row 四、结转下年度继续办理 is not a heading. Its hard wraps joined, the text also "
        "shows 2139 条 whose parts make 2160 (SUM001)",
        "text": cut(KEWEI, "一、总体情况", "收费事项。"),
        "findings": ["PLH001", "STR002", "STR006", "SUM001"],
        "evidence": {"STR006": ["三、政府信息公开行政复议、行政诉讼情况", "五、其他需要报告的事项"]},
    },
    {
        "id": "shanghai-office-2025-lost-heading",
        "source": SHOFFICE,
        "note": "the peer's Markdown extraction of the 2025 report: 一 二 三 四 then 六、其他需要报告的事项 — the heading "
        "五、政府信息公开工作存在的主要问题及改进情况 was lost (（一）2024 年工作中存在问题的改进情况 follows 表四): STR006 "
        "(四 → 六) and STR002 (a later required heading is present). The table fragment 三、本法提供 (三、本年度办理结果 "
        "run into （四）无法提供) is not a heading (no STR005); 总浏览量为 536 万 is prose (no STR008); the intro "
        "lists its parts without a number (no STR004)",
        "text": read(SHOFFICE),
        "findings": ["STR002", "STR006"],
        "evidence": {"STR006": ["六、其他需要报告的事项"]},
        "absent": ["三、本法提供", "总浏览量"],
    },
    # ------------------------------------------ complete 2019+ reports (PDF)
    {
        "id": "hzq2023-complete-report",
        "source": HZQ2023,
        "note": "洪泽区人民政府 2023 (text as the audit reads the PDF): the six headings in order, nothing missing; the "
        "table row 四、结转下年度继续办理 | 0 … right before 四、政府信息公开行政复议、行政诉讼情况 is no second 四 "
        "(no STR005); the spaced row 三 、 本 年 度 办 理 结 果 is no heading. Old rules: the PDF's real 表四 "
        "errors (复议 10/1/0/0 with 总计 0; 复议后起诉 5 with 总计 0: TBL005 twice) and 表三's single （六）其他处理 "
        "row of the 2019 format (STR001)",
        "text": pdf(HZQ2023),
        "findings": ["STR001", "TBL005", "TBL005"],
        "absent": ["结转下年度继续办理"],
    },
    {
        "id": "hzq2024-complete-report-not-copied",
        "source": HZQ2024,
        "note": "淮安市洪泽区人民政府 2024, the same body as hzq2023 one year later: the batch holds last year's report. "
        "Sentence overlap with 2023 (sentences ≥ 10 characters, 4-digit years removed, table rows left out): "
        "26–47% depending on how sentences are cut (7 of 23 = 30% at 。！？ with heading lines left out); 50% "
        "(17 of 34) at most, only when the standard headings 一、…六、 and （一）…（五） count as sentences and "
        "。！？；： all cut; never more than 50%: no STR009. The shared sentences are boilerplate (统计期限, 联系 address, 主要通过政府门户网站主动公开…, 一是扎实"
        "推进依申请公开工作…, 信息处理费 0 元). Six headings in order: no STR002/STR003. Old rule: 表三's single "
        "（六）其他处理 row (STR001)",
        "text": pdf(HZQ2024),
        "findings": ["STR001"],
    },
    {
        "id": "szfgs2024-section-four-removed",
        "source": SZFGS,
        "constructed": "淮安市人民政府 2024 (text as the audit reads the PDF) with section 四、政府信息公开行政复议、行政诉讼情况 "
        "(heading, table header and figures) deleted and 五/六 renumbered 四/五, so no numbering gap remains",
        "note": "the 复议/诉讼 section is gone while later required headings are present: STR002 (only that one "
        "section); the narrative still mentions 行政复议 351 件, but the required heading is missing",
        "text": szfgs_without_review_section(),
        "findings": ["STR002"],
    },
    {
        "id": "page004-sections-four-and-five-swapped",
        "source": "corpus/pages/004.txt",
        "constructed": "上海市人民政府办公厅 2019: the blocks of sections 四 (复议/诉讼) and 五 (存在的主要问题及改进情况) "
        "exchanged and renumbered, so the numbers still run 一…六",
        "note": "存在的主要问题及改进情况 now comes before 行政复议、行政诉讼情况: STR003 (no heading is missing, no number "
        "skips). The repeated table header row 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 is a table row, "
        "not a duplicated paragraph (no STR007). Old rules: the real narrative/table differences of this report "
        "(258件/33.9%, 265件: CON002 twice, PCT001, PCT002), 251000元 in a cell (TBL006), blank cells in 表三 and "
        "表四 (PLH001 twice)",
        "text": page004_sections_swapped(),
        "findings": ["CON002", "CON002", "PCT001", "PCT002", "PLH001", "PLH001", "STR003", "TBL006"],
        "absent": ["上一年项目数量"],
    },
    # ---------------------------------------------- copied from last year
    {
        "id": "shuyang2025-copied-from-2024",
        "source": SHUYANG,
        "note": "沭阳 (OCR: 沐阳) 2025, complete (signed 2026年1月23日), six headings in order: no STR002/STR003. "
        "The batch holds shuyang2024-made-from-2025, the same body's 2024 report whose sentences differ only in "
        "their years: 100% of this year's sentences are last year's: STR009. Traps: the Markdown headings "
        "### 一、本年新收… ### 二、上年结转… ### 三、本年度办理结果 under 三、 are 表三's row labels, not headings "
        "(no STR006). Old rules, from the same batch: the copied tables make the carry-over disagree with last "
        "year's (上年结转 36 vs 结转下年度 31: TBL007 twice; 现行有效 32 vs 32+6−1: TBL008)",
        "text": read(SHUYANG),
        "findings": ["STR009", "TBL007", "TBL007", "TBL008"],
    },
    {
        "id": "shuyang2024-made-from-2025",
        "source": SHUYANG,
        "constructed": "the 2025 report with its years lowered by one (2025→2024 everywhere, the date line 2026→2025; the "
        "cited 国办公开办函〔2021〕30号 kept), nothing else changed: last year's report of shuyang2025-copied-from-2024",
        "note": "the earlier report of the pair: the batch holds no 2023 report of this body: no STR009",
        "text": shuyang_previous_year(),
        "findings": [],
    },
]


def main() -> None:
    header = (
        "# Document structure (STR002–STR009): real reports and excerpts (sources named), what the audit\n"
        "# says. 'constructed' says where a case was edited; PDF texts are what audit.ingest.load reads.\n"
        "# findings: every rule the audit reports on the text (old rules too); evidence: substrings of that\n"
        "# finding's evidence; absent: substrings no PLH/STR finding may quote. All cases are ONE batch\n"
        "# (STR009 pairs hzq2023/hzq2024 and shuyang2024/shuyang2025). Regenerate with\n"
        "# tests/cases/make_structure_yaml.py.\n"
    )
    write("structure", header, CASES)


if __name__ == "__main__":
    main()
