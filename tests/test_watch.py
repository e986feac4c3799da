"""watch: feeds, news sitemaps and home pages polled against a server on 127.0.0.1, through the real pipeline."""
from __future__ import annotations

import dataclasses

import pytest

from crosscheck.config import Settings
from crosscheck.fetch.fetcher import Fetcher
from crosscheck.live import fetch_urls, watch_round
from crosscheck.store import open_store
from live_server import STORIES, LiveServer, Page, article, rss, serve_story

S = Settings(fetch_allow_private=True, fetch_host_delay=0.0, fetch_backoff=0.05, fetch_retries=1,
             fetch_read_timeout=3.0, fetch_total_timeout=5.0, watch_every=60.0)

@pytest.fixture
def server():
    with LiveServer() as s:
        yield s


def docs(store):
    return {d.source: d for d in store.documents()}


def test_feed_new_changed_removed_and_304(server, store):
    for key in ("crane", "ferry"):
        serve_story(server, key, f"/news/{key}")
    feed = rss([(server.url("/news/crane"), "Cranes", "new crane line"), (server.url("/news/ferry"), "Ferry", "no ferry")])
    server.routes["/feed.xml"] = Page(feed, content_type="application/rss+xml", etag='"f1"')
    urls = [server.url("/feed.xml")]

    r1 = watch_round(urls, store, S, only_due=False)
    assert len(r1.result.new) == 2 and set(docs(store)) == {server.url("/news/crane"), server.url("/news/ferry")}
    st = store.source(server.url("/feed.xml"))
    assert st.kind == "feed" and st.health == "ok" and st.etag == '"f1"' and st.items_ingested == 2

    r2 = watch_round(urls, store, S, only_due=False)  # unchanged: a 304, nothing fetched again
    assert not r2.result.new and not r2.result.revised
    assert server.hits("/feed.xml")[-1].headers.get("if-none-match") == '"f1"'
    assert len(server.hits("/news/crane")) == 1

    # the crane story is updated, the ferry item removed, a bridge item added
    serve_story(server, "crane", "/news/crane", extra="\n\nThe line was inspected by the port's safety board on Sunday.")
    serve_story(server, "bridge", "/news/bridge")
    feed2 = rss([(server.url("/news/bridge"), "Bridge", "bridge shut"),
                 (server.url("/news/crane"), "Cranes", "new crane line, inspected")])
    server.routes["/feed.xml"] = Page(feed2, content_type="application/rss+xml", etag='"f2"')
    r3 = watch_round(urls, store, S, only_due=False)
    assert len(r3.result.new) == 1 and len(r3.result.revised) == 1
    stored = docs(store)
    assert len(stored) == 3 and "inspected by the port" in stored[server.url("/news/crane")].text
    assert server.url("/news/ferry") in stored  # a removed item's report stays
    st = store.source(server.url("/feed.xml"))
    assert st.last_item == server.url("/news/bridge") and st.etag == '"f2"'


def test_state_survives_a_restart(server, db_path):
    serve_story(server, "crane", "/news/crane")
    server.routes["/feed.xml"] = Page(rss([(server.url("/news/crane"), "Cranes", "x")]),
                                      content_type="application/rss+xml", etag='"e1"')
    urls = [server.url("/feed.xml")]
    s1 = open_store(db_path)
    assert len(watch_round(urls, s1, S, only_due=False).result.new) == 1
    s1.close()
    s2 = open_store(db_path)  # a new process: state comes from the store
    again = watch_round(urls, s2, S)  # only due sources: this one is not due for watch_every
    assert again.skipped == 1 and not again.sources
    again = watch_round(urls, s2, S, only_due=False)
    assert not again.result.new and server.hits("/feed.xml")[-1].headers.get("if-none-match") == '"e1"'
    s2.close()


def test_feed_that_turns_into_html_fails_and_backs_off(server, store):
    serve_story(server, "crane", "/news/crane")
    server.routes["/feed.xml"] = Page(rss([(server.url("/news/crane"), "Cranes", "x")]), content_type="application/rss+xml")
    urls = [server.url("/feed.xml")]
    watch_round(urls, store, S, only_due=False)
    server.routes["/feed.xml"] = Page(article("Welcome to our new site", STORIES["ferry"][1]))
    dues = []
    for _ in range(3):
        rnd = watch_round(urls, store, S, only_due=False)
        assert not rnd.result.new
        st = store.source(urls[0])
        dues.append(st.next_due)
        assert "HTML page" in st.last_error
    assert st.failures == 3 and st.health == "unhealthy" and dues == sorted(dues)
    assert len(docs(store)) == 1  # the page the feed turned into was not ingested as a report


