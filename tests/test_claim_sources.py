"""Who is credited and what they said, on hand-made parses: 'As X noted, C' (analyze/claim_sources.py) and
noun-phrase contents (claim_objects.py). The attachments a parser may give are set by hand. Fictional words."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from crosscheck.analyze.claim_objects import object_content
from crosscheck.analyze.claim_sources import as_clauses


def test_an_as_clause_whose_closing_comma_the_parser_hung_on_its_last_noun():
    # 'As one user pointed out with a chart, the gap is vast.': the comma after 'chart' is a child of 'chart', so the
    # clause's right edge is the comma itself (failed before: no 'as' clause, the sentence no one's claim)
    words = ["As", "one", "user", "pointed", "out", "with", "a", "chart", ",", "the", "gap", "is", "vast", "."]
    heads = [3, 2, 3, 11, 3, 3, 7, 5, 7, 10, 11, 11, 11, 11]
    deps = ["mark", "nummod", "nsubj", "advcl", "prt", "prep", "det", "pobj", "punct", "det", "nsubj", "ROOT", "acomp",
            "punct"]
    lemmas = ["as", "one", "user", "point", "out", "with", "a", "chart", ",", "the", "gap", "be", "vast", "."]
    pos = ["SCONJ", "NUM", "NOUN", "VERB", "ADP", "ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * 7 + [False] + [True] * 4 + [False, False],
              heads=heads, deps=deps, lemmas=lemmas, pos=pos)
    (found,) = as_clauses(doc[:], [0])
    subj, drop, wording, cue = found
    assert subj.text == "user" and wording == "one user" and cue == "pointed out"
    assert drop == set(range(0, 9))  # 'As one user pointed out with a chart ,'


def test_an_apposition_the_parser_made_the_object_leaves_the_prepositional_content():
    # 'The board pointed to the plan as an example, a key factor in growth.': the parser hangs the apposition after
    # the comma on the verb as its object (failed before: the content was 'a key factor in growth')
    words = ["The", "board", "pointed", "to", "the", "plan", "as", "an", "example", ",", "a", "key", "factor", "in",
             "growth", "."]
    heads = [1, 2, 2, 2, 5, 3, 5, 8, 6, 2, 12, 12, 2, 12, 13, 2]
    deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj", "punct", "det", "amod", "dobj", "prep",
            "pobj", "punct"]
    lemmas = ["the", "board", "point", "to", "the", "plan", "as", "an", "example", ",", "a", "key", "factor", "in",
              "growth", "."]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "DET", "ADJ", "NOUN", "ADP", "NOUN",
           "PUNCT"]
    spaces = [True] * 8 + [False] + [True] * 5 + [False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, lemmas=lemmas, pos=pos)
    assert object_content(doc[2]) == set(range(3, 9))  # 'to the plan as an example'
