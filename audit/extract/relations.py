"""Relations the text states between figures: a total and its parts, a share of a base.

Precision comes first: a relation is only produced when its reading is clear.
Each rule below is what keeps a real sentence from being misread.

Breakdowns (``共N件，其中a件、b件``)
    The cues, each read by the same list reader:
    * ``其中``, ``包括``, ``含`` (only opening a bracket or clause: ``805件（含…``),
      ``分别为`` (only right after the total: ``共100件，分别为…``; in
      ``A、B分别为a件、b件`` it names its own items): the total is the last
      figure before the cue in the same sentence, at most one clause away
      (``总计发布信息30871条, 其中``, ``302条信息,其中``), a bracketed aside or a
      share on the total (``25条，占…3.4%，其中``) in between.
    * A sentence that opens with ``其中`` or ``在…中`` (``在主动公开的信息中，``):
      the one figure of the parts' unit in the sentence before; otherwise a
      figure of the last three sentences the parts add up to exactly.
    * ``从申请渠道看，`` / ``按…分，`` at a clause start: the nearest earlier total
      (``共收到…10105份``) of the parts' unit in the same paragraph, with nothing
      of that unit in between but another view of the same total.
    * Parts followed by their total: a clause that is only ``共/共计/合计/总计N件``
      after clauses of that unit in the same sentence (``依申请公开12条、主动公开
      16条，共28条``), joined by separators no stronger than the one before it.
    * No cue: a sentence's first figure followed by figures of its unit that add
      up to it exactly (``经清理，303项…，保留205项，取消13项…``). Exact-sum
      readings confirm a relation (for the shares on it); they never make a sum
      finding.
    The list:
    * Parts are the figures after the cue with the total's unit, one per clause
      (``、，；`` separate clauses), up to the end of the sentence or the bracket
      that encloses the cue. A line break after clause punctuation continues the
      sentence; after ``其中：`` and a line break, one item per line follows.
      Figures of another unit (``占总数的98.82%``) are skipped, not parts.
    * The list stops at a clause that opens with a new total or a summary word
      (``累计…``, ``共…``, ``均…``, ``全部…``): ``其中…窗口办件780件;累计发布…``;
      and at a separator stronger than the one between its first two parts
      (``、`` < ``，`` < ``；``): in ``其中…307条,…97条,…3条;在…微信公众号公布信息230条``
      the ``；`` ends the list, while in ``其中主动公开30506条,占总数的98.82%;依申请公开269条``
      the ``；`` is the list's own separator. ``线上12件、线下0件,驳回7件``: the
      ``，`` after a ``、`` list ends it.
    * An item counted in another unit (``征集调查16期`` in a list of 条) is not a
      part, and it leaves the list open: the parts need not reach the total. So
      does an item with no figure: two of the list's own separators between two
      parts (``规划计划文件 2 件；2024 年度部门预算…信息；…代表建议 50 件``).
    * Nested lists: figures inside a bracket opened after the cue, and the list
      of a further ``其中`` outside brackets, belong to the part before them;
      each level is a breakdown of its own. A nested list without brackets ends
      as soon as its parts reach its total, and the outer list goes on after it.
    * Figures of change (``同比增加5件``, ``比上年减少``) are not parts.
    * When a proper prefix of three or more parts already sums to the total and
      the whole list does not, the list is taken to end there (the rest is a
      following remark such as ``已全部办结50件``).
    * ``may_exceed``: the lines the breakdown spans note that parts overlap
      (``同一信息多渠道公开计1条``, ``含重复``, ``有交叉``).
    * ``may_fall_short``: the list is open (``…等``, ``其中主要有``, ``包括…在内``),
      has an item in another unit or without a figure, or has a single part.

Shares and rates are read in ``audit.extract.shares``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from audit.extract.segments import CLAUSE_BREAK, Segmenter
from audit.extract.vocab import DELTA_WORD, TOTAL_WORD
from audit.model import Breakdown, Interval, Number, Span

_BREAKDOWN_CUE = re.compile(r"其中")
_LIST_CUE = re.compile(r"其中|包括|分别为|分别是|含")
# ``从申请渠道看，`` / ``按申请方式分：``: a view of a total stated before.
_DIMENSION_CUE = re.compile(r"(?:从|按照|按)[^，,。；;：:！？!?\n\d%]{1,14}?(?:来看|看|划分|分)[，,：:]")
# ``在主动公开的信息中，…``: a sentence listing the parts of a total stated before.
_AMONG_CUE = re.compile(r"在[^，,。；;：:\d]{1,15}中[，,：:]")
_TIGHT_GAP = re.compile(r"[\s，,：:]*")
_TOTAL_AFTER = re.compile(r"\s*(?:共计|总计|合计|共)\s*")
_COLON_LINE = re.compile(r"[ \t]*[:：][ \t]*\n")
_FIGURE_IN_LINE = re.compile(r"\d")
_MAX_ITEM_LINE = 80
# A share stated on the total (``25条，占总体的比例为3.4%，其中…``) does not part it from 其中.
_SHARE_CLAUSE = re.compile(r"[，,]?\s*占[^，,。；;]{0,12}?\d[\d.]*\s*%")
_LOOKBACK_SENTENCES = 3
_LIST_STOP = re.compile(r"^\s*(共计|总计|合计|累计|共|均|全部|已|另|此外|同比|比上年|较上年)")
_OVERLAP_NOTE = re.compile(r"(多渠道|计1条|含重复|有重复|有交叉|重复计|交叉计)")
_OPEN_INTRO = re.compile(r"^[\s:：,，]*主要")
_OPEN_AFTER = re.compile(r"^\s*(?:等|在内)")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_SEPARATOR_LEVEL = {"、": 1, "，": 2, ",": 2, "；": 3, ";": 3}
_MAX_TOTAL_GAP = 12


def find_breakdowns(shadow: str, numbers: list[Number], seg: Segmenter) -> list[Breakdown]:
    counts = [n for n in numbers if not n.is_percent]
    starts = [n.span.start for n in counts]
    found: list[Breakdown] = []
    for cue in _LIST_CUE.finditer(shadow):
        word = cue.group(0)
        if word == "含" and not _opens_aside(shadow, cue.start()):
            continue
        if word in ("包括", "分别为", "分别是") and _BREAKDOWN_CUE.search(
            shadow, max(0, cue.start() - 3), cue.start()
        ):
            continue  # ``其中包括``: one cue, read at 其中
        total = _total_before(shadow, counts, starts, cue.start(), seg)
        if total is None and word == "其中":
            total = _total_of_previous_sentence(shadow, counts, starts, cue, seg)
        if total is None:
            continue
        if word.startswith("分别") and not _TIGHT_GAP.fullmatch(shadow, total.span.end, cue.start()):
            continue  # ``A、B分别为a件、b件`` names its items; only ``共N件，分别为…`` is a breakdown
        end = _list_end(shadow, cue.end(), seg)
        nested = _is_nested(shadow, cue.start(), seg)
        found.extend(_breakdown(shadow, counts, starts, seg, total, cue.end(), end, word, nested))
    for cue in _DIMENSION_CUE.finditer(shadow):
        if cue.start() != seg.clause_start(cue.start()):
            continue
        end = seg.sentence_end(cue.end())
        first = next((n for n in _from(counts, bisect.bisect_left(starts, cue.end())) if n.span.end <= end), None)
        if first is None:
            continue
        total = _dimension_total(shadow, counts, starts, cue.start(), first, found, seg)
        if total is not None:
            found.extend(_breakdown(shadow, counts, starts, seg, total, cue.end(), end, "从…看"))
    for cue in _AMONG_CUE.finditer(shadow):
        if cue.start() == seg.sentence_start(cue.start()):
            total = _total_of_previous_sentence(shadow, counts, starts, cue, seg)
            if total is not None:
                found.extend(
                    _breakdown(shadow, counts, starts, seg, total, cue.end(), seg.sentence_end(cue.end()), "在…中")
                )
    taken = {id(n) for b in found for n in (b.total, *b.parts)}
    for total in counts:
        if id(total) not in taken:
            found.extend(_breakdown_before_total(shadow, counts, starts, seg, total, taken))
    taken = {id(n) for b in found for n in (b.total, *b.parts)}
    found.extend(_unmarked_lists(shadow, counts, starts, seg, taken))
    found.sort(key=lambda b: (b.span.start, b.total.span.start))
    return found


def _breakdown(
    shadow: str,
    counts: list[Number],
    starts: list[int],
    seg: Segmenter,
    total: Number,
    begin: int,
    end: int,
    cue: str,
    nested: bool = False,
) -> list[Breakdown]:
    """The breakdown of ``total`` into the parts listed in ``shadow[begin:end]``
    (none or one), passing over nested lists (a further ``其中`` outside
    brackets lists the parts of one part). A nested list ends as soon as its
    parts reach its total; the outer list goes on after it."""
    skips: list[tuple[int, int]] = []
    for inner in _BREAKDOWN_CUE.finditer(shadow, begin, end):
        if seg.paren_depth_between(begin, inner.start()):
            continue  # a bracketed sub-list: skipped as an aside anyway
        inner_total = _total_before(shadow, counts, starts, inner.start(), seg)
        inner_parts = (
            _parts_after(shadow, counts, starts, inner.end(), end, inner_total, seg)[0]
            if inner_total is not None
            else []
        )
        if not inner_parts:
            end = inner.start()
            break
        inner_parts = _trim_to_exact_prefix(inner_total, inner_parts, shortest=2)
        skips.append((inner.start(), inner_parts[-1].span.end))
    parts, foreign = _parts_after(shadow, counts, starts, begin, end, total, seg, skips)
    if not parts:
        return []
    parts = _trim_to_exact_prefix(total, parts, shortest=2 if nested else 3)
    intro = shadow[begin : parts[0].span.start]
    after = shadow[parts[-1].span.end : parts[-1].span.end + 4]
    return [
        Breakdown(
            total=total,
            parts=tuple(parts),
            span=Span(min(seg.clause_start(total.span.start), parts[0].span.start), parts[-1].span.end),
            cue=cue,
            may_exceed=_overlap_noted(shadow, total, parts, seg),
            may_fall_short=len(parts) == 1
            or foreign
            or bool(_OPEN_INTRO.match(intro) or _OPEN_AFTER.match(after)),
        )
    ]


def _total_of_previous_sentence(
    shadow: str, counts: list[Number], starts: list[int], cue: re.Match[str], seg: Segmenter
) -> Number | None:
    """``…共受理1295件，办结1191件。其中，予以公开208件…``: a sentence that opens
    with ``其中`` (or ``在…中``) divides a figure stated before it, but the text
    does not say which. Taken: the one figure of the parts' unit in the
    sentence before (``举办191场…出席25人次。其中…151场``); otherwise a figure
    of the last few sentences that the parts add up to exactly — a reading that
    confirms a relation (for the shares on it) and never makes a sum finding."""
    start = seg.sentence_start(cue.start())
    if start == 0 or shadow[start : cue.start()].strip():
        return None
    end = seg.sentence_end(cue.end())
    previous = seg.previous_sentence_start(start)
    lo, hi = bisect.bisect_left(starts, previous), bisect.bisect_left(starts, start)
    candidates = [c for c in counts[lo:hi] if not seg.paren_depth_between(previous, c.span.start)]
    units = [c.unit for c in candidates]
    for cand in reversed(candidates):
        parts = _parts_after(shadow, counts, starts, cue.end(), end, cand, seg)[0]
        if parts and units.count(cand.unit) == 1:
            return cand  # the one figure of the parts' unit in the sentence before
    # Further back (up to _LOOKBACK_SENTENCES sentences), only an exact sum decides.
    for _ in range(_LOOKBACK_SENTENCES):
        lo = bisect.bisect_left(starts, previous)
        for cand in reversed(counts[lo:hi]):
            if seg.paren_depth_between(previous, cand.span.start):
                continue
            if _sums_exactly(cand, _parts_after(shadow, counts, starts, cue.end(), end, cand, seg)[0]):
                return cand
        if previous == 0:
            break
        hi, previous = lo, seg.previous_sentence_start(previous)
    return None


def _sums_exactly(total: Number, parts: list[Number]) -> bool:
    return len(parts) > 1 and Interval.sum(p.interval for p in parts) == total.interval


def _unmarked_lists(
    shadow: str, counts: list[Number], starts: list[int], seg: Segmenter, taken: set[int]
) -> list[Breakdown]:
    """``经清理，303项非行政许可事项，保留205项，取消13项，下放32项，调整53项``:
    a sentence's first figure followed by figures of its unit, one per clause,
    with no cue word. Read only when they add up to it exactly, so the reading
    confirms a relation (for the shares on it) and never makes a sum finding."""
    found: list[Breakdown] = []
    sentence = -1
    for i, total in enumerate(counts):
        start = seg.sentence_start(total.span.start)
        if start == sentence:
            continue  # only the sentence's first figure can head an unmarked list
        sentence = start
        if id(total) in taken or seg.paren_depth_between(start, total.span.start):
            continue
        end = seg.sentence_end(total.span.end)
        if not _has_two_of_unit(counts, i + 1, end, total.unit):
            continue  # too few figures of its unit follow for parts that add up to it (cheap to tell)
        parts = _parts_after(shadow, counts, starts, total.span.end, end, total, seg)[0]
        if _sums_exactly(total, parts) and not any(id(p) in taken for p in parts):
            found.append(
                Breakdown(
                    total=total,
                    parts=tuple(parts),
                    span=Span(seg.clause_start(total.span.start), parts[-1].span.end),
                    cue="",
                )
            )
    return found


def _has_two_of_unit(counts: list[Number], k: int, end: int, unit: str | None) -> bool:
    """Whether two figures in ``unit`` are among the figures from ``counts[k]`` on that end by ``end``."""
    found = 0
    for n in _from(counts, k):
        if n.span.end > end:
            break
        if n.unit == unit:
            found += 1
            if found == 2:
                return True
    return False


def _is_nested(shadow: str, pos: int, seg: Segmenter) -> bool:
    """A ``其中`` after another one in the same sentence, outside brackets, lists
    the parts of one of the outer list's parts."""
    outer = shadow.rfind("其中", seg.sentence_start(pos), pos)
    return outer >= 0 and not seg.paren_depth_between(outer, pos)


