"""The shape of a report: headings, the parts its regime requires, repeats, web chrome.

Read from the Simplified shadow; the checks are in ``expectations/structure.json``.

* **Headings** — a line that opens with a number in one of four styles:
  ``一、`` ``（一）`` ``1.``/``1、`` ``（1）`` (markdown ``#`` and ``**`` before it are
  skipped). Each style is a level of its own, nested in the order the document
  first uses them: a style already open closes the ones below it, a new style
  opens below the current one, and a sub-list restarts under each parent.
  ``step`` is a heading's number minus its previous sibling's (the first sibling's
  is its number minus 0); a list that starts again at 1 after higher numbers
  (an appendix numbering its own parts) and the document's first heading (an
  excerpt may start anywhere) have no step. Not headings: table rows
  (a line with ``|``), the labels of the standard tables (``一、本年新收…``,
  ``（一）予以公开``), lines inside a table read as 表二/表三/表四, contents lines
  listing several numbered parts (``一、概述,(一)注重…,(二)…``) and a number
  followed by a digit (``1.5万``).
* **Complete** — the text runs to its closing date line: a line holding only a
  date, after the last top-level heading, with less than ``_TAIL_AFTER_DATE``
  characters after it (a signature, an attachment list, page chrome).
* **Required parts** — by regime (the report year): from 2019 (条例 第五十条 and
  the format, template.md §2.3) the six ``一、`` headings, recognised by their
  words (总体情况/概述, 主动公开, 收到和处理/依申请, 复议/诉讼, 问题/改进, 其他),
  each with its position among the top-level headings; up to 2018 (第三十二条)
  the content items anywhere in the text (主动公开, 依申请公开, 收费/减免,
  复议/诉讼, 问题 with 改进/措施/打算; 其他需要报告的事项 is not required).
  Only a text with at least ``_MIN_TOP_HEADINGS`` top-level ``一、`` headings is read as a
  report. A missing part is kept only when the text is complete, or (2019) when
  a later part is present: a page excerpt that stops early is not short of parts.
* **Part counts** — a sentence before the first top-level heading declaring
  ``N部分`` / ``N个部分`` (N ≥ 3) with 组成/构成/包括/包含/分为/涵盖, or ``共N部分``
  in a sentence about the 报告/全文: the parts it lists are the
  items between its last lead word (由 包括 包含 分为 涵盖 ：) and 等/共, split at
  、 ， ；, and at 和/及 before 其他 (…改进情况和其他需要报告的事项); a piece
  that does not end like a part (情况, 事项, 概述, 打算, 措施 …) is joined to the
  next (机构设置、保障经费和培训会议情况 is one part). The
  sections present are the distinct top-level numbers after it.
* **Repeats** — paragraphs (lines of at least ``_MIN_PARAGRAPH`` characters, spaces
  removed, not table rows) that occur twice, exactly or nearly: pairs sharing
  most of their 4-character shingles, with their difflib ratio; and passages of
  at least ``_MIN_PASSAGE`` characters pasted word for word into two different
  paragraphs (ratio 1 for the passage itself). Document titles in 《》 are
  masked first: citing one long title twice is not pasting. A paragraph written
  again word for word is paired with its first occurrence only (three copies are
  two repeats, not three pairs) and compared with nothing else. Pairs are found
  by their shared 4-grams without comparing every pair (see ``_repeats``). At
  most ``_MAX_REPEATS`` are listed, in text order: a page of thousands of copies
  was generated, not written, and its first ones show it.
* **Lines** — every line of at most ``_CHROME_LINE`` characters that is not a table
  row, for the web-chrome check.
* **Sentences** — for comparing a report with last year's: sentences of at least
  ``_MIN_SENTENCE`` characters, spaces removed and four-digit years masked (kept as
  places in the text, ``Sentences``).
"""

from __future__ import annotations

import difflib
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import ItemsView, Iterator, Mapping
from itertools import chain, count

import numpy as np

