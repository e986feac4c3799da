"""Per story on an executor: describe the story and corroborate its claims with the stages' functions
(``stories.describe``, ``corroborate.corroborate``); claims of a story compared by meaning are
embedded first (``embed``), as the single-machine pipeline embeds them."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from ..config import Settings
from ..model import ClaimVectors, Story
from .partition import Analysed, _reason


def _claim_vectors(rows: list[Analysed], settings: Settings) -> list[ClaimVectors]:
    """Claim embeddings of a story's reports when its claims are compared by meaning (else none), by the
    pipeline's rule (``corroborate.wants_claim_vectors``)."""
    from ..corroborate import wants_claim_vectors
    from ..embed import claim_sentence, get_embedder, pack

    if not wants_claim_vectors([a.document.language for a in rows], settings):
        return []
    embedder = get_embedder(settings.embedder)
    if embedder is None:
        return []
    texts = [claim_sentence(a.document, c) for a in rows for c in a.analysis.claims]
    if not texts:
        return []
    matrix = embedder.embed(texts)
    out, row = [], 0
    for a in rows:
        vecs = tuple((c.key, pack(matrix[row + j])) for j, c in enumerate(a.analysis.claims))
        row += len(a.analysis.claims)
        out.append(ClaimVectors(document=a.document.id, model=embedder.name, vectors=vecs,
                                content_hash=a.document.content_hash))
    return out


def story_of_rows(sid: str, rows: list[Analysed]) -> Story:
    """The story's reports in reading order with their first and last publication dates."""
    pubs = sorted(p for p in (a.features.published for a in rows) if p)
    return Story(id=sid, documents=tuple(a.document.id for a in rows),
                 first_published=pubs[0] if pubs else None, last_published=pubs[-1] if pubs else None)


def corroborate_story(sid: str, items: Iterable[tuple[Analysed, list]], synd_of: dict[str, str],
                      settings: Settings) -> Iterator[tuple]:
    """("story", Story, StoryFindings | None), ("vectors", ClaimVectors)... and ("!failed", (what, reason))."""
    from ..corroborate import corroborate
    from ..stories import describe

    items = sorted(items, key=lambda x: x[0].order)
    rows = [a for a, _ in items]
    entity_ids = {(a.document.id, key): ent for a, links in items for key, ent in links}
    story = story_of_rows(sid, rows)
    docs = {a.document.id: a.document for a in rows}
    try:
        vectors = _claim_vectors(rows, settings)
    except Exception as exc:  # claims are then compared without meaning vectors
        vectors = []
        yield "!failed", (f"story {sid}", _reason("claim embedding failed", exc))
    for cv in vectors:
        yield "vectors", cv
    packed = {f"{cv.document}:{key}": vec for cv in vectors for key, vec in cv.vectors}
    try:
        story = describe(story, docs, {a.document.id: a.features for a in rows})
        findings = corroborate(story, docs, {a.document.id: a.analysis for a in rows},
                               {d: synd_of.get(d) for d in docs}, entity_ids, settings, packed)
    except Exception as exc:  # the story stays, without findings; the run goes on
        yield "!failed", (f"story {sid}", _reason("corroboration failed", exc))
        findings = None
    yield "story", dataclasses.replace(story, documents=tuple(docs)), findings
