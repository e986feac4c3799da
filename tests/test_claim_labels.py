"""Speaker labels of transcripts and headlines (analyze/claim_labels.py), on hand-made parses: the sentence
boundaries a parser may draw are set by hand. Fictional words."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from crosscheck.analyze.claim_labels import label


def _doc(words, spaces, starts, pos):
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=starts, pos=pos)


def test_a_label_the_parser_split_off_labels_the_rest_of_its_line():
    # '"WALTERS: But, Governor Ek, I have to ask you.' with the parser's boundary after the colon
    words = ['"', "WALTERS", ":", "But", ",", "Governor", "Ek", ",", "I", "have", "to", "ask", "you", "."]
    spaces = [False, False, True, False, True, True, False, True, True, True, True, True, False, False]
    starts = [True] + [False] * 2 + [True] + [False] * 10
    pos = ["PUNCT", "PROPN", "PUNCT", "CCONJ", "PUNCT", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PART", "VERB",
           "PRON", "PUNCT"]
    doc = _doc(words, spaces, starts, pos)
    first = list(doc.sents)[0]
    head, at = label(first, {1: "e1"}, frozenset({"Walters"}))
    assert head.text == "WALTERS" and doc[at].text == "But"
    # a label closing its line ('WALTERS:' and a line break) labels nothing after it
    spaces[2] = False
    words[2] = ":"
    doc = Doc(spacy.blank("en").vocab, words=words[:3] + ["\n"] + words[3:], spaces=spaces[:3] + [False] + spaces[3:],
              sent_starts=starts[:3] + [False] + starts[3:], pos=pos[:3] + ["SPACE"] + pos[3:])
    assert label(list(doc.sents)[0], {1: "e1"}, frozenset({"Walters"})) is None


def test_a_transcript_s_upper_case_labels_name_speakers_the_report_names_nowhere_else(parse):
    # 'JAKE TAPPER:' opens the transcript, 'TAPPER:' goes on; the host is named nowhere else in the report (failed
    # before: no claim of his); a label seen once ('VIDEO:') is no speaker
    text = ("Partial transcript as follows:\n\nRUTH ODEGAARD: The council released a plan on Friday about the ferry. "
            "Take a look.\n\nVIDEO: The ferry leaves the harbour at dawn on a grey winter morning.\n\n"
            "ODEGAARD: And obviously, you are backing the plan, Mayor Tomas Ek, though many voters doubt it.\n\n"
            "EK: Well, I think the whole island needs to work together on the ferry.\n\n"
            "ODEGAARD: Do you think the council has listened to the fishermen at all?")
    _, found = parse(text)
    said = {(c.speaker_text, c.text.split(",")[0]) for c in found if c.cue == ":"}
    assert ("ODEGAARD", "The council released a plan on Friday about the ferry. Take a look.") in said, said
    assert ("ODEGAARD", "Do you think the council has listened to the fishermen at all?") in said
    assert not any(c.speaker_text == "VIDEO" for c in found)


def test_a_headline_label_may_name_its_topic_and_a_family_by_its_plural():
    # 'Ruiz on ferry levy: the costs are terrifying' / 'Brandts: Ostvik stirs ugliness'
    words = ["Ruiz", "on", "ferry", "levy", ":", "the", "costs", "are", "terrifying"]
    pos = ["PROPN", "ADP", "NOUN", "NOUN", "PUNCT", "DET", "NOUN", "AUX", "ADJ"]
    doc = _doc(words, [True] * 3 + [False] + [True] * 4 + [False], [True] + [False] * 8, pos)
    head, at = label(list(doc.sents)[0], {0: "e1"})
    assert head.text == "Ruiz" and doc[at].text == "the"
    words = ["Brandts", ":", "Ostvik", "stirs", "ugliness", "in", "the", "harbour"]
    pos = ["PROPN", "PUNCT", "PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN"]
    doc = _doc(words, [False] + [True] * 6 + [False], [True] + [False] * 7, pos)
    head, at = label(list(doc.sents)[0], {}, frozenset({"Brandt", "Ostvik"}))
    assert head.text == "Brandts" and doc[at].text == "Ostvik"
    # a heading with a long phrase before its colon labels nothing
    words = ["Ruiz", "on", "the", "long", "and", "winding", "road", "to", "the", "harbour", ":", "a", "story", "told"]
    doc = _doc(words, [True] * 9 + [False] + [True] * 3 + [False], [True] + [False] * 13, ["PROPN"] + ["X"] * 13)
    assert label(list(doc.sents)[0], {0: "e1"}) is None
