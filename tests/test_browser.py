"""The HTML report in a real browser (headless Chromium driven by Playwright).

The pages are built once per module in a temporary folder: the five samples plus one
generated document ("every kind") whose text joins one failing case of each category from
tests/cases/*.yaml and a line of HTML that must show as text. Every page is opened through
a file:// URL, as a reader opens the report folder.

What the pages must provide (the contract these tests check):

- document page: ``article.finding[id][data-severity][data-category]`` per finding, its
  evidence links ``a.evidence-link[href="#ev-N"]`` pointing into ``#text``; a
  ``form#filters`` (hidden until the script runs) of ``input[name=severity]`` and
  ``input[name=category]`` checkboxes that hide and show findings;
- index page: ``table#documents`` with ``th button[data-sort]`` sorting the rows (``tr[data-*]``),
  ``aria-sort`` on the sorted column; ``figure#chart`` with an inline ``svg[role=img]`` of
  ``rect[data-category][data-severity][data-count]`` and a table of the same numbers;
- a ``@media print`` stylesheet hiding the filters and the navigation.

The browser is Debian's ``chromium`` (Playwright's own browser download is not used): found
as ``$AUDIT_CHROMIUM``, ``chromium`` or ``chromium-browser`` on the PATH. Without it, or
without the ``playwright`` package, the whole module is skipped.

Screenshots go to ``test-artifacts/`` at the project root (git-ignored).
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

import pytest

from audit.render.labels import SEVERITIES

if TYPE_CHECKING:
    from audit.model import AuditReport, DocumentResult

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the project must stand alone without the browser tooling
    pytest.skip(
        "playwright is not installed (pip install -e '.[test]'); browser tests skipped",
        allow_module_level=True,
    )


def _find_chromium() -> str | None:
    """``$AUDIT_CHROMIUM`` when set, else ``chromium`` or ``chromium-browser`` on the PATH."""
    explicit = os.environ.get("AUDIT_CHROMIUM")
    if explicit:
        found = shutil.which(explicit)
        return found if found else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


CHROMIUM = _find_chromium()
if CHROMIUM is None:
    pytest.skip(
        f"AUDIT_CHROMIUM={os.environ['AUDIT_CHROMIUM']!r} is not an executable; browser tests skipped"
        if os.environ.get("AUDIT_CHROMIUM")
        else "no Chromium found (set AUDIT_CHROMIUM, or install Debian's 'chromium' package); browser tests skipped",
        allow_module_level=True,
    )

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CASES = Path(__file__).resolve().parent / "cases"
ARTIFACTS = ROOT / "test-artifacts"

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# One failing case per category (file, case id): what the generated document is made of.
EVERY_KIND_CASES = [
    ("prose.yaml", "003-window-office-short"),  # sum: SUM002
    ("prose.yaml", "008-share-slip-single-part"),  # percent: PCT001
    ("periods.yaml", "renshebu-period-ends-before-it-starts"),  # period: PER002
    ("placeholders.yaml", "003-four-blanks"),  # placeholder: PLH002, PLH003
    ("tables.yaml", "t3-row-total-differs"),  # table: TBL001
    ("tables.yaml", "text-differs-from-table"),  # consistency: CON002
    ("structure.yaml", "004-copyright-line"),  # structure: STR008 (an info finding)
]
# Markup in a document's text must reach the page as text, never as markup.
HOSTILE = '<script>alert(1)</script> <a href="javascript:alert(2)">x</a>'

# Waits for something the page does (a scroll, a re-sort) are bounded, never asserted on.
WAIT_MS = 5_000


# ------------------------------------------------------------------ the site


@dataclass
class Site:
    """The report folder and what was rendered into it."""

    out: Path
    report: AuditReport  # all six documents
    names: dict[str, str]  # document path -> page file name
    every_kind: str  # the generated document's path

    def url(self, name: str) -> str:
        return (self.out / name).as_uri()

    def page_of(self, path: str) -> str:
        return self.url(self.names[path])

    def sample(self, prefix: str) -> str:
        """The path of the sample whose file name starts with ``prefix`` (``"003"``)."""
        (path,) = [d.path for d in self.report.documents if Path(d.path).name.startswith(prefix)]
        return path

    def result(self, path: str) -> DocumentResult:
        (result,) = [d for d in self.report.documents if d.path == path]
        return result


def _every_kind_text() -> str:
    import yaml

    by_id = {}
    for file, case_id in EVERY_KIND_CASES:
        cases = yaml.safe_load((CASES / file).read_text(encoding="utf-8"))
        by_id[(file, case_id)] = next(c for c in cases if c.get("id") == case_id)
    parts = [by_id[key]["text"].strip() for key in EVERY_KIND_CASES]
    return "\n\n".join([*parts, HOSTILE]) + "\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory, samples_report) -> Site:
    from audit.cli.output import write_site
    from audit.ingest.text import read_text
    from audit.model import AuditReport
    from audit.pipeline import audit_documents
    from audit.render.names import output_names

    generated = audit_documents([read_text("every-kind.txt", _every_kind_text().encode("utf-8"))])
    (every,) = generated.documents
    categories = {f.category.value for f in every.findings}
    assert len(categories) >= 6, f"the generated document should have findings of six categories, has {categories}"
    assert every.document is not None and HOSTILE in every.document.text

    report = AuditReport([*samples_report.documents, every])
    out = tmp_path_factory.mktemp("site")
    write_site(report, out)
    return Site(out, report, output_names([d.path for d in report.documents]), every.path)


# ---------------------------------------------------------------- the browser


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        yield context
    finally:
        context.close()


@dataclass
class Watched:
    """A page and everything it said or asked for while the test ran."""

    page: object
    errors: list[str]
    requests: list[str]
    dialogs: list[str]


def _watch(context) -> Watched:
    page = context.new_page()
    watched = Watched(page, [], [], [])
    page.on("console", lambda m: watched.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: watched.errors.append(f"pageerror: {e}"))
    page.on("request", lambda r: watched.requests.append(r.url))

    def on_dialog(dialog) -> None:
        watched.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return watched


@pytest.fixture
def watched(context) -> Watched:
    return _watch(context)


def _open(watched: Watched, url: str):
    watched.page.goto(url, wait_until="load")
    return watched.page


# ------------------------------------------------------------ page helpers

_FINDINGS_JS = """() => Array.from(document.querySelectorAll('.finding')).map(e => ({
    id: e.id, severity: e.dataset.severity, category: e.dataset.category,
    visible: e.checkVisibility({visibilityProperty: true}),
}))"""

# Where an element is relative to the viewport.
_RECT_JS = """(id) => {
    const el = document.getElementById(id);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height,
            vw: window.innerWidth, vh: window.innerHeight,
            inText: Boolean(el.closest('#text')), tag: el.tagName.toLowerCase()};
}"""

# The first occurrence of a string in #text at or after an element: where it is drawn and
# whether every character of it sits inside a <mark>.
_FIND_AFTER_JS = """([id, needle]) => {
    const target = document.getElementById(id);
    const root = document.getElementById('text');
    if (!target || !root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let n, size = 0;
    while ((n = walker.nextNode())) {
        const after = target.contains(n) || (target.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (!after) continue;
        nodes.push(n);
        size += n.data.length;
        if (size > needle.length + 400) break;
    }
    const joined = nodes.map(x => x.data).join('');
    const at = joined.indexOf(needle);
    if (at < 0) return {found: false, text: joined.slice(0, 200)};
    const locate = (offset) => {
        for (const node of nodes) {
            if (offset <= node.data.length) return [node, offset];
            offset -= node.data.length;
        }
        return [nodes[nodes.length - 1], nodes[nodes.length - 1].data.length];
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + needle.length));
    const touched = nodes.filter(node => range.intersectsNode(node) && node.data.length);
    const marks = touched.map(node => node.parentElement.closest('mark'));
    const r = range.getBoundingClientRect();
    return {found: true, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
            vw: window.innerWidth, vh: window.innerHeight,
            marked: marks.every(m => m !== null),
            markVisible: marks.every(m => m !== null && m.checkVisibility({visibilityProperty: true}))};
}"""


def _in_viewport(rect: dict | None, tolerance: float = 1.0) -> bool:
    """The element's box lies within the viewport (vertically; an empty anchor has no height)."""
    if rect is None:
        return False
    return rect["top"] >= -tolerance and rect["bottom"] <= rect["vh"] + tolerance and rect["top"] < rect["vh"]


def _model_counts(result) -> Counter:
    return Counter((f.severity.value, f.category.value) for f in result.findings)


def _page_counts(findings: list[dict]) -> Counter:
    return Counter((f["severity"], f["category"]) for f in findings)


def _is_png(path: Path) -> bool:
    data = path.read_bytes()
    return len(data) > 1000 and data.startswith(b"\x89PNG\r\n\x1a\n")


# ------------------------------------------------ 1. errors and outside requests

PAGES = ["000", "001", "002", "003", "004", "every-kind", "index"]


def _page_url(site: Site, which: str) -> str:
    if which == "index":
        return site.url("index.html")
    if which == "every-kind":
        return site.page_of(site.every_kind)
    return site.page_of(site.sample(which))


@pytest.mark.parametrize("which", PAGES)
def test_page_loads_cleanly_and_stays_in_its_folder(site, watched, which):
    """No console error, no uncaught exception, and every request is a file inside the report folder."""
    _open(watched, _page_url(site, which))
    folder = site.out.resolve()
    outside = []
    for url in watched.requests:
        parsed = urlparse(url)
        if parsed.scheme != "file":
            outside.append(url)
            continue
        if not Path(unquote(parsed.path)).resolve().is_relative_to(folder):
            outside.append(url)
    assert watched.requests, "the page itself should have been requested"
    assert {"requests outside the folder": outside, "errors": watched.errors} == {
        "requests outside the folder": [],
        "errors": [],
    }, which


def test_every_page_marks_its_findings(site, browser):
    """Each document page has one ``.finding`` per finding, with the right severity and category."""
    context = browser.new_context()
    try:
        page = context.new_page()
        for result in site.report.documents:
            page.goto(site.page_of(result.path), wait_until="load")
            findings = page.evaluate(_FINDINGS_JS)
            assert _page_counts(findings) == _model_counts(result), result.path
            assert all(f["id"] for f in findings), f"{result.path}: a finding without an id"
    finally:
        context.close()


# --------------------------------------------------------- 2. evidence links


def test_evidence_link_scrolls_its_mark_into_view(site, watched):
    page = _open(watched, site.page_of(site.sample("003")))
    link = page.locator(".finding .evidence-link").first
    assert link.count() == 1, "sample 003 should have an evidence link"
    href = link.get_attribute("href")
    assert href and href.startswith("#ev-"), href
    target = href[1:]
    page.evaluate("window.scrollTo(0, 0)")
    before = page.evaluate(_RECT_JS, target)
    assert before is not None, f"no element with id {target}"
    assert before["inText"], f"#{target} should be inside #text"
    assert not _in_viewport(before), "the target should start out of view (below the findings)"

    link.click()
    page.wait_for_function(
        f"() => {{ const r = document.getElementById({target!r}).getBoundingClientRect();"
        " return r.top >= -1 && r.top < window.innerHeight && r.bottom <= window.innerHeight + 1; }",
        timeout=WAIT_MS,
    )
    after = page.evaluate(_RECT_JS, target)
    assert _in_viewport(after), after
    assert urlparse(page.url).fragment == target
    assert watched.errors == []


# ---------------------------------------------------------------- 3. filters


def _visible_by(findings: list[dict], key: str, value: str) -> tuple[list[str], list[str]]:
    """(ids of findings with ``key == value`` still visible, ids of the others hidden)."""
    shown = [f["id"] for f in findings if f[key] == value and f["visible"]]
    hidden = [f["id"] for f in findings if f[key] != value and not f["visible"]]
    return shown, hidden


def test_filters_hide_and_show_findings(site, watched):
    page = _open(watched, site.page_of(site.every_kind))
    form = page.locator("form#filters")
    assert form.is_visible(), "the filter form should show once the script ran"
    findings = page.evaluate(_FINDINGS_JS)
    assert findings and all(f["visible"] for f in findings)
    severities = sorted({f["severity"] for f in findings})
    categories = sorted({f["category"] for f in findings})
    assert "error" in severities and len(severities) >= 2, severities
    assert len(categories) >= 6, categories

    for key, values in (("severity", severities), ("category", categories)):
        for value in values:
            box = form.locator(f"input[name={key}][value={value}]")
            assert box.count() == 1, f"no checkbox for {key}={value}"
            assert box.is_checked(), f"{key}={value} should be checked at load"
            box.uncheck()
            now = page.evaluate(_FINDINGS_JS)
            shown, hidden = _visible_by(now, key, value)
            assert shown == [], f"unchecking {key}={value} left these visible"
            assert hidden == [], f"unchecking {key}={value} hid findings of another {key}"
            box.check()
            now = page.evaluate(_FINDINGS_JS)
            assert all(f["visible"] for f in now), f"checking {key}={value} again should show every finding"
    assert watched.errors == []


def test_without_javascript_every_finding_shows_and_no_filter_form(site, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.page_of(site.every_kind), wait_until="load")
        findings = page.evaluate(_FINDINGS_JS)
        assert len(findings) == len(site.result(site.every_kind).findings)
        assert all(f["visible"] for f in findings)
        assert not page.locator("form#filters").is_visible(), "the filter form is useless without the script"
    finally:
        context.close()


# ------------------------------------------------------------- 4. index sort

SORT_KEYS = ["path", "year", "issuer", "status", "error", "warning", "info"]

_ROWS_JS = """() => Array.from(document.querySelectorAll('#documents tbody tr')).map(r => ({...r.dataset}))"""


def _numbers(rows: list[dict], key: str) -> list[int | None]:
    return [int(r[key]) if r.get(key, "") != "" else None for r in rows]


def _assert_ordered(values: list[int | None], ascending: bool, what: str) -> None:
    """Known values in order; rows without a value all together at one end."""
    known = [v for v in values if v is not None]
    assert known == sorted(known, reverse=not ascending), f"{what}: {values}"
    blanks = [i for i, v in enumerate(values) if v is None]
    if blanks:
        assert blanks == list(range(blanks[0], blanks[0] + len(blanks))), f"{what}: blanks scattered {values}"
        assert blanks[0] == 0 or blanks[-1] == len(values) - 1, f"{what}: blanks in the middle {values}"


def _aria(page, key: str) -> str | None:
    return page.locator(f"#documents th:has(button[data-sort={key}])").get_attribute("aria-sort")


def test_index_sorts_by_year_then_by_errors(site, watched):
    page = _open(watched, site.url("index.html"))
    for key in SORT_KEYS:
        assert page.locator(f"#documents th button[type=button][data-sort={key}]").count() == 1, key
    original = page.evaluate(_ROWS_JS)
    assert len(original) == len(site.report.documents)
    paths = sorted(r["path"] for r in original)
    assert paths == sorted(d.path for d in site.report.documents)
    expected = {d.path: d for d in site.report.documents}
    for row in original:
        d = expected[row["path"]]
        assert row["year"] == ("" if d.report_year is None else str(d.report_year)), row
        assert row["status"] == d.status.value, row
        assert [row[s.value] for s in SEVERITIES] == [str(d.count(s)) for s in SEVERITIES], row

    button = page.locator("#documents th button[data-sort=year]")
    for ascending in (True, False):
        button.click()
        rows = page.evaluate(_ROWS_JS)
        assert sorted(r["path"] for r in rows) == paths, "sorting must keep every row"
        _assert_ordered(_numbers(rows, "year"), ascending, f"year {'ascending' if ascending else 'descending'}")
        assert _aria(page, "year") == ("ascending" if ascending else "descending")

    for key in ("error", "warning", "info"):
        button = page.locator(f"#documents th button[data-sort={key}]")
        for ascending in (True, False):
            button.click()
            rows = page.evaluate(_ROWS_JS)
            assert sorted(r["path"] for r in rows) == paths
            _assert_ordered(_numbers(rows, key), ascending, f"{key} {'ascending' if ascending else 'descending'}")
            assert _aria(page, key) == ("ascending" if ascending else "descending")
            assert _aria(page, "year") in (None, "none"), "only the sorted column carries aria-sort"
    assert watched.errors == []


# ------------------------------------------------------------------ 5. chart

_CHART_JS = """() => {
    const fig = document.querySelector('figure#chart');
    if (!fig) return null;
    const svg = fig.querySelector('svg[role=img]');
    const rects = svg ? Array.from(svg.querySelectorAll('rect[data-category]')).map(r => ({
        category: r.dataset.category, severity: r.dataset.severity, count: r.dataset.count})) : null;
    const table = fig.querySelector('table');
    if (!table) return {rects, table: null};
    const rows = Array.from(table.rows).map(tr => ({
        category: tr.dataset.category || null,
        cells: Array.from(tr.cells).map(c => ({
            tag: c.tagName.toLowerCase(), text: c.textContent.trim(),
            category: c.dataset.category || null, severity: c.dataset.severity || null})),
    }));
    return {rects, table: rows};
}"""


def _table_counts(rows: list[dict], lang: str = "zh") -> Counter:
    """(category, severity) -> count from the chart's table.

    Cells say what they count by ``data-category``/``data-severity`` (on the cell or its row);
    otherwise by the row and column headers, matched against the page's own labels.
    """
    from audit.render.labels import labels

    L = labels(lang)
    by_label_cat = {v: k for k, v in L["category"].items()}
    by_label_sev = {v: k for k, v in L["severity"].items()}
    counts: Counter = Counter()
    header = rows[0]["cells"] if rows else []
    for row in rows:
        row_label = row["cells"][0]["text"] if row["cells"] else ""
        for j, cell in enumerate(row["cells"]):
            if cell["tag"] != "td":
                continue
            col_label = header[j]["text"] if j < len(header) else ""
            category = cell["category"] or row["category"]
            severity = cell["severity"]
            if category is None or severity is None:
                # Headers: categories down and severities across, or the other way round.
                if row_label in by_label_cat and col_label in by_label_sev:
                    category, severity = by_label_cat[row_label], by_label_sev[col_label]
                elif row_label in by_label_sev and col_label in by_label_cat:
                    category, severity = by_label_cat[col_label], by_label_sev[row_label]
                else:
                    continue  # a total, or a cell that counts no one pair
            text = cell["text"]
            value = 0 if text in ("", "—", "-") else int(text)
            if value:
                counts[(category, severity)] += value
    return counts


def test_chart_counts_match_the_batch_and_its_table(site, watched):
    page = _open(watched, site.url("index.html"))
    chart = page.evaluate(_CHART_JS)
    assert chart is not None, "the index should have a figure#chart"
    assert chart["rects"] is not None, "figure#chart should hold an inline svg[role=img]"
    expected = Counter()
    for d in site.report.documents:
        expected.update((f.category.value, f.severity.value) for f in d.findings)
    pairs = [(r["category"], r["severity"]) for r in chart["rects"]]
    assert len(pairs) == len(set(pairs)), f"one rect per (category, severity): {pairs}"
    drawn = Counter({(r["category"], r["severity"]): int(r["count"]) for r in chart["rects"]})
    assert drawn == expected
    assert sum(drawn.values()) == sum(len(d.findings) for d in site.report.documents)
    assert chart["table"] is not None, "figure#chart should hold a table of the same numbers"
    assert _table_counts(chart["table"]) == expected


# ----------------------------------------------------------------- 6. safety

_TEXT_RECT_JS = """(needle) => {
    const root = document.getElementById('text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let n;
    while ((n = walker.nextNode())) {
        const at = n.data.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        const first = range.getBoundingClientRect();
        window.scrollBy(0, first.top - window.innerHeight / 2);
        const r = range.getBoundingClientRect();
        return {x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width};
    }
    return null;
}"""


def test_markup_in_the_document_is_shown_as_text(site, watched):
    page = _open(watched, site.page_of(site.every_kind))
    text = page.locator("#text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert 'href="javascript:alert(2)"' in text
    assert page.locator("#text script").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0, "no javascript: link anywhere"
    hrefs = page.locator("#text a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(h.startswith("#") for h in hrefs), f"only the report's own in-page links: {hrefs}"
    where = page.evaluate(_TEXT_RECT_JS, "javascript:alert(2)")
    assert where is not None and where["width"] > 0, "the javascript: text should be drawn in #text"
    under = page.evaluate(
        "([x, y]) => { const e = document.elementFromPoint(x, y); return e && !e.closest('a[href]'); }",
        [where["x"], where["y"]],
    )
    assert under, "the javascript: text must not be inside a link"
    url = page.url
    page.mouse.click(where["x"], where["y"])
    assert page.url == url
    assert watched.dialogs == [], "a dialog opened: markup from the document ran"
    assert watched.errors == []


# ------------------------------------------------------------ 7. screenshots


def test_screenshots_of_sample_003(site, watched):
    ARTIFACTS.mkdir(exist_ok=True)
    page = _open(watched, site.page_of(site.sample("003")))
    full = ARTIFACTS / "sample-003.png"
    page.screenshot(path=str(full), full_page=True)
    assert _is_png(full)

    finding = page.locator(".finding", has_text="PLH002").first
    assert finding.count() == 1, "sample 003 should have a PLH002 finding"
    link = finding.locator(".evidence-link").first
    href = link.get_attribute("href")
    assert href and href.startswith("#ev-"), href
    page.evaluate("window.scrollTo(0, 0)")
    link.click()
    target = href[1:]
    page.wait_for_function(
        f"() => {{ const r = document.getElementById({target!r}).getBoundingClientRect();"
        " return r.top >= -1 && r.top < window.innerHeight; }",
        timeout=WAIT_MS,
    )
    shot = ARTIFACTS / "sample-003-evidence.png"
    page.screenshot(path=str(shot))
    assert _is_png(shot)

    mark = page.evaluate(_FIND_AFTER_JS, [target, "公开政府信息 条"])
    assert mark is not None and mark["found"], f"the evidence text should follow #{target}: {mark}"
    assert mark["marked"], "the evidence should be inside a <mark>"
    assert mark["markVisible"]
    assert mark["height"] > 0 and _in_viewport(mark), f"the evidence mark should be in view: {mark}"


# ------------------------------------------------------------------ 8. print


def test_print_stylesheet_hides_filters_and_nav(site, watched):
    page = _open(watched, site.page_of(site.every_kind))
    has_print = page.evaluate(
        """() => Array.from(document.styleSheets).some(sheet => Array.from(sheet.cssRules).some(
            rule => rule instanceof CSSMediaRule && rule.media.mediaText.includes('print')))"""
    )
    assert has_print, "the page should carry a @media print stylesheet"
    assert page.locator("form#filters").is_visible(), "on screen the filters show"
    assert page.locator("nav").first.is_visible(), "on screen the navigation shows"
    page.emulate_media(media="print")
    assert not page.locator("form#filters").is_visible(), "printed, the filters are hidden"
    assert page.locator("nav").count() >= 1
    assert all(not nav.is_visible() for nav in page.locator("nav").all()), "printed, the navigation is hidden"
    findings = page.evaluate(_FINDINGS_JS)
    assert findings and all(f["visible"] for f in findings), "printed, every finding shows"
