"""Property tests (hypothesis): figures read back, exact interval arithmetic, hostile input.

1. Numbers: every integer written as a figure with a unit (Arabic digits, thousands
   separators, full-width digits, Chinese numerals, ``N万``/``N亿`` with decimals) is read
   back as itself. Only contexts the module counts as figures are generated: a count
   followed by 件/条, never a year, a date, a phone number or an ordinal.
2. Interval arithmetic: a sum or ratio of intervals contains the sum or ratio of any
   points inside them, its bounds are open exactly when they cannot be reached, and an
   interval's text parses back to it.
3. Extraction never raises, on arbitrary Unicode or on texts cut and pasted from the samples.
4. Ingest raises nothing but ``IngestError`` on corrupted files of every format, and the
   pipeline lists every such file with a status.

How many examples run is set by the hypothesis profile that ``tests/conftest.py`` loads
(``HYPOTHESIS_PROFILE``: ``default`` for ``make test``, ``fuzz`` for ``make fuzz``); the
tests that read files or run the checks use a fixed fraction of it.

Five bugs these properties found were fixed and keep their tests, with the minimal
input as an explicit example: numerals longer than 16 characters, 一万亿, 近0, a zero
count over an open base, and bounds with more than 11 decimals
(``test_chinese_numeral_longer_than_16_characters``, ``test_chinese_numeral_wan_yi``,
``test_nearly_zero_is_not_an_empty_interval``, ``test_ratio_of_a_zero_count_contains_zero``,
``test_interval_text_round_trip_of_tiny_bounds``).
"""

from __future__ import annotations

import io
import os
import tempfile
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from audit.checks import arith
from audit.extract import extract
from audit.extract.numbers import parse_chinese_numeral, parse_numbers
from audit.ingest import IngestError, load
from audit.ingest.normalize import normalize
from audit.model import Approx, Document, Interval, Status
from audit.pipeline import audit_paths

from conftest import SAMPLES
from test_ingest_formats import PAGE_1, PAGE_2, make_pdf, pdf_text


def scaled(fraction: float, at_least: int = 5, **kwargs) -> settings:
    """The loaded profile's settings with a fraction of its examples (for tests that read files)."""
    return settings(max_examples=max(at_least, int(settings.default.max_examples * fraction)), **kwargs)


# =================================================================== 1. numbers

# What comes before and after a figure: words a report writes around a count. None of them
# ends in a digit, a numeral, 第/前/每… (ordinals) or an opening quote, and none after the
# unit starts with a numeral, so every generated figure is one the module counts.
PREFIXES = ("", "共", "本年度共受理", "主动公开政府信息", "收到申请", "办结", "其中")
SUFFIXES = ("", "。", "，", "，同比增长", "；其中", "\n")
UNITS = ("件", "条")

_CN_DIGITS = "零一二三四五六七八九"


def _chinese_group(group: int, first: bool, liang: bool) -> str:
    """0 < group < 10000 in Chinese numerals; ``first``: nothing is written before it."""
    out, zero = "", False
    for place, mult in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = group // place % 10
        if digit == 0:
            zero = bool(out)  # a 零 is due if a non-zero digit follows
            continue
        if zero:
            out, zero = out + "零", False
        if digit == 1 and place == 10 and first and not out:
            out += "十"  # 十二, 十万, 十二亿: a leading 十 leaves out its 一
            continue
        if digit == 2 and liang and (place >= 100 or (place == 1 and group == 2 and first)):
            out += "两"  # 两千, 两百, 两万, 两亿, 两件
        else:
            out += _CN_DIGITS[digit]
        out += mult
    return out


def chinese_numeral(n: int, liang: bool = False) -> str:
    """``n`` (0 < n <= 10^12) as a report writes it: 一百零八, 两千, 三万五千, 十二亿, 一亿零一十万.

    零 stands for a run of zeros between written digits (一千零八, 一千零八十), also across
    万/亿 groups (一万零八, 一亿零一万, 一百万零八百); trailing zeros are not written.
    ``liang`` writes a leading 2 of 百/千/万/亿 (and a lone 2) as 两.
    """
    if n == 10**12:
        return "一万亿"
    assert 0 < n < 10**12
    out, zero = "", False
    for group, big in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if group == 0:
            zero = bool(out)
            continue
        if out and (zero or group < 1000):
            out += "零"
        out += _chinese_group(group, first=not out, liang=liang) + big
        zero = False
    return out


