"""Entity linking run by run (only the reports each run added or revised, through the store's alias keys)
gives the same entities and links as one whole-store link. Fictional names; no spaCy: the analyses are
written by hand, so every rule of aliases.link is exercised on purpose (surname only, middle names, a kana
name joining by skeleton, one name tagged place and organisation, known countries, revisions that drop
a name)."""
from __future__ import annotations

import random
import sqlite3

import pytest

from crosscheck.analyze.aliases import alias_keys, keys_by_entity, link, neighbourhood
from crosscheck.model import Analysis, Document, Entity
from crosscheck.pipeline import Pipeline
from crosscheck.store.migrations import MIGRATIONS
from conftest import schema_before

# (name, type): people sharing surnames, a middle name, kana spellings, names tagged two ways, countries
NAMES = [
    ("Mara Lenz", "PERSON"), ("Lenz", "PERSON"), ("Mara Ilse Lenz", "PERSON"), ("Tobias Lenz", "PERSON"),
    ("レンツ", "PERSON"), ("Oskar Brandvold", "PERSON"), ("Brandvold", "PERSON"), ("ブラントボルト", "PERSON"),
    ("Ines Calder", "PERSON"), ("Calder", "PERSON"), ("Ines Marit Calder", "PERSON"), ("Yara Nunez", "PERSON"),
    ("Yara Nuñez", "PERSON"), ("Tarnholm", "GPE"), ("Tarnholm", "ORG"), ("Vessby", "GPE"), ("Vessby Council", "ORG"),
    ("U.S.", "GPE"), ("United States", "GPE"), ("DPRK", "GPE"), ("North Korea", "GPE"), ("Dunmorians", "NORP"),
    ("Kestrel Dam", "FAC"), ("Kestrel Dam", "LOC"), ("Harbour Herald", "ORG"), ("Piet Maes", "PERSON"),
    ("Maes", "PERSON"), ("Piet Maas", "PERSON"),
]


def _doc(doc_id: str, rev: int) -> Document:
    return Document(id=doc_id, source=f"https://example.org/{doc_id}", fmt="jsonl", text=f"Report {doc_id} r{rev}.",
                    content_hash=f"{doc_id}-{rev}", revision=rev)


def _analysis(doc_id: str, names: list[tuple[str, str]]) -> Analysis:
    ents = tuple(Entity(key=f"e{i}", name=n, type=t, aliases=(n, n.split()[-1])) for i, (n, t) in enumerate(names))
    return Analysis(document=doc_id, entities=ents)


def _state(store) -> tuple[set, set, set]:
    ents = {(e.id, e.name, e.type, e.aliases) for e in store.entities()}
    links = set(store.entity_links().items())
    keys = {(r[0], r[1]) for r in store.conn.execute("SELECT key, entity FROM entity_keys")}
    return ents, links, keys


def _whole(store) -> tuple[set, set, set]:
    members = list(store.local_entities())
    linking = link(members)
    keys = keys_by_entity(linking, members)
    return ({(e.id, e.name, e.type, e.aliases) for e in linking.entities},
            {((ln.document, ln.key), ln.entity) for ln in linking.links},
            {(k, gid) for gid, ks in keys.items() for k in ks})


def _put(store, docs: dict[str, tuple[int, list]]) -> None:
    with store.transaction():
        for doc_id, (rev, names) in docs.items():
            store.put_document(_doc(doc_id, rev), _analysis(doc_id, names))


def test_a_surname_joins_then_leaves_its_owner_as_runs_arrive(store):
    pipe = Pipeline(store)
    _put(store, {"d1": (1, [("Mara Lenz", "PERSON")]), "d2": (1, [("Lenz", "PERSON"), ("レンツ", "PERSON")])})
    pipe.link_entities()
    links = store.entity_links()
    assert links[("d1", "e0")] == links[("d2", "e0")] == links[("d2", "e1")]  # one Lenz, kana joins by skeleton
    assert store.entities_pending() == []
    _put(store, {"d3": (1, [("Tobias Lenz", "PERSON")])})  # now 'Lenz' and 'レンツ' are ambiguous: they split
    pipe.link_entities()
    links = store.entity_links()
    assert len({links[("d1", "e0")], links[("d2", "e0")], links[("d2", "e1")], links[("d3", "e0")]}) == 4
    assert _state(store) == _whole(store)


