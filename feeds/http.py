"""GET a feed or a page over HTTP(S), defensively: timeouts on connecting and on each read and
a deadline for the whole response, retries with backoff for what may pass (network errors,
429, 5xx; Retry-After honoured up to a cap), redirects followed only to http/https and at
most a few, a size cap that holds after decompression, and only gzip and deflate accepted.
urllib3 (already installed with trafilatura) does the HTTP; it is imported only here."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from articles.fetchable import fetchable_url
from feeds.decompress import ACCEPTED, Decoder, size_text
from feeds.errors import FetchError

REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """How patient and how trusting a fetch is."""

    timeout: float = 15.0  # seconds to connect, and for each read
    deadline: float = 60.0  # seconds for a whole response
    max_bytes: int = 10 * 1024 * 1024  # a body, after decompression
    redirects: int = 5
    retries: int = 2  # more tries after the first, for errors that may pass
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    max_wait: float = 30.0  # the longest Retry-After waited for
    workers: int = 8  # requests at once
    per_host: int = 2  # requests at once to any one host
    max_items: int = 200  # items read from one feed per fetch, first ones first


@dataclass(frozen=True)
class Response:
    """A final (non-redirect) response: 200 with its decoded body, or 304 without one."""

    url: str
    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def media_type(self) -> str | None:
        value = self.headers.get("content-type", "").split(";")[0].strip().lower()
        return value or None

    @property
    def charset(self) -> str | None:
        for parameter in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "charset":
                return value.strip().strip("\"'")[:40] or None
        return None


class _Transient(FetchError):
    """A failure worth another try; `retry_after` is how long the server asked us to wait."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Http:
    """One connection pool for a whole fetch; safe to share between threads."""

    def __init__(self, limits: Limits, cancelled: Callable[[], bool] | None = None) -> None:
        import urllib3

        self.limits = limits
        self.cancelled = cancelled or (lambda: False)
        timeout = urllib3.Timeout(connect=limits.timeout, read=limits.timeout)
        self.headers = _default_headers()
        self.pool = urllib3.PoolManager(num_pools=64, maxsize=limits.per_host, retries=False, timeout=timeout)

    def close(self) -> None:
        self.pool.clear()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """The response for `url`, following redirects; FetchError says why there is none."""
        wait = self.limits.backoff
        for attempt in range(self.limits.retries + 1):
            try:
                return self._follow(url, dict(headers or {}))
            except _Transient as problem:
                if attempt == self.limits.retries or self.cancelled():
                    raise FetchError(problem.message) from None
                self._sleep(min(problem.retry_after or wait, self.limits.max_wait))
                wait *= 2
        raise AssertionError("unreachable")

    def _follow(self, url: str, headers: dict[str, str]) -> Response:
        for _ in range(self.limits.redirects + 1):
            response = self._once(url, headers)
            if response.status not in REDIRECTS:
                return response
            target = fetchable_url(response.headers.get("location"), url)
            if target is None:
                raise FetchError("redirected to an address that is not http or https")
            url = target
        raise FetchError(f"more than {self.limits.redirects} redirects")

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        if self.cancelled():
            raise FetchError("stopped")
        started = time.monotonic()
        raw = self._request(url, headers)
        complete = False
        try:
            status = int(raw.status)
            found = {name.lower(): value for name, value in raw.headers.items()}
            if status in REDIRECTS or status == 304:
                return Response(url, status, b"", found)
            if status == 429 or status >= 500:
                raise _Transient(f"HTTP {status} {_reason(raw)}".strip(), _retry_after(found))
            if status >= 400:
                raise FetchError(f"HTTP {status} {_reason(raw)}".strip())
            body = self._body(raw, found, started)
            complete = True
            return Response(url, status, body, found)
        finally:
            if not complete:
                raw.close()  # an unread body is never left on a connection that is reused
            raw.release_conn()

    def _request(self, url: str, headers: dict[str, str]) -> Any:
        import urllib3

        try:
            return self.pool.request(
                "GET",
                url,
                headers={**self.headers, **headers},
                preload_content=False,
                decode_content=False,
                redirect=False,
            )
        except urllib3.exceptions.HTTPError as error:
            raise _network_problem(error, self.limits.timeout) from None

    def _body(self, raw: Any, headers: Mapping[str, str], started: float) -> bytes:
        import urllib3

        limit = self.limits.max_bytes
        declared = headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"the response is larger than {size_text(limit)}")
        decoder = Decoder(headers.get("content-encoding"), limit)
        chunks: list[bytes] = []
        try:
            # read1: what has arrived, so that a trickling body meets its deadline between reads
            while chunk := raw.read1(_CHUNK, decode_content=False):
                chunks.append(decoder.feed(chunk))
                if time.monotonic() - started > self.limits.deadline:
                    raise _Transient(f"the response took longer than {self.limits.deadline:g} s")
                if self.cancelled():
                    raise FetchError("stopped")
        except urllib3.exceptions.HTTPError as error:
            raise _network_problem(error, self.limits.timeout) from None
        chunks.append(decoder.finish())
        return b"".join(chunks)

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.cancelled() and (left := end - time.monotonic()) > 0:
            time.sleep(min(left, 0.1))


def _default_headers() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("newsdesk")
    except PackageNotFoundError:
        release = "dev"
    return {"User-Agent": f"newsdesk/{release} (feed reader)", "Accept-Encoding": ACCEPTED}


def _network_problem(error: Exception, timeout: float) -> FetchError:
    """One line for what urllib3 raised; a retry may help with all but TLS and a bad address."""
    import urllib3.exceptions as problems

    if isinstance(error, problems.MaxRetryError) and isinstance(error.reason, Exception):
        error = error.reason
    # NewConnectionError is a kind of ConnectTimeoutError in urllib3 2: it is asked first.
    if isinstance(error, problems.NameResolutionError):
        return _Transient("the host name could not be resolved")
    if isinstance(error, problems.NewConnectionError):
        return _Transient(f"could not connect ({_errno_text(error)})")
    if isinstance(error, problems.TimeoutError):
        return _Transient(f"timed out after {timeout:g} s")
    if isinstance(error, problems.SSLError):
        return FetchError("the secure connection failed (TLS)")
    if isinstance(error, problems.LocationValueError):
        return FetchError("not a valid web address")
    if isinstance(error, problems.ProtocolError):
        return _Transient("the connection broke off")
    return _Transient(f"the request failed ({error.__class__.__name__})")


def _errno_text(error: Exception) -> str:
    text = str(error)
    for known in ("Connection refused", "Network is unreachable", "No route to host", "Connection reset"):
        if known.lower() in text.lower():
            return known.lower()
    return "network error"


def _reason(raw: Any) -> str:
    reason = getattr(raw, "reason", "") or ""
    return " ".join(str(reason).split())[:60]


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds the server asks us to wait: a number, or an HTTP date."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
