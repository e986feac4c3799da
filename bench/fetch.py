"""Fetch-and-ingest rate against a local server holding N pages (default 1,000) on 127.0.0.1.

Starts a threading HTTP server with N fictional article pages (generated from a word list) and a
robots.txt, runs ``pipeline.fetch_urls`` over all of them with the polite fetcher (allow-private,
the given per-host delay), and prints pages/s, and the share of wall time spent waiting on
politeness (the per-host delay, Retry-After, backoff) vs working (HTTP, extraction, analysis, store).
Prints figures; asserts nothing.

    .venv/bin/python bench/fetch.py [--pages 1000] [--delay 0.01] [--fetch-only]
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from crosscheck.config import Settings
from crosscheck.fetch.fetcher import Fetcher
from crosscheck.fetch.watch import fetch_pages
from crosscheck.pipeline import fetch_urls
from crosscheck.store import open_store

WORDS = ("harbour council ferry bridge storm vote budget school river mayor union strike clinic road rail tunnel "
         "permit tender audit court inquiry festival drought flood grain port tariff museum station").split()
NAMES = ["Anja Morsk", "Per Lind", "Marit Olsen", "Tomas Varga", "Ida Kessel", "Lena Brandt"]
TOWNS = ["Port Velden", "Lindholm", "Ostrava Bay", "Kessel", "Norrhavn"]


def page(i: int) -> bytes:
    rnd = random.Random(i)
    topic = rnd.sample(WORDS, 4)
    town, who = rnd.choice(TOWNS), rnd.choice(NAMES)
    paras = [f"The {topic[0]} in {town} will change after a {topic[1]} on Monday, officials said.",
             f"\u201cWe expect {rnd.randint(2, 900)} people to be affected by the {topic[2]},\u201d {who} told reporters.",
             f"The {topic[3]} costs about {rnd.randint(1, 90)} million euros, according to the town council of {town}."]
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{town} {topic[0]} report {i}</title>'
            f'<link rel="canonical" href="/news/{i}"></head><body><nav><a href="/">Home</a></nav>'
            f"<article><h1>{town} {topic[0]} report {i}</h1>{body}</article></body></html>").encode()


def serve(n: int) -> ThreadingHTTPServer:
    pages = {f"/news/{i}": page(i) for i in range(n)}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        wbufsize = 1 << 16  # one write per answer: no Nagle/delayed-ACK stall between headers and body

        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path == "/robots.txt":
                body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
            else:
                body, ctype = pages.get(self.path.split("?")[0], b""), "text/html; charset=utf-8"
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--delay", type=float, default=0.01, help="per-host politeness delay in seconds")
    ap.add_argument("--fetch-only", action="store_true", help="fetch and extract pages, skip the analysis pipeline")
    args = ap.parse_args()
    httpd = serve(args.pages)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    urls = [f"{base}/news/{i}?utm_source=bench" for i in range(args.pages)]
    settings = dataclasses.replace(Settings(), fetch_allow_private=True, fetch_host_delay=args.delay)
    fetcher = Fetcher(settings)
    start = time.perf_counter()
    if args.fetch_only:
        got = list(fetch_pages(fetcher, urls, settings.fetch_workers))
        ok = sum(1 for g in got if not hasattr(g, "reason"))
        what = "fetched"
    else:
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "bench.db")
            result = fetch_urls(urls, store, settings, fetcher=fetcher)
            ok = len(result.new)
            store.close()
        what = "fetched and ingested"
    wall = time.perf_counter() - start
    fetcher.close()
    httpd.shutdown()
    print(f"{what} {ok}/{args.pages} pages in {wall:.1f} s: {ok / wall:.1f} pages/s "
          f"({fetcher.requests} requests, per-host delay {args.delay:g} s)")
    print(f"waiting on politeness: {fetcher.waited:.1f} s ({100 * fetcher.waited / wall:.0f}% of wall time); "
          f"working: {wall - fetcher.waited:.1f} s ({100 * (wall - fetcher.waited) / wall:.0f}%)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
