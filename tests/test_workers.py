"""Analysis in worker processes (crosscheck.workers): same results as in-process, failures stay per report."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from crosscheck import workers
from crosscheck.config import Settings
from crosscheck.pipeline import Pipeline
from crosscheck.store import codec, open_store

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "corpus"

# fictional reports
FERRY = ("The harbour ferry Lisk ran aground near Tamsby on Tuesday, the coastguard said. All 212 passengers "
         "were taken off by lifeboats, according to the operator. \"Nobody was hurt,\" said Ilse Varga, a "
         "spokeswoman for the port authority. Divers will inspect the hull on Wednesday.")
MARKET = ("Traders at the Merrow fish market said prices rose by a third this week. The market board said "
          "catches fell after two storms. \"We have never seen cod this dear,\" said stallholder Pavel Lund.")
BRIDGE = ("The Oakridge bridge will stay closed until March, the county engineer said on Monday. Cracks were "
          "found in two girders, according to an inspection report. Repairs will cost 4.2 million euros, "
          "officials said.")
COUNCIL = ("The Tamsby council voted 9 to 4 on Thursday to fund a new lifeboat station, the mayor said. "
           "Work is expected to start in May and take 14 months, according to the council's plan.")
FOUR = [("https://a.example/ferry", FERRY), ("https://b.example/market", MARKET),
        ("https://c.example/bridge", BRIDGE), ("https://d.example/council", COUNCIL)]


@pytest.fixture(autouse=True)
def _fresh_pool():
    workers.shutdown()
    yield
    workers.shutdown()


def _jsonl(path: Path, rows) -> Path:
    import json

    path.write_text("".join(json.dumps({"url": u, "text": t}) + "\n" for u, t in rows), encoding="utf-8")
    return path


def _two_workers(**extra) -> Settings:
    return Settings(workers=2, workers_min_reports=2, workers_chunk=2, **extra)


def _picture(store) -> dict:
    """Everything an ingest decides, keyed by source: stories (as sets of sources), analyses, groups, findings."""
    docs = {d.id: d.source for d in store.documents()}
    members: dict[str, set[str]] = {}
    for d, s in store.story_of().items():
        members.setdefault(s, set()).add(docs[d])
    synd: dict[str, set[str]] = {}
    for d, g in store.syndication_of().items():
        synd.setdefault(g, set()).add(docs[d])
    findings = {}
    for story in store.stories():
        found = store.findings(story.id)
        claims = sorted((a.text, a.status, a.independent_sources) for a in found.claims) if found else []
        findings[frozenset(docs[d] for d in story.documents)] = (story.title, claims)
    return {"stories": sorted(map(sorted, members.values())), "groups": sorted(map(sorted, synd.values())),
            "analyses": {docs[d]: codec.dumps(store.analysis(d)) for d in docs}, "findings": findings}


def test_two_workers_give_the_results_of_one(tmp_path):
    pictures = []
    for n, settings in (("one", Settings(workers=1)), ("two", _two_workers())):
        store = open_store(tmp_path / f"{n}.db")
        result = Pipeline(store, settings).ingest([str(DEMO)])
        assert not result.failed and len(result.new) >= 17, result.failed
        pictures.append(_picture(store))
        store.close()
    one, two = pictures
    assert one["stories"] == two["stories"]
    assert one["groups"] == two["groups"]
    assert one["analyses"] == two["analyses"]
    assert one["findings"] == two["findings"]


def test_a_small_batch_starts_no_pool(tmp_path):
    store = open_store(tmp_path / "x.db")
    src = _jsonl(tmp_path / "a.jsonl", FOUR[:2])
    Pipeline(store, Settings(workers=2, workers_min_reports=3)).ingest([str(src)])
    assert workers._state["pool"] is None  # two reports: analysed in this process
    store.close()


def _poisoned_chunk(docs, settings):
    """Runs in the worker: the analysis raises on any report mentioning 'Merrow'."""
    import crosscheck.analyze as analyze_mod

    real = analyze_mod.analyze_parsed

    def bad(doc, sdoc, s=None):
        if "Merrow" in doc.text:
            raise RuntimeError("analysis choked\nsecond line")
        return real(doc, sdoc, s)
    analyze_mod.analyze_parsed = bad
    try:
        return workers.prepare(docs, settings)
    finally:
        analyze_mod.analyze_parsed = real


def _killing_chunk(docs, settings):
    """Runs in the worker: the process is killed (SIGKILL) while it holds a report mentioning 'Merrow';
    with $CC_KILL_ONCE set, only the first time (a worker killed from outside, say)."""
    if any("Merrow" in d.text for d in docs):
        marker = os.environ.get("CC_KILL_ONCE")
        if not marker or not os.path.exists(marker):
            if marker:
                Path(marker).write_text("killed", encoding="utf-8")
            os.kill(os.getpid(), signal.SIGKILL)
    return workers.prepare(docs, settings)


def _ingest_four(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(workers, "_run_chunk", chunk)  # sent to the spawned workers by reference
    store = open_store(tmp_path / "x.db")
    result = Pipeline(store, _two_workers()).ingest([str(_jsonl(tmp_path / "a.jsonl", FOUR))])
    landed = {store.document(d).source for d in result.new}
    store.close()
    return result, landed


def test_a_report_that_breaks_analysis_in_a_worker_fails_alone(tmp_path, monkeypatch):
    result, landed = _ingest_four(tmp_path, monkeypatch, _poisoned_chunk)
    assert [(f.source, f.reason) for f in result.failed] == [
        ("https://b.example/market", "analysis failed: RuntimeError: analysis choked")]
    assert landed == {u for u, _ in FOUR} - {"https://b.example/market"}


def test_a_report_that_kills_its_worker_fails_alone(tmp_path, monkeypatch):
    result, landed = _ingest_four(tmp_path, monkeypatch, _killing_chunk)
    assert [f.source for f in result.failed] == ["https://b.example/market"], result.failed
    assert result.failed[0].reason.startswith("analysis failed: BrokenProcessPool")
    assert "\n" not in result.failed[0].reason
    assert landed == {u for u, _ in FOUR} - {"https://b.example/market"}


def test_a_worker_killed_once_loses_no_report(tmp_path, monkeypatch):
    monkeypatch.setenv("CC_KILL_ONCE", str(tmp_path / "killed"))
    result, landed = _ingest_four(tmp_path, monkeypatch, _killing_chunk)
    assert (tmp_path / "killed").exists()  # a worker did die
    assert not result.failed and landed == {u for u, _ in FOUR}


def _story_task(args, settings):
    """Runs in the worker instead of workers._run_story: notes its pid; the first story it is given kills
    its worker (once, marked by $CC_KILL_ONCE)."""
    with open(os.environ["CC_STORY_PIDS"], "a", encoding="utf-8") as fh:
        fh.write(f"{os.getpid()}\n")
    marker = os.environ["CC_KILL_ONCE"]
    if not os.path.exists(marker):
        Path(marker).write_text("killed", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)
    return workers.corroborate_story(*args[:6], settings, args[6])


def test_stories_are_corroborated_in_the_pool_and_a_dead_worker_loses_none(tmp_path, monkeypatch):
    src = _jsonl(tmp_path / "a.jsonl", FOUR)
    ref = open_store(tmp_path / "one.db")
    Pipeline(ref, Settings(workers=1)).ingest([str(src)])
    expected = _picture(ref)["findings"]
    ref.close()
    pids, marker = tmp_path / "pids", tmp_path / "killed"
    monkeypatch.setenv("CC_STORY_PIDS", str(pids))
    monkeypatch.setenv("CC_KILL_ONCE", str(marker))
    monkeypatch.setattr(workers, "_run_story", _story_task)  # sent to the spawned workers by reference
    store = open_store(tmp_path / "two.db")
    result = Pipeline(store, _two_workers()).ingest([str(src)])
    assert not result.failed, result.failed
    assert marker.exists()  # a worker died while it held a story
    assert os.getpid() not in {int(p) for p in pids.read_text(encoding="utf-8").split()}
    assert _picture(store)["findings"] == expected  # the stories it held were corroborated here
    assert workers._state["pool"] is None  # the broken pool is gone: the next batch starts a fresh one
    store.close()


def test_a_report_revised_while_its_batch_is_in_flight_is_a_revision(tmp_path):
    """A batch is written once the next one is submitted; the same url (new text) or the same text again in
    the next batch must still find the first: a revision, a duplicate, never a second new report."""
    rows = [FOUR[0], FOUR[1], (FOUR[0][0], FOUR[0][1] + " The hull was found intact."), FOUR[1], FOUR[2]]
    store = open_store(tmp_path / "x.db")
    result = Pipeline(store, Settings(workers=1, batch_size=2)).ingest([str(_jsonl(tmp_path / "a.jsonl", rows))])
    assert not result.failed, result.failed
    assert len(result.new) == 3 and len(result.revised) == 1 and len(result.duplicate) == 1
    doc = store.document(result.revised[0])
    assert doc.revision == 2 and doc.text.endswith("found intact.")
    assert len(list(store.documents())) == 3
    store.close()


def _worker_facts(_docs, _settings):
    """Runs in a worker instead of a chunk: whether its model was in memory before its own start-up asked
    for it, and what it sees of one environment variable."""
    from crosscheck.analyze import nlp

    return [nlp.load.cache_info().hits, os.environ.get("CC_WORKER_SEES")]


def test_workers_start_with_the_model_preloaded_and_the_callers_environment(monkeypatch):
    """Workers fork from a server that loaded the model once (their start-up load is a cache hit, under
    'spawn' it was a load) and still see the environment of the process that started their pool, also
    what changed after the server started."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server on this platform")
    settings = _two_workers()
    workers._pool(2, settings).submit(_worker_facts, [], settings).result()  # the server runs from here on
    workers.shutdown()
    monkeypatch.setenv("CC_WORKER_SEES", "set after the server started")
    hits, seen = workers._pool(2, settings).submit(_worker_facts, [], settings).result()
    assert hits >= 1
    assert seen == "set after the server started"


