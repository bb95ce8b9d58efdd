"""A generator of realistic benchmark corpora of 政府信息公开工作年度报告.

What the corpus is
    ``generate(out_dir, n)`` writes ``n`` UTF-8 text reports (``doc_000001.txt`` …),
    about 15 KB each (10–21 KB), and ``manifest.json``: for every file its issuing
    body, report year, kind (``narrative`` or ``table``), table layout, source sample,
    script, size in bytes and the errors injected into it, each with the rule prefix
    (and rule) the audit must report and a piece of text its evidence must contain;
    then a summary. The same seed gives byte-identical files. Files are written as
    they are made, so memory does not grow with ``n``: 50,000 documents (750 MB) take
    about 15–20 s and under 70 MB, most of it the imported ``audit`` package.

Why it is built this way
    The audit reads real reports, and a benchmark on invented text would measure
    how the extractors behave on text they never see. So every document is made
    from one of the five real reports in ``samples/`` (2012–2018, 10–19 KB), varied
    so that an archive of many bodies and years is not five texts repeated:

    * **The issuing body** is replaced wherever the sample names it or the places
      above it (思茅区, 普洱市, 云南省, and their document-number abbreviations
      思政发, 普府办明电 …) by a synthetic body whose names are built from
      place-name characters (安平区, 临川市 …), never 某 (a template mark for the
      audit). Each body has a unique name, and no name ends with another: the audit
      takes two issuers for one body when one name ends with the other. A body keeps
      its sample for all its years (a county-level city a city's report, a service
      centre a centre's), so its voice (我市, 我区, 我中心, 我省) stays right and its
      reports resemble last year's, as real ones do.
    * **The report year** moves every year mention with it: 2018 → Y, 2019 → Y+1,
      document numbers (〔2018〕) and dates included, so the report's own chronology
      (and its own slips, such as 002's title year against its body year) is kept.
    * **Figures are kept, except isolated ones.** Scaling every figure would break
      the report's sums, shares and restatements and flood the audit with false
      findings. A figure is scaled only when it is the one figure of its sentence,
      that sentence and its neighbours state no relation (其中, 分别, 占, %, 率,
      合计 …), and it is not in a 《》 title; one original value maps to one scaled
      value in a document, so a figure stated twice stays equal.
    * **Wording** varies through groups of interchangeable phrases (认真贯彻落实 /
      深入贯彻落实 / 全面贯彻落实 …) chosen per document, and punctuation through the
      body's style (the samples' half-width ``, ; : ( )`` or full-width, switching
      between years now and then, as copies taken from different sites do).

    A **narrative** document (years 2012–2018) is its sample varied this way, with a
    signature (issuer and date) where the sample has a place for one. It keeps the
    sample's own defects (003's blank figure and short sum, 004's excess, 002's year
    conflict …): a clean narrative document gets the findings its sample gets (and
    STR009 when it copies last year's report), not more. Sample 000 is a work summary
    with no title, signature or date, and stays so (a date would make it read as a
    complete report and add structure findings), so it never carries a wrong-year error.

    A **table** document (years 2019–2024, the 2019+ format) is a narrative part under
    the six headings of the format (一、总体情况 … 六、其他需要报告的事项), made of the
    sample's paragraphs that state no relation between figures, no application or
    review figures (they would contradict the tables) and no later year, plus the
    three standard tables as pipe-separated Markdown rows with the labels of
    ``audit/extract/standard.py`` (the 2019 trial layout for 2019–2020, the 2021
    layout from 2021). The table figures are generated so that every identity holds
    (row totals, column totals, 新收 + 上年结转 = 总计 + 结转下年度, 表四 totals) and
    so that a body's tables follow each other year to year (上年结转 is last year's
    结转下年度继续办理; 现行有效件数 is last year's plus 制发 minus 废止): TBL007 and
    TBL008 have consistent pairs to check. A few sentences restate table figures
    (新收, 上年结转, 办结, 予以公开 with its share, 行政复议, 行政诉讼), consistently.

    ``error_share`` of the documents (of every prefix of the corpus, ± 1) get one or
    two injected errors:

    ==================  =======  ===============================================
    kind                prefix   what is changed
    ==================  =======  ===============================================
    table-identity      TBL      one cell of 表三 or 表四 (TBL001+TBL002 / TBL005)
    blank-figure        PLH      a figure before 条/件… removed: ``信息 条`` (PLH002)
    share-mismatch      PCT      a sentence added whose share is wrong (PCT001)
    wrong-year          PER      the report dated in its report year (PER004)
    parts-exceed-total  SUM      a sentence added whose parts exceed its total (SUM001)
    ==================  =======  ===============================================

    An added sentence is a paragraph of its own, so that nothing in a sample's
    paragraph changes how it is read. An error changes only the printed text of its
    document: the state carried to the body's next year is the true one, and the
    cells next year's report continues (上年结转, 结转下年度, 现行有效件数) are never
    changed, so an error never shows in a clean document.

Command line::

    python -m benchmarks.corpus OUT_DIR -n 1000 [--seed 0] [--table-share 0.5] [--error-share 0.2]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import statistics
import sys
import time
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from audit.extract import standard as std

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "samples"

NARRATIVE, TABLE = "narrative", "table"
NARRATIVE_YEARS = (2012, 2018)  # the 2008 条例 era: narrative reports
TABLE_YEARS = (2019, 2024)  # the 2019+ format with the standard tables
MAX_RUN = 8  # the most consecutive years one body reports in a corpus
_STYLE_SWITCH = 0.3  # chance that a body's punctuation changes from one year to the next

# Injected error kinds → the rule prefix the audit reports for them (``audit rules``).
ERROR_KINDS = {
    "table-identity": "TBL",
    "blank-figure": "PLH",
    "share-mismatch": "PCT",
    "wrong-year": "PER",
    "parts-exceed-total": "SUM",
}

# ------------------------------------------------------------------ samples


@dataclass(frozen=True)
class _Spec:
    """What is known about one sample: its year, the kind of body, the names to replace."""

    stem: str
    year: int  # the report year its title (or first line) states; every year moves with it
    kind: str  # city | district | center | province
    traditional: bool
    # Text of the sample → the same text for the synthetic body ({D} its own name, {C} the city
    # above it, {P} the province, {X1} the first character of {X}: document-number abbreviations).
    names: dict[str, str]
    # Regexes of the signing date and the publication date in the sample (None: none stated),
    # with the format to write them in.
    signed: tuple[str, str] | None = None
    published: tuple[str, str] | None = None
    # Where a signature (issuer and date lines) is inserted when the sample has none:
    # before this line index; -1 appends it.
    signature_before: int | None = None


_SPECS = (
    _Spec(
        "000_be58ca886fa7a997",
        2017,
        "city",
        False,
        # A work summary without title, signature or date. It stays so: a signature would make
        # it read as a complete report and add findings its sample does not get. So it cannot
        # carry a wrong-year error (with no year of its own stated, PER rules do not apply).
        {"苏政办发": "{P1}政办发", "泰政传发": "{C1}政传发", "江苏": "{P}", "泰兴": "{D}", "泰州": "{C}", "黄桥": "{T}"},
    ),
    _Spec(
        "001_cd2b5c8018a8e336",
        2017,
        "city",
        True,
        {
            "巢公開辦": "{D1}公開辦",
            "巢政辦": "{D1}政辦",
            "合政辦": "{C1}政辦",
            "定遠縣": "{O}縣",
            "巢湖": "{D}",
            "合肥": "{C}",
            "安徽": "{P}",
        },
        signature_before=29,
    ),
    _Spec(
        "002_20fa491b52b245f1",
        2012,
        "center",
        False,
        {"江政办发": "{D1}政办发", "江审改办": "{D1}审改办", "江山": "{D}"},
        signed=(r"(?<=成文日期: )2013-01-09", "iso"),
        published=(r"(?<=发布日期:)2013-01-09", "iso"),
    ),
    _Spec(
        "003_1e027fe9f1c79ffa",
        2018,
        "district",
        False,
        {
            "普府办明电": "{C1}府办明电",
            "思审改办发": "{D1}审改办发",
            "思政办发": "{D1}政办发",
            "思政发": "{D1}政发",
            "云政办发": "{P1}政办发",
            "思茅": "{D}",
            "普洱": "{C}",
            "云南": "{P}",
        },
        signed=(r"^2019年1月30日$", "cn"),
    ),
    _Spec(
        "004_0b8747fa09b50922",
        2018,
        "province",
        False,
        {
            "王晓东省长": "省长",
            "鄂汇办": "{P1}汇办",
            "湖北": "{P}",
            "襄阳": "{C2}",
            "宜昌": "{C3}",
            "荆门": "{C4}",
            "恩施": "{C5}",
            "武汉": "{C6}",
        },
        signature_before=58,
    ),
)

# The body a sample's kind stands for: its name as a report's title names it, and its voice.
_ISSUER = {
    "city": "{D}市人民政府",
    "district": "{C}市{D}区人民政府",
    "center": "{D}市行政服务中心管理办公室",
    "province": "{P}省人民政府办公厅",
}
_PRONOUN = {"city": "我市", "district": "我区", "center": "我中心", "province": "我省"}
_DEPARTMENT_KINDS = {"center"}  # a 部门: its 2019+ deadline is 1月31日 (条例 第四十九条)

# Place-name characters for synthetic names: common in real names, none a unit (条 件 项 个 份
# 篇 次 家 场 期 元 名 人), an administrative word (市 区 县 省 镇 乡), a relation word or 某.
_FIRST = (
    "安宝滨昌长常辰成承崇淳丹德定东丰凤福阜高广海汉和河鹤恒红洪华怀淮黄嘉建江金锦晋京靖开康兰乐黎临灵龙"
    "隆庐鹿洛茂梅蒙绵明南宁平浦齐祁青清庆泉仁荣瑞沙商韶绍盛石寿舒顺松泰桃天通潼万威文武西溪仙湘祥襄新"
    "信兴秀宣延盐阳姚宜义益银永余榆玉岳云枣湛漳昭正舟竹资遵"
)
_SECOND = "安昌城川春丹德定东丰峰谷关海和河华化淮江津康乐林陵隆梅门明宁平浦清庆泉山水顺台泰田亭西溪祥兴阳原源远州庄沙塘桥湖"
# Names of the samples' own places, never given to a synthetic body.
_REAL = {"江山", "泰兴", "泰州", "巢湖", "合肥", "普洱", "思茅", "云南", "湖北", "江苏", "安徽", "襄阳", "宜昌", "荆门", "恩施", "武汉", "黄桥", "定远"}

# Interchangeable phrases: one of each group is chosen per document. No phrase contains
# another's text, none is a cue of the audit (将, 确保, 持续, 其中, 共 …).
_SYNONYMS = (
    ("认真贯彻落实", "深入贯彻落实", "全面贯彻落实"),
    ("取得了一定成效", "取得了积极成效", "取得了明显成效"),
    ("不断提高", "逐步提高", "有效提高"),
    ("重要举措", "重要手段"),
    ("积极探索", "主动探索", "大胆探索"),
    ("广泛听取", "充分听取"),
    ("稳步扎实推进", "稳步有序推进"),
    ("全面推进", "大力推进", "全力推进"),
    ("高度重视", "十分重视", "非常重视"),
    ("及时准确", "准确及时"),
    ("有效提升", "显著提升", "明显提升"),
    ("规范化、制度化", "制度化、规范化"),
    ("工作部署", "工作安排"),
    ("热点问题", "热点难点问题"),
    ("进一步提高", "进一步提升"),
    ("基本原则", "总体原则"),
    ("发挥了积极的作用", "发挥了重要作用"),
    ("良好形象", "良好社会形象"),
    ("主要做了以下几项工作", "主要开展了以下几项工作"),
    ("落到实处", "落地见效"),
    ("知情权、参与权", "知情权和参与权"),
    ("深化", "深入推进"),
    ("整体水平", "总体水平"),
    ("明确了责任单位", "压实了责任单位"),
    ("紧紧围绕", "始终围绕"),
    ("有关", "相关"),
    ("群众", "人民群众"),
    ("目前", "当前"),
    ("建立健全", "健全完善"),
    ("认真", "切实", "扎实"),
    ("各项工作", "各项任务"),
    ("推动", "推进"),
    ("渠道", "途径"),
    ("多种形式", "多种方式"),
    ("加快", "加速"),
    ("充分发挥", "有效发挥"),
    ("不断", "逐步"),
    ("监督检查", "督促检查"),
    ("针对性", "精准性"),
)

_YEAR_RE = re.compile(r"(?<!\d)(201\d|2020)(?!\d)")
_UNIT = r"(?:人次|件次|条|條|件|次|项|項|个|個|篇|份|期|家|场|場|万元|萬元|元)"  # Simplified and Traditional
_FIGURE_RE = re.compile(r"(?<![\d.])\d+(?=" + _UNIT + r"(?!工作日))")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_RELATION_RE = re.compile(r"其中|分别|占|%|％|率|合计|总计|累计|包括|包含|含|同比|增|减|比|平均|从.{0,12}看")
_CLAUSE_END = set("，,。；;、）)：:\n")
_MIN_SCALED = 10  # smaller figures are kept as written (2个, 3次)

# Piece tags of a template: literal text is a str; the rest are tuples.
_P_YEAR, _P_NAME, _P_SYN, _P_FIG, _P_SIGNED, _P_PUBLISHED = range(6)


@dataclass
class _Paragraph:
    pieces: list[Any]
    table_pieces: list[Any]  # the same without a leading number (for a table document's sections)
    pieces_fw: list[Any]  # the same two with full-width punctuation
    table_pieces_fw: list[Any]
    text: str  # the sample's own text of the line
    section: str  # the top-level heading above it ('' before the first)
    eligible: bool  # may stand in a table document's narrative part
    problem: bool  # belongs to a problems / plans section
    blankable: list[int] = field(default_factory=list)  # figure ids a blank can replace


@dataclass
class _Template:
    spec: _Spec
    paragraphs: list[_Paragraph]
    synonyms: tuple[tuple[str, ...], ...]  # in the sample's script


@lru_cache(maxsize=None)
def _converter():
    """OpenCC Simplified → Traditional, or None when OpenCC is missing (all text stays Simplified)."""
    try:
        import opencc  # the audit's own dependency (its Simplified shadow)
    except ImportError:  # pragma: no cover - the venv has it
        return None
    return opencc.OpenCC("s2tw")  # Taiwan forms (為, 秘), as sample 001 writes them


@lru_cache(maxsize=4096)
def _s2t(text: str) -> str:
    """Traditional script of a fixed text (labels, headings, sentence templates: cached)."""
    return _s2t_once(text)


def _s2t_once(text: str) -> str:
    """Traditional script of a text made once (a body's names: not cached)."""
    cc = _converter()
    return cc.convert(text) if cc is not None else text


_HEADING_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|\d{1,2}\s*[、.．](?!\d)|[（(]\s*\d{1,2}\s*[）)]|[A-Z]\s)")
_TOP_HEADING_RE = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]")
_PROBLEM_RE = re.compile(r"问题|問題|打算|不足|改进|改進|下一步|计划|計劃|措施|建议|建議")
# Application / review figures: a table document states them from its tables only.
_TABLE_TOPIC_RE = re.compile(r"申请|申請|复议|複議|诉讼|訴訟|予以公开|予以公開|不予公开|不予公開|办结|辦結|答复|答覆|结转|結轉")
_BLANK_RE = re.compile(r"[ \t\u3000]" + _UNIT + r"|第\s+\D")


