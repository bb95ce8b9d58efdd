"""Figures with their units, approximation words and the interval they stand for.

Matching runs on the Simplified shadow of the text (so 萬 億 條 項 個 餘 兩 read as
万 亿 条 项 个 余 两) with full-width digits already folded by ingest; ``raw`` and
``figure`` are quoted from the original text (same length, same offsets). Only
figures followed by a unit are extracted: a bare number is a year, a date part,
a phone number, a postcode, a document number or a hotline name (2017年,
〔2017〕47号, 0523-86839000, 邮编225300, 12345热线) far more often than a count, so
requiring a unit is what keeps those out. 年, 月 and 日 are never units (dates);
durations are (个工作日 个月 个小时 小时 天 分钟 周, longest first so that
``15个工作日`` is 15 个工作日, not 15 个; 周 not before 年/岁: ``40周年``), and so is
部分 (``六部分组成``). A figure directly followed by 半 (``3个半月``) is not read.
Ordinals (第3次) are skipped explicitly.

Intervals follow DESIGN.md ("Numbers with precision"):

==============  =====================================================
written         interval
==============  =====================================================
``30506条``      [30506, 30506]
``8.4万件``      [83500, 84500)   half a unit of the last written digit
``98.82%``      [98.815, 98.825]
``8.4万余件``    [84000, 85000)   余/多/逾: up to one more unit of the
                                 last non-zero digit
``100人以上``    [100, +inf)      以上/超过: unbounded
``近100%``      (95, 100]        近/将近/接近: within 5 % below
``约100件``      [50, 150]        约/大约/左右: half a unit of the last
                                 non-zero digit either side
``3-5件``        [3, 5]           a range (Approx.RANGE), value = lower end
``10-20万元``    [100000, 200000] a scale written once applies to both ends
==============  =====================================================

Chinese numerals
----------------
A run of 零〇一二两三四五六七八九十百千万亿 followed by a unit is a figure when the
run is a well-formed number: ``三十五件`` 35, ``一百零八条`` 108, ``一千〇五十`` 1050,
``两千人次`` 2000, ``三万五千`` 35000, ``一万余件`` [10000, 20000), ``十余家``
[10, 20) (余/多 add one unit of the last non-zero digit, as for digits). A final
digit right after a multiplier is the colloquial short form (``一百五`` 150,
``三万五`` 35000). A run written in full is exact (``三万件`` is [30000, 30000]:
Chinese numerals have no shorter exact spelling). ``decimals`` is 0. Rejected:

* runs that are not one number: digit by digit (二〇一八), two digits in a row
  (一两个, 三四个), a multiplier without a digit other than a leading 十
  (万余件, 千家, 百家), a leading or trailing 零 (零件);
* a run that starts right after a digit or another numeral character (the
  regex only starts a run at the start of a numeral sequence);
* a lone 一 (一次性, 一件事, 一批, 没有一份, 一个平台: an article, not a count) and a
  lone 二 (counts use 两; 二期工程, 第二项 are ordinals or labels);
* ordinals, ranks and distributives: the run follows 第, 前, 后, 每, 逐, 头 or
  届 (第二十条, 前十名, 每两个月, 五届四次全会), except where 前/后/头 end another
  word (提前三个工作日, 先后两次, 牵头两家); 数十/几十 (``数十家``: "dozens");
* slogans and set phrases: the run follows an opening quote or title mark
  (“四项制度”, “五个中心”, 《…》), the unit is directly followed by a numeral
  (六个一, 五位一体, 三天两头; not before 级: 三家二级医院), 个 is directly
  followed by an opening quote (两个“凡是”), or the numeral lies inside a phrase
  of ``_SET_PHRASES`` (四个意识, 两个维护, 八项规定, 三番五次, the template's
  三类内部事务信息 / 四类过程性信息, place names such as 七台河 or 五家渠).
  Idioms whose numerals are not followed by a unit (千方百计, 万无一失, 两微一端,
  三公经费) or are bare multipliers (千家万户) never match in the first place.

Ranges
------
``3-5件``, ``3～5件``, ``3~5件``, ``3至5件``, ``3到5件``, ``3—5件``, ``三至五个``: one
figure with Approx.RANGE, value the lower end, interval [lo, hi] closed. A
scale written once after the upper end applies to both ends (``10-20万元``;
for Chinese numerals only when that keeps lo < hi: ``三至五万元`` is
[30000, 50000], ``五千至一万元`` [5000, 10000]). A pair with lo >= hi is no
range, and no figure at all (``表5-1份``: a label). Year ranges, month ranges,
date ranges and phone numbers (2017-2018年, 1-3月, 0523-86839000) have no unit
and are never read.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction

from audit.model import Approx, Interval, Number, Span

# Longest first where one unit is the start of another: 个工作日 个月 个小时 before 个,
# 人次 before 人, 件次 before 件, 部分 before 部.
UNITS = (
    "个工作日", "个小时", "个月", "小时", "分钟", "天", "周",
    "人次", "件次", "条次", "户次", "个次", "家次",
    "部分",  # 六部分组成: six parts, not six 部
    "元", "条", "件", "份", "项", "个", "次", "篇", "期", "家", "名", "人", "户",
    "场", "套", "起", "批", "台", "位", "处", "所", "宗", "例", "部", "本", "册",
    "封", "页", "类", "%", "‰",
)
_SCALES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4, "千": 10**3}

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "".join(_CN_BIG)

# How the figure regex is written for speed, without changing what it matches. It fails at
# most places it is tried (a year, a table cell, a list number), and Python's regex engine pays
# for each step it retries there; so:
# * a run that no continuation can split is possessive (``+``): the spaces (none of the parts
#   after them starts with one) and the digits before the point (a shorter run is followed by
#   a digit, which ``(?![\d])`` refuses);
# * an optional group is written ``(?:X|)`` (``_optional``), which matches as ``(?:X)?`` does
#   but enters no repeat (the engine allocates a repeat context each time it enters one);
# * a lookahead on the first character guards a part that most places cannot start
#   (the thousands groups, the units).


def _optional(pattern: str) -> str:
    """``pattern`` or nothing, tried in that order: ``(?:pattern)?`` without a repeat."""
    return "(?:" + pattern + "|)"


# PDF text layers put spaces around figures ("依申请公开信息12 条", "7 件"): up to two
# spaces are allowed between the parts of a figure, never a line break.
_SP = r"[ \t\u3000]{0,2}+"
_UNIT_RE = (
    "(?=[" + "".join(sorted({re.escape(u[0]) for u in UNITS})) + "])"
    "(?:" + "|".join(re.escape(u) + ("(?![年岁])" if u == "周" else "") for u in UNITS) + ")"
)
# At most 15 digits before the point and 8 after: no report states a larger figure, and a longer
# run (an id, a scanned barcode, a 10 MB line of digits) is not a figure to convert.
_FRACTION = _optional(r"\.\d{1,8}")
_DIGITS = r"\d{1,3}+(?=,\d)(?:,\d{3}){1,4}" + _FRACTION + r"(?![\d,])|\d{1,15}+" + _FRACTION + r"(?![\d])"
_CN = "[" + _CN_CHARS + "]{1,24}+"  # 23 characters write any number below 10^12  # possessive: a run is never split by backtracking
# Not inside a longer token (``A12``, ``1.5``, ``1,234``); a comma used as a clause
# separator (``经清理,303项``: reports fold ， to ,) does not make a figure part of one.
_NOT_AFTER_DIGIT = r"(?<![0-9A-Za-z.])(?<!\d,)"
_NOT_AFTER_NUMERAL = "(?<![0-9" + _CN_CHARS + "])"
_RANGE_SEP = "(?:[-~～〜—–至到])"
_SCALE = r"(?:万亿|千万|百万|亿|万|千)"

_NUMBER_RE = re.compile(
    # fail fast where no figure can start (a digit, a numeral or an approximation word)
    r"(?=[0-9" + _CN_CHARS + r"将接大超多近约逾])"
    # a range, both ends in digits or both in Chinese numerals
    r"(?:"
    r"(?:" + _NOT_AFTER_DIGIT + r"(?P<lo>" + _DIGITS + r")" + _SP + _RANGE_SEP + _SP
    + r"(?P<hi>" + _DIGITS + r")" + _SP + _optional(r"(?P<rscale>" + _SCALE + r")")
    + r"|" + _NOT_AFTER_NUMERAL + r"(?P<clo>" + _CN + r")" + _SP + _RANGE_SEP + _SP
    + r"(?P<chi>" + _CN + r")"
    r")" + _SP + r"(?P<runit>" + _UNIT_RE + r")"
    # or one figure, possibly qualified
    r"|"
    + _optional(r"(?P<pre>将近|接近|大约|超过|多达|近|约|逾)" + _SP)
    + r"(?:" + _NOT_AFTER_DIGIT + r"(?P<num>" + _DIGITS + r")" + _SP + _optional(r"(?P<scale>" + _SCALE + r")")
    + r"|" + _NOT_AFTER_NUMERAL + r"(?P<cn>" + _CN + r"))"
    + _optional(r"(?P<mid>余|多)")
    + _SP + r"(?P<unit>" + _UNIT_RE + r")"
    + _optional(r"(?P<post>以上|左右|多)")
    + r")"
)
_ORDINAL_BEFORE = re.compile(r"第\s*$")

# Chinese numerals: the character before the run that makes it an ordinal, a rank or
# a distributive (第二十条, 前十名, 每两个月, 五届四次全会) ...
_CN_ORDINAL_BEFORE = set("第前后每逐头届")
# ... unless it ends another word (提前三个工作日, 先后两次, 牵头两家单位).
_CN_WORD_ENDING = {
    "前": set("提目此之以当日事年先空会节"),
    "后": set("先此之以随最然其而今事会前落"),
    "头": set("牵带源龙口开案街"),
}
_OPENING_QUOTES = set("“‘「『《\"")
# Set phrases, slogans, template labels and place names whose numeral would otherwise
# read as a figure. Only phrases where a numeral run is followed by a unit need to be here.
_SET_PHRASES = (
    "千家万户", "四个意识", "四个自信", "四个全面", "两个维护", "两个确立", "两个责任",
    "三个代表", "八项规定", "三番五次",
    "三类内部事务", "三类内容事务", "四类过程性",  # the 2021 template's labels
    "七台河", "九台区", "五台山", "五台县", "三台县", "五家渠", "三元区",  # place names
)
_SET_PHRASE_RE = re.compile("|".join(_SET_PHRASES))

_MORE_BOUNDED = {"余", "多", "逾"}
_MORE_UNBOUNDED = {"以上", "超过", "多达"}
_NEARLY = {"近", "将近", "接近"}
_ABOUT = {"约", "大约", "左右"}


def parse_numbers(shadow: str, text: str | None = None) -> list[Number]:
    """Every figure-with-unit in ``shadow``; ``raw`` is quoted from ``text`` (defaults to shadow)."""
    text = shadow if text is None else text
    phrases: list[tuple[int, int]] | None = None
    numbers = []
    for m in _NUMBER_RE.finditer(shadow):
        if m.group("cn") is not None or m.group("clo") is not None:
            if phrases is None:
                phrases = [p.span() for p in _SET_PHRASE_RE.finditer(shadow)]
            if not _chinese_ok(m, shadow, phrases):
                continue
        else:
            first = m.start("lo" if m.group("lo") is not None else "num")
            window = max(0, first - 3)  # (looked at for a 第 first: most figures have none before them)
            if "第" in shadow[window:first] and _ORDINAL_BEFORE.search(shadow, window, first):
                continue
        if shadow.startswith("半", m.end("unit" if m.group("unit") is not None else "runit")):
            continue  # 3个半月, 两天半: a half is not read
        number = _number(m, text)
        if number is not None:
            numbers.append(number)
    return numbers


def parse_number(written: str) -> Number | None:
    """Parse one written figure such as ``8.4万余件``; None when it is not one whole figure."""
    m = _NUMBER_RE.fullmatch(written)
    if m is None or (m.group("cn") or m.group("clo")) and not _chinese_ok(m, written, []):
        return None
    return _number(m, written)


# ------------------------------------------------------------------ Chinese numerals


def parse_chinese_numeral(run: str) -> tuple[int, int] | None:
    """``(value, place of the last non-zero digit)`` of a numeral run, None when it is not one number.

    ``一百零八`` → (108, 1), ``十余``'s ``十`` → (10, 10), ``三万`` → (30000, 10000),
    ``一百五`` → (150, 10); ``二〇一八``, ``一两``, ``万``, ``零`` → None.
    """
    total = 0  # the completed 万/亿 groups
    section = 0  # the group below 万 being read
    digit: int | None = None  # a digit waiting for its multiplier
    small = 10**4  # multipliers within a group must decrease
    big = 10**12  # and so must 万/亿
    zero = False  # a 零 was written since the last multiplier
    place = 0  # place of the last non-zero digit within the group
    last = 0  # absolute place of the last non-zero digit
    mult = 0  # the multiplier written just before, 0 when none
    for ch in run:
        if ch in "零〇":
            if digit is not None or zero or (section == 0 and total == 0):
                return None
            zero, mult = True, 0
        elif ch in _CN_DIGITS:
            if digit is not None:
                return None
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            m = _CN_SMALL[ch]
            if m >= small:
                return None
            if digit is None:
                if m != 10 or section or total or zero:
                    return None  # only a leading 十 may leave out its 一
                digit = 1
            section += digit * m
            place, small, digit, zero, mult = m, m, None, False, m
        elif ch in "亿億" and mult == 10**4 and section == 0 and digit is None and total:
            # 万亿 is one unit, 10^12 (一万亿, 三万亿): the 万 group just written is multiplied by 亿
            total, last, big, mult = total * 10**8, last * 10**8, 10**12, 10**12
        else:
            b = _CN_BIG[ch]
            if digit is not None:
                section, place, digit = section + digit, 1, None
            if section == 0 or b >= big:
                return None
            total += section * b
            last, section, place, small, big, zero, mult = place * b, 0, 0, 10**4, b, False, b
    if zero and digit is None:
        return None  # a trailing 零
    if digit is not None:
        step = mult // 10 if mult else 1  # 一百五 is 150, 三万五 35000, 十五 15
        section, place = section + digit * step, step
    if section:
        last = place
    value = total + section
    return (value, last) if value else None


def _previous_char(shadow: str, pos: int) -> tuple[str, int]:
    """The character before ``pos`` skipping up to two spaces, and its offset (``""`` at the start)."""
    i = pos - 1
    while i >= 0 and pos - i <= 3 and shadow[i] in " \t\u3000":
        i -= 1
    return (shadow[i], i) if i >= 0 else ("", -1)


def _chinese_ok(m: re.Match[str], shadow: str, phrases: list[tuple[int, int]]) -> bool:
    """Whether a Chinese-numeral match is a figure (the module docstring lists the rules)."""
    ranged = m.group("clo") is not None
    start = m.start("clo" if ranged else "cn")
    run = m.group("clo" if ranged else "cn")
    unit_end = m.end("runit" if ranged else "unit")
    if not ranged and run in ("一", "二"):
        return False
    before, i = _previous_char(shadow, start)
    if before in _CN_ORDINAL_BEFORE and (i == 0 or shadow[i - 1] not in _CN_WORD_ENDING.get(before, ())):
        return False
    if before and before in "数几" and run[0] == "十":
        return False
    if before and before in _OPENING_QUOTES:
        return False
    after = shadow[unit_end : unit_end + 2]
    if after[:1] and after[0] in _CN_CHARS and after[1:2] != "级":
        return False
    if shadow[m.start("runit" if ranged else "unit")] == "个" and after[:1] and after[0] in _OPENING_QUOTES:
        return False
    return not any(s <= start < e for s, e in phrases)


# --------------------------------------------------------------------------- numbers


def _number(m: re.Match[str], text: str) -> Number | None:
    """The Number a match stands for, quoted from ``text`` (aligned with the matched string)."""
    if m.group("lo") is not None or m.group("clo") is not None:
        return _range(m, text)
    cn, num, scale, pre, mid, post, unit = m.group("cn", "num", "scale", "pre", "mid", "post", "unit")
    reading = _reading(cn, num, scale, pre, mid, post, unit == "%")
    if reading is None:
        return None
    value, approx, interval, decimals = reading
    return Number(
        value=value,
        unit=unit,
        approx=approx,
        interval=interval,
        span=Span(m.start(), m.end()),
        raw=text[m.start() : m.end()],
        decimals=decimals,
        figure=_figure(m, text, "unit"),
    )


# Reports repeat their figures (1件, 100%, 0条): each written form is worked out once.
@functools.lru_cache(maxsize=4096)
def _reading(
    cn: str | None,
    num: str | None,
    scale_word: str | None,
    pre: str | None,
    mid: str | None,
    post: str | None,
    percent: bool,
) -> tuple[Fraction, Approx, Interval, int] | None:
    """``(value, approx, interval, decimals)`` of a figure written with a numeral run ``cn`` or
    digits ``num`` (and a ``scale_word``), with its approximation words; None when ``cn`` is not one number."""
    words = {w for w in (pre, mid, post) if w}
    approx = _approx_kind(words)
    if cn is not None:
        parsed = parse_chinese_numeral(cn)
        if parsed is None:
            return None
        value, step = Fraction(parsed[0]), Fraction(parsed[1])
        decimals, half = 0, Fraction(0)
    else:
        assert num is not None
        digits = num.replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        scale = _SCALES.get(scale_word or "", 1)
        value = Fraction(digits) * scale
        step = _last_nonzero_unit(digits, scale)
        half = Fraction(scale, 10**decimals) / 2 if decimals or scale != 1 else Fraction(0)
    return value, approx, _interval(value, approx, words, step, half, percent), decimals


def _range(m: re.Match[str], text: str) -> Number | None:
    """A ``3-5件`` range, or None when its ends do not rise (``5-1``)."""
    if m.group("lo") is not None:
        lo_digits, hi_digits = m.group("lo").replace(",", ""), m.group("hi").replace(",", "")
        scale = _SCALES.get(m.group("rscale") or "", 1)
        lo, hi = Fraction(lo_digits) * scale, Fraction(hi_digits) * scale
        decimals = max(len(d.partition(".")[2]) for d in (lo_digits, hi_digits))
    else:
        lo_parsed, hi_parsed = parse_chinese_numeral(m.group("clo")), parse_chinese_numeral(m.group("chi"))
        if lo_parsed is None or hi_parsed is None:
            return None
        lo, hi = Fraction(lo_parsed[0]), Fraction(hi_parsed[0])
        trailing = {**_CN_SMALL, **_CN_BIG}.get(m.group("chi")[-1], 1)
        if trailing >= 100 and lo * trailing < hi:
            lo *= trailing  # 三至五万: the scale is written once
        decimals = 0
    if lo >= hi:
        return None
    return Number(
        value=lo,
        unit=m.group("runit"),
        approx=Approx.RANGE,
        interval=Interval(lo, hi),
        span=Span(m.start(), m.end()),
        raw=text[m.start() : m.end()],
        decimals=decimals,
        figure=_figure(m, text, "runit"),
    )


def _figure(m: re.Match[str], text: str, unit_group: str) -> str:
    """The figure as written without its unit and without spaces (``8.4萬餘`` of ``8.4萬餘件``)."""
    figure = text[m.start() : m.start(unit_group)] + text[m.end(unit_group) : m.end()]
    return "".join(figure.split())


def _approx_kind(words: set[str]) -> Approx:
    if words & (_MORE_BOUNDED | _MORE_UNBOUNDED):
        return Approx.MORE_THAN
    if words & _NEARLY:
        return Approx.NEARLY
    if words & _ABOUT:
        return Approx.ABOUT
    return Approx.EXACT


def _last_nonzero_unit(digits: str, scale: int) -> Fraction:
    """The place value of the last non-zero written digit (``110`` → 10, ``8.4``万 → 1000)."""
    whole, _, frac = digits.partition(".")
    frac = frac.rstrip("0")
    if frac:
        return Fraction(scale, 10 ** len(frac))
    stripped = whole.rstrip("0") or "0"
    return Fraction(scale * 10 ** (len(whole) - len(stripped)))


def _interval(
    value: Fraction,
    approx: Approx,
    words: set[str],
    step: Fraction,
    half: Fraction,
    percent: bool,
) -> Interval:
    """``step``: the place of the last non-zero digit; ``half``: half the precision of the
    last written digit (0 when the figure is written in full)."""
    if approx is Approx.MORE_THAN:
        if words & _MORE_UNBOUNDED:
            return Interval(value, None, lo_open="超过" in words)
        return Interval(value, value + step, hi_open=True)
    if approx is Approx.NEARLY:
        if value == 0:
            return Interval.exact(value)  # 近0: nothing is below 0 to be near it from
        return Interval(value * Fraction(95, 100), value, lo_open=True)
    if approx is Approx.ABOUT:
        return Interval(value - step / 2, value + step / 2)
    if not half:
        return Interval.exact(value)
    if percent:
        return Interval(value - half, value + half)
    return Interval(value - half, value + half, hi_open=True)
