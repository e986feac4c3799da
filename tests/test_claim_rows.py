"""Claims and entities as rows (issue 14 part 3, store/claims.py): the claim lists, the entity pages and the
entity lists are filtered, sorted and cut by SQL, decode only the page they show, and agree with the same
filters applied to every stored claim; a long story page shows its claims a page at a time.

All report text here is fictional and written for these tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from crosscheck.model import (AlignedClaim, Analysis, Claim, Document, Entity, Mention, Retelling, Story,
                              StoryFindings)
from crosscheck.store import codec, open_store
from crosscheck.store.claims import ClaimFilter, display_order
from crosscheck.store.migrations import SCHEMA_VERSION
from crosscheck.web.app import create_app
from conftest import schema_before

_PLACES = ("Harrowgate", "Quillmouth", "Lowater", "Ærøskøbing")
_PEOPLE = ("Zoë Brandt", "Ivo Lanne", "ÉMILE ROCHE")
_STATUS = ("corroborated", "conflicting", "single_source")


def _story_objects(s: int, n_claims: int = 3):
    """One fictional story: two reports whose first claim sentence names a place, its findings, its links."""
    sid = f"story-{s:04d}"
    place, person = _PLACES[s % len(_PLACES)], _PEOPLE[s % len(_PEOPLE)]
    docs, analyses, links = [], [], []
    for k in range(2):
        did = f"doc-{s:04d}-{k}"
        first = f"{person} said the ferry from {place} would run twice a day."
        second = " A harbour clerk said the fares would not change."
        text = first + second
        i = first.index(place)
        docs.append(Document(id=did, source=f"/c/{did}.txt", fmt="txt", text=text, title=f"Ferries {s}",
                             outlet=f"Outlet {k}", published=f"2031-03-{10 + s % 9:02d}", language=("en", "da")[k],
                             content_hash=did))
        analyses.append(Analysis(document=did,
                                 entities=(Entity(key="e1", name=place, type="GPE", aliases=(place,)),
                                           Entity(key="e2", name=person, type="PERSON", aliases=(person,))),
                                 mentions=(Mention(i, i + len(place), place, "GPE", "e1"),
                                           Mention(0, len(person), person, "PERSON", "e2")),
                                 claims=(Claim(key="c1", text=first, start=0, end=len(first), speaker="e2",
                                               speaker_text=person),
                                         Claim(key="c2", text=second.strip(), start=len(first) + 1, end=len(text),
                                               speaker_text="a harbour clerk"))))
        links += [(did, "e1", f"ent-place-{s % len(_PLACES)}"), (did, "e2", f"ent-person-{s % len(_PEOPLE)}")]
    ids = [d.id for d in docs]
    claims = []
    for j in range(n_claims):
        key = "c1" if j % 3 != 1 else "c2"  # claims 0 and 2 share the first sentence (one retelling, two claims)
        claims.append(AlignedClaim(
            id=f"ac-{s:04d}-{j:03d}", story=sid, text=f"The ferry will run twice a day ({j}).",
            speaker=f"ent-person-{s % len(_PEOPLE)}" if key == "c1" else None,
            speaker_text=_PEOPLE[s % len(_PEOPLE)] if key == "c1" else "a harbour clerk",
            documents=tuple(ids), status=_STATUS[(s + j) % 3], independent_sources=1 + (j % 2),
            subject="ent-place-0" if j == 1 else None,
            retellings=tuple(Retelling(document=d, claim=f"{d}:{key}", text="ferry", language=lang)
                             for d, lang in zip(ids, ("en", "da")))))
    story = Story(id=sid, documents=tuple(ids), title=f"Ferries from {place} {s}", first_published="2031-03-10",
                  last_published="2031-03-11")
    return story, docs, analyses, StoryFindings(story=sid, claims=tuple(claims)), links


def _build(path: Path, n_stories: int, n_claims: int = 3, big: int | None = None) -> list:
    """The store and every stored aligned claim (the reference the SQL answers are checked against)."""
    store = open_store(path)
    all_claims, all_links = [], []
    with store.transaction():
        for s in range(n_stories):
            story, docs, analyses, findings, links = _story_objects(s, big if big and s == 0 else n_claims)
            for d, a in zip(docs, analyses):
                store.put_document(d, a)
                store.set_story(d.id, story.id)
            store.put_story(story)
            store.put_findings(findings)
            all_claims += findings.claims
            all_links += links
        store.replace_entities([Entity(key=f"ent-place-{i}", id=f"ent-place-{i}", name=p, type="GPE", aliases=(p,))
                                for i, p in enumerate(_PLACES)] +
                               [Entity(key=f"ent-person-{i}", id=f"ent-person-{i}", name=p, type="PERSON",
                                       aliases=(p, p.split()[-1])) for i, p in enumerate(_PEOPLE)], all_links)
        store.refresh_entity_stats()
    store.close()
    return all_claims


def _roles(claims, entity: str, entities: set[str], n_places: int = len(_PLACES)) -> dict[str, str]:
    """The reference: "by" when it speaks, "about" when it is the subject or named in a retold sentence."""
    out = {}
    for c in claims:
        s = int(c.story.split("-")[1])
        named = entity == f"ent-place-{s % n_places}" and any(r.claim.endswith(":c1") for r in c.retellings)
        named = named or entity == f"ent-person-{s % len(_PEOPLE)}" and any(r.claim.endswith(":c1")
                                                                            for r in c.retellings)
        if c.speaker == entity:
            out[c.id] = "by"
        elif (c.subject == entity and entity in entities) or named:
            out[c.id] = "about"
    return out


def _traced(store) -> list[str]:
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    return seen


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("claims") / "s.db"
    return path, _build(path, 24)


def test_claim_filters_agree_with_every_stored_claim(built):
    path, claims = built
    client = TestClient(create_app(open_store(path, readonly=True)))
    entities = {f"ent-place-{i}" for i in range(len(_PLACES))} | {f"ent-person-{i}" for i in range(len(_PEOPLE))}
    order = sorted(claims, key=lambda c: (c.story, c.id))
    cases = {
        "": order,
        "status=conflicting": [c for c in order if c.status == "conflicting"],
        "story=story-0003": [c for c in order if c.story == "story-0003"],
        "document=doc-0005-1": [c for c in order if "doc-0005-1" in c.documents],
        "q=%C3%89MILE": [c for c in order if "émile" in (c.speaker_text or "").casefold()],  # case-folded, not ASCII
        "q=(4)": [],
        "q=(2)&status=single_source": [c for c in order if "(2)" in c.text and c.status == "single_source"],
        "language=da": order,
        "language=fr": [],
        "entity=nobody": [],
    }
    for e in sorted(entities):
        roles = _roles(claims, e, entities)
        cases[f"entity={e}"] = [c for c in order if c.id in roles]
    for query, want in cases.items():
        got = client.get(f"/api/claims?limit=500&{query}").json()
        assert got["total"] == len(want), query
        assert [x["id"] for x in got["items"]] == [c.id for c in want], query
    page = client.get("/api/claims?limit=7&offset=10").json()
    assert [x["id"] for x in page["items"]] == [c.id for c in order[10:17]] and page["total"] == len(order)
    # a sentence two aligned claims share names the place: both claims are about it (ac-...-000 and -002)
    about = client.get("/api/entities/ent-place-0").json()["claims"]
    assert {"ac-0000-000", "ac-0000-002"} <= {c["id"] for c in about}
    assert {c["role"] for c in about if c["id"] == "ac-0000-001"} == {"about"}  # its subject
    one = client.get("/api/claims/ac-0003-001").json()
    assert one["id"] == "ac-0003-001" and one["anchors"] == [{"document": "doc-0003-0", "key": "c2"},
                                                             {"document": "doc-0003-1", "key": "c2"}]


def test_entity_lists_agree_with_counts_of_every_claim(built):
    path, claims = built
    client = TestClient(create_app(open_store(path, readonly=True)))
    entities = {f"ent-place-{i}": p for i, p in enumerate(_PLACES)} | \
        {f"ent-person-{i}": p for i, p in enumerate(_PEOPLE)}
    counts = {e: len(_roles(claims, e, set(entities))) for e in entities}
    by_name = sorted(entities, key=lambda e: (entities[e].casefold(), e))
    assert [x["id"] for x in client.get("/api/entities?limit=500").json()["items"]] == by_name
    assert [x["id"] for x in client.get("/api/entities?type=person").json()["items"]] == \
        [e for e in by_name if "person" in e]
    assert [x["id"] for x in client.get("/api/entities?q=%C3%A6r%C3%B8").json()["items"]] == ["ent-place-3"]
    assert [x["id"] for x in client.get("/api/entities?q=lanne").json()["items"]] == ["ent-person-1"]
    html = client.get("/entities").text
    want = sorted(entities, key=lambda e: (-counts[e], entities[e].casefold(), e))
    shown = [html.index(f'href="/entities/{e}"') for e in want]
    assert shown == sorted(shown)  # most claims first, then by name
    for e in want:
        assert f'href="/entities/{e}">{entities[e]}</a>' in html.replace("&#39;", "'")
    page = client.get("/entities/ent-place-1").text
    assert f"<small>{counts['ent-place-1']}</small>" in page


def test_lists_and_entity_pages_read_no_whole_table_and_decode_one_page(tmp_path: Path, monkeypatch):
    from test_reads import _whole_table_reads

    decoded: list[str] = []
    real = codec.loads

    def counting(cls, text):
        if cls is AlignedClaim or cls is StoryFindings:
            decoded.append(cls.__name__)
        return real(cls, text)

    monkeypatch.setattr(codec, "loads", counting)
    per_size = []
    for n in (12, 60):
        path = tmp_path / f"s{n}.db"
        _build(path, n)
        reader = open_store(path, readonly=True)
        seen = _traced(reader)
        client = TestClient(create_app(reader))
        counts = {}
        for url in ("/api/claims?limit=5&offset=3", "/api/claims?entity=ent-place-1&limit=5",
                    "/api/claims?status=corroborated&limit=5", "/api/claims?language=da&limit=5",
                    "/entities", "/api/entities?limit=5", "/api/claims/ac-0004-001", "/entities/ent-place-1"):
            decoded.clear()
            assert client.get(url).status_code == 200, url
            counts[url] = len(decoded)
        # a LIMITed walk of an index and the count of the list are not reads of the whole store's rows
        assert [x for x in _whole_table_reads(seen) if " LIMIT " not in x and not x.startswith("SELECT count(*)")] == [], n
        assert counts.pop("/entities/ent-place-1") <= 50  # one page of the entity's claims
        per_size.append(counts)
        reader.close()
    assert per_size[0] == per_size[1], per_size  # the 5x bigger store decodes no more claims per request
    assert max(per_size[0].values()) <= 5, per_size


def test_entity_counts_follow_a_write_before_and_after_the_recount(tmp_path: Path):
    path = tmp_path / "s.db"
    claims = _build(path, 8)
    reader = open_store(path, readonly=True)
    client = TestClient(create_app(reader))
    before = client.get("/api/entities?limit=500").json()["items"]
    writer = open_store(path)
    story, docs, analyses, findings, links = _story_objects(4)
    extra = AlignedClaim(id="ac-extra", story=story.id, text="The quay will close.", speaker="ent-place-2",
                         speaker_text="Lowater", documents=story.documents, status="single_source",
                         independent_sources=1)
    with writer.transaction():
        writer.put_findings(findings)  # the same findings again: nothing to recount
    assert writer.conn.execute("SELECT count(*) FROM entity_stale").fetchone()[0] == 0
    with writer.transaction():
        writer.put_findings(StoryFindings(story=story.id, claims=findings.claims + (extra,)))
    assert writer.conn.execute("SELECT count(*) FROM entity_stale").fetchone()[0] > 0  # marked, not yet recounted
    want = _roles(claims + [extra], "ent-place-2", {"ent-place-2"})
    html = client.get("/entities/ent-place-2").text
    assert f"<small>{len(want)}</small>" in html and "The quay will close." in html
    assert f'<td class="num">{len(want)}</td>' in client.get("/entities?q=lowater").text  # counted now, not stored
    with writer.transaction():
        assert writer.refresh_entity_stats() > 0
    assert writer.conn.execute("SELECT count(*) FROM entity_stale").fetchone()[0] == 0
    assert writer.conn.execute("SELECT claims FROM entity_stats WHERE entity = 'ent-place-2'").fetchone()[0] == len(want)
    assert f'<td class="num">{len(want)}</td>' in client.get("/entities?q=lowater").text
    assert client.get("/api/entities?limit=500").json()["items"] == before  # names and order as they were
    writer.close()
    reader.close()


def test_a_long_story_shows_its_claims_a_page_at_a_time(tmp_path: Path):
    path = tmp_path / "s.db"
    claims = _build(path, 3, big=250)
    reader = open_store(path, readonly=True)
    seen = _traced(reader)
    client = TestClient(create_app(reader))
    order = display_order([c for c in claims if c.story == "story-0000"])
    first = client.get("/stories/story-0000").text
    assert first.count('class="claim-row') == 100 and "<b>250</b> claims" in first
    assert 'href="/stories/story-0000?claims=100">next claims' in first and "claims 1–100 of 250" in first
    assert f'id="ac-{order[99].id}"' in first and f'id="ac-{order[100].id}"' not in first
    assert not any("FROM analyses" in s for s in seen)  # actors are counted by SQL, no analysis decoded
    last = client.get("/stories/story-0000?claims=200").text
    assert last.count('class="claim-row') == 50 and f'id="ac-{order[249].id}"' in last
    assert 'href="/stories/story-0000?claims=100">← previous claims' in last and "next claims" not in last
    small = client.get("/stories/story-0001").text
    assert "claims-pager" not in small and small.count('class="claim-row') == 3
    r = client.get(f"/claims/{order[150].id}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/stories/story-0000?claims=100#ac-{order[150].id}"
    r = client.get(f"/claims/{order[5].id}", follow_redirects=False)
    assert r.headers["location"] == f"/stories/story-0000#ac-{order[5].id}"
    entity = client.get("/entities/ent-place-0?offset=50").text  # its claims, 50 a page, linked to their page
    assert "← previous" in entity and "?claims=" in entity
    assert client.get("/stories/story-0000?claims=-1").status_code == 422
    reader.close()


def test_a_story_page_reads_only_the_claims_it_shows(tmp_path: Path, monkeypatch):
    """A page of a long story decodes its page of claims and the paired ones (conflicts, related), never all of
    them, and shows what the whole story's view shows for that page: the same claims, pairs, actors, counts."""
    import dataclasses
    from crosscheck.web.readmodel import ReadModel
    path = tmp_path / "s.db"
    claims = _build(path, 2, big=250)
    order = display_order([c for c in claims if c.story == "story-0000"])
    ids = [c.id for c in order]
    pairs = {ids[3]: ("conflicts_with", ids[240]), ids[240]: ("conflicts_with", ids[3]),
             ids[120]: ("related", ids[230]), ids[230]: ("related", ids[120])}  # partners off the first page
    changed = tuple(dataclasses.replace(c, **{pairs[c.id][0]: (pairs[c.id][1],)}) if c.id in pairs else c
                    for c in claims if c.story == "story-0000")
    store = open_store(path)
    with store.transaction():
        store.put_findings(StoryFindings(story="story-0000", claims=changed))
    store.close()
    reader = open_store(path, readonly=True)
    full = ReadModel(reader).story_view("story-0000")
    decoded = []
    loads = codec.loads
    monkeypatch.setattr(codec, "loads", lambda cls, data: (decoded.append(cls), loads(cls, data))[1])
    page = ReadModel(reader).story_page("story-0000", 100, 100)
    assert decoded.count(AlignedClaim) == 100 + 4
    assert [c.id for c in page.claims] == [c.id for c in full.claims[100:200]]
    assert {(p.a.id, p.b.id) for p in page.conflicts} == {(p.a.id, p.b.id) for p in full.conflicts} != set()
    assert {(a.id, b.id) for a, b in page.related} == {(a.id, b.id) for a, b in full.related} != set()
    assert page.actors == full.actors[:30] and page.counts == full.counts and page.counts["claims"] == 250
    assert all(page.cells[k] == full.cells[k] for k in page.cells) and page.cells
    html = TestClient(create_app(reader)).get("/stories/story-0000?claims=100").text
    assert "<b>250</b> claims" in html and html.count('class="claim-row') == 100
    reader.close()


