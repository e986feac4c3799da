"""No SSRF: which addresses may be fetched, and a transport that connects only to checked addresses.

By default only public http(s) addresses are fetched. Every address a host name resolves to is
checked (loopback, private, link-local, the cloud metadata address, multicast, unique-local IPv6,
IPv4 embedded in IPv6, reserved and shared ranges are refused), and the connection is made to the
very address that was checked, so a DNS answer that changes between check and connect (rebinding)
cannot slip a private address in. Redirect hops open new connections and are checked the same way.
``allow_private`` lifts the address check (a newsroom's own intranet; tests against 127.0.0.1).
"""
from __future__ import annotations

import ipaddress
import socket
from typing import Callable, Iterable
from urllib.parse import urlsplit

import httpcore
import httpx

from ..errors import InputError

ALLOWED_SCHEMES = ("http", "https")
METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchError(InputError):
    """A URL that could not be fetched: ``source`` is the URL, ``reason`` one line."""

    def __init__(self, source: str, reason: str, retry_after: float | None = None):
        super().__init__(source, reason)
        self.retry_after = retry_after  # seconds the server asked us to wait (429/503), when it did


class Refused(FetchError):
    """A URL the SSRF guard or the scheme check refuses."""


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, IPv4-compatible, 6to4, Teredo or NAT64 IPv6 address."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in NAT64 or (int(ip) >> 32 == 0 and int(ip) > 1):  # 64:ff9b::a.b.c.d, deprecated ::a.b.c.d
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(address: str | IPAddress) -> str | None:
    """Why ``address`` may not be fetched by default ('a loopback address'), or None when it is public."""
    try:
        ip = ipaddress.ip_address(str(address).split("%", 1)[0]) if isinstance(address, str) else address
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_v4(ip)
        if inner is not None:
            why = address_problem(inner)
            return f"{why} (embedded in {ip})" if why else None
    if ip in METADATA:
        return "the cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_unspecified:
        return "the unspecified address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if isinstance(ip, ipaddress.IPv6Address) and ip in ipaddress.ip_network("fc00::/7"):
        return "a unique-local IPv6 address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved or not ip.is_global:
        return "not a public address"
    return None


def check_url(url: str) -> str:
    """``url`` when its scheme is http(s) and it names a host; else Refused with a one-line reason."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError as exc:
        raise Refused(url, f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise Refused(url, "not a URL: it needs http:// or https://")
    if scheme not in ALLOWED_SCHEMES:
        raise Refused(url, f"refused: {scheme}: URLs are not fetched, only http and https")
    if not host:
        raise Refused(url, "not a valid URL (no host)")
    return url.strip()


def _system_resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# name -> addresses; tests replace it (monkeypatch ``net.resolve``) to play DNS answers
resolve: Callable[[str, int], list[str]] = _system_resolve


def checked_addresses(host: str, port: int, allow_private: bool) -> list[str]:
    """Every address ``host`` resolves to, once, each checked; Refused when any of them is not public."""
    host = host.strip("[]")
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(host, f"cannot resolve host name ({getattr(exc, 'strerror', None) or exc})") from None
    if not addresses:
        raise FetchError(host, "the host name resolves to no address")
    if not allow_private:
        for addr in addresses:
            why = address_problem(addr)
            if why:
                what = f"{addr} is {why}" if host == addr else f"{host} resolves to {addr}, {why}"
                raise Refused(host, f"refused: {what} (use --allow-private for an intranet)")
    return addresses


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network backend with the check in ``connect_tcp``: resolve, check, connect to that address.

    TLS still verifies the certificate against the host name (httpcore passes it as server_hostname).
    """

    def __init__(self, allow_private: bool = False, inner: httpcore.NetworkBackend | None = None):
        self.allow_private = allow_private
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable | None = None) -> httpcore.NetworkStream:
        addresses = checked_addresses(host, port, self.allow_private)
        last: Exception | None = None
        for addr in addresses:
            try:
                return self.inner.connect_tcp(addr, port, timeout=timeout, local_address=local_address,
                                              socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable | None = None) -> httpcore.NetworkStream:
        raise Refused(path, "refused: unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport on a GuardedBackend; no proxies from the environment (they would bypass the check)."""

    def __init__(self, allow_private: bool = False, inner: httpcore.NetworkBackend | None = None,
                 max_connections: int = 16):
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False), max_connections=max_connections,
            max_keepalive_connections=max_connections, keepalive_expiry=5.0,
            network_backend=GuardedBackend(allow_private, inner))
