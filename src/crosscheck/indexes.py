"""The pipeline's side of the persistent candidate indexes: the stories' and syndication's lookup
protocols answered from the store, and the one-time refill from the stored features (after migration 7
or a whole-store ``recluster``). Only ``pipeline`` uses this module: stages never see the store.
"""
from __future__ import annotations

import numpy as np

from .config import Settings
from .model import Fingerprint, StoryAggregate, StoryFeatures, SyndicationMember
from .store import codec
from .store.base import Store


class StoreStoryLookup:
    """stories.lookup.StoryLookup over the store; ``reads`` counts the rows answered (tests of the bound)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.reads = 0

    def _count(self, out):
        self.reads += len(out)
        return out

    def reports(self) -> int:
        return self.store.story_index_reports()

    def df(self, keys: list[str]) -> dict[str, int]:
        return self._count(self.store.story_df(keys))

    def postings(self, keys: list[str]) -> dict[str, list[str]]:
        return self._count(self.store.story_postings(keys))

    def aggregates(self, stories: list[str]) -> dict[str, StoryAggregate]:
        return self._count(self.store.story_aggregates(stories))

    def members(self, stories: list[str]) -> dict[str, list[str]]:
        return self.store.story_members(stories)

    def story_of(self, documents: list[str]) -> dict[str, str]:
        return self.store.stories_of(documents)

    def features(self, documents: list[str]) -> dict[str, StoryFeatures]:
        raw = self._count(self.store.features_of("story", documents))
        return {d: codec.loads(StoryFeatures, data) for d, data in raw.items()}

    def recent_embeddings(self, limit: int) -> list[tuple[str, np.ndarray]]:
        return [(s, np.frombuffer(e, dtype=np.float32).copy()) for s, e in self.store.recent_story_embeddings(limit)]


class StoreSyndicationLookup:
    """syndication.index.SyndicationLookup over the store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.reads = 0

    def postings(self, keys: list[str]) -> dict[str, list[tuple[str, int]]]:
        out = self.store.synd_postings(keys)
        self.reads += len(out)
        return out

    def fingerprints(self, documents: list[str]) -> dict[str, Fingerprint]:
        raw = self.store.features_of("fingerprint", documents)
        self.reads += len(raw)
        return {d: codec.loads(Fingerprint, data) for d, data in raw.items()}

    def groups_of(self, documents: list[str]) -> dict[str, str]:
        return self.store.syndication_of_documents(documents)

    def group_members(self, groups: list[str]) -> dict[str, list[tuple[str, SyndicationMember | None]]]:
        return self.store.syndication_members_of(groups)


def rebuild(store: Store, settings: Settings, progress=None) -> None:
    """Refill the candidate indexes from every stored feature, in store order (the whole-store pass an
    incremental run no longer makes: once after migration 7, and after ``recluster``)."""
    from .stories import StoryIndex
    from .syndication import SyndicationIndex

    if progress is not None:
        progress("stage", "building the candidate indexes from the stored features (once)")
    stories = StoryIndex(settings)
    story_of = store.story_of()
    for doc_id, data in store.features("story"):
        if doc_id in story_of:
            stories.add(codec.loads(StoryFeatures, data), story_of[doc_id])
    synd = SyndicationIndex(settings)
    for doc_id, data in store.features("fingerprint"):
        synd.add(doc_id, codec.loads(Fingerprint, data))
    with store.transaction():
        store.clear_indexes()
        store.put_story_index(stories.changes())
        store.put_synd_index(synd.changes())
        store.set_index_meta("rebuild", None)