from audit.extract.numbers import parse_chinese_numeral
from audit.extract.periods import DATE_LINE_RE
from audit.extract.tables import is_row_label
from audit.model import Heading, PartCount, Repeat, RequiredPart, Span, StandardTable, Structure

_MIN_TOP_HEADINGS = 3
_TAIL_AFTER_DATE = 400
_MIN_PARAGRAPH = 30
_NEAR = 0.6  # paragraph pairs below this ratio are not worth a row
_SAME = 0.9  # the ratio from which two paragraphs are one repeated (expectations/structure.json)
_EXCERPT = 20
_MIN_PASSAGE = 50  # a verbatim run this long shared by two paragraphs is a repeated passage
_MAX_REPEATS = 1000  # repeats listed per document at most
_CHROME_LINE = 120
_MIN_SENTENCE = 10

_CN = "一二三四五六七八九十"
_HEADING_RE = re.compile(
    r"^[ \t\u3000#*>]*"
    r"(?:(?P<a>[" + _CN + r"]{1,3})\s*[、.．]"
    r"|[（(]\s*(?P<b>[" + _CN + r"]{1,3})\s*[）)]"
    r"|(?P<c>\d{1,2})\s*[、.．](?!\d)"
    r"|[（(]\s*(?P<d>\d{1,2})\s*[）)])"
    r"[ \t\u3000]*(?P<rest>[^\n]*)",
    re.MULTILINE,
)
_STYLES = {"a": "一、", "b": "（一）", "c": "1.", "d": "（1）"}
_RUN_IN_END = re.compile(r"[。；;]")
# A contents line lists several numbered parts: 一、概述,(一)注重…,(二)…
_TOC_RE = re.compile(r"[,，、]\s*[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]")

# (key, zh, en, words of its 2019 heading or None, then the words its 2008 content must all show)
# The 2008 words are searched for in the whole text: each of their alternatives opens with a
# plain character (信息公开…|依申请…|申请…, not (?:信息公开|依申请|申请)…), so that the regex
# engine skips to the places where one can start instead of trying them all everywhere.
_PARTS = (
    ("overview", "总体情况", "overview", r"总体情况|概述|概况|基本情况|总体"),
    ("active", "主动公开政府信息情况", "proactive disclosure", r"主动公开", r"主动公开"),
    ("requests", "收到和处理政府信息公开申请情况", "requests received and handled", r"收到和处理|依申请|公开申请|申请情况", r"依申请|申请公开"),
    ("fees", "政府信息公开的收费及减免情况", "fees and waivers", None,
     r"收费及|收费和|收费情况|减免|收取[^。]{0,10}费|不收费|未收费|免费提供|工本费|检索费|复制费|邮寄费|信息处理费"
     r"|信息公开[^。]{0,30}(?:收费|费用)|依申请[^。]{0,30}(?:收费|费用)|申请[^。]{0,30}(?:收费|费用)"),
    ("review", "政府信息公开行政复议、行政诉讼情况", "administrative review and litigation", r"复议|诉讼", r"复议|诉讼"),
    ("problems", "存在的主要问题及改进情况", "main problems and improvements", r"问题|改进|不足", r"问题|不足", r"改进|措施|打算|计划|下一步"),
    ("other", "其他需要报告的事项", "other matters to report", r"其他"),
)

_PART_COUNT_RE = re.compile(r"(?P<lead>等|共分为|共分|共|计)?\s*(?P<n>[" + _CN + r"]{1,3}|\d{1,2})\s*个?部分")
_PART_COUNT_CUE = re.compile(r"组成|构成|包括|包含|分为|涵盖")
_REPORT_WORD = re.compile(r"报告|全文")
_PART_END = re.compile(r"(?:情况|事项|概述|概况|打算|措施|计划|工作|问题|内容|附表|说明|建议|思路|方向|不足)$")
_LIST_LEAD = re.compile(r"由|包括|包含|分为|涵盖|[:：]")
_BOOK_TITLE = re.compile(r"《[^《》\n]*》")
_YEAR_MASK = re.compile(r"(?:19|20)\d{2}")
_ENDS = "。！？!?；;\n"  # what ends a sentence
_SENTENCE_END = re.compile("[" + _ENDS + "]")
_LONG_PIECE = re.compile("[^" + _ENDS + "]{" + str(_MIN_SENTENCE) + ",}")  # a piece between two ends long enough to be a sentence

