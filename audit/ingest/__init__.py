"""The ingest stage: command-line paths → files → ``Document``s.

``discover`` turns the arguments into a list of inputs, ``load`` reads one of
them with the reader registered for its suffix — or, when the bytes are
another format than the suffix says (``sniff``), with the reader for what they
are, recording the mismatch (see ``load``). A reader is any
``(path, data) -> Document``; registering one in ``READERS`` is all a new
format needs. ``load`` raises only ``IngestError`` for a bad input, with the
reason in Chinese and English.
"""

from __future__ import annotations

import glob
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from audit.ingest import sniff
from audit.errors import BilingualError
from audit.model import Document

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"
STDIN_NAME = "<stdin>"


def input_name(path: str) -> str:
    """How an input is named in a batch's results and outputs: stdin (``-``) as ``<stdin>``."""
    return STDIN_NAME if path == STDIN else path


class IngestError(BilingualError):
    """An input that cannot be read; ``str()`` is the English message (reader errors chain into it)."""

    def __str__(self) -> str:
        return self.message_en


# Readers import IngestError from this module, so they are imported after it.
from audit.ingest.text import read_text  # noqa: E402

Reader = Callable[[str, bytes], Document]


def _lazy(module: str, name: str) -> Reader:
    """A reader imported on first use: a batch of text files never loads the PDF,
    DOCX and HTML libraries (a quarter of a second at every start)."""

    def read(path: str, data: bytes) -> Document:
        return getattr(importlib.import_module(module), name)(path, data)

    return read


read_pdf = _lazy("audit.ingest.pdf", "read_pdf")
read_docx = _lazy("audit.ingest.docx", "read_docx")
read_html = _lazy("audit.ingest.html", "read_html")
read_xlsx = _lazy("audit.ingest.xlsx", "read_xlsx")
read_xls = _lazy("audit.ingest.xlsx", "read_xls")

# Suffix (lower case) → reader.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
    ".xlsx": read_xlsx,
    ".xls": read_xls,
}
# A live view: a reader added to READERS is supported at once.
SUPPORTED_SUFFIXES = READERS.keys()
# Formats reports also arrive in that have no reader yet. A folder walk still
# lists them, so each appears in the output with an "unsupported format"
# finding instead of silently vanishing from an officer's batch.
REPORT_SUFFIXES = frozenset({".doc", ".wps", ".et", ".ofd"})
# What stdin is read as.
STDIN_READER: Reader = read_text

_GLOB_CHARS = frozenset("*?[")


# ------------------------------------------------------------------------ discover


def discover(paths: Sequence[str]) -> list[str]:
    """The inputs named by ``paths``, in order, without duplicates.

    A directory is searched recursively for files with a supported suffix or
    the suffix of another report format (any case; hidden files and folders
    and folder docs such as README/PROVENANCE skipped). A glob is expanded, sorted, like a
    shell would: matching files are kept whatever their suffix, matching
    folders are searched, and a pattern that matches nothing is kept so that
    ``load`` reports it. Any other path — even a missing one or one with an
    unsupported suffix — is kept for ``load`` to report. ``-`` stands for stdin.
    Duplicates are recognised by their resolved path.
    """
    found: list[str] = []
    seen: set[str] = set()
    for arg in paths:
        for path in _expand(arg):
            key = path if path == STDIN else os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found


def _expand(arg: str) -> list[str]:
    if arg == STDIN:
        return [arg]
    if not os.path.exists(arg) and _GLOB_CHARS & set(arg):
        matches = sorted(glob.glob(arg, recursive=True)) or [arg]
    else:
        matches = [arg]
    return [path for match in matches for path in (_search(match) if os.path.isdir(match) else [match])]


# Files that document a folder rather than report on a year (samples/PROVENANCE.md);
# a directory walk passes them over, naming one explicitly still audits it.
_FOLDER_DOCS = ("readme", "provenance", "license", "changelog", "contributing", "sources")


def _is_folder_doc(name: str) -> bool:
    return Path(name).stem.lower().startswith(_FOLDER_DOCS)


