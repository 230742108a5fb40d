"""RSS and Atom feeds: each entry's page is fetched and read as an article.

Feed entries carry a headline and a teaser at most; the undertakings are in the page. A feed is a list of
sources, so one entry that cannot be read is a Failure and the others still count.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from accord.errors import SourceError
from accord.ingest.fetch import Fetcher
from accord.ingest.pages import page_document
from accord.ingest.results import Failure, Result
from accord.model import Document


def feed_documents(
    data: bytes, source: str, fetcher: Fetcher, *, base_url: str | None = None
) -> Iterator[Result]:
    """One Document (or Failure) per entry; `base_url` resolves relative links in a fetched feed."""
    parsed = parse_feed(data, source, base_url)
    channel = parsed.get("feed", {})
    for number, entry in enumerate(parsed.get("entries", []), start=1):
        link = entry_link(entry, base_url)
        if link is None:
            yield Failure(f"{source} (entry {number})", "the entry has no http(s) link to its page")
            continue
        try:
            document = page_document(
                fetcher.fetch(link), source, title=_text(entry.get("title")), published=entry_date(entry)
            )
        except SourceError as err:
            yield Failure(link, err.reason)
            continue
        yield _with_channel(document, channel)


def parse_feed(data: bytes, source: str, base_url: str | None) -> Any:
    """feedparser forgives a great deal; a feed it can make no entries of is reported with its reason."""
    # Imported here: feedparser is slow to import and only feeds need it.
    import feedparser

    headers = {"content-location": base_url} if base_url else {}
    # Bytes wrapped in a stream: feedparser treats a bare string as a URL or a path to open.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.get("entries"):
        if parsed.get("bozo"):
            raise SourceError(source, f"malformed feed: {_describe(parsed.get('bozo_exception'))}")
        raise SourceError(source, "the feed has no entries")
    return parsed


def entry_link(entry: Any, base_url: str | None) -> str | None:
    link = _text(entry.get("link"))
    if link is None:
        return None
    link = urljoin(base_url, link) if base_url else link
    return link if urlsplit(link).scheme in ("http", "https") else None


def entry_date(entry: Any) -> str | None:
    """The entry's own date (YYYY-MM-DD), for pages that do not state one."""
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if isinstance(stamp, time.struct_time):
            return time.strftime("%Y-%m-%d", stamp)
    return None


def _with_channel(document: Document, channel: Any) -> Document:
    """The feed names its outlet and language once, for pages that do not."""
    return replace(
        document,
        outlet=document.outlet or _text(channel.get("title")),
        language=document.language or _language(channel.get("language")),
    )


def _language(value: Any) -> str | None:
    text = _text(value)
    return None if text is None else text.split("-")[0].lower()


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _describe(error: Any) -> str:
    if error is None:
        return "not a feed"
    line = getattr(error, "getLineNumber", None)
    message = getattr(error, "getMessage", None)
    if callable(line) and callable(message):
        return f"{message()} (line {line()})"
    return str(error) or type(error).__name__
