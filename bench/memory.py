"""Peak memory (RSS) of crosscheck on big inputs: does it stream, or does memory grow with the input?

Generates fictional inputs in a temp dir and measures each case in a fresh child process (peak RSS
from that child's /proc/self/status VmHWM, or RUSAGE_CHILDREN for a CLI run in a wrapper process):

  jsonl      read_sources + clean, streaming, of a 20 MB and a 200 MB JSON Lines file (~4 KB reports)
  html       read_sources + clean of one 5 MB and one 50 MB HTML page (one report each)
  report     full `crosscheck ingest` of one report of 200k and 2M characters
  tiny       full `crosscheck ingest` of 2k and 10k tiny reports (JSON Lines)
  huge       full `crosscheck ingest` of a folder: one 50 MB one-record JSON Lines file beside two small reports
             (issue 11: all three must land; the huge text is cleaned and analysed up to the Settings caps)
  baseline   read_sources + clean of a one-report file (the fixed cost of the imports)

Full spaCy analysis of 200 MB would take hours, so the big files measure reading + cleaning; the
2M-character report and the tiny-report batches go through the whole pipeline.

    .venv/bin/python bench/memory.py                 # every case, full sizes (several minutes)
    .venv/bin/python bench/memory.py --scale 0.1     # every size divided by 10
    .venv/bin/python bench/memory.py --only jsonl tiny
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("council bridge river officials said repairs month traffic ferry residents engineer report vehicles "
         "harbour minister police station market evening witnesses statement inquiry budget storm village "
         "mayor hospital workers strike union court judge ruling prices figures rose fell percent").split()
PEOPLE = ["Mara Lenz", "Tobias Quell", "Ines Calder", "Oskar Brandvold", "Yara Nunez", "Piet Maes"]
PLACES = ["Tarnholm", "Vessby", "Oakridge", "Saint-Aubrel", "Kovno", "Merrow", "Dunmore", "Lisk"]


def _sentence(rnd: random.Random) -> str:
    words = [rnd.choice(WORDS) for _ in range(rnd.randint(12, 24))]
    return (f"{rnd.choice(PEOPLE)} said in {rnd.choice(PLACES)} that the " + " ".join(words)
            + f" by {rnd.randint(2, 900)} percent.")


def _paragraph(rnd: random.Random, sentences: int = 5) -> str:
    return " ".join(_sentence(rnd) for _ in range(sentences))


def make_jsonl(path: Path, megabytes: float, report_chars: int = 4000, seed: int = 1) -> int:
    rnd = random.Random(seed)
    paras = [_paragraph(rnd) for _ in range(200)]  # reused: generation stays fast
    n, size, target = 0, 0, int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as fh:
        while size < target:
            text, k = [], 0
            while sum(map(len, text)) < report_chars:
                text.append(paras[(n * 7 + k) % len(paras)])
                k += 1
            line = json.dumps({"url": f"https://outlet{n % 50}.example/a/{n}", "title": f"Report {n}",
                               "text": "\n\n".join(text), "language": "en",
                               "published": f"2026-05-{1 + n % 28:02d}"}) + "\n"
            fh.write(line)
            size += len(line)
            n += 1
    return n


def make_html(path: Path, megabytes: float, seed: int = 2) -> None:
    rnd = random.Random(seed)
    paras = [_paragraph(rnd) for _ in range(300)]
    target = int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as fh:
        fh.write("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>A very long page</title></head>"
                 "<body><nav><a href='/'>Home</a></nav><article><h1>A very long page</h1>\n")
        size, i = 0, 0
        while size < target:
            p = f"<p>{paras[i % len(paras)]}</p>\n"
            fh.write(p)
            size += len(p)
            i += 1
        fh.write("</article><footer>Subscribe</footer></body></html>\n")


def make_report(path: Path, chars: int, seed: int = 3) -> None:
    rnd = random.Random(seed)
    paras = [_paragraph(rnd) for _ in range(400)]
    out, size, i = ["A very long report\n"], 0, 0
    while size < chars:
        out.append(paras[i % len(paras)])
        size += len(out[-1]) + 2
        i += 1
    path.write_text("\n\n".join(out)[:chars], encoding="utf-8")


def _pseudo_word(rnd: random.Random) -> str:
    syll = ["ka", "lo", "mi", "ter", "vos", "an", "bri", "del", "nu", "sa", "gor", "pel", "zin", "ru", "heim"]
    return "".join(rnd.choice(syll) for _ in range(rnd.randint(2, 4)))


def make_tiny(path: Path, count: int, seed: int = 4, per_event: int = 5) -> None:
    """``count`` two-sentence reports, ``per_event`` per fictional event (its own place, people, nouns),
    so they form many small stories as real wires do, not one giant story."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            ev = random.Random(seed * 1_000_003 + n // per_event)
            place = _pseudo_word(ev).capitalize()
            person = f"{_pseudo_word(ev).capitalize()} {_pseudo_word(ev).capitalize()}"
            nouns = [_pseudo_word(ev) for _ in range(6)]
            figure = ev.randint(2, 900)
            text = (f"{person} said in {place} on Monday that the {nouns[0]} {rnd.choice(['rose', 'fell'])} "
                    f"by {figure} percent after the {nouns[1]} {nouns[2]} was closed. "
                    f"Officials in {place} expect the {nouns[3]} and the {nouns[4]} {nouns[5]} to reopen next week.")
            fh.write(json.dumps({"url": f"https://tiny{n % 40}.example/{n}", "title": f"{place}: {nouns[0]} {n}",
                                 "text": text, "language": "en",
                                 "published": f"2026-06-{1 + (n // per_event) % 28:02d}"}) + "\n")


