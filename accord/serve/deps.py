"""What handlers are given: the one Store the app was created with."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from accord.store import Store


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(_store)]