@lru_cache(maxsize=None)
def _templates(samples_dir: str = str(SAMPLES_DIR)) -> tuple[_Template, ...]:
    return tuple(_template(spec, Path(samples_dir) / f"{spec.stem}.txt") for spec in _SPECS)


def _template(spec: _Spec, path: Path) -> _Template:
    text = path.read_text(encoding="utf-8")
    synonyms = tuple(tuple(_s2t(p) for p in g) for g in _SYNONYMS) if spec.traditional else _SYNONYMS
    syn_index = {p: i for i, group in enumerate(synonyms) for p in group}
    syn_re = re.compile("|".join(sorted(map(re.escape, syn_index), key=len, reverse=True)))
    name_re = re.compile("|".join(sorted(map(re.escape, spec.names), key=len, reverse=True)))
    signed_re = re.compile(spec.signed[0], re.M) if spec.signed else None
    published_re = re.compile(spec.published[0], re.M) if spec.published else None
    paragraphs: list[_Paragraph] = []
    section = ""
    problem_section = False
    fid = 0
    for line in text.split("\n"):
        matches: list[tuple[int, int, int, Any]] = []  # start, end, priority, piece
        for m in name_re.finditer(line):
            matches.append((m.start(), m.end(), 0, (_P_NAME, m.group())))
        if signed_re:
            for m in signed_re.finditer(line):
                matches.append((m.start(), m.end(), 1, (_P_SIGNED, spec.signed[1])))  # type: ignore[index]
        if published_re:
            for m in published_re.finditer(line):
                matches.append((m.start(), m.end(), 1, (_P_PUBLISHED, spec.published[1])))  # type: ignore[index]
        for m in _YEAR_RE.finditer(line):
            matches.append((m.start(), m.end(), 2, (_P_YEAR, int(m.group()) - spec.year)))
        blankable: list[int] = []
        for m, isolated in _figures(line):
            if isolated:
                piece = (_P_FIG, fid, int(m.group()), line[m.end() : m.end() + 2])
                matches.append((m.start(), m.end(), 3, piece))
                unit_end = _UNIT_AT.match(line, m.end())
                if unit_end and (unit_end.end() == len(line) or line[unit_end.end()] in _CLAUSE_END) and m.start() > 0:
                    blankable.append(fid)
                fid += 1
        for m in syn_re.finditer(line):
            matches.append((m.start(), m.end(), 4, (_P_SYN, syn_index[m.group()])))
        matches.sort(key=lambda t: (t[0], t[2]))
        pieces: list[Any] = []
        pos = 0
        for start, end, _, piece in matches:
            if start < pos:
                if piece[0] == _P_FIG and piece[1] in blankable:
                    blankable.remove(piece[1])
                continue
            if start > pos:
                pieces.append(line[pos:start])
            pieces.append(piece)
            pos = end
        if pos < len(line):
            pieces.append(line[pos:])
        merged: list[Any] = []
        for p in pieces:
            if isinstance(p, str) and merged and isinstance(merged[-1], str):
                merged[-1] += p
            else:
                merged.append(p)
        stripped = line.strip()
        is_heading = bool(_HEADING_RE.match(stripped)) and (len(stripped) < 45 or "。" not in stripped)
        if _TOP_HEADING_RE.match(stripped) and len(stripped) < 60:
            section = stripped
            problem_section = bool(_PROBLEM_RE.search(stripped))
        eligible = (
            not is_heading
            and len(stripped) >= 60
            and "。" in stripped
            and not _BLANK_RE.search(stripped)
            and not _PREAMBLE_RE.search(stripped)
            and not any(_risky(s) for s in _SENTENCE_END.split(stripped))
        )
        if eligible and not problem_section and any(
            piece.__class__ is tuple and piece[0] == _P_YEAR and piece[1] > 0 for piece in merged
        ):
            eligible = False  # a statement about a later year (2019年上半年 in a 2018 report)
        table_pieces = list(merged)
        if eligible and table_pieces and isinstance(table_pieces[0], str):
            # Its own numbering would break the headings of the document it goes into.
            table_pieces[0] = _LEADING_NUMBER_RE.sub("", table_pieces[0], count=1)
        paragraphs.append(
            _Paragraph(
                merged, table_pieces, _fw_pieces(merged), _fw_pieces(table_pieces),
                line, section, eligible, problem_section, blankable,
            )
        )
    # One copy of a repeated paragraph is enough in a table document.
    seen: set[str] = set()
    for p in paragraphs:
        if p.eligible:
            if p.text in seen:
                p.eligible = False
            seen.add(p.text)
    return _Template(spec, paragraphs, synonyms)


