"""Writing values into content files so that they read back exactly as meant.

The content format forbids what YAML 1.1 would retype (``no``, ``08:45``, ``3``): every
value lwsite writes goes through ``scalar``, which leaves plain only text that PyYAML reads
back as the same text, in block and in flow style alike, and double-quotes the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable

import yaml

# Characters that end or change a plain scalar somewhere (flow style, comments, indicators).
_SPECIAL = set(",:#[]{}&*!|>'\"%@`\\")


def clean(text: str) -> str:
    """Text as content may hold it: NFC, Unix line breaks, no control characters but tab."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def _plain(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text or "\t" in text:
        return False
    if text[0] in "-?" or any(ch in _SPECIAL for ch in text):
        return False
    try:
        return bool(yaml.safe_load(text) == text)
    except yaml.YAMLError:
        return False


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(clean(text), ensure_ascii=False)


def scalar(value: str | int | bool | dt.date, quote: bool = False) -> str:
    """One value as YAML: plain when that reads back the same, double-quoted otherwise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    value = clean(value)
    if quote or not _plain(value):
        return quoted(value)
    return value


def flow_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def hhmm(value: dt.time) -> str:
    return quoted(value.strftime("%H:%M"))
