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
from collections.abc import Callable, Iterable, Iterator, Sequence
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
        self._dropped: set[str] = set()  # reports that failed after cleaning in this run (a revision keeps its old text)
        self._unstored: set[str] = set()  # ... of them, the new ones: in no store table, so kept out of groups
        self._new_ids: set[str] = set()
        self._late: list[ReadFailure] = []  # failures after the batches (re-optimisation, linking, corroboration)
        self._notes: list[tuple[str, str]] = []  # (source, note): limits met by stored reports (text cut, date refused)

    # -- indexes, kept in the store: a run reads the postings of its reports' keys, not every feature ----
    def _story_index(self):
        if self._stories is None:
            from .indexes import StoreStoryLookup
            from .stories import StoryIndex

            self._ensure_indexes()
            self._stories = StoryIndex(self.settings, StoreStoryLookup(self.store))
        return self._stories

    def _synd_index(self):
        if self._synd is None:
            from .indexes import StoreSyndicationLookup
            from .syndication import SyndicationIndex

            self._ensure_indexes()
            self._synd = SyndicationIndex(self.settings, StoreSyndicationLookup(self.store))
        return self._synd

    def _ensure_indexes(self) -> None:
        """Fill the candidate indexes from the stored features when migration 7 or a recluster asked for it
        (or another loader wrote reports without them)."""
        if self.store.indexes_stale():
            from .indexes import rebuild

            rebuild(self.store, self.settings, self.progress)

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
            self._dropped, self._unstored, self._new_ids, self._late, self._notes = set(), set(), set(), [], []
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
        # one batch in flight: its analysis runs in the workers while this process reads and cleans the next
        # batch, and is written once the next is submitted (so the workers always have a batch to work on)
        flight = None
        flight_keys: set[str] = set()

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
                failed.append(ReadFailure(item.source, _reason("unexpected error while cleaning", exc)))
                self.progress("failed", item.source)
                continue
            key = doc.identity or f"content:{doc.content_hash}"
            if key in pending:  # same identity twice in one batch: the later text wins
                prev = batch[pending[key]]
                if prev.content_hash == doc.content_hash:
                    dup.append(doc.id)
                    self.progress("duplicate", doc.source)
                    continue
                batch[pending[key]] = dataclasses.replace(doc, id=prev.id, revision=prev.revision + 1)
                revised.append(doc.id)
                self.progress("revised", doc.source)
                continue
            if key in flight_keys:  # the batch in flight holds it: written first, so the store answers below
                touched |= self._write_batch(flight, failed)
                flight, flight_keys = None, set()
            # only a url or an id makes a revision (CONTRACT); other reports are known by their content
            state = (self.store.document_state(doc.identity) if doc.identity
                     else self.store.document_state_by_content(doc.content_hash))
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
                self._new_ids.add(doc.id)
                self.progress("new", doc.source)
            pending[key] = len(batch)
            batch.append(doc)
            if len(batch) >= self.settings.batch_size:
                started = self._start_batch(batch)
                if flight is not None:
                    touched |= self._write_batch(flight, failed)
                flight, flight_keys = started, set(pending)
                batch, pending = [], {}
        started = self._start_batch(batch) if batch else None
        if flight is not None:
            touched |= self._write_batch(flight, failed)
        if started is not None:
            touched |= self._write_batch(started, failed)
        new = [d for d in new if d not in self._dropped]
        revised = [d for d in revised if d not in self._dropped]
        if new or revised or self.store.dirty_stories():
            touched |= self._finish()
        failed += self._late
        return IngestResult(new=tuple(new), duplicate=tuple(dup), revised=tuple(revised), failed=tuple(failed),
                            stories_changed=tuple(sorted(touched)),
                            extra={"unusable_sources": bad_sources, "notes": list(self._notes)})

    def _start_batch(self, docs: list[Document]):
        """Submit a batch's per-report work (analysis, story features, fingerprints: in worker processes
        when the batch is worth it) and, meanwhile, embed its leads here (of every report: the same call
        whatever fails, so results do not depend on the workers). ``_write_batch`` finishes it."""
        from . import workers

        self.progress("stage", f"analysing {len(docs)} reports")
        # every stage after cleaning reads at most analysis_max_chars of a report (stored whole): one huge
        # report costs bounded time and memory, so its batch neighbours land (issue 11)
        work = [self._capped(d) for d in docs]
        job = workers.start(work, self.settings)
        return docs, job, self._embed(work)

    def _write_batch(self, started, failed: list[ReadFailure]) -> set[str]:
        """Group and store one started batch; a report that breaks a stage fails alone (ReadFailure)."""
        docs, job, lead_vecs = started
        failures: list[ReadFailure] = []
        try:
            return self._write_prepared(docs, self._analyse(job, failures), lead_vecs, failures)
        finally:
            failed += failures

    def _write_prepared(self, docs: list[Document], prepared: dict, lead_vecs: dict,
                        failures: list[ReadFailure]) -> set[str]:
        stories = self._story_index()
        synd = self._synd_index()
        rows = []
        touched: set[str] = set()
        for doc in docs:
            done = prepared.get(doc.id)
            if done is None:
                continue
            analysis, feats, fp = done.analysis, done.features, done.fingerprint
            if doc.id in lead_vecs:
                feats = dataclasses.replace(feats, embedding=lead_vecs[doc.id])
            stage = "syndication"
            try:
                synd.assign(doc, fp)
                stage = "story assignment"
                # a revision stays in its story (the index knows every stored report's story)
                sid = stories.revise(feats) or stories.assign(feats)
            except Exception as exc:  # one report must not sink the batch
                failures.append(self._failure(doc, stage, exc))
                self._drop(doc)
                continue
            self._notes += [(doc.source, note) for note in analysis.notes]
            touched.add(sid)
            rows.append((doc, analysis, feats, fp, sid))
        groups, regrouped = synd.changed_groups()  # only the groups this batch changed are written
        groups = self._live_groups(groups)
        # corroboration reads which of a story's reports are copies of one another: the stories of the reports
        # whose group changed are corroborated again when that changed, not those of every member of a group
        # that grew (a wire story's hundreds of copies)
        touched |= self._regrouped(synd.moved() - self._unstored, touched)
        with self.store.transaction():
            for doc, analysis, feats, fp, sid in rows:
                self.store.put_document(doc, analysis)
                self.store.put_feature(doc.id, "story", codec.dumps(feats))
                self.store.put_feature(doc.id, "fingerprint", codec.dumps(fp))
                self.store.set_story(doc.id, sid)
            self.store.update_syndication(groups, regrouped)
            self.store.put_story_index(stories.changes())
            self.store.put_synd_index(synd.changes())
            self.store.mark_dirty(touched)
        self._batch_claim_vectors(touched)
        return touched

    def _regrouped(self, moved: set[str], touched: set[str]) -> set[str]:
        """The stories of the reports whose syndication group changed (``moved``) whose findings can change:
        corroboration reads a story's reports' groups only as which of them are copies of one another
        (`_copies`), so a story whose stored report joined a group with no other report of that story (an old
        report a new one copies), or moved with all its story's copies in a merge, keeps its findings."""
        synd = self._synd_index()
        of = self._story_index().stories_of(moved)
        todo = set(of.values()) - touched
        if not todo:
            return set()
        members = self.store.story_members(todo)
        before = self.store.syndication_of_documents({d for ds in members.values() for d in ds})
        after = dict(before)
        after.update((d, synd.group_of(d)) for d in moved)
        out = todo - set(members)  # a story without stored reports: as before
        out |= {sid for sid, ds in members.items() if _copies(ds, before) != _copies(ds, after)}
        return out

    def _batch_claim_vectors(self, touched: set[str]) -> None:
        """The claim embeddings of the stories this batch made two reports or more, now rather than at the end
        of the run: with the analysis in worker processes this process would otherwise wait for the next batch
        (the end of the run embeds only what re-optimisation or a later batch changed)."""
        from .embed import get_embedder
        from .model import StoryFeatures

        if get_embedder(self.settings.embedder) is None:
            return
        stories = [st for st in (self.store.story(sid) for sid in sorted(touched)) if st is not None and len(st.documents) > 1]
        needed = {d for st in stories for d in st.documents}
        if not needed:
            return
        languages = {d: codec.loads(StoryFeatures, x).language for d, x in self.store.features_of("story", needed).items()}
        self._claim_vectors_for(stories, languages, self.store.features_of("claim_vectors", needed))

    def _capped(self, doc: Document) -> Document:
        """The document the stages after cleaning see: its text cut at ``analysis_max_chars``, with a note."""
        from .analyze.nlp import head

        text = head(doc.text, self.settings.analysis_max_chars)
        if len(text) == len(doc.text):
            return doc
        note = (f"text analysed up to character {len(text):,} of {len(doc.text):,} (Settings.analysis_max_chars); "
                "the rest is stored but not analysed")
        return dataclasses.replace(doc, text=text, notes=doc.notes + (note,))

    def _analyse(self, job, failures: list[ReadFailure]) -> dict:
        """{document id: workers.Prepared} of a batch's reports that went through analysis, story features and
        fingerprinting (crosscheck.workers: one ``nlp.pipe`` per batch or per worker's chunk; when that raises,
        each report alone). A report that breaks a stage fails alone, named with the stage."""
        out = {}
        for doc, done in zip(job.docs, job.results()):
            if done.stage:
                self.progress("failed", doc.source)
                failures.append(ReadFailure(doc.source, done.reason))
                self._drop(doc)
            else:
                out[doc.id] = done
        return out

    def _drop(self, doc: Document) -> None:
        self._dropped.add(doc.id)
        if doc.id in self._new_ids:
            self._unstored.add(doc.id)

    def _failure(self, doc: Document, stage: str, exc: BaseException) -> ReadFailure:
        self.progress("failed", doc.source)
        return ReadFailure(doc.source, _reason(f"{stage} failed", exc))

    def _live_groups(self, groups: list) -> list:
        """Syndication groups without the reports that failed after joining the index (never stored)."""
        if not self._unstored:
            return groups
        out = []
        for g in groups:
            members = tuple(d for d in g.documents if d not in self._unstored)
            if len(members) > 1:
                origin = g.origin if g.origin in members else members[0]
                out.append(dataclasses.replace(g, documents=members, origin=origin))
        return out

    def _embed(self, docs: list[Document]) -> dict[str, str]:
        """{doc id: packed title + lead embedding} of a batch, in one embedder call ({} when embeddings are off)."""
        from .embed import get_embedder, lead_text, pack

        embedder = get_embedder(self.settings.embedder)
        if embedder is None:
            return {}
        self.progress("stage", f"embedding {len(docs)} leads")
        matrix = embedder.embed([lead_text(doc.title, doc.text) for doc in docs])
        return {doc.id: pack(v) for doc, v in zip(docs, matrix)}

    def _claim_vectors_wanted(self, stories, languages: dict[str, str | None], raw: dict[str, str],
                              model: str) -> Iterator[tuple[Story, Document]]:
        """(story, report) of each report whose claim vectors are missing or stale (another text or model),
        in the stories that want claim vectors (``corroborate.wants_claim_vectors``)."""
        from .corroborate import wants_claim_vectors
        from .model import ClaimVectors

        for story in stories:
            if story is None or not wants_claim_vectors([languages.get(d) for d in story.documents], self.settings):
                continue
            for d in story.documents:
                old = codec.loads(ClaimVectors, raw[d]) if d in raw else None
                doc = self.store.document(d)
                if doc is not None and (old is None or old.content_hash != doc.content_hash or old.model != model):
                    yield story, doc

    def _claim_vectors_for(self, stories, languages: dict[str, str | None], raw: dict[str, str]) -> None:
        """Claim embeddings, computed the first time a story holds two reports (paraphrases are compared by
        meaning, Settings.align_embed_same_language; without it only stories of two languages) and stored:
        each claim by the sentence(s) carrying it, whose wording two languages' analysers share more than
        their claim texts. One embedder call per run; a revised report's vectors are recomputed. Cost on ECB+
        dev: ~6x the title+lead embeddings (README, "Paraphrase alignment")."""
        from .embed import claim_sentence, get_embedder, pack
        from .model import ClaimVectors

        embedder = get_embedder(self.settings.embedder)
        if embedder is None:
            return
        todo = [(doc, self.store.analysis(doc.id) or Analysis(document=doc.id))
                for _, doc in self._claim_vectors_wanted(stories, languages, raw, embedder.name)]
        if not todo:
            return
        self.progress("stage", f"embedding the claims of {len(todo)} reports")
        matrix = embedder.embed([claim_sentence(doc, c) for doc, a in todo for c in a.claims])
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
            try:
                stories.finalize()
            except Exception as exc:  # the incremental grouping stands; the next run or `recluster` re-optimises
                self._late.append(ReadFailure("story re-optimisation", _reason("skipped", exc)))
            touched = self._save_memberships(stories.placed(), stories.changes())
        self.link_entities()
        self.corroborate_dirty()
        return touched

    def _save_memberships(self, assignments: dict[str, str], index_changes=None) -> set[str]:
        """Store the {report: story} that differ from the stored ones (only those reports are read), with
        the story index's changes in the same transaction."""
        current = self.store.stories_of(assignments)
        changes = [(d, sid) for d, sid in assignments.items() if current.get(d) != sid and d not in self._unstored]
        if not changes and index_changes is None:
            return set()
        touched = {sid for _, sid in changes} | {current[d] for d, _ in changes if d in current}
        with self.store.transaction():
            for doc_id, sid in changes:
                self.store.set_story(doc_id, sid)
            if index_changes is not None:
                self.store.put_story_index(index_changes)
            self.store.mark_dirty(touched)
        return touched

    # -- across reports ----------------------------------------------------------------------
    def link_entities(self, full: bool = False) -> None:
        """Link the local entities of the reports added or revised since they were last linked (the store's
        pending marks), with the stored entities they can join (aliases.neighbourhood, through the store's
        alias keys), writing only the rows that change; ``full``: relink the whole store (recluster)."""
        from .analyze.aliases import keys_by_entity, link, neighbourhood

        try:
            if full:
                self.progress("stage", "linking entities across reports (whole store)")
                members, weights = list(self.store.local_entities()), {}
                pending: list[str] = []
            else:
                pending = self.store.entities_pending()
                if not pending:
                    return
                self.progress("stage", f"linking the entities of {len(pending)} reports across reports")
                before = self.store.entity_links(pending)
                members, weights = neighbourhood(self.store.local_entities_of(pending), self.store,
                                                 self.store.alias_keys_of(set(before.values())))
            linking = link(members, weights)
        except Exception as exc:  # keep the links of the last run (and the pending marks); corroboration goes on
            self._late.append(ReadFailure("entity linking", _reason("skipped", exc)))
            return
        links = [(ln.document, ln.key, ln.entity) for ln in linking.links]
        keys = keys_by_entity(linking, members)
        with self.store.transaction():
            if full:
                self.store.replace_entities(list(linking.entities), links, keys)
            else:
                self.store.update_entities(list(linking.entities), links, keys,
                                           [(d, e.key) for d, e in members], pending)

    def corroborate_dirty(self) -> None:
        from . import workers
        from .model import StoryFeatures

        dirty = self.store.dirty_stories()
        if not dirty:
            return
        self.progress("stage", f"corroborating {len(dirty)} stories")
        stories = {sid: self.store.story(sid) for sid in dirty}
        needed = {d for story in stories.values() if story is not None for d in story.documents}
        synd = self.store.syndication_of_documents(needed)  # the dirty stories' reports only, never a whole table
        raw_feats = self.store.features_of("story", needed)
        raw_vecs = self.store.features_of("claim_vectors", needed)
        self._claim_vectors_for(stories.values(), {d: codec.loads(StoryFeatures, x).language
                                                   for d, x in raw_feats.items()}, raw_vecs)
        def inputs(sid: str):  # what corroborating one story reads: its reports only
            story = stories[sid]
            if story is None:
                return None
            docs = {d: self.store.document(d) for d in story.documents}
            analyses = {d: self.store.analysis(d) or Analysis(document=d) for d in story.documents}
            feats = {d: codec.loads(StoryFeatures, raw_feats[d]) for d in story.documents if d in raw_feats}
            entity_ids = self.store.entity_links(story.documents)
            return (story, docs, analyses, feats, {d: synd.get(d) for d in story.documents}, entity_ids,
                    _claim_vectors(story.documents, raw_vecs))

        # in the worker pool when this ingest runs one (a few stories ahead of the one being written)
        for sid, done, failures in workers.corroborate_each(sorted(dirty), inputs, self.settings):
            self._late += failures
            with self.store.transaction():
                if done is not None:
                    self.store.put_story(done[0])
                    self.store.put_findings(done[1])  # also rewrites the story's summary
                elif stories[sid] is None:  # no documents left: its rows go with its dirty mark (a crash keeps both)
                    self.store.refresh_story_summary(sid)
                    self.store.drop_empty_stories([sid])
                else:  # corroboration failed: its reports changed anyway
                    self.store.refresh_story_summary(sid)
                self.store.clear_dirty(sid)
        with self.store.transaction():
            self.store.refresh_entity_stats()  # the entity list's counts, for the entities this run touched

    # -- batch re-optimisation ---------------------------------------------------------------
    def recluster(self) -> Any:
        """Re-optimise all stories in batch; returns the stories stage's ReclusterResult."""
        with self._writer():
            return self._recluster()

    def _recluster(self) -> Any:
        from .indexes import rebuild
        from .model import StoryFeatures
        from .stories import recluster

        with self.store.transaction():  # a crash before the refill below leaves the flag: the next run refills
            self.store.set_index_meta("rebuild", "1")
        feats = [codec.loads(StoryFeatures, data) for _, data in self.store.features("story")]
        current = self.store.story_of()
        result = recluster(feats, current, self.settings)
        self._save_memberships({a.document: a.story for a in result.assignments})
        self._resyndicate()
        rebuild(self.store, self.settings, self.progress)
        self._stories = self._synd = None
        self.link_entities(full=True)  # the explicit whole-store pass: entities and alias keys rebuilt too
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


def _reason(what: str, exc: BaseException) -> str:
    """One line: what failed, the exception's type and the first line of its message."""
    from .errors import one_line

    return one_line(what, exc)


def _copies(documents: Iterable[str], group_of: dict[str, str | None]) -> frozenset[frozenset[str]]:
    """The reports of one story that are copies of one another: the sets of two or more of them in one
    syndication group (what corroboration reads of the groups: independent sources, wire versions)."""
    groups: dict[str, set[str]] = {}
    for d in documents:
        g = group_of.get(d)
        if g:
            groups.setdefault(g, set()).add(d)
    return frozenset(frozenset(m) for m in groups.values() if len(m) >= 2)


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
