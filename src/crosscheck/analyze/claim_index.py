"""What the claim finder looks at: cue words, quote spans and paragraph layout of one parsed report.

Positions come from integer token arrays (``Doc.to_array``), so finding candidates costs no Token
objects; only the few candidate tokens are then read through spaCy's API.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from importlib import resources

import numpy as np
from spacy.attrs import ENT_TYPE, IS_ALPHA, LEMMA, LIKE_NUM, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from crosscheck.analyze.claim_text import HEDGES, MODAL_HEDGES
from crosscheck.analyze.entities import LocalEntities, doc_text



def _load_cues() -> tuple[dict[str, str], frozenset[str]]:
    """(cue lemma -> class: speech | belief | intention | knowledge, verbs that frame a quoted characterisation),
    from data/attribution_cues_en.json."""
    with resources.files("crosscheck.data").joinpath("attribution_cues_en.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    out: dict[str, str] = {}
    for cls in ("speech", "belief", "intention", "knowledge"):
        for word in data[cls]:
            out.setdefault(word, cls)
    return out, frozenset(data["characterize"])


CUE_CLASS, CHARACTERIZE = _load_cues()
CUES = frozenset(w for w, c in CUE_CLASS.items() if c == "speech")  # verbs of saying
ALL_CUES = frozenset(CUE_CLASS)  # plus verbs of believing, intending and knowing
_OPEN_QUOTE_PARAGRAPH = re.compile(r"(?m)^[ \t]*[\"\u201c]([^\"\u201c\u201d\n]{2,}?)[ \t]*$(?=\n+[ \t]*[\"\u201c])")

_QUOTE = re.compile(r"\"([^\"\n]{2,}?)\"|\u201c([^\u201d\n]{2,}?)\u201d|\u00ab([^\u00bb\n]{2,}?)\u00bb|\u201e([^\u201c\u201d\n]{2,}?)[\u201c\u201d]")
FACT_TYPES = ("DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY")
PERSONAL = ("i", "we", "you", "my", "our", "your")
VERBISH = ("VERB", "AUX")
_ID_CACHE: dict[int, frozenset[int]] = {}


def _ids(words) -> frozenset[int]:
    """String-store ids of ``words`` (cached per word collection)."""
    got = _ID_CACHE.get(id(words))
    if got is None:
        got = _ID_CACHE[id(words)] = frozenset(get_string_id(w) for w in words)
    return got


class Index:
    """Token positions worth a look (cue verbs, 'according', 'as'), found once per report on arrays."""

    def __init__(self, sdoc: Doc, ents: LocalEntities):
        cols = sdoc.to_array([LEMMA, LOWER, POS, IS_ALPHA, LIKE_NUM, ENT_TYPE, TAG]).tolist() if len(sdoc) else []
        cues, verbish = _ids(ALL_CUES), _ids(VERBISH)
        according, as_, md = get_string_id("according"), get_string_id("as"), get_string_id("MD")
        facts, personal, hedges, modals = _ids(FACT_TYPES), _ids(PERSONAL), _ids(HEDGES), _ids(MODAL_HEDGES)
        self.cues = [i for i, c in enumerate(cols) if c[0] in cues and c[2] in verbish]
        self.according = [i for i, c in enumerate(cols) if c[1] == according]
        self.as_ = [i for i, c in enumerate(cols) if c[1] == as_]
        self.alpha = np.array([c[3] for c in cols], dtype=bool)
        fact = np.array([bool(c[4]) or c[5] in facts for c in cols], dtype=bool)
        if ents.by_token:
            fact[np.fromiter(ents.by_token, dtype=np.int64)] = True
        self.fact = fact
        self.personal = np.array([c[1] in personal for c in cols], dtype=bool)
        self.hedge = np.array([c[1] in hedges or (c[1] in modals and c[6] == md) for c in cols], dtype=bool)

    @staticmethod
    def within(positions: list[int], sent: Span) -> list[int]:
        lo = bisect_left(positions, sent.start)
        hi = bisect_left(positions, sent.end)
        return positions[lo:hi]

def quote_regions(sdoc: Doc, min_words: int) -> list[tuple[int, int, bool]]:
    """(start, end, open) character spans inside quote marks, at least a few words long, in text order.

    ``open``: a paragraph that opens a quote and does not close it, the quote going on in the next
    paragraph (the newspaper convention); it is credited to whoever the next quote is credited to."""
    out = []
    for m in _QUOTE.finditer(doc_text(sdoc)):
        g = next(k for k in range(1, 5) if m.group(k) is not None)
        if len(m.group(g).split()) >= min_words:
            out.append((m.start(g), m.end(g), False))
    for m in _OPEN_QUOTE_PARAGRAPH.finditer(doc_text(sdoc)):
        if len(m.group(1).split()) >= min_words:
            out.append((m.start(1), m.end(1), True))
    return sorted(out)

def paragraph_text(sdoc: Doc, sents: list[Span]) -> str:
    text = doc_text(sdoc)
    start = text.rfind("\n", 0, sents[0].start_char) + 1
    end = text.find("\n", sents[-1].end_char - 1)
    return text[start : end if end >= 0 else len(text)]

def paragraph(sents: list[Span], i: int) -> list[Span]:
    lo = i
    while lo > 0 and not breaks_before(sents[lo]):
        lo -= 1
    hi = i
    while hi + 1 < len(sents) and not breaks_before(sents[hi + 1]):
        hi += 1
    return sents[lo : hi + 1]


def breaks_before(sent: Span) -> bool:
    text = doc_text(sent.doc)
    start = sent.start_char
    return start == 0 or "\n" in text[max(0, start - 3) : start]


def ends_sentence(sent: Span) -> bool:
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text in (".", "!", "\u2026", '"', "\u201d") and not sent.text.rstrip().endswith("?")