def test_a_story_page_without_its_summary_counts_its_claims(tmp_path: Path):
    """A story whose summary row is missing (a store written before summaries, a failed refresh) still shows
    its counts: counted from its rows, as the whole story's view counts them."""
    from crosscheck.web.readmodel import ReadModel
    path = tmp_path / "s.db"
    _build(path, 2, big=120)
    store = open_store(path)
    with store.transaction():
        store.conn.execute("DELETE FROM story_summaries WHERE story = 'story-0000'")
    page = ReadModel(store).story_page("story-0000", 0, 100)
    full = ReadModel(store).story_view("story-0000")
    assert page.counts == full.counts and page.counts["claims"] == 120
    window = ReadModel(store).story_page("story-0000", 0, 100, 0, 1)  # the language menu: every report's, read
    assert page.languages == window.languages == full.languages and full.languages and len(window.documents) == 1
    store.close()


def test_a_story_page_reads_its_indexes_not_its_claims_and_links_tables(tmp_path: Path):
    """The page's paired claims walk the partial index claims_paired and its actors read the entity links
    through a covering index (schemas 11 and 12): no pass over the story's claim or link rows."""
    path = tmp_path / "s.db"
    _build(path, 2, big=30)
    store = open_store(path)
    seen = _traced(store)
    store.story_claims_paired("story-0000")
    store.story_actors("story-0000")
    plans = "\n".join(" ".join(str(x) for x in row) for sql in seen if sql.lstrip().startswith("SELECT")
                       for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql.replace(":s", "'story-0000'")
                                                     .replace("?", "'story-0000'")))
    assert "claims_paired" in plans and "COVERING INDEX entity_links_doc_entity" in plans
    # the reports carrying a speaker's claims: each report's claim list (by the primary key's report), not one
    # lookup per claim in claim_documents_claim (a page each: 875 of 3,754 pages of the 100k bench's largest story)
    assert "claim_documents_claim" not in plans and "SEARCH d USING PRIMARY KEY (document=?)" in plans, plans
    # each link's mention count is in that covering index (schema 16): the mentions' table is not read
    assert not any("entity_mentions" in sql for sql in seen), seen
    store.close()


