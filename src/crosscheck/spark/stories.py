"""Stories on Spark: blocking on the keys the story index posts, scoring with the stories stage's
similarity, and the batch clustering of ``stories.cluster`` per connected component.

1. Document frequencies of every feature key (one reduceByKey); each report's vector is
   ``stories.vectors.vector`` under the global vocabulary (the counts of its own keys joined in).
2. Candidates: each report posts its rarest keys (as ``StoryIndex`` does), one key per set of reports
   that share it (told apart by the least and greatest report hash); reports sharing a posted key
   form a block; pairs within a block (capped: ``story_posting_cap`` earlier reports per report); each
   report keeps its ``story_candidates`` x 2 candidates with the most shared keys. Reports in different
   languages also meet in blocks of their title + lead embedding's sign bits (random hyperplanes):
   ``StoryIndex`` finds those by embedding, never by words.
3. Each report and its candidates are scored with ``stories.cluster.feature_similarity`` (cosine, dates,
   languages and embeddings as the stage weighs them); a pair at or above the linkage floor is an edge.
4. Connected components of the edges (driver); each component is clustered by ``stories.cluster.cluster``
   (complete or average link with the sibling split, as ``recluster`` does) on an executor. Under
   complete linkage two reports below the floor never share a story, so a component loses nothing.
"""
from __future__ import annotations

import heapq
import zlib
from collections import Counter
from dataclasses import dataclass
from operator import add

import numpy as np

from ..config import Settings
from ..model import StoryFeatures
from .graph import block_pairs, components

INDEXED_KEYS = 20  # rarest features of a report posted for candidates (as stories.index posts them)
EMBED_BANDS, EMBED_BITS = 20, 6  # sign-bit bands of lead embeddings: cosine 0.6 meets in a band with p ~ 0.93


@dataclass(frozen=True)
class Prepared:
    order: tuple[str, int]
    features: StoryFeatures
    df: dict[str, int]  # document frequency of each of the report's keys, over the whole input
    posted: tuple[str, ...]  # its rarest keys that some other report also has


def _vocab(n: int, df: dict[str, int]):
    from ..stories.vectors import Vocabulary

    vocab = Vocabulary()
    vocab.n = n
    vocab.df = Counter(df)
    return vocab


def _doc_hash(doc: str) -> int:
    return zlib.crc32(doc.encode("utf-8"))


