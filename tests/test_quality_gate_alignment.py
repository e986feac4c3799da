"""Paraphrase alignment across reports (issue 13), through the real pipeline: `bench/alignment.py`.

The fictional set (tests/fixtures/paraphrase_pairs.jsonl, 157 pairs written for crosscheck, every name
invented: 86 paraphrases of one claim, 28 conflicts (another figure, a negation), 42 hard negatives
(another claim of the same speaker, the same frame about another subject, a plan against a deed)) is
ingested into one store. Its first, untuned run: pair F1 0.621 on the first 123 pairs, 0.567 on all 153
(P 0.714 R 0.471), conflict F1 0.926. Measured when pinned: see the floors below.

The ECB+ part (topics 1-25 event coreference, built outside the repository with
`bench/alignment.py --build-ecb GITDIR`) needs ../shared and the built pairs; it skips without them.
"""
from pathlib import Path

import pytest
from modules import load

ROOT = Path(__file__).resolve().parents[1]

# the floor is 0.90; measured when pinned: pair F1 0.914 (P 0.889 R 0.941), conflict F1 0.963
# (now 0.927, P 0.891 R 0.965; conflict F1 0.943)
PAIR_F1_FLOOR = 0.90
CONFLICT_F1_FLOOR = 0.92


def _bench():
    return load(ROOT / "bench" / "alignment.py")


def test_fictional_paraphrase_pairs_floor():
    bench = _bench()
    pairs = bench.load(bench.FICTIONAL)
    assert len(pairs) >= 150
    assert {p["expect"] for p in pairs} == {"aligned", "conflict", "separate"}
    result = bench.run_part("fictional", pairs)
    assert result["pair_f1"] >= PAIR_F1_FLOOR, result["categories"]
    assert result["conflict"][2] >= CONFLICT_F1_FLOOR, result["categories"]


# ECB+ topics 1-25 (359 pairs, whole documents ingested): measured when pinned P 0.775 R 0.343 F1 0.475, with
# a claim of several sentences aligned sentence by sentence and groups of one assertion merged (first pinned
# at P 0.764 R 0.304 F1 0.435, then 0.416 unseen; untuned P 0.897 R 0.193 F1 0.318); the floors are a little
# below the measured figures. Far from 0.90: 72 pairs have a sentence that yields no claim, and the
# negatives' gold misses unannotated coreference.
# Session 28: P 0.775 R 0.381 F1 0.511 with groups one report's restatements kept apart merged; F1 floor
# raised from 0.46 to 0.49.
# Session 31: P 0.781 R 0.414 F1 0.542 with a report's repeat reusing half of its words and headlines read
# (pairs with a sentence that yields no claim: 68 -> 44); F1 floor raised to 0.52.
# Session 42: P 0.825 R 0.470 F1 0.599 with a headline going where the text's claim it sums goes, whoever that
# claim's speaker; floors raised to F1 0.57, P 0.79; P 0.835 R 0.475 F1 0.606 with three parse failures read.
ECB_PAIR_F1_FLOOR = 0.57
ECB_PAIR_PRECISION_FLOOR = 0.79


@pytest.mark.slow
def test_ecbplus_event_pairs_floor():
    bench = _bench()
    if not bench.ECB_PAIRS.exists() or not bench.ECB_ARTICLES.exists():
        pytest.skip("ECB+ alignment pairs (bench/alignment.py --build-ecb) or ../shared are absent")
    result = bench.run_part("ECB+", bench.load(bench.ECB_PAIRS), articles=bench.ECB_ARTICLES)
    assert result["pair_f1"] >= ECB_PAIR_F1_FLOOR
    assert result["aligned"][0] >= ECB_PAIR_PRECISION_FLOOR