Gram = int  # a 4-character shingle, as ``_Shingles`` numbers it


def find_structure(shadow: str, report_year: int | None, tables: list[StandardTable] = ()) -> Structure:
    """The structure of ``shadow`` (see the module doc)."""
    structure = Structure()
    structure.headings = _headings(shadow, tables)
    top = [h for h in structure.headings if h.depth == 0]
    structure.complete = _complete(shadow, top)
    if report_year is not None:
        structure.regime = "2019" if report_year >= 2019 else "2008"
    sections = [h for h in top if h.style == "一、"]
    if len(sections) >= _MIN_TOP_HEADINGS and structure.regime is not None:
        structure.required = _required(shadow, sections, structure.regime, structure.complete)
    structure.part_counts = _part_counts(shadow, top, structure.complete)
    structure.repeats = _repeats(shadow)
    structure.lines = _short_lines(shadow)
    structure.sentences = _sentences(shadow)
    return structure


# ----------------------------------------------------------------- headings


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    parsed = parse_chinese_numeral(text)
    return None if parsed is None else parsed[0]


def _headings(shadow: str, tables: list[StandardTable]) -> list[Heading]:
    inside = [(t.span.start, t.span.end) for t in tables]
    stack: list[str] = []  # open styles, outermost first
    last: dict[tuple[str, int], tuple[int, Span]] = {}  # (style, depth) → the open list's last number
    out: list[Heading] = []
    for m in _HEADING_RE.finditer(shadow):
        line = m.group()
        if "|" in line or any(a <= m.start() < b for a, b in inside):
            continue
        key = next(k for k in "abcd" if m.group(k))
        style, number = _STYLES[key], _number(m.group(key))
        text = _RUN_IN_END.split(m.group("rest"))[0].strip()
        if number is None or not text or _is_table_row(line) or _TOC_RE.search(text):
            continue
        if style in stack:
            depth = stack.index(style)
            for closed in stack[depth + 1 :]:
                last.pop((closed, stack.index(closed)), None)
            del stack[depth + 1 :]
        else:
            stack.append(style)
            depth = len(stack) - 1
        previous, previous_span = last.get((style, depth), (0, None))
        if (number == 1 and previous > 1) or (depth == 0 and not out):
            step = None  # a new list; or the document's first heading (an excerpt may start anywhere)
        else:
            step = number - previous
        start = m.start(key) - (1 if key in "bd" else 0)
        span = Span(start, m.start("rest") + len(text))
        last[(style, depth)] = (number, span)
        out.append(Heading(style, number, depth, text, span, shadow[span.start : span.end], step, previous_span))
    return out


def _is_table_row(line: str) -> bool:
    """A row label of 表二/表三 (一、本年新收…, （二）部分公开…), whole or wrapped."""
    text = re.sub(r"^[ \t\u3000#*>]+", "", line).strip()
    return bool(text) and (is_row_label(text) or is_row_label(text.split()[0]))


def _complete(shadow: str, top: list[Heading]) -> bool:
    dates = list(DATE_LINE_RE.finditer(shadow, top[-1].span.end if top else 0))
    return bool(dates) and len(shadow) - dates[-1].end() < _TAIL_AFTER_DATE


# ----------------------------------------------------------- required parts


def _required(shadow: str, top: list[Heading], regime: str, complete: bool) -> list[RequiredPart]:
    if regime == "2019":
        return _required_headings(top, complete)
    out = []
    for key, zh, en, _, *content in _PARTS:
        if not content:
            continue
        found = [re.search(words, shadow) for words in content]
        m = found[0] if all(found) else None
        if m is None and not complete:
            continue
        span = Span(m.start(), m.end()) if m else None
        out.append(RequiredPart(key, zh, en, regime, span, m.group() if m else None, None, None))
    return out


