"""A newspaper's scoop from two anonymous officials, retold by a wire, a German paper and a trade site that all cite
it, then denied by the ministry. Five reports the project wrote (tests/fixtures/valdor_coal)."""
from __future__ import annotations

from conftest import fixture_names, story_fixture

from crosscheck.corroborate.features import build_view
from crosscheck.corroborate.figures import figures_in
from crosscheck.model import Claim, Document, Analysis

exported = story_fixture("valdor_coal")


def _claim(exported, words):
    return next(c for c in exported["claims"] if any(words in r["text"] for r in c["retellings"]))


def test_the_scoop_is_one_source_however_many_retell_it(exported):
    """'three of the country's five coal-fired power plants' counted 'country' with its three: the plants' three
    against the plants' five clashed, and the scoop's own report stood apart from the reports retelling it."""
    name = fixture_names(exported)
    scoop = _claim(exported, "drei Kohlekraftwerke")
    assert {"a", "b", "c", "t"} <= {name[d] for d in scoop["documents"]}
    assert scoop["independent_sources"] == 1


def test_the_ministry_s_denial_conflicts_with_the_scoop(exported):
    scoop = _claim(exported, "drei Kohlekraftwerke")
    assert scoop["status"] == "conflicting"
    assert any("energy ministry" in note for note in scoop["conflict_notes"])


def test_a_negation_in_a_relative_clause_is_no_flip(exported):
    """'The plan, which has not been made public, would cost about 1.2 billion crowns': the negation is the aside's;
    it made the cost a denial of 'Compensation would cost 1.2 billion crowns'."""
    name = fixture_names(exported)
    cost = _claim(exported, "has not been made public")
    assert {"b", "c", "t"} <= {name[d] for d in cost["documents"]}
    assert cost["status"] != "conflicting"


def test_a_part_of_a_whole_counts_the_whole_s_thing():
    three, five = figures_in("The government will close three of the country's five coal-fired power plants.")
    assert three.of == five.of and (three.low, five.low) == (3, 5)


def test_the_negated_terms_of_a_relative_aside_are_its_own():
    text = "The plan, which has not been made public, would cost 1.2 billion crowns."
    doc = Document(id="d", source="d", fmt="txt", text=text, language="en")
    claim = Claim(key="c", text=text, start=0, end=len(text), speaker=None, speaker_text="an official")
    view = build_view(claim, doc, Analysis(document="d", claims=(claim,)), 0, {}, None)
    assert view.negated and "cost" not in view.negation_terms and "public" in view.negation_terms
