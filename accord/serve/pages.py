"""The dashboard's server-rendered pages: overview, items, item, document, entities, entity, map, changes,
events, event, and two events side by side.
Templates autoescape everything. The review's forms (corrections, merges, splits) are in accord.serve.review.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from accord.model import SECTORS, STAGES
from accord.serve import views
from accord.serve.charts import timeline_chart
from accord.serve.deps import StoreDep
from accord.serve.highlight import quote_parts
from accord.serve.mapsvg import svg_map
from accord.serve.params import DEFAULT_LIMIT, MAX_LIMIT, diff_window, event_filters, paged_filters
from accord.serve.security import config_of, form_token, start_session
from accord.store import ItemQuery

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _page(request: Request, template: str, **context: object) -> HTMLResponse:
    """The page, with the CSRF token of the visitor's session for its forms (a new session's cookie set)."""
    csrf, new_session = form_token(request)
    extra = {"csrf": csrf, "needs_token": config_of(request).token is not None}
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, context | extra)
    if new_session is not None:
        start_session(response, new_session)
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
    was = dict(stored.was)
    quote = quote_parts(stored.item.evidence.text, was.get("object", stored.item.object))
    return _page(request, "item.html", stored=stored, quote=quote, was=was, sectors=SECTORS, stages=STAGES)


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, store: StoreDep, doc_id: str) -> HTMLResponse:
    return _page(request, "document.html", view=views.document_view(store, doc_id), stages=STAGES)


@router.get("/entities")
def entities_page(
    request: Request,
    store: StoreDep,
    search: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    search = (search or "").strip() or None
    return _page(
        request, "entities.html", page=views.entity_page(store, search, limit, offset), search=search
    )


@router.get("/entities/{entity_id:path}")
def entity_page(request: Request, store: StoreDep, entity_id: str) -> HTMLResponse:
    view = views.entity_view(store, entity_id)
    chart = timeline_chart(view.timeline.statements)
    sketch = svg_map(view.features, config_of(request).vendor)
    quotes = {
        s.id: quote_parts(s.item.evidence.text, dict(s.was).get("object", s.item.object)) for s in view.items
    }
    return _page(request, "entity.html", view=view, chart=chart, sketch=sketch, quotes=quotes)


@router.get("/map")
def map_page(request: Request, store: StoreDep) -> HTMLResponse:
    config = config_of(request)
    features = views.map_features(store, ItemQuery())
    fallback = None if config.has_leaflet else svg_map(features, config.vendor, world=True)
    return _page(
        request,
        "map.html",
        features=features,
        fallback=fallback,
        tile_url=config.tile_url or "",
        stages=STAGES,
    )


@router.get("/diff")
def diff_page(
    request: Request,
    store: StoreDep,
    since: str | None = None,
    until: str | None = None,
    start: Annotated[str | None, Query(alias="from")] = None,
) -> HTMLResponse:
    view = None
    if since and since.strip():
        view = views.diff_view(store, *diff_window(since, until, start))
    form = {"since": since or "", "until": until or "", "from": start or ""}
    return _page(request, "diff.html", view=view, form=form)


@router.get("/events")
def events_page(
    request: Request,
    store: StoreDep,
    filters: Annotated[tuple[str | None, str | None, str | None], Depends(event_filters)],
) -> HTMLResponse:
    party, since, until = filters
    found = views.events(store, party, since, until)
    form = {"party": party or "", "since": since or "", "until": until or ""}
    return _page(request, "events.html", events=found, form=form)


@router.get("/events/{old}/diff/{new}")
def event_diff_page(request: Request, store: StoreDep, old: str, new: str) -> HTMLResponse:
    return _page(request, "events_diff.html", view=views.event_diff_view(store, old, new))


@router.get("/events/{event_id}")
def event_page(request: Request, store: StoreDep, event_id: str) -> HTMLResponse:
    event = views.event_view(store, event_id)
    others = [e for e in views.events(store) if e.id != event.id and set(e.parties) & set(event.parties)]
    return _page(request, "event.html", event=event, others=others)
