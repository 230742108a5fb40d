"""Where a piece of content came from, which decides its document's id, url and source."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from accord.ingest.results import STDIN


@dataclass(frozen=True)
class Origin:
    """What the user named (source), and the id and url its documents get.

    `what` names the container in messages ("empty file", "empty response"), so a user knows which
    of their inputs is meant without reading code.
    """

    source: str
    doc_id: str | None  # None: derive from the text, for content with no name of its own
    url: str | None = None
    what: str = "file"
    charset: str | None = None  # declared outside the content, by an HTTP header

    def document_id(self, text: str) -> str:
        """Standard input has no name; a hash of the text gives it an id that is stable on re-ingest."""
        if self.doc_id is not None:
            return self.doc_id
        return "stdin:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def stdin_origin() -> Origin:
    return Origin(source=STDIN, doc_id=None, what="input")