def _opens_aside(shadow: str, pos: int) -> bool:
    """``含`` introduces parts only at the start of a bracket or clause (``1200件（含…``)."""
    before = shadow[max(0, pos - 1) : pos]
    return before in ("(", "（", "，", ",", "；", ";", "：", ":") and not shadow.startswith(
        ("含重复", "含义", "含量"), pos
    )


def _list_end(shadow: str, begin: int, seg: Segmenter) -> int:
    """Where the list opened at ``begin`` ends: the sentence's end, or, for a list
    set out one item per line after a colon (``其中：\n1.…12件\n2.…3件``), the
    first line that is blank or states no figure."""
    line_break = _COLON_LINE.match(shadow, begin)
    if line_break is None:
        return seg.sentence_end(begin)
    end = pos = line_break.end()
    while pos < len(shadow):
        stop = shadow.find("\n", pos)
        stop = len(shadow) if stop < 0 else stop
        line = shadow[pos:stop]
        if not line.strip() or not _FIGURE_IN_LINE.search(line) or len(line) > _MAX_ITEM_LINE:
            break
        end, pos = stop, stop + 1
    return end


def _overlap_noted(shadow: str, total: Number, parts: list[Number], seg: Segmenter) -> bool:
    """The parts may overlap: a note in the lines the breakdown spans (``同一信息多渠道公开计1条``)."""
    start = seg.line_bounds(total.span.start)[0]
    end = seg.line_bounds(parts[-1].span.start)[1]
    return seg.finds(_OVERLAP_NOTE, start, end)


