"""TimeML-style scoring of times on MEANTIME dev (en, es): every TIMEX3 of the annotated part, not only
the DATE/TIME values ``score.py`` checks, as TempEval-3 scores a system.

MEANTIME annotates the headline, the dateline and the first four body sentences of each article
(``../shared/datasets/meantime-dev/timexes.json``: 398 TIMEX3, dateline included). The annotated part of
a record ends with its sentence 5 (``parallel.json`` gives the sentences' texts). In that part:

* span P / R / F1, relaxed (any overlap) and strict (same characters, a leading article aside), of our
  times against the gold DATE and TIME timexes (the dateline aside: it is the publication date);
* value accuracy over the relaxed matches, and value F1 (a match with the right value is a hit), the
  figure TempEval-3 ranks systems by;
* durations and sets: how many of our times sit on a gold DURATION or SET (a duration read as a date:
  "two years" is no date), counted as false positives above too.

``--tbaq``: the same figures on TempEval-3's training corpus (TBAQ-cleaned: TimeBank 1.2 and AQUAINT, 256
English news reports of 1996-2000, every TIMEX3 of the text annotated, the document creation time given),
built outside the repository by ``--build-tbaq GITDIR`` from a ``fetch`` of jspotter/TempEval-3 (default
``build/timeml/tbaq.jsonl``, git-ignored: the texts belong to their publishers). TempEval-3's platinum test
set is held out: it is not in that repository, and never read here.

Uses the analysis library directly (no store). ``-v`` lists every miss, false positive and wrong value.
Prints figures, asserts nothing. MEANTIME topics gm and stock are held out: never read here.

    PYTHONPATH=src .venv/bin/python bench/timeml.py [-v] [--lang en,es]
    PYTHONPATH=src .venv/bin/python bench/timeml.py --build-tbaq GITDIR [--tbaq-file PATH]
    PYTHONPATH=src .venv/bin/python bench/timeml.py --tbaq [-v] [--tbaq-file PATH]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from crosscheck.analyze import analyze
from crosscheck.config import Settings
from crosscheck.model import Document

BASE = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "meantime-dev"
TBAQ = Path(__file__).resolve().parents[1] / "build" / "timeml" / "tbaq.jsonl"
TBAQ_DIRS = ("data/TBAQ-cleaned/TimeBank/", "data/TBAQ-cleaned/AQUAINT/")
LAST_ANNOTATED = 5  # MEANTIME sentence ids: 0 headline, 1 dateline, 2-5 the first four body sentences
_ARTICLE = re.compile(r"^(?:the|a|an|el|la|los|las|un|una)\s+", re.I)


def annotated_end(record: dict, entries: list[dict], lang: str) -> int:
    """Offset in the record text where its annotated part (through sentence 5) ends."""
    text, pos, end = record["text"], 0, 0
    for e in entries:
        ids = e["sentences"].get(lang) or []
        at = text.find(e[lang], pos)
        if at < 0:
            continue
        pos = at + len(e[lang])
        if ids and min(ids) <= LAST_ANNOTATED:
            end = pos
    return end


def _strict(g: dict, s_start: int, s_end: int, text: str) -> bool:
    g_start, g_end = g["start"], g["start"] + len(g["text"])
    if (g_start, g_end) == (s_start, s_end):
        return True
    inner = _ARTICLE.sub("", text[s_start:s_end])
    return inner == _ARTICLE.sub("", g["text"]) and s_end == g_end


def prf(tp: float, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tml_record(xml: str, name: str) -> dict:
    """One TimeML file as a record: the TEXT element's plain text, its TIMEX3s with offsets, the creation date."""
    root = ET.fromstring(xml)
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    parts: list[str] = []
    timexes: list[dict] = []

    def walk(el: ET.Element) -> None:
        parts.append(el.text or "")
        for child in el:
            start = sum(map(len, parts))
            walk(child)
            if child.tag == "TIMEX3":
                text = "".join(parts)[start:]
                timexes.append({"start": start, "text": text, "type": child.get("type"),
                                "value": child.get("value"), "dateline": False})
            parts.append(child.tail or "")

    walk(body)
    title = root.find("TITLE")
    return {"id": f"tbaq:{name}", "text": "".join(parts), "published": (dct.get("value") or "")[:10],
            "title": title.text.strip() if title is not None and title.text else None, "timexes": timexes}


def build_tbaq(gitdir: str, out: Path) -> None:
    names = subprocess.run(["git", f"--git-dir={gitdir}", "ls-tree", "-r", "--name-only", "HEAD"],
                           capture_output=True, text=True, check=True).stdout.split()
    records = []
    for name in sorted(names):
        base = name.rsplit("/", 1)[-1]
        if not name.startswith(TBAQ_DIRS) or not name.endswith(".tml") or base.startswith("._"):
            continue
        xml = subprocess.run(["git", f"--git-dir={gitdir}", "show", f"HEAD:{name}"],
                             capture_output=True, check=True).stdout.decode("utf-8")
        records.append(tml_record(xml, base[:-4]))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} documents, {sum(len(r['timexes']) for r in records)} TIMEX3 -> {out}")


