"""Document -> facts: one spaCy pass per report, then entities, claims, quantities, times and lemmas.

``analyze(docs, settings)`` parses all texts in one batched ``nlp.pipe`` (see nlp.py) and keeps the
post-processing light: each stage walks the parsed tokens once. Reports in other languages still get
an Analysis: names where the English model finds them in Latin script, lemmas as lowercased words,
no claims (the attribution rules read English).
"""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from spacy.tokens import Doc

from crosscheck.analyze import claims as _claims
from crosscheck.analyze import entities as _entities
from crosscheck.analyze import nlp as _nlp
from crosscheck.analyze.aliases import link
from crosscheck.config import Settings
from crosscheck.model import Analysis, Document

__all__ = ["analyze", "analyze_parsed", "link"]

_EDGE_PUNCT = re.compile(r"^\W+|\W+$")
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def analyze(docs: Sequence[Document], settings: Settings | None = None) -> list[Analysis]:
    """One Analysis per document, in order."""
    settings = settings or Settings()
    cap = settings.analysis_max_chars
    texts = [_nlp.head(d.text or "", cap) for d in docs]
    parsed = _nlp.parse(texts, settings.spacy_model, settings.nlp_batch_size, settings.nlp_max_chars)
    out = []
    for doc, text, sdoc in zip(docs, texts, parsed):
        if len(text) < len(doc.text or ""):  # a huge report: its neighbours must not wait on it (issue 11)
            note = (f"text analysed up to character {len(text):,} of {len(doc.text):,} (Settings.analysis_max_chars); "
                    "the rest is stored but not analysed")
            analysis = analyze_parsed(dataclasses.replace(doc, text=text), sdoc, settings)
            out.append(dataclasses.replace(analysis, notes=analysis.notes + (note,)))
        else:
            out.append(analyze_parsed(doc, sdoc, settings))
    return out


def analyze_parsed(doc: Document, sdoc: Doc, settings: Settings | None = None) -> Analysis:
    """The Analysis of one document already parsed by the pipeline of nlp.py."""
    latin = _latin(doc.text or "")
    english = (doc.language or "en").lower().startswith("en") and latin
    ents = _entities.extract(sdoc, latin=latin)
    mentions = list(ents.mentions)
    claims = ()
    if english:
        found = _claims.extract(sdoc, ents, outlet=doc.outlet, settings=settings)
        claims = found.claims
        mentions.extend(found.mentions)
        mentions.sort(key=lambda m: m.start)
    quantities, times = _numbers_and_dates(doc, sdoc if english else None)
    return Analysis(
        document=doc.id, entities=ents.entities, mentions=tuple(mentions), quantities=tuple(quantities),
        times=tuple(times), claims=tuple(claims), lemmas=_lemmas(sdoc, english),
    )


def _numbers_and_dates(doc: Document, sdoc: Doc):
    try:
        from crosscheck.analyze import quantities, times
    except ImportError as exc:  # written by another stage owner; the analysis needs both
        raise ImportError(f"crosscheck.analyze needs quantities.py and times.py: {exc}") from exc
    return quantities.extract(doc, sdoc), times.extract(doc, sdoc) + times.extract_captions(doc)


def _lemmas(sdoc: Doc, english: bool) -> tuple[str, ...]:
    if english:
        return tuple(t.lemma_.lower() for t in sdoc if t.pos_ in CONTENT_POS and not t.is_stop and (t.is_alpha or t.like_num))
    words = (_EDGE_PUNCT.sub("", t.lower_) for t in sdoc if not t.is_punct and not t.is_space)
    return tuple(w for w in words if len(w) > 1 and any(ch.isalpha() for ch in w))


def _latin(text: str) -> bool:
    sample = text[:4000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return True
    return sum(1 for ch in letters if ord(ch) < 0x250) >= 0.6 * len(letters)
