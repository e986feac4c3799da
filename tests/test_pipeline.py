"""The whole pipeline on the demo corpus and on small corpora written here: idempotence, revisions,
bad records inside a batch, CONTRACT export, and what the demo is meant to show."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DEMO, copy_store
from crosscheck.export import write_json
from crosscheck.pipeline import Pipeline
from crosscheck.store import open_store

CONTRACT_FIELDS = {
    "documents": {"id", "source", "title", "outlet", "published", "language", "text", "captions", "syndication_group"},
    "stories": {"id", "title", "documents"},
    "entities": {"id", "name", "type", "aliases"},
    "claims": {"id", "story", "speaker", "speaker_text", "text", "documents", "status", "independent_sources"},
    "quantities": {"document", "text", "value", "of"},
    "times": {"document", "text", "value"},
}


def export(store) -> dict:
    import io

    buf = io.StringIO()
    write_json(store, buf)
    return json.loads(buf.getvalue())


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_ingest):
    """A copy of the run's one ingest of the demo corpus (conftest.demo_ingest): this module writes to it."""
    shared, result = demo_ingest
    store = open_store(copy_store(shared, tmp_path_factory.mktemp("demo") / "demo.db"))
    yield store, result, export(store)
    store.close()


def test_demo_corpus_lands_whole(demo):
    store, result, data = demo
    assert len(result.new) == 22 and not result.failed
    assert {d["language"] for d in data["documents"]} == {"en", "es", "de", "ru", "ko"}
    assert len({d["outlet"] for d in data["documents"]}) >= 5
    for section, fields in CONTRACT_FIELDS.items():
        assert data[section], section
        for item in data[section]:
            assert fields <= set(item), (section, fields - set(item))


def test_demo_stories_are_events_not_topics(demo):
    _, _, data = demo
    titles = {tuple(sorted(s["documents"])): s["title"] for s in data["stories"]}
    sizes = sorted(len(docs) for docs in titles)
    assert sizes == [2, 3, 3, 4, 5, 5]  # two launches of one rocket a month apart stay two stories


def test_wire_copies_form_one_group_and_count_once(demo):
    _, _, data = demo
    groups: dict[str, list[str]] = {}
    for d in data["documents"]:
        if d["syndication_group"]:
            groups.setdefault(d["syndication_group"], []).append(d["outlet"])
    english = [sorted(g) for g in groups.values() if "Norland Wire" not in g]
    assert sorted(english) == [["Bay Observer", "Meridian Press Agency"],
                               ["Coastal Courier", "Meridian Press Agency", "The Daily Ledger"]]
    critical = [c for c in data["claims"] if "critical condition" in c["text"]]
    assert len(critical) == 1
    assert len(critical[0]["documents"]) == 5 and critical[0]["independent_sources"] == 3


def test_demo_shows_every_verdict_conflict_and_drift(demo):
    _, _, data = demo
    statuses = {c["status"] for c in data["claims"]}
    assert statuses == {"corroborated", "single_source", "conflicting"}
    by_id = {c["id"]: c for c in data["claims"]}
    conflicting = [c for c in data["claims"] if c["status"] == "conflicting"]
    assert all(by_id[o]["status"] == "conflicting" for c in conflicting for o in c["conflicts_with"])
    assert any("60 million" in c["text"] for c in conflicting) and any("40 million" in c["text"] for c in conflicting)
    assert any(c["drift"] for c in data["claims"])
    assert data["timeline"]


def test_one_event_in_five_languages_is_one_story_with_claims_aligned_across_them(demo):
    _, _, data = demo
    lang = {d["id"]: d["language"] for d in data["documents"]}
    dam = [s for s in data["stories"] if len({lang[d] for d in s["documents"]}) >= 4]
    assert len(dam) == 1 and {lang[d] for d in dam[0]["documents"]} == {"en", "de", "es", "ru", "ko"}
    across = [c for c in data["claims"] if c["story"] == dam[0]["id"] and len({lang[d] for d in c["documents"]}) >= 4]
    assert across, "no claim aligned across four or more languages"
    # translations of one wire text are one source, not four
    assert all(c["independent_sources"] < len(c["documents"]) for c in across)


