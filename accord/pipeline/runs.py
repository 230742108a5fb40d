"""Running the pipeline: over documents in memory (extract_documents), or from sources into a store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from accord.errors import ExtractError
from accord.ingest import Failure, IngestOptions, Result, read_sources
from accord.model import Document, Item
from accord.pipeline.stages import Pipeline, document_label
from accord.resolve.joining import KnownEntity
from accord.store import Store, content_hash

FailureHandler: TypeAlias = Callable[[Failure], None]


def extract_documents(
    docs: Iterable[Document], *, pipeline: Pipeline | None = None, on_failure: FailureHandler | None = None
) -> Iterator[tuple[Document, list[Item]]]:
    """Items, with entities, for each document in order. A document that fails goes to `on_failure` and is
    left out; without a handler it raises ExtractError."""
    for doc, result in (pipeline or Pipeline()).run(docs):
        if isinstance(result, Failure):
            if on_failure is None:
                raise ExtractError(str(result))
            on_failure(result)
        else:
            yield doc, result


def documents_only(results: Iterable[Result], on_failure: FailureHandler) -> Iterator[Document]:
    """The documents of an ingest stream; its Failures go to `on_failure` as they come."""
    for result in results:
        if isinstance(result, Failure):
            on_failure(result)
        else:
            yield result


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """What became of one document (or one source that gave none), as it happens."""

    outcome: Literal["new", "updated", "unchanged", "failed"]
    label: str
    items: int = 0
    failure: Failure | None = None


@dataclass
class IngestSummary:
    """The counts of an ingest run, and its failures in the order they happened."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    items_added: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def add(self, event: IngestEvent) -> None:
        if event.failure is not None:
            self.failures.append(event.failure)
        elif event.outcome != "failed":
            setattr(self, event.outcome, getattr(self, event.outcome) + 1)
        self.items_added += event.items


def ingest(
    sources: Iterable[str],
    store: Store,
    options: IngestOptions | None = None,
    *,
    force: bool = False,
    progress: Callable[[IngestEvent], None] | None = None,
    pipeline: Pipeline | None = None,
) -> IngestSummary:
    """Read, extract and store each document; one bad input is a Failure and the rest go on.

    A document whose content hash is stored already is not extracted again, unless `force`. Each save is
    one transaction, so an interrupted run leaves every document either stored whole or not at all.
    """
    summary = IngestSummary()

    def note(event: IngestEvent) -> None:
        summary.add(event)
        if progress is not None:
            progress(event)

    def failed(failure: Failure) -> None:
        note(IngestEvent("failed", failure.source, failure=failure))

    docs = documents_only(read_sources(sources, options or IngestOptions()), failed)
    changed = _needing_extraction(docs, store, force=force, note=note)
    for doc, result in (pipeline or Pipeline()).run(changed, known=known_entities(store)):
        if isinstance(result, Failure):
            failed(result)
            continue
        outcome = store.save_document(doc, result, force=force)
        note(IngestEvent(outcome, document_label(doc), 0 if outcome == "unchanged" else len(result)))
    return summary


def known_entities(store: Store) -> Iterator[KnownEntity]:
    """The entities the store's items name, for this run's new mentions to join (resolve/joining.py)."""
    for stored in store.iter_items():
        item = stored.item
        if item.entity is not None:
            yield item.entity, item.object, item.parties


def _needing_extraction(
    docs: Iterable[Document], store: Store, *, force: bool, note: Callable[[IngestEvent], None]
) -> Iterator[Document]:
    for doc in docs:
        if not force and store.document_hash(doc.id) == content_hash(doc.text):
            note(IngestEvent("unchanged", document_label(doc)))
        else:
            yield doc
