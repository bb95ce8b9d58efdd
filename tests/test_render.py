"""The HTML and terminal renderers and the output file names, on hand-built reports."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser

import pytest

from audit.model import AuditReport, Category, Document, DocumentResult, Evidence, Finding, Severity
from audit.render.html import render_document, render_index
from audit.render.names import output_names
from audit.render.terminal import render_terminal

TEXT = "第一行 <script>alert(1)</script> & javascript:x\n共10件，其中3件、4件。\n"


def _ev(start: int, end: int) -> Evidence:
    return Evidence(TEXT[start:end], start, end)


SCRIPT = TEXT.index("<script>")
ALERT = TEXT.index("alert")
AMP = TEXT.index("&")
JS_END = TEXT.index(":x") + 1
TOTAL = TEXT.index("共")
TOTAL_END = TEXT.index("。") + 1

SUM = Finding(
    rule="SUM001",
    name="parts-below-total",
    category=Category.SUM,
    severity=Severity.ERROR,
    message_zh="分项之和<b>7</b>小于合计10",
    message_en="parts sum <b>7</b> below total 10",
    # the first span contains the warning's start; the second is the whole sentence
    evidence=(_ev(SCRIPT, AMP + 1), _ev(TOTAL, TOTAL_END)),
    expected=10,
    observed=7,
    arithmetic="3 + 4 = 7 ≠ 10",
)
SHARE = Finding(
    rule="PCT001",
    name="share-mismatch",
    category=Category.PERCENT,
    severity=Severity.WARNING,
    message_zh="占比不符",
    message_en="share mismatch",
    # overlaps SUM's first span, plus an empty span at SUM's start and a span out of range
    evidence=(_ev(ALERT, JS_END), Evidence("", SCRIPT, SCRIPT), Evidence("x", 999, 1000)),
)
NOTE = Finding(
    rule="STR001",
    name="note",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    message_zh="提示信息",
    message_en="a note",
    evidence=(_ev(ALERT, ALERT + 5),),  # nested inside both other spans
)
UNREADABLE = Finding(
    rule="INP001",
    name="unreadable",
    category=Category.INPUT,
    severity=Severity.ERROR,
    message_zh="无法解码该文件<i>",
    message_en="cannot decode the file<i>",
)


def _result(path: str = "a/[bold]报告.txt") -> DocumentResult:
    doc = Document(path=path, format="txt", text=TEXT, shadow=TEXT)
    return DocumentResult(path, doc, [SHARE, SUM, NOTE], report_year=2019)


def _report() -> AuditReport:
    clean = Document(path="c/ok.txt", format="txt", text="无问题", shadow="无问题")
    return AuditReport([
        _result(),
        DocumentResult("b/bad.pdf", None, [UNREADABLE]),
        DocumentResult("c/ok.txt", clean, [], report_year=2020),
    ])


class Page(HTMLParser):
    """Collects ids, hrefs and the text of the document block; checks that tags nest."""

    VOID = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.doc_text: list[str] = []
        self.in_doc = 0
        self.in_sup = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "mark":
            self.marks.append(a)
        if tag == "div" and a.get("class") == "doc-text":
            self.in_doc = len(self.stack) + 1
        if tag == "sup":
            self.in_sup += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag == "sup":
            self.in_sup -= 1
        if self.in_doc and len(self.stack) < self.in_doc:
            self.in_doc = 0

    def handle_data(self, data):
        if self.in_doc and not self.in_sup:
            self.doc_text.append(data)


def _only_our_script(page: str) -> None:
    """The page's one script is page.js, verbatim, and the CSP allows exactly it (by its hash)."""
    from audit.render.html import SCRIPT as PAGE_SCRIPT, SCRIPT_HASH

    assert page.lower().count("<script") == 1 and f"<script>{PAGE_SCRIPT}</script>" in page
    assert f"script-src 'sha256-{SCRIPT_HASH}'" in page


