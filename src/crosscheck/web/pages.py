"""Server-rendered pages: story list, story, report, entities, and the offline API docs."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..store.base import DocumentFilter
from .highlight import highlight, spans_of, title_spans
from .api import MAX_OFFSET
from .readmodel import ReadModel, clean_query

if TYPE_CHECKING:
    from .app import Renderer

PAGE = 50
CLAIMS_PAGE = 100  # claims per story page: the claims x reports matrix of the largest stories, cut
REPORTS_PAGE = 50  # report columns of the matrix per story page: the rest a page at a time (a story of 156
# reports drew a 558 KB matrix, two thirds of its 848 KB page)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _offset(value: int) -> int:
    if not 0 <= value <= MAX_OFFSET:
        raise HTTPException(422, f"offset: expected a number from 0 to {MAX_OFFSET}")
    return value


def _opt(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _date(name: str, value: str | None) -> str | None:
    value = _opt(value)
    if value is not None and not _DATE.match(value):
        raise HTTPException(422, f"{name}: expected a date as YYYY-MM-DD")
    return value


def claim_link(claim_id: str, story_id: str, rank: int | None) -> str:
    """The story page (the page of its claim list) that shows this claim, at the claim's row."""
    page = (rank or 0) // CLAIMS_PAGE * CLAIMS_PAGE
    return (f"/stories/{quote(story_id, safe='')}" + (f"?claims={page}" if page else "") +
            f"#ac-{quote(claim_id, safe='')}")


