"""One item per object per document, at the most advanced stage the document states.

A document names one thing several ways ("the first nuclear power plant in Kazakhstan", then "the
plant", then "the NPP"); an object whose content words all recur in a fuller object of the same
document is the same object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from accord.model import SETBACKS, STAGE_ORDER, Item

ContentWords = Callable[[str], frozenset[str]]
# Content words may carry the parties that mark an object, as PARTY + word: "Days of Kazakh Culture" and
# "Days of Russian Culture" are two events, though "Russian gas" and "gas" are one thing.
PARTY = "@party:"


def _holds(fuller: frozenset[str], other: frozenset[str]) -> bool:
    """Does the fuller object hold every content word of the other, and no other party's mark?"""
    mine = {w for w in fuller if w.startswith(PARTY)}
    theirs = {w for w in other if w.startswith(PARTY)}
    if mine and theirs and not theirs <= mine:
        return False
    if len(theirs) > 1 and not mine:
        return False  # "gas supplies from Russia to Uzbekistan" say which flow; "a contract for gas" does not
    return other - theirs <= fuller - mine


def absorb(into: Item, other: Item) -> Item:
    """The most advanced stage wins, with its evidence; a setback that one mention reports is kept, with
    the sentence that reports it (cancelled over stalled), so that what the document says last about
    the thing is not lost."""
    if _setback_rank(other) > _setback_rank(into):
        stage = max(into.stage, other.stage, key=STAGE_ORDER.__getitem__)
        return replace(into, stage=stage, setback=other.setback, evidence=other.evidence)
    if STAGE_ORDER[other.stage] > STAGE_ORDER[into.stage]:
        evidence = into.evidence if into.setback is not None else other.evidence
        return replace(into, stage=other.stage, evidence=evidence)
    return into


def _setback_rank(item: Item) -> int:
    return 0 if item.setback is None else 1 + SETBACKS.index(item.setback)


def _listed_together(items: list[Item], a: int, b: int) -> bool:
    """Two objects of one sentence are two things when one is a single word: "industry, defence industry,
    energy" lists three."""
    return items[a].evidence.start == items[b].evidence.start


def _siblings(fuller: Item, other: Item, fuller_words: frozenset[str], other_words: frozenset[str]) -> bool:
    """ "the port of Aktau" and "the port of Baku", split from one list: the same words but the last,
    where the other names a party (here a capital) that the fuller does not."""
    same_kind = fuller.object.rsplit(" ", 1)[0] == other.object.rsplit(" ", 1)[0]
    return same_kind and bool({w for w in other_words if w.startswith(PARTY)} - fuller_words)


def merge_items(items: Iterable[Item], content_words: ContentWords) -> list[Item]:
    """Merge each object into the fullest object of the document that holds all its content words."""
    listed = list(items)
    words = [content_words(i.object) for i in listed]
    sizes = [sum(1 for w in ws if not w.startswith(PARTY)) for ws in words]
    order = sorted(range(len(listed)), key=lambda n: (-sizes[n], n))
    kept: dict[int, Item] = {}
    for n in order:
        alone = len(listed[n].object.split()) == 1
        fits = (k for k in kept if _holds(words[k], words[n]))
        target = next(
            (
                k
                for k in fits
                if not (
                    (alone or _siblings(listed[k], listed[n], words[k], words[n]))
                    and _listed_together(listed, n, k)
                )
            ),
            None,
        )
        target = target if words[n] else None
        if target is None:
            kept[n] = listed[n]
        else:
            kept[target] = absorb(kept[target], listed[n])
    return [kept[n] for n in sorted(kept)]
