"""A polite HTTP fetcher on httpx: the SSRF guard of net.py, robots.txt, per-host pacing, caps.

One ``Fetcher.get(url)``:
  - refuses non-http(s) URLs and (net.GuardedTransport) every non-public address of every hop;
  - asks robots.txt (robots.py, cached per site) before each hop;
  - waits its turn on the host: one request at a time per host, at least ``fetch_host_delay``
    (or the site's Crawl-delay) between two, counted in ``waited``;
  - sends a clear User-Agent (with the contact setting), conditional headers (ETag, Last-Modified);
  - follows at most ``fetch_max_redirects`` redirects itself, refusing loops and non-http(s) targets;
  - streams the body, decoding gzip/deflate/brotli itself with an output cap, so neither a huge body
    nor a gzip bomb is ever held past ``fetch_max_bytes``; a trickling server is cut at the total timeout;
  - checks the content type against what the caller accepts;
  - retries 429/502/503/504 and timeouts with exponential backoff, honouring Retry-After.
Every failure is a FetchError with a one-line reason.
"""
from __future__ import annotations

import email.utils
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from ..config import Settings
from .net import FetchError, GuardedTransport, Refused, check_url

KIND_OF_TYPE = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/feed+json": "json",
    "application/xml": "xml", "text/xml": "xml",
    "text/plain": "text",
    "application/gzip": "gzip", "application/x-gzip": "gzip",
}
RETRY_STATUS = {429, 502, 503, 504}
REDIRECT_STATUS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Response:
    """One fetched resource."""

    requested_url: str
    url: str  # the final URL, after redirects
    status: int
    body: bytes = b""
    content_type: str = ""  # media type, lower-cased, without parameters
    charset: str | None = None  # from the Content-Type header
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str = ""
    not_modified: bool = False  # a 304 answer to a conditional GET

    @property
    def kind(self) -> str:
        """html | feed | xml | text | gzip | json | '' (unknown), by content type, else by sniffing."""
        kind = KIND_OF_TYPE.get(self.content_type, "")
        if kind in ("", "text", "xml", "gzip"):
            head = self.body[:2048].lstrip().lower()
            if head.startswith(b"\x1f\x8b"):
                return "gzip"
            if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
                return "feed"
            if b"<urlset" in head or b"<sitemapindex" in head:
                return "xml"
            if not kind and (b"<html" in head or b"<!doctype html" in head):
                return "html"
        return kind


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0  # monotonic time of the earliest next request
    delay: float | None = None  # Crawl-delay, when robots.txt gave one


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class _Decoder:
    """Content-Encoding decoding with an output cap (a gzip bomb stops at ``cap`` decoded bytes)."""

    def __init__(self, encoding: str, url: str):
        enc = [e.strip().lower() for e in encoding.split(",") if e.strip() and e.strip().lower() != "identity"]
        if len(enc) > 1:
            raise FetchError(url, f"unsupported stacked content encodings {encoding!r}")
        self.kind = enc[0] if enc else "identity"
        if self.kind in ("gzip", "x-gzip"):
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.kind == "deflate":
            self.z = zlib.decompressobj()
        elif self.kind == "br":
            try:
                import brotli
            except ImportError:  # we never offered br without brotli installed
                raise FetchError(url, "brotli-encoded answer but brotli is not installed") from None
            self.z = brotli.Decompressor()
        elif self.kind != "identity":
            raise FetchError(url, f"unsupported content encoding {encoding!r}")

    def feed(self, data: bytes, room: int) -> bytes:
        """Decoded bytes of ``data``, at most ``room + 1`` of them (one more tells the cap was passed)."""
        if self.kind == "identity":
            return data[: room + 1]
        if self.kind == "br":
            out = self.z.process(data, output_buffer_limit=room + 1)
            return out[: room + 1]
        out = self.z.decompress(data, room + 1)
        return out


