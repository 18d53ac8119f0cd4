"""Fetch one http(s) URL into a :class:`~storyline.records.SourceBlob`, safely.

A URL someone hands storyline may point anywhere, so every request, the first
and each redirect hop, is checked before it is sent:

* only ``http`` and ``https``;
* the host is resolved once and refused if any address is loopback, private,
  link-local, unspecified, multicast, reserved or otherwise not global
  (IPv4 embedded in IPv6 is unwrapped first), unless ``allow_private``;
* the request is sent to the checked address, not the name, so a second DNS
  answer cannot swap in another one (DNS rebinding). The original ``Host``
  header goes with it and, for https, the ``sni_hostname`` request extension
  keeps TLS SNI and certificate checks on the name;
* redirects are followed here, not by httpx, so each hop gets the same checks;
* the body is streamed and cut off past ``max_bytes``.

httpx errors are translated into :mod:`storyline.errors` at this boundary.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from storyline.errors import (
    FetchFailed,
    FetchTimeout,
    HttpStatus,
    RefusedAddress,
    TooLarge,
    TooManyRedirects,
    UnsupportedInput,
)
from storyline.records import SourceBlob
from storyline.settings import Settings

__all__ = ["Resolver", "fetch", "make_client", "resolve_host"]

#: ``resolve(host, port)`` returns the IP addresses ``host`` resolves to, as strings.
Resolver = Callable[[str, int], Sequence[str]]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
# IPv6 prefixes that carry an IPv4 address in their low 32 bits (NAT64, RFC 6052).
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def make_client(
    settings: Settings, *, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """An ``httpx.Client`` set up for :func:`fetch`.

    Timeouts come from ``settings.fetch_timeout`` and the User-Agent from
    ``settings.user_agent``. Redirects are left to :func:`fetch`, and proxy or
    certificate settings in the environment are ignored (``trust_env=False``).
    ``transport`` is for tests (``httpx.MockTransport``).

    >>> with make_client(Settings(user_agent="storyline-test")) as client:
    ...     client.headers["user-agent"]
    'storyline-test'
    """
    return httpx.Client(
        timeout=httpx.Timeout(settings.fetch_timeout),
        headers={"User-Agent": settings.user_agent},
        follow_redirects=False,
        trust_env=False,
        transport=transport,
    )


def resolve_host(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, via ``socket.getaddrinfo``, without duplicates.

    Raises :class:`FetchFailed` when the name does not resolve.

    >>> resolve_host("127.0.0.1", 80)
    ['127.0.0.1']
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchFailed(f"cannot resolve host {host}: {exc}") from exc
    addresses: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = str(sockaddr[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def fetch(
    url: str,
    client: httpx.Client,
    settings: Settings,
    *,
    resolve: Resolver = resolve_host,
) -> SourceBlob:
    """GET ``url`` with the checks in this module's docstring and return its body.

    ``SourceBlob.url`` is the URL after redirects. Raises
    :class:`UnsupportedInput` for a URL that is not http(s), and a
    :class:`FetchFailed` subclass (``RefusedAddress``, ``TooManyRedirects``,
    ``HttpStatus``, ``FetchTimeout``) or :class:`TooLarge` when it cannot be used.

    >>> answer = httpx.MockTransport(lambda request: httpx.Response(200, text="hello"))
    >>> client = make_client(Settings(), transport=answer)
    >>> public = lambda host, port: ["93.184.215.14"]
    >>> blob = fetch("https://example.com/", client, Settings(), resolve=public)
    >>> blob.data, blob.content_type, blob.charset, blob.url
    (b'hello', 'text/plain', 'utf-8', 'https://example.com/')
    """
    current = _parse_url(url)
    redirects = 0
    while True:
        target = _Target.check(current, settings, resolve)
        try:
            response = client.send(target.request(client), stream=True, follow_redirects=False)
        except httpx.TimeoutException as exc:
            raise FetchTimeout(f"timed out fetching {current}: {_describe(exc)}") from exc
        except httpx.RequestError as exc:
            raise FetchFailed(f"cannot fetch {current}: {_describe(exc)}") from exc
        try:
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                if redirects >= settings.max_redirects:
                    raise TooManyRedirects(
                        f"more than {settings.max_redirects} redirects fetching {url}"
                        f" (last to {location})"
                    )
                redirects += 1
                current = _follow(current, location)
                continue
            if not response.is_success:
                raise HttpStatus(
                    f"HTTP {response.status_code} {response.reason_phrase} from {current}",
                    response.status_code,
                )
            data = _read_capped(response, current, settings.max_bytes)
        finally:
            response.close()
        content_type, charset = _parse_content_type(response.headers.get("content-type"))
        return SourceBlob(
            source=url, data=data, content_type=content_type, charset=charset, url=str(current)
        )


@dataclass(frozen=True, slots=True)
class _Target:
    """Where one request goes: the URL as named, and the checked address to connect to."""

    url: httpx.URL
    host: str  # IDNA-encoded name, as resolved and as used for SNI
    address: IPAddress
    is_literal: bool

    @classmethod
    def check(cls, url: httpx.URL, settings: Settings, resolve: Resolver) -> _Target:
        """Resolve ``url``'s host and refuse it unless every address is public."""
        host = url.raw_host.decode("ascii")
        literal = _literal_address(host)
        if literal is not None:
            addresses = [literal]
        else:
            port = url.port or _DEFAULT_PORTS[url.scheme]
            addresses = [_parse_address(host, a) for a in resolve(host, port)]
            if not addresses:
                raise FetchFailed(f"cannot resolve host {host}: no addresses")
        if not settings.allow_private:
            for address in addresses:
                kind = _non_public_kind(address)
                if kind is not None:
                    raise RefusedAddress(
                        f"refused {host}: it resolves to {address} ({kind});"
                        " private addresses are off (allow_private)"
                    )
        return cls(url=url, host=host, address=addresses[0], is_literal=literal is not None)

    def request(self, client: httpx.Client) -> httpx.Request:
        """A GET to the checked address that still names the host to the server and TLS."""
        try:
            by_address = self.url.copy_with(host=str(self.address))
        except httpx.InvalidURL as exc:
            raise FetchFailed(f"cannot connect to {self.address} for {self.url}: {exc}") from exc
        headers = {"Host": self.url.netloc.decode("ascii")}
        extensions: dict[str, str] = {}
        if self.url.scheme == "https" and not self.is_literal:
            extensions["sni_hostname"] = self.host
            # httpcore pools connections by (scheme, IP, port) and ignores the SNI name, so
            # a kept-alive connection verified for one name would carry another name's
            # request unverified. Closing after each response keeps every TLS check honest.
            headers["Connection"] = "close"
        return client.build_request("GET", by_address, headers=headers, extensions=extensions)


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise UnsupportedInput(f"not a valid URL: {url}: {exc}") from exc
    if parsed.scheme not in _DEFAULT_PORTS:
        raise UnsupportedInput(f"only http and https URLs can be fetched, not {url}")
    if not parsed.raw_host:
        raise UnsupportedInput(f"URL has no host: {url}")
    return parsed


