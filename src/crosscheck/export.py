"""Store -> the CONTRACT JSON. Streams item by item so a large store exports in bounded memory.

The web API reuses the ``*_record`` functions so both speak the same fields.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from .model import AlignedClaim, Document, Entity, Quantity, Story, TimeExpr, TimelineEntry
from .store.base import Store
from .store.codec import to_data


def document_record(doc: Document, syndication_group: str | None, story: str | None = None,
                    with_text: bool = True) -> dict[str, Any]:
    rec = {"id": doc.id, "source": doc.source, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
           "language": doc.language}
    if with_text:
        rec["text"] = doc.text
    rec.update({"captions": list(doc.captions), "syndication_group": syndication_group, "url": doc.url,
                "authors": list(doc.authors), "revision": doc.revision, "story": story,
                "credits": list(doc.credits or ())})
    return rec


def story_record(story: Story, counts: dict[str, int] | None = None) -> dict[str, Any]:
    rec = {"id": story.id, "title": story.title, "documents": list(story.documents), "summary": story.summary,
           "first_published": story.first_published, "last_published": story.last_published}
    if counts:
        rec.update(counts)
    return rec


def entity_record(ent: Entity) -> dict[str, Any]:
    return {"id": ent.id, "name": ent.name, "type": ent.type, "aliases": list(ent.aliases)}


def claim_record(claim: AlignedClaim) -> dict[str, Any]:
    rec = to_data(claim)
    # CONTRACT fields first, richer ones after
    head = {k: rec.pop(k) for k in ("id", "story", "speaker", "speaker_text", "text", "documents", "status",
                                    "independent_sources")}
    head.update(rec)
    return head


def quantity_record(doc_id: str, q: Quantity) -> dict[str, Any]:
    return {"document": doc_id, "text": q.text, "value": q.value, "of": q.of, "qualifier": q.qualifier,
            "low": q.low, "high": q.high, "unit": q.unit, "kind": q.kind, "start": q.start, "end": q.end}


def time_record(doc_id: str, t: TimeExpr) -> dict[str, Any]:
    return {"document": doc_id, "text": t.text, "value": t.value, "anchor": t.anchor,
            "inferred_year": t.inferred_year, "warning": t.warning, "start": t.start, "end": t.end,
            "caption": t.caption}


def timeline_record(e: TimelineEntry) -> dict[str, Any]:
    return to_data(e)


def story_counts(store: Store) -> dict[str, dict[str, int]]:
    """Per story: reports, independent sources (syndication groups once) and conflicting claims."""
    synd = store.syndication_of()
    out: dict[str, dict[str, int]] = {}
    for story in store.stories():
        independent = {synd.get(d, d) for d in story.documents}
        out[story.id] = {"reports": len(story.documents), "independent_sources": len(independent), "conflicts": 0,
                         "claims": 0}
    for f in store.all_findings():
        if f.story in out:
            out[f.story]["claims"] = len(f.claims)
            out[f.story]["conflicts"] = sum(1 for c in f.claims if c.status == "conflicting")
    return out


def _sections(store: Store) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    synd = store.syndication_of()
    story_of = store.story_of()
    yield "documents", (document_record(d, synd.get(d.id), story_of.get(d.id)) for d in store.documents())
    yield "stories", (story_record(s) for s in store.stories())
    yield "entities", (entity_record(e) for e in store.entities())
    yield "claims", (claim_record(c) for f in store.all_findings() for c in f.claims)
    yield "quantities", (quantity_record(a.document, q) for a in store.analyses() for q in a.quantities)
    yield "times", (time_record(a.document, t) for a in store.analyses() for t in a.times)
    yield "timeline", (dict(timeline_record(e)) for f in store.all_findings() for e in f.timeline)
    yield "syndication_groups", (to_data(g) for g in store.syndication_groups())


def write_json(store: Store, out: IO[str]) -> None:
    """Write the whole analysed store as one JSON object (CONTRACT), one item at a time."""
    out.write("{\n")
    first_section = True
    for name, items in _sections(store):
        out.write(("" if first_section else ",\n") + json.dumps(name) + ": [")
        first_section = False
        first = True
        for item in items:
            out.write(("\n  " if first else ",\n  ") + json.dumps(item, ensure_ascii=False))
            first = False
        out.write("\n ]" if not first else "]")
    out.write("\n}\n")
