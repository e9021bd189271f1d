"""A web server on 127.0.0.1 (port 0) serving the feeds and pages a test writes: any status,
headers, delay, ETag and Last-Modified (answered with 304 when the client sends them back),
gzip, and bodies made on the fly. It logs every request it gets. Tests and the fetch
benchmark use it; nothing they fetch is anywhere else."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from feeds.fetch import FetchReport
    from store import Store


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the response starts
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    stream: Callable[[], Iterator[bytes]] | None = None  # a body sent as it is made, no length
    fail_first: int = 0  # answer this many requests with 503 before the real answer


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    status: int


class FeedServer:
    """Start with `start()`, stop with `stop()`; `url(path)` is where a route is served."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        self.active = 0
        self.most_at_once = 0  # the most requests in progress at one time
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05})

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, body: bytes | str = b"", **options: object) -> str:
        """Serve `body` (and the Route options) at `path`; returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [request for request in self.requests if request.path == path]

    def log(self, request: Request) -> int:
        """Record a request; how many came before it to the same path."""
        with self._lock:
            before = sum(1 for seen in self.requests if seen.path == request.path)
            self.requests.append(request)
            self.active += 1
            self.most_at_once = max(self.most_at_once, self.active)
            return before

    def done(self) -> None:
        with self._lock:
            self.active -= 1

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def only_loopback(resolve: Callable[..., Any]) -> Callable[..., Any]:
    """socket.getaddrinfo that refuses every host but the loopback one."""

    def guarded(host: object, *args: object, **kwargs: object) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in ("127.0.0.1", "localhost"):
            raise socket.gaierror(socket.EAI_NONAME, f"the tests reach no host but 127.0.0.1, not {name}")
        return resolve(host, *args, **kwargs)

    return guarded


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (a dead feed's host)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else each small response waits on a delayed ACK (~40 ms)

        def log_message(self, *args: object) -> None:
            """Quiet: the tests read `server.requests`."""

        def do_GET(self) -> None:
            route = server.routes.get(self.path.split("?")[0])
            if route is None:
                route = Route(b"not here", status=404, content_type="text/plain")
            headers = {name.lower(): value for name, value in self.headers.items()}
            status = 304 if _not_modified(route, headers) else route.status
            before = server.log(Request(self.path, headers, status))
            if before < route.fail_first:
                route = Route(b"busy", status=503, content_type="text/plain", headers={"Retry-After": "0"})
                status = 503
            try:
                if route.delay and server.stopping.wait(route.delay):
                    return
                self._answer(route, status)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a size cap, a timeout): what these tests want
            finally:
                server.done()

        def _answer(self, route: Route, status: int) -> None:
            self.send_response(status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if status == 304:
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            if route.stream is not None:
                self.send_header("Connection", "close")
                self.end_headers()
                for chunk in route.stream():
                    if server.stopping.is_set():
                        return
                    self.wfile.write(chunk)
                self.close_connection = True
                return
            body = gzip.compress(route.body) if route.gzip else route.body
            if route.gzip:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _not_modified(route: Route, headers: dict[str, str]) -> bool:
    if route.etag and headers.get("if-none-match") == route.etag:
        return True
    return bool(route.last_modified and headers.get("if-modified-since") == route.last_modified)


def slowly(chunks: int, size: int, pause: float) -> Callable[[], Iterator[bytes]]:
    """A body of `chunks` pieces of `size` bytes with `pause` seconds between them."""

    def body() -> Iterator[bytes]:
        for _ in range(chunks):
            yield b"<p>" + b"x" * max(0, size - 7) + b"</p>\n"
            time.sleep(pause)

    return body


def fetch(store: Store, retries: int = 1, **limits: Any) -> FetchReport:
    """A fetch with limits small enough for tests: half a second per read, 256 KB a body."""
    from feeds.fetch import fetch_feeds
    from feeds.http import Limits

    quick = Limits(timeout=0.5, deadline=3.0, retries=retries, backoff=0.01, max_bytes=256 * 1024)
    return fetch_feeds(store, replace(quick, **limits))
