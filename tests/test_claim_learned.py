"""The learned attribution model (analyze/claim_learned.py, data/attribution_model_en.json): candidate
readings and their features, the decision, the packaged weights. Fictional sentences."""
from __future__ import annotations

import pytest

from crosscheck.analyze import claim_learned, claims, entities, nlp
from crosscheck.config import Settings

LAMBASTE = "Mayor Tomas Brandt lambasted the port authority for its handling of the dredging contract."
HINT = "The ferry company hinted that the northern route would close in May."


@pytest.fixture(scope="module")
def doc():
    model = Settings().spacy_model
    return lambda text: next(nlp.parse([text], model))


@pytest.fixture
def model():
    """Score with a hand-made model for one test, the packaged one again after it."""
    yield claim_learned.use
    claim_learned.use(None)


def _extract(sdoc, settings=None):
    return claims.extract(sdoc, entities.extract(sdoc), outlet_claims=False, settings=settings).claims


def test_candidates_read_object_and_preposition_with_the_subject_as_source(doc):
    sdoc = doc(LAMBASTE)
    cue = next(t for t in sdoc if t.lower_ == "lambasted")
    cands = {c.rel: c for c in claim_learned.candidates(cue)}
    assert "dobj" in cands, cands
    dobj = cands["dobj"]
    assert dobj.source.text == "Brandt"
    words = [sdoc[k].lower_ for k in dobj.content]
    assert words[:3] == ["the", "port", "authority"] and "dredging" in words and "lambasted" not in words
    feats = claim_learned.features(dobj, speaker="PERSON")
    lem = f"{cue.lemma_}/VERB"  # as the parser lemmatises it
    assert {"R=dobj", "L=" + lem, f"LR={lem}|dobj", "SK=ent:PERSON", "SP=PERSON", "D=ROOT", "ROOT",
            "O=0", "C=none"} <= set(feats), feats


def test_features_of_a_clause_before_any_claim_and_after_one(doc):
    sdoc = doc(HINT)
    cue = next(t for t in sdoc if t.lower_ == "hinted")
    cand = next(c for c in claim_learned.candidates(cue) if c.rel == "ccomp>")
    assert [sdoc[k].lower_ for k in cand.content][:3] == ["that", "the", "northern"]
    feats = set(claim_learned.features(cand))
    assert {"R=ccomp>", "F=that", "FIN|ccomp>", "N=6-10", "SK=noun", "S=noun:company"} <= feats, feats
    assert "O=most" in claim_learned.features(cand, used=set(cand.content))  # its words already claimed


def test_no_candidate_without_a_source_or_content(doc):
    sdoc = doc("The dredging of the harbour began on Monday after a long delay.")
    assert all(claim_learned.candidates(t) == [] for t in sdoc if t.lower_ in ("dredging", "began", "delay"))


def test_decision_follows_the_score(doc, model):
    sdoc = doc(LAMBASTE)
    lem = next(f"{t.lemma_}/VERB" for t in sdoc if t.lower_ == "lambasted")
    model(claim_learned.Model({"bias": -6.0}, 0.5, frozenset({lem})))
    assert not any(c.cue == "lambasted" for c in _extract(sdoc))
    model(claim_learned.Model({"bias": -6.0, f"LR={lem}|dobj": 9.0}, 0.5, frozenset({lem})))
    found = [c for c in _extract(sdoc) if c.cue == "lambasted"]
    assert len(found) == 1, found  # one reading per cue: the best-scoring relation
    claim = found[0]
    assert claim.text.startswith("The port authority for its handling") and claim.kind == "reported"
    assert claim.speaker_text and "Brandt" in claim.speaker_text
    # a lemma outside the vocabulary is no candidate, however the weights stand
    model(claim_learned.Model({"bias": 9.0}, 0.5, frozenset({"praise/VERB"})))
    assert not any(c.cue == "lambasted" for c in _extract(sdoc))


def test_learned_claims_never_repeat_a_claim_of_the_sentence(doc, model):
    sdoc = doc("The ferry company announced that the northern route would close in May.")
    model(claim_learned.Model({"bias": 9.0}, 0.5, frozenset({"announce/VERB", "close/VERB"})))
    found = _extract(sdoc)
    assert [c.text for c in found] == ["The northern route would close in May."], found


def test_the_reports_own_statement_of_the_sentence_blocks_no_learned_claim(doc, model):
    # with outlet statements on, the sentence is also the report's own claim; the learned reading of its cue
    # still stands (it had been dropped as a repeat of the whole sentence's text)
    sdoc = doc(LAMBASTE)
    lem = next(f"{t.lemma_}/VERB" for t in sdoc if t.lower_ == "lambasted")
    model(claim_learned.Model({"bias": -6.0, f"LR={lem}|dobj": 9.0}, 0.5, frozenset({lem})))
    found = claims.extract(sdoc, entities.extract(sdoc), outlet="The Gazette", outlet_claims=True).claims
    assert [c.kind for c in found if c.kind == "outlet"] == ["outlet"], found
    learned = [c for c in found if c.cue == "lambasted"]
    assert learned and learned[0].text.startswith("The port authority for its handling"), found


