"""The FastAPI application: routers, templates, static files, error handlers, over one open Store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from accord import __version__
from accord.serve import api, pages
from accord.serve.errors import install_error_handlers
from accord.store import Store

HERE = Path(__file__).parent


def create_app(store: Store) -> FastAPI:
    """The app over `store`, which it closes when the server shuts down."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="accord",
        version=__version__,
        description="The register of undertakings: items, their evidence and the documents they come from.",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.templates = _templates()
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def _templates() -> Jinja2Templates:
    # Autoescaping on for every template whatever its name: documents are untrusted text.
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    env.filters["query"] = _with_query
    return Jinja2Templates(env=env)


def _with_query(params: dict[str, object], **extra: object) -> str:
    """A query string from the non-empty values and `extra`, for links that keep the filters."""
    return urlencode({key: value for key, value in (params | extra).items() if value not in (None, "")})
