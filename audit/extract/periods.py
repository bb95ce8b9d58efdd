"""Years, periods and dates: what a report says about *when*.

Everything the period checks compare is read here into one ``Dating``. Each rule
below is what the code does.

Title year
    The report's own title: a line among the first lines of the text (two or three
    short lines joined when the title is wrapped: ``洪泽区人民政府`` / ``2023 年政府信息
    公开工作年度报告``) that ends in 报告 or 年报, names 信息公开 or 年报, holds no 。 and
    states exactly one year (2018年, 2018年度, 二〇一八年). Without such a line, the
    preamble's own words (现将/现公布/特编制/编制…Y年…信息公开…报告; a line that opens
    with ``Y年度报告``), never inside 《》: a cited notice's title is not the report's.
Issuer
    The body the title names before or after the year, or on the line just above a
    title that starts with the year; it must end like a body (政府, 局, 委员会, 办公室…).
    Without a title, the signature line just above the closing date line. Its kind
    decides the deadline: a 人民政府 (and its 办公厅/办公室, which publish the
    government's report) is ``government``; another body is ``department``; a name
    that ends otherwise (管理委员会, no issuer) is unknown.
Statistical period
    统计期限/时限/时间/期间/区间/周期/范围 (or 数据…) followed by 自/从/为 DATE (起)
    至/到 DATE (止); an end written without a year (至12月31日) takes the start's year.
Dates
    ``published``: 发布日期/公开日期/发布时间 metadata. ``signed``: 成文日期/发文日期/印发日期
    metadata (also as a cell of a metadata table: ``| 发文日期 | 2018-02-28 |``), else the
    last line that holds only a date (2019年1月30日, 二〇一九年一月三十日,
    (2026年1月23日)). Digits or Chinese numerals; ISO, slashed and spaced forms
    (2013-01-09, 2023/01/18, 2021- 01- 20).
Cited documents
    A document number: an issuer abbreviation, 〔Y〕 [Y] ［Y］ 【Y】 or （Y）, then N号
    (江政办发〔2014〕 1号, 普府办明电〔2019〕4号).
Statements
    A year that opens a clause (``2013年，…``, ``2013年度我中心…``, ``2018年5月，…``,
    ``在2018年…``, ``截至2013年底…``) frames a factual statement about that year. Not
    read as a statement: years inside 《》, in document numbers, in ranges (2016-2018年,
    2016年至2018年), after 自/从 (since) or before 以来/至今, after 与/较/比 (a
    comparison: the clause does not open with the year), or naming a report or plan
    (2017年度报告, 2019年工作要点). A statement in a plan passage — its sentence says
    将, 计划 (not the noun in a list: 计划、总结), 拟, 力争, 争取, 预计, 打算, 下一步, 要点,
    确保, 努力 or 要进一步/继续/持续/加强/坚持 outside 《》, or its section (or
    sub-section) heading says 下一步, 打算, 计划, 要点, 思路, 展望, 安排, 工作重点 or 努力方向 —
    is a plan, kept apart from the facts.
Body year
    The year of most factual statements, when that is clear: at least three statements,
    and more than twice as many as any other year.
As-of dates
    截至/截止 (Y年) M月 (D日 | 上旬 | 中旬 | 下旬 | 底 | 末); a month alone means its last day
    (上旬 the 10th, 中旬 the 20th). A date without
    a year is in the report year.
Garbled dates
    Every written date-like run (a year, then digits, optional 年/月, then 日) is kept
    as text; one whose 年 or 月 was lost in conversion (201911日, 2017210日) is not a
    well-formed date. The check decides (PER009).
Report year
    The title year, else the period's year, else the body year; the source is kept.
Deadline
    Reports for 2018 and earlier: 2008 条例 第三十一条, 3月31日 of the next year for every
    body. From the 2019 reports on: 2019 条例 第四十九条, 1月31日 for a department and
    3月31日 for a local government's report. When the issuer's kind cannot be told the
    later date is applied, so a report is only called late when it is late under
    either rule.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter

from audit.extract.numbers import parse_chinese_numeral
from audit.extract.segments import Segmenter
from audit.model import DateRef, Dating, Deadline, Span, YearMention

# ------------------------------------------------------------------ date syntax

_CN_YEAR_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_YEAR = r"(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4}"
_SMALL = r"\d{1,2}|[一二三四五六七八九十]{1,3}"


def _date_pattern(name: str, year_optional: bool = False) -> str:
    """A Chinese date (``2019年1月30日``, ``二〇一九年一月三十日``, spaces allowed) with named groups."""
    year = rf"(?P<{name}y>{_YEAR})\s*年\s*"
    if year_optional:
        year = f"(?:{year})?"
    return rf"(?<![\d]){year}(?P<{name}m>{_SMALL})\s*月\s*(?P<{name}d>{_SMALL})\s*日"


# ISO-like dates of page metadata: 2013-01-09, 2023/01/18, 2021- 01- 20.
_NUMERIC_DATE = r"(?<!\d)(?P<ny>(?:19|20)\d{2})\s*[-/.]\s*(?P<nm>\d{1,2})\s*[-/.]\s*(?P<nd>\d{1,2})(?!\d)"
_ANY_DATE = rf"(?:{_date_pattern('c')}|{_NUMERIC_DATE})"

_META_DATE_RE = re.compile(
    r"(?P<label>发布日期|公开日期|发布时间|成文日期|发文日期|印发日期)\s*[:：]?[\s•·|]*" + _ANY_DATE
)
_PUBLISHED_LABELS = ("发布日期", "公开日期", "发布时间")
DATE_LINE_RE = re.compile(r"^[ \t]*[（(]?\s*" + _ANY_DATE + r"\s*[)）]?[ \t]*$", re.MULTILINE)

_PERIOD_RE = re.compile(
    r"(?:统计|数据)[^。\n]{0,8}?(?:期限|时限|时间|期间|区间|周期|范围)\s*(?:为|是|[:：])?\s*(?:自|从)?\s*"
    + _date_pattern("s")
    + r"\s*起?\s*(?:至|到|—|–|-|~|～)\s*"
    + _date_pattern("e", year_optional=True)
    + r"\s*止?"
)

# From the bracket on. The bracket follows a hanzi, maybe with spaces between; ``_citations``
# checks that and takes the spaces in: searched for the bracket alone, the pattern opens with
# one character class, and the regex engine skips ahead to the next bracket.
_CITATION_RE = re.compile(r"[〔\[［【(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］】)）]\s*(?:第\s*)?\d{1,4}\s*号")
_CITATION_PREFIX_MAX = 10

_PART_DAY = {"上旬": 10, "中旬": 20}  # 截至5月中旬; 下旬, 底, 末 and a bare month mean its last day
_AS_OF_RE = re.compile(
    r"(?:截至|截止)(?:到)?\s*(?:(?P<y>" + _YEAR + r")\s*年\s*)?(?P<m>" + _SMALL + r")\s*月\s*"
    r"(?:(?P<d>" + _SMALL + r")\s*日|(?P<part>底|末|上旬|中旬|下旬))?"
)

# A date-like run: a year, digits, optional 年/月, 日 — well-formed or garbled (201911日).
# (``(?<!\d)(?:19|20)``, written ``1(?<!\d.)9|2(?<!\d.)0``: a pattern that opens with literal
# characters is searched for them, not tried at every position.)
_DATE_TEXT_RE = re.compile(r"(?:1(?<!\d.)9|2(?<!\d.)0)\d{2}(?:\s*年)?\s*\d{1,4}(?:\s*月)?\s*(?:\d{1,2}\s*)?日")

# ------------------------------------------------------------------- titles

_TITLE_HEAD_CHARS = 2000
_TITLE_MAX_LINES = 12
_TITLE_MAX_CHARS = 70
_TITLE_NOISE_RE = re.compile(r"^(?:#+|Page\d+-|P\.\d+|第[一二三四五六七八九十]+篇[:：]|正文)")
_TITLE_YEAR_RE = re.compile(rf"(?<![\d〔\[［(（])({_YEAR})\s*年")
_SELF_REFERENCE_RES = (
    re.compile(
        r"(?:现将|现公布|现予公布|特编制|编制|公布|发布|形成)(?P<body>[^。《》\n，,；;]{0,30}?"
        rf"(?<![\d])(?P<year>{_YEAR})\s*年度?[^。《》\n]{{0,20}}?信息公开[^。《》\n]{{0,8}}?报告)"
    ),
    re.compile(rf"^[ \t]*(?P<body>(?P<year>{_YEAR})\s*年度?(?:政府信息公开工作)?(?:年度)?报告)", re.MULTILINE),
)
_BODY_SUFFIX_RE = re.compile(r"(政府|办公厅|办公室|局|委员会|委|办|中心|院|署|厅|部|会|所|站|处|队)$")
_GOVERNMENT_RE = re.compile(r"政府(?:办公厅|办公室|办)?$")
_DEPARTMENT_RE = re.compile(r"(办公厅|办公室|局|委员会|委|办|中心|院|署|厅|部|所|站|处|队)$")
_UNCERTAIN_BODY_RE = re.compile(r"(管理委员会|管委会)$")

# --------------------------------------------------------------- statements

# ``(?<![\d〔\[［【(（/\-—.])((?:19|20)\d{2})``, the look-behind moved after the first digit (see _DATE_TEXT_RE).
_YEAR_MENTION_RE = re.compile(r"((?:1(?<![\d〔\[［【(（/\-—.].)9|2(?<![\d〔\[［【(（/\-—.].)0)\d{2})\s*年(?!\d)")
_FRAME_PREFIXES = frozenset({"", "在", "于", "截至", "截止", "截至到", "截止到"})
_NOT_A_STATEMENT_AFTER_RE = re.compile(
    r"\s*(?:度)?\s*(?:以来|至今|[-—–~～至到]\s*(?:(?:19|20)\d{2}|[0-9一二三四五六七八九十]{1,2}\s*月)"
    r"|(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:年度)?(?:报告|年报)|(?:工作)?(?:要点|计划|规划))"
)
_PLAN_SENTENCE_RE = re.compile(
    r"(?<![现已])将(?!其)|计划(?![、，,）)总])|拟|力争|争取|预计|打算|下一步|要点|确保|努力|要(?:进一步|继续|持续|加强|坚持)"
)
_BOOK_TITLE_RE = re.compile(r"《[^》\n]*》")
_PLAN_HEADING_RE = re.compile(r"下一步|打算|计划|要点|思路|展望|安排|工作重点|努力方向")
# Headings are lines, and each pattern opens with the line break before its line: a ``^`` pattern
# is tried at every offset, one that opens with a character is searched for it. ``_headings``
# searches the text with a line break put before it, so that the first line is a line too.
_SECTION_HEADING_RE = re.compile(
    r"\n(?P<line>[ \t#]*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]+部分)[^\n]*)"
)
_SUBSECTION_HEADING_RE = re.compile(r"\n(?P<line>[ \t]*[（(][一二三四五六七八九十]{1,3}[）)][^\n]*)")
_RUN_IN_END_RE = re.compile(r"[。：:；;]")
_BODY_YEAR_MIN = 3


# ------------------------------------------------------------------- values


def _year_value(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    digits = [_CN_YEAR_DIGITS.get(ch) for ch in text]
    if None in digits:
        return None
    return int("".join(str(d) for d in digits))


def _small_value(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    parsed = parse_chinese_numeral(text)
    return parsed[0] if parsed else None


def _calendar_date(year: int | None, month: int | None, day: int | None) -> bool:
    if year is None or month is None or day is None:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _date_from(m: re.Match[str], year: int | None = None) -> DateRef | None:
    """The date a ``_ANY_DATE`` match states (groups ``c*`` or ``n*``), None when it is no calendar date."""
    prefix = "c" if m.group("cm") is not None else "n"
    written_year = m.group(prefix + "y")
    y = _year_value(written_year) if written_year else year
    month, day = _small_value(m.group(prefix + "m")), _small_value(m.group(prefix + "d"))
    if not _calendar_date(y, month, day):
        return None
    return DateRef(y, month, day, Span(*m.span()))


# ------------------------------------------------------------------ reading


def find_dating(shadow: str, seg: Segmenter | None = None) -> Dating:
    """Everything ``shadow`` says about when (see the module doc), with its report year and deadline."""
    seg = seg or Segmenter(shadow)
    dating = Dating()
    title = _find_title(shadow)
    if title is not None:
        dating.title = title[0]
    date_lines = list(DATE_LINE_RE.finditer(shadow))
    _read_period(shadow, dating)
    _read_dates(shadow, dating, date_lines)
    dating.citations = _citations(shadow)
    taken = [m.sentence for m in (dating.title,) if m] + [c.sentence for c in dating.citations]
    taken += [d.span for d in (dating.published, dating.signed) if d]
    if dating.period_span:
        taken.append(dating.period_span)
    dating.statements, dating.plans = _statements(shadow, seg, taken)
    dating.body_year = _body_year(dating.statements)
    dating.report_year, dating.report_year_source = _report_year(dating)
    dating.as_of = _as_of(shadow, dating.report_year)
    dating.date_texts = [(Span(*m.span()), re.sub(r"\s+", "", m.group())) for m in _DATE_TEXT_RE.finditer(shadow)]
    dating.issuer = _issuer(shadow, title, date_lines)
    dating.issuer_kind = issuer_kind(dating.issuer)
    if dating.report_year is not None:
        dating.deadline = deadline(dating.report_year, dating.issuer_kind)
    return dating


def _lines(shadow: str, limit: int) -> list[tuple[int, int, str]]:
    """The first non-empty lines of the text as ``(start, end, text)``."""
    out: list[tuple[int, int, str]] = []
    for m in re.finditer(r"[^\n]+", shadow[:_TITLE_HEAD_CHARS]):
        if m.group().strip():
            out.append((m.start(), m.end(), m.group()))
            if len(out) == limit:
                break
    return out


def _compact(text: str) -> str:
    return _TITLE_NOISE_RE.sub("", re.sub(r"\s+", "", text))


def _find_title(shadow: str) -> tuple[YearMention, str, bool] | None:
    """The title's year, its text (lines joined, no spaces) and whether it is a title line.

    Without a title line, the preamble's self-reference (``False`` as the third item).
    """
    lines = _lines(shadow, _TITLE_MAX_LINES)
    for j, (_, end, text) in enumerate(lines):
        if not re.search(r"(报告|年报)\s*$", text):
            continue
        for k in range(1, 4):
            if j - k + 1 < 0:
                break
            group = lines[j - k + 1 : j + 1]
            joined = _compact("".join(g[2] for g in group))
            if len(joined) > _TITLE_MAX_CHARS or "。" in joined or joined.startswith("《"):
                break
            if not ("信息公开" in joined or "年报" in joined):
                continue
            start = group[0][0]
            years = list(_TITLE_YEAR_RE.finditer(shadow, start, end))
            if len({_year_value(y.group(1)) for y in years}) != 1:
                continue
            year = _year_value(years[0].group(1))
            assert year is not None
            mention = YearMention(year, Span(years[0].start(1), years[0].end()), Span(start, end))
            return mention, joined, True
    for pattern in _SELF_REFERENCE_RES:
        for m in pattern.finditer(shadow):
            year = _year_value(m.group("year"))
            if year is None or _inside_book_title(shadow, m.start()):
                continue
            year_span = Span(m.start("year"), _after(shadow, "年", m.end("year")))
            return YearMention(year, year_span, Span(*m.span("body"))), _compact(m.group("body")), False
    return None


def _after(shadow: str, char: str, pos: int) -> int:
    """The offset just past the first ``char`` at or after ``pos`` (a date's 年 or 日)."""
    return shadow.index(char, pos) + 1


def _inside_book_title(shadow: str, pos: int) -> bool:
    """Whether ``pos`` lies inside 《…》 (counted from the start of its line)."""
    line_start = shadow.rfind("\n", 0, pos) + 1
    before = shadow[line_start:pos]
    return before.count("《") > before.count("》")


def _read_period(shadow: str, dating: Dating) -> None:
    m = _PERIOD_RE.search(shadow)
    if not m:
        return
    sy = _year_value(m.group("sy"))
    ey = _year_value(m.group("ey")) if m.group("ey") else sy
    sm, sd = _small_value(m.group("sm")), _small_value(m.group("sd"))
    em, ed = _small_value(m.group("em")), _small_value(m.group("ed"))
    if not (_calendar_date(sy, sm, sd) and _calendar_date(ey, em, ed)):
        return
    assert sy is not None and ey is not None
    end_start = m.start("ey") if m.group("ey") else m.start("em")
    dating.period_start = DateRef(sy, sm, sd, Span(m.start("sy"), _after(shadow, "日", m.end("sd"))))
    dating.period_end = DateRef(ey, em, ed, Span(end_start, _after(shadow, "日", m.end("ed"))))
    dating.period_span = Span(*m.span())


def _read_dates(shadow: str, dating: Dating, date_lines: list[re.Match[str]]) -> None:
    signed_meta: DateRef | None = None
    for m in _META_DATE_RE.finditer(shadow):
        date = _date_from(m)
        if date is None:
            continue
        date = DateRef(date.year, date.month, date.day, Span(m.start(), date.span.end))
        if m.group("label") in _PUBLISHED_LABELS:
            dating.published = dating.published or date
        else:
            signed_meta = signed_meta or date
    lines = [d for d in (_date_from(m) for m in date_lines) if d]
    dating.signed = signed_meta or (lines[-1] if lines else None)


def _citations(shadow: str) -> list[YearMention]:
    out = []
    for m in _CITATION_RE.finditer(shadow):
        spaced = m.start()  # the number starts at the spaces before its bracket
        while spaced > 0 and shadow[spaced - 1].isspace():
            spaced -= 1
        if not (spaced > 0 and "\u4e00" <= shadow[spaced - 1] <= "\u9fff"):
            continue
        start = spaced
        while start > 0 and spaced - start < _CITATION_PREFIX_MAX and "\u4e00" <= shadow[start - 1] <= "\u9fff":
            start -= 1
        out.append(YearMention(int(m.group("year")), Span(m.start("year"), m.end("year")), Span(start, m.end())))
    return out


def _headings(shadow: str) -> tuple[list[int], list[str], list[int], list[str]]:
    """Section and sub-section headings (positions, texts); a run-in heading ends at its first 。."""
    lines = "\n" + shadow  # a match's line break is at the offset in ``shadow`` of the line after it
    tops = [(m.start(), _RUN_IN_END_RE.split(m.group("line"))[0]) for m in _SECTION_HEADING_RE.finditer(lines)]
    subs = [(m.start(), _RUN_IN_END_RE.split(m.group("line"))[0]) for m in _SUBSECTION_HEADING_RE.finditer(lines)]
    return [p for p, _ in tops], [t for _, t in tops], [p for p, _ in subs], [t for _, t in subs]


def _statements(
    shadow: str, seg: Segmenter, taken: list[Span]
) -> tuple[list[YearMention], list[YearMention]]:
    """Factual statements framed by a year, and plan statements, in text order."""
    top_pos, top_text, sub_pos, sub_text = _headings(shadow)

    def heading_says_plan(pos: int) -> bool:
        i = bisect.bisect_right(top_pos, pos) - 1
        top = top_pos[i] if i >= 0 else -1
        k = bisect.bisect_right(sub_pos, pos) - 1
        if k >= 0 and sub_pos[k] > top:
            return bool(_PLAN_HEADING_RE.search(sub_text[k]))
        return i >= 0 and bool(_PLAN_HEADING_RE.search(top_text[i]))

    facts: list[YearMention] = []
    plans: list[YearMention] = []
    for m in _YEAR_MENTION_RE.finditer(shadow):
        start = m.start()
        if any(s.start <= start < s.end for s in taken):
            continue
        if _NOT_A_STATEMENT_AFTER_RE.match(shadow, m.end()):
            continue
        if shadow[seg.clause_start(start) : start].strip() not in _FRAME_PREFIXES:
            continue
        sentence_start = seg.sentence_start(start)
        before = shadow[sentence_start:start]
        if before.count("《") > before.count("》"):
            continue
        sentence = Span(sentence_start, max(seg.sentence_end(start), m.end()))
        mention = YearMention(int(m.group(1)), Span(start, m.end()), sentence)
        text = _BOOK_TITLE_RE.sub("", shadow[sentence.start : sentence.end])
        plan = bool(_PLAN_SENTENCE_RE.search(text)) or heading_says_plan(start)
        (plans if plan else facts).append(mention)
    return facts, plans


def _body_year(statements: list[YearMention]) -> int | None:
    counts = Counter(s.year for s in statements).most_common()
    if not counts or counts[0][1] < _BODY_YEAR_MIN:
        return None
    runner_up = counts[1][1] if len(counts) > 1 else 0
    return counts[0][0] if counts[0][1] > 2 * runner_up else None


def _report_year(dating: Dating) -> tuple[int | None, str | None]:
    if dating.title is not None:
        return dating.title.year, "title"
    if dating.period_start is not None:
        return dating.period_start.year, "period"
    if dating.body_year is not None:
        return dating.body_year, "statements"
    return None, None


def _as_of(shadow: str, report_year: int | None) -> list[tuple[DateRef, str]]:
    out = []
    for m in _AS_OF_RE.finditer(shadow):
        year = _year_value(m.group("y")) if m.group("y") else report_year
        month = _small_value(m.group("m"))
        if year is None or month is None or not 1 <= month <= 12:
            continue
        last = calendar.monthrange(year, month)[1]
        day = _small_value(m.group("d")) if m.group("d") else _PART_DAY.get(m.group("part") or "", last)
        if not _calendar_date(year, month, day):
            continue
        out.append((DateRef(year, month, day, Span(*m.span())), re.sub(r"\s+", "", m.group())))
    return out


# ------------------------------------------------------------------- issuer

# The body a report is from, as its title names it: 淮安市洪泽区人民政府2023年政府信息公开工作年度报告.
_ISSUER_BEFORE_RE = re.compile(rf"^(?:关于)?(?P<name>.+?)(?:{_YEAR})年")
_ISSUER_AFTER_RE = re.compile(rf"(?:{_YEAR})年度?(?P<name>.*?)(?:政府|政务)?信息公开")
_ISSUER_NAME_CUT_RE = re.compile(r"(?:政府|政务)?信息公开.*$")


def _issuer(
    shadow: str, title: tuple[YearMention, str, bool] | None, date_lines: list[re.Match[str]]
) -> str | None:
    """The issuing body: named in the title (or on the line above it), else the signature line."""
    if title is not None:
        mention, text, is_line = title
        for pattern in (_ISSUER_BEFORE_RE, _ISSUER_AFTER_RE):
            m = pattern.search(text)
            if m:
                name = _ISSUER_NAME_CUT_RE.sub("", m.group("name")).removeprefix("关于")
                if _is_body_name(name):
                    return name
        above = _line_above(shadow, mention.sentence.start) if is_line else None
        if above and _is_body_name(above):
            return above
    return _signature(shadow, date_lines)


def _is_body_name(name: str) -> bool:
    """A body's own name: ends like one (局, 人民政府…), and is no pronoun (我局, 本机关)."""
    return 2 < len(name) <= 40 and name[0] not in "我本该" and bool(_BODY_SUFFIX_RE.search(name))


def _line_above(shadow: str, pos: int) -> str | None:
    """The previous non-empty line, compacted, when it is a bare name (no punctuation, ≤ 40 chars)."""
    end = shadow.rfind("\n", 0, pos)
    while end > 0:
        start = shadow.rfind("\n", 0, end) + 1
        line = _compact(shadow[start:end])
        if line:
            if len(line) <= 40 and not re.search(r"[，,。：:；;、（）()《》\d]", line):
                return line
            return None
        end = start - 1
    return None


def _signature(shadow: str, date_lines: list[re.Match[str]]) -> str | None:
    """The body named on the line just above the last line that holds only a date."""
    if not date_lines:
        return None
    name = _line_above(shadow, date_lines[-1].start())
    return name if name and _is_body_name(name) else None


def issuer_kind(issuer: str | None) -> str | None:
    """``government`` (人民政府 and its 办公厅/办公室), ``department``, or None when it cannot be told."""
    if not issuer or _UNCERTAIN_BODY_RE.search(issuer):
        return None
    if _GOVERNMENT_RE.search(issuer):
        return "government"
    if _DEPARTMENT_RE.search(issuer):
        return "department"
    return None


def deadline(report_year: int, kind: str | None) -> Deadline:
    """The legal publication deadline of a report for ``report_year`` by a body of ``kind``."""
    next_year = report_year + 1
    if report_year <= 2018:
        return Deadline(
            f"{next_year}-03-31",
            "2008",
            "2008年《政府信息公开条例》第三十一条：次年3月31日前公布",
            "2008 Regulations art. 31: by 31 March of the next year",
        )
    if kind == "department":
        return Deadline(
            f"{next_year}-01-31",
            "2019",
            "2019年《政府信息公开条例》第四十九条：政府部门次年1月31日前公布",
            "2019 Regulations art. 49: a government department publishes by 31 January",
        )
    if kind == "government":
        return Deadline(
            f"{next_year}-03-31",
            "2019",
            "2019年《政府信息公开条例》第四十九条：地方人民政府年度报告次年3月31日前公布",
            "2019 Regulations art. 49: a local government's report is published by 31 March",
        )
    return Deadline(
        f"{next_year}-03-31",
        "2019",
        "2019年《政府信息公开条例》第四十九条：发布机关类型未能判定，按较晚的次年3月31日",
        "2019 Regulations art. 49: issuer type unknown, the later deadline (31 March) applied",
    )
