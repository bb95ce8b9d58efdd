"""The one shape of a user-facing error: a reason in Chinese and in English."""

from __future__ import annotations


class BilingualError(Exception):
    """An error a user must read; ``str()`` gives both languages, ``message(lang)`` one."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def __str__(self) -> str:
        return f"{self.message_zh} / {self.message_en}"
