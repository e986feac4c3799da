"""Hostile reports: script tags, javascript: links, event handlers, very long lines, right-to-left text.

Every page must escape them (no markup from the store reaches the DOM as markup), never turn a
non-http(s) URL into a link, and carry the security headers.
"""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from crosscheck.web.app import http_url
from web_fixtures import readonly_client, XSS_TEXT, build_hostile_store

ALLOWED_SCRIPTS = {"/static/app.js", "/static/apidocs.js"}


class _Audit(HTMLParser):
    """Collects every tag, attribute and script body of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.script_bodies: list[str] = []
        self._in_script = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_bodies.append(data)
        else:
            self.text.append(data)


def audit(html: str) -> _Audit:
    a = _Audit()
    a.feed(html)
    a.close()
    return a


def assert_inert(html: str) -> _Audit:
    a = audit(html)
    for tag, attrs in a.tags:
        assert tag not in ("iframe", "svg", "img", "object", "embed", "base", "style", "frame"), f"injected <{tag}>"
        for name, value in attrs:
            assert not name.lower().startswith("on"), f"event handler {name} on <{tag}>"
            if name in ("href", "src", "action", "formaction"):
                v = (value or "").strip().lower()
                assert not v.startswith(("javascript:", "data:", "vbscript:")), f"{name}={value!r} on <{tag}>"
                assert v.startswith(("/", "#", "http://", "https://", "?")), f"{name}={value!r} on <{tag}>"
        if tag == "script":
            assert dict(attrs).get("src") in ALLOWED_SCRIPTS, f"unexpected script {attrs}"
    assert not any(body.strip() for body in a.script_bodies), "inline script"
    return a


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return build_hostile_store(tmp_path_factory.mktemp("hostile") / "evil.db")


@pytest.fixture(scope="module")
def client(hostile):
    yield from readonly_client(hostile.path)


def pages(h):
    return ["/", f"/stories/{quote(h.story, safe='')}", f"/documents/{h.doc}", f"/documents/{h.doc2}", "/entities",
            f"/entities/{h.entity}", "/docs", "/?q=script", "/?q=%3Cscript%3Ealert(1)%3C/script%3E",
            "/entities?q=%22%3E%3Csvg%20onload%3Dalert(1)%3E"]


def test_pages_are_inert(client, hostile):
    for path in pages(hostile):
        r = client.get(path)
        assert r.status_code == 200, path
        assert_inert(r.text)
        assert "<script>alert" not in r.text and "onerror=alert" not in r.text.replace("&lt;img src=x onerror=alert", "")


def test_hostile_text_is_shown_as_text(client, hostile):
    r = client.get(f"/documents/{hostile.doc}")
    a = assert_inert(r.text)
    shown = "".join(a.text)
    assert "<script>alert(document.cookie)</script>" in shown  # visible, literally
    assert '<a href="javascript:alert(2)" onclick="alert(3)">click</a>' in shown
    assert "W" * 6000 in shown  # the very long line is kept whole
    assert "\u202eThis line is reversed" in shown
    assert "<img src=x onerror=\"alert(6)\"> caption" in shown  # the caption, as text
    assert "<style>body{display:none}</style>" in shown  # boilerplate, as text


def test_non_http_urls_never_become_links(client, hostile):
    for doc in (hostile.doc, hostile.doc2):
        r = client.get(f"/documents/{doc}")
        assert 'id="original-link"' not in r.text
        hrefs = [v for _, attrs in audit(r.text).tags for k, v in attrs if k == "href"]
        assert not any("javascript" in (h or "").lower() for h in hrefs)
    ent = client.get(f"/entities/{hostile.entity}")
    assert "javascript:alert(13)" in "".join(audit(ent.text).text)  # alias shown, not linked
    assert_inert(ent.text)


def test_untrusted_text_is_bidi_isolated(client, hostile):
    r = client.get(f"/stories/{quote(hostile.story, safe='')}")
    html = r.text
    i = html.index("\u202eRTL override title")
    tag_start = html.rfind("<", 0, i)
    assert 'dir="auto"' in html[tag_start:i] and 'class="' in html[tag_start:i]
    css = client.get("/static/style.css").text
    assert ".u { unicode-bidi: isolate; overflow-wrap: anywhere;" in css


def test_headers_on_hostile_pages(client, hostile):
    for path in pages(hostile) + ["/api/stories", f"/api/documents/{hostile.doc}"]:
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        for part in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
                     "frame-ancestors 'none'"):
            assert part in csp, (path, part)
        assert "unsafe" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_api_returns_hostile_text_as_json_data(client, hostile):
    r = client.get(f"/api/documents/{hostile.doc}")
    assert r.headers["content-type"] == "application/json"
    assert r.json()["text"] == XSS_TEXT  # data unchanged; JSON is never rendered as HTML (nosniff)


@pytest.mark.parametrize("query", ['"', "NEAR(a b", "a AND", "*", ")(", "OR OR", "'; DROP TABLE documents; --",
                                   "\u0000", "x" * 5000])
def test_hostile_search_queries(client, query):
    r = client.get("/", params={"q": query})
    assert r.status_code == 200
    assert_inert(r.text)
    assert client.get("/api/stories", params={"q": query}).status_code == 200
    assert client.get("/api/documents", params={"q": query}).status_code == 200


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a?b=c#d", True), ("http://example.org", True), ("HTTPS://EXAMPLE.ORG/", True),
    ("javascript:alert(1)", False), ("  JaVaScRiPt:alert(1)", False), ("java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False), ("vbscript:msgbox", False), ("//evil.example/x", False),
    ("http://", False), ("https://ex.org/\"onmouseover=alert(1)", False), ("/relative/path", False),
    ("https://ex.org/\u0085x", False), (None, False), (42, False), ("", False),
])
def test_http_url(url, ok):
    assert (http_url(url) is not None) == ok
