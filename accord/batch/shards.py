"""The input stream cut into shards of N documents, read as it is needed: never the whole corpus at once.

Inputs are what `accord ingest` reads (files, folders, JSON lines, HTML, text), through the same readers,
plus gzipped JSON lines (`.gz`), read line by line as they are decompressed. A source or line that gives no
document is a Failure in the shard where it was met, so that it is reported once, in order, with its shard.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from accord.errors import SourceError
from accord.ingest import Failure, IngestOptions, Result, read_sources
from accord.ingest.jsonl import line_documents
from accord.ingest.results import STDIN
from accord.model import Document

GZIP_SUFFIX = ".gz"


@dataclass(frozen=True)
class Shard:
    """Documents `start`.. of the input stream, in order, and the read failures met among them."""

    index: int
    start: int  # position of the first document in the whole stream
    documents: tuple[Document, ...]
    read_failures: tuple[Failure, ...]

    @property
    def fingerprint(self) -> str:
        """A hash of everything read into the shard: a done shard is reused only for the same input."""
        digest = hashlib.sha256()
        for doc in self.documents:
            digest.update(json.dumps(doc.to_dict(), sort_keys=True, ensure_ascii=False).encode("utf-8"))
            digest.update(b"\n")
        for failure in self.read_failures:
            digest.update(f"failure\t{failure.source}\t{failure.reason}\n".encode())
        return digest.hexdigest()


def check_inputs(sources: Iterable[str]) -> None:
    """SourceError for a local input that is not there: a batch with a typo in its input should not
    run for a night to report one failure."""
    for source in sources:
        if source == STDIN or "://" in source:
            continue
        try:
            exists = Path(source).exists()
        except (OSError, ValueError) as exc:
            raise SourceError(source, f"not a usable path ({exc})") from None
        if not exists:
            raise SourceError(source, "no such file or folder")


def read_inputs(sources: Iterable[str], options: IngestOptions) -> Iterator[Result]:
    """Documents and Failures from each source in turn; gzipped files are JSON lines."""
    for source in sources:
        if source.lower().endswith(GZIP_SUFFIX) and "://" not in source:
            yield from _with_language(gzip_documents(Path(source), source, options.max_bytes), options)
        else:
            yield from read_sources([source], options)


def gzip_documents(path: Path, source: str, max_bytes: int) -> Iterator[Result]:
    """JSON lines decompressed as they are read; a damaged file ends in one Failure after what it gave."""
    try:
        with gzip.open(path, "rb") as stream:
            yield from line_documents(stream, source, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        yield Failure(source, f"could not read the gzipped file ({reason})")


def shards_of(results: Iterable[Result], size: int) -> Iterator[Shard]:
    """Consecutive shards of `size` documents (the last may be smaller); only one is held at a time."""
    docs: list[Document] = []
    failures: list[Failure] = []
    index = start = 0
    for result in results:
        if isinstance(result, Failure):
            failures.append(result)
            continue
        docs.append(result)
        if len(docs) == size:
            yield Shard(index, start, tuple(docs), tuple(failures))
            index, start, docs, failures = index + 1, start + len(docs), [], []
    if docs or failures:
        yield Shard(index, start, tuple(docs), tuple(failures))


def _with_language(results: Iterator[Result], options: IngestOptions) -> Iterator[Result]:
    for result in results:
        if options.language is None or isinstance(result, Failure):
            yield result
        else:
            yield replace(result, language=options.language)
