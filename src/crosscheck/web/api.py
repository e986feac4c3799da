"""JSON API under /api/: the CONTRACT records of export.py, paged (limit/offset, with the total)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import orjson

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse, Response, StreamingResponse

from ..export import (claim_record, claim_record_json, document_record, entity_record, quantity_record,
                      story_record, time_record, timeline_record)
from ..store.base import DocumentFilter
from ..store.claims import ClaimFilter
from ..store.codec import to_data
from .readmodel import ReadModel, clean_query, split_claim_ref

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
STREAM_CLAIMS = 256  # claims per chunk of a streamed answer
MAX_OFFSET = 10**9  # far past any store; SQLite takes 64-bit integers, a bigger one is a 422, not a 500
Syntax = Literal["words", "fts5"]
SYNTAX_HELP = "how q is read: words (each one required; OR between two words, NOT word) or fts5 (SQLite FTS5 syntax)"
Status = Literal["corroborated", "single_source", "conflicting"]


def _page(items: list[Any], total: int, limit: int, offset: int) -> JSONResponse:
    return JSONResponse({"total": total, "limit": limit, "offset": offset, "items": items})


def claim_filter(status: str | None = None, story: str | None = None, document: str | None = None,
                 entity: str | None = None, q: str | None = None, language: str | None = None) -> ClaimFilter:
    """The store's filter for these parameters (an empty ``q`` is no filter)."""
    return ClaimFilter(status=status, story=story, document=document, entity=entity, query=q or None,
                       language=language)


