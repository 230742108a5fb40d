"""What kind of content a source holds, from its name, its declared type or its first bytes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from accord.ingest.jsonl import is_jsonl

Kind = Literal["text", "markdown", "html", "jsonl", "json", "feed"]

SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
JSONL_TYPES = frozenset({"application/jsonl", "application/x-ndjson", "application/x-jsonlines"})

_HEAD = 2048
# What may precede the root element of a markup file: a BOM, white space, declarations, comments.
_PROLOGUE = re.compile(rb"^(?:\xef\xbb\xbf|\s|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


def kind_for_suffix(path: Path) -> Kind | None:
    return SUFFIXES.get(path.suffix.lower())


def looks_like_html(data: bytes) -> bool:
    return _HTML_START.match(_root(data)) is not None


def looks_like_feed(data: bytes) -> bool:
    return _FEED_START.match(_root(data)) is not None


def sniff(data: bytes) -> Kind:
    """For content with no name or type (standard input, an unknown suffix): JSONL, a feed, HTML or text."""
    if looks_like_feed(data):
        return "feed"
    if looks_like_html(data):
        return "html"
    if data.lstrip()[:1] == b"{" and is_jsonl(data.decode("utf-8", "replace")):
        return "jsonl"
    return "text"


def kind_for_response(content_type: str, body: bytes) -> Kind | None:
    """Servers often label feeds text/xml or text/plain, and pages text/plain; the body settles it."""
    if looks_like_feed(body) or content_type in FEED_TYPES:
        return "feed"
    if content_type in HTML_TYPES or looks_like_html(body):
        return "html"
    if content_type in JSONL_TYPES:
        return "jsonl"
    if content_type.startswith("text/") or not content_type:
        return "markdown" if content_type == "text/markdown" else "text"
    return None


def _root(data: bytes) -> bytes:
    head = data[:_HEAD]
    prologue = _PROLOGUE.match(head)
    return head if prologue is None else head[prologue.end() :]
