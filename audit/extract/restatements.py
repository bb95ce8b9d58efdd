"""The same quantity stated twice: ``收到政府信息公开申请N件`` in sections 一 and 三.

A figure's *label* is the text of its clause before it, with what does not
change the quantity taken off (the year, ``全年``, ``共``/``累计``, ``其中``,
punctuation). Two figures state the same quantity when their labels are equal
and they have the same unit, scope (``全省`` vs ``省本级``) and year. Rules that
keep different quantities apart:

* A statement naming another body as its subject (``市教育局收到…``) is that
  body's quantity: the body is part of its scope.
* Only figures that stand on their own or head a list are compared: a part of a
  breakdown is a count of something narrower, named by the list around it.
* The label must name a quantity the report is accountable for (an application,
  disclosure, review, lawsuit, complaint…) and be at least ``_MIN_LABEL``
  characters long: ``办结`` or ``公开`` alone could be anything.
* A sentence about another period (``上年``, ``去年``, ``同比``, a year other
  than the figure's) or a change (``增加``) is not a restatement.
* A label stated three times or more with three or more values is a listing per
  unit or per month (``收到申请5件`` under each department), not a restatement.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from audit.extract.segments import Segmenter
from audit.extract.vocab import DELTA_WORD, scope_at
from audit.model import Breakdown, Number, Restatement

_NOISE = re.compile(
    r"\d{4}\s*年度?|本年度|本年|全年|年内|今年|当年|共计|总计|合计|累计|一共|共|其中|依法|"
    r"[\s，,、：:；;“”\"'（）()]"
)
# Who states it: ``我局``, ``本机关`` — the report's own voice, not part of the quantity.
_SPEAKER = re.compile(r"^(?:我|本)(?:机关|单位|部门|中心|[局市委办厅区县省镇乡院署部])")
# Another body named as the subject (``市教育局收到…``): its own quantity, kept as its scope.
_BODY = re.compile(
    r"^[^\d，,。；;：:]{1,12}?(?:委员会|办公室|政府|中心|部门|单位|街道|局|委|办|厅|院|站|所|队|镇|乡)"
    r"(?=收到|受理|接收|接到|主动|依申请|办理|答复|公开|发布)"
)
_ACCOUNTABLE = re.compile(r"申请|主动公开|复议|诉讼|举报|投诉|咨询|来信|来电")
_OTHER_PERIOD = re.compile(r"上年|上一年|去年|前年|同比|环比|结转")
_YEAR = re.compile(r"(\d{4})\s*年")
_MIN_LABEL = 6


def find_restatements(
    shadow: str, numbers: list[Number], breakdowns: list[Breakdown], seg: Segmenter
) -> list[Restatement]:
    parts = {id(p) for b in breakdowns for p in b.parts}
    statements: dict[tuple[str, str | None, str | None], list[tuple[str | None, Number]]] = defaultdict(list)
    for n in numbers:
        if n.is_percent or id(n) in parts:
            continue
        clause = seg.clause_start(n.span.start)
        sentence = shadow[seg.sentence_start(n.span.start) : n.span.start]
        label = _SPEAKER.sub("", _NOISE.sub("", shadow[clause : n.span.start]))
        body = _BODY.match(label)
        if body:
            label = label[body.end() :]
        if len(label) < _MIN_LABEL or not _ACCOUNTABLE.search(label):
            continue
        if _OTHER_PERIOD.search(sentence) or DELTA_WORD.search(shadow, n.span.end, n.span.end + 6):
            continue
        years = set(_YEAR.findall(sentence))
        if len(years) > 1:
            continue
        key = (label, n.unit, body.group(0) if body else scope_at(shadow, n.span.start))
        statements[key].append((years.pop() if years else None, n))
    found: list[Restatement] = []
    for (label, *_), dated in statements.items():
        stated = _same_period(dated)
        if len(stated) < 2 or (len(stated) > 2 and len({n.value for n in stated}) > 2):
            continue
        first = stated[0]
        found.extend(Restatement(first=first, second=n, label=label) for n in stated[1:])
    found.sort(key=lambda r: r.second.span.start)
    return found


def _same_period(dated: list[tuple[str | None, Number]]) -> list[Number]:
    """The statements of the period most often named (a sentence naming no year
    is taken to speak of it); statements naming another year are dropped."""
    years = Counter(year for year, _ in dated if year)
    main = years.most_common(1)[0][0] if years else None
    return [n for year, n in dated if year in (None, main)]
