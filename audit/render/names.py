"""Safe, unique, deterministic file names for the per-document HTML pages."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

_UNSAFE = re.compile(r"[^A-Za-z0-9._\-\u4e00-\u9fff]+")
_MAX_STEM = 60


def _stem(path: str) -> str:
    """The input's base name without its extension, reduced to safe characters."""
    name = re.split(r"[\\/]", path)[-1]
    dot = name.rfind(".")
    if dot > 0:
        name = name[:dot]
    stem = _UNSAFE.sub("_", name)
    stem = re.sub(r"_{2,}", "_", stem)
    stem = re.sub(r"\.{2,}", ".", stem)  # never ``..`` anywhere in the name
    stem = stem.lstrip(".")[:_MAX_STEM]
    return stem or "document"


def output_names(paths: Sequence[str]) -> dict[str, str]:
    """Map each input path to ``<safe stem>-<sha1 prefix>.html``.

    The hash of the full path separates equal stems from different folders; on the
    (unlikely) clash of two prefixes the hash is lengthened until the names differ,
    so the mapping stays deterministic and injective.
    """
    names: dict[str, str] = {}
    taken: set[str] = set()
    for path in dict.fromkeys(paths):
        # A name that is not UTF-8 is hashed as it is printed (its bad bytes as "?"), so the JSON's
        # path leads to its page; two such names that print alike get a counter.
        digest = hashlib.sha1(path.encode("utf-8", "replace")).hexdigest()
        stem = _stem(path)
        for size in range(8, len(digest) + 1):
            name = f"{stem}-{digest[:size]}.html"
            if name not in taken:
                break
        count = 2
        while name in taken:
            name = f"{stem}-{digest}-{count}.html"
            count += 1
        names[path] = name
        taken.add(name)
    return names
