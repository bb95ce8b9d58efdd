"""The structure claim kinds: a document's shape as rows GX can check.

Read by ``extract/structure.py``; checked by ``expectations/structure.json``.
Per document, the failing rows of one rule are one finding:

* ``required_parts`` — one row per part the regime requires (``found`` yes/no,
  ``position`` among the top-level headings and the ``previous`` required part's).
* ``part_counts`` — one row per declared part count: ``declared``, ``listed``
  (the parts the sentence names) and ``present`` (top-level sections).
* ``heading_steps`` — one row per numbered heading with its ``step`` from the
  previous sibling.
* ``repeats`` — one row per pair of similar paragraphs, with its ``similarity``.
* ``chrome_lines`` — one row per short line, its ``line`` text.
* ``copies`` — across the batch: one row per report whose previous year's report
  of the same body is in the batch, with the ``identical`` share of its
  sentences found word for word in last year's (a text of fewer than
  ``_MIN_SENTENCES`` comparable sentences is too short to judge).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

from audit.checks.kinds import ClaimKind, Description, items_kind
from audit.checks.years import Digest, sentence_hash
from audit.model import Facts, Heading, PartCount, Repeat, RequiredPart, Span, Structure

_QUOTED_HEADINGS = 8  # top-level headings quoted as the evidence of a missing part
_QUOTED_SENTENCES = 5  # identical sentences quoted as the evidence of a copy
_MIN_SENTENCES = 20  # a text with fewer comparable sentences is too short to call a copy


@dataclass(frozen=True, slots=True)
class InDoc:
    """One structural item with its document's structure."""

    item: Any
    structure: Structure


@dataclass(frozen=True, slots=True)
class Copied:
    """This report's sentences against last year's report of the same body (``last``, its index in the run)."""

    same: int  # this report's sentences found word for word in last year's
    sentences: int  # this report's comparable sentences
    last: int
    last_year: int
    last_issuer: str
    identical: tuple[Span, ...] = ()  # those sentences, in text order (filled in by ``_resolve_copied``)

    @property
    def share(self) -> float:
        return self.same / self.sentences


# ----------------------------------------------------------- required parts

_BASIS = {
    "2019": ("《条例》（2019）第五十条及年度报告格式", "the 2019 Regulation, Art. 50, and the report format"),
    "2008": ("《条例》（2008）第三十二条", "the 2008 Regulation, Art. 32"),
}


def _required_row(x: InDoc) -> dict[str, Any]:
    part: RequiredPart = x.item
    return {"found": "yes" if part.span else "no", "position": part.position, "previous": part.previous}


def _describe_required(items: list[InDoc]) -> Description:
    parts: list[RequiredPart] = [x.item for x in items]
    structure = items[0].structure
    basis_zh, basis_en = _BASIS[parts[0].regime]
    present = [p for p in structure.required if p.span is not None]
    if parts[0].span is None:  # missing parts: quote what the document has instead
        spans = tuple(p.span for p in present if p.span)
        if parts[0].regime == "2019":
            spans = tuple(h.span for h in structure.headings if h.depth == 0)[:_QUOTED_HEADINGS]
        arithmetic = "应有：" + "、".join(p.name_zh for p in structure.required) + "；缺少：" + "、".join(p.name_zh for p in parts)
        observed = None
    else:  # out of order: each misplaced heading and the required heading it comes before
        at = {p.position: p for p in present}
        pairs = [(at[p.previous], p) for p in parts if p.previous in at]
        spans = tuple(s for before, p in pairs for s in (before.span, p.span) if s)
        arithmetic = "；".join(f"「{p.text}」在「{before.text}」之前" for before, p in pairs)
        observed = "、".join(p.text or "" for p in parts)
    return Description(
        fields={
            "count": str(len(parts)),
            "parts": "、".join(p.name_zh for p in parts),
            "parts_en": ", ".join(p.name_en for p in parts),
            "basis": basis_zh,
            "basis_en": basis_en,
        },
        arithmetic=arithmetic,
        expected="、".join(p.name_zh for p in parts),  # the parts that should be there (or in order)
        observed=observed,
        spans=spans,
    )


# -------------------------------------------------------------- part counts


def _part_count_row(p: PartCount) -> dict[str, Any]:
    return {"declared": p.declared, "listed": len(p.listed) or None, "present": p.present}


def _describe_part_count(p: PartCount) -> Description:
    said = [f"声明 {p.declared} 部分"]
    said_en = [f"declares {p.declared} parts"]
    if p.listed:
        said.append(f"列出 {len(p.listed)} 部分（{'、'.join(p.listed)}）")
        said_en.append(f"lists {len(p.listed)}")
    if p.present is not None:
        said.append(f"正文有 {p.present} 个一级标题")
        said_en.append(f"has {p.present} top-level sections")
    observed = len(p.listed) if p.listed and len(p.listed) != p.declared else p.present
    return Description(
        fields={"declared": str(p.declared), "said": "，".join(said), "said_en": ", ".join(said_en)},
        arithmetic="；".join(said),
        expected=p.declared,
        observed=observed,
        spans=(p.span,),
    )


