"""`crosscheck fetch`, `watch`, `sources` as a user runs them, against a server on 127.0.0.1."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ROOT, run_cli
from live_server import STORIES, LiveServer, Page, article, rss, serve_story

FAST = ["--delay", "0"]


@pytest.fixture
def server():
    with LiveServer() as s:
        yield s


def export(db):
    out = run_cli("export", db=db)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_fetch_refuses_loopback_with_one_line(server, db_path):
    serve_story(server, "crane", "/news/crane")
    res = run_cli("fetch", server.url("/news/crane"), db=db_path)
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "refused: 127.0.0.1 is a loopback address" in lines[0], res.stderr
    assert server.log == []


def test_fetch_refuses_other_schemes(db_path):
    res = run_cli("fetch", "file:///etc/passwd", db=db_path)
    assert res.returncode == 1 and res.stderr.strip().splitlines() == [
        "crosscheck: file:///etc/passwd: refused: file: URLs are not fetched, only http and https"]


def test_fetch_bad_arguments(db_path, tmp_path):
    res = run_cli("fetch", "no-such-list.txt", db=db_path)
    assert res.returncode == 1 and res.stderr.strip() == \
        "crosscheck: no-such-list.txt: neither an http(s) URL nor a file of URLs"
    listing = tmp_path / "urls.txt"
    listing.write_text("# to read\nhttp://127.0.0.1:9/a\n", encoding="utf-8")
    res = run_cli("fetch", str(listing), db=db_path)
    assert res.returncode == 1 and res.stderr.strip() == \
        "crosscheck: http://127.0.0.1:9/a: refused: 127.0.0.1 is a loopback address (use --allow-private for an intranet)"


def test_fetch_allow_private_ingests_and_watch_once_twice(server, db_path, tmp_path):
    serve_story(server, "crane", "/news/crane")
    res = run_cli("fetch", "--allow-private", *FAST, server.url("/news/crane?utm_source=x"), db=db_path)
    assert res.returncode == 0, res.stderr
    assert "1 new" in res.stdout
    exp = export(db_path)
    assert [d["source"] for d in exp["documents"]] == [server.url("/news/crane")]

    for key in ("ferry", "bridge"):
        serve_story(server, key, f"/news/{key}")
    server.routes["/feed.xml"] = Page(rss([(server.url("/news/ferry"), "Ferry", "x"),
                                           (server.url("/news/bridge"), "Bridge", "y"),
                                           (server.url("/news/crane?utm_medium=rss&fbclid=abc"), "Cranes", "z")]),
                                      content_type="application/rss+xml", etag='"v1"')
    sources = tmp_path / "sources.txt"
    sources.write_text(f"# our outlets\n{server.url('/feed.xml')}\n\n", encoding="utf-8")
    first = run_cli("watch", str(sources), "--once", "--allow-private", *FAST, db=db_path)
    assert first.returncode == 0, first.stderr
    assert "2 new" in first.stdout and "1 duplicate" in first.stdout
    second = run_cli("watch", str(sources), "--once", "--allow-private", *FAST, db=db_path)
    assert second.returncode == 0 and "0 new" in second.stdout and "0 revised" in second.stdout, second.stdout
    assert len(export(db_path)["documents"]) == 3

    listing = run_cli("sources", db=db_path)
    assert listing.returncode == 0 and "feed.xml" in listing.stdout and "ok" in listing.stdout


def test_watch_refuses_without_allow_private(server, db_path, tmp_path):
    sources = tmp_path / "sources.txt"
    sources.write_text(server.url("/feed.xml") + "\n", encoding="utf-8")
    res = run_cli("watch", str(sources), "--once", db=db_path)
    assert "loopback" in res.stderr and server.log == []
    assert len(res.stderr.strip().splitlines()) == 1


def test_watch_bad_inputs(tmp_path, db_path):
    bad = tmp_path / "sources.txt"
    bad.write_text("https://news.example/feed\nftp://news.example/feed\n", encoding="utf-8")
    res = run_cli("watch", str(bad), "--once", db=db_path)
    assert res.returncode == 1 and res.stderr.strip() == \
        f"crosscheck: {bad}:2: refused: ftp: URLs are not fetched, only http and https"
    res = run_cli("watch", str(bad), "--every", "soon", db=db_path)
    assert res.returncode == 1 and "--every" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_watch_killed_mid_round_resumes_without_loss_or_duplicates(server, db_path, tmp_path):
    keys = list(STORIES)
    for key in keys:
        serve_story(server, key, f"/news/{key}")
        title, body = STORIES[key]
        server.routes[f"/news/{key}-2"] = Page(article(title + " (follow-up)", body + "\n\nMore details are expected "
                                                       "from the council at a meeting next week, officials said."))
    items = [(server.url(f"/news/{k}{s}"), k, k) for k in keys for s in ("", "-2")]
    server.routes["/feed.xml"] = Page(rss(items), content_type="application/rss+xml")
    sources = tmp_path / "sources.txt"
    sources.write_text(server.url("/feed.xml") + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "crosscheck.cli", "--db", str(db_path), "watch", str(sources), "--once",
           "--allow-private", "--delay", "1.0", "--batch-size", "2"]  # 8 pages over 8 s: a round to kill in its middle
    proc = subprocess.Popen(cmd, cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stored = 0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            con = sqlite3.connect(db_path, timeout=1)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except sqlite3.Error:
            continue
        if stored >= 2:
            break
    assert proc.poll() is None, "the round ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 2 <= stored < len(items)
    resumed = run_cli("watch", str(sources), "--once", "--allow-private", *FAST, db=db_path)
    assert resumed.returncode == 0, resumed.stderr
    exp = export(db_path)
    sources_seen = [d["source"] for d in exp["documents"]]
    assert sorted(sources_seen) == sorted(url for url, _, _ in items)  # none lost, none twice
    assert all(s["documents"] for s in exp["stories"])


def test_watch_keeps_polling_until_interrupted(server, db_path, tmp_path):
    serve_story(server, "crane", "/news/crane")
    server.routes["/feed.xml"] = Page(rss([(server.url("/news/crane"), "Cranes", "x")]),
                                      content_type="application/rss+xml", etag='"w1"')
    sources = tmp_path / "sources.txt"
    sources.write_text(server.url("/feed.xml") + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "crosscheck.cli", "--db", str(db_path), "watch", str(sources), "--every", "1s",
           "--allow-private", "--delay", "0"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(server.hits("/feed.xml")) < 3 and proc.poll() is None:
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=30)
    hits = server.hits("/feed.xml")
    assert len(hits) >= 3, proc.stderr.read()
    assert all(h.headers.get("if-none-match") == '"w1"' for h in hits[1:])  # later rounds: conditional GETs
    assert len(server.hits("/news/crane")) == 1
