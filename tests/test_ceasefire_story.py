"""A scoop and its denial (tests/fixtures/ceasefire, fictional): an agency's report of a ceasefire from two anonymous
diplomats, a Russian retelling of it, a ministry's denial in English and in Ukrainian, and a confusable prisoner swap
agreed the same day. Each assertion failed before the fix it names (session 36)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ingested_fixture

CEASEFIRE = Path(__file__).parent / "fixtures" / "ceasefire" / "reports.jsonl"


@pytest.fixture(scope="module")
def ceasefire(tmp_path_factory):
    store, src = ingested_fixture(tmp_path_factory.mktemp("ceasefire"), CEASEFIRE)
    (story,) = [s for s in store.stories() if len(s.documents) == 4]
    yield store, src, store.findings(story.id)
    store.close()


def test_the_retelling_of_the_scoop_is_no_independent_source(ceasefire):
    """'..., сообщило агентство Northwire со ссылкой на двух дипломатов': the Russian report follows Northwire's, and
    its 'по данным агентства' is Northwire too (verdicts.lead_credits, claims_multi 'media')."""
    _, src, found = ceasefire
    assert found.independent_sources == 3
    truce = [c for c in found.claims if "take effect" in c.text]
    assert truce and truce[0].independent_sources == 1 and truce[0].status == "single_source"


def test_the_denial_conflicts_with_the_scoop(ceasefire):
    """'denied that a ceasefire had been agreed': an agentless passive whose subject the scoop names as its object."""
    _, _, found = ceasefire
    (denial,) = [c for c in found.claims if c.text.startswith("A ceasefire had been agreed")]
    assert denial.status == "conflicting" and denial.conflicts_with


def test_the_spokeswoman_in_two_scripts_is_one_person(ceasefire):
    """'Ганна Лінд' read with the Ukrainian romanisation is Hanna Lind (it was 'Ganna')."""
    store, _, _ = ceasefire
    lind = [e for e in store.entities() if "Lind" in e.name or "Лінд" in e.name]
    assert len(lind) == 1 and {"Hanna Lind", "Ганна Лінд"} <= {lind[0].name, *lind[0].aliases}, lind
