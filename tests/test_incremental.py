"""Issue 14: the cost of an incremental ingest is bounded by the batch, not by the store.

Stores of 30 and 120 fictional reports (one small event per three reports, words made up here), then one
new report: the rows read from the features, memberships and candidate index tables must not grow with
the store, and no whole-store map (``story_of()``, ``syndication_of()``, ``features(kind)``) is read.
"""
from __future__ import annotations

import dataclasses
import json
import random
import re
import sqlite3

from crosscheck.config import Settings
from crosscheck.pipeline import Pipeline
from crosscheck.store.sqlite import SQLiteStore

SETTINGS = dataclasses.replace(Settings(), embedder="none")
_SYL = ["ka", "lo", "mer", "vin", "tos", "ra", "dul", "pe", "sha", "gor", "bi", "nex", "ul", "tam", "zo", "fen"]
_TABLES = ("features", "story_documents", "syndication_members", "story_df", "story_postings", "story_aggregates",
           "synd_postings")


def _word(rng: random.Random, n: int = 4) -> str:
    return "".join(rng.choice(_SYL) for _ in range(n))


def _report(e: int, k: int) -> dict:
    """Report k of event e: every content word belongs to the event (events share function words only)."""
    rng = random.Random(e)
    place, who = _word(rng).capitalize(), _word(rng).capitalize()
    w = [_word(rng) for _ in range(14)]
    n = 100 + 7 * e
    sents = [f"In {place}, {who} {w[0]} the {w[1]} {w[2]} for {n} {w[3]} {w[4]}.",
             f"The {w[5]} of {place} was {w[6]} after the {w[7]} {w[8]}.",
             f"{who} {w[9]} that the {w[10]} {w[11]} {w[12]} {n * 3} {w[13]}.",
             f"{w[3].capitalize()} {w[6]} the {w[2]} in {place} on its {w[8]}."]
    random.Random(1000 * e + k).shuffle(sents)
    return {"id": f"ev{e}-r{k}", "title": f"{place} {w[1]} {w[2]} {w[0]}", "outlet": f"Outlet {k}",
            "published": f"2031-03-{1 + e % 27:02d}", "language": "en", "text": " ".join(sents)}


class CountingStore(SQLiteStore):
    """Counts rows read from the index and membership tables, and calls of whole-store maps."""

    def __init__(self, *a, **kw):
        self.rows = 0
        self.whole: list[str] = []
        super().__init__(*a, **kw)

    def _q(self, sql, args=()):
        out = super()._q(sql, args)
        if any(f"FROM {t}" in sql or f"JOIN {t}" in sql for t in _TABLES):
            self.rows += len(out)
        return out

    def story_of(self):
        self.whole.append("story_of")
        return super().story_of()

    def syndication_of(self):
        self.whole.append("syndication_of")
        return super().syndication_of()

    def syndication_groups(self):
        self.whole.append("syndication_groups")
        return super().syndication_groups()

    def features(self, kind, page=2000):
        self.whole.append(f"features({kind})")
        return super().features(kind, page)


def _build(path, events: int) -> CountingStore:
    """A store of ``3 * events`` reports written by the stages directly (a word-list analysis instead of
    spaCy keeps it fast), its candidate indexes refilled from the stored features as after migration 7."""
    from crosscheck.clean import clean
    from crosscheck.model import Analysis, RawReport
    from crosscheck.stories import StoryIndex, story_features
    from crosscheck.store import codec
    from crosscheck.syndication import SyndicationIndex, fingerprint

    store = CountingStore(path)
    stories, synd, rows = StoryIndex(SETTINGS), SyndicationIndex(SETTINGS), []
    for e in range(events):
        for k in range(3):
            r = _report(e, k)
            doc = clean(RawReport(source=f"fiction:{r['id']}", fmt="jsonl", text=r["text"], ext_id=r["id"],
                                  title=r["title"], published=r["published"], outlet=r["outlet"], language="en"),
                        SETTINGS)
            analysis = Analysis(document=doc.id, lemmas=tuple(w.lower() for w in re.findall(r"\w+", doc.text)))
            feats, fp = story_features(doc, analysis), fingerprint(doc, SETTINGS)
            synd.assign(doc, fp)
            stories.assign(feats)
            rows.append((doc, analysis, feats, fp))
    stories.finalize()
    with store.transaction():
        for doc, analysis, feats, fp in rows:
            store.put_document(doc, analysis)
            store.put_feature(doc.id, "story", codec.dumps(feats))
            store.put_feature(doc.id, "fingerprint", codec.dumps(fp))
            store.set_story(doc.id, stories.story_of(doc.id))
        store.set_syndication(synd.groups())
        store.set_index_meta("rebuild", "1")
    Pipeline(store, SETTINGS)._ensure_indexes()
    return store


