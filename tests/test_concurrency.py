"""Concurrency: readers keep working while an ingest writes (WAL); two ingests into one store serialise
on the store's writer lock, or fail with one clear line when the wait runs out; never a duplicate."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from test_crash_safety import check_store, write_batch


def _env(**extra) -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), **extra}


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "crosscheck.cli", "--db", str(db), *args]


def _documents(db: Path) -> int:
    from crosscheck.store import open_store

    try:
        s = open_store(db, readonly=True)
    except Exception:
        return -1
    try:
        return s.count_documents()
    finally:
        s.close()


@pytest.mark.slow
def test_two_ingests_of_the_same_file_serialise(tmp_path):
    """Both finish; each report is stored once; the second sees the first's work (all duplicates)."""
    src = tmp_path / "same.jsonl"
    sources = write_batch(src, 24, seed=11)
    db = tmp_path / "store.db"
    procs = [subprocess.Popen(_cli(db, "ingest", "--batch-size", "4", str(src)), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=_env(), cwd=tmp_path) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "Traceback" not in err
    summary = sorted(out for out, _ in outs)
    assert any("24 new, 0 duplicate" in s for s in summary), summary
    assert any("0 new, 24 duplicate" in s for s in summary), summary
    check_store(db, sources)


@pytest.mark.slow
def test_two_ingests_of_different_files_keep_one_story_state(tmp_path):
    """Overlapping reports from two processes: all land, the story/feature state is complete."""
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    sa = write_batch(a, 16, seed=5)
    write_batch(b, 24, seed=5)  # same first 16 reports plus 8 more
    sb = [json.loads(line)["url"] for line in b.read_text(encoding="utf-8").splitlines()]
    db = tmp_path / "store.db"
    procs = [subprocess.Popen(_cli(db, "ingest", "--batch-size", "4", str(p)), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=_env(), cwd=tmp_path) for p in (a, b)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    check_store(db, sorted(set(sa) | set(sb)))


def test_waiting_writer_gives_up_with_one_line(tmp_path):
    """While another process holds the writer lock, an ingest with a short wait fails cleanly."""
    from crosscheck.store import open_store

    src = tmp_path / "r.jsonl"
    write_batch(src, 2)
    db = tmp_path / "store.db"
    holder = open_store(db)
    try:
        with holder.writer_lock():
            proc = subprocess.run(_cli(db, "ingest", str(src)), capture_output=True, text=True,
                                  env=_env(CROSSCHECK_WRITER_WAIT="1"), cwd=tmp_path, timeout=120)
    finally:
        holder.close()
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2, proc.stderr  # a notice that it waits, then the one-line failure
    assert lines[0].startswith("waiting for another crosscheck process")
    assert lines[1].startswith(f"crosscheck: {db}: another crosscheck process (pid {os.getpid()}) is writing")
    assert _documents(db) == 0


def test_writer_lock_is_released_when_its_holder_dies(tmp_path):
    """flock goes with the process: a SIGKILLed writer never leaves the store locked."""
    from crosscheck.store import open_store

    db = tmp_path / "store.db"
    open_store(db).close()
    code = ("import sys, time; from crosscheck.store import open_store\n"
            "s = open_store(sys.argv[1])\n"
            "with s.writer_lock():\n    print('locked', flush=True); time.sleep(60)\n")
    child = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True, env=_env())
    assert child.stdout.readline().strip() == "locked"
    s = open_store(db)
    with pytest.raises(Exception, match="another crosscheck process"):
        with s.writer_lock(wait=0.3):
            pass
    child.kill()
    child.wait()
    with s.writer_lock(wait=5):
        pass
    s.close()


@pytest.mark.slow
def test_readers_work_while_an_ingest_writes(tmp_path):
    """`export`, `serve --get /api/stories` and an in-process reader all answer during the ingest."""
    src = tmp_path / "big.jsonl"
    sources = write_batch(src, 72, seed=9)
    db = tmp_path / "store.db"
    writer = subprocess.Popen(_cli(db, "ingest", "--batch-size", "4", str(src)), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=_env(), cwd=tmp_path)
    end = time.monotonic() + 120
    while _documents(db) <= 0 and writer.poll() is None and time.monotonic() < end:
        time.sleep(0.05)
    seen: list[int] = []
    rounds = 0
    while writer.poll() is None and rounds < 4:
        export = subprocess.run(_cli(db, "export"), capture_output=True, text=True, env=_env(), cwd=tmp_path,
                                timeout=120)
        assert export.returncode == 0, export.stderr
        data = json.loads(export.stdout)
        assert len({d["source"] for d in data["documents"]}) == len(data["documents"])
        api = subprocess.run(_cli(db, "serve", "--get", "/api/stories"), capture_output=True, text=True,
                             env=_env(), cwd=tmp_path, timeout=120)
        assert api.returncode == 0, api.stderr
        json.loads(api.stdout)
        for _ in range(5):
            n = _documents(db)
            assert n >= (seen[-1] if seen else 0)
            seen.append(n)
        rounds += 1
    out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    assert rounds >= 1, "the ingest finished before any reader ran"
    assert "72 new" in out
    check_store(db, sources)


def test_features_and_entities_stream_in_pages_while_written(tmp_path):
    """Paged reads (keyset) see every row once, in order, even when rows are added between pages."""
    from crosscheck.model import Analysis, Document, Entity
    from crosscheck.store import open_store

    s = open_store(tmp_path / "store.db")
    with s.transaction():
        for i in range(7):
            doc = Document(id=f"d{i}", source=f"s{i}", fmt="txt", text=f"Report {i}.", content_hash=f"h{i}")
            ents = tuple(Entity(key=f"k{j}", name=f"Name {j}", type="PERSON") for j in range(3))
            s.put_document(doc, Analysis(document=doc.id, entities=ents))
            s.put_feature(doc.id, "story", f"data{i}")
    seen = []
    for doc_id, data in s.features("story", page=2):
        seen.append(doc_id)
        if doc_id == "d3":  # a write between pages
            with s.transaction():
                s.put_document(Document(id="d9", source="s9", fmt="txt", text="Late.", content_hash="h9"), None)
                s.put_feature("d9", "story", "late")
    assert seen == [f"d{i}" for i in range(7)] + ["d9"]
    ents = list(s.local_entities(page=4))
    assert [(d, e.key) for d, e in ents] == [(f"d{i}", f"k{j}") for i in range(7) for j in range(3)]
    s.close()
