"""accord serve: the API and the dashboard over the same database as the other commands."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from accord.errors import ConfigError
from accord.settings import DATABASE_URL_ENV, database_url
from accord.store import SqlStore

TOKEN_ENV = "ACCORD_TOKEN"
TILE_URL_ENV = "ACCORD_TILE_URL"


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
    """Serve the register: JSON API under /api (docs at /docs) and the dashboard at /.

    Corrections, merges and splits need the token of $ACCORD_TOKEN when it is set; a server bound to
    anything but this machine (127.0.0.1, localhost) does not start without one.
    """
    # FastAPI and uvicorn take a while to import: only this command pays for them.
    import uvicorn

    from accord.serve.app import create_app
    from accord.serve.security import ServeConfig, is_loopback

    token = os.environ.get(TOKEN_ENV, "").strip() or None
    local = is_loopback(host)
    if not local and token is None:
        raise ConfigError(
            f"--host {host} lets other machines reach the register, and anyone who can could change it: set "
            f"{TOKEN_ENV} to a long random secret first (writes then need it), or serve on 127.0.0.1."
        )
    tile_url = os.environ.get(TILE_URL_ENV, "").strip() or None
    store = SqlStore(database_url(db))  # opened here, so a bad --db is an `error:` line, not a traceback
    typer.echo(f"serving {store.where} on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    config = ServeConfig(token=token, local_only=local, tile_url=tile_url)
    uvicorn.run(create_app(store, config), host=host, port=port, log_level="info")
