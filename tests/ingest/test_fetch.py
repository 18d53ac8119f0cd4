"""Tests for storyline.ingest.fetch: no network; one real server on 127.0.0.1."""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
import pytest

from storyline.errors import (
    FetchFailed,
    FetchTimeout,
    HttpStatus,
    RefusedAddress,
    TooLarge,
    TooManyRedirects,
    UnsupportedInput,
)
from storyline.ingest import fetch as fetch_module
from storyline.ingest.fetch import fetch, make_client, resolve_host
from storyline.records import SourceBlob
from storyline.settings import Settings

PUBLIC = "93.184.215.14"
Handler = Callable[[httpx.Request], httpx.Response]


class FakeDNS:
    """A resolver from a fixed table that records what it was asked."""

    def __init__(self, table: dict[str, list[str]] | None = None) -> None:
        self.table = table or {}
        self.asked: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append((host, port))
        return self.table.get(host, [PUBLIC])


class Server:
    """A MockTransport handler that records the requests it was sent."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.handler(request)


def run(
    url: str,
    handler: Handler,
    dns: FakeDNS | None = None,
    settings: Settings | None = None,
) -> tuple[SourceBlob, Server]:
    settings = settings or Settings()
    server = Server(handler)
    with make_client(settings, transport=httpx.MockTransport(server)) as client:
        blob = fetch(url, client, settings, resolve=dns or FakeDNS())
    return blob, server


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text="<p>hello</p>", headers={"content-type": "text/html"})


def never(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request should be sent, got {request.url}")


# --- public surface ---------------------------------------------------------------------


def test_exported_members() -> None:
    assert fetch_module.__all__ == ["Resolver", "fetch", "make_client", "resolve_host"]


def test_make_client_configuration() -> None:
    settings = Settings(fetch_timeout=3.5, user_agent="storyline-test/1")
    with make_client(settings) as client:
        assert client.follow_redirects is False
        assert client.trust_env is False
        assert client.timeout == httpx.Timeout(3.5)
        assert client.headers["user-agent"] == "storyline-test/1"


# --- success and status -----------------------------------------------------------------


def test_success_returns_body_type_charset_and_url() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            content="café".encode("latin-1"),
            headers={"content-type": 'Text/HTML; charset="ISO-8859-1"'},
        )

    blob, server = run("https://news.example/a?id=1", handler)
    assert blob == SourceBlob(
        source="https://news.example/a?id=1",
        data="café".encode("latin-1"),
        content_type="text/html",
        charset="iso-8859-1",
        url="https://news.example/a?id=1",
    )
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("header", "content_type", "charset"),
    [
        (None, None, None),
        ("application/json", "application/json", None),
        ("text/plain;charset=utf-8", "text/plain", "utf-8"),
        ("text/html; foo=bar; CHARSET = 'Windows-1252'", "text/html", "windows-1252"),
    ],
)
def test_content_type_parsing(
    header: str | None, content_type: str | None, charset: str | None
) -> None:
    headers = {"content-type": header} if header else {}
    blob, _ = run("http://news.example/", lambda r: httpx.Response(200, headers=headers))
    assert (blob.content_type, blob.charset) == (content_type, charset)


def test_user_agent_sent() -> None:
    _, server = run("http://news.example/", ok, settings=Settings(user_agent="storyline-ua/9"))
    assert server.requests[0].headers["user-agent"] == "storyline-ua/9"


@pytest.mark.parametrize(
    ("status", "reason"),
    [(404, "HTTP 404 Not Found from https://news.example/gone"), (500, "HTTP 500 Internal")],
)
def test_non_2xx_is_http_status(status: int, reason: str) -> None:
    with pytest.raises(HttpStatus) as caught:
        run("https://news.example/gone", lambda r: httpx.Response(status))
    assert caught.value.status == status
    assert caught.value.reason.startswith(reason)
    assert caught.value.stage == "fetch"


# --- connecting by address --------------------------------------------------------------


def test_https_connects_to_checked_ip_with_host_header_and_sni() -> None:
    dns = FakeDNS({"news.example": [PUBLIC]})
    _, server = run("https://news.example:8443/story?x=1", ok, dns)
    request = server.requests[0]
    assert request.url.host == PUBLIC
    assert request.url.port == 8443
    assert request.url.raw_path == b"/story?x=1"
    assert request.headers["host"] == "news.example:8443"
    assert request.extensions["sni_hostname"] == "news.example"
    # the pool keys on the IP, so no kept-alive connection may serve another name
    assert request.headers["connection"] == "close"
    assert dns.asked == [("news.example", 8443)]


def test_http_connects_to_ip_without_sni() -> None:
    dns = FakeDNS({"news.example": ["2606:2800:220:1::1"]})
    _, server = run("http://news.example/", ok, dns)
    request = server.requests[0]
    assert request.url.host == "2606:2800:220:1::1"
    assert request.headers["host"] == "news.example"
    assert "sni_hostname" not in request.extensions
    assert request.headers.get("connection") != "close"
    assert dns.asked == [("news.example", 80)]


def test_international_domain_name_resolved_and_sent_as_idna() -> None:
    dns = FakeDNS()
    _, server = run("https://bücher.example/", ok, dns)
    assert dns.asked == [("xn--bcher-kva.example", 443)]
    assert server.requests[0].headers["host"] == "xn--bcher-kva.example"
    assert server.requests[0].extensions["sni_hostname"] == "xn--bcher-kva.example"


# --- refused addresses ------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "100.64.0.1",
        "::1",
        "::",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "64:ff9b::a00:1",
        "2002:7f00:1::1",
    ],
)
def test_host_resolving_to_non_public_address_is_refused(address: str) -> None:
    dns = FakeDNS({"sneaky.example": [address]})
    with pytest.raises(RefusedAddress) as caught:
        run("https://sneaky.example/", never, dns)
    assert "sneaky.example" in caught.value.reason
    assert str(ipaddress.ip_address(address)) in caught.value.reason
    if address.startswith("::ffff:"):
        assert f"IPv4 {address[7:]} inside IPv6" in caught.value.reason
    assert "\n" not in caught.value.reason


def test_refused_if_any_address_is_private() -> None:
    dns = FakeDNS({"mixed.example": [PUBLIC, "10.0.0.7"]})
    with pytest.raises(RefusedAddress, match=r"10\.0\.0\.7"):
        run("http://mixed.example/", never, dns)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1:8080/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "https://[fe80::1]/",
    ],
)
def test_literal_ip_url_refused_without_resolving(url: str) -> None:
    dns = FakeDNS()
    with pytest.raises(RefusedAddress):
        run(url, never, dns)
    assert dns.asked == []


def test_allow_private_fetches_private_address() -> None:
    dns = FakeDNS({"intranet.example": ["10.0.0.5"]})
    blob, server = run("https://intranet.example/", ok, dns, Settings(allow_private=True))
    assert blob.data == b"<p>hello</p>"
    assert server.requests[0].url.host == "10.0.0.5"
    assert server.requests[0].extensions["sni_hostname"] == "intranet.example"


def test_allow_private_fetches_literal_ip_without_sni() -> None:
    blob, server = run("https://10.0.0.5/x", ok, settings=Settings(allow_private=True))
    assert blob.url == "https://10.0.0.5/x"
    assert "sni_hostname" not in server.requests[0].extensions


# --- redirects --------------------------------------------------------------------------


def test_redirect_chain_followed_and_each_hop_resolved() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        host, path = request.headers["host"], request.url.path
        if (host, path) == ("a.example", "/start"):
            return httpx.Response(301, headers={"location": "next"})
        if (host, path) == ("a.example", "/next"):
            return httpx.Response(302, headers={"location": "https://b.example/moved"})
        if (host, path) == ("b.example", "/moved"):
            return httpx.Response(307, headers={"location": "/final?q=1"})
        if (host, path) == ("b.example", "/final"):
            return ok(request)
        return httpx.Response(404)

    dns = FakeDNS({"a.example": ["93.184.215.1"], "b.example": ["93.184.215.2"]})
    blob, server = run("http://a.example/start", handler, dns)
    assert blob.source == "http://a.example/start"
    assert blob.url == "https://b.example/final?q=1"
    assert [r.url.host for r in server.requests] == [
        "93.184.215.1",
        "93.184.215.1",
        "93.184.215.2",
        "93.184.215.2",
    ]
    assert dns.asked == [
        ("a.example", 80),
        ("a.example", 80),
        ("b.example", 443),
        ("b.example", 443),
    ]


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_each_redirect_status_followed(status: int) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(status, headers={"location": "/new"})
        return ok(request)

    blob, _ = run("http://news.example/old", handler)
    assert blob.url == "http://news.example/new"


def endless_redirects(request: httpx.Request) -> httpx.Response:
    hop = int(request.url.params.get("hop", "0"))
    return httpx.Response(302, headers={"location": f"/loop?hop={hop + 1}"})


def test_redirect_limit() -> None:
    settings = Settings(max_redirects=3)
    server = Server(endless_redirects)
    with (
        make_client(settings, transport=httpx.MockTransport(server)) as client,
        pytest.raises(TooManyRedirects, match="more than 3 redirects"),
    ):
        fetch("http://news.example/loop", client, settings, resolve=FakeDNS())
    assert len(server.requests) == 4  # the first request and three redirects followed


def test_redirects_up_to_the_limit_are_fine() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        hop = int(request.url.params.get("hop", "0"))
        return ok(request) if hop == 2 else endless_redirects(request)

    blob, server = run("http://news.example/loop", handler, settings=Settings(max_redirects=2))
    assert blob.url == "http://news.example/loop?hop=2"
    assert len(server.requests) == 3


def test_redirect_to_private_address_refused_after_public_hop() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["host"] == "public.example"
        return httpx.Response(302, headers={"location": "http://internal.example/secrets"})

    dns = FakeDNS({"public.example": [PUBLIC], "internal.example": ["192.168.0.10"]})
    server = Server(handler)
    settings = Settings()
    with (
        make_client(settings, transport=httpx.MockTransport(server)) as client,
        pytest.raises(RefusedAddress, match=r"internal\.example.*192\.168\.0\.10"),
    ):
        fetch("http://public.example/", client, settings, resolve=dns)
    assert len(server.requests) == 1


def test_redirect_to_literal_loopback_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"location": "http://[::ffff:7f00:1]:8080/"})

    with pytest.raises(RefusedAddress):
        run("http://public.example/", handler)


def test_redirect_to_other_scheme_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "file:///etc/passwd"})

    with pytest.raises(FetchFailed, match="non-http"):
        run("http://public.example/", handler)


def test_redirect_without_location_is_http_status() -> None:
    with pytest.raises(HttpStatus) as caught:
        run("http://public.example/", lambda r: httpx.Response(302))
    assert caught.value.status == 302


# --- size cap ---------------------------------------------------------------------------


def test_size_cap_by_content_length() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 101)  # sets Content-Length: 101

    with pytest.raises(TooLarge, match="101 bytes, over the 100-byte cap"):
        run("http://news.example/", handler, settings=Settings(max_bytes=100))


def test_size_cap_by_streamed_body_stops_reading() -> None:
    produced = 0

    def endless() -> Iterator[bytes]:
        nonlocal produced
        while True:
            produced += 1
            yield b"y" * 64

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())  # no Content-Length

    with pytest.raises(TooLarge, match="more than the 1000-byte cap"):
        run("http://news.example/", handler, settings=Settings(max_bytes=1000))
    assert produced == 16  # stopped at the first chunk past the cap


def test_body_exactly_at_cap_accepted() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"a" * 60, b"b" * 40]))

    blob, _ = run("http://news.example/", handler, settings=Settings(max_bytes=100))
    assert blob.data == b"a" * 60 + b"b" * 40


# --- transport errors -------------------------------------------------------------------


@pytest.mark.parametrize("error", [httpx.ConnectTimeout, httpx.ReadTimeout, httpx.PoolTimeout])
def test_timeout_is_fetch_timeout(error: type[httpx.TimeoutException]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error("timed out", request=request)

    with pytest.raises(FetchTimeout, match=r"timed out fetching http://news\.example/"):
        run("http://news.example/", handler)


def test_timeout_while_reading_body() -> None:
    def stalls() -> Iterator[bytes]:
        yield b"partial"
        raise httpx.ReadTimeout("read timed out")

    with pytest.raises(FetchTimeout, match="timed out reading"):
        run("http://news.example/", lambda r: httpx.Response(200, content=stalls()))


@pytest.mark.parametrize(
    "error",
    [
        httpx.ConnectError("[Errno 111] Connection refused"),
        httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.ReadError(""),
    ],
)
def test_transport_error_is_fetch_failed(error: httpx.TransportError) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    with pytest.raises(FetchFailed) as caught:
        run("https://news.example/", handler)
    assert type(caught.value) is FetchFailed
    assert caught.value.reason.startswith("cannot fetch https://news.example/: ")
    assert caught.value.reason.endswith(str(error) or type(error).__name__)
    assert "\n" not in caught.value.reason


def test_resolver_failure_propagates_as_fetch_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    settings = Settings()
    with (
        make_client(settings, transport=httpx.MockTransport(never)) as client,
        pytest.raises(FetchFailed, match=r"cannot resolve host nowhere\.example"),
    ):
        fetch("http://nowhere.example/", client, settings)


# --- unsupported URLs -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["ftp://news.example/file", "file:///etc/passwd", "javascript:alert(1)", "news.example/a", ""],
)
def test_non_http_url_is_unsupported(url: str) -> None:
    dns = FakeDNS()
    with pytest.raises(UnsupportedInput):
        run(url, never, dns)
    assert dns.asked == []


# --- resolve_host -----------------------------------------------------------------------


def test_resolve_host_dedupes(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_getaddrinfo(host: str, port: int, **kwargs: object) -> list[tuple[object, ...]]:
        v4 = (socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC, port))
        v6 = (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("2606:2800::1", port, 0, 0))
        return [v4, v6, v4]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    assert resolve_host("news.example", 443) == [PUBLIC, "2606:2800::1"]


# --- a real server on 127.0.0.1 ---------------------------------------------------------


class _Page(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Page.hits.append(self.path)
        if self.path == "/old":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = "<h1>Grüße</h1>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_real_local_server_needs_allow_private() -> None:
    _Page.hits = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/old"

        refused = Settings(allow_private=False, fetch_timeout=5.0)
        with make_client(refused) as client, pytest.raises(RefusedAddress, match="loopback"):
            fetch(url, client, refused)
        assert _Page.hits == []

        allowed = Settings(allow_private=True, fetch_timeout=5.0)
        with make_client(allowed) as client:
            blob = fetch(url, client, allowed)
        assert blob.data.decode("utf-8") == "<h1>Grüße</h1>"
        assert (blob.content_type, blob.charset) == ("text/html", "utf-8")
        assert blob.url == f"http://127.0.0.1:{httpd.server_address[1]}/article"
        assert _Page.hits == ["/old", "/article"]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
