"""What every claim kind is made of: a claim, its description, the kind, its table.

A claim is one stated relation (a breakdown, a share, a period) that a suite
checks. Each kind says which facts it takes, how a fact becomes a row
(intervals encoded as exact text, see ``Interval.__str__``), and how a failing
row is described to a reader: the template fields, the worked arithmetic,
expected and observed values, and the evidence spans. The kinds themselves are
registered in ``claims.KINDS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Sequence

import pandas as pd

from audit.model import Facts, Span, TableCell


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    doc: int
    fact: Any


@dataclass(frozen=True, slots=True)
class Description:
    fields: dict[str, str]
    arithmetic: str
    expected: Any
    observed: Any
    spans: tuple[Span, ...]
    cells: tuple[TableCell, ...] = ()  # table cells quoted as evidence, with their labels


@dataclass(frozen=True, slots=True)
class ClaimKind:
    """How one kind of fact becomes rows of a claim table and findings.

    ``facts`` takes one document's facts; ``across`` (when set) instead takes
    digests (``years.Digest``, one per report, None where there is none) and the
    pairs (this report, last year's report of its body) to compare, and returns
    ``(document index, fact)`` pairs; ``resolve(fact, facts, digests)`` completes
    such a fact from its document's facts before it is described (``digests``
    indexed by report: the run's or chunk's, or just the ones it reads). A kind with ``group`` reports the rejected claims of one
    document that share a group key as ONE finding, described by
    ``describe_group`` (the blank cells of a table are one finding, not fifty).
    """

    name: str
    columns: tuple[str, ...]
    facts: Callable[[Facts], list[Any]]
    row: Callable[[Any], dict[str, Any]]
    describe: Callable[[Any], Description]
    across: Callable[[Sequence[Any], Sequence[tuple[int, int]]], list[tuple[int, Any]]] | None = None
    resolve: Callable[[Any, Facts, Sequence[Any]], Any] | None = None
    group: Callable[[Any], Any] | None = None
    describe_group: Callable[[list[Any]], Description] | None = None


@dataclass(slots=True)
class ClaimTable:
    kind: ClaimKind
    frame: pd.DataFrame
    claims: dict[str, Claim]


def json_number(value: Fraction) -> int | float:
    return value.numerator if value.denominator == 1 else float(value)


def per_document(_: Any) -> str:
    """The group key of kinds whose failing items of one document are one finding."""
    return "document"


def items_kind(name: str, columns: tuple[str, ...], facts, row, describe_items) -> ClaimKind:
    """A kind over the stated items of a document: its failing items (per rule) are one finding."""
    return ClaimKind(
        name=name,
        columns=columns,
        facts=facts,
        row=row,
        describe=lambda item: describe_items([item]),
        group=per_document,
        describe_group=describe_items,
    )