def _search(folder: str) -> list[str]:
    """Supported files under ``folder``, hidden entries and folder docs skipped, in path order."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            os.path.join(root, name)
            for name in files
            if not name.startswith(".")
            and (_suffix(name) in READERS or _suffix(name) in REPORT_SUFFIXES)
            and not _is_folder_doc(name)
        ]
    return sorted(found, key=lambda path: Path(path).parts)


def _suffix(path: str) -> str:
    return Path(path).suffix.lower()


# ---------------------------------------------------------------------------- load


# (Chinese, English) messages used in more than one place.
_NOT_FOUND = ("文件不存在", "file not found")
_IS_DIRECTORY = ("这是一个目录，不是文件", "is a directory, not a file")


def load(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode one input (``-`` is stdin); raise ``IngestError`` when it cannot be.

    The reader is chosen by what the bytes are (``sniff``), checked against the
    suffix: a file whose content is another readable format than its suffix
    says (a PDF named .txt) is read as what it is, and the mismatch is recorded
    in ``document.meta["ingest_warnings"]`` as (Chinese, English) messages; one
    whose content cannot be read (a PNG named .pdf, a .doc named .docx) is an
    ``IngestError`` naming both. A web page under a text suffix is read as HTML
    without a warning (a .txt may hold markup). Stdin is read as what it is.
    """
    name, suffix = input_name(path), None if path == STDIN else _checked_suffix(path)
    data = _read_bytes(path, max_bytes)
    if not data:
        raise IngestError("文件为空", "the file is empty")
    try:
        reader, warnings = _route(suffix, data)
        document = reader(name, data)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 — a reader choking on a malformed file is that file's problem
        kind = type(exc).__name__
        raise IngestError(f"读取文件时出错（{kind}: {exc}）", f"cannot read the file ({kind}: {exc})") from exc
    if warnings:
        document.meta.setdefault("ingest_warnings", []).extend(warnings)
    return document


# A (Chinese, English) message.
Message = tuple[str, str]


def _checked_suffix(path: str) -> str:
    """``path``'s suffix, after checking that ``path`` is a file in a format reports come in."""
    if not os.path.exists(path):
        raise IngestError(*_NOT_FOUND)
    if os.path.isdir(path):
        raise IngestError(*_IS_DIRECTORY)
    if not os.path.isfile(path):  # a FIFO, a socket or a device: reading it may never end
        raise IngestError("不是普通文件（可能是管道、设备或套接字）", "not a regular file (a pipe, device or socket)")
    suffix = _suffix(path)
    if suffix not in READERS and suffix not in REPORT_SUFFIXES:
        raise _unsupported(suffix)
    return suffix


def _unsupported(suffix: str, kind: sniff.Kind | None = None) -> IngestError:
    supported = sorted(READERS)
    what_zh = what_en = ""
    if kind is not None and kind in sniff.ADVICE:  # what the file is and what to do about it
        (desc_zh, desc_en), (advice_zh, advice_en) = sniff.DESCRIPTIONS[kind], sniff.ADVICE[kind]
        what_zh, what_en = f"内容是{desc_zh}，{advice_zh}；", f"it holds {desc_en}: {advice_en}; "
    return IngestError(
        f"不支持的文件格式：{suffix or '（无扩展名）'}（{what_zh}支持 {'、'.join(supported)}）",
        f"unsupported file format: {suffix or '(no suffix)'} ({what_en}supported: {', '.join(supported)})",
    )


def _route(suffix: str | None, data: bytes) -> tuple[Reader, list[Message]]:
    """The reader for ``data`` under ``suffix`` (None for stdin), and the warnings to attach."""
    claimed = sniff.SUFFIX_KINDS.get(suffix) if suffix is not None else None
    if suffix is not None and claimed is None:  # a suffix whose content is not checked (a plug-in reader)
        return READERS[suffix], []
    kind = sniff.sniff(data)
    if suffix is None:  # stdin: no name to disagree with
        if kind is sniff.Kind.TEXT:
            return STDIN_READER, []
        if (reader := _reader_of(kind)) is None:
            raise _stdin_unreadable(kind)
        return reader, []
    assert claimed is not None
    if kind in claimed:
        if suffix in READERS:
            return READERS[suffix], []
        # A format without a reader; a variant of it that has one (a web page saved as .doc) is read.
        if (reader := _reader_of(kind)) is None:
            raise _unsupported(suffix, kind)
        return reader, []
    if kind is sniff.Kind.HTML and suffix in sniff.TEXT_SUFFIXES:
        return READERS.get(sniff.READ_AS[kind], READERS[suffix]), []
    reader = _reader_of(kind)
    if reader is None:
        raise _mismatch(suffix, kind)
    warning = _wrong_extension(suffix, kind)
    if kind is sniff.Kind.TEXT:  # "no signature": text only if it decodes as text
        reader = _text_or_mismatch(reader, suffix)
    return reader, [warning]


def _reader_of(kind: sniff.Kind) -> Reader | None:
    return READERS.get(sniff.READ_AS.get(kind, ""))


