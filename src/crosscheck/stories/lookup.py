"""What a StoryIndex reads when its state lives elsewhere (the pipeline implements it over the store).

Every method answers for the keys, stories or reports asked only, so a run reads the postings of the
keys its new reports carry and the stories those postings point to, never the whole index.
``MemoryStoryLookup`` keeps the same state in dicts (tests, bench/runs.py).
"""
from __future__ import annotations

from typing import Iterable, Protocol

import numpy as np

from crosscheck.model import StoryAggregate, StoryFeatures, StoryIndexChanges


class StoryLookup(Protocol):
    def reports(self) -> int:
        """How many reports the document frequencies count."""

    def df(self, keys: list[str]) -> dict[str, int]:
        """Document frequency of each key asked (absent: 0)."""

    def postings(self, keys: list[str]) -> dict[str, list[str]]:
        """Stories indexed under each key asked, oldest first (absent: none)."""

    def aggregates(self, stories: list[str]) -> dict[str, StoryAggregate]:
        """The stored aggregate of each story asked that exists."""

    def members(self, stories: list[str]) -> dict[str, list[str]]:
        """The reports of each story asked."""

    def story_of(self, documents: list[str]) -> dict[str, str]:
        """The story of each report asked that has one."""

    def features(self, documents: list[str]) -> dict[str, StoryFeatures]:
        """Stored story features of each report asked."""

    def recent_embeddings(self, limit: int) -> list[tuple[str, np.ndarray]]:
        """(story, embedding sum) of the ``limit`` newest stories that have one, oldest first."""


class MemoryStoryLookup:
    """A StoryLookup over dicts; ``apply`` does what the store does with a run's changes."""

    def __init__(self) -> None:
        self.n = 0
        self.dfs: dict[str, int] = {}
        self.posts: dict[str, list[str]] = {}
        self.aggs: dict[str, StoryAggregate] = {}
        self.of: dict[str, str] = {}
        self.feats: dict[str, StoryFeatures] = {}
        self.reads = 0  # rows answered, for tests of the bound

    def apply(self, changes: StoryIndexChanges, assignments: dict[str, str] | None = None,
              features: Iterable[StoryFeatures] = ()) -> None:
        self.n = changes.reports
        self.dfs.update(changes.df)
        self.posts.update((k, list(v)) for k, v in changes.postings)
        for sid in changes.retired:
            self.aggs.pop(sid, None)
        self.aggs.update((a.story, a) for a in changes.stories)
        self.of.update(assignments or {})
        self.feats.update((f.document, f) for f in features)

    def reports(self) -> int:
        return self.n

    def df(self, keys: list[str]) -> dict[str, int]:
        out = {k: self.dfs[k] for k in keys if k in self.dfs}
        self.reads += len(out)
        return out

    def postings(self, keys: list[str]) -> dict[str, list[str]]:
        out = {k: list(self.posts[k]) for k in keys if k in self.posts}
        self.reads += len(out)
        return out

    def aggregates(self, stories: list[str]) -> dict[str, StoryAggregate]:
        out = {s: self.aggs[s] for s in stories if s in self.aggs}
        self.reads += len(out)
        return out

    def members(self, stories: list[str]) -> dict[str, list[str]]:
        want = set(stories)
        out: dict[str, list[str]] = {s: [] for s in stories}
        for d, s in self.of.items():  # a dict scan: the store answers this from an index
            if s in want:
                out[s].append(d)
        return out

    def story_of(self, documents: list[str]) -> dict[str, str]:
        return {d: self.of[d] for d in documents if d in self.of}

    def features(self, documents: list[str]) -> dict[str, StoryFeatures]:
        out = {d: self.feats[d] for d in documents if d in self.feats}
        self.reads += len(out)
        return out

    def recent_embeddings(self, limit: int) -> list[tuple[str, np.ndarray]]:
        rows = sorted((a.seq, a.story, a.embedding) for a in self.aggs.values() if a.embedding is not None)
        return [(s, np.frombuffer(e, dtype=np.float32).copy()) for _, s, e in rows[-limit:]]