def _merge(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return a[0] + b[0], min(a[1], b[1]), max(a[2], b[2])


def _prepare(order, features: StoryFeatures, stats: dict[str, tuple[int, int, int]]) -> Prepared:
    """A report's vocabulary and posted keys: its rarest shared keys, one per set of reports sharing it
    (a wire copy shares a hundred rare words with its origin alone; posting them all would leave no room
    for the keys it shares with the rest of its story). ``stats``: key -> (df, least and greatest report hash)."""
    from ..stories.vectors import feature_keys

    df = {k: v[0] for k, v in stats.items()}
    seen: set[tuple[int, int, int]] = set()
    posted = []
    for k in sorted((k for k in feature_keys(features) if df.get(k, 0) >= 2), key=lambda k: (df[k], k)):
        if stats[k] not in seen:
            seen.add(stats[k])
            posted.append(k)
            if len(posted) >= INDEXED_KEYS:
                break
    return Prepared(order=order, features=features, df=df, posted=tuple(posted))


def _embed_keys(doc: str, p: Prepared, planes: np.ndarray) -> list:
    from ..embed import unpack

    vec = unpack(p.features.embedding)
    lang = (p.features.language or "")[:2]
    if vec is None or not lang or vec.shape[0] != planes.shape[1]:
        return []
    bits = (planes @ vec) > 0
    out = []
    for b in range(EMBED_BANDS):
        word = bits[b * EMBED_BITS:(b + 1) * EMBED_BITS]
        out.append((("x", b, int(np.packbits(word)[0])), (p.order, doc, lang)))
    return out


def _cross_pairs(block, cap: int):
    members = sorted(block)
    for i, (_, b, lb) in enumerate(members):
        for _, a, la in members[max(0, i - cap): i]:
            if la != lb:
                yield (a, b) if a < b else (b, a)


def _top(doc: str, hits, keep: int):
    best = heapq.nsmallest(keep, hits, key=lambda x: (-x[0], x[1]))
    return [((doc, o) if doc < o else (o, doc)) for _, o in best]


def _score(doc: str, mine: tuple, others: list, n: int, settings: Settings):
    """(a, b, similarity) of one report against its candidates, by the stage's similarity_matrix."""
    from ..stories.cluster import feature_similarity
    from ..stories.vectors import feature_keys, vector

    rows = [(doc, mine)] + sorted(others)
    feats = [p.features for _, p in rows]
    vecs = [vector(feature_keys(f), _vocab(n, p.df), settings) for f, (_, p) in zip(feats, rows)]
    sim = feature_similarity(vecs, feats, settings)
    for j in range(1, len(rows)):
        other = rows[j][0]
        yield ((doc, other) if doc < other else (other, doc)), float(sim[0, j])


def _cluster_component(members: list, n: int, settings: Settings):
    """(doc, story id) of one component's reports, clustered by the stories stage in reading order."""
    from ..stories.cluster import cluster, name_clusters

    members = sorted(members, key=lambda m: m[1].order)
    df: dict[str, int] = {}
    for _, p in members:
        df.update(p.df)
    groups = cluster([p.features for _, p in members], settings, _vocab(n, df))
    clusters = [[members[i][0] for i in g] for g in groups]
    ids, _, _ = name_clusters(clusters, {})
    for sid, docs in zip(ids, clusters):
        for d in docs:
            yield d, sid


def edge_floor(settings: Settings) -> float:
    """Least similarity two reports of one story can have under the configured linkage (and the share of
    the threshold the single-machine index calls near)."""
    near = settings.story_threshold * settings.story_neighbour_share
    if settings.story_linkage == "average":
        return near
    return min(near, settings.story_link_threshold)


def _split(members: list[str], edges: dict[tuple[str, str], float], floor: float, limit: int) -> list[list[str]]:
    """A component too large to cluster at once, cut along its weakest edges until every part fits."""
    inside = set(members)
    while floor < 1.0:
        floor = floor * 1.25 + 0.01
        parts = components((a, b) for (a, b), s in edges.items() if s >= floor and a in inside and b in inside)
        placed = {d for p in parts.values() for d in p}
        out = list(parts.values()) + [[d] for d in members if d not in placed]
        if all(len(p) <= limit for p in out):
            return out
    return [[d] for d in members]


def resolve(sc, feats, settings: Settings, stats: dict, n: int, dim: int):
    """RDD (doc id, story id) from RDD (doc id, (order, StoryFeatures)) of ``n`` reports whose lead embeddings
    have ``dim`` dimensions (0: none)."""
    from ..stories.vectors import feature_keys

    cap, keep = settings.story_posting_cap, settings.story_candidates * 2
    keyed = feats.flatMap(lambda kv: [(k, kv[0]) for k in feature_keys(kv[1][1])])
    df = keyed.mapValues(lambda d: (1, _doc_hash(d), _doc_hash(d))).reduceByKey(_merge)
    doc_df = keyed.join(df).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).groupByKey().mapValues(dict)
    prepared = feats.join(doc_df).mapValues(lambda v: _prepare(v[0][0], v[0][1], v[1])).cache()

    word_pairs = (prepared.flatMap(lambda kv: [(k, (kv[1].order, kv[0])) for k in kv[1].posted])
                  .groupByKey()
                  .flatMap(lambda kv: block_pairs([d for _, d in sorted(kv[1])], cap)))
    pairs = word_pairs
    if dim:
        planes = np.random.default_rng(0).standard_normal((EMBED_BANDS * EMBED_BITS, dim)).astype(np.float32)
        bplanes = sc.broadcast(planes)
        cross = (prepared.flatMap(lambda kv: _embed_keys(kv[0], kv[1], bplanes.value))
                 .groupByKey().flatMap(lambda kv: _cross_pairs(list(kv[1]), cap)))
        pairs = pairs.union(cross)
    hits = pairs.map(lambda p: (p, 1)).reduceByKey(add)
    candidates = (hits.flatMap(lambda kv: [(kv[0][0], (kv[1], kv[0][1])), (kv[0][1], (kv[1], kv[0][0]))])
                  .groupByKey().flatMap(lambda kv: _top(kv[0], list(kv[1]), keep)).distinct())
    # score each report against its candidates: (doc, [(other, Prepared)])
    by_first = candidates.map(lambda p: (p[1], p[0])).join(prepared).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
    scored = (by_first.groupByKey().join(prepared)
              .flatMap(lambda kv: _score(kv[0], kv[1][1], list(kv[1][0]), n, settings)))
    floor = edge_floor(settings)
    edges = dict(scored.filter(lambda e: e[1] >= floor).collect())
    stats["story_edges"] = len(edges)

    limit = max(settings.story_finalize_max_docs, 2)
    comp_of: dict[str, str] = {}
    for root, members in components(edges).items():
        parts = [members] if len(members) <= limit else _split(members, edges, floor, limit)
        for part in parts:
            for d in part:
                comp_of[d] = part[0]
    stats["story_components"] = len(set(comp_of.values()))
    comps = sc.parallelize(sorted(comp_of.items()), max(1, sc.defaultParallelism))
    grouped = prepared.leftOuterJoin(comps).map(lambda kv: (kv[1][1] or kv[0], (kv[0], kv[1][0])))
    return grouped.groupByKey().flatMap(lambda kv: _cluster_component(list(kv[1]), n, settings))


def embedding_dim(features: StoryFeatures) -> int:
    """Dimensions of a report's lead embedding (0 when it has none)."""
    from ..embed import unpack

    vec = unpack(features.embedding)
    return 0 if vec is None else int(vec.shape[0])
