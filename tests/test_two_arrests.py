"""An arrest over a museum theft in Leeds told by a wire, a local paper and a crime desk (the suspect's name spelt three
ways) and in Arabic, and a break-in at a York gallery the same morning by the same wire: five reports the project wrote
(tests/fixtures/two_arrests)."""
from __future__ import annotations

from conftest import fixture_stories, story_fixture

exported = story_fixture("two_arrests")


def test_two_arrests_in_two_towns_are_two_stories(exported):
    """'Police in Leeds have arrested a 34-year-old man' / 'Police in York arrested a 29-year-old man', one wire, one
    morning: an arrest was no kind of event, so places_apart never read the two towns (data/disagreements.json
    'events' 'arrest')."""
    assert fixture_stories(exported) == [["ar", "b", "c", "w"], ["o"]]


def test_the_suspect_and_the_spokeswoman_are_one_person_in_every_spelling(exported):
    people = {e["name"]: set(e["aliases"]) | {e["name"]} for e in exported["entities"] if e["type"] == "PERSON"}
    rashid = next(names for names in people.values() if "Mohammed al-Rashid" in names)
    assert {"Mohamed Al Rashid", "Muhammad Rashid", "Al Rashid"} <= rashid, rashid
    fallon = next(names for names in people.values() if "Irene Fallon" in names)
    assert "إيرين فالون" in fallon, fallon