_UNIT_AT = re.compile(_UNIT)
_PREAMBLE_RE = re.compile(r"本报告|本報告|统计期限|統計期限|编制本报告|編制本報告|copyright")
_LEADING_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}\s*[、.．](?!\d)|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)])\s*")
_COUNT_IN_JIAN = re.compile(r"\d\s*[件份]")


def _risky(sentence: str) -> bool:
    """A sentence a table document must not carry: it states application or review figures
    (they would restate the tables) or a relation between figures (a sample's own slips)."""
    if _TABLE_TOPIC_RE.search(sentence) and _COUNT_IN_JIAN.search(sentence):
        return True
    return _count_numbers(sentence) >= 2 and bool(_RELATION_RE.search(sentence))


def _fw_pieces(pieces: list[Any]) -> list[Any]:
    return [_full_width(p) if p.__class__ is str else p for p in pieces]


def _figures(line: str) -> Iterator[tuple[re.Match[str], bool]]:
    """Every figure before a count unit, and whether it stands alone (safe to scale)."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(line)] + [len(line) + 1]
    sentences = [line[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
    counts = [_count_numbers(s) for s in sentences]
    for m in _FIGURE_RE.finditer(line):
        k = next(i for i in range(len(sentences)) if bounds[i] <= m.start() < bounds[i + 1])
        isolated = (
            int(m.group()) >= _MIN_SCALED
            and counts[k] == 1
            and not _RELATION_RE.search(sentences[k])
            and (k == 0 or counts[k - 1] == 0 or not _RELATION_RE.search(sentences[k - 1]))
            and (k + 1 >= len(sentences) or counts[k + 1] == 0 or not _RELATION_RE.search(sentences[k + 1]))
            and "《" not in sentences[k]
        )
        yield m, isolated


_NOT_A_COUNT = re.compile(r"^(?:(?:19|20)\d{2}(?=\s*[年〕\]\-])|\d{1,2}(?=\s*[月日号时]))")


def _count_numbers(sentence: str) -> int:
    """Figures in a sentence that could be counts (years, months, days and hours left out)."""
    n = 0
    for m in _NUMBER_RE.finditer(sentence):
        if not _NOT_A_COUNT.match(sentence[m.start() : m.end() + 2]):
            n += 1
    return n


# ------------------------------------------------------------------- bodies


@dataclass
class _Body:
    index: int
    template: _Template
    kind: str
    names: dict[str, str]  # role → name, in the template's script
    issuer: str  # as its reports name it, in the template's script
    pronoun: str
    scale: float  # how many applications it gets
    title_word: str  # 年 or 年度
    heading_variant: int
    full_width: bool  # its drafters' punctuation: full-width, or the samples' half-width
    canonical: str  # the issuer in Simplified script: the body's identity in the manifest
    table_state: "_TableState | None" = None


def _name_pool(seed: int) -> list[str]:
    pool = [a + b for a in _FIRST for b in _SECOND if a != b and a + b not in _REAL]
    random.Random(f"names:{seed}").shuffle(pool)
    return pool


_TAIL_FIRST = "".join(c for c in _SECOND if c not in _FIRST)


def _own_name(index: int, pool: list[str]) -> str:
    """The body's unique name: a two-character name, then (past the pool) three characters
    whose last two are never a two-character name. The audit takes two issuers for one body
    when one name ends with the other (洪泽区人民政府 / 淮安市洪泽区人民政府), so no name may
    end with another's."""
    if index < len(pool):
        return pool[index]
    k = index - len(pool)
    first, rest = divmod(k, len(_TAIL_FIRST) * len(_SECOND))
    middle, last = divmod(rest, len(_SECOND))
    if first >= len(_FIRST):
        raise ValueError("too many bodies for the name pool")
    return _FIRST[first] + _TAIL_FIRST[middle] + _SECOND[last]


