"""The pipeline for live sources: fetch pages, watch feeds and sitemaps (crosscheck.fetch) and ingest what
they bring through ``Pipeline.ingest_reports``; how each page came in and each source's state are stored
after its reports. Like pipeline.py, the only other place that reads/writes the store for a stage."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from .config import Settings
from .model import IngestResult, RawReport, ReadFailure
from .pipeline import Pipeline, Progress, _noop
from .store.base import Store

def fetch_urls(urls: Sequence[str], store: Store, settings: Settings | None = None, progress: Progress | None = None,
               fetcher: Any = None) -> IngestResult:
    """Download each page (politely, SSRF-safe), ingest it under its canonical URL, record how it came in."""
    from .fetch.fetcher import Fetcher
    from .fetch.watch import fetch_pages

    s = settings or Settings()
    own = fetcher is None
    fetcher = fetcher or Fetcher(s)
    records: dict[str, Any] = {}

    def reports() -> Iterable[RawReport | ReadFailure]:
        for got in fetch_pages(fetcher, list(urls), s.fetch_workers):
            if isinstance(got, ReadFailure):
                yield got
                continue
            if got.record is not None:
                records[got.report.source] = got.record
            yield got.report

    try:
        result = Pipeline(store, s, progress).ingest_reports(reports())
    finally:
        if own:
            fetcher.close()
    _save_fetch_records(store, records.values())
    return result


def _save_fetch_records(store: Store, records: Iterable[Any]) -> None:
    with store.transaction():
        for rec in records:
            if store.document_state(rec.source) is not None:
                store.put_fetch(rec)


class _Stopped(BaseException):
    """Raised in a watch worker when the round's consumer has stopped (not an Exception: never swallowed)."""


@dataclasses.dataclass(frozen=True)
class WatchRound:
    """One round of ``crosscheck watch``: the ingest, and each polled source's state after it."""

    result: IngestResult
    sources: tuple[Any, ...] = ()  # SourceState of every source polled this round
    skipped: int = 0  # sources not due yet


def watch_round(urls: Sequence[str], store: Store, settings: Settings | None = None, progress: Progress | None = None,
                fetcher: Any = None, every: float | None = None, only_due: bool = True) -> WatchRound:
    """Poll the sources (the due ones, unless ``only_due`` is False), ingest their new and changed items,
    then save each source's state: a crash before that re-polls, and stored reports come back as duplicates."""
    from concurrent.futures import ThreadPoolExecutor

    from .clean import document_id
    from .fetch.fetcher import Fetcher
    from .fetch.urls import normalise
    from .fetch.watch import is_due, new_state, poll

    s = settings or Settings()
    progress = progress or _noop
    own = fetcher is None
    fetcher = fetcher or Fetcher(s)
    states = []
    for url in dict.fromkeys(urls):
        known = store.source(normalise(url))
        states.append(known if known is not None else new_state(url))
    todo = [st for st in states if not only_due or is_due(st)]
    polls: list[Any] = [None] * len(todo)
    records: dict[str, Any] = {}
    origin: dict[str, int] = {}  # document id -> index of the source it came from

    def reports() -> Iterable[RawReport | ReadFailure]:
        """Reports as the sources' workers fetch them; a bounded queue keeps few pages in memory at once."""
        import queue
        import threading

        q: queue.Queue = queue.Queue(maxsize=max(4, 2 * s.fetch_workers))
        stop = threading.Event()

        def put(item: tuple) -> None:
            while not stop.is_set():
                try:
                    q.put(item, timeout=0.2)
                    return
                except queue.Full:
                    continue
            raise _Stopped()

        def run(i: int, st: Any) -> None:
            try:
                p = poll(fetcher, st, s, every, emit=lambda got: put((i, got)))
                put((i, p))
            except _Stopped:
                pass

        pool = ThreadPoolExecutor(max_workers=max(1, s.fetch_workers))
        try:
            for i, st in enumerate(todo):
                pool.submit(run, i, st)
            finished = 0
            while finished < len(todo):
                i, got = q.get()
                if isinstance(got, ReadFailure):
                    yield got
                elif hasattr(got, "report"):  # a Fetched page
                    origin[document_id(got.report.source)] = i
                    if got.record is not None:
                        records[got.report.source] = got.record
                    yield got.report
                else:  # the source's Poll: it is done
                    polls[i] = got
                    finished += 1
                    what = got.error or ("not modified" if got.not_modified else "polled")
                    progress("stage", f"{got.state.url}: {what}")
        finally:
            stop.set()  # the consumer stopped (done or failed): workers give up instead of blocking
            pool.shutdown(wait=True, cancel_futures=True)

    stream = reports()
    try:
        result = Pipeline(store, s, progress).ingest_reports(stream)
    finally:
        stream.close()  # stops and joins the workers now, even when the ingest failed
        if own:
            fetcher.close()
    gained = [0] * len(polls)
    for doc_id in (*result.new, *result.revised):
        if doc_id in origin:
            gained[origin[doc_id]] += 1
    saved = []
    with store.transaction():
        for p, n in zip(polls, gained):
            if p is None:
                continue
            state = dataclasses.replace(p.state, items_ingested=p.state.items_ingested + n)
            store.put_source(state)
            saved.append(state)
        for rec in records.values():
            if store.document_state(rec.source) is not None:
                store.put_fetch(rec)
    return WatchRound(result=result, sources=tuple(saved), skipped=len(states) - len(todo))
