"""The syndication index: every report's fingerprint, candidates without a scan, and the groups.

Candidates for a new report come from three inverted indexes, never from a scan, each a posting list
per key (at most ``syndication_posting_cap`` reports, the first ones):
* MinHash LSH bands over word 5-shingles ("b<band>:<hash>": near-identical texts, also short ones);
* sentence sketches ("s:<hash>" -> (report, sentence)): reports sharing narrative sentences;
* anchors ("a:<lang>:<anchor>": numbers, transliterated names) -> reports in other languages.
In memory (``add`` loads), or over a ``SyndicationLookup`` (the store): then only the postings of the new
reports' keys, the fingerprints they point to and those reports' groups are read; ``changes()`` and
``changed_groups()`` hand the pipeline what to write back.
Each candidate is judged (``evidence``); the new report joins the group of the best accepted one, and
groups it bridges are merged. A singleton it matches joins the group too, so a group grows when a
later copy arrives. The origin is the credited wire's own report, else the earliest report.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..config import Settings
from ..model import Document, Fingerprint, SyndicationGroup, SyndicationIndexChanges, SyndicationMember
from .evidence import Evidence, copy_evidence, near_duplicate, translation_evidence
from .sentences import INDEXED

NUM_PERM = 128
SCHEME = "affine32"  # datasketch permutation scheme; stored hash values depend on it
MAX_PASSAGES = 40


def _minhash(fp: Fingerprint) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.array(fp.hashvalues, dtype=np.uint32))


@lru_cache(maxsize=8)
def _bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) datasketch's LSH chooses for this Jaccard threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(fp: Fingerprint, threshold: float) -> list[str]:
    """The LSH keys of a fingerprint: two reports sharing one are near-duplicate candidates."""
    if not fp.hashvalues:
        return []
    b, r = _bands(threshold)
    hv = np.asarray(fp.hashvalues, dtype=np.uint32)
    return [f"b{i}:" + hashlib.blake2b(hv[i * r:(i + 1) * r].tobytes(), digest_size=8).hexdigest()
            for i in range(b)]


def _anchor_set(fp: Fingerprint) -> list[str]:
    return sorted({a for sent in fp.anchors for a in sent})


_LANGS = "L"  # posting key of the languages that have anchors


class SyndicationLookup(Protocol):
    """What a SyndicationIndex reads when its state lives in the store (answers for the keys asked only)."""

    def postings(self, keys: list[str]) -> dict[str, list[tuple[str, int]]]: ...

    def fingerprints(self, documents: list[str]) -> dict[str, Fingerprint]: ...

    def groups_of(self, documents: list[str]) -> dict[str, str]: ...

    def group_members(self, groups: list[str]) -> dict[str, list[tuple[str, SyndicationMember | None]]]: ...


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

    def __init__(self, settings: Settings | None = None, lookup: SyndicationLookup | None = None) -> None:
        self.settings = settings or Settings()
        self._fps: dict[str, Fingerprint] = {}
        self._group_of: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._member: dict[str, SyndicationMember] = {}  # evidence per document
        self._post: dict[str, list[tuple[str, int]]] = defaultdict(list)  # key -> (doc, sentence or 0)
        self._lookup = lookup
        self._known: set[str] = set()  # keys whose postings are loaded
        self._seen: set[str] = set()  # documents whose fingerprint and group were looked up
        self._groups_loaded: set[str] = set()
        self._dirty: set[str] = set()  # posting keys changed since the last ``changes()``
        self._touched: set[str] = set()  # group ids changed since the last ``changed_groups()``
        self._moved: set[str] = set()  # reports whose group id changed since the last ``moved()``

    # -- reading through the lookup ----------------------------------------------------------
    def _need_keys(self, keys: Iterable[str]) -> None:
        if self._lookup is None:
            return
        todo = sorted({k for k in keys if k not in self._known})
        if todo:
            for k, entries in self._lookup.postings(todo).items():
                self._post[k] = [tuple(e) for e in entries]
            self._known.update(todo)

    def _need_docs(self, docs: Iterable[str]) -> None:
        """Fingerprints of these reports, their groups and every member of those groups, in memory."""
        if self._lookup is None:
            return
        todo = [d for d in dict.fromkeys(docs) if d not in self._seen and d not in self._fps]
        if not todo:
            return
        self._seen.update(todo)
        self._fps.update(self._lookup.fingerprints(todo))
        groups = self._lookup.groups_of(todo)
        self._need_groups(groups.values())

    def _need_groups(self, gids: Iterable[str]) -> None:
        if self._lookup is None:
            return
        todo = [g for g in dict.fromkeys(gids) if g not in self._groups_loaded]
        if not todo:
            return
        self._groups_loaded.update(todo)
        for gid, members in self._lookup.group_members(todo).items():
            for d, m in members:
                self._seen.add(d)
                if d in self._group_of:  # moved by this run: memory is newer
                    continue
                self._group_of[d] = gid
                self._members.setdefault(gid, []).append(d)
                if m is not None:
                    self._member.setdefault(d, m)

    def _need_fps(self, docs: Iterable[str]) -> None:
        if self._lookup is None:
            return
        todo = [d for d in dict.fromkeys(docs) if d not in self._fps]
        if todo:
            self._fps.update(self._lookup.fingerprints(todo))

    # -- loading -----------------------------------------------------------------------------
    def add(self, doc: Document | str, fp: Fingerprint, group: str | None = None,
            member: SyndicationMember | None = None) -> None:
        """Load a known report (and its group and evidence, if it has them)."""
        self._insert(fp)
        if group:
            self._join(fp.document, group, touch=False)
        if member is not None:
            self._member[fp.document] = member

    # -- assignment --------------------------------------------------------------------------
    def assign(self, doc: Document | str, fp: Fingerprint) -> str | None:
        """The group of a new report, or None when its text is its own; a singleton it copies joins too."""
        self._need_docs([fp.document])
        if fp.document in self._fps:  # a revision: its group stays, its new text is indexed too
            if fp != self._fps[fp.document]:
                self._fps.pop(fp.document)
                self._insert(fp)
            return self._group_of.get(fp.document)
        found = self._candidates(fp)
        self._insert(fp)
        accepted = [(ev, other) for other, ev in found if ev.accepted]
        if not accepted:
            return None
        accepted.sort(key=lambda x: (-x[0].score, x[1]))
        ev, best = accepted[0]
        group = self._group_of.get(best) or _group_id(best)
        self._need_groups([group])
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
        cap = s.syndication_posting_cap
        bands = band_keys(fp, s.syndication_candidate_jaccard) if fp.shingles >= s.syndication_min_shingles else []
        sketch = [f"s:{h}" for sk in fp.sketches for h in sk[:INDEXED]]
        mine = _anchor_set(fp) if fp.language else []
        self._need_keys([*bands, *sketch, *([_LANGS] if mine else [])])
        langs = [lang for lang, _ in self._post.get(_LANGS, ()) if lang != fp.language]
        anchor_keys = {lang: [f"a:{lang}:{a}" for a in mine] for lang in langs}
        self._need_keys(k for ks in anchor_keys.values() for k in ks)
        # shared narrative sentences: the reports sharing two or more are judged below
        hits: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for i, sk in enumerate(fp.sketches):
            for h in sk[:INDEXED]:
                for other, j in self._post.get(f"s:{h}", ())[:cap]:
                    hits[other].add((i, j))
        hits = {d: pairs for d, pairs in hits.items() if len({i for i, _ in pairs}) >= 2}
        lsh = list(dict.fromkeys(d for k in bands for d, _ in self._post.get(k, ())[:cap]))
        self._need_fps([*lsh, *hits])  # only the fingerprints that will be compared are read
        # near-identical texts (MinHash LSH bands)
        if bands:
            mh = _minhash(fp)
            for other in lsh:
                ofp = self._fps.get(other)
                if ofp is None or other == fp.document or ofp.shingles < s.syndication_min_shingles:
                    continue
                j = mh.jaccard(_minhash(ofp))
                inter = j * (fp.shingles + ofp.shingles) / (1.0 + j)
                containment = inter / max(1, min(fp.shingles, ofp.shingles))
                if j >= s.syndication_jaccard or containment >= s.syndication_containment:
                    out[other] = near_duplicate(j, containment)
        for other, pairs in hits.items():
            ofp = self._fps.get(other)
            if ofp is None or other == fp.document:
                continue
            if fp.language and ofp.language and fp.language != ofp.language:
                continue
            ev = copy_evidence(fp, ofp, pairs, s)
            prev = out.get(other)
            if ev.accepted and (prev is None or ev.shared):
                if prev is not None:  # near-identical and sentence evidence: keep the sentences, the higher score
                    ev.score = max(ev.score, prev.score)
                out[other] = ev
        # translations: reports in other languages sharing many anchors
        if fp.language and mine:
            counts: Counter[str] = Counter()
            for lang in langs:  # only reports in other languages are looked at
                for key in anchor_keys[lang]:
                    counts.update(d for d, _ in self._post.get(key, ())[:cap])
            tried = 0
            for other, n in counts.most_common():
                if tried >= s.syndication_translation_candidates or n < 3:
                    break
                self._need_fps([other])
                ofp = self._fps.get(other)
                if ofp is None or not ofp.language or ofp.language == fp.language or other in out:
                    continue
                tried += 1
                ev = translation_evidence(fp, ofp, s)
                if ev.accepted:
                    out[other] = ev
        self._need_docs(out)  # the groups of the accepted ones
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
        self._seen.add(fp.document)
        s = self.settings
        keys: list[tuple[str, int]] = [(k, 0) for k in band_keys(fp, s.syndication_candidate_jaccard)]
        keys += [(f"s:{h}", i) for i, sk in enumerate(fp.sketches) for h in sk[:INDEXED]]
        if fp.language:
            keys += [(f"a:{fp.language}:{a}", 0) for a in _anchor_set(fp)]
            self._need_keys([_LANGS])
            if (fp.language, 0) not in self._post[_LANGS]:
                self._post[_LANGS].append((fp.language, 0))
                self._dirty.add(_LANGS)
        self._need_keys(k for k, _ in keys)
        cap = s.syndication_posting_cap
        for k, i in keys:
            post = self._post[k]
            if len(post) < cap and (fp.document, i) not in post[-1:]:
                post.append((fp.document, i))
                self._dirty.add(k)

    def _join(self, document: str, group: str, touch: bool = True) -> None:
        old = self._group_of.get(document)
        if old == group:
            return
        if touch:
            self._touched.update(g for g in (group, old) if g)
            self._moved.add(document)
        if old is not None:
            self._members[old].remove(document)
            if touch and len(self._members[old]) == 1:  # a group of one is no group: its last report leaves it
                self._moved.update(self._members[old])
            if not self._members[old]:
                del self._members[old]
        self._group_of[document] = group
        self._members.setdefault(group, []).append(document)

    def _merge(self, src: str, dst: str) -> None:
        self._need_groups([src, dst])
        for d in list(self._members.get(src, ())):
            self._join(d, dst)

    # -- reading -----------------------------------------------------------------------------
    def group_of(self, document: str) -> str | None:
        self._need_docs([document])
        return self._group_of.get(document)

    def member(self, document: str) -> SyndicationMember | None:
        return self._member.get(document)

    def changes(self) -> SyndicationIndexChanges:
        """The posting lists changed since the last call, to store."""
        out = SyndicationIndexChanges(postings=tuple((k, tuple(self._post.get(k, ()))) for k in sorted(self._dirty)))
        self._dirty.clear()
        return out

    def changed_groups(self) -> tuple[list[SyndicationGroup], set[str]]:
        """(the groups changed since the last call that still hold two reports, every group id changed):
        the store writes the first and drops the other ids."""
        touched, self._touched = self._touched, set()
        return self.groups(sorted(touched)), touched

    def moved(self) -> set[str]:
        """The reports whose group changed (joined, moved by a merge, left alone) since the last call: the only
        reports whose stories' findings a batch's syndication changes (corroboration reads each report's group
        id; a member that stays in a growing group keeps its id, so its story is not corroborated again)."""
        out, self._moved = self._moved, set()
        return out

    def groups(self, ids: Iterable[str] | None = None) -> list[SyndicationGroup]:
        """Every group of copies (or the ones asked) with its likely origin and each member's evidence."""
        out = []
        for gid in (list(self._members) if ids is None else ids):
            docs = self._members.get(gid, [])
            if len(docs) < 2:
                continue
            self._need_fps(docs)
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
