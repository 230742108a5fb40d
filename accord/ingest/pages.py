"""A fetched web page (not a feed) to a Document."""

from __future__ import annotations

from accord.errors import SourceError
from accord.ingest.fetch import Response
from accord.ingest.html import decode_html, html_document
from accord.ingest.origin import Origin
from accord.ingest.sniff import kind_for_response
from accord.ingest.text import decode_utf8, text_document
from accord.model import Document


def page_origin(response: Response, source: str) -> Origin:
    """A page's id and url are where it was finally found, so a re-fetch of the same page matches."""
    return Origin(
        source=source, doc_id=response.url, url=response.url, what="response", charset=response.charset
    )


def page_document(
    response: Response, source: str, *, title: str | None = None, published: str | None = None
) -> Document:
    """An HTML or plain text page; anything else (PDF, images, feeds) is refused with its content type."""
    origin = page_origin(response, source)
    kind = kind_for_response(response.content_type, response.body)
    if kind == "html":
        return html_document(decode_html(response.body, origin), origin, title=title, published=published)
    if kind in ("text", "markdown"):
        return text_document(decode_utf8(response.body, origin), origin, markdown=kind == "markdown")
    raise SourceError(source, f"not a web page or text (content type {response.content_type or 'unknown'})")
