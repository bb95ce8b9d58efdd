"""The one registry of rules: id, name, category, default severity and documentation.

Rule ids carry a family prefix (SUM, PCT, CON, TBL, PLH, STR, PER, INP) and a number that never changes
meaning; the name says the problem. Rules checked by Great Expectations are
declared in ``expectations/*.json`` (each expectation's ``meta.rule`` names one
of these ids, and a test holds the two in agreement); the INP rules are raised
by the pipeline itself when a document cannot be read or processed.

Every doc uses the same headings: What it checks · Why it matters · Passes ·
Fails · Options (a test enforces them).
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.model import Category, Severity

DOC_HEADINGS = ("What it checks", "Why it matters", "Passes", "Fails", "Options")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    category: Category
    severity: Severity
    title_zh: str
    title_en: str
    doc: str


_RULES = (
    Rule(
        "SUM001",
        "parts-exceed-total",
        Category.SUM,
        Severity.ERROR,
        "分项之和大于总数",
        "Parts add up to more than the stated total",
        """\
What it checks
    A total and the parts the text lists under it — 其中, 包括, 含, 分别为,
    从…看, 按…分, or parts followed by their total (…，共N件); each level of a
    nested list is its own breakdown — : the sum of the parts must not exceed
    the total. How each form is read: audit/extract/relations.py. Figures are compared as
    intervals, so "8.4万余件" or "近100" never trip it by rounding.
Why it matters
    Parts above their total mean one of the figures is wrong; readers and
    evaluators cannot tell which, and the report fails "数据精确".
Passes
    总计发布信息30871条，其中主动公开30506条、依申请公开269条、不予公开96条 (30871 = 30506 + 269 + 96).
    主动公开2117496条（同一信息多渠道公开计1条），其中政府网站公开1563938条… — the
    overlap note says an item may be counted under several channels.
Fails
    共收到政府信息公开申请2193份，其中当面申请304份，传真申请3份，网络申请1058份，信函申请911份
    (304 + 3 + 1058 + 911 = 2276 > 2193).
Options
    None. Breakdowns whose paragraph notes overlapping parts (多渠道, 含重复, 有交叉)
    are exempt.
""",
    ),
    Rule(
        "SUM002",
        "parts-short-of-total",
        Category.SUM,
        Severity.ERROR,
        "分项之和小于总数",
        "Parts add up to less than the stated total",
        """\
What it checks
    A closed breakdown (no 等, 主要有, 包括…在内; no item counted in another
    unit; more than one part) whose parts add up to less than the total while
    still covering nearly all of it: at least ``coverage_at_least`` of the
    total (0.98 by default).

    The policy for parts short of their total, in full: an open list (等,
    主要有, 包括…在内, an item in another unit, a single part) only has to stay
    at or below its total, so it is never reported for falling short. A
    closed list is judged by how much of the total it covers: 98% or more is
    most likely an arithmetic slip (this rule, an error); less is most likely
    a partial list (SUM003, info).
Why it matters
    A list that accounts for nearly all of a total and misses a little is most
    likely an arithmetic slip or a mistyped figure.
Passes
    全市重点领域公开302条信息，其中部门预决算信息公开120条、城乡建设管理信息公开57条、环保信息公开40条、
    食品药品安全信息公开40条、产品质量信息公开45条 (= 302).
Fails
    累计接件104614件，受理并办结104614件，其中：第三方办件103520件，窗口办件780件
    (103520 + 780 = 104300, 314 short).
Options
    ``coverage_at_least`` / ``coverage_below`` in expectations/sum.json split
    this rule from SUM003 (0.98); the configuration's tolerance
    ``breakdown-coverage`` sets both. Open lists are exempt.
""",
    ),
    Rule(
        "SUM003",
        "partial-breakdown",
        Category.SUM,
        Severity.INFO,
        "分项未覆盖总数",
        "Parts cover only part of the stated total",
        """\
What it checks
    A closed-looking breakdown whose parts cover less than ``coverage_below``
    (0.98) of the total.
Why it matters
    Such a list is most often a selection of the categories rather than all of
    them, so it is reported for a reader to look at, not as an error.
Passes
    Any breakdown whose parts add up to the total.
Fails
    共发布各类信息4428条，其中概况类信息12条，政务动态信息1128条，信息公开目录发布3079条 (4219 of 4428, 95.3%).
Options
    ``coverage_below`` in expectations/sum.json.
""",
    ),
    Rule(
        "PCT001",
        "share-mismatch",
        Category.PERCENT,
        Severity.ERROR,
        "百分比与数量不符",
        "Percentage does not match the counts",
        """\
What it checks
    A share stated for a count out of a base ("9363份，占比93%",
    "30506条，占总数的98.82%"): the exact ratio 100·count/base must print as
    the stated percentage under half-up, half-even or truncating rounding to
    the printed number of decimals. Approximate percentages (近100%) must
    contain the ratio.
Why it matters
    A percentage that no rounding of the stated counts can produce shows that
    a count, the base or the percentage is wrong.
Passes
    全省共收到申请10105份…按时办结9363份，占比93% (92.66% → 93%).
    省本级按时办结2185份，占比近100% (99.64% is within 近100%).
