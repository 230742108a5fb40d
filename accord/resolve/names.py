"""Entity keys: one spelling for the many ways documents write one name.

A key is lowercase, without accents, with dashes and punctuation as spaces, without articles or a
possessive 's, and with the ends of an "A–B" name sorted, so that "the Dostyk–Moiynty railway" and
"Moiynty-Dostyk railway" share one key, and so one entity id. The words themselves (which to drop, which
spellings are one) are data: KeyRules, read from data/entity_types.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.resolve.spelling import dictionary_forms
from accord.vocab.text import DASH, fold

# "Dostyk – Moiynty": an en dash with spaces around it still joins the two ends of one name; so does a
# spaced em dash before a capital, as Russian writes names ("Бахты — Аягоз").
_SPACED_EN_DASH = re.compile(r"(?<=\w)\s+(?:\u2013|\u2014(?=\s+[A-ZА-ЯЁ]))\s+(?=\w)")
_POSSESSIVE = re.compile(r"['’]s(?=\W|$)")


@dataclass(frozen=True, slots=True)
class KeyRules:
    """Folded words: `stopwords` are left out of keys; `prefixes` join the word after their dash
    ("Trans-Caspian" is "transcaspian", not a name "A–B"); `aliases` are spellings of one phrase."""

    stopwords: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()
    aliases: tuple[tuple[str, str], ...] = ()  # (phrase, canonical phrase), longest first


def entity_key(text: str, rules: KeyRules = KeyRules()) -> str:
    """The key of a name: folded, its aliases made one, stopwords left out, "A–B" ends in sorted order."""
    text = strip_possessive(_SPACED_EN_DASH.sub("\u2013", text))
    words = [part for token in text.split() for part in _token_parts(token, rules.prefixes)]
    padded = f" {fold(dictionary_forms(' '.join(words)))} "
    for phrase, canonical in rules.aliases:
        padded = padded.replace(f" {phrase} ", f" {canonical} ")
    return " ".join(word for word in padded.split() if word not in rules.stopwords)


def slug(key: str) -> str:
    """An id made of a key: its words joined by hyphens."""
    return key.replace(" ", "-")


def strip_possessive(text: str) -> str:
    """ "Kazakhstan's northern regions" -> "Kazakhstan northern regions"."""
    return _POSSESSIVE.sub("", text)


def split_dashes(token: str) -> list[str]:
    """The non-empty parts of a token between its dashes (and slashes)."""
    return [part for part in DASH.split(token) if part]


def _token_parts(token: str, prefixes: frozenset[str]) -> list[str]:
    """A dashed token as its parts; sorted when every part is capitalised, as in a name "A–B"."""
    parts = split_dashes(token)
    while len(parts) > 1 and fold(parts[0]) in prefixes:
        parts = [parts[0] + parts[1], *parts[2:]]
    if len(parts) > 1 and all(_is_capitalised(part) for part in parts):
        return sorted(parts, key=fold)
    return parts


def _is_capitalised(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper()
