"""Crash safety: `crosscheck ingest` killed with SIGKILL at random points, then run to completion.

The store must then hold each report exactly once, every document with its analysis, features and
story; no orphan rows; findings for every story; no dirty stories; PRAGMA integrity_check = ok.
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

PLACES = ["Tarnholm", "Vessby", "Oakridge Flats", "Saint-Aubrel", "Kovno Bay", "Merrow"]
EVENTS = [
    ("a warehouse fire", "fire chief {p}", "{n} firefighters fought the blaze for six hours"),
    ("a rail strike", "union spokesperson {p}", "{n} trains were cancelled on Monday"),
    ("a chemical spill", "environment officer {p}", "about {n} litres leaked into the river"),
    ("a stadium roof collapse", "city engineer {p}", "{n} people were inside at the time"),
]
PEOPLE = ["Mara Lenz", "Tobias Quell", "Ines Calder", "Oskar Brandvold", "Yara Nunez"]


def write_batch(path: Path, n: int, seed: int = 3) -> list[str]:
    """``n`` small fictional reports in JSON Lines; returns their sources (urls)."""
    rnd = random.Random(seed)
    sources = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            what, who, fact = EVENTS[i % len(EVENTS)]
            place = PLACES[(i // len(EVENTS)) % len(PLACES)]
            person = rnd.choice(PEOPLE)
            num = rnd.randint(3, 400)
            text = (f"Officials in {place} responded on Tuesday to {what}, according to local authorities. "
                    f"{who.format(p=person).capitalize()} said {fact.format(n=num)}. "
                    f"\"We expect to know more by the evening,\" {person} told reporters. "
                    f"Residents were asked to avoid the area around the {rnd.choice(['harbour', 'station', 'market'])}.")
            url = f"https://outlet{i % 9}.example/news/{i}"
            sources.append(url)
            fh.write(json.dumps({"url": url, "title": f"{what.capitalize()} in {place}", "text": text,
                                 "outlet": f"Outlet {i % 9}", "published": f"2026-04-{1 + i % 20:02d}T09:00:00Z",
                                 "language": "en"}) + "\n")
    return sources


DOC_TABLES = ("analyses", "features", "story_documents", "doc_entities", "entity_links", "syndication_members",
              "revisions")


def check_store(db: Path, sources: list[str]) -> None:
    """Each source exactly once, each document complete, no orphans, nothing dirty, integrity ok."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute("SELECT source, count(*) FROM documents GROUP BY source").fetchall()
        assert sorted(r[0] for r in rows) == sorted(sources)
        assert all(r[1] == 1 for r in rows)
        n = len(sources)
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == n
        assert conn.execute("SELECT count(*) FROM analyses").fetchone()[0] == n
        for kind in ("story", "fingerprint"):
            assert conn.execute("SELECT count(*) FROM features WHERE kind = ?", (kind,)).fetchone()[0] == n, kind
        assert conn.execute("SELECT count(*) FROM story_documents").fetchone()[0] == n
        for table in DOC_TABLES:
            orphans = conn.execute(f"SELECT count(*) FROM {table} WHERE document NOT IN (SELECT id FROM documents)"
                                   ).fetchone()[0]
            assert orphans == 0, table
        assert conn.execute("SELECT count(*) FROM syndication_members WHERE grp NOT IN "
                            "(SELECT id FROM syndication_groups)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM dirty_stories").fetchone()[0] == 0
        stories = {r[0] for r in conn.execute("SELECT DISTINCT story FROM story_documents")}
        with_findings = {r[0] for r in conn.execute("SELECT story FROM findings")}
        assert stories <= with_findings, stories - with_findings
        assert with_findings <= stories, "findings of stories that have no documents"
        described = {r[0] for r in conn.execute("SELECT id FROM stories")}
        assert stories <= described
        # every document's local entities are linked once linking has run
        unlinked = conn.execute("SELECT count(*) FROM doc_entities de WHERE NOT EXISTS (SELECT 1 FROM entity_links el "
                                "WHERE el.document = de.document AND el.key = de.key)").fetchone()[0]
        assert unlinked == 0
    finally:
        conn.close()


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _ingest_cmd(db: Path, src: Path, batch: int) -> list[str]:
    return [sys.executable, "-m", "crosscheck.cli", "--db", str(db), "ingest", "--batch-size", str(batch), str(src)]


def _count(db: Path, sql: str) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created / not migrated yet
        return -1


def _kill_when(proc: subprocess.Popen, ready, extra: float, limit: float = 60) -> bool:
    """Wait until ``ready()`` (or the process ends), sleep ``extra``, SIGKILL; True when it was killed."""
    end = time.monotonic() + limit
    while proc.poll() is None and not ready() and time.monotonic() < end:
        time.sleep(0.05)
    time.sleep(extra)
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return proc.returncode == -signal.SIGKILL


@pytest.mark.slow
def test_sigkill_at_random_points_then_complete(tmp_path):
    n = 90
    src = tmp_path / "batch.jsonl"
    sources = write_batch(src, n)
    db = tmp_path / "store.db"
    rnd = random.Random(20260415)
    docs = f"SELECT count(*) FROM documents"
    # kill points: during start-up/migration, mid-batch writes (several), after all documents (entity
    # linking / corroboration of dirty stories)
    plans = [
        ("start-up", lambda: False, 0.0, 1.0 + rnd.random()),
        ("first writes", lambda: _count(db, docs) > 0, rnd.uniform(0.0, 0.3), None),
        ("mid batch", lambda: _count(db, docs) >= 20, rnd.uniform(0.1, 0.8), None),
        ("mid batch", lambda: _count(db, docs) >= 40, rnd.uniform(0.1, 0.8), None),
        # (a short wait: a fast run stored the last 30 documents within 1.5 s and ended before the kill)
        ("mid batch", lambda: _count(db, docs) >= 60, rnd.uniform(0.0, 0.3), None),
        ("finishing", lambda: _count(db, docs) >= n, rnd.uniform(0.0, 0.6), None),
        ("finishing", lambda: _count(db, docs) >= n, rnd.uniform(0.3, 1.5), None),
    ]
    killed = []
    for name, ready, extra, fixed in plans:
        before = _count(db, docs)
        proc = subprocess.Popen(_ingest_cmd(db, src, 4), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=_env(), cwd=tmp_path)
        if fixed is not None:
            time.sleep(fixed)
            ok = proc.poll() is None
            if ok:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
        else:
            ok = _kill_when(proc, ready, extra)
        if not ok:
            assert proc.returncode == 0, proc.stderr.read().decode()
        proc.stderr.close()
        killed.append((name, ok, before, _count(db, docs)))
    print("kills (phase, killed, documents before, after):", killed)
    assert sum(ok for _, ok, _, _ in killed) >= 5, killed
    # every kill left a store that opens and checks out
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    final = subprocess.run(_ingest_cmd(db, src, 4), capture_output=True, text=True, env=_env(), cwd=tmp_path,
                           timeout=300)
    assert final.returncode == 0, final.stderr
    assert "0 failed" in final.stdout
    check_store(db, sources)
    # a run after completion changes nothing
    again = subprocess.run(_ingest_cmd(db, src, 4), capture_output=True, text=True, env=_env(), cwd=tmp_path,
                           timeout=300)
    assert again.returncode == 0 and f"0 new, {n} duplicate" in again.stdout, again.stdout
    check_store(db, sources)
