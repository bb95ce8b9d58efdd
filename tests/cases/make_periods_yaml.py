"""Regenerate tests/cases/periods.yaml from the real texts it quotes.

Every case is cut from a sample or a corpus page (named in ``source``); a case
whose text was edited says how in ``constructed``. Run from the project root
with ../shared present: ``python tests/cases/make_periods_yaml.py``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def read(source: str) -> str:
    base = ROOT if source.startswith("samples/") else SHARED
    text = (base / source).read_text("utf-8")
    if source.startswith("corpus/pages/"):  # drop the 'source:' and 'excerpt:' lines
        text = text.split("\n", 2)[2]
    return text


def cut(source: str, start: str, end: str, *, include_end: bool = True) -> str:
    """The text of ``source`` from ``start`` up to (and with) ``end``."""
    text = read(source)
    i = text.index(start)
    j = text.index(end, i) + (len(end) if include_end else 0)
    return text[i:j]


def write(family: str, header: str, cases: list[dict]) -> None:
    """Write tests/cases/<family>.yaml: the header comment, then the cases (ids must be unique)."""
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate ids"
    body = yaml.safe_dump(cases, allow_unicode=True, sort_keys=False, width=100)
    (ROOT / "tests" / "cases" / f"{family}.yaml").write_text(header + body, encoding="utf-8")


def lines(source: str, *pieces: tuple[str, str]) -> str:
    return "\n".join(cut(source, a, b) for a, b in pieces)


S002 = "samples/002_20fa491b52b245f1.txt"
S001 = "samples/001_cd2b5c8018a8e336.txt"
S003 = "samples/003_1e027fe9f1c79ffa.txt"
S000 = "samples/000_be58ca886fa7a997.txt"
S004 = "samples/004_0b8747fa09b50922.txt"

CASES = [
    {
        "id": "002-title-2012-body-2013",
        "source": S002,
        "note": "the title says 2012; seven statements of the body open with 2013; the page is dated 2013-01-09 and cites 江政办发〔2014〕 1号",
        "text": read(S002),
        "findings": ["PER001", "PER006", "STR008"],
        "dating": {"report_year": 2012, "source": "title", "body_year": 2013, "published": "2013-01-09",
                   "issuer": "江山市行政服务中心管理办公室", "issuer_type": "department", "deadline": "2013-03-31"},
    },
    {
        "id": "001-title-period-body-agree",
        "source": S001,
        "note": "title 2017年度, period 2017年1月1日至12月31日, body 2017; the plan 确保在2018年7月底前 is in 七、存在問題及下一步工作打算",
        "text": read(S001),
        "findings": ["STR005", "STR007", "STR008"],
        "dating": {"report_year": 2017, "source": "title", "body_year": 2017, "period": "2017-01-01/2017-12-31",
                   "issuer": "巢湖市人民政府", "issuer_type": "government", "deadline": "2018-03-31"},
    },
    {
        "id": "003-dated-2019-01-30-cites-2019",
        "source": S003,
        "note": "a 2018 report signed 普洱市思茅区人民政府 2019年1月30日 that cites 普府办明电〔2019〕4号 and plans for 2019 in section 十三",
        "text": read(S003),
        "findings": ["SUM002", "PLH002", "PLH003", "PLH007", "STR002"],
        "dating": {"report_year": 2018, "source": "title", "period": "2018-01-01/2018-12-31", "signed": "2019-01-30",
                   "issuer": "普洱市思茅区人民政府", "issuer_type": "government", "deadline": "2019-03-31"},
    },
    {
        "id": "002-body-without-title-dated-in-its-year",
        "source": S002,
        "constructed": "002 without its title line: the body's year 2013 becomes the report year, and the page date 2013-01-09 falls inside it",
        "text": read(S002).replace("江山市行政服务中心管理办公室2012年政府信息公开工作年度报告\n", ""),
        "findings": ["PER004", "PER006", "STR008"],
        "dating": {"report_year": 2013, "source": "statements", "published": "2013-01-09"},
    },
    {
        "id": "renshebu-period-ends-before-it-starts",
        "source": "domain/evaluators.md B8 (人社部 2010 report, as quoted by 郑州晚报)",
        "constructed": "the quoted period and date line, in the period sentence's usual wording (the title is not quoted)",
        "text": "本年度报告中所列数据的统计期限自2010年1月1日起至2009年12月31日止。\n二〇一〇年三月三十一日",
        "findings": ["PER002"],
        "dating": {"report_year": 2010, "source": "period", "period": "2010-01-01/2009-12-31", "signed": "2010-03-31"},
    },
    {
        "id": "013-period-calendar-year",
        "source": "corpus/pages/013.txt",
        "text": cut("corpus/pages/013.txt", "朔州市人力资源和社会保障局", "12月31日止。"),
        "findings": [],
        "dating": {"report_year": 2011, "period": "2011-01-01/2011-12-31",
                   "issuer": "朔州市人力资源和社会保障局", "issuer_type": "department"},
    },
    {
        "id": "013-period-not-a-calendar-year",
        "source": "corpus/pages/013.txt",
        "constructed": "013's period sentence with the start moved to 2010年12月1日 and the end to 11月30日",
        "text": cut("corpus/pages/013.txt", "朔州市人力资源和社会保障局", "12月31日止。")
        .replace("自2011年1月1日起至12月31日止", "自2010年12月1日起至2011年11月30日止"),
        "findings": ["PER001", "PER003"],
        "dating": {"report_year": 2011, "period": "2010-12-01/2011-11-30"},
    },
    {
        "id": "086-department-published-by-january-31",
        "source": "corpus/pages/086.txt",
        "note": "a department's 2019 report, 发布日期 2020-01-15: the 2019 regulation's 1月31日 applies",
        "text": cut("corpus/pages/086.txt", "威海市文登区科学技术局2019年度信息公开报告", "11:47:52"),
        "findings": [],
        "dating": {"report_year": 2019, "published": "2020-01-15", "issuer": "威海市文登区科学技术局",
                   "issuer_type": "department", "deadline": "2020-01-31"},
    },
    {
        "id": "086-department-published-in-february",
        "source": "corpus/pages/086.txt",
        "constructed": "086's 发布日期 moved from 2020-01-15 to 2020-02-15",
        "text": cut("corpus/pages/086.txt", "威海市文登区科学技术局2019年度信息公开报告", "11:47:52")
        .replace("2020-01-15", "2020-02-15"),
        "findings": ["PER005"],
        "dating": {"report_year": 2019, "published": "2020-02-15", "deadline": "2020-01-31"},
    },
    {
        "id": "076-government-published-in-march",
        "source": "corpus/pages/076.txt",
        "constructed": "076's title with a 发布日期 line of 2021-03-05 added: a local government's report is due by 3月31日",
        "text": "深圳市人民政府2020年政府信息公开工作年度报告\n发布日期:2021-03-05",
        "findings": [],
        "dating": {"report_year": 2020, "issuer": "深圳市人民政府", "issuer_type": "government", "deadline": "2021-03-31"},
    },
    {
        "id": "080-department-published-in-march",
        "source": "corpus/pages/080.txt",
        "constructed": "080's title with a 发布日期 line of 2024-03-05 added: a department's report is due by 1月31日",
        "text": "深圳市城市管理和综合执法局2023年度政府信息公开工作年度报告\n发布日期:2024-03-05",
        "findings": ["PER005"],
        "dating": {"report_year": 2023, "issuer_type": "department", "deadline": "2024-01-31"},
    },
    {
        "id": "008-2009-report-under-the-2008-regulation",
        "source": "corpus/pages/008.txt",
        "note": "a 2009 report signed 2010年3月10日: the 2008 regulation's 3月31日 applies to every body",
        "text": read("corpus/pages/008.txt"),
        "findings": ["PCT001", "SUM003"],
        "dating": {"report_year": 2009, "signed": "2010-03-10", "issuer_type": "department", "deadline": "2010-03-31"},
    },
    {
        "id": "001-plan-for-next-year-in-plans-section",
        "source": S001,
        "note": "七、存在問題及下一步工作打算 names 2018年7月底前: a plan, not a statement about 2018",
        "text": "巢湖市人民政府2017年度政府信息公開工作年度報告\n" + cut(S001, "七、", "新台階。"),
        "findings": [],
        "dating": {"report_year": 2017},
    },
    {
        "id": "002-plan-sentence-for-next-year",
        "source": S002,
        "note": "(二)改进措施: 2014年,本中心将继续… — a plan (将, 力争)",
        "text": "江山市行政服务中心管理办公室2013年政府信息公开工作年度报告\n" + cut(S002, "(二)改进措施", "再上新台阶。"),
        "constructed": "the title's year set to 2013 (the year the body reports)",
        "findings": [],
    },
    {
        "id": "004-next-year-statements-under-a-2018-title",
        "source": S004,
        "constructed": "a title line for 2018 (the year of the piece's statistics) put above its two 2019年上半年 sentences",
        "text": "湖北省2018年政府信息公开工作年度报告\n" + cut(S004, "2019年上半年,“湖北应急管理”", "。")
        + "\n" + cut(S004, "2019年上半年采取", "。"),
        "findings": ["PER007"],
    },
    {
        "id": "004-next-year-statements-without-a-stated-year",
        "source": S004,
        "note": "the piece has no title or period; its year 2018 is only inferred from its statements, so later years are not held against it",
        "text": read(S004),
        "findings": ["SUM001", "STR008"],
        "dating": {"report_year": 2018, "source": "statements"},
    },
    {
        "id": "000-as-of-september-in-a-2017-summary",
        "source": S000,
        "note": "截至9月19日 and 截至5月中旬 in a text about 2017",
        "text": read(S000),
        "findings": ["PER008", "STR007"],
        "dating": {"report_year": 2017, "source": "statements"},
    },
    {
        "id": "022-as-of-year-end",
        "source": "corpus/pages/022.txt",
        "text": cut("corpus/pages/022.txt", "重庆市大足区人民政府外事办公室政府信息公开工作2022年度报告", "\n", include_end=False)
        + "\n" + cut("corpus/pages/022.txt", "本单位对政府信息进行了梳理和编目", "专栏中公开)。"),
        "findings": [],
        "dating": {"report_year": 2022, "issuer": "重庆市大足区人民政府外事办公室", "issuer_type": "department"},
    },
    {
        "id": "003-as-of-year-end-cut-off",
        "source": S003,
        "text": "思茅区2018年政府信息公开工作年度报告\n" + cut(S003, "截止2018年底", "。"),
        "constructed": "a title line for 003's year put above its sentence",
        "findings": [],
    },
    {
        "id": "086-garbled-period",
        "source": "corpus/pages/086.txt",
        "text": cut("corpus/pages/086.txt", "威海市文登区科学技术局2019年度信息公开报告", "11:47:52")
        + "\n" + cut("corpus/pages/086.txt", "本报告中所列数据的统计时限", "止。"),
        "findings": ["PER009"],
        "dating": {"report_year": 2019, "period": None},
    },
]


def main() -> None:
    header = (
        "# Periods, dates and deadlines (PER001–PER009): real text (sources named), what is read and\n"
        "# what the audit says. 'constructed' says where a case was edited. Regenerate with\n"
        "# tests/cases/make_periods_yaml.py.\n"
    )
    write("periods", header, CASES)


if __name__ == "__main__":
    main()
