"""Regenerate tests/cases/tables.yaml from real excerpts of ../shared/corpus (run from the project root with the venv: python tests/cases/make_tables_yaml.py)."""
import yaml, re
from pathlib import Path
from audit.ingest import load
S = Path("../shared/corpus")
shuyang = (S/"fetched/zxj6827111-blip__KIROGOVCOMPARE/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt").read_text("utf-8").splitlines()
t3_sy = "\n".join(shuyang[96:156])   # 表三 rows 97-156 (markdown, one table per row, placeholder headers)
t4_sy = "\n".join(shuyang[157:173])  # 表四 as three 5-cell tables
t2_sy = "\n".join(shuyang[54:75])
hzq = load(str(S/"fetched/zxj6827111-blip__KIROGOVCOMPARE/hzq2023_working.pdf")).text
a = hzq.find("（本列数据"); b = hzq.find("五、存在的主要问题")
t34_hzq = hzq[a:b]
page004 = (S/"pages/004.txt").read_text("utf-8").splitlines()
t2_004 = "\n".join(page004[28:47]); t3_004 = "\n".join(page004[47:74]); t4_004 = "\n".join(page004[75:79])
p023 = (S/"pages/023.txt").read_text("utf-8")
i = p023.find("一、本年新收"); row023 = p023[i:p023.find("二、上年结转", i)]
p017 = (S/"pages/017.txt").read_text("utf-8")
i = p017.find("第二十条第(一)项"); t2_017 = p017[i:p017.find("第二十条第(五)项", i)]

def sub(text, old, new, count=1):
    assert old in text, old
    return text.replace(old, new, count)

cases = []
def case(id_, source, text, findings, note=None, cells=None, documents=None):
    c = {"id": id_, "source": source}
    if note: c["note"] = note
    if documents: c["documents"] = documents
    else: c["text"] = text
    c["findings"] = findings
    if cells: c["cells"] = cells
    cases.append(c)

SY = "corpus/fetched/…/沭阳县人民政府2025年政府信息公开工作年度报告 (OCR→Markdown)"
case("t3-shuyang-consistent", SY, t3_sy, [], note="2021 表三 exploded into one Markdown table per row under placeholder headers (数据1…数据6) and a wrong header; every identity holds (713+36 = 749 = 718+31)",
     cells={"T3/new/total": "713", "T3/carried/total": "36", "T3/total/total": "718", "T3/forward/total": "31", "T3/other.no_fee/natural": "7"})
case("t3-row-total-differs", SY + ", 新收 总计 changed 713→731", sub(t3_sy, "| 5 | 0 | 713 |", "| 5 | 0 | 731 |"), ["TBL001", "TBL003"],
     note="TBL001: 705+3+0+0+5+0 = 713 ≠ 731; TBL003 总计 column: 731+36 ≠ 718+31")
case("t3-column-total-differs", SY + ", （七）总计 自然人 710→712 and 总计 718→720", sub(t3_sy, "| （七）总计 | 710 | 3 | 0 | 0 | 5 | 0 | 718 |", "| （七）总计 | 712 | 3 | 0 | 0 | 5 | 0 | 720 |"),
     ["TBL002", "TBL002", "TBL003", "TBL003"], note="the outcome rows still add up to 710 / 718; the balance breaks in the same two columns")
case("t3-balance-differs", SY + ", 结转下年度 31→30 in 自然人 and 总计", sub(t3_sy, "| 四、结转下年度继续办理 | 31 | 0 | 0 | 0 | 0 | 0 | 31 |", "| 四、结转下年度继续办理 | 30 | 0 | 0 | 0 | 0 | 0 | 30 |"),
     ["TBL003", "TBL003"])
withheld = "| （三）不予公开 | 32 | 0 | 0 | 0 | 0 | 0 | 32 |\n"
anchor = "| 1. 属于国家秘密 |"
case("t3-subtotal-row-consistent", SY + ", with a （三）不予公开 subtotal row added as local templates print it", sub(t3_sy, anchor, withheld + anchor), [],
     note="constructed: no real report in the corpus prints group subtotals; 0+0+2+2+13+2+4+9 = 32", cells={"T3/withheld/total": "32"})
