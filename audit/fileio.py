"""Writing output files atomically: a reader never sees half a page or half a baseline."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable


def write_atomic(path: Path, content: str | Iterable[str]) -> Path:
    """Write ``content`` (UTF-8, line ends as given; a string or its pieces) to ``path`` through a temporary file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        # A file name that is not UTF-8 reaches the text as lone surrogates: written as U+FFFD.
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="") as handle:
            handle.writelines([content] if isinstance(content, str) else content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