def score_times(records: list[dict], docs: list[Document], gold_of, end_of, c: Counter, lines: list[str]) -> None:
    """Count span and value matches of our times against each record's gold DATE/TIME timexes."""
    for r, doc, a in zip(records, docs, analyze(docs, Settings())):
        end = end_of(r)
        gold = [g for g in gold_of(r) if not g["dateline"]]
        dateline = [g for g in gold_of(r) if g["dateline"]]
        ours = [t for t in a.times if t.caption is None and t.end <= end
                and not any(t.start < g["start"] + len(g["text"]) and g["start"] < t.end for g in dateline)]
        dt = [g for g in gold if g["type"] in ("DATE", "TIME")]
        other = [g for g in gold if g["type"] not in ("DATE", "TIME")]
        c["gold"] += len(dt)
        c["sys"] += len(ours)
        used: set[int] = set()
        for g in dt:
            g_end = g["start"] + len(g["text"])
            hit = next((t for t in ours if id(t) not in used and t.start < g_end and g["start"] < t.end), None)
            if hit is None:
                c["miss"] += 1
                lines.append(f"  miss   {r['id']}: {g['text']!r} {g['value']} ({g['type']})")
                continue
            used.add(id(hit))
            c["relaxed"] += 1
            c["strict"] += _strict(g, hit.start, hit.end, r["text"])
            if hit.value == g["value"]:
                c["value"] += 1
            else:
                lines.append(f"  value  {r['id']}: {g['text']!r} gold {g['value']} ours {hit.value} ({hit.text!r})")
        for t in ours:
            if id(t) in used:
                continue
            on = next((g for g in other if t.start < g["start"] + len(g["text"]) and g["start"] < t.end), None)
            if on is not None:
                c[f"on_{on['type'].lower()}"] += 1
                lines.append(f"  on {on['type'].lower():4s} {r['id']}: ours {t.text!r} {t.value}; gold {on['text']!r} {on['value']}")
            else:
                lines.append(f"  extra  {r['id']}: {t.text!r} {t.value}")


def figures(c: Counter) -> dict[str, float]:
    """The TempEval-3 figures of a count: span P/R/F1 relaxed and strict, value accuracy and value P/R/F1."""
    out = {}
    for name, hits in (("relaxed", c["relaxed"]), ("strict", c["strict"]), ("value", c["value"])):
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = prf(hits, c["sys"], c["gold"])
    out["value_accuracy"] = c["value"] / c["relaxed"] if c["relaxed"] else 0.0
    return out


def report(label: str, c: Counter, lines: list[str], verbose: bool) -> None:
    f = figures(c)
    print(label)
    print(f"  span relaxed P {f['relaxed_p']:.3f} R {f['relaxed_r']:.3f} F1 {f['relaxed_f1']:.3f}; "
          f"strict P {f['strict_p']:.3f} R {f['strict_r']:.3f} F1 {f['strict_f1']:.3f}")
    print(f"  value accuracy {f['value_accuracy']:.3f} ({c['value']}/{c['relaxed']}); "
          f"value P {f['value_p']:.3f} R {f['value_r']:.3f} F1 {f['value_f1']:.3f}")
    print(f"  ours on a gold DURATION {c['on_duration']}, on a SET {c['on_set']}")
    if verbose:
        print("\n".join(sorted(lines)))


def run_tbaq(path: Path) -> tuple[Counter, list[str], int]:
    """Count our times against TBAQ's DATE/TIME timexes: (counts, miss lines, documents)."""
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    docs = [Document(id=r["id"], source=r["id"], fmt="jsonl", text=r["text"], title=r.get("title"),
                     published=r.get("published") or None, language="en") for r in records]
    c: Counter = Counter()
    lines: list[str] = []
    score_times(records, docs, lambda r: r["timexes"], lambda r: len(r["text"]), c, lines)
    return c, lines, len(docs)


def main_tbaq(path: Path, verbose: bool) -> None:
    if not path.exists():
        print(f"skipped: {path} not found (build it with --build-tbaq GITDIR)")
        return
    c, lines, n = run_tbaq(path)
    report(f"TBAQ: {n} documents, {c['gold']} gold DATE/TIME (creation time aside), {c['sys']} ours", c, lines, verbose)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", action="store_true", help="list misses, false positives and wrong values")
    ap.add_argument("--lang", default="en,es")
    ap.add_argument("--tbaq", action="store_true", help="score TempEval-3's training corpus (TBAQ-cleaned) instead")
    ap.add_argument("--build-tbaq", metavar="GITDIR", help="build the TBAQ records from a fetch of jspotter/TempEval-3")
    ap.add_argument("--tbaq-file", type=Path, default=TBAQ)
    args = ap.parse_args(argv)
    if args.build_tbaq:
        build_tbaq(args.build_tbaq, args.tbaq_file)
        return
    if args.tbaq:
        main_tbaq(args.tbaq_file, args.v)
        return
    if not (BASE / "timexes.json").exists():
        print(f"skipped: {BASE}/timexes.json not found")
        return
    gold_all = json.loads((BASE / "timexes.json").read_text(encoding="utf-8"))["documents"]
    parallel = json.loads((BASE / "parallel.json").read_text(encoding="utf-8"))["articles"]
    records = [json.loads(x) for x in (BASE / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    langs = args.lang.split(",")
    for lang in langs:
        recs = [r for r in records if r["language"] == lang and r["id"] in gold_all]
        docs = [Document(id=r["id"], source=r["id"], fmt="jsonl", text=r["text"], title=r.get("title"),
                         published=r.get("published"), language=lang) for r in recs]
        c: Counter = Counter()
        lines: list[str] = []

        def end_of(r: dict) -> int:
            return annotated_end(r, parallel.get(r["id"].replace(f":{lang}:", ":en:"), []), lang)

        score_times(recs, docs, lambda r: gold_all[r["id"]], end_of, c, lines)
        report(f"{lang}: {len(docs)} articles, {c['gold']} gold DATE/TIME (dateline aside), {c['sys']} ours in the annotated part",
               c, lines, args.v)


if __name__ == "__main__":
    main()
