"""A real register (examples/ and a hostile article, ingested) served by uvicorn on a free 127.0.0.1 port.

The server runs in a thread of the test process for the whole package; tests talk to it over HTTP with
httpx, as a browser or a script would.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from conftest import TEST_DATABASE_URL, reset_database
from fastapi import FastAPI
from sqlalchemy import delete

from accord.ingest import read_sources
from accord.model import Document
from accord.pipeline import ingest
from accord.serve.app import create_app
from accord.store import SqlStore
from accord.store.schema import entity_canonical, item_corrections, judgements

EXAMPLES = Path(__file__).parents[2] / "examples"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE = {
    "id": "hostile-2025",
    "title": f"Talks {SCRIPT}",
    "outlet": f"Wire {IMG}",
    "published": "2025-01-02",
    "url": "javascript:alert(1)",
    "text": (
        f"Kazakhstan and Russia agreed to build the {SCRIPT} railway line.\n"
        f"Russia will supply gas to Kazakhstan {IMG} from next year.\n"
    ),
}


def free_socket() -> socket.socket:
    """A listening socket on a free port of 127.0.0.1, handed to uvicorn so no other process can take it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture(scope="package")
def register_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding examples/ and the hostile article."""
    folder = tmp_path_factory.mktemp("serve")
    url = reset_database(TEST_DATABASE_URL) if TEST_DATABASE_URL else f"sqlite:///{folder / 'r.sqlite'}"
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    with SqlStore(url) as store:
        summary = ingest([str(EXAMPLES), str(hostile)], store)
    assert summary.failed == 0
    return url


def register_documents() -> int:
    """How many documents the served register holds: those of examples/, and the hostile article."""
    return sum(isinstance(d, Document) for d in read_sources([str(EXAMPLES)])) + 1


def _boom() -> None:
    raise RuntimeError("a bug in a handler")


@pytest.fixture(scope="package")
def app(register_url: str) -> FastAPI:
    served = create_app(SqlStore(register_url))
    served.add_api_route("/api/test-boom", _boom)  # an unexpected exception, for the 500 error shape
    return served


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """`app` served by uvicorn in a thread on a free 127.0.0.1 port; its base URL."""
    sock = free_socket()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    host, port = sock.getsockname()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="package")
def base_url(app: FastAPI) -> Iterator[str]:
    with running(app) as url:
        yield url


@pytest.fixture
def undo_review(register_url: str) -> Iterator[None]:
    """Tests that write corrections, merges or splits leave the shared register as they found it."""
    yield
    with SqlStore(register_url) as store, store.engine.begin() as conn:
        for table in (item_corrections, judgements, entity_canonical):
            conn.execute(delete(table))


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as http:
        yield http


@pytest.fixture
def browser(base_url: str) -> Iterator[httpx.Client]:
    """A client that asks for HTML, as a browser does."""
    with httpx.Client(base_url=base_url, timeout=10, headers={"Accept": "text/html"}) as http:
        yield http
