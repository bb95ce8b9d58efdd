"""Figures with their units, approximation words and the interval they stand for.

Matching runs on the Simplified shadow of the text (so 萬 億 條 項 個 餘 read as
万 亿 条 项 个 余) with full-width digits already folded by ingest. Only figures
followed by a unit are extracted: a bare number is a year, a date part, a phone
number, a postcode, a document number or a hotline name (2017年, 〔2017〕47号,
12345热线) far more often than a count, so requiring a unit is what keeps those
out. Ordinals (第3次) are skipped explicitly.

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
==============  =====================================================
"""

from __future__ import annotations

import re
from fractions import Fraction

from audit.model import Approx, Interval, Number, Span

# Longest first: 人次 before 人, 件次 before 件.
UNITS = (
    "人次", "件次", "条次", "户次", "个次", "家次",
    "元", "条", "件", "份", "项", "个", "次", "篇", "期", "家", "名", "人", "户",
    "场", "套", "起", "批", "台", "位", "处", "所", "宗", "例", "部", "本", "册",
    "封", "页", "类", "%", "‰",
)
_SCALES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4, "千": 10**3}

# PDF text layers put spaces around figures ("依申请公开信息12 条", "7 件"): up to two
# spaces are allowed between the parts of a figure, never a line break.
_SP = r"[ \t\u3000]{0,2}"
_NUMBER_RE = re.compile(
    r"(?:(?P<pre>将近|接近|大约|超过|多达|近|约|逾)" + _SP + r")?"
    r"(?<![0-9A-Za-z.,])"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?)"
    + _SP + r"(?P<scale>万亿|千万|百万|亿|万|千)?"
    r"(?P<mid>余|多)?"
    + _SP + r"(?P<unit>" + "|".join(map(re.escape, UNITS)) + r")"
    r"(?P<post>以上|左右|多)?"
)
_ORDINAL_BEFORE = re.compile(r"第\s*$")

_MORE_BOUNDED = {"余", "多", "逾"}
_MORE_UNBOUNDED = {"以上", "超过", "多达"}
_NEARLY = {"近", "将近", "接近"}
_ABOUT = {"约", "大约", "左右"}


def parse_numbers(shadow: str, text: str | None = None) -> list[Number]:
    """Every figure-with-unit in ``shadow``; ``raw`` is quoted from ``text`` (defaults to shadow)."""
    text = shadow if text is None else text
    return [
        _number(m, text)
        for m in _NUMBER_RE.finditer(shadow)
        if not _ORDINAL_BEFORE.search(shadow, max(0, m.start("num") - 3), m.start("num"))
    ]


def parse_number(written: str) -> Number | None:
    """Parse one written figure such as ``8.4万余件``; None when it is not one whole figure."""
    m = _NUMBER_RE.fullmatch(written)
    return None if m is None else _number(m, written)


def _number(m: re.Match[str], text: str) -> Number:
    """The Number a match stands for, quoted from ``text`` (aligned with the matched string)."""
    digits = m.group("num").replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    scale = _SCALES.get(m.group("scale") or "", 1)
    value = Fraction(digits) * scale
    words = {w for w in (m.group("pre"), m.group("mid"), m.group("post")) if w}
    approx = _approx_kind(words)
    unit = m.group("unit")
    figure = text[m.start() : m.start("unit")] + text[m.end("unit") : m.end()]
    return Number(
        value=value,
        unit=unit,
        approx=approx,
        interval=_interval(value, digits, decimals, scale, approx, words, unit == "%"),
        span=Span(m.start(), m.end()),
        raw=text[m.start() : m.end()],
        decimals=decimals,
        figure="".join(figure.split()),
    )


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
    digits: str,
    decimals: int,
    scale: int,
    approx: Approx,
    words: set[str],
    percent: bool,
) -> Interval:
    if approx is Approx.MORE_THAN:
        if words & _MORE_UNBOUNDED:
            return Interval(value, None, lo_open="超过" in words)
        return Interval(value, value + _last_nonzero_unit(digits, scale), hi_open=True)
    if approx is Approx.NEARLY:
        return Interval(value * Fraction(95, 100), value, lo_open=True)
    if approx is Approx.ABOUT:
        half = _last_nonzero_unit(digits, scale) / 2
        return Interval(value - half, value + half)
    if decimals == 0 and scale == 1:
        return Interval.exact(value)
    half = Fraction(scale, 10**decimals) / 2
    if percent:
        return Interval(value - half, value + half)
    return Interval(value - half, value + half, hi_open=True)
