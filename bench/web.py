"""Load on the web UI: story page and /api/stories under concurrent requests, on loopback.

Builds a synthetic store (default 240 reports in 40 stories, written through the store API), starts
`crosscheck serve` on a free 127.0.0.1 port in a subprocess, drives it with concurrent keep-alive
clients for a bounded time and request count, and prints p50/p95/p99 latency and throughput.
Prints figures; asserts nothing. Goal: story page p95 <= 50 ms.

    .venv/bin/python bench/web.py [--reports 240] [--seconds 10] [--concurrency 8] [--max-requests 20000]
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from crosscheck.model import (AlignedClaim, Analysis, Claim, Document, Entity, Mention, Quantity, Retelling, Story,
                              StoryFindings, SyndicationGroup, TimeExpr, TimelineEntry)
from crosscheck.store import open_store

WORDS = ("harbour council ferry bridge storm vote budget school river mayor union strike clinic road rail tunnel "
         "permit tender audit court inquiry festival drought flood grain port tariff museum station").split()
OUTLETS = ["Northgate Courier", "Valley Ledger", "Coastline Wire", "Morning Standard", "Riverside Post",
           "Eastland Today", "Hill Country News", "Metro Evening"]
LANGS = ["en", "en", "en", "fr", "de", "es"]


def _sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build(path: Path, reports: int, per_story: int = 6, seed: int = 7) -> list[str]:
    """A synthetic store of ``reports`` analysed reports; returns the story ids."""
    rng = random.Random(seed)
    store = open_store(path)
    n_entities = max(20, reports // 3)
    entities = [Entity(key=f"ent-{i}", id=f"ent-{i}", name=f"Person {i} {rng.choice(WORDS).title()}",
                       type=rng.choice(["PERSON", "ORG", "GPE"]), aliases=(f"P{i}", f"Person {i}")) for i in range(n_entities)]
    links: list[tuple[str, str, str]] = []
    story_ids: list[str] = []
    groups: list[SyndicationGroup] = []
    with store.transaction():
        for s in range(0, reports, per_story):
            sid = f"story-{s // per_story:04d}"
            story_ids.append(sid)
            docs = [f"doc-{i:05d}" for i in range(s, min(reports, s + per_story))]
            cast = rng.sample(entities, 5)
            claim_refs: list[tuple[str, str, str]] = []
            for j, did in enumerate(docs):
                paras = [" ".join(_sentence(rng) for _ in range(4)) for _ in range(6)]
                text = "\n\n".join(paras)
                mentions, claims, quantities, times, ents = [], [], [], [], []
                for k, e in enumerate(cast):
                    at = text.find(" ", 40 * k + 5) + 1
                    mentions.append(Mention(at, at + 6, text[at:at + 6], e.type, f"e{k}"))
                    ents.append(Entity(key=f"e{k}", name=e.name, type=e.type, aliases=(e.name,)))
                    links.append((did, f"e{k}", e.id))
                pos = 0
                for c in range(8):
                    end = text.find(".", pos) + 1
                    claims.append(Claim(key=f"c{c + 1}", text=text[pos:end], start=pos, end=end, speaker=f"e{c % 5}",
                                        speaker_text=cast[c % 5].name, cue="said"))
                    claim_refs.append((did, f"c{c + 1}", claims[-1].text))
                    quantities.append(Quantity(pos + 2, pos + 8, text[pos + 2:pos + 8], rng.randint(1, 9000)))
                    times.append(TimeExpr(pos + 10, pos + 16, text[pos + 10:pos + 16], f"2031-0{1 + c % 9}-1{c}"))
                    pos = end + 1
                doc = Document(id=did, source=f"https://bench.example/{did}", fmt="txt", text=text,
                               title=_sentence(rng, 8), url=f"https://bench.example/{did}", outlet=OUTLETS[(s + j) % 8],
                               published=f"2031-{1 + s % 12:02d}-{1 + j:02d}", language=LANGS[j % len(LANGS)],
                               content_hash=did)
                store.put_document(doc, Analysis(document=did, entities=tuple(ents), mentions=tuple(mentions),
                                                 quantities=tuple(quantities), times=tuple(times), claims=tuple(claims)))
                store.set_story(did, sid)
            if len(docs) >= 3:
                groups.append(SyndicationGroup(id=f"syn-{sid}", documents=tuple(docs[1:3]), origin=docs[1]))
            store.put_story(Story(id=sid, documents=tuple(docs), title=_sentence(rng, 9), summary=_sentence(rng, 20),
                                  first_published=f"2031-{1 + s % 12:02d}-01", last_published=f"2031-{1 + s % 12:02d}-06"))
            aligned = []
            for c in range(12):
                carried = rng.sample(docs, rng.randint(1, len(docs)))
                status = "conflicting" if c % 6 == 5 else "corroborated" if len(carried) > 1 else "single_source"
                aligned.append(AlignedClaim(
                    id=f"{sid}-a{c}", story=sid, text=_sentence(rng), speaker=cast[c % 5].id, speaker_text=cast[c % 5].name,
                    documents=tuple(carried), status=status, independent_sources=len(carried),
                    retellings=tuple(Retelling(document=d, claim=f"{d}:c{1 + c % 8}", text=_sentence(rng, 10)) for d in carried),
                    conflicts_with=(f"{sid}-a{c - 1}",) if status == "conflicting" else (),
                    drift=("hedge dropped: 'reportedly'",) if c % 4 == 0 else (), figures=(f"{rng.randint(1, 999)} unit",)))
            store.put_findings(StoryFindings(story=sid, claims=tuple(aligned), timeline=tuple(
                TimelineEntry(story=sid, value=f"2031-0{1 + t}-10", text=_sentence(rng), document=docs[0]) for t in range(5))))
        store.set_syndication(groups)
        store.replace_entities(entities, links)
    store.close()
    return story_ids


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def drive(base: str, paths: list[str], seconds: float, concurrency: int, max_requests: int) -> tuple[list[float], int, float]:
    """Concurrent GETs over ``paths`` until time or count runs out: (latencies in ms, errors, wall seconds)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    sent = 0
    deadline = time.monotonic() + seconds

    def worker(n: int) -> None:
        nonlocal errors, sent
        rng = random.Random(n)
        with httpx.Client(base_url=base, timeout=10) as client:
            while time.monotonic() < deadline:
                with lock:
                    if sent >= max_requests:
                        return
                    sent += 1
                t0 = time.perf_counter()
                try:
                    ok = client.get(rng.choice(paths)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies.append(ms)
                    errors += not ok

    start = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.monotonic() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=240)
    ap.add_argument("--seconds", type=float, default=10.0, help="per scenario")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--max-requests", type=int, default=20000, help="per scenario")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        stories = build(db, max(200, args.reports))
        print(f"store: {max(200, args.reports)} reports, {len(stories)} stories, built in {time.perf_counter() - t0:.1f} s")
        port = _free_port()
        exe = Path(sys.executable).with_name("crosscheck")
        cmd = [str(exe), "--db", str(db), "serve", "--host", "127.0.0.1", "--port", str(port)]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(base + "/api/stories?limit=1", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.05)
            else:
                raise SystemExit("server did not start: " + proc.stderr.read().decode(errors="replace")[-500:])
            scenarios = [
                ("story page (cold: first visit of each story)", [f"/stories/{s}" for s in stories], 1),
                ("story page", [f"/stories/{s}" for s in stories], args.concurrency),
                ("/api/stories", ["/api/stories", "/api/stories?limit=10&offset=10", "/api/stories?sort=recent"],
                 args.concurrency),
                ("/api/stories?q= (full-text filter)", [f"/api/stories?q={w}" for w in WORDS[:8]], args.concurrency),
                ("report page", [f"/documents/doc-{i:05d}" for i in range(0, max(200, args.reports), 7)],
                 args.concurrency),
            ]
            print(f"{'scenario':48} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
            for name, paths, conc in scenarios:
                if conc == 1:  # one pass over every story, uncached
                    lat, errs, wall = drive(base, [], 0, 0, 0)
                    with httpx.Client(base_url=base) as c:
                        t_start = time.monotonic()
                        for p in paths:
                            t1 = time.perf_counter()
                            errs += c.get(p).status_code != 200
                            lat.append((time.perf_counter() - t1) * 1000)
                        wall = time.monotonic() - t_start
                else:
                    lat, errs, wall = drive(base, paths, args.seconds, conc, args.max_requests)
                print(f"{name:48} {len(lat):8d} {errs:6d} {len(lat) / wall:8.1f} {statistics.median(lat):8.2f} "
                      f"{_pct(lat, 95):8.2f} {_pct(lat, 99):8.2f}")
            print(f"(concurrency {args.concurrency}, {args.seconds:g} s per scenario, loopback; goal: story page p95 <= 50 ms)")
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
