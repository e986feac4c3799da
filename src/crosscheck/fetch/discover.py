"""What a fetched source holds: feed items, news sitemap entries, or a home page's feed links.

Feeds are read by the project's feed reader (readers/feed.py); sitemaps with lxml under a parser
that resolves no entities and loads nothing from the network (XXE); home pages are searched for
``<link rel="alternate" type="application/rss+xml|atom+xml">``.
"""
from __future__ import annotations

import hashlib
import io
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin

from ..model import RawReport, ReadFailure
from ..readers import feed as feed_reader
from .urls import link_tags, normalise

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(frozen=True)
class Item:
    """One entry of a feed or sitemap: the article's URL, a fingerprint that changes with the entry,
    and what the entry itself says (a feed's content and metadata; a sitemap's title and date)."""

    url: str  # normalised
    fingerprint: str
    report: RawReport | None = None


@dataclass(frozen=True)
class Sitemap:
    items: tuple[Item, ...] = ()
    children: tuple[str, ...] = ()  # child sitemaps of a sitemap index
    news: bool = False  # it carries <news:news> entries


def _fp(*parts: str | None) -> str:
    return hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8", "replace")).hexdigest()[:16]


def gunzip_capped(data: bytes, cap: int) -> bytes | None:
    """``data`` gunzipped, or None when it expands past ``cap`` bytes (a bomb) or is corrupt."""
    try:
        z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = z.decompress(data, cap + 1)
    except zlib.error:
        return None
    return None if len(out) > cap else out


def feed_items(body: bytes, source: str) -> tuple[list[Item], str | None]:
    """The items of a feed, newest first as the feed lists them; or ([], reason) when it is not a feed."""
    items: list[Item] = []
    reason = None
    for rec in feed_reader.read(io.BytesIO(body), source):
        if isinstance(rec, ReadFailure):
            if rec.source == source and reason is None:  # the feed as a whole, not one item
                reason = rec.reason
            elif rec.source.startswith(("http://", "https://")):  # an item with a link and no text: its page has it
                items.append(Item(url=normalise(rec.source), fingerprint=_fp(rec.source)))
            continue
        if not rec.url:
            continue
        url = normalise(rec.url)
        items.append(Item(url=url, fingerprint=_fp(rec.title, rec.published, rec.text or rec.html),
                          report=rec))
    return items, (None if items else reason or "the feed has no items with links")


def feed_links(page: str, base_url: str) -> list[str]:
    """Feeds a page points to with <link rel="alternate" type="application/rss+xml|atom+xml">, in order."""
    found = []
    for attrs in link_tags(page):
        rels = attrs.get("rel", "").lower().split()
        if "alternate" in rels and attrs.get("type", "").lower().split(";")[0].strip() in FEED_TYPES and attrs.get("href"):
            url = urljoin(base_url, attrs["href"].strip())
            if url.startswith(("http://", "https://")) and url not in found:
                found.append(url)
    return found


def _safe_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           recover=True)


def parse_sitemap(body: bytes, source: str, cap: int) -> Sitemap | None:
    """A sitemap or sitemap index (plain or gzipped), or None when ``body`` is neither."""
    from lxml import etree

    if body[:2] == b"\x1f\x8b":
        body = gunzip_capped(body, cap)
        if body is None:
            return None
    try:
        root = etree.fromstring(body, _safe_parser())
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        locs = [(el.text or "").strip() for el in root.iter(f"{{{SITEMAP_NS}}}loc", "loc")]
        return Sitemap(children=tuple(dict.fromkeys(urljoin(source, u) for u in locs if u)))
    if tag != "urlset":
        return None
    items = []
    news = False
    for url_el in root:
        if not isinstance(url_el.tag, str) or etree.QName(url_el).localname != "url":
            continue
        loc = _text(url_el, "loc", SITEMAP_NS)
        if not loc:
            continue
        lastmod = _text(url_el, "lastmod", SITEMAP_NS)
        news_el = url_el.find(f"{{{NEWS_NS}}}news")
        title = published = outlet = language = None
        if news_el is not None:
            news = True
            title = _text(news_el, "title", NEWS_NS)
            published = _text(news_el, "publication_date", NEWS_NS)
            pub = news_el.find(f"{{{NEWS_NS}}}publication")
            if pub is not None:
                outlet = _text(pub, "name", NEWS_NS)
                language = _text(pub, "language", NEWS_NS)
        url = urljoin(source, loc)
        if not url.startswith(("http://", "https://")):
            continue
        meta = RawReport(source=normalise(url), fmt="html", url=url, title=title, published=published or None,
                         outlet=outlet, language=language)
        items.append(Item(url=normalise(url), fingerprint=_fp(title, published, lastmod), report=meta))
    return Sitemap(items=tuple(items), news=news)


def _text(el, name: str, ns: str) -> str | None:
    found = el.find(f"{{{ns}}}{name}")
    if found is None:
        found = el.find(name)
    value = (found.text or "").strip() if found is not None else ""
    return value or None


def unzip_if_gzip(body: bytes, cap: int) -> bytes | None:
    """A gzipped body (sitemap.xml.gz served as application/gzip) expanded, capped; others as they are."""
    return gunzip_capped(body, cap) if body[:2] == b"\x1f\x8b" else body


__all__ = ["Item", "Sitemap", "feed_items", "feed_links", "parse_sitemap", "gunzip_capped", "unzip_if_gzip"]