case("t3-subtotal-row-differs", SY + ", with a （三）不予公开 subtotal row 33", sub(t3_sy, anchor, withheld.replace("32", "33") + anchor), ["TBL004", "TBL004"],
     note="constructed; 自然人 and 总计 subtotals 33 ≠ 32")
case("t4-shuyang-consistent", SY, t4_sy, [], cells={"T4/cases/review.total": "61", "T4/cases/direct_suit.total": "3", "T4/cases/suit_after_review.total": "10"})
HZQ = "corpus/fetched/…/hzq2023_working.pdf (淮安市洪泽区人民政府 2023, as the PDF reader writes its grids)"
case("t3-t4-hzq2023-source-errors", HZQ, t34_hzq, ["TBL005", "TBL005"],
     note="表四 行政复议 10/1/0/0 with 总计 0 and 复议后起诉 5/0/0/0 with 总计 0; 表三 balances (21+0 = 21+0); no title here, so no STR001",
     cells={"T4/cases/review.upheld": "10", "T4/cases/review.total": "0", "T3/new/total": "21", "T3/other/total": "0"})
case("t3-2019-layout-in-2023-report", HZQ + ", with its title line", "洪泽区人民政府\n2023 年政府信息公开工作年度报告\n" + t34_hzq, ["STR001", "TBL005", "TBL005"],
     note="the single （六）其他处理 row is the 2019 trial layout; a 2023 report must use the 2021 one")
case("t3-2021-layout-in-2025-report", SY + ", with its title line", "沭阳县人民政府2025年政府信息公开工作年度报告\n" + t3_sy, [])
P004 = "corpus/pages/004.txt (上海市人民政府办公厅 2019, ' | '-joined rows)"
case("t2-2019-unit-in-cell", P004, t2_004, ["TBL006"], note="采购总金额 '251000元': a unit in the cell",
     cells={"T2/rules/public_total": "524", "T2/procurement/amount": "251000元", "T2/fees/change": "0"})
case("t2-2021-amount-decimals", SY, t2_sy, [], note="收费金额 4068.208 万元 is a number in its column", cells={"T2/fees/amount": "4068.208", "T2/normative/in_force": "32"})
case("t3-2019-blank-cells", P004, t3_004, ["PLH001"], note="126 blank cells (总计 blank for every outcome row); every identity holds with blanks as unknown counts",
     cells={"T3/open/natural": "258", "T3/open/total": "", "T3/total/total": "805"})
case("t4-blank-cells", P004, "四、政府信息公开行政复议、行政诉讼情况\n" + t4_004, ["PLH001"], cells={"T4/cases/review.total": "7", "T4/cases/direct_suit.total": "9"})
case("t3-row-blank-applicants", "corpus/pages/023.txt (one cell per line)", row023, ["PLH001"], cells={"T3/new/natural": "56", "T3/new/business": "", "T3/new/total": "56"})
case("t2-slash-placeholders", "corpus/pages/017.txt (one cell per line, '/' for 规章)", t2_017, ["PLH001"], cells={"T2/rules/issued": "/", "T2/normative/in_force": "0"})
case("t3-collapsed-blanks-not-read", "corpus/pages/002.txt", "一、本年新收政府信息公开申请数量 |\n3 |\n3 |\n|||||||\n二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n|||||||\n", [],
     note="the flattening put the filled cells first and collapsed the blanks into one line: positions are lost, so the rows are not read (no guess, no finding)", cells={"T3/new/total": None})