class Fetcher:
    """Polite, capped, SSRF-safe GETs (see the module doc). Thread-safe; one per run."""

    def __init__(self, settings: Settings | None = None, allow_private: bool | None = None,
                 transport: httpx.BaseTransport | None = None, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        from .robots import RobotsCache

        self.settings = s = settings or Settings()
        self.allow_private = s.fetch_allow_private if allow_private is None else allow_private
        ua = s.fetch_user_agent + (f" contact: {s.fetch_contact}" if s.fetch_contact else "")
        try:
            import brotli  # noqa: F401
            encodings = "gzip, deflate, br"
        except ImportError:
            encodings = "gzip, deflate"
        self.client = httpx.Client(
            transport=transport or GuardedTransport(self.allow_private), follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(s.fetch_read_timeout, connect=s.fetch_connect_timeout),
            headers={"User-Agent": ua, "Accept-Encoding": encodings,
                     "Accept-Language": "*", "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                     "application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"})
        self.user_agent = ua
        self.robots = RobotsCache(self)
        self._sleep, self._clock = sleep, clock
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._stats_lock = threading.Lock()
        self.waited = 0.0  # seconds spent waiting on politeness (host delay, Retry-After, backoff)
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- politeness --------------------------------------------------------------------------
    def _host(self, url: str) -> _Host:
        key = (urlsplit(url).hostname or "").lower()
        with self._hosts_lock:
            return self._hosts.setdefault(key, _Host())

    def set_crawl_delay(self, url: str, delay: float | None) -> None:
        if delay is not None:
            self._host(url).delay = min(float(delay), self.settings.fetch_max_crawl_delay)

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            with self._stats_lock:
                self.waited += seconds
            self._sleep(seconds)

    # -- one request, one hop ----------------------------------------------------------------
    def _request(self, url: str, headers: dict[str, str], host: _Host) -> tuple[httpx.Response, bytes]:
        """One GET on the host's turn; the body read (capped, decoded) unless it is a redirect or 304."""
        s = self.settings
        with host.lock:  # per-host concurrency 1
            self._wait(host.next_at - self._clock())
            start = self._clock()
            try:
                request = self.client.build_request("GET", url, headers=headers)
                response = self.client.send(request, stream=True)
            except Refused as exc:
                raise Refused(url, exc.reason) from None
            except FetchError as exc:
                raise FetchError(url, exc.reason) from None
            except httpx.TimeoutException:
                raise FetchError(url, "timed out") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"cannot connect: {_one_line(exc)}") from None
            try:
                with self._stats_lock:
                    self.requests += 1
                if response.status_code in REDIRECT_STATUS or response.status_code == 304 or response.status_code >= 400:
                    return response, b""
                body = self._read_body(url, response, start)
                return response, body
            finally:
                response.close()
                host.next_at = self._clock() + max(s.fetch_host_delay, host.delay or 0.0)

    def _read_body(self, url: str, response: httpx.Response, start: float) -> bytes:
        s = self.settings
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > s.fetch_max_bytes and not response.headers.get("content-encoding"):
            raise FetchError(url, f"too large: {int(declared):,} bytes announced, the cap is {s.fetch_max_bytes:,}")
        decoder = _Decoder(response.headers.get("content-encoding", ""), url)
        chunks: list[bytes] = []
        size = 0
        try:
            for raw in response.iter_raw(65536):
                out = decoder.feed(raw, s.fetch_max_bytes - size)
                size += len(out)
                chunks.append(out)
                if size > s.fetch_max_bytes:
                    raise FetchError(url, f"too large: the body passed the cap of {s.fetch_max_bytes:,} bytes"
                                          + (" (decompressed)" if decoder.kind != "identity" else ""))
                if self._clock() - start > s.fetch_total_timeout:
                    raise FetchError(url, f"too slow: the body took longer than {s.fetch_total_timeout:g} s")
        except httpx.TimeoutException:
            raise FetchError(url, "timed out while reading the body") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"connection broke while reading the body: {_one_line(exc)}") from None
        except (zlib.error, Exception) as exc:
            if isinstance(exc, FetchError):
                raise
            raise FetchError(url, f"corrupt {decoder.kind} body: {_one_line(exc)}") from None
        return b"".join(chunks)

    # -- a whole fetch -----------------------------------------------------------------------
    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            accept: tuple[str, ...] = ("html",), robots: bool = True) -> Response:
        """Fetch ``url`` (see the module doc); FetchError with a one-line reason when it cannot be had."""
        s = self.settings
        requested = check_url(url)
        current = requested
        seen = {current}
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        for _hop in range(s.fetch_max_redirects + 1):
            if robots and s.fetch_robots:
                try:
                    allowed = self.robots.allowed(current)
                except Refused as exc:  # robots.txt is on the same host: the page's own refusal
                    raise Refused(current, exc.reason) from None
                if not allowed:
                    raise FetchError(current, "disallowed by the site's robots.txt")
            response, body = self._with_retries(current, conditional)
            status = response.status_code
            if status in REDIRECT_STATUS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(current, f"HTTP {status} redirect without a Location")
                target = urljoin(current, location.strip())
                try:
                    check_url(target)
                except Refused as exc:
                    raise Refused(requested, f"redirect to {target[:200]}: {exc.reason}") from None
                if target in seen:
                    raise FetchError(requested, f"redirect loop at {target[:200]}")
                seen.add(target)
                current = target
                continue
            headers = response.headers
            ctype = headers.get("content-type", "")
            media = ctype.split(";", 1)[0].strip().lower()
            charset = None
            for param in ctype.split(";")[1:]:
                k, _, v = param.partition("=")
                if k.strip().lower() == "charset" and v.strip():
                    charset = v.strip().strip("\"'")
            result = Response(requested_url=requested, url=current, status=status, body=body, content_type=media,
                              charset=charset, etag=headers.get("etag"), last_modified=headers.get("last-modified"),
                              fetched_at=now_iso(), not_modified=status == 304)
            if status == 304:
                return result
            if status >= 400:
                raise FetchError(current, f"HTTP {status} {response.reason_phrase}".rstrip())
            if accept and result.kind not in accept:
                shown = media or "none"
                raise FetchError(current, f"unexpected content type {shown} (wanted {' or '.join(accept)})")
            return result
        raise FetchError(requested, f"too many redirects (more than {s.fetch_max_redirects})")

    def _with_retries(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        s = self.settings
        host = self._host(url)
        attempt = 0
        while True:
            try:
                response, body = self._request(url, headers, host)
            except Refused:
                raise
            except FetchError as exc:
                if exc.reason.startswith(("timed out", "cannot connect")) and attempt < s.fetch_retries:
                    self._wait(s.fetch_backoff * 2 ** attempt)
                    attempt += 1
                    continue
                raise
            if response.status_code not in RETRY_STATUS:
                return response, body
            asked = retry_after_seconds(response.headers.get("retry-after"))
            wait = asked if asked is not None else s.fetch_backoff * 2 ** attempt
            if attempt >= s.fetch_retries or wait > s.fetch_max_retry_wait:
                after = f"; retry after {asked:g} s" if asked is not None else ""
                raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}{after}".rstrip(),
                                 retry_after=asked)
            host.next_at = max(host.next_at, self._clock() + wait)  # the whole host waits, not just this fetch
            attempt += 1


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]
