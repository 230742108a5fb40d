"""Bytes to clean text, and plain text or Markdown to a Document.

Offsets of evidence are taken into the text made here, so normalisation is deliberately light: it only
removes what no reader would call content (a BOM, carriage returns, trailing spaces) and composes
Unicode, so that one word has one spelling.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from accord.errors import SourceError
from accord.ingest.origin import Origin
from accord.model import Document

_SAMPLE = 8192  # enough of a file to tell text from binary
_CONTROL = (frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}) | {0x7F}
_MAX_CONTROL_SHARE = 0.1  # text has next to no control bytes; images and archives have many
BINARY = "binary content, not a text document"

_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"  # *word*, not a bullet nor 2 * 3
    r"|(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"  # _word_, not snake_case
)


def normalise(text: str) -> str:
    """NFC, newlines only, no trailing spaces, no BOM; every other character is kept."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def looks_binary(data: bytes) -> bool:
    """A NUL byte, or many control bytes, in the first few kilobytes: no text document looks like that."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_SHARE


def check_content(data: bytes, origin: Origin) -> None:
    """Refuse what cannot be a text document before any decoding is tried."""
    if not data:
        raise SourceError(origin.source, f"empty {origin.what}")
    if looks_binary(data):
        raise SourceError(origin.source, BINARY)


def decode_utf8(data: bytes, origin: Origin) -> str:
    """UTF-8 (a BOM allowed), naming the first bad byte so the user can find it in a hex editor."""
    check_content(data, origin)
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = skip + err.start
        reason = f"not valid UTF-8 text (byte 0x{data[offset]:02x} at offset {offset})"
        raise SourceError(origin.source, reason) from None


def strip_markdown(text: str) -> str:
    """Drop heading markers, rules, emphasis and link targets; keep the words and the lines.

    The extractor finds headings by lines and sentences by words; markup between them only adds noise.
    """
    lines = []
    for line in text.split("\n"):
        if _RULE.match(line):
            continue
        if _HEADING.match(line):
            line = _CLOSING_HASHES.sub("", _HEADING.sub("", line))
        lines.append(line)
    out = _LINK.sub(r"\1", "\n".join(lines))
    out = _STRONG.sub(r"\2", out)
    return _EMPHASIS.sub(lambda match: match.group(1) or match.group(2), out)


def require_words(text: str, origin: Origin) -> None:
    if not text.strip():
        raise SourceError(origin.source, f"{origin.what} contains only whitespace")


def text_document(text: str, origin: Origin, *, markdown: bool = False) -> Document:
    """A plain text (or Markdown) document, its text exactly what evidence offsets will count in."""
    if "\x00" in text:
        raise SourceError(origin.source, BINARY)
    text = normalise(text)
    if markdown:
        text = strip_markdown(text)
    require_words(text, origin)
    return Document(id=origin.document_id(text), text=text, url=origin.url, source=origin.source)