# ------------------------------------------------------------------ measuring (child side)
def _vm_hwm_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_read_clean(path: str) -> None:
    """Stream the file through read_sources + clean; keep nothing; print counts and peak RSS."""
    from crosscheck.clean import clean
    from crosscheck.errors import InputError
    from crosscheck.model import ReadFailure
    from crosscheck.readers import read_sources

    reports = failures = chars = 0
    for item in read_sources([path]):
        if isinstance(item, ReadFailure):
            failures += 1
            continue
        try:
            doc = clean(item)
        except InputError:
            failures += 1
            continue
        reports += 1
        chars += len(doc.text)
    print(json.dumps({"reports": reports, "failures": failures, "chars": chars, "peak_mb": round(_vm_hwm_mb(), 1)}))


def child_cli(args: list[str], timeout: float) -> None:
    """Run the CLI as this process's only child; print its peak RSS (RUSAGE_CHILDREN), also on timeout."""
    try:
        proc = subprocess.run([sys.executable, "-m", "crosscheck.cli", *args], capture_output=True, text=True,
                              timeout=timeout)
        result = {"rc": proc.returncode, "summary": (proc.stdout.strip().splitlines() or [""])[-1][-120:],
                  "stderr": proc.stderr.strip()[-300:]}
    except subprocess.TimeoutExpired:  # run() kills and reaps the child: its peak still counts
        result = {"rc": None, "summary": f"TIMEOUT: killed after {timeout:g} s"}
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({**result, "peak_mb": round(peak, 1)}))


# ------------------------------------------------------------------ driver
def _measure(argv: list[str]) -> tuple[dict, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True, env=env, cwd=ROOT)
    took = time.monotonic() - t0
    if proc.returncode != 0:
        return {"error": proc.stderr.strip()[-500:]}, took
    return json.loads(proc.stdout.strip().splitlines()[-1]), took


def _row(case: str, size: str, what: str, result: dict, took: float) -> None:
    peak = result.get("peak_mb", float("nan"))
    extra = {k: v for k, v in result.items() if k != "peak_mb"}
    print(f"{case:<9} {size:>12}  {what:<22} peak RSS {peak:8.1f} MB  {took:7.1f} s  {json.dumps(extra)[:160]}",
          flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    ap.add_argument("--only", nargs="*", default=["baseline", "jsonl", "html", "report", "tiny", "huge"])
    ap.add_argument("--timeout", type=float, default=900, help="seconds allowed per `crosscheck ingest` case")
    if sys.argv[1:2] == ["--child"]:  # measuring side: --child read_clean PATH | --child cli ARGS...
        kind, rest = sys.argv[2], sys.argv[3:]
        if kind == "read_clean":
            child_read_clean(rest[0])
        else:
            child_cli(rest[1:], float(rest[0]))
        return
    args = ap.parse_args()
    s = args.scale
    with tempfile.TemporaryDirectory(prefix="crosscheck-mem-") as tmp:
        d = Path(tmp)
        print(f"bench/memory.py  scale={s}  temp={d}", flush=True)
        if "baseline" in args.only:
            make_jsonl(d / "one.jsonl", 0.001)
            _row("baseline", "1 report", "read+clean", *_measure(["--child", "read_clean", str(d / "one.jsonl")]))
        if "jsonl" in args.only:
            for mb in (20 * s, 200 * s):
                p = d / f"big-{mb:g}.jsonl"
                n = make_jsonl(p, mb)
                _row("jsonl", f"{mb:g} MB", f"read+clean {n} rep.", *_measure(["--child", "read_clean", str(p)]))
                p.unlink()
        if "html" in args.only:
            for mb in (5 * s, 50 * s):
                p = d / f"page-{mb:g}.html"
                make_html(p, mb)
                _row("html", f"{mb:g} MB", "read+clean 1 page", *_measure(["--child", "read_clean", str(p)]))
                p.unlink()
        if "report" in args.only:
            for chars in (int(200_000 * s), int(2_000_000 * s)):
                p = d / f"report-{chars}.txt"
                make_report(p, chars)
                db = d / f"report-{chars}.db"
                _row("report", f"{chars} ch", "crosscheck ingest",
                     *_measure(["--child", "cli", str(args.timeout), "--db", str(db), "ingest", str(p)]))
        if "tiny" in args.only:
            for count in (max(10, int(2000 * s)), max(10, int(10_000 * s))):
                p = d / f"tiny-{count}.jsonl"
                make_tiny(p, count)
                db = d / f"tiny-{count}.db"
                _row("tiny", f"{count} rep.", "crosscheck ingest",
                     *_measure(["--child", "cli", str(args.timeout), "--db", str(db), "ingest", str(p)]))

        if "huge" in args.only:
            folder = d / "huge"
            folder.mkdir()
            make_huge(folder, 50 * s)
            db = d / "huge.db"
            _row("huge", f"{50 * s:g} MB", "crosscheck ingest",
                 *_measure(["--child", "cli", str(args.timeout), "--db", str(db), "ingest", str(folder)]))


def make_huge(folder: Path, megabytes: float, seed: int = 5) -> None:
    """One JSON Lines record of ``megabytes`` of text, and two small reports beside it."""
    rnd = random.Random(seed)
    paras = [_paragraph(rnd) for _ in range(200)]
    parts, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        parts.append(paras[i % len(paras)])
        size += len(parts[-1]) + 1
        i += 1
    record = {"url": "https://huge.example/1", "title": "A very long report", "text": "\n".join(parts)}
    (folder / "huge.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    for n in range(2):
        (folder / f"small{n}.txt").write_text(_paragraph(random.Random(seed + n)), encoding="utf-8")


if __name__ == "__main__":
    main()
