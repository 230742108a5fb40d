"""Full-text search over items, behind one function: FTS5 on SQLite, tsvector with a GIN index on PostgreSQL.

An item is found when every word of the query begins a word of its object, its evidence sentence or its
entity's name, in any case ("rail gas" finds "railway ... gas supplies"); a Russian query word is first cut
to its stem, so «поставки газа» finds «поставок газа». The indexes themselves (the
`items_fts` table on SQLite, the `items.search_vector` column on PostgreSQL, and the triggers that keep
them current) are created by the migrations; both split words on the same rules and fold case alike, so
the two backends answer a query with the same items.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import BindParameter, Boolean, ColumnElement, bindparam, false
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.sql.visitors import _TraverseInternalsType as _TraverseInternals

from accord.vocab.stems import search_stem

# Words as both backends' tokenizers see them: runs of letters and digits (underscore apart).
_WORD = re.compile(r"[^\W_]+")


def search_words(text: str) -> list[str]:
    """The words of a query, lower-cased, in order, each once; a Russian word as its stem
    (accord.vocab.stems), so that any of its forms is found."""
    return list(dict.fromkeys(search_stem(word.lower()) for word in _WORD.findall(text)))


def search_clause(text: str) -> ColumnElement[bool]:
    """Items whose object, evidence text or entity name hold every word of `text` (as a word prefix).

    A query without a single word (only punctuation) matches nothing.
    """
    words = search_words(text)
    if not words:
        return false()
    return _FullTextMatch(
        sqlite=" ".join(f'"{word}"*' for word in words),  # FTS5: quoted prefixes, all required
        postgresql=" & ".join(f"{word}:*" for word in words),  # tsquery: prefixes, all required
    )


class _FullTextMatch(ColumnElement[bool]):
    """`items` matching a query, compiled for each backend's index; the query is bound, never inlined."""

    inherit_cache = True
    type = Boolean()
    _traverse_internals: _TraverseInternals = [  # noqa: RUF012 - SQLAlchemy's own declaration
        ("sqlite_query", InternalTraversal.dp_clauseelement),
        ("postgresql_query", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, *, sqlite: str, postgresql: str) -> None:
        self.sqlite_query: BindParameter[str] = bindparam("fts_query", sqlite, unique=True)
        self.postgresql_query: BindParameter[str] = bindparam("fts_query", postgresql, unique=True)


@compiles(_FullTextMatch, "sqlite")
def _match_sqlite(element: _FullTextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    query = compiler.process(element.sqlite_query, **kw)
    return f"items.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH {query})"


@compiles(_FullTextMatch, "postgresql")
def _match_postgresql(element: _FullTextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    query = compiler.process(element.postgresql_query, **kw)
    return f"items.search_vector @@ to_tsquery('simple', {query})"