# ----------------------------------------------------------------- headings


def _heading_facts(f: Facts) -> list[Heading]:
    return [h for h in f.structure.headings if h.step is not None]


def _describe_headings(headings: list[Heading]) -> Description:
    pairs = [f"「{h.label[:16]}」前一个同级标题为 {h.number - h.step}" for h in headings if h.step is not None]
    spans = tuple(s for h in headings for s in (h.previous, h.span) if s)
    return Description(
        fields={"count": str(len(headings)), "headings": "、".join(f"「{h.label[:16]}」" for h in headings)},
        arithmetic="；".join(pairs),
        expected=headings[0].number - (headings[0].step or 0) + 1,
        observed=headings[0].number,
        spans=tuple(dict.fromkeys(spans)),
    )


# ------------------------------------------------------------------ repeats


def _describe_repeats(items: list[InDoc]) -> Description:
    repeats: list[Repeat] = [x.item for x in items]
    return Description(
        fields={
            "count": str(len(repeats)),
            "places": "、".join(f"「{r.excerpt}…」" for r in repeats),
        },
        arithmetic="；".join(f"相似度 {r.similarity:.0%}" for r in repeats),
        expected="< {limit}",
        observed=max(r.similarity for r in repeats),
        spans=tuple(s for r in repeats for s in (r.first, r.second)),
    )


# ------------------------------------------------------------------- chrome


def _describe_chrome(items: list[InDoc]) -> Description:
    lines: list[tuple[Span, str]] = [x.item for x in items]
    return Description(
        fields={"count": str(len(lines)), "lines": "、".join(f"「{text[:20]}」" for _, text in lines)},
        arithmetic="",
        expected=None,
        observed=len(lines),
        spans=tuple(span for span, _ in lines),
    )


# ------------------------------------------------------------------- copies


def _copies(batch: Sequence[Digest | None], pairs: Sequence[tuple[int, int]]) -> list[tuple[int, Copied]]:
    out = []
    for doc, last_doc in pairs:
        this, last = batch[doc], batch[last_doc]
        assert this is not None and last is not None
        if this.sentence_count < _MIN_SENTENCES:
            continue
        same = len(set(this.sentence_hashes()).intersection(last.sentence_hashes()))
        out.append((doc, Copied(same, this.sentence_count, last_doc, last.report_year, last.issuer)))
    return out


def _resolve_copied(c: Copied, facts: Facts, batch: Sequence[Digest | None] | Mapping[int, Digest | None]) -> Copied:
    """The claim with this report's identical sentences, from its facts and last year's digest."""
    last = batch[c.last]
    assert last is not None
    theirs = set(last.sentence_hashes())
    spans = sorted((span for key, span in facts.structure.sentences.items() if sentence_hash(key) in theirs), key=lambda s: s.start)
    assert len(spans) == c.same, "the facts read again differ from the digest"
    return replace(c, identical=tuple(spans))


def _describe_copied(c: Copied) -> Description:
    return Description(
        fields={
            "share": f"{c.share:.0%}",
            "identical": str(c.same),
            "sentences": str(c.sentences),
            "year": str(c.last_year),
            "issuer": c.last_issuer,
        },
        arithmetic=f"{c.same} / {c.sentences} = {c.share:.1%} > {{limit}}",
        expected="≤ {limit}",
        observed=round(c.share, 3),
        spans=c.identical[:_QUOTED_SENTENCES],
    )


STRUCTURE_KINDS = (
    items_kind(
        "required_parts",
        ("found", "position", "previous"),
        lambda f: [InDoc(p, f.structure) for p in f.structure.required],
        _required_row,
        _describe_required,
    ),
    ClaimKind(
        name="part_counts",
        columns=("declared", "listed", "present"),
        facts=lambda f: f.structure.part_counts,
        row=_part_count_row,
        describe=_describe_part_count,
    ),
    items_kind("heading_steps", ("step",), _heading_facts, lambda h: {"step": h.step}, _describe_headings),
    items_kind(
        "repeats",
        ("similarity",),
        lambda f: [InDoc(r, f.structure) for r in f.structure.repeats],
        lambda x: {"similarity": x.item.similarity},
        _describe_repeats,
    ),
    items_kind(
        "chrome_lines",
        ("line",),
        lambda f: [InDoc(line, f.structure) for line in f.structure.lines],
        lambda x: {"line": x.item[1]},
        _describe_chrome,
    ),
    ClaimKind(
        name="copies",
        columns=("identical",),
        facts=lambda f: [],
        row=lambda c: {"identical": round(c.share, 4)},
        describe=_describe_copied,
        across=_copies,
        resolve=_resolve_copied,
    ),
)
