"""What a file really is, from its bytes rather than its name.

Reading rules, checked in this order (the first that matches wins):

1. Signatures at offset 0: ZIP (``PK\\x03\\x04``, or ``PK\\x05\\x06`` for an
   empty archive), OLE2/CFB (``D0 CF 11 E0 A1 B1 1A E1``), PNG, JPEG, GIF, RTF
   (``{\\rtf``).
2. PDF: ``%PDF-`` within the first 1024 bytes (readers accept junk before the
   header, as Acrobat does).
3. HTML: ``<html`` or ``<!doctype html`` at the start, after a byte-order mark,
   whitespace, an XML declaration and comments (the head is decoded as UTF-16
   when a UTF-16 mark says so, else as ASCII-compatible bytes).
4. Anything else is text (whether it decodes is the text reader's call).

A ZIP is told apart by its member names, read from the central directory
(nothing is decompressed): ``word/…`` is DOCX, ``xl/…`` XLSX, ``OFD.xml`` OFD,
anything else a plain ZIP. A ZIP whose central directory is missing (a
truncated download) or declared larger than ``archive``'s limits is recognised
by the names in its local headers (the first 1,000 within 4 MB), which sit in
the clear before each member's data; with none of them it is
``ZIP_DAMAGED``. An OLE2 file is told apart by the stream names of its CFB
directory: ``EncryptedPackage`` is a password-protected OOXML file (Office
wraps the encrypted ZIP in a CFB container), ``WordDocument`` a legacy
.doc/.wps, ``Workbook``/``Book`` a legacy .xls/.et. The directory is read by
following the header's FAT chain; if that fails (a damaged or truncated
file) the UTF-16LE names are looked for anywhere in the bytes.
"""

from __future__ import annotations

import enum
import io
import re
import struct
import zipfile


class Kind(str, enum.Enum):
    """The format of a file's content."""

    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    OFD = "ofd"
    ZIP = "zip"  # a readable archive that is none of the above
    ZIP_DAMAGED = "zip-damaged"  # ZIP signature, but no readable directory or known member name
    OLE_ENCRYPTED = "ole-encrypted"  # a password-protected OOXML file (DOCX/XLSX/PPTX)
    OLE_WORD = "ole-word"  # legacy Word .doc, or WPS .wps
    OLE_EXCEL = "ole-excel"  # legacy Excel .xls, or WPS .et
    OLE_OTHER = "ole-other"
    RTF = "rtf"
    HTML = "html"
    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    TEXT = "text"


# (Chinese, English) description of each kind, and what to do about it when it cannot be read.
# A Chinese description that starts with a Latin word starts with a space, as it follows hanzi (内容是 PDF 文件).
DESCRIPTIONS: dict[Kind, tuple[str, str]] = {
    Kind.PDF: (" PDF 文件", "a PDF file"),
    Kind.DOCX: (" Word 文档（.docx）", "a Word document (.docx)"),
    Kind.XLSX: (" Excel 工作簿（.xlsx）", "an Excel workbook (.xlsx)"),
    Kind.OFD: (" OFD 版式文件", "an OFD document"),
    Kind.ZIP: (" ZIP 压缩包（不是 Word、Excel 或 OFD 文件）", "a ZIP archive (not a Word, Excel or OFD file)"),
    Kind.ZIP_DAMAGED: ("已损坏或不完整的 ZIP 数据", "damaged or truncated ZIP data"),
    Kind.OLE_ENCRYPTED: ("已加密（设置了打开密码）的 Office 文件", "an encrypted (password-protected) Office file"),
    Kind.OLE_WORD: ("旧版 Word（.doc）文件", "a legacy Word (.doc) file"),
    Kind.OLE_EXCEL: ("旧版 Excel（.xls）文件", "a legacy Excel (.xls) file"),
    Kind.OLE_OTHER: ("旧版 Office 二进制文件（OLE 复合文档）", "a legacy Office binary file (OLE compound document)"),
    Kind.RTF: (" RTF 文档", "an RTF document"),
    Kind.HTML: ("网页（HTML）", "a web page (HTML)"),
    Kind.PNG: (" PNG 图片（二进制文件）", "a PNG image (a binary file)"),
    Kind.JPEG: (" JPEG 图片（二进制文件）", "a JPEG image (a binary file)"),
    Kind.GIF: (" GIF 图片（二进制文件）", "a GIF image (a binary file)"),
    Kind.TEXT: ("纯文本", "plain text"),
}
_IMAGE_ADVICE = ("不支持 OCR，请提交带文字的版本", "OCR is not supported; submit a version with text")
ADVICE: dict[Kind, tuple[str, str]] = {
    Kind.OFD: ("请另存为 PDF", "save it as PDF"),
    Kind.ZIP: ("请解压后提交其中的报告", "extract the report from it"),
    Kind.OLE_ENCRYPTED: ("请去掉打开密码后重新提交", "remove the password and submit it again"),
    Kind.OLE_WORD: ("请另存为 .docx", "save it as .docx"),
    Kind.OLE_EXCEL: ("请另存为 .xlsx", "save it as .xlsx"),
    Kind.OLE_OTHER: ("请另存为 .docx 或 .xlsx", "save it as .docx or .xlsx"),
    Kind.RTF: ("请另存为 .docx", "save it as .docx"),
    Kind.PNG: _IMAGE_ADVICE,
    Kind.JPEG: _IMAGE_ADVICE,
    Kind.GIF: _IMAGE_ADVICE,
}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", Kind.PNG),
    (b"\xff\xd8\xff", Kind.JPEG),
    (b"GIF87a", Kind.GIF),
    (b"GIF89a", Kind.GIF),
    (b"{\\rtf", Kind.RTF),
)
# How far into the file the PDF header and the HTML start tag are looked for.
PDF_HEADER_WINDOW = 1024
_HTML_WINDOW = 1024
_HTML_START = re.compile(
    r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)


