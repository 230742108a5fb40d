"""accord db upgrade | current: the register's schema revision, and bringing it to this accord's."""

from __future__ import annotations

import typer

from accord.cli.common import DbOption, open_store
from accord.store import migrate

db_app = typer.Typer(
    name="db",
    help="The database's schema: its revision, and upgrading it.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@db_app.command("upgrade")
def upgrade_command(db: DbOption = None) -> None:
    """Bring the database's schema to this accord's revision (nothing to do when it is there already)."""
    with open_store(db, check_schema=False) as store:
        before, after = migrate.upgrade(store.engine)
        where = store.where
    if before == after:
        typer.echo(f"{where}: at revision {after}, nothing to do")
    else:
        typer.echo(f"{where}: upgraded from {before or 'an empty schema'} to revision {after}")


@db_app.command("current")
def current_command(db: DbOption = None) -> None:
    """Print the database's schema revision, and whether it is the one this accord needs."""
    with open_store(db, check_schema=False) as store:
        revision = migrate.current(store.engine)
    head = migrate.head()
    if revision == head:
        typer.echo(f"{revision} (head)")
    else:
        typer.echo(f"{revision or 'none'} (this accord needs {head}: run `accord db upgrade`)")