def test_document_text_and_messages_are_escaped():
    page = render_document(_result())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    _only_our_script(page)
    assert "&lt;b&gt;7&lt;/b&gt;" in page and "<b>" not in page
    assert "&amp;</mark>" in page and " javascript:</mark>" in page
    parsed = Page(page)
    assert not any(h.lower().startswith("javascript") for h in parsed.hrefs)
    assert "a/[bold]报告.txt" in page
    assert '<span class="badge st-fail">不通过 FAIL</span>' in page
    assert "错误 1 · 警告 1 · 提示 1" in page


def test_marked_text_is_the_document_text_with_balanced_tags():
    parsed = Page(render_document(_result()))
    assert parsed.errors == []
    assert parsed.stack == []
    assert "".join(parsed.doc_text) == TEXT


def test_overlapping_spans_split_into_segments():
    page = render_document(_result())
    # evidence numbering follows finding order: SHARE ev-0..2, SUM ev-3..4, NOTE ev-5
    # at SCRIPT the empty SHARE span is an anchor and SUM's span opens the mark
    assert '第一行 <a id="ev-1"></a><mark class="sev-error" id="ev-3" title="SUM001">&lt;script&gt;</mark>' in page
    # at ALERT three spans start: the first (SHARE) carries the mark, NOTE gets an anchor
    assert (
        '<a id="ev-5"></a><mark class="sev-error" id="ev-0" title="PCT001, SUM001, STR001">alert</mark>'
        in page
    )
    # SUM's first span ends after "&"; a back-link to its finding follows, then the rest of SHARE
    assert '&amp;</mark><sup class="ref"><a href="#f-1">SUM001</a></sup><mark class="sev-warning" title="PCT001"> javascript:</mark>' in page
    parsed = Page(page)
    mark_ids = [m["id"] for m in parsed.marks if m.get("id")]
    assert mark_ids == ["ev-3", "ev-0", "ev-4"]
    assert {m["class"] for m in parsed.marks} == {"sev-error", "sev-warning"}


def test_findings_link_to_every_placed_evidence():
    page = render_document(_result())
    parsed = Page(page)
    assert len(parsed.ids) == len(set(parsed.ids))
    ev_links = [h[1:] for h in parsed.hrefs if h.startswith("#ev-")]
    assert ev_links == ["ev-3", "ev-4", "ev-0", "ev-1", "ev-5"]  # grouped error, warning, info
    assert set(ev_links) <= set(parsed.ids)
    assert "ev-2" not in parsed.ids  # out of range: listed without a link
    back_links = {h[1:] for h in parsed.hrefs if h.startswith("#f-")}
    assert back_links == {"f-0", "f-1", "f-2"} and back_links <= set(parsed.ids)
    assert '<pre class="arith"><code>3 + 4 = 7 ≠ 10</code></pre>' in page
    assert "期望值: <code>10</code>" in page and "实际值: <code>7</code>" in page
    # error group comes first
    assert page.index('id="f-1"') < page.index('id="f-0"') < page.index('id="f-2"')


def test_english_page():
    page = render_document(_result(), lang="en", index_name="../index.html")
    assert '<html lang="en">' in page
    assert "parts sum &lt;b&gt;7&lt;/b&gt; below total 10" in page
    assert "分项之和" not in page
    assert '<span class="badge st-fail">FAIL</span>' in page
    assert '<a href="../index.html">' in page


def test_unreadable_document_page_shows_its_message():
    page = render_document(_report().documents[1])
    assert "无法解码该文件&lt;i&gt;" in page
    assert "无法读取 ERROR" in page
    assert "无法读取该文件，不显示原文。" in page
    parsed = Page(page)
    assert parsed.errors == [] and parsed.marks == [] and parsed.doc_text == []


def test_clean_document_page():
    page = render_document(_report().documents[2])
    assert "未发现问题。" in page and "通过 PASS" in page
    assert "".join(Page(page).doc_text) == "无问题"


