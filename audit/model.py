"""The types that flow between the pipeline stages.

    ingest ──▶ Document ──extract──▶ Facts ──checks──▶ Finding ──render──▶ output

Every stage takes and returns these types and nothing else, so a stage can be
tested alone and a renderer never needs to know how a finding was produced.
Numbers are exact: values are ``Fraction``s and every written figure carries the
``Interval`` it stands for (see DESIGN.md, "Numbers with precision").
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any, Iterable, Mapping, Sequence


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


# ----------------------------------------------------------------------- intervals

_INTERVAL_RE = re.compile(r"^([\[(])(-?[0-9./]+),(-?[0-9./]+|inf)([\])])$")


def _exact_text(value: Fraction) -> str:
    """Decimal text when ``value`` has a finite decimal expansion, else ``p/q``."""
    if value.denominator == 1:
        return str(value.numerator)
    text = plain_number(value)
    return text if Fraction(text) == value else str(value)


@dataclass(frozen=True, slots=True)
class Interval:
    """The set of true values a written figure is compatible with.

    ``hi is None`` means unbounded above (``100人以上``). Bounds are exact
    fractions; ``lo_open``/``hi_open`` say whether the bound itself is excluded.
    """

    lo: Fraction
    hi: Fraction | None
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def exact(cls, value: Fraction | int) -> Interval:
        v = Fraction(value)
        return cls(v, v)

    @property
    def is_exact(self) -> bool:
        return self.hi is not None and self.lo == self.hi and not (self.lo_open or self.hi_open)

    def __add__(self, other: Interval) -> Interval:
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(
            self.lo + other.lo,
            hi,
            self.lo_open or other.lo_open,
            hi is not None and (self.hi_open or other.hi_open),
        )

    @classmethod
    def sum(cls, items: Iterable[Interval]) -> Interval:
        """The interval of a sum of figures, each known only as an interval."""
        items = tuple(items)
        if all(i.lo.denominator == 1 and i.hi == i.lo and not (i.lo_open or i.hi_open) for i in items):
            return cls.exact(sum(i.lo.numerator for i in items))  # table counts: whole numbers, summed as ints
        total = cls.exact(0)
        for item in items:
            total = total + item
        return total

    def entirely_above(self, other: Interval) -> bool:
        """True when every value of ``self`` exceeds every value of ``other``."""
        if other.hi is None:
            return False
        if self.lo > other.hi:
            return True
        return self.lo == other.hi and (self.lo_open or other.hi_open)

    def overlaps(self, other: Interval) -> bool:
        return not (self.entirely_above(other) or other.entirely_above(self))

    def contains(self, value: Fraction) -> bool:
        if value < self.lo or (value == self.lo and self.lo_open):
            return False
        if self.hi is None:
            return True
        return value < self.hi or (value == self.hi and not self.hi_open)

    def __str__(self) -> str:
        """A compact exact encoding, e.g. ``[83500,84500)``; parsed back by :meth:`parse`."""
        hi = "inf" if self.hi is None else _exact_text(self.hi)
        return f"{'(' if self.lo_open else '['}{_exact_text(self.lo)},{hi}{')' if self.hi_open or self.hi is None else ']'}"

    @classmethod
    def parse(cls, text: str) -> Interval:
        """The interval ``str`` encoded (cached: claim tables repeat a few texts such as ``[0,0]`` many times)."""
        return _parse_interval(text)


@functools.lru_cache(maxsize=1 << 16)
def _parse_interval(text: str) -> Interval:
    m = _INTERVAL_RE.match(text.strip())
    if not m:
        raise ValueError(f"not an interval: {text!r}")
    lo_b, lo, hi, hi_b = m.groups()
    hi_v = None if hi == "inf" else Fraction(hi)
    return Interval(Fraction(lo), hi_v, lo_b == "(", hi_v is not None and hi_b == ")")


# -------------------------------------------------------------------------- grids


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a table as the source laid it out.

    ``text`` is the cell's text with inner line breaks joined; ``span`` is where
    that text sits in ``Document.text`` (readers write each table row into the
    text as one line, cells joined by `` | ``), so a cell is quoted like any
    other evidence. A merged cell appears once, at its top-left position.
    """

    text: str
    span: Span
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class Grid:
    """A table read from a structured source (HTML, DOCX, PDF), in source order."""

    cells: tuple[Cell, ...]
    span: Span
    page: int | None = None

    def rows(self) -> list[list[Cell]]:
        """The cells by row, each row left to right."""
        by_row: dict[int, list[Cell]] = {}
        for cell in self.cells:
            by_row.setdefault(cell.row, []).append(cell)
        return [sorted(by_row[r], key=lambda c: c.col) for r in sorted(by_row)]


