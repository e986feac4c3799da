"""StoryIndex: incremental assignment of reports to stories, with a candidate index, and a local
re-clustering of the neighbourhood an ingest run touched (``finalize``)."""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from typing import Iterable

import numpy as np

from crosscheck.config import Settings
from crosscheck.embed import unpack
from crosscheck.model import ReclusterResult, Story, StoryAssignment, StoryFeatures
from crosscheck.stories.cluster import cluster, name_clusters, story_id
from crosscheck.stories.vectors import Vocabulary, date_factor, day_number, feature_keys, vector

_INDEXED_KEYS = 20  # rarest features of each report entered in the candidate index
_CENTROID_KEEP = 400  # heaviest features kept in a story centroid (bounded cost per comparison)


class _Story:
    __slots__ = ("id", "docs", "centroid", "first", "last", "langs")

    def __init__(self, sid: str) -> None:
        self.id = sid
        self.docs: list[str] = []
        self.centroid: dict[str, float] = {}
        self.first: int | None = None
        self.last: int | None = None
        self.langs: set[str] = set()


class _Embeddings:
    """One row per story: the normalised sum of its reports' title + lead embeddings, for finding the
    stories a report in another language may belong to (its words cannot find them)."""

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        self.ids: list[str | None] = []
        self.sums: dict[str, np.ndarray] = {}
        self.mat: np.ndarray | None = None

    def add(self, sid: str, vec: np.ndarray) -> None:
        if self.mat is not None and vec.shape[0] != self.mat.shape[1]:
            return  # another model's vector: not comparable
        total = self.sums.get(sid)
        total = vec.copy() if total is None else total + vec
        self.sums[sid] = total
        if self.mat is None:
            self.mat = np.zeros((64, vec.shape[0]), dtype=np.float32)
        row = self.rows.get(sid)
        if row is None:
            row = self.rows[sid] = len(self.ids)
            self.ids.append(sid)
            if row >= self.mat.shape[0]:
                self.mat = np.vstack([self.mat, np.zeros_like(self.mat)])
        self.mat[row] = total / (np.linalg.norm(total) or 1.0)

    def drop(self, sid: str) -> None:
        row = self.rows.pop(sid, None)
        self.sums.pop(sid, None)
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