def test_a_link_carries_its_local_entity_s_mention_count_whoever_writes_first(tmp_path: Path):
    """Schema 16's triggers: a link written after the report's mentions takes their count, a revision's new
    mentions reach the existing link, deleted mentions leave it without a count (not counted as an actor's)."""
    store = open_store(tmp_path / "m.db")
    c = store.conn
    with store.transaction():
        c.execute("INSERT INTO documents (id, source, fmt, text, content_hash) VALUES ('d1', 's1', 'txt', 'x', 'h1')")
        c.execute("INSERT INTO entity_mentions (document, key, mentions) VALUES ('d1', 'e1', 3)")
        c.execute("INSERT INTO entity_links (document, key, entity, form) VALUES ('d1', 'e1', 'ent-a', 'A')")
        c.execute("INSERT INTO entity_links (document, key, entity, form) VALUES ('d1', 'e2', 'ent-b', 'B')")
    links = lambda: dict(c.execute("SELECT key, mentions FROM entity_links ORDER BY key").fetchall())  # noqa: E731
    assert links() == {"e1": 3, "e2": None}
    with store.transaction():
        c.execute("DELETE FROM entity_mentions WHERE document = 'd1'")
        c.executemany("INSERT INTO entity_mentions (document, key, mentions) VALUES ('d1', ?, ?)", [("e1", 5), ("e2", 1)])
    assert links() == {"e1": 5, "e2": 1}
    with store.transaction():
        c.execute("INSERT OR REPLACE INTO entity_links (document, key, entity, form) VALUES ('d1', 'e1', 'ent-c', 'C')")
        c.execute("DELETE FROM entity_mentions WHERE key = 'e2'")
    assert links() == {"e1": 5, "e2": None}
    store.close()


