"""A source's refusal to speak as its claim: 'the ministry declined to comment', 'Ek declined to comment on the
ruling', 'the campaign did not respond to a request for comment'. News reports give who would not answer as part
of who says what, and the PolNeAR guidelines annotate it as an attribution (cue 'declined', content 'to comment').
The claim is the refusal itself ('Declined to comment on the ruling.'), never a content it names: a refusal with
a clause of its own ('declined to confirm that C', 'refused to say how many C') is left alone, as claim_frames'
refused_speech leaves it, so that C is nobody's claim. Words: data/attribution_frames_en.json ('refusing') and
data/attribution_cues_en.json ('response_verbs', 'comment_nouns', 'request_nouns').
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from crosscheck.analyze.claim_frames import REFUSING
from crosscheck.analyze.claim_index import COMMENT_NOUNS, CUE_CLASS, DECLINING, REQUEST_NOUNS, RESPONSE_VERBS
from crosscheck.analyze.claim_subjects import governing_subject
from crosscheck.analyze.claim_state import State, resolve

_CLAUSES = ("ccomp", "xcomp", "dobj", "csubj")


def refusal(cue: Token) -> list[Token] | None:
    """The words of the refusal ``cue`` heads ('declined to comment on the ruling', 'declined comment', 'did not
    immediately respond to a request for comment'; a declining verb refuses any act: 'declined to endorse Ostvik'),
    or None."""
    if cue.lemma_ in REFUSING and cue.pos_ == "VERB":
        comp = next((c for c in cue.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and (
            CUE_CLASS.get(c.lemma_) == "speech" or cue.lemma_ in DECLINING) and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if comp is not None:
            speech = CUE_CLASS.get(comp.lemma_) == "speech"
            if speech and any(c.dep_ in _CLAUSES for c in comp.children) or any(c.dep_ == "dobj" for c in cue.children):
                return None  # 'declined to confirm that C', 'refused to say how many C': left to refused_speech
            more = [t for c in cue.children if c.dep_ == "advcl" and c.i > comp.i for t in c.subtree]
            return [cue, *comp.subtree, *more]  # ('declined to elaborate on a plan if the bill fails')
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if obj is not None and (obj.lemma_ in COMMENT_NOUNS or obj.lemma_ in REQUEST_NOUNS):
            return [cue, *obj.subtree]  # 'declined comment on the report', 'declined several requests for an interview'
        return None
    if cue.lemma_ in RESPONSE_VERBS and cue.pos_ == "VERB" and any(c.dep_ == "neg" for c in cue.children):
        after = [t for c in cue.children if c.i > cue.i and c.dep_ == "prep" for t in c.subtree]
        if not any(c.dep_ == "prep" and c.lower_ == "to" and c.i > cue.i for c in cue.children) or not any(
                t.lemma_ in COMMENT_NOUNS for t in after):
            return None  # 'did not respond to questions about the fees' is read as nothing said
        before = [c for c in cue.children if c.dep_ in ("aux", "neg", "advmod") and c.i < cue.i]
        return sorted([*before, cue, *after], key=lambda t: t.i)  # ('my requests last week for comment')
    return None


def refusals(st: State, sent: Span) -> bool:
    """Add the sentence's refusals to speak, each its source's claim; True when there was one."""
    found = False
    for cue in sent:
        if cue.i in st.used or (cue.lemma_ not in REFUSING and cue.lemma_ not in RESPONSE_VERBS):
            continue
        toks = refusal(cue)
        if toks is None or any(t.i in st.used for t in toks):
            continue
        subj = governing_subject(cue)
        if subj is None:
            continue
        speaker, speaker_text = resolve(st, subj, mention=False)
        if speaker is None and speaker_text is None:
            continue
        before = len(st.claims)
        st.add(toks, [sent], speaker, speaker_text, cue.lower_, "reported", split=False, min_words=1, speaks=False)
        if len(st.claims) > before:
            found = True
            st.used.add(cue.i)
    return found
