"""Figures the prose states for quantities the standard tables also hold.

A report says 共受理政府信息公开申请859件 in its text and prints 859 as 表三's
新收 总计; the two must agree (template.md T3-8, T4-5). A statement is read when
a figure in 件 follows one of the cues below immediately (only 的/有/为/共/计/
数量 may stand between), in a sentence that names no other scope (全省, 全市…)
and no body acting for another (区政府办代表区政府受理…), no change (同比,
较上年…) and no other year, outside the tables themselves.

| cue before the figure                         | table figure                             |
|-----------------------------------------------|------------------------------------------|
| 收到/受理/新收/接收…申请                        | 表三 新收 总计 (or 新收 + 上年结转, when the text's figure is that sum) |
| 办结/答复…申请                                 | 表三 （七）总计                            |
| 上年结转…申请                                  | 表三 上年结转 总计                          |
| 结转下年度… / figure then 顺延/结转到下年度      | 表三 结转下年度继续办理 总计                |
| 予以公开及部分公开, 全部或部分公开              | 表三 予以公开 + 部分公开                     |
| 予以公开 / 部分公开 / 不予公开 / 无法提供 / 不予处理 / 其他处理 | that result row, or the sum of its sub-rows |
| 行政复议                                       | 表四 行政复议 总计                           |
| 行政诉讼, 诉讼                                 | 表四 直接起诉 总计 + 复议后起诉 总计          |

A row's figure is its 总计 cell; when that cell is empty, the sum of the
row's applicant cells (empty ones counted as 0), as evaluators read such
tables. A figure that cannot be formed (a row not read, a text cell) gives no
statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from audit.extract import standard as std
from audit.extract.segments import Segmenter
from audit.extract.vocab import DELTA_WORD, SCOPE_WORD
from audit.model import Approx, Number, StandardTable, TableCell, TableStatement, plain_number

# One body acting for another (区政府办代表区政府受理…): whose applications the figure counts is unclear.
_ON_BEHALF = re.compile(r"代表[^，,。；;]{0,10}(?:政府|机关|部门|单位)")
_FILLER = r"(?:的|有|为|共|共计|计|达|数量|数|总数|总量|案件|申请|答复|决定)*"
_APPLY = r"(?:政府信息公开|信息公开|依申请公开)?(?:申请)?"


@dataclass(frozen=True, slots=True)
class _Quantity:
    label: str
    cue: re.Pattern[str]
    table: str
    rows: tuple[str, ...]  # T3 row ids (or group ids) or T4 group ids, summed


def _q(label: str, cue: str, table: str, *rows: str) -> _Quantity:
    return _Quantity(label, re.compile(f"(?:{cue}){_FILLER}$"), table, rows)


# Order matters: the first cue that matches names the quantity.
_QUANTITIES = (
    _q("予以公开及部分公开", r"予以公开(?:及|和|与|、)部分公开|全部或部分公开|全部公开(?:及|和|、)部分公开", std.T3, "open", "partial"),
    _q("本年新收申请", rf"(?:新收|收到|受理|接收|接到){_APPLY}", std.T3, "new"),
    _q("上年结转申请", rf"上年度?结转{_APPLY}", std.T3, "carried"),
    _q("结转下年度", r"(?:结转|转|顺延)(?:至|到|入)?下一?年度?(?:继续)?(?:办理|答复)*", std.T3, "forward"),
    # 办结/答复 only as the clause's verb: 同意公开答复9件 is an outcome, not the total.
    _q("办结申请", rf"(?:^|共|已|均已|依法|全年|本年度?|累计)(?:办结|答复|办理完毕|办理完成){_APPLY}", std.T3, "total"),
    _q("予以公开", r"予以公开", std.T3, "open"),
    _q("部分公开", r"部分公开", std.T3, "partial"),
    _q("不予公开", r"不予公开", std.T3, "withheld"),
    _q("无法提供", r"无法提供", std.T3, "unavailable"),
    _q("不予处理", r"不予处理", std.T3, "rejected"),
    _q("其他处理", r"其他处理", std.T3, "other"),
    _q("行政复议", r"行政复议", std.T4, "review"),
    _q("行政诉讼", r"(?:行政)?诉讼", std.T4, "direct_suit", "suit_after_review"),
)
_FORWARD_AFTER = re.compile(r"^(?:件)?(?:申请)?[^，,；;。\d]{0,14}?(?:顺延|结转|转)(?:至|到|入)?下一?年度?")
_OTHER_YEAR = re.compile(r"(?:19|20)\d{2}\s*年|上年|去年|上一年")
_UNITS = ("件",)


def find_table_statements(
    shadow: str, numbers: list[Number], tables: list[StandardTable], seg: Segmenter
) -> list[TableStatement]:
    by_table = {t.table: t for t in tables}
    if not by_table:
        return []
    in_tables = [t.span for t in tables]
    out: list[TableStatement] = []
    for n in numbers:
        if n.unit not in _UNITS or n.approx is not Approx.EXACT:
            continue
        if any(s.start <= n.span.start < s.end for s in in_tables):
            continue
        quantity = _quantity(shadow, n, seg)
        if quantity is None or quantity.table not in by_table:
            continue
        figure = _figure(by_table[quantity.table], quantity)
        if figure is None:
            continue
        value, cells, working = figure
        if quantity.rows == ("new",) and value != n.value:
            carried = _row_figure(by_table[std.T3], "carried")
            if carried is not None and value + carried[0] == n.value:
                continue  # 共收到 counted with the applications carried over: both agree
        out.append(TableStatement(n, quantity.label, value, cells, working))
    return out


def _quantity(shadow: str, n: Number, seg: Segmenter) -> _Quantity | None:
    clause = shadow[seg.clause_start(n.span.start) : n.span.start].replace(" ", "")
    sentence = shadow[seg.sentence_start(n.span.start) : seg.sentence_end(n.span.end)]
    if SCOPE_WORD.search(sentence) or _ON_BEHALF.search(sentence) or DELTA_WORD.search(clause):
        return None
    for quantity in _QUANTITIES:
        if quantity.cue.search(clause):
            if quantity.rows != ("carried",) and _OTHER_YEAR.search(clause):
                return None
            return quantity
    after = shadow[n.span.end : n.span.end + 24]
    if _FORWARD_AFTER.match(after.replace(" ", "")):
        return next(q for q in _QUANTITIES if q.rows == ("forward",))
    return None


def _figure(table: StandardTable, quantity: _Quantity) -> tuple[Fraction, tuple[TableCell, ...], str] | None:
    """The table's figure for ``quantity``, the cells it comes from, and how it was formed."""
    total = Fraction(0)
    cells: list[TableCell] = []
    working: list[str] = []
    for row in quantity.rows:
        got = _row_figure(table, row) if table.table == std.T3 else _t4_figure(table, row)
        if got is None:
            return None
        value, row_cells, how = got
        total += value
        cells += row_cells
        working.append(how)
    return total, tuple(cells), " + ".join(working)


