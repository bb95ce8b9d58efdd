"""The ingest stage: command-line paths → files → ``Document``s.

``discover`` turns the arguments into a list of inputs, ``load`` reads one of
them with the reader registered for its suffix. A reader is any
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

from audit.model import Document

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"
STDIN_NAME = "<stdin>"


class IngestError(Exception):
    """An input that cannot be read; ``str()`` is the English message."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en

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

# Suffix (lower case) → reader.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
}
# A live view: a reader added to READERS is supported at once.
SUPPORTED_SUFFIXES = READERS.keys()
# Formats reports also arrive in that have no reader yet. A folder walk still
# lists them, so each appears in the output with an "unsupported format"
# finding instead of silently vanishing from an officer's batch.
REPORT_SUFFIXES = frozenset({".doc", ".wps", ".xlsx", ".xls", ".et", ".ofd"})
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
    """Read and decode one input (``-`` is stdin); raise ``IngestError`` when it cannot be."""
    if path == STDIN:
        name, reader = STDIN_NAME, STDIN_READER
    else:
        name, reader = path, _reader_for(path)
    data = _read_bytes(path, max_bytes)
    try:
        return reader(name, data)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 — a reader choking on a malformed file is that file's problem
        kind = type(exc).__name__
        raise IngestError(f"读取文件时出错（{kind}: {exc}）", f"cannot read the file ({kind}: {exc})") from exc


def _reader_for(path: str) -> Reader:
    """The reader for ``path``'s suffix, after checking that ``path`` is a file."""
    if not os.path.exists(path):
        raise IngestError(*_NOT_FOUND)
    if os.path.isdir(path):
        raise IngestError(*_IS_DIRECTORY)
    suffix = _suffix(path)
    if suffix not in READERS:
        supported = sorted(READERS)
        raise IngestError(
            f"不支持的文件格式：{suffix or '（无扩展名）'}（支持 {'、'.join(supported)}）",
            f"unsupported file format: {suffix or '(no suffix)'} (supported: {', '.join(supported)})",
        )
    return READERS[suffix]


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """At most ``max_bytes`` bytes of ``path`` (or stdin); more is an ``IngestError``."""
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(path, "rb") as stream:
                data = stream.read(max_bytes + 1)
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
