"""Is one report derived from another? Evidence between two fingerprints, with its reasons.

* copy / rewrite (same language): narrative sentences the two share (sketch resemblance), matched one
  to one; the longest chain of them in the same order; the share of the shorter report's narrative
  sentences found in the other (a page holding the first half of a wire story is a copy of it).
  Shared quotes are no evidence (they are removed before sketching): independent reporters quote
  the same speaker.
* translation (different languages): the two reports' sentences align one to one in order
  (dynamic programming over 1-1, 1-2, 2-1 and skipped sentences) with consistent length ratios and
  shared anchors (numbers, transliterated names); sentences that both give figures, none of them the
  same, are no pair (a later report retelling the event with the new toll is not a translation).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from ..config import Settings
from ..credits import outlet_key
from ..model import Fingerprint
from .sentences import resemblance


@dataclass
class Evidence:
    """Why ``a`` (the newer report) derives from ``b``, or the closest it came."""

    kind: str  # copy (sentences verbatim, maybe trimmed) | rewrite (sentences edited) | translation
    shared: int = 0  # narrative sentences shared (copies) or sentences aligned (translations)
    in_order: int = 0  # longest chain of shared sentences in the same order in both
    containment: float = 0.0  # share of the shorter report's sentences found in the other
    credit: str | None = None  # a wire both credit
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (sentence in a, sentence in b)
    score: float = 0.0
    accepted: bool = False


def _lis(seq: list[int]) -> int:
    """Length of the longest strictly increasing subsequence."""
    import bisect

    tails: list[int] = []
    for x in seq:
        k = bisect.bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


def common_credit(a: Fingerprint, b: Fingerprint) -> str | None:
    for c in a.credits or ((a.credit,) if a.credit else ()):
        if c in (b.credits or ((b.credit,) if b.credit else ())):
            return c
    return None


def copy_evidence(a: Fingerprint, b: Fingerprint, hits: set[tuple[int, int]], s: Settings) -> Evidence:
    """Shared narrative sentences between a and b; ``hits`` are (i, j) sentence pairs the index proposed."""
    scored = []
    for i, j in hits:
        r = resemblance(a.sketches[i], b.sketches[j])
        if r >= s.syndication_sentence_match:
            scored.append((r, i, j))
    scored.sort(reverse=True)
    used_a, used_b, pairs, sims = set(), set(), [], []
    for r, i, j in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j))
        sims.append(r)
    pairs.sort()
    shared = len(pairs)
    in_order = _lis([j for _, j in pairs])
    na = sum(1 for k in a.sketches if k)
    nb = sum(1 for k in b.sketches if k)
    containment = shared / max(1, min(na, nb))
    credit = common_credit(a, b)
    ev = Evidence(kind="copy", shared=shared, in_order=in_order, containment=containment, credit=credit, pairs=pairs)
    said = set(a.said) | {i for i, j in pairs if j in set(b.said)}
    weight = sum(0.5 if i in said else 1.0 for i, _ in pairs)  # reported speech weighs half
    run = in_order * weight / shared if shared else 0.0
    strong = run >= s.syndication_run or weight >= s.syndication_run + 1
    medium = weight >= 2 and (containment >= s.syndication_sentence_containment or credit is not None)
    mean = sum(sims) / len(sims) if sims else 0.0
    # versions of one wire story ('UPDATE 2-' with the new toll): both credit the wire, and what they share is
    # its words, attributions and all (two reporters at one briefing do not write one sentence alike)
    version = credit is not None and weight >= 1 and max(sims, default=0.0) >= 0.9
    # ... or the wire's own updates: published by the wire it credits, a sentence of the earlier rewritten with the
    # new figures ('killed one person and forced about 800 residents to flee' -> 'killed two people ... 1,200')
    own = credit is not None and outlet_key(a.outlet) == outlet_key(b.outlet) == outlet_key(credit)
    version = version or own and weight >= 1 and max(sims, default=0.0) >= s.syndication_update_sim
    ev.accepted = strong or medium or version
    ev.kind = "copy" if mean >= 0.9 else "rewrite"  # a copy may be trimmed; a rewrite edits its sentences
    ev.score = in_order + 0.5 * (shared - in_order) + containment + (1.0 if credit else 0.0)
    return ev


def _len_ratio(a: Fingerprint) -> list[int]:
    return [max(1, e - s) for s, e in a.spans]


def _distinctive(anchors: tuple[tuple[str, ...], ...]) -> list[set[str]]:
    """Each sentence's anchors without the report's topic words: a name in many of its sentences
    ("Apple" in a story about Apple) says nothing about which sentence is which."""
    counts = Counter(a for sent in anchors for a in set(sent))
    limit = max(2, 0.25 * len(anchors))
    return [{a for a in sent if counts[a] <= limit} for sent in anchors]


def translation_evidence(a: Fingerprint, b: Fingerprint, s: Settings) -> Evidence:
    """Align a's sentences with b's, in order; a translation aligns most of them one to one."""
    la, lb = _len_ratio(a), _len_ratio(b)
    n, m = len(la), len(lb)
    ev = Evidence(kind="translation")
    if n < s.syndication_translation_min_sentences or m < s.syndication_translation_min_sentences:
        return ev
    if not (1 / s.syndication_translation_count_ratio <= n / m <= s.syndication_translation_count_ratio):
        return ev
    ratio = sum(lb) / sum(la)
    if not (0.5 <= ratio <= 2.0):
        return ev
    aa = _distinctive(a.anchors)
    ab = _distinctive(b.anchors)

    def match(i0: int, i1: int, j0: int, j1: int) -> tuple[float, bool, bool]:
        """Score of aligning a[i0:i1] with b[j0:j1]; whether they share an anchor; whether it is a
        confident pair (an anchor shared and lengths agreeing, or no anchor on either side and lengths
        agreeing closely)."""
        length_a = sum(la[i0:i1])
        length_b = sum(lb[j0:j1])
        dev = abs(math.log((length_b / length_a) / ratio))
        len_score = math.exp(-3.0 * dev)
        xa = set().union(*aa[i0:i1])
        xb = set().union(*ab[j0:j1])
        common = len(xa & xb)
        na, nb = {x for x in xa if x[0] == "#"}, {x for x in xb if x[0] == "#"}
        if na and nb and not na & nb:
            return -0.6, False, False  # a translation keeps its figures: '30 missing' is not '22 missing'
        if xa and xb:
            anchor = common / min(len(xa), len(xb))
        else:
            anchor = 0.0
        penalty = 0.0 if (xa or xb) and common else (0.25 if not (xa or xb) else 0.6)
        sure = (common > 0 and len_score >= 0.4 and anchor >= 0.3) or (not xa and not xb and len_score >= 0.7)
        return len_score + anchor - penalty, common > 0, sure

    skip = -0.4
    NEG = -1e9
    best = [[NEG] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, bool] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    moves = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
    for i in range(n + 1):
        for j in range(m + 1):
            cur = best[i][j]
            if cur == NEG:
                continue
            for di, dj in moves:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                if di and dj:
                    sc, anchored, _ = match(i, ni, j, nj)
                    sc -= 0.3 if di + dj == 3 else 0.0
                else:
                    sc, anchored = skip, False
                if cur + sc > best[ni][nj]:
                    best[ni][nj] = cur + sc
                    back[ni][nj] = (i, j, anchored)
    i, j = n, m
    pairs, anchored_pairs, good = [], 0, 0
    while (i, j) != (0, 0):
        step = back[i][j]
        if step is None:
            break
        pi, pj, anchored = step
        if i - pi and j - pj:
            _, _, sure = match(pi, i, pj, j)
            if sure:
                good += (i - pi) + (j - pj)
            if anchored:
                anchored_pairs += 1
            if i - pi == 1 and j - pj == 1:
                pairs.append((pi, pj))
        i, j = pi, pj
    pairs.reverse()
    ev.pairs = pairs
    ev.shared = len(pairs)
    ev.in_order = len(pairs)
    ev.containment = good / (n + m)
    ev.credit = common_credit(a, b)
    ev.accepted = (ev.containment >= s.syndication_translation_aligned
                   and len(pairs) >= s.syndication_translation_aligned * 0.8 * max(n, m)
                   and anchored_pairs >= max(3, s.syndication_translation_anchored * min(n, m)))
    ev.score = ev.containment * 10
    return ev


def near_duplicate(jaccard: float, containment: float) -> Evidence:
    return Evidence(kind="copy" if jaccard >= 0.8 else "rewrite", containment=containment,
                    score=2 * max(jaccard, containment), accepted=True)