Fails
    A count of 16 out of 734 printed as 2.8% (the ratio is 2.18%).
Options
    The accepted roundings are the ``accept`` list of the expectation in
    expectations/percent.json.
""",
    ),
    Rule(
        "PCT002",
        "share-truncated",
        Category.PERCENT,
        Severity.WARNING,
        "百分比采用截断而非四舍五入",
        "Percentage is truncated instead of rounded",
        """\
What it checks
    A share that matches its counts only when the ratio is truncated, not
    rounded (5 of 12 printed as 41%; 41.67% rounds to 42%).
Why it matters
    Truncation is a common spreadsheet habit, not a wrong figure, but the
    printed share understates the ratio and readers who check it will not
    reproduce it.
Passes
    1条 of 12条, 占比8% (8.33% → 8%).
Fails
    5条 of 12条, 占比41% (41.67% → 42%; only truncation gives 41%).
Options
    None.
""",
    ),
    Rule(
        "PCT003",
        "shares-exceed-whole",
        Category.PERCENT,
        Severity.ERROR,
        "各项占比之和超过100%",
        "Shares of one whole add up to more than 100%",
        """\
What it checks
    Percentages the text gives for the items of one list, all shares of the
    same whole (the same ``占…的`` or a bare ``占`` in one sentence, or
    ``p%来自…``): even at the lowest value each printed percentage can stand
    for, their sum must not pass 100%. Checked when at least one item states
    no count of its own; shares with counts are checked one by one (PCT001).
Why it matters
    Shares of one whole above 100% mean a percentage is mistyped or an item
    is counted twice; no rounding explains it.
Passes
    政务信息公开指南1条，占8%；其他公文5条，占41%；决算预算2条，占17%… (8+41+17+17+17 = 100%).
    Shares that sum to less than 100%: the list may leave items out.
Fails
    网上申请占60%，当面申请占30%，信函申请占15% (105%).
Options
    None.
""",
    ),
    Rule(
        "CON001",
        "restated-figure-differs",
        Category.CONSISTENCY,
        Severity.ERROR,
        "同一数量前后表述不一致",
        "The same quantity is stated with two values",
        """\
What it checks
    A quantity the report is accountable for (applications, disclosures,
    reviews, lawsuits, complaints…) stated in two places with the same label,
    unit, scope and year — 收到政府信息公开申请N件 in section 一 and again in
    section 三 — must have one value (as intervals: 8.4万余件 and 84200件
    agree). The label is the clause before the figure without the year, 全年,
    共/累计, the speaker (我局, 本机关) and punctuation.
Why it matters
    Two values for one quantity mean at least one is wrong, and readers cannot
    tell which; evaluators list it among the commonest defects.
Passes
    The same figure repeated; figures of other years (上年, 2018年 in a 2019
    report), scopes (全省 vs 省本级), changes (同比增加), and parts of lists.
    A label stated three or more times with three or more values (a listing
    per department or month) is not compared.
Fails
    2019年，我局共收到政府信息公开申请12件。… 本年度收到政府信息公开申请15件。
Options
    None.
""",
    ),
    Rule(
        "TBL001",
        "table3-row-total-differs",
        Category.TABLE,
        Severity.ERROR,
        "表三某行总计不等于各类申请人之和",
        "A Table 3 row's total differs from the sum of its applicant columns",
        """\
What it checks
    Every row of 表三 (收到和处理政府信息公开申请情况): 总计 = 自然人 + 商业企业 +
    科研机构 + 社会公益组织 + 法律服务机构 + 其他 (template.md T3-1). An empty
    cell stands for an unknown count (it is reported by PLH001), so a row fails
    only when no count in its empty cells could make it add up.
Why it matters
    The identity holds by the definition of the columns; a row that breaks it
    has a wrong figure, and every total built on it inherits the error.
Passes
    一、本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713
    （一）予以公开 | 258 | 12 |  |  | 1 | 1 |  (总计 empty: PLH001 reports it)
Fails
    一、本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 731
Options
    None.
""",
    ),
    Rule(
        "TBL002",
        "table3-column-total-differs",
        Category.TABLE,
        Severity.ERROR,
        "表三（七）总计不等于各项办理结果之和",
        "Table 3's （七）总计 differs from the sum of the outcome rows",
        """\
What it checks
    Each column of 表三: （七）总计 = （一）予以公开 + （二）部分公开 + the
    rows of （三）不予公开, （四）无法提供, （五）不予处理 and （六）其他处理
    (template.md T3-2; （六） is one row in the 2019 trial format, three in the
    2021 format). Checked only when every outcome row was read.
Why it matters
    （七）总计 is the number of applications concluded; when it differs from
    its rows, either an outcome is missing or the total is wrong.
Passes
    自然人: 258 + 3 + 14 + 5 + 3 + 10 + 252 + 44 + 25 + 148 + 5 = 767 = （七）总计 767.
Fails
    The same rows with （七）总计 770.
Options
    None.
""",
    ),
    Rule(
        "TBL003",
        "table3-balance-differs",
        Category.TABLE,
        Severity.ERROR,
        "表三勾稽关系不成立（新收 + 上年结转 ≠ 办理结果总计 + 结转下年度）",
        "Table 3 does not balance (received + carried over ≠ concluded + carried forward)",
        """\
