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
# Where a sentence ends (``_ends_sentence``): a line break ends one unless it follows clause
# punctuation (``…2.8%;\n法规文件类…`` goes on). One character class first, so that the regex
# engine skips to the next candidate.
_ENDS_SENTENCE_RE = re.compile("[" + re.escape(SENTENCE_END) + "](?<![" + re.escape("".join(sorted(_CONTINUES))) + "]\n)")
# What ``sentence_end`` looks at: brackets and sentence ends.
_SENTENCE_SCAN_RE = re.compile("[" + re.escape(OPEN_PARENS + CLOSE_PARENS + SENTENCE_END) + "]")
_BRACKET_RE = re.compile("[" + re.escape(OPEN_PARENS + CLOSE_PARENS) + "]")
# Brackets per block of the range-minimum index (``_Depths``).
_BLOCK = 64
_CLAUSE_OPENER_RE = re.compile("[" + re.escape("".join(sorted(_CLAUSE_OPENERS))) + "]")

# A heading: a short line (at most _HEADING_MAX characters besides the spaces around them) with
# no clause punctuation inside, optionally numbered (一、 / (一) / 1. / A ).
_HEADING_MAX = 40
_HEADING_RE = re.compile(rf"^[ \t]*[^，,；;。！？!?\n]{{1,{_HEADING_MAX}}}[ \t]*$")


class Segmenter:
    """Offsets of lines and headings in one text, computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0, *map(re.Match.end, re.finditer("\n", text))]
        self._heading_starts = [
            start
            for start, line in zip(self._line_starts, text.split("\n"))
            # the length test first: a paragraph is rejected without running the regex
            if len(line.strip(" \t")) <= _HEADING_MAX
            and _HEADING_RE.match(line)
            and not line.rstrip().endswith(("：", ":"))
        ]
        # Where sentences and clauses end, found once: looking back from every figure to
        # the previous boundary made a text without boundaries quadratic (a line of 其中).
        self._sentence_ends = list(map(re.Match.start, _ENDS_SENTENCE_RE.finditer(text)))
        self._clause_openers = list(map(re.Match.start, _CLAUSE_OPENER_RE.finditer(text)))
        self._matches: dict[re.Pattern[str], list[tuple[int, int]]] = {}
        self._depths: _Depths | None = None  # built on first use

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
        for m in _SENTENCE_SCAN_RE.finditer(self.text, max(pos, 0)):
            ch = m.group()
            if ch in OPEN_PARENS:
                depth += 1
            elif ch in CLOSE_PARENS:
                if depth == 0:
                    return m.start()
                depth -= 1
            elif self._ends_sentence(m.start()):
                return m.start()
        return len(self.text)

    def clause_start(self, pos: int) -> int:
        """Just after the last clause opener before ``pos`` (0 when there is none)."""
        k = bisect.bisect_left(self._clause_openers, pos) - 1
        return self._clause_openers[k] + 1 if k >= 0 else 0

    def clause_says(self, pattern: re.Pattern[str], n: Number) -> bool:
        """Whether the clause before figure ``n`` holds ``pattern`` (``共收到…``, ``同比增加…``)."""
        return pattern.search(self.text, self.clause_start(n.span.start), n.span.start) is not None

    def paren_depth_between(self, start: int, end: int) -> int:
        """Number of brackets opened in ``text[start:end]`` and still open at ``end``.

        Counted from an index of the text's brackets, not by reading the slice: with ``P(i)``
        the running count of brackets opened minus closed before ``i``, a count that never
        goes below zero (a stray closing bracket is ignored) ends at
        ``P(end) - min(P(j) for start <= j <= end)``. (Rescanning made a 10 MB line quadratic.)
        """
        start, end, _ = slice(start, end).indices(len(self.text))  # as text[start:end] reads them
        if end <= start:
            return 0
        if self._depths is None:
            self._depths = _Depths(self.text)
        return self._depths.open_at_end(start, end)

    @staticmethod
    def closes_bracket(fragment: str) -> bool:
        """True when ``fragment`` closes a bracket it did not open."""
        return _brackets(fragment)[1]


class _Depths:
    """The running bracket count of a text after each of its brackets, with a range minimum."""

    def __init__(self, text: str) -> None:
        self.at: list[int] = []  # offsets of the brackets
        self.depth: list[int] = []  # opened minus closed, up to and including each bracket
        depth = 0
        for m in _BRACKET_RE.finditer(text):
            depth += 1 if m.group() in OPEN_PARENS else -1
            self.at.append(m.start())
            self.depth.append(depth)
        # Minimum of each block of _BLOCK brackets, and a sparse table over the blocks:
        # level k holds the minimum of 2**k blocks from each one.
        blocks = [min(self.depth[i : i + _BLOCK]) for i in range(0, len(self.depth), _BLOCK)]
        self.levels = [blocks]
        while 2 ** len(self.levels) <= len(blocks):
            below, step = self.levels[-1], 2 ** (len(self.levels) - 1)
            self.levels.append([min(below[i], below[i + step]) for i in range(len(below) - step)])

    def open_at_end(self, start: int, end: int) -> int:
        """Brackets opened in ``[start, end)`` and still open at ``end`` (see ``Segmenter.paren_depth_between``)."""
        a, b = bisect.bisect_left(self.at, start), bisect.bisect_left(self.at, end)  # brackets in [start, end)
        if a == b:
            return 0
        before = self.depth[a - 1] if a else 0  # P(start)
        return self.depth[b - 1] - min(before, self._minimum(a, b))

    def _minimum(self, a: int, b: int) -> int:
        """min(depth[a:b]), b > a."""
        first, last = -(-a // _BLOCK), b // _BLOCK  # the whole blocks in [a, b): [first, last)
        if last - first < 2:
            return min(self.depth[a:b])
        k = (last - first).bit_length() - 1
        level = self.levels[k]
        whole = min(level[first], level[last - 2**k])
        return min(whole, min(self.depth[a : first * _BLOCK], default=whole), min(self.depth[last * _BLOCK : b], default=whole))


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
