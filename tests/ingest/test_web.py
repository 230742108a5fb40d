"""URLs against a real local server: pages, redirects, refusals, limits, manners."""

from __future__ import annotations

import itertools
import socket
from dataclasses import replace

import pytest

from accord.ingest import Failure, IngestOptions, read_sources
from accord.ingest.options import USER_AGENT
from accord.model import Document

from .conftest import CYRILLIC_TEXT, Site


def read_one(source: str, options: IngestOptions) -> Document | Failure:
    results = list(read_sources([source], options))
    assert len(results) == 1, results
    return results[0]


def test_article_page_gives_text_and_metadata(site: Site, options: IngestOptions) -> None:
    doc = read_one(site.url("/article"), options)
    assert isinstance(doc, Document)
    assert doc.id == doc.url == site.url("/article")
    assert doc.source == site.url("/article")
    assert doc.title == "Astana and Moscow agree on a second rail track"
    assert doc.published == "2024-03-14"
    assert doc.outlet == "Steppe Courier"
    assert doc.language == "en"
    lines = doc.text.split("\n")
    assert "Border crossings" in lines  # a heading keeps a line of its own
    assert any(line.startswith("Kazakhstan and Russia agreed on Thursday") for line in lines)
    assert "Home" not in doc.text and "all rights reserved" not in doc.text


def test_redirect_gives_final_url_as_id(site: Site, options: IngestOptions) -> None:
    doc = read_one(site.url("/redirect"), options)
    assert isinstance(doc, Document)
    assert doc.id == doc.url == site.url("/article")
    assert doc.source == site.url("/redirect")


def test_page_without_article_text_fails(site: Site, options: IngestOptions) -> None:
    result = read_one(site.url("/empty"), options)
    assert result == Failure(site.url("/empty"), "no article text found in the page")


@pytest.mark.parametrize(
    ("path", "reason"), [("/missing", "HTTP 404 Not Found"), ("/broken", "HTTP 500 Internal Server Error")]
)
def test_http_errors_fail_with_status(site: Site, options: IngestOptions, path: str, reason: str) -> None:
    assert read_one(site.url(path), options) == Failure(site.url(path), reason)


def test_slow_page_times_out(site: Site, options: IngestOptions) -> None:
    assert read_one(site.url("/slow"), options) == Failure(site.url("/slow"), "timed out after 0.5 s")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/large", "response is over the 10.0 kB limit (set --max-bytes)"),
        ("/large-declared", "response is 90.0 kB, over the 10.0 kB limit (set --max-bytes)"),
    ],
)
def test_too_large_response_fails(site: Site, options: IngestOptions, path: str, reason: str) -> None:
    result = read_one(site.url(path), replace(options, max_bytes=10_000))
    assert result == Failure(site.url(path), reason)


def test_refused_connection_fails_with_reason(options: IngestOptions) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article"
    result = read_one(url, options)
    assert isinstance(result, Failure)
    assert result.source == url
    assert result.reason.startswith("could not connect (")


def test_plain_text_page(site: Site, options: IngestOptions) -> None:
    doc = read_one(site.url("/plain"), options)
    assert isinstance(doc, Document)
    assert doc.text.startswith("Joint statement.\nThe parties agreed")
    assert doc.id == site.url("/plain")


def test_declared_charset_of_a_page_is_used(site: Site, options: IngestOptions) -> None:
    doc = read_one(site.url("/cyrillic"), options)
    assert isinstance(doc, Document)
    assert CYRILLIC_TEXT in doc.text
    assert doc.language == "ru"


def test_other_content_types_are_refused(site: Site, options: IngestOptions) -> None:
    result = read_one(site.url("/report.pdf"), options)
    assert result == Failure(site.url("/report.pdf"), "not a web page or text (content type application/pdf)")


def test_user_agent_is_sent(site: Site, options: IngestOptions) -> None:
    read_one(site.url("/article"), options)
    assert [request.user_agent for request in site.requests] == [USER_AGENT]
    assert USER_AGENT.startswith("accord/0.1.0 (+https://github.com/accord-register/accord;")


def test_requests_to_one_host_are_spaced(site: Site) -> None:
    polite = IngestOptions(per_host_delay=0.3, timeout=2.0)
    results = list(read_sources([site.url("/plain"), site.url("/redirect")], polite))
    assert all(isinstance(result, Document) for result in results)
    times = [request.at for request in site.requests]
    assert [request.path for request in site.requests] == ["/plain", "/redirect", "/article"]
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert all(gap >= 0.3 for gap in gaps), gaps  # redirects wait their turn too


def test_batch_goes_on_after_failures(site: Site, options: IngestOptions) -> None:
    sources = [site.url("/missing"), site.url("/article"), "ftp://example.org/x", site.url("/plain")]
    results = list(read_sources(sources, options))
    assert [type(result).__name__ for result in results] == ["Failure", "Document", "Failure", "Document"]
    assert str(results[2]) == "ftp://example.org/x: cannot read ftp:// addresses (only http:// and https://)"
