"""StoryIndex: incremental assignment of reports to stories, with a candidate index, and a local
re-clustering of the neighbourhood an ingest run touched (``finalize``).

In memory (``add`` loads stored assignments) or over a ``StoryLookup`` (the store): then only the
document frequencies and postings of the keys a run's reports carry, the stories those postings point
to and the reports of the neighbourhood ``finalize`` re-clusters are read, and ``changes()`` hands the
pipeline what to write back."""
from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from datetime import date
from typing import Iterable

import numpy as np

from crosscheck.config import Settings
from crosscheck.embed import unpack
from crosscheck.model import (ReclusterResult, Story, StoryAggregate, StoryAssignment, StoryFeatures,
                              StoryIndexChanges)
from crosscheck.stories.cluster import cluster, name_clusters, story_id
from crosscheck.stories.lookup import StoryLookup
from crosscheck.stories.vectors import Vocabulary, date_factor, dates_back, day_number, far_factor, feature_keys, vector

_INDEXED_KEYS = 20  # rarest features of each report entered in the candidate index
_CENTROID_KEEP = 400  # heaviest features kept in a story centroid (bounded cost per comparison)


class _Story:
    __slots__ = ("id", "docs", "extra", "count", "centroid", "first", "last", "langs", "emb", "seq")

    def __init__(self, sid: str, seq: int = 0) -> None:
        self.id = sid
        self.docs: list[str] | None = []  # None: the stored reports are not loaded (``extra``: placed since)
        self.extra: list[str] = []
        self.count = 0
        self.centroid: dict[str, float] = {}
        self.first: int | None = None
        self.last: int | None = None
        self.langs: set[str] = set()
        self.emb: np.ndarray | None = None  # sum of the reports' lead embeddings
        self.seq = seq

    @classmethod
    def load(cls, agg: StoryAggregate) -> "_Story":
        st = cls(agg.story, agg.seq)
        st.docs = None
        st.count = agg.count
        st.centroid = dict(agg.centroid)
        st.first, st.last = agg.first, agg.last
        st.langs = set(agg.languages)
        if agg.embedding is not None:
            st.emb = np.frombuffer(agg.embedding, dtype=np.float32).copy()
        return st

    def aggregate(self) -> StoryAggregate:
        return StoryAggregate(story=self.id, count=self.count, centroid=tuple(self.centroid.items()),
                              first=self.first, last=self.last, languages=tuple(sorted(self.langs)),
                              embedding=None if self.emb is None else self.emb.astype(np.float32).tobytes(),
                              seq=self.seq)


class _Embeddings:
    """One row per story: its normalised lead embedding sum, for finding the stories a report in another
    language may belong to (its words cannot find them)."""

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        self.ids: list[str | None] = []
        self.mat: np.ndarray | None = None

    def set(self, sid: str, total: np.ndarray) -> None:
        if self.mat is not None and total.shape[0] != self.mat.shape[1]:
            return  # another model's vector: not comparable
        if self.mat is None:
            self.mat = np.zeros((64, total.shape[0]), dtype=np.float32)
        row = self.rows.get(sid)
        if row is None:
            row = self.rows[sid] = len(self.ids)
            self.ids.append(sid)
            if row >= self.mat.shape[0]:
                self.mat = np.vstack([self.mat, np.zeros_like(self.mat)])
        self.mat[row] = total / (np.linalg.norm(total) or 1.0)

    def fill(self, rows: list[tuple[str, np.ndarray]]) -> None:
        """Rows of an empty table at once (one normalisation for all: the recent stories read per run)."""
        rows = list(dict(rows).items())  # a later row of an id replaces an earlier one
        if self.ids or not rows:
            for sid, vec in rows:
                self.set(sid, vec)
            return
        dim = rows[0][1].shape[0]
        rows = [(sid, vec) for sid, vec in rows if vec.shape[0] == dim]
        stacked = np.stack([vec for _, vec in rows])
        norms = np.linalg.norm(stacked, axis=1, keepdims=True)
        mat = np.zeros((max(64, 2 * len(rows)), dim), dtype=np.float32)
        mat[:len(rows)] = stacked / np.where(norms == 0, 1.0, norms)
        self.mat, self.ids = mat, [sid for sid, _ in rows]
        self.rows = {sid: i for i, sid in enumerate(self.ids)}

    def drop(self, sid: str) -> None:
        row = self.rows.pop(sid, None)
        if row is not None and self.mat is not None:
            self.mat[row] = 0.0
            self.ids[row] = None

    def nearest(self, vec: np.ndarray, floor: float, recent: int, k: int = 5) -> list[str]:
        """Up to k stories among the ``recent`` newest whose lead centroid has cosine >= floor with ``vec``
        (bounded cost per report: a 100k-story store is not scanned; older stories are found by words)."""
        if self.mat is None or vec.shape[0] != self.mat.shape[1] or not self.ids:
            return []
        start = max(0, len(self.ids) - recent)
        scores = self.mat[start: len(self.ids)] @ vec
        top = np.argsort(-scores)[:k]
        return [self.ids[start + i] for i in top if scores[i] >= floor and self.ids[start + i] is not None]


