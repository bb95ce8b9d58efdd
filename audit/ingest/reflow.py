"""Hard line wraps in plain text: join the lines a layout broke inside a sentence.

Text converted from a PDF or a page-turning "flipbook" reaches us broken where
the page was: ``…其中动态类`` / ``信息发布 1744 条`` or ``政府信息`` / ``5928`` / ``条,``.
Sentences and figures are read within a line, so those breaks are joined.
(PDFs themselves are joined by their geometry in ``pdf.py``; this is for text.)

A line break is removed when:

1. the next line opens with closing punctuation (``，`` ``。`` ``、`` ``）`` ``%`` …):
   no line of prose starts with one;
2. the line ends with a figure and the next opens with its unit (``294`` / ``篇``);
3. the next line is a bare figure (``5928``, ``90.3%``) after a line ending in a
   Chinese character or an opening bracket: a flipbook's figure island;
4. the text is hard-wrapped (``_wrap_width``: many lines end near one display
   width without sentence-final punctuation) and the line reaches that width
   without ending a sentence.

A line holding only a decorated page number (``— 2 —``, ``- 3 -``, ``第3页``) is
dropped first: the page it ended is gone. (A bare number may be a figure.)

Never joined: across a blank line, into or out of a structural line (a table row
with ``|``, a numbered heading, a markdown heading, list item or rule, a line
holding only a date), or a line ending in sentence-final punctuation (rule 4).
Two Latin letters or digits meeting at a join get a space between them.
"""

from __future__ import annotations

import re
import unicodedata

CLOSING = set("，,、；;。.：:）)」』》%！!？?")
_SENTENCE_END = set("。！!？?；;：:")
UNITS = set("条件项个份篇次人家名元万亿场期户批")
_FOLIO = re.compile(r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)\s*$")
_BARE_FIGURE = re.compile(r"^\s*\d[\d,.]*%?\s*$")
# How a structural line other than a table row (a line with ``|``) opens: a markdown
# heading, quote, list item or rule, a numbered heading; or it holds only a date.
_STRUCTURAL_START = re.compile(
    r"\s*(?:#|>|[-*•·]\s|[-*_]{3,}\s*$|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]"
    r"|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节部分条])"
    r"|\s*[（(]?\s*(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*[)）]?\s*$"
)
# A text is hard-wrapped when at least this share of its prose lines end near one width …
_WRAPPED_SHARE = 0.3
# … counted over at least this many prose lines, the width being no more than _MAX_WIDTH
# display columns (a crawler's one-paragraph-per-line text has long, ragged lines).
_MIN_LINES = 8
_MAX_WIDTH = 120
_NEAR = 0.85  # a line this close to the width reaches it (digits and spaces set narrower than counted)


def reflow(text: str) -> str:
    """``text`` with its hard line wraps joined (see the module doc)."""
    lines = [line for line in text.split("\n") if not _FOLIO.match(line)]
    width = _wrap_width(lines)
    out: list[str] = []
    for line in lines:
        if out and _joins(out[-1], line, width):
            out[-1] = out[-1].rstrip() + glue(out[-1], line.lstrip()) + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


class _Widths(dict[str, int]):
    """Display width of each character met so far, looked up in C (``map``), filled in on a miss.

    Ambiguous characters (“” ‘’ …) are set full width in Chinese type.
    """

    def __missing__(self, char: str) -> int:
        width = self[char] = 2 if unicodedata.east_asian_width(char) in ("W", "F", "A") else 1
        return width


_WIDTHS = _Widths()


def _display_width(line: str) -> int:
    """The display width of ``line``, or its length when that is over ``_MAX_WIDTH``.

    Widths are only compared with a wrap width, which is at most ``_MAX_WIDTH``: a line
    of more characters is wider than any, whatever its exact width (the long lines of
    a crawled page hold most of its characters, and need no look-up).
    """
    line = line.rstrip()
    return len(line) if len(line) > _MAX_WIDTH else sum(map(_WIDTHS.__getitem__, line))


def _is_structural(line: str) -> bool:
    """A table row, heading, list item, rule or date line: never joined to another."""
    return "|" in line or _STRUCTURAL_START.match(line) is not None


def _wrap_width(lines: list[str]) -> int | None:
    """The display width the text is wrapped at, or None when it is not hard-wrapped."""
    # Display widths of the prose lines (a line 20 wide is not blank).
    prose = [w for line in lines if not _is_structural(line) and (w := _display_width(line)) >= 20]
    if len(prose) < _MIN_LINES:
        return None
    width = sorted(prose)[int(len(prose) * 0.9)]
    if width > _MAX_WIDTH:
        return None
    near = sum(1 for w in prose if w >= width * _NEAR)
    return width if near >= _WRAPPED_SHARE * len(prose) else None


def _joins(line: str, following: str, width: int | None) -> bool:
    """Is the break between ``line`` and ``following`` a hard wrap?"""
    if not line.strip() or not following.strip():
        return False
    last, first = line.rstrip()[-1], following.lstrip()[0]
    wrapped = (
        first in CLOSING
        or (last.isdigit() and first in UNITS)
        or (_BARE_FIGURE.match(following) is not None and (_is_cjk(last) or last in "（(“"))
        or (width is not None and last not in _SENTENCE_END and _display_width(line) >= width * _NEAR)
    )
    # Looked at last, as most breaks match no rule: a structural line is never joined.
    return wrapped and not (_is_structural(line) or _is_structural(following))


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def glue(before: str, after: str) -> str:
    """A space between two Latin words or numbers joined at a wrap; nothing between Chinese characters."""
    a, b = before.rstrip()[-1:], after[:1]
    return " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() else ""