def _required_headings(top: list[Heading], complete: bool) -> list[RequiredPart]:
    found: list[tuple[str, str, str, int | None]] = []
    taken: set[int] = set()
    for key, zh, en, words, *_ in _PARTS:
        if words is None:
            continue
        position = next(
            (i for i, h in enumerate(top) if i not in taken and re.search(words, h.text)), None
        )
        if position is not None:
            taken.add(position)
        found.append((key, zh, en, position))
    out = []
    for k, (key, zh, en, position) in enumerate(found):
        later = any(p is not None for *_, p in found[k + 1 :])
        if position is None and not (complete or later):
            continue
        earlier = [p for *_, p in found[:k] if p is not None]
        heading = top[position] if position is not None else None
        out.append(
            RequiredPart(
                key, zh, en, "2019",
                heading.span if heading else None,
                heading.label if heading else None,
                position,
                earlier[-1] if earlier else None,
            )
        )
    return out


# -------------------------------------------------------------- part counts


def _part_counts(shadow: str, top: list[Heading], complete: bool) -> list[PartCount]:
    intro_end = top[0].span.start if top else len(shadow)
    out = []
    if shadow.find("部分", 0, intro_end) < 0:
        return out  # a shortcut: every declaration says 部分
    for m in _PART_COUNT_RE.finditer(shadow, 0, intro_end):
        sentence_start = max(shadow.rfind(c, 0, m.start()) for c in "。\n") + 1
        sentence_end = _SENTENCE_END.search(shadow, m.end())
        clause = shadow[sentence_start : sentence_end.start() if sentence_end else len(shadow)]
        declared = _number(m.group("n"))
        if declared is None or declared < _MIN_TOP_HEADINGS:
            continue  # 其中一部分 is not a count of the report's parts
        if not (_PART_COUNT_CUE.search(clause) or ((m.group("lead") or "").startswith("共") and _REPORT_WORD.search(clause))):
            continue
        listed = _listed(shadow[sentence_start : m.start()])
        numbers = {h.number for h in top if h.span.start > m.end()}
        present = len(numbers) if numbers and (complete or len(numbers) > declared) else None
        out.append(PartCount(declared, listed, present, Span(sentence_start, m.end())))
    return out


def _listed(before: str) -> tuple[str, ...]:
    """The parts a declaration lists before its number (empty when it lists fewer than two)."""
    leads = list(_LIST_LEAD.finditer(before))
    if not leads:
        return ()
    text = before[leads[-1].end() :]
    text = re.sub(r"(?:等|共|计)?\s*$", "", text.strip())
    pieces = [p.strip() for p in re.split(r"[、，,；;]|(?:以及|和|及)(?=其他|其它)", text) if p.strip()]
    items: list[str] = []
    for piece in pieces:  # 机构设置、保障经费和培训会议情况 is one part: a piece that ends no part joins the next
        if items and not _PART_END.search(items[-1]):
            items[-1] += "、" + piece
        else:
            items.append(piece)
    return tuple(items) if len(items) >= 2 else ()


# ------------------------------------------------------------------ repeats


def _paragraphs(shadow: str) -> list[tuple[int, str]]:
    """(offset, text) of each line long enough to be a paragraph, table rows excluded."""
    out = []
    start = 0
    for line in shadow.split("\n"):
        text = line.strip()
        if len(text) >= _MIN_PARAGRAPH and len("".join(text.split())) >= _MIN_PARAGRAPH and "|" not in line:
            out.append((start + line.index(text), text))
        start += len(line) + 1
    return out


def _mask_titles(k: int, text: str) -> str:
    """``text`` with each 《title》 replaced by a filler of its length that only paragraph ``k`` uses.

    Two paragraphs citing one long document title share a passage that nobody pasted.
    """
    if "《" not in text:
        return text
    filler = chr(0xE000 + k % 6000)  # a private-use character
    return _BOOK_TITLE.sub(lambda m: filler * len(m.group()), text)


