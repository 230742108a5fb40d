"""HTTP GET with manners: a size limit enforced while reading, a deadline, and a pause between requests.

Government sites are small and easily upset; a batch that hammers one of them gets everybody blocked. So
every request, redirects included, goes through one Fetcher that remembers when it last spoke to each host.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType

import httpx

from accord.errors import SourceError
from accord.ingest.options import IngestOptions, over_limit

_MAX_REDIRECTS = 10


@dataclass(frozen=True)
class Response:
    """A whole, successful response: what the readers need, and nothing that must be closed."""

    url: str  # after redirects
    content_type: str  # media type only, lower case ("text/html"); "" when the server gave none
    charset: str | None
    body: bytes


class Fetcher:
    """One per batch: keeps the HTTP connection pool and the last time each host was asked for anything."""

    def __init__(
        self,
        options: IngestOptions,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._options = options
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._client: httpx.Client | None = None  # opened on first use: most batches are files only

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str) -> Response:
        """GET url, following redirects; any failure is a SourceError whose reason a user can act on."""
        try:
            return self._follow(url)
        except httpx.TimeoutException:
            raise SourceError(url, self._timed_out()) from None
        except httpx.ConnectError as err:
            raise SourceError(url, f"could not connect ({_describe(err)})") from None
        except (httpx.HTTPError, httpx.InvalidURL) as err:
            raise SourceError(url, f"request failed ({_describe(err)})") from None

    def _follow(self, url: str) -> Response:
        client = self._open()
        request = client.build_request("GET", url)
        for _ in range(_MAX_REDIRECTS + 1):
            outcome = self._exchange(client, request, url)
            if isinstance(outcome, Response):
                return outcome
            request = outcome
        raise SourceError(url, f"too many redirects (more than {_MAX_REDIRECTS})")

    def _exchange(self, client: httpx.Client, request: httpx.Request, url: str) -> Response | httpx.Request:
        """One request after waiting its turn: the whole response, or the redirect to follow."""
        host = request.url.host
        self._wait_for(host)
        try:
            response = client.send(request, stream=True)
            try:
                if response.next_request is not None:
                    return response.next_request
                return self._complete(response, url)
            finally:
                response.close()
        finally:
            # Counted from the end of a request (failed ones too), so a slow response does not eat the pause.
            self._last_request[host] = self._clock()

    def _open(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self._options.user_agent},
                timeout=httpx.Timeout(self._options.timeout),
                follow_redirects=False,  # followed by hand, so that each hop waits its turn
            )
        return self._client

    def _wait_for(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is None:
            return
        remaining = last + self._options.per_host_delay - self._clock()
        if remaining > 0:
            self._sleep(remaining)

    def _complete(self, response: httpx.Response, url: str) -> Response:
        if not response.is_success:
            phrase = response.reason_phrase or _standard_phrase(response.status_code)
            raise SourceError(url, f"HTTP {response.status_code} {phrase}".rstrip())
        content_type = response.headers.get("content-type", "").split(";")[0]
        return Response(
            url=str(response.url),
            content_type=content_type.strip().lower(),
            charset=response.charset_encoding,
            body=self._read_body(response, url),
        )

    def _read_body(self, response: httpx.Response, url: str) -> bytes:
        """Stop as soon as the limit is passed: a runaway response must not fill the memory first."""
        limit = self._options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise SourceError(url, over_limit("response", int(declared), limit))
        deadline = self._clock() + self._options.timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise SourceError(url, over_limit("response", None, limit))
            if self._clock() > deadline:  # a server that drips bytes never trips the read timeout
                raise SourceError(url, self._timed_out())
            chunks.append(chunk)
        return b"".join(chunks)

    def _timed_out(self) -> str:
        return f"timed out after {self._options.timeout:g} s"


def _standard_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _describe(error: Exception) -> str:
    return str(error) or type(error).__name__
