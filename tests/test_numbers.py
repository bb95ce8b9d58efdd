"""Number parsing: the written forms real reports use, and the intervals they stand for."""

from fractions import Fraction

import pytest

from audit.extract.numbers import parse_number, parse_numbers
from audit.model import Approx, Interval

F = Fraction

CASES = [
    # written, value, unit, approx, interval
    ("30506条", 30506, "条", "exact", "[30506,30506]"),
    ("104614件", 104614, "件", "exact", "[104614,104614]"),
    ("1,234,567条", 1234567, "条", "exact", "[1234567,1234567]"),
    ("98.82%", F("98.82"), "%", "exact", "[98.815,98.825]"),
    ("0.31%", F("0.31"), "%", "exact", "[0.305,0.315]"),
    ("8.4万件", 84000, "件", "exact", "[83500,84500)"),
    ("56.41万次", 564100, "次", "exact", "[564050,564150)"),
    ("1.2亿元", 120000000, "元", "exact", "[115000000,125000000)"),
    ("96171.6万元", 961716000, "元", "exact", "[961715500,961716500)"),
    ("8.4万余件", 84000, "件", "more_than", "[84000,85000)"),
    ("3万余人次", 30000, "人次", "more_than", "[30000,40000)"),
    ("110余人", 110, "人", "more_than", "[110,120)"),
    ("100余个", 100, "个", "more_than", "[100,200)"),
    ("20多篇", 20, "篇", "more_than", "[20,30)"),
    ("逾100份", 100, "份", "more_than", "[100,200)"),
    ("100人以上", 100, "人", "more_than", "[100,inf)"),
    ("近100%", 100, "%", "nearly", "(95,100]"),
    ("近20人次", 20, "人次", "nearly", "(19,20]"),
    ("约100件", 100, "件", "about", "[50,150]"),
    ("300件左右", 300, "件", "about", "[250,350]"),
    ("2期", 2, "期", "exact", "[2,2]"),
    ("7家", 7, "家", "exact", "[7,7]"),
]


@pytest.mark.parametrize("written,value,unit,approx,interval", CASES, ids=[c[0] for c in CASES])
def test_parse_number(written, value, unit, approx, interval):
    n = parse_number(written)
    assert n is not None
    assert n.value == Fraction(value)
    assert n.unit == unit
    assert n.approx is Approx(approx)
    assert n.interval == Interval.parse(interval)


def _raws(shadow):
    return [n.raw for n in parse_numbers(shadow)]


@pytest.mark.parametrize(
    "sentence",
    [
        "2018年1月30日",  # a date
        "(国办发〔2017〕47号)",  # a document number
        "国务院令第711号",  # a regulation number
        "通过12345、96128、12328、12369等平台",  # hotline names
        "电话:0879-2123456,邮编:665000",  # phone number and postcode
        "第3次会议",  # an ordinal
        "G20峰会",  # digits inside a name
    ],
)
def test_not_counts(sentence):
    assert _raws(sentence) == []


def test_numbers_in_a_sentence_keep_offsets_and_traditional_text():
    text = "總計發布信息30871條, 其中主動公開30506條,占總數的98.82%"
    shadow = "总计发布信息30871条, 其中主动公开30506条,占总数的98.82%"
    numbers = parse_numbers(shadow, text)
    assert [n.raw for n in numbers] == ["30871條", "30506條", "98.82%"]
    assert [n.unit for n in numbers] == ["条", "条", "%"]
    assert all(text[n.span.start : n.span.end] == n.raw for n in numbers)


def test_interval_text_round_trips():
    for text in ["[1,1]", "[83500,84500)", "(95,100]", "[100,inf)", "[1/3,2/3]"]:
        assert str(Interval.parse(text)) == text


@pytest.mark.parametrize(
    "written,value,unit,approx",
    [
        ("依申请公开信息12 条", 12, "条", "exact"),  # PDF spacing
        ("共 7 件", 7, "件", "exact"),
        ("近 100%", 100, "%", "nearly"),
        ("8.4萬餘件", 84000, "件", "more_than"),  # Traditional scale and 餘
        ("共１２３件", 123, "件", "exact"),  # full-width digits
        ("發布信息30871條", 30871, "条", "exact"),
        ("1.2億元", 120000000, "元", "exact"),
        ("共3個項目", 3, "个", "exact"),
    ],
)
def test_figures_as_ingest_delivers_them(written, value, unit, approx):
    from audit.ingest.normalize import normalize

    text, shadow = normalize(written)
    [n] = parse_numbers(shadow, text)
    assert (n.value, n.unit, n.approx.value) == (Fraction(value), unit, approx)
    assert text[n.span.start : n.span.end] == n.raw


def test_a_line_break_never_joins_a_figure_to_a_unit():
    assert _raws("第四季度共12\n条目录") == []


@pytest.mark.parametrize(
    "text,figure",
    [("8.4萬餘件", "8.4萬餘"), ("近 100%", "近100"), ("100人以上", "100以上"), ("30506條", "30506")],
)
def test_figure_is_the_written_value_without_its_unit(text, figure):
    from audit.ingest.normalize import normalize

    text, shadow = normalize(text)
    [n] = parse_numbers(shadow, text)
    assert n.figure == figure
