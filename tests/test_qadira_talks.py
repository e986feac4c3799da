"""A spokesman's word on resumed talks, relayed by a state news agency and told by a wire (English), an Arabic site and
a French paper; the other side denies a date was set. Three reports the project wrote (tests/fixtures/qadira_talks)."""
from __future__ import annotations

from conftest import fixture_names, story_fixture

exported = story_fixture("qadira_talks")


def _talks(exported):
    return next(c for c in exported["claims"] if any("Vienna on Monday" in r["text"] for r in c["retellings"]))


def test_the_spokesman_speaks_and_the_agency_relays(exported):
    """'..., spokesman Hamid Rezai said, according to the state news agency QNA': the agency was the speaker, its
    content holding 'Rezai said'; 'نقلت وكالة الأنباء عن المتحدث ... قوله إن' was the Arabic site's own statement."""
    name = fixture_names(exported)
    talks = _talks(exported)
    assert {name[d] for d in talks["documents"]} == {"a", "f", "w"}
    assert "Rezai" in talks["speaker_text"] and "said" not in talks["text"]
    arabic = next(r for r in talks["retellings"] if name[r["document"]] == "a")
    assert "المتحدث" in arabic["speaker_text"]


def test_two_reports_relaying_one_agency_count_once(exported):
    """The wire ('according to the state news agency QNA') and the French paper ('cité par l'agence officielle QNA')
    had the words from one agency; the Arabic site names no agency it had them from."""
    assert _talks(exported)["independent_sources"] == 2


def test_the_french_denial_is_read(exported):
    """'L'Union tarsienne a toutefois démenti qu'une date ait été fixée': an adverb between the auxiliary and the
    participle hid the cue."""
    name = fixture_names(exported)
    denial = [r for c in exported["claims"] for r in c["retellings"] if name[r["document"]] == "f" and r["negated"]]
    assert denial and "date" in denial[0]["text"]


def test_a_relay_is_a_name_two_reports_give():
    """Chains naming one agency, however worded, share it; a description ('two senior officials') or one word of a
    script without capitals ('الوكالة', the agency: any agency) is no name to share."""
    from types import SimpleNamespace

    from crosscheck.corroborate.verdicts import shared_relays

    def told(doc, *chain):
        return SimpleNamespace(document=doc, claim=SimpleNamespace(chain=chain))

    assert shared_relays([told("a", "the state news agency QNA"), told("b", "L'agence officielle QNA")]) == {"QNA"}
    assert shared_relays([told("a", "two senior officials"), told("b", "two senior officials")]) == set()
    assert shared_relays([told("a", "الوكالة"), told("b", "الوكالة")]) == set()
    assert shared_relays([told("a", "QNA"), told("a", "QNA")]) == set()  # one report
