"""The words every renderer shows, in Chinese (default) and English, and small shared views."""

from __future__ import annotations

from typing import Any

from audit.model import AuditReport, DocumentResult, Finding, Severity

LABELS: dict[str, dict[str, Any]] = {
    "zh": {
        "html_lang": "zh-CN",
        "title": "政府信息公开年度报告审核",
        "status": {"pass": "通过 PASS", "warn": "警告 WARN", "fail": "不通过 FAIL", "error": "无法读取 ERROR"},
        "severity": {"error": "错误", "warning": "警告", "info": "提示"},
        "category": {
            "sum": "合计", "percent": "占比", "period": "时间", "placeholder": "占位符",
            "table": "表格", "consistency": "一致性", "structure": "结构", "input": "输入",
        },
        "path": "文件", "report_year": "报告年度", "format": "格式", "state": "状态",
        "category_h": "类别", "findings": "问题", "no_findings": "未发现问题。",
        "first_finding": "首个问题", "evidence": "证据", "arithmetic": "算式",
        "expected": "期望值", "observed": "实际值", "page": "第 {} 页",
        "document_text": "文档原文", "unreadable": "无法读取该文件，不显示原文。",
        "back": "返回总览",
        "issuer": "发布机关", "period": "统计期限", "dated": "报告日期", "deadline": "法定期限",
        "dropped": "已剔除的网页元素", "dropped_value": "{count} 处，{chars} 字（{examples}）",
        "year_source": {"title": "据标题", "period": "据统计期限", "statements": "据正文推断"},
        "issuer_kind": {"government": "地方人民政府", "department": "政府部门"},
        "published": "发布", "signed": "落款",
        "tables": "标准表格",
        "table_version": {"2021": "2021 年格式", "2019": "2019 年试行格式", "unknown": "格式未能判定",
                          "both": "2019、2021 年格式相同"},
        "regime": "适用规定", "regime_value": {"2019": "《条例》（2019 年修订）及年报格式", "2008": "《条例》（2008 年）"},
        "filters": "筛选", "filter_severity": "级别", "filter_category": "类别",
        "issuer_col": "发布机关", "chart": "问题分布（按类别与级别）", "chart_total": "总计",
        "sort_hint": "点击列名排序", "file": "文件",
        "table_incomplete": "部分单元格未能读取",
        "table_findings": "涉及本表的问题",
        "table_no_findings": "本表未发现问题。",
        "table_legend": "✗ 错误 · ⚠ 警告 · ⓘ 提示：单元格是某个问题的证据，点击跳到该问题；“空”表示单元格空白。",
        "blank": "空", "blank_title": "空白单元格",
        "summary": "共 {documents} 份文档：通过 {pass}，警告 {warn}，不通过 {fail}，无法读取 {error}；"
        "问题：错误 {e}，警告 {w}，提示 {i}",
    },
    "en": {
        "html_lang": "en",
        "title": "Government information disclosure annual report audit",
        "status": {"pass": "PASS", "warn": "WARN", "fail": "FAIL", "error": "UNREADABLE"},
        "severity": {"error": "Errors", "warning": "Warnings", "info": "Info"},
        "category": {
            "sum": "sum", "percent": "percent", "period": "period", "placeholder": "placeholder",
            "table": "table", "consistency": "consistency", "structure": "structure", "input": "input",
        },
        "path": "File", "report_year": "Report year", "format": "Format", "state": "Status",
        "category_h": "Category", "findings": "Findings", "no_findings": "No findings.",
        "first_finding": "First finding", "evidence": "Evidence", "arithmetic": "Arithmetic",
        "expected": "Expected", "observed": "Observed", "page": "page {}",
        "document_text": "Document text", "unreadable": "The file could not be read; no text to show.",
        "back": "Back to the index",
        "issuer": "Issuer", "period": "Statistical period", "dated": "Dated", "deadline": "Legal deadline",
        "dropped": "Page chrome left out", "dropped_value": "{count} elements, {chars} characters ({examples})",
        "year_source": {"title": "from the title", "period": "from the period", "statements": "inferred from the body"},
        "issuer_kind": {"government": "local government", "department": "government department"},
        "published": "published", "signed": "signed",
        "tables": "Standard tables",
        "table_version": {"2021": "2021 format", "2019": "2019 trial format", "unknown": "format not determined",
                          "both": "the same in the 2019 and 2021 formats"},
        "regime": "Rules applied", "regime_value": {"2019": "the Regulation as revised in 2019, and the report format",
                                                   "2008": "the 2008 Regulation"},
        "filters": "Filter", "filter_severity": "Severity", "filter_category": "Category",
        "issuer_col": "Issuer", "chart": "Findings by category and severity", "chart_total": "Total",
        "sort_hint": "Click a column name to sort", "file": "File",
        "table_incomplete": "some cells could not be read",
        "table_findings": "Findings on this table",
        "table_no_findings": "No findings on this table.",
        "table_legend": "✗ error · ⚠ warning · ⓘ info: the cell is evidence of a finding; follow it to the finding. "
        "“blank” marks an empty cell.",
        "blank": "blank", "blank_title": "blank cell",
        "summary": "{documents} documents: {pass} passed, {warn} with warnings, {fail} failed, "
        "{error} unreadable; findings: {e} errors, {w} warnings, {i} info",
    },
}

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def labels(lang: str) -> dict[str, Any]:
    """The labels for ``lang``, Chinese when the language is unknown."""
    return LABELS.get(lang, LABELS["zh"])


