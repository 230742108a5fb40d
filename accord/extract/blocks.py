"""Split a document's text into lines the parser reads one at a time, with their offsets.

Readouts put section headings ("Energy Cooperation") on their own line without a full stop; fed to a
parser together with the next line they fuse into one sentence. Reading line by line keeps headings
apart, lets them set the section context, and drops page leftovers (menus, share buttons) early.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]{2,}")
_END_PUNCT = (".", "!", "?", ":", ";", "…", '"', "”", "»", ")")
MAX_HEADING_WORDS = 9
MIN_TEXT_WORDS = 4


@dataclass(frozen=True, slots=True)
class Block:
    """One line of text: its offsets in the document and whether it reads as a heading."""

    start: int
    end: int
    text: str
    heading: bool


def _is_heading(line: str, words: list[str]) -> bool:
    if len(words) > MAX_HEADING_WORDS or line.rstrip().endswith(_END_PUNCT):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= max(1, len(words) // 2)


def split_blocks(text: str) -> list[Block]:
    """Lines that carry words, each marked as a heading or as body text."""
    blocks: list[Block] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        start, line = offset, raw.rstrip("\r\n")
        offset += len(raw)
        stripped = line.strip()
        words = _WORD.findall(stripped)
        if not words:
            continue
        lead = len(line) - len(line.lstrip())
        begin = start + lead
        heading = _is_heading(stripped, words)
        if not heading and len(words) < MIN_TEXT_WORDS and not stripped.endswith((".", "!", "?")):
            continue  # menu leftovers, bylines, share buttons
        blocks.append(Block(begin, begin + len(stripped), stripped, heading))
    return blocks
