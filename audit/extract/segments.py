"""Where sentences, clauses, lines and sections begin and end in report text.

Reports reach us with Chinese punctuation partly folded to ASCII (``,`` for
``，``, ``(`` for ``（``), so both forms are accepted everywhere.
"""

from __future__ import annotations

import bisect
import re

from audit.model import Number

SENTENCE_END = "。！？!?\n"
CLAUSE_BREAK = "，,；;、：:" + SENTENCE_END
OPEN_PARENS = "(（[［【"
CLOSE_PARENS = ")）]］】"
_CLAUSE_OPENERS = frozenset(CLAUSE_BREAK + OPEN_PARENS)
_CONTINUES = frozenset("，,；;、")
_SENTENCE_END_RE = re.compile("[" + re.escape(SENTENCE_END) + "]")
_CLAUSE_OPENER_RE = re.compile("[" + re.escape("".join(sorted(_CLAUSE_OPENERS))) + "]")

# A heading: a short line with no clause punctuation inside, optionally numbered
# (一、 / (一) / 1. / A ).
_HEADING_RE = re.compile(r"^[ \t]*[^，,；;。！？!?\n]{1,40}[ \t]*$")


class Segmenter:
    """Offsets of lines and headings in one text, computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._heading_starts = [
            start
            for start, line in zip(self._line_starts, text.split("\n"))
            if _HEADING_RE.match(line) and not line.rstrip().endswith(("：", ":"))
        ]
        # Where sentences and clauses end, found once: looking back from every figure to
        # the previous boundary made a text without boundaries quadratic (a line of 其中).
        self._sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(text) if self._ends_sentence(m.start())]
        self._clause_openers = [m.start() for m in _CLAUSE_OPENER_RE.finditer(text)]
        self._matches: dict[re.Pattern[str], list[tuple[int, int]]] = {}

    def line_bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._line_starts, pos) - 1
        start = self._line_starts[i]
        end = self._line_starts[i + 1] - 1 if i + 1 < len(self._line_starts) else len(self.text)
        return start, end

    def finds(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """Does ``pattern`` match within ``[start, end)``? Its matches are found once per text
        (searching each breakdown's whole line again made a 10 MB line quadratic)."""
        spans = self._matches.get(pattern)
        if spans is None:
            spans = self._matches[pattern] = [m.span() for m in pattern.finditer(self.text)]
        k = bisect.bisect_left(spans, (start, -1))
        return k < len(spans) and spans[k][1] <= end

    def section_start(self, pos: int) -> int:
        """Start of the line after the last heading before ``pos`` (0 when there is none)."""
        i = bisect.bisect_right(self._heading_starts, pos) - 1
        if i < 0:
            return 0
        return self.line_bounds(self._heading_starts[i])[1]

    def _ends_sentence(self, i: int) -> bool:
        """A line break after clause punctuation (``…2.8%;\n法规文件类…``) continues the sentence."""
        ch = self.text[i]
        if ch == "\n":
            return not (i > 0 and self.text[i - 1] in _CONTINUES)
        return ch in SENTENCE_END

    def sentence_start(self, pos: int) -> int:
        """Just after the last sentence end before ``pos`` (0 when there is none)."""
        k = bisect.bisect_left(self._sentence_ends, pos) - 1
        return self._sentence_ends[k] + 1 if k >= 0 else 0

    def previous_sentence_start(self, start: int) -> int:
        """Start of the sentence before the one starting at ``start`` (``。\n`` ends one sentence)."""
        k = start - 1
        while k > 0 and (self.text[k] in SENTENCE_END or self.text[k].isspace()):
            k -= 1
        return self.sentence_start(k + 1) if k > 0 else 0

    def sentence_end(self, pos: int) -> int:
        """End of the sentence containing ``pos``; a bracket opened before ``pos`` ends it early."""
        depth = 0
        for i in range(pos, len(self.text)):
            ch = self.text[i]
            if ch in OPEN_PARENS:
                depth += 1
            elif ch in CLOSE_PARENS:
                if depth == 0:
                    return i
                depth -= 1
            elif ch in SENTENCE_END and self._ends_sentence(i):
                return i
        return len(self.text)

    def clause_start(self, pos: int) -> int:
        """Just after the last clause opener before ``pos`` (0 when there is none)."""
        k = bisect.bisect_left(self._clause_openers, pos) - 1
        return self._clause_openers[k] + 1 if k >= 0 else 0

    def clause_says(self, pattern: re.Pattern[str], n: Number) -> bool:
        """Whether the clause before figure ``n`` holds ``pattern`` (``共收到…``, ``同比增加…``)."""
        return pattern.search(self.text, self.clause_start(n.span.start), n.span.start) is not None

    def paren_depth_between(self, start: int, end: int) -> int:
        """Number of brackets opened in ``text[start:end]`` and still open at ``end``."""
        return _brackets(self.text[start:end])[0]

    @staticmethod
    def closes_bracket(fragment: str) -> bool:
        """True when ``fragment`` closes a bracket it did not open."""
        return _brackets(fragment)[1]


def _brackets(fragment: str) -> tuple[int, bool]:
    """(brackets left open at the end, whether a bracket was closed that ``fragment`` did not open)."""
    depth, stray = 0, False
    for ch in fragment:
        if ch in OPEN_PARENS:
            depth += 1
        elif ch in CLOSE_PARENS:
            if depth:
                depth -= 1
            else:
                stray = True
    return depth, stray