def router(rm: ReadModel, renderer: "Renderer") -> APIRouter:
    r = APIRouter(include_in_schema=False)
    render = renderer.page

    @r.get("/", response_class=HTMLResponse)
    def story_list(request: Request, q: str | None = None, outlet: str | None = None, language: str | None = None,
                   since: str | None = None, until: str | None = None, sort: str = "reports", offset: int = 0,
                   syntax: str | None = None):
        form = {"q": clean_query(q), "outlet": _opt(outlet), "language": _opt(language),
                "since": _date("since", since), "until": _date("until", until),
                "sort": "recent" if sort == "recent" else "reports",
                "syntax": "fts5" if _opt(syntax) == "fts5" else None}
        offset = _offset(offset)
        advanced = form["syntax"] == "fts5"
        page = rm.story_rows(DocumentFilter(query=form["q"], advanced=advanced, outlet=form["outlet"],
                                            language=form["language"], since=form["since"], until=form["until"]),
                             form["sort"], PAGE, offset, documents=False)  # (the page shows counts)
        hits = rm.store.search(form["q"], 10, advanced) if form["q"] else []
        story_of = rm.store.stories_of(d.id for d, _ in hits)
        base = {k: v for k, v in form.items() if v}

        def page_link(off: int) -> str:
            return "/?" + urlencode({**base, "offset": off})

        return render(request, "stories.html", form=form, rows=page.rows, total=page.total,
                      offset=offset, prev_link=page_link(max(0, offset - PAGE)) if offset else None,
                      next_link=page_link(offset + PAGE) if offset + PAGE < page.total else None,
                      hits=hits, story_of=story_of, facets=rm.facets(), documents=rm.document_count())

    @r.get("/stories/{story_id:path}", response_class=HTMLResponse)
    async def story_page(request: Request, story_id: str, claims: int = 0, reports: int = 0):
        claims, reports = _offset(claims), _offset(reports)
        base = f"/stories/{quote(story_id, safe='')}"

        def page(c: int, r: int) -> str:
            query = urlencode({k: v for k, v in (("claims", c), ("reports", r)) if v})
            return base + ("?" + query if query else "")

        def build() -> dict | None:
            # a long claim list is shown CLAIMS_PAGE claims at a time (only they are read), and the matrix
            # REPORTS_PAGE report columns at a time (the matrix is most of the page)
            view = rm.story_page(story_id, claims, CLAIMS_PAGE, reports, REPORTS_PAGE)  # only those reports are read
            if view is None:
                return None
            n, m = view.counts["claims"], len(view.labels)
            if reports and reports >= m:
                raise HTTPException(404, f"reports: offset {reports} is past this story's {m} reports")
            return {"v": view, "shown": view.claims, "claims_offset": claims,
                    "prev_claims": page(max(0, claims - CLAIMS_PAGE), reports) if claims else None,
                    "next_claims": page(claims + CLAIMS_PAGE, reports) if claims + CLAIMS_PAGE < n else None,
                    "columns": view.documents, "reports_offset": reports,
                    "prev_reports": page(claims, max(0, reports - REPORTS_PAGE)) if reports else None,
                    "next_reports": page(claims, reports + REPORTS_PAGE) if reports + REPORTS_PAGE < m else None}
        key = "&".join(f"{k}={v}" for k, v in (("claims", claims), ("reports", reports)) if v)
        return await renderer.cached(request, "story.html", build, "no such story", story=story_id, key=key or None)

    @r.get("/documents/{doc_id:path}", response_class=HTMLResponse)
    async def document_page(request: Request, doc_id: str):
        def build() -> dict | None:
            doc = rm.store.document(doc_id)
            if doc is None:
                return None
            analysis = rm.store.analysis(doc.id)
            entity_of = rm.store.entity_links_for([doc.id]).get(doc.id, {})
            names = {k: e.name for k, e in rm.store.entities_by_id(entity_of.values()).items()}
            story_id = rm.story_of(doc.id)
            story = rm.store.story(story_id) if story_id else None
            aligned = rm.claims_for_document(doc.id, story_id)
            ranks = rm.store.claim_ranks(c.id for c in aligned.values())
            return dict(doc=doc, body=highlight(doc.text, spans_of(analysis, entity_of, names)), analysis=analysis,
                        title=highlight(doc.title, title_spans(analysis)) if doc.title else None,
                        entity_of=entity_of, names=names, aligned=aligned, story=story,
                        label=f"R{story.documents.index(doc.id) + 1}" if story and doc.id in story.documents else "",
                        claim_links={c: claim_link(c, st, rank) for c, (st, rank) in ranks.items()},
                        syndication=rm.store.syndication_of_documents([doc.id]).get(doc.id),
                        revisions=rm.store.revisions(doc.id), fetched=rm.store.fetch_record(doc.source))
        return await renderer.cached(request, "document.html", build, "no such report")

    @r.get("/entities", response_class=HTMLResponse)
    def entity_list(request: Request, q: str | None = None, offset: int = 0):
        offset = _offset(offset)
        found, total = rm.store.entities_page(_opt(q), None, "claims", PAGE, offset)  # most claims first, by SQL
        counts = rm.store.entity_claim_counts(e.id for e in found)
        base = {"q": _opt(q)} if _opt(q) else {}
        return render(request, "entities.html", q=_opt(q), entities=found, total=total,
                      counts=counts, offset=offset,
                      prev_link="/entities?" + urlencode({**base, "offset": max(0, offset - PAGE)}) if offset else None,
                      next_link="/entities?" + urlencode({**base, "offset": offset + PAGE})
                      if offset + PAGE < total else None)

    @r.get("/entities/{entity_id:path}", response_class=HTMLResponse)
    async def entity_page(request: Request, entity_id: str, offset: int = 0):
        offset = _offset(offset)

        def build() -> dict | None:
            e = rm.store.entities_by_id([entity_id]).get(entity_id)
            if e is None:
                return None
            claims, total, roles = rm.store.entity_claims(entity_id, PAGE, offset)  # one page, by SQL
            link = f"/entities/{quote(entity_id, safe='')}?offset="
            speakers = rm.store.entities_by_id({c.speaker for c in claims if c.speaker})
            ranks = rm.store.claim_ranks(c.id for c in claims)
            return dict(e=e, claims=claims, total=total, offset=offset,
                        links={c.id: claim_link(c.id, c.story, ranks.get(c.id, (c.story, 0))[1]) for c in claims},
                        roles=roles,
                        titles=rm.story_titles(c.story for c in claims),
                        names={k: x.name for k, x in speakers.items()},
                        prev_link=f"{link}{max(0, offset - PAGE)}" if offset else None,
                        next_link=f"{link}{offset + PAGE}" if offset + PAGE < total else None)
        return await renderer.cached(request, "entity.html", build, "no such entity", key=f"offset={offset}")

    @r.get("/claims/{claim_id:path}")
    def claim_page(claim_id: str):
        where = rm.store.claim_ranks([claim_id]).get(claim_id)
        if where is None:
            raise HTTPException(404, "no such claim")
        return RedirectResponse(claim_link(claim_id, *where), status_code=303)

    @r.get("/docs", response_class=HTMLResponse)
    def api_docs(request: Request):
        return render(request, "apidocs.html")

    return r
