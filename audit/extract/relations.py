"""Relations the text states between figures: a total and its parts, a share of a base.

Precision comes first: a relation is only produced when its reading is clear.
Each rule below is what keeps a real sentence from being misread.

Breakdowns (``共N件，其中a件、b件``)
    * The total is the last figure before ``其中`` in the same sentence, at most
      one clause away (``总计发布信息30871条, 其中``, ``302条信息,其中``).
    * Parts are the figures after ``其中`` with the total's unit, one per clause
      (``、，；`` separate clauses), up to the end of the sentence, the next
      ``其中``, or the bracket that encloses the ``其中``. Figures of another
      unit (``占总数的98.82%``) are skipped, not parts.
    * The list stops at a clause that opens with a new total or a summary word
      (``累计…``, ``共…``, ``均…``, ``全部…``): ``其中…窗口办件780件;累计发布…``;
      and at a separator stronger than the one between its first two parts
      (``、`` < ``，`` < ``；``): in ``其中…307条,…97条,…3条;在…微信公众号公布信息230条``
      the ``；`` ends the list, while in ``其中主动公开30506条,占总数的98.82%;依申请公开269条``
      the ``；`` is the list's own separator. ``线上12件、线下0件,驳回7件``: the
      ``，`` after a ``、`` list ends it.
    * An item counted in another unit (``征集调查16期`` in a list of 条) is not a
      part, and it leaves the list open: the parts need not reach the total.
    * Figures inside a bracket opened after ``其中`` belong to a nested list,
      and figures of change (``同比增加5件``, ``比上年减少``) are not parts.
    * When a proper prefix of three or more parts already sums to the total and
      the whole list does not, the list is taken to end there (the rest is a
      following remark such as ``已全部办结50件``).
    * ``may_exceed``: the paragraph notes that parts overlap
      (``同一信息多渠道公开计1条``, ``含重复``, ``有交叉``).
    * ``may_fall_short``: the list is open (``…等``, ``其中主要有``, ``包括``), has
      an item in another unit, or has a single part.

Shares (``9363份，占比93%``, ``30506条,占总数的98.82%``)
    * The cue is ``占比`` / ``占总数的`` / ``占总量的`` / ``占全部的`` right before
      a percentage; the count is the figure just before the cue.
    * The base is the total of the breakdown the count is a part of; otherwise
      the nearest earlier total (a figure introduced by ``共 总计 合计 累计`` or
      heading a breakdown) in the same section with the same unit, at least as
      large as the count, and of the same scope (``全省`` vs ``省本级``). No
      such total: no share (an unresolved base is never guessed).
"""

from __future__ import annotations

import bisect
import re

from audit.extract.segments import CLAUSE_BREAK, Segmenter
from audit.model import Breakdown, Interval, Number, Share, Span

_BREAKDOWN_CUE = re.compile(r"其中")
_TOTAL_WORD = re.compile(r"(共计|总计|合计|累计|总数|总量|共)")
_DELTA_WORD = re.compile(r"(增加|减少|增长|下降|上升|提高|降低|同比|环比|比上年|较上年|比去年|较去年)")
_LIST_STOP = re.compile(r"^\s*(共计|总计|合计|累计|共|均|全部|已|另|此外|同比|比上年|较上年)")
_OVERLAP_NOTE = re.compile(r"(多渠道|计1条|含重复|有重复|有交叉|重复计|交叉计)")
_OPEN_INTRO = re.compile(r"^[\s:：,，]*(主要|包括)")
_OPEN_AFTER = re.compile(r"^\s*等")
_SHARE_CUE = re.compile(r"占(?:(?:总数|总量|全部)的?(?:比例|比重)?|比例|比重|比)(?:为|达到|达|是)?\s*$")
_SCOPE = re.compile(r"(省本级|市本级|区本级|县本级|州本级|全省|全市|全区|全县|全州|全镇|全乡)")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_SEPARATOR_LEVEL = {"、": 1, "，": 2, ",": 2, "；": 3, ";": 3}
_SCOPE_WINDOW = 40
_MAX_TOTAL_GAP = 12
_MAX_SHARE_GAP = 6
_SHARE_CUE_WINDOW = 10
_BASE_WINDOW = 1500