def router(rm: ReadModel) -> APIRouter:
    r = APIRouter(prefix="/api", tags=["api"])
    limit_q = Query(50, ge=1, le=500, description="items per page")
    offset_q = Query(0, ge=0, le=MAX_OFFSET, description="items to skip")

    @r.get("/stories", summary="Stories with counts of reports, independent sources and conflicts")
    def stories(q: str | None = Query(None, description="full-text search over the reports"),
                syntax: Syntax = Query("words", description=SYNTAX_HELP),
                outlet: str | None = None, language: str | None = None,
                since: str | None = Query(None, pattern=DATE, description="a report published on or after"),
                until: str | None = Query(None, pattern=DATE, description="a report published on or before"),
                sort: Literal["reports", "recent"] = "reports", limit: int = limit_q, offset: int = offset_q):
        def build() -> JSONResponse:
            flt = DocumentFilter(query=clean_query(q), advanced=syntax == "fts5", outlet=outlet, language=language,
                                 since=since, until=until)
            page = rm.story_rows(flt, sort, limit, offset)
            return _page([story_record(row.story, row.counts) for row in page.rows], page.total, limit, offset)

        # the answer depends only on the parameters and the database: cached until the database changes
        response = rm.cached(("api-stories", q, syntax, outlet, language, since, until, sort, limit, offset), build)
        return Response(response.body, media_type="application/json")

    @r.get("/stories/{story_id:path}", summary="One story: reports, claims with verdicts, timeline")
    def story(story_id: str):
        view = rm.story_view(story_id)
        if view is None:
            raise HTTPException(404, f"no story {story_id!r}")
        story_of = rm.store.stories_of(d.id for d in view.documents)
        rec = story_record(view.story, view.counts)
        rec["reports"] = [document_record(d, view.syndication.get(d.id), story_of.get(d.id), with_text=False)
                          for d in view.documents]
        rec["claims"] = [claim_record(c) for c in view.claims]
        rec["timeline"] = [timeline_record(e) for e in view.timeline]
        rec["actors"] = [to_data(a) for a in view.actors]
        rec["copies"] = [to_data(g) for g in view.copies]  # syndication groups: kind, reason, shared passages
        return JSONResponse(rec)

    @r.get("/documents", summary="Documents, filtered and paged")
    def documents(q: str | None = Query(None, description="full-text search"),
                  syntax: Syntax = Query("words", description=SYNTAX_HELP), outlet: str | None = None,
                  language: str | None = None, since: str | None = Query(None, pattern=DATE),
                  until: str | None = Query(None, pattern=DATE), story: str | None = None,
                  text: bool = Query(False, description="include the clean text"),
                  limit: int = limit_q, offset: int = offset_q):
        q = clean_query(q)
        advanced = syntax == "fts5"
        flt = DocumentFilter(query=q, advanced=advanced, outlet=outlet, language=language, since=since, until=until,
                             story=story)
        total = rm.store.count_documents(flt)
        page = DocumentFilter(query=q, advanced=advanced, outlet=outlet, language=language, since=since, until=until, story=story,
                              limit=limit, offset=offset)
        docs = list(rm.store.documents(page))
        synd = rm.store.syndication_of_documents(d.id for d in docs)
        story_of = rm.store.stories_of(d.id for d in docs)
        items = [document_record(d, synd.get(d.id), story_of.get(d.id), with_text=text) for d in docs]
        return _page(items, total, limit, offset)

    @r.get("/documents/{doc_id:path}", summary="One document with its text and analysis")
    def document(doc_id: str):
        doc = rm.store.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        story_id = rm.story_of(doc.id)
        rec = document_record(doc, rm.store.syndication_of_documents([doc.id]).get(doc.id), story_id)
        analysis = rm.store.analysis(doc.id)
        aligned = rm.claims_for_document(doc.id, story_id)
        links = rm.store.entity_links_for([doc.id]).get(doc.id, {})
        if analysis is not None:
            rec["entities"] = [dict(entity_record(e), key=e.key, id=links.get(e.key)) for e in analysis.entities]
            rec["mentions"] = [dict(to_data(m), entity_id=links.get(m.entity)) for m in analysis.mentions]
            rec["quantities"] = [quantity_record(doc.id, x) for x in analysis.quantities]
            rec["times"] = [time_record(doc.id, x) for x in analysis.times]
            rec["claims"] = [dict(to_data(c), aligned=aligned[c.key].id if c.key in aligned else None,
                                  status=aligned[c.key].status if c.key in aligned else None) for c in analysis.claims]
        rec["revisions"] = rm.store.revisions(doc.id)
        fetched = rm.store.fetch_record(doc.source)  # how a fetched report came in: final URL, time
        rec["fetched"] = to_data(fetched) if fetched is not None else None
        return JSONResponse(rec)

    @r.get("/claims", summary="Aligned claims with verdicts, filtered and paged")
    def claims(status: Status | None = None, story: str | None = None, document: str | None = None,
               entity: str | None = Query(None, description="claims by or about this entity id"),
               q: str | None = Query(None, description="words in the claim or its speaker"),
               language: str | None = Query(None, description="claims with a retelling in this language (ISO 639-1)"),
               limit: int = limit_q, offset: int = offset_q):
        flt = claim_filter(status, story, document, entity, q, language)

        def build() -> JSONResponse:  # filtered, sorted and cut by the database: one page decoded
            if entity is not None and flt == ClaimFilter(entity=entity):  # the entity's stored list: page and total
                rows, total = rm.store.entity_claim_rows(entity, limit, offset)
                return _page([claim_record_json(data) for data, _ in rows], total, limit, offset)
            return _page([claim_record(c) for c in rm.store.claims_page(flt, limit, offset)],
                         rm.store.count_claims(flt), limit, offset)
        response = rm.cached(("api-claims", flt, limit, offset), build)
        return Response(response.body, media_type="application/json")

    @r.get("/claims/{claim_id:path}", summary="One aligned claim with its retellings")
    def claim(claim_id: str):
        c = rm.store.claim_by_id(claim_id)
        if c is None:
            raise HTTPException(404, f"no claim {claim_id!r}")
        rec = claim_record(c)
        rec["anchors"] = [{"document": d, "key": k} for d, k in (split_claim_ref(x.claim) for x in c.retellings)]
        return JSONResponse(rec)

    @r.get("/entities", summary="Entities merged across reports, with aliases")
    def entities(q: str | None = Query(None, description="part of the name or an alias"),
                 type: str | None = Query(None, description="PERSON, ORG, GPE, LOC, NORP ..."),
                 limit: int = limit_q, offset: int = offset_q):
        found, total = rm.store.entities_page(q or None, type.upper() if type else None, "name", limit, offset)
        return _page([entity_record(e) for e in found], total, limit, offset)

    @r.get("/entities/{entity_id:path}", summary="One entity and every claim by or about it (or one page of them)")
    def entity(entity_id: str,
               limit: int | None = Query(None, ge=1, le=500, description="claims per page (default: every claim)"),
               offset: int = offset_q):
        e = rm.store.entities_by_id([entity_id]).get(entity_id)
        if e is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        rows, total = rm.store.entity_claim_rows(entity_id, -1 if limit is None else limit, offset)
        head = dict(entity_record(e), total=total)
        if limit is not None:
            head.update(limit=limit, offset=offset)

        def body() -> Iterator[bytes]:  # streamed, STREAM_CLAIMS claims a chunk: memory flat, few thread hops
            out, n = [orjson.dumps(head)[:-1] + b',"claims":['], 0
            for data, role in rows:
                rec = claim_record_json(data)
                rec["role"] = role
                out.append((b"," if n else b"") + orjson.dumps(rec))
                n += 1
                if len(out) >= STREAM_CLAIMS:
                    yield b"".join(out)
                    out = []
            out.append(b"]}")
            yield b"".join(out)
        return StreamingResponse(body(), media_type="application/json")

    return r
