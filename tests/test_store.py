"""The SQLite store: migrations, schema evolution, FTS, revisions, atomic batches."""
from __future__ import annotations

import sqlite3

import pytest

from crosscheck.errors import StoreError
from crosscheck.model import Analysis, Document, Entity, Story, SyndicationGroup
from crosscheck.store import DocumentFilter, open_store
from crosscheck.store.migrations import MIGRATIONS, SCHEMA_VERSION
from crosscheck.store.sqlite import _split_sql, fts_query


def doc(i: int, text: str = "The harbour ferry sank near the pier.", **kw) -> Document:
    base = dict(id=f"d{i}", source=f"https://example.com/{i}", fmt="jsonl", text=text, title=f"Title {i}",
                content_hash=f"h{i}-{hash(text)}", outlet="Example Post", language="en", published="2026-01-0%d" % (i % 9 + 1))
    base.update(kw)
    return Document(**base)


def test_fresh_store_is_at_current_version_in_wal_mode(store):
    assert store.schema_version() == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_connection_keeps_64_mb_of_pages_written_or_read_only(store, tmp_path):
    """A page of a large story reads ~3,000 distinct pages (the 100k bench store); with SQLite's default 2 MB cache
    the B-trees' upper levels were evicted and read again while it ran (3,754 reads)."""
    assert store.conn.execute("PRAGMA cache_size").fetchone()[0] == -65536
    path = tmp_path / "ro.db"
    open_store(path).close()
    ro = open_store(path, readonly=True)
    assert ro.conn.execute("PRAGMA cache_size").fetchone()[0] == -65536
    ro.close()


def test_roundtrip_document_and_analysis(store):
    a = Analysis(document="d1", entities=(Entity(key="e1", name="Ada Byron", type="PERSON", aliases=("Byron",)),))
    with store.transaction():
        store.put_document(doc(1), a)
    assert store.document("d1") == doc(1)
    assert store.analysis("d1") == a
    assert list(store.local_entities()) == [("d1", a.entities[0])]


def test_full_text_search_and_filters(store):
    with store.transaction():
        store.put_document(doc(1), None)
        store.put_document(doc(2, "Wildfire spreads across the valley.", outlet="Valley Times", language="de"), None)
    assert [d.id for d, _ in store.search("ferry")] == ["d1"]
    assert [d.id for d, _ in store.search("wildfire valley")] == ["d2"]
    assert store.search('"unbalanced quote (') == []  # user syntax never breaks the query
    assert [d.id for d in store.documents(DocumentFilter(outlet="valley times"))] == ["d2"]
    assert [d.id for d in store.documents(DocumentFilter(language="en"))] == ["d1"]
    assert [d.id for d in store.documents(DocumentFilter(query="ferry"))] == ["d1"]
    assert store.count_documents(DocumentFilter(since="2026-01-03")) == 1


def test_revision_keeps_newest_text_and_records_old(store):
    with store.transaction():
        store.put_document(doc(1), None)
    newer = doc(1, "The harbour ferry sank; all passengers were rescued.", revision=2)
    with store.transaction():
        store.put_document(newer, None)
    assert store.document("d1").text.endswith("rescued.")
    assert store.count_documents() == 1
    revs = store.revisions("d1")
    assert [r["revision"] for r in revs] == [1] and revs[0]["content_hash"] == doc(1).content_hash
    assert [d.id for d, _ in store.search("rescued")] == ["d1"]
    assert store.search("sank near pier") == []  # old text gone from the index


def test_failed_batch_leaves_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put_document(doc(1), None)
            raise RuntimeError("crash in the middle of a batch")
    assert store.count_documents() == 0
    assert store.integrity_check() == "ok"


def test_stories_syndication_entities(store):
    with store.transaction():
        for i in (1, 2, 3):
            store.put_document(doc(i), None)
            store.set_story(f"d{i}", "s1" if i < 3 else "s2")
        store.put_story(Story(id="s1", documents=(), title="Ferry sinks"))
        store.set_syndication([SyndicationGroup(id="g1", documents=("d1", "d2"), origin="d1")])
        store.replace_entities([Entity(key="x", id="ent-1", name="Ada", type="PERSON")], [("d1", "e1", "ent-1")])
        store.mark_dirty({"s1", "s2"})
    assert store.story("s1").documents == ("d1", "d2") and store.story("s1").title == "Ferry sinks"
    assert {s.id for s in store.stories()} == {"s1", "s2"}
    assert store.syndication_of() == {"d1": "g1", "d2": "g1"}
    assert store.entity_links() == {("d1", "e1"): "ent-1"}
    assert store.dirty_stories() == {"s1", "s2"}


def _old_store(path, version: int) -> None:
    conn = sqlite3.connect(path)
    for i in range(version):
        for stmt in _split_sql(MIGRATIONS[i]):
            conn.execute(stmt)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("INSERT INTO documents (id, source, fmt, text, content_hash) VALUES ('old', 'x', 'txt', 'kept text', 'h')")
    conn.commit()
    conn.close()


def test_older_schema_is_migrated_forward(db_path):
    _old_store(db_path, 1)
    s = open_store(db_path)
    assert s.schema_version() == SCHEMA_VERSION
    assert s.document("old").text == "kept text"
    assert [d.id for d, _ in s.search("kept")] == ["old"]
    assert s.stories() == []  # tables of the newer migration exist


def test_newer_schema_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer crosscheck"):
        open_store(db_path)


def test_directory_and_missing_readonly_paths(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "absent.db", readonly=True)


def test_readonly_store_refuses_writes(db_path):
    open_store(db_path).close()
    ro = open_store(db_path, readonly=True)
    with pytest.raises(StoreError, match="read-only|readonly"):
        with ro.transaction():
            ro.put_document(doc(1), None)


@pytest.mark.parametrize("raw, expected", [
    ("ferry sank", '"ferry" "sank"'),
    ("ferry OR bus", '"ferry" OR "bus"'),
    ('say "hi', '"say" """hi"'),
    ("harb*", '"harb"*'),
    ("OR", '""'),
])
def test_fts_query_quoting(raw, expected):
    assert fts_query(raw) == expected


def test_a_new_store_waits_for_another_connection_holding_the_file(tmp_path):
    """SQLite's switch to WAL takes the file's exclusive lock without the busy handler: two first ingests
    into a new store at once failed at once with 'database is locked' (CI, tests/test_concurrency.py).
    Failed before the switch was retried."""
    import threading

    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another process mid-write on the new file
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        store = open_store(path)
        store.close()
    finally:
        release.join()
        other.close()
