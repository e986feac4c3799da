"""A bridge collapse in an Indian district told by a wire whose dateline ends with its bracket ('KAVERIPUR, Nov 24
(PWI) At least ...'), a TV site's later account and a Hindi paper naming the officials with initials ('एस.
मीनाक्षी'), and a foot overbridge collapsing at another town's station by the same wire: four reports the project
wrote (tests/fixtures/kaveripur_bridge)."""
from __future__ import annotations

from conftest import fixture_names, fixture_stories, story_fixture

exported = story_fixture("kaveripur_bridge")


def test_the_hindi_report_is_the_collapse_s_and_the_station_another_story(exported):
    """The Hindi report had no name read (the sentence ended at the initial 'एस.') and joined another day's train
    crash on its numbers."""
    assert fixture_stories(exported) == [["hi", "n", "w"], ["x"]]


def test_the_collector_is_one_person_in_three_reports(exported):
    name = fixture_names(exported)
    (rescue,) = [c for c in exported["claims"] if c["text"].startswith("Rescue teams had pulled 18 people")]
    assert {name[d] for d in rescue["documents"]} == {"w", "hi"}, rescue
    assert "officials" not in rescue["speaker_text"].lower()


def test_the_lead_claim_has_no_dateline_and_its_injured_count_conflicts(exported):
    """'At least 12 people were killed and 30 injured' (the wire) and '31 people were injured' (the TV site) are one
    claim: its two retellings disagree, so it is conflicting (before, a claim carrying both sides of a conflict was
    left corroborated)."""
    (lead,) = [c for c in exported["claims"] if any("30 injured" in r["text"] for r in c["retellings"])]
    told = [r["text"] for r in lead["retellings"]]
    assert any(t.startswith("At least 12 people were killed") for t in told), told
    assert "31 people were injured." in told
    assert lead["status"] == "conflicting" and any("31" in n for n in lead["conflict_notes"]), lead