What it checks
    Each column of 表三: 一、本年新收 + 二、上年结转 = 三、（七）总计 +
    四、结转下年度继续办理 — the identity the table's own header cell prints
    ("第一项加第二项之和，等于第三项加第四项之和", template.md T3-3).
Why it matters
    Every application received is either concluded or carried forward; a
    table that does not balance has lost or invented applications.
Passes
    713 + 36 = 749 = 718 + 31.
Fails
    21 + 0 = 21, but 21 + 3 = 24.
Options
    None.
""",
    ),
    Rule(
        "TBL004",
        "table3-subtotal-differs",
        Category.TABLE,
        Severity.ERROR,
        "表三分组小计不等于其子项之和",
        "A Table 3 group subtotal differs from the sum of its rows",
        """\
What it checks
    When a report gives the group rows （三）不予公开, （四）无法提供, （五）不予处理
    or （六）其他处理 figures of their own (the official layout does not; some
    local templates do), each equals the sum of its numbered rows, column by
    column (template.md T3-6).
Why it matters
    A subtotal that differs from its rows makes the table contradict itself.
Passes
    （三）不予公开 | 2 … with 1.属于国家秘密 1 and 6.属于四类过程性信息 1, others 0.
Fails
    （三）不予公开 | 3 … with the same rows.
Options
    None.
""",
    ),
    Rule(
        "TBL005",
        "table4-total-differs",
        Category.TABLE,
        Severity.ERROR,
        "表四总计不等于各项结果之和",
        "A Table 4 total differs from the sum of its outcomes",
        """\
What it checks
    表四, for 行政复议, 行政诉讼·未经复议直接起诉 and 行政诉讼·复议后起诉 each:
    总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (template.md T4-1…T4-3).
Why it matters
    The total is the number of cases; a total of 0 over 11 decided cases
    misreports the body's litigation record.
Passes
    27 | 10 | 9 | 15 | 61.
Fails
    10 | 1 | 0 | 0 | 0 (淮安市洪泽区 2023: 11 reviews, total 0).
Options
    None.
""",
    ),
    Rule(
        "TBL006",
        "table-cell-not-a-number",
        Category.TABLE,
        Severity.WARNING,
        "表格单元格不是该栏要求的数字",
        "A table cell does not hold the number its column asks for",
        """\
What it checks
    Each cell of 表二, 表三 and 表四 holds what its column asks for: a
    non-negative whole number for counts, a whole number that may be negative
    for 本年增/减 (2019 format), a non-negative number in 万元 for amounts.
    A unit, a note or text in the cell ("251000元", "22（其中修订16件）") is reported.
Why it matters
    The format fixes the unit of each column (收费金额 in 万元); a figure with
    another unit or a note cannot be added up or compared by readers or tools.
Passes
    7730.28 in 本年收费金额（单位：万元）; 0 in a count column.
Fails
    政府集中采购 | 6 | 251000元.
Options
    None. Blank cells and placeholders are PLH001's.
""",
    ),
    Rule(
        "TBL007",
        "carry-over-differs-from-last-year",
        Category.TABLE,
        Severity.WARNING,
        "上年结转与上年报告的结转下年度不一致",
        "Applications carried over differ from last year's report",
        """\
What it checks
    When the batch holds last year's report of the same body (same issuer in
    the title, consecutive report years), this year's 表三 二、上年结转 equals
    last year's 四、结转下年度继续办理, column by column (template.md T3-7).
Why it matters
    The applications carried forward last year are the ones carried over this
    year; a difference means one of the two reports is wrong.
Passes
    2023: 结转下年度 0; 2024: 上年结转 0.
Fails
    2023: 结转下年度 2; 2024: 上年结转 0.
Options
    None. A warning: reorganisations and changes of scope break the rule legitimately.
""",
    ),
    Rule(
        "TBL008",
        "documents-in-force-discontinuous",
        Category.TABLE,
        Severity.INFO,
        "现行有效件数与上年报告不连续",
        "Documents in force do not follow from last year's report",
        """\
What it checks
    When the batch holds last year's report of the same body, 表二 (2021 format)
    现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数, for
    规章 and 行政规范性文件 (template.md T2-1).
Why it matters
    A break in the count of documents in force is worth a look, though
    documents also lapse by expiry or are revised, so it is information only.
Passes
    2023: 5 in force; 2024: issued 1, repealed 0, in force 6.
Fails
    2023: 5 in force; 2024: issued 1, repealed 0, in force 9.
Options
    None.
""",
    ),
    Rule(
        "PLH001",
        "blank-table-cell",
        Category.PLACEHOLDER,
        Severity.WARNING,
        "表格中应填数字的单元格空白",
        "Table cells where a number belongs are blank",
        """\
What it checks
    Each cell of 表二, 表三 and 表四 where the format asks for a number: a blank
    cell, or one holding only a placeholder ("/", "—", "-", "无"), is reported.
    The blank cells of one table are one finding; each cell is named in the
    evidence with its row and column.
Why it matters
    The format asks for 0 where there is nothing to report; a blank leaves the
    reader unable to tell a zero from a figure that was never filled in (a
    blank 总计 column hides whether the rows add up).