def test_chinese_numeral_writer():
    """The writer the properties rely on, against forms a reader knows."""
    cases = {
        108: "一百零八", 1008: "一千零八", 1080: "一千零八十", 1800: "一千八百", 35000: "三万五千",
        10008: "一万零八", 108000: "十万八千", 1000800: "一百万零八百", 100010000: "一亿零一万",
        100100000: "一亿零一十万", 1200000000: "十二亿", 12: "十二", 20: "二十", 110: "一百一十",
    }
    assert {n: chinese_numeral(n) for n in cases} == cases
    assert [chinese_numeral(n, liang=True) for n in (2, 2000, 20000, 22, 200000000)] == [
        "两", "两千", "两万", "二十二", "两亿"
    ]


def figures(written: str, prefix: str, suffix: str):
    """What ``parse_numbers`` reads in ``prefix + written + suffix``, through ingest's normalisation."""
    text, shadow = normalize(prefix + written + suffix)
    return text, parse_numbers(shadow, text)


def assert_reads_back(written: str, value: int, unit: str, prefix: str, suffix: str) -> None:
    text, numbers = figures(written + unit, prefix, suffix)
    assert len(numbers) == 1, (written, [n.raw for n in numbers])
    (number,) = numbers
    assert number.value == value
    assert number.unit == unit
    assert number.interval.contains(Fraction(value))
    assert number.raw == text[number.span.start : number.span.end]
    assert number.span.start == len(prefix)


contexts = st.tuples(st.sampled_from(PREFIXES), st.sampled_from(UNITS), st.sampled_from(SUFFIXES))
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@given(n=st.integers(0, 10**12), form=st.sampled_from(["plain", "separated", "full-width", "full-width separated"]), ctx=contexts)
def test_arabic_figures_read_back(n, form, ctx):
    prefix, unit, suffix = ctx
    written = f"{n:,}" if "separated" in form else str(n)
    if "full-width" in form:
        written = written.translate(FULL_WIDTH)  # the separator stays ASCII: a full-width ， ends a clause
    assert_reads_back(written, n, unit, prefix, suffix)
    if form == "plain":
        (number,) = figures(written + unit, prefix, suffix)[1]
        assert number.approx is Approx.EXACT and number.interval.is_exact


def _sparse(digits: dict[int, int]) -> int:
    """The number with non-zero ``digits`` (place → digit) and zeros elsewhere."""
    return sum(d * 10**p for p, d in digits.items())


# Chinese numerals up to 亿 are at most 15 characters; above it, numbers with few non-zero
# digits (longer numerals have their own test below).
numerals = st.one_of(
    st.integers(2, 10**8 - 1),
    st.dictionaries(st.integers(0, 11), st.integers(1, 9), min_size=1, max_size=3).map(_sparse),
).filter(lambda n: n >= 2 and len(chinese_numeral(n)) <= 16)


@given(n=numerals, liang=st.booleans(), traditional=st.booleans(), ctx=contexts)
@example(n=108, liang=False, traditional=False, ctx=("", "件", "")).via("一百零八件")
@example(n=2000, liang=True, traditional=False, ctx=("共", "件", "。")).via("两千件")
@example(n=35000, liang=False, traditional=True, ctx=("", "條", "")).via("三萬五千條")
@example(n=1200000000, liang=False, traditional=False, ctx=("", "条", "")).via("十二亿条")
def test_chinese_numerals_read_back(n, liang, traditional, ctx):
    """A well-formed numeral (lone 一 and 二 are left out: the module reads them as articles)."""
    prefix, unit, suffix = ctx
    written = chinese_numeral(n, liang=liang or n == 2)
    if traditional:  # read through the Simplified shadow; quoted as written
        written = written.translate(str.maketrans("万亿两", "萬億兩"))
        unit = {"条": "條"}.get(unit, unit)
    text, numbers = figures(written + unit, prefix, suffix)
    assert [(n_.value, n_.raw) for n_ in numbers] == [(n, written + unit)]
    assert numbers[0].interval.is_exact  # a numeral written in full is exact
    assert parse_chinese_numeral(chinese_numeral(n, liang))[0] == n


