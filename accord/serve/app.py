"""The FastAPI application: routers, templates, static files, error handlers, over one open Store."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from accord import __version__
from accord.errors import AccordError
from accord.serve import api, pages, review
from accord.serve.errors import install_error_handlers
from accord.serve.security import ServeConfig
from accord.store import Store

HERE = Path(__file__).parent
log = logging.getLogger("accord.serve")


def create_app(store: Store, config: ServeConfig | None = None) -> FastAPI:
    """The app over `store`, which it closes when the server shuts down."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        _optimize(store)
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
    app.state.config = config = config or ServeConfig()
    app.state.templates = _templates()
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(review.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.middleware("http")(_content_policy(config))
    return app


def _content_policy(
    config: ServeConfig,
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    """Pages may load scripts, styles and images from this server only (and map tiles from the tile
    server, when one is set): a second guard, behind escaping, for untrusted text. /docs is FastAPI's own
    page, which loads Swagger UI from a CDN, and is left as it is."""
    tiles = urlsplit(config.tile_url or "")
    tile_origin = f" {tiles.scheme}://{tiles.netloc}" if tiles.scheme in ("http", "https") else ""
    policy = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data:{tile_origin}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        "form-action 'self'"
    )

    async def add_policy(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        if not request.url.path.startswith(("/docs", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", policy)
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    return add_policy


def _optimize(store: Store) -> None:
    """Fresh planner statistics for the filters' indexes; a server that cannot write them still reads."""
    optimize = getattr(store, "optimize", None)
    if optimize is None:
        return
    try:
        optimize()
    except AccordError as exc:
        log.warning("%s The server goes on; filtered lists may be slower.", exc)


def _templates() -> Jinja2Templates:
    # Autoescaping on for every template whatever its name: documents are untrusted text.
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    env.filters["query"] = _with_query
    return Jinja2Templates(env=env)


def _with_query(params: dict[str, object], **extra: object) -> str:
    """A query string from the non-empty values and `extra`, for links that keep the filters."""
    return urlencode({key: value for key, value in (params | extra).items() if value not in (None, "")})