def _follow(current: httpx.URL, location: str) -> httpx.URL:
    try:
        following = current.join(location)
    except httpx.InvalidURL as exc:
        raise FetchFailed(f"bad redirect from {current} to {location!r}: {exc}") from exc
    if following.scheme not in _DEFAULT_PORTS or not following.raw_host:
        raise FetchFailed(f"refused redirect from {current} to non-http(s) {following}")
    return following


def _literal_address(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _parse_address(host: str, text: str) -> IPAddress:
    try:
        return ipaddress.ip_address(text)
    except ValueError as exc:
        raise FetchFailed(f"cannot resolve host {host}: bad address {text!r}") from exc


def _non_public_kind(address: IPAddress) -> str | None:
    """Why ``address`` must not be fetched by default, or ``None`` when it is public."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is None and address.teredo is not None:
            embedded = address.teredo[1]
        if embedded is not None:
            inner = _non_public_kind(embedded)
            if inner is not None:
                return f"{inner}: IPv4 {embedded} inside IPv6"
    checks = (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        # e.g. 100.64.0.0/10 (carrier-grade NAT) is neither private nor global.
        ("non-global", not address.is_global),
    )
    return next((kind for kind, hit in checks if hit), None)


def _read_capped(response: httpx.Response, url: httpx.URL, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > max_bytes:
        raise TooLarge(f"{url} is {int(declared)} bytes, over the {max_bytes}-byte cap")
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise TooLarge(f"{url} sent more than the {max_bytes}-byte cap")
            chunks.append(chunk)
    except httpx.TimeoutException as exc:
        raise FetchTimeout(f"timed out reading {url}: {_describe(exc)}") from exc
    except httpx.RequestError as exc:
        raise FetchFailed(f"cannot read {url}: {_describe(exc)}") from exc
    return b"".join(chunks)


def _parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    """``("text/html", "utf-8")`` from ``text/html; charset="UTF-8"``; ``None`` where absent."""
    if not header:
        return None, None
    media, *params = header.split(";")
    content_type = media.strip().lower() or None
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").strip().lower() or None
    return content_type, charset


def _describe(exc: httpx.HTTPError) -> str:
    return str(exc) or type(exc).__name__
