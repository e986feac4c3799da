"""Reads at scale (issue 14 part 3), by the shape of the work rather than its time: list pages are cut by
SQL (LIMIT), a story page reads only its story's rows and is not rebuilt when another story changes,
export and `stories` stream with flat memory, migration 8 fills the summaries of an existing store.

All report text here is fictional and written for these tests.
"""
from __future__ import annotations

import io
import re
import tracemalloc
from pathlib import Path

from fastapi.testclient import TestClient

from crosscheck.export import write_json
from crosscheck.model import (AlignedClaim, Analysis, Document, Entity, Mention, Quantity, Retelling, Story,
                              StoryFindings, SyndicationGroup, TimeExpr)
from crosscheck.store import open_store
from crosscheck.web.app import create_app
from conftest import schema_before

_PLACES = ("Harrowgate", "Quillmouth", "Fenwick Cross", "Lowater", "Brisk Hollow", "Tamsin Bay")


def _fill(store, n_stories: int, per_story: int = 2, text_len: int = 1500, start: int = 0) -> None:
    """``n_stories`` fictional stories of ``per_story`` reports each, with analyses, entities and findings."""
    with store.transaction():
        for s in range(start, start + n_stories):
            sid = f"story-{s:05d}"
            place = _PLACES[s % len(_PLACES)]
            docs = []
            for k in range(per_story):
                did = f"doc-{s:05d}-{k}"
                body = (f"The council of {place} said on Monday that {s + 3} ferries would run during repairs. "
                        * (text_len // 90 + 1))[:text_len]
                doc = Document(id=did, source=f"/corpus/{did}.txt", fmt="txt", text=body, title=f"{place} ferries {s}",
                               outlet=f"Outlet {k % 3}", published=f"2031-0{1 + s % 9}-1{k}", language="en" if k else "fr",
                               content_hash=did)
                i = body.index(place)
                store.put_document(doc, Analysis(
                    document=did, entities=(Entity(key="e1", name=place, type="GPE", aliases=(place,)),),
                    mentions=(Mention(i, i + len(place), place, "GPE", "e1"),),
                    quantities=(Quantity(0, 3, "three", 3),), times=(TimeExpr(0, 3, "Monday", "2031-01-06"),)))
                store.set_story(did, sid)
                docs.append(did)
            store.put_story(Story(id=sid, documents=tuple(docs), title=f"{place} ferries run during repairs {s}",
                                  first_published=f"2031-0{1 + s % 9}-10", last_published=f"2031-0{1 + s % 9}-1{per_story - 1}"))
            store.put_findings(StoryFindings(story=sid, claims=tuple(
                AlignedClaim(id=f"ac-{s}-{j}", story=sid, text=f"{s + 3} ferries will run.", speaker=f"ent-{s % 6}",
                             speaker_text="the council", documents=tuple(docs),
                             status=("corroborated", "conflicting", "single_source")[j % 3], independent_sources=2,
                             retellings=tuple(Retelling(document=d, claim=f"{d}:c{j}", text="ferries") for d in docs))
                for j in range(1 + s % 4))))
        store.replace_entities([Entity(key=f"ent-{i}", id=f"ent-{i}", name=p, type="GPE", aliases=(p,))
                                for i, p in enumerate(_PLACES)],
                               [(f"doc-{s:05d}-{k}", "e1", f"ent-{s % 6}")
                                for s in range(start, start + n_stories) for k in range(per_story)])


def _traced(store) -> list[str]:
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    return seen


_WHOLE = re.compile(r"FROM (documents|analyses|entity_links|findings|syndication_members|story_documents|"
                    r"claims|entities)\b(?![^()]*\bWHERE\b)", re.I)


def _whole_table_reads(statements: list[str]) -> list[str]:
    """Statements that read one of the big tables without a WHERE (a scan of the whole store)."""
    out = []
    for sql in statements:
        flat = " ".join(sql.split())
        if flat.upper().startswith(("SELECT", "WITH")) and _WHOLE.search(flat):
            if "DISTINCT outlet" in flat or "DISTINCT language" in flat or "count(*) FROM documents" in flat:
                continue  # the filter menus and the total: index walks, once per database version
            out.append(flat)
    return out


def test_list_pages_are_sorted_and_cut_by_sql(tmp_path: Path):
    path = tmp_path / "s.db"
    store = open_store(path)
    _fill(store, 120, per_story=1)
    store.close()
    reader = open_store(path, readonly=True)
    seen = _traced(reader)
    client = TestClient(create_app(reader))
    r = client.get("/api/stories?limit=5&offset=10")
    assert r.status_code == 200 and r.json()["total"] == 120 and len(r.json()["items"]) == 5
    assert client.get("/?offset=50").status_code == 200
    assert client.get("/api/stories?sort=recent&limit=3&language=en").status_code == 200
    pages = [s for s in seen if "FROM story_summaries" in s and "ORDER BY" in s]
    assert pages and all("LIMIT" in s for s in pages), pages
    assert any("count(*) FROM story_summaries" in s for s in seen)
    assert _whole_table_reads(seen) == []
    # the order is the database's: biggest (claims break ties) first, the same as a sort of every story
    items = client.get("/api/stories?limit=500").json()["items"]
    want = sorted(items, key=lambda x: (-x["reports"], -x["claims"], x["id"]))
    assert [x["id"] for x in items] == [x["id"] for x in want]
    assert items[0]["documents"] == [f"doc-{items[0]['id'][6:]}-0"]
    reader.close()


def test_story_page_reads_only_its_rows_and_survives_an_ingest_elsewhere(tmp_path: Path):
    path = tmp_path / "s.db"
    store = open_store(path)
    _fill(store, 30, per_story=3)
    store.close()
    reader = open_store(path, readonly=True)
    seen = _traced(reader)
    client = TestClient(create_app(reader))
    first = client.get("/stories/story-00004")
    assert first.status_code == 200 and "Brisk Hollow" in first.text
    assert _whole_table_reads(seen) == []
    assert any("FROM findings WHERE story" in s for s in seen)

    # another process corroborates a new report into another story: the file changes
    writer = open_store(path)
    _fill(writer, 1, per_story=2, start=9)  # story-00009 rewritten with other findings
    writer.close()
    seen.clear()
    again = client.get("/stories/story-00004")
    assert again.text == first.text
    assert not any("FROM findings" in s for s in seen), "story-00004 was rebuilt after a change to another story"
    assert any("story_summaries WHERE story" in s for s in seen)  # one version check, nothing more
    assert client.get("/stories/story-00009").status_code == 200
    assert any("FROM findings WHERE story" in s for s in seen)

    # a change to the story itself rebuilds it
    writer = open_store(path)
    with writer.transaction():
        writer.put_story(Story(id="story-00004", documents=(), title="Brisk Hollow ferries rerouted"))
        writer.put_findings(StoryFindings(story="story-00004"))
    writer.close()
    assert "Brisk Hollow ferries rerouted" in client.get("/stories/story-00004").text
    assert "Brisk Hollow ferries rerouted" in client.get("/").text
    reader.close()


def _export_peak(tmp_path: Path, n: int) -> tuple[int, int]:
    path = tmp_path / f"e{n}.db"
    store = open_store(path)
    _fill(store, n, per_story=1, text_len=20_000)
    with store.transaction():
        store.set_syndication([SyndicationGroup(id=f"syn-{i}", documents=(f"doc-{i:05d}-0",), origin=f"doc-{i:05d}-0")
                               for i in range(0, n, 5)])
    store.close()
    reader = open_store(path, readonly=True)
    sink = _Sink()
    tracemalloc.start()
    write_json(reader, sink)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    reader.close()
    return peak, sink.size


class _Sink(io.TextIOBase):
    def __init__(self):
        self.size = 0

    def write(self, s: str) -> int:
        self.size += len(s)
        return len(s)


def test_export_streams_in_flat_memory(tmp_path: Path):
    """Peak Python memory of an export of 40 vs 160 reports of 20 kB each: fetched whole, the documents alone
    would add 2.4 MB; streamed, the peak stays within CPython's bounded free lists of the small one's."""
    _export_peak(tmp_path, 3)  # first-use caches (type hints, imports) out of the measurement
    small, small_out = _export_peak(tmp_path, 40)
    big, big_out = _export_peak(tmp_path, 160)
    assert big_out > 3.9 * small_out  # four times the reports written...
    assert big < small + 1_000_000, (small, big)  # ...in about the same memory


def test_export_keeps_contract_sections_and_story_documents(tmp_path: Path):
    import json

    path = tmp_path / "s.db"
    store = open_store(path)
    _fill(store, 3, per_story=2)
    with store.transaction():
        store.put_document(Document(id="doc-undated", source="/u.txt", fmt="txt", text="No date here.",
                                    content_hash="u"), None)
    store.close()
    reader = open_store(path, readonly=True)
    out = io.StringIO()
    write_json(reader, out)
    data = json.loads(out.getvalue())
    assert list(data) == ["documents", "stories", "entities", "claims", "quantities", "times", "timeline",
                          "syndication_groups", "disagreements"]
    assert data["documents"][-1]["id"] == "doc-undated"  # undated last, as before
    dates = [d["published"] for d in data["documents"][:-1]]
    assert dates == sorted(dates)
    by_id = {s["id"]: s for s in data["stories"]}
    assert by_id["story-00001"]["documents"] == ["doc-00001-0", "doc-00001-1"]
    assert {d["id"]: d["story"] for d in data["documents"]}["doc-00002-1"] == "story-00002"
    assert len(data["quantities"]) == len(data["times"]) == 6
    reader.close()


def test_summary_follows_findings_and_goes_with_the_story(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    _fill(store, 2, per_story=2)
    s = store.story_summary("story-00001")
    assert (s.reports, s.claims, s.conflicts, s.corroborated, s.languages, s.outlets) == \
        (2, 2, 1, 1, ("en", "fr"), ("Outlet 0", "Outlet 1"))
    v, v0 = s.version, store.story_version("story-00000")
    with store.transaction():
        store.set_syndication([SyndicationGroup(id="syn-x", documents=("doc-00001-0", "doc-00001-1"),
                                                origin="doc-00001-0")])
        store.put_findings(StoryFindings(story="story-00001"))
    s = store.story_summary("story-00001")
    assert (s.independent_sources, s.claims, s.version) == (1, 0, v + 1)  # one rewrite: one version
    assert store.story_version("story-00000") == v0  # untouched
    with store.transaction():
        for d in ("doc-00001-0", "doc-00001-1"):
            store.set_story(d, "story-00000")
        store.refresh_story_summary("story-00001")
        store.refresh_story_summary("story-00000")
    assert store.story_summary("story-00001") is None
    assert store.story_summary("story-00000").reports == 4
    assert store.count_story_summaries() == 1
    store.close()


def test_migration_fills_summaries_of_an_existing_store(tmp_path: Path):
    path = tmp_path / "old.db"
    conn = schema_before(path, "CREATE TABLE IF NOT EXISTS story_summaries")
    for k, (outlet, lang) in enumerate((("Outlet B", "en"), ("outlet a", "de"), ("Outlet B", "en"))):
        conn.execute("INSERT INTO documents (id, source, fmt, text, content_hash, outlet, language, published) "
                     "VALUES (?,?,?,?,?,?,?,?)", (f"d{k}", f"/d{k}", "txt", "Gulls nest on the quay.", f"h{k}",
                                                  outlet, lang, f"2031-05-0{k + 1}"))
        conn.execute("INSERT INTO story_documents (document, story) VALUES (?, 's1')", (f"d{k}",))
    conn.execute("INSERT INTO stories (id, title, last_published) VALUES ('s1', 'Gulls on the quay', '2031-05-03')")
    conn.execute("INSERT INTO syndication_groups (id, origin) VALUES ('g', 'd0')")
    conn.executemany("INSERT INTO syndication_members (document, grp) VALUES (?, 'g')", [("d0",), ("d2",)])
    conn.executemany("INSERT INTO claims (id, story, status) VALUES (?, 's1', ?)",
                     [("c1", "conflicting"), ("c2", "conflicting"), ("c3", "single_source")])
    conn.commit()
    conn.close()
    store = open_store(path)
    s = store.story_summary("s1")
    assert (s.title, s.reports, s.independent_sources, s.claims, s.conflicts, s.single_source) == \
        ("Gulls on the quay", 3, 2, 3, 2, 1)
    assert s.outlets == ("outlet a", "Outlet B") and s.languages == ("de", "en")
    assert [x.story for x in store.story_summaries(sort="recent")] == ["s1"]
    store.close()


def test_filters_by_one_attribute_use_the_summary_and_agree_with_the_reports(tmp_path: Path):
    from crosscheck.store.base import DocumentFilter

    store = open_store(tmp_path / "s.db")
    _fill(store, 12, per_story=2)
    with store.transaction():  # a story told in German only, by an outlet of its own
        store.put_document(Document(id="doc-de", source="/de.txt", fmt="txt", text="Die Fähren fahren.", title="Fähren",
                                    outlet="Hafenblatt", language="de", published="2031-04-01", content_hash="de"), None)
        store.set_story("doc-de", "story-de")
        store.put_story(Story(id="story-de", documents=("doc-de",), title="Fähren", last_published="2031-04-01"))
    seen = _traced(store)
    for flt in (DocumentFilter(language="DE"), DocumentFilter(outlet="hafenblatt"), DocumentFilter(language="fr"),
                DocumentFilter(outlet="Outlet 1"), DocumentFilter(outlet="Outlet 1", language="de")):
        got = [s.story for s in store.story_summaries(flt, limit=100)]
        by_reports = {d.id: store.story_of_document(d.id) for d in store.documents(
            DocumentFilter(outlet=flt.outlet, language=flt.language))}
        assert sorted(got) == sorted(set(by_reports.values())), flt
        assert store.count_story_summaries(flt) == len(got)
    assert [s.story for s in store.story_summaries(DocumentFilter(language="de"))] == ["story-de"]
    assert store.story_summaries(DocumentFilter(outlet="Outlet 1", language="de")) == []
    assert any("json_each(story_summaries.languages)" in s for s in seen)
    store.close()