def _dimension_total(
    shadow: str,
    counts: list[Number],
    starts: list[int],
    pos: int,
    first: Number,
    found: list[Breakdown],
    seg: Segmenter,
) -> Number | None:
    """The total a ``从申请渠道看，…`` sentence divides up: the nearest earlier
    total (``共收到…10105份``) of the first part's unit in the same paragraph,
    with nothing of that unit in between except the parts of another view of
    the same total (``从申请内容看``)."""
    line_start = seg.line_bounds(pos)[0]
    inner = {id(p): b.total for b in found for p in b.parts}
    i = bisect.bisect_left(starts, pos) - 1
    while i >= 0 and counts[i].span.start >= line_start:
        cand = counts[i]
        i -= 1
        if cand.unit != first.unit:
            continue
        if seg.clause_says(TOTAL_WORD, cand):
            return None if first.interval.entirely_above(cand.interval) else cand
        owner = inner.get(id(cand))
        if owner is None or not seg.clause_says(TOTAL_WORD, owner):
            return None
    return None


def _breakdown_before_total(
    shadow: str,
    counts: list[Number],
    starts: list[int],
    seg: Segmenter,
    total: Number,
    taken: set[int],
) -> list[Breakdown]:
    """Parts followed by their total: ``依申请公开12条、主动公开16条，共28条``.

    The total's clause is just the total word and the figure (``，共28条``,
    ``，合计28条``); the parts are the figures of its unit in the clauses
    before it in the same sentence, one per clause, back to the sentence
    start, a colon or ``其中``, joined by separators no stronger than the one
    before the total."""
    clause = seg.clause_start(total.span.start)
    if not _TOTAL_AFTER.fullmatch(shadow, clause, total.span.start) or clause == 0:
        return []
    closing = _SEPARATOR_LEVEL.get(shadow[clause - 1], 0)
    if not closing:
        return []
    floor = seg.sentence_start(clause)
    for stop in ("：", ":", "其中"):
        floor = max(floor, shadow.rfind(stop, floor, clause) + len(stop))
    parts: list[Number] = []
    foreign = False
    i = bisect.bisect_left(starts, clause) - 1
    edge = clause  # where the text already walked begins
    while i >= 0 and counts[i].span.start >= floor:
        n = counts[i]
        i -= 1
        if Segmenter.closes_bracket(shadow[n.span.end : edge]):
            continue
        start = seg.clause_start(n.span.start)
        if _separator_level(shadow[n.span.end : edge]) > closing or DELTA_WORD.search(shadow, start, n.span.start):
            break
        if n.unit != total.unit:
            foreign = True
            continue
        if id(n) in taken or TOTAL_WORD.search(shadow, start, n.span.start):
            return []
        if parts and start == seg.clause_start(parts[-1].span.start):
            break
        parts.append(n)
        edge = start
    if len(parts) < 2:
        return []
    parts.reverse()
    return [
        Breakdown(
            total=total,
            parts=tuple(parts),
            span=Span(seg.clause_start(parts[0].span.start), total.span.end),
            cue="共",
            may_exceed=_overlap_noted(shadow, parts[0], [total], seg),
            may_fall_short=foreign,
        )
    ]


