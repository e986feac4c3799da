"""Syndicated copies: one source behind several reports (wire copies edited, trimmed and re-headlined,
republications, partial copies, translations) -> one SyndicationGroup with per-member evidence.

``fingerprint(doc)`` computes what the index needs once per report (JSON-friendly, stored as a
feature); ``SyndicationIndex`` finds candidates from inverted indexes and decides (see ``index``,
``evidence`` and ``sentences``).
"""
from __future__ import annotations

import re

from datasketch import MinHash

from ..config import Settings
from ..credits import parse_credits
from ..model import Document, Fingerprint
from .index import NUM_PERM, SCHEME, SyndicationIndex
from .sentences import _QUOTED, features

__all__ = ["SyndicationIndex", "fingerprint", "FINGERPRINT_VERSION"]

FINGERPRINT_VERSION = 2
SHINGLE = 5  # words per shingle
_WORD = re.compile(r"\w+", re.UNICODE)
_MENAFN = re.compile(r"^\s*\(\s*MENAFN\s*[-–—][^)]*\)\s*")


def _shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def fingerprint(doc: Document, settings: Settings | None = None) -> Fingerprint:
    """MinHash of the report's own words (quotes left out: two reporters quoting one speaker share
    them), its sentence sketches and anchors, and the wires it credits."""
    s = settings or Settings()
    body = _QUOTED.sub(" ", _MENAFN.sub("", doc.text))  # the republisher's prefix is no text
    sh = _shingles(body)
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch(list(sh))
    credits = doc.credits if doc.credits is not None else parse_credits(doc.text, doc.boilerplate, doc.authors)
    spans, sketches, anchors, said = features(doc.text, s.syndication_sentence_min_units)
    return Fingerprint(document=doc.id, hashvalues=tuple(int(v) for v in mh.hashvalues), shingles=len(sh),
                       published=doc.published, outlet=doc.outlet, credit=credits[0] if credits else None,
                       credits=credits, language=doc.language, spans=spans, sketches=sketches, anchors=anchors, said=said,
                       version=FINGERPRINT_VERSION)
