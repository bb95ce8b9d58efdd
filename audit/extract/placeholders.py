"""Slots: the places where a report's text asks for a value, and what fills them.

A slot is read from the Simplified shadow; the checks (``expectations/placeholders.json``)
decide which values are blank. Every reading rule is here, with the traps it avoids:

* **figure** — a count unit (条 件 项 个 份 篇 次 人次 件次 家 场 期 元 万元) that
  ends a clause (punctuation or line end follows). Its value is the figure
  before it (digits, Chinese numerals, 余/多/几/数; spaces and a line break may
  stand between: ``810余条``, ``12 条``, ``294\\n篇``). A unit is a slot only when a
  figure fills it or the blank is visible: spaces between a word and the unit
  (``公开政府信息 条``), or 共/共计/合计/累计/总计 right before it (``共条``).
  Not slots: words that end in a unit character (文件 条例 事项 案件 …), also
  when a PDF spaces every character (``文 件``, a line of single characters is
  skipped), and a unit after a determiner (各 个, 每 条, 该 项 …).
* **ordinal** — 第 and its number (``第二``, ``第 1 季度``); blank when spaces stand
  between 第 and a word that is not a numeral (``中央第 环境保护督察组``). Not
  slots: 次第, 府第, 门第 … (a word ending in 第), spaced-character lines.
* **year** — a month-day date (``5月1日``) and the year before it, looking past
  spaces and a line break (``2019\\n年5月``; a flipbook may also break after
  年). Blank when nothing stands before 年 (``年5月1日起``, ``自 年5月``). Not
  slots: 今年, 去年, 明年, 当年, 同年, 上年, 本年, 每年, 全年, 近年, 往年, 历年,
  翌年, 次年, 半年, 元年 … followed by a date.
* **field** — a form label with a colon (邮编: 电话: 传真: 地址: 联系人: 邮箱:
  网址: 发布时间: 统计期限: …) and what follows it up to the next label, another
  ``word:`` (``发布日期:2013-01-09 浏览次数:``) or the line's end. When the label
  ends its line, the next line is its value unless that line is itself a label
  or is not like a value (a date field's value is a date; any other is a short
  line, not a sentence or a heading). Page counters (浏览次数:) are web chrome,
  not fields (``structure.py``).
* **attachment** — 附件: and what it names (the rest of the line, else the next
  line). When it names a statistics table (…表) that is not a file
  (``.xls``, ``.doc``, ``.pdf`` …: a link that cannot be followed from text),
  ``attached`` says whether that table follows: a table row, a 表二/表三/表四
  read after it, or the name again on a later line (None for anything else).
* **mark** — every run of template-mark characters (X x Ｘ × ✕ * □ ＿ _ 某) and
  every bracket pair holding only spaces (【】 （ ） ( )). The suite says which
  runs are marks (XX, ***, 某某 …); runs that are part of a Latin word or a
  number (``xxgk.gov.cn``, ``Windows XP``, ``3×4``), markdown rules (a line of
  ``***``) and paired markdown emphasis are not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from audit.extract.segments import Segmenter
from audit.model import Slot, Span, StandardTable

_SPACE = " \t\u3000\u00a0"
_FIGURE_CHARS = set("0123456789０１２３４５６７８９.,，%零〇○一二两三四五六七八九十百千万亿余多几数")
_NUMERALS = "0-9０-９零〇一二两三四五六七八九十百千"
_BOUNDARY = "，,、；;。.:：）)\n!！?？"
_GAP = _SPACE + "\n"  # what may stand between a figure and its unit

# Count units that end a figure (what follows them is a boundary or the end of the text); longer
# first so 人次 is read before 次.
_UNIT_RE = re.compile(r"(?:人次|件次|万元|条|件|项|个|份|篇|次|家|场|期|元)(?![^" + re.escape(_BOUNDARY) + "])")
_TOTAL_BEFORE = ("共计", "合计", "累计", "总计", "共")
# Two characters that make a word, not a figure's unit: "文 件" in a spaced PDF line.
_UNIT_WORDS = frozenset(
    "文件 案件 事件 条件 邮件 软件 附件 稿件 证件 信件 部件 物件 要件 函件 来件 批件 急件 "
    "条例 条款 项目 事项 款项 个人 个案 份额 篇章 次数 家庭 场所 期间 日期 元旦 单元 公元 "
    "件数 条数 项数 个数 份数 篇数 次数 家数 场次 期数 万元 元件".split()
)
_DETERMINERS = set("每该此本各逐单整全这那哪某首末上下前后同另")

_ORDINAL_RE = re.compile(r"第([" + _SPACE + r"]*)(?=\S)")
_ORDINAL_NUMBER_RE = re.compile(r"[" + _NUMERALS + r"][" + _NUMERALS + _SPACE + r"]*")
_ORDINAL_WORDS_BEFORE = set("次府门宅及落登甲私")
_ORDINAL_MEASURES = set("组次批届轮期号条项款章节名位个季")

_YEAR_DATE_RE = re.compile(r"年[" + _SPACE + r"\n]*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[" + _SPACE + r"]*月")
_DAY_RE = re.compile(r"[" + _SPACE + r"]*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[" + _SPACE + r"]*[日号]")
_YEAR_DIGITS = frozenset("0123456789０１２３４５６７８９〇零○一二三四五六七八九")
_RELATIVE_YEAR = set("今去明前后上下本当同该每全近往历翌次隔半元新旧跨周学财年逐整多几数是")

_FIELD_LABELS = (
    "邮政编码|邮编|联系电话|咨询电话|办公电话|电话|传真|联系地址|通讯地址|办公地址|地址|电子邮箱|电子信箱|邮箱"
    "|E-?mail|e-?mail|联系人|网址|发布时间|发布日期|发布机构|统计期限"
)
_ANY_LABEL_RE = re.compile(r"[" + _SPACE + r"]+[\u4e00-\u9fff]{2,6}[" + _SPACE + r"]*[:：]")
_DATE_FIELDS = ("发布时间", "发布日期", "统计期限")
_VALUE_LINE = 40  # a value on the line after its label is at most this long
_LABELS_ONLY_RE = re.compile(r"^(?:(?:" + _FIELD_LABELS + r")[、/和及]?)+$")
_FIELD_RE = re.compile(r"(?P<label>" + _FIELD_LABELS + r")[" + _SPACE + r"]*[:：]")
_ATTACHMENT_RE = re.compile(r"附件[" + _SPACE + r"]*[0-9０-９一二三四五六七八九十]*[" + _SPACE + r"]*[:：]")
_FIELD_OR_ATTACHMENT_RE = re.compile(_FIELD_RE.pattern + "|" + _ATTACHMENT_RE.pattern)
_FILE_RE = re.compile(r"\.(?:xlsx?|docx?|pdf|wps|et|zip|rar)\b", re.IGNORECASE)
_TABLE_NAME_RE = re.compile(r"表\s*$|表[）)]|统计表|报表|附表|情况表")

# ``[XxＸｘ×✕]+|\*+|某+|□+|[＿_]+|【[ ]*】|[（(][ ]*[）)]``, written to open with one character
# class (the regex engine then skips to the next candidate character instead of trying every
# position): the first character, then the rest of the one alternative it starts.
_MARK_RE = re.compile(
    r"[XxＸｘ×✕*某□＿_【（(]"
    r"(?:(?<=[XxＸｘ×✕])[XxＸｘ×✕]*|(?<=\*)\**|(?<=某)某*|(?<=□)□*|(?<=[＿_])[＿_]*"
    r"|(?<=【)[" + _SPACE + r"]*】|(?<=[（(])[" + _SPACE + r"]*[）)])"
)
_LATIN = re.compile(r"[A-Za-z0-9０-９./:@\\-]")
_RULE_LINE_RE = re.compile(r"^[\s*_\-—=]+$")

_LABEL_BACK = 20  # characters of context quoted before a slot
# Up to the last character that ends the words before a slot (greedy: the last one).
_UP_TO_LAST_STOP_RE = re.compile(r"[\s\S]*[，,；;。：:！？!?\n（(]")


def find_slots(shadow: str, tables: list[StandardTable] = (), seg: Segmenter | None = None) -> list[Slot]:
    """Every slot of the document, in text order (``seg``'s line index finds each slot's line)."""
    seg = seg or Segmenter(shadow)
    spaced = _spaced_lines(shadow, seg)
    slots = (
        _figures(shadow, seg, spaced)
        + _ordinals(shadow, seg, spaced)
        + _years(shadow)
        + _fields(shadow, seg)
        + _attachments(shadow, seg, tables)
        + _marks(shadow, seg)
    )
    return sorted(slots, key=lambda s: (s.span.start, s.kind))


# ------------------------------------------------------------------ helpers


def _spaced_lines(shadow: str, seg: Segmenter) -> Callable[[int], bool]:
    """Whether the line at an offset has its characters standing apart (``主 动 公 开``): gaps
    there mean nothing. A line is read when first asked about (most texts never ask)."""
    known: dict[int, bool] = {}

    def spaced(pos: int) -> bool:
        start, end = seg.line_bounds(pos)
        if start not in known:
            tokens = shadow[start:end].split()
            known[start] = len(tokens) >= 6 and sum(len(t) == 1 for t in tokens) >= 0.6 * len(tokens)
        return known[start]

    return spaced


def _context_start(shadow: str, pos: int) -> int:
    """Where the words before ``pos`` begin: the clause start, at most _LABEL_BACK characters back."""
    start = max(0, pos - _LABEL_BACK)
    last_stop = _UP_TO_LAST_STOP_RE.match(shadow, start, pos)
    return last_stop.end() if last_stop else start


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# ------------------------------------------------------------------ figures


def _figures(shadow: str, seg: Segmenter, spaced: Callable[[int], bool]) -> list[Slot]:
    out = []
    for m in _UNIT_RE.finditer(shadow):
        i = m.start()
        j = i
        while j > 0 and shadow[j - 1] in _GAP:
            j -= 1
        gap = shadow[j:i]
        k = j
        while k > 0 and shadow[k - 1] in _FIGURE_CHARS and i - k < 16:
            k -= 1
        figure = shadow[k:j]
        if figure.strip(".,，%") and any(c not in "余多几数" for c in figure):
            out.append(_figure(shadow, k, m.end(), figure))
            continue
        before = shadow[j - 1 : j] if j else ""
        total = next((t for t in _TOTAL_BEFORE if shadow.endswith(t, 0, i)), None)
        if total and not gap:
            out.append(_figure(shadow, i - len(total), m.end(), ""))
            continue
        blank = gap and "\n" not in gap and _is_han(before)
        if not blank or before in _DETERMINERS or before + m.group()[0] in _UNIT_WORDS:
            continue
        if spaced(i):
            continue
        out.append(_figure(shadow, j, m.end(), ""))
    return out


def _figure(shadow: str, start: int, end: int, value: str) -> Slot:
    """A figure slot quoted with the words before it (``主动公开政府信息 条``)."""
    start = min(start, _context_start(shadow, start))
    return Slot("figure", shadow[start:end].strip(), value.strip(), Span(start, end))


# ----------------------------------------------------------------- ordinals


def _ordinals(shadow: str, seg: Segmenter, spaced: Callable[[int], bool]) -> list[Slot]:
    out = []
    for m in _ORDINAL_RE.finditer(shadow):
        nxt = shadow[m.end()]
        number = _ORDINAL_NUMBER_RE.match(shadow, m.end())
        if number:
            span = Span(m.start(), number.end())
            out.append(Slot("ordinal", shadow[span.start : span.end].strip(), number.group().strip(), span))
            continue
        gap = m.group(1)
        if not gap or not _is_han(nxt):
            continue
        if m.start() > 0 and shadow[m.start() - 1] in _ORDINAL_WORDS_BEFORE:
            continue
        if spaced(m.start()):
            continue
        end = m.end()
        while end < len(shadow) and end - m.end() < 10 and _is_han(shadow[end]):
            end += 1
            if shadow[end - 1] in _ORDINAL_MEASURES:
                break
        start = _context_start(shadow, m.start())
        out.append(Slot("ordinal", shadow[start:end], "", Span(start, end)))
    return out


# -------------------------------------------------------------------- years


def _years(shadow: str) -> list[Slot]:
    out = []
    for m in _YEAR_DATE_RE.finditer(shadow):
        j = m.start()
        while j > 0 and shadow[j - 1] in _GAP:
            j -= 1
        before = shadow[j - 1] if j else ""
        if before in _RELATIVE_YEAR:
            continue
        day = _DAY_RE.match(shadow, m.end())
        end = day.end() if day else m.end()
        if before in _YEAR_DIGITS:
            k = j
            while k > 0 and shadow[k - 1] in _YEAR_DIGITS:
                k -= 1
            out.append(Slot("year", shadow[k:end], shadow[k:j], Span(k, end)))
            continue
        start = _context_start(shadow, m.start())
        out.append(Slot("year", shadow[start:end].strip(), "", Span(start, end)))
    return out


# ------------------------------------------------------------------- fields


def _value_after(shadow: str, seg: Segmenter, end: int, next_label: re.Pattern[str], kind: str = "") -> tuple[str, int]:
    """What follows a label at ``end``: up to the next label or the line's end; the next line if none."""
    line_end = seg.line_bounds(end)[1]
    following = next_label.search(shadow, end, line_end)
    stop = following.start() if following else line_end
    other = _ANY_LABEL_RE.search(shadow, end, stop)  # 浏览次数: after a value on a metadata line
    if other and shadow[end:other.start()].strip(_SPACE):
        stop = other.start()
    value = shadow[end:stop]
    if value.strip(_SPACE) or following:
        return value, stop
    nxt_start = line_end + 1
    while nxt_start < len(shadow) and shadow[nxt_start] == "\n":
        nxt_start += 1
    if nxt_start >= len(shadow):
        return "", stop
    nxt_end = seg.line_bounds(nxt_start)[1]
    nxt = shadow[nxt_start:nxt_end].strip(_SPACE)
    if next_label.match(nxt) or not _looks_like_value(nxt, kind):
        return "", stop
    return nxt, nxt_end


