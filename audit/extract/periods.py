"""The reporting year a document is about.

v1 reads it from the two places a report states it outright, in this order:
the title phrase (``2018年政府信息公开工作年度报告``, ``2017年度…年度報告``) and the
statistical period (``统计期限自2018年1月1日起至12月31日止``). A body that never
says which year it reports on gets ``None`` rather than a guess.
"""

from __future__ import annotations

import re

_TITLE_YEAR = re.compile(
    r"((?:19|20)\d{2})\s*年度?[^。\n,，]{0,12}?政府信息公开(?:工作)?(?:年度)?报告"
)
_PERIOD_YEAR = re.compile(r"统计(?:期限|时限|时间|期间|区间)[^。\n]{0,12}?((?:19|20)\d{2})\s*年")


def find_report_year(shadow: str) -> int | None:
    for pattern in (_TITLE_YEAR, _PERIOD_YEAR):
        m = pattern.search(shadow)
        if m:
            return int(m.group(1))
    return None