def test_a_learned_reading_in_the_writer_s_own_voice_is_the_outlet_s(doc, model):
    # 'I/we' outside quote marks with no person credited before: the piece's writer, as the rule finder reads it
    # (failed before: a pronoun source with no speaker made no claim)
    sdoc = doc("We lambasted the port authority for its handling of the dredging contract.")
    lem = next(f"{t.lemma_}/VERB" for t in sdoc if t.lower_ == "lambasted")
    model(claim_learned.Model({"bias": -6.0, f"LR={lem}|dobj": 9.0}, 0.5, frozenset({lem})))
    found = [c for c in claims.extract(sdoc, entities.extract(sdoc), outlet="The Gazette", outlet_claims=False).claims
             if c.cue == "lambasted"]
    assert [(c.speaker, c.speaker_text) for c in found] == [(None, "The Gazette")], found
    quoted = doc('"We lambasted the port authority for its handling of the dredging contract."')
    assert not any(c.cue == "lambasted" for c in claims.extract(quoted, entities.extract(quoted), outlet="The Gazette",
                                                                outlet_claims=False).claims)


def test_a_learned_object_content_leaves_out_the_writer_s_aside(doc, model):
    # a relative clause set off by a comma in a noun-phrase content is the writer's, as the rule finder reads objects
    # (failed before: the learned reading kept ', which the port authority signed in May')
    sdoc = doc("Mayor Tomas Brandt lambasted the new dredging contract, which the port authority signed in May.")
    lem = next(f"{t.lemma_}/VERB" for t in sdoc if t.lower_ == "lambasted")
    model(claim_learned.Model({"bias": -6.0, f"LR={lem}|dobj": 9.0}, 0.5, frozenset({lem})))
    assert [c.text for c in _extract(sdoc) if c.cue == "lambasted"] == ["The new dredging contract."]


def test_an_indefinite_pronoun_source_speaks_but_no_one_does_not(doc, model):
    # 'someone', 'everyone' name a speaker, however vaguely, as 'a source' does (failed before: a pronoun source
    # with no entity made no claim); 'nobody' says no one spoke
    for who, made in (("Someone", True), ("Everyone", True), ("Nobody", False)):
        sdoc = doc(f"{who} lambasted the port authority for its handling of the dredging contract.")
        lem = next(f"{t.lemma_}/VERB" for t in sdoc if t.lower_ == "lambasted")
        model(claim_learned.Model({"bias": -6.0, f"LR={lem}|dobj": 9.0}, 0.5, frozenset({lem})))
        found = [c for c in _extract(sdoc) if c.cue == "lambasted"]
        assert [c.speaker_text for c in found] == ([who] if made else []), (who, found)


def test_a_learned_reading_whose_source_is_no_one_is_no_claim(doc, model):
    # 'none of his aides lambasted C', 'no one lambasted C': no speaker (failed before: C by 'None')
    for text in ("None of the mayor's aides lambasted the port authority for its handling of the dredging contract.",
                 "No one lambasted the port authority for its handling of the dredging contract."):
        sdoc = doc(text)
        lem = next(f"{t.lemma_}/VERB" for t in sdoc if t.lower_ == "lambasted")
        model(claim_learned.Model({"bias": -6.0, f"LR={lem}|dobj": 9.0}, 0.5, frozenset({lem})))
        assert not [c for c in _extract(sdoc) if c.cue == "lambasted"], text


def test_packaged_model_loads_and_is_used(doc):
    m = claim_learned.load()
    assert 0.0 < m.threshold < 1.0 and "bias" in m.weights and len(m.lemmas) >= 100
    assert claim_learned.model() == m
    sdoc = doc("Mayor Tomas Brandt proposed new limits on fishing in the bay after the storm.")
    learned = [c for c in _extract(sdoc) if c.cue == "proposed"]  # 'propose' with an object: no cue list reads it
    assert learned and "new limits on fishing" in learned[0].text.lower()
    assert not any(c.cue == "proposed" for c in _extract(sdoc, Settings(claim_learned_threshold=2.0)))


@pytest.mark.parametrize("data", [{"weights": {"bias": 1.0}, "lemmas": []}, {"weights": [], "threshold": 0.5, "lemmas": []}])
def test_a_malformed_model_is_refused_with_the_file_named(data):
    with pytest.raises(ValueError, match="attribution_model_en.json"):
        claim_learned.load(data)
