"""Syndicated copies: one text on several sites, republications, light rewrites -> one group.

MinHash over word 5-shingles (datasketch), an LSH index for candidates at a low Jaccard, then a
check on the estimated Jaccard or containment (a copy that adds a paragraph contains the original).
The origin is the outlet credited in the text ("(AP)", "Reuters", "(MENAFN - UkrInform)",
"according to Yonhap") when there is one, else the earliest published copy.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter

import numpy as np
from datasketch import MinHash, MinHashLSH

from crosscheck.config import Settings
from crosscheck.model import Document, Fingerprint, SyndicationGroup

NUM_PERM = 128
SHINGLE = 5  # words per shingle
SCHEME = "affine32"  # datasketch permutation scheme; stored hash values depend on it
_WORD = re.compile(r"\w+", re.UNICODE)
_CREDITS = [
    re.compile(r"\(\s*MENAFN\s*[-–—]\s*([^)]{2,60})\)"),
    re.compile(r"^\s*(?:[A-Z][\w .,'-]{1,40})?\(\s*(AP|AFP|Reuters|UPI|dpa|DPA|ANSA|EFE|PAP|TASS|Interfax|Yonhap|"
               r"Ukrinform|UkrInform|Xinhua|Kyodo|IANS|PTI|Bloomberg|CNA|Anadolu)\s*\)"),
    re.compile(r"^\s*[A-Z][A-Za-z .,'-]{1,40}\s*[-–—]\s*\(?\s*(Reuters|AP|AFP)\b"),
    re.compile(r"\b(?:according to|reported by|told|said)\s+(?:the\s+)?(Yonhap|Reuters|Interfax|TASS|"
               r"Ukrinform|Xinhua|Kyodo|AFP|dpa|EFE|ANSA|PAP)(?:\s+news agency)?\b", re.I),
    re.compile(r"\((Associated Press|Agence France-Presse)\)"),
]
_CANON = {"ukrinform": "Ukrinform", "associated press": "AP", "agence france-presse": "AFP", "dpa": "dpa"}


def _credit(text: str) -> str | None:
    """The wire or outlet the text credits in its opening (or anywhere, for 'according to X')."""
    head = text[:600]
    for pat in _CREDITS:
        m = pat.search(head)
        if m:
            name = " ".join(m.group(1).split()).strip(" -")
            return _CANON.get(name.lower(), name)
    return None


def _shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def fingerprint(doc: Document) -> Fingerprint:
    """The MinHash signature of a report's body, and what it credits."""
    body = re.sub(r"^\s*\(\s*MENAFN\s*[-–—][^)]*\)\s*", "", doc.text)  # the republisher's prefix is no text
    sh = _shingles(body)
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch(list(sh))
    return Fingerprint(document=doc.id, hashvalues=tuple(int(v) for v in mh.hashvalues), shingles=len(sh),
                       published=doc.published, outlet=doc.outlet, credit=_credit(doc.text))


def _minhash(fp: Fingerprint) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.array(fp.hashvalues, dtype=np.uint32))


def _group_id(document: str) -> str:
    return "synd-" + hashlib.sha1(document.encode("utf-8")).hexdigest()[:10]


class SyndicationIndex:
    """Fingerprints of every report, and the groups of copies among them."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._lsh = MinHashLSH(threshold=self.settings.syndication_candidate_jaccard, num_perm=NUM_PERM)
        self._fps: dict[str, Fingerprint] = {}
        self._group_of: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}

    def add(self, doc: Document | str, fp: Fingerprint, group: str | None = None) -> None:
        """Load a known report (and its group, if it has one)."""
        self._insert(fp)
        if group:
            self._join(fp.document, group)

    def assign(self, doc: Document | str, fp: Fingerprint) -> str | None:
        """The group of a new report, or None when its text is unique; a singleton it copies joins too."""
        if fp.document in self._fps:
            return self._group_of.get(fp.document)
        if fp.shingles < self.settings.syndication_min_shingles:
            self._insert(fp)
            return None
        mh = _minhash(fp)
        best, best_score = None, 0.0
        for other in self._lsh.query(mh):
            ofp = self._fps[other]
            if ofp.shingles < self.settings.syndication_min_shingles:
                continue
            j = mh.jaccard(_minhash(ofp))
            inter = j * (fp.shingles + ofp.shingles) / (1.0 + j)
            containment = inter / max(1, min(fp.shingles, ofp.shingles))
            ok = j >= self.settings.syndication_jaccard or containment >= self.settings.syndication_containment
            score = max(j, containment)
            if ok and score > best_score:
                best, best_score = other, score
        self._insert(fp, mh)
        if best is None:
            return None
        group = self._group_of.get(best) or _group_id(best)
        self._join(best, group)
        self._join(fp.document, group)
        return group

    def _insert(self, fp: Fingerprint, mh: MinHash | None = None) -> None:
        if fp.document in self._fps:
            return
        self._fps[fp.document] = fp
        if fp.hashvalues:
            self._lsh.insert(fp.document, mh or _minhash(fp))

    def _join(self, document: str, group: str) -> None:
        if self._group_of.get(document) == group:
            return
        self._group_of[document] = group
        self._members.setdefault(group, []).append(document)

    def group_of(self, document: str) -> str | None:
        return self._group_of.get(document)

    def groups(self) -> list[SyndicationGroup]:
        """Every group of copies with its likely origin."""
        out = []
        for gid, docs in self._members.items():
            fps = [self._fps[d] for d in docs if d in self._fps]
            credits = Counter(fp.credit for fp in fps if fp.credit)
            dated = sorted((fp.published or "9999", i) for i, fp in enumerate(fps))
            earliest = fps[dated[0][1]] if fps else None
            origin, outlet = (earliest.document if earliest else None), (earliest.outlet if earliest else None)
            if credits:
                outlet = credits.most_common(1)[0][0]
                own = [fp for fp in fps if fp.outlet and fp.outlet.lower() == outlet.lower()]
                if own:
                    origin = own[0].document
            out.append(SyndicationGroup(id=gid, documents=tuple(docs), origin=origin, origin_outlet=outlet))
        return out
