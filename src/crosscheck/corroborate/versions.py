"""Versions of one wire story: copies in one syndication group that differ.

Copies of a wire text in one group are not independent sources; when two of them differ on a
figure or a sentence, the wire (or an outlet) changed the text between versions. Each change is a
``Disagreement`` of kind ``wire_version`` with both sentences and both publication times.

Only copies in the same language are diffed sentence by sentence (a translation differs in every
sentence); rewrites that change most sentences are left to the fact comparison, which marks their
differences as not independent.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from difflib import SequenceMatcher

from ..boilerplate import strip_dateline
from ..model import Disagreement, Document
from ..textunits import sentence_spans

_NUMBER = re.compile(r"\d[\d,.\u00a0]*\d|\d")
MAX_CHANGED = 0.5  # more changed sentences than this share: a rewrite, not a version
PAIR_RATIO = 0.6  # two sentences are one edited sentence at this similarity
MAX_NOTES = 6  # changes listed per pair of versions


def _sents(doc: Document) -> list[tuple[str, int, int]]:
    """The report's sentences, a dateline cut off ('TARSK, Oct 3 (Northwire) - '): a copy that drops it changed no
    word of the story (its date read as a changed figure)."""
    text = doc.text or ""
    out = []
    for s, e in sentence_spans(text):
        raw = text[s:e]
        lead = len(raw) - len(raw.lstrip())
        body = strip_dateline(raw.lstrip())
        s += lead + len(raw.lstrip()) - len(body)
        if body.strip():
            out.append((body.strip(), s, e))
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def _changes(old: Document, new: Document) -> list[tuple[str, tuple[str, int, int], tuple[str, int, int]]]:
    a, b = _sents(old), _sents(new)
    sm = SequenceMatcher(a=[_norm(x[0]) for x in a], b=[_norm(x[0]) for x in b], autojunk=False)
    ops = sm.get_opcodes()
    changed = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal")
    if changed > MAX_CHANGED * max(len(a), len(b), 1):
        return []  # a rewrite, not a version: decided before any sentence-by-sentence diff (the costly part)
    out = []
    for op, i1, i2, j1, j2 in ops:
        if op != "replace":
            continue
        for sa in a[i1:i2]:
            best, ratio = None, -1.0
            for sb in b[j1:j2]:  # the most similar sentence; quick_ratio bounds ratio from above
                m = SequenceMatcher(a=_norm(sa[0]), b=_norm(sb[0]))
                if m.quick_ratio() <= ratio:
                    continue
                r = m.ratio()
                if r > ratio:
                    best, ratio = sb, r
            if best is None or ratio < PAIR_RATIO:
                continue
            kind = "figure" if _NUMBER.findall(sa[0]) != _NUMBER.findall(best[0]) else "sentence"
            out.append((kind, sa, best))
    return out


def changed_words(a: str, b: str) -> tuple[str, str]:
    """The words that differ between two versions of a sentence ('7,000' -> '8,000')."""
    wa, wb = a.split(), b.split()
    sm = SequenceMatcher(a=wa, b=wb, autojunk=False)
    da, db = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            da.append(" ".join(wa[i1:i2]))
            db.append(" ".join(wb[j1:j2]))
    return " … ".join(x for x in da if x) or "(nothing)", " … ".join(x for x in db if x) or "(nothing)"


def wire_versions(order: list[str], documents: Mapping[str, Document],
                  syndication: Mapping[str, str | None]) -> list[Disagreement]:
    """Changes between consecutive same-language copies of each syndication group in a story."""
    groups: dict[str, list[str]] = {}
    for d in order:  # order: earliest first
        g = syndication.get(d)
        if g and d in documents:
            groups.setdefault(g, []).append(d)
    out: list[Disagreement] = []
    for g, members in groups.items():
        by_lang: dict[str, list[Document]] = {}
        for d in members:
            doc = documents[d]
            by_lang.setdefault((doc.language or "?")[:2], []).append(doc)
        for docs in by_lang.values():
            for old, new in zip(docs, docs[1:]):
                for kind, sa, sb in _changes(old, new)[:MAX_NOTES]:
                    what = "a figure" if kind == "figure" else "a sentence"
                    out.append(Disagreement(
                        kind="wire_version", subject=kind, values=changed_words(sa[0], sb[0]), documents=(old.id, new.id),
                        passages=(sa[0], sb[0]),
                        explanation=(f"the wire changed {what} between versions "
                                     f"({old.published or '?'} -> {new.published or '?'})"),
                        severity="version", independent=False,
                        published=(old.published or "", new.published or ""),
                        spans=((sa[1], sa[2]), (sb[1], sb[2]))))
    return out