# ------------------------------------------------------------------------ document


@dataclass(slots=True)
class Document:
    """One input, normalised.

    ``text`` is what evidence offsets point into: the decoded source with line
    endings unified and full-width digits/letters folded to ASCII, character for
    character. ``shadow`` is the same text in Simplified script (same length, so
    an offset means the same place in both); extractors match on ``shadow`` and
    quote ``text``.
    """

    path: str
    format: str
    text: str
    shadow: str
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    grids: tuple[Grid, ...] = ()
    # Offset in ``text`` where each page starts (paged sources only: PDF).
    page_starts: tuple[int, ...] = ()
    _line_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.text) != len(self.shadow):
            raise ValueError("shadow text must align with the text character for character")

    def quote(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset`` in ``text``, columns in code points."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def page_of(self, offset: int) -> int | None:
        """The 1-based page ``offset`` falls on, or None for a source without pages."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset) or 1


# --------------------------------------------------------------------------- facts


class Approx(str, enum.Enum):
    """How a figure is qualified in the text."""

    EXACT = "exact"
    MORE_THAN = "more_than"  # 余 多 逾 超过 以上
    NEARLY = "nearly"  # 近 将近 接近
    ABOUT = "about"  # 约 大约 左右
    RANGE = "range"  # 3-5件 3至5件: value is the lower end, interval [lo, hi]


@dataclass(frozen=True, slots=True)
class Number:
    """A figure with its unit, as written at ``span``."""

    value: Fraction
    unit: str | None
    approx: Approx
    interval: Interval
    span: Span
    raw: str
    decimals: int = 0  # digits after the decimal point as written (for percentages)
    figure: str = ""  # as written without its unit: ``8.4萬餘`` of ``8.4萬餘件``

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A stated total and the parts the text lists under it (``共N件，其中a件、b件``).

    ``may_exceed``: the text says the parts overlap (``同一信息多渠道公开计1条``),
    so their sum may be above the total. ``may_fall_short``: the list is open
    (``等``, ``主要有``), so their sum may be below it.
    """

    total: Number
    parts: tuple[Number, ...]
    span: Span
    cue: str
    may_exceed: bool = False
    may_fall_short: bool = False


@dataclass(frozen=True, slots=True)
class Share:
    """A percentage stated for a count out of a base (``9363份，占比93%``)."""

    count: Number
    base: Number
    percent: Number
    span: Span
    cue: str


@dataclass(frozen=True, slots=True)
class ShareSet:
    """Percentages the text gives for the parts of one whole, in one list
    (``政务信息公开指南1条，占8%；其他公文5条，占41%…``); ``whole`` names it as
    written after 占 (empty for a bare 占)."""

    percents: tuple[Number, ...]
    span: Span
    whole: str


@dataclass(frozen=True, slots=True)
class Restatement:
    """One quantity (``label``) stated at ``first`` and again at ``second``."""

    first: Number
    second: Number
    label: str


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell of a standard table, keyed by its canonical (table, row, column) id.

    ``value`` is the number the cell holds (None for a blank, a placeholder such
    as ``/`` or ``—``, or text); ``text`` is the cell as written. ``measure``
    says what belongs there: ``count``, ``signed`` (本年增/减) or ``amount`` (万元).
    """

    table: str
    row: str
    column: str
    row_label: str
    column_label: str
    text: str
    value: Fraction | None
    span: Span
    measure: str = "count"

    @property
    def interval(self) -> Interval:
        """What the cell says about its quantity: exact, or any count when it is empty."""
        if self.value is not None:
            return Interval.exact(self.value)
        return Interval(Fraction(0), None)


@dataclass(frozen=True, slots=True)
class StandardTable:
    """表二, 表三 or 表四 as read from one document, in the template ``version`` it follows."""

    table: str
    version: str | None  # "2019" (trial format) or "2021"; None when the table does not tell
    cells: tuple[TableCell, ...]
    span: Span
    complete: bool  # every cell of the layout was found

    def cell(self, row: str, column: str) -> TableCell | None:
        """The cell at ``row``/``column``: the first one, should the table hold two there."""
        for cell in self.cells:
            if cell.row == row and cell.column == column:
                return cell
        return None

    def by_row(self) -> dict[str, dict[str, TableCell]]:
        """The cells by row id, then column id, in the order they come; at each place the cell
        ``cell`` gives. For a caller that looks up many cells (``cell`` reads them all each time)."""
        rows: dict[str, dict[str, TableCell]] = {}
        for cell in self.cells:
            rows.setdefault(cell.row, {}).setdefault(cell.column, cell)
        return rows


@dataclass(frozen=True, slots=True)
class TableIdentity:
    """An identity the format implies between cells: sum(left) = sum(right)."""

    rule: str  # the rule that checks it (TBL001 …)
    name: str  # which identity, for the reader: "（七）总计 · 自然人"
    left: tuple[TableCell, ...]
    right: tuple[TableCell, ...]


@dataclass(frozen=True, slots=True)
class TableStatement:
    """A figure the prose states for a quantity the tables also hold."""

    number: Number
    label: str  # the quantity, e.g. "本年新收申请"
    value: Fraction  # the table's figure for it
    cells: tuple[TableCell, ...]  # the cells it comes from
    working: str  # how the table's figure was obtained, e.g. "予以公开 272 + 部分公开 3"


@dataclass(frozen=True, slots=True)
class YearOverYear:
    """A cell of this year's table that last year's report of the same body fixes.

    ``expected`` is what last year's figures give (``working`` says how), e.g.
    this year's 上年结转 = last year's 结转下年度继续办理. The cell is named by its
    ``table``/``row``/``column`` ids and ``value``; ``cell`` itself is filled in
    from the document's facts when the claim is reported (the claims across
    reports are made from each report's digest, not its facts).
    """

    rule: str
    table: str
    row: str
    column: str
    value: Fraction
    expected: Fraction
    working: str
    cell: TableCell | None = None


# ------------------------------------------------------------------- placeholders


@dataclass(frozen=True, slots=True)
class Slot:
    """A place where the text asks for a value, and what fills it (``""`` when nothing does).

    ``kind`` says which: ``figure`` (a count unit and the figure before it), ``ordinal``
    (第 and its number), ``year`` (a month-day date and its year), ``field`` (a label
    such as 邮编: and its value), ``attachment`` (附件: and what it names; ``attached``
    says whether a named statistics table follows, None when that cannot be told) or
    ``mark`` (a run of template-mark characters, the value being the run itself).
    ``label`` is the text a reader recognises the slot by; ``span`` covers it.
    """

    kind: str
    label: str
    value: str
    span: Span
    attached: bool | None = None


# ---------------------------------------------------------------------- structure


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading: its numbering style (一、 （一） 1. （1）), number and place."""

    style: str
    number: int
    depth: int  # 0 for the outermost numbering in use, 1 below it …
    text: str  # the heading up to its first 。 (a run-in heading goes on as a paragraph)
    span: Span
    label: str  # the heading as it reads, number and text (二、政府信息公开工作开展情况)
    step: int | None  # number minus the previous sibling's (0 before the first); None for a new list at 1
    previous: Span | None  # the previous sibling heading


@dataclass(frozen=True, slots=True)
class RequiredPart:
    """One part a report must contain under its regime, and where (whether) it is."""

    key: str
    name_zh: str
    name_en: str
    regime: str  # "2019" (条例 第五十条 and the format's six headings) or "2008" (第三十二条)
    span: Span | None  # the heading (2019) or the first words naming it (2008); None when missing
    text: str | None  # what ``span`` holds
    position: int | None  # index among the document's top headings (2019 only)
    previous: int | None  # position of the nearest earlier required part found (2019 only)


@dataclass(frozen=True, slots=True)
class PartCount:
    """A declared number of parts (…等六部分组成) with the parts it lists and the sections present."""

    declared: int
    listed: tuple[str, ...]  # the parts named in the sentence (empty when it names none)
    present: int | None  # top-level sections after it; None when it cannot be told
    span: Span


@dataclass(frozen=True, slots=True)
class Repeat:
    """A paragraph found twice (exactly or nearly) in one document."""

    first: Span
    second: Span
    similarity: float  # difflib ratio of the two paragraphs (1 for a passage repeated word for word)
    excerpt: str  # how the repeated text begins, for the message


@dataclass(slots=True)
class Structure:
    """The shape of a document: headings, required parts, declared parts, repeats, chrome."""

    headings: list[Heading] = field(default_factory=list)
    complete: bool = False  # the text runs to its closing date line
    regime: str | None = None
    required: list[RequiredPart] = field(default_factory=list)
    part_counts: list[PartCount] = field(default_factory=list)
    repeats: list[Repeat] = field(default_factory=list)
    lines: list[tuple[Span, str]] = field(default_factory=list)  # short lines, checked for web chrome
    # Comparable sentence → its first place, in text order (read whole: extract.structure.Sentences).
    sentences: Mapping[str, Span] = field(default_factory=dict)


# ------------------------------------------------------------------------- dating


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date the text states; ``month``/``day`` are None when it names only a year or month."""

    year: int
    month: int | None
    day: int | None
    span: Span

    @property
    def iso(self) -> str:
        """``2019-01-30`` (``2019-01`` / ``2019`` when less is known)."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True, slots=True)
class YearMention:
    """A year the text states in some role, and the sentence that gives it its meaning."""

    year: int
    span: Span  # the year as written (``2013年``, ``〔2014〕``)
    sentence: Span  # the statement, title or citation it belongs to


@dataclass(frozen=True, slots=True)
class Deadline:
    """The legal publication deadline of a report and the rule it comes from."""

    date: str  # ISO, e.g. "2019-03-31"
    regime: str  # "2008" or "2019" (the 条例 the report falls under)
    basis_zh: str
    basis_en: str


@dataclass(slots=True)
class Dating:
    """Every statement of time in one document that the period checks compare.

    ``title`` is the year the report calls itself (its title, or the preamble's
    现将…Y年…年度报告 when it has no title line); ``period_start``/``period_end``
    the statistical period (统计期限); ``published`` the 发布日期/公开日期 metadata,
    ``signed`` the date line that closes the report or its 成文日期; ``statements``
    the factual statements framed by a year, outside plan passages; ``plans``
    the same inside them; ``as_of`` the 截至 dates; ``date_texts`` every written
    date (well-formed or garbled) with its text.
    """

    title: YearMention | None = None
    period_start: DateRef | None = None
    period_end: DateRef | None = None
    period_span: Span | None = None
    published: DateRef | None = None
    signed: DateRef | None = None
    citations: list[YearMention] = field(default_factory=list)
    statements: list[YearMention] = field(default_factory=list)
    plans: list[YearMention] = field(default_factory=list)
    as_of: list[tuple[DateRef, str]] = field(default_factory=list)  # (date, as written)
    date_texts: list[tuple[Span, str]] = field(default_factory=list)  # (where, text without spaces)
    body_year: int | None = None  # the year most factual statements are about, when clear
    report_year: int | None = None
    report_year_source: str | None = None  # "title", "period" or "statements"
    issuer: str | None = None  # the issuing body as the title (or the signature) names it
    issuer_kind: str | None = None  # "government", "department" or None (cannot tell)
    deadline: Deadline | None = None


@dataclass(slots=True)
class Facts:
    """Everything extracted from one document."""

    numbers: list[Number] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    share_sets: list[ShareSet] = field(default_factory=list)
    restatements: list[Restatement] = field(default_factory=list)
    tables: list[StandardTable] = field(default_factory=list)
    identities: list[TableIdentity] = field(default_factory=list)
    table_statements: list[TableStatement] = field(default_factory=list)
    dating: Dating = field(default_factory=Dating)
    slots: list[Slot] = field(default_factory=list)
    structure: Structure = field(default_factory=Structure)

    @property
    def report_year(self) -> int | None:
        """The year the report is about (see ``Dating.report_year``)."""
        return self.dating.report_year

    @property
    def issuer(self) -> str | None:
        """The issuing body as the title (or the signature) names it."""
        return self.dating.issuer


# ------------------------------------------------------------------------ findings


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Category(str, enum.Enum):
    SUM = "sum"
    PERCENT = "percent"
    PERIOD = "period"
    PLACEHOLDER = "placeholder"
    TABLE = "table"
    CONSISTENCY = "consistency"
    STRUCTURE = "structure"
    INPUT = "input"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quoted piece of the document; ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int
    page: int | None = None
    # For a cell of a standard table: which table, row and column it is.
    table: str | None = None
    row: str | None = None
    column: str | None = None
    # (line, column, end line, end column), 1-based, of ``start``/``end`` in the text (SARIF,
    # GitHub annotations); set when the finding is made, so outputs need not keep the text.
    region: tuple[int, int, int, int] | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one document, ready for every renderer."""

    rule: str
    name: str
    category: Category
    severity: Severity
    message_zh: str
    message_en: str
    evidence: tuple[Evidence, ...] = ()
    expected: Any = None
    observed: Any = None
    arithmetic: str | None = None

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh


class Status(str, enum.Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the outputs read of a document once its text and facts are let go (``DocumentResult.release``)."""

    format: str
    dropped: tuple[Any, ...]
    dating: Dating | None


@dataclass(slots=True)
class DocumentResult:
    """The audit of one input. ``document`` is None when it could not be read.

    A batch streamed in chunks keeps only what its outputs need of each document:
    ``release()`` replaces the text and facts by a ``DocumentInfo`` once the
    document's page is written. ``baselined`` holds the findings a baseline hid.
    """

    path: str
    document: Document | None
    findings: list[Finding] = field(default_factory=list)
    report_year: int | None = None
    facts: Facts | None = None
    info: DocumentInfo | None = None
    baselined: list[Finding] = field(default_factory=list)

    @property
    def read(self) -> bool:
        """Whether the input was read at all (it may be released since)."""
        return self.document is not None or self.info is not None

    @property
    def format(self) -> str | None:
        if self.document is not None:
            return self.document.format
        return self.info.format if self.info is not None else None

    @property
    def dropped(self) -> list[Any]:
        """Page chrome the reader left out of the text (``meta["dropped"]``)."""
        if self.document is not None:
            return list(self.document.meta.get("dropped", []))
        return list(self.info.dropped) if self.info is not None else []

    @property
    def dating(self) -> Dating | None:
        if self.facts is not None:
            return self.facts.dating
        return self.info.dating if self.info is not None else None

    @property
    def issuer(self) -> str | None:
        dating = self.dating
        return dating.issuer if dating is not None else None

    def release(self) -> None:
        """Let go of the text and facts, keeping what the outputs read (``DocumentInfo``)."""
        if self.document is None:
            return
        dating = None
        if self.facts is not None:  # the statements and dates lists are the facts, not the summary
            dating = replace(self.facts.dating, citations=[], statements=[], plans=[], as_of=[], date_texts=[])
        self.info = DocumentInfo(self.document.format, tuple(self.document.meta.get("dropped", ())), dating)
        self.document = None
        self.facts = None

    @property
    def status(self) -> Status:
        """``error`` when the document was not (fully) audited: unreadable, or its processing failed.

        An input warning (a file read despite its wrong extension, INP003) does not make it unreadable.
        """
        if not self.read or any(
            f.category is Category.INPUT and f.severity is Severity.ERROR for f in self.findings
        ):
            return Status.ERROR
        severities = {f.severity for f in self.findings}
        if Severity.ERROR in severities:
            return Status.FAIL
        if Severity.WARNING in severities:
            return Status.WARN
        return Status.PASS

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


@dataclass(slots=True)
class AuditReport:
    """The whole batch, in input order."""

    documents: Sequence[DocumentResult]  # a list, or a streamed run's results stored on disk

    def summary(self) -> dict[str, Any]:
        tally = Tally()
        for d in self.documents:  # one pass: a streamed run reads its results back from disk
            tally.add(d)
        return tally.summary()


class Tally:
    """The batch totals (``AuditReport.summary``), counted as the documents are read.

    An output that reads every document anyway counts them on the way (a streamed run
    of 50,000 documents reads its results back from disk in each pass, ~2 s).
    """

    def __init__(self) -> None:
        self.documents = 0
        self.statuses = {s: 0 for s in Status}
        self.findings = {s: 0 for s in Severity}

    def add(self, d: DocumentResult) -> None:
        self.documents += 1
        self.statuses[d.status] += 1
        for f in d.findings:
            self.findings[f.severity] += 1

    def summary(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            **{s.value: n for s, n in self.statuses.items()},
            "findings": {s.value: n for s, n in self.findings.items()},
        }


# ------------------------------------------------------------------------- helpers


def format_fraction(value: Fraction, decimals: int = 0) -> str:
    """Exact decimal text of ``value`` rounded half-up to ``decimals`` places (no floats)."""
    scale = 10**decimals
    scaled = value * scale
    sign = "-" if scaled < 0 else ""
    n = abs(scaled)
    whole = int(n)
    if n - whole >= Fraction(1, 2):
        whole += 1
    digits = str(whole).rjust(decimals + 1, "0")
    if decimals:
        return f"{sign}{digits[:-decimals]}.{digits[-decimals:]}"
    return f"{sign}{digits}"


def plain_number(value: Fraction) -> str:
    """Shortest exact decimal text of ``value`` when it has one (``84500``, ``98.815``)."""
    if value.denominator == 1:
        return str(value.numerator)
    for decimals in range(1, 19):
        if (value * 10**decimals).denominator == 1:
            return format_fraction(value, decimals)
    return format_fraction(value, 18).rstrip("0")  # never scientific notation: Interval.parse reads it
