"""A story's count of independent sources: a syndication group once, and reports crediting one wire once with
each other and with the wire's own report (as its claims count them), in the list, the story header and the web.
Texts written for this test (fictional places and people)."""
from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from crosscheck.pipeline import Pipeline
from crosscheck.store import open_store
from crosscheck.web.app import create_app

REPORTS = [
    {"id": "wire", "outlet": "Reuters", "language": "en", "published": "2026-11-20T09:10:00Z",
     "title": "Ferry fire forces evacuation of 230 passengers off Lindmark",
     "text": "LINDMARK (Reuters) - A fire broke out in the engine room of the ferry Nordic Star off Lindmark on "
             "Friday, forcing the evacuation of all 230 passengers, the coast guard said.\n\n"
             "\"Every passenger was brought ashore by lifeboats within two hours,\" coast guard spokesman Erik "
             "Sandvall told reporters in Lindmark harbour.\n\n"
             "Sandvall said four crew members were treated for smoke inhalation and the cause of the fire was "
             "not yet known."},
    {"id": "copy", "outlet": "Harbour Gazette", "language": "en", "published": "2026-11-20T10:30:00Z",
     "title": "230 passengers evacuated after ferry fire off Lindmark",
     "text": "LINDMARK (Reuters) - All 230 passengers of the ferry Nordic Star were evacuated on Friday after a "
             "fire started in its engine room off Lindmark, the coast guard said.\n\n"
             "\"Every passenger was brought ashore by lifeboats within two hours,\" coast guard spokesman Erik "
             "Sandvall told reporters.\n\n"
             "Four crew members were treated for smoke inhalation, Sandvall said, adding that the cause of the "
             "fire was not yet known."},
    {"id": "own", "outlet": "Lindmark Post", "language": "en", "published": "2026-11-20T15:00:00Z",
     "title": "Nordic Star ferry fire: passengers describe escape off Lindmark",
     "text": "Passengers of the ferry Nordic Star described a calm evacuation after fire broke out in the "
             "engine room off Lindmark on Friday.\n\n"
             "\"We smelled smoke, then the crew calmly led us to the lifeboats,\" said Mara Lund, a teacher "
             "travelling with her class.\n\n"
             "Coast guard spokesman Erik Sandvall said all 230 passengers were safe and four crew members had "
             "been treated for smoke inhalation."},
]


def test_reports_crediting_one_wire_are_one_independent_source_of_the_story(tmp_path: Path):
    """Before, the story list and header counted syndication groups only: the wire's own report and a reworded
    copy crediting it (no syndication group: they share no sentence closely enough) were two sources, while each
    of their claims counted them as one."""
    src = tmp_path / "reports.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n", encoding="utf-8")
    store = open_store(tmp_path / "s.db")
    Pipeline(store).ingest([str(src)])
    stories = store.stories()
    assert len(stories) == 1 and len(stories[0].documents) == 3
    summary = store.story_summary(stories[0].id)
    assert summary.reports == 3 and summary.independent_sources == 2
    assert store.findings(stories[0].id).independent_sources == 2
    store.close()
    reader = open_store(tmp_path / "s.db", readonly=True)
    client = TestClient(create_app(reader))
    story = client.get(f"/api/stories/{stories[0].id}").json()
    assert story["independent_sources"] == 2
    assert [s["independent_sources"] for s in client.get("/api/stories").json()["items"]] == [2]
    assert "<b>2</b> independent sources" in client.get(f"/stories/{stories[0].id}").text


SCOOP = Path(__file__).parent / "fixtures" / "relayed_scoop" / "reports.jsonl"


def test_a_scoop_relayed_by_other_outlets_is_one_source(tmp_path: Path):
    """A wire's report that two people familiar with the talks told it of 400 job cuts, an English report 'according
    to Meridian Wire, which cited two people familiar with the talks', a German translation of the wire and an
    Italian report 'secondo fonti citate dall'agenzia Meridian Wire'. Before, the Italian source was 'Fonti citate',
    the English relay stood apart from the wire's own claim (another speaker) and the relays counted as independent
    sources of one another."""
    store = open_store(tmp_path / "s.db")
    Pipeline(store).ingest([str(SCOOP)])
    (story,) = store.stories()
    cuts = [c for c in store.findings(story.id).claims if "400" in c.text or "600" in c.text]
    big = max(cuts, key=lambda c: len(c.documents))
    assert len(big.documents) == 4, [(c.speaker_text, c.documents) for c in cuts]
    assert all(c.independent_sources == 1 and c.status == "single_source" for c in cuts)
    store.close()


def test_reports_crediting_one_outlet_count_once_whether_or_not_its_own_report_carries_the_claim():
    from crosscheck.corroborate.verdicts import independent_sources

    docs = ["a", "b", "c"]
    outlets = {"a": "Auto Times", "b": "Il Quotidiano", "c": "Wirtschaftsblatt"}
    credits = {"a": {"Meridian Wire"}, "b": {"agenzia Meridian Wire"}, "c": {"the carmaker"}}
    assert independent_sources(docs, {}, credits, outlets) == 3  # Meridian Wire not known as an outlet
    assert independent_sources(docs, {}, credits, outlets, relays=["Meridian Wire", "Auto Times"]) == 2
    # a wire of data/wires.json is known without a report of its own in the story
    wired = {"a": {"Reuters"}, "b": {"the news agency Reuters"}, "c": {"the carmaker"}}
    assert independent_sources(docs, {}, wired, outlets) == 2
    # the carmaker said it in two reports: two outlets heard it, no relay
    said = {"a": {"the carmaker"}, "b": {"the carmaker"}, "c": {"the carmaker"}}
    assert independent_sources(docs, {}, said, outlets, relays=["Meridian Wire"]) == 3
