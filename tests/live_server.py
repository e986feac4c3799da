"""A small HTTP server on 127.0.0.1 (port 0) for the fetch/watch tests: routes are set per test.

A route is a ``Page`` (status, headers, body, ETag/Last-Modified with 304 answers, gzip, a trickle
delay) or a callable ``handler(request) -> Page``. Every request is logged (path, headers) so tests can
check conditional GETs, politeness and what was never asked for. Only 127.0.0.1 is ever a target.
"""
from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Page:
    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    trickle: float = 0.0  # seconds between chunks of 64 bytes (a slow server)
    raw_gzip: bytes | None = None  # send these bytes as a gzip-encoded body as they are (a bomb)


@dataclass
class Seen:
    path: str
    headers: dict
    at: float


class LiveServer:
    def __init__(self):
        self.routes: dict[str, Page | Callable] = {}
        self.log: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            wbufsize = 1 << 16  # one write per answer: no Nagle/delayed-ACK stall between headers and body

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                server.log.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
                route = server.routes.get(self.path)
                if route is None:
                    route = server.routes.get(self.path.split("?", 1)[0])
                if callable(route):
                    route = route(self)
                if route is None:
                    route = Page("not here", status=404, content_type="text/plain")
                self._answer(route)

            def _answer(self, page: Page):
                body = page.body.encode("utf-8") if isinstance(page.body, str) else page.body
                inm = self.headers.get("If-None-Match")
                if page.etag and inm == page.etag and page.status == 200:
                    self.send_response(304)
                    self.send_header("ETag", page.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                headers = dict(page.headers)
                if page.raw_gzip is not None:
                    body = page.raw_gzip
                    headers["Content-Encoding"] = "gzip"
                elif page.gzip:
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                self.send_response(page.status)
                if page.content_type:
                    self.send_header("Content-Type", page.content_type)
                if page.etag:
                    self.send_header("ETag", page.etag)
                if page.last_modified:
                    self.send_header("Last-Modified", page.last_modified)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    if page.trickle:
                        for i in range(0, len(body), 64):
                            self.wfile.write(body[i:i + 64])
                            self.wfile.flush()
                            time.sleep(page.trickle)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):  # a client hanging up on purpose (caps, timeouts)
                pass

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[Seen]:
        return [s for s in self.log if s.path == path]

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def article(title: str, body: str, canonical: str | None = None, amp: bool = False, feed: str | None = None) -> str:
    """A fictional news page."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    alt = f'<link rel="alternate" type="application/rss+xml" href="{feed}">' if feed else ""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f'<!doctype html><html{" amp" if amp else ""} lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'{link}{alt}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f'<article><h1>{title}</h1>{paras}</article><footer>Copyright The Harbour Gazette</footer></body></html>')


def rss(items: list[tuple[str, str, str]], title: str = "The Harbour Gazette") -> str:
    """An RSS 2.0 feed of (link, title, description) items."""
    entries = "".join(f"<item><title>{t}</title><link>{link.replace('&', '&amp;')}</link><description>{d}</description>"
                      f"<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>" for link, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>news</description>{entries}</channel></rss>")


# fictional reports for the fetch/watch tests
STORIES = {
    "crane": ("Port Velden opens its new crane line",
              "The harbour authority of Port Velden said on Monday that its new crane line opened after two years "
              "of work.\n\nDirector Anja Morsk told reporters that the 40 million euro line will handle 300 "
              "containers a day and that ten more staff have been hired for the night shift."),
    "ferry": ("Ferry service to Lindholm island suspended",
              "The Lindholm ferry will not sail until Friday because of a broken propeller, the operator Nordsund "
              "Lines said on Tuesday.\n\nAbout 1,200 islanders depend on the crossing, and the council has asked the "
              "coast guard to run a daily boat for medicine and mail."),
    "bridge": ("Inspectors close the old Velden bridge to lorries",
               "Engineers from the regional roads office closed the old Velden bridge to lorries on Wednesday after "
               "finding cracks in two of its steel beams.\n\nCars and buses may still cross, the office said, while "
               "repairs costing about 3 million euros are planned for the spring."),
    "school": ("Velden school gets solar roof",
               "The Velden secondary school switched on 420 solar panels on Thursday, the town council said.\n\n"
               "Headteacher Marit Olsen told pupils that the roof will cover about half of the school's power and "
               "that lessons on energy will use its live readings."),
}


def serve_story(server, key, path, extra="", canonical=True):
    title, body = STORIES[key]
    server.routes[path] = Page(article(title, body + extra, canonical=server.url(path) if canonical else None))