narr = "三、收到和处理政府信息公开申请情况\n2025年，本机关共收到政府信息公开申请713件，上年结转政府信息公开申请36件，办结718件，结转下年度继续办理31件。\n"
case("text-agrees-with-table", SY + " (sentence written from its figures)", narr + t3_sy, [], note="constructed sentence with the table's own figures")
case("text-differs-from-table", SY + " (sentence with 新收 703)", narr.replace("713件", "703件") + t3_sy, ["CON002"])
case("text-counts-carried-over", SY, narr.replace("713件", "749件").replace("，上年结转政府信息公开申请36件", "") + t3_sy, [],
     note="共收到 749 = 新收 713 + 上年结转 36: the text counts the carried-over applications, which T3-8 allows")
P4TEXT = "市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%；不予处理158件，占19.6%；其他处理0件。信息公开类行政复议7件，诉讼9件，均获维持。\n"
case("text-vs-2019-table-004", P004, P4TEXT + t3_004 + "\n四、政府信息公开行政复议、行政诉讼情况\n" + t4_004,
     ["CON002", "CON002", "PLH001", "PLH001", "PCT001", "PCT002"],
     note="859, 805, 18, 72, 35, 158, 0, 7 and 9 agree with the tables; 258 vs 予以公开 272 + 部分公开 3 = 275 and 265 vs 337 do not (evaluators.md §C)")
trad = "一、本年新收政府信息公開申請數量 | 705 | 3 | 0 | 0 | 5 | 0 | 713\n二、上年結轉政府信息公開申請數量 | 36 | 0 | 0 | 0 | 0 | 0 | 36\n"
case("traditional-script-labels", "沭阳 rows written in Traditional script", trad, [], cells={"T3/new/total": "713", "T3/carried/natural": "36"})
typos = "（二）部分公开（区分处理的，只计这一情况，不计其他情形） | 3 | 0 | 0 | 0 | 0 | 0 | 3\n2.其他法律行政止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n5.属于三类内容事务信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n"
case("label-typos", "label typos of 023 and hzq2023", typos, [], cells={"T3/partial/total": "3", "T3/withheld.law/total": "1", "T3/withheld.internal/total": "2"})
def yoy(prev_fwd):
    """A 2024 report of the same body: 结转下年度 = prev_fwd, 上年结转 moved so its table still balances."""
    carried = 36 + prev_fwd - 31
    a = sub(t3_sy, "| 四、结转下年度继续办理 | 31 | 0 | 0 | 0 | 0 | 0 | 31 |", f"| 四、结转下年度继续办理 | {prev_fwd} | 0 | 0 | 0 | 0 | 0 | {prev_fwd} |")
    a = sub(a, "| 上年结转政府信息公开申请数量 | 36 | 0 | 0 | 0 | 0 | 0 | 36 |", f"| 上年结转政府信息公开申请数量 | {carried} | 0 | 0 | 0 | 0 | 0 | {carried} |")
    return "沭阳县人民政府2024年政府信息公开工作年度报告\n" + a
case("carry-over-agrees", SY + ", a 2024 report constructed from the 2025 one", None, {"2024": [], "2025": []},
     documents=[{"name": "2024", "text": yoy(36)}, {"name": "2025", "text": "沭阳县人民政府2025年政府信息公开工作年度报告\n" + t3_sy}],
     note="constructed pair: 2024 carries 36 forward, 2025 carries 36 over")
case("carry-over-differs", SY + ", a 2024 report constructed from the 2025 one", None, {"2024": [], "2025": ["TBL007", "TBL007"]},
     documents=[{"name": "2024", "text": yoy(40)}, {"name": "2025", "text": "沭阳县人民政府2025年政府信息公开工作年度报告\n" + t3_sy}],
     note="constructed pair: 2024 carried 40 forward, 2025 says 36 carried over (自然人 and 总计)")
Path("tests/cases/tables.yaml").write_text(
    "# Standard tables: real table text (sources named), what is read and what the audit says.\n"
    "# Generated from the corpus by hand-picked excerpts; 'constructed' notes say where a case was edited.\n"
    "# cells: 'table/row/column' -> the cell text as read ('' blank; null: the cell is not read).\n"
    + yaml.safe_dump(cases, allow_unicode=True, sort_keys=False, width=200), "utf-8")
print(len(cases))
