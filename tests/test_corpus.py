"""Regression over the development corpus (../shared/corpus): every finding there was read by
hand and is right; anything new is either a new true finding (add it) or a false alarm (fix it).
Skips when ../shared is absent: the project stands alone."""

from __future__ import annotations

from pathlib import Path

from audit.pipeline import audit_paths

from conftest import require_shared

# (file, rule, expected, observed) — checked by hand against the text.
EXPECTED = {
    ("029.txt", "SUM002", 411, 407),  # 307 + 97 + 3 = 407 of 主动公开信息411条
    ("053.txt", "SUM003", 4428, 4219),  # 12 + 1128 + 3079 of 4428: a partial list (info)
    ("022.txt", "PCT002", 42, 41),  # 其他公文5条，占41% of 累计主动公开12条: 41.67% truncated
    # 答复政府信息公开申请805件…予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%:
    # 258/805 = 32.05% (no rounding gives 33.9%); 35/805 = 4.348% prints 4.34% only truncated.
    ("004.txt", "PCT001", 32.0, 33.9),
    ("004.txt", "PCT002", 4.35, 4.34),
    # 共主动公开政府信息734条… 在主动公开的信息中,机构职能类信息16条…占总体的比例为2.8 %:
    # 16/734 = 2.18%. The excerpt ends inside the list, so its 16 + 25 of 734 is a partial list (info).
    ("008.txt", "PCT001", 2.2, 2.8),
    ("008.txt", "SUM003", 734, 41),
    # 004's own 表三 (2019 format, 总计 column blank for the outcome rows): 予以公开 258+12+1+1 = 272
    # and 部分公开 3 make 275, not the text's 258; 无法提供 252+12+1+44+3+25 = 337, not 265
    # (domain/evaluators.md §C lists both). 采购总金额 "251000元" is a unit in a 万元-free cell.
    ("004.txt", "CON002", 275, 258),
    ("004.txt", "CON002", 337, 265),
    ("004.txt", "TBL006", None, 1),
    ("004.txt", "PLH001", None, 126),  # 表三's blank cells (0 is required)
    ("004.txt", "PLH001", None, 9),  # 表四's blank cells
    ("017.txt", "PLH001", None, 3),  # 表二 规章 "/ | / | /"
    ("017.txt", "PLH001", None, 19),  # 表三 applicant cells left blank, totals 0
    ("023.txt", "PLH001", None, 72),  # 表三 blanks for zero
    ("019.txt", "STR001", "2021", "2019"),  # a 2023 report on the 2019 trial 表二
    # 统计时限自201911日起至20191231日止: 年 and 月 lost (evaluators.md lists 086); INDEX.md quotes it.
    ("086.txt", "PER009", "YYYY年M月D日", "201911日"),
    ("INDEX.md", "PER009", "YYYY年M月D日", "201911日"),
    # Placeholders and structure (issue 6).
    ("017.txt", "STR004", 6, 5),  # 本报告由总体情况、…、其他需要报告的事项等六部分组成: five listed
    ("065.txt", "PLH004", "已填写", "空白"),  # the model essay with its years stripped: 根据《规定》要求,年\n5月1日起
    ("082.txt", "PLH005", "已填写", "空白"),  # 发布时间: with nothing after it (evaluators.md §C)
    # Page chrome left in the text (info): metadata lines with an empty counter (浏览次数:, 点击数:),
    # font widgets (字号:【 视力保护色:), breadcrumbs (当前位置:首页 > …), 登录 注册, 网站支持IPv6.
    ("010.txt", "STR008", None, 2),
    ("037.txt", "STR008", None, 1),
    ("058.txt", "STR008", None, 2),
    ("076.txt", "STR008", None, 2),
    ("080.txt", "STR008", None, 3),
    ("005.txt", "STR008", None, 1),  # 字号: alone under the title (its 大 中 小 links lost)
}

# The fetched complete reports (../shared/corpus/fetched; SOURCES.md describes each).
FETCHED = {
    # 淮安市洪泽区 2023: 表四 行政复议 10/1/0/0 with 总计 0, 复议后起诉 5/0/0/0 with 总计 0 —
    # the source errors SOURCES.md records; its 表三 keeps the 2019 single （六）其他处理 row.
    ("hzq2023_working.pdf", "TBL005", 0, 11),
    ("hzq2023_working.pdf", "TBL005", 0, 5),
    ("hzq2023_working.pdf", "STR001", "2021", "2019"),
    ("hzq2024_working.pdf", "STR001", "2021", "2019"),
    # The peer's Markdown drops 表三 结转下年度's 总计 cell (the narrative gives 1).
    ("kewei-2024-source.md", "PLH001", None, 1),
    # The blank 2021 template: every cell of the three tables is blank.
    ("政务公开年报模版.docx", "PLH001", None, 10),
    ("政务公开年报模版.docx", "PLH001", None, 175),
    ("政务公开年报模版.docx", "PLH001", None, 15),
    # Hard wraps joined (issue 7): 2139 条，其中动态类信息发布 1744 条，政务信息发布 393 条，解读类信息发布
    # 21 条，回应公众关注热点信息 2 条 — the parts make 2160. (393 件，其中包括：…文件 13 件；…2 件；2024 年度
    # 部门预算…信息；… lists items without figures: an open list, not reported.)
    ("kewei-2024-source.md", "SUM001", 2139, 2160),
    # The peer's Markdown of both Shanghai reports lost the heading 存在的主要问题及改进情况 (its
    # （一）（二） sub-sections are there), so the numbering jumps over it: 三、→五、 and 四、→六、.
    ("kewei-2024-source.md", "STR002", "存在的主要问题及改进情况", None),
    ("kewei-2024-source.md", "STR006", 4, 5),
    ("shanghai-office-sample-source.md", "STR002", "存在的主要问题及改进情况", None),
    ("shanghai-office-sample-source.md", "STR006", 5, 6),
}


def test_corpus_pages_give_exactly_the_known_findings():
    pages = require_shared("corpus/pages")
    report = audit_paths([str(pages)])
    assert len(report.documents) == len(list(pages.glob("*.txt"))) + 1  # + INDEX.md
    found = {
        (Path(d.path).name, f.rule, f.expected, f.observed)
        for d in report.documents
        for f in d.findings
    }
    assert found == EXPECTED


def test_fetched_reports_give_exactly_the_known_findings():
    fetched = require_shared("corpus/fetched")
    report = audit_paths([str(fetched)])
    assert all(d.document is not None for d in report.documents)
    found = {
        (Path(d.path).name, f.rule, f.expected, f.observed)
        for d in report.documents
        for f in d.findings
    }
    assert found == FETCHED
