"""Folding text for comparison: the one place that says when two spellings are the same words."""

from __future__ import annotations

import re
import unicodedata

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-/"
DASH = re.compile(f"[{re.escape(DASHES)}]")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, accents stripped, ё as е, dashes and punctuation as spaces, one space between words."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("ё", "е")
    text = _PUNCTUATION.sub(" ", DASH.sub(" ", text))
    return _SPACES.sub(" ", text).strip()