@given(n=st.integers(10**8, 10**12 - 1), ctx=contexts)
@example(n=111111111, ctx=("", "件", ""))  # the smallest: 一亿一千一百一十一万一千一百一十一 (17 characters)
def test_chinese_numeral_longer_than_16_characters(n, ctx):
    assume(len(chinese_numeral(n)) > 16)
    prefix, unit, suffix = ctx
    assert [x.value for x in figures(chinese_numeral(n) + unit, prefix, suffix)[1]] == [n]


def test_chinese_numeral_wan_yi():
    assert [x.value for x in figures("一万亿元", "", "")[1]] == [10**12]


@given(n=st.integers(0, 10**12), scale=st.sampled_from([("万", 4), ("亿", 8)]), ctx=contexts)
@example(n=84000, scale=("万", 4), ctx=("", "件", ""))  # 8.4万件
def test_wan_yi_with_decimals_read_back(n, scale, ctx):
    """``n`` as ``N万``/``N亿`` (8.4万, 0.0005万, 1200亿): the value, and an interval around it."""
    prefix, unit, suffix = ctx
    word, exponent = scale
    digits = format(Decimal(n).scaleb(-exponent).normalize(), "f")
    assert_reads_back(digits + word, n, unit, prefix, suffix)


# A figure as the module's grammar writes it: qualifier words, digits or a numeral, a unit.
figure_texts = st.builds(
    lambda pre, num, mid, unit, post: f"{pre}{num}{mid}{unit}{post}",
    st.sampled_from(["", "近", "将近", "接近", "约", "大约", "超过", "多达", "逾"]),
    st.one_of(
        st.integers(0, 10**6).map(str),
        st.decimals(0, 1000, places=2).map(str),
        st.integers(2, 10**6).map(chinese_numeral),
    ),
    st.sampled_from(["", "余", "多"]),
    st.sampled_from(["件", "条", "%", "万件", "个工作日", "人次"]),
    st.sampled_from(["", "以上", "左右", "多"]),
)


def _is_empty(iv: Interval) -> bool:
    return iv.hi is not None and (iv.lo > iv.hi or (iv.lo == iv.hi and (iv.lo_open or iv.hi_open)))


@given(written=figure_texts)
def test_every_figure_stands_for_some_value(written):
    """The interval of a figure is never empty (a check against it could never pass)."""
    for number in parse_numbers(written):
        assert not _is_empty(number.interval), (number.raw, str(number.interval))


@given(written=st.sampled_from(["近0件", "将近0%", "接近0.0%", "近0万件"]))
@example(written="近0件")
def test_nearly_zero_is_not_an_empty_interval(written):
    (number,) = parse_numbers(written)
    assert not _is_empty(number.interval), str(number.interval)


# ============================================================ 2. interval arithmetic

values = st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**4)
widths = st.fractions(min_value=0, max_value=10**6, max_denominator=10**4)


@st.composite
def intervals(draw, lo=values, bounded=False):
    """A non-empty interval in canonical form (an unbounded one is open above, ``hi_open`` False)."""
    low = draw(lo)
    if not bounded and draw(st.booleans()):
        return Interval(low, None, draw(st.booleans()))
    width = draw(widths)
    if width == 0:
        return Interval.exact(low)
    return Interval(low, low + width, draw(st.booleans()), draw(st.booleans()))


def point_in(data, iv: Interval) -> Fraction:
    """A value inside ``iv``: one of its closed bounds or an inner point."""
    choices = []
    if not iv.lo_open:
        choices.append(iv.lo)
    if iv.hi is not None and not iv.hi_open:
        choices.append(iv.hi)
    t = data.draw(st.fractions(min_value=0, max_value=1, max_denominator=1000).filter(lambda t: 0 < t < 1))
    choices.append(iv.lo + t * (iv.hi - iv.lo) if iv.hi is not None else iv.lo + t * 10**6)
    point = data.draw(st.sampled_from(choices))
    assert iv.contains(point)
    return point