Passes
    四、结转下年度继续办理 | 31 | 0 | 0 | 0 | 0 | 0 | 31
Fails
    二、上年结转政府信息公开申请数量 | 18 |  |  |  |  |  | 18
Options
    None.
""",
    ),
    Rule(
        "PLH002",
        "missing-figure",
        Category.PLACEHOLDER,
        Severity.ERROR,
        "数字空缺：计量单位前没有数字",
        "A figure is missing before its unit",
        """\
What it checks
    A count unit (条 件 项 个 份 篇 次 人次 家 元 万元 …) ending a clause with
    no figure before it, where the blank shows: spaces between the words and
    the unit (公开政府信息 条,), or 共/共计/合计/累计/总计 right before it. How
    slots are read, and the words that are not slots: audit/extract/placeholders.py.
Why it matters
    A template sentence published without its figure tells the reader
    nothing and shows the report was not proof-read ("发布内容不准确不全面").
Passes
    共发布各类重点领域信息 810余条 (the figure follows a stray space);
    主动公开政府信息 5928 条 (PDF spacing); 及时公开有关文件,
Fails
    在思茅区人民政府网站主动公开政府信息 条,通过微博微信公开政府信息 条;
Options
    None. All blank figures of a document are one finding.
""",
    ),
    Rule(
        "PLH003",
        "missing-ordinal",
        Category.PLACEHOLDER,
        Severity.ERROR,
        "序号空缺：“第”后没有数字",
        "An ordinal is missing after 第",
        """\
What it checks
    第 followed by spaces and then a word that is not a numeral: the number
    that belongs there was never filled in. Words ending in 第 (次第, 门第)
    and lines whose characters all stand apart are not read.
Why it matters
    "中央第 环境保护督察组" leaves the reader unable to tell which body is meant.
Passes
    中央第二环境保护督察组; 第 1 季度.
Fails
    在中央第 环境保护督察组督察普洱思茅期间
Options
    None.
""",
    ),
    Rule(
        "PLH004",
        "missing-year",
        Category.PLACEHOLDER,
        Severity.ERROR,
        "年份空缺：日期缺少年份",
        "A date is missing its year",
        """\
What it checks
    A month-day date (5月1日) whose 年 has nothing before it (年5月1日起,
    自 年1月1日至 年12月31日), looking past spaces and a line break. 今年, 去年,
    上年, 本年, 当年, 同年, 每年, 全年, 次年, 半年 … before the date are words,
    not blanks.
Why it matters
    The year is what a date in an annual report is checked against; a date
    without it was a template slot left empty (the model essay 065 strips them).
Passes
    自2019年5月15日起施行; 今年5月, 2018\n年5月1日.
Fails
    自 年5月1日起施行
Options
    None.
""",
    ),
    Rule(
        "PLH005",
        "empty-field",
        Category.PLACEHOLDER,
        Severity.WARNING,
        "栏目未填写：标签后为空",
        "A field label has nothing after it",
        """\
What it checks
    Form fields with a colon — 邮编 邮政编码 电话 联系电话 传真 地址 联系地址
    电子邮箱 邮箱 E-mail 联系人 网址 发布时间 发布日期 发布机构 统计期限 —
    followed by nothing up to the next field or the end of the line (nor on
    the next line, when the label ends its line). Page counters (浏览次数:)
    are web chrome, not fields (STR008).
Why it matters
    A contact block with empty fields tells the public nowhere to turn; an
    empty 发布时间 leaves the report's timeliness unverifiable.
Passes
    地址:舒兰市站前路583号,邮编:132600
Fails
    邮编:电话:传真:
Options
    None. All empty fields of a document are one finding.
""",
    ),
    Rule(
        "PLH006",
        "template-mark",
        Category.PLACEHOLDER,
        Severity.WARNING,
        "模板标记未替换",
        "A template mark is left in the text",
        """\
What it checks
    Runs of template marks: XX / ×× / ＸＸ (two or more), *** (three or more),
    某某, □, ＿＿ (two or more; ___ three or more), empty 【】 and empty （ ）.
    Not marks: runs inside a Latin word, a URL or a number (xxgk.gov.cn,
    Windows XP, 3×4), a single 某 (某单位), markdown emphasis (**粗体**) and
    rules (a line of ***), non-empty brackets (【打印】).
Why it matters
    A mark such as "XX区人民政府" shows a template was published unfilled.
Passes
    某单位申请公开…; www.xxgk.gov.cn; **一、总体情况**
Fails
    XX区人民政府2023年政府信息公开工作年度报告; 联系电话:（ ）
Options
    None. All marks of a document are one finding.
""",
    ),
    Rule(
        "PLH007",
        "missing-attachment",
        Category.PLACEHOLDER,
        Severity.WARNING,
        "附件缺失",
        "An attachment is missing",
        """\
What it checks
    附件: with nothing after it (nor on the next line), and an attachment that
    names a statistics table (…统计表, 报表, 附表) which never follows: no table
    row, no 表二/表三/表四 and no later line with its name after the mention. A
    named file (.xls, .doc, .pdf …) is a link that text cannot follow, so it
    is not judged.
Why it matters
    Before 2019 the statistics were published as an attachment; a report
    that announces it and stops withholds its figures.