def _insert_story(conn, story, docs, analyses, findings) -> None:
    """A story's documents, analyses, membership and findings written as an older schema holds them."""
    for d, a in zip(docs, analyses):
        conn.execute("INSERT INTO documents (id, source, fmt, text, content_hash, language) VALUES (?,?,?,?,?,?)",
                     (d.id, d.source, d.fmt, d.text, d.content_hash, d.language))
        conn.execute("INSERT INTO analyses (document, data) VALUES (?,?)", (d.id, codec.dumps(a)))
        conn.execute("INSERT INTO story_documents (document, story) VALUES (?,?)", (d.id, story.id))
    conn.execute("INSERT INTO findings (story, data) VALUES (?,?)", (story.id, codec.dumps(findings)))


def test_migration_fills_claim_rows_of_an_existing_store(tmp_path: Path):
    path = tmp_path / "old.db"
    conn = schema_before(path, "CREATE TABLE claims_v10")
    story, docs, analyses, findings, links = _story_objects(0, n_claims=4)
    _insert_story(conn, story, docs, analyses, findings)
    conn.executemany("INSERT INTO claims (id, story, status, speaker) VALUES (?,?,?,?)",
                     [(c.id, story.id, c.status, c.speaker) for c in findings.claims])
    conn.executemany("INSERT INTO entities (id, name, type) VALUES (?,?,?)",
                     [("ent-place-0", "Harrowgate", "GPE"), ("ent-person-0", "Zoë Brandt", "PERSON")])
    conn.executemany("INSERT INTO entity_links (document, key, entity) VALUES (?,?,?)", links)
    conn.commit()
    conn.close()
    store = open_store(path)
    assert store.claims_page() == sorted(findings.claims, key=lambda c: c.id)
    assert [r[0] for r in store.conn.execute("SELECT id FROM claims WHERE story = ? ORDER BY rank", (story.id,))] == \
        [c.id for c in display_order(findings.claims)]
    roles = _roles(findings.claims, "ent-place-0", {"ent-place-0"})
    assert store.entity_roles("ent-place-0", [c.id for c in findings.claims]) == roles
    assert store.entity_claim_counts(["ent-place-0", "ent-person-0"]) == \
        {"ent-place-0": len(roles), "ent-person-0": len(_roles(findings.claims, "ent-person-0", set()))}
    assert store.conn.execute("SELECT count(*) FROM entity_stale").fetchone()[0] == 0
    said = sum(c.speaker == "ent-person-0" for c in findings.claims)
    assert store.story_actors(story.id) == {"ent-place-0": (0, 2, 2), "ent-person-0": (said, 2, 2)}
    store.close()


