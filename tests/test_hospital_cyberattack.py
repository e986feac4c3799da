"""A cyberattack on a hospital group told by a wire, translations in French, Spanish and German, a local paper with
its own sources and another count, the company's follow-up two days later, and a bank's outage the same day: seven
reports the project wrote (tests/fixtures/hospital_cyberattack)."""
from __future__ import annotations

from conftest import fixture_names, fixture_stories, story_fixture

exported = story_fixture("hospital_cyberattack")


def retold(exported, doc: str):
    name = fixture_names(exported)
    return [(r["speaker_text"], r["text"], c) for c in exported["claims"] for r in c["retellings"]
            if name[r["document"]] == doc]


def test_the_follow_up_whose_dateline_hid_the_company_joins_the_story_and_the_outage_stays_apart(exported):
    """'TARSK, Dec 3 (Meridian Wire) - Velora Health said ...': the NER lost the company after the dateline's
    hyphen, so the follow-up shared no name with the local paper, which then tied with the bank's outage."""
    stories = fixture_stories(exported)
    assert stories == [["conf"], ["de", "es", "fr", "loc", "next", "w"]], stories


def test_the_lead_is_one_claim_in_four_languages_and_conflicts_with_the_local_count(exported):
    """French 'non urgentes' is the affix, not a negation of the clause (the Spanish 'no urgentes' reads as one): the
    French lead no longer keeps the Spanish one apart. The local paper's 'Twelve hospitals ... postponed planned
    surgery' conflicts with '14 hospitals': 'planned' names the surgery, no plan, and 'postponed' has no
    predicate class to differ by."""
    name = fixture_names(exported)
    (lead,) = [c for c in exported["claims"] if c["text"].startswith("It had been hit by a cyberattack")]
    assert {"w", "fr", "es", "de"} <= {name[d] for d in lead["documents"]}, lead["documents"]
    assert lead["status"] == "conflicting" and any("Twelve" in n for n in lead["conflict_notes"]), lead


def test_speakers_of_an_infinitive_clause_and_of_a_clause_before_a_misparsed_apposition(exported):
    fr = {text: who for who, text, _ in retold(exported, "fr")}
    assert fr.get("Avoir dérobé 2 téraoctets de données, dont des dossiers de patients, et réclame une rançon de 5 "
                  "millions de dollars.") == "Black Kestrel", fr
    assert [who for who, text, _ in retold(exported, "loc") if text.startswith("Twelve hospitals run")] == [
        "a spokesman for the regional health authority"]
    de = [text for who, text, _ in retold(exported, "de") if who == "Velora Health"]
    assert de == ["Es gebe keine Hinweise darauf, dass Patientendaten abgeflossen seien."], de
