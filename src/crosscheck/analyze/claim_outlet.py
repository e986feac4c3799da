"""The outlet's own statements: which sentences of a report state a fact in the outlet's voice, and the claim
each makes (kind "outlet"; no clause splitting: read straight from the text)."""
from __future__ import annotations

import numpy as np
from spacy.tokens import Span

from crosscheck.analyze import headlines
from crosscheck.analyze.claim_index import Index, ends_sentence
from crosscheck.analyze.claim_state import State
from crosscheck.analyze.claim_text import HEDGES, subject_of
from crosscheck.config import Settings
from crosscheck.model import Claim


def outlet_fact(sent: Span, index: Index, settings: Settings) -> bool:
    """A finished declarative sentence with a finite verb and a number, a date or a named actor."""
    lo, hi = sent.start, sent.end
    words = int(index.alpha[lo:hi].sum())
    if not settings.claim_outlet_min_words <= words <= settings.claim_outlet_max_words or index.personal[lo:hi].any() \
            or not index.fact[lo:hi].any():
        return False
    if not ends_sentence(sent):
        return False
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    return not (root.tag_ in ("VB", "VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in root.children))


def headline_fact(sent: Span, index: Index) -> bool:
    lo, hi = sent.start, sent.end
    return headlines.is_fact(sent, int(index.alpha[lo:hi].sum()), bool(index.personal[lo:hi].any()),
                             bool(index.fact[lo:hi].any()))


def add_outlet(st: State, sent: Span, outlet: str | None) -> None:
    """The sentence as the outlet's own claim."""
    text = " ".join(sent.text.split())
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    idx = np.nonzero(st.index.hedge[sent.start : sent.end])[0]
    hedges = tuple(dict.fromkeys(HEDGES.get(st.sdoc[sent.start + int(k)].lower_, st.sdoc[sent.start + int(k)].lower_)
                                 for k in idx))
    negated = any(c.dep_ == "neg" for c in sent.root.children)
    st.claims.append(Claim(key=f"c{len(st.claims) + 1}", text=text, start=sent.start_char, end=sent.end_char,
                           speaker=None, speaker_text=outlet, kind="outlet", hedges=hedges, negated=negated,
                           subject=subject_of(list(sent))))
