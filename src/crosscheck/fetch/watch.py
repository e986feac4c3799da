"""Fetching pages and polling watched sources, without the store: the pipeline saves what comes back.

``fetch_page(url)`` -> a RawReport of the page under its canonical URL, and how it came in.
``poll(state)`` polls one source (feed, news sitemap or sitemap index, home page with a feed link)
with a conditional GET and returns the reports of its new and changed items and the source's next
state. The state must be saved only after those reports are stored: a crash in between re-polls the
source, and the reports already stored come back as duplicates, so nothing is lost or doubled.
"""
from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterator

from ..config import Settings
from ..errors import InputError
from ..model import FetchRecord, RawReport, ReadFailure, SourceState
from ..readers import html as html_reader
from . import discover
from .fetcher import Fetcher, now_iso
from .net import FetchError, Refused, check_url
from .urls import canonical, normalise

SOURCE_ACCEPT = ("html", "feed", "xml", "gzip", "text")
FEED_ACCEPT = ("feed", "xml", "text", "html")  # html is accepted to say 'the feed turned into a page'
TRANSIENT = ("timed out", "cannot connect", "HTTP 5", "HTTP 429", "connection broke", "too slow")


@dataclass(frozen=True)
class Fetched:
    """A report obtained over HTTP and how (``record`` is None when it came from the feed's own text)."""

    report: RawReport
    record: FetchRecord | None = None


@dataclass(frozen=True)
class Poll:
    """What polling one source gave: reports to ingest, item failures, and the state to save after."""

    state: SourceState
    reports: tuple[Fetched, ...] = ()
    failures: tuple[ReadFailure, ...] = ()
    error: str | None = None  # the source itself failed (its state shows it)
    not_modified: bool = False


# ---------------------------------------------------------------- one page
def fetch_page(fetcher: Fetcher, url: str, meta: RawReport | None = None) -> Fetched:
    """The page at ``url`` as a RawReport whose source is its canonical URL; FetchError when it cannot be had."""
    response = fetcher.get(url, accept=("html",))
    report = next(html_reader.read(io.BytesIO(response.body), response.url, charset=response.charset), None)
    if report is None or isinstance(report, ReadFailure):
        raise FetchError(url, report.reason if report else "empty page")
    canon = canonical(response.url, report.html)
    report = dataclasses.replace(
        report, source=canon, url=canon,
        # a listing's date and language help; its title is left to the page so the text hashes alike either way
        published=meta.published if meta else None, language=meta.language if meta else None)
    record = FetchRecord(source=canon, requested_url=url, final_url=response.url, fetched_at=response.fetched_at,
                         status=response.status)
    return Fetched(report, record)