@given(ivs=st.lists(intervals(), min_size=1, max_size=6), data=st.data())
def test_sum_contains_sums_of_points(ivs, data):
    total = Interval.sum(ivs)
    assert total.contains(sum((point_in(data, iv) for iv in ivs), Fraction(0)))
    assert (ivs[0] + ivs[-1]).contains(point_in(data, ivs[0]) + point_in(data, ivs[-1]))


@given(ivs=st.lists(intervals(), min_size=1, max_size=6))
def test_sum_bounds_are_exact(ivs):
    """A bound of a sum is the sum of the bounds, reached exactly when every one of them is."""
    total = Interval.sum(ivs)
    assert total.lo == sum(iv.lo for iv in ivs)
    assert total.lo_open == any(iv.lo_open for iv in ivs)
    if any(iv.hi is None for iv in ivs):
        assert total.hi is None and not total.hi_open
    else:
        assert total.hi == sum(iv.hi for iv in ivs)
        assert total.hi_open == any(iv.hi_open for iv in ivs)


counts = intervals(lo=st.fractions(min_value=0, max_value=10**6, max_denominator=100))
bases = intervals(lo=st.fractions(min_value=0, max_value=10**6, max_denominator=100).filter(bool), bounded=True)


@given(count=counts, base=bases, data=st.data())
def test_ratio_contains_ratios_of_points(count, base, data):
    x, y = point_in(data, count), point_in(data, base)
    ratio = arith.ratio_interval(count, base)
    assert ratio is not None and ratio.contains(100 * x / y)


@given(count=counts, base=bases)
def test_ratio_bounds_are_reached_exactly_when_reachable(count, base):
    assume(count.lo != 0)
    ratio = arith.ratio_interval(count, base)
    assert ratio.lo == 100 * count.lo / base.hi
    assert ratio.contains(ratio.lo) == (count.contains(count.lo) and base.contains(base.hi))
    if count.hi is None:
        assert ratio.hi is None
    else:
        assert ratio.hi == 100 * count.hi / base.lo
        assert ratio.contains(ratio.hi) == (count.contains(count.hi) and base.contains(base.lo))


@given(count=intervals(bounded=True), base=intervals(lo=st.fractions(max_value=0)))
def test_ratio_of_a_base_that_may_be_zero_concludes_nothing(count, base):
    assert arith.ratio_interval(count, base) is None
    assert arith.share_consistent(count, base, Interval.exact(50), Fraction(50), 0, "exact", arith.ROUNDINGS)


@given(base=bases.filter(lambda b: b.lo_open or b.hi_open))
@example(base=Interval(Fraction(1), Fraction(2), hi_open=True))
def test_ratio_of_a_zero_count_contains_zero(base):
    assert arith.ratio_interval(Interval.exact(0), base).contains(Fraction(0))


@given(a=intervals(), b=intervals(), data=st.data())
def test_overlap_is_a_common_point(a, b, data):
    """Touching bounds overlap only when both are closed; ``entirely_above`` orders every pair of points."""
    x, y = point_in(data, a), point_in(data, b)
    if a.entirely_above(b):
        assert x > y and not a.overlaps(b)
    if a.overlaps(b):
        lo = max(a.lo, b.lo)
        his = [h for h in (a.hi, b.hi) if h is not None]
        candidates = [lo, (lo + min(his)) / 2 if his else lo + 1]
        assert any(a.contains(c) and b.contains(c) for c in candidates)
    if x == y:
        assert a.overlaps(b)


@given(iv=intervals(lo=st.one_of(values, st.fractions(max_denominator=10**15))))
@example(iv=Interval(Fraction(83500), Fraction(84500), hi_open=True))
@example(iv=Interval(Fraction(-1, 3), None, lo_open=True))
@example(iv=Interval(Fraction(1, 2**40), Fraction(1, 2**40)))
def test_interval_text_round_trip(iv):
    text = str(iv)
    assert Interval.parse(text) == iv
    assert Interval.parse(f"  {text}\n") == iv


