"""Words the relation readers share: totals, changes, scopes."""

from __future__ import annotations

import re

# A figure introduced by one of these is a total (``共收到…``, ``累计发布…``).
TOTAL_WORD = re.compile(r"(共计|总计|合计|累计|总数|总量|共)")
# A figure of change, never a part or a share's count (``同比增加5件``).
DELTA_WORD = re.compile(r"(增加|减少|增长|下降|上升|提高|降低|同比|环比|比上年|较上年|比去年|较去年)")
# Whose figure it is: the whole province, or the provincial government itself.
SCOPE_WORD = re.compile(r"(省本级|市本级|区本级|县本级|州本级|全省|全市|全区|全县|全州|全镇|全乡)")
_SCOPE_WINDOW = 40


def scope_at(shadow: str, pos: int) -> str | None:
    """The last scope word (``全省``, ``省本级``…) in the stretch of sentence before ``pos``."""
    start = max(0, pos - _SCOPE_WINDOW)
    for stop in "。！？!?；;":
        start = max(start, shadow.rfind(stop, start, pos) + 1)
    words = SCOPE_WORD.findall(shadow, start, pos)
    return words[-1] if words else None