def summary_text(report: AuditReport, lang: str = "zh") -> str:
    """One line with the batch totals from ``report.summary()``."""
    return summary_line(report.summary(), lang)


def summary_line(summary: dict[str, Any], lang: str = "zh") -> str:
    """One line with the batch totals of ``summary`` (``AuditReport.summary()``'s)."""
    f = summary["findings"]
    return labels(lang)["summary"].format(**summary, e=f["error"], w=f["warning"], i=f["info"])


def first_finding(result: DocumentResult) -> Finding | None:
    """The first of the most severe findings (what a one-line summary should show)."""
    return min(result.findings, key=lambda f: -f.severity.rank, default=None)


def dating_rows(result: DocumentResult, lang: str = "zh") -> list[tuple[str, str]]:
    """What a document says about when, as (label, value) lines for a page header.

    The report year with where it was read, the issuer and its kind, the
    statistical period, the report's dates, and the deadline with the rule applied.
    """
    L = labels(lang)
    d = result.dating
    if d is None:
        return []
    aside = " ({})" if lang == "en" else "（{}）"
    rows: list[tuple[str, str]] = []
    if d.report_year is not None and d.report_year_source:
        rows.append((L["report_year"], f"{d.report_year}" + aside.format(L["year_source"][d.report_year_source])))
    if d.issuer:
        kind = L["issuer_kind"].get(d.issuer_kind or "", "")
        rows.append((L["issuer"], d.issuer + aside.format(kind) if kind else d.issuer))
    if d.period_start is not None and d.period_end is not None:
        rows.append((L["period"], f"{d.period_start.iso} — {d.period_end.iso}"))
    dates = [(L[name], date.iso) for name, date in (("published", d.published), ("signed", d.signed)) if date]
    if dates:
        rows.append((L["dated"], ("; " if lang == "en" else "；").join(f"{name} {iso}" for name, iso in dates)))
    if d.deadline is not None:
        basis = d.deadline.basis_en if lang == "en" else d.deadline.basis_zh
        rows.append((L["deadline"], d.deadline.date + aside.format(basis)))
    return rows


def source_rows(result: DocumentResult, lang: str = "zh") -> list[tuple[str, str]]:
    """What the reader left out of a saved web page (navigation, footers…), as header lines."""
    dropped = result.dropped
    if not dropped:
        return []
    L = labels(lang)
    examples = ("; " if lang == "en" else "；").join(f"「{d['excerpt'][:12]}」" for d in dropped[:3])
    value = L["dropped_value"].format(count=len(dropped), chars=sum(d["chars"] for d in dropped), examples=examples)
    return [(L["dropped"], value)]