def _repeats(shadow: str) -> list[Repeat]:
    """Pairs of repeated paragraphs and pasted passages, in the order of their first paragraph,
    then of their second; the first ``_MAX_REPEATS`` of them.

    A paragraph written again word for word is paired with its first occurrence only (n copies
    are n - 1 repeats) and compared with nothing else: what its first occurrence shares with the
    other paragraphs is already said (and a page of 2,000 copies is not 2 million pairs).

    The other pairs are found without looking at every pair (prefix filtering, as in set
    similarity joins): a pair is worth comparing only when the paragraphs share at least
    ``t = min(_MIN_PASSAGE - 3, ⌈_NEAR · the larger shingle count⌉)`` 4-grams. With the
    4-grams ordered once for the whole text, rarest first, two sets sharing ``t`` grams share
    one among the first ``n - t + 1`` grams of each (the smallest shared gram is among them),
    and ``t`` is at least the bound computed from either paragraph alone. So only paragraphs
    whose prefixes meet are candidates; their shared grams are then counted exactly. And
    since ``t`` is at least either bound, a paragraph with fewer 4-grams found in any other
    paragraph than its own bound is in no pair: it needs no prefix.
    """
    paragraphs = [(offset, _mask_titles(k, text)) for k, (offset, text) in enumerate(_paragraphs(shadow))]
    first_of: dict[str, int] = {}
    copies: dict[int, list[int]] = defaultdict(list)  # first occurrence → its later copies
    kept: list[int] = []  # paragraphs compared with each other: first occurrences
    for k, (_, text) in enumerate(paragraphs):
        first = first_of.setdefault(text, k)
        if first == k:
            kept.append(k)
        else:
            copies[first].append(k)
    # Only the 4-grams of several paragraphs can be shared: each kept paragraph's count of
    # 4-grams (``size``), and the set of those it shares, for the paragraphs that share enough
    # of them (``active``) to be in a pair.
    shingles = _Shingles([paragraphs[k][1] for k in kept])
    size = dict(zip(kept, shingles.size))
    least = {k: min(_MIN_PASSAGE - 3, math.ceil(_NEAR * size[k])) for k in kept}  # shared 4-grams any pair with k needs
    # (most paragraphs share just a few set phrases)
    shared = {k: shingles.shared(i) for i, k in enumerate(kept) if shingles.shared_count[i] >= least[k]}
    active = list(shared)
    # The order: 4-grams of one paragraph first (they pair nothing, so they are left out
    # below), then by how many active paragraphs have them, fewest first. (Ties are in an
    # order of this run's own; any order will do, as long as it is one order for every paragraph.)
    frequency = Counter(chain.from_iterable(shared[k] for k in active))
    rank = dict(zip(sorted(frequency, key=frequency.__getitem__), count()))
    prefix_index: dict[Gram, list[int]] = defaultdict(list)  # 4-gram → active paragraphs with it in their prefix
    prefixes: dict[int, list[Gram]] = defaultdict(list)
    for k in active:
        rest = len(shared[k]) - least[k] + 1  # the prefix's first size[k] - len(shared[k]) grams pair nothing
        prefixes[k] = sorted(shared[k], key=rank.__getitem__)[:rest]
        for g in prefixes[k]:
            prefix_index[g].append(k)
    out: list[Repeat] = []
    for k in kept:
        if len(out) >= _MAX_REPEATS:
            return out[:_MAX_REPEATS]
        (a, one), grams = paragraphs[k], shared.get(k)
        pairs = [(other, 1.0) for other in copies.get(k, ())]  # copies: ratio 1, nothing more to compare
        candidates = {other for g in prefixes[k] for other in prefix_index[g] if other > k}
        pairs += [(other, None) for other in candidates]
        for other, ratio in sorted(pairs):
            if len(out) >= _MAX_REPEATS:
                break
            (b, two) = paragraphs[other]
            if ratio is not None:
                out.append(Repeat(Span(a, a + len(one)), Span(b, b + len(two)), ratio, shadow[a : a + _EXCERPT]))
                continue
            common = len(grams & shared[other])  # (both are active: the 4-grams two paragraphs share are in ``shared``)
            near = common >= _NEAR * max(size[k], size[other])
            if not near and common < _MIN_PASSAGE - 3:
                continue
            matcher = difflib.SequenceMatcher(None, one, two, autojunk=False)
            if near:
                ratio = matcher.ratio()
                if ratio >= _NEAR:
                    excerpt = shadow[a : a + _EXCERPT]
                    out.append(Repeat(Span(a, a + len(one)), Span(b, b + len(two)), round(ratio, 3), excerpt))
                    if ratio >= _SAME:
                        continue
            match = matcher.find_longest_match(0, len(one), 0, len(two))
            if match.size >= _MIN_PASSAGE:  # a passage pasted into another paragraph
                first_span = Span(a + match.a, a + match.a + match.size)
                second_span = Span(b + match.b, b + match.b + match.size)
                out.append(Repeat(first_span, second_span, 1.0, shadow[first_span.start : first_span.start + _EXCERPT]))
    return out[:_MAX_REPEATS]


