"""The content hash that tells whether a document changed since it was last stored."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def normalize_content(text: str) -> str:
    """NFC, every whitespace run as one space, stripped: the text as far as a change of content goes."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """Hex sha256 of the normalized text, so that re-wrapped or re-indented text is no change."""
    return hashlib.sha256(normalize_content(text).encode("utf-8")).hexdigest()
