"""accord serve: the API and the dashboard over the same database as the other commands."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.settings import DATABASE_URL_ENV, database_url
from accord.store import SqlStore


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it to this machine.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH_OR_URL",
            help=f"SQLite file or SQLAlchemy URL; default ${DATABASE_URL_ENV}, else accord.sqlite in the "
            "user data folder.",
        ),
    ] = None,
) -> None:
    """Serve the register: JSON API under /api (docs at /docs) and the dashboard at /."""
    # FastAPI and uvicorn take a while to import: only this command pays for them.
    import uvicorn

    from accord.serve.app import create_app

    store = SqlStore(database_url(db))  # opened here, so a bad --db is an `error:` line, not a traceback
    typer.echo(f"serving {store.where} on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(create_app(store), host=host, port=port, log_level="info")
