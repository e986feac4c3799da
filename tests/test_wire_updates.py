"""A wire's wildfire story and its update with the new toll, a copy of each, a local paper's own account, and the same
wire's story of another county's fire that day with a copy and a local account: eight reports the project wrote
(tests/fixtures/wire_updates)."""
from __future__ import annotations

from conftest import fixture_names, fixture_stories, story_fixture

exported = story_fixture("wire_updates")


def test_two_fires_are_two_stories(exported):
    assert fixture_stories(exported) == [["a1", "b2", "c", "v1", "v2"], ["h", "ha", "hl"]]


def test_the_wire_s_update_is_a_version_of_its_story_with_both_copies(exported):
    """The update rewrote every narrative sentence with the new figures (its lead 0.75 alike, no sentence word for
    word): the two versions and their copies were two groups, and the toll's change a conflict between them."""
    name = fixture_names(exported)
    groups = sorted(sorted(name[m["document"]] for m in g["members"]) for g in exported["syndication_groups"])
    assert ["a1", "b2", "v1", "v2"] in groups and ["h", "ha"] in groups, groups


def test_a_count_the_wire_itself_updated_conflicts_with_no_one(exported):
    """'killed one person' (8:00), 'killed two people' (the update, 11:00) and the local paper's 'Two people have died'
    (15:00): the first is the wire's superseded count, explained, not a conflict with the local paper."""
    name = fixture_names(exported)
    dead = {(d["severity"], frozenset(name[x] for x in d["documents"])) for d in exported["disagreements"]
            if d["subject"] == "dead"}
    assert not any(sev == "conflict" for sev, _ in dead), dead
    assert ("explained", frozenset({"c", "v1"})) in dead, dead