def test_news_sitemap_index(server, store):
    for key in ("bridge", "school"):
        serve_story(server, key, f"/news/{key}")
    server.routes["/sitemap-news.xml"] = Page(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        + "".join(f"<url><loc>{server.url('/news/' + k)}</loc><news:news><news:publication><news:name>Velden Post"
                  f"</news:name><news:language>en</news:language></news:publication><news:publication_date>"
                  f"2026-03-04T08:00:00Z</news:publication_date><news:title>{STORIES[k][0]}</news:title></news:news></url>"
                  for k in ("bridge", "school"))
        + "</urlset>", content_type="application/xml")
    server.routes["/sitemap.xml"] = Page(
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{server.url('/sitemap-news.xml')}</loc></sitemap>"
        f"<sitemap><loc>{server.url('/sitemap-missing.xml')}</loc></sitemap></sitemapindex>",
        content_type="application/xml")
    rnd = watch_round([server.url("/sitemap.xml")], store, S, only_due=False)
    assert len(rnd.result.new) == 2
    stored = docs(store)
    assert stored[server.url("/news/bridge")].published.startswith("2026-03-04")
    assert store.source(server.url("/sitemap.xml")).kind == "sitemap"


def test_sitemap_with_an_entity_is_not_expanded(server, store):
    server.routes["/sitemap.xml"] = Page(
        '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://127.0.0.1/&xxe;</loc></url></urlset>',
        content_type="application/xml")
    rnd = watch_round([server.url("/sitemap.xml")], store, S, only_due=False)
    assert not rnd.result.new and not any("root:" in f.source for f in rnd.result.failed)


def test_home_page_feed_discovery(server, store):
    serve_story(server, "school", "/news/school")
    server.routes["/"] = Page(article("Velden Post", "Front page. " * 5, feed="/rss"))
    server.routes["/rss"] = Page(rss([(server.url("/news/school"), "Solar", "solar roof")]),
                                 content_type="application/rss+xml")
    rnd = watch_round([server.url("/")], store, S, only_due=False)
    assert len(rnd.result.new) == 1
    st = store.source(server.url("/"))
    assert st.kind == "page" and st.feed_url == server.url("/rss")


def test_feed_link_with_tracking_and_plain_page_are_one_report(server, store):
    serve_story(server, "ferry", "/news/ferry")
    fetched = fetch_urls([server.url("/news/ferry")], store, S)
    assert len(fetched.new) == 1
    tagged = server.url("/news/ferry?utm_source=rss&utm_medium=feed&utm_campaign=spring")
    server.routes["/feed.xml"] = Page(rss([(tagged, "Ferry", "no ferry")]), content_type="application/rss+xml")
    rnd = watch_round([server.url("/feed.xml")], store, S, only_due=False)
    assert not rnd.result.new and not rnd.result.revised and len(rnd.result.duplicate) == 1
    assert list(docs(store)) == [server.url("/news/ferry")]
    rec = store.fetch_record(server.url("/news/ferry"))
    assert rec is not None and rec.final_url == server.url("/news/ferry")
    assert not any("utm_" in hit.path for hit in server.log)  # tracking parameters are never sent back


def test_page_fetch_failure_falls_back_to_the_feeds_own_text(server, store):
    title, body = STORIES["bridge"]
    server.routes["/robots.txt"] = Page("User-agent: *\nDisallow: /news/\n", content_type="text/plain")
    server.routes["/feed.xml"] = Page(rss([(server.url("/news/bridge"), title, body.replace("\n\n", " "))]),
                                      content_type="application/rss+xml")
    rnd = watch_round([server.url("/feed.xml")], store, S, only_due=False)
    assert len(rnd.result.new) == 1 and not server.hits("/news/bridge")
    assert "cracks in two of its steel beams" in docs(store)[server.url("/news/bridge")].text


def test_unreachable_source_is_recorded_not_raised(server, store):
    rnd = watch_round([server.url("/gone.xml")], store, S, only_due=False)
    st = store.source(server.url("/gone.xml"))
    assert st.health == "failing" and "HTTP 404" in st.last_error and rnd.sources[0].failures == 1


