"""Story title and summary line from its most central report."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Mapping, Sequence

from crosscheck.boilerplate import looks_like_headline, strip_dateline
from crosscheck.config import Settings
from crosscheck.model import Document, Story, StoryFeatures
from crosscheck.stories.vectors import Vocabulary, feature_keys, vector

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u0400-\u04ff\uac00-\ud7a3\"“«])")


def central_document(story: Story, features: Sequence[StoryFeatures] | Mapping[str, StoryFeatures],
                     settings: Settings | None = None) -> str | None:
    """The report most similar to all the others (ties: the earliest listed)."""
    by_doc = features if isinstance(features, Mapping) else {f.document: f for f in features}
    members = [by_doc[d] for d in story.documents if d in by_doc]
    if not members:
        return story.documents[0] if story.documents else None
    settings = settings or Settings()
    keys = [feature_keys(f) for f in members]
    vocab = Vocabulary()
    for k in keys:
        vocab.add(k)
    vecs = [vector(k, vocab, settings) for k in keys]
    centroid: dict[str, float] = {}
    for v in vecs:
        for k, w in v.items():
            centroid[k] = centroid.get(k, 0.0) + w
    scores = [sum(w * centroid.get(k, 0.0) for k, w in v.items()) for v in vecs]
    best = max(range(len(members)), key=lambda i: (scores[i], -i))
    return members[best].document


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    with resources.files("crosscheck.data").joinpath("abbreviations.json").open(encoding="utf-8") as fh:
        return frozenset(json.load(fh)["abbreviations"])


def _ends_at(body: str, i: int) -> bool:
    """Whether the full stop before ``body[i:]`` ends a sentence: not after an initial ('N. Korea'),
    a dotted abbreviation ('U.S.') or a listed one ('Gen.', 'St.')."""
    before = body[:i].rstrip()
    if not before.endswith("."):
        return True
    word = before[:-1].rsplit(" ", 1)[-1].lstrip("\"'“‘«(")
    if len(word) <= 1 or "." in word:
        return False
    return word.lower() not in _abbreviations()


def _first_sentence(text: str, limit: int = 280) -> str:
    body = " ".join(text.split())
    sentence = body
    for m in _SENTENCE.finditer(body):
        if _ends_at(body, m.start()):
            sentence = body[:m.start()]
            break
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def _title(doc: Document, others: Sequence[Document]) -> str:
    """A headline: the report's own title when it is one, else another report's, else its lead without dateline."""
    for d in (doc, *others):
        if d.title and looks_like_headline(d.title):
            return d.title.strip()
    return strip_dateline(_first_sentence(doc.text))


def describe(story: Story, documents: Mapping[str, Document],
             features: Sequence[StoryFeatures] | Mapping[str, StoryFeatures],
             settings: Settings | None = None) -> Story:
    """The story with title (headline of its most central report) and summary (that report's lead)."""
    central = central_document(story, features, settings)
    doc = documents.get(central) if central else None
    if doc is None:
        doc = next((documents[d] for d in story.documents if d in documents), None)
    if doc is None:
        return story
    lead = _first_sentence(doc.text)
    title = _title(doc, [documents[d] for d in story.documents if d in documents and documents[d] is not doc])
    summary = lead
    if summary and title and summary.rstrip(".").lower() == title.rstrip(".").lower():
        rest = " ".join(doc.text.split())[len(lead):].strip()
        summary = _first_sentence(rest) or lead
    pubs = sorted(p[:10] for p in (documents[d].published for d in story.documents if d in documents) if p)
    return replace(story, title=_first_sentence(title, 160), summary=summary,
                   first_published=story.first_published or (pubs[0] if pubs else None),
                   last_published=story.last_published or (pubs[-1] if pubs else None))
