"""Checks on a ZIP-based file (DOCX, XLSX) before a library opens it.

Reading rules: ``check_zip`` reads only the ZIP's end record (how many
members, how large a directory) and then its central directory (names and
declared sizes); nothing is decompressed. It rejects, with the reason:

- bytes that are not a ZIP. An OLE2/CFB file is named for what it is: a
  password-protected OOXML file (Office stores the encrypted ZIP as an
  ``EncryptedPackage`` stream in a CFB container), or a legacy binary
  .doc/.xls saved under the new suffix. A ZIP signature without a readable
  directory is a truncated or damaged file.
- a zip bomb: more members, more uncompressed bytes in all, or one member
  more compressed than the limits below allow.

Declared sizes are enough to bound the work: Python's ``zipfile`` stops
inflating a member at its declared ``file_size``, so a member that lies about
its size yields at most that many bytes (and then fails its CRC check).
"""

from __future__ import annotations

import io
import zipfile

from audit.ingest import IngestError
from audit.ingest.sniff import ADVICE, DESCRIPTIONS, OLE_MAGIC, Kind, ole_kind, zip_directory

# A DOCX has a dozen parts and an XLSX one per sheet plus a few; thousands of
# members are a sign of a crafted file. Each costs zipfile an object as it reads
# the directory (600,000 empty members fit in 55 MB and take 3.4 s and 340 MB to
# list), so the count is taken from the end record before zipfile is called.
MAX_MEMBERS = 10_000
# zipfile parses the directory by its declared byte size, whatever the declared
# count: 4 MB is 10,000 entries with names of 370 bytes (a DOCX's is 1–3 KB).
MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
# A report's XML is a few MB at most (the DOCX template in ../shared: 0.3 MB in
# all); 200 MB uncompressed is far above any report and still parses in memory.
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
# Office XML compresses about 2–30:1 (measured: the DOCX template in ../shared,
# 19:1 for word/document.xml; an openpyxl sheet of 200,000 zeros, 16:1); a member
# above 100:1 is runs of repeated bytes, the shape of a zip bomb (deflate tops out
# near 1032:1; 50 MB of zeros is 1000:1). Machine-made repetition gets there too:
# python-docx's 1,500-row empty table is 174:1 at 0.8 MB (passes, being under
# MAX_RATIO_MIN_SIZE) and 20,000 identical paragraphs 263:1 at 1.6 MB (refused) —
# no real report looks like that. Small members may be that repetitive
# harmlessly, so the ratio only counts above MAX_RATIO_MIN_SIZE uncompressed.
MAX_RATIO = 100
MAX_RATIO_MIN_SIZE = 1024 * 1024


def check_zip(data: bytes, kind: str) -> None:
    """Raise ``IngestError`` when ``data`` is not a ZIP safe to open as a ``kind`` (e.g. "DOCX") file."""
    if data.startswith(OLE_MAGIC):
        _reject_ole(data, kind)
    directory = zip_directory(data)
    if directory is not None and directory_over_limits(*directory):
        count, size = directory
        raise _bomb(
            kind,
            f"目录声明 {count} 个成员、{size} 字节，上限 {MAX_MEMBERS} 个、{MAX_DIRECTORY_BYTES} 字节",
            f"the directory declares {count} members in {size} bytes, "
            f"limits {MAX_MEMBERS} members and {MAX_DIRECTORY_BYTES} bytes",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception as exc:  # noqa: BLE001 — zipfile raises several types on a bad directory
        if data.startswith(b"PK"):
            raise IngestError(
                f"不是有效的 {kind} 文件（文件不完整或已损坏：找不到 ZIP 目录）",
                f"not a valid {kind} file (truncated or damaged: the ZIP directory is missing)",
            ) from exc
        raise IngestError(
            f"不是有效的 {kind} 文件（内容不是 ZIP 格式）",
            f"not a valid {kind} file (the content is not in ZIP format)",
        ) from exc
    _check_bomb(members, kind)


def _reject_ole(data: bytes, kind: str) -> None:
    found = ole_kind(data)
    if found is Kind.OLE_ENCRYPTED:
        raise IngestError(
            f"{kind} 文件已加密（设置了打开密码），无法读取，请去掉打开密码后重新提交",
            f"the {kind} file is encrypted (password-protected) and cannot be read; "
            "remove the password and submit it again",
        )
    (what_zh, what_en), (advice_zh, advice_en) = DESCRIPTIONS[found], ADVICE[found]
    raise IngestError(
        f"不是有效的 {kind} 文件：内容是{what_zh}，{advice_zh}",
        f"not a valid {kind} file: it holds {what_en}; {advice_en}",
    )


def directory_over_limits(members: int, size: int) -> bool:
    """True when a central directory declares more members or bytes than zipfile should be asked to parse."""
    return members > MAX_MEMBERS or size > MAX_DIRECTORY_BYTES


def _bomb(kind: str, reason_zh: str, reason_en: str) -> IngestError:
    return IngestError(
        f"{kind} 文件疑似压缩炸弹，未解压（{reason_zh}）",
        f"the {kind} file looks like a zip bomb and was not decompressed ({reason_en})",
    )


def _check_bomb(members: list[zipfile.ZipInfo], kind: str) -> None:
    if len(members) > MAX_MEMBERS:  # the end record understated the count
        raise _bomb(kind, f"包含 {len(members)} 个成员，上限 {MAX_MEMBERS}", f"{len(members)} members, limit {MAX_MEMBERS}")
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise _bomb(
            kind,
            f"解压后共 {total} 字节，上限 {MAX_TOTAL_UNCOMPRESSED}",
            f"{total} bytes uncompressed, limit {MAX_TOTAL_UNCOMPRESSED}",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_RATIO_MIN_SIZE and ratio > MAX_RATIO:
            raise _bomb(
                kind,
                f"成员 {member.filename} 压缩比 {ratio:.0f}:1，上限 {MAX_RATIO}:1",
                f"member {member.filename} is compressed {ratio:.0f}:1, limit {MAX_RATIO}:1",
            )