class _Shingles:
    """The 4-character shingles of a document's paragraphs, counted across the paragraphs at once.

    ``size[i]`` is how many distinct shingles text ``i`` has, ``shared_count[i]`` how many of
    them another text has too, and ``shared(i)`` those as a set.

    A shingle is an integer. When every character is in the Basic Multilingual Plane, as in
    nearly every document, it is the 64-bit integer its four UTF-16 code units make, read in
    place from the encoded text (a view with a stride of one code unit: no copy, no string
    per shingle); otherwise each distinct 4-character string is numbered. The shingles of the
    whole document are then sorted once to number the distinct ones (0, 1, … in order of
    value), and the (number, text) pairs, packed in one integer, once more: the distinct pairs
    are the first of each run, and a shingle's run of distinct pairs is the number of texts
    that have it. (Shingles are only ever compared within one document.)
    """

    __slots__ = ("size", "shared_count", "_grams", "_starts")

    def __init__(self, texts: list[str]) -> None:
        arrays = _shingle_arrays(texts)
        n = max(1, len(texts))
        grams = np.concatenate(arrays) if arrays else np.empty(0, np.uint64)
        order = np.argsort(grams)
        ordered = grams[order]
        first = _run_starts(ordered)
        values = ordered[first]  # the distinct shingles, by value
        number = np.empty(len(grams), np.int64)
        number[order] = np.cumsum(first) - 1
        pairs = np.sort(number * n + np.repeat(np.arange(len(arrays)), [len(a) for a in arrays]))
        shingle, text = np.divmod(pairs[_run_starts(pairs)], n)  # the distinct (shingle, text) pairs
        shared = np.bincount(shingle)[shingle] >= 2
        self.size: list[int] = np.bincount(text, minlength=len(texts)).tolist()
        shingle, text = shingle[shared], text[shared]
        shared_count = np.bincount(text, minlength=len(texts))
        self.shared_count: list[int] = shared_count.tolist()
        self._grams = values[shingle[np.argsort(text, kind="stable")]]  # text by text
        self._starts = np.concatenate(([0], np.cumsum(shared_count))).tolist()

    def shared(self, i: int) -> set[Gram]:
        """The shingles of text ``i`` that another text has too."""
        return set(self._grams[self._starts[i] : self._starts[i + 1]].tolist())


def _shingle_arrays(texts: list[str]) -> list[np.ndarray]:
    """The 4-character shingles of each text, in order, as integers (see ``_Shingles``)."""
    encoded = [text.encode("utf-16-le", "surrogatepass") for text in texts]
    if all(len(data) == 2 * len(text) for data, text in zip(encoded, texts)):
        return [
            np.ndarray((len(text) - 3,), "<u8", data, strides=(2,)) if len(text) > 3 else np.empty(0, np.uint64)
            for data, text in zip(encoded, texts)
        ]
    number: dict[str, int] = {}
    return [
        np.fromiter((number.setdefault(text[i : i + 4], len(number)) for i in range(len(text) - 3)), np.uint64)
        for text in texts
    ]


