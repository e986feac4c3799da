"""A court verdict told by a wire, a syndicated copy, translations in five languages and a local paper with other
figures, next to a confusable verdict the same day in another country and the appeal a week later: ten reports the
project wrote (tests/fixtures/court_verdict)."""
from __future__ import annotations

from conftest import fixture_conflicts, fixture_names, fixture_stories, story_fixture

exported = story_fixture("court_verdict")


def test_another_court_s_verdict_the_same_day_and_the_appeal_are_stories_of_their_own(exported):
    """Two trials of two former ministers in two capitals share every word of a verdict but the names: the lead
    names the event (data/disagreements.json 'verdict') in two places, so they are two events."""
    stories = fixture_stories(exported)
    assert stories == [["appeal"], ["c1", "de", "es", "fr", "loc", "pl", "pt", "w"], ["conf"]], stories


def test_the_local_paper_s_term_and_fine_conflict_with_the_wire_s(exported):
    found = fixture_conflicts(exported)
    assert ("prison_term:year", frozenset({"w", "loc"})) in found, found
    # '250,000 euros' is no rounding of '200,000' (half-even rounding made it one)
    assert ("money:EUR:cost", frozenset({"w", "loc"})) in found, found


def test_a_claim_told_inside_another_never_conflicts_with_it(exported):
    """'Dunst said the ruling showed that "nobody is above the law"': the ruling's 'Nobody is above the law.' is
    part of Dunst's claim, not a report denying it."""
    inside = [c for c in exported["claims"] if "above the law" in c["text"]]
    assert len(inside) == 2 and all(c["status"] != "conflicting" for c in inside), inside


def test_the_lawyer_s_words_are_his_in_every_language(exported):
    """French: the verb of a relative clause about Morav ('qui a toujours nié les faits') is no speech of hers;
    German: 'sagte er' after the report's own sentence naming the lawyer is the lawyer's."""
    name = fixture_names(exported)
    by_doc = {}
    for c in exported["claims"]:
        for r in c["retellings"]:
            by_doc.setdefault(name[r["document"]], []).append((r["speaker_text"], r["text"]))
    assert any("Ivo Laska" in (who or "") and "faire appel" in text for who, text in by_doc["fr"]), by_doc["fr"]
    assert not any("Morav" in (who or "") for who, _ in by_doc["fr"]), by_doc["fr"]
    assert any("Laska" in (who or "") and "politisch" in text for who, text in by_doc["de"]), by_doc["de"]
    (political,) = [c for c in exported["claims"] if c["text"] == "This verdict is political."]
    assert {"w", "fr", "de"} <= {name[d] for d in political["documents"]}, political["documents"]
