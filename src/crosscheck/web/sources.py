"""Watched sources and their health (``crosscheck watch`` keeps them in the store): a page and /api/sources."""
from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from ..model import SourceState
from .readmodel import ReadModel

if TYPE_CHECKING:
    from .app import Renderer

ORDER = {"unhealthy": 0, "failing": 1, "new": 2, "ok": 3}


def source_record(st: SourceState) -> dict:
    """A source as the API shows it (the remembered item fingerprints are internal)."""
    return {"url": st.url, "kind": st.kind, "feed_url": st.feed_url, "health": st.health, "failures": st.failures,
            "last_error": st.last_error, "last_checked": st.last_checked, "last_ok": st.last_ok,
            "next_due": st.next_due, "last_item": st.last_item, "items_ingested": st.items_ingested}


def _sorted(rm: ReadModel) -> list[SourceState]:
    sources = rm.cached(("sources",), rm.store.sources)
    return sorted(sources, key=lambda s: (ORDER.get(s.health, 9), s.url))


def router(rm: ReadModel, renderer: "Renderer") -> APIRouter:
    r = APIRouter()

    @r.get("/api/sources", tags=["api"], summary="Watched sources with their health, unhealthy ones first")
    def api_sources(limit: int = Query(50, ge=1, le=500, description="items per page"),
                    offset: int = Query(0, ge=0, description="items to skip")):
        found = _sorted(rm)
        items = [source_record(s) for s in found[offset:offset + limit]]
        return JSONResponse({"total": len(found), "limit": limit, "offset": offset, "items": items})

    @r.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request):
        sources = _sorted(rm)
        counts = {h: sum(1 for s in sources if s.health == h) for h in ORDER}
        return renderer.page(request, "sources.html", sources=sources, counts=counts)

    return r
