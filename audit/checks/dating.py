"""The period claim kinds: what a report says about *when*, as rows GX can check.

Document-level kinds take the document's ``Dating`` (one row per document):
``report_years`` (title, period and body years), ``period_ranges`` (the
statistical period) and ``publication`` (its dates against the period and the
deadline). Item kinds take one stated item with the document's dating
(``Dated``): ``citations``, ``year_statements``, ``as_of_dates`` and
``date_texts``; the failing items of one document are one finding.

Only facts a check can judge become rows: a document that states one year
source has nothing to compare, a report whose year was only inferred from its
statements is not held to it (PER007), and an as-of date outside the report
year is no mid-year snapshot. The comparisons themselves run in GX
(``expectations/periods.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from audit.checks.kinds import ClaimKind, Description, items_kind, per_document
from audit.model import DateRef, Dating, Facts, Span, YearMention

_BODY_EVIDENCE = 3  # body statements quoted as evidence of the body year


@dataclass(frozen=True, slots=True)
class Dated:
    """One stated item (a citation, a statement, a date) with its document's dating."""

    item: Any
    dating: Dating


def _year(value: int | None) -> str | None:
    return None if value is None else str(value)


def _date_zh(d: DateRef) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# ------------------------------------------------------------- report years


def _sources(d: Dating) -> list[tuple[str, str, int, list[Span]]]:
    """(zh, en, year, evidence) of each year source the document states."""
    out = []
    if d.title is not None:
        out.append(("标题", "the title", d.title.year, [d.title.sentence]))
    if d.period_start is not None and d.period_span is not None:
        out.append(("统计期限", "the statistical period", d.period_start.year, [d.period_span]))
    if d.body_year is not None:
        spans = [s.sentence for s in d.statements if s.year == d.body_year][:_BODY_EVIDENCE]
        out.append(("正文", "the body", d.body_year, spans))
    return out


def _report_years_facts(f: Facts) -> list[Dating]:
    return [f.dating] if len(_sources(f.dating)) >= 2 else []


def _report_years_row(d: Dating) -> dict[str, Any]:
    return {
        "title": _year(d.title.year if d.title else None),
        "period": _year(d.period_start.year if d.period_start else None),
        "body": _year(d.body_year),
    }


def _describe_report_years(d: Dating) -> Description:
    sources = _sources(d)
    body_count = sum(1 for s in d.statements if s.year == d.body_year)

    def zh(name: str, year: int) -> str:
        return f"{name} {year} 年" + (f"（{body_count} 处陈述）" if name == "正文" else "")

    def en(name: str, year: int) -> str:
        return f"{name} says {year}" + (f" ({body_count} statements)" if name == "the body" else "")

    first = sources[0]
    return Description(
        fields={
            "sources": "，".join(zh(z, y) for z, _, y, _ in sources),
            "sources_en": ", ".join(en(e, y) for _, e, y, _ in sources),
        },
        arithmetic=" ≠ ".join(f"{z} {y}" for z, _, y, _ in sources),
        expected=first[2],
        observed=next(y for _, _, y, _ in sources if y != first[2]),
        spans=tuple(span for *_, spans in sources for span in spans),
    )


# ----------------------------------------------------------- period ranges


def _period_facts(f: Facts) -> list[Dating]:
    d = f.dating
    return [d] if d.period_start is not None and d.period_end is not None else []


def _period_row(d: Dating) -> dict[str, Any]:
    assert d.period_start is not None and d.period_end is not None
    return {
        "start": d.period_start.iso,
        "end": d.period_end.iso,
        # A calendar year starts on 1 January, ends on 31 December, within one year;
        # a reversed period (PER002's) meets these on its own years and is not reported twice.
        "first_day": f"{d.period_start.year}-01-01",
        "last_day": f"{d.period_end.year}-12-31",
        "start_year_end": f"{d.period_start.year}-12-31",
    }


