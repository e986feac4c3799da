"""A nightclub shooting told by a national paper, the city's own paper, a wire and an explainer, the arrest a day
later, and another shooting in another city the same day: six reports the project wrote
(tests/fixtures/nightclub_shooting)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import exported_fixture, fixture_names

REPORTS = Path(__file__).parent / "fixtures" / "nightclub_shooting" / "reports.jsonl"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return exported_fixture(tmp_path_factory.mktemp("nightclub_shooting"), REPORTS)


def test_the_city_a_local_paper_is_named_after_is_still_a_name_of_its_reports(exported):
    """The Dorvan Daily's 'Dorvan' was dropped from its reports' names as if it were the outlet, so the arrest report
    named no place of the wire's lead and was kept apart from it (places_apart), splitting the story in two."""
    name = fixture_names(exported)
    stories = sorted(sorted(name[d] for d in s["documents"]) for s in exported["stories"])
    assert stories == [["a", "arrest", "b", "c", "d"], ["conf"]], stories


def test_the_two_tolls_of_the_night_conflict(exported):
    name = fixture_names(exported)
    found = {(d["subject"], frozenset(name[x] for x in d["documents"])) for d in exported["disagreements"]
             if d["severity"] == "conflict"}
    assert ("dead", frozenset({"a", "b"})) in found, found
