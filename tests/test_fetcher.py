"""The polite fetcher against a real HTTP server on 127.0.0.1 (allowed only through the explicit setting)."""
from __future__ import annotations

import gzip
import time

import httpcore
import pytest

from crosscheck.config import Settings
from crosscheck.fetch import net
from crosscheck.fetch.fetcher import Fetcher
from crosscheck.fetch.net import FetchError, GuardedTransport, Refused
from crosscheck.fetch.watch import fetch_page
from live_server import LiveServer, Page, article

FAST = Settings(fetch_allow_private=True, fetch_host_delay=0.0, fetch_backoff=0.05, fetch_read_timeout=2.0,
                fetch_connect_timeout=2.0, fetch_total_timeout=3.0, fetch_max_bytes=200_000)
BODY = ("The harbour authority of Port Velden said on Monday that the new crane line will open in June.\n\n"
        "Officials told reporters that the 40 million euro project had been delayed by a storm in the winter.")


@pytest.fixture
def server():
    with LiveServer() as s:
        yield s


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as f:
        yield f


def test_etag_and_304(server, fetcher):
    server.routes["/a"] = Page(article("Cranes", BODY), etag='"v1"', last_modified="Mon, 02 Mar 2026 10:00:00 GMT")
    first = fetcher.get(server.url("/a"))
    assert first.status == 200 and first.etag == '"v1"' and b"Cranes" in first.body
    again = fetcher.get(server.url("/a"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    assert server.hits("/a")[-1].headers["if-none-match"] == '"v1"'
    assert server.hits("/a")[-1].headers["if-modified-since"] == "Mon, 02 Mar 2026 10:00:00 GMT"
    server.routes["/a"] = Page(article("Cranes, updated", BODY), etag='"v2"')
    changed = fetcher.get(server.url("/a"), etag='"v1"')
    assert not changed.not_modified and changed.etag == '"v2"'


def test_user_agent_with_contact(server):
    server.routes["/a"] = Page(article("Cranes", BODY))
    with Fetcher(Settings(fetch_allow_private=True, fetch_host_delay=0, fetch_contact="desk@gazette.example")) as f:
        f.get(server.url("/a"))
    ua = server.hits("/a")[0].headers["user-agent"]
    assert ua.startswith("crosscheck/") and "desk@gazette.example" in ua


def test_without_the_setting_loopback_is_refused(server):
    server.routes["/a"] = Page(article("Cranes", BODY))
    with Fetcher(Settings(fetch_host_delay=0)) as f:
        with pytest.raises(Refused):
            f.get(server.url("/a"))
    assert server.log == []  # not even robots.txt was asked for


def test_redirect_chain_is_followed_and_loops_refused(server, fetcher):
    server.routes["/r1"] = Page(status=301, headers={"Location": "/r2"})
    server.routes["/r2"] = Page(status=302, headers={"Location": server.url("/final")})
    server.routes["/final"] = Page(article("Cranes", BODY))
    got = fetcher.get(server.url("/r1"))
    assert got.url == server.url("/final") and got.requested_url == server.url("/r1")
    server.routes["/loop1"] = Page(status=302, headers={"Location": "/loop2"})
    server.routes["/loop2"] = Page(status=302, headers={"Location": "/loop1"})
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.get(server.url("/loop1"))
    for i in range(10):
        server.routes[f"/hop{i}"] = Page(status=307, headers={"Location": f"/hop{i + 1}"})
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.get(server.url("/hop0"))


def test_redirect_to_file_scheme_is_refused(server, fetcher):
    server.routes["/evil"] = Page(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(Refused, match="file: URLs are not fetched"):
        fetcher.get(server.url("/evil"))


class PublicLooking(httpcore.NetworkBackend):
    """Dials 127.0.0.1 when asked for 8.8.8.8: a 'public' server that is really this test's loopback server."""

    def __init__(self, port: int):
        self.port, self.inner, self.dialled = port, httpcore.SyncBackend(), []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.dialled.append(host)
        assert host == "8.8.8.8", host  # anything else would be real traffic
        return self.inner.connect_tcp("127.0.0.1", self.port, timeout=timeout)


def test_public_url_redirecting_to_a_private_one_is_refused(server, monkeypatch):
    dns = {"public.example": ["8.8.8.8"], "intranet.example": ["10.0.0.1"]}
    monkeypatch.setattr(net, "resolve", lambda host, port: dns[host])
    backend = PublicLooking(server.port)
    server.routes["/to-loopback"] = Page(status=302, headers={"Location": server.url("/secret")})
    server.routes["/to-intranet"] = Page(status=302, headers={"Location": "http://intranet.example/admin"})
    server.routes["/to-metadata"] = Page(status=302, headers={"Location": "http://169.254.169.254/latest/"})
    server.routes["/ok"] = Page(article("Cranes", BODY))
    settings = Settings(fetch_host_delay=0, fetch_robots=False)
    with Fetcher(settings, transport=GuardedTransport(False, backend)) as f:
        assert b"Cranes" in f.get("http://public.example/ok").body  # the public hop itself works
        for path, why in [("/to-loopback", "loopback"), ("/to-intranet", "private"), ("/to-metadata", "metadata")]:
            with pytest.raises(Refused, match=why) as info:
                f.get(f"http://public.example{path}")
            assert "\n" not in str(info.value)
    assert set(backend.dialled) == {"8.8.8.8"}
    assert not server.hits("/secret")


def test_robots_disallow_is_honoured_and_cached(server, fetcher):
    server.routes["/robots.txt"] = Page("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.routes["/private/a"] = Page(article("Secret", BODY))
    server.routes["/public/a"] = Page(article("Cranes", BODY))
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(server.url("/private/a"))
    fetcher.get(server.url("/public/a"))
    fetcher.get(server.url("/public/a"))
    assert not server.hits("/private/a") and len(server.hits("/robots.txt")) == 1


def test_robots_for_our_agent_only(server, fetcher):
    server.routes["/robots.txt"] = Page("User-agent: crosscheck\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
                                        content_type="text/plain")
    server.routes["/a"] = Page(article("Cranes", BODY))
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(server.url("/a"))


def test_unreachable_robots_disallows(server, fetcher):
    server.routes["/robots.txt"] = Page("oops", status=500, content_type="text/plain")
    server.routes["/a"] = Page(article("Cranes", BODY))
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(server.url("/a"))


def test_429_with_retry_after_is_waited_for(server):
    calls = {"n": 0}

    def flaky(_req):
        calls["n"] += 1
        return Page("busy", status=429, headers={"Retry-After": "1"}, content_type="text/plain") if calls["n"] == 1 \
            else Page(article("Cranes", BODY))
    server.routes["/a"] = flaky
    with Fetcher(FAST) as f:
        start = time.monotonic()
        got = f.get(server.url("/a"))
        assert got.status == 200 and time.monotonic() - start >= 0.95 and f.waited >= 0.95
    first, second = server.hits("/a")
    assert second.at - first.at >= 0.95


def test_too_long_retry_after_fails_with_the_wait(server):
    server.routes["/a"] = Page("busy", status=503, headers={"Retry-After": "7200"}, content_type="text/plain")
    with Fetcher(FAST) as f:
        with pytest.raises(FetchError, match="503.*retry after 7200 s") as info:
            f.get(server.url("/a"))
    assert info.value.retry_after == 7200 and len(server.hits("/a")) == 1


def test_503_retries_with_backoff_then_gives_up(server):
    server.routes["/a"] = Page("down", status=503, content_type="text/plain")
    with Fetcher(Settings(**{**FAST.__dict__, "fetch_retries": 2})) as f:
        with pytest.raises(FetchError, match="HTTP 503"):
            f.get(server.url("/a"))
    assert len(server.hits("/a")) == 3


def test_oversized_bodies_are_cut(server, fetcher):
    server.routes["/big"] = Page(b"<html><body>" + b"x" * 500_000 + b"</body></html>")
    with pytest.raises(FetchError, match="too large"):
        fetcher.get(server.url("/big"))
    server.routes["/big-gz"] = Page(b"<html><body>" + b"x" * 500_000 + b"</body></html>", gzip=True)
    with pytest.raises(FetchError, match="too large.*decompressed"):
        fetcher.get(server.url("/big-gz"))


def test_gzip_bomb_stops_at_the_cap(server, fetcher):
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MB of zeros in ~64 KB
    assert len(bomb) < 200_000
    server.routes["/bomb"] = Page(raw_gzip=bomb)
    import tracemalloc

    tracemalloc.start()
    with pytest.raises(FetchError, match="too large"):
        fetcher.get(server.url("/bomb"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 16 * 1024 * 1024  # never expanded near 64 MB


def test_brotli_and_gzip_bodies_are_decoded(server, fetcher):
    brotli = pytest.importorskip("brotli")
    page = article("Cranes", BODY).encode()
    server.routes["/br"] = Page(brotli.compress(page), headers={"Content-Encoding": "br"})
    server.routes["/gz"] = Page(page, gzip=True)
    assert fetcher.get(server.url("/br")).body == page
    assert fetcher.get(server.url("/gz")).body == page
    assert "br" in server.hits("/br")[0].headers["accept-encoding"]


def test_slow_body_is_cut_at_the_total_timeout(server):
    server.routes["/slow"] = Page(article("Cranes", BODY * 3), trickle=0.1)
    with Fetcher(Settings(**{**FAST.__dict__, "fetch_total_timeout": 0.5, "fetch_retries": 0})) as f:
        start = time.monotonic()
        with pytest.raises(FetchError, match="too slow"):
            f.get(server.url("/slow"))
        assert time.monotonic() - start < 2.5


def test_content_type_is_checked(server, fetcher):
    server.routes["/img"] = Page(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type="image/png")
    with pytest.raises(FetchError, match="unexpected content type image/png"):
        fetcher.get(server.url("/img"))


def test_charset_from_the_header(server, fetcher):
    page = article("Caf\u00e9 on the quay", BODY).replace('<meta charset="utf-8">', "")
    server.routes["/latin"] = Page(page.encode("iso-8859-1"), content_type="text/html; charset=iso-8859-1")
    got = fetch_page(fetcher, server.url("/latin"))
    assert "Caf\u00e9 on the quay" in got.report.html


def test_per_host_delay(server):
    server.routes["/a"] = Page(article("Cranes", BODY))
    server.routes["/b"] = Page(article("Cranes", BODY))
    with Fetcher(Settings(**{**FAST.__dict__, "fetch_host_delay": 0.3})) as f:
        f.get(server.url("/a"))
        f.get(server.url("/b"))
        assert f.waited >= 0.25
    assert server.hits("/b")[0].at - server.hits("/a")[0].at >= 0.28


def test_crawl_delay_from_robots(server):
    server.routes["/robots.txt"] = Page("User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
    server.routes["/a"] = Page(article("Cranes", BODY))
    server.routes["/b"] = Page(article("Cranes", BODY))
    with Fetcher(FAST) as f:
        f.get(server.url("/a"))
        f.get(server.url("/b"))
    assert server.hits("/b")[0].at - server.hits("/a")[0].at >= 0.95


def test_two_urls_of_one_article_have_one_identity(server, fetcher):
    canon = server.url("/world/cranes")
    server.routes["/world/cranes"] = Page(article("Cranes", BODY, canonical=canon))
    server.routes["/amp/world/cranes"] = Page(article("Cranes", BODY, canonical=canon, amp=True))
    a = fetch_page(fetcher, server.url("/world/cranes?utm_source=rss&utm_medium=feed"))
    b = fetch_page(fetcher, server.url("/amp/world/cranes"))
    assert a.report.source == b.report.source == canon
    assert a.record.final_url.endswith("utm_medium=feed") and b.record.final_url.endswith("/amp/world/cranes")