Passes
    附件：2023年度政府信息公开情况统计表 followed by the table's rows;
    附件：统计表.xls
Fails
    附件:思茅区2018年度政府信息公开情况统计表 / 普洱市思茅区人民政府 /
    2019年1月30日 / 附件: (the end of the file)
Options
    None.
""",
    ),
    Rule(
        "CON002",
        "text-differs-from-table",
        Category.CONSISTENCY,
        Severity.ERROR,
        "正文数字与表格不一致",
        "A figure in the text differs from the table",
        """\
What it checks
    Figures the text states for quantities the standard tables hold — 收到申请,
    办结/答复, 上年结转, 结转下年度, 予以公开, 部分公开, 不予公开, 无法提供,
    不予处理, 其他处理 (表三) and 行政复议, 行政诉讼 (表四) — equal the table's
    figure (template.md T3-8, T4-5). A row's figure is its 总计 cell, or the sum
    of its cells when 总计 is blank; 共收到 may also count the applications
    carried over. Sentences naming another scope (全省, 全市…), a change or
    another year are not compared. How statements are read:
    audit/extract/statements.py.
Why it matters
    Evaluators find the text and the table of one report disagreeing more
    often than any other inconsistency; readers cannot tell which is right.
Passes
    共受理政府信息公开申请859件 with 表三 新收 总计 859.
Fails
    予以公开及部分公开258件 with 表三 予以公开 272 + 部分公开 3 = 275.
Options
    None.
""",
    ),
    Rule(
        "STR001",
        "outdated-table-format",
        Category.STRUCTURE,
        Severity.WARNING,
        "2021 年度及以后的报告仍使用 2019 年试行表格格式",
        "A report for 2021 or later uses the 2019 trial table format",
        """\
What it checks
    The version of 表二 and 表三 against the report year: from the 2021 reports
    on, the format of 国办公开办函〔2021〕30号 applies (表三 splits （六）其他处理
    into three rows; 表二 has 本年制发件数/本年废止件数/现行有效件数). A table
    whose version cannot be told, or a report without a year, is not judged.
Why it matters
    The 2021 format added the rows for 信息处理费 (逾期未缴费); a report on the
    old layout cannot report them and is not in the prescribed format.
Passes
    A 2023 report whose 表三 has 1.申请人无正当理由逾期不补正… 2.… 3.其他.
Fails
    A 2023 report whose 表三 has a single （六）其他处理 row.
Options
    None.
""",
    ),
    Rule(
        "STR002",
        "missing-section",
        Category.STRUCTURE,
        Severity.WARNING,
        "缺少法定内容",
        "Content the regulation requires is missing",
        """\
What it checks
    Reports for 2019 on: the six top-level headings of the format (条例 第五十条;
    template.md §2.3) — 总体情况 (概述), 主动公开政府信息情况, 收到和处理政府信息
    公开申请情况, 政府信息公开行政复议、行政诉讼情况, 存在的主要问题及改进情况,
    其他需要报告的事项 — recognised by their words. Reports up to 2018: the
    items of the 2008 条例 第三十二条 anywhere in the text (主动公开, 依申请公开,
    收费及减免, 复议/诉讼, 问题 and 改进). Only a text with three or more
    top-level headings is judged, and a part is called missing only when the
    text runs to its closing date or (2019 on) a later part is present, so an
    excerpt that stops early is not short of parts.
Why it matters
    The 2021 format notice: the content "要严格按照…第五十条的规定确定，不能遗漏".
Passes
    一、总体情况 … 六、其他需要报告的事项, dated at the end.
Fails
    The same report without 五、存在的主要问题及改进情况.
Options
    None. The 2008 item 其他需要报告的事项 is not required.
""",
    ),
    Rule(
        "STR003",
        "sections-out-of-order",
        Category.STRUCTURE,
        Severity.WARNING,
        "部分顺序与格式不符",
        "Sections are out of the format's order",
        """\
What it checks
    In reports for 2019 on, each required top-level heading comes after the
    required headings before it in the format.
Why it matters
    Readers and evaluators compare reports section by section; the format
    fixes the order.
Passes
    一、总体情况 二、主动公开… 三、收到和处理… 四、…复议、诉讼… 五、… 六、…
Fails
    … 三、政府信息公开行政复议、行政诉讼情况 四、收到和处理政府信息公开申请情况 …
Options
    None.
""",
    ),
    Rule(
        "STR004",
        "part-count-differs",
        Category.STRUCTURE,
        Severity.WARNING,
        "声明的部分数与实际不符",
        "The declared number of parts does not match",
        """\
What it checks
    A declaration before the first heading — …等六部分组成, 共七个部分 — against
    the parts the same sentence lists (split at 、，；, and at 和/及 before 其他)
    and against the top-level sections present after it (counted when the
    text is complete, or when more are present than declared). A list with no
    number is not compared (template.md D-4).
Why it matters
    The declaration is the report's own table of contents; a mismatch means a
    part was dropped or the sentence was copied from another report.
Passes
    …存在问题及工作打算等七部分组成 with seven parts listed.
Fails
    …等六部分 listing five (corpus 017).
Options
    None.
