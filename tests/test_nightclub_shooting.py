"""A nightclub shooting told by a national paper, the city's own paper, a wire and an explainer, the arrest a day
later, and another shooting in another city the same day: six reports the project wrote
(tests/fixtures/nightclub_shooting)."""
from __future__ import annotations

from conftest import fixture_conflicts, fixture_stories, story_fixture

exported = story_fixture("nightclub_shooting")


def test_the_city_a_local_paper_is_named_after_is_still_a_name_of_its_reports(exported):
    """The Dorvan Daily's 'Dorvan' was dropped from its reports' names as if it were the outlet, so the arrest report
    named no place of the wire's lead and was kept apart from it (places_apart), splitting the story in two."""
    stories = fixture_stories(exported)
    assert stories == [["a", "arrest", "b", "c", "d"], ["conf"]], stories


def test_the_two_tolls_of_the_night_conflict(exported):
    found = fixture_conflicts(exported)
    assert ("dead", frozenset({"a", "b"})) in found, found
