"""The one registry of rules: id, name, category, default severity and documentation.

Rule ids carry a family prefix (SUM, PCT, CON, INP) and a number that never changes
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
    this rule from SUM003. Open lists are exempt.
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
        "INP001",
        "unreadable-input",
        Category.INPUT,
        Severity.ERROR,
        "文件无法读取",
        "The file cannot be read",
        """\
What it checks
    That an input exists, is a supported format within the size limit, and
    decodes as text.
Why it matters
    A report that cannot be read cannot be audited; it is listed with status
    ``error`` so that it is never silently skipped in a batch.
Passes
    A UTF-8, GB18030/GBK, Big5 or UTF-16 text file.
Fails
    An empty file, a binary file under a .txt name, a missing path.
Options
    The size limit (50 MB by default).
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
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


def get(rule_id: str) -> Rule:
    try:
        return RULES[rule_id]
    except KeyError:
        raise KeyError(f"unknown rule {rule_id!r}") from None
