"""The web shell: a FastAPI app over a store, read only. Pages in Jinja2, JSON under /api/.

Every report text, title, caption and URL is untrusted: templates autoescape, highlighted text is
built from escaped segments (highlight.py), only http(s) URLs become links, and every response
(errors and 500s too) carries a Content-Security-Policy that allows scripts and styles from this
server only. Served on a loopback address, only requests naming that address (or localhost) in their
Host header are answered, so a page of another site cannot reach the store by DNS rebinding.
"""
from __future__ import annotations

import ipaddress
from pathlib import Path
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..denials import denied
from ..errors import QueryError
from ..store.base import Store
from . import api, pages, sources
from .readmodel import MISSING, ReadModel

HERE = Path(__file__).resolve().parent

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """ASGI middleware answering HEAD like GET without the body (headers, status and length as for GET)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_head(message: dict) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, send_head)


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def allowed_hosts(host: str) -> tuple[str, ...] | None:
    """The Host names to answer when serving on ``host``: for a loopback address, that address and the
    loopback names (a rebinding attacker's name is refused); None (any) when bound to another interface."""
    name = host.strip("[]").lower()
    try:
        loopback = ipaddress.ip_address(name).is_loopback
    except ValueError:
        loopback = name == "localhost"
    return tuple(dict.fromkeys((name, *LOOPBACK_NAMES))) if loopback else None


class CheckHost:
    """ASGI middleware refusing (400) a request whose Host header is not one of ``hosts``."""

    def __init__(self, app: Any, hosts: Iterable[str]):
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] in ("http", "websocket"):
            raw = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1").strip().lower()
            name = raw[1:raw.index("]")] if raw.startswith("[") and "]" in raw else raw.rsplit(":", 1)[0]
            if name not in self.hosts:
                response = JSONResponse({"detail": "this server answers only requests for "
                                                   f"{', '.join(sorted(self.hosts))} (Host header {raw!r} refused)"},
                                        status_code=400)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class _App(FastAPI):
    """FastAPI with the security headers outside everything, even the handler that answers 500."""

    hosts: tuple[str, ...] | None = None

    def build_middleware_stack(self) -> Any:
        inner = HeadAsGet(super().build_middleware_stack())
        if self.hosts is not None:
            inner = CheckHost(inner, self.hosts)
        return SecurityHeaders(inner)


def http_url(value: Any) -> str | None:
    """``value`` when it is an absolute http(s) URL safe to put in an href, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(ord(ch) < 0x21 or ch in '"<>\\`' or 0x7f <= ord(ch) <= 0x9f for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def seg(value: Any) -> str:
    """A value as one URL path segment."""
    return quote(str(value), safe="")


def short(value: Any, n: int = 90) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def pick(ids: Any, mapping: dict) -> str:
    """Ids shown by their labels ("R1, R3")."""
    return ", ".join(str(mapping.get(i, i)) for i in ids)


def matrix_cells(v: Any, c: Any, columns: Any = None) -> Markup:
    """One claim's row of the story page's matrix (claims x reports), a cell per report: built here rather than
    cell by cell in the template, since the largest stories' matrices (100 claims x ~100 reports) are most of
    their page's rendering time. The markup is the template loop's, byte for byte. ``columns``: the reports
    this page shows (all of the story's by default)."""
    out = []
    for d in (v.documents if columns is None else columns):
        key = v.cells.get((c.id, d.id))
        if key is None:
            out.append('        <td class="cell"></td>')
            continue
        anchor = f"#claim-{escape(key)}" if key else ""
        lang = f" ({escape(d.language)})" if d.language else ""
        title = escape(short(v.retold.get((c.id, d.id), c.text), 300))
        out.append(f'        <td class="cell carried"><a href="/documents/{escape(seg(d.id))}{anchor}" title="{title}" '
                   f'aria-label="{escape(v.labels[d.id])}{lang} carries this claim">●</a></td>')
    return Markup("\n".join(out))


def make_env() -> Environment:
    """The page templates, every one compiled now: a server pays the compilation (~0.1 s) once at start,
    not on the first request that needs each page. Templates are read once (no reload checks)."""
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters.update(http_url=http_url, seg=seg, short=short, pick=pick, day=lambda v: (v or "")[:10])
    env.globals.update(matrix_cells=matrix_cells, denied=denied,
                       status_label={"corroborated": "corroborated", "single_source": "single source",
                                     "conflicting": "conflicting"})
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)
    return env


class Renderer:
    """Renders templates; pages that depend only on their path and the store are cached per database version."""

    def __init__(self, rm: ReadModel, env: Environment):
        self.rm = rm
        self.env = env

    def html(self, path: str, template: str, **ctx: Any) -> str:
        return self.env.get_template(template).render(path=path, **ctx)

    def page(self, request: Request, template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(self.html(request.url.path, template, **ctx), status_code=status_code)

    async def cached(self, request: Request, template: str, build: Callable[[], dict | None],
                     missing: str, story: str | None = None, key: str | None = None) -> HTMLResponse:
        """The page from ``build()``'s context, or 404 with ``missing`` when it returns None.

        A cached page is answered on the event loop; building one (store reads) runs in the thread pool.
        With ``story``, the page is kept until that story changes (not whenever the database does).
        ``key``: what the page depends on beyond its path (e.g. its query string).
        """
        path = request.url.path
        key = ("page", template, path, key)

        def make() -> str | None:
            ctx = build()
            return None if ctx is None else self.html(path, template, **ctx)

        html = self.rm.peek(key)
        if html is MISSING:
            html = await run_in_threadpool(self.rm.cached, key, make, story)
        if html is None:
            raise StarletteHTTPException(404, missing)
        return HTMLResponse(html)


def create_app(store: Store, hosts: Iterable[str] | None = None) -> FastAPI:
    """The web UI and REST API over ``store`` (read only); ``hosts``: answer only these Host names
    (see ``allowed_hosts``), None: any."""
    rm = ReadModel(store)
    renderer = Renderer(rm, make_env())
    render = renderer.page

    app = _App(title="crosscheck", version="1", docs_url=None, redoc_url=None,
                  description="Read-only API over a crosscheck store: stories, documents, claims with verdicts, "
                              "entities. Lists take limit/offset and return the total.")
    app.hosts = tuple(hosts) if hosts is not None else None
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router(rm))
    app.include_router(pages.router(rm, renderer))
    app.include_router(sources.router(rm, renderer))

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        headers = getattr(exc, "headers", None)  # a 405 carries Allow
        if wants_json(request) or exc.status_code == 405:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
        response = render(request, "error.html", status_code=exc.status_code, code=exc.status_code, detail=exc.detail)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError):
        detail = f"q: {exc}"
        if wants_json(request):
            return JSONResponse({"detail": detail}, status_code=400)
        return render(request, "error.html", status_code=400, code=400, detail=detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        if wants_json(request):
            return JSONResponse({"detail": errors}, status_code=422)
        detail = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in errors)
        return render(request, "error.html", status_code=422, code=422, detail=detail)

    app.state.readmodel = rm
    return app
