"""A carmaker's job cuts told by a wire in English and in Spanish, Italian and Dutch translations, a local outlet
with another figure, a rival's cuts the next day and a market sell-off: 11 reports the project wrote
(tests/fixtures/carmaker_cuts)."""
from __future__ import annotations

import pytest

from conftest import fixture_names, fixture_stories, story_fixture

exported = story_fixture("carmaker_cuts")


@pytest.mark.parametrize("report, headline, lede", [
    ("a-es", "Norvik Motors eliminará 6.000 empleos", "El fabricante de automóviles Norvik Motors eliminará"),
    ("a-it", "Norvik Motors taglia 6.000 posti", "La casa automobilistica Norvik Motors taglierà"),
    ("a-nl", "Norvik Motors schrapt 6000 banen en sluit twee fabrieken", "Autofabrikant Norvik Motors schrapt"),
])
def test_a_translated_headline_is_told_with_its_own_lede(exported, report, headline, lede):
    """A headline drops its text's attribution: compared with its lede as a claim of another speaker (the outlet's
    against 'la empresa'), it met it nowhere and founded a group of its own, which the local outlet's Lenna claim
    then joined. 'El' / 'La' opening the lede were read as its subject, against the headline's 'norvik'."""
    name = fixture_names(exported)
    told = []
    for claim in exported["claims"]:
        texts = [r["text"] for r in claim["retellings"] if name[r["document"]] == report]
        if any(t.startswith(headline) for t in texts):
            told = texts
    assert any(t.startswith(lede) for t in told), told


def test_the_local_outlet_s_figure_conflicts_with_the_wire_s(exported):
    name = fixture_names(exported)
    wire = next(c for c in exported["claims"] if c["text"].startswith("Norvik Motors will cut 6,000 jobs"))
    assert wire["status"] == "conflicting"
    assert "a-en2" not in {name[d] for d in wire["documents"]}


def test_a_rival_s_cuts_the_next_day_are_a_story_of_their_own(exported):
    """'Caldera Auto will cut 2,000 jobs ..., the carmaker said on Thursday, a day after rival Norvik Motors announced
    6,000 job cuts': the rival's report names the first carmaker, its figure and its union, and joined its story.
    Both leads' organisations are carmakers by their claims' speakers, and the first story never names Caldera."""
    stories = fixture_stories(exported)
    assert stories == [["a-en", "a-en2", "a-es", "a-it", "a-nl"], ["b-en", "b-es"], ["m-en", "m-es", "m-it", "m-nl"]]
