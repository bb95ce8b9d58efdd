"""Regenerate tests/cases/placeholders.yaml from the real texts it quotes.

Placeholder rules PLH002–PLH007 (blank figure, blank ordinal, stripped year,
empty field, template mark, missing attachment) and the traps that must not
trigger them. Every text is cut from a sample, a corpus page or a fetched
report (PDFs as ``audit.ingest.load`` reads them); a case whose text was edited
says how in ``constructed``. Run from the project root with ../shared present:
``python tests/cases/make_placeholders_yaml.py``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_periods_yaml import ROOT, SHARED, cut, lines, read, write  # noqa: E402

S003 = "samples/003_1e027fe9f1c79ffa.txt"
S002 = "samples/002_20fa491b52b245f1.txt"
S004 = "samples/004_0b8747fa09b50922.txt"
P = "corpus/pages/{}.txt".format
KIRO = "corpus/fetched/zxj6827111-blip__KIROGOVCOMPARE/"
HZQ23 = KIRO + "hzq2023_working.pdf"
HZQ24 = KIRO + "hzq2024_working.pdf"
KEWEI = KIRO + "kewei-2024-source.md"
SHOFF = KIRO + "shanghai-office-sample-source.md"
SZFGS = "corpus/fetched/zxj6827111-blip__govnianbao/szfgs2024.pdf"


@cache
def pdf(source: str) -> str:
    """A PDF's text as the audit reads it."""
    from audit.ingest import load

    return load(str(SHARED / source)).text


def pcut(source: str, start: str, end: str) -> str:
    text = pdf(source)
    i = text.index(start)
    return text[i : text.index(end, i) + len(end)]


