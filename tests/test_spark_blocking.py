"""The blocking pieces of crosscheck.spark (no JVM needed): pairs within a block, components, the
syndication candidate rule, the story keys a report posts."""
from __future__ import annotations

from crosscheck.model import StoryFeatures
from crosscheck.spark.graph import block_pairs, components
from crosscheck.spark.stories import INDEXED_KEYS, _prepare, _split
from crosscheck.spark.syndication import _candidate, _pairs


def test_block_pairs_meet_at_most_cap_earlier_members():
    members = [f"d{i}" for i in range(10)]
    pairs = list(block_pairs(members, 3))
    assert len(pairs) == 3 * 7 + 3  # d0 none, d1 one, d2 two, then three each
    assert all(a < b for a, b in pairs)
    assert ("d5", "d9") not in pairs and ("d6", "d9") in pairs


def test_components_join_chains_and_name_them_by_the_least_member():
    comps = components([("b", "c"), ("c", "d"), ("x", "y"), ("a", "d")])
    assert comps == {"a": ["a", "b", "c", "d"], "x": ["x", "y"]}


def test_a_report_posts_keys_shared_with_its_story_not_only_with_its_copy():
    # a wire copy shares 30 rare words with its origin alone (one set of reports: the same stats) and one
    # word with a third report of the story; before, the 20 rarest (all shared with the copy) were posted
    terms = tuple((f"w{i:02d}", 1) for i in range(30)) + (("crane", 1),)
    stats = {f"t:w{i:02d}": (2, 11, 22) for i in range(30)}
    stats["t:crane"] = (3, 11, 33)
    p = _prepare(("a", 0), StoryFeatures(document="wire", terms=terms), stats)
    assert "t:crane" in p.posted and len(p.posted) == 2
    assert p.df["t:crane"] == 3
    many = {f"t:w{i:02d}": (2, i, 100 + i) for i in range(30)}  # every key shared with another report
    assert len(_prepare(("a", 0), StoryFeatures(document="x", terms=terms[:30]), many).posted) == INDEXED_KEYS


def test_syndication_candidates_follow_the_index_rules():
    assert _candidate([("m",)])
    assert not _candidate([("s", 0, 4)])  # one shared sentence: not judged
    assert _candidate([("s", 0, 4), ("s", 1, 5)])
    assert not _candidate([("a", "1200"), ("a", "kestrel")])
    assert _candidate([("a", "1200"), ("a", "kestrel"), ("a", "2031")])
    same_lang = list(_pairs(("s", 7), [(("f", 0), "a", (0, "en")), (("f", 1), "b", (3, "en"))], 10))
    assert same_lang == [(("a", "b"), ("s", 0, 3))]
    assert not list(_pairs(("s", 7), [(("f", 0), "a", (0, "en")), (("f", 1), "b", (3, "es"))], 10))
    assert not list(_pairs(("a", "x"), [(("f", 0), "a", "en"), (("f", 1), "b", "en")], 10))  # anchors: across languages


def test_an_oversized_component_is_cut_along_its_weakest_edges():
    edges = {("a", "b"): 0.9, ("b", "c"): 0.8, ("c", "d"): 0.1, ("d", "e"): 0.85, ("e", "f"): 0.7}
    parts = _split(["a", "b", "c", "d", "e", "f"], edges, 0.09, 3)
    assert sorted(map(sorted, parts)) == [["a", "b", "c"], ["d", "e", "f"]]