def _run_starts(values: np.ndarray) -> np.ndarray:
    """True where a run of equal ``values`` starts."""
    starts = np.ones(len(values), bool)
    np.not_equal(values[1:], values[:-1], out=starts[1:])
    return starts


# ---------------------------------------------------------- lines, sentences


def _short_lines(shadow: str) -> list[tuple[Span, str]]:
    out = []
    start = 0
    for line in shadow.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= _CHROME_LINE and "|" not in line:
            offset = start + line.index(stripped)
            out.append((Span(offset, offset + len(stripped)), stripped))
        start += len(line) + 1
    return out


def _comparable(sentence: str) -> str:
    """The form in which a sentence is compared with last year's: spaces removed, years masked."""
    key = "".join(sentence.split())  # str.split() splits at what \s matches
    if "19" in key or "20" in key:  # (a shortcut: most sentences have no year to mask)
        key = _YEAR_MASK.sub("#", key)
    return key


class Sentences(Mapping[str, Span]):
    """Comparable sentence (``_comparable``) → the place of its first occurrence, in text order.

    A report's facts are held for a whole chunk, and its sentences would be most of them: so
    this keeps the text and the offsets of each distinct sentence, and makes its key again
    from the text when it is read (most sentences are their own key: no space, no year).
    Reading them all is what they are for (the hashes of ``years.digest``, the spans of
    STR009's evidence); a lookup by key reads them all too.
    """

    __slots__ = ("_shadow", "_starts", "_ends", "_verbatim")

    def __init__(self, shadow: str, starts: array, ends: array, verbatim: bytearray) -> None:
        self._shadow = shadow
        self._starts = starts  # where each distinct sentence first occurs, in text order
        self._ends = ends
        self._verbatim = verbatim  # 1 where the sentence is its own key

    def __iter__(self) -> Iterator[str]:
        shadow = self._shadow
        for start, end, verbatim in zip(self._starts, self._ends, self._verbatim):
            yield shadow[start:end] if verbatim else _comparable(shadow[start:end])

    def pairs(self) -> Iterator[tuple[str, Span]]:
        """(key, span) of each sentence, in text order."""
        return zip(self, map(Span, self._starts, self._ends))

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, key: str) -> Span:
        for k, span in self.pairs():
            if k == key:
                return span
        raise KeyError(key)

    def items(self) -> ItemsView[str, Span]:
        return _SentenceItems(self)

    def __repr__(self) -> str:
        return f"Sentences({dict(self.pairs())!r})"


class _SentenceItems(ItemsView[str, Span]):
    """The items of ``Sentences``, read in one pass rather than one lookup per key."""

    __slots__ = ()
    _mapping: Sentences

    def __iter__(self) -> Iterator[tuple[str, Span]]:
        return self._mapping.pairs()


def _sentences(shadow: str) -> Sentences:
    """The comparable sentences: pieces between two sentence ends (``_SENTENCE_END``) of at least
    ``_MIN_SENTENCE`` characters once compared (``_comparable``), table rows excluded; each
    spans its piece without the spaces that open it."""
    seen: set[str] = set()
    starts, ends, verbatim = array("q"), array("q"), bytearray()
    # Removing spaces and masking years only shortens: a shorter piece is no sentence.
    for m in _LONG_PIECE.finditer(shadow):
        piece = m.group()
        if "|" in piece:
            continue
        key = _comparable(piece)
        if len(key) >= _MIN_SENTENCE and key not in seen:
            seen.add(key)
            sentence = piece.lstrip()
            starts.append(m.end() - len(sentence))
            ends.append(m.end())
            verbatim.append(key == sentence)
    return Sentences(shadow, starts, ends, verbatim)