def sub(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# --- the texts several cases share -------------------------------------------
blanks_003 = cut(S003, "截至2018年底,全区累计", "办理群众信访835件次。")
ordinal_003 = cut(S003, "如:今年9月,在中央第 环境保护督察组", "保证了未出现重大舆情。")
period_003 = cut(S003, "本报告中所列数据的统计期限", "12月31日止,")
end_003 = read(S003)[read(S003).index("附件:思茅区2018年度政府信息公开情况统计表") :]  # to the end of the file
essay_065_intro = lines(P("065"), ("本年度报告是根据", "联席会议办公室。"))
essay_065_overview = cut(P("065"), "一、概述", "均得到了顺利开展。")
header_082 = cut(P("082"), "发布时间:", "工作报告如下:")
contact_010 = cut(P("010"), "如有任何疑问,请与舒兰市", "0432-68866988)")
contact_014 = cut(P("014"), "如对本报告有任何疑问", "zfxxgk@mohrss.gov.cn)。")
decree_hzq = pcut(HZQ23, "本报告由淮安市洪泽区人民政府办公室", "要求编制此报告。")
period_shoff = cut(SHOFF, "本年度报告中所列数据统计期限为 2025", "12 月 31 日。")
notice_003 = cut(S003, "根据《中华人民共和国政府信息公开条例》", "4号)要求,")
ref_040 = cut(P("040"), "《呼和浩特市人民政府办公厅关于印发2019年政务公开工作主要任务的通知》", "文件要求,")
phone_011 = cut(P("011"), "如对本年度报告有任何疑问", "62748577×1751。")

CASES = [
    # ---------------------------------------------------------------- PLH002 / PLH003: sample 003
    {
        "id": "003-four-blanks",
        "source": S003,
        "note": "二、主动公开: three figures never filled in (政府信息 条, twice 条;), 七、舆情回应: 中央第 环境保护督察组 "
        "with the group's number missing; 今年9月 is not a stripped year",
        "text": blanks_003 + "\n" + ordinal_003,
        "findings": ["PLH002", "PLH003"],
        "evidence": {"PLH002": ["信息 条"], "PLH003": ["第 环境"]},
            },
    {
        "id": "003-four-blanks-filled",
        "source": S003,
        "constructed": "the four blanks of 003-four-blanks filled: invented counts 1365条, 420条, 86条 (spaces removed) and "
        "中央第六环境保护督察组 (which group it was is not in the text)",
        "text": sub(sub(sub(blanks_003, "网站主动公开政府信息 条", "网站主动公开政府信息1365条"),
                        "微博微信公开政府信息 条", "微博微信公开政府信息420条"),
                    "其他方式公开政府信息 条", "其他方式公开政府信息86条")
        + "\n" + sub(ordinal_003, "中央第 环境保护督察组", "中央第六环境保护督察组"),
        "findings": [],
        "absent": ["今年9月"],
    },
    {
        "id": "003-810yu-tiao",
        "source": S003,
        "note": "TRAP: 信息 810余条 — a stray space before a figure, not a blank (the unit has 810余 before it)",
        "text": cut(S003, "全区重点领域政府信息公开工作得到加强", "有序发布。"),
        "findings": [],
        "absent": ["810余条", "信息 810"],
    },
    {
        "id": "003-third-party-first-time",
        "source": S003,
        "note": "TRAP: 第三方办件, 第一次明确 are ordinals/words, not blanks; the window-office sentence's parts "
        "(103520+780) fall short of 104614 (SUM002)",
        "text": cut(S003, "根据实际需要,通过区政府领导班子会议", "政务公开工作。") + "\n"
        + cut(S003, "2018年,思茅区政务服务网上大厅累计接件", "处理7件。"),
        "findings": ["SUM002"],
        "absent": ["第三方", "第一次"],
    },
    {
        "id": "003-policy-readings-pian-tiao",
        "source": S003,
        "note": "TRAP: 20余篇(条) — 条 in parentheses after 篇, no whitespace, a figure before; 共开展 is not 共 + unit",
        "text": cut(S003, "充分发挥传统主流媒体及微博微信等新媒体作用", "20余篇(条)。"),
        "findings": [],
        "absent": ["(条)", "篇(条)"],
    },
    # ---------------------------------------------------------------- PLH002: other texts
    {
        "id": "002-total-blank-after-gong",
        "source": S002,
        "constructed": "002's 共120148条 with the figure removed (共条): a unit directly after 共",
        "text": sub(cut(S002, "2013年,我中心主动在政府网站上公开信息共", "公开政府信息10537条。"),
                    "公开信息共120148条", "公开信息共条"),
        "findings": ["PLH002"],
        "evidence": {"PLH002": ["共条"]},
    },
    {
        "id": "002-total-after-gong",
        "source": S002,
        "note": "the real sentence: 共120148条, all five channel figures present",
        "text": cut(S002, "2013年,我中心主动在政府网站上公开信息共", "公开政府信息10537条。"),
        "findings": [],
    },
    {
        "id": "008-figure-removed-before-spaced-unit",
        "source": P("008"),
        "constructed": "008's 依申请公开信息12 条 with the 12 removed (信息 条,)",
        "text": sub(cut(P("008"), "2009年1月1日至2009年12月31日,我局主动公开信息", "申请1条。"),
                    "依申请公开信息12 条", "依申请公开信息 条"),
        "findings": ["PLH002"],
        "evidence": {"PLH002": ["信息 条"]},
    },
    {
        "id": "008-figure-then-space",
        "source": P("008"),
        "note": "TRAP: 依申请公开信息12 条, 不予公开信息27 条 — a space between figure and unit is not a blank",
        "text": cut(P("008"), "2009年1月1日至2009年12月31日,我局主动公开信息", "申请1条。"),
        "findings": [],
        "absent": ["12 条", "27 条"],
    },
    {
        "id": "hzq2024-pdf-spacing",
        "source": HZQ24,
        "note": "TRAP: the PDF reader keeps the spaces around figures (2428 条, 7 条); the line break after 7 (会议 7⏎期) is joined",
        "text": pcut(HZQ24, "（一）主动公开情况。", "解读信息发布 7 条。"),
        "findings": [],
        "absent": ["7 条", "2428 条"],
    },
    {
        "id": "szfgs2024-figure-at-line-end",
        "source": SZFGS,
        "note": "TRAP: the figure ends one PDF line and its unit starts the next (复议 351⏎件, 结果维持 25⏎件); "
        "the reader joins the wrap (351件), and the joined figure is no blank",
        "text": pcut(SZFGS, "政府信息公开行政复议 351", "尚未审结 7 件。"),
        "findings": [],
        "absent": ["351件", "25件"],
    },
    {
        "id": "kewei-figure-at-line-end",
        "source": KEWEI,
        "note": "TRAP: 不予公开答复 2⏎件 (figure before the line break) and 转下一⏎年度 (年 at a line start, no month)",
        "text": cut(KEWEI, "所有办结的信息公开", "答复的有 1 件。"),
        "findings": [],
        "absent": ["2\n件", "年度办理"],
    },
    {
        "id": "065-figures-on-their-own-lines",
        "source": P("065"),
        "note": "TRAP: the essay puts each figure on its own line (政府信息⏎5928⏎条); 到年底 has no month, so no PLH004",
        "text": cut(P("065"), "二、主动公开政府信息情况", "2110\n条。"),
        "findings": [],
        "absent": ["5928", "2110", "年底"],
    },
    # ---------------------------------------------------------------- PLH003: other texts
    {
        "id": "hzq2023-decree-number-removed",
        "source": HZQ23,
        "constructed": "the number 711 removed from （国令第 711 号）, leaving （国令第 号）",
        "text": sub(decree_hzq, "（国令第 711 号）", "（国令第 号）"),
        "findings": ["PLH003"],
        "evidence": {"PLH003": ["第 号"]},
    },
    {
        "id": "hzq2023-decree-number-spaced",
        "source": HZQ23,
        "note": "TRAP: （国令第 711 号） — the PDF keeps spaces around a numeral after 第 (like 第 1 季度)",
        "text": decree_hzq,
        "findings": [],
        "absent": ["第 711"],
    },
    # ---------------------------------------------------------------- PLH004
    {
        "id": "065-year-stripped",
        "source": P("065"),
        "note": "a model essay with its years stripped: 根据《规定》要求,年⏎5月1日起 (年 with no figure, the date on "
        "the next line); 截至年底 has no month/day and is not reported",
        "text": essay_065_overview,
        "findings": ["PLH004"],
        "evidence": {"PLH004": ["5月1日"]},
        "absent": ["截至年底"],
    },
    {
        "id": "065-year-filled",
        "source": P("065"),
        "constructed": "2008 put before 年 (corpus/pages/008 has the real wording 根据《条例》要求,2008年5月1日起); the line break "
        "after 年 kept",
        "text": sub(essay_065_overview, "要求,年\n5月1日起", "要求,2008年\n5月1日起"),
        "findings": [],
    },
    {
        "id": "003-period-years-removed",
        "source": S003,
        "constructed": "the year 2018 removed from 003's period (自年1月1日起至12月31日止)",
        "text": sub(period_003, "自2018年1月1日起", "自年1月1日起"),
        "findings": ["PLH004"],
        "evidence": {"PLH004": ["1月1日"]},
    },
    {
        "id": "003-period",
        "source": S003,
        "note": "the real period sentence: 自2018年1月1日起至12月31日止 (the end date's year is implied, not stripped)",
        "text": period_003,
        "findings": [],
    },
    {
        "id": "shanghai-office-year-on-previous-line",
        "source": SHOFF,
        "note": "TRAP: the Markdown extraction breaks the line inside the date: 为 2025⏎年 1 月 1 日 (年 starts a line, its year ends the previous one)",
        "text": period_shoff,
        "findings": [],
        "absent": ["年 1 月 1 日"],
    },
    {
        "id": "shanghai-office-year-removed",
        "source": SHOFF,
        "constructed": "2025 removed from the end of the line before 年 1 月 1 日, so 年 starts a line with no year anywhere",
        "text": sub(period_shoff, "为 2025\n年", "为 \n年"),
        "findings": ["PLH004"],
        "evidence": {"PLH004": ["年 1 月"]},
    },
    {
        "id": "004-this-year-month",
        "source": S004,
        "note": "TRAP: 今年6月 — a relative year (今年), not a stripped one (000 has 今年2月份, 003 今年9月)",
        "text": cut(S004, "今年6月,举办了", "安排部署。"),
        "findings": [],
        "absent": ["今年6月"],
    },
    # ---------------------------------------------------------------- PLH005
    {
        "id": "082-empty-publish-time",
        "source": P("082"),
        "note": "the page's 发布时间: line is empty (the next line is the report's first paragraph)",
        "text": header_082,
        "findings": ["PLH005"],
        "evidence": {"PLH005": ["发布时间:"]},
    },
    {
        "id": "082-publish-time-filled",
        "source": P("082"),
        "constructed": "a date put after 发布时间: (2022-02-10: the month is the URL's 202202, the day is invented); "
        "a 信访局 is a department, so a 2021 report published in February is late (PER005)",
        "text": sub(header_082, "发布时间:\n", "发布时间:2022-02-10\n"),
        "findings": ["PER005"],
    },
    {
        "id": "010-contact-values-removed",
        "source": P("010"),
        "constructed": "the values of 地址, 邮编 and 电话、传真 removed from 010's contact sentence, punctuation kept "
        "(地址:,邮编:,电话、传真:)) — the shape of evaluators' 066 邮编:电话:传真:",
        "text": sub(contact_010, "(地址:舒兰市站前路583号,邮编:132600,电话、传真:0432-68866988)", "(地址:,邮编:,电话、传真:)"),
        "findings": ["PLH005"],
        "evidence": {"PLH005": ["地址:", "邮编:", "传真:"]},
    },
    {
        "id": "010-contact",
        "source": P("010"),
        "note": "the real contact sentence: 地址, 邮编, 电话、传真 all filled",
        "text": contact_010,
        "findings": [],
    },
    {
        "id": "014-contact-066-shape",
        "source": P("014"),
        "constructed": "the values of 邮编, 电话 and 传真 and their semicolons removed: 邮编:电话:传真: as in evaluators' 066; "
        "地址 and 电子邮箱 kept",
        "text": sub(contact_014, "邮编:100013;电话:64220319;传真:64221170;", "邮编:电话:传真:"),
        "findings": ["PLH005"],
        "evidence": {"PLH005": ["邮编:", "电话:", "传真:"]},
    },
    {
        "id": "014-contact",
        "source": P("014"),
        "note": "the real sentence; TRAP: the mailbox zfxxgk@mohrss.gov.cn has xx (信息公开 in pinyin), not a template mark",
        "text": contact_014,
        "findings": [],
        "absent": ["zfxxgk", "xx"],
    },
    {
        "id": "002-page-counter",
        "source": S002,
        "note": "TRAP for PLH005: 浏览次数: with no count is page chrome (STR008), not an empty field; 发布日期 and 信息来源 are filled",
        "text": cut(S002, "发布日期:2013-01-09", "信息来源:市营商办"),
        "findings": ["STR008"],
        "evidence": {"STR008": ["浏览次数"]},
    },
    {
        "id": "010-click-counter",
        "source": P("010"),
        "note": "TRAP for PLH005: 点击数: empty is web chrome (STR008); the dangling ) after 2017年2月23日 is not an empty ( )",
        "text": cut(P("010"), "发布日期:2017-02-23", "2017年2月23日)"),
        "findings": ["STR008"],
        "evidence": {"STR008": ["点击数"]},
        "absent": ["2月23日)"],
    },
    {
        "id": "037-fields-as-bullets",
        "source": P("037"),
        "note": "TRAP: the page's metadata table flattened to bullets puts every value on the line after its label "
        "(• 发布机构: ⏎ • 市审计局): the fields are filled",
        "text": cut(P("037"), "• 索引号:", "• 主动公开"),
        "findings": [],
        "absent": ["发布机构", "成文日期"],
    },
    {
        "id": "037-counter-and-font-brackets",
        "source": P("037"),
        "note": "TRAP: 浏览次数: and 字体:[ ] are page chrome (STR008); [ ] is not one of PLH006's empty brackets; 2021- 01- 20 has its year",
        "text": cut(P("037"), "发布日期: 2021- 01- 20", "字体:[ ]"),
        "findings": ["STR008"],
        "evidence": {"STR008": ["浏览次数"]},
    },
    {
        "id": "058-unlisted-empty-labels",
        "source": P("058"),
        "note": "TRAP: 文号:, 有效性:, 统一编号: are empty but are not contact/publication fields of PLH005's list",
        "text": cut(P("058"), "索引号: 330803-003/2022-47148", "统一编号:"),
        "findings": [],
        "absent": ["文号", "有效性", "统一编号"],
    },
    {
        "id": "080-empty-source-open-bracket",
        "source": P("080"),
        "note": "TRAP: 信息来源: (not a listed field) and the font-size widget 字号:【 with no closing 】 (not an empty 【】); "
        "the 字号 widget line is page chrome (STR008)",
        "text": cut(P("080"), "日期:2024-01-30 16:34:22", "视力保护色:"),
        "findings": ["STR008"],
    },
    {
        "id": "hzq2023-spaced-label-value-on-next-line",
        "source": HZQ23,
        "note": "TRAP: the PDF spaces a justified line (邮 编 ： 223100) and wraps before the mailbox: 电 子 邮 箱 ：⏎hzzwgk@126.com — filled",
        "text": pcut(HZQ23, "如对本报告有疑问", "hzzwgk@126.com）。"),
        "findings": [],
        "absent": ["邮 箱", "邮 编"],
    },
    # ---------------------------------------------------------------- PLH006
    {
        "id": "065-names-as-xx",
        "source": P("065"),
        "constructed": "the essay's stripped names (由市区编制) written as template marks: 由XX市XX区编制",
        "text": sub(essay_065_intro, "由市区编制", "由XX市XX区编制"),
        "findings": ["PLH006"],
        "evidence": {"PLH006": ["XX"]},
    },
    {
        "id": "065-names-stripped",
        "source": P("065"),
        "note": "TRAP: 由市区编制 (names removed without a mark) is not detectable; 并附…统计附表 is announced with 附, not 附件 (no PLH007); "
        "请联系: is not a field label",
        "text": essay_065_intro,
        "findings": [],
        "absent": ["附表", "请联系"],
    },
    {
        "id": "003-notice-number-empty-parens",
        "source": S003,
        "constructed": "the document number 普府办明电〔2019〕4号 removed from its parentheses, leaving ( )",
        "text": sub(notice_003, "(普府办明电〔2019〕4号)", "( )"),
        "findings": ["PLH006"],
        "evidence": {"PLH006": ["( )"]},
    },
    {
        "id": "003-notice-number",
        "source": S003,
        "note": "the real sentence: every parenthesis has text in it ((以下简称《条例》), (普府办明电〔2019〕4号))",
        "text": notice_003,
        "findings": [],
    },
    {
        "id": "040-empty-year-brackets",
        "source": P("040"),
        "constructed": "the year removed from 【2019】 in 呼政办发【2019】2-116号, leaving 【 】",
        "text": sub(ref_040, "【2019】", "【 】"),
        "findings": ["PLH006"],
        "evidence": {"PLH006": ["【 】"]},
    },
    {
        "id": "040-year-in-brackets",
        "source": P("040"),
        "note": "TRAP: 【2019】 is a non-empty 【】 (a document number's year)",
        "text": ref_040,
        "findings": [],
        "absent": ["【2019】"],
    },
    {
        "id": "011-extension-times-sign",
        "source": P("011"),
        "note": "TRAP: 62748577×1751 — a single × between figures (an extension number), not ××",
        "text": phone_011,
        "findings": [],
        "absent": ["×"],
    },
    {
        "id": "043-mailbox-xxgk",
        "source": P("043"),
        "note": "TRAP: xxgk@np.gov.cn starts with xx (信息公开 in pinyin), the URL is in Markdown <…> brackets",
        "text": cut(P("043"), "本报告电子版可在“中国南平”网站", "xxgk@np.gov.cn )。"),
        "findings": [],
        "absent": ["xxgk", "<http"],
    },
    # ---------------------------------------------------------------- PLH007
    {
        "id": "003-empty-attachment",
        "source": S003,
        "note": "the end of 003: 附件:思茅区2018年度政府信息公开情况统计表 announced, signature, date, then 附件: with nothing — "
        "the table never follows: ONE PLH007 finding",
        "text": end_003,
        "findings": ["PLH007"],
        "evidence": {"PLH007": ["附件:"]},
    },
    {
        "id": "003-announced-table-never-follows",
        "source": S003,
        "constructed": "003's end without its last, empty 附件: line (and the blank lines after it): the announced 统计表 alone still never follows",
        "text": sub(end_003, "2019年1月30日\n附件:\n\n\n", "2019年1月30日\n"),
        "findings": ["PLH007"],
        "evidence": {"PLH007": ["统计表"]},
    },
    {
        "id": "003-attachment-is-a-file",
        "source": S003,
        "constructed": "the announced table named as a file (…统计表.xls, a link on the page) and the empty 附件: line removed",
        "text": sub(sub(end_003, "2019年1月30日\n附件:\n\n\n", "2019年1月30日\n"), "情况统计表\n", "情况统计表.xls\n"),
        "findings": [],
    },
    {
        "id": "008-tables-appended-without-attachment",
        "source": P("008"),
        "note": "TRAP: 报告后附相关的说明和指标统计图表 announces tables with 附, not 附件; "
        "第一篇: is an ordinal; xiexiebang (mirror URL) has no XX",
        "text": cut(P("008"), "第一篇:2009年北京市文化局政府信息公开年度报告", "联系电话:82210774。"),
        "findings": [],
        "absent": ["图表", "第一篇", "xiexiebang"],
    },
    {
        "id": "035-statistical-annex-in-contents",
        "source": P("035"),
        "note": "TRAP: 以及相关指标统计附表等 lists the tables among the contents; no 附件 announces them",
        "text": cut(P("035"), "本报告内容包括:", "以及相关指标统计附表等。"),
        "findings": [],
        "absent": ["附表"],
    },
]


def main() -> None:
    header = (
        "# Placeholders left in (PLH002–PLH007) and the traps that must not trigger them: real text (sources\n"
        "# named), 'constructed' says where a case was edited. findings: every rule the audit reports on the\n"
        "# text; evidence: substrings of that finding's evidence; absent: substrings no PLH/STR finding may\n"
        "# quote. Regenerate with tests/cases/make_placeholders_yaml.py.\n"
    )
    write("placeholders", header, CASES)


if __name__ == "__main__":
    main()