def test_index_links_every_page_in_input_order():
    report = _report()
    names = output_names([d.path for d in report.documents])
    page = render_index(report, names)
    parsed = Page(page)
    assert parsed.errors == []
    assert [h for h in parsed.hrefs] == [names[d.path] for d in report.documents]
    for status in ("不通过 FAIL", "无法读取 ERROR", "通过 PASS"):
        assert status in page
    assert "共 3 份文档：通过 1，警告 0，不通过 1，无法读取 1；问题：错误 2，警告 1，提示 1" in page
    assert "分项之和&lt;b&gt;7&lt;/b&gt;小于合计10" in page  # first (most severe) finding
    _only_our_script(page)
    assert "http" not in page.replace("http-equiv", "")


def test_output_names_are_safe_unique_and_deterministic():
    paths = ["a/x.txt", "b/x.txt", "../../evil.txt", "报告 2019.txt", "<script>.txt", "..", "a\\..\\y.txt"]
    names = output_names(paths)
    assert output_names(paths) == names
    assert list(names) == paths
    assert len(set(names.values())) == len(paths)
    for path, name in names.items():
        digest = hashlib.sha1(path.encode()).hexdigest()[:8]
        assert name.endswith(f"-{digest}.html")
        assert re.fullmatch(r"[A-Za-z0-9._\-\u4e00-\u9fff]+", name)
        assert "/" not in name and "\\" not in name and ".." not in name
        assert name != "index.html" and not name.startswith(".")
    assert names["../../evil.txt"].startswith("evil-")
    assert names["报告 2019.txt"].startswith("报告_2019-")
    assert names["<script>.txt"].startswith("_script_-")
    assert names[".."].startswith("document-")
    assert names["a/x.txt"].startswith("x-") and names["b/x.txt"].startswith("x-")
    assert len(output_names(["d/" + "长" * 100 + ".txt"])["d/" + "长" * 100 + ".txt"]) == 60 + 1 + 8 + 5


@pytest.mark.parametrize("color", [False, True])
def test_terminal_table(color, capsys):
    out = render_terminal(_report(), color=color, width=160)
    assert capsys.readouterr().out == ""  # pure: nothing printed
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert ("\x1b[" in out) is color
    for path in ("a/[bold]报告.txt", "b/bad.pdf", "c/ok.txt"):
        assert path in plain
    assert "共 3 份文档：通过 1，警告 0，不通过 1，无法读取 1；问题：错误 2，警告 1，提示 1" in plain
    assert "SUM001 分项之和<b>7</b>小于合计10" in plain
    row = next(line for line in plain.splitlines() if "b/bad.pdf" in line)
    assert "无法读取 ERROR" in row and "INP001" in row


def test_terminal_english_and_truncation():
    long = Finding("STR002", "long", Category.STRUCTURE, Severity.WARNING, "长" * 200, "x" * 200)
    doc = Document("w.txt", "txt", "t", "t")
    report = AuditReport([DocumentResult("w.txt", doc, [long])])
    out = render_terminal(report, lang="en", color=False, width=200)
    assert "WARN" in out and "1 documents: 0 passed, 1 with warnings" in out
    assert "x" * 59 + "…" in out and "x" * 60 not in out


def test_document_page_header_says_when_the_report_is_from(samples_report):
    result = next(d for d in samples_report.documents if "003_" in d.path)
    page = render_document(result)
    assert "<dt>报告年度</dt><dd>2018（据标题）</dd>" in page
    assert "<dt>发布机关</dt><dd>普洱市思茅区人民政府（地方人民政府）</dd>" in page
    assert "<dt>统计期限</dt><dd>2018-01-01 — 2018-12-31</dd>" in page
    assert "<dt>报告日期</dt><dd>落款 2019-01-30</dd>" in page
    assert "<dt>法定期限</dt><dd>2019-03-31（2008年《政府信息公开条例》第三十一条：次年3月31日前公布）</dd>" in page
    english = render_document(result, lang="en")
    assert "<dt>Legal deadline</dt><dd>2019-03-31 (2008 Regulations art. 31: by 31 March of the next year)</dd>" in english
    assert "<dt>Report year</dt><dd>2018 (from the title)</dd>" in english
    assert Page(page).errors == []