_RECYCLE = r"""
import os, sys
from crosscheck import workers
from crosscheck.config import Settings

def pid(_args, _settings):
    return os.getpid()

if __name__ == "__main__":
    settings = Settings(workers=2, workers_max_tasks=2)
    futures = [workers._pool(2, settings).submit(pid, None, settings) for _ in range(24)]  # a backlog, as corroboration keeps
    pids = {f.result(timeout=120) for f in futures}
    workers.shutdown()
    print(len(pids))
"""


def test_workers_are_replaced_after_their_tasks_without_a_deadlock(tmp_path):
    """Workers are replaced after ``workers_max_tasks`` tasks each, with tasks queued behind them. The
    executor's own max_tasks_per_child deadlocked there (CPython gh-115634: a 840-report ingest hung)."""
    import subprocess
    import sys

    script = tmp_path / "recycle.py"
    script.write_text(_RECYCLE, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    try:
        out = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired:
        pytest.fail("the pool hung with tasks queued behind workers at their task limit")
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.split()[-1]) >= 6  # 24 tasks, 4 a pool (2 workers x 2): six pools' workers took over


_OWNER = r"""
import os, sys, time
from crosscheck import workers
from crosscheck.config import Settings

def pid(_args, _settings):
    return os.getpid()

if __name__ == "__main__":
    settings = Settings(workers=2)
    print(workers._pool(2, settings).submit(pid, None, settings).result(timeout=120), flush=True)
    time.sleep(600)
"""


def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path):
    """A pool's process killed outright leaves no worker (and no fork server) behind."""
    if not Path("/proc").is_dir():
        pytest.skip("reads /proc")
    import subprocess
    import sys
    import time

    script = tmp_path / "owner.py"
    script.write_text(_OWNER, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE, text=True)
    try:
        worker = int(proc.stdout.readline())
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and Path(f"/proc/{worker}").exists() and \
            "Z" not in Path(f"/proc/{worker}/stat").read_text().split(")")[-1].split()[:1]:
        time.sleep(0.2)
    alive = Path(f"/proc/{worker}").exists() and \
        "Z" not in Path(f"/proc/{worker}/stat").read_text().split(")")[-1].split()[:1]
    if alive:
        os.kill(worker, signal.SIGKILL)
    assert not alive, "a worker outlived the process that started its pool"