# -- claims stored once (schema 10): the rows are the only copy; the findings keep timeline and disagreements ----
def _reversed(findings: StoryFindings) -> StoryFindings:
    """The same findings with the claims in another order than their ids' (the corroboration's order is kept)."""
    return StoryFindings(story=findings.story, claims=tuple(reversed(findings.claims)), timeline=findings.timeline)


def test_claims_are_stored_once_and_read_back_in_their_order(tmp_path: Path):
    import io
    import json

    from crosscheck.export import claim_record, write_json
    from crosscheck.model import TimelineEntry

    path = tmp_path / "s.db"
    store = open_store(path)
    wanted = []
    with store.transaction():
        for s in range(3):
            story, docs, analyses, findings, links = _story_objects(s, n_claims=4)
            for d, a in zip(docs, analyses):
                store.put_document(d, a)
                store.set_story(d.id, story.id)
            store.put_story(story)
            findings = StoryFindings(story=story.id, claims=tuple(reversed(findings.claims)),
                                     timeline=(TimelineEntry(story.id, "2031-03-10", "On Monday.", docs[0].id),))
            store.put_findings(findings)
            wanted.append(findings)
    for f in wanted:
        data = store.conn.execute("SELECT data FROM findings WHERE story = ?", (f.story,)).fetchone()[0]
        assert json.loads(data)["claims"] == [] and "twice a day" not in data  # no claim in the findings' JSON
        assert store.findings(f.story) == f  # the claims from their rows, in the findings' order
    assert list(store.all_findings()) == wanted == list(store.iter_findings())
    assert [f.claims for f in store.iter_findings(claims=False)] == [(), (), ()]
    out = io.StringIO()
    write_json(store, out)
    export = json.loads(out.getvalue())
    assert export["claims"] == [claim_record(c) for f in wanted for c in f.claims]  # the order of before
    assert [t["story"] for t in export["timeline"]] == [f.story for f in wanted]
    # the export's claims are one walk of an index in their order (no sort of the whole table), a story's one range
    plan = " | ".join(r[-1] for r in store.conn.execute("EXPLAIN QUERY PLAN SELECT data FROM claims "
                                                        "ORDER BY story, seq"))
    assert "claims_seq" in plan and "TEMP B-TREE" not in plan, plan
    plan = " | ".join(r[-1] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT data FROM claims WHERE story = ? ORDER BY seq, id", ("story-0001",)))
    assert "SEARCH claims USING INDEX claims_seq (story=?)" in plan, plan
    # a re-corroboration in another order moves no claim row: only their places are updated
    with store.transaction():
        store.refresh_entity_stats()
    with store.transaction():
        store.put_findings(_reversed(wanted[0]))
    assert store.conn.execute("SELECT count(*) FROM entity_stale").fetchone()[0] == 0
    assert store.findings(wanted[0].story).claims == wanted[0].claims[::-1]
    store.close()


def test_claim_record_from_stored_json_is_the_record_of_the_claim():
    import json

    from crosscheck.export import claim_record, claim_record_json

    _, _, _, findings, _ = _story_objects(1, n_claims=3)
    for c in findings.claims:
        text = codec.dumps(c)
        assert claim_record_json(text) == claim_record(c)
        assert list(claim_record_json(text)) == list(claim_record(c))  # the CONTRACT fields first, same order
        old = json.loads(text)
        del old["conflict_notes"]  # stored by a crosscheck before the field existed: decoded, default filled
        del old["retellings"][0]["language"]
        assert claim_record_json(json.dumps(old)) == claim_record(codec.loads(AlignedClaim, json.dumps(old)))


def test_migration_from_schema_9_keeps_every_claim(tmp_path: Path):
    """A store as schema 9 wrote it (claims in the findings and as rows, filled by migration 9's own SQL), one
    claim row lost: after migration 10 every claim of the findings is a row, read back in its order, the findings
    hold none, and each entity's stored relation is the one walked from its links."""
    from crosscheck.export import claim_record, write_json
    from crosscheck.store.migrations import MIGRATIONS
    from crosscheck.store.sqlite import _split_sql
    import io
    import json

    path = tmp_path / "old.db"
    conn = schema_before(path, "ALTER TABLE claims ADD COLUMN seq")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 9
    wanted, all_links = [], []
    for s in range(3):
        story, docs, analyses, findings, links = _story_objects(s, n_claims=4)
        findings = _reversed(findings) if s == 1 else findings
        _insert_story(conn, story, docs, analyses, findings)
        wanted.append(findings)
        all_links += links
    conn.executemany("INSERT INTO entities (id, name, type) VALUES (?,?,?)",
                     [(f"ent-place-{i}", p, "GPE") for i, p in enumerate(_PLACES)] +
                     [(f"ent-person-{i}", p, "PERSON") for i, p in enumerate(_PEOPLE)])
    conn.executemany("INSERT INTO entity_links (document, key, entity) VALUES (?,?,?)", all_links)
    for stmt in _split_sql(MIGRATIONS[8]):  # the claim rows as schema 9 filled them from the findings
        conn.execute(stmt)
    lost = wanted[1].claims[2].id
    conn.execute("DELETE FROM claims WHERE id = ?", (lost,))  # a claim the rows miss: the findings still hold it
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 11
    conn.commit()
    conn.close()

    store = open_store(path)
    assert store.schema_version() == SCHEMA_VERSION
    claims = [c for f in wanted for c in f.claims]
    assert store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == len(claims) == 12
    for f in wanted:
        assert store.findings(f.story) == f
        data = store.conn.execute("SELECT data FROM findings WHERE story = ?", (f.story,)).fetchone()[0]
        assert json.loads(data)["claims"] == []
    assert [r[0] for r in store.conn.execute("SELECT id FROM claims WHERE story = ? ORDER BY rank",
                                             (wanted[1].story,))] == [c.id for c in display_order(wanted[1].claims)]
    assert store.claims_page(ClaimFilter(document=wanted[1].claims[2].documents[0])) == \
        sorted(wanted[1].claims, key=lambda c: c.id)  # the lost claim's reports and retellings are rows again
    out = io.StringIO()
    write_json(store, out)
    assert json.loads(out.getvalue())["claims"] == [claim_record(c) for c in claims]
    entities = {f"ent-place-{i}" for i in range(len(_PLACES))} | {f"ent-person-{i}" for i in range(len(_PEOPLE))}
    with store.transaction():
        store.refresh_entity_stats()
    for e in sorted(entities):
        roles = _roles(claims, e, entities)
        rows = store.conn.execute("SELECT claim, how FROM entity_claims WHERE entity = ? ORDER BY story, claim",
                                  (e,)).fetchall()
        assert [r[0] for r in rows] == [c.id for c in sorted(claims, key=lambda c: (c.story, c.id)) if c.id in roles]
        assert {r[0]: ("by", "about")[r[1]] for r in rows} == roles, e
    store.close()


def test_an_entitys_claims_are_one_index_walk_and_agree_with_the_walk_of_its_links(tmp_path: Path):
    path = tmp_path / "s.db"
    claims = _build(path, 24)
    store = open_store(path)
    entities = {f"ent-place-{i}" for i in range(len(_PLACES))} | {f"ent-person-{i}" for i in range(len(_PEOPLE))}
    order = sorted(claims, key=lambda c: (c.story, c.id))
    seen = _traced(store)
    for e in sorted(entities):
        roles = _roles(claims, e, entities)
        want = [c for c in order if c.id in roles]
        got, total, got_roles = store.entity_claims(e, 5, 3)
        assert total == len(want) and got == want[3:8] and got_roles == {c.id: roles[c.id] for c in want[3:8]}, e
    store.conn.set_trace_callback(None)
    page = [s for s in seen if "FROM entity_claims e JOIN claims" in s]
    assert page and not any("FROM claim_mentions" in s or "JOIN claim_mentions" in s for s in seen)  # not walked
    plan = " | ".join(r[-1] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT c.data, e.how FROM entity_claims e JOIN claims c ON c.id = e.claim "
        "WHERE e.entity = ? ORDER BY e.story, e.claim LIMIT 50 OFFSET 100", ("ent-place-1",)))
    assert "SEARCH e USING PRIMARY KEY (entity=?)" in plan and "TEMP B-TREE" not in plan, plan
    # a write touches an entity: until the writer's recount its relation is walked now, and agrees
    story, docs, analyses, findings, links = _story_objects(4)
    extra = AlignedClaim(id="ac-extra", story=story.id, text="The quay will close.", speaker="ent-place-2",
                         speaker_text="Lowater", documents=story.documents, status="single_source",
                         independent_sources=1)
    with store.transaction():
        store.put_findings(StoryFindings(story=story.id, claims=findings.claims + (extra,)))
    roles = _roles(claims + [extra], "ent-place-2", entities)
    want = [c.id for c in sorted(claims + [extra], key=lambda c: (c.story, c.id)) if c.id in roles]
    assert [c.id for c in store.entity_claims("ent-place-2", -1)[0]] == want
    with store.transaction():
        store.refresh_entity_stats()
    assert [r[0] for r in store.conn.execute("SELECT claim FROM entity_claims WHERE entity = 'ent-place-2' "
                                             "ORDER BY story, claim")] == want
    assert [c.id for c in store.entity_claims("ent-place-2", -1)[0]] == want
    store.close()


