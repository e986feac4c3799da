"""Border talks between two fictional countries, in four English reports the project wrote
(tests/fixtures/border_talks): a wire's scoop from an anonymous official, two outlets relaying it, and an outlet
with a source of its own, who tells two things in one sentence."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import exported_fixture

REPORTS = Path(__file__).parent / "fixtures" / "border_talks" / "reports.jsonl"


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    return exported_fixture(tmp_path_factory.mktemp("talks"), REPORTS)["claims"]


def _retold(claims, words: str) -> list[dict]:
    return [c for c in claims if any(words in r["text"] for r in c["retellings"])]


def test_two_things_said_in_one_sentence_are_two_claims(claims):
    """'The border talks have failed, a government source told Valley Post, adding that Ostria had refused to discuss
    joint patrols': both claims of the sentence have the sentence's embedding, so the one restated the other, and
    'the talks have failed' joined the joint-patrols claim of the other reports as one claim."""
    (failed,) = _retold(claims, "have failed")
    assert not any("joint patrols" in r["text"] for r in failed["retellings"]), failed["retellings"]


def test_talks_are_a_word_of_the_claim(claims):
    """'talks' (negotiations) was dropped as a verb of saying ('talk'), so the headline 'Border talks with Ostria have
    collapsed, report says' shared only 'border' with the lede that says it."""
    (collapse,) = _retold(claims, "Border talks with Ostria have collapsed")
    assert len({r["document"] for r in collapse["retellings"]}) == 3, collapse["retellings"]
