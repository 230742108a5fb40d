"""Alembic migrations of the register's schema, for SQLite and PostgreSQL alike (see accord.store.migrate)."""