@given(
    mantissa=st.integers(1, 999999),
    exponent=st.integers(12, 30),
    width=st.sampled_from([Fraction(0), Fraction(1)]),
)
@example(mantissa=1, exponent=12, width=Fraction(0))  # Interval.exact(Fraction(1, 10**12))
def test_interval_text_round_trip_of_tiny_bounds(mantissa, exponent, width):
    lo = Fraction(mantissa, 10**exponent)
    iv = Interval(lo, lo + width)
    assert Interval.parse(str(iv)) == iv


def round_reference(r: Fraction, decimals: int, mode: str) -> Fraction:
    """``r`` ≥ 0 rounded to ``decimals`` places, by integer arithmetic."""
    scaled = r * 10**decimals
    if mode == "half_up":
        whole = int(scaled + Fraction(1, 2))
    elif mode == "half_even":
        whole = round(scaled)  # Fraction.__round__ rounds ties to even
    else:
        whole = int(scaled)
    return Fraction(whole, 10**decimals)


ratios = st.fractions(min_value=0, max_value=200, max_denominator=10**5)


@given(r=ratios, decimals=st.integers(0, 3), mode=st.sampled_from(arith.ROUNDINGS))
@example(r=Fraction(25, 2), decimals=0, mode="half_even")  # 12.5 prints 12
@example(r=Fraction(75, 2), decimals=0, mode="half_even")  # 37.5 prints 38
@example(r=Fraction(25, 2), decimals=0, mode="half_up")
def test_rounding_preimage_is_what_prints_as_it(r, decimals, mode):
    printed = round_reference(r, decimals, mode)
    unit = Fraction(1, 10**decimals)
    assert arith.rounding_preimage(printed, decimals, mode).contains(r)
    for other in (printed - unit, printed + unit):
        assert not arith.rounding_preimage(other, decimals, mode).contains(r)


@given(x=st.integers(0, 10**6), n=st.integers(1, 10**6), decimals=st.integers(0, 2), mode=st.sampled_from(arith.ROUNDINGS))
def test_share_of_exact_counts_is_consistent_with_its_rounding(x, n, decimals, mode):
    """``x`` out of ``n`` printed as p% under ``mode`` passes; a share two print units off fails."""
    r = Fraction(100 * x, n)
    unit = Fraction(1, 10**decimals)
    count, base = Interval.exact(x), Interval.exact(n)
    for printed, ok in ((round_reference(r, decimals, mode), True), (round_reference(r, decimals, mode) + 2 * unit, False)):
        percent = Interval(printed - unit / 2, printed + unit / 2)
        assert arith.share_consistent(count, base, percent, printed, decimals, "exact", [mode]) is ok


@given(parts=st.lists(intervals(lo=st.fractions(0, 10**5, max_denominator=10)), min_size=1, max_size=6), data=st.data())
def test_parts_matching_their_total_are_not_flagged(parts, data):
    """Parts whose values can add up to the total's value are neither above nor short of it."""
    points = [point_in(data, p) for p in parts]
    # a total around the parts' sum: any interval, shifted so that one of its points is that sum
    around = data.draw(intervals())
    shift = sum(points, Fraction(0)) - point_in(data, around)
    total = Interval(around.lo + shift, None if around.hi is None else around.hi + shift, around.lo_open, around.hi_open)
    assert not arith.parts_exceed_total(total, parts)
    assert not arith.parts_short_of_total(total, parts)
    other = data.draw(intervals())
    t = point_in(data, other)
    if arith.parts_exceed_total(other, parts):
        assert sum(points) > t
    if arith.parts_short_of_total(other, parts):
        assert sum(points) < t


# ===================================================================== 3. extract


def document(raw: str) -> Document:
    text, shadow = normalize(raw)
    return Document(path="property.txt", format="text", text=text, shadow=shadow)


