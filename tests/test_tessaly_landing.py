"""An airliner's emergency landing told by a wire, a local site that tops the wire's text with its own paragraph,
an aviation site counting passengers and crew apart, and a German retelling in reported speech; and a bird strike
at the destination airport by the same wire: five reports the project wrote (tests/fixtures/tessaly_landing)."""
from __future__ import annotations

from conftest import fixture_conflicts, fixture_names, fixture_stories, story_fixture

exported = story_fixture("tessaly_landing")


def test_the_bird_strike_is_another_story(exported):
    assert fixture_stories(exported) == [["b", "c", "de", "w"], ["x"]]


def test_passengers_and_crew_are_parts_of_the_people_on_board(exported):
    """'182 people on board' / '176 passengers and six crew': a count joined to another group's count is a part
    (data/disagreements.json 'joined_groups'), no rival of the whole."""
    name = fixture_names(exported)
    (landing,) = [c for c in exported["claims"] if "182 people on board" in c["text"]]
    assert {"w", "b"} <= {name[d] for d in landing["documents"]}
    assert landing["status"] != "conflicting", landing["conflict_notes"]
    assert not [d for d in exported["disagreements"] if d["subject"] == "passengers" and d["severity"] == "conflict"]


def test_nine_injured_passengers_are_an_injured_count(exported):
    """'Nine passengers suffered minor injuries' counted passengers (a conflict with 182 on board); the clause's state
    is what it counts (data/disagreements.json 'concept_states'), and against 'Eleven people were treated for minor
    injuries' it is a disagreement."""
    assert ("injured", frozenset({"w", "b"})) in fixture_conflicts(exported)


def test_german_reported_speech_is_the_spokeswoman_s(exported):
    """'Elf Menschen seien leicht verletzt worden' (Konjunktiv I) was the outlet's statement; and 'Norvair-Sprecherin
    Hanne Brekke' credited the airline, not the spokeswoman."""
    name = fixture_names(exported)
    german = [c for c in exported["claims"] for r in c["retellings"] if name[r["document"]] == "de"
              and r["text"].startswith(("Elf Menschen", "Alle Passagiere"))]
    speakers = {r["speaker_text"] for c in german for r in c["retellings"] if name[r["document"]] == "de"}
    assert speakers == {"Hanne Brekke"}, speakers


def test_a_bracket_the_claim_opens_is_closed(exported):
    texts = [r["text"] for c in exported["claims"] for r in c["retellings"]]
    assert any(t.endswith("local time (1212 GMT).") for t in texts), [t for t in texts if "GMT" in t]
