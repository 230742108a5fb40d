"""The review from the pages: correct an item's stage, sector or object, reject an item, merge or split two
entities. Each form is checked (accord.serve.security: CSRF, origin, token), stored as a judgement, and
answered with a redirect to the page that shows the result (POST, redirect, GET).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl, quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.exceptions import HTTPException

from accord.serve.deps import StoreDep
from accord.serve.security import check_form_write

router = APIRouter(include_in_schema=False)

MAX_FORM_BYTES = 64 * 1024
FORM_TYPE = "application/x-www-form-urlencoded"
AUTHOR = "dashboard"


async def _form(request: Request) -> dict[str, str]:
    """The form's fields, once it has passed the write checks; blank fields left out."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != FORM_TYPE:
        raise HTTPException(415, f"Send the form as {FORM_TYPE}, as the dashboard's pages do.")
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise HTTPException(413, f"A form is at most {MAX_FORM_BYTES // 1024} KiB.")
    try:
        fields = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    except UnicodeDecodeError:
        raise HTTPException(400, "The form is not UTF-8 text.") from None
    check_form_write(request, fields.get("csrf", ""), fields.get("token"))
    return {name: value.strip() for name, value in fields.items() if value.strip()}


Form = Annotated[dict[str, str], Depends(_form)]


def _back(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


@router.post("/items/{item_id}/correct")
def correct(store: StoreDep, item_id: int, form: Form) -> RedirectResponse:
    store.correct_item(
        item_id,
        object=form.get("object"),
        sector=form.get("sector"),
        stage=form.get("stage"),
        note=form.get("note"),
        author=AUTHOR,
    )
    return _back(f"/items/{item_id}")


@router.post("/items/{item_id}/reject")
def reject(store: StoreDep, item_id: int, form: Form) -> RedirectResponse:
    document_id = store.get_item(item_id).document_id
    store.correct_item(item_id, rejected=True, note=form.get("note"), author=AUTHOR)
    return _back(f"/documents/{quote(document_id, safe='')}")


@router.post("/entities/merge")
def merge(store: StoreDep, form: Form) -> RedirectResponse:
    a, b = _pair(form)
    canonical = store.merge(a, b, author=AUTHOR, note=form.get("note"))
    return _back(f"/entities/{quote(canonical, safe='')}")


@router.post("/entities/split")
def split(store: StoreDep, form: Form) -> RedirectResponse:
    a, b = _pair(form)
    left, _ = store.split(a, b, author=AUTHOR, note=form.get("note"))
    return _back(f"/entities/{quote(left, safe='')}")


def _pair(form: dict[str, str]) -> tuple[str, str]:
    if "a" not in form or "b" not in form:
        raise HTTPException(422, "Give two entity ids, `a` and `b`.")
    return form["a"], form["b"]
