"""URL identity: the same article under two URLs is one report.

``normalise`` makes a URL comparable (scheme and host lower-cased, default port, fragment and
tracking parameters such as ``utm_*`` and ``fbclid`` dropped). ``canonical`` picks a page's identity:
its ``<link rel="canonical">`` when that stays on the same site (a page cannot claim another site's
article), else the AMP page's non-AMP form, else the normalised final URL.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

_DEFAULT_PORT = {"http": 80, "https": 443}
_SITE_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile)\.")
_AMP_PARAMS = {"amp", "outputtype", "amp_js_v", "usqp", "_js_v"}


@lru_cache(maxsize=1)
def _tracking() -> tuple[tuple[str, ...], frozenset[str]]:
    with resources.files("crosscheck.data").joinpath("tracking_params.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return tuple(data["prefixes"]), frozenset(n.lower() for n in data["names"])


def is_tracking(name: str) -> bool:
    prefixes, names = _tracking()
    low = name.lower()
    return low in names or low.startswith(prefixes)


def normalise(url: str) -> str:
    """Comparable form of an http(s) URL: tracking parameters, fragment and default port dropped."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORT.get(scheme)) else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query, doseq=True), ""))


def site(url: str) -> str:
    """The host without www./m./amp. prefixes: 'https://amp.example.org/x' -> 'example.org'."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return _SITE_PREFIX.sub("", host)


def same_site(a: str, b: str) -> bool:
    """True when the two URLs are on one site (equal hosts, or one a subdomain of the other)."""
    sa, sb = site(a), site(b)
    return bool(sa and sb) and (sa == sb or sa.endswith("." + sb) or sb.endswith("." + sa))


def de_amp(url: str) -> str:
    """The non-AMP form of an AMP URL by its common patterns: amp. host, /amp/ segment, .amp, ?amp=1."""
    parts = urlsplit(url)
    host = parts.netloc
    if host.lower().startswith("amp."):
        host = host[4:]
    path = re.sub(r"/amp/?$", "/", parts.path)
    path = re.sub(r"/amp/", "/", path)
    path = re.sub(r"(?<=[^/])\.amp(?=$|\.html?$)", "", path)
    path = re.sub(r"^/amp(?=/)", "", path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in _AMP_PARAMS]
    return urlunsplit((parts.scheme, host, path or "/", urlencode(query, doseq=True), ""))


_LINK = re.compile(r"<link\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_AMP_HTML = re.compile(r"<html\b[^>]*\s(?:amp|⚡)(?:[\s=>])", re.I)


def link_tags(page: str, limit: int = 262144) -> list[dict[str, str]]:
    """Attributes of the <link> tags in the first ``limit`` characters of a page (names lower-cased)."""
    import html as htmllib

    found = []
    for tag in _LINK.finditer(page[:limit]):
        attrs = {m.group(1).lower(): htmllib.unescape(m.group(2) or m.group(3) or m.group(4) or "")
                 for m in _ATTR.finditer(tag.group(0))}
        found.append(attrs)
    return found


def canonical(final_url: str, page: str | None = None) -> str:
    """The identity of the page fetched from ``final_url`` (see the module doc)."""
    base = normalise(final_url)
    if page:
        for attrs in link_tags(page):
            rels = attrs.get("rel", "").lower().split()
            href = attrs.get("href", "").strip()
            if "canonical" in rels and href:
                target = urljoin(final_url, href)
                if urlsplit(target).scheme in ("http", "https") and same_site(target, final_url):
                    return normalise(target)
        if _AMP_HTML.search(page[:4096]):
            return normalise(de_amp(base))
    return base
