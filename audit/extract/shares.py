"""Shares and rates: a percentage the text states for a count out of a base.

Precision comes first: a share is produced only when its count and its base are
both stated and the base is the one figure it can be. Each rule below keeps a
real sentence from being misread.

Cues (right before or around the percentage)
    * ``占比93%``, ``占总数的98.82%``, ``占申请总数的33.9%``, bare ``占8%``:
      the count is the figure just before ``占`` (at most one clause away:
      ``9363份，占比93%``).
    * ``网上申请60件（60%）``, ``60件（占60%）``: a bracket holding only the
      percentage, right after the count.
    * ``办结率100%``, ``答复率``, ``按时办结率``: a rate; the count is the last
      figure in the sentence whose clause names the act (``办结12件``), the
      base the figure before it that was received (``收到``, ``受理``, ``共``).
      ``全部予以答复，答复率100%`` states no count: no share.
    * ``同比增长15%`` and other changes are never shares: no cue.

The base
    * The total of the breakdown the count is a part of (``共N件，其中a件，占…``).
    * Otherwise the nearest earlier total (a figure introduced by ``共 总计 合计
      累计`` or heading a breakdown) in the same section, with the count's
      unit, at least as large as the count, and of the same scope (``全省`` vs
      ``省本级``).
    * Ambiguity means no share: when another figure of that unit, at least as
      large as the count and of a compatible scope, stands between the base and
      the count, the base is not guessed. Figures that are parts of the base's
      breakdown, counts of sibling shares, or asides in a bracket
      (``805件（含…另有72件…）``) are no rivals. In ``共受理申请859件；答复申请
      805件（含上年度结转18件）…予以公开258件，占33.9%`` the base is 805, the
      total nearest the count.

Share sets (``政务信息公开指南1条，占8%；其他公文5条，占41%；…``)
    * Percentages given with the same cue for items of one list (one sentence,
      the same whole named after 占, or bare 占) are the shares of one whole;
      a set is kept when at least one member has no count of its own (shares
      with counts are checked one by one) and has at least two members.
"""

from __future__ import annotations

import bisect
import re

from audit.extract.segments import CLAUSE_BREAK, Segmenter
from audit.extract.vocab import DELTA_WORD, TOTAL_WORD, scope_at
from audit.model import Breakdown, Number, Share, ShareSet, Span

# 占 [whole 的] [比例|比重|比] [为|达…] right before the percentage; the whole
# is a few characters naming what the share is of (总数, 申请总数, 全省的).
_SHARE_CUE = re.compile(
    r"占(?P<whole>[^\d%，,。；;：:、()（）]{0,10}?(?:的|总数|总量|总额|总和))?"
    r"(?:比例|比重|比)?(?:为|达到|达|是|约)?\s*$"
)
_BRACKET_OPEN = re.compile(r"[(（]\s*(?:占比?)?\s*$")
_BRACKET_CLOSE = re.compile(r"\s*[)），,；;]")
_FROM = re.compile(r"\s*来自")
_RATE_CUE = re.compile(r"(?P<act>按时办结|按期办结|办结|按时答复|答复|回复)率(?:为|达到|达|是)?\s*$")
_RECEIVED = re.compile(r"(收到|受理|接收|接到|共)")
_OWN_SHARE = re.compile(r"\s*[，,]?\s*(?:占|[(（]\s*(?:占比?)?\s*\d[\d.]*\s*%)")
_MAX_SHARE_GAP = 6
_MAX_ASIDE = 40
_CUE_WINDOW = 18
_BASE_WINDOW = 1500


