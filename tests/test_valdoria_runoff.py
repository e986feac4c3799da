"""A runoff's result told over a night and a day (tests/fixtures/valdoria_runoff): a provisional count, the final
one, two candidates' shares in one sentence, and a result credited to what 'official results show'."""
from __future__ import annotations

from conftest import fixture_conflicts, fixture_names, story_fixture

exported = story_fixture("valdoria_runoff")


def test_the_count_under_way_is_no_rival_of_the_final_count(exported):
    """'leading with 51.8% ..., with 88% of ballots counted, according to preliminary results' against 'won with
    52.3%' the next day: the claim was conflicting with the loser's 'lost by 52.3% to 47.7%'."""
    night = next(c for c in exported["claims"] if "51.8%" in c["text"])
    assert night["status"] != "conflicting" and not night["conflict_notes"], night
    name = fixture_names(exported)
    shares = {(d["severity"], frozenset(name[x] for x in d["documents"])) for d in exported["disagreements"]
              if d["subject"] == "percent:vote_share"}
    assert ("explained", frozenset({"p1", "w1"})) in shares, shares
    assert not [s for s in shares if s[0] in ("conflict", "version")], shares


def test_the_turnout_the_reports_disagree_on_is_found(exported):
    found = fixture_conflicts(exported)
    assert ("percent:turnout", frozenset({"w1", "e2"})) in found, found


def test_what_official_results_show_is_theirs(exported):
    """'the runoff, which official results show he lost': the parse gave 'show' two subjects, 'which' and 'results',
    and the claim was the runoff's."""
    shown = next(c for c in exported["claims"] if "lost to Clara Ostrander" in c["text"])
    assert shown["speaker_text"] == "official results", shown