class StoryIndex:
    """Reports grouped into stories; a new report joins the best candidate story or opens one."""

    def __init__(self, settings: Settings | None = None) -> None:
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

    # --- loading and assigning --------------------------------------------------------------
    def add(self, features: StoryFeatures, story_id: str) -> None:
        """Load an existing assignment."""
        keys = feature_keys(features)
        self.vocab.add(keys)
        self._place(features, keys, story_id)

    def assign(self, features: StoryFeatures) -> str:
        """Join the best existing story or open a new one; returns the story id."""
        if features.document in self._story_of:
            return self._story_of[features.document]
        keys = feature_keys(features)
        self.vocab.add(keys)
        vec = vector(keys, self.vocab, self.settings)
        day = day_number(features.published)
        best, best_score = None, 0.0
        scored = []
        for sid in self._candidates(keys):
            score = self._score(vec, day, self._stories[sid])
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

    def _across(self, features: StoryFeatures) -> list[str]:
        """Stories with a report in another language whose leads mean what this report's lead means:
        linked to its story so that ``finalize`` compares them (stories.cluster decides)."""
        vec = unpack(features.embedding)
        lang = (features.language or "")[:2]
        if vec is None or not lang:
            return []
        return [sid for sid in self._emb.nearest(vec, self.settings.story_embed_near, self.settings.story_embed_recent)
                if self._stories[sid].langs - {lang}]

    def _fresh_id(self, document: str) -> str:
        sid, salt = story_id(document), 0
        while sid in self._stories:
            salt += 1
            sid = story_id(f"{document}#{salt}")
        return sid

    def _place(self, features: StoryFeatures, keys: Counter, sid: str,
               vec: dict[str, float] | None = None) -> None:
        doc = features.document
        self._features[doc] = features
        self._story_of[doc] = sid
        story = self._stories.get(sid)
        if story is None:
            story = self._stories[sid] = _Story(sid)
        story.docs.append(doc)
        if features.language:
            story.langs.add(features.language[:2])
        emb = unpack(features.embedding)
        if emb is not None:
            self._emb.add(sid, emb)
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

    def _index(self, keys: Counter, sid: str) -> None:
        cap = self.settings.story_posting_cap
        df = self.vocab.df
        for k in heapq.nsmallest(_INDEXED_KEYS, keys, key=lambda k: (df.get(k, 0), k)):
            plist = self._postings[k]
            if not plist or plist[-1] != sid:
                plist.append(sid)
                if len(plist) > 2 * cap:
                    del plist[: len(plist) - cap]

    def _candidates(self, keys: Counter) -> list[str]:
        df = self.vocab.df
        seen = [k for k in keys if k in self._postings]
        hits: Counter[str] = Counter()
        for k in heapq.nsmallest(self.settings.story_candidate_terms, seen, key=lambda k: (df.get(k, 0), k)):
            for sid in self._postings[k][-self.settings.story_posting_cap:]:
                hits[sid] += 1
        return [sid for sid, _ in hits.most_common(self.settings.story_candidates) if sid in self._stories]

    def _score(self, vec: dict[str, float], day: int | None, story: _Story) -> float:
        cen = story.centroid
        dot = sum(v * cen.get(k, 0.0) for k, v in vec.items())
        score = dot / len(story.docs)
        if day is not None and story.first is not None:
            gap = max(0, story.first - day, day - (story.last or story.first))
            score *= date_factor(gap, self.settings)
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
                for other in self._links.get(sid, ()):
                    if other not in seen and other in self._stories:
                        seen.add(other)
                        stack.append(other)
            docs = [d for sid in component for d in self._stories[sid].docs]
            if len(docs) <= max_docs:
                parts = [docs]
            else:  # too big to re-cluster at once: each touched story with its own candidates
                parts = []
                for sid in sorted(set(component) & touched):
                    near = [sid, *sorted(o for o in self._links.get(sid, ()) if o != sid)]
                    parts.append(near)
            for part in parts:
                if part is not docs:  # story ids: earlier parts may have retired some
                    part = [d for sid in part if sid in self._stories for d in self._stories[sid].docs]
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
        feats = [self._features[d] for d in docs]
        groups = cluster(feats, self.settings, self.vocab)
        clusters = [[docs[i] for i in g] for g in groups]
        current = {d: self._story_of[d] for d in docs}
        ids, merges, splits = name_clusters(clusters, current, taken=set(self._stories))
        old = set(current.values())
        for sid in old:
            self._stories.pop(sid, None)
            self._emb.drop(sid)
        self._changed |= old | set(ids)
        out = []
        for sid, members in zip(ids, clusters):
            for d in members:
                f = self._features[d]
                self._place(f, feature_keys(f), sid)
                out.append(StoryAssignment(d, sid))
        return ReclusterResult(assignments=tuple(out), merges=tuple(merges), splits=tuple(splits))

    # --- views ---------------------------------------------------------------------------------
    def story_of(self, document: str) -> str | None:
        return self._story_of.get(document)

    def stories(self) -> list[Story]:
        """Every story with its documents, first and last publication dates."""
        out = []
        for sid, st in self._stories.items():
            pubs = sorted(p for p in (self._features[d].published for d in st.docs) if p)
            out.append(Story(id=sid, documents=tuple(st.docs),
                             first_published=pubs[0] if pubs else None,
                             last_published=pubs[-1] if pubs else None))
        return out

    def changed(self) -> set[str]:
        """Story ids touched since load (including ids that a re-clustering retired)."""
        return set(self._changed)

    def features(self, documents: Iterable[str]) -> list[StoryFeatures]:
        return [self._features[d] for d in documents if d in self._features]
