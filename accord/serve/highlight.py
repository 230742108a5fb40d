"""A document's text cut at its items' evidence offsets, so that a page can mark each span by its stage.

Items often share a sentence (one readout sentence, several undertakings), so spans overlap: the text is
cut at every start and end, and each piece knows every item that covers it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from accord.model import STAGE_ORDER
from accord.store import StoredItem


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    items: tuple[StoredItem, ...]  # the items whose evidence covers this piece, most advanced stage first
    starts: tuple[int, ...]  # ids of the items whose evidence begins here (page anchors)

    @property
    def stage(self) -> str | None:
        """The stage the piece is coloured by: the most advanced of its items'."""
        return self.items[0].item.stage if self.items else None


def segments(text: str, items: Sequence[StoredItem]) -> list[Segment]:
    """`text` in order, in pieces; the pieces joined give `text` back. Offsets outside it are clipped."""
    spans = [(_clip(s.item.evidence.start, text), _clip(s.item.evidence.end, text), s) for s in items]
    spans = [(start, end, s) for start, end, s in spans if start < end]
    cuts = sorted({0, len(text)} | {start for start, _, _ in spans} | {end for _, end, _ in spans})
    pieces = []
    for begin, finish in pairwise(cuts):
        covering = [s for start, end, s in spans if start <= begin and finish <= end]
        covering.sort(key=lambda s: -STAGE_ORDER.get(s.item.stage, -1))
        starts = tuple(s.id for start, _, s in spans if start == begin)
        pieces.append(Segment(text[begin:finish], tuple(covering), starts))
    return pieces


def quote_parts(sentence: str, obj: str) -> tuple[str, str, str]:
    """The evidence sentence as (before, object, after), the object found in any case; ("", "", sentence)
    keeps the sentence whole when the object is not in it word for word."""
    at = sentence.lower().find(obj.lower()) if obj else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], sentence[at : at + len(obj)], sentence[at + len(obj) :]


def _clip(offset: int, text: str) -> int:
    return max(0, min(offset, len(text)))
