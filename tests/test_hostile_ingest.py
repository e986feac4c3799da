"""Regression corpus for the ingest side of issue 11 (defects found by hostile use), one test per defect:

1  a sentinel publication date (year 1, year 9999) with a weekday in the text sank the whole batch; any report
   that breaks a stage after cleaning (analysis, story features, syndication, corroboration) fails alone;
2  reports without url or id (stdin, id-less JSONL lines) replaced each other's text;
7  one huge report held its whole batch (text cap for analysis, with a note);
9  reader defects: a deeply nested JSON line, wrong field types, UTF-16 JSONL, a late NUL byte, unreadable folders;
10 the story grouping depended on how the input was split into runs;
and the issue's "Done when": a folder mixing all the bad inputs with good reports, through the real CLI.
All texts are fictional.
"""
from __future__ import annotations

import io
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, run_cli

from crosscheck.config import Settings
from crosscheck.model import Document, StoryFeatures
from crosscheck.pipeline import Pipeline
from crosscheck.readers import read_sources
from crosscheck.model import ReadFailure

FERRY = ("The Tarnholm ferry ran aground on a sandbank near Vessby harbour on Tuesday, the port authority said. "
         "All 48 passengers were brought ashore by lifeboat crews, harbour master Ines Calder told reporters. "
         "\"The channel will stay closed until the hull has been inspected,\" Calder said.")
MARKET = ("Stallholders at the Merrow covered market protested on Friday against a planned rent rise of 12 percent. "
          "Council spokesperson Oskar Brandvold said the increase would pay for a new roof over the east hall. "
          "\"We cannot absorb another rise this year,\" said trader Yara Nunez, who sells cheese.")
BRIDGE = ("Engineers closed the old Dunmore bridge to lorries on Monday after cracks were found in two of its piers. "
          "Cars may still cross at walking pace, the county roads department said in a statement. "
          "Repairs are expected to take six weeks and to cost about 2 million euros, officials said.")


def _jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _texts(store) -> list[str]:
    return sorted(d.text for d in store.documents())


