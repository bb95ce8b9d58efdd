"""The placeholder claim kind: every slot of a document as one row GX can check.

One row per slot (``Slot``, read by ``extract/placeholders.py``). The value sits
in the column named by the slot's kind (``figure``, ``ordinal``, ``year``,
``field``, ``attachment``, ``mark``); the other columns are empty, and GX's
regex expectations skip empty cells, so each expectation of
``expectations/placeholders.json`` reads only its own kind. ``attached`` says
whether a named statistics table follows (``yes``/``no``), empty when that
cannot be told. The failing slots of one rule in one document are one finding.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from audit.checks.kinds import Description, items_kind
from audit.model import Slot

_KINDS = ("figure", "ordinal", "year", "field", "attachment", "mark")


def _row(s: Slot) -> dict[str, Any]:
    row: dict[str, Any] = {kind: None for kind in _KINDS}
    row[s.kind] = s.value
    row["attached"] = None if s.attached is None else ("yes" if s.attached else "no")
    return row


def _what(s: Slot) -> tuple[str, str]:
    """What is missing at ``s``, in zh and en (the label on one line)."""
    s = replace(s, label=re.sub(r"\s*\n\s*", "", s.label))
    if s.kind == "figure":
        return f"「{s.label}」缺少数字", f"「{s.label}」has no figure"
    if s.kind == "ordinal":
        return f"「{s.label}」缺少序号", f"「{s.label}」has no number after 第"
    if s.kind == "year":
        return f"「{s.label}」缺少年份", f"「{s.label}」has no year"
    if s.kind == "field":
        return f"「{s.label}:」未填写", f"「{s.label}:」is empty"
    if s.kind == "attachment" and s.value:
        return f"「{s.label}」未附在文中", f"「{s.label}」does not follow in the text"
    if s.kind == "attachment":
        return f"「{s.label}」后为空", f"nothing follows「{s.label}」"
    return f"「{s.label}」中的「{s.value}」", f"「{s.value}」in「{s.label}」"


def _observed(slots: list[Slot]) -> str:
    """What stands where a value belongs: the marks left in, 空白 (blank), or 未附 (not attached)."""
    if slots[0].kind == "mark":
        return "、".join(dict.fromkeys(s.value for s in slots))
    if all(s.kind == "attachment" and s.value for s in slots):
        return "未附"
    return "空白"


def _describe(slots: list[Slot]) -> Description:
    slots = sorted(slots, key=lambda s: s.span.start)  # two expectations of one rule may each add slots
    zh, en = zip(*(_what(s) for s in slots))
    return Description(
        fields={"count": str(len(slots)), "places": "；".join(zh), "places_en": "; ".join(en)},
        arithmetic="",  # nothing to work out: the message names each place
        expected="已填写" if slots[0].kind != "mark" else "无模板标记",
        observed=_observed(slots),
        spans=tuple(s.span for s in slots),
    )


SLOT_KIND = items_kind("slots", (*_KINDS, "attached"), lambda f: f.slots, _row, _describe)
