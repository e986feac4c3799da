"""A derailment told by a wire, two syndicated copies (one with a paragraph of its own), an outlet citing the wire,
a local paper with its own sources and the rail operator's statement: six reports the project wrote
(tests/fixtures/derailment)."""
from __future__ import annotations

from conftest import fixture_names, fixture_stories, story_fixture

exported = story_fixture("derailment")


def test_one_story_and_the_wire_copies_one_group(exported):
    name = fixture_names(exported)
    assert [sorted(name[d] for d in s["documents"]) for s in exported["stories"]] == [
        ["c1", "c2", "cite", "ind", "pr", "w"]]
    groups = {}
    for d in exported["documents"]:
        groups.setdefault(d["syndication_group"], set()).add(name[d["id"]])
    assert {"w", "c1", "c2"} in groups.values(), groups


def test_a_past_accident_named_for_comparison_gives_no_place_of_this_one(exported):
    """'the deadliest rail accident in Estravia since 2019, when 11 people died in a collision near Kessel'."""
    places = [d for d in exported["disagreements"] if d["kind"] == "place"]
    assert places == [], places


def test_the_outlet_citing_the_wire_credits_the_wire_and_its_source(exported):
    name = fixture_names(exported)
    (claim,) = [c for c in exported["claims"] if any(name[r["document"]] == "cite" and r["text"].startswith(
        "Four people were killed") for r in c["retellings"])]
    told = next(r for r in claim["retellings"] if name[r["document"]] == "cite")
    assert "at least 30 injured" in told["text"] and "citing" not in told["text"], told
