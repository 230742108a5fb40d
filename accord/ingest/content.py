"""Bytes of a known (or sniffed) kind to Documents: the one place every kind of content is dispatched."""

from __future__ import annotations

from collections.abc import Iterator

from accord.ingest.feeds import feed_documents
from accord.ingest.fetch import Fetcher
from accord.ingest.html import decode_html, html_document
from accord.ingest.jsonl import json_documents, line_documents
from accord.ingest.origin import Origin
from accord.ingest.results import Result
from accord.ingest.sniff import Kind, sniff
from accord.ingest.text import check_content, decode_utf8, text_document


def content_documents(
    data: bytes, kind: Kind | None, origin: Origin, fetcher: Fetcher, *, max_bytes: int
) -> Iterator[Result]:
    """Documents in `data`; `kind` None means look at the bytes (standard input, an unknown suffix)."""
    check_content(data, origin)
    kind = kind or sniff(data)
    if kind == "feed":
        yield from feed_documents(data, origin.source, fetcher, base_url=origin.url)
    elif kind == "jsonl":
        yield from line_documents(data.split(b"\n"), origin.source, max_bytes)
    elif kind == "json":
        yield from json_documents(decode_utf8(data, origin), origin.source)
    elif kind == "html":
        yield html_document(decode_html(data, origin), origin)
    else:
        yield text_document(decode_utf8(data, origin), origin, markdown=kind == "markdown")
