"""Story title and summary line from its most central report."""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Mapping, Sequence

from crosscheck.boilerplate import looks_like_headline, strip_dateline
from crosscheck.config import Settings
from crosscheck.model import Document, Story, StoryFeatures
from crosscheck.stories.vectors import Vocabulary, feature_keys, vector
from crosscheck.textunits import sentence_spans


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
    scores = [math.fsum(w * centroid.get(k, 0.0) for k, w in v.items()) for v in vecs]
    best = max(range(len(members)), key=lambda i: (scores[i], -i))
    return members[best].document


def _first_sentence(text: str, limit: int = 280) -> str:
    body = " ".join(text.split())
    spans = sentence_spans(body)
    sentence = body[:spans[0][1]] if spans else body
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
