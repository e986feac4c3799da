"""One central bank decision in four English reports the project wrote (tests/fixtures/rate_decision): a wire
story, its syndicated copy, and two other outlets, which give another rate and another inflation figure."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import exported_fixture

REPORTS = Path(__file__).parent / "fixtures" / "rate_decision" / "reports.jsonl"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return exported_fixture(tmp_path_factory.mktemp("rates"), REPORTS)


def test_a_wire_story_and_its_copy_do_not_split_off_from_the_other_reports(exported):
    """The copy pair shares every word, which weighs heavily by the cluster's own counts: the sibling-event split cut
    the four reports into the wire pair and the other two. A half of one text (the copies) is no sibling event."""
    assert [len(s["documents"]) for s in exported["stories"]] == [4]


def test_the_rate_and_the_inflation_figures_the_reports_disagree_on_are_found(exported):
    """'taking its main rate to 4.5%' / 'raised its key rate to 4.25%': no concept named an interest rate (the 4.5%
    was read as a cost). 'on Thursday. Inflation rose to 6.4%': the capitalised 'Inflation' after the last word of
    the sentence before ('Thursday.') was read as a word of a name, and named no figure."""
    found = {(d["subject"], frozenset(d["values"])) for d in exported["disagreements"]}
    assert ("percent:interest_rate", frozenset({"4.5%", "4.25%"})) in found, found
    assert ("percent:price_rise", frozenset({"6.1%", "6.4%"})) in found, found
