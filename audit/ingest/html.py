"""HTML reports: the visible text, blocks as lines, tables as grids (beautifulsoup4 + lxml).

Decoding: a byte-order mark, else the charset the page declares
(``<meta charset>`` or ``http-equiv``), else the text reader's detection. A
declared charset yields to valid UTF-8 and is ignored when the bytes do not
decode in it.

Kept: all text outside ``script``, ``style``, ``noscript`` and ``template``
(the ``title`` too), and outside the page's chrome. Chrome is: ``nav`` and
``aside`` elements; ``header`` and ``footer`` elements (and ``foot``/``footer``
classes) outside ``article`` and ``main`` (an article's own foot holds its date); elements whose ``role`` is navigation, banner, contentinfo, search or
complementary; elements whose ``class`` or ``id`` names a menu, breadcrumb,
share bar, toolbar, footer, sidebar, copyright notice or link list
(``_CHROME_NAME``); and links that are only a site switch (繁體, 简体,
English, 无障碍, 打印, 关闭…). What was dropped is recorded in
``Document.meta["dropped"]`` (what, how many characters, how it began), so an
officer can see that the page held more than the report. Block elements (``p``, ``div``, ``br``, ``li``, headings,
table rows…) end a line; text inside inline elements is joined as written, so
Word's ``20</span><span>23`` reads ``2023``. Whitespace follows HTML: a run
becomes one space, and a source line break between two wide (CJK) characters
none. A table with rows of two or more cells becomes a grid with its
``rowspan``/``colspan``; a table of one column is a layout frame and is read as
text, its nested tables as tables. A grid's nested tables are read into their
cell as text. Hidden elements (CSS ``display: none``) are not recognised.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable

from bs4 import BeautifulSoup, NavigableString, Tag

from audit.ingest import IngestError
from audit.ingest.layout import Layout, TableCell
from audit.ingest.text import decode
from audit.model import Document

_DROPPED = frozenset({"script", "style", "noscript", "template"})
_BLOCKS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot "
    "th thead title tr ul".split()
)
# A declared charset, looked for in the first bytes (where the head is).
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HEAD_BYTES = 16384
# Declared names read by a superset: pages labelled GB2312 or GBK often hold GBK or GB18030 characters.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030"}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# HTML whitespace (and &nbsp;, which reports use to indent).
_SPACES = re.compile(r"[ \t\n\r\f\xa0]+")
# The HTML limits on spans.
_MAX_COLSPAN, _MAX_ROWSPAN = 1000, 65534


def read_html(path: str, data: bytes) -> Document:
    """A ``Document`` of format ``"html"`` from the bytes of a web page."""
    raw, encoding = _decode(data)
    layout = Layout()
    soup = BeautifulSoup(raw, "lxml")
    dropped = _drop_chrome(soup)
    _read(soup, layout.add_paragraph, layout)
    if not layout.has_text:
        raise IngestError("网页中没有文字", "the page contains no text")
    document = layout.build(path, "html", encoding)
    if dropped:
        document.meta["dropped"] = dropped
    return document


# ------------------------------------------------------------------- chrome

_CHROME_TAGS = frozenset({"nav", "footer", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})
# Class or id words that name page chrome, matched as whole words of the attribute
# (split at - _ and spaces, case ignored): "breadcrumb", "bdsharebuttonbox", "foot-nav".
_CHROME_NAME = re.compile(
    r"^(?:nav|navbar|navigation|menu|menubar|submenu|breadcrumbs?|crumbs?|position|location|footer|foot|"
    r"sidebar|share|bdshare|bdsharebuttonbox|sharebar|toolbar|tools|copyright|friendlinks?|links?|"
    r"topbar|jianfan|fanti|stranlink|wza|barrier)$",
    re.IGNORECASE,
)
# An article's own foot (its date, its source) is content, unlike the page's.
_PAGE_END = re.compile(r"foot", re.IGNORECASE)
_SWITCH_LINK = re.compile(r"^\s*(?:繁體|繁体|简体|簡體|English|ENGLISH|无障碍|無障礙|无障碍浏览|适老化|长者模式|打印本页|打印|关闭窗口|关闭|返回顶部|加入收藏|设为首页)\s*$")
_EXCERPT = 40


def _chrome_kind(tag: Tag) -> str | None:
    """Why ``tag`` is page chrome, or None when it is content."""
    in_content = tag.find_parent(("article", "main")) is not None
    if tag.name in _CHROME_TAGS and not (tag.name == "footer" and in_content):
        return tag.name
    if tag.name == "header" and not in_content:
        return "header"
    role = str(tag.get("role") or "").lower()
    if role in _CHROME_ROLES:
        return f"role={role}"
    for attribute in ("id", "class"):
        value = tag.get(attribute)
        words = value if isinstance(value, list) else str(value or "").split()
        for word in words:
            parts = [part for part in re.split(r"[-_]", word) if part]
            if any(_CHROME_NAME.match(part) for part in parts) and not (in_content and _PAGE_END.search(word)):
                return f"{attribute}={word}"
    if tag.name == "a" and _SWITCH_LINK.match(tag.get_text()):
        return "link"
    return None


def _drop_chrome(soup: BeautifulSoup) -> list[dict[str, object]]:
    """Remove the page's chrome from ``soup``; return what was removed, in page order."""
    dropped = []
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body"):
            continue
        kind = _chrome_kind(tag)
        if kind is None:
            continue
        text = " ".join(tag.get_text(" ").split())
        if text:
            dropped.append({"what": kind, "chars": len(text), "excerpt": text[:_EXCERPT]})
        tag.decompose()
    return dropped


