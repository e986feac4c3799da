"""A march against a pension law in Varena told by a wire, a copy, a local paper (the interior ministry's and the
unions' counts in one sentence), French and German retellings; and a heatwave by the wire in Celsius and kilometres
and by another paper in Fahrenheit and miles: seven reports the project wrote (tests/fixtures/varena_march)."""
from __future__ import annotations

from conftest import fixture_conflicts, fixture_names, fixture_stories, story_fixture

exported = story_fixture("varena_march")


def test_the_march_and_the_heatwave_are_two_stories(exported):
    assert fixture_stories(exported) == [["c", "de", "fr", "l", "w"], ["h", "hu"]]


def test_a_measure_and_its_conversion_are_one_claim(exported):
    """'44 degrees Celsius (111 degrees Fahrenheit)' / '111 degrees Fahrenheit', '30 km (19 miles)' / 'about 19
    miles': the same readings in other units (before, 44 and 111 were two values of 'degrees' and blocked the match)."""
    name = fixture_names(exported)
    (heat,) = [c for c in exported["claims"] if c["text"].startswith("Temperatures in southern Kestria reached")]
    assert {name[d] for d in heat["documents"]} == {"h", "hu"}
    assert heat["status"] == "corroborated"


def test_the_unions_count_is_not_the_ministry_s(exported):
    """'... drew about 20,000 people, according to the interior ministry, while the unions claimed 150,000': the
    clause after 'while' is the unions', never part of the ministry's claim."""
    name = fixture_names(exported)
    (ministry,) = [c for c in exported["claims"] if "l" in {name[d] for d in c["documents"]}
                   and c["kind"] == "according_to"]
    assert "150,000" not in ministry["text"] and "20,000" in ministry["text"], ministry


def test_twelve_detained_and_fourteen_arrested_conflict(exported):
    assert ("arrested", frozenset({"w", "l"})) in fixture_conflicts(exported)
