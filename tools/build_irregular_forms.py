#!/usr/bin/env python3
"""Build src/crosscheck/data/irregular_forms_en.json: English inflected verb forms whose lemma the light
stemmer of corroborate/lexicon.py does not reach ('withdrawn' / 'withdrew' -> 'withdraw', 'fled' -> 'flee').

Source: the verb exception table of the lemmatizer in the pinned English spaCy model (its ``lemma_exc``
lookups, which spaCy compiled from WordNet 3.0's verb exception list; WordNet licence: free use with
attribution, https://wordnet.princeton.edu/license-and-commercial-use). Left out: forms that are themselves a
verb's base form in the model's ``lemma_index`` ('found', 'ground', 'lay', 'felt': two verbs, no telling which),
regular inflections with a doubled, dropped or changed letter ('cutting', 'planned', 'carried': left to the
stemmer), non-alphabetic forms, and forms the stemmer already brings to their lemma.

    PYTHONPATH=src python tools/build_irregular_forms.py [--out FILE]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path



def _regular(form: str, lemma: str) -> bool:
    """``form`` is a regular inflection of ``lemma`` with a doubled, dropped or changed letter ('cutting',
    'planned', 'panicked', 'making', 'carried'): the stemmer's own business, not an irregular form ('fled', 'said')."""
    ways = [(lemma, ("ing", "ed", "s", "es", "d")), (lemma + lemma[-1], ("ing", "ed")), (lemma + "k", ("ing", "ed"))]
    if lemma.endswith("e"):
        ways.append((lemma[:-1], ("ing", "ed")))
    if lemma.endswith("y"):
        ways.append((lemma[:-1] + "i", ("ed", "es")))
    return any(form == base + suf for base, sufs in ways for suf in sufs)


OUT = Path(__file__).resolve().parents[1] / "src" / "crosscheck" / "data" / "irregular_forms_en.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    from crosscheck.analyze import nlp
    from crosscheck.config import Settings
    from crosscheck.corroborate.lexicon import stem_by_rule

    model = Settings().spacy_model
    lem = nlp.load(model).get_pipe("lemmatizer")
    exc = lem.lookups.get_table("lemma_exc")["verb"]
    base = set(lem.lookups.get_table("lemma_index")["verb"])
    forms = {}
    for form, lemmas in sorted(exc.items()):
        if not form.isalpha() or form in base or not lemmas or lemmas[0] == form or _regular(form, lemmas[0]):
            continue
        if stem_by_rule(form) != stem_by_rule(lemmas[0]):
            forms[form] = lemmas[0]
    about = ("English inflected verb forms whose lemma the light stemmer of corroborate/lexicon.py does not reach, as "
             "form -> lemma. Built by tools/build_irregular_forms.py from the verb exception table (lemma_exc) of the "
             f"lemmatizer of the spaCy model {model}, which spaCy compiled from WordNet 3.0's verb exception list "
             "(WordNet licence: https://wordnet.princeton.edu/license-and-commercial-use). Left out: forms that are "
             "themselves a verb's base form in the model's lemma_index ('found', 'ground', 'lay', 'felt'), "
             "regular inflections with a doubled, dropped or changed letter ('cutting'), non-alphabetic forms, and forms the stemmer already brings to their lemma.")
    args.out.write_text(json.dumps({"about": about, "forms": forms}, ensure_ascii=False, indent=0) + "\n",
                        encoding="utf-8")
    print(f"{len(forms)} forms -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
