"""An HTML page to a Document: its main text (boilerplate removed) and the metadata it declares.

trafilatura does the work; this module decides the encoding, keeps one paragraph per line (the extractor
finds headings by lines) and refuses pages where nothing reads like an article.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from accord.errors import SourceError
from accord.ingest.origin import Origin
from accord.ingest.text import check_content, decode_utf8, normalise
from accord.model import Document

NO_ARTICLE = "no article text found in the page"
_HEAD = 4096  # charset declarations must sit near the top (the HTML standard says 1024 bytes)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_HOST = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")  # how trafilatura names a site it cannot
# Browsers read these labels as windows-1252, and so do the pages that declare them.
_WHATWG_LABELS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252"}
_PROSE_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…]")


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in a <meta> tag, if Python knows it."""
    match = _META_CHARSET.search(data[:_HEAD])
    return None if match is None else known_charset(match.group(1).decode("ascii", "ignore"))


def known_charset(label: str | None) -> str | None:
    if not label:
        return None
    label = _WHATWG_LABELS.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, origin: Origin) -> str:
    """UTF-8 first (a page is rarely valid UTF-8 by accident), then the charset the server or page declares.

    Pages in Cyrillic legacy encodings are common among government sites; refusing them would lose readouts.
    """
    check_content(data, origin)
    try:
        return decode_utf8(data, origin)
    except SourceError as utf8_error:
        charset = known_charset(origin.charset) or declared_charset(data)
        if charset is None or charset == "utf-8":
            raise
        try:
            return data.decode(charset)
        except UnicodeDecodeError as err:
            reason = f"not valid {charset} text (byte 0x{data[err.start]:02x} at offset {err.start})"
            raise SourceError(origin.source, reason) from utf8_error


def html_document(
    html: str, origin: Origin, *, title: str | None = None, published: str | None = None
) -> Document:
    """The page's article text and metadata; `title` and `published` stand in where the page has none."""
    extracted = _extract(html, origin)
    text = normalise(str(extracted.text or "")) if extracted is not None else ""
    if not has_prose(text):
        raise SourceError(origin.source, NO_ARTICLE)
    date = _text_or_none(extracted.date)
    url = origin.url or _text_or_none(extracted.url)
    return Document(
        id=origin.document_id(text),
        text=text,
        url=url,
        outlet=declared_outlet(_text_or_none(extracted.sitename), url, _text_or_none(extracted.url)),
        title=_text_or_none(extracted.title) or title,
        published=date if date is not None and _ISO_DATE.match(date) else published,
        language=page_language(html),
        source=origin.source,
    )


def has_prose(text: str) -> bool:
    """Some line reads as a sentence; menus and footers, all that is left of an empty page, do not."""
    return any(
        len(line.split()) >= _PROSE_WORDS and _SENTENCE_END.search(line) is not None
        for line in text.split("\n")
    )


def declared_outlet(sitename: str | None, *urls: str | None) -> str | None:
    """The site's name as the page declares it; a host name made up from the URL is not an outlet's name.

    Leaving it out lets a feed's own title name the outlet instead, and the host is in `url` anyway.
    """
    for url in urls:
        host = _URL_HOST.match(url or "")
        if sitename is not None and host is not None and host.group(1).lower() == sitename.lower():
            return None
    return sitename


def page_language(html: str) -> str | None:
    """The primary language subtag of <html lang>, as the documents' `language` field holds it ("en")."""
    match = _HTML_LANG.search(html[:_HEAD])
    return None if match is None else match.group(1).lower()


def _extract(html: str, origin: Origin) -> Any:
    # Imported here: trafilatura takes a second to import, which every other accord command would pay.
    import trafilatura

    # lxml refuses str input that carries an XML encoding declaration; the text is decoded already.
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        return trafilatura.bare_extraction(
            html,
            url=origin.url,
            output_format="python",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
        )
    except Exception as err:  # lxml and htmldate raise assorted errors on broken pages
        raise SourceError(origin.source, f"could not parse the page ({err})") from err


def _text_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