def _describe_period(d: Dating) -> Description:
    assert d.period_start is not None and d.period_end is not None and d.period_span is not None
    start, end = _date_zh(d.period_start), _date_zh(d.period_end)
    year = d.report_year or d.period_start.year
    return Description(
        fields={"start": start, "end": end, "year": str(year)},
        arithmetic=f"{d.period_start.iso} — {d.period_end.iso}；应为 {year}-01-01 — {year}-12-31",
        expected=f"{year}-01-01/{year}-12-31",
        observed=f"{d.period_start.iso}/{d.period_end.iso}",
        spans=(d.period_span,),
    )


# ------------------------------------------------------------- publication


def _period_end(d: Dating) -> str:
    assert d.report_year is not None
    return d.period_end.iso if d.period_end is not None else f"{d.report_year}-12-31"


def _first_date(d: Dating) -> tuple[DateRef, str, str]:
    """The date that shows when the report came out: 发布日期, else the signing date (earlier or equal)."""
    if d.published is not None:
        return d.published, "发布日期", "publication date"
    assert d.signed is not None
    return d.signed, "落款（成文）日期", "signing date"


def _latest_date(d: Dating) -> tuple[DateRef, str, str]:
    """The latest date the report bears (a report cannot be older than it)."""
    if d.published is not None and (d.signed is None or d.published.iso >= d.signed.iso):
        return d.published, "发布日期", "publication date"
    assert d.signed is not None
    return d.signed, "落款（成文）日期", "signing date"


def _publication_facts(f: Facts) -> list[Dating]:
    d = f.dating
    known = d.published is not None or d.signed is not None
    return [d] if known and d.report_year is not None and d.deadline is not None else []


def _publication_row(d: Dating) -> dict[str, Any]:
    assert d.deadline is not None
    return {
        "latest": _latest_date(d)[0].iso,
        "period_end": _period_end(d),
        "first": _first_date(d)[0].iso,
        "deadline": d.deadline.date,
    }


def _describe_publication(d: Dating) -> Description:
    assert d.deadline is not None
    first, first_zh, first_en = _first_date(d)
    latest, latest_zh, latest_en = _latest_date(d)
    spans = tuple(dict.fromkeys(x.span for x in (first, latest)))
    if d.period_span is not None:
        spans += (d.period_span,)
    return Description(
        fields={
            "date": first.iso,
            "which": first_zh,
            "which_en": first_en,
            "latest": latest.iso,
            "latest_which": latest_zh,
            "latest_which_en": latest_en,
            "period_end": _period_end(d),
            "deadline": d.deadline.date,
            "basis": d.deadline.basis_zh,
            "basis_en": d.deadline.basis_en,
            "year": str(d.report_year),
        },
        arithmetic=(
            f"{first_zh} {first.iso}；统计期限结束 {_period_end(d)}；"
            f"法定期限 {d.deadline.date}（{d.deadline.basis_zh}）"
        ),
        expected=d.deadline.date,
        observed=first.iso,
        spans=spans,
    )


# --------------------------------------------------------------- citations


def _citation_facts(f: Facts) -> list[Dated]:
    d = f.dating
    if d.published is None and d.signed is None:
        return []
    return [Dated(c, d) for c in d.citations]


def _citation_row(x: Dated) -> dict[str, Any]:
    return {"cited": str(x.item.year), "dated": str(_latest_date(x.dating)[0].year)}


def _describe_citations(items: list[Dated]) -> Description:
    d = items[0].dating
    latest, which, which_en = _latest_date(d)
    cited = sorted({x.item.year for x in items})
    return Description(
        fields={
            "count": str(len(items)),
            "cited": "、".join(map(str, cited)),
            "cited_en": ", ".join(map(str, cited)),
            "date": latest.iso,
            "which": which,
            "which_en": which_en,
        },
        arithmetic=f"文号年份 {max(cited)} > {which} {latest.iso}",
        expected=f"≤ {latest.year}",
        observed=max(cited),
        spans=tuple(x.item.sentence for x in items) + (latest.span,),
    )



# -------------------------------------------------------------- statements