""",
    ),
    Rule(
        "STR005",
        "duplicate-heading-number",
        Category.STRUCTURE,
        Severity.WARNING,
        "标题序号重复",
        "A heading number is repeated",
        """\
What it checks
    Numbered headings (一、 （一） 1. （1）; each style its own level, a sub-list
    restarting under each parent): a heading with the same number as its
    previous sibling. Table rows and the standard tables' labels are not headings.
Why it matters
    A repeated number is usually a section pasted twice or a renumbering
    left half done.
Passes
    一、概述 二、政府信息公开工作开展情况 三、依申请公开情况
Fails
    二、政府信息公开工作开展情况 … 二、政府信息公开工作开展情况 (sample 001).
Options
    None.
""",
    ),
    Rule(
        "STR006",
        "heading-number-gap",
        Category.STRUCTURE,
        Severity.WARNING,
        "标题序号不连续",
        "Heading numbers skip",
        """\
What it checks
    A numbered heading whose number is not its previous sibling's plus one
    (一、 二、 四、), or a list that does not start at 1. A list that starts again
    at 1 (an appendix numbering its own parts) is a new list, not a gap; a
    repeated number is STR005's.
Why it matters
    A gap means a section was deleted or numbered by hand and missed.
Passes
    （一） （二） （三）
Fails
    一、 二、 四、
Options
    None.
""",
    ),
    Rule(
        "STR007",
        "duplicated-paragraph",
        Category.STRUCTURE,
        Severity.WARNING,
        "段落重复",
        "A paragraph appears twice",
        """\
What it checks
    Paragraphs of 30 characters or more (spaces removed, table rows excluded)
    that occur twice in one document, exactly or nearly (difflib ratio of 90% or
    more). Both places are quoted.
Why it matters
    A pasted-twice paragraph is an editing slip a reader notices at once, and
    it may double a figure the reader adds up.
Passes
    Two paragraphs on different subjects that share a sentence frame.
Fails
    (一)堅持公開常態化,全力推進政務公開工作。… twice in a row (sample 001).
Options
    The tolerance ``paragraph-similarity`` (default 0.9, at least 0.6). The pairs
    of a document are one finding.
""",
    ),
    Rule(
        "STR008",
        "web-chrome",
        Category.STRUCTURE,
        Severity.INFO,
        "正文中残留网页元素",
        "Web-page chrome is left in the text",
        """\
What it checks
    Short lines that are page chrome, not report: 相关词条, 热门词条, 联系我们,
    copyright / 版权所有 / ICP备 lines, 打印本页, 关闭窗口, font widgets (字号 大 中 小,
    字号:【, 视力保护色), page counters (浏览次数:, 点击数:), breadcrumbs (当前位置:首页
    > …), 分享到, 上一篇/下一篇, 返回顶部, 登录 注册. The patterns are in
    expectations/structure.json; a sentence that mentions 访问量 is not chrome.
Why it matters
    Information: the text was saved from a web page, so what the page adds is
    not the report's; an officer checking a submission wants the report itself.
Passes
    如对本报告有疑问，请与我们联系。
Fails
    相關詞條 / 熱門詞條 / 聯絡我們 (the end of sample 001).
Options
    None.
""",
    ),
    Rule(
        "STR009",
        "copied-from-last-year",
        Category.STRUCTURE,
        Severity.WARNING,
        "与上年报告内容雷同",
        "Most of the report is copied from last year's",
        """\
What it checks
    When the batch holds last year's report of the same body (same issuer,
    consecutive report years, as for TBL007), the share of this report's
    sentences (10 characters or more, spaces removed, four-digit years masked)
    found word for word in last year's: above 50% is reported.
Why it matters
    The 2021 format notice holds 内容雷同 reports to account; evaluators found
    reports 90% identical to the year before (evaluators.md B7, B8, B10).
Passes
    hzq 2024 against hzq 2023 (a new report on the same format).
Fails
    A report identical to last year's except for its years.
Options
    The tolerance ``copied-share`` (default 0.5).
""",
    ),
    Rule(
        "PER001",
        "report-year-mismatch",
        Category.PERIOD,
        Severity.ERROR,
        "报告年度前后不一致",
        "The report year is stated inconsistently",
        """\
What it checks
    The year the title names (or, without a title line, the preamble's
    现将…Y年…年度报告), the year of the statistical period (统计期限), and the
    year most factual statements of the body are about agree (template.md
    D-1). The body's year counts only when it is clear: at least three
    statements that open with that year (2013年，…; 截至2013年底…), more than
    twice as many as any other year; plans (下一步, 将…, the 打算 section) and
    comparisons (与2017年相比) do not count. How years are read:
    audit/extract/periods.py.
Why it matters
    A report whose title and content name different years is the wrong report
    for its slot (the 人社部 2010 report was withdrawn over this); an officer
    cannot tell which year's figures it gives.
Passes
    巢湖市人民政府2017年度…年度报告, 统计期限为2017年1月1日至12月31日, body 2017年，….
Fails
    江山市行政服务中心管理办公室2012年政府信息公开工作年度报告 whose body says
    2013年，我中心…; 截至2013年底…; 2013年度我中心公开… (seven statements).
Options
    None.
