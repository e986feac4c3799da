"""One anonymous official's words carried by three reports through one newspaper (tests/fixtures/norland_scoop): they
count once; a paper's own sources and the ministry's confirmation count apart."""
from __future__ import annotations

from conftest import fixture_names, story_fixture

exported = story_fixture("norland_scoop")


def test_a_scoop_relayed_through_its_newspaper_counts_once(exported):
    """'a senior defence official told the Harbor Times' and 'selon un haut responsable de la défense cité par le
    Harbor Times' named no relay (the French source was cut to 'Un haut'): five independent sources for three."""
    name = fixture_names(exported)
    claim = next(c for c in exported["claims"] if {"a", "b", "c"} <= {name[d] for d in c["documents"]})
    assert claim["independent_sources"] == len({name[d] for d in claim["documents"]} - {"b", "c"}), claim
