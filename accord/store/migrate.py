"""The schema's version, through Alembic's programmatic API: where a database is, and bringing it to head.

A database accord creates is brought to the head revision on first open; any other database that is behind
is left alone, and the store refuses it with the command that upgrades it (a team decides when its shared
register changes shape, not whichever process opens it first).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import SQLAlchemyError

from accord.errors import StoreError
from accord.store.dialects import WRITE, lock_schema

MIGRATIONS = Path(__file__).with_name("migrations")
# The tables of the first release, created before there were migrations: such a database is at 0001.
FIRST_REVISION = "0001"
UPGRADE_HINT = "run `accord db upgrade` (with the same --db or ACCORD_DATABASE_URL) first"


def head() -> str:
    """The revision this version of accord reads and writes."""
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert revision is not None, "accord ships at least one migration"
    return revision


def current(engine: Engine) -> str | None:
    """The database's revision: None for a database that accord has not set up."""
    try:
        with engine.connect() as conn:
            return _revision(conn)
    except SQLAlchemyError as exc:
        raise StoreError(f"Could not read the schema revision: {_reason(exc)}.") from exc


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the database to `revision`, in one transaction that excludes other upgrades; (before, after).

    A database made by accord before it had migrations (its tables, no revision) counts as revision 0001.
    """
    try:
        with engine.execution_options(**WRITE).begin() as conn:
            lock_schema(conn)
            before = _revision(conn)
            config = alembic_config(conn)
            if before is None and inspect(conn).has_table("documents"):
                command.stamp(config, FIRST_REVISION)
            command.upgrade(config, revision)
            return before, _revision(conn)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"Could not upgrade the database's schema: {_reason(exc)}. Nothing was changed."
        ) from exc


def ensure_current(engine: Engine, where: str) -> None:
    """Set up a database that is empty; StoreError for one whose schema is not this accord's."""
    with engine.connect() as conn:
        revision = _revision(conn)
    if revision is None:
        revision = _set_up_if_empty(engine)
    wanted = head()
    if revision == wanted:
        return
    if revision is not None and revision not in _known():
        raise StoreError(
            f"The database at {where} has schema revision {revision}, newer than this accord knows "
            f"({wanted}): upgrade accord."
        )
    raise StoreError(
        f"The database at {where} has schema revision {revision or 'none (made before migrations)'}, "
        f"and this accord needs {wanted}: {UPGRADE_HINT}."
    )


def _set_up_if_empty(engine: Engine) -> str | None:
    """Bring an empty database to head; the revision after. Decided under the schema lock, so that of two
    processes opening one new database, one sets it up and the other finds it done."""
    with engine.execution_options(**WRITE).begin() as conn:
        lock_schema(conn)
        if _revision(conn) is None and not inspect(conn).get_table_names():
            command.upgrade(alembic_config(conn), "head")
        return _revision(conn)


def alembic_config(conn: Connection | None = None) -> Config:
    """Alembic's configuration for accord's migrations, over `conn` (env.py takes it from here)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def _revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _known() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).rstrip(".")