def _decode(data: bytes) -> tuple[str, str]:
    """``(text, codec name)``: the declared charset when the bytes decode in it, else detection.

    Bytes that are valid UTF-8 are read as UTF-8 whatever the page declares:
    site templates keep a stale GB2312 label, and GB18030 decodes most UTF-8
    byte sequences too, into nonsense, while real GBK text is almost never valid UTF-8.
    """
    declared = None if data.startswith(_BOMS) else _CHARSET.search(data[:_HEAD_BYTES])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        for candidate in ("utf-8", _SUPERSETS.get(name, name)):
            try:
                codec = codecs.lookup(candidate).name
                return data.decode(codec), codec
            except (LookupError, UnicodeDecodeError):
                continue
    return decode(data)


class _Lines:
    """Inline text gathered into lines; ``end()`` hands the current line to ``sink``."""

    def __init__(self, sink: Callable[[str], None]) -> None:
        self._sink = sink
        self._pieces: list[str] = []

    def add(self, text: str) -> None:
        self._pieces.append(text)

    def end(self) -> None:
        line = _SPACES.sub(_space, "".join(self._pieces)).strip()
        self._pieces = []
        if line:
            self._sink(line)


def _space(match: re.Match[str]) -> str:
    """One space for a whitespace run; none for a line break between two wide characters."""
    text, start, end = match.string, match.start(), match.end()
    if "\n" in match.group() and 0 < start and end < len(text) and _wide(text[start - 1]) and _wide(text[end]):
        return ""
    return " "


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _read(node: Tag, sink: Callable[[str], None], layout: Layout | None = None) -> None:
    """Hand ``node``'s lines to ``sink``; with a ``layout``, its grids go to it as tables."""
    lines = _Lines(sink)
    _walk(node, lines, layout)
    lines.end()


def _walk(node: Tag, lines: _Lines, layout: Layout | None, pre: bool = False) -> None:
    """Read ``node``'s children into ``lines`` (``pre``: inside a ``<pre>``); grids go to ``layout``."""
    for child in node.children:
        if isinstance(child, Tag):
            if child.name in _DROPPED:
                continue
            block = child.name in _BLOCKS
            if block:
                lines.end()
            if layout is not None and child.name == "table" and _is_grid(child):
                _add_table(child, layout)
            else:
                _walk(child, lines, layout, pre or child.name == "pre")
            if block:
                lines.end()
        elif type(child) is NavigableString:  # not a comment, doctype or CDATA
            if pre:  # preformatted: each source line is a line
                first, *rest = child.split("\n")
                lines.add(first)
                for line in rest:
                    lines.end()
                    lines.add(line)
            else:
                lines.add(child)


def _rows(table: Tag) -> list[Tag]:
    """The table's own rows, not those of tables nested in it."""
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _row_cells(tr: Tag) -> list[Tag]:
    return tr.find_all(("td", "th"), recursive=False)


def _is_grid(table: Tag) -> bool:
    return any(len(_row_cells(tr)) >= 2 for tr in _rows(table))


def _add_table(table: Tag, layout: Layout) -> None:
    """A caption as a paragraph, then the cells placed by the HTML table model."""
    caption = table.find("caption", recursive=False)
    if caption is not None:
        _read(caption, layout.add_paragraph)
    rows = _rows(table)
    cells: list[TableCell] = []
    taken: set[tuple[int, int]] = set()
    for r, tr in enumerate(rows):
        c = 0
        for td in _row_cells(tr):
            while (r, c) in taken:
                c += 1
            colspan = min(_span(td.get("colspan")) or 1, _MAX_COLSPAN)
            # rowspan="0" reaches the last row; no span reaches past it.
            rowspan = min(_span(td.get("rowspan")) or _MAX_ROWSPAN, len(rows) - r)
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            cells.append(TableCell(_cell_text(td), r, c, rowspan, colspan))
            c += colspan
    layout.add_table(cells)


def _span(value: object) -> int:
    """A rowspan/colspan attribute as a number (1 when missing or not a number)."""
    match = re.match(r"\s*(\d+)", value if isinstance(value, str) else "")
    return int(match.group(1)) if match else 1


def _cell_text(td: Tag) -> str:
    found: list[str] = []
    _read(td, found.append)
    return "\n".join(found)