def test_spelling_variants_are_one_entity(demo):
    _, _, data = demo
    brandt = [e for e in data["entities"] if "Brandt" in e["name"] or "Brandt" in " ".join(e["aliases"])]
    assert len(brandt) == 1 and {"Oleksiy Brandt", "Oleksii Brandt"} <= {brandt[0]["name"], *brandt[0]["aliases"]}


def test_ingesting_again_changes_nothing(demo):
    store, _, before = demo
    again = Pipeline(store).ingest([str(DEMO)])
    assert not again.new and not again.revised and len(again.duplicate) == 22
    assert export(store) == before


def _jsonl(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))
    return path


REPORT = ("The Lindholm ferry ran aground near Skarvik harbour on Monday, coast guard spokesman Erik Dahl said. "
          "All 48 passengers were taken ashore, Dahl said.")


def test_same_url_with_new_text_is_a_revision(tmp_path, store):
    url = "https://news.example.com/ferry"
    first = _jsonl(tmp_path / "a.jsonl", [{"url": url, "title": "Ferry aground", "published": "2026-02-02", "text": REPORT}])
    second = _jsonl(tmp_path / "b.jsonl", [{"url": url, "title": "Ferry aground", "published": "2026-02-02",
                                            "text": REPORT.replace("48", "52")}])
    r1 = Pipeline(store).ingest([str(first)])
    r2 = Pipeline(store).ingest([str(second)])
    assert len(r1.new) == 1 and r2.revised == r1.new and not r2.new
    doc = store.document(r1.new[0])
    assert "52 passengers" in doc.text and doc.revision == 2
    assert [r["revision"] for r in store.revisions(doc.id)] == [1]
    assert store.count_documents() == 1
    quantities = export(store)["quantities"]
    assert [q["value"] for q in quantities if q["of"] == "passenger"] == [52]  # analysis follows the new text


def test_bad_records_are_reported_and_the_rest_lands(tmp_path, store):
    path = _jsonl(tmp_path / "mixed.jsonl", [
        {"id": "good-1", "text": REPORT},
        "{not json",
        {"id": "empty", "title": "nothing here"},
        {"id": "good-2", "text": REPORT.replace("Lindholm", "Nordstjerna")},
    ])
    result = Pipeline(store).ingest([str(path), str(tmp_path / "missing.txt")])
    assert len(result.new) == 2
    reasons = {f.source: f.reason for f in result.failed}
    assert any(s.endswith("mixed.jsonl#2") for s in reasons)
    assert any(s.endswith("mixed.jsonl#3") for s in reasons)
    assert any("missing.txt" in s for s in reasons)
    assert all("\n" not in r for r in reasons.values())
    assert result.extra["unusable_sources"] == [str(tmp_path / "missing.txt")]
    before = store.count_documents()
    Pipeline(store).ingest([str(tmp_path / "missing.txt")])
    assert store.count_documents() == before  # a failing run loses nothing stored


def test_cli_ingest_summary_and_exit_codes(tmp_path, cli):
    db = tmp_path / "c.db"
    good = _jsonl(tmp_path / "g.jsonl", [{"id": "g", "text": REPORT}, "{broken"])
    ok = cli("ingest", str(good), db=db)
    assert ok.returncode == 0, ok.stderr
    assert "1 new" in ok.stdout and "1 failed" in ok.stdout
    assert "g.jsonl#2" in ok.stderr and "Traceback" not in ok.stderr
    bad = cli("ingest", str(tmp_path / "nope.jsonl"), db=db)
    assert bad.returncode != 0 and "nope.jsonl" in bad.stderr and "Traceback" not in bad.stderr
    shown = cli("documents", db=db)
    assert shown.returncode == 0 and "g" in shown.stdout
    found = cli("search", "Skarvik", db=db)
    assert found.returncode == 0 and "Skarvik" in found.stdout
    missing = cli("show", "no-such-id", db=db)
    assert missing.returncode != 0 and "no-such-id" in missing.stderr and "Traceback" not in missing.stderr