def test_refused_source_without_the_setting(server, store):
    plain = dataclasses.replace(S, fetch_allow_private=False)
    rnd = watch_round([server.url("/feed.xml")], store, plain, only_due=False)
    assert "loopback" in rnd.sources[0].last_error and server.log == []


def test_items_still_listed_stay_remembered_past_the_bound(server, store):
    for key in STORIES:
        serve_story(server, key, f"/news/{key}")
    server.routes["/feed.xml"] = Page(rss([(server.url(f"/news/{k}"), k, k) for k in STORIES]),
                                      content_type="application/rss+xml")  # no ETag: the feed is read every round
    small = dataclasses.replace(S, watch_seen_items=2)
    assert len(watch_round([server.url("/feed.xml")], store, small, only_due=False).result.new) == 4
    again = watch_round([server.url("/feed.xml")], store, small, only_due=False)
    assert not again.result.new and not again.result.duplicate  # nothing fetched again
    assert all(len(server.hits(f"/news/{k}")) == 1 for k in STORIES)


def test_a_bug_on_one_source_does_not_sink_the_round(server, store, monkeypatch):
    from crosscheck.fetch import discover

    serve_story(server, "crane", "/news/crane")
    server.routes["/feed.xml"] = Page(rss([(server.url("/news/crane"), "Cranes", "x")]), content_type="application/rss+xml")
    server.routes["/sitemap.xml"] = Page(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f'<url><loc>{server.url("/news/crane")}</loc></url></urlset>', content_type="application/xml")

    def broken(*args, **kwargs):
        raise RuntimeError("parser bug")
    monkeypatch.setattr(discover, "parse_sitemap", broken)
    rnd = watch_round([server.url("/sitemap.xml"), server.url("/feed.xml")], store, S, only_due=False)
    assert len(rnd.result.new) == 1
    assert "unexpected error: RuntimeError: parser bug" in store.source(server.url("/sitemap.xml")).last_error


def test_amp_and_plain_urls_of_one_article_are_one_report(server, store):
    title, body = STORIES["school"]
    canon = server.url("/news/school")
    server.routes["/news/school"] = Page(article(title, body, canonical=canon))
    server.routes["/amp/news/school"] = Page(article(title, body, canonical=canon, amp=True))
    first = fetch_urls([server.url("/amp/news/school")], store, S)
    second = fetch_urls([server.url("/news/school?fbclid=abc")], store, S)
    assert len(first.new) == 1 and len(second.duplicate) == 1 and list(docs(store)) == [canon]
    assert store.fetch_record(canon).final_url == server.url("/news/school?fbclid=abc")  # the latest fetch


def test_a_failing_store_write_stops_the_round_without_hanging_or_saving_state(server, store, monkeypatch):
    import threading

    from crosscheck import pipeline

    for key in STORIES:
        serve_story(server, key, f"/news/{key}")
    items = [(server.url(f"/news/{k}?copy={n}"), k, k) for k in STORIES for n in range(3)]  # more than the queue holds
    server.routes["/feed.xml"] = Page(rss(items), content_type="application/rss+xml")

    def failing(self, reports):
        next(iter(reports))  # one report arrives, then the store 'fails'
        raise RuntimeError("disk full")
    monkeypatch.setattr(pipeline.Pipeline, "ingest_reports", failing)
    small = dataclasses.replace(S, fetch_workers=1)
    raised = []

    def run():
        try:
            watch_round([server.url("/feed.xml")], store, small, only_due=False)
        except RuntimeError as exc:
            raised.append(exc)
    before = {th.ident for th in threading.enumerate()}
    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(30)
    assert not t.is_alive() and raised
    # no worker left blocked (the test server's own request threads may still be closing their sockets)
    left = [th.name for th in threading.enumerate() if th.ident not in before and "process_request" not in th.name]
    assert left == []
    assert store.source(server.url("/feed.xml")) is None  # nothing saved: the next round polls it afresh


def test_fetch_pages_runs_only_a_window_ahead_of_its_consumer(server):
    from crosscheck.fetch.watch import fetch_pages

    for i in range(30):
        server.routes[f"/p{i}"] = Page(f"<html><body><p>page {i}</p></body></html>")
    with Fetcher(S) as f:
        stream = fetch_pages(f, [server.url(f"/p{i}") for i in range(30)], workers=2)
        next(stream)
        import time

        time.sleep(0.5)  # the consumer is slow: the fetcher must not run through all 30 pages meanwhile
        asked = len([h for h in server.log if h.path.startswith("/p")])
        assert asked <= 10
        assert len(list(stream)) == 29
