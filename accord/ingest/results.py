"""What reading a source yields: a Document, or a Failure that lets the rest of the batch go on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeAlias

from accord.errors import SourceError
from accord.model import Document

STDIN = "-"


@dataclass(frozen=True)
class Failure:
    """One source (or one line or feed entry of it) that gave no document, and why, in one sentence."""

    source: str
    reason: str

    @classmethod
    def from_error(cls, error: SourceError) -> Failure:
        return cls(source=error.source, reason=error.reason)

    def __str__(self) -> str:
        return f"{_display(self.source)}: {self.reason}"


Result: TypeAlias = Document | Failure


def _display(source: str) -> str:
    """'-' means standard input to a shell user, but reads as noise at the start of a message."""
    if source == STDIN:
        return "standard input"
    if source.startswith(STDIN + ":"):
        return f"standard input, line {source[2:]}"
    return source


def guarded(results: Iterator[Result]) -> Iterator[Result]:
    """A source that fails part-way still yields what it read before, then one Failure for the rest."""
    try:
        yield from results
    except SourceError as err:
        yield Failure.from_error(err)
