"""A save that loses a race with another writer is tried again; one that fails for good says so."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from accord.errors import StoreError
from accord.store import SqlStore
from accord.store import sql as sql_module
from accord.store.dialects import is_retryable

from .builders import document, item


def _integrity() -> IntegrityError:
    return IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed: documents.id"))


@pytest.mark.parametrize(
    ("exc", "retryable"),
    [
        (_integrity(), True),
        (OperationalError("BEGIN", {}, sqlite3.OperationalError("database is locked")), True),
        (OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: items")), False),
        (ValueError("not a database error"), False),
    ],
)
def test_is_retryable(exc: BaseException, retryable: bool) -> None:
    assert is_retryable(exc) is retryable


def test_a_save_that_lost_a_race_is_tried_again(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    real = SqlStore._save_once
    failures = iter([_integrity()])

    def once_failing(self: SqlStore, *args: object, **kwargs: object) -> object:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SqlStore, "_save_once", once_failing)
    assert store.save_document(document("a"), [item("railway line")]) == "new"
    assert store.counts()["items"] == 1


def test_a_save_that_keeps_failing_is_a_store_error(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def always_failing(self: SqlStore, *args: object, **kwargs: object) -> object:
        raise _integrity()

    monkeypatch.setattr(SqlStore, "_save_once", always_failing)
    with pytest.raises(StoreError, match=r"Could not save document 'a'.*Nothing of it was written"):
        store.save_document(document("a"), [item("railway line")])
    assert sql_module.SAVE_ATTEMPTS > 1
