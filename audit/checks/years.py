"""Claims across two reports of one body: this year's tables against last year's.

Two reports are of one body when their titles name the same issuer
(``Facts.issuer``, with or without the bodies above it) and their report
years are consecutive. Only then, and only
from cells both reports state as numbers:

* TBL007 (template.md T3-7): this year's 表三 二、上年结转 equals last year's
  四、结转下年度继续办理, column by column. Conventional, not certain: a
  reorganisation or a change of scope breaks it, so it is a warning.
* TBL008 (T2-1): this year's 表二 现行有效件数 equals last year's plus this year's
  本年制发件数 minus 本年废止件数 (2021 layout, 规章 and 行政规范性文件). Documents
  also lapse by expiry or are revised, so a difference is information only.

A batch is audited in chunks and a report's facts are let go with its chunk,
so these claims are made from each report's ``Digest``: what other reports'
checks read of it (its issuer and year, the cells above, the hashes of its
sentences for STR009), a few kilobytes where its facts take a hundred. The
cell a failing claim quotes is taken from the facts again when it is reported
(``resolve_year``).
"""

from __future__ import annotations

import hashlib
from array import array
from collections import defaultdict
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Protocol, Sequence

from audit.extract import standard as std
from audit.model import Facts, StandardTable, YearOverYear, plain_number

_T2_ROWS = ("rules", "normative")
_T2_COLUMNS = ("in_force", "issued", "repealed")


@dataclass(frozen=True, slots=True)
class Digest:
    """What one report carries into the claims across reports, for the whole run.

    ``carried``/``forward``: 表三 二、上年结转 and 四、结转下年度继续办理 per applicant
    column (``std.APPLICANTS``); ``in_force``: 表二 (2021 layout) 现行有效, 本年制发 and
    本年废止 of 规章 then 行政规范性文件; None where the report has no such table.
    ``sentences``: ``sentence_hash`` of each comparable sentence (``Structure.sentences``),
    packed as 64-bit integers.
    """

    issuer: str
    report_year: int
    carried: tuple[Fraction | None, ...] | None
    forward: tuple[Fraction | None, ...] | None
    in_force: tuple[Fraction | None, ...] | None
    sentences: bytes

    @property
    def sentence_count(self) -> int:
        return len(self.sentences) // 8

    def sentence_hashes(self) -> array:
        hashes = array("q")
        hashes.frombytes(self.sentences)
        return hashes


