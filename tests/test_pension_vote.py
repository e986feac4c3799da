"""A parliament's vote on a pension reform told by a wire, German, Russian and Arabic reports, a local paper with
another tally and the protest's two counts, and another parliament's budget vote the same day: six reports the
project wrote (tests/fixtures/pension_vote)."""
from __future__ import annotations

from conftest import fixture_conflicts, fixture_names, fixture_stories, story_fixture

exported = story_fixture("pension_vote")


def test_the_two_votes_are_two_stories(exported):
    stories = fixture_stories(exported)
    assert stories == [["ar", "de", "loc", "ru", "w"], ["conf"]], stories


def test_the_tallies_and_the_crowd_counts_conflict(exported):
    found = fixture_conflicts(exported)
    assert {("votes", frozenset({"w", "loc"})), ("protesters", frozenset({"w", "loc"}))} <= found, found


def test_a_strike_called_is_no_one_s_words_and_the_police_count_is_the_police_s(exported):
    name = fixture_names(exported)
    told = [(r["speaker_text"], r["text"]) for c in exported["claims"] for r in c["retellings"]
            if name[r["document"]] in ("w", "loc")]
    assert ("Unions", "A general strike.") not in told, told
    assert ("Organisers", "120,000 people took part in the protest.") in told, told
