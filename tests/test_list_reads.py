"""Issue 14 part 3: the story list's first view reads what it shows. Its header's count of reports comes from a
counter kept by triggers (schema 14), its outlet and language menus from one index seek per value, and its rows
carry counts, not every story's report ids (on the 100k bench store: 5,301 -> 185 page reads)."""
from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from crosscheck.model import Document, Story
from crosscheck.store import DocumentFilter, open_store
from crosscheck.web.app import create_app


def _doc(i: int, outlet: str | None, language: str | None) -> Document:
    return Document(id=f"d{i}", source=f"https://example.org/{i}", fmt="jsonl", text=f"The ferry ran {i} times.",
                    title=f"Ferry {i}", content_hash=f"h{i}", outlet=outlet, language=language,
                    published=f"2031-03-{1 + i % 9:02d}")


def _store(path: Path):
    store = open_store(path)
    outlets = ["Harbour Herald", None, "eastland today", "", "Harbour Herald", "Zeta Wire", "Alpha Post"]
    languages = ["en", "de", None, "en", "", "fr", "de"]
    with store.transaction():
        for i, (o, lang) in enumerate(zip(outlets, languages)):
            store.put_document(_doc(i, o, lang), None)
            store.set_story(f"d{i}", f"story-{i % 3}")
        for s in range(3):
            store.put_story(Story(id=f"story-{s}", documents=tuple(f"d{i}" for i in range(7) if i % 3 == s)))
    return store


def test_the_count_of_reports_is_kept_by_triggers_and_counted_on_migration(tmp_path):
    store = _store(tmp_path / "s.db")
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    assert store.count_documents() == 7
    store.conn.set_trace_callback(None)
    assert not any("count(*) FROM documents" in s for s in seen), seen
    assert store.count_documents(DocumentFilter(language="de")) == 2  # a filter is counted by the database
    with store.transaction():
        store.conn.execute("DELETE FROM documents WHERE id = 'd6'")
    assert store.count_documents() == 6
    # a store of schema 13 (no counter) is counted once by the migration
    with store.transaction():
        store.conn.execute("DROP TRIGGER documents_count_ai")
        store.conn.execute("DROP TRIGGER documents_count_ad")
        store.conn.execute("DROP TABLE row_counts")
        store.conn.execute("PRAGMA user_version = 13")
    store.close()
    store = open_store(tmp_path / "s.db")
    assert store.count_documents() == 6
    with store.transaction():
        store.put_document(_doc(9, "New Wire", "en"), None)
    assert store.count_documents() == 7
    store.close()


def test_the_facets_are_found_by_index_seeks_not_a_walk_of_every_report(tmp_path):
    store = _store(tmp_path / "s.db")
    outlets, languages = store.facets()
    assert outlets == ["Alpha Post", "eastland today", "Harbour Herald", "Zeta Wire"]
    assert languages == ["de", "en", "fr"]

    def steps() -> int:  # SQLite virtual machine steps of one facets() read
        n = [0]

        def tick() -> int:
            n[0] += 1
            return 0
        store.conn.set_progress_handler(tick, 1)
        store.facets()
        store.conn.set_progress_handler(None, 1)
        return n[0]
    small = steps()
    with store.transaction():  # 400 more reports of the same outlets and languages
        for i in range(10, 410):
            store.put_document(_doc(i, ["Harbour Herald", "Zeta Wire"][i % 2], ["en", "de"][i % 2]), None)
    assert store.facets() == (outlets, languages)
    assert steps() <= small + 20, (small, steps())  # before: a walk of both indexes, ~10 steps a report
    store.close()


def test_the_story_list_page_reads_no_story_s_reports(tmp_path):
    store = _store(tmp_path / "s.db")
    store.close()
    store = open_store(tmp_path / "s.db", readonly=True)
    client = TestClient(create_app(store))
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    page = client.get("/")
    store.conn.set_trace_callback(None)
    assert page.status_code == 200 and "from 7 reports" in page.text
    assert not any("FROM story_documents" in s for s in seen), [s for s in seen if "story_documents" in s]
    api = client.get("/api/stories").json()  # the API's list keeps each story's report ids
    assert sorted(d for s in api["items"] for d in s["documents"]) == [f"d{i}" for i in range(7)]