def test_api_entity_streams_every_claim_by_default_and_pages_on_request(built):
    from crosscheck.export import claim_record

    path, claims = built
    client = TestClient(create_app(open_store(path, readonly=True)))
    entities = {f"ent-place-{i}" for i in range(len(_PLACES))} | {f"ent-person-{i}" for i in range(len(_PEOPLE))}
    roles = _roles(claims, "ent-place-1", entities)
    want = [dict(claim_record(c), role=roles[c.id]) for c in sorted(claims, key=lambda c: (c.story, c.id))
            if c.id in roles]
    r = client.get("/api/entities/ent-place-1")
    assert r.headers["content-type"] == "application/json"
    got = r.json()
    assert {k: got[k] for k in ("id", "name", "type", "total")} == {"id": "ent-place-1", "name": "Quillmouth",
                                                                    "type": "GPE", "total": len(want)}
    assert got["claims"] == want and len(want) > 7
    page = client.get("/api/entities/ent-place-1?limit=3&offset=4").json()
    assert page["claims"] == want[4:7] and (page["total"], page["limit"], page["offset"]) == (len(want), 3, 4)
    head = client.head("/api/entities/ent-place-1")
    assert head.status_code == 200 and head.content == b"" and head.headers["content-type"] == "application/json"
    assert client.get("/api/entities/ent-place-1?limit=0").status_code == 422
    assert client.get("/api/entities/nobody").status_code == 404


