"""Attributions cued by the frame lexicon (analyze/claim_frames.py, data/attribution_frames_en.json):
cue words outside the reporting-verb lists. Fictional sentences, one per frame class."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from crosscheck.analyze import claim_frames, nlp
from crosscheck.config import Settings

CASES = [
    # (text, words of the claim, speaker words, cue, kind)
    ("Senator Ilse Varga opposes the new harbour toll on fishing boats.",
     "the new harbour toll on fishing boats", "varga", "opposes", "belief"),  # verb + object
    ("Mayor Tomas Brandt voted to rule out a second referendum on the bridge.",
     "to rule out a second referendum on the bridge", "brandt", "voted", "intention"),  # verb + to-infinitive
    # ('declined to rule out C' is a refusal, claim_refusals.py: test_claims' fixture declined-to-act-is-a-refusal)
    ("The union asked the transport board to suspend the new night timetable.",
     "the transport board to suspend the new night timetable", "union", "asked", "reported"),  # request + object + infinitive
    # whom a request is made of after 'on': the content was 'to reopen the night ferry' ('called on X to C')
    ("Councillor Ana Ruiz called on the harbour board to reopen the night ferry.",
     "the harbour board to reopen the night ferry", "ruiz", "called", "reported"),
    # verbs of urging with whom they urge ('encouraged', 'exhorted', 'implored' were no cues)
    ("Councillor Ana Ruiz encouraged the fishermen to vote against the quota.",
     "the fishermen to vote against the quota", "ruiz", "encouraged", "reported"),
    ("Ruiz exhorted the fishermen to vote against the quota.",
     "the fishermen to vote against the quota", "ruiz", "exhorted", "reported"),
    ("Councillor Ana Ruiz hopes the ferry service will resume before the summer.",
     "the ferry service will resume before the summer", "ruiz", "hopes", "belief"),  # verb + clause
    ("Councillor Petra Lind questioned whether the dredging contract was ever put to tender.",
     "the dredging contract was ever put to tender", "lind", "questioned", "reported"),  # embedded question
    ("Governor Elias Moro spoke about the flooding in the lower valley at length.",
     "the flooding in the lower valley", "moro", "spoke", "reported"),  # verb + preposition
    ("Governor Elias Moro renewed his promise to rebuild the old grain terminal by next year.",
     "to rebuild the old grain terminal", "moro", "promise", "intention"),  # noun + to-infinitive
    ("The fishermen of Port Avel are critical of the new quota system for cod.",
     "the new quota system for cod", "fishermen", "critical", "belief"),  # adjective + preposition
    ("Police in Tarnow put the crowd at 18,000, far below the union's count.",
     "the crowd at 18,000", "police", "put", "reported"),  # an estimate: object + 'at' figure
    ("The harbour board estimated the storm damage at 4 million euros.",
     "the storm damage at 4 million euros", "harbour board", "estimated", "reported"),
    ("The death toll from the landslide was put at 31 by regional officials.",
     "the death toll from the landslide at 31", "officials", "put", "reported"),  # passive: the agent estimates
    ("The national seismological institute measured the quake at magnitude 5.8.",  # a measurement states a figure
     "the quake at magnitude 5.8", "institute", "measured", "reported"),
]


@pytest.mark.parametrize("text,content,speaker,cue,kind", CASES, ids=[c[3] for c in CASES])
def test_frame_cue(parse, text, content, speaker, cue, kind):
    ents, found = parse(text)
    hits = [c for c in found if content.lower() in c.text.lower()]
    assert hits, [c.text for c in found]
    claim = hits[0]
    ent = ents.entity(claim.speaker)
    words = " ".join(([ent.name, *ent.aliases] if ent else []) + [claim.speaker_text or ""]).lower()
    assert speaker in words, (claim, words)
    assert (claim.cue, claim.kind) == (cue, kind)


@pytest.mark.parametrize("text", [
    "Senator Ilse Varga does not oppose the new harbour toll on fishing boats.",  # negated: no stance to credit
    # a refused speech act reports no content of its own: not what was not said (the refusal to comment is a claim,
    # claim_refusals.py, below)
    "Mayor Tomas Brandt declined to confirm that the ferry company would be sold.",
    "Mayor Tomas Brandt refused to say how many dock workers would lose their jobs.",
    "A citizens' group called Harbour Watch met on Tuesday in the town hall.",  # a participle naming, no speaker
    "The new bill opposes nothing and bans plastic bags in all shops.",  # a bare pronoun object
    "She put the old book at the end of the shelf.",  # 'at' a place: no figure, no estimate
    "The shipping company placed an order at 9 a.m. on Monday.",  # 'at' a clock time: no estimate
    "The 350 million euros in aid put the losses at 1.2 billion euros.",  # a sum as the source: a parse slip
])
def test_frame_cue_gives_no_claim(parse, text):
    _, found = parse(text)
    assert found == (), [c.text for c in found]


@pytest.mark.parametrize("text,claim,cue", [
    ("The port authority refused to comment on the new harbour toll.", "Refused to comment on the new harbour toll.", "refused"),
    ("Mayor Tomas Brandt declined to comment on the harbour plan when asked by reporters on Monday.",
     "Declined to comment on the harbour plan", "declined"),
])
def test_a_refusal_to_comment_is_the_refusal_never_an_intention(parse, text, claim, cue):
    _, found = parse(text)
    assert [(c.text[: len(claim)], c.cue, c.kind) for c in found] == [(claim, cue, "reported")]


def test_lexicon_is_learned_counts_with_known_relations():
    data = claim_frames._data()
    assert "PolNeAR" in data["about"] and len(data["frames"]) >= 20
    for key, spec in data["frames"].items():
        lemma, pos = key.rsplit("/", 1)
        assert pos in ("VERB", "NOUN", "ADJ") and spec["kind"] in ("reported", "belief", "intention", "knowledge")
        assert [c["rel"] for c in spec["counts"]] == spec["rels"]
        assert all(c["right"] <= c["claims"] for c in spec["counts"])
        for rel in spec["rels"]:
            assert rel in ("dobj", "xcomp", "ccomp", "ccomp?", "acl") or rel.startswith("prep:"), (key, rel)


def test_unknown_relation_is_named():
    sdoc = next(nlp.parse(["Ana Ruiz opposes the toll."], Settings().spacy_model))
    frame = claim_frames.Frame("oppose", "VERB", ("subj-of",), "belief")
    with pytest.raises(ValueError, match="subj-of"):
        claim_frames.read(sdoc[2], frame)


def test_a_frame_claim_told_inside_another_source_s_claim_has_it_as_its_chain(parse):
    """'One of the officials said the prime minister had asked Rask to step down': the asking is the official's
    report; the frame claim credits the prime minister with the official as its chain (as nested speech has)."""
    _, found = parse("One of the officials said Prime Minister Hedda Voss had asked Rask to step down on Monday.")
    asked = [c for c in found if c.cue == "asked"]
    assert [(c.speaker_text, c.chain) for c in asked] == [("Prime Minister Hedda Voss", ("One of the officials",))]
    _, alone = parse("Prime Minister Hedda Voss asked Rask to step down on Monday.")
    assert [c.chain for c in alone if c.cue == "asked"] == [()]


def test_a_noun_s_infinitive_the_parser_hung_on_the_verb_is_the_noun_s_clause():
    # 'Ek announced plans this week to give money.': the parser made 'to give' an adverbial of 'announced' (failed
    # before: 'plans' had no clause, so no claim of what was planned)
    words = ["Ek", "announced", "plans", "this", "week", "to", "give", "money", "."]
    heads = [1, 1, 1, 4, 1, 6, 1, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "det", "npadvmod", "aux", "advcl", "dobj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "DET", "NOUN", "PART", "VERB", "NOUN", "PUNCT"]
    ents = ["B-PERSON", "O", "O", "B-DATE", "I-DATE", "O", "O", "O", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * 7 + [False, False], heads=heads, deps=deps, pos=pos,
              ents=ents)
    assert claim_frames._noun_clause(doc[2]) == {5, 6, 7}
    doc = Doc(spacy.blank("en").vocab, words=words[:3] + ["to", "please", "them", "."],
              heads=[1, 1, 1, 4, 1, 4, 1], deps=["nsubj", "ROOT", "dobj", "aux", "advcl", "dobj", "punct"],
              pos=["PROPN", "VERB", "NOUN", "PART", "VERB", "PRON", "PUNCT"])
    assert claim_frames._noun_clause(doc[2]) == {3, 4, 5}  # (right after the noun too: 'announced plans to please them')
