"""Alembic revisions, one module each (Alembic itself skips this file)."""