def sniff(data: bytes) -> Kind:
    """The kind of content ``data`` holds (see the module docstring for the rules)."""
    if data.startswith(_ZIP_MAGIC):
        return zip_kind(data)
    if data.startswith(OLE_MAGIC[:4]):  # the first four bytes are enough, as for text.py's binary test
        return ole_kind(data)
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        return Kind.PDF
    if _is_html(data[:_HTML_WINDOW]):
        return Kind.HTML
    return Kind.TEXT


# ----------------------------------------------------------------------------- ZIP


def zip_kind(data: bytes) -> Kind:
    """DOCX, XLSX, OFD or another ZIP, by member names; ZIP_DAMAGED when none can be read.

    The central directory is parsed only when its declared size is within
    ``archive``'s limits (zipfile builds an object per member); otherwise, or
    when it cannot be read, the local headers are used.
    """
    from audit.ingest import archive  # archive imports this module

    directory = zip_directory(data)
    if directory is not None and not archive.directory_over_limits(*directory):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as opened:
                return _kind_of_names(opened.namelist()) or Kind.ZIP
        except Exception:  # noqa: BLE001 — any failure to read the directory means a damaged archive
            pass
    # No usable central directory: the local headers still carry each member's name.
    return _kind_of_names(_local_names(data)) or Kind.ZIP_DAMAGED


_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"


def zip_directory(data: bytes) -> tuple[int, int] | None:
    """(members, bytes) of the central directory as the end record declares them
    (the ZIP64 record when the classic one is saturated), or None without an end record."""
    eocd = data.rfind(_EOCD, max(0, len(data) - _EOCD_SIZE - 0xFFFF))
    if eocd < 0 or eocd + _EOCD_SIZE > len(data):
        return None
    members, size = struct.unpack_from("<HI", data, eocd + 10)
    locator = eocd - 20
    if (members == 0xFFFF or size == 0xFFFFFFFF) and locator >= 0 and data[locator : locator + 4] == _ZIP64_LOCATOR:
        (record,) = struct.unpack_from("<Q", data, locator + 8)
        if data[record : record + 4] == _ZIP64_EOCD and record + 56 <= len(data):
            members, size = struct.unpack_from("<QQ", data, record + 32)
    return members, size


# Local headers are looked for in the first bytes only, and only so many: an
# OOXML file's parts come early ([Content_Types].xml, _rels/, then word/ or xl/).
_LOCAL_SCAN = 4 * 1024 * 1024
_LOCAL_MAX = 1000
_LOCAL_HEADER = b"PK\x03\x04"


def _local_names(data: bytes) -> list[str]:
    """Member names from the local file headers (signature, 26 bytes of fields, then the name)."""
    names: list[str] = []
    start = data.find(_LOCAL_HEADER, 0, _LOCAL_SCAN)
    while start != -1 and start + 30 <= len(data) and len(names) < _LOCAL_MAX:
        (length,) = struct.unpack_from("<H", data, start + 26)
        names.append(data[start + 30 : start + 30 + length].decode("cp437"))
        start = data.find(_LOCAL_HEADER, start + 4, _LOCAL_SCAN)
    return names


def _kind_of_names(names: list[str]) -> Kind | None:
    if any(name.startswith("word/") for name in names):
        return Kind.DOCX
    if any(name.startswith("xl/") for name in names):
        return Kind.XLSX
    if any(name.lower() == "ofd.xml" for name in names):
        return Kind.OFD
    return None


# ----------------------------------------------------------------------------- OLE

_ENCRYPTED_NAME = "EncryptedPackage"
_WORD_NAMES = frozenset({"WordDocument"})
_EXCEL_NAMES = frozenset({"Workbook", "Book"})


def ole_kind(data: bytes) -> Kind:
    """Encrypted OOXML, legacy Word, legacy Excel or another OLE2 file, by its stream names."""
    names = cfb_names(data)
    if names is None:  # the directory cannot be followed: look for the names anywhere
        def present(name: str) -> bool:
            return name.encode("utf-16-le") + b"\x00\x00" in data

        if present(_ENCRYPTED_NAME):
            return Kind.OLE_ENCRYPTED
        if any(present(n) for n in _WORD_NAMES):
            return Kind.OLE_WORD
        if any(present(n) for n in _EXCEL_NAMES):
            return Kind.OLE_EXCEL
        return Kind.OLE_OTHER
    if _ENCRYPTED_NAME in names:
        return Kind.OLE_ENCRYPTED
    if names & _WORD_NAMES:
        return Kind.OLE_WORD
    if names & _EXCEL_NAMES:
        return Kind.OLE_EXCEL
    return Kind.OLE_OTHER


