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


# ------------------------------------------------------------------ Chinese numerals

CHINESE_CASES = [
    # written, value, unit, approx, interval, raw (the figure as read from the written text)
    ("共办理三十五件", 35, "件", "exact", "[35,35]", "三十五件"),
    ("公开一百零八条", 108, "条", "exact", "[108,108]", "一百零八条"),
    ("接待两千人次", 2000, "人次", "exact", "[2000,2000]", "两千人次"),
    ("十余家单位", 10, "家", "more_than", "[10,20)", "十余家"),
    ("第十九条规定的二十七条", 27, "条", "exact", "[27,27]", "二十七条"),
    ("其他十一个区", 11, "个", "exact", "[11,11]", "十一个"),
    ("环境信息网等五家网站", 5, "家", "exact", "[5,5]", "五家"),
    ("近期先后公布两批全市", 2, "批", "exact", "[2,2]", "两批"),
    ("省长两次主持召开", 2, "次", "exact", "[2,2]", "两次"),
    ("受理三万件", 30000, "件", "exact", "[30000,30000]", "三万件"),
    ("答复一万余件", 10000, "件", "more_than", "[10000,20000)", "一万余件"),
    ("一千〇五十条", 1050, "条", "exact", "[1050,1050]", "一千〇五十条"),
    ("一千零五十条", 1050, "条", "exact", "[1050,1050]", "一千零五十条"),
    ("三万五千元", 35000, "元", "exact", "[35000,35000]", "三万五千元"),
    ("一万零五百元", 10500, "元", "exact", "[10500,10500]", "一万零五百元"),
    ("一百五十人", 150, "人", "exact", "[150,150]", "一百五十人"),
    ("十万元", 100000, "元", "exact", "[100000,100000]", "十万元"),
    ("三十多个部门", 30, "个", "more_than", "[30,40)", "三十多个"),
    ("三百多人", 300, "人", "more_than", "[300,400)", "三百多人"),
    ("逾三十件", 30, "件", "more_than", "[30,40)", "逾三十件"),
    ("三十件以上", 30, "件", "more_than", "[30,inf)", "三十件以上"),
    ("近两千人次", 2000, "人次", "nearly", "(1900,2000]", "近两千人次"),
    ("约三十件", 30, "件", "about", "[25,35]", "约三十件"),
    ("由总体情况等六部分组成", 6, "部分", "exact", "[6,6]", "六部分"),
    ("共 三 件", 3, "件", "exact", "[3,3]", "三 件"),  # PDF spacing
    ("提前三个工作日告知", 3, "个工作日", "exact", "[3,3]", "三个工作日"),  # 提前 is not a rank
    ("先后两次召开", 2, "次", "exact", "[2,2]", "两次"),  # 先后 is not a rank
    ("全县三家二级医院", 3, "家", "exact", "[3,3]", "三家"),  # 二级 is a grade, not a slogan
    ("兩批", 2, "批", "exact", "[2,2]", "兩批"),  # Traditional 兩
    ("公開三十五條", 35, "条", "exact", "[35,35]", "三十五條"),  # Traditional unit
    ("一萬餘件", 10000, "件", "more_than", "[10000,20000)", "一萬餘件"),  # Traditional scale and 餘
]


@pytest.mark.parametrize(
    "written,value,unit,approx,interval,raw", CHINESE_CASES, ids=[c[0] for c in CHINESE_CASES]
)
def test_chinese_numerals(written, value, unit, approx, interval, raw):
    from audit.ingest.normalize import normalize

    text, shadow = normalize(written)
    [n] = parse_numbers(shadow, text)
    assert n.value == Fraction(value)
    assert n.unit == unit
    assert n.approx is Approx(approx)
    assert n.interval == Interval.parse(interval)
    assert n.raw == raw and text[n.span.start : n.span.end] == raw
    assert n.decimals == 0


@pytest.mark.parametrize(
    "text,figure",
    [("三十五件", "三十五"), ("十余家", "十余"), ("一萬餘件", "一萬餘"), ("近两千人次", "近两千"), ("三十件以上", "三十以上")],
)
def test_chinese_figure_is_the_written_value_without_its_unit(text, figure):
    from audit.ingest.normalize import normalize

    text, shadow = normalize(text)
    [n] = parse_numbers(shadow, text)
    assert n.figure == figure


