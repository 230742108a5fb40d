"""Free-text search over items: the one function a full-text index will replace."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_

from accord.store.schema import entities, items


def search_clause(text: str) -> ColumnElement[bool]:
    """Items whose object, evidence text or entity name contains `text`, in any case.

    A LIKE scan: fine for a register of thousands of documents, to be replaced by FTS5 / tsvector.
    """
    return or_(
        items.c.object.icontains(text, autoescape=True),
        items.c.evidence_text.icontains(text, autoescape=True),
        entities.c.name.icontains(text, autoescape=True),
    )
