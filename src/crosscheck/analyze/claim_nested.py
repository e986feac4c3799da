"""Speech and beliefs reported inside another claim or beside a quote (claims.py calls these): '"The mayor told
us the bridge would reopen," she said' (the mayor's claim, chained through her), 'X said the union believes C',
'"C1," said Ana Ruiz, who said C2'; and ``unsaid``, the cues that tell no speech act ('did not say that C')."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from crosscheck.analyze import claim_frames
from crosscheck.analyze.claim_index import CUE_CLASS, DIRECTIVE, NEGATING_PREPS, asks, infinitive, is_clause, relative_speaker
from crosscheck.analyze.claim_objects import no_one
from crosscheck.analyze.claim_subjects import conjunct_subject, governing_subject, object_controller
from crosscheck.analyze.claim_quotes import cue_clause
from crosscheck.analyze.claim_state import FIRST_PERSON, State, resolve


def unsaid(cue: Token, attitude: bool = False) -> bool:
    """The cue tells no speech act: it is negated ('did not say that C'; not an ``attitude``, a belief, intention or
    knowledge: 'did not want to stay' is one, negated), no one is its subject, or a verb of refusing or failing
    governs it ('declined to confirm that C', 'refused to say how many C', 'failed to note that C', which presupposes
    C but does not say it: data/attribution_frames_en.json 'not_asserting'), or a preposition denies it ('left
    without saying where'), or its speaker is only asked to speak ('pressed Ruiz to confirm that C': a directive verb
    of data/attribution_cues_en.json over its object)."""
    return not attitude and any(c.dep_ == "neg" for c in cue.children) or no_one(cue) or \
        cue.dep_ == "pcomp" and cue.head.lower_ in NEGATING_PREPS or claim_frames.unasserted(cue) or \
        cue.dep_ == "xcomp" and cue.head.lemma_ in DIRECTIVE and object_controller(cue) is not None


def nested_before(st: State, qsents: list[Span], inside, outer: str | None, at: int) -> None:
    """The speech reported inside a quote, put before the quote's own claims (from ``at``), so that the
    quote stays the last claim and goes on with its next sentence ('"The mayor said C1. C2," X said. "C3."')."""
    n = len(st.claims)
    for sent in qsents:
        nested(st, sent, inside, outer)
    if len(st.claims) > n:
        st.claims[at:] = st.claims[n:] + st.claims[at:n]
        st.claims[at:] = [replace(c, key=f"c{at + k + 1}") for k, c in enumerate(st.claims[at:])]


def beside_quote(st: State, qsents: list[Span], regions: list[tuple[int, int]]) -> None:
    """Speech reported in a quote's sentence outside the quote marks ('"C1," said Ana Ruiz, who said C2';
    '"C1," X told a rally, saying C2'): each cue whose words no claim has taken yet."""
    own = st.quote_cue >= qsents[0].start  # the quote's cue is of these sentences: its clause is not another's content
    taken = set(st.used) | (cue_clause(st.sdoc[st.quote_cue], set(st.index.cues)) if own else set())
    # the quote's own cue is read; another cue, main ('X said C, and Y replied, "Q"') or below it ('who said'), is not
    outside = lambda t: t.i not in taken and not any(a <= t.idx < b for a, b in regions) and (  # noqa: E731
        t.dep_ not in ("ROOT", "parataxis") or t.idx < regions[0][0] and own)
    for sent in qsents:
        nested(st, sent, outside, None, quoted=False)
    if own and st.quoted is not None:
        _clause_before_cue(st, st.sdoc[st.quote_cue], regions)


def _clause_before_cue(st: State, cue: Token, regions: list[tuple[int, int]]) -> None:
    """'C, Ruiz said, adding, "Q."': the quote is what the speaker added, and the clause before the cue, outside
    the quote marks, is the speaker's too (it had been lost: the quote's claim took the cue)."""
    comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i and is_clause(c)), None)
    if comp is None or any(a <= comp.idx < b for a, b in regions) or regions[0][0] < cue.idx:
        return
    toks = [t for t in comp.subtree if not any(a <= t.idx < b for a, b in regions)]
    if any(t.i in st.used for t in toks):
        return
    st.add(toks, [cue.sent], st.quoted.key, st.quoted.text, cue.lower_, "reported")


def nested(st: State, sent: Span, inside, outer: str | None, quoted: bool = True) -> None:
    """Speech or belief reported inside a claim ('"The mayor told us the bridge would reopen," she said';
    'X said the union believes C'): the inner source's claim, with the outer speaker as its chain when
    they differ. In a quote, a pronoun is not the quoting speaker and 'I said' adds nothing."""
    last = st.last
    for j in st.index.within(st.index.cues, sent):
        cue = st.sdoc[j]
        rel = relative_speaker(cue)
        if not inside(cue) or (cue.dep_ in ("amod", "acl", "relcl", "xcomp") and rel is None) or unsaid(cue):
            continue
        comp = next((c for c in cue.children if c.dep_ == "ccomp" and is_clause(c) and c.i > cue.i), None)
        cls = CUE_CLASS.get(cue.lemma_)
        inf = infinitive(cue) if cls in ("belief", "intention") or (comp is None and cls == "speech") else None
        if inf is not None:
            comp = None
        subj = rel if rel is not None else next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if subj is None and any(c.dep_ == "nsubjpass" for c in cue.children):
            continue  # 'C1 and that the operator had been urged to C2': whom it was asked of; who asked, no one named
        if subj is None and not quoted and cue.dep_ == "conj":  # 'X told a rally, and said C': the first verb's subject
            subj = conjunct_subject(cue)
        elif subj is None and not quoted and cue.dep_ == "pcomp":  # 'X accused Y of claiming C': Y
            subj = governing_subject(cue)
        if comp is not None and cls != "speech" and asks(comp):
            comp = None
        if (comp is None and inf is None) or subj is None or subj.lower_ in FIRST_PERSON or subj.lower_ in ("you", "it", "this", "that"):
            continue
        if subj.pos_ == "PRON" and quoted:
            continue  # 'he thinks C' inside a quote: not the quoting speaker, and no one the report names
        speaker, speaker_text = resolve(st, subj)
        if speaker is None and (speaker_text is None or quoted and cls in ("belief", "intention", "knowledge")):
            continue  # (in a quote, '... the people who want to break up the banks': the speaker's words of no one named)
        kind = {"belief": "belief", "intention": "intention", "knowledge": "knowledge"}.get(cls, "reported")
        if inf is not None and cls == "belief" and not inf[1]:
            kind = "intention"
        toks = [t for t in (comp.subtree if comp is not None else inf[0]) if inside(t)]
        same = speaker_text == outer or (speaker is not None and last is not None and speaker == last.key)
        st.add(toks, [sent], speaker, speaker_text, cue.lower_, kind, chain=(outer,) if outer and not same else ())
    st.last = last
