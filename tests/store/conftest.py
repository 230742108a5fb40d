"""Store fixtures: a SQLite file per test, or the database in $ACCORD_TEST_DATABASE_URL (PostgreSQL in CI),
emptied before each test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.store import SqlStore
from accord.store.schema import metadata

from .builders import REGISTER

TEST_DATABASE_URL = os.environ.get("ACCORD_TEST_DATABASE_URL", "")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    """An empty register."""
    if TEST_DATABASE_URL:
        with SqlStore(TEST_DATABASE_URL) as shared:
            metadata.drop_all(shared.engine)
    url = TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'accord.sqlite'}"
    with SqlStore(url) as opened:
        yield opened


@pytest.fixture
def register(store: SqlStore) -> SqlStore:
    """The store with builders.REGISTER saved in it."""
    for doc, items in REGISTER:
        store.save_document(doc, items)
    return store
