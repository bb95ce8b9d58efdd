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


# The body a report is from, as its title names it: 淮安市洪泽区人民政府2023年政府信息公开工作年度报告.
_TITLE_ISSUER = re.compile(
    r"^\s*(?:[（(]?\d{4}[)）]?\s*)?([^\s，,。:：0-9]{2,40}?)\s*(?:关于)?\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年度?\s*政府信息公开(?:工作)?(?:年度)?报告[ \t]*$",
    re.MULTILINE,
)


def find_issuer(shadow: str) -> str | None:
    """The issuing body named before the year in the title line, or None.

    Only a title line counts (the line holds the title and nothing else, so a
    sentence citing another body's report is not one); the body must end like one (政府, 办公厅,
    局, 委员会, 委, 办, 中心…) so a slogan before the year is not taken.
    """
    for m in _TITLE_ISSUER.finditer(shadow[:3000]):
        name = m.group(1)
        if re.search(r"(政府|办公厅|办公室|局|委员会|委|办|中心|院|署|厅|部|会|所|站|处|队)$", name):
            return name
    return None
