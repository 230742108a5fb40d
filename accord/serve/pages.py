"""The dashboard's server-rendered pages: overview, items, item, document. Templates autoescape everything."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from accord.model import SECTORS, STAGES
from accord.serve import views
from accord.serve.deps import StoreDep
from accord.serve.highlight import quote_parts
from accord.serve.params import paged_filters
from accord.store import ItemQuery

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _page(request: Request, template: str, **context: object) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, context)
    return response


@router.get("/")
def overview_page(request: Request, store: StoreDep) -> HTMLResponse:
    return _page(request, "overview.html", overview=views.overview(store))


@router.get("/items")
def items_page(
    request: Request, store: StoreDep, q: Annotated[ItemQuery, Depends(paged_filters)]
) -> HTMLResponse:
    page = views.item_page(store, q)
    return _page(request, "items.html", page=page, q=q, sectors=SECTORS, stages=STAGES)


@router.get("/items/{item_id}")
def item_page(request: Request, store: StoreDep, item_id: int) -> HTMLResponse:
    stored = store.get_item(item_id)
    quote = quote_parts(stored.item.evidence.text, stored.item.object)
    return _page(request, "item.html", stored=stored, quote=quote)


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, store: StoreDep, doc_id: str) -> HTMLResponse:
    return _page(request, "document.html", view=views.document_view(store, doc_id), stages=STAGES)
