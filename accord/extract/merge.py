"""One item per object per document, at the most advanced stage the document states."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from accord.model import STAGE_ORDER, Item

_DROP_WORDS = frozenset(
    {"the", "a", "an", "of", "its", "their", "our", "his", "her", "this", "that", "these"}
)


def object_key(text: str) -> str:
    """Case, accents, dashes, punctuation and articles do not make two objects different."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.sub(r"[\W_]+", " ", text).split()
    return " ".join(w for w in words if w not in _DROP_WORDS)


def merge_items(items: Iterable[Item]) -> list[Item]:
    """Keep each object at its first mention's place, with the most advanced statement about it."""
    first: dict[str, int] = {}
    best: dict[str, Item] = {}
    for n, item in enumerate(items):
        key = object_key(item.object)
        first.setdefault(key, n)
        held = best.get(key)
        if held is None or STAGE_ORDER[item.stage] > STAGE_ORDER[held.stage]:
            best[key] = item
    return sorted(best.values(), key=lambda i: first[object_key(i.object)])
