"""Split a document's text into lines the parser reads one at a time, with their offsets.

Readouts put section headings ("Energy Cooperation") on their own line without a full stop; fed to a
parser together with the next line they fuse into one sentence. Reading line by line keeps headings
apart, lets them set the section context, and drops page leftovers (menus, share buttons) early.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from accord.vocab import load_data

_WORD = re.compile(r"[^\W\d_]{2,}")
_END_PUNCT = (".", "!", "?", ":", ";", "…", '"', "”", "»", ")")
MAX_HEADING_WORDS = 9
MIN_TEXT_WORDS = 4
RUNNING_TEXT_WORDS = 12  # a line this long that ends a sentence is an article's text, not a link
WRAP_EVIDENCE = 3  # lines that plainly run on before a text is read as hard-wrapped
WRAP_WIDTH = 40  # a hard-wrapped line is at least this long; menus and link lists are shorter
_BULLETS = ("-", "•", "*", "–", "—", "·", "▪")


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


def _lines(text: str) -> list[tuple[int, str]]:
    """Each line with its offset, without its line break."""
    out: list[tuple[int, str]] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        out.append((offset, raw.rstrip("\r\n")))
        offset += len(raw)
    return out


def _open(line: str) -> bool:
    stripped = line.rstrip()
    return bool(stripped) and not stripped.endswith(_END_PUNCT)


def _wrapped(line: str, following: str) -> bool:
    """A line cut at the wrap width (long, no full stop) with more text, not a list item, after it."""
    nxt = following.strip()
    return len(line.strip()) >= WRAP_WIDTH and _open(line) and bool(nxt) and not nxt.startswith(_BULLETS)


def _continues(line: str, following: str) -> bool:
    """Plain evidence of a hard wrap: the next line goes on in lower case, or this one stops on a comma,
    a hyphen or a lower-case word."""
    nxt = following.lstrip()
    last = line.rstrip().rsplit(" ", 1)[-1]
    return nxt[:1].islower() or last.endswith((",", "-")) or (last[:1].islower() and last.isalpha())


def unwrap(text: str, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Text hard-wrapped at a fixed width (mail, wire copy, some feeds) has sentences running over line
    breaks. Where at least WRAP_EVIDENCE lines plainly run on, every line that stops without a full stop
    is joined to the non-blank line after it, except a heading that opens a paragraph; a line break
    becomes a space, so offsets stay the same."""
    evidence = sum(1 for (_, a), (_, b) in pairwise(lines) if _wrapped(a, b) and _continues(a, b))
    if evidence < WRAP_EVIDENCE:
        return lines
    joined: list[tuple[int, str]] = []
    heading = False  # a heading that opens a paragraph stays a line of its own
    for n, (start, line) in enumerate(lines):
        if n and _wrapped(lines[n - 1][1], line) and _open(joined[-1][1]) and not heading:
            begin = joined[-1][0]
            end = start + len(line)
            joined[-1] = (begin, text[begin:end].replace("\r", " ").replace("\n", " "))
            continue
        joined.append((start, line))
        opens_paragraph = n == 0 or not lines[n - 1][1].strip()
        stripped = line.strip()
        last = stripped.rsplit(" ", 1)[-1]
        runs_on = ". " in stripped or last[:1].islower() or last.endswith(",")
        short = len(stripped) < WRAP_WIDTH
        heading = opens_paragraph and short and not runs_on and _is_heading(stripped, _WORD.findall(stripped))
    return joined


@cache
def _leftover_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    raw = load_data("accord.vocab.data", "leftovers.yaml")

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))

    labels = re.compile(rf"(?:{alternatives(raw['labels'])})\s*:", re.IGNORECASE)
    sections = re.compile(rf"(?:{alternatives(raw['sections'])})\s*:?\s*$", re.IGNORECASE)
    notices = re.compile(rf"(?:{alternatives(raw['notices'])})", re.IGNORECASE)
    return labels, sections, notices


def _running_text(line: str, words: list[str]) -> bool:
    """A line of an article's own text: a full sentence of some length, not a link or a headline."""
    return len(words) >= RUNNING_TEXT_WORDS and line.rstrip().endswith((".", "!", "?", "»", '"', "”"))


def split_blocks(text: str) -> list[Block]:
    """Lines that carry words, each marked as a heading or as body text. Tag and share lines, cookie and
    copyright notices, and the lists of links under "Related articles" or "Most read", are page leftovers
    and left out."""
    labels, sections, notices = _leftover_patterns()
    blocks: list[Block] = []
    in_links = False
    for start, line in unwrap(text, _lines(text)):
        stripped = line.strip()
        words = _WORD.findall(stripped)
        if not words:
            continue
        if sections.match(stripped):
            in_links = True
            continue
        if in_links and not _running_text(stripped, words):
            continue
        in_links = False
        if labels.match(stripped) or notices.match(stripped):
            continue
        lead = len(line) - len(line.lstrip())
        begin = start + lead
        heading = _is_heading(stripped, words)
        if not heading and len(words) < MIN_TEXT_WORDS and not stripped.endswith((".", "!", "?")):
            continue  # menu leftovers, bylines, share buttons
        blocks.append(Block(begin, begin + len(stripped), stripped, heading))
    return blocks