def _ingest_one(tmp_path, events: int) -> tuple[int, list[str], CountingStore]:
    store = _build(tmp_path / f"s{events}.db", events)
    new = tmp_path / f"new{events}.jsonl"
    new.write_text(json.dumps(_report(0, 7)) + "\n", "utf-8")
    store.rows, store.whole = 0, []
    result = Pipeline(store, SETTINGS).ingest([str(new)])
    assert len(result.new) == 1
    return store.rows, store.whole, store


def test_ingesting_one_report_reads_rows_that_do_not_grow_with_the_store(tmp_path):
    small, whole_small, s1 = _ingest_one(tmp_path, 10)  # 30 stored reports
    large, whole_large, s2 = _ingest_one(tmp_path, 40)  # 120 stored reports
    assert whole_small == whole_large == []  # no whole-store map read by an incremental run
    print(f"rows read to ingest 1 report: {small} at 30 stored reports, {large} at 120")
    assert large <= small + 5, (small, large)
    for s in (s1, s2):  # and the new report found its event's story through the stored index
        title = _report(0, 7)["title"]
        event = [d.id for d in s.documents() if d.title == title]
        assert len(event) == 4 and len(set(s.stories_of(event).values())) == 1
        s.close()


def test_the_stored_index_is_what_an_in_memory_rebuild_gives(tmp_path):
    """Incremental upkeep over two runs stores the same postings and frequencies as the refill from features."""
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(_report(e, k)) + "\n" for e in range(6) for k in range(3)), "utf-8")
    more = tmp_path / "b.jsonl"
    more.write_text("".join(json.dumps(_report(e, k)) + "\n" for e in range(4, 9) for k in range(3, 5)), "utf-8")
    store = SQLiteStore(tmp_path / "inc.db")
    Pipeline(store, SETTINGS).ingest([str(src)])
    Pipeline(store, SETTINGS).ingest([str(more)])
    conn = sqlite3.connect(tmp_path / "inc.db")
    df = dict(conn.execute("SELECT key, df FROM story_df WHERE df > 0"))
    assert store.story_index_reports() == len(list(store.documents())) == 28
    with store.transaction():
        store.set_index_meta("rebuild", "1")
    Pipeline(store, SETTINGS)._ensure_indexes()  # the refill migration 7 asks for
    assert dict(conn.execute("SELECT key, df FROM story_df WHERE df > 0")) == df
    assert store.index_meta("rebuild") is None and store.story_index_reports() == 28
    # every stored story has its aggregate, and its count is its membership
    counts = dict(conn.execute("SELECT story, count(*) FROM story_documents GROUP BY story"))
    assert dict(conn.execute("SELECT story, docs FROM story_aggregates")) == counts
    conn.close()
    store.close()


