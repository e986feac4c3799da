"""The read-only sources page and /api/sources; a fetched report links to its original URL."""
from __future__ import annotations

from fastapi.testclient import TestClient

from crosscheck.model import Analysis, Document, FetchRecord, SourceState
from crosscheck.store import open_store
from crosscheck.web.app import create_app


def _client(db_path):
    s = open_store(db_path)
    with s.transaction():
        s.put_source(SourceState(url="https://gazette.example/feed.xml", kind="feed", health="ok", items_ingested=4,
                                 last_ok="2026-03-02T10:00:00+00:00", next_due="2026-03-02T10:10:00+00:00",
                                 seen=(("https://gazette.example/a", "f1"),)))
        s.put_source(SourceState(url="https://broken.example/rss", kind="feed", health="unhealthy", failures=4,
                                 last_error='HTTP 500 <script>alert("x")</script>'))
        s.put_source(SourceState(url="javascript:alert(1)", health="new"))
        s.put_document(Document(id="d1", source="https://gazette.example/a", fmt="html", text="The quay reopened.",
                                url="https://gazette.example/a", content_hash="h"), Analysis(document="d1"))
        s.put_fetch(FetchRecord(source="https://gazette.example/a", requested_url="https://gazette.example/a?utm_x=1",
                                final_url="https://gazette.example/a?utm_x=1", fetched_at="2026-03-02T10:05:00+00:00"))
    s.close()
    return TestClient(create_app(open_store(db_path, readonly=True)))


def test_api_sources_lists_health_unhealthy_first(db_path):
    client = _client(db_path)
    data = client.get("/api/sources").json()
    assert data["total"] == 3
    first = data["items"][0]
    assert first["url"] == "https://broken.example/rss" and first["health"] == "unhealthy" and first["failures"] == 4
    assert "seen" not in first
    page = client.get("/api/sources?limit=1&offset=1").json()
    assert page["total"] == 3 and [i["url"] for i in page["items"]] == ["javascript:alert(1)"]
    assert client.get("/api/sources?limit=0").status_code == 422


def test_sources_page_is_escaped_and_links_safely(db_path):
    client = _client(db_path)
    page = client.get("/sources")
    assert page.status_code == 200
    html = page.text
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert 'href="https://gazette.example/feed.xml" rel="noopener noreferrer nofollow"' in html
    assert 'href="/sources"' in html  # in the navigation


def test_report_links_to_its_original(db_path):
    client = _client(db_path)
    html = client.get("/documents/d1").text
    assert 'href="https://gazette.example/a" rel="noopener noreferrer nofollow"' in html


def test_report_shows_when_and_from_where_it_was_fetched(db_path):
    client = _client(db_path)
    html = client.get("/documents/d1").text
    assert "2026-03-02 10:05" in html and "gazette.example/a?utm_x=1" in html
    assert client.get("/api/documents/d1").json()["fetched"]["final_url"] == "https://gazette.example/a?utm_x=1"