def assert_extracts(raw: str) -> None:
    """``extract`` returns Facts whose figures quote the text at their offsets."""
    doc = document(raw)
    facts = extract(doc)
    for number in facts.numbers:
        assert number.raw == doc.text[number.span.start : number.span.end]
    for breakdown in facts.breakdowns:
        assert 0 <= breakdown.span.start <= breakdown.span.end <= len(doc.text)


# Characters the extractors react to, mixed into arbitrary text so that the generated
# strings reach past the first regex: numerals, units, cues, table bars, dates, marks.
TRIGGERS = list(
    "0123456789０１２３４５６７８９.,%％零〇一二两三四五六七八九十百千万亿萬億余多近约共件条项个人次年月日"
    "第其中占比率含包括分别为表二三四（）()、，。；：:|-～至\n\t\r\x00\x0b\u3000\ufeff□X*某〔〕《》“”"
) + ["其中", "共计", "占比", "办结率", "分别为", "以上", "左右", "截至", "年度报告", "二〇一九年", "附件：", " | ", "一、", "（一）"]
hostile_text = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(TRIGGERS)), max_size=80).map("".join)


@given(raw=st.text())
def test_extract_never_raises_on_arbitrary_text(raw):
    assert_extracts(raw)


@given(raw=hostile_text)
@example(raw="共100件，其中50件、50件。占比100%。\n表二 | 1 | 2\n")
@example(raw="\ufeff\r\n\x00近0%")
def test_extract_never_raises_on_hostile_text(raw):
    assert_extracts(raw)


