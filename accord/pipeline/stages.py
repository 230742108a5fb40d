"""Stages and the Pipeline that runs them in order, with its contract checked when it is built.

Each stage declares the fields it reads and the fields it writes, as spaCy's components declare
`requires` and `assigns`; a pipeline whose stage reads what no stage before it writes is refused when it
is built, not half-way through a night's batch. A document that makes a stage raise becomes a Failure
naming it, and the rest of the batch goes on. Pipelines pickle, so a distributed runner can ship them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from itertools import groupby, islice
from pathlib import Path
from typing import TypeAlias

from accord.errors import AccordError, ConfigError
from accord.extract import get_extractor
from accord.ingest import Failure
from accord.ingest.language import detect_language
from accord.ingest.results import STDIN
from accord.model import Document, Item
from accord.resolve import resolve_items
from accord.resolve.joining import KnownEntity, NewEntities

# A stage's work on a batch: the documents, and the items found so far for each -> the new items for each.
StageFunction: TypeAlias = Callable[[Sequence[Document], Sequence[list[Item]]], list[list[Item]]]
Result: TypeAlias = list[Item] | Failure
Outcome: TypeAlias = tuple[Document, Result]

DOCUMENT_FIELDS = frozenset(f"document.{field.name}" for field in fields(Document))
ITEM_FIELDS = ("item.object", "item.sector", "item.stage", "item.parties", "item.evidence")


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of the pipeline. `apply` is a module-level function, so that the stage pickles."""

    name: str
    apply: StageFunction
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()


def language_of(doc: Document) -> str | None:
    """The language a document is extracted in: its own, else the one detected in its text (None: too
    short to say, read as English)."""
    return doc.language or detect_language(doc.text)


def _extract(docs: Sequence[Document], _items: Sequence[list[Item]]) -> list[list[Item]]:
    """Each run of documents in one language goes to that language's extractor in one call; a document
    that does not say its language is read in the one detected in its text."""
    found: list[list[Item]] = []
    for language, run in groupby(docs, key=language_of):
        found.extend(list(items) for items in get_extractor(language).extract_many(run))
    return found


def _resolve(_docs: Sequence[Document], items: Sequence[list[Item]]) -> list[list[Item]]:
    return [resolve_items(found) for found in items]


EXTRACT = Stage(
    "extract", _extract, frozenset({"document.text", "document.language"}), frozenset(ITEM_FIELDS)
)
RESOLVE = Stage("resolve", _resolve, frozenset({"item.object"}), frozenset({"item.entity"}))


def check_contract(stages: Sequence[Stage]) -> None:
    """ConfigError unless every stage reads only document fields and what an earlier stage writes."""
    names = [stage.name for stage in stages]
    if len(set(names)) != len(names):
        raise ConfigError(f"a pipeline names each stage once; got {', '.join(names)}")
    available = set(DOCUMENT_FIELDS)
    for stage in stages:
        missing = sorted(stage.requires - available)
        if missing:
            raise ConfigError(
                f"stage {stage.name!r} reads {', '.join(missing)}, which no stage before it writes; "
                f"put a stage that writes it earlier (stages given: {', '.join(names)})"
            )
        available |= stage.assigns


@dataclass(frozen=True)
class Pipeline:
    """Stages run in order over batches of documents; built only when its contract holds."""

    stages: tuple[Stage, ...] = (EXTRACT, RESOLVE)
    batch_size: int = 16

    def __post_init__(self) -> None:
        check_contract(self.stages)
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, not {self.batch_size}")

    def run(self, docs: Iterable[Document], *, known: Iterable[KnownEntity] = ()) -> Iterator[Outcome]:
        """(document, items) or (document, Failure) for each document, in order, as batches finish.

        When the pipeline resolves, a new entity that a later document names more or less fully is joined
        by it (resolve/joining.py); `known` are the entities met before this run, with their parties.
        """
        join = self.joiner(known)
        for doc, result in self.run_stages(docs):
            yield doc, join(result)

    def run_stages(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        """What `run` gives before the joining, which needs every earlier document of the run: each
        document's outcome depends on that document alone, so a run may be cut into parts that run
        anywhere and in any order, then joined in document order with `joiner`."""
        stream = iter(docs)
        while batch := list(islice(stream, self.batch_size)):
            yield from self._run_batch(batch)

    def joiner(self, known: Iterable[KnownEntity] = ()) -> Callable[[Result], Result]:
        """Joins the outcomes of `run_stages`, given one by one in document order, as `run` does."""
        if RESOLVE not in self.stages:
            return _unchanged
        joining = NewEntities(known)

        def join(result: Result) -> Result:
            return result if isinstance(result, Failure) else joining.join(result)

        return join

    def _run_batch(self, batch: list[Document]) -> Iterator[Outcome]:
        try:
            found = self._apply(batch)
        except Exception:  # one bad document: run the batch again one by one to find it
            yield from ((doc, self._run_one(doc)) for doc in batch)
        else:
            yield from zip(batch, found, strict=True)

    def _apply(self, batch: Sequence[Document]) -> list[list[Item]]:
        found: list[list[Item]] = [[] for _ in batch]
        for stage in self.stages:
            found = stage.apply(batch, found)
        return found

    def _run_one(self, doc: Document) -> list[Item] | Failure:
        found: list[list[Item]] = [[]]
        for stage in self.stages:
            try:
                found = stage.apply([doc], found)
            except Exception as exc:  # a bad document must not end the batch
                return Failure(document_label(doc), f"the {stage.name} stage failed: {_describe(exc)}")
        return found[0]


def _unchanged(result: Result) -> Result:
    return result


def document_label(doc: Document) -> str:
    """How a message names a document: where it was read from, and its id when that alone does not say."""
    source = doc.source
    if source is None or source == doc.id:
        return doc.id
    if doc.id == doc.url or (source == STDIN and doc.id.startswith("stdin:")) or doc.id == _resolved(source):
        return source
    return f"{source} (document {doc.id})"


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, ValueError):
        return path


def _describe(exc: Exception) -> str:
    if isinstance(exc, AccordError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