def _make_body(index: int, pool: list[str], seed: int) -> _Body:
    rng = random.Random(f"body:{seed}:{index}")
    template = _templates()[rng.randrange(len(_SPECS))]
    spec = template.spec
    own = _own_name(index, pool)
    used = {own}

    def other() -> str:
        while True:
            name = pool[rng.randrange(len(pool))]
            if name not in used:
                used.add(name)
                return name

    roles = {"D": own} if spec.kind != "province" else {"P": own}
    for role in ("P", "C", "T", "O", "C2", "C3", "C4", "C5", "C6"):
        roles.setdefault(role, other())
    roles.update({f"{k}1": v[0] for k, v in list(roles.items())})
    convert = _s2t_once if spec.traditional else (lambda s: s)
    names = {key: convert(value.format(**roles)) for key, value in spec.names.items()}
    issuer = convert(_ISSUER[spec.kind].format(**roles))
    scale = {"province": 8.0, "city": 1.5, "district": 1.0, "center": 0.4}[spec.kind] * rng.uniform(0.3, 2.5)
    return _Body(
        index, template, spec.kind, names, issuer, convert(_PRONOUN[spec.kind]), scale,
        rng.choice(("年", "年度")), rng.randrange(2), rng.random() < 0.5, _ISSUER[spec.kind].format(**roles),
    )


def _runs(n: int, seed: int, table_share: float) -> Iterator[tuple[int, list[int]]]:
    """(body index, its report years) in file order, so that table documents make up
    ``table_share`` of every prefix of the corpus (± one run)."""
    rng = random.Random(f"plan:{seed}")
    done = tables = body = 0
    narrative_span = NARRATIVE_YEARS[1] - NARRATIVE_YEARS[0] + 1
    table_span = TABLE_YEARS[1] - TABLE_YEARS[0] + 1
    while done < n:
        length = min(n - done, rng.randint(1, MAX_RUN))
        target_tables = round(table_share * (done + length))
        want_b = target_tables - tables
        want_a = (done + length - target_tables) - (done - tables)
        b = max(0, min(want_b, length, table_span))  # table years
        a = max(0, min(want_a, length - b, narrative_span))  # narrative years
        if a + b == 0:
            b, a = (1, 0) if want_b >= want_a else (0, 1)
        if a and b:
            years = list(range(TABLE_YEARS[0] - a, TABLE_YEARS[0] + b))
        elif b:
            start = rng.randint(TABLE_YEARS[0], TABLE_YEARS[1] - b + 1)
            years = list(range(start, start + b))
        else:
            end = rng.randint(NARRATIVE_YEARS[0] + a - 1, NARRATIVE_YEARS[1])
            years = list(range(end - a + 1, end + 1))
        yield body, years
        body += 1
        done += a + b
        tables += b


# ------------------------------------------------------------ rendering


@dataclass
class _Doc:
    """What one document is made with: the body's names, the year, the doc's choices."""

    body: _Body
    year: int
    rng: random.Random
    signed: tuple[int, int, int]
    syn: list[str] = field(default_factory=list)
    factor: float = 1.0
    scaled: dict[int, str] = field(default_factory=dict)
    blank: int | None = None  # the figure id rendered as a blank
    wrong_signed_year: bool = False
    years: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.syn = [self.rng.choice(g) for g in self.body.template.synonyms]
        self.factor = self.rng.uniform(0.6, 1.6)
        self.years = {k: str(self.year + k) for k in range(-3, 4)}

    def date(self, fmt: str) -> str:
        y, m, d = self.signed
        if self.wrong_signed_year:
            y = self.year
        return f"{y}-{m:02d}-{d:02d}" if fmt == "iso" else f"{y}年{m}月{d}日"

    def figure(self, value: int) -> str:
        got = self.scaled.get(value)
        if got is None:
            got = self.scaled[value] = str(max(_MIN_SCALED, round(value * self.factor)))
        return got


_BLANK_MARK = "\x00"
# A document's punctuation: the samples' half-width, or the full-width most reports use.
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", "(": "（", ")": "）"})
_COLON = re.compile(r"(?<!\d):|:(?!\d)")


def _full_width(text: str) -> str:
    return _COLON.sub("：", text.translate(_FULL_WIDTH))


def _render(pieces: list[Any], doc: _Doc) -> str:
    out: list[str] = []
    app = out.append
    body = doc.body
    for p in pieces:
        if p.__class__ is str:
            app(p)
            continue
        tag = p[0]
        if tag == _P_NAME:
            app(body.names[p[1]])
        elif tag == _P_YEAR:
            app(doc.years.get(p[1]) or str(doc.year + p[1]))
        elif tag == _P_SYN:
            app(doc.syn[p[1]])
        elif tag == _P_FIG:
            app(_BLANK_MARK if p[1] == doc.blank else doc.figure(p[2]))
        else:  # _P_SIGNED, _P_PUBLISHED: a page is published the day its report is signed
            app(doc.date(p[1]))
    return "".join(out)


def _signing_date(rng: random.Random, year: int, kind: str, table: bool) -> tuple[int, int, int]:
    """A date before the legal deadline: 1月31日 for a 2019+ department, else 3月31日."""
    last_month = 1 if table and kind in _DEPARTMENT_KINDS else rng.choice((1, 1, 2, 3))
    month = rng.randint(1, last_month)
    return (year + 1, month, rng.randint(5, 28))


# Sentences added by the generator (Simplified; converted for a Traditional body).
_S_SHARE = "全年通过政府网站发布各类信息{n}条，其中政策解读类信息{k}条，占{p}%。"
_S_SUM = "全年共受理群众来电来信{n}件，其中网上留言{a}件、来信{b}件。"
_S_PUBLISHED = "本年度，{pron}通过政府门户网站、政务新媒体等渠道主动公开政府信息{n}条。"


def _cv(body: _Body, text: str) -> str:
    return _s2t(text) if body.template.spec.traditional else text


