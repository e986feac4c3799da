"""A carmaker's investment told by a wire in yen and dollars, a Japanese paper (1兆2000億円), a Chinese one
(1.2万亿日元, 约80亿美元) and a paper whose jobs figure drifted tenfold: four reports the project wrote
(tests/fixtures/kazuma_batteries)."""
from __future__ import annotations

from conftest import fixture_conflicts, fixture_names, story_fixture

exported = story_fixture("kazuma_batteries")


def test_the_sum_is_one_claim_in_three_scripts_and_no_conflict(exported):
    """'1.2 trillion yen' was 1.2 yen, '1兆2000億円' 1 and 2000億円, '1.2万亿日元' 12,000; and '2030年までに' gave no
    year, so the announcement day clashed with 'by 2030'."""
    name = fixture_names(exported)
    (plan,) = [c for c in exported["claims"] if c["text"].startswith("Kazuma Motors will invest 1.2 trillion yen")]
    assert {name[d] for d in plan["documents"]} == {"en", "ja", "zh", "d"}
    assert plan["status"] == "corroborated", plan["conflict_notes"]


def test_the_jobs_that_drifted_tenfold_conflict(exported):
    """'employ about 4,500 people' / 'create 45,000 jobs' (the chief executive's words in both): the second claim was
    lost to a sentence the parser cut before its speaker, and 'employ' named no count of workers."""
    assert ("workers", frozenset({"en", "d"})) in fixture_conflicts(exported)
