"""Stories: reports of one real event, grouped incrementally.

- ``story_features(doc, analysis)``: the evidence one report brings (persisted as JSON).
- ``StoryIndex``: ``add`` (load), ``assign`` (new report), ``finalize`` (re-cluster what a run touched),
  ``stories``, ``changed``; in memory, or over a ``StoryLookup`` (``lookup``: state kept in the store,
  read per key) with ``changes()`` to write back.
- ``recluster(features, current)``: batch re-clustering with stable ids, merges and splits.
- ``describe(story, documents, features)``: title and summary from the most central report.
"""
from crosscheck.stories.cluster import recluster, story_id
from crosscheck.stories.describe import central_document, describe
from crosscheck.stories.features import story_features
from crosscheck.stories.index import StoryIndex

__all__ = ["StoryIndex", "central_document", "describe", "recluster", "story_features", "story_id"]