def test_migration_7_flags_a_store_with_reports_for_one_refill(tmp_path):
    from crosscheck.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(_report(e, k)) + "\n" for e in range(3) for k in range(3)), "utf-8")
    store = SQLiteStore(path)
    Pipeline(store, SETTINGS).ingest([str(src)])
    story_of = store.story_of()
    store.close()
    conn = sqlite3.connect(path)  # back to schema 6: the index tables gone, as a store of the last release
    for table in ("index_meta", "story_df", "story_postings", "story_aggregates", "synd_postings"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP INDEX syndication_members_grp")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    store = SQLiteStore(path)
    assert store.schema_version() == len(MIGRATIONS) and store.index_meta("rebuild") == "1"
    new = tmp_path / "b.jsonl"
    new.write_text(json.dumps(_report(1, 5)) + "\n", "utf-8")
    Pipeline(store, SETTINGS).ingest([str(new)])
    assert store.index_meta("rebuild") is None
    assert store.stories_of(["x"]) == {}
    after = store.story_of()
    new_id = next(d for d in after if d not in story_of)
    assert after[new_id] == story_of[next(d for d in story_of if after[d] == after[new_id])]
    store.close()


def test_a_story_index_over_a_lookup_continues_where_the_last_run_stopped():
    """Run 1 writes its changes; run 2, a fresh index over the same lookup, finds the stories by their
    postings (reading a bounded number of rows), keeps ids, and re-clusters only what it touched."""
    from crosscheck.model import StoryFeatures
    from crosscheck.stories import StoryIndex, story_id
    from crosscheck.stories.lookup import MemoryStoryLookup

    def feat(doc, words, names=()):
        return StoryFeatures(document=doc, terms=tuple((w, 1) for w in words), entities=tuple(names))

    fire = ["warehouse", "fire", "blaze", "firefighter", "smoke", "evacuate", "harbour", "district"]
    vote = ["council", "vote", "budget", "mayor", "tax", "school", "approve", "plan"]
    kept = MemoryStoryLookup()
    first = StoryIndex(lookup=kept)
    run1 = [feat(f"f{i}", fire[i % 3:] + ["tessaly"], ["tessal"]) for i in range(4)]
    run1 += [feat(f"v{i}", vote[i % 3:] + ["brovik"], ["brovik"]) for i in range(4)]
    for f in run1:
        first.assign(f)
    first.finalize()
    kept.apply(first.changes(), first.placed(), run1)
    assert set(kept.of.values()) == {story_id("f0"), story_id("v0")} and kept.n == 8
    fillers = [feat(f"x{i}", [f"quiet{i}", f"topic{i}", f"word{i}"]) for i in range(30)]
    for f in fillers:  # thirty unrelated stories: not read by the next run
        nxt = StoryIndex(lookup=kept)
        nxt.assign(f)
        kept.apply(nxt.changes(), nxt.placed(), [f])
    kept.reads = 0
    second = StoryIndex(lookup=kept)
    assert second.assign(feat("f9", fire + ["tessaly"], ["tessal"])) == story_id("f0")
    second.finalize()
    changes = second.changes()
    assert {a.story for a in changes.stories} == {story_id("f0")} and changes.reports == 39
    assert kept.reads < 60  # the new report's keys, one story, that story's five reports: not the 38 stored
    kept.apply(changes, second.placed(), [])
    assert kept.aggs[story_id("f0")].count == 5


def test_update_syndication_writes_the_changed_groups_and_leaves_the_others(tmp_path):
    from crosscheck.model import Document, SyndicationGroup, SyndicationMember

    store = SQLiteStore(tmp_path / "g.db")
    with store.transaction():
        for d in "abcdef":
            store.put_document(Document(id=d, source=d, fmt="txt", text=f"text {d}", content_hash=d), None)
        store.set_syndication([SyndicationGroup(id="g1", documents=("a", "b"), origin="a"),
                               SyndicationGroup(id="g2", documents=("c", "d"), origin="c"),
                               SyndicationGroup(id="g3", documents=("e", "f"), origin="e")])
    with store.transaction():  # g1 grows by f, which leaves g3 (a singleton now: dropped); g2 untouched
        store.update_syndication([SyndicationGroup(id="g1", documents=("a", "b", "f"), origin="a",
                                                   members=(SyndicationMember(document="f", kind="copy"),))],
                                 removed={"g1", "g3"})
    assert store.syndication_of() == {"a": "g1", "b": "g1", "f": "g1", "c": "g2", "d": "g2"}
    assert store.syndication_members_of(["g1"])["g1"][2] == ("f", SyndicationMember(document="f", kind="copy"))
    assert {g.id for g in store.syndication_groups()} == {"g1", "g2"}
    store.close()


def test_a_revised_report_is_found_by_its_new_text_in_later_runs(tmp_path):
    """The stored index follows a revision (before schema 6 each run re-read every stored fingerprint)."""
    old = ("The river ferry between Olmsby and Garrow Point stopped running on Friday after a storm damaged "
           "its landing ramp. Council engineers said repairs to the concrete ramp would take several weeks. "
           "Commuters were told to use the coastal bus route until further notice.")
    new = ("The Olmsby ferry will resume its crossings to Garrow Point next Monday, the regional transport office "
           "announced on Wednesday. Divers finished inspecting the rebuilt landing ramp and found no remaining "
           "damage below the waterline. The first morning crossing leaves Olmsby harbour at six forty and the "
           "timetable returns to twelve daily sailings. Ticket prices stay the same as before the closure in "
           "March, the transport office added in its statement.")

    def write(name: str, rec: dict) -> str:
        (tmp_path / name).write_text(json.dumps(rec) + "\n", "utf-8")
        return str(tmp_path / name)

    store = SQLiteStore(tmp_path / "rev.db")
    base = {"url": "https://olmsby.example/ferry", "title": "Olmsby ferry", "outlet": "Olmsby Courier",
            "published": "2031-04-02", "language": "en"}
    Pipeline(store, SETTINGS).ingest([write("a.jsonl", {**base, "text": old})])
    r = Pipeline(store, SETTINGS).ingest([write("b.jsonl", {**base, "text": new})])
    assert r.revised
    copy = {"url": "https://garrow.example/news/ferry-back", "title": "Ferry back on Monday",
            "outlet": "Garrow Gazette", "published": "2031-04-03", "language": "en", "text": new}
    r = Pipeline(store, SETTINGS).ingest([write("c.jsonl", copy)])
    synd = store.syndication_of()
    assert synd.get(r.new[0]) is not None and synd.get(r.new[0]) == synd.get(next(iter(synd.keys() - set(r.new))))
    store.close()


def test_a_store_written_without_the_indexes_is_refilled_before_the_next_ingest(tmp_path):
    """Reports written by another loader (features and memberships, no candidate index): the next ingest
    indexes them first, so a new report still finds its story."""
    store = _build(tmp_path / "loaded.db", 4)
    with store.transaction():
        store.clear_indexes()
    assert store.indexes_stale()
    new = tmp_path / "n.jsonl"
    new.write_text(json.dumps(_report(2, 9)) + "\n", "utf-8")
    Pipeline(store, SETTINGS).ingest([str(new)])
    assert not store.indexes_stale()
    title = _report(2, 9)["title"]
    event = [d.id for d in store.documents() if d.title == title]
    assert len(event) == 4 and len(set(store.stories_of(event).values())) == 1
    store.close()


def _reprint(i: int) -> str:
    """The wire text of event 3, as paper i printed it."""
    return _report(3, 0)["text"]


def _reprints(path, n: int) -> CountingStore:
    """One fictional wire text reprinted by ``n`` papers years apart, each reprint stored in a story of its own
    (as an earlier grouping left them), all in one syndication group; written by the stages directly, like
    _build."""
    from crosscheck.clean import clean
    from crosscheck.model import Analysis, RawReport
    from crosscheck.stories import story_features
    from crosscheck.store import codec
    from crosscheck.syndication import SyndicationIndex, fingerprint

    store = CountingStore(path)
    synd, rows = SyndicationIndex(SETTINGS), []
    for i in range(n):
        r = _report(3, 0)
        doc = clean(RawReport(source=f"fiction:reprint-{i}", fmt="jsonl", text=_reprint(i), ext_id=f"reprint-{i}",
                              title=r["title"], published=f"{2001 + 2 * i}-05-04", outlet=f"Paper {i}",
                              language="en"), SETTINGS)
        analysis = Analysis(document=doc.id, lemmas=tuple(w.lower() for w in re.findall(r"\w+", doc.text)))
        fp = fingerprint(doc, SETTINGS)
        synd.assign(doc, fp)
        rows.append((doc, analysis, story_features(doc, analysis), fp))
    with store.transaction():
        for i, (doc, analysis, feats, fp) in enumerate(rows):
            store.put_document(doc, analysis)
            store.put_feature(doc.id, "story", codec.dumps(feats))
            store.put_feature(doc.id, "fingerprint", codec.dumps(fp))
            store.set_story(doc.id, f"story-reprint-{i}")
        store.set_syndication(synd.groups())
        store.set_index_meta("rebuild", "1")
    Pipeline(store, SETTINGS)._ensure_indexes()
    return store


def test_a_new_copy_in_a_large_group_marks_only_the_stories_whose_reports_changed_group(tmp_path):
    """A wire story reprinted in 3 or in 12 stories: one more copy joins the group, and the batch marks only the
    story it joins for corroboration; the other copies keep their group id, so their findings stand (before: every
    member's story, a cost growing with the group: a wire story has hundreds of copies). The end-of-run
    re-optimisation may then regroup the stories near the new report (its own marks are not counted here)."""
    marked = {}
    for n in (3, 12):
        store = _reprints(tmp_path / f"r{n}.db", n)
        (group,) = store.syndication_groups()
        assert len(group.documents) == n and len(set(store.story_of().values())) == n
        with store.transaction():
            for sid in store.dirty_stories():
                store.clear_dirty(sid)
        calls: list[set[str]] = []
        mark = store.mark_dirty
        store.mark_dirty = lambda ids: (calls.append(set(ids)), mark(ids))[1]
        new = tmp_path / f"late{n}.jsonl"
        new.write_text(json.dumps(dict(_report(3, 0), id="late", text=_reprint(99), outlet="Late",
                                              published="2040-01-01")) + "\n",
                       "utf-8")
        result = Pipeline(store, SETTINGS).ingest([str(new)])
        assert len(result.new) == 1
        (group,) = store.syndication_groups()
        assert len(group.documents) == n + 1  # the copy joined the group
        marked[n] = calls[0]  # the batch's transaction
        store.close()
    assert len(marked[12]) == len(marked[3]) == 1, marked


def test_an_old_report_joining_a_group_with_no_copy_in_its_story_keeps_its_findings(tmp_path):
    """Three reprints of one wire text in three stories, the last one in no group (as if the text had not
    been recognised as a copy): a new copy joins the group and pulls the last reprint in. Corroboration reads
    a story's groups only as which of its reports are copies of one another: the last reprint's story holds
    no other copy, so it is not corroborated again (before: every story of a report whose group id changed; in
    bench/scale.py's permuted copies, 190 of 315 stories corroborated by a 300-report run at 10k)."""
    import dataclasses as dc

    from crosscheck.pipeline import _copies

    store = _reprints(tmp_path / "r.db", 3)
    (group,) = store.syndication_groups()
    loner = next(d for d in group.documents if store.story_of()[d] == "story-reprint-2")
    rest = dc.replace(group, documents=tuple(d for d in group.documents if d != loner),
                      members=tuple(m for m in group.members if m.document != loner),
                      origin=None if group.origin == loner else group.origin)
    with store.transaction():
        store.set_syndication([rest])
        for sid in store.dirty_stories():
            store.clear_dirty(sid)
    calls: list[set[str]] = []
    mark = store.mark_dirty
    store.mark_dirty = lambda ids: (calls.append(set(ids)), mark(ids))[1]
    new = tmp_path / "late.jsonl"
    new.write_text(json.dumps(dict(_report(3, 0), id="late", text=_reprint(99), outlet="Late",
                                   published="2040-01-01")) + "\n", "utf-8")
    result = Pipeline(store, SETTINGS).ingest([str(new)])
    (late,) = result.new
    (group,) = store.syndication_groups()
    assert loner in group.documents  # the last reprint was pulled into the group
    late_story = store.story_of()[late]
    assert calls[0] == {late_story}, (calls[0], late_story)
    # what corroboration reads of the groups: the same before and after for the last reprint's story
    assert _copies([loner], {loner: None}) == _copies([loner], {loner: group.id}) == frozenset()
    assert _copies(["a", "b", "c"], {"a": "g", "b": "g", "c": "h"}) == {frozenset({"a", "b"})}
    store.close()


_BIG = ("documents", "analyses", "doc_entities", "features", "stories", "story_documents", "findings", "claims",
        "story_summaries", "syndication_members", "syndication_groups", "entities", "entity_links", "entity_keys",
        "story_df", "story_postings", "story_aggregates", "synd_postings", "revisions")


def test_an_incremental_ingest_scans_no_table_that_grows_with_the_store(tmp_path):
    """Every statement of a one-report ingest into a stored store is planned by SQLite on an index (EXPLAIN QUERY
    PLAN): no full scan of a table that grows with the store (before: each run's clean-up of emptied stories scanned
    stories, findings, claims and story summaries)."""
    store = _build(tmp_path / "s.db", 10)
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps(_report(0, 7)) + "\n", "utf-8")
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    Pipeline(store, SETTINGS).ingest([str(new)])
    store.conn.set_trace_callback(None)
    scans = set()
    for sql in statements:
        head = sql.lstrip().split(None, 1)[0].upper()
        if head not in ("SELECT", "DELETE", "UPDATE", "INSERT", "WITH"):
            continue
        try:
            plan = store.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        except sqlite3.Error:
            continue
        for row in plan:
            m = re.match(r"SCAN (\w+)(?! USING (?:COVERING )?INDEX)", row[-1])
            if m and m.group(1) in _BIG and "USING" not in row[-1]:
                scans.add((m.group(1), sql[:120]))
    store.close()
    assert not scans, sorted(scans)