def test_a_kana_name_meets_every_latin_person_of_its_skeleton_through_the_closure(store):
    """'Ines Lens' shares no key with the two Lenz people, only a skeleton with the kana name that stayed
    alone because of them: the kana name's skeleton brings them back, so it stays alone (two owners)."""
    pipe = Pipeline(store)
    _put(store, {"d1": (1, [("Mara Lenz", "PERSON")]), "d2": (1, [("Tobias Lenz", "PERSON")]),
                 "d3": (1, [("レンツ", "PERSON")])})
    pipe.link_entities()
    _put(store, {"d4": (1, [("Ines Lens", "PERSON")])})
    pipe.link_entities()
    links = store.entity_links()
    assert links[("d3", "e0")] != links[("d4", "e0")]
    assert _state(store) == _whole(store)


def test_votes_count_every_stored_mention_not_one_per_alike_row(store):
    """Three reports tag Tarnholm a place, one an organisation: the place wins the vote. A new report tagging
    it an organisation makes 3 to 2, still a place: the stored alike mentions (read as one row) count 3."""
    pipe = Pipeline(store)
    _put(store, {"d1": (1, [("Tarnholm", "GPE")]), "d2": (1, [("Tarnholm", "GPE")]), "d3": (1, [("Tarnholm", "GPE")]),
                 "d4": (1, [("Tarnholm", "ORG")])})
    pipe.link_entities()
    (gid,) = set(store.entity_links().values())
    _put(store, {"d5": (1, [("Tarnholm", "ORG")])})
    pipe.link_entities()
    assert set(store.entity_links().values()) == {gid} and store.entities()[0].type == "GPE"
    assert _state(store) == _whole(store)
    _put(store, {"d6": (1, [("Tarnholm", "ORG")]), "d7": (1, [("Tarnholm", "ORG")])})  # 3 to 4: now an organisation
    pipe.link_entities()
    assert store.entities()[0].type == "ORG" and len(set(store.entity_links().values())) == 1
    assert _state(store) == _whole(store)


def test_a_revision_that_drops_a_name_relinks_what_it_held_together(store):
    pipe = Pipeline(store)
    _put(store, {"d1": (1, [("Mara Lenz", "PERSON")]), "d2": (1, [("Tobias Lenz", "PERSON")]),
                 "d3": (1, [("Lenz", "PERSON")])})
    pipe.link_entities()
    _put(store, {"d2": (2, [("Vessby", "GPE")])})  # Tobias gone: 'Lenz' joins Mara again
    pipe.link_entities()
    links = store.entity_links()
    assert ("d2", "e0") in links and links[("d1", "e0")] == links[("d3", "e0")]
    assert _state(store) == _whole(store)


@pytest.mark.parametrize("seed", range(6))
def test_incremental_runs_equal_one_whole_store_link(tmp_path, seed):
    from crosscheck.store import open_store

    rng = random.Random(seed)
    store = open_store(tmp_path / "x.db")
    pipe = Pipeline(store)
    revisions: dict[str, int] = {}
    for run in range(5):
        batch = {}
        for _ in range(rng.randint(1, 6)):
            # mostly new reports, sometimes a revision of an earlier one (names change)
            doc_id = rng.choice(sorted(revisions)) if revisions and rng.random() < 0.25 else f"d{len(revisions) + len(batch)}"
            revisions[doc_id] = revisions.get(doc_id, 0) + 1
            batch[doc_id] = (revisions[doc_id], rng.sample(NAMES, rng.randint(0, 5)))
        _put(store, batch)
        pipe.link_entities()
        assert store.entities_pending() == []
        assert _state(store) == _whole(store), f"run {run}"
    # and the whole-store pass (recluster) writes the same rows
    before = _state(store)
    pipe.link_entities(full=True)
    assert _state(store) == before
    store.close()


def test_the_neighbourhood_reads_only_entities_sharing_keys(store):
    pipe = Pipeline(store)
    _put(store, {f"d{i}": (1, [("Harbour Herald", "ORG"), (f"Person{i} Quell{i}", "PERSON")]) for i in range(20)})
    pipe.link_entities()
    asked: list[set] = []

    class Spy:
        def linked_by_keys(self, keys):
            asked.append(set(keys))
            return store.linked_by_keys(keys)

    seed = [("d99", Entity(key="e0", name="Vessby", type="GPE"))]
    assert neighbourhood(seed, Spy()) == (seed, {})  # nobody else is named Vessby: no stored entity read
    seed = [("d99", Entity(key="e0", name="Harbour Herald", type="ORG"))]
    got, weights = neighbourhood(seed, Spy())
    # the 20 alike stored mentions are read as one entity standing for 20; the people are not read
    assert got == [("d0", Entity(key="e0", name="Harbour Herald", type="ORG", aliases=("Harbour Herald", "Herald"))),
                   *seed]
    assert weights == {("d0", "e0"): 20}
    # f: meets a bare 'Harbour' (keys fold 'ou' to 'u' since session 40: 'Γκούτερες' / 'Guterres')
    assert all(alias_keys(e) == {"n:harbur herald", "f:harbur"} for _, e in got)