# --- 1. sentinel dates; no report sinks a batch -------------------------------------------------------
@pytest.mark.parametrize("published", ["0001-01-01T00:00:00Z", "9999-12-31"])
def test_sentinel_date_with_a_weekday_lands_with_its_neighbours(tmp_path, store, published):
    folder = tmp_path / "in"
    folder.mkdir()
    _jsonl(folder / "a.jsonl", [{"url": "https://a.example/ferry", "text": FERRY, "published": published},
                                {"url": "https://b.example/market", "text": MARKET, "published": "2026-02-03"}])
    (folder / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    result = Pipeline(store).ingest([str(folder)])
    assert len(result.new) == 3 and not result.failed, result.failed
    ferry = next(d for d in store.documents() if "ferry" in d.text)
    assert ferry.published is None  # a placeholder is no publication date
    notes = store.analysis(ferry.id).notes
    assert any("refused" in n and published[:4] in n for n in notes), notes
    assert any(src == "https://a.example/ferry" for src, _ in result.extra["notes"])


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_times_stage_survives_dates_at_the_calendar_edges(published):
    from crosscheck.analyze import times

    doc = Document(id="d", source="s", fmt="txt", published=published, language="en",
                   text="The vote was held on Tuesday. Next month the council meets again; yesterday it said "
                        "nothing, and on December 31, 9999 the lease ends. Two days later it renews.")
    found = times.extract(doc, None)  # raised OverflowError: date value out of range
    assert all(t.value for t in found)


def _poison(monkeypatch, stage: str) -> None:
    """Make one stage raise on any report mentioning 'Merrow'."""
    import crosscheck.analyze as analyze_mod
    import crosscheck.corroborate as corroborate_mod
    import crosscheck.stories as stories_mod
    import crosscheck.syndication as synd_mod

    def bad(doc_text: str) -> None:
        if "Merrow" in doc_text:
            raise RuntimeError(f"{stage} choked\nsecond line")

    if stage == "analysis":
        real = analyze_mod.analyze_parsed
        monkeypatch.setattr(analyze_mod, "analyze_parsed", lambda doc, sdoc, s=None: (bad(doc.text), real(doc, sdoc, s))[1])
    elif stage == "stories":
        real_sf = stories_mod.story_features
        monkeypatch.setattr(stories_mod, "story_features", lambda doc, a: (bad(doc.text), real_sf(doc, a))[1])
    elif stage == "syndication":
        real_fp = synd_mod.fingerprint
        monkeypatch.setattr(synd_mod, "fingerprint", lambda doc, *rest: (bad(doc.text), real_fp(doc, *rest))[1])
    elif stage == "corroboration":
        real_c = corroborate_mod.corroborate

        def corroborate(story, docs, *rest):
            for d in docs.values():
                bad(d.text)
            return real_c(story, docs, *rest)
        monkeypatch.setattr(corroborate_mod, "corroborate", corroborate)


@pytest.mark.parametrize("stage", ["analysis", "stories", "syndication", "corroboration"])
def test_a_report_that_breaks_a_stage_fails_alone(tmp_path, store, monkeypatch, stage):
    _poison(monkeypatch, stage)
    src = _jsonl(tmp_path / "a.jsonl", [{"url": "https://a.example/ferry", "text": FERRY},
                                       {"url": "https://b.example/market", "text": MARKET},
                                       {"url": "https://c.example/bridge", "text": BRIDGE}])
    result = Pipeline(store).ingest([str(src)])
    bad = [f for f in result.failed if f.source == "https://b.example/market"]
    named = {"stories": "story features failed", "syndication": "syndication failed"}.get(stage, f"{stage} failed")
    assert len(bad) == 1 and "\n" not in bad[0].reason, result.failed
    assert bad[0].reason == f"{named}: RuntimeError: {stage} choked", bad[0].reason
    landed = {store.document(d).source for d in result.new}
    assert {"https://a.example/ferry", "https://c.example/bridge"} <= landed
    if stage == "corroboration":  # stored, but left out of its story's findings; the others are corroborated
        assert not store.dirty_stories()
    else:
        assert "https://b.example/market" not in landed and store.count_documents() == 2
    monkeypatch.undo()
    again = Pipeline(store).ingest([str(src)])  # once the stage is mended, a rerun lands what failed
    assert not again.failed and len(again.duplicate) + len(again.new) == 3


# --- 2. identity: only a url or an id makes a revision ---------------------------------------------------
def test_two_pages_piped_in_are_two_reports(store, monkeypatch):
    for text in (FERRY, MARKET):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        result = Pipeline(store).ingest(["-"])
        assert len(result.new) == 1 and not result.revised
    assert _texts(store) == sorted([FERRY, MARKET])  # the first text is still there
    assert {d.source for d in store.documents()} == {"<stdin>"}  # CONTRACT: the source shown stays <stdin>


def test_inserting_a_line_makes_only_the_new_report_new(tmp_path, store):
    path = tmp_path / "feed.jsonl"
    _jsonl(path, [{"text": FERRY}, {"text": BRIDGE}])
    first = Pipeline(store).ingest([str(path)])
    assert len(first.new) == 2
    _jsonl(path, [{"text": MARKET}, {"text": FERRY}, {"text": BRIDGE}])
    second = Pipeline(store).ingest([str(path)])
    assert len(second.new) == 1 and not second.revised and len(second.duplicate) == 2
    assert store.document(second.new[0]).source == f"{path}#1" and _texts(store) == sorted([FERRY, MARKET, BRIDGE])


def test_an_id_still_makes_a_revision(tmp_path, store):
    _jsonl(tmp_path / "a.jsonl", [{"id": "wire-7", "text": FERRY}])
    _jsonl(tmp_path / "b.jsonl", [{"id": "wire-7", "text": FERRY.replace("48", "52")}])
    r1 = Pipeline(store).ingest([str(tmp_path / "a.jsonl")])
    r2 = Pipeline(store).ingest([str(tmp_path / "b.jsonl")])
    assert r2.revised == r1.new and store.count_documents() == 1


def test_store_of_schema_2_migrates_without_losing_analyses(tmp_path):
    """Migration 3 rebuilds the documents table (source loses UNIQUE): nothing may cascade away."""
    from crosscheck.store import open_store
    from crosscheck.store.migrations import MIGRATIONS
    from crosscheck.store.sqlite import _split_sql

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for script in MIGRATIONS[:2]:
        for stmt in _split_sql(script):
            conn.execute(stmt)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO documents (id, source, fmt, text, content_hash) VALUES ('d1', '<stdin>', 'txt', "
                 "'The harbour crane fell.', 'h1')")
    conn.execute("INSERT INTO analyses (document, data) VALUES ('d1', '{\"document\": \"d1\"}')")
    conn.commit()
    conn.close()
    store = open_store(db)
    try:
        assert store.schema_version() == len(MIGRATIONS) >= 3
        assert store.analysis("d1") is not None and store.document("d1").source == "<stdin>"
        with store.transaction():  # a second report with the same shown source is now allowed
            store.conn.execute("INSERT INTO documents (id, source, fmt, text, content_hash) VALUES "
                               "('d2', '<stdin>', 'txt', 'A ferry ran aground.', 'h2')")
        hits = store.conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'crane'").fetchall()
        assert len(hits) == 1  # the full-text index still points at the right rows
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        store.close()


# --- 7. one huge report ---------------------------------------------------------------------------
def test_a_huge_report_is_analysed_up_to_the_cap_and_its_neighbours_land(tmp_path, store):
    huge = "\n".join([BRIDGE] * 400)  # ~100k characters
    src = _jsonl(tmp_path / "a.jsonl", [{"url": "https://a.example/ferry", "text": FERRY},
                                       {"url": "https://b.example/huge", "text": huge},
                                       {"url": "https://c.example/market", "text": MARKET}])
    settings = Settings(analysis_max_chars=5_000)
    result = Pipeline(store, settings).ingest([str(src)])
    assert len(result.new) == 3 and not result.failed
    doc = next(d for d in store.documents() if d.source == "https://b.example/huge")
    assert len(doc.text) > 90_000  # stored whole
    analysis = store.analysis(doc.id)
    assert any("analysed up to character" in n for n in analysis.notes), analysis.notes
    assert all(m.end <= 5_000 for m in analysis.mentions)
    assert ("https://b.example/huge", analysis.notes[-1]) in result.extra["notes"]


# --- 9. readers -----------------------------------------------------------------------------------
def _read(*paths) -> list:
    return list(read_sources([str(p) for p in paths]))


def test_a_deeply_nested_line_fails_alone(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text(json.dumps({"text": FERRY}) + "\n" + "[" * 100_000 + "]" * 100_000 + "\n"
                    + json.dumps({"text": MARKET}) + "\n", encoding="utf-8")
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["RawReport", "ReadFailure", "RawReport"]
    assert items[1].source == f"{path}#2" and "nested" in items[1].reason


@pytest.mark.parametrize("record, field", [({"text": ["a", "b"]}, "text"), ({"text": FERRY, "title": {"x": 1}}, "title"),
                                           ({"text": FERRY, "published": 20260203}, "published"),
                                           ({"text": FERRY, "url": ["https://a.example"]}, "url"),
                                           ({"text": FERRY, "id": [1]}, "id"), ({"text": FERRY, "authors": 7}, "authors")])
def test_wrong_field_types_are_a_per_line_failure(tmp_path, record, field):
    path = _jsonl(tmp_path / "t.jsonl", [record, {"text": MARKET, "id": 17}])
    items = _read(path)
    assert isinstance(items[0], ReadFailure) and items[0].source == f"{path}#1"
    assert f"'{field}'" in items[0].reason and "expected" in items[0].reason
    assert not isinstance(items[1], ReadFailure) and items[1].ext_id == "17"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_jsonl_with_bom_is_decoded(tmp_path, encoding):
    body = json.dumps({"text": "Zürich — " + FERRY}, ensure_ascii=False) + "\n" + json.dumps({"text": MARKET}) + "\n"
    data = body.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    for name in ("r.jsonl", "r"):  # by extension and by sniffing
        (tmp_path / name).write_bytes(data)
        items = _read(tmp_path / name)
        assert [i.text for i in items] == ["Zürich — " + FERRY, MARKET], items


def test_a_nul_byte_is_never_stored(tmp_path):
    late = tmp_path / "late.txt"
    late.write_bytes(FERRY.encode() + b" " * 70_000 + b"\x00" + MARKET.encode())
    line = tmp_path / "late.jsonl"
    line.write_bytes(json.dumps({"text": FERRY + " " * 70_000 + "X"}).encode().replace(b"X", b"\x00") + b"\n")
    items = _read(late, line)
    assert all(isinstance(i, ReadFailure) and "NUL" in i.reason for i in items), items
    escaped = _jsonl(tmp_path / "esc.jsonl", [{"text": FERRY + "\u0000" + " tail"}])
    from crosscheck.clean import clean
    raw = _read(escaped)[0]
    assert "\x00" not in clean(raw).text


def test_unreadable_folders_are_named(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "two.txt").write_text(MARKET, encoding="utf-8")
    (tmp_path / "z.txt").write_text(BRIDGE, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) in ("locked", "top"):  # as a folder root cannot read as root
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = _read(tmp_path)
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert len(failures) == 1 and failures[0].source.endswith("locked") and "Permission denied" in failures[0].reason
    assert sum(not isinstance(i, ReadFailure) for i in items) == 2
    (tmp_path / "top").mkdir()
    (tmp_path / "top" / "x.txt").write_text(FERRY, encoding="utf-8")
    items = _read(tmp_path / "top")
    assert len(items) == 1 and "cannot read folder" in items[0].reason and "holds no files" not in items[0].reason


# --- 10. grouping independent of how the input is split into runs --------------------------------------
def _feats(doc: str, keys: list[str], day: str = "2026-02-03") -> StoryFeatures:
    return StoryFeatures(document=doc, terms=tuple((k, 1) for k in keys), published=day)


def test_runs_give_the_grouping_of_one_run():
    """Reports arriving over several runs end in the stories one run gives: the end of each run re-optimises the
    touched stories with their near candidates and with each new report's best few candidates (a story an earlier
    run split off can score low against one report and still belong with it)."""
    import random

    from crosscheck.stories import StoryIndex

    rnd = random.Random(0)  # 3 topics of 2 sibling events, 6 reports each, in file order
    common = [f"c{i}" for i in range(40)]
    feats = []
    for t in range(3):
        topic = [f"t{t}w{i}" for i in range(10)]
        for e in range(2):
            event = [f"t{t}e{e}w{i}" for i in range(8)]
            for _ in range(6):
                keys = rnd.sample(event, 2) + rnd.sample(topic, 4) + rnd.sample(common, 6)
                feats.append(_feats(f"d{len(feats)}", keys))

    def grouping(runs: int, settings: Settings) -> set[frozenset]:
        stored: dict[str, str] = {}
        size = -(-len(feats) // runs)
        for start in range(0, len(feats), size):
            index = StoryIndex(settings)
            for f in feats:
                if f.document in stored:
                    index.add(f, stored[f.document])
            for f in feats[start: start + size]:
                index.assign(f)
            index.finalize()
            stored = {d: s.id for s in index.stories() for d in s.documents}
        by: dict[str, set] = {}
        for d, s in stored.items():
            by.setdefault(s, set()).add(d)
        return {frozenset(v) for v in by.values()}

    assert grouping(3, Settings()) == grouping(1, Settings())
    near_only = Settings(story_neighbours=0)  # what finalize looked at before: a different grouping in 3 runs
    assert grouping(3, near_only) != grouping(1, near_only)


# --- Done when: a folder of every bad input beside good reports, through the CLI --------------------------
def _hostile_folder(root: Path) -> tuple[int, list[str]]:
    """Good reports and every bad input of this file; returns (good reports, names of the bad ones)."""
    root.mkdir()
    (root / "good1.txt").write_text(FERRY, encoding="utf-8")
    (root / "good2.html").write_text(f"<html><body><article><h1>Dunmore bridge closed</h1><p>{BRIDGE}</p></article>"
                                     "</body></html>", encoding="utf-8")
    records = root / "records.jsonl"
    records.write_text("\n".join([
        json.dumps({"url": "https://a.example/sentinel1", "text": MARKET, "published": "0001-01-01T00:00:00Z"}),
        json.dumps({"url": "https://a.example/sentinel2", "text": MARKET.replace("Friday", "Tuesday"),
                    "published": "9999-12-31"}),
        "[" * 50_000 + "]" * 50_000,
        json.dumps({"text": ["a", "b"]}),
        json.dumps({"text": FERRY.replace("Tarnholm", "Lisk")}),
        json.dumps({"text": FERRY.replace("Tarnholm", "Lisk"), "title": 5}),
    ]) + "\n", encoding="utf-8")
    (root / "wide.jsonl").write_bytes((json.dumps({"text": BRIDGE.replace("Dunmore", "Oakridge")}) + "\n").encode("utf-16"))
    (root / "late_nul.txt").write_bytes(FERRY.encode() + b" " * 70_000 + b"\x00 end")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "empty.txt").write_bytes(b"")
    bad = [f"{records}#3", f"{records}#4", f"{records}#6", str(root / "late_nul.txt"), str(root / "binary.txt"),
           str(root / "empty.txt")]
    return 6, bad  # good1, good2, two sentinel-dated, Lisk ferry, Oakridge bridge (UTF-16)


def test_done_when_a_hostile_folder_lands_every_good_report(tmp_path):
    folder = tmp_path / "mixed"
    good, bad = _hostile_folder(folder)
    db = tmp_path / "x.db"
    env = {"PYTHONPATH": str(ROOT / "src")}
    proc = run_cli("ingest", str(folder), db=db, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    failed = [ln for ln in proc.stderr.splitlines() if ln.startswith("failed: ")]
    assert len(failed) == len(bad), proc.stderr
    for name in bad:
        assert sum(ln.startswith(f"failed: {name}: ") for ln in failed) == 1, (name, proc.stderr)
    assert f"{good} new" in proc.stdout, proc.stdout
    again = run_cli("ingest", str(folder), db=db, env=env)
    assert again.returncode == 0 and f"0 new, {good} duplicate" in again.stdout, again.stdout
    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (only_bad / "n.jsonl").write_text("[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    nothing = run_cli("ingest", str(only_bad), db=db, env=env)
    assert nothing.returncode != 0 and "Traceback" not in nothing.stderr, nothing.stderr


def test_a_revision_that_breaks_a_stage_keeps_the_stored_version(tmp_path, store, monkeypatch):
    copy = FERRY + " The ferry operator apologised."
    first = _jsonl(tmp_path / "a.jsonl", [{"url": "https://a.example/ferry", "text": FERRY},
                                         {"url": "https://b.example/ferry-copy", "text": copy}])
    r1 = Pipeline(store).ingest([str(first)])
    groups = store.syndication_of()
    story = store.story_of()
    assert len(r1.new) == 2 and len(set(groups.values())) == 1
    _poison(monkeypatch, "analysis")
    second = _jsonl(tmp_path / "b.jsonl", [{"url": "https://a.example/ferry", "text": FERRY + " Merrow traders watched."}])
    r2 = Pipeline(store).ingest([str(second)])
    assert not r2.revised and len(r2.failed) == 1 and r2.failed[0].source == "https://a.example/ferry"
    assert store.document(r1.new[0]).text == FERRY  # the stored text stays
    assert store.syndication_of() == groups and store.story_of() == story