def test_the_newest_stories_embeddings_are_read_in_index_order(tmp_path):
    """A run reads the lead embeddings of the newest stories (story_embed_recent) in the order of an index: a sort
    would copy every 2 KB embedding (in a new process on the 100k bench store: 110-440 ms before, 40 ms after)."""
    store = _build(tmp_path / "s.db", 6)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    store.recent_story_embeddings(3)
    store.conn.set_trace_callback(None)
    sql = next(s for s in statements if "story_aggregates" in s)
    plan = " | ".join(r[-1] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
    store.close()
    assert "story_aggregates_recent" in plan and "TEMP B-TREE" not in plan, plan


def test_a_story_left_without_reports_loses_its_rows_with_its_dirty_mark(tmp_path):
    """Its story row, findings, claims and summary go in the transaction that clears its dirty mark (only the
    dirty stories are looked at; a story never dirtied keeps its rows)."""
    store = _build(tmp_path / "s.db", 4)
    of = store.story_of()
    old, new, other = sorted(set(of.values()))[:3]
    pipe = Pipeline(store, SETTINGS)
    with store.transaction():
        store.mark_dirty({old, other})
    pipe.corroborate_dirty()
    assert store.findings(old) is not None and store.findings(other) is not None
    with store.transaction():
        for d, s in of.items():
            if s == old:
                store.set_story(d, new)
        store.mark_dirty({old, new})
    pipe.corroborate_dirty()
    assert store.findings(old) is None and store.story(old) is None and not store.dirty_stories()
    for table, col in (("stories", "id"), ("claims", "story"), ("story_summaries", "story")):
        assert not store.conn.execute(f"SELECT 1 FROM {table} WHERE {col} = ?", (old,)).fetchall(), table
    assert store.findings(other) is not None
    store.close()
