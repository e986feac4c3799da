"""A defence minister's plan to train reservists told by a wire, a paper that drifts to 'deploy', a paper relaying the
wire's anonymous official, Polish, Ukrainian and German retellings, and the neighbouring country's minister announcing
an exercise at the same border that morning: seven reports the project wrote (tests/fixtures/defence_plans)."""
from __future__ import annotations

from conftest import fixture_names, fixture_stories, story_fixture

exported = story_fixture("defence_plans")


def test_the_neighbour_s_exercise_is_another_story(exported):
    """One border, one morning, one kind of minister: two ministers (stories.actors.lead_speaker)."""
    assert fixture_stories(exported) == [["conf"], ["d1", "d2", "de", "pl", "uk", "w"]]


def test_the_plan_is_one_claim_in_four_languages_and_its_first_part_no_conflict(exported):
    """The Ukrainian retelling, which the embedder reads poorly, joins by its speaker's transliterated name (Голуб is
    Holub in Ukrainian's own romanisation); 'the first 2,000 reservists' is a part of the 10,000."""
    name = fixture_names(exported)
    (plan,) = [c for c in exported["claims"] if c["text"].startswith("Velmar plans to train 10,000")]
    assert {"w", "d1", "pl", "de", "uk"} <= {name[d] for d in plan["documents"]}, plan["documents"]
    assert plan["status"] != "conflicting", plan["conflict_notes"]
    (buy,) = [c for c in exported["claims"] if "40 short-range" in c["text"]]
    assert "uk" in {name[d] for d in buy["documents"]}, buy["documents"]
    assert not [d for d in exported["disagreements"] if d["severity"] == "conflict"], exported["disagreements"]