def sentence_hash(key: str) -> int:
    """A stable 64-bit hash of a comparable sentence (the same in every process and run)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little", signed=True)


def digest(facts: Facts | None) -> Digest | None:
    """The digest of a report; None when it names no issuer or year (it pairs with no other)."""
    if facts is None or not facts.issuer or not facts.report_year:
        return None
    t3, t2 = _table(facts, std.T3), _table(facts, std.T2)

    t3_rows = t3.by_row() if t3 is not None else {}

    def row(row_id: str) -> tuple[Fraction | None, ...] | None:
        if t3 is None:
            return None
        cells = [t3_rows.get(row_id, {}).get(column.id) for column in std.APPLICANTS]
        return tuple(c.value if c is not None else None for c in cells)

    in_force = None
    if t2 is not None and t2.version == std.V2021:
        t2_rows = t2.by_row()
        cells = [t2_rows.get(r, {}).get(c) for r in _T2_ROWS for c in _T2_COLUMNS]
        in_force = tuple(c.value if c is not None else None for c in cells)
    hashes = array("q", (sentence_hash(key) for key in facts.structure.sentences))
    return Digest(facts.issuer, facts.report_year, row("carried"), row("forward"), in_force, hashes.tobytes())


class _Dated(Protocol):
    issuer: str | None
    report_year: int | None


class _Bodies:
    """Reports by (year, issuer), for finding the reports of one body in a batch.

    Two issuers are one body when one name ends with the other and the shorter has
    at least 4 characters (淮安市洪泽区人民政府 and 洪泽区人民政府). Every name and every
    4+-character suffix of it is indexed, so a lookup costs the length of a name, not
    the size of the batch (an archive holds tens of thousands of reports).
    """

    def __init__(self, reports: list[tuple[int, str, int]]) -> None:
        self._names: dict[tuple[int, str], set[int]] = defaultdict(set)
        self._suffixes: dict[tuple[int, str], set[int]] = defaultdict(set)
        for doc, issuer, year in reports:
            self._names[(year, issuer)].add(doc)
            for k in range(len(issuer) - 3):
                self._suffixes[(year, issuer[k:])].add(doc)

    def of(self, issuer: str, year: int) -> set[int]:
        """The reports for ``year`` whose issuer is ``issuer``, with or without the bodies above it."""
        found = set(self._suffixes.get((year, issuer), ())) if len(issuer) >= 4 else set()
        for k in range(len(issuer) - 3):
            found |= self._names.get((year, issuer[k:]), set())
        return found


def previous_reports(batch: Sequence[_Dated | None]) -> list[tuple[int, int]]:
    """(this report, last year's report of the same body) for every report whose predecessor is in the batch.

    ``batch`` holds each report's digest (or facts): anything with ``issuer`` and ``report_year``.
    """
    reports = [
        (doc, item.issuer, item.report_year)
        for doc, item in enumerate(batch)
        if item is not None and item.issuer and item.report_year
    ]
    bodies = _Bodies(reports)
    out: list[tuple[int, int]] = []
    for doc, issuer, year in reports:
        same_year, previous = bodies.of(issuer, year), bodies.of(issuer, year - 1)
        if len(same_year) != 1 or len(previous) != 1:
            continue  # two reports for one year: which one continues last year is unknown
        out.append((doc, next(iter(previous))))
    return out


def year_over_year(batch: Sequence[Digest | None], pairs: Sequence[tuple[int, int]]) -> list[tuple[int, YearOverYear]]:
    out: list[tuple[int, YearOverYear]] = []
    for doc, last_doc in pairs:
        this, last = batch[doc], batch[last_doc]
        assert this is not None and last is not None
        out += [(doc, claim) for claim in _carry_over(this, last) + _in_force(this, last)]
    return out


def resolve_year(claim: YearOverYear, facts: Facts, batch: object) -> YearOverYear:
    """The claim with the cell it names, from its report's facts."""
    table = _table(facts, claim.table)
    cell = table.cell(claim.row, claim.column) if table is not None else None
    assert cell is not None and cell.value == claim.value, "the facts read again differ from the digest"
    return replace(claim, cell=cell)


def _table(facts: Facts, table: str) -> StandardTable | None:
    return next((t for t in facts.tables if t.table == table), None)


def _carry_over(this: Digest, last: Digest) -> list[YearOverYear]:
    if this.carried is None or last.forward is None:
        return []
    out: list[YearOverYear] = []
    for column, value, previous in zip(std.APPLICANTS, this.carried, last.forward):
        if value is None or previous is None:
            continue
        working = f"{this.report_year - 1} 年报告「四、结转下年度继续办理」{column.label}"
        out.append(YearOverYear("TBL007", std.T3, "carried", column.id, value, previous, working))
    return out


def _in_force(this: Digest, last: Digest) -> list[YearOverYear]:
    if this.in_force is None or last.in_force is None:
        return []
    out: list[YearOverYear] = []
    for k, row in enumerate(_T2_ROWS):
        in_force, issued, repealed = this.in_force[3 * k : 3 * k + 3]
        previous = last.in_force[3 * k]
        if previous is None or in_force is None or issued is None or repealed is None:
            continue
        expected = previous + issued - repealed
        working = (
            f"{this.report_year - 1} 年现行有效 {plain_number(previous)} + 本年制发 {plain_number(issued)}"
            f" − 本年废止 {plain_number(repealed)}"
        )
        out.append(YearOverYear("TBL008", std.T2, row, "in_force", in_force, expected, working))
    return out
