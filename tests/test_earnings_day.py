"""Two companies' quarterly results the same afternoon (shared words: revenue, quarter, analysts, shares), each told by
a wire, a copy, a local paper with its own figures and a translation, and one company's next-day share fall: nine
reports the project wrote (tests/fixtures/earnings_day)."""
from __future__ import annotations

from conftest import fixture_conflicts, fixture_stories, story_fixture

exported = story_fixture("earnings_day")


def test_two_companies_results_are_two_stories(exported):
    assert fixture_stories(exported) == [["kc", "kes", "kl", "knext", "kw"], ["nc", "nde", "nl", "nw"]]


def test_growth_rates_and_job_cuts_conflict_and_a_per_share_figure_is_no_profit(exported):
    """'sales grew 11%' / 'revenue ... up 12%' (no concept of revenue before); '$2.31 per share' against the German
    '1,9 Milliarden Dollar' net income was a disagreement about the profit."""
    conflicts = fixture_conflicts(exported)
    assert ("percent:revenue", frozenset({"nl", "nw"})) in conflicts, conflicts
    assert ("workers", frozenset({"kl", "kw"})) in conflicts, conflicts
    assert not any("profit" in d["subject"] for d in exported["disagreements"]), exported["disagreements"]


def test_the_cut_is_the_company_s_though_the_parser_hung_said_on_the_shares_clause(exported):
    from conftest import fixture_names

    name = fixture_names(exported)
    said = [r["speaker_text"] for c in exported["claims"] for r in c["retellings"]
            if name[r["document"]] == "knext" and "1,200 jobs" in r["text"]]
    assert said == ["the company"], said