def fetch_pages(fetcher: Fetcher, urls: list[str], workers: int = 4) -> Iterator[Fetched | ReadFailure]:
    """Each URL's page (or a ReadFailure naming it), fetched with one worker per host at a time, in order."""
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    def one(url: str) -> Fetched | ReadFailure:
        try:
            return fetch_page(fetcher, url)
        except InputError as exc:
            return ReadFailure(exc.source if isinstance(exc, Refused) else url, exc.reason)

    window = 4 * max(1, workers)  # pages fetched ahead of the consumer: memory stays bounded when it is slower
    pending: deque = deque()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for url in urls:
            pending.append(pool.submit(one, url))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def read_url_list(path: str | Path) -> list[str]:
    """URLs in a text file, one a line; blank lines and '#' comments skipped."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not a UTF-8 text file of URLs") from None
    urls = []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            check_url(line)
        except Refused as exc:
            raise InputError(f"{path}:{n}", exc.reason) from None
        urls.append(line)
    if not urls:
        raise InputError(str(path), "lists no URLs")
    return urls


# ---------------------------------------------------------------- scheduling
def parse_every(text: str) -> float:
    """'10m' -> 600.0; accepts s, m, h, d suffixes or plain seconds; InputError otherwise."""
    value = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        seconds = float(value[:-1]) * units[value[-1]] if value and value[-1] in units else float(value)
    except ValueError:
        raise InputError("--every", f"{text!r} is not a duration like 90s, 10m, 1h") from None
    if not seconds > 0 or seconds != seconds or seconds == float("inf"):
        raise InputError("--every", f"{text!r} is not a positive duration")
    return seconds


def _at(seconds_from_now: float) -> str:
    return (datetime.now(timezone.utc) + timedelta(seconds=seconds_from_now)).replace(microsecond=0).isoformat()


def is_due(state: SourceState, now: datetime | None = None) -> bool:
    if not state.next_due:
        return True
    now = now or datetime.now(timezone.utc)
    try:
        return datetime.fromisoformat(state.next_due) <= now
    except ValueError:
        return True


def succeeded(state: SourceState, settings: Settings, every: float) -> SourceState:
    return dataclasses.replace(state, last_checked=now_iso(), last_ok=now_iso(), next_due=_at(every), failures=0,
                               last_error=None, health="ok")


def failed(state: SourceState, settings: Settings, every: float, reason: str,
           retry_after: float | None = None) -> SourceState:
    """The state after a failed poll: exponential backoff (or the server's Retry-After), health by count."""
    failures = state.failures + 1
    wait = min(every * 2 ** failures, settings.watch_max_backoff)
    if retry_after is not None:
        wait = max(wait, retry_after)
    health = "unhealthy" if failures >= settings.watch_unhealthy_after else "failing"
    return dataclasses.replace(state, last_checked=now_iso(), next_due=_at(wait), failures=failures,
                               last_error=reason, health=health)


# ---------------------------------------------------------------- one source
Emit = Callable[[Fetched | ReadFailure], None]


def poll(fetcher: Fetcher, state: SourceState, settings: Settings | None = None, every: float | None = None,
         emit: Emit | None = None) -> Poll:
    """Poll one source (see the module doc). Never raises for a bad source: its state records the failure.

    With ``emit``, each report (or item failure) is handed over as soon as its page is fetched, so a
    consumer can store it while the next page downloads; the Poll then carries only the state.
    """
    s = settings or fetcher.settings
    every = s.watch_every if every is None else every
    if emit is None:
        got: list[Fetched | ReadFailure] = []
        done = poll(fetcher, state, s, every, got.append)
        return dataclasses.replace(done, reports=tuple(g for g in got if isinstance(g, Fetched)),
                                   failures=tuple(g for g in got if isinstance(g, ReadFailure)))
    try:
        return _poll(fetcher, state, s, every, emit)
    except InputError as exc:
        if state.feed_url and exc.reason.startswith(("HTTP 404", "HTTP 410")):
            state = dataclasses.replace(state, feed_url=None)  # the home page may point to a new feed: look again
        return Poll(failed(state, s, every, exc.reason, getattr(exc, "retry_after", None)), error=exc.reason)
    except Exception as exc:  # a bug on one source must not sink the round
        reason = f"unexpected error: {type(exc).__name__}: {str(exc).strip()[:150]}"
        return Poll(failed(state, s, every, reason), error=reason)


def _poll(fetcher: Fetcher, state: SourceState, s: Settings, every: float, emit: Emit) -> Poll:
    target = state.feed_url or state.url
    if state.kind in ("unknown", "page") and not state.feed_url:
        response = fetcher.get(state.url, accept=SOURCE_ACCEPT)
    else:
        response = fetcher.get(target, etag=state.etag, last_modified=state.last_modified,
                               accept=SOURCE_ACCEPT if state.kind == "sitemap" else FEED_ACCEPT)
    if response.not_modified:
        return Poll(succeeded(state, s, every), not_modified=True)
    kind = response.kind
    if kind == "html":
        if state.kind in ("feed", "sitemap") or state.feed_url:
            raise FetchError(target, f"the {'sitemap' if state.kind == 'sitemap' else 'feed'} now answers with an "
                                     "HTML page")
        links = discover.feed_links(response.body.decode(response.charset or "utf-8", "replace"), response.url)
        if not links:
            raise FetchError(state.url, "a web page without a feed link (<link rel=\"alternate\" type=\"application/rss+xml\">)")
        state = dataclasses.replace(state, kind="page", feed_url=links[0])
        response = fetcher.get(links[0], accept=FEED_ACCEPT)
        kind = response.kind
        if kind == "html":
            raise FetchError(links[0], "the page's feed link leads to an HTML page, not a feed")
    body = discover.unzip_if_gzip(response.body, s.fetch_max_bytes)
    if body is None:
        raise FetchError(response.url, f"gzip body corrupt or larger than {s.fetch_max_bytes:,} bytes expanded")
    sitemap = discover.parse_sitemap(body, response.url, s.fetch_max_bytes) if kind in ("xml", "gzip") else None
    if sitemap is not None:
        state = dataclasses.replace(state, kind="sitemap")
        items = list(sitemap.items)
        for child in sitemap.children[: s.sitemap_max_children]:
            try:
                sub = fetcher.get(child, accept=SOURCE_ACCEPT)
                sub_body = discover.unzip_if_gzip(sub.body, s.fetch_max_bytes)
                child_map = discover.parse_sitemap(sub_body or b"", sub.url, s.fetch_max_bytes)
            except FetchError:
                continue  # one broken child sitemap does not fail the index
            if child_map is not None:
                items.extend(child_map.items)
        from_feed = False
    else:
        items, why = discover.feed_items(body, response.url)
        if why:
            raise FetchError(response.url, why)
        if state.kind == "unknown":
            state = dataclasses.replace(state, kind="feed")
        from_feed = True
    return _take(fetcher, state, s, every, items, response, from_feed, emit)


def _take(fetcher: Fetcher, state: SourceState, s: Settings, every: float, items: list[discover.Item],
          response, from_feed: bool, emit: Emit) -> Poll:
    """Reports of the new and changed items (at most ``watch_max_items``) and the source's next state."""
    seen = dict(state.seen)
    todo, unique = [], {}
    for item in items:
        unique.setdefault(item.url, item)
    for item in unique.values():
        if seen.get(item.url) != item.fingerprint:
            todo.append(item)
    left_over = len(todo) > s.watch_max_items  # the rest waits for the next round
    todo = todo[: s.watch_max_items]
    done: dict[str, str] = {}
    for item in todo:
        got: Fetched | None = None
        reason = None
        if s.watch_fetch_pages or not from_feed or item.report is None:
            try:
                got = fetch_page(fetcher, item.url, item.report)
            except InputError as exc:
                reason = exc.reason
        if got is None and from_feed and item.report is not None and (item.report.text or item.report.html):
            got = Fetched(dataclasses.replace(item.report, source=item.url, url=item.url))  # the feed's own text
        if got is not None:
            emit(got)
            done[item.url] = item.fingerprint
        else:
            emit(ReadFailure(item.url, reason or "no text"))
            if not (reason or "").startswith(TRANSIENT):
                done[item.url] = item.fingerprint  # permanent: not tried again until the item changes
    # newest first: this round's items, then what was seen before (removed items age out of the bound)
    merged = dict(done)
    for url, fp in state.seen:
        merged.setdefault(url, fp)
    # every item still listed stays remembered (a big sitemap never churns); older ones up to the bound
    listed = [(u, merged[u]) for u in unique if u in merged]
    older = [(u, fp) for u, fp in merged.items() if u not in unique]
    new_seen = tuple(listed + older[: max(0, s.watch_seen_items - len(listed))])
    retry = left_over or len(done) < len(todo)  # items to take next round must not hide behind a 304
    first = items[0].url if items else state.last_item
    state = dataclasses.replace(
        state, seen=new_seen, last_item=first,
        etag=None if retry else response.etag, last_modified=None if retry else response.last_modified)
    return Poll(succeeded(state, s, every))


def new_state(url: str) -> SourceState:
    return SourceState(url=normalise(check_url(url)))