class _Taken:
    """``sid in taken``: a story id in use, in memory or in the store (a fresh id must not collide)."""

    def __init__(self, index: "StoryIndex") -> None:
        self.index = index

    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and self.index._exists(sid)


class StoryIndex:
    """Reports grouped into stories; a new report joins the best candidate story or opens one."""

    def __init__(self, settings: Settings | None = None, lookup: StoryLookup | None = None) -> None:
        self.settings = settings or Settings()
        self.vocab = Vocabulary()
        self._features: dict[str, StoryFeatures] = {}
        self._story_of: dict[str, str] = {}
        self._stories: dict[str, _Story] = {}
        self._postings: dict[str, list[str]] = defaultdict(list)
        self._changed: set[str] = set()
        self._new: list[str] = []  # documents assigned since load, in order
        self._links: dict[str, set[str]] = defaultdict(set)  # story -> near stories seen in this run
        self._emb = _Embeddings()
        self._placed: set[str] = set()  # documents (re)placed since load: their memberships to write
        # over a lookup: what was read, and what changed since the last ``changes()``
        self._lookup = lookup
        self._known: set[str] = set()  # keys whose document frequency is loaded
        self._posted: set[str] = set()  # keys whose postings are loaded
        self._missing: set[str] = set()  # story ids the lookup does not have
        self._retired: set[str] = set()
        self._dirty_df: set[str] = set()
        self._dirty_post: set[str] = set()
        self._dirty_stories: set[str] = set()
        self._recent_loaded = lookup is None
        if lookup is not None:
            self.vocab.n = lookup.reports()

    # --- reading through the lookup ------------------------------------------------------------
    def _need(self, keys: Iterable[str], postings: bool = True) -> None:
        """Document frequencies of these keys in memory, and their postings unless ``postings`` is false (a
        re-clustering needs only the postings of the keys it indexes: ``_need_postings``)."""
        if self._lookup is None:
            return
        keys = set(keys)
        todo = sorted(k for k in keys if k not in self._known)
        if todo:
            df = self._lookup.df(todo)
            for k in todo:
                self.vocab.df[k] = df.get(k, 0)
            self._known.update(todo)
        if postings:
            self._need_postings(keys)

    def _need_postings(self, keys: Iterable[str]) -> None:
        if self._lookup is None:
            return
        todo = sorted({k for k in keys if k not in self._posted})
        if not todo:
            return
        posts = self._lookup.postings(todo)
        for k in todo:
            if k in posts:
                self._postings[k] = list(posts[k])
        self._posted.update(todo)

    def _load(self, sids: Iterable[str]) -> None:
        """Aggregates of these stories in memory (ids the lookup lacks are remembered as missing)."""
        if self._lookup is None:
            return
        todo = [s for s in dict.fromkeys(sids) if s not in self._stories and s not in self._missing
                and s not in self._retired]
        if not todo:
            return
        found = self._lookup.aggregates(todo)
        for sid in todo:
            agg = found.get(sid)
            if agg is None:
                self._missing.add(sid)
                continue
            self._stories[sid] = _Story.load(agg)
            if agg.embedding is not None and sid in self._emb.rows:
                self._emb.set(sid, self._stories[sid].emb)

    def _exists(self, sid: str) -> bool:
        if sid in self._stories:
            return True
        self._load([sid])
        return sid in self._stories

    def _docs(self, sid: str) -> list[str]:
        """Every report of a story (stored ones read once)."""
        story = self._stories[sid]
        if story.docs is None:
            stored = (self._lookup.members([sid]) if self._lookup is not None else {}).get(sid, [])
            known = [d for d in stored if self._story_of.setdefault(d, sid) == sid]
            have = set(known)
            story.docs = known + [d for d in story.extra if d not in have]
            story.extra = []
        return story.docs

    def _need_features(self, docs: Iterable[str]) -> None:
        if self._lookup is None:
            return
        todo = [d for d in docs if d not in self._features]
        if todo:
            self._features.update(self._lookup.features(todo))

    def _recent(self) -> None:
        """The newest stories' lead embeddings, read once per run (``story_embed_recent`` rows at most)."""
        if self._recent_loaded:
            return
        self._recent_loaded = True
        fresh = _Embeddings()
        rows = []
        for sid, vec in self._lookup.recent_embeddings(self.settings.story_embed_recent):
            if sid in self._retired:
                continue
            st = self._stories.get(sid)
            rows.append((sid, st.emb if st is not None and st.emb is not None else vec))
        fresh.fill(rows)
        for sid in self._emb.ids:  # stories this run formed are the newest
            st = self._stories.get(sid) if sid is not None else None
            if st is not None and st.emb is not None:
                fresh.set(sid, st.emb)
        self._emb = fresh

    # --- loading and assigning --------------------------------------------------------------
    def add(self, features: StoryFeatures, story_id: str) -> None:
        """Load an existing assignment (in memory)."""
        keys = feature_keys(features)
        self.vocab.add(keys)
        self._dirty_df.update(keys)
        self._place(features, keys, story_id, placed=False)

    def assign(self, features: StoryFeatures) -> str:
        """Join the best existing story or open a new one; returns the story id."""
        known = self.story_of(features.document)
        if known is not None:
            return known
        keys = feature_keys(features)
        self._need(keys)
        self.vocab.add(keys)
        self._dirty_df.update(keys)
        vec = vector(keys, self.vocab, self.settings)
        day = day_number(features.published)
        best, best_score = None, 0.0
        scored = []
        for sid in self._candidates(keys):
            score = self._score(vec, day, self._stories[sid], features.dates)
            scored.append((score, sid))
            if score > best_score:
                best, best_score = sid, score
        # the run's neighbourhood (finalize): every candidate near enough, and the best few whatever their score
        # (a story an earlier run split off scores low against one report but belongs with it: bench/runs.py)
        floor = self.settings.story_threshold * self.settings.story_neighbour_share
        scored.sort(key=lambda x: (-x[0], x[1]))
        near = [sid for i, (score, sid) in enumerate(scored)
                if score > 0 and (score >= floor or i < self.settings.story_neighbours)]
        near += self._across(features)
        if best is None or best_score < self.settings.story_threshold:
            best = self._fresh_id(features.document)
        self._place(features, keys, best, vec)
        self._new.append(features.document)
        self._changed.add(best)
        for sid in near:
            if sid != best:
                self._links[best].add(sid)
                self._links[sid].add(best)
        return best

    def revise(self, features: StoryFeatures) -> str | None:
        """A stored report's new text: it stays in its story; the document frequencies and postings follow
        its new features (the story's centroid keeps the old ones until a re-clustering). Its story id."""
        sid = self.story_of(features.document)
        if sid is None:
            return None
        self._need_features([features.document])
        old = self._features.get(features.document)
        before = set(feature_keys(old)) if old is not None else set()
        keys = feature_keys(features)
        self._need(set(keys) | before)
        for k in set(keys) - before:
            self.vocab.df[k] += 1
        for k in before - set(keys):
            self.vocab.df[k] = max(0, self.vocab.df.get(k, 0) - 1)
        self._dirty_df.update(set(keys) ^ before)
        self._features[features.document] = features
        if self._exists(sid):
            self._index(keys, sid)
        return sid

    def _across(self, features: StoryFeatures) -> list[str]:
        """Stories with a report in another language whose leads mean what this report's lead means:
        linked to its story so that ``finalize`` compares them (stories.cluster decides)."""
        vec = unpack(features.embedding)
        lang = (features.language or "")[:2]
        if vec is None or not lang:
            return []
        self._recent()
        near = self._emb.nearest(vec, self.settings.story_embed_near, self.settings.story_embed_recent)
        self._load(near)
        return [sid for sid in near if sid in self._stories and self._stories[sid].langs - {lang}]

    def _fresh_id(self, document: str) -> str:
        sid, salt = story_id(document), 0
        while self._exists(sid):
            salt += 1
            sid = story_id(f"{document}#{salt}")
        return sid

    def _place(self, features: StoryFeatures, keys: Counter, sid: str,
               vec: dict[str, float] | None = None, placed: bool = True) -> None:
        doc = features.document
        self._features[doc] = features
        self._story_of[doc] = sid
        if placed:
            self._placed.add(doc)
        story = self._stories.get(sid)
        if story is None:
            story = self._stories[sid] = _Story(sid, self.vocab.n)
            self._retired.discard(sid)
            self._missing.discard(sid)
        (story.extra if story.docs is None else story.docs).append(doc)
        story.count += 1
        self._dirty_stories.add(sid)
        if features.language:
            story.langs.add(features.language[:2])
        emb = unpack(features.embedding)
        if emb is not None and (story.emb is None or story.emb.shape == emb.shape):
            story.emb = emb.copy() if story.emb is None else story.emb + emb
            self._emb.set(sid, story.emb)
        vec = vec if vec is not None else vector(keys, self.vocab, self.settings)
        cen = story.centroid
        for k, v in vec.items():
            cen[k] = cen.get(k, 0.0) + v
        if len(cen) > 2 * _CENTROID_KEEP:
            story.centroid = dict(heapq.nlargest(_CENTROID_KEEP, cen.items(), key=lambda kv: kv[1]))
        day = day_number(features.published)
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
        self._index(keys, sid)

    def _indexed(self, keys: Counter) -> list[str]:
        """The keys a report is entered under in the candidate index: its rarest."""
        df = self.vocab.df
        return heapq.nsmallest(_INDEXED_KEYS, keys, key=lambda k: (df.get(k, 0), k))

    def _index(self, keys: Counter, sid: str) -> None:
        cap = self.settings.story_posting_cap
        chosen = self._indexed(keys)
        self._need_postings(chosen)  # (loaded already, unless a caller read only document frequencies)
        for k in chosen:
            plist = self._postings[k]
            if not plist or plist[-1] != sid:
                plist.append(sid)
                self._dirty_post.add(k)
                if len(plist) > 2 * cap:
                    del plist[: len(plist) - cap]

    def _candidates(self, keys: Counter) -> list[str]:
        df = self.vocab.df
        seen = [k for k in keys if k in self._postings]
        hits: Counter[str] = Counter()
        for k in heapq.nsmallest(self.settings.story_candidate_terms, seen, key=lambda k: (df.get(k, 0), k)):
            for sid in self._postings[k][-self.settings.story_posting_cap:]:
                hits[sid] += 1
        top = [sid for sid, _ in hits.most_common(self.settings.story_candidates)]
        self._load(top)
        return [sid for sid in top if sid in self._stories]

    def _score(self, vec: dict[str, float], day: int | None, story: _Story, stated: tuple[str, ...] = ()) -> float:
        """The report's similarity to the story, scaled by publication-date distance (``stated``: the dates the
        report states, read whole: its vector leaves out the dates common in the store)."""
        cen = story.centroid
        dot = math.fsum(v * cen.get(k, 0.0) for k, v in vec.items())
        score = dot / max(story.count, 1)
        if day is not None and story.first is not None:
            last = story.last or story.first
            gap = max(0, story.first - day, day - last)
            score *= date_factor(gap, self.settings)
            if gap > self.settings.story_date_far_days:
                # the later side must date the earlier's time: the report's stated dates, else the story's
                back = dates_back(stated, story.first, last, self.settings) \
                    if day > last else dates_back((k[2:] for k in cen if k[:2] == "d:"), day, day, self.settings)
                score *= far_factor(gap, back, self.settings)
        return score

    # --- local re-optimisation ---------------------------------------------------------------
    def finalize(self, max_docs: int | None = None) -> ReclusterResult:
        """Re-cluster the stories this run touched together with their near neighbours."""
        max_docs = max_docs or self.settings.story_finalize_max_docs
        touched = {self._story_of[d] for d in self._new if d in self._story_of}
        seen: set[str] = set()
        merges: list[str] = []
        splits: list[str] = []
        assignments: list[StoryAssignment] = []
        for start in sorted(touched):
            if start in seen:
                continue
            component, stack = [], [start]
            seen.add(start)
            while stack:  # stories linked by near scores in this run form one neighbourhood
                sid = stack.pop()
                component.append(sid)
                for other in sorted(self._links.get(sid, ())):  # (a set: its order varies with the hash seed)
                    if other not in seen and self._exists(other):
                        seen.add(other)
                        stack.append(other)
            docs = [d for sid in component for d in self._docs(sid)]
            if len(docs) <= max_docs:
                parts = [docs]
            else:  # too big to re-cluster at once: each touched story with its own candidates
                parts = []
                for sid in sorted(set(component) & touched):
                    near = [sid, *sorted(o for o in self._links.get(sid, ()) if o != sid)]
                    parts.append(near)
            for part in parts:
                if part is not docs:  # story ids: earlier parts may have retired some
                    part = [d for sid in part if sid in self._stories for d in self._docs(sid)]
                if len(part) < 2 or len(part) > max_docs:
                    continue
                result = self._recluster(part)
                merges += result.merges
                splits += result.splits
                assignments += result.assignments
        self._new.clear()
        self._links.clear()
        return ReclusterResult(assignments=tuple(assignments), merges=tuple(merges), splits=tuple(splits))

    def _recluster(self, docs: list[str]) -> ReclusterResult:
        self._need_features(docs)
        docs = [d for d in docs if d in self._features]  # a report stored without features is left where it is
        feats = [self._features[d] for d in docs]
        keys = [feature_keys(f) for f in feats]
        self._need((k for ks in keys for k in ks), postings=False)  # a 100k store: 2,563 keys, 227k postings
        self._need_postings(k for ks in keys for k in self._indexed(ks))  # the ones _place adds to
        # the vocabulary does not change while the part is placed again: one vector per report serves both
        vecs = [vector(k, self.vocab, self.settings) for k in keys]
        groups = cluster(feats, self.settings, self.vocab, vecs)
        clusters = [[docs[i] for i in g] for g in groups]
        current = {d: self._story_of[d] for d in docs}
        ids, merges, splits = name_clusters(clusters, current, taken=_Taken(self))
        old = set(current.values())
        for sid in old:
            st = self._stories.pop(sid, None)
            if st is not None:
                self._retired.add(sid)
                self._dirty_stories.discard(sid)
                if st.docs is None or st.extra:  # reports not in this part stay in the story: keep them
                    raise RuntimeError(f"story {sid} re-clustered without its stored reports loaded")
            self._emb.drop(sid)
        self._changed |= old | set(ids)
        index = {d: i for i, d in enumerate(docs)}
        out = []
        for sid, members in zip(ids, clusters):
            for d in members:
                self._place(self._features[d], keys[index[d]], sid, vecs[index[d]])
                out.append(StoryAssignment(d, sid))
        return ReclusterResult(assignments=tuple(out), merges=tuple(merges), splits=tuple(splits))

    # --- views ---------------------------------------------------------------------------------
    def story_of(self, document: str) -> str | None:
        if document not in self._story_of and self._lookup is not None:
            self._story_of.update(self._lookup.story_of([document]))
        return self._story_of.get(document)

    def stories_of(self, documents: Iterable[str]) -> dict[str, str]:
        """The story of each report asked that has one (stored ones read in one go)."""
        documents = list(documents)
        if self._lookup is not None:
            todo = [d for d in documents if d not in self._story_of]
            if todo:
                self._story_of.update(self._lookup.story_of(todo))
        return {d: self._story_of[d] for d in documents if d in self._story_of}

    def stories(self, ids: Iterable[str] | None = None) -> list[Story]:
        """Stories with their documents and first and last publication dates: every story in memory, or
        the ones asked (over a lookup: their stored reports are read)."""
        out = []
        for sid in (self._stories if ids is None else [s for s in ids if self._exists(s)]):
            st = self._stories[sid]
            docs = self._docs(sid)
            if all(d in self._features for d in docs):
                pubs = sorted(p for p in (self._features[d].published for d in docs) if p)
                first, last = (pubs[0], pubs[-1]) if pubs else (None, None)
            else:
                first, last = (date.fromordinal(x).isoformat() if x else None for x in (st.first, st.last))
            out.append(Story(id=sid, documents=tuple(docs), first_published=first, last_published=last))
        return out

    def placed(self) -> dict[str, str]:
        """{report: story} of every report assigned or moved since load: the memberships to write."""
        return {d: self._story_of[d] for d in self._placed}

    def changed(self) -> set[str]:
        """Story ids touched since load (including ids that a re-clustering retired)."""
        return set(self._changed)

    def changes(self) -> StoryIndexChanges:
        """What changed since the last call (document frequencies, postings, story aggregates), to store."""
        out = StoryIndexChanges(
            reports=self.vocab.n,
            df=tuple((k, self.vocab.df.get(k, 0)) for k in sorted(self._dirty_df)),
            postings=tuple((k, tuple(self._postings.get(k, ()))) for k in sorted(self._dirty_post)),
            stories=tuple(self._stories[s].aggregate() for s in sorted(self._dirty_stories) if s in self._stories),
            retired=tuple(sorted(self._retired - set(self._stories))))
        self._dirty_df.clear()
        self._dirty_post.clear()
        self._dirty_stories.clear()
        self._missing.update(self._retired - set(self._stories))
        self._retired.clear()
        return out

    def features(self, documents: Iterable[str]) -> list[StoryFeatures]:
        documents = list(documents)
        self._need_features(documents)
        return [self._features[d] for d in documents if d in self._features]
