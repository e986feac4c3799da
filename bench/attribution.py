"""Attribution precision and recall on built PolNeAR data (train or dev; never test), attributed claims only.

    python bench/attribution.py [--data DIR] [--limit N] [--misses]

DIR (default $CROSSCHECK_POLNEAR, else /tmp/attribution/polnear) holds what
``../shared/eval/polnear.py GITDIR DIR --split dev`` writes: articles.jsonl and attributions.json.
The bench ingests the articles with the real CLI into a scratch store, exports it, drops the
outlet's own statements (kind "outlet") and scores with ``../shared/eval/attribution.py``
(token F1 >= 0.5 on the content, a shared source term). Prints precision, recall, F1 and
content recall; with --misses, the scorer's example misses. When the built data or the shared
scorer is absent it says so and exits 0 (skipped). Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT = Path(os.environ.get("CROSSCHECK_POLNEAR", "/tmp/attribution/polnear"))


def _scorer():
    path = SHARED / "eval" / "attribution.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("crosscheck_attribution_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crosscheck.cli", "--db", str(db), *args],
                          check=True, capture_output=True, text=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT, help="directory with articles.jsonl and attributions.json")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    ap.add_argument("--misses", action="store_true", help="print the scorer's example misses")
    args = ap.parse_args()
    articles, gold_path = args.data / "articles.jsonl", args.data / "attributions.json"
    if not articles.exists() or not gold_path.exists():
        print(f"skipped: no built PolNeAR data in {args.data} (build train/dev with ../shared/eval/polnear.py)")
        return 0
    score = _scorer()
    if score is None:
        print(f"skipped: scorer {SHARED / 'eval' / 'attribution.py'} not present")
        return 0
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    lines = [ln for ln in articles.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if args.limit:
        lines = lines[: args.limit]
        keep = {json.loads(ln)["id"] for ln in lines}
        gold = {k: v for k, v in gold.items() if k in keep}
    with tempfile.TemporaryDirectory(prefix="crosscheck-attr-") as tmp:
        src, db = Path(tmp) / "articles.jsonl", Path(tmp) / "bench.db"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        t0 = time.perf_counter()
        _cli(db, "ingest", str(src))
        export = json.loads(_cli(db, "export", "--format", "json").stdout)
        took = time.perf_counter() - t0
    export["claims"] = [c for c in export.get("claims", []) if c.get("kind") != "outlet"]
    metrics, counts, misses = score.score(export, gold)
    print(f"PolNeAR ({args.data}): {counts['gold_documents']} articles, {counts['gold_attributions']} attributions, "
          f"{counts['claims']} attributed claims, ingest+export {took:.0f} s")
    print("  " + "  ".join(f"{k} {v:.3f}" for k, v in metrics.items()))
    print("  goal: precision >= 0.90, recall >= 0.70")
    if args.misses:
        for kind, items in misses.items():
            print(f"\n{kind} ({len(items)}):")
            for item in score.sample(items):
                print("  " + item)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
