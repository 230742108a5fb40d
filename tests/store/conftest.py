"""Store fixtures: a SQLite file per test, or the database in $ACCORD_TEST_DATABASE_URL (PostgreSQL in CI),
emptied before each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.store import SqlStore

from .builders import REGISTER


@pytest.fixture
def store(database_url: str) -> Iterator[SqlStore]:
    """An empty register."""
    with SqlStore(database_url) as opened:
        yield opened


@pytest.fixture
def register(store: SqlStore) -> SqlStore:
    """The store with builders.REGISTER saved in it."""
    for doc, items in REGISTER:
        store.save_document(doc, items)
    return store
