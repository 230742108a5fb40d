"""Which reader a source goes to: standard input, a URL, or a path."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import BinaryIO, TextIO

from accord.errors import SourceError
from accord.ingest.content import content_documents
from accord.ingest.feeds import feed_documents
from accord.ingest.fetch import Fetcher
from accord.ingest.files import path_documents
from accord.ingest.jsonl import line_documents
from accord.ingest.language import detect_language
from accord.ingest.options import IngestOptions, over_limit
from accord.ingest.origin import stdin_origin
from accord.ingest.pages import page_document
from accord.ingest.results import STDIN, Failure, Result, guarded
from accord.ingest.sniff import kind_for_response

DEFAULT_OPTIONS = IngestOptions()
_WEB_SCHEMES = ("http://", "https://")


def read_sources(
    sources: Iterable[str],
    options: IngestOptions = DEFAULT_OPTIONS,
    *,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Result]:
    """Documents from files, folders, URLs, feeds and standard input ("-"), as they are read.

    Never raises for bad input: each source (or line, or feed entry) that gives no document is a Failure,
    and the batch goes on, so one broken page does not cost a night's crawl.
    """
    with Fetcher(options) as fetcher:
        for source in sources:
            for result in guarded(source_documents(source, options, fetcher, stdin)):
                yield _with_language(result, options.language)


def source_documents(
    source: str, options: IngestOptions, fetcher: Fetcher, stdin: TextIO | BinaryIO | None
) -> Iterator[Result]:
    if source == STDIN:
        yield from stdin_documents(
            sys.stdin if stdin is None else stdin, fetcher, max_bytes=options.max_bytes
        )
    elif source.lower().startswith(_WEB_SCHEMES):
        yield from url_documents(source, fetcher, max_bytes=options.max_bytes)
    elif "://" in source:
        scheme = source.split("://", 1)[0]
        raise SourceError(source, f"cannot read {scheme}:// addresses (only http:// and https://)")
    else:
        yield from path_documents(source, fetcher, max_bytes=options.max_bytes)


def url_documents(url: str, fetcher: Fetcher, *, max_bytes: int) -> Iterator[Result]:
    """A page, a feed (whose entries are fetched in turn) or JSON lines, as the response says it is."""
    response = fetcher.fetch(url)
    kind = kind_for_response(response.content_type, response.body)
    if kind == "feed":
        yield from feed_documents(response.body, url, fetcher, base_url=response.url)
    elif kind == "jsonl":
        yield from line_documents(response.body.split(b"\n"), url, max_bytes)
    else:
        yield page_document(response, url)


def stdin_documents(stream: TextIO | BinaryIO, fetcher: Fetcher, *, max_bytes: int) -> Iterator[Result]:
    data = read_stream(stream, max_bytes)
    yield from content_documents(data, None, stdin_origin(), fetcher, max_bytes=max_bytes)


def read_stream(stream: TextIO | BinaryIO, max_bytes: int) -> bytes:
    """Bytes from a binary or text stream (the byte buffer under a text one, where there is one)."""
    source = getattr(stream, "buffer", stream)
    data: str | bytes = source.read(max_bytes + 1)
    if isinstance(data, str):
        # Lone surrogates become bytes that fail UTF-8 decoding, with an offset, rather than a crash here.
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        raise SourceError(STDIN, over_limit("input", None, max_bytes))
    return data


def _with_language(result: Result, language: str | None) -> Result:
    """The forced language when one is given; else the source's own, else the one detected in the text."""
    if isinstance(result, Failure):
        return result
    if language is None and result.language is None:
        language = detect_language(result.text)
    if language is None:
        return result
    return replace(result, language=language)