def _row_figure(table: StandardTable, row: str) -> tuple[Fraction, list[TableCell], str] | None:
    cell = table.cell(row, "total")
    if cell is not None and cell.value is not None:
        return cell.value, [cell], f"{_row_name(cell)} {plain_number(cell.value)}"
    if cell is not None:
        parts = [table.cell(row, c) for c in std.APPLICANT_PARTS]
        if all(parts) and any(p.value is not None for p in parts if p):
            value = sum((p.value or Fraction(0) for p in parts if p), Fraction(0))
            return value, [p for p in parts if p], f"{_row_name(cell)} {plain_number(value)}（总计栏空白，按各栏之和）"
        return None
    members = [r.id for r in std.layout_of(table).rows if r.group == row]
    if not members:
        return None
    got = [_row_figure(table, m) for m in members]
    if any(g is None for g in got):
        return None
    value = sum((g[0] for g in got if g), Fraction(0))
    label = next(g.label for g in std.layout_of(table).groups if g.id == row)
    return value, [c for g in got if g for c in g[1]], f"{label} {plain_number(value)}（各子项之和）"


def _t4_figure(table: StandardTable, group: str) -> tuple[Fraction, list[TableCell], str] | None:
    cell = table.cell("cases", f"{group}.total")
    if cell is None or cell.value is None:
        return None
    return cell.value, [cell], f"{cell.column_label} {plain_number(cell.value)}"


def _row_name(cell: TableCell) -> str:
    return re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.]", "", cell.row_label).split("（")[0]