def find_shares(
    shadow: str, numbers: list[Number], breakdowns: list[Breakdown], seg: Segmenter
) -> tuple[list[Share], list[ShareSet]]:
    counts = [n for n in numbers if not n.is_percent]
    starts = [n.span.start for n in counts]
    base_of_part = {id(p): b.total for b in breakdowns for p in b.parts}
    totals = {id(b.total) for b in breakdowns}
    cued = {id(n) for n in counts if _cue_after(shadow, n)}
    shares: list[Share] = []
    members: dict[tuple[int, str], list[tuple[Number, bool]]] = {}
    for pct in (n for n in numbers if n.is_percent):
        window = max(0, pct.span.start - _CUE_WINDOW)
        rate = _RATE_CUE.search(shadow, window, pct.span.start)
        if rate is not None:
            share = _rate(shadow, counts, starts, pct, rate, seg)
            if share is not None:
                shares.append(share)
            continue
        cue = _SHARE_CUE.search(shadow, window, pct.span.start)
        whole = ""
        if cue is not None:
            whole = _whole_name(cue.group("whole"))
            count = _count_before(shadow, counts, starts, cue.start())
        elif (
            bracket := _BRACKET_OPEN.search(shadow, max(0, pct.span.start - 3), pct.span.start)
        ) and _BRACKET_CLOSE.match(shadow, pct.span.end):
            whole = "（p%）"
            count = _count_before(shadow, counts, starts, bracket.start(), max_gap=0)
        elif _FROM.match(shadow, pct.span.end):
            count, whole = None, "来自"
        else:
            continue
        if count is not None and not seg.clause_says(DELTA_WORD, count):
            base = base_of_part.get(id(count)) or _base_before(
                shadow, counts, starts, count, totals, base_of_part, cued, seg
            )
            if base is None:
                count = None  # a share of an unknown base: a member of its list only
            else:
                shares.append(
                    Share(
                        count=count,
                        base=base,
                        percent=pct,
                        span=Span(count.span.start, pct.span.end),
                        cue=cue.group(0).strip() if cue else whole,
                    )
                )
        key = (seg.sentence_start(pct.span.start), whole)
        members.setdefault(key, []).append((pct, count is not None))
    sets = [
        ShareSet(
            percents=tuple(p for p, _ in group),
            span=Span(group[0][0].span.start, group[-1][0].span.end),
            whole=whole,
        )
        for (_, whole), group in members.items()
        if len(group) >= 2 and not all(has_count for _, has_count in group)
    ]
    return shares, sets


def _whole_name(written: str | None) -> str:
    return (written or "").removesuffix("的")


def _cue_after(shadow: str, n: Number) -> bool:
    """The figure is the count of a share of its own (``258件，占33.9%``, ``208件（17.46%）``)."""
    return bool(_OWN_SHARE.match(shadow, n.span.end))


def _count_before(
    shadow: str, counts: list[Number], starts: list[int], pos: int, max_gap: int = _MAX_SHARE_GAP
) -> Number | None:
    """The figure a cue at ``pos`` refers to: just before it, at most one clause away."""
    i = bisect.bisect_left(starts, pos) - 1
    if i < 0:
        return None
    count = counts[i]
    gap = shadow[count.span.end : pos]
    breaks = sum(ch in CLAUSE_BREAK for ch in gap)
    if len(gap.strip()) <= max_gap and breaks <= 1:
        return count
    # ``机构职能类信息16条，主要为…信息等，占总体的比例为2.8%``: one clause that
    # describes the item may stand between the count and its share.
    commas = sum(ch in "，," for ch in gap)
    if max_gap and commas == 2 and len(gap) <= _MAX_ASIDE and not any(ch in "。！？!?；;\n" for ch in gap):
        return count
    return None


def _rate(
    shadow: str, counts: list[Number], starts: list[int], pct: Number, cue: re.Match[str], seg: Segmenter
) -> Share | None:
    """``受理12件，办结12件，办结率100%``: both counts stated in the sentence, or no share."""
    act = cue.group("act")
    sentence = seg.sentence_start(cue.start())
    i = bisect.bisect_left(starts, cue.start()) - 1
    count = None
    while i >= 0 and counts[i].span.start >= sentence:
        n = counts[i]
        clause = shadow[seg.clause_start(n.span.start) : n.span.start]
        if act in clause and not clause.startswith(("未", "没有")) and "未" + act not in clause:
            count = n
            break
        i -= 1
    if count is None:
        return None
    for base in reversed(counts[:i]):
        if base.span.start < sentence:
            return None
        clause = shadow[seg.clause_start(base.span.start) : base.span.start]
        if base.unit == count.unit and _RECEIVED.search(clause):
            if count.interval.entirely_above(base.interval):
                return None
            return Share(count=count, base=base, percent=pct, span=Span(base.span.start, pct.span.end), cue=cue.group(0).strip())
    return None


def _base_before(
    shadow: str,
    counts: list[Number],
    starts: list[int],
    count: Number,
    totals: set[int],
    base_of_part: dict[int, Number],
    cued: set[int],
    seg: Segmenter,
) -> Number | None:
    floor = max(seg.section_start(count.span.start), count.span.start - _BASE_WINDOW)
    scope = scope_at(shadow, count.span.start)
    rivals: list[Number] = []
    for cand in reversed(counts[: bisect.bisect_left(starts, count.span.start)]):
        if cand.span.start < floor:
            break
        if cand.unit != count.unit or count.interval.entirely_above(cand.interval):
            continue
        cand_scope = scope_at(shadow, cand.span.start)
        if scope and cand_scope and scope != cand_scope:
            continue
        is_total = id(cand) in totals or seg.clause_says(TOTAL_WORD, cand)
        if not is_total:
            aside = Segmenter.closes_bracket(shadow[cand.span.end : count.span.start])
            if id(cand) not in cued and not aside:
                rivals.append(cand)
            continue
        if any(base_of_part.get(id(r)) is not cand for r in rivals):
            return None  # another figure could be the base
        return cand
    return None
