"""Analysis cost: full ``crosscheck.analyze.analyze`` against a bare ``nlp.pipe`` of the same model.

    python bench/analysis.py [--kb 320] [--seed 7]

Generates fictional reports from the templates below (wire, tabloid, translated, live-blog
sentences: quotes, reported speech, 'according to', numbers and dates), parses them once with a bare
``spacy.load(model).pipe`` and once through ``analyze`` (parse + entities + claims + quantities +
times + lemmas), in one run, and prints words/s of each and their ratio (goal: <= 1.3).
Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import re
import time

import spacy

from crosscheck.analyze import analyze
from crosscheck.config import Settings
from crosscheck.model import Document

FIRST = "Marta Jonas Ilse Pavel Amara Tomas Lena Oleh Sara Mats Hiroshi Ines Rafael Dara Petra Ivo".split()
LAST = "Halloran Varga Lindqvist Becker Ostrander Marchenko Okafor Brandt Kowalczyk Tanaka Duarte Reis Berg Lund Kral Moura".split()
TITLES = ["Finance Minister", "Mayor", "Police Chief", "Governor", "Defence Minister", "Senator", "Health official", "Coach"]
PLACES = "Tallinn Kassel Lisbon Bonn Gdansk Tampere Porto Leeds Brno Split Varna Malmo".split()
ORGS = ["the Meteorological Office", "the statistics office", "the central bank", "the transit authority",
        "the port authority", "the fire brigade", "the health ministry", "Nordic Wire"]
THINGS = "workers soldiers houses streets families ferries buses schools patients flights".split()
MONTHS = "January February March April May June July August September October November December".split()
TEMPLATES = [
    "{title} {name} said on {day} that {n} {thing} had been affected in {place}.",
    "\"We have no plans to close the {thing2} this year,\" said {name}, a spokeswoman for {org}.",
    "According to {org}, about {n} {thing} could be moved to {place} by {month}.",
    "The talks, according to two diplomats familiar with the matter, broke down over the {thing2} question.",
    "{last} noted that {org} had hired {n} new {thing} since {month} {d}.",
    "Prices will keep rising through the summer, {org} warned in a statement.",
    "He added that the {thing2} in {place} would reopen on {month} {d}.",
    "As the agency reports, according to a senior official in {place}, the deal might be signed next week.",
    "More than {n} {thing} were evacuated from {place} on {day}, officials said.",
    "\"The situation is stable. But we remain careful,\" {title} {name} told reporters.",
    "{org_cap} has reportedly spent {n} million euros on new {thing} since {year}.",
    "The {thing2} in {place} was closed for {n2} days after the storm.",
    "Witnesses told local media that they heard {n2} explosions shortly after midnight.",
    "Live updates: {org} says the blaze at the warehouse in {place} is now under control.",
]
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def make_reports(kb: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    docs, total, i = [], 0, 0
    while total < kb * 1024:
        paras = []
        for _ in range(rng.randint(6, 14)):
            tpl = rng.choice(TEMPLATES)
            org = rng.choice(ORGS)
            paras.append(tpl.format(
                title=rng.choice(TITLES), name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", last=rng.choice(LAST),
                day=rng.choice(DAYS), n=f"{rng.randint(2, 40) * 50:,}", n2=rng.randint(2, 9),
                thing=rng.choice(THINGS), thing2=rng.choice(THINGS).rstrip("s"), place=rng.choice(PLACES),
                org=org, org_cap=org[0].upper() + org[1:], month=rng.choice(MONTHS), d=rng.randint(1, 28),
                year=rng.randint(2015, 2024)))
        text = "\n\n".join(paras)
        docs.append(Document(id=f"b{i}", source=f"bench/{i}", fmt="txt", text=text, language="en",
                             published="2024-10-18"))
        total += len(text.encode("utf-8"))
        i += 1
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kb", type=int, default=320)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    settings = Settings()
    docs = make_reports(args.kb, args.seed)
    texts = [d.text for d in docs]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts)

    bare = spacy.load(settings.spacy_model)
    list(bare.pipe(texts[:4], batch_size=settings.nlp_batch_size))  # warm-up
    analyze(docs[:4], settings)  # warm-up: loads the pipeline and the tables once

    t0, c0 = time.perf_counter(), time.process_time()
    for _ in bare.pipe(texts, batch_size=settings.nlp_batch_size):
        pass
    t_bare, c_bare = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    results = analyze(docs, settings)
    t_full, c_full = time.perf_counter() - t0, time.process_time() - c0

    claims = sum(len(a.claims) for a in results)
    ents = sum(len(a.entities) for a in results)
    print(f"reports {len(docs)}  text {size / 1024:.0f} KB  words {words}")
    print(f"bare nlp.pipe   {t_bare:7.2f} s  {words / t_bare:9.0f} words/s   cpu {c_bare:6.2f} s")
    print(f"analyze()       {t_full:7.2f} s  {words / t_full:9.0f} words/s   cpu {c_full:6.2f} s"
          f"  ({claims} claims, {ents} entities)")
    print(f"ratio analyze/bare  {t_full / t_bare:.2f} wall, {c_full / c_bare:.2f} cpu  (goal <= 1.30)")


if __name__ == "__main__":
    main()
