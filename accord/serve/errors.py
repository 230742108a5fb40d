"""The one error body of the API, {"error": {"status", "message"}}, for every error the server answers.

Pages (paths outside /api, asked for as HTML) get the same status and message in an HTML page.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from accord.errors import AccordError, NotFoundError
from accord.store.judgements import CorrectionError, JudgementError
from accord.store.timeline import AmbiguousEntityError

log = logging.getLogger("accord.serve")

INTERNAL_MESSAGE = "The server failed to answer this request; the error is in its log."
STORE_MESSAGE = "The register could not be read or written; the error is in the server's log."
# Errors a request causes, and their status; any other AccordError (the database failing) is a 500 whose
# message, which may name the database, stays in the log.
_REQUEST_ERRORS: tuple[tuple[type[AccordError], int], ...] = (
    (CorrectionError, 422),
    (JudgementError, 409),
    (AmbiguousEntityError, 409),
)


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(AccordError, _accord_error)
    app.add_exception_handler(Exception, _internal_error)


def error_response(request: Request, status: int, message: str) -> Response:
    if _wants_page(request):
        templates = request.app.state.templates
        context = {"status": status, "message": message}
        page: Response = templates.TemplateResponse(request, "error.html", context, status_code=status)
        return page
    return JSONResponse(error_body(status, message), status_code=status)


def _wants_page(request: Request) -> bool:
    if request.url.path.startswith("/api") or request.url.path.startswith("/docs"):
        return False
    return "text/html" in request.headers.get("accept", "")


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_response(request, exc.status_code, str(exc.detail))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(request, 422, "; ".join(_describe(error) for error in exc.errors()))


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_response(request, 404, _public(request, str(exc)))


async def _accord_error(request: Request, exc: Exception) -> Response:
    for kind, status in _REQUEST_ERRORS:
        if isinstance(exc, kind):
            return error_response(request, status, _public(request, str(exc)))
    log.error("request failed: %s", exc)
    return error_response(request, 500, STORE_MESSAGE)


def _public(request: Request, message: str) -> str:
    """`message` without the database's path or URL, which the store's messages give for the CLI."""
    where = getattr(request.app.state.store, "where", None)
    return message.replace(f" in {where}", " in the register") if where else message


async def _internal_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error answering %s", request.url.path, exc_info=exc)
    return error_response(request, 500, INTERNAL_MESSAGE)


def _describe(error: Any) -> str:
    """`query.limit: Input should be greater than or equal to 0`, from one of pydantic's error dicts."""
    where = ".".join(str(part) for part in error.get("loc", ()))
    return f"{where}: {error.get('msg', 'invalid')}"


class BadParameter(HTTPException):
    """A query parameter that parsed but means nothing (a sector that is not one); answered as 422."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=422, detail=message)
