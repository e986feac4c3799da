"""Two quakes in one country three days apart, in two towns, told by one wire (whose bureau files both from the
capital), a paper running the wire's first report, a German and a Spanish paper; the later reports recall the
earlier quake in passing. Six reports the project wrote (tests/fixtures/belisk_quakes)."""
from __future__ import annotations

from conftest import fixture_names, fixture_stories, story_fixture

from crosscheck.analyze import analyze
from crosscheck.model import Document
from crosscheck.stories.features import story_features

exported = story_fixture("belisk_quakes")


def test_two_quakes_are_two_stories(exported):
    """Both wire leads opened with the bureau's dateline, 'KORVA': the leads shared a place, so the two towns they
    named did not tell the events apart, and six reports were one story of false conflicts (9 dead / 3 dead)."""
    assert fixture_stories(exported) == [["c1", "d1", "w1"], ["d2", "e2", "w2"]]


def test_each_quake_s_toll_is_corroborated_without_conflict(exported):
    name = fixture_names(exported)
    first = next(c for c in exported["claims"] if "town of Belisk" in c["text"])
    second = next(c for c in exported["claims"] if "city of Tamsk" in c["text"])
    assert {name[d] for d in first["documents"]} == {"c1", "d1", "w1"}
    assert {name[d] for d in second["documents"]} == {"d2", "e2", "w2"}
    assert first["status"] == second["status"] == "corroborated"
    assert not [d for d in exported["disagreements"] if d["subject"] == "dead"]


def _features(text: str):
    doc = Document(id="x", source="x", fmt="text", text=text, language="en", published="2026-12-01")
    return story_features(doc, analyze([doc])[0])


def test_a_dateline_is_no_lead_place_beside_the_lead_s_own():
    f = _features("KORVA, Dec 1 (Meridian Wire) - A quake struck the town of Belisk on Tuesday, killing nine people.")
    assert f.lead_places == ("belisk",)
    f = _features("KORVA, Dec 1 (Meridian Wire) - A quake struck the capital on Tuesday, killing nine people.")
    assert f.lead_places == ("korv",)  # (its name key)


def test_a_name_after_a_kind_of_place_is_a_place():
    """'the town of Belisk' was an organisation, 'the town of Kulu' a person (data/aliases.json place_kind_of)."""
    for lang, text, name in (("en", "A quake struck the eastern town of Belisk on Tuesday.", "Belisk"),
                             ("en", "Floods cut off the village of Kulu on Friday.", "Kulu")):
        doc = Document(id="x", source="x", fmt="text", text=text, language=lang, published="2026-12-01")
        (ent,) = [e for e in analyze([doc])[0].entities if e.name == name]
        assert ent.type == "GPE"
