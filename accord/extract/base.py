"""The extraction stage's contract, shared by every language."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from accord.model import Document, Item


class Extractor(Protocol):
    """Document -> items. Reads `Document.text`; writes items with evidence offsets into that text
    and no entity (resolution is a later stage)."""

    language: str

    def extract(self, doc: Document) -> list[Item]: ...

    def extract_many(self, docs: Iterable[Document]) -> Iterator[list[Item]]:
        """Items for each document, in order; faster than one call per document."""
        ...