def _total_before(
    shadow: str, counts: list[Number], starts: list[int], pos: int, seg: Segmenter
) -> Number | None:
    """The figure ``其中`` at ``pos`` divides up, skipping a bracketed aside
    (``主动公开2117496条(同一信息多渠道公开计1条),其中``)."""
    sentence_start = seg.sentence_start(pos)
    i = bisect.bisect_left(starts, pos) - 1
    while i >= 0:
        total = counts[i]
        gap = shadow[total.span.end : pos]
        if total.span.start < sentence_start:
            return None
        if seg.closes_bracket(gap):
            i -= 1  # the figure sits inside a bracket closed before the cue
            continue
        gap = _SHARE_CLAUSE.sub("", _BRACKETED.sub("", gap))
        if len(gap) > _MAX_TOTAL_GAP or sum(ch in CLAUSE_BREAK for ch in gap) > 1:
            return None
        if seg.clause_says(DELTA_WORD, total):
            return None
        return total
    return None


def _parts_after(
    shadow: str,
    counts: list[Number],
    starts: list[int],
    begin: int,
    end: int,
    total: Number,
    seg: Segmenter,
    skips: list[tuple[int, int]] = (),
) -> tuple[list[Number], bool]:
    """The parts listed from ``begin`` to ``end``, and whether a list item was
    counted in another unit (``征集调查16期`` among 条) or stood without a figure,
    which leaves the list open.
    Figures inside a ``skips`` range (a nested list) are passed over."""
    parts: list[Number] = []
    level = 0  # the separator that divides the first two parts: 、 < ， < ；
    clauses_used: set[int] = set()
    foreign = False
    for n in _from(counts, bisect.bisect_left(starts, begin)):
        if n.span.end > end:
            break
        if seg.paren_depth_between(begin, n.span.start) > 0:
            continue
        if any(lo <= n.span.start < hi for lo, hi in skips):
            continue
        clause = seg.clause_start(n.span.start)
        prefix = shadow[max(clause, begin) : n.span.start]
        if parts:
            gap_start = max([parts[-1].span.end] + [hi for lo, hi in skips if hi <= n.span.start])
            sep = _separator_level(shadow[gap_start : n.span.start])
            if clause > begin and _LIST_STOP.match(prefix) or (level and sep > level):
                break
        if clause in clauses_used or DELTA_WORD.search(prefix):
            continue
        if n.unit != total.unit:
            foreign = foreign or bool(parts)
            continue
        if parts and not level:
            level = sep
        elif parts and _separators(shadow[gap_start : n.span.start], level) >= 2:
            foreign = True  # an item without a figure stood between two parts: the list is open
        clauses_used.add(clause)
        parts.append(n)
    return parts, foreign


def _from(counts: list[Number], k: int) -> Iterator[Number]:
    """``counts[k:]`` without copying it, and without stepping over the first ``k``
    (``islice`` does: that made a 10 MB line of figures quadratic)."""
    return map(counts.__getitem__, range(k, len(counts)))


def _separators(between: str, level: int) -> int:
    """How many separators of ``level`` stand in ``between`` (bracketed text aside)."""
    return sum(1 for ch in _BRACKETED.sub("", between) if _SEPARATOR_LEVEL.get(ch, 0) == level)


def _separator_level(between: str) -> int:
    between = _BRACKETED.sub("", between)
    return max((_SEPARATOR_LEVEL.get(ch, 0) for ch in between), default=0)


def _trim_to_exact_prefix(total: Number, parts: list[Number], shortest: int = 3) -> list[Number]:
    """The longest proper prefix of at least ``shortest`` parts that sums to the
    total, when the whole list does not."""

    def sums_to_total(items: list[Number]) -> bool:
        return Interval.sum(n.interval for n in items).overlaps(total.interval)

    if len(parts) <= shortest or sums_to_total(parts):
        return parts
    for k in range(len(parts) - 1, shortest - 1, -1):
        if sums_to_total(parts[:k]):
            return parts[:k]
    return parts
