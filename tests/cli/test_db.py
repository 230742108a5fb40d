"""accord db upgrade | current, and what any other command says on a database that is behind."""

from __future__ import annotations

from typer.testing import CliRunner

from accord.settings import database_url
from accord.store import migrate
from accord.store.dialects import make_engine

from .conftest import COMMISSION, invoke


def _set_up_at_0001(db: str) -> None:
    engine = make_engine(database_url(db))
    migrate.upgrade(engine, "0001")
    engine.dispose()


def test_an_outdated_database_says_which_command_to_run(runner: CliRunner, db: str) -> None:
    _set_up_at_0001(db)

    refused = invoke(runner, "ingest", "-", "--db", db, input=COMMISSION)
    assert refused.exit_code == 2
    assert refused.stderr.startswith("error: The database at ")
    assert "needs 0006: run `accord db upgrade`" in refused.stderr

    assert invoke(runner, "db", "current", "--db", db).stdout == (
        "0001 (this accord needs 0006: run `accord db upgrade`)\n"
    )
    upgraded = invoke(runner, "db", "upgrade", "--db", db)
    assert upgraded.exit_code == 0 and upgraded.stdout.endswith("upgraded from 0001 to revision 0006\n")
    assert invoke(runner, "db", "current", "--db", db).stdout == "0006 (head)\n"
    assert invoke(runner, "db", "upgrade", "--db", db).stdout.endswith("at revision 0006, nothing to do\n")
    assert invoke(runner, "ingest", "-", "--db", db, input=COMMISSION).exit_code == 0