_FREE_OR_END = 0xFFFFFFFA  # sector ids at or above this mark the end of a chain or an unused sector
_DIRECTORY_ENTRY = 128


def cfb_names(data: bytes) -> set[str] | None:
    """The names of the storages and streams in a CFB (OLE2) file, or None when its
    directory cannot be read ([MS-CFB]: header, DIFAT → FAT, directory chain)."""
    if len(data) < 512 or not data.startswith(OLE_MAGIC):
        return None
    try:
        shift, = struct.unpack_from("<H", data, 0x1E)
        if shift not in (9, 12):
            return None
        size = 1 << shift
        # The header fills the first sector-sized block; a last sector may be cut short.
        n_sectors = -(-(len(data) - size) // size)
        first_dir, = struct.unpack_from("<I", data, 0x30)
        first_difat, n_difat = struct.unpack_from("<II", data, 0x44)

        def sector(sid: int) -> bytes:
            if sid >= n_sectors:
                raise ValueError("sector beyond the end of the file")
            start = (sid + 1) * size
            return data[start : start + size]

        # The FAT's own sectors: 109 in the header, then chained DIFAT sectors.
        fat_sids = list(struct.unpack_from("<109I", data, 0x4C))
        sid = first_difat
        for _ in range(min(n_difat, n_sectors)):
            if sid >= _FREE_OR_END:
                break
            entries = struct.unpack(f"<{size // 4}I", sector(sid))
            fat_sids += entries[:-1]
            sid = entries[-1]
        fat: list[int] = []
        for sid in fat_sids:
            if sid < _FREE_OR_END:
                fat += struct.unpack(f"<{size // 4}I", sector(sid))
        names: set[str] = set()
        sid, seen = first_dir, 0
        while sid < _FREE_OR_END:
            seen += 1
            if seen > n_sectors or sid >= len(fat):
                return None  # a loop, or a chain leaving the FAT
            block = sector(sid)
            for offset in range(0, len(block) - _DIRECTORY_ENTRY + 1, _DIRECTORY_ENTRY):
                length, kind = struct.unpack_from("<HB", block, offset + 64)
                if kind in (1, 2, 5) and 2 <= length <= 64:  # storage, stream, root
                    names.add(block[offset : offset + length - 2].decode("utf-16-le", "replace"))
            sid = fat[sid]
        return names or None
    except (struct.error, ValueError):
        return None


# ---------------------------------------------------------------------------- HTML


def _is_html(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[2:].decode("utf-16-le" if head[0] == 0xFF else "utf-16-be", "ignore")
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    return _HTML_START.match(text.lstrip()) is not None


# ------------------------------------------------------------------- suffix vs content

_TEXT = frozenset({Kind.TEXT})
_OOXML = frozenset({Kind.ZIP_DAMAGED, Kind.OLE_ENCRYPTED})  # a damaged or encrypted copy: its reader says so
# What a file with each suffix may hold without its name being wrong: the
# format itself, a damaged or encrypted copy of it (its reader says which), and
# the variants Office itself saves under that name (a web page or RTF as .doc,
# a web page or table markup as .xls). A suffix not listed here is not checked.
SUFFIX_KINDS: dict[str, frozenset[Kind]] = {
    ".txt": _TEXT,
    ".text": _TEXT,
    ".md": _TEXT,
    ".html": frozenset({Kind.HTML, Kind.TEXT}),  # a fragment without <html> is still HTML
    ".htm": frozenset({Kind.HTML, Kind.TEXT}),
    ".pdf": frozenset({Kind.PDF}),
    ".docx": frozenset({Kind.DOCX}) | _OOXML,
    ".xlsx": frozenset({Kind.XLSX}) | _OOXML,
    ".xls": frozenset({Kind.OLE_EXCEL, Kind.OLE_OTHER, Kind.OLE_ENCRYPTED, Kind.HTML, Kind.TEXT}),
    ".et": frozenset({Kind.OLE_EXCEL, Kind.OLE_OTHER}),
    ".doc": frozenset({Kind.OLE_WORD, Kind.OLE_OTHER, Kind.HTML, Kind.RTF}),
    ".wps": frozenset({Kind.OLE_WORD, Kind.OLE_OTHER}),
    ".ofd": frozenset({Kind.OFD, Kind.ZIP_DAMAGED}),
}
# Suffixes whose content is text: a web page under one of them is simply read as HTML.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
# The suffix (a key of ``READERS``) whose reader reads each kind; a kind not
# listed, or whose suffix has no reader, cannot be read.
READ_AS: dict[Kind, str] = {
    Kind.PDF: ".pdf",
    Kind.DOCX: ".docx",
    Kind.XLSX: ".xlsx",
    Kind.OLE_EXCEL: ".xls",
    Kind.HTML: ".html",
    Kind.TEXT: ".txt",
}
