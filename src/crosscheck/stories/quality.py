"""How close one grouping of reports into stories is to another (a gold one, or another engine's run)."""
from __future__ import annotations

from collections.abc import Mapping


def bcubed_f1(pred: Mapping[str, str], gold: Mapping[str, str]) -> float:
    """BCubed F1 of ``pred`` (item -> cluster) against ``gold`` over the items both hold (Bagga & Baldwin)."""
    items = [d for d in gold if d in pred]
    if not items:
        return 0.0
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for d in items:
        by_pred.setdefault(pred[d], set()).add(d)
        by_gold.setdefault(gold[d], set()).add(d)
    shared = {d: len(by_pred[pred[d]] & by_gold[gold[d]]) for d in items}
    p = sum(shared[d] / len(by_pred[pred[d]]) for d in items) / len(items)
    r = sum(shared[d] / len(by_gold[gold[d]]) for d in items) / len(items)
    return 2 * p * r / (p + r)
