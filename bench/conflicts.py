"""Disagreement finding on the fictional test set (tests/fixtures/disagreements/cases.py), through
the real pipeline: each case's reports are ingested into a fresh store, and the disagreements
stored with the story findings are read back.

A case counts as found when a disagreement of the expected kind (date and weekday count as one
family) is stored with a severity that claims a disagreement (conflict, slip, version); a negative
case (hedges, rounding, bounds, cumulative counts, other towns or years, time zones, future events,
identical copies) is a false positive when any such disagreement is stored. Prints precision,
recall and F1 per family and overall; asserts nothing.

    PYTHONPATH=src .venv/bin/python bench/conflicts.py [-v]
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "disagreements"))

import cases as _cases  # noqa: E402

POSITIVE = _cases.POSITIVE


def _family(kind: str | None) -> str | None:
    return "date" if kind in _cases.DATE_KINDS else kind


def run_case(case: dict, workdir: Path) -> list:
    from crosscheck.pipeline import Pipeline
    from crosscheck.store import open_store

    src = workdir / "reports.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in case["reports"]) + "\n", encoding="utf-8")
    store = open_store(workdir / "x.db")
    try:
        Pipeline(store).ingest([str(src)])
        return [d for f in store.all_findings() for d in f.disagreements]
    finally:
        store.close()


def judge(case: dict, found: list) -> tuple[int, int, int]:
    """(tp, fp, fn) of one case."""
    hits = [d for d in found if d.severity in POSITIVE]
    want = _family(case["expect"])
    if want is None:
        return 0, (1 if hits else 0), 0
    ok = any(_family(d.kind) == want for d in hits)
    wrong = any(_family(d.kind) != want for d in hits)
    return (1 if ok else 0), (1 if wrong else 0), (0 if ok else 1)


def main(verbose: bool = False) -> dict:
    all_cases = _cases.cases()
    totals: Counter = Counter()
    per: dict[str, Counter] = {}
    t0 = time.perf_counter()
    misses = []
    with tempfile.TemporaryDirectory(prefix="cc-conflicts-") as tmp:
        for i, case in enumerate(all_cases):
            work = Path(tmp) / str(i)
            work.mkdir()
            found = run_case(case, work)
            tp, fp, fn = judge(case, found)
            head = case["id"].split("/")[0]
            fam = head if head in ("date", "slip", "wire", "xl", "more") else "figure"
            for c in (totals, per.setdefault(fam, Counter())):
                c.update(tp=tp, fp=fp, fn=fn, n=1)
            if fp or fn:
                misses.append((case["id"], case["expect"], [(d.kind, d.severity, d.values, d.explanation)
                                                             for d in found]))
    secs = time.perf_counter() - t0

    def prf(c: Counter) -> tuple[float, float, float]:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    for fam, c in sorted(per.items()):
        p, r, f = prf(c)
        print(f"{fam:8s} cases {c['n']:3d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f = prf(totals)
    print(f"{'all':8s} cases {totals['n']:3d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
          f"(tp {totals['tp']}, fp {totals['fp']}, fn {totals['fn']}; {secs:.1f} s)")
    if verbose:
        for cid, expect, found in misses:
            print(f"- {cid} expected {expect}:")
            for d in found:
                print(f"    {d}")
    return {"precision": p, "recall": r, "f1": f, "misses": misses}


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