@cache
def sample_texts() -> tuple[str, ...]:
    return tuple(p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt")))


@st.composite
def fragments(draw):
    """Slices of the samples joined, sometimes with hostile text between them."""
    texts = sample_texts()
    pieces = []
    for _ in range(draw(st.integers(1, 8))):
        source = texts[draw(st.integers(0, len(texts) - 1))]
        start = draw(st.integers(0, len(source)))
        pieces.append(source[start : start + draw(st.integers(0, 1500))])
        pieces.append(draw(st.sampled_from(["", "", "\n", "。", " | ", "\n\n"]) | st.text(max_size=5)))
    return "".join(pieces)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(raw=fragments())
def test_extract_never_raises_on_pasted_sample_fragments(raw):
    assert_extracts(raw)


@pytest.mark.parametrize("index", range(5))
def test_extract_reads_whole_samples(index):
    """The property's baseline: the uncut samples extract, with figures."""
    assert extract(document(sample_texts()[index])).numbers


# ====================================================================== 4. ingest

HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>2023年政府信息公开工作年度报告</title></head>
<body><nav><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></nav>
<h1>某某市统计局2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>2023年，我局主动公开政府信息120条，其中政策文件30条、工作动态90条。</p>
<table border="1"><tr><th rowspan="2">申请人情况</th><th colspan="2">自然人</th></tr>
<tr><td>新收政府信息公开申请数量</td><td>21</td></tr></table>
<p>办结率100%。</p><footer>版权所有 某某市统计局 电话：0523-86839000</footer></body></html>
"""


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("某某市统计局2023年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    document.add_paragraph("2023年，我局主动公开政府信息120条，其中政策文件30条、工作动态90条。")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["类别", "申请人", "总计"], ["", "自然人", ""], ["新收", "20", "21"]]):
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value
    table.rows[0].cells[0].merge(table.rows[1].cells[0])
    document.sections[0].header.paragraphs[0].text = "某某市统计局文件"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表三"
    sheet["A1"] = "三、收到和处理政府信息公开申请情况"
    sheet.merge_cells("A1:D1")
    rows = [["本列数据的勾稽关系", "自然人", "法人", "总计"], ["一、本年新收政府信息公开申请数量", 20, 1, "=B3+C3"]]
    for r, row in enumerate(rows, 2):
        for c, value in enumerate(row, 1):
            sheet.cell(r, c, value)
    sheet["B4"] = 0.925
    sheet["B4"].number_format = "0.0%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@cache
def base_files() -> dict[str, tuple[str, bytes]]:
    """Real inputs of every format, by name: (suffix, bytes)."""
    texts = sample_texts()
    return {
        "txt-utf8": (".txt", texts[3][:3000].encode("utf-8")),
        "txt-gb18030": (".txt", texts[0][:3000].encode("gb18030")),
        "txt-big5": (".txt", texts[1][:3000].encode("big5")),
        "txt-utf16": (".txt", texts[2][:2000].encode("utf-16")),
        "docx": (".docx", _docx()),
        "pdf": (".pdf", make_pdf([PAGE_1, PAGE_2, pdf_text(72, 740, "Applications received: 21")])),
        "xlsx": (".xlsx", _xlsx()),
        "html": (".html", HTML_PAGE.encode("utf-8")),
    }


INSERTS = st.one_of(
    st.binary(min_size=1, max_size=64),
    st.sampled_from([b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"PK\x03\x04", b"%PDF-", b"<html>", b"\x80" * 8, b"\n" * 3]),
)


@st.composite
def corruptions(draw, data: bytes) -> bytes:
    """``data`` with 1–4 bytes flipped, runs deleted, bytes inserted, or the tail cut, at chosen places."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        at = draw(st.integers(0, max(0, len(out) - 1)))
        if op == "flip" and out:
            out[at] ^= draw(st.integers(1, 255))
        elif op == "delete":
            del out[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            out[at:at] = draw(INSERTS)
        elif op == "truncate":
            del out[at:]
    return bytes(out)


def check_document(doc: Document) -> None:
    """What a user relies on in a Document that was read: cells and pages point into its text."""
    assert len(doc.text) == len(doc.shadow)
    for grid in doc.grids:
        for cell in grid.cells:
            assert cell.text == doc.text[cell.span.start : cell.span.end]
    assert list(doc.page_starts) == sorted(doc.page_starts)
    assert all(0 <= start <= len(doc.text) for start in doc.page_starts)


@pytest.mark.parametrize("name", ["txt-utf8", "txt-gb18030", "txt-big5", "txt-utf16", "docx", "pdf", "xlsx", "html"])
def test_base_files_are_read(name, tmp_path):
    """The property's baseline: the uncorrupted files are read."""
    suffix, data = base_files()[name]
    path = tmp_path / f"report{suffix}"
    path.write_bytes(data)
    doc = load(str(path))
    check_document(doc)
    assert "20" in doc.text or "2023" in doc.text or "21" in doc.text


@pytest.mark.parametrize("name", ["txt-utf8", "txt-gb18030", "txt-big5", "txt-utf16", "docx", "pdf", "xlsx", "html"])
@scaled(0.5)
@given(data=st.data())
def test_ingest_of_corrupted_file_raises_only_ingest_error(name, data):
    suffix, original = base_files()[name]
    corrupted = data.draw(corruptions(original), label="corrupted")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"report{suffix}")
        path.write_bytes(corrupted)
        try:
            doc = load(str(path))
        except IngestError as exc:
            assert exc.message_zh and exc.message_en
        else:
            check_document(doc)


@scaled(0.1, at_least=4, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_pipeline_lists_every_corrupted_file_with_a_status(data):
    """A batch of corrupted files of every format: each is listed once, with a status, and audited
    fully when it was read (no INP002: extraction never fails on what ingest returned)."""
    files = base_files()
    chosen = data.draw(st.lists(st.sampled_from(sorted(files)), min_size=1, max_size=len(files)), label="formats")
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, name in enumerate(chosen):
            suffix, original = files[name]
            path = os.path.join(folder, f"{i:02d}-{name}{suffix}")
            with open(path, "wb") as out:
                out.write(data.draw(corruptions(original), label=name))
            paths.append(path)
        report = audit_paths([folder])
    listed = [d.path for d in report.documents]
    assert sorted(listed) == sorted(paths)
    for result in report.documents:
        assert result.status in Status
        assert [f.rule for f in result.findings if f.rule == "INP002"] == []
        if result.document is None:
            assert result.status is Status.ERROR
            assert [f.rule for f in result.findings] == ["INP001"]
    summary = report.summary()
    assert summary["documents"] == len(paths) == sum(summary[s.value] for s in Status)