def _reference_year(d: Dating) -> int:
    """The latest year the report says it is about (title, period, body)."""
    return max(year for _, _, year, _ in _sources(d))


def _statement_facts(f: Facts) -> list[Dated]:
    d = f.dating
    if d.report_year_source not in ("title", "period"):
        return []
    return [Dated(s, d) for s in d.statements]


def _statement_row(x: Dated) -> dict[str, Any]:
    return {"year": str(x.item.year), "reference": str(_reference_year(x.dating))}


def _describe_statements(items: list[Dated]) -> Description:
    reference = _reference_year(items[0].dating)
    years = sorted({x.item.year for x in items})
    return Description(
        fields={
            "count": str(len(items)),
            "years": "、".join(map(str, years)),
            "years_en": ", ".join(map(str, years)),
            "year": str(reference),
        },
        arithmetic=f"陈述年份 {max(years)} > 报告年度 {reference}",
        expected=f"≤ {reference}",
        observed=max(years),
        spans=tuple(x.item.sentence for x in items),
    )



# ----------------------------------------------------------------- as of


def _as_of_facts(f: Facts) -> list[Dated]:
    d = f.dating
    return [Dated(a, d) for a in d.as_of if a[0].year == d.report_year]


def _as_of_row(x: Dated) -> dict[str, Any]:
    return {"as_of": x.item[0].iso, "year_end": f"{x.dating.report_year}-12-31"}


def _describe_as_of(items: list[Dated]) -> Description:
    year = items[0].dating.report_year
    return Description(
        fields={
            "count": str(len(items)),
            "dates": "、".join(f"「{x.item[1]}」" for x in items),
            "year": str(year),
        },
        arithmetic="；".join(f"{x.item[1]} → {x.item[0].iso} < {year}-12-31" for x in items),
        expected=f"{year}-12-31",
        observed=items[0].item[0].iso,
        spans=tuple(x.item[0].span for x in items),
    )



# -------------------------------------------------------------- date texts


def _date_text_facts(f: Facts) -> list[Dated]:
    return [Dated(t, f.dating) for t in f.dating.date_texts]


def _date_text_row(x: Dated) -> dict[str, Any]:
    return {"text": x.item[1]}


def _describe_date_texts(items: list[Dated]) -> Description:
    texts = "、".join(f"「{x.item[1]}」" for x in items)
    return Description(
        fields={"count": str(len(items)), "texts": texts},
        arithmetic="；".join(f"「{x.item[1]}」缺少“年”或“月”" for x in items),
        expected="YYYY年M月D日",
        observed=items[0].item[1],
        spans=tuple(x.item[0] for x in items),
    )



def _document_kind(name: str, columns: tuple[str, ...], facts, row, describe) -> ClaimKind:
    """A kind with one row per document; several of its expectations failing on it are one finding."""
    return ClaimKind(
        name=name,
        columns=columns,
        facts=facts,
        row=row,
        describe=describe,
        group=per_document,
        describe_group=lambda datings: describe(datings[0]),
    )


PERIOD_KINDS = (
    _document_kind("report_years", ("title", "period", "body"), _report_years_facts, _report_years_row, _describe_report_years),
    _document_kind(
        "period_ranges",
        ("start", "end", "first_day", "last_day", "start_year_end"),
        _period_facts,
        _period_row,
        _describe_period,
    ),
    ClaimKind(
        name="publication",
        columns=("latest", "period_end", "first", "deadline"),
        facts=_publication_facts,
        row=_publication_row,
        describe=_describe_publication,
    ),
    items_kind("citations", ("cited", "dated"), _citation_facts, _citation_row, _describe_citations),
    items_kind("year_statements", ("year", "reference"), _statement_facts, _statement_row, _describe_statements),
    items_kind("as_of_dates", ("as_of", "year_end"), _as_of_facts, _as_of_row, _describe_as_of),
    items_kind("date_texts", ("text",), _date_text_facts, _date_text_row, _describe_date_texts),
)
