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
