"""A central bank's rise told in English, German, French and Italian (tests/fixtures/norvania_rates): the size of
the move is given in basis points and percentage points ('by 25 basis points to 4.75%', 'um 0,25 Prozentpunkte auf
4,75 Prozent', 'de 25 points de base'); one outlet gives another move and another rate ('by half a percentage point
to 5%')."""
from __future__ import annotations

from conftest import fixture_names, story_fixture

exported = story_fixture("norvania_rates")


def test_a_move_in_points_never_clashes_with_a_rate(exported):
    """'0,25 Prozentpunkte' was a percent like '5%', and the German report's move clashed with the other outlet's
    rate, as '0,25 Prozentpunkte' against every other report's '3,25 Prozent'."""
    name = fixture_names(exported)
    found = {(d["subject"], frozenset(d["values"]), frozenset(name[x] for x in d["documents"]))
             for d in exported["disagreements"] if d["severity"] == "conflict"}
    assert ("percent:interest_rate", frozenset({"4.75%", "5%"}), frozenset({"w1", "e2"})) in found, found
    # the size of the move too: 'by 25 basis points' / 'by half a percentage point'
    assert ("points:interest_rate", frozenset({"25 basis points", "half a percentage point"}),
            frozenset({"w1", "e2"})) in found, found
    moves = ("Prozentpunkte", "points de base", "punti base", "basis points", "percentage point")
    assert not [f for f in found if f[0].startswith("percent:") and any(m in v for v in f[1] for m in moves)], found


def test_the_move_in_basis_points_and_in_percentage_points_is_one_claim(exported):
    """The wire's lead ('by 25 basis points to 4.75%') and the German one ('um 0,25 Prozentpunkte auf 4,75
    Prozent') agree on both figures once basis points are read as hundredths of a point."""
    name = fixture_names(exported)
    lead = next(c for c in exported["claims"] if c["text"].startswith("The Bank of Norvania raised"))
    assert {"w1", "d1", "i1"} <= {name[d] for d in lead["documents"]}, lead["documents"]
    assert not [n for n in lead["conflict_notes"] if ("Prozentpunkte" in n or "punti base" in n) and "%" in n], \
        lead["conflict_notes"]
