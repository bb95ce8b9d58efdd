"""The standard tables of the report format: rows, columns and the identities they imply.

Source: ``../shared/domain/template.md`` §3–§4 (国办公开办函〔2019〕60号 trial format,
used for the 2019 and 2020 reports; 国办公开办函〔2021〕30号, from the 2021 reports on).

* 表二 主动公开政府信息情况 (``T2``): blocks of 第二十条, a row per kind of
  document or decision; its columns changed completely in 2021.
* 表三 收到和处理政府信息公开申请情况 (``T3``): the same seven applicant columns
  in both versions; 25 leaf rows in 2021, 23 in 2019 (where （六）其他处理 is
  one row instead of three). Group rows （三）–（六） carry no cells in the
  official layout; some local templates add subtotal cells to them.
* 表四 行政复议、行政诉讼 (``T4``): one row of 15 cells, identical in both.

A row is matched by its label (see ``aliases``); columns are taken in the
official order, because real reports keep that order while their header
rows are the most damaged part of a copied table (placeholder headers such
as 数据1…数据6, headers of another table, one character per line).
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.model import StandardTable

T2, T3, T4 = "T2", "T3", "T4"
TABLE_NAMES = {
    T2: ("表二 主动公开政府信息情况", "Table 2 (proactive disclosure)"),
    T3: ("表三 收到和处理政府信息公开申请情况", "Table 3 (applications received and handled)"),
    T4: ("表四 政府信息公开行政复议、行政诉讼情况", "Table 4 (administrative review and litigation)"),
}

V2019, V2021 = "2019", "2021"


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    label: str
    # "count": a non-negative integer; "signed": an integer that may be negative
    # (本年增/减); "amount": a non-negative decimal (万元).
    measure: str = "count"


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    label: str  # the official label, numbering included
    columns: tuple[Column, ...]
    group: str | None = None  # id of the group row it belongs to (T3 results)
    # Extra labels the row is known by (normalised form, see tables.normalize_label).
    aliases: tuple[str, ...] = ()
    # True when the bare label is too common to name the row without its number
    # (3.其他 is also a column header; （七）总计 too).
    needs_number: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    table: str
    version: str
    rows: tuple[Row, ...]
    groups: tuple[Row, ...] = ()  # optional subtotal rows (T3 （三）–（六）)


# ----------------------------------------------------------------------- 表三

APPLICANTS = (
    Column("natural", "自然人"),
    Column("business", "商业企业"),
    Column("research", "科研机构"),
    Column("public_welfare", "社会公益组织"),
    Column("legal", "法律服务机构"),
    Column("other", "其他"),
    Column("total", "总计"),
)
APPLICANT_PARTS = tuple(c.id for c in APPLICANTS[:-1])


def _t3(id_: str, label: str, group: str | None = None, *aliases: str, needs_number: bool = False) -> Row:
    return Row(id_, label, APPLICANTS, group, aliases, needs_number)


_T3_HEAD = (
    _t3("new", "一、本年新收政府信息公开申请数量"),
    _t3("carried", "二、上年结转政府信息公开申请数量"),
    _t3("open", "（一）予以公开", "results"),
    _t3("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "results", "部分公开"),
    _t3("withheld.secret", "1.属于国家秘密", "withheld"),
    _t3("withheld.law", "2.其他法律行政法规禁止公开", "withheld"),
    _t3("withheld.security", "3.危及“三安全一稳定”", "withheld"),
    _t3("withheld.third_party", "4.保护第三方合法权益", "withheld"),
    _t3("withheld.internal", "5.属于三类内部事务信息", "withheld"),
    _t3("withheld.process", "6.属于四类过程性信息", "withheld"),
    _t3("withheld.enforcement", "7.属于行政执法案卷", "withheld"),
    _t3("withheld.query", "8.属于行政查询事项", "withheld"),
    _t3("unavailable.not_held", "1.本机关不掌握相关政府信息", "unavailable"),
    _t3("unavailable.to_make", "2.没有现成信息需要另行制作", "unavailable"),
    _t3("unavailable.unclear", "3.补正后申请内容仍不明确", "unavailable"),
    _t3("rejected.petition", "1.信访举报投诉类申请", "rejected"),
    _t3("rejected.repeat", "2.重复申请", "rejected"),
    _t3("rejected.publication", "3.要求提供公开出版物", "rejected"),
    _t3("rejected.excessive", "4.无正当理由大量反复申请", "rejected"),
    _t3("rejected.confirm", "5.要求行政机关确认或重新出具已获取信息", "rejected"),
)
_T3_TAIL = (
    _t3("total", "（七）总计", None, needs_number=True),
    _t3("forward", "四、结转下年度继续办理"),
)
_T3_OTHER_2021 = (
    _t3("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other"),
    _t3("other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other"),
    _t3("other.other", "3.其他", "other", needs_number=True),
)
_T3_OTHER_2019 = (_t3("other", "（六）其他处理", "results"),)
_T3_GROUPS = (
    _t3("withheld", "（三）不予公开", "results"),
    _t3("unavailable", "（四）无法提供", "results"),
    _t3("rejected", "（五）不予处理", "results"),
)

T3_2021 = Layout(T3, V2021, _T3_HEAD + _T3_OTHER_2021 + _T3_TAIL, _T3_GROUPS + (_t3("other", "（六）其他处理", "results"),))
T3_2019 = Layout(T3, V2019, _T3_HEAD + _T3_OTHER_2019 + _T3_TAIL, _T3_GROUPS)

# Rows whose sum is （七）总计: every result row (leaf rows of groups included).
T3_RESULT_GROUPS = frozenset({"results", "withheld", "unavailable", "rejected", "other"})

# ----------------------------------------------------------------------- 表四

_T4_OUTCOMES = (("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计"))
T4_GROUPS = (("review", "行政复议"), ("direct_suit", "行政诉讼·未经复议直接起诉"), ("suit_after_review", "行政诉讼·复议后起诉"))
T4_LAYOUT = Layout(
    T4,
    V2021,
    (
        Row(
            "cases",
            "政府信息公开行政复议、行政诉讼情况",
            tuple(Column(f"{g}.{o}", f"{glabel}·{olabel}") for g, glabel in T4_GROUPS for o, olabel in _T4_OUTCOMES),
        ),
    ),
)
T4_PARTS = tuple(o for o, _ in _T4_OUTCOMES[:-1])

# ----------------------------------------------------------------------- 表二

_DOCS_2021 = (Column("issued", "本年制发件数"), Column("repealed", "本年废止件数"), Column("in_force", "现行有效件数"))
_DECISIONS_2021 = (Column("decisions", "本年处理决定数量"),)
T2_2021 = Layout(
    T2,
    V2021,
    (
        Row("rules", "规章", _DOCS_2021),
        Row("normative", "行政规范性文件", _DOCS_2021, None, ("规范性文件",)),
        Row("licensing", "行政许可", _DECISIONS_2021),
        Row("penalty", "行政处罚", _DECISIONS_2021),
        Row("enforcement", "行政强制", _DECISIONS_2021),
        Row("fees", "行政事业性收费", (Column("amount", "本年收费金额（单位：万元）", "amount"),)),
    ),
)
_DOCS_2019 = (Column("made", "本年新制作数量"), Column("published", "本年新公开数量"), Column("public_total", "对外公开总数量"))
_ITEMS_2019 = (Column("previous_items", "上一年项目数量"), Column("change", "本年增/减", "signed"))
_DECISIONS_2019 = _ITEMS_2019 + (Column("decisions", "处理决定数量"),)
T2_2019 = Layout(
    T2,
    V2019,
    (
        Row("rules", "规章", _DOCS_2019),
        Row("normative", "规范性文件", _DOCS_2019, None, ("行政规范性文件",)),
        Row("licensing", "行政许可", _DECISIONS_2019),
        Row("other_services", "其他对外管理服务事项", _DECISIONS_2019),
        Row("penalty", "行政处罚", _DECISIONS_2019),
        Row("enforcement", "行政强制", _DECISIONS_2019),
        Row("fees", "行政事业性收费", _ITEMS_2019),
        Row("procurement", "政府集中采购", (Column("items", "采购项目数量"), Column("amount", "采购总金额", "amount"))),
    ),
)
# Header words that tell the two 表二 versions apart.
T2_VERSION_WORDS = {
    V2021: ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"),
    V2019: ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额"),
}

LAYOUTS = {T2: (T2_2021, T2_2019), T3: (T3_2021, T3_2019), T4: (T4_LAYOUT,)}


def layout_of(table: StandardTable) -> Layout:
    """The layout a read table follows: its version's; when the version is unknown, the
    layout its cells fit best (the 2021 one of equals: the rows both share read the same)."""
    layouts = LAYOUTS[table.table]
    for layout in layouts:
        if layout.version == table.version:
            return layout
    keys = {(c.row, c.column) for c in table.cells}
    # max() keeps the first of equals, and each table's 2021 layout comes first.
    return max(layouts, key=lambda l: len(keys & {(r.id, c.id) for r in l.rows for c in r.columns}))
