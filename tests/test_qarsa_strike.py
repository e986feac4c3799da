"""An air strike on a school shelter told by a wire, an Arabic site, a French and a Spanish paper, and a local
English site with witnesses: two sources' tolls (health officials 27, civil defence 25), the army's version and a
spokesman's; five reports the project wrote (tests/fixtures/qarsa_strike)."""
from __future__ import annotations

from conftest import fixture_names, fixture_stories, story_fixture

exported = story_fixture("qarsa_strike")


def test_the_arabic_report_is_in_the_story(exported):
    """It met the wire and the Spanish report closely, the French one and the witness account hardly: on the mean
    over every pair it stayed a story of its own."""
    assert fixture_stories(exported) == [["a", "f", "l", "s", "w"]]


def test_two_sources_tolls_across_languages_conflict(exported):
    """'at least 27 people, including nine children' (health officials) / 'au moins 25 personnes' (civil defence):
    two floors overlapped, so the French toll was a retelling of the English one."""
    name = fixture_names(exported)
    (health,) = [c for c in exported["claims"] for r in c["retellings"] if "at least 27 people" in r["text"]]
    assert "f" not in {name[d] for d in health["documents"]}
    assert health["status"] == "conflicting"
    (civil,) = [c for c in exported["claims"] for r in c["retellings"] if r["text"].startswith("Au moins 25")]
    assert civil["status"] == "conflicting"


def test_the_army_s_account_is_carried_by_three_reports(exported):
    name = fixture_names(exported)
    (army,) = [c for c in exported["claims"] if "command centre" in c["text"]]
    assert {name[d] for d in army["documents"]} == {"f", "s", "w"}


def test_the_arabic_toll_is_the_health_officials_claim(exported):
    """'... في بلدة قرسا' against '... in the town of Qarsa': the names' romanised keys ('qrs' / 'qarsa') did not meet,
    so the two claims named different places; an abjad leaves the short vowels unwritten."""
    name = fixture_names(exported)
    (health,) = [c for c in exported["claims"] for r in c["retellings"] if "at least 27 people" in r["text"]]
    assert {name[d] for d in health["documents"]} == {"a", "s", "w"}