def _share_error(doc: _Doc) -> tuple[str, dict[str, Any]]:
    rng = doc.rng
    n = rng.randint(200, 5000)
    k = rng.randint(n // 20, n // 3)
    true = 100 * k / n
    wrong = true + rng.choice((-1, 1)) * rng.uniform(6, 15)
    if wrong <= 0.5 or wrong >= 99.5:
        wrong = true + 10 if true < 50 else true - 10
    p = f"{wrong:.1f}"
    text = _cv(doc.body, _S_SHARE).format(n=n, k=k, p=p)
    return text, {"kind": "share-mismatch", "rule_prefix": "PCT", "rules": ["PCT001"], "evidence": f"{p}%"}


def _sum_error(doc: _Doc) -> tuple[str, dict[str, Any]]:
    rng = doc.rng
    n = rng.randint(40, 900)
    a = rng.randint(n // 2, n - 5)
    b = n - a + rng.randint(3, max(4, n // 5))
    text = _cv(doc.body, _S_SUM).format(n=n, a=a, b=b)
    marker = _cv(doc.body, "网上留言{a}件").format(a=a)
    return text, {"kind": "parts-exceed-total", "rule_prefix": "SUM", "rules": ["SUM001"], "evidence": marker}


def _date_error(doc: _Doc, table: bool) -> dict[str, Any]:
    """The report dated in its own report year, before its period ends (PER004)."""
    spec = doc.body.template.spec
    doc.wrong_signed_year = True
    fmt = spec.signed[1] if spec.signed and not table else "cn"
    return {"kind": "wrong-year", "rule_prefix": "PER", "rules": ["PER004"], "evidence": doc.date(fmt)}


def _blank_marker(text: str, unit: str) -> tuple[str, str]:
    """Replace the blank mark with a space; the marker is the text before it and the unit."""
    i = text.index(_BLANK_MARK)
    return text.replace(_BLANK_MARK, " ", 1), text[max(0, i - 6) : i] + " " + unit


def _narrative_errors(spec: _Spec) -> list[str]:
    """The error kinds a narrative document of this sample can carry (no tables; a wrong
    date only where the text has a date)."""
    kinds = [k for k in ERROR_KINDS if k != "table-identity"]
    if not spec.signed and spec.signature_before is None:
        kinds.remove("wrong-year")
    return kinds


_NARRATIVE_ERRORS = {spec.stem: _narrative_errors(spec) for spec in _SPECS}


def _choose_errors(rng: random.Random, kinds: list[str]) -> list[str]:
    k = 1 if rng.random() < 0.6 else 2
    return rng.sample(kinds, k)


# ------------------------------------------------------------ narrative


def _narrative(doc: _Doc, error_kinds: list[str]) -> tuple[str, list[dict[str, Any]]]:
    body, template = doc.body, doc.body.template
    spec = template.spec
    errors: list[dict[str, Any]] = []
    rng = doc.rng
    blank_unit = ""
    if "blank-figure" in error_kinds:
        candidates = [f for p in template.paragraphs for f in p.blankable]
        if candidates:
            doc.blank = rng.choice(candidates)
            blank_unit = next(
                piece[3] for p in template.paragraphs for piece in p.pieces
                if piece.__class__ is tuple and piece[0] == _P_FIG and piece[1] == doc.blank
            )
    if "wrong-year" in error_kinds:
        errors.append(_date_error(doc, table=False))
    lines = [_render(p.pieces_fw if body.full_width else p.pieces, doc) for p in template.paragraphs]
    if doc.blank is not None:
        k = next(i for i, line in enumerate(lines) if _BLANK_MARK in line)
        lines[k], marker = _blank_marker(lines[k], _UNIT_AT.match(blank_unit).group())  # type: ignore[union-attr]
        errors.append({"kind": "blank-figure", "rule_prefix": "PLH", "rules": ["PLH002"], "evidence": marker})
    added: list[str] = []
    for kind in error_kinds:
        if kind == "share-mismatch":
            text, error = _share_error(doc)
        elif kind == "parts-exceed-total":
            text, error = _sum_error(doc)
        else:
            continue
        added.append(text)
        errors.append(error)
    if "blank-figure" in error_kinds and doc.blank is None:
        # No figure of the sample can be blanked: state one and blank it.
        text = _cv(body, _S_PUBLISHED).format(pron=body.pronoun, n=_BLANK_MARK)
        text, marker = _blank_marker(text, _cv(body, "条"))
        added.append(text)
        errors.append({"kind": "blank-figure", "rule_prefix": "PLH", "rules": ["PLH002"], "evidence": marker})
    # Added sentences are paragraphs of their own after a work paragraph: appended to one, they
    # would be read with whatever that paragraph says (see the report on _OVERLAP_NOTE).
    after: dict[int, list[str]] = {}
    if added:
        hosts = [i for i, p in enumerate(template.paragraphs) if p.eligible and not p.problem] or [
            i for i, p in enumerate(template.paragraphs) if len(p.text) >= 60
        ]
        for text in added:
            after.setdefault(rng.choice(hosts), []).append(text)
    signature_at = None
    if spec.signature_before is not None:
        signature_at = len(lines) if spec.signature_before == -1 else spec.signature_before
    out: list[str] = []
    for i, line in enumerate(lines):
        if i == signature_at:
            out += (body.issuer, doc.date("cn"))
        out.append(line)
        out += after.get(i, ())
    if signature_at == len(lines):
        out += (body.issuer, doc.date("cn"))
    lines = out
    return "\n".join(lines), errors


# ---------------------------------------------------------------- tables


@dataclass
class _TableState:
    """What a body's next report continues from its last one."""

    forward: list[int]  # 四、结转下年度继续办理, per applicant column (6, without 总计)
    in_force: dict[str, int]  # 现行有效件数 of 规章 and 行政规范性文件
    published_total: dict[str, int]  # 2019 layout: 对外公开总数量 of the same
    items: dict[str, int]  # 2019 layout: the item counts (上一年项目数量 + 本年增/减)


_ITEM_ROWS = ("licensing", "other_services", "penalty", "enforcement", "fees")


_APPLICANT_WEIGHTS = (1.0, 0.08, 0.01, 0.01, 0.04, 0.03)
_T3_WEIGHTS = {
    "open": 40, "partial": 8,
    "withheld.secret": 0.3, "withheld.law": 0.3, "withheld.security": 0.4, "withheld.third_party": 1.5,
    "withheld.internal": 1.5, "withheld.process": 1.5, "withheld.enforcement": 0.5, "withheld.query": 2,
    "unavailable.not_held": 20, "unavailable.to_make": 3, "unavailable.unclear": 2,
    "rejected.petition": 4, "rejected.repeat": 3, "rejected.publication": 0.5, "rejected.excessive": 0.5,
    "rejected.confirm": 0.5,
    "other.no_correction": 3, "other.no_fee": 0.3, "other.other": 2, "other": 5.3,
}
_T2_BLOCKS_2021 = (
    ("第二十条第（一）项", ("rules", "normative")),
    ("第二十条第（五）项", ("licensing",)),
    ("第二十条第（六）项", ("penalty", "enforcement")),
    ("第二十条第（八）项", ("fees",)),
)
_T2_BLOCKS_2019 = (
    ("第二十条第（一）项", ("rules", "normative")),
    ("第二十条第（五）项", ("licensing", "other_services")),
    ("第二十条第（六）项", ("penalty", "enforcement")),
    ("第二十条第（八）项", ("fees",)),
    ("第二十条第（九）项", ("procurement",)),
)
_T3_HEADER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
# The group label printed before a group's first row (a merged cell, flattened).
_T3_GROUP_FIRST = {
    "open": "三、本年度办理结果",
    "withheld.secret": "（三）不予公开",
    "unavailable.not_held": "（四）无法提供",
    "rejected.petition": "（五）不予处理",
    "other.no_correction": "（六）其他处理",
}


def _allocate(rng: random.Random, total: int, rows: list[str], weights: list[float]) -> dict[str, int]:
    """Split ``total`` over ``rows`` at random, roughly by ``weights``."""
    out = dict.fromkeys(rows, 0)
    if total <= 0:
        return out
    if total <= 24:
        for row in rng.choices(rows, weights=weights, k=total):
            out[row] += 1
        return out
    raw = [w * rng.uniform(0.5, 1.5) for w in weights]
    s = sum(raw)
    given = 0
    for row, r in zip(rows, raw):
        out[row] = int(total * r / s)
        given += out[row]
    for row in rng.choices(rows, weights=weights, k=total - given):
        out[row] += 1
    return out


@dataclass
class _Tables:
    version: str
    t2: dict[str, list[str]]  # row id → cell texts in the layout's column order
    t3: dict[str, list[int]]  # row id → 7 values (6 applicant columns and 总计)
    t4: list[int]  # 15 values


def _make_tables(body: _Body, year: int, rng: random.Random) -> _Tables:
    """This year's tables of ``body``: every identity holds, and they continue last year's."""
    version = std.V2021 if year >= 2021 else std.V2019
    state = body.table_state
    if state is None:  # the body's first table year: what came before is made up
        in_force = {
            "rules": rng.randint(40, 300) if body.kind == "province" else 0,  # 规章: rule-making bodies only
            "normative": int(rng.uniform(10, 120) * max(body.scale, 0.3)),
        }
        state = body.table_state = _TableState(
            forward=[int(body.scale * w * rng.uniform(0, 8)) for w in _APPLICANT_WEIGHTS],
            in_force=in_force,
            published_total=dict(in_force),
            items={r: int(rng.uniform(20, 400) * body.scale) for r in _ITEM_ROWS},
        )
    # 表三: per applicant column, 新收 + 上年结转 − 结转下年度 is split over the results.
    layout = std.T3_2021 if version == std.V2021 else std.T3_2019
    results = [r.id for r in layout.rows if r.group in std.T3_RESULT_GROUPS]
    weights = [_T3_WEIGHTS[r] for r in results]
    cols = len(std.APPLICANT_PARTS)
    new = [
        int(body.scale * w * rng.uniform(0.3, 1.7) * 60) if rng.random() < min(1.0, w * 6) else 0
        for w in _APPLICANT_WEIGHTS
    ]
    carried = list(state.forward)
    forward = [int((new[c] + carried[c]) * rng.uniform(0, 0.12)) for c in range(cols)]
    t3: dict[str, list[int]] = {r: [0] * cols for r in results}
    for c in range(cols):
        for row, v in _allocate(rng, new[c] + carried[c] - forward[c], results, weights).items():
            t3[row][c] = v
    t3["new"], t3["carried"], t3["forward"] = new, carried, list(forward)
    t3["total"] = [sum(t3[r][c] for r in results) for c in range(cols)]
    for row in t3.values():
        row.append(sum(row))  # 总计
    state.forward = forward
    # 表四: three groups of 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计.
    t4: list[int] = []
    for share in (1.0, 0.5, 0.3):
        total = int(rng.uniform(0, body.scale * 4 * share))
        parts = list(_allocate(rng, total, ["upheld", "corrected", "other", "pending"], [6, 1, 2, 1]).values())
        t4 += parts + [sum(parts)]
    # 表二: 现行有效件数 (对外公开总数量) goes on from last year's.
    t2: dict[str, list[str]] = {}
    for r in ("rules", "normative"):
        if r == "rules":
            issued = rng.randint(0, 6) if body.kind == "province" else 0
        else:
            issued = int(rng.uniform(0, 12) * max(body.scale, 0.3))
        repealed = min(state.in_force[r] + issued, int(rng.uniform(0, 0.3) * issued + rng.random() * 3))
        state.in_force[r] += issued - repealed
        state.published_total[r] += issued
        if version == std.V2021:
            t2[r] = [str(issued), str(repealed), str(state.in_force[r])]
        else:  # 本年新制作数量 · 本年新公开数量 · 对外公开总数量
            t2[r] = [str(issued), str(issued), str(state.published_total[r])]
    decisions = {
        r: int(rng.uniform(0.2, 3) * body.scale * m)
        for r, m in (("licensing", 900), ("other_services", 300), ("penalty", 200), ("enforcement", 20))
    }
    if version == std.V2021:
        for r in ("licensing", "penalty", "enforcement"):
            t2[r] = [str(decisions[r])]
        t2["fees"] = [f"{rng.uniform(0, 500) * body.scale:.2f}" if rng.random() < 0.7 else "0"]  # 万元
    else:  # 上一年项目数量 · 本年增/减 (· 处理决定数量)
        for r in _ITEM_ROWS:
            previous = state.items[r]
            state.items[r] = max(0, previous + rng.randint(-5, 8))
            t2[r] = [str(previous), str(state.items[r] - previous)]
            if r != "fees":
                t2[r].append(str(decisions[r]))
        t2["procurement"] = [str(rng.randint(0, 60)), f"{rng.uniform(0, 3000) * body.scale:.2f}"]
    return _Tables(version, t2, t3, t4)


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


@lru_cache(maxsize=None)
def _table_text_parts(version: str, traditional: bool) -> tuple[dict[str, Any], ...]:
    """The label text of each table, in the script wanted (cached: labels are few)."""
    cv = _s2t if traditional else (lambda s: s)
    t2_layout = std.T2_2021 if version == std.V2021 else std.T2_2019
    t2_rows = {r.id: r for r in t2_layout.rows}
    t3_layout = std.T3_2021 if version == std.V2021 else std.T3_2019
    t2 = {
        "blocks": [
            (cv(title), cv(_md_row(["信息内容"] + [c.label for c in t2_rows[ids[0]].columns])), [(i, cv(t2_rows[i].label)) for i in ids])
            for title, ids in (_T2_BLOCKS_2021 if version == std.V2021 else _T2_BLOCKS_2019)
        ]
    }
    t3 = {
        "header": cv(_md_row([_T3_HEADER] + [c.label for c in std.APPLICANTS])),
        "rows": [(r.id, cv(r.label), cv(_T3_GROUP_FIRST.get(r.id, ""))) for r in t3_layout.rows],
    }
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    t4 = {
        "head": [
            cv(_md_row(["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9)),
            cv(_md_row([""] * 5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4)),
            cv(_md_row(outcomes * 3)),
        ]
    }
    return t2, t3, t4


def _tables_text(tables: _Tables, traditional: bool) -> tuple[str, str, str]:
    t2p, t3p, t4p = _table_text_parts(tables.version, traditional)
    lines: list[str] = []
    for title, header, rows in t2p["blocks"]:
        lines.append(title)
        lines.append(header)
        lines.append(_md_row(["---"] * (header.count("|") - 1)))
        for row_id, label in rows:
            lines.append(_md_row([label] + tables.t2[row_id]))
    t2 = "\n".join(lines)
    lines = [t3p["header"], _md_row(["---"] * 8)]
    for row_id, label, group in t3p["rows"]:
        cells = ([group] if group else []) + [label] + [str(v) for v in tables.t3[row_id]]
        lines.append(_md_row(cells))
    t3 = "\n".join(lines)
    t4 = "\n".join([t4p["head"][0], _md_row(["---"] * 15), *t4p["head"][1:], _md_row([str(v) for v in tables.t4])])
    return t2, t3, t4


def _break_identity(tables: _Tables, rng: random.Random) -> dict[str, Any]:
    """Change one cell so that an identity of 表三 or 表四 fails (never a cell next year continues)."""
    delta = rng.choice((1, 2, 3, 5, 10, 20))
    if rng.random() < 0.7:
        rows = [r for r in tables.t3 if r not in ("new", "carried", "forward", "total")]
        row = rng.choice(rows)
        col = rng.randrange(len(std.APPLICANTS))
        values = tables.t3[row]
        values[col] = max(0, values[col] + delta) if values[col] < delta or rng.random() < 0.5 else values[col] - delta
        column = std.APPLICANTS[col].id
        # The row's 总计 no longer sums its columns (TBL001), nor （七）总计 its rows (TBL002).
        return {
            "kind": "table-identity", "rule_prefix": "TBL", "rules": ["TBL001", "TBL002"],
            "cell": f"T3/{row}/{column}", "evidence": None,
        }
    k = rng.randrange(15)
    tables.t4[k] += delta
    group = std.T4_GROUPS[k // 5][0]
    outcome = ("upheld", "corrected", "other", "pending", "total")[k % 5]
    return {
        "kind": "table-identity", "rule_prefix": "TBL", "rules": ["TBL005"],
        "cell": f"T4/cases/{group}.{outcome}", "evidence": None,
    }


_HEADINGS = (
    ("一、总体情况",),
    ("二、主动公开政府信息情况",),
    ("三、收到和处理政府信息公开申请情况",),
    ("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
    ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"),
    ("六、其他需要报告的事项",),
)
# The generator's own sentences come in variants, one chosen per document, so that one body's
# reports do not share them word for word every year.
_PARTS = (
    "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
    "存在的主要问题及改进情况、其他需要报告的事项"
)
_PREAMBLES = (
    "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求编制，"
    "全文包括" + _PARTS + "等六部分。本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，编制本年度报告。本报告由" + _PARTS + "六部分组成。"
    "本报告所列数据的统计期限为{y}年1月1日至{y}年12月31日。",
    "本年度报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》编制，"
    "包括" + _PARTS + "等六部分。数据统计期限自{y}年1月1日至{y}年12月31日。",
)
_INTROS = (
    "本年度，{pron}{syn0}《条例》，坚持以公开为常态、不公开为例外，{syn7}政府信息公开各项工作，公开质量和实效{syn10}。",
    "{y}年，{pron}在上级政府信息公开工作主管部门的指导下，{syn0}党中央、国务院关于全面推进政务公开的决策部署，"
    "围绕中心工作，政府信息公开的规范化、标准化水平{syn10}。",
    "{pron}坚持以人民为中心的发展思想，将政府信息公开作为建设法治政府、服务型政府的重要抓手，{syn7}决策、执行、管理、服务、"
    "结果公开，较好保障了人民群众的知情权、参与权、表达权和监督权。",
)
_S_PUBLISHED_VARIANTS = (
    _S_PUBLISHED,
    "全年通过政府网站、政务微博、微信公众号等平台主动公开各类政府信息{n}条。",
)
_S_NEWS = (
    "本年度，{pron}共新收政府信息公开申请{new}件。上年结转政府信息公开申请{carried}件。",
    "本年度共收到政府信息公开申请{new}件。此外，上年结转申请{carried}件。",
)
_S_DONES = (
    "全年共办结政府信息公开申请{total}件，予以公开{open}件，占{p}%。结转下年度继续办理{forward}件。",
    "本年度共办结申请{total}件。予以公开{open}件，占办结总数的{p}%。另有{forward}件结转下年度继续办理。",
)
_S_CASES_VARIANTS = (
    "本年度，{pron}政府信息公开工作被申请行政复议{review}件，被提起行政诉讼{suits}件。",
    "全年发生政府信息公开行政复议案件{review}件、行政诉讼案件{suits}件。",
)
_S_FEES_VARIANTS = (
    "本年度，{pron}未收取政府信息公开信息处理费，无其他需要报告的事项。",
    "{pron}严格执行政府信息公开信息处理费有关规定，本年度未发生收取信息处理费的情况。",
    "本年度无其他需要报告的事项。",
)
_PROBLEMS = (
    "{pron}政府信息公开工作还存在一些不足：一是公开内容的全面性和规范性有待提高；二是政策解读形式较为单一，"
    "图解、视频等解读形式运用不多；三是个别单位工作人员业务能力有待加强。下一步，{pron}将进一步完善工作机制，"
    "加强业务培训和督促检查，推动政府信息公开工作提质增效。"
)
# Work paragraphs without figures, to bring a table document to its size when the sample runs short.
_FILLERS = (
    "{pron}严格落实政府信息公开保密审查制度，坚持先审查、后公开，一事一审、全面审查，对拟公开的政府信息依法依规进行保密审查，"
    "防止泄露国家秘密和敏感信息，未发生因公开政府信息引发的泄密事件和负面舆情。",
    "{pron}健全政策解读工作机制，坚持政策文件与解读方案、解读材料同步组织、同步审签、同步部署，综合运用图文、音视频、"
    "新闻发布会、在线访谈等形式解读重要政策，回应社会关切，增进社会认同。",
    "{pron}加强政府网站和政务新媒体管理，落实内容保障和安全防护责任，定期开展常态化监测和自查整改，规范信息发布流程，"
    "提升平台的权威性、及时性和实用性，更好发挥政府信息公开第一平台作用。",
    "{pron}持续规范依申请公开办理工作，完善受理、登记、审核、答复、归档等工作流程，统一答复文书格式，严格按照法定时限答复，"
    "依法保障人民群众合理的信息需求。",
    "{pron}把政务公开工作纳入年度绩效考核，组织开展政务公开业务培训，通过以会代训、专题辅导等方式，提高工作人员依法公开意识和业务水平，"
    "形成了主要领导负总责、分管领导具体抓、工作人员抓落实的工作格局。",
    "{pron}推进基层政务公开标准化规范化建设，梳理完善重点领域公开事项目录，推动公开内容覆盖权力运行全流程、政务服务全过程，"
    "以公开促落实、促规范、促服务。",
    "{pron}围绕财政预决算、重大建设项目、公共资源交易、社会救助、义务教育、医疗卫生、生态环境等重点领域，细化公开内容和公开标准，"
    "及时发布各类重点领域信息，主动接受社会监督，切实保障人民群众的知情权、参与权、表达权和监督权。",
    "{pron}完善重大行政决策公众参与机制，对涉及群众切身利益的重要改革方案、重大政策措施和重点工程项目，在决策前通过政府门户网站"
    "向社会公开征求意见，及时反馈意见采纳情况，邀请利益相关方、专家学者和媒体代表列席有关会议，提升决策的科学性和透明度。",
    "{pron}加强政府信息管理，建立健全政府信息公开属性源头认定机制，在公文办理环节同步确定公开属性，定期对已公开的政府信息进行清理，"
    "对失效、废止的规范性文件及时标注，确保公开信息准确、权威、有效。",
    "{pron}深化政务服务信息公开，全面公开政务服务事项的办理依据、受理条件、申请材料、办理流程和办理时限，推行一次告知、"
    "一窗受理、限时办结，推动更多政务服务事项网上办、掌上办、就近办，持续优化营商环境。",
    "{pron}注重发挥政务新媒体传播优势，统筹运用政务微博、微信公众号和移动客户端，及时发布权威信息和便民服务资讯，"
    "对网民留言认真研判、及时回复，努力做到群众有所呼、政府有所应。",
    "{pron}加强政府信息公开工作机构和队伍建设，明确分管负责同志和具体承办人员，调整充实政务公开工作领导小组，"
    "建立健全信息发布协调、保密审查、责任追究等配套制度，为政府信息公开工作提供有力保障。",
    "{pron}强化监督考核，将政府信息公开工作纳入依法行政考核和年度目标管理，通过日常监测、专项检查、定期通报等方式督促整改，"
    "对工作不力、问题突出的单位进行约谈提醒，推动各项任务落到实处。",
    "{pron}规范政府公报和政府信息公开专栏管理，统一栏目设置和信息分类，完善检索查询功能，方便公众查阅获取政府信息，"
    "并在政务服务大厅、档案馆、图书馆等场所设置政府信息查阅点，为群众提供便捷的查阅服务。",
)


def _sample_text(paragraph: _Paragraph, doc: _Doc) -> str:
    return _render(paragraph.table_pieces_fw if doc.body.full_width else paragraph.table_pieces, doc)


def _table_doc(doc: _Doc, error_kinds: list[str]) -> tuple[str, list[dict[str, Any]], str]:
    body, template = doc.body, doc.body.template
    trad = template.spec.traditional
    cv = _s2t if trad else (lambda s: s)
    rng = doc.rng
    errors: list[dict[str, Any]] = []
    tables = _make_tables(body, doc.year, rng)
    t3 = tables.t3
    concluded = t3["total"][-1]
    review = tables.t4[4]
    suits = tables.t4[9] + tables.t4[14]
    if "table-identity" in error_kinds:
        errors.append(_break_identity(tables, rng))
    t2_text, t3_text, t4_text = _tables_text(tables, trad)
    pron = body.pronoun
    heading = [cv(h[body.heading_variant % len(h)]) for h in _HEADINGS]
    target = int(min(18500, max(12500, rng.gauss(15000, 1300))))

    pick = rng.choice
    intro = cv(pick(_INTROS)).format(pron=pron, y=doc.year, syn0=doc.syn[0], syn7=doc.syn[7], syn10=doc.syn[10])
    published_n = rng.randint(80, 4000)
    published = cv(pick(_S_PUBLISHED_VARIANTS)).format(
        pron=pron, n=_BLANK_MARK if "blank-figure" in error_kinds else published_n
    )
    marker = None
    if "blank-figure" in error_kinds:
        published, marker = _blank_marker(published, cv("条"))
    p = f"{100 * t3['open'][-1] / concluded:.1f}" if concluded else "0.0"
    s_new = cv(pick(_S_NEWS)).format(pron=pron, new=t3["new"][-1], carried=t3["carried"][-1])
    s_done = (
        cv(pick(_S_DONES)).format(total=concluded, open=t3["open"][-1], p=p, forward=t3["forward"][-1])
        if concluded
        else ""
    )
    s_cases = cv(pick(_S_CASES_VARIANTS)).format(pron=pron, review=review, suits=suits)
    s_fees = cv(pick(_S_FEES_VARIANTS)).format(pron=pron)
    added: list[str] = []
    if "share-mismatch" in error_kinds:
        text, error = _share_error(doc)
        added.append(text)
        errors.append(error)
    if "parts-exceed-total" in error_kinds:
        text, error = _sum_error(doc)
        added.append(text)
        errors.append(error)
    if "wrong-year" in error_kinds:
        errors.append(_date_error(doc, table=True))
    if marker is not None:
        errors.append({"kind": "blank-figure", "rule_prefix": "PLH", "rules": ["PLH002"], "evidence": marker})
    problems_own = [p_ for p_ in template.paragraphs if p_.eligible and p_.problem]
    work = [p_ for p_ in template.paragraphs if p_.eligible and not p_.problem]
    problems = [_sample_text(p_, doc) for p_ in problems_own[:2]] or [cv(_PROBLEMS).format(pron=pron)]
    fixed = [
        f"{body.issuer}{doc.year}{cv(body.title_word + '政府信息公开工作年度报告')}",
        cv(pick(_PREAMBLES)).format(y=doc.year),
        heading[0], intro, heading[1], published, t2_text, heading[2], s_new, s_done, t3_text,
        heading[3], s_cases, t4_text, heading[4], *problems, heading[5], s_fees,
        body.issuer, doc.date("cn"),
    ]
    size = sum(len(s.encode("utf-8")) + 1 for s in fixed) + sum(len(s.encode("utf-8")) for s in added)
    # The sample's work paragraphs, in its order, until the document reaches its size.
    chosen: list[str] = []
    start = rng.randrange(len(work)) if work else 0
    for p_ in work[start:] + work[:start]:
        if size >= target:
            break
        text = _sample_text(p_, doc)
        chosen.append(text)
        size += len(text.encode("utf-8")) + 1
    fillers = list(_FILLERS)
    rng.shuffle(fillers)
    for f in fillers:
        if size >= target - 600:
            break
        text = cv(f).format(pron=pron)
        chosen.append(text)
        size += len(text.encode("utf-8")) + 1
    # Most work paragraphs go to 一、总体情况; one to 二、主动公开 when there are several.
    second = chosen[-1:] if len(chosen) > 2 else []
    first = chosen[: len(chosen) - len(second)]
    for text in added:
        # An added sentence is a paragraph of its own among the work paragraphs.
        first.insert(rng.randint(0, len(first)), text)
    lines = [
        fixed[0], fixed[1], heading[0], intro, *first, heading[1], published, *second, t2_text,
        heading[2], s_new, *([s_done] if s_done else []), t3_text, heading[3], s_cases, t4_text,
        heading[4], *problems, heading[5], s_fees, body.issuer, doc.date("cn"),
    ]
    return "\n".join(lines) + "\n", errors, tables.version


# -------------------------------------------------------------- generate


@dataclass
class Manifest:
    """A generated corpus: where it is and what it holds (per document in ``manifest.json``)."""

    out_dir: Path
    path: Path  # manifest.json
    n: int
    seed: int
    kinds: dict[str, int]
    error_documents: int
    errors: dict[str, int]  # injected errors by kind
    sizes: tuple[int, int, int]  # min, median, max (UTF-8 bytes)
    seconds: float

    def documents(self) -> list[dict[str, Any]]:
        """Every document's entry (read from ``manifest.json``)."""
        return json.loads(self.path.read_text(encoding="utf-8"))["documents"]

    def summary(self) -> str:
        lo, mid, hi = self.sizes
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.kinds.items()))
        errs = ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())) or "none"
        return (
            f"{self.n} documents in {self.out_dir} ({kinds}) in {self.seconds:.1f} s\n"
            f"size (bytes): min {lo}, median {mid}, max {hi}\n"
            f"documents with injected errors: {self.error_documents} ({errs})\n"
            f"manifest: {self.path}"
        )


def generate(
    out_dir: Path,
    n: int,
    *,
    seed: int = 0,
    table_share: float = 0.5,
    error_share: float = 0.2,
) -> Manifest:
    """Write ``n`` documents and ``manifest.json`` into ``out_dir`` (see the module doc).

    Files ``doc_*.txt`` left in ``out_dir`` by an earlier run are removed first, so the
    folder holds exactly this corpus.
    """
    if n < 0:
        raise ValueError("n must be ≥ 0")
    if not 0 <= table_share <= 1 or not 0 <= error_share <= 1:
        raise ValueError("table_share and error_share must be between 0 and 1")
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("doc_*.txt"):
        if re.fullmatch(r"doc_\d+\.txt", old.name):
            old.unlink()
    width = max(6, len(str(n)))
    pool = _name_pool(seed)
    error_rng = random.Random(f"errors:{seed}")
    sizes = array("I")
    kinds = {NARRATIVE: 0, TABLE: 0}
    error_counts: dict[str, int] = {}
    error_docs = 0
    manifest_path = out_dir / "manifest.json"
    number = 0
    with manifest_path.open("w", encoding="utf-8") as manifest:
        head = {"version": 1, "seed": seed, "n": n, "table_share": table_share, "error_share": error_share}
        manifest.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "documents": [\n')
        for body_index, years in _runs(n, seed, table_share):
            body = _make_body(body_index, pool, seed)
            body_rng = random.Random(f"docs:{seed}:{body_index}")
            for year in years:
                number += 1
                kind = TABLE if year >= TABLE_YEARS[0] else NARRATIVE
                # Error documents: error_share of every prefix of the corpus (± 1), at random places.
                quota_low = math.floor(error_share * number + 1e-9)
                quota_high = math.ceil(error_share * number - 1e-9)
                has_error = error_docs < quota_low or (error_docs < quota_high and error_rng.random() < error_share)
                if year != years[0] and body_rng.random() < _STYLE_SWITCH:
                    body.full_width = not body.full_width  # another drafter, or another site's copy
                doc = _Doc(body, year, body_rng, _signing_date(body_rng, year, body.kind, kind == TABLE))
                available = list(ERROR_KINDS) if kind == TABLE else _NARRATIVE_ERRORS[body.template.spec.stem]
                chosen = _choose_errors(error_rng, available) if has_error else []
                layout = None
                if kind == TABLE:
                    text, errors, layout = _table_doc(doc, chosen)
                else:
                    text, errors = _narrative(doc, chosen)
                data = text.encode("utf-8")
                name = f"doc_{number:0{width}d}.txt"
                (out_dir / name).write_bytes(data)
                sizes.append(len(data))
                kinds[kind] += 1
                if errors:
                    error_docs += 1
                    for e in errors:
                        error_counts[e["kind"]] = error_counts.get(e["kind"], 0) + 1
                entry = {
                    "file": name,
                    "body": body.canonical,
                    "script": "traditional" if body.template.spec.traditional else "simplified",
                    "year": year,
                    "kind": kind,
                    "layout": layout,
                    "sample": body.template.spec.stem,
                    "bytes": len(data),
                    "errors": errors,
                }
                manifest.write(("" if number == 1 else ",\n") + json.dumps(entry, ensure_ascii=False))
        stats = _size_stats(sizes)
        summary = {
            "kinds": kinds,
            "error_documents": error_docs,
            "errors": dict(sorted(error_counts.items())),
            "bytes": {"min": stats[0], "median": stats[1], "max": stats[2]},
        }
        manifest.write("\n], " + json.dumps({"summary": summary}, ensure_ascii=False)[1:] + "\n")
    return Manifest(
        out_dir, manifest_path, n, seed, kinds, error_docs, dict(sorted(error_counts.items())), stats,
        time.perf_counter() - started,
    )


def _size_stats(sizes: array) -> tuple[int, int, int]:
    if not sizes:
        return (0, 0, 0)
    return (min(sizes), int(statistics.median(sizes)), max(sizes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus",
        description="Generate a benchmark corpus of annual reports from samples/ (see the module docstring).",
    )
    parser.add_argument("out_dir", type=Path, help="folder to write doc_*.txt and manifest.json into")
    parser.add_argument("-n", type=int, default=1000, help="number of documents (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0): the same seed gives the same bytes")
    parser.add_argument("--table-share", type=float, default=0.5, help="share of table-format (2019+) documents (default 0.5)")
    parser.add_argument("--error-share", type=float, default=0.2, help="share of documents with injected errors (default 0.2)")
    args = parser.parse_args(argv)
    try:
        manifest = generate(args.out_dir, args.n, seed=args.seed, table_share=args.table_share, error_share=args.error_share)
    except ValueError as exc:
        parser.error(str(exc))
    print(manifest.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
