"""Decoded text → (``text``, ``shadow``), the two aligned strings of a ``Document``.

``text`` differs from the decoded source only where it must: a leading BOM is
dropped, line endings become ``\\n``, C0 control characters other than ``\\n``
and ``\\t`` are removed, and full-width digits, Latin letters and ``％ ＋ － ．``
are folded to ASCII one character for one character (NFKC is not applied: it
changes lengths and would also fold Chinese punctuation such as ``，`` and ``（``).

``shadow`` is ``text`` in Simplified script (OpenCC ``t2s``) with exactly the
same length, so an offset found by matching on ``shadow`` quotes ``text``.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

_BOM = "\ufeff"
_NEWLINES = re.compile(r"\r\n?")
# C0 controls except \t (U+0009) and \n (U+000A).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f]")

_FULL_WIDTH = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ％＋－．"
_HALF_WIDTH = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%+-."
_FOLD = str.maketrans(_FULL_WIDTH, _HALF_WIDTH)
# str.translate looks every character up: on Chinese text it is slower than a search
# that finds nothing to fold (most reports have no full-width digit or letter).
_FOLDED = re.compile("[" + re.escape(_FULL_WIDTH) + "]")


def normalize(raw: str) -> tuple[str, str]:
    """Return ``(text, shadow)`` for decoded source ``raw``; both have the same length."""
    text = clean(raw)
    return text, to_simplified(text)


def clean(raw: str) -> str:
    """``raw`` without a leading BOM and controls, line endings ``\\n``, full-width digits and letters folded."""
    text = raw.removeprefix(_BOM)
    text = _NEWLINES.sub("\n", text)
    text = _CONTROLS.sub("", text)
    return text.translate(_FOLD) if _FOLDED.search(text) else text


@cache
def _converter() -> opencc.OpenCC:
    """The OpenCC converter, created on first use (loading its dictionaries is not free)."""
    return opencc.OpenCC("t2s")


# How a piece whose conversion changed length is split before converting again:
# first into lines, then into single characters.
_SPLITS = (lambda s: s.splitlines(keepends=True), list)


def to_simplified(text: str, _depth: int = 0) -> str:
    """``text`` in Simplified script, position for position.

    The whole string is converted at once so OpenCC's phrase dictionaries apply.
    In the rare case that changes the length, each line is converted on its own,
    and in a line that still changes length, each character; a single character
    whose conversion is not exactly one character is kept as written.
    """
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    if _depth == len(_SPLITS):
        return text
    return "".join(to_simplified(piece, _depth + 1) for piece in _SPLITS[_depth](text))
