"""Main-text extraction from HTML, measured on the article-extraction benchmark (181 pages).

    python bench/extraction.py [--raw] [--limit N]

Runs each page through the real path (readers' HTML reader -> clean.clean) and prints precision,
recall and F1 over 4-token shingles of lower-cased word tokens, TP/FP/FN summed over all pages
(the benchmark's published method). ``--raw`` measures the bare trafilatura call clean makes,
without the line rules. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from crosscheck.clean import clean, extract_html
from crosscheck.config import Settings
from crosscheck.errors import InputError
from crosscheck.readers import read_stream
from crosscheck.model import RawReport

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "article-extraction"
TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall((text or "").lower())
    return Counter(" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def extract(page: bytes, url: str, raw_only: bool, settings: Settings) -> str:
    if raw_only:
        found = extract_html(page.decode("utf-8", "replace"), url, settings)
        return found.text if found else ""
    for item in read_stream(io.BytesIO(page), url, "html"):
        if not isinstance(item, RawReport):
            return ""
        try:
            doc = clean(RawReport(source=url, fmt="html", html=item.html, url=url), settings)
        except InputError:
            return ""
        return doc.text
    return ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", action="store_true", help="bare trafilatura call, without clean's line rules")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = ap.parse_args(argv)
    truth_file = DATA / "ground-truth.json"
    if not truth_file.exists():
        print(f"dataset absent: {DATA} (needs html/<id>.html.gz and ground-truth.json)", file=sys.stderr)
        return 2
    truth = json.loads(truth_file.read_text())
    items = sorted(truth.items())[: args.limit or None]
    settings = Settings()
    tp = fp = fn = 0
    empty = 0
    start = time.perf_counter()
    for page_id, gold in items:
        page = gzip.decompress((DATA / "html" / f"{page_id}.html.gz").read_bytes())
        got = extract(page, gold.get("url") or page_id, args.raw, settings)
        empty += not got.strip()
        want, have = shingles(gold.get("articleBody", "")), shingles(got)
        for key in want.keys() | have.keys():
            a, b = want.get(key, 0), have.get(key, 0)
            tp, fp, fn = tp + min(a, b), fp + max(0, b - a), fn + max(0, a - b)
    elapsed = time.perf_counter() - start
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    mode = "trafilatura only" if args.raw else "readers + clean"
    print(f"article-extraction, {len(items)} pages, {mode}: precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(f"shingles TP {tp}  FP {fp}  FN {fn};  pages with no text {empty};  {elapsed:.1f}s "
          f"({1000 * elapsed / max(1, len(items)):.0f} ms/page)")
    print("published: trafilatura 2.0.0 F1 0.958 (P 0.938, R 0.978)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
