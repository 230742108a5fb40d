"""Alembic's environment for accord: always given a connection by accord.store.migrate, never a URL."""

from __future__ import annotations

from alembic import context

from accord.store.schema import metadata

context.configure(connection=context.config.attributes["connection"], target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