@pytest.mark.parametrize(
    "run,value,place",
    [
        ("三十五", 35, 1), ("十", 10, 10), ("十一", 11, 1), ("一百零八", 108, 1), ("两千", 2000, 1000),
        ("一千〇五十", 1050, 10), ("三万", 30000, 10000), ("三万五千", 35000, 1000), ("一万零五百", 10500, 100),
        ("一百五", 150, 10), ("三万五", 35000, 1000), ("十二亿", 1200000000, 100000000),
    ],
)
def test_chinese_numeral_values(run, value, place):
    from audit.extract.numbers import parse_chinese_numeral

    assert parse_chinese_numeral(run) == (value, place)


@pytest.mark.parametrize("run", ["二〇一八", "一二", "三四", "万", "千", "百", "千万", "亿万", "零", "三百零", "十十", "一百十"])
def test_runs_that_are_not_one_number(run):
    from audit.extract.numbers import parse_chinese_numeral

    assert parse_chinese_numeral(run) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # a lone 一 is an article or part of a set phrase
        "实行一次性告知", "办好一件事", "作为全国第一批", "一批政府网站", "没有一份行政复议", "在一个平台上",
        "根据省市统一部署", "纳入同一个系统运行", "为政府工作的一项重要内容",
        # a lone 二 is an ordinal or a label (counts use 两)
        "二期工程", "属于二类",
        # ordinals, ranks, distributives
        "第二十条", "第十九条", "《条例》第二十七条", "第一项加第二项之和", "居全国第四位",
        "进入排行榜前十名", "后三名", "每两个月", "逐一", "头三个月", "市委五届四次全会",
        "第一至三条",
        # "dozens"
        "数十家", "几十个",
        # slogans and set phrases
        "深化放管服“六个一”行动", "三个一", "“五位一体”审批", "三位一体", "三天两头",
        "建立健全“四项制度”", "加快建设“五个中心”", "切实做到两个“凡是”", "两个一百年",
        "千家万户", "千方百计", "万无一失", "四个意识", "两个维护", "四个自信", "两微一端", "三公经费",
        "中央八项规定精神", "三番五次",
        "5.属于三类内部事务信息", "6.属于四类过程性信息",
        # place names
        "七台河市", "五家渠市",
        # a bare multiplier or zero
        "万一", "万余件", "共富惠万家", "金额(单位:万元)", "零件",
        # not one number
        "统一两个平台", "三四个部门",
        # a half is not read as the count before it
        "两个半月", "3个半月",
    ],
)
def test_chinese_numerals_that_are_not_figures(sentence):
    from audit.ingest.normalize import normalize

    text, shadow = normalize(sentence)
    assert [n.raw for n in parse_numbers(shadow, text)] == []


def test_chinese_numeral_after_a_digit_is_part_of_the_digit_figure():
    assert _raws("信箱回复13万余件") == ["13万余件"]
    assert _raws("政务指南131万条") == ["131万条"]


# ------------------------------------------------------------------------- ranges

RANGE_CASES = [
    # written, value (lower end), unit, interval, raw, figure
    ("3-5件", 3, "件", "[3,5]", "3-5件", "3-5"),
    ("3～5件", 3, "件", "[3,5]", "3～5件", "3～5"),
    ("3~5件", 3, "件", "[3,5]", "3~5件", "3~5"),
    ("3至5件", 3, "件", "[3,5]", "3至5件", "3至5"),
    ("3到5件", 3, "件", "[3,5]", "3到5件", "3到5"),
    ("3—5件", 3, "件", "[3,5]", "3—5件", "3—5"),
    ("3－5件", 3, "件", "[3,5]", "3-5件", "3-5"),  # full-width hyphen, folded by ingest
    ("10-20万元", 100000, "元", "[100000,200000]", "10-20万元", "10-20万"),
    ("1.5-2.5万元", 15000, "元", "[15000,25000]", "1.5-2.5万元", "1.5-2.5万"),
    ("3 - 5 件", 3, "件", "[3,5]", "3 - 5 件", "3-5"),
    ("在5-10个工作日内", 5, "个工作日", "[5,10]", "5-10个工作日", "5-10"),
    ("三至五个", 3, "个", "[3,5]", "三至五个", "三至五"),
    ("一至两次", 1, "次", "[1,2]", "一至两次", "一至两"),
    ("三至五万元", 30000, "元", "[30000,50000]", "三至五万元", "三至五万"),
    ("五千至一万元", 5000, "元", "[5000,10000]", "五千至一万元", "五千至一万"),
]


