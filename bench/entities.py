"""Entity linking cost of one new report against the size of the store: whole-store link vs the new
reports' neighbourhood (alias keys in the store).

Builds a store of N fictional reports with hand-made analyses (no spaCy: names drawn from pools with a
long tail, as news names are: a few countries and organisations in most reports, many rare people), links
it once, then adds R new reports and times ``Pipeline.link_entities()`` (incremental) and
``link_entities(full=True)`` (the whole-store pass ``recluster`` runs), printing seconds, the local
entities read and the rows written.

    .venv/bin/python bench/entities.py                  # 2,000 and 20,000 reports
    .venv/bin/python bench/entities.py --sizes 5000 --new 20
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

FIRST = "Mara Tobias Ines Oskar Yara Piet Lena Arno Sela Ivo Runa Edda Kai Nils Vera Timo Alma Jonas Elin Odo".split()
SUR = [a + b for a in "Brand Lenz Cald Quell Maes Nun Holt Varn Kest Dun Tarn Vess Lisk Merr Oak Kov".split()
       for b in ("", "vold", "er", "sen", "ik", "au")]
PLACES = [a + b for a in "Tarn Vess Oak Merr Dun Lisk Kov Aub Hald Brenn".split() for b in ("holm", "by", "ridge", "ford", "")]
ORGS = [f"{p} {k}" for p in PLACES[:20] for k in ("Council", "Herald", "Port Authority")]
COUNTRIES = ["United States", "U.S.", "France", "Germany", "Japan", "Brazil", "India", "Kenya", "Norway", "Chile"]


def _names(rng: random.Random) -> list[tuple[str, str]]:
    out = [(rng.choice(COUNTRIES[:4]) if rng.random() < 0.7 else rng.choice(COUNTRIES), "GPE")]
    for _ in range(rng.randint(4, 12)):
        r = rng.random()
        if r < 0.45:
            first, sur = rng.choice(FIRST), SUR[min(int(rng.paretovariate(1.2)) - 1, len(SUR) - 1)]
            out.append((f"{first} {sur}" if rng.random() < 0.8 else sur, "PERSON"))
        elif r < 0.75:
            out.append((PLACES[min(int(rng.paretovariate(1.1)) - 1, len(PLACES) - 1)], rng.choice(["GPE", "GPE", "ORG"])))
        else:
            out.append((rng.choice(ORGS), "ORG"))
    return list(dict.fromkeys(out))


def _put(store, ids: range, rng: random.Random) -> None:
    from crosscheck.model import Analysis, Document, Entity

    with store.transaction():
        for i in ids:
            d = f"doc-{i:07d}"
            ents = tuple(Entity(key=f"e{j}", name=n, type=t, aliases=(n,)) for j, (n, t) in enumerate(_names(rng)))
            store.put_document(Document(id=d, source=f"https://example.org/{d}", fmt="jsonl", text="x",
                                        content_hash=d), Analysis(document=d, entities=ents))


def run(n: int, new: int, tmp: Path) -> None:
    from crosscheck.pipeline import Pipeline
    from crosscheck.store import open_store

    rng = random.Random(n)
    store = open_store(tmp / f"ents-{n}.db")
    _put(store, range(n), rng)
    pipe = Pipeline(store)
    t0 = time.perf_counter()
    pipe.link_entities(full=True)
    first = time.perf_counter() - t0
    local = store.conn.execute("SELECT count(*) FROM doc_entities").fetchone()[0]
    _put(store, range(n, n + new), rng)
    read: list[int] = []
    orig = store.linked_by_keys
    store.linked_by_keys = lambda keys: (lambda rows: (read.append(len(rows)), rows)[1])(orig(keys))
    changes = store.conn.total_changes
    t0 = time.perf_counter()
    pipe.link_entities()
    inc = time.perf_counter() - t0
    written = store.conn.total_changes - changes
    store.linked_by_keys = orig
    t0 = time.perf_counter()
    pipe.link_entities(full=True)
    full = time.perf_counter() - t0
    print(f"{n:>8} {local:>9} {new:>4} {first:>9.2f} {inc:>9.3f} {sum(read):>10} {written:>8} {full:>9.2f}")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--new", type=int, default=1)
    args = ap.parse_args()
    print(f"{'reports':>8} {'local ents':>9} {'new':>4} {'first s':>9} {'incr s':>9} {'ents read':>10} "
          f"{'rows':>8} {'whole s':>9}")
    with tempfile.TemporaryDirectory(prefix="cc-ents-") as tmp:
        for n in args.sizes:
            run(n, args.new, Path(tmp))


if __name__ == "__main__":
    main()
