"""Syndication groups on Spark: blocking on the three keys of ``syndication.index`` (MinHash LSH bands,
narrative-sentence sketch hashes, anchors per language), then the syndication stage's own index per
connected component of candidates.

A pair of reports is a candidate when the single-machine index would look at it: they share an LSH
band (both long enough to judge), or at least two of one report's narrative sentences share a sketch
hash with the other's (same or unknown language), or they are in different languages and share at
least three anchors. Components of candidates are independent: no report outside one could join a
group inside it. Each component runs ``SyndicationIndex.assign`` over its reports in publication order
(as ``crosscheck recluster`` regroups a store), so the evidence, the decisions and the groups are the
stage's.
"""
from __future__ import annotations

from ..config import Settings
from ..model import Fingerprint
from .graph import block_pairs, components

MIN_SHARED_SENTENCES = 2  # the index judges a sentence candidate sharing at least two of the new report's sentences
MIN_SHARED_ANCHORS = 3  # ... and a translation candidate sharing at least three anchors


def _keys(doc: str, order, fp: Fingerprint, settings: Settings, bands: list[tuple[int, int]]):
    """(block key, (order, doc, value)) of one report: LSH bands, sentence sketches, anchors."""
    from ..syndication.sentences import INDEXED

    if fp.hashvalues and fp.shingles >= settings.syndication_min_shingles:
        for b, (lo, hi) in enumerate(bands):
            yield ("m", b, tuple(fp.hashvalues[lo:hi])), (order, doc, None)
    for i, sk in enumerate(fp.sketches):
        for h in set(sk[:INDEXED]):
            yield ("s", h), (order, doc, (i, fp.language))
    if fp.language:
        for a in {a for sent in fp.anchors for a in sent}:
            yield ("a", a), (order, doc, fp.language)


def _pairs(key, members, cap: int):
    """((a, b), evidence tag) for the pairs of one block."""
    members = sorted(members, key=lambda m: (m[0], m[1]))
    kind = key[0]
    if kind == "m":
        for a, b in block_pairs([m[1] for m in members], cap):
            yield (a, b), ("m",)
        return
    for i, (_, b, vb) in enumerate(members):
        for _, a, va in members[max(0, i - cap): i]:
            if a == b:
                continue
            if kind == "s":
                (ia, la), (ib, lb) = va, vb
                if la and lb and la != lb:
                    continue
                yield ((a, b), ("s", ia, ib)) if a < b else ((b, a), ("s", ib, ia))
            elif va != vb:  # anchors: only across languages
                yield ((a, b) if a < b else (b, a)), ("a", key[1])


def _candidate(tags) -> bool:
    left, right, anchors = set(), set(), set()
    for t in tags:
        if t[0] == "m":
            return True
        if t[0] == "s":
            left.add(t[1])
            right.add(t[2])
        else:
            anchors.add(t[1])
    return (len(left) >= MIN_SHARED_SENTENCES or len(right) >= MIN_SHARED_SENTENCES
            or len(anchors) >= MIN_SHARED_ANCHORS)


def _group_component(fps: list[Fingerprint], settings: Settings):
    """The syndication stage's groups among one component's reports, assigned in publication order."""
    from ..syndication import SyndicationIndex

    index = SyndicationIndex(settings)
    for fp in sorted(fps, key=lambda f: (f.published or "9999", f.document)):
        index.assign(fp.document, fp)
    return index.groups()


def resolve(sc, fps, settings: Settings, stats: dict):
    """RDD of SyndicationGroup from RDD (doc id, (order, Fingerprint))."""
    from datasketch import MinHashLSH

    from ..syndication.index import NUM_PERM

    lsh = MinHashLSH(threshold=settings.syndication_candidate_jaccard, num_perm=NUM_PERM)
    bands = list(lsh.hashranges)
    cap = settings.syndication_posting_cap
    tagged = (fps.flatMap(lambda kv: _keys(kv[0], kv[1][0], kv[1][1], settings, bands))
              .groupByKey().flatMap(lambda kv: _pairs(kv[0], list(kv[1]), cap)))
    candidates = tagged.groupByKey().filter(lambda kv: _candidate(kv[1])).keys()
    edges = candidates.collect()
    stats["syndication_candidate_pairs"] = len(edges)
    comp_of = {d: root for root, members in components(edges).items() for d in members}
    stats["syndication_components"] = len(set(comp_of.values()))
    if not comp_of:
        return sc.emptyRDD()
    comps = sc.parallelize(sorted(comp_of.items()), max(1, sc.defaultParallelism))
    return (fps.join(comps).map(lambda kv: (kv[1][1], kv[1][0][1])).groupByKey()
            .flatMap(lambda kv: _group_component(list(kv[1]), settings)))