def _looks_like_value(line: str, kind: str) -> bool:
    """Can the line after a label that ends its line be the label's value?

    A date field's value is a date; any other value is short and is not a
    sentence or a heading (a paragraph after 发布时间: is the report itself).
    """
    if kind in _DATE_FIELDS:
        return bool(re.match(r"(?:19|20)\d{2}\s*[-/.年]", line))
    return len(line) <= _VALUE_LINE and not line.endswith("。") and not re.match(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]", line)


def _fields(shadow: str, seg: Segmenter) -> list[Slot]:
    out = []
    for m in _FIELD_RE.finditer(shadow):
        value, _ = _value_after(shadow, seg, m.end(), _FIELD_OR_ATTACHMENT_RE, m.group("label"))
        value = value.strip(_SPACE + "，,；;。)）")
        if _LABELS_ONLY_RE.match(value):
            value = ""  # 邮编:,电话、传真: — the words are the next field's labels, not 邮编's value
        out.append(Slot("field", m.group("label"), value, Span(m.start(), m.end() + (len(value) if value and shadow.startswith(value, m.end()) else 0))))
    return out


# -------------------------------------------------------------- attachments


def _attachments(shadow: str, seg: Segmenter, tables: list[StandardTable]) -> list[Slot]:
    out = []
    for m in _ATTACHMENT_RE.finditer(shadow):
        value, stop = _value_after(shadow, seg, m.end(), _ATTACHMENT_RE)
        value = value.strip(_SPACE)
        attached = None
        if value and _TABLE_NAME_RE.search(value) and not _FILE_RE.search(value):
            attached = _follows(shadow, stop, value, tables)
        end = m.end() + (len(value) if value and shadow.startswith(value, m.end()) else 0)
        out.append(Slot("attachment", shadow[m.start() : end], value, Span(m.start(), end), attached))
    return out


