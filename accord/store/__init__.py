"""Storage of the register behind one small interface: Store, with SqlStore for SQLite and PostgreSQL."""

from accord.store.base import ItemQuery, SaveOutcome, Store, StoredItem
from accord.store.export import ExportFormat, write_export
from accord.store.hashing import content_hash
from accord.store.sql import SqlStore

__all__ = [
    "ExportFormat",
    "ItemQuery",
    "SaveOutcome",
    "SqlStore",
    "Store",
    "StoredItem",
    "content_hash",
    "write_export",
]