def _format_name(suffix: str) -> Message:
    """How "not a valid … file" names ``suffix``'s format (the Chinese with the space before a Latin name)."""
    if suffix in sniff.TEXT_SUFFIXES:
        return "文本文件", "text file"
    name = "HTML" if suffix == ".htm" else suffix.lstrip(".").upper()
    return f" {name} 文件", f"{name} file"


def _stdin_unreadable(kind: sniff.Kind) -> IngestError:
    (what_zh, what_en), (advice_zh, advice_en) = sniff.DESCRIPTIONS[kind], sniff.ADVICE.get(kind, ("", ""))
    return IngestError(
        f"标准输入的内容是{what_zh}，无法读取" + (f"（{advice_zh}）" if advice_zh else ""),
        f"standard input holds {what_en}, which cannot be read" + (f" ({advice_en})" if advice_en else ""),
    )


def _mismatch(suffix: str, kind: sniff.Kind) -> IngestError:
    """The content is ``kind``, which has no reader, under a ``suffix`` of another format."""
    (fmt_zh, fmt_en), (what_zh, what_en) = _format_name(suffix), sniff.DESCRIPTIONS[kind]
    advice_zh, advice_en = sniff.ADVICE.get(kind, ("无法读取", "it cannot be read"))
    return IngestError(
        f"不是有效的{fmt_zh}：扩展名为 {suffix}，但内容是{what_zh}，{advice_zh}",
        f"not a valid {fmt_en}: it is named {suffix} but holds {what_en}; {advice_en}",
    )


def _wrong_extension(suffix: str, kind: sniff.Kind) -> Message:
    """The INP003 message: the content is ``kind`` (read as such) under the ``suffix`` of another format."""
    what_zh, what_en = sniff.DESCRIPTIONS[kind]
    right = sniff.READ_AS[kind]
    return (
        f"扩展名为 {suffix}，但内容是{what_zh}，已按实际格式读取；请将扩展名改为 {right}",
        f"the file is named {suffix} but holds {what_en}; it was read as such — rename it to {right}",
    )


def _text_or_mismatch(reader: Reader, suffix: str) -> Reader:
    """``reader`` (the text reader), whose failure means the bytes are neither ``suffix``'s format nor text."""

    def read(path: str, data: bytes) -> Document:
        try:
            return reader(path, data)
        except IngestError as exc:
            if suffix not in READERS:
                raise _unsupported(suffix) from exc
            fmt_zh, fmt_en = _format_name(suffix)
            raise IngestError(
                f"不是有效的{fmt_zh}：扩展名为 {suffix}，但内容既不是该格式，也不是文字（{exc.message_zh}）",
                f"not a valid {fmt_en}: it is named {suffix} but holds neither that format nor text ({exc.message_en})",
            ) from exc

    return read


_BLOCK = 1 << 20


def _read_at_most(stream: BinaryIO, limit: int, expected: int = 0) -> bytes:
    """Up to ``limit`` bytes of ``stream``, in buffers the size of what is there.

    ``stream.read(limit)`` would allocate ``limit`` bytes first: a 50 MB mapping for
    every 15 KB report (cheap, as the pages are never touched, but pointless). One read of the
    ``expected`` size (a file's size when opened) and one byte more tells whether
    there is more; only then (a file that grew, a pipe) is the rest read in blocks.
    """
    data = stream.read(min(expected + 1, limit))
    if len(data) <= expected or len(data) >= limit:
        return data
    parts, size = [data], len(data)
    while size < limit:
        block = stream.read(min(_BLOCK, limit - size))
        if not block:
            break
        parts.append(block)
        size += len(block)
    return b"".join(parts)


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """At most ``max_bytes`` bytes of ``path`` (or stdin); more is an ``IngestError``."""
    try:
        if path == STDIN:
            data = _read_at_most(sys.stdin.buffer, max_bytes + 1)
        else:
            with open(path, "rb") as stream:
                data = _read_at_most(stream, max_bytes + 1, os.fstat(stream.fileno()).st_size)
    except FileNotFoundError as exc:  # removed after the existence check
        raise IngestError(*_NOT_FOUND) from exc
    except IsADirectoryError as exc:
        raise IngestError(*_IS_DIRECTORY) from exc
    except PermissionError as exc:
        raise IngestError("没有读取该文件的权限", "permission denied") from exc
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise IngestError(f"无法读取文件（{reason}）", f"cannot read the file ({reason})") from exc
    if len(data) > max_bytes:
        raise IngestError(
            f"文件过大（超过 {max_bytes} 字节的上限）",
            f"file too large (over the limit of {max_bytes} bytes)",
        )
    return data