@pytest.mark.parametrize("written,value,unit,interval,raw,figure", RANGE_CASES, ids=[c[0] for c in RANGE_CASES])
def test_ranges(written, value, unit, interval, raw, figure):
    from audit.ingest.normalize import normalize

    text, shadow = normalize(written)
    [n] = parse_numbers(shadow, text)
    assert n.approx is Approx.RANGE and Approx.RANGE.value == "range"
    assert n.value == Fraction(value)
    assert n.unit == unit
    assert n.interval == Interval.parse(interval)
    assert n.raw == raw and text[n.span.start : n.span.end] == raw
    assert n.figure == figure


def test_parse_number_reads_a_range():
    n = parse_number("3-5件")
    assert n is not None and n.approx is Approx.RANGE and str(n.interval) == "[3,5]"


@pytest.mark.parametrize(
    "sentence",
    [
        "2017-2018年",  # years
        "2017—2018年度",
        "1-3月",  # months
        "5月2—18日",  # a date range
        "2018.1-2018.12",
        "电话:0523-86839000",  # a phone number
        "5-3件",  # lo > hi: not a range, and not a figure
        "3-3件",  # lo == hi
        "表5-1份",
        "第3-5条",  # ordinals
        "五十至三十件",
    ],
)
def test_not_ranges(sentence):
    assert _raws(sentence) == []


# ---------------------------------------------------------------------- durations

@pytest.mark.parametrize(
    "written,value,unit,raw",
    [
        ("材料于文件公开后3个工作日内发布", 3, "个工作日", "3个工作日"),
        ("之日起20个工作日内", 20, "个工作日", "20个工作日"),
        ("延长15个工作日", 15, "个工作日", "15个工作日"),
        ("历时3个月", 3, "个月", "3个月"),
        ("每天2个小时", 2, "个小时", "2个小时"),
        ("24小时在线", 24, "小时", "24小时"),
        ("5天内", 5, "天", "5天"),
        ("30分钟", 30, "分钟", "30分钟"),
        ("2周内", 2, "周", "2周"),
        ("六个月内", 6, "个月", "六个月"),
        ("十五个工作日", 15, "个工作日", "十五个工作日"),
    ],
)
def test_durations(written, value, unit, raw):
    [n] = parse_numbers(written)
    assert (n.value, n.unit, n.raw, n.approx) == (Fraction(value), unit, raw, Approx.EXACT)
    assert n.interval == Interval.exact(value)


@pytest.mark.parametrize("sentence", ["特区建立40周年", "年满18周岁", "2018年3月", "3月15日", "每周三", "今天"])
def test_dates_are_not_durations(sentence):
    assert _raws(sentence) == []


# ------------------------------------------------------------------ never counts

@pytest.mark.parametrize(
    "sentence",
    [
        "2017年", "2018年1月31日", "二〇一八年十二月", "二〇一八年十二月三十一日",  # years and dates
        "电话：0523-86839000", "传真0523-86839001", "电话:0631—8451301",  # phone and fax
        "邮编225300", "邮编:225300",  # postcodes
        "泰政办发〔2017〕47号", "国办发〔2016〕80号",  # document numbers
        "国令第711号", "第二十条", "第十九条", "第二十条第(一)项",  # regulation and article numbers
        "12345热线", "96128", "12369环保举报",  # hotlines and platforms
        "第3次", "（三）", "一是", "二是加强", "3.",  # ordinals and item markers
    ],
)
def test_never_counts(sentence):
    from audit.ingest.normalize import normalize

    text, shadow = normalize(sentence)
    assert [n.raw for n in parse_numbers(shadow, text)] == []


def test_a_growth_rate_is_a_percent_figure():
    [n] = parse_numbers("同比增长15%")
    assert (n.raw, n.value, n.unit, n.approx, n.is_percent) == ("15%", 15, "%", Approx.EXACT, True)


def test_no_catastrophic_backtracking():
    import time

    hostile = ["一" * 20000, "1" * 20000, "1-" * 10000, "三至" * 10000, "1 - 2 " * 4000, "十余" * 10000]
    start = time.perf_counter()
    for text in hostile:
        parse_numbers(text)
    assert time.perf_counter() - start < 2  # linear: well under a second in practice


def test_a_comma_used_as_clause_separator_does_not_hide_the_figure():
    # samples/002: "经清理,303项非行政许可事项,保留205项" — ， folded to , before the figure
    assert [n.value for n in parse_numbers("经清理,303项非行政许可事项,保留205项")] == [303, 205]
    assert [n.value for n in parse_numbers("共1,234件")] == [1234]