""",
    ),
    Rule(
        "PER002",
        "impossible-period",
        Category.PERIOD,
        Severity.ERROR,
        "统计期限终止日早于起始日",
        "The statistical period ends before it starts",
        """\
What it checks
    The statistical period (统计期限/统计时限 自…至…, 从…到…止) ends on or after
    the day it starts. An end written without a year (至12月31日) is in the
    start's year.
Why it matters
    An impossible period is a typing error in the one sentence that says what
    the figures cover (evaluators.md B8: 人社部 2010, "自2010年1月1日起至2009年
    12月31日止").
Passes
    本报告中所列数据的统计期限自2018年1月1日起至12月31日止.
Fails
    统计期限自2010年1月1日起至2009年12月31日止.
Options
    None.
""",
    ),
    Rule(
        "PER003",
        "non-calendar-period",
        Category.PERIOD,
        Severity.WARNING,
        "统计期限不是完整的自然年",
        "The statistical period is not one calendar year",
        """\
What it checks
    The statistical period runs from 1 January to 31 December of one year. A
    period that ends before it starts is PER002's, not this rule's.
Why it matters
    The annual report covers the calendar year (条例 第四十九条 "上一年度"); a
    period that starts or ends elsewhere gives figures that cannot be compared
    with other reports or with last year's.
Passes
    统计期限为2022年1月1日至2022年12月31日.
Fails
    统计期限自2017年12月1日起至2018年11月30日止.
Options
    None.
""",
    ),
    Rule(
        "PER004",
        "dated-before-period-end",
        Category.PERIOD,
        Severity.ERROR,
        "报告日期早于统计期限结束",
        "The report is dated before its period ends",
        """\
What it checks
    The latest date the report bears — its 发布日期/公开日期 metadata, its
    成文日期 or the date line that closes it — falls after the end of the
    statistical period (31 December of the report year when no period is
    stated).
Why it matters
    A report on a year cannot be written before the year is over; such a date
    means the date or the year is wrong.
Passes
    A 2018 report signed 2019年1月30日.
Fails
    A 2013 report (统计期限 2013年1月1日至12月31日) whose page says 发布日期:2013-01-09.
Options
    None.
""",
    ),
    Rule(
        "PER005",
        "published-after-deadline",
        Category.PERIOD,
        Severity.WARNING,
        "报告晚于法定期限发布",
        "The report was published after the legal deadline",
        """\
What it checks
    The publication date (发布日期/公开日期; without one, the signing date, which
    cannot be later) is on or before the legal deadline. Reports for 2018 and
    earlier: 2008 条例 第三十一条, 31 March of the next year for every body.
    From the 2019 reports on: 2019 条例 第四十九条, 31 January for a government
    department, 31 March for a local government's report (人民政府, and its
    办公厅/办公室 which publish it). When the issuer's kind cannot be told, the
    later deadline is applied. The message names the rule applied.
Why it matters
    Timeliness is the first thing oversight offices check (evaluators.md B1,
    B11); a late report is a breach of the regulation.
Passes
    威海市文登区科学技术局2019年度信息公开报告, 发布日期:2020-01-15 (department,
    deadline 2020-01-31).
Fails
    A department's 2020 report with 发布日期:2021-02-20 (deadline 2021-01-31).
Options
    None.
""",
    ),
    Rule(
        "PER006",
        "cites-later-document",
        Category.PERIOD,
        Severity.ERROR,
        "引用的文件晚于报告日期",
        "The report cites a document dated after the report",
        """\
What it checks
    Every document number the report cites (江政办发〔2014〕1号, [2013], （2019）)
    is of a year no later than the latest date the report bears.
Why it matters
    A document cannot be cited before it exists: either the report's date is
    wrong or the text was edited after it was dated, and then its figures may
    be for another year too.
Passes
    A 2018 report dated 2019年1月30日 citing 普府办明电〔2019〕4号.
Fails
    A page dated 发布日期:2013-01-09 citing 江政办发〔2014〕 1号.
Options
    None.
""",
    ),
    Rule(
        "PER007",
        "statement-after-report-year",
        Category.PERIOD,
        Severity.WARNING,
        "事实陈述涉及报告年度之后的年份",
        "A factual statement is about a year after the report year",
        """\
What it checks
    Statements framed by a year (2019年，我局…; 2019年上半年…) outside plan
    passages are about the report year or earlier. Plans are not facts: a
    sentence that says 将, 计划, 拟, 力争, 争取, 预计, 打算, 下一步, 要点, 确保 or
    努力, or a section headed 下一步/打算/计划/要点/思路/展望/安排, may name later
    years. Checked only when the report states its year (title or period), against
    the latest of the years it states.
Why it matters
    An annual report describes its year (template.md D-9); figures for a later
    year mean the text was copied from another report or the year is wrong.
Passes
    确保在2018年7月底前，全面完成基层政务公开标准化规范化试点任务 in the 下一步工作打算
    section of a 2017 report.
Fails
    2019年上半年，“湖北应急管理”微信公众号推送信息276篇… in a text whose title
    says 2018.
Options
    None.
""",
    ),
    Rule(
        "PER008",
        "mid-year-figure",
        Category.PERIOD,
        Severity.INFO,
        "年度报告中有截至年中的时点数据",
        "A figure in the annual report is as of a date inside the year",
        """\
