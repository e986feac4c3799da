"""The only place that runs the stages in order and reads/writes the store.

ingest(sources):
  1. readers stream RawReports (bad inputs become ReadFailures, the rest goes on);
  2. clean -> Document; a source already stored with the same content is a duplicate,
     with changed content a revision (newest text kept, old hash recorded);
  3. per batch: analyze (one nlp.pipe), story features and syndication fingerprints,
     incremental story assignment and syndication, then ONE transaction writes the
     documents, analyses, features, memberships and marks the touched stories dirty;
  4. end of run: story re-optimisation of the touched neighbourhood, entity linking
     across reports, then corroboration of every dirty story (a crash anywhere leaves
     dirty marks, so the next run finishes the work).
"""
from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from . import clean as clean_stage
from .config import Settings
from .errors import InputError
from .model import Analysis, Document, IngestResult, RawReport, ReadFailure, Story
from .readers import read_sources
from .store import codec
from .store.base import Store

Progress = Callable[[str, str], None]  # (event, source): event in new|duplicate|revised|failed|stage


def _noop(event: str, source: str) -> None:
    pass


class Pipeline:
    """Moves data between the stages and the store."""

    def __init__(self, store: Store, settings: Settings | None = None, progress: Progress | None = None):
        self.store = store
        self.settings = settings or Settings()
        self.progress = progress or _noop
        self._stories = None
        self._synd = None

    # -- indexes, rebuilt from stored features once per run ----------------------------------
    def _story_index(self):
        if self._stories is None:
            from .model import StoryFeatures
            from .stories import StoryIndex

            index = StoryIndex(self.settings)
            story_of = self.store.story_of()
            for doc_id, data in self.store.features("story"):
                if doc_id in story_of:
                    index.add(codec.loads(StoryFeatures, data), story_of[doc_id])
            self._stories = index
        return self._stories

    def _synd_index(self):
        if self._synd is None:
            from .model import Fingerprint
            from .syndication import SyndicationIndex

            index = SyndicationIndex(self.settings)
            group_of, member_of = {}, {}
            for g in self.store.syndication_groups():
                group_of.update((d, g.id) for d in g.documents)
                member_of.update((m.document, m) for m in g.members)
            for doc_id, data in self.store.features("fingerprint"):  # ids only: no document is loaded
                index.add(doc_id, codec.loads(Fingerprint, data), group_of.get(doc_id), member_of.get(doc_id))
            self._synd = index
        return self._synd

    # -- ingest ------------------------------------------------------------------------------
    def _writer(self):
        """The store's whole-run writer lock (another ingest into the same store waits), if it has one."""
        lock = getattr(self.store, "writer_lock", None)
        if lock is None:
            return contextlib.nullcontext()
        return lock(on_wait=lambda msg: self.progress("stage", msg))

    def ingest(self, sources: Iterable[str]) -> IngestResult:
        with self._writer():
            self._stories = self._synd = None  # indexes are read under the lock: never stale
            return self._ingest(sources)

    def ingest_reports(self, reports: Iterable[RawReport | ReadFailure]) -> IngestResult:
        """Ingest reports a caller already has (fetched pages, feed items) like ``ingest`` ingests files."""
        with self._writer():
            self._stories = self._synd = None
            return self._ingest((), items=((r, "<reports>", False) for r in reports))

    def _ingest(self, sources: Iterable[str], items: Iterable | None = None) -> IngestResult:
        new: list[str] = []
        dup: list[str] = []
        revised: list[str] = []
        failed: list[ReadFailure] = []
        touched: set[str] = set()
        batch: list[Document] = []
        pending: dict[str, int] = {}  # source -> index in batch

        bad_sources: list[str] = []
        for item, top, last in (_with_origin(sources) if items is None else items):
            if item is None:  # ``top`` ended: did anything at all come out of it?
                if last:
                    bad_sources.append(top)
                continue
            if isinstance(item, ReadFailure):
                failed.append(item)
                self.progress("failed", item.source)
                continue
            try:
                doc = clean_stage.clean(item, self.settings)
            except InputError as exc:
                failed.append(ReadFailure(exc.source, exc.reason))
                self.progress("failed", exc.source)
                continue
            except Exception as exc:  # a bug on one report must not sink the batch
                failed.append(ReadFailure(item.source, f"unexpected error while cleaning: {type(exc).__name__}: {exc}"))
                self.progress("failed", item.source)
                continue
            if doc.source in pending:  # same source twice in one batch: the later text wins
                prev = batch[pending[doc.source]]
                if prev.content_hash == doc.content_hash:
                    dup.append(doc.id)
                    self.progress("duplicate", doc.source)
                    continue
                batch[pending[doc.source]] = dataclasses.replace(doc, id=prev.id, revision=prev.revision + 1)
                revised.append(doc.id)
                self.progress("revised", doc.source)
                continue
            state = self.store.document_state(doc.source)
            if state is not None and state.content_hash == doc.content_hash:
                dup.append(state.id)
                self.progress("duplicate", doc.source)
                continue
            if state is not None:
                doc = dataclasses.replace(doc, id=state.id, revision=state.revision + 1)
                revised.append(doc.id)
                self.progress("revised", doc.source)
            else:
                new.append(doc.id)
                self.progress("new", doc.source)
            pending[doc.source] = len(batch)
            batch.append(doc)
            if len(batch) >= self.settings.batch_size:
                touched |= self._write_batch(batch)
                batch, pending = [], {}
        if batch:
            touched |= self._write_batch(batch)
        if new or revised or self.store.dirty_stories():
            touched |= self._finish()
        return IngestResult(new=tuple(new), duplicate=tuple(dup), revised=tuple(revised), failed=tuple(failed),
                            stories_changed=tuple(sorted(touched)), extra={"unusable_sources": bad_sources})

    def _write_batch(self, docs: list[Document]) -> set[str]:
        from .analyze import analyze
        from .stories import story_features
        from .syndication import fingerprint

        self.progress("stage", f"analysing {len(docs)} reports")
        analyses = analyze(docs, self.settings)
        stories = self._story_index()
        synd = self._synd_index()
        rows = []
        touched: set[str] = set()
        for doc, analysis in zip(docs, analyses):
            feats = story_features(doc, analysis)
            fp = fingerprint(doc, self.settings)
            # a revision stays in its story (the index knows every stored report's story)
            sid = stories.story_of(doc.id) or stories.assign(feats)
            synd.assign(doc, fp)
            touched.add(sid)
            rows.append((doc, analysis, feats, fp, sid))
        groups = synd.groups()
        batch_ids = {doc.id for doc in docs}
        for g in groups:
            if batch_ids & set(g.documents):
                touched |= {sid for sid in map(stories.story_of, g.documents) if sid}
        with self.store.transaction():
            for doc, analysis, feats, fp, sid in rows:
                self.store.put_document(doc, analysis)
                self.store.put_feature(doc.id, "story", codec.dumps(feats))
                self.store.put_feature(doc.id, "fingerprint", codec.dumps(fp))
                self.store.set_story(doc.id, sid)
            self.store.set_syndication(groups)
            self.store.mark_dirty(touched)
        return touched

    def _finish(self) -> set[str]:
        touched: set[str] = set()
        stories = self._story_index()
        if hasattr(stories, "finalize"):
            self.progress("stage", "re-optimising the stories touched")
            stories.finalize()
            touched = self._save_memberships({s.id: s for s in stories.stories()})
        self.link_entities()
        self.corroborate_dirty()
        return touched

    def _save_memberships(self, stories: dict[str, Story]) -> set[str]:
        current = self.store.story_of()
        changes = [(d, sid) for sid, s in stories.items() for d in s.documents if current.get(d) != sid]
        if not changes:
            return set()
        touched = {sid for _, sid in changes} | {current[d] for d, _ in changes if d in current}
        with self.store.transaction():
            for doc_id, sid in changes:
                self.store.set_story(doc_id, sid)
            self.store.mark_dirty(touched)
        return touched

    # -- across reports ----------------------------------------------------------------------
    def link_entities(self) -> None:
        from .analyze.aliases import link

        self.progress("stage", "linking entities across reports")
        linking = link(list(self.store.local_entities()))
        links = [(ln.document, ln.key, ln.entity) for ln in linking.links]
        with self.store.transaction():
            self.store.replace_entities(list(linking.entities), links)

    def corroborate_dirty(self) -> None:
        from .corroborate import corroborate
        from .stories import describe

        dirty = self.store.dirty_stories()
        if not dirty:
            return
        self.progress("stage", f"corroborating {len(dirty)} stories")
        entity_ids = self.store.entity_links()
        synd = self.store.syndication_of()
        from .model import StoryFeatures

        stories = {sid: self.store.story(sid) for sid in dirty}
        needed = {d for story in stories.values() if story is not None for d in story.documents}
        raw_feats = {d: data for d, data in self.store.features("story") if d in needed}  # not the whole store's
        for sid in sorted(dirty):
            story = stories[sid]
            with self.store.transaction():
                if story is not None:
                    docs = {d: self.store.document(d) for d in story.documents}
                    analyses = {d: self.store.analysis(d) or Analysis(document=d) for d in story.documents}
                    feats = {d: codec.loads(StoryFeatures, raw_feats[d]) for d in story.documents if d in raw_feats}
                    story = describe(story, docs, feats)
                    findings = corroborate(story, docs, analyses, {d: synd.get(d) for d in story.documents},
                                           entity_ids, self.settings)
                    self.store.put_story(story)
                    self.store.put_findings(findings)
                self.store.clear_dirty(sid)
        with self.store.transaction():
            self.store.drop_empty_stories()

    # -- batch re-optimisation ---------------------------------------------------------------
    def recluster(self) -> Any:
        """Re-optimise all stories in batch; returns the stories stage's ReclusterResult."""
        with self._writer():
            return self._recluster()

    def _recluster(self) -> Any:
        from .model import StoryFeatures
        from .stories import recluster

        feats = [codec.loads(StoryFeatures, data) for _, data in self.store.features("story")]
        current = self.store.story_of()
        result = recluster(feats, current, self.settings)
        new_of = {a.document: a.story for a in result.assignments}
        by_story: dict[str, list[str]] = {}
        for d, s in new_of.items():
            by_story.setdefault(s, []).append(d)
        self._save_memberships({s: Story(id=s, documents=tuple(ds)) for s, ds in by_story.items()})
        self._resyndicate()
        self.corroborate_dirty()
        return result

    def _resyndicate(self) -> None:
        """Syndication groups rebuilt in batch, by the same index as ingest, reports in publication order
        (fingerprints from before sentence evidence are recomputed from the stored text)."""
        from .model import Fingerprint
        from .syndication import FINGERPRINT_VERSION, SyndicationIndex, fingerprint

        self.progress("stage", "regrouping syndicated copies")
        fps = []
        stale = []
        for doc_id, data in self.store.features("fingerprint"):
            fp = codec.loads(Fingerprint, data)
            if fp.version < FINGERPRINT_VERSION:
                doc = self.store.document(doc_id)
                if doc is None:
                    continue
                fp = fingerprint(doc, self.settings)
                stale.append(fp)
            fps.append(fp)
        index = SyndicationIndex(self.settings)
        for fp in sorted(fps, key=lambda f: (f.published or "9999", f.document)):
            index.assign(fp.document, fp)
        groups = index.groups()
        before = self.store.syndication_of()
        after = {d: g.id for g in groups for d in g.documents}
        changed = {d for d in set(before) | set(after) if before.get(d) != after.get(d)}
        story_of = self.store.story_of()
        with self.store.transaction():
            for fp in stale:
                self.store.put_feature(fp.document, "fingerprint", codec.dumps(fp))
            self.store.set_syndication(groups)
            self.store.mark_dirty({story_of[d] for d in changed if d in story_of})
        self._synd = None


def _with_origin(sources: Iterable[str]):
    """Items of each top-level source, then ``(None, source, only_failures)`` when it is done."""
    for top in sources:
        only_failures = True
        for item in read_sources([top]):
            if not isinstance(item, ReadFailure):
                only_failures = False
            yield item, top, False
        yield None, top, only_failures


def ingest(sources: Sequence[str], store: Store, settings: Settings | None = None,
           progress: Progress | None = None) -> IngestResult:
    """Ingest ``sources`` into ``store`` and run the whole analysis."""
    return Pipeline(store, settings, progress).ingest(sources)



# -- live sources: fetch pages, watch feeds and sitemaps (crosscheck.fetch) ----------------------------
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
