"""A runoff's result told over a night and a day (tests/fixtures/valdoria_runoff): a provisional count, the final
one, two candidates' shares in one sentence, and a result credited to what 'official results show'."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import exported_fixture

REPORTS = Path(__file__).parent / "fixtures" / "valdoria_runoff" / "reports.jsonl"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return exported_fixture(tmp_path_factory.mktemp("runoff"), REPORTS)


def _names(exported):
    ids = {r["url"]: r["id"] for r in map(json.loads, REPORTS.read_text(encoding="utf-8").splitlines())}
    return {d["id"]: ids[d["source"]] for d in exported["documents"]}


def test_the_count_under_way_is_no_rival_of_the_final_count(exported):
    """'leading with 51.8% ..., with 88% of ballots counted, according to preliminary results' against 'won with
    52.3%' the next day: the claim was conflicting with the loser's 'lost by 52.3% to 47.7%'."""
    night = next(c for c in exported["claims"] if "51.8%" in c["text"])
    assert night["status"] != "conflicting" and not night["conflict_notes"], night
    name = _names(exported)
    shares = {(d["severity"], frozenset(name[x] for x in d["documents"])) for d in exported["disagreements"]
              if d["subject"] == "percent:vote_share"}
    assert ("explained", frozenset({"p1", "w1"})) in shares, shares
    assert not [s for s in shares if s[0] in ("conflict", "version")], shares


def test_the_turnout_the_reports_disagree_on_is_found(exported):
    name = _names(exported)
    found = {(d["subject"], frozenset(name[x] for x in d["documents"])) for d in exported["disagreements"]
             if d["severity"] == "conflict"}
    assert ("percent:turnout", frozenset({"w1", "e2"})) in found, found


def test_what_official_results_show_is_theirs(exported):
    """'the runoff, which official results show he lost': the parse gave 'show' two subjects, 'which' and 'results',
    and the claim was the runoff's."""
    shown = next(c for c in exported["claims"] if "lost to Clara Ostrander" in c["text"])
    assert shown["speaker_text"] == "official results", shown