def test_an_entitys_stored_claims_follow_a_claim_that_moves_or_changes_role(tmp_path: Path):
    path = tmp_path / "s.db"
    claims = _build(path, 6)
    store = open_store(path)
    entities = {f"ent-place-{i}" for i in range(len(_PLACES))} | {f"ent-person-{i}" for i in range(len(_PEOPLE))}
    moved = next(c for c in claims if c.story == "story-0001" and c.speaker)  # spoken by ent-person-1
    s1 = store.findings("story-0001")
    s4 = store.findings("story-0004")
    again = AlignedClaim(**{**{f: getattr(moved, f) for f in moved.__dataclass_fields__}, "story": "story-0004",
                            "speaker": None, "subject": "ent-person-1", "retellings": ()})  # about it, elsewhere
    with store.transaction():
        store.put_findings(StoryFindings(story="story-0001", claims=tuple(c for c in s1.claims if c.id != moved.id)))
        store.put_findings(StoryFindings(story="story-0004", claims=s4.claims + (again,)))
    with store.transaction():
        store.refresh_entity_stats()
    now = [c for c in claims if c.id != moved.id] + [again]
    for e in sorted(entities):
        roles = _roles(now, e, entities)
        rows = store.conn.execute("SELECT story, claim, how FROM entity_claims WHERE entity = ? ORDER BY story, claim",
                                  (e,)).fetchall()
        assert [tuple(r) for r in rows] == [(c.story, c.id, ("by", "about").index(roles[c.id]))
                                            for c in sorted(now, key=lambda c: (c.story, c.id)) if c.id in roles], e
        assert store.conn.execute("SELECT claims FROM entity_stats WHERE entity = ?", (e,)).fetchone()[0] == len(roles)
    store.close()


