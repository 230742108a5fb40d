"""`accord serve` itself, as a user starts it: a process on a free port, over the CLI's database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.serve.conftest import free_socket, register_documents


def free_port() -> int:
    with free_socket() as sock:
        port: int = sock.getsockname()[1]
    return port


# How long a request to the served process may take: httpx's 5 s default is too short on a loaded CI
# machine, where the first page render of a fresh process has timed out; this is no speed test.
ANSWER_S = 60


@pytest.fixture
def served(register_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """`accord serve` on a free port; with the environment variables a test gives as its parameter."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    command = [sys.executable, "-m", "accord", "serve", "--port", str(port), "--db", register_url]
    env = {key: value for key, value in os.environ.items() if key not in ("ACCORD_TOKEN", "ACCORD_TILE_URL")}
    env |= getattr(request, "param", {})
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "accord serve did not answer within 30 s"
            try:
                httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_accord_serve_answers_on_the_given_port(served: str, register_url: str) -> None:
    health = httpx.get(f"{served}/api/health", timeout=ANSWER_S).json()
    assert health["status"] == "ok" and health["counts"]["documents"] == register_documents()
    assert httpx.get(f"{served}/", timeout=ANSWER_S).status_code == 200


def test_a_database_that_cannot_be_opened_is_one_error_line(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "r.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "accord", "serve", "--port", "1", "--db", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_a_public_address_without_a_token_is_refused(register_url: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "ACCORD_TOKEN"}
    result = subprocess.run(
        [sys.executable, "-m", "accord", "serve", "--host", "0.0.0.0", "--port", "1", "--db", register_url],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "ACCORD_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


SETTINGS = {
    "ACCORD_TOKEN": "a-token-for-the-test",
    "ACCORD_TILE_URL": "https://tiles.example/{z}/{x}/{y}.png",
}


@pytest.mark.parametrize("served", [SETTINGS], indirect=True)
def test_accord_serve_takes_its_token_and_tiles_from_the_environment(served: str) -> None:
    pair = {"a": "bakhty-ayagoz-railway", "b": "dostyk-moiynty-railway"}
    refused = httpx.post(f"{served}/api/entities/split", json=pair, timeout=ANSWER_S)
    assert refused.status_code == 401 and "ACCORD_TOKEN" in refused.json()["error"]["message"]
    page = httpx.get(f"{served}/map", timeout=ANSWER_S)
    assert page.status_code == 200
    assert "https://tiles.example" in page.headers["content-security-policy"]
    if 'id="map"' in page.text:  # Leaflet installed
        assert 'data-tiles="https://tiles.example/{z}/{x}/{y}.png"' in page.text
