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
"""

from __future__ import annotations

from collections import defaultdict

from audit.extract import standard as std
from audit.model import Facts, StandardTable, YearOverYear


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


def previous_reports(batch: list[Facts | None]) -> list[tuple[int, int]]:
    """(this report, last year's report of the same body) for every report whose predecessor is in the batch."""
    reports = [
        (doc, facts.issuer, facts.report_year)
        for doc, facts in enumerate(batch)
        if facts is not None and facts.issuer and facts.report_year
    ]
    bodies = _Bodies(reports)
    out: list[tuple[int, int]] = []
    for doc, issuer, year in reports:
        same_year, previous = bodies.of(issuer, year), bodies.of(issuer, year - 1)
        if len(same_year) != 1 or len(previous) != 1:
            continue  # two reports for one year: which one continues last year is unknown
        out.append((doc, next(iter(previous))))
    return out


def year_over_year(batch: list[Facts | None]) -> list[tuple[int, YearOverYear]]:
    out: list[tuple[int, YearOverYear]] = []
    for doc, last_doc in previous_reports(batch):
        this, last = batch[doc], batch[last_doc]
        assert this is not None and last is not None and this.report_year is not None
        year = this.report_year
        out += [(doc, claim) for claim in _carry_over(this, last, year) + _in_force(this, last, year)]
    return out


def _table(facts: Facts, table: str) -> StandardTable | None:
    return next((t for t in facts.tables if t.table == table), None)


def _carry_over(this: Facts, last: Facts, year: int) -> list[YearOverYear]:
    now, before = _table(this, std.T3), _table(last, std.T3)
    if now is None or before is None:
        return []
    out: list[YearOverYear] = []
    for column in std.APPLICANTS:
        cell, previous = now.cell("carried", column.id), before.cell("forward", column.id)
        if cell is None or previous is None or cell.value is None or previous.value is None:
            continue
        working = f"{year - 1} 年报告「四、结转下年度继续办理」{column.label}"
        out.append(YearOverYear("TBL007", cell, previous.value, working))
    return out


def _in_force(this: Facts, last: Facts, year: int) -> list[YearOverYear]:
    now, before = _table(this, std.T2), _table(last, std.T2)
    if now is None or before is None or now.version != std.V2021 or before.version != std.V2021:
        return []
    out: list[YearOverYear] = []
    for row in ("rules", "normative"):
        cells = [now.cell(row, c) for c in ("in_force", "issued", "repealed")]
        previous = before.cell(row, "in_force")
        if previous is None or previous.value is None or any(c is None or c.value is None for c in cells):
            continue
        in_force, issued, repealed = cells
        assert in_force and issued and repealed and issued.value is not None and repealed.value is not None
        expected = previous.value + issued.value - repealed.value
        working = (
            f"{year - 1} 年现行有效 {previous.text} + 本年制发 {issued.text} − 本年废止 {repealed.text}"
        )
        out.append(YearOverYear("TBL008", in_force, expected, working))
    return out
