"""The extract stage: a Document in, its Facts out."""

from __future__ import annotations

from audit.extract.numbers import parse_numbers
from audit.extract.periods import find_dating
from audit.extract.placeholders import find_slots
from audit.extract.relations import find_breakdowns
from audit.extract.restatements import find_restatements
from audit.extract.shares import find_shares
from audit.extract.statements import find_table_statements
from audit.extract.structure import find_structure
from audit.extract.tables import find_identities, find_tables
from audit.extract.segments import Segmenter
from audit.model import Document, Facts


def extract(document: Document) -> Facts:
    shadow = document.shadow
    seg = Segmenter(shadow)
    numbers = parse_numbers(shadow, document.text)
    breakdowns = find_breakdowns(shadow, numbers, seg)
    shares, share_sets = find_shares(shadow, numbers, breakdowns, seg)
    tables = find_tables(document)
    dating = find_dating(shadow, seg)
    return Facts(
        numbers=numbers,
        breakdowns=breakdowns,
        shares=shares,
        share_sets=share_sets,
        restatements=find_restatements(shadow, numbers, breakdowns, seg),
        tables=tables,
        identities=find_identities(tables),
        table_statements=find_table_statements(shadow, numbers, tables, seg),
        dating=dating,
        slots=find_slots(shadow, tables, seg),
        structure=find_structure(shadow, dating.report_year, tables),
    )
