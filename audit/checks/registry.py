"""The one registry of rules: id, name, category, default severity and documentation.

Rule ids carry a family prefix (SUM, PCT, INP) and a number that never changes
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
    A total and the parts the text lists under it ("共N件，其中a件、b件…"): the
    sum of the parts must not exceed the total. Figures are compared as
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
    A closed breakdown (no 等, 主要, 包括; no item counted in another unit)
    whose parts add up to less than the total while still covering nearly all
    of it: at least ``coverage_at_least`` of the total (0.98 by default).
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
    this rule from SUM003. Lists that are open (等, 主要有, 包括) are exempt.
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