def find_breakdowns(shadow: str, numbers: list[Number], seg: Segmenter) -> list[Breakdown]:
    counts = [n for n in numbers if not n.is_percent]
    starts = [n.span.start for n in counts]
    found: list[Breakdown] = []
    for cue in _BREAKDOWN_CUE.finditer(shadow):
        total = _total_before(shadow, counts, starts, cue.start(), seg)
        if total is None:
            continue
        end = seg.sentence_end(cue.end())
        nested = shadow.find("其中", cue.end(), end)
        if nested >= 0:
            end = nested
        parts, foreign = _parts_after(shadow, counts, starts, cue.end(), end, total, seg)
        if not parts:
            continue
        parts = _trim_to_exact_prefix(total, parts)
        line_start, line_end = seg.line_bounds(cue.start())
        intro = shadow[cue.end() : parts[0].span.start]
        after = shadow[parts[-1].span.end : parts[-1].span.end + 3]
        found.append(
            Breakdown(
                total=total,
                parts=tuple(parts),
                span=Span(seg.clause_start(total.span.start), parts[-1].span.end),
                cue="其中",
                may_exceed=bool(_OVERLAP_NOTE.search(shadow, line_start, line_end)),
                may_fall_short=len(parts) == 1
                or foreign
                or bool(_OPEN_INTRO.match(intro) or _OPEN_AFTER.match(after)),
            )
        )
    return found


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
        gap = _BRACKETED.sub("", gap)
        if len(gap) > _MAX_TOTAL_GAP or sum(ch in CLAUSE_BREAK for ch in gap) > 1:
            return None
        if _DELTA_WORD.search(shadow, seg.clause_start(total.span.start), total.span.start):
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
) -> tuple[list[Number], bool]:
    """The parts listed from ``begin`` to ``end``, and whether a list item was
    counted in another unit (``征集调查16期`` among 条), which leaves the list open."""
    parts: list[Number] = []
    level = 0  # the separator that divides the first two parts: 、 < ， < ；
    clauses_used: set[int] = set()
    foreign = False
    for n in counts[bisect.bisect_left(starts, begin) :]:
        if n.span.end > end:
            break
        if seg.paren_depth_between(begin, n.span.start) > 0:
            continue
        clause = seg.clause_start(n.span.start)
        prefix = shadow[max(clause, begin) : n.span.start]
        if parts:
            sep = _separator_level(shadow[parts[-1].span.end : n.span.start])
            if clause > begin and _LIST_STOP.match(prefix) or (level and sep > level):
                break
        if clause in clauses_used or _DELTA_WORD.search(prefix):
            continue
        if n.unit != total.unit:
            foreign = foreign or bool(parts)
            continue
        if parts and not level:
            level = _separator_level(shadow[parts[-1].span.end : n.span.start])
        clauses_used.add(clause)
        parts.append(n)
    return parts, foreign


def _separator_level(between: str) -> int:
    between = _BRACKETED.sub("", between)
    return max((_SEPARATOR_LEVEL.get(ch, 0) for ch in between), default=0)


def _trim_to_exact_prefix(total: Number, parts: list[Number]) -> list[Number]:
    def sums_to_total(items: list[Number]) -> bool:
        return Interval.sum(n.interval for n in items).overlaps(total.interval)

    if len(parts) < 4 or sums_to_total(parts):
        return parts
    for k in range(len(parts) - 1, 2, -1):
        if sums_to_total(parts[:k]):
            return parts[:k]
    return parts


def find_shares(
    shadow: str, numbers: list[Number], breakdowns: list[Breakdown], seg: Segmenter
) -> list[Share]:
    counts = [n for n in numbers if not n.is_percent]
    starts = [n.span.start for n in counts]
    base_of_part = {id(p): b.total for b in breakdowns for p in b.parts}
    totals = {id(b.total) for b in breakdowns}
    shares: list[Share] = []
    for pct in (n for n in numbers if n.is_percent):
        window_start = max(0, pct.span.start - _SHARE_CUE_WINDOW)
        cue = _SHARE_CUE.search(shadow, window_start, pct.span.start)
        if cue is None:
            continue
        i = bisect.bisect_left(starts, cue.start()) - 1
        if i < 0:
            continue
        count = counts[i]
        gap = shadow[count.span.end : cue.start()]
        if len(gap) > _MAX_SHARE_GAP or sum(ch in CLAUSE_BREAK for ch in gap) > 1:
            continue
        base = base_of_part.get(id(count)) or _base_before(
            shadow, counts[:i], count, totals, seg
        )
        if base is None:
            continue
        shares.append(
            Share(
                count=count,
                base=base,
                percent=pct,
                span=Span(count.span.start, pct.span.end),
                cue=cue.group(0).strip(),
            )
        )
    return shares


def _base_before(
    shadow: str, earlier: list[Number], count: Number, totals: set[int], seg: Segmenter
) -> Number | None:
    floor = max(seg.section_start(count.span.start), count.span.start - _BASE_WINDOW)
    scope = _scope(shadow, count.span.start)
    for cand in reversed(earlier):
        if cand.span.start < floor:
            break
        if cand.unit != count.unit:
            continue
        is_total = id(cand) in totals or _TOTAL_WORD.search(
            shadow, seg.clause_start(cand.span.start), cand.span.start
        )
        if not is_total or count.interval.entirely_above(cand.interval):
            continue
        cand_scope = _scope(shadow, cand.span.start)
        if scope and cand_scope and scope != cand_scope:
            continue
        return cand
    return None


def _scope(shadow: str, pos: int) -> str | None:
    """The last scope word (``全省``, ``省本级``…) in the stretch of sentence before ``pos``."""
    start = max(0, pos - _SCOPE_WINDOW)
    for stop in "。！？!?；;":
        start = max(start, shadow.rfind(stop, start, pos) + 1)
    words = _SCOPE.findall(shadow, start, pos)
    return words[-1] if words else None
