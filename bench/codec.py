"""Stored-object codec: time to decode (and encode) N stored objects of each kind of a store.

Reads the JSON rows of a store (analyses, local entities, story features, fingerprints, findings), repeats
them up to N objects per kind, and prints the seconds to decode them with ``crosscheck.store.codec`` (and to
encode them back). With no --db it ingests the fictional demo corpus into a temporary store first.

    .venv/bin/python bench/codec.py                        # demo corpus, 20,000 objects per kind
    .venv/bin/python bench/codec.py --db x.db --n 50000
    .venv/bin/python bench/codec.py --codec old_codec.py     # another codec module (e.g. from git show) to compare

Times are CPU seconds of this process (time.process_time): the machine is shared.
"""
from __future__ import annotations

import argparse
import importlib.util
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rows(db: str) -> dict[str, tuple[type, list[str]]]:
    from crosscheck.model import AlignedClaim, Analysis, Entity, Fingerprint, StoryFeatures, StoryFindings

    con = sqlite3.connect(db)
    out = {
        "analysis": (Analysis, [r[0] for r in con.execute("SELECT data FROM analyses")]),
        "local entity": (Entity, [r[0] for r in con.execute("SELECT data FROM doc_entities")]),
        "story features": (StoryFeatures, [r[0] for r in con.execute("SELECT data FROM features WHERE kind='story'")]),
        "fingerprint": (Fingerprint, [r[0] for r in con.execute("SELECT data FROM features WHERE kind='fingerprint'")]),
        "findings": (StoryFindings, [r[0] for r in con.execute("SELECT data FROM findings")]),  # schema 10: no claims
        "aligned claim": (AlignedClaim, [r[0] for r in con.execute("SELECT data FROM claims WHERE data IS NOT NULL")]),
    }
    con.close()
    return {k: v for k, v in out.items() if v[1]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="a crosscheck store (default: the demo corpus ingested into a temp store)")
    ap.add_argument("--n", type=int, default=20000, help="objects decoded per kind")
    ap.add_argument("--codec", help="path of a codec module to time instead of crosscheck.store.codec")
    args = ap.parse_args()
    from crosscheck.store import codec

    if args.codec:
        spec = importlib.util.spec_from_file_location("other_codec", args.codec)
        codec = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(codec)

    db = args.db
    if db is None:
        tmp = tempfile.mkdtemp(prefix="cc-codec-")
        db = str(Path(tmp) / "demo.db")
        subprocess.run([sys.executable, "-m", "crosscheck.cli", "--db", db, "ingest", str(ROOT / "demo" / "corpus")],
                       check=True, capture_output=True)
    print(f"{'kind':<16} {'objects':>8} {'decode s':>9} {'us/object':>10} {'encode s':>9}")
    for kind, (cls, texts) in _rows(db).items():
        texts = (texts * (args.n // len(texts) + 1))[: args.n]
        t0 = time.process_time()
        objs = [codec.loads(cls, t) for t in texts]
        dec = time.process_time() - t0
        t0 = time.process_time()
        for o in objs:
            codec.dumps(o)
        enc = time.process_time() - t0
        print(f"{kind:<16} {len(texts):>8} {dec:>9.3f} {dec / len(texts) * 1e6:>10.1f} {enc:>9.3f}")


if __name__ == "__main__":
    main()
