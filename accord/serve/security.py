"""Who may write: the token of ACCORD_TOKEN, CSRF protection for the pages' forms, and Origin and Host checks.

Reads are open. A write (a correction, a merge, a split) is refused unless:
  - it names this server as its origin: an Origin (or, lacking one, Referer) header that names another site
    is refused, so that a page elsewhere cannot make a visitor's browser write;
  - on a server bound to this machine only, its Host header is a loopback name, so that a site that makes
    its name point at 127.0.0.1 (DNS rebinding) cannot write either;
  - when the server has a token (ACCORD_TOKEN; required when it is bound to anything but loopback), it
    carries it: `Authorization: Bearer TOKEN` for the API, the form's token field for the pages;
  - from a form: its hidden `csrf` field is the HMAC of the session cookie the pages set (signed double
    submit), and an Origin or Referer header is present.
Every refusal is an HTTPException, answered in the one error shape.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import Request, Response
from starlette.exceptions import HTTPException

SESSION_COOKIE = "accord_session"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
VENDOR = Path(__file__).parent / "static" / "vendor"

NO_TOKEN = "This server takes writes with its token only: send `Authorization: Bearer TOKEN` (ACCORD_TOKEN)."
WRONG_TOKEN = "The token does not match this server's ACCORD_TOKEN; nothing was written."
FORM_TOKEN = "This server takes corrections with its token only: fill in the token field (ACCORD_TOKEN)."
BAD_CSRF = (
    "This form is out of date or did not come from this dashboard (its CSRF token does not match): "
    "reload the page and send it again."
)
OTHER_ORIGIN = "Writes are taken only from this server's own pages; this request came from another site."
NO_ORIGIN = "A form must be sent by a browser from this server's pages (no Origin or Referer header came)."
NOT_LOOPBACK = (
    "This server listens on this machine only and takes writes addressed to 127.0.0.1 or localhost."
)


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """How the server runs: where it is bound, its token, its map's tile layer and assets."""

    token: str | None = None
    local_only: bool = True  # bound to a loopback address
    tile_url: str | None = None  # ACCORD_TILE_URL: a Leaflet tile URL template; none draws outlines only
    vendor: Path = VENDOR  # the map's npm assets (`make install`)
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    @property
    def has_leaflet(self) -> bool:
        return (self.vendor / "leaflet" / "leaflet.js").is_file()


def is_loopback(host: str) -> bool:
    return host.strip("[]").lower() in LOOPBACK_HOSTS or host.startswith("127.")


def config_of(request: Request) -> ServeConfig:
    config: ServeConfig = request.app.state.config
    return config


def form_token(request: Request) -> tuple[str, str | None]:
    """The CSRF token for the pages' forms in the visitor's session, and the id of a new session to set in
    its cookie (None when the visitor has one)."""
    session = request.cookies.get(SESSION_COOKIE, "")
    new = None if session else secrets.token_urlsafe(32)
    return _sign(config_of(request), session or new or ""), new


def start_session(response: Response, session: str) -> None:
    response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict", path="/")


def check_api_write(request: Request) -> None:
    """Refuse an API write from elsewhere, or without the server's token."""
    config = config_of(request)
    _check_origin(request, required=False)
    _check_host(request, config)
    if config.token is not None:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise HTTPException(401, NO_TOKEN, headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.encode(), config.token.encode()):
            raise HTTPException(403, WRONG_TOKEN)


def check_form_write(request: Request, csrf: str, token: str | None) -> None:
    """Refuse a form that did not come from this server's pages in this session, or lacks the token."""
    config = config_of(request)
    _check_origin(request, required=True)
    _check_host(request, config)
    session = request.cookies.get(SESSION_COOKIE, "")
    if not session or not csrf or not hmac.compare_digest(csrf, _sign(config, session)):
        raise HTTPException(403, BAD_CSRF)
    if config.token is not None:
        if not token:
            raise HTTPException(401, FORM_TOKEN)
        if not hmac.compare_digest(token.encode(), config.token.encode()):
            raise HTTPException(403, WRONG_TOKEN)


def _sign(config: ServeConfig, session: str) -> str:
    return hmac.new(config.secret, session.encode(), hashlib.sha256).hexdigest()


def _check_origin(request: Request, *, required: bool) -> None:
    origin = request.headers.get("origin") or _origin_of(request.headers.get("referer", ""))
    if origin == "null":  # a sandboxed frame or a redirect from elsewhere
        raise HTTPException(403, OTHER_ORIGIN)
    if not origin:
        if required:
            raise HTTPException(403, NO_ORIGIN)
        return
    host = request.headers.get("host", "")
    if urlsplit(origin).netloc.lower() != host.lower():
        raise HTTPException(403, OTHER_ORIGIN)


def _check_host(request: Request, config: ServeConfig) -> None:
    if config.local_only and not is_loopback(urlsplit(f"//{request.headers.get('host', '')}").hostname or ""):
        raise HTTPException(403, NOT_LOOPBACK)


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
