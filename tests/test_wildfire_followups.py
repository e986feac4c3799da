"""One wildfire told in 14 languages, its next-day follow-ups, a confusable fire elsewhere the same day and a new fire
in the same valley a week later: 22 reports the project wrote (tests/fixtures/kalden_wildfire)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import exported_fixture, fixture_names
from crosscheck.config import Settings
from crosscheck.stories import cluster

REPORTS = Path(__file__).parent / "fixtures" / "kalden_wildfire" / "reports.jsonl"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return exported_fixture(tmp_path_factory.mktemp("wildfire"), REPORTS)


def _stories(exported) -> list[set[str]]:
    """Each story's reports by their fixture ids (the last part of their urls)."""
    name = fixture_names(exported)
    return [{name[x] for x in s["documents"]} for s in exported["stories"]]


def test_the_next_day_follow_ups_stay_in_the_story_of_the_fire(exported):
    """The German follow-up ('Zahl der Toten steigt auf 15') scores near 0 against the Russian and Korean reports of
    the fire: two languages meet on names and a lead embedding alone. Complete linkage made the three reports of the
    risen toll a story of their own; their pairs in one language (English, German) are all close."""
    stories = _stories(exported)
    fire = next(s for s in stories if "w-en" in s)
    assert {"i-en", "f-en", "f-de", "ru", "ko", "ja", "zh", "ar"} <= fire, stories
    assert not fire & {"c-en", "c-es", "n-en", "n-es"}, stories
    assert {"c-en", "c-es"} in stories and {"n-en", "n-es"} in stories, stories


def _sim(pairs: dict[tuple[int, int], float]) -> np.ndarray:
    sim = np.eye(max(4, 1 + max(max(p) for p in pairs)))
    for (i, j), v in pairs.items():
        sim[i, j] = sim[j, i] = v
    return sim


MIXED = ["en", "de", "en", "de"]


@pytest.mark.parametrize("langs, pairs, joined", [
    # the pairs of one language close, those across languages low for one, close enough on average: one story
    (MIXED, {(0, 2): 0.4, (1, 3): 0.3, (0, 3): 0.35, (1, 2): 0.05}, True),
    # a pair of one language far apart: two events, however close the rest
    (MIXED, {(0, 2): 0.6, (1, 3): 0.05, (0, 3): 0.5, (1, 2): 0.5}, False),
    # no language in common: the pairs across languages alone decide, on average as close as two reports of one
    # event are (a Chinese and a Hindi report of a mine collapse beside the English, Turkish and Vietnamese ones,
    # one Hindi pair under the link threshold against a follow-up with other figures)
    (["en", "en", "hi", "zh"], {(0, 1): 0.5, (2, 3): 0.9, (0, 2): 0.41, (0, 3): 0.45, (1, 2): 0.06, (1, 3): 0.32},
     True),
    # ... and stay apart when they average less than that
    (["en", "en", "es", "es"], {(0, 2): 0.2, (1, 3): 0.2, (0, 3): 0.25, (1, 2): 0.2}, False),
    # the pairs across languages are under the join threshold on average (a prisoner swap beside a ceasefire)
    (MIXED, {(0, 2): 0.3, (1, 3): 0.3, (0, 3): 0.28, (1, 2): 0.0}, False),
    # the pairs of one language average under what two reports of one event do
    (MIXED, {(0, 2): 0.23, (1, 3): 0.26, (0, 3): 0.3, (1, 2): 0.3}, False),
])
def test_clusters_join_on_their_same_language_pairs(langs, pairs, joined):
    out = cluster.join_across_languages(_sim(pairs), [0, 0, 1, 1], langs, Settings())
    assert (len(set(out)) == 1) is joined, out


@pytest.mark.parametrize("pairs, joined", [
    # an Arabic report (4) of an air strike against the wire (0) and its Spanish retelling (2), hardly against a
    # French report (1) and a local witness account (3) with few names: the mean over every pair was 0.18
    ({(0, 1): 0.6, (0, 2): 0.68, (0, 3): 0.2, (1, 2): 0.62, (1, 3): 0.2, (2, 3): 0.19,
      (0, 4): 0.35, (1, 4): 0.02, (2, 4): 0.28, (3, 4): 0.07}, True),
    # a report of another event meets none of the story's reports as closely as two reports of one event do
    ({(0, 1): 0.6, (0, 2): 0.68, (0, 3): 0.2, (1, 2): 0.62, (1, 3): 0.2, (2, 3): 0.19,
      (0, 4): 0.25, (1, 4): 0.02, (2, 4): 0.2, (3, 4): 0.07}, False),
])
def test_a_report_in_a_new_language_joins_on_the_better_half_of_its_pairs(pairs, joined):
    out = cluster.join_across_languages(_sim(pairs), [0, 0, 0, 0, 1], ["en", "fr", "es", "en", "ar"], Settings())
    assert (len(set(out)) == 1) is joined, out


@pytest.mark.parametrize("langs, pairs, moved", [
    # a denial (3) close to the wire (0) but hardly to its Arabic retelling (2), in a cluster of other reports (4, 5)
    (["en", "fr", "ar", "en", "en", "en"],
     {(0, 1): 0.63, (0, 2): 0.24, (1, 2): 0.2, (0, 3): 0.6, (1, 3): 0.3, (2, 3): 0.05, (3, 4): 0.21, (3, 5): 0.19,
      (4, 5): 0.68}, True),
    # ... not when its pairs of one language there average under what two reports of one event do (a prisoner swap
    # beside a ceasefire)
    (["en", "fr", "ar", "en", "en", "en"],
     {(0, 1): 0.63, (0, 2): 0.24, (1, 2): 0.2, (0, 3): 0.25, (1, 3): 0.3, (2, 3): 0.05, (3, 4): 0.12, (3, 5): 0.1,
      (4, 5): 0.68}, False),
    # ... nor when its pairs across languages there average under the link threshold
    (["en", "fr", "ar", "en", "en", "en"],
     {(0, 1): 0.63, (0, 2): 0.24, (1, 2): 0.2, (0, 3): 0.6, (1, 3): 0.02, (2, 3): 0.0, (3, 4): 0.21, (3, 5): 0.19,
      (4, 5): 0.68}, False),
])
def test_a_report_kept_out_by_pairs_across_languages_goes_where_its_language_pairs_are(langs, pairs, moved):
    out = cluster.rejoin_vetoed(_sim(pairs), [0, 0, 0, 1, 1, 1], langs, Settings())
    assert (out[3] == out[0]) is moved, out


def test_a_set_of_one_language_is_left_as_complete_linkage_made_it():
    pairs = {(0, 1): 0.63, (0, 2): 0.6, (1, 2): 0.05, (2, 3): 0.2}
    assert cluster.rejoin_vetoed(_sim(pairs), [0, 0, 1, 1], ["en"] * 4, Settings()) == [0, 0, 1, 1]
