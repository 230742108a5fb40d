"""A real HTTP server on 127.0.0.1 serving made-up readouts, pages, feeds and failures for ingest tests.

All the texts here are invented for the tests (a railway accord between Kazakhstan and Russia and the like).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from accord.ingest import IngestOptions

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Astana and Moscow agree on a second rail track | Steppe Courier</title>
<meta property="og:site_name" content="Steppe Courier">
<meta property="og:title" content="Astana and Moscow agree on a second rail track">
<meta property="article:published_time" content="2024-03-14T09:00:00+00:00">
<link rel="canonical" href="https://steppe-courier.example/news/second-track">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article>
<h1>Astana and Moscow agree on a second rail track</h1>
<p>Kazakhstan and Russia agreed on Thursday to lay a second track on the railway between Petropavl and
Kurgan, the two transport ministries said after talks in Astana.</p>
<p>The governments will also set up a joint working group on freight tariffs, which is due to meet
before the end of the year.</p>
<h2>Border crossings</h2>
<p>Officials plan to open a new crossing for container trains by 2026, according to a joint statement
issued after the meeting.</p>
</article>
<footer><p>Steppe Courier, all rights reserved.</p></footer>
</body>
</html>
"""

SECOND_HTML = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"></head>
<body>
<article>
<p>The prime ministers of Kazakhstan and Russia discussed grain shipments through the port of Aktau and
a joint logistics hub near the border during a telephone call on Monday.</p>
<p>Both sides said they would consider a common timetable for grain trains during the harvest season.</p>
</article>
</body>
</html>
"""

EMPTY_HTML = """<!DOCTYPE html>
<html>
<head><title>Ministry of Transport</title></head>
<body>
<nav><a href="/">Home</a> <a href="/about">About</a> <a href="/contacts">Contacts</a></nav>
<div id="app"></div>
<footer><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""

CYRILLIC_TEXT = (
    "Казахстан и Россия договорились построить второй путь на участке между Петропавловском и Курганом, "
    "сообщили министерства транспорта двух стран."
)
CYRILLIC_HTML = f"""<!DOCTYPE html>
<html lang="ru">
<head><meta charset="windows-1251"><title>Второй путь</title></head>
<body><article><p>{CYRILLIC_TEXT}</p>
<p>Рабочая группа по тарифам соберется до конца года, говорится в совместном заявлении.</p></article></body>
</html>
"""

PLAIN_TEXT = "Joint statement.\nThe parties agreed to extend the grain corridor agreement for two years.\n"


def rss_feed(base: str) -> str:
    items = [
        ("Second rail track agreed", f"{base}/article", "Thu, 14 Mar 2024 09:00:00 GMT"),
        ("Grain trains on the agenda", f"{base}/second", "Mon, 18 Mar 2024 12:00:00 GMT"),
        ("A page that went missing", f"{base}/missing", "Tue, 19 Mar 2024 08:00:00 GMT"),
    ]
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
        for title, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Eurasia Rail Wire</title>'
        f"<link>{base}/</link><description>Made-up rail news</description><language>en-us</language>"
        f"{entries}</channel></rss>"
    )


def atom_feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Press service</title><id>urn:example:press</id><updated>2024-03-18T12:00:00Z</updated>
<entry><title>Rail track</title><id>urn:example:1</id><link href="{base}/article"/>
<updated>2024-03-14T09:00:00Z</updated></entry>
<entry><title>Grain trains</title><id>urn:example:2</id><link href="/second"/>
<published>2024-03-18T12:00:00Z</published><updated>2024-03-18T12:00:00Z</updated></entry>
</feed>
"""


MALFORMED_FEED = '<?xml version="1.0"?>\n<rss version="2.0"><channel><<<title>Broken &&& </channel>'


@dataclass
class Request:
    path: str
    at: float
    user_agent: str


@dataclass
class Site:
    """The running server: its base URL and every request it has seen, with arrival times."""

    base: str
    requests: list[Request] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


Route = Callable[["_Handler", str], None]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.site.requests.append(
            Request(self.path, time.monotonic(), self.headers.get("User-Agent", ""))
        )
        route = ROUTES.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        route(self, self.server.site.base)

    def reply(self, body: bytes, content_type: str, *, length: bool = True, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output quiet
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that give up (timeouts, size limits) break the pipe on purpose


def _slow(handler: _Handler, base: str) -> None:
    time.sleep(1.5)
    handler.reply(ARTICLE_HTML.encode(), "text/html")


def _redirect(handler: _Handler, base: str) -> None:
    handler.send_response(302)
    handler.send_header("Location", "/article")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


ROUTES: dict[str, Route] = {
    "/article": lambda h, base: h.reply(ARTICLE_HTML.encode(), "text/html; charset=utf-8"),
    "/second": lambda h, base: h.reply(SECOND_HTML.encode(), "text/html"),
    "/empty": lambda h, base: h.reply(EMPTY_HTML.encode(), "text/html"),
    "/cyrillic": lambda h, base: h.reply(
        CYRILLIC_HTML.replace('<meta charset="windows-1251">', "").encode("cp1251"),
        "text/html; charset=cp1251",
    ),
    "/plain": lambda h, base: h.reply(PLAIN_TEXT.encode(), "text/plain; charset=utf-8"),
    "/report.pdf": lambda h, base: h.reply(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
    "/broken": lambda h, base: h.send_error(500, "Internal Server Error"),
    "/slow": _slow,
    "/large": lambda h, base: h.reply(PLAIN_TEXT.encode() * 1000, "text/plain", length=False),
    "/large-declared": lambda h, base: h.reply(PLAIN_TEXT.encode() * 1000, "text/plain"),
    "/redirect": _redirect,
    "/feed.rss": lambda h, base: h.reply(rss_feed(base).encode(), "application/rss+xml"),
    "/feed.atom": lambda h, base: h.reply(atom_feed(base).encode(), "application/atom+xml"),
    "/malformed.xml": lambda h, base: h.reply(MALFORMED_FEED.encode(), "application/rss+xml"),
}


@pytest.fixture(scope="session")
def _server() -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.site = Site(base=f"http://127.0.0.1:{server.server_port}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(_server: _Server) -> Site:
    """The shared server, its request log emptied for this test."""
    _server.site.requests.clear()
    return _server.site


@pytest.fixture
def options() -> IngestOptions:
    """No pause between requests (the delay has its own test), and a short timeout for the slow page."""
    return IngestOptions(per_host_delay=0.0, timeout=0.5)