def test_a_new_report_updates_rows_not_the_whole_table(store):
    pipe = Pipeline(store)
    _put(store, {f"d{i}": (1, [(f"Person{i} Quell{i}", "PERSON"), ("Vessby", "GPE")]) for i in range(30)})
    pipe.link_entities()
    store.conn.execute("CREATE TEMP TABLE writes (n INTEGER)")
    store.conn.execute("CREATE TEMP TRIGGER w1 AFTER INSERT ON main.entity_links BEGIN INSERT INTO writes VALUES (1); END")
    store.conn.execute("CREATE TEMP TRIGGER w2 AFTER DELETE ON main.entity_links BEGIN INSERT INTO writes VALUES (1); END")
    _put(store, {"d99": (1, [("Mara Lenz", "PERSON"), ("Vessby", "GPE")])})
    pipe.link_entities()
    assert store.conn.execute("SELECT count(*) FROM writes").fetchone()[0] == 2  # the new report's two links
    assert _state(store) == _whole(store)


def test_a_store_from_before_alias_keys_links_everything_once_after_migrating(tmp_path):
    from crosscheck.store import codec, open_store

    path = tmp_path / "old.db"
    # a store of the schema before alias keys, linked by the old whole-store writer
    conn = schema_before(path, "CREATE TABLE entity_keys")
    docs = {"d1": [("Mara Lenz", "PERSON"), ("U.S.", "GPE")], "d2": [("Lenz", "PERSON")]}
    members = []
    for doc_id, names in docs.items():
        conn.execute("INSERT INTO documents (id, source, fmt, text, content_hash) VALUES (?,?,?,?,?)",
                     (doc_id, doc_id, "txt", "x", doc_id))
        for e in _analysis(doc_id, names).entities:
            conn.execute("INSERT INTO doc_entities VALUES (?,?,?)", (doc_id, e.key, codec.dumps(e)))
            members.append((doc_id, e))
    linking = link(members)
    conn.executemany("INSERT INTO entities VALUES (?,?,?,?)", [(e.id, e.name, e.type, "[]") for e in linking.entities])
    conn.executemany("INSERT INTO entity_links VALUES (?,?,?)", [(ln.document, ln.key, ln.entity) for ln in linking.links])
    conn.commit()
    conn.close()
    store = open_store(path)
    assert store.entities_pending() == ["d1", "d2"]
    Pipeline(store).link_entities()
    assert store.entities_pending() == []
    assert _state(store) == _whole(store) and _state(store)[2]  # alias keys filled, aliases rewritten
    store.close()


def test_the_demo_corpus_ingested_file_by_file_links_as_the_whole_store(tmp_path):
    """Through the real pipeline (spaCy analysis): the fictional demo corpus ingested one file per run."""
    from pathlib import Path

    from crosscheck.config import Settings
    from crosscheck.store import open_store

    corpus = Path(__file__).resolve().parents[1] / "demo" / "corpus"
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".jsonl", ".html"))
    store = open_store(tmp_path / "demo.db")
    pipe = Pipeline(store, Settings(embedder="none"))
    for f in files:
        pipe.ingest([str(f)])
        assert store.entities_pending() == []
    assert len(store.entities()) > 10
    assert _state(store) == _whole(store)
    store.close()


def test_a_store_linked_with_the_old_alias_keys_is_linked_again_after_migrating(tmp_path):
    """The keys grew in session 36 (a person's whole name, a one-word name's surname key): a store linked before holds
    the old keys, so a new report tagging a person's name as a place would not meet that person; the migration marks
    every report to be linked again, and the next run gives the whole store's linking."""
    from crosscheck.store import open_store

    path = tmp_path / "keys.db"
    store = open_store(path)
    _put(store, {"d1": (1, [("Tomas Reyval", "PERSON")]), "d2": (1, [("Tomas Reyval", "PERSON")])})
    Pipeline(store).link_entities()
    store.close()
    conn = sqlite3.connect(path)  # back to the schema before the keys grew, its index holding only the old keys
    conn.execute("DELETE FROM entity_keys WHERE key LIKE 'n:%'")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    conn.commit()
    conn.close()
    store = open_store(path)
    assert store.entities_pending() == ["d1", "d2"]
    _put(store, {"d3": (1, [("Tomas Reyval", "GPE")])})
    Pipeline(store).link_entities()
    links = store.entity_links()
    assert links[("d1", "e0")] == links[("d3", "e0")]
    assert _state(store) == _whole(store)
    store.close()
