"""The syndication index: every report's fingerprint, candidates without a scan, and the groups.

Candidates for a new report come from three inverted indexes, never from a scan:
* MinHash LSH over word 5-shingles (near-identical texts, also short ones);
* sentence sketches -> (report, sentence): reports sharing narrative sentences;
* anchors (numbers, transliterated names) -> reports in other languages: translation candidates.
Each candidate is judged (``evidence``); the new report joins the group of the best accepted one, and
groups it bridges are merged. A singleton it matches joins the group too, so a group grows when a
later copy arrives. The origin is the credited wire's own report, else the earliest report.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..config import Settings
from ..model import Document, Fingerprint, SyndicationGroup, SyndicationMember
from .evidence import Evidence, copy_evidence, near_duplicate, translation_evidence
from .sentences import INDEXED

NUM_PERM = 128
SCHEME = "affine32"  # datasketch permutation scheme; stored hash values depend on it
MAX_PASSAGES = 40


def _minhash(fp: Fingerprint) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.array(fp.hashvalues, dtype=np.uint32))


def _group_id(document: str) -> str:
    return "synd-" + hashlib.sha1(document.encode("utf-8")).hexdigest()[:10]


def _reason(ev: Evidence, other: str) -> str:
    if ev.kind == "translation":
        text = f"aligns {ev.shared} sentences one to one, in order, with {other} (a translation)"
    elif ev.shared:
        order = "in order" if ev.in_order == ev.shared else f"{ev.in_order} in order"
        text = f"shares {ev.shared} sentence{'s' if ev.shared > 1 else ''} ({order}) with {other}"
        if ev.containment >= 0.5:
            text += f", {ev.containment:.0%} of the shorter report"
    else:
        text = f"near-identical text ({ev.containment:.0%} of the shorter found) with {other}"
    if ev.credit:
        text += f"; both credit {ev.credit}"
    return text


class SyndicationIndex:
    """Fingerprints of every report, and the groups of copies and translations among them."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._lsh = MinHashLSH(threshold=self.settings.syndication_candidate_jaccard, num_perm=NUM_PERM)
        self._fps: dict[str, Fingerprint] = {}
        self._group_of: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._member: dict[str, SyndicationMember] = {}  # evidence per document
        self._sent: dict[int, list[tuple[str, int]]] = defaultdict(list)  # sketch hash -> (doc, sentence)
        self._anchor: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))  # lang -> anchor -> docs

    # -- loading -----------------------------------------------------------------------------
    def add(self, doc: Document | str, fp: Fingerprint, group: str | None = None,
            member: SyndicationMember | None = None) -> None:
        """Load a known report (and its group and evidence, if it has them)."""
        self._insert(fp)
        if group:
            self._join(fp.document, group)
        if member is not None:
            self._member[fp.document] = member

    # -- assignment --------------------------------------------------------------------------
    def assign(self, doc: Document | str, fp: Fingerprint) -> str | None:
        """The group of a new report, or None when its text is its own; a singleton it copies joins too."""
        if fp.document in self._fps:
            return self._group_of.get(fp.document)
        found = self._candidates(fp)
        self._insert(fp)
        accepted = [(ev, other) for other, ev in found if ev.accepted]
        if not accepted:
            return None
        accepted.sort(key=lambda x: (-x[0].score, x[1]))
        ev, best = accepted[0]
        group = self._group_of.get(best) or _group_id(best)
        for _, other in accepted[1:]:  # a report bridging two groups: one source behind both
            g = self._group_of.get(other)
            if g and g != group:
                self._merge(g, group)
        self._join(best, group)
        self._join(fp.document, group)
        self._member[fp.document] = self._record(fp, self._fps[best], ev)
        if best not in self._member:  # the first report of a new group: the same evidence, seen from it
            self._member[best] = self._record(self._fps[best], fp, ev, swap=True)
        for ev2, other in accepted[1:]:
            if other not in self._group_of:
                self._join(other, group)
                self._member.setdefault(other, self._record(self._fps[other], fp, ev2, swap=True))
        return group

    def _candidates(self, fp: Fingerprint) -> list[tuple[str, Evidence]]:
        s = self.settings
        out: dict[str, Evidence] = {}
        # near-identical texts (MinHash)
        if fp.hashvalues and fp.shingles >= s.syndication_min_shingles:
            mh = _minhash(fp)
            for other in self._lsh.query(mh):
                ofp = self._fps[other]
                if ofp.shingles < s.syndication_min_shingles:
                    continue
                j = mh.jaccard(_minhash(ofp))
                inter = j * (fp.shingles + ofp.shingles) / (1.0 + j)
                containment = inter / max(1, min(fp.shingles, ofp.shingles))
                if j >= s.syndication_jaccard or containment >= s.syndication_containment:
                    out[other] = near_duplicate(j, containment)
        # shared narrative sentences
        hits: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for i, sk in enumerate(fp.sketches):
            for h in sk[:INDEXED]:
                for other, j in self._sent.get(h, ()):
                    hits[other].add((i, j))
        for other, pairs in hits.items():
            if len({i for i, _ in pairs}) < 2:
                continue
            ofp = self._fps[other]
            if fp.language and ofp.language and fp.language != ofp.language:
                continue
            ev = copy_evidence(fp, ofp, pairs, s)
            prev = out.get(other)
            if ev.accepted and (prev is None or ev.shared):
                if prev is not None:  # near-identical and sentence evidence: keep the sentences, the higher score
                    ev.score = max(ev.score, prev.score)
                out[other] = ev
        # translations: reports in other languages sharing many anchors
        if fp.language and fp.anchors:
            counts: Counter[str] = Counter()
            mine = {a for sent in fp.anchors for a in sent}
            for lang, table in self._anchor.items():  # only reports in other languages are looked at
                if lang == fp.language:
                    continue
                for a in mine:
                    counts.update(table.get(a, ()))
            tried = 0
            for other, n in counts.most_common():
                if tried >= s.syndication_translation_candidates or n < 3:
                    break
                ofp = self._fps[other]
                if not ofp.language or ofp.language == fp.language or other in out:
                    continue
                tried += 1
                ev = translation_evidence(fp, ofp, s)
                if ev.accepted:
                    out[other] = ev
        return list(out.items())

    def _record(self, a: Fingerprint, b: Fingerprint, ev: Evidence, swap: bool = False) -> SyndicationMember:
        """``a``'s membership evidence against ``b`` (``swap``: ev was computed with b as the new report)."""
        pairs = [(j, i) for i, j in ev.pairs] if swap else ev.pairs
        passages = tuple((*a.spans[i], *b.spans[j]) for i, j in pairs[:MAX_PASSAGES]
                         if i < len(a.spans) and j < len(b.spans))
        return SyndicationMember(document=a.document, kind=ev.kind,
                                 matched=b.document, shared=ev.shared, in_order=ev.in_order,
                                 containment=round(ev.containment, 3), credit=ev.credit,
                                 reason=_reason(ev, b.document), passages=passages)

    def _insert(self, fp: Fingerprint) -> None:
        if fp.document in self._fps:
            return
        self._fps[fp.document] = fp
        cap = self.settings.syndication_posting_cap
        if fp.hashvalues:
            self._lsh.insert(fp.document, _minhash(fp))
        for i, sk in enumerate(fp.sketches):
            for h in sk[:INDEXED]:
                post = self._sent[h]
                if len(post) < cap:
                    post.append((fp.document, i))
        if fp.language:
            table = self._anchor[fp.language]
            for a in {a for sent in fp.anchors for a in sent}:
                post = table[a]
                if len(post) < cap:
                    post.append(fp.document)

    def _join(self, document: str, group: str) -> None:
        old = self._group_of.get(document)
        if old == group:
            return
        if old is not None:
            self._members[old].remove(document)
            if not self._members[old]:
                del self._members[old]
        self._group_of[document] = group
        self._members.setdefault(group, []).append(document)

    def _merge(self, src: str, dst: str) -> None:
        for d in list(self._members.get(src, ())):
            self._join(d, dst)

    # -- reading -----------------------------------------------------------------------------
    def group_of(self, document: str) -> str | None:
        return self._group_of.get(document)

    def member(self, document: str) -> SyndicationMember | None:
        return self._member.get(document)

    def groups(self) -> list[SyndicationGroup]:
        """Every group of copies with its likely origin and each member's evidence."""
        out = []
        for gid, docs in self._members.items():
            if len(docs) < 2:
                continue
            fps = [self._fps[d] for d in docs if d in self._fps]
            credits = Counter(c for fp in fps for c in (fp.credits or ((fp.credit,) if fp.credit else ())))
            dated = sorted((fp.published or "9999", i) for i, fp in enumerate(fps))
            earliest = fps[dated[0][1]] if fps else None
            origin, outlet = (earliest.document if earliest else None), (earliest.outlet if earliest else None)
            if credits:
                outlet = credits.most_common(1)[0][0]
                own = [fp for fp in fps if fp.outlet and fp.outlet.lower() == outlet.lower()]
                if own:
                    origin = own[0].document
            members = []
            for d in docs:
                m = self._member.get(d) or SyndicationMember(document=d, kind="copy")
                if d == origin and m.kind != "origin":
                    m = SyndicationMember(**{**m.__dict__, "kind": "origin"})
                members.append(m)
            out.append(SyndicationGroup(id=gid, documents=tuple(docs), origin=origin, origin_outlet=outlet,
                                        members=tuple(members)))
        return out