What it checks
    截至/截止 dates in the report year before 31 December (截至9月19日, 截至5月
    中旬); a date without a year is in the report year. 截至年底 and
    截至12月31日 pass.
Why it matters
    An annual report gives figures for the whole year; a mid-year cut-off may
    be left over from an earlier draft or summary and understate the year.
Passes
    截至2018年底，全区累计在思茅区人民政府网站主动公开…
Fails
    截至9月19日，泰州市政府网站采用我市信息269条 in a 2017 summary.
Options
    None.
""",
    ),
    Rule(
        "PER009",
        "garbled-date",
        Category.PERIOD,
        Severity.WARNING,
        "日期残缺",
        "A date lost its year or month marker",
        """\
What it checks
    Every written date of the form year–digits–日 has both 年 and 月
    (2019年1月1日). A run such as 201911日 or 20191231日 lost them in
    conversion.
Why it matters
    A garbled date cannot be read with certainty (201911日 is 2019年1月1日 or
    2019年11日?); in the statistical period it leaves the report's period
    unstated (evaluators.md: 036, 039, 086).
Passes
    统计期限自2020年1月1日起至2020年12月31日止.
Fails
    本报告中所列数据的统计时限自201911日起至20191231日止.
Options
    None.
""",
    ),
    Rule(
        "INP001",
        "unreadable-input",
        Category.INPUT,
        Severity.ERROR,
        "文件无法读取",
        "The file cannot be read",
        """\
What it checks
    That an input exists, is a supported format within the size limit, and
    can be read: a text file decodes, a PDF has a text layer and no password,
    a DOCX or XLSX is a whole, unencrypted ZIP that is not a zip bomb (more
    than 10,000 members, over 200 MB uncompressed, or a member over 1 MB
    compressed more than 100:1, all read from the ZIP directory without
    decompressing). The content is identified by its bytes, not its name: a
    file whose content has no reader is refused with both named.
Why it matters
    A report that cannot be read cannot be audited; it is listed with status
    ``error`` so that it is never silently skipped in a batch, and the message
    says what to do (remove the password, save a .doc as .docx…).
Passes
    A UTF-8, GB18030/GBK, Big5 or UTF-16 text file; a PDF with text; a DOCX.
Fails
    An empty file, a binary file under a .txt name, a missing path, a
    truncated PDF or DOCX, a password-protected PDF or DOCX, a legacy .doc
    (renamed .docx or not), a scanned page saved as PNG under a .pdf name.
Options
    The size limit (``--max-bytes``, 50 MB by default). The ZIP limits are
    constants in audit/ingest/archive.py.
""",
    ),
    Rule(
        "INP002",
        "processing-failed",
        Category.INPUT,
        Severity.ERROR,
        "文件处理失败",
        "The document could not be processed",
        """\
What it checks
    That extraction completes on the document.
Why it matters
    An internal failure on one document must not stop the batch or hide the
    document; it is reported on that document with the error's type.
Passes
    Every document the extractors handle.
Fails
    A document that makes an extractor raise (a bug to report).
Options
    None.
""",
    ),
    Rule(
        "INP003",
        "wrong-extension",
        Category.INPUT,
        Severity.WARNING,
        "扩展名与文件内容不符",
        "The file's extension does not match its content",
        """What it checks
    That a file's suffix names the format its bytes are in. The content is
    identified by its signature (%PDF-, a ZIP holding word/ or xl/, an OLE2
    container, <html…); when it is another format that has a reader, the file
    is read as what it is and this warning names both. How each format is
    recognised: audit/ingest/sniff.py.
Why it matters
    The report was audited, but whoever opens it by its name (a browser, a
    publishing system, a reader who double-clicks it) gets an error or
    garbage; a wrong suffix on a published report is itself a defect.
Passes
    A PDF named .pdf; a web page saved as .txt (a .txt may hold markup: it
    is read as HTML without a warning); HTML saved as .doc or .xls (Office's
    own export formats).
Fails
    A PDF named .txt, a DOCX named .pdf, a plain-text file named .docx.
    A content that has no reader (a PNG named .pdf, a .doc named .docx) is
    not this warning but INP001.
Options
    None.
""",
    ),
    Rule(
        "INP004",
        "processing-timeout",
        Category.INPUT,
        Severity.ERROR,
        "文件处理超时",
        "The document took too long to read and extract",
        """What it checks
    That reading and extracting one document finishes within the per-document
    time limit (``--timeout``, 60 seconds by default). A document that runs
    over is stopped and reported with this finding; the batch goes on.
Why it matters
    One pathological file (a 10 MB line, a deeply nested page) must not hold
    up an officer's batch of hundreds of reports, nor pass unaudited unseen.
Passes
    Any real report: the samples take well under a second each.
Fails
    A document whose reading or extraction runs past the limit.
Options
    ``--timeout SECONDS``. The limit is enforced on POSIX systems in the main
    thread (a SIGALRM timer); elsewhere documents are not timed.
""",
    ),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


def get(rule_id: str) -> Rule:
    try:
        return RULES[rule_id]
    except KeyError:
        raise KeyError(f"unknown rule {rule_id!r}") from None
