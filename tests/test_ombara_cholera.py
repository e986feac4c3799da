"""A cholera outbreak told by a wire, a local site quoting the health agency's higher toll, French, Portuguese and Arabic
retellings, and a measles outbreak elsewhere by the same wire: six reports the project wrote
(tests/fixtures/ombara_cholera)."""
from __future__ import annotations

from conftest import fixture_names, fixture_stories, story_fixture

exported = story_fixture("ombara_cholera")


def test_the_measles_outbreak_is_another_story(exported):
    assert fixture_stories(exported) == [["a", "f", "l", "p", "w"], ["m"]]


def test_a_translation_of_half_a_sentence_carries_that_half(exported):
    """'the ministry said C1, as aid groups warned that C2': the French, Portuguese and Arabic retellings of C1
    were carried by C2 too (the two claims share their sentence's embedding)."""
    name = fixture_names(exported)
    (wells,) = [c for c in exported["claims"] if c["text"].startswith("Flooded wells")]
    assert {name[d] for d in wells["documents"]} == {"w"}
    (floor,) = [c for c in exported["claims"] if c["text"].startswith("Patients were being treated")]
    assert {name[d] for d in floor["documents"]} == {"w"}


def test_the_agency_s_spokesman_is_named_in_portuguese(exported):
    """'Segundo o porta-voz da OCS Pieter Vandam': the organisation was the speaker."""
    name = fixture_names(exported)
    speakers = {r["speaker_text"] for c in exported["claims"] for r in c["retellings"]
                if name[r["document"]] == "p" and "1.900" in r["text"]}
    assert speakers == {"Pieter Vandam"}


def test_the_agency_s_toll_conflicts_with_the_ministry_s(exported):
    (agency,) = [c for c in exported["claims"] if c["text"].startswith("At least 58 people")]
    assert agency["status"] == "conflicting"
