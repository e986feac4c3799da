"""RSS/Atom feeds (.xml/.rss/.atom) via feedparser: one RawReport per item."""
from __future__ import annotations

import calendar
import re
from datetime import datetime, timezone
from typing import BinaryIO, Iterator

import feedparser

from crosscheck.model import RawReport, ReadFailure

from .detect import read_capped, too_large

_MARKUP = re.compile(r"<[a-zA-Z][^>]*>")


def _iso(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).isoformat()
    return entry.get("published") or entry.get("updated") or None


def _authors(entry) -> tuple[str, ...]:
    names = [str(a.get("name") or "").strip() for a in entry.get("authors") or [] if isinstance(a, dict)]
    names = [n for n in names if n]  # an <author> without a name gives {'name': None}
    if not names and entry.get("author"):
        names = [str(entry["author"]).strip()]
    return tuple(names)


def _content(entry) -> str:
    for part in entry.get("content", []) or []:
        if isinstance(part, dict) and str(part.get("value") or "").strip():
            return str(part["value"])
    return entry.get("summary", "") or entry.get("description", "") or ""


def read(stream: BinaryIO, source: str, fmt: str = "feed") -> Iterator[RawReport | ReadFailure]:
    """Yield one RawReport per feed item, or a ReadFailure when the file is not a feed."""
    data = read_capped(stream)
    if data is None:
        yield ReadFailure(source, too_large())
        return
    if not data.strip():
        yield ReadFailure(source, "empty file")
        return
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser raises on some hostile bytes (NUL in the declared encoding...)
        yield ReadFailure(source, f"not a readable RSS/Atom feed: {type(exc).__name__}: {str(exc)[:100]}")
        return
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        detail = f": {str(why).splitlines()[0][:100]}" if why else ""
        yield ReadFailure(source, f"not an RSS/Atom feed with items{detail}")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    feed_lang = parsed.feed.get("language") or None
    for i, entry in enumerate(parsed.entries, 1):
        url = (entry.get("link") or "").strip() or None
        ext_id = (entry.get("id") or "").strip() or None
        where = url or ext_id or f"{source}#{i}"
        body = _content(entry).strip()
        if not body:
            yield ReadFailure(where, f"feed item {i} has neither content nor summary")
            continue
        markup = bool(_MARKUP.search(body))
        yield RawReport(
            source=where,
            fmt=fmt,
            text=None if markup else body,
            html=body if markup else None,
            url=url,
            ext_id=ext_id,
            title=(entry.get("title") or "").strip() or None,
            published=_iso(entry),
            outlet=outlet,
            language=entry.get("language") or feed_lang,
            authors=_authors(entry),
        )
