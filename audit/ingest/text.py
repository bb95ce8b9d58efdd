"""Plain-text reports: decode the bytes, then normalise.

Decoding tries, in order, and stops at the first step that gives a clean
decoding (strict, and at most 1% control characters):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. UTF-16 without a BOM when NUL bytes are many and mostly at one byte parity
   (ASCII characters — digits, line breaks, half-width punctuation — have a
   NUL high byte in UTF-16); a fast path: charset-normalizer also finds UTF-16;
3. strict UTF-8;
4. charset-normalizer restricted to the encodings Chinese reports come in:
   GB18030 (which also reads GBK and GB2312), Big5, Big5-HKSCS, UTF-16 LE/BE.

An empty file, a known binary signature, or bytes that nothing decodes raise
``IngestError`` (reported as binary when more than 1% are control bytes).

Choosing among candidates. charset-normalizer alone is unreliable on short or
punctuation-dense text: several decodings tie (chaos 0, coherence 0 — its
Chinese frequency table has 100 characters) and its order is then arbitrary,
and its mess detector rejects real GB18030 text dense in “”《》 (0.375 on a
list of quoted column names, above its default threshold of 0.2). So it only
says which candidates are plausible (threshold 0.5), and among the clean
decodings of a step we take the one with the largest *common-hanzi share*:
of the non-ASCII letters of the text (in Simplified form, full-width folded),
the share that are GB2312 level-1 hanzi, the 3,755 most frequent characters.
A right decoding of Simplified or Traditional text scores near 1; GB18030 read
as Big5 or UTF-16, Big5 read as GB18030, or UTF-16 in the wrong byte order
score far lower. Equal scores go to the first candidate in preference order.

Measured (the five samples re-encoded; every window of N characters starting
every 13 characters that has a non-ASCII character, ~2,000 windows per length,
~400 for Big5 on the Traditional sample 001): every window decodes exactly
from N = 9 for GB18030 and GBK, N = 7 for Big5 and N = 9 for UTF-16 LE/BE
without BOM. The first N characters of every sample (so the first 60 and 200)
decode exactly from N = 2 (GB18030, GBK), 1 (Big5) and 6 (UTF-16, no BOM).
Shorter windows can be truly ambiguous (``2017年,`` is valid, common-looking
text in both GB18030 and Big5). charset-normalizer's own first answer still
misread a few windows of 200 characters in GB18030 and UTF-16.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from audit.ingest import IngestError
from audit.ingest.normalize import clean, normalize, to_simplified
from audit.ingest.reflow import reflow
from audit.model import Document

# Longest prefix first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of formats that are sometimes saved with a .txt name:
# PNG, JPEG, GIF, ZIP (docx/xlsx), OLE2 (doc/xls), PDF, gzip, 7z, RAR.
_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"%PDF-",
    b"\x1f\x8b",
    b"7z\xbc\xaf",
    b"Rar!",
)
# What charset-normalizer may choose from, in order of preference when the
# tie-break cannot separate them: GB18030 (also reads GBK and GB2312) first, as
# most reports are from the mainland; Big5 before its superset Big5-HKSCS,
# which also has the ETEN extensions of Taiwan's cp950 (裏 恒 碁, box drawing).
_CANDIDATES = ["gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be"]
_PREFERENCE = [codecs.lookup(name).name for name in _CANDIDATES]
# The tie-break looks at this many characters from the start: plenty to tell
# the decodings apart, and cheap on a 50 MB file.
_SCORED_CHARS = 4000
# charset-normalizer's mess threshold. Its default (0.2) rejects real GB18030
# text dense in CJK punctuation (a list of “栏目”“名称” scores 0.375); wrong
# decodings are weeded out by strictness and the common-hanzi tie-break instead.
_CHAOS = 0.5
# Unicode categories the tie-break weighs: letters, private-use, unassigned.
_LETTERS = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Co", "Cn"})
# C0 controls that text does not contain (all but \t \n \f \r), as characters and as bytes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")


def read_text(path: str, data: bytes) -> Document:
    """A ``Document`` of format ``"text"`` from the raw bytes of a text file."""
    raw, encoding = decode(data)
    text = reflow(clean(raw))  # a PDF converted to text keeps its hard wraps: joined here
    if not text:  # only a BOM or control characters
        raise _empty()
    return Document(path=path, format="text", text=text, shadow=to_simplified(text), encoding=encoding)


def decode(data: bytes) -> tuple[str, str]:
    """``(decoded text, codec name)`` of ``data``, or raise ``IngestError``."""
    if not data:
        raise _empty()
    if data.startswith(_MAGIC):
        raise _binary()
    # Each step names candidate encodings; the first step with a clean decoding wins.
    for step in (_by_bom, _by_nuls, _utf8, _by_charset_normalizer):
        if (found := _best(data, step(data))) is not None:
            return found
    if len(_CONTROL_BYTES.findall(data)) > len(data) // 100:  # not text in any candidate encoding
        raise _binary()
    raise IngestError(
        "无法识别文件编码（尝试了 UTF-8、GB18030、Big5、UTF-16）",
        "cannot detect the text encoding (tried UTF-8, GB18030, Big5, UTF-16)",
    )


def _by_bom(data: bytes) -> list[str]:
    return [encoding for bom, encoding in _BOMS if data.startswith(bom)]


def _by_nuls(data: bytes) -> list[str]:
    """Both UTF-16 byte orders when NULs are many (2.5% of the bytes) and at
    least two thirds of them share a byte parity.

    ASCII characters in UTF-16 have a NUL high byte; hanzi have a NUL low byte
    only for U+xx00 — but 一 U+4E00 and 开 U+5F00 are frequent in these reports —
    so the parity of most NULs suggests the byte order and the common-hanzi
    share confirms it. Anything less clear is left to charset-normalizer.
    """
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) % 2 or even + odd < max(2, len(data) // 40) or min(even, odd) * 2 > max(even, odd):
        return []
    return ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]


def _utf8(data: bytes) -> list[str]:
    return ["utf-8"]


def _by_charset_normalizer(data: bytes) -> list[str]:
    """The candidates charset-normalizer finds plausible, in our order of preference."""
    matches = charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES, threshold=_CHAOS)
    plausible = {codecs.lookup(match.encoding).name for match in matches}
    return [encoding for encoding in _PREFERENCE if encoding in plausible]


def _best(data: bytes, encodings: list[str]) -> tuple[str, str] | None:
    """The clean decoding with the largest common-hanzi share, the earliest of equals."""
    decoded = [(text, enc) for enc in encodings if (text := _as_text(data, enc)) is not None]
    if len(decoded) < 2:
        return decoded[0] if decoded else None
    # max() returns the first of equal keys.
    return max(decoded, key=lambda candidate: common_hanzi_share(candidate[0][:_SCORED_CHARS]))


def common_hanzi_share(text: str) -> float:
    """Share of common hanzi among the non-ASCII letters of ``text`` (see module doc).

    Measured on the normalised shadow, so full-width digits and letters are ASCII
    and Traditional characters are Simplified. Punctuation and symbols count for
    nothing either way; private-use and unassigned characters count as letters.
    Text without such letters (all ASCII) has nothing misread and scores 1.
    """
    _, shadow = normalize(text)
    letters = [c for c in shadow if not c.isascii() and unicodedata.category(c) in _LETTERS]
    return sum(map(_is_common_hanzi, letters)) / len(letters) if letters else 1.0


def _is_common_hanzi(char: str) -> bool:
    """True for the GB2312 level-1 hanzi (rows 16–55, lead bytes 0xB0–0xD7)."""
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xD7


def _as_text(data: bytes, encoding: str) -> str | None:
    """``data`` decoded strictly, unless that fails or gives more than 1% control characters."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if len(_CONTROL.findall(text)) <= len(text) // 100 else None


def _empty() -> IngestError:
    return IngestError("文件为空", "the file is empty")


def _binary() -> IngestError:
    return IngestError("文件不是文本文件（二进制内容）", "not a text file (binary content)")