def test_a_story_of_many_reports_shows_its_matrix_a_page_of_columns_at_a_time(tmp_path: Path):
    """120 reports of one story: the matrix shows 50 report columns a page and the report cards those 50 (before,
    every report's card: the rows of all 335 reports of the 100k bench store's largest story were read for each page),
    and the claims pager keeps the column page."""
    path = tmp_path / "wide.db"
    story, docs, analyses, findings, _ = _story_objects(0, n_claims=3)
    many = [Document(id=f"doc-w-{k:03d}", source=f"/w/{k}.txt", fmt="txt", text=docs[0].text, title=f"Ferries {k}",
                     outlet=f"Outlet {k}", published=f"2031-03-{10 + k % 9:02d}", language="en",
                     content_hash=f"w{k}") for k in range(120)]
    ids = tuple(d.id for d in many)
    claims = tuple(AlignedClaim(id=f"ac-w-{j}", story=story.id, text=f"The ferry will run twice a day ({j}).",
                                speaker=None, speaker_text="a harbour clerk", documents=ids[j:], status="corroborated",
                                independent_sources=2,
                                retellings=tuple(Retelling(document=d, claim=f"{d}:c2", text="ferry", language="en")
                                                 for d in ids[j:])) for j in range(3))
    store = open_store(path)
    with store.transaction():
        for d in many:
            store.put_document(d, Analysis(document=d.id, claims=analyses[0].claims))
            store.set_story(d.id, story.id)
        store.put_story(Story(id=story.id, documents=ids, title="Ferries", first_published="2031-03-10"))
        store.put_findings(StoryFindings(story=story.id, claims=claims))
    store.close()
    reader = open_store(path, readonly=True)
    client = TestClient(create_app(reader))
    seen = _traced(reader)
    first = client.get(f"/stories/{story.id}").text
    reader.conn.set_trace_callback(None)
    rows_read = [sql.count("'doc-w-") for sql in seen if sql.startswith("SELECT id, source, fmt")]
    assert rows_read and sum(rows_read) == 50, rows_read  # the rows of the reports the page shows
    matrix = first[first.index('id="matrix"'):]
    assert matrix.count('<th class="rep"') == 50 and matrix.count('<td class="cell') == 3 * 50
    assert first.count('class="report-card"') == 50 and 'id="rep-R1"' in first and 'id="rep-R51"' not in first
    assert "reports 1–50 of 120" in first and "<b>120</b> reports" in first
    assert "(1–50 of 120)" in first and f'href="/stories/{story.id}?reports=50">next reports' in first
    last = client.get(f"/stories/{story.id}?reports=100").text
    matrix = last[last.index('id="matrix"'):]
    assert matrix.count('<th class="rep"') == 20 and "(101–120 of 120)" in last
    assert last.count('class="report-card"') == 20 and 'id="rep-R101"' in last and 'id="rep-R100"' not in last
    assert f'href="/stories/{story.id}?reports=50">← previous reports' in last and "next reports" not in last
    assert client.get(f"/stories/{story.id}?reports=-1").status_code == 422
    past = client.get(f"/stories/{story.id}?reports=120")  # past the last report: a clear 404, not a 500
    assert past.status_code == 404 and "is past this story" in past.text and "120 reports" in past.text
