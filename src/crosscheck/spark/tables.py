"""The Parquet tables of a Spark run: the export's fields (CONTRACT.md, built by ``export``'s record
functions) as columns, and the model objects as JSON (``store.codec``) so that ``load`` rebuilds a store
without re-analysing anything.

documents  id, source, title, outlet, published, language, text, captions, syndication_group, url,
           authors, revision, story, credits | document, analysis, story_features, fingerprint,
           claim_vectors (JSON)
stories    id, title, documents, summary, first_published, last_published | story, findings (JSON)
claims     id, story, speaker, speaker_text, text, documents, status, independent_sources | record (JSON)
syndication_groups  id, documents, origin, origin_outlet | record (JSON)
entities   id, name, type, aliases | keys (alias keys, where the entity linking indexes them)
entity_links  document, key, entity
failures   source, reason
"""
from __future__ import annotations

import json

from ..export import claim_record, document_record, entity_record, story_record
from ..model import ClaimVectors, Entity, Story, StoryFindings, SyndicationGroup
from ..store import codec
from .partition import Analysed

TABLES = ("documents", "stories", "claims", "syndication_groups", "entities", "entity_links", "failures")

_S, _A, _I = "string", "array<string>", "int"
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [("id", _S), ("source", _S), ("title", _S), ("outlet", _S), ("published", _S), ("language", _S),
                  ("text", _S), ("captions", _A), ("syndication_group", _S), ("url", _S), ("authors", _A),
                  ("revision", _I), ("story", _S), ("credits", _A), ("document", _S), ("analysis", _S),
                  ("story_features", _S), ("fingerprint", _S), ("claim_vectors", _S)],
    "stories": [("id", _S), ("title", _S), ("documents", _A), ("summary", _S), ("first_published", _S),
                ("last_published", _S), ("story", _S), ("findings", _S)],
    "claims": [("id", _S), ("story", _S), ("speaker", _S), ("speaker_text", _S), ("text", _S), ("documents", _A),
               ("status", _S), ("independent_sources", _I), ("record", _S)],
    "syndication_groups": [("id", _S), ("documents", _A), ("origin", _S), ("origin_outlet", _S), ("record", _S)],
    "entities": [("id", _S), ("name", _S), ("type", _S), ("aliases", _A), ("keys", _A)],
    "entity_links": [("document", _S), ("key", _S), ("entity", _S)],
    "failures": [("source", _S), ("reason", _S)],
}


def schema(table: str) -> str:
    """A Spark DDL schema string of one table."""
    return ", ".join(f"`{name}` {kind}" for name, kind in COLUMNS[table])


def _row(table: str, rec: dict) -> tuple:
    return tuple(rec.get(name) for name, _ in COLUMNS[table])


def document_row(a: Analysed, story: str | None, group: str | None, vectors: ClaimVectors | None) -> tuple:
    rec = document_record(a.document, group, story)
    rec.update(document=codec.dumps(a.document), analysis=codec.dumps(a.analysis),
               story_features=codec.dumps(a.features), fingerprint=codec.dumps(a.fingerprint),
               claim_vectors=codec.dumps(vectors) if vectors is not None else None)
    return _row("documents", rec)


def story_row(story: Story, findings: StoryFindings | None) -> tuple:
    rec = story_record(story)
    rec.update(story=codec.dumps(story), findings=codec.dumps(findings) if findings is not None else None)
    return _row("stories", rec)


def claim_rows(findings: StoryFindings | None) -> list[tuple]:
    out = []
    for c in (findings.claims if findings is not None else ()):
        rec = claim_record(c)
        out.append(_row("claims", {**rec, "record": json.dumps(rec, ensure_ascii=False)}))
    return out


def group_row(g: SyndicationGroup) -> tuple:
    rec = codec.to_data(g)
    return _row("syndication_groups", {**rec, "record": codec.dumps(g)})


def entity_row(e: Entity, keys=()) -> tuple:
    """The export's entity fields and the alias keys a store indexes the entity by."""
    return _row("entities", {**entity_record(e), "keys": list(keys)})
