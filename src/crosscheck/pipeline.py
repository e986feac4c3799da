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
from .model import Analysis, Document, IngestResult, ReadFailure, Story
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
            group_of = self.store.syndication_of()
            for doc_id, data in self.store.features("fingerprint"):  # ids only: no document is loaded
                index.add(doc_id, codec.loads(Fingerprint, data), group_of.get(doc_id))
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

    def _ingest(self, sources: Iterable[str]) -> IngestResult:
        new: list[str] = []
        dup: list[str] = []
        revised: list[str] = []
        failed: list[ReadFailure] = []
        touched: set[str] = set()
        batch: list[Document] = []
        pending: dict[str, int] = {}  # source -> index in batch

        bad_sources: list[str] = []
        for item, top, last in _with_origin(sources):
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
        lead_vecs = self._embed(docs)
        for doc, analysis in zip(docs, analyses):
            feats = story_features(doc, analysis)
            if doc.id in lead_vecs:
                feats = dataclasses.replace(feats, embedding=lead_vecs[doc.id])
            fp = fingerprint(doc)
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

    def _embed(self, docs: list[Document]) -> dict[str, str]:
        """{doc id: packed title + lead embedding} of a batch, in one embedder call ({} when embeddings are off)."""
        from .embed import get_embedder, lead_text, pack

        embedder = get_embedder(self.settings.embedder)
        if embedder is None:
            return {}
        self.progress("stage", f"embedding {len(docs)} leads")
        matrix = embedder.embed([lead_text(doc.title, doc.text) for doc in docs])
        return {doc.id: pack(v) for doc, v in zip(docs, matrix)}

    def _claim_vectors_for(self, stories, languages: dict[str, str | None], raw: dict[str, str]) -> None:
        """Claim embeddings, computed the first time a story holds reports in two languages (only there are
        claims compared by meaning; embedding every claim at ingest halved ECB+ throughput) and stored:
        each claim by the sentence(s) carrying it, whose wording two languages' analysers share more than
        their claim texts. One embedder call per run; a revised report's vectors are recomputed."""
        from .embed import get_embedder, pack
        from .model import ClaimVectors

        embedder = get_embedder(self.settings.embedder)
        if embedder is None:
            return
        todo: list[tuple[Document, Analysis]] = []
        for story in stories:
            if story is None or len({(languages.get(d) or "")[:2] for d in story.documents} - {""}) < 2:
                continue
            for d in story.documents:
                old = codec.loads(ClaimVectors, raw[d]) if d in raw else None
                doc = self.store.document(d)
                if doc is not None and (old is None or old.content_hash != doc.content_hash or old.model != embedder.name):
                    todo.append((doc, self.store.analysis(d) or Analysis(document=d)))
        if not todo:
            return
        self.progress("stage", f"embedding the claims of {len(todo)} reports")
        matrix = embedder.embed([doc.text[c.start:c.end] or c.text for doc, a in todo for c in a.claims])
        row = 0
        with self.store.transaction():
            for doc, analysis in todo:
                vecs = tuple((c.key, pack(matrix[row + j])) for j, c in enumerate(analysis.claims))
                row += len(analysis.claims)
                cv = ClaimVectors(document=doc.id, model=embedder.name, vectors=vecs, content_hash=doc.content_hash)
                raw[doc.id] = codec.dumps(cv)
                self.store.put_feature(doc.id, "claim_vectors", raw[doc.id])

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
        raw_vecs = {d: data for d, data in self.store.features("claim_vectors") if d in needed}
        self._claim_vectors_for(stories.values(), {d: codec.loads(StoryFeatures, x).language
                                                   for d, x in raw_feats.items()}, raw_vecs)
        for sid in sorted(dirty):
            story = stories[sid]
            with self.store.transaction():
                if story is not None:
                    docs = {d: self.store.document(d) for d in story.documents}
                    analyses = {d: self.store.analysis(d) or Analysis(document=d) for d in story.documents}
                    feats = {d: codec.loads(StoryFeatures, raw_feats[d]) for d in story.documents if d in raw_feats}
                    story = describe(story, docs, feats)
                    findings = corroborate(story, docs, analyses, {d: synd.get(d) for d in story.documents},
                                           entity_ids, self.settings, _claim_vectors(story.documents, raw_vecs))
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
        self.corroborate_dirty()
        return result


def _claim_vectors(documents: Iterable[str], raw: dict[str, str]) -> dict[str, str]:
    """{"<doc id>:<claim key>": packed vector} of the given reports' stored claim embeddings."""
    from .model import ClaimVectors

    out: dict[str, str] = {}
    for d in documents:
        if d in raw:
            for key, vec in codec.loads(ClaimVectors, raw[d]).vectors:
                out[f"{d}:{key}"] = vec
    return out


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