def _follows(shadow: str, after: int, name: str, tables: list[StandardTable]) -> bool:
    """Does the attachment named ``name`` appear after ``after``: a table, or its name on a later line?"""
    if any(t.span.start >= after for t in tables):
        return True
    rest = shadow[after:]
    if re.search(r"^[^\n]*\|[^\n]*\|", rest, re.MULTILINE):
        return True
    key = re.sub(r"\s+", "", name)
    key = re.sub(r"^[0-9０-９一二三四五六七八九十]+[.、．]", "", key)
    compact_rest = re.sub(r"[ \t\u3000]+", "", rest)
    return len(key) >= 4 and key[:12] in compact_rest


# -------------------------------------------------------------------- marks


def _marks(shadow: str, seg: Segmenter) -> list[Slot]:
    out = []
    for m in _MARK_RE.finditer(shadow):
        run = m.group()
        before = shadow[m.start() - 1 : m.start()]
        after = shadow[m.end() : m.end() + 1]
        line_start, line_end = seg.line_bounds(m.start())
        line = shadow[line_start:line_end]
        if run[0] in "XxＸｘ×✕*_" and (_LATIN.match(before or " ") or _LATIN.match(after or " ")):
            continue  # part of a Latin word, a URL or a number (xxgk.gov.cn, Windows XP, 3×4)
        if run[0] in "*_" and _RULE_LINE_RE.match(line):
            continue  # a markdown rule
        if run[0] in "*_" and line.count(run) >= 2 and len(run) <= 3:
            continue  # paired markdown emphasis (**bold**, ***both***)
        start = max(line_start, m.start() - 6)
        out.append(Slot("mark", shadow[start : min(line_end, m.end() + 6)], run, Span(m.start(), m.end())))
    return out
