"""Claims cued by a noun or an adjective of saying or believing, not a verb: 'the mayor's claim that C', 'his
fear that C', 'a claim by the ministry that C', 'their view is that C', 'By his own admission, C', 'In the mayor's
view, C', 'the court's finding that C' (noun_cues; a knowledge noun's claim is of kind knowledge), 'many
Democrats are afraid that C', 'officials are confident the ferry will run' (adjective_cues), 'the union made it
clear that C' (made_adjectives; data/attribution_cues_en.json). The holder is the possessive, the 'by' phrase or the
subject of 'be' (of 'make'); the content the that-clause, or the rest of the sentence the phrase opens or closes.
The holder does not become the last speaker (no later 'he' refers to it through these); the sentence is then no
statement of the outlet's own.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from crosscheck.analyze.claim_frames import unasserted
from crosscheck.analyze.claim_index import ADJECTIVE_CUES, CUE_CLASS, MADE_ADJECTIVES, NOUN_CUES
from crosscheck.analyze.claim_subjects import governing_subject
from crosscheck.analyze.claim_quotes import writer_speaks
from crosscheck.analyze.claim_state import State, resolve

_KINDS = {"belief": "belief", "knowledge": "knowledge"}  # any other class: reported


def word_cues(st: State, sent: Span) -> bool:
    """Add the sentence's noun- and adjective-cued claims; True when there was one."""
    before = len(st.claims)
    for word in sent:
        if word.i in st.used:
            continue
        if word.pos_ == "NOUN" and word.lemma_ in NOUN_CUES:
            cls, found = NOUN_CUES[word.lemma_], _noun(word)
        elif (word.pos_ == "ADJ" or word.dep_ == "acomp") and word.lower_ in ADJECTIVE_CUES:  # ('are convinced' VBN)
            cls, found = ADJECTIVE_CUES[word.lower_], _adjective(word)
        elif word.pos_ == "ADJ" and word.lower_ in MADE_ADJECTIVES and word.head.lemma_ == "make":
            cls, found = "speech", _made(word)
        else:
            continue
        if found is None:
            continue
        holder, comp = found
        speaker, speaker_text = resolve(st, holder, mention=False)
        if speaker is None and speaker_text is None and writer_speaks(st, holder):
            speaker_text = st.outlet  # 'we are convinced that C': the piece's own writer
        if speaker is None and speaker_text is None:
            continue
        toks = comp if isinstance(comp, list) else list(comp.subtree)
        st.add(toks, [sent], speaker, speaker_text, word.lower_, _KINDS.get(cls, "reported"), split=False, speaks=False)
    return len(st.claims) > before


def _that_clause(word: Token, deps: tuple[str, ...], bare: bool = False) -> Token | None:
    """The clause after ``word`` opened by 'that' (``bare``: or with no marker and a subject of its own: 'convinced
    this is C')."""
    return next((c for c in word.children if c.dep_ in deps and c.i > word.i and (
        any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or bare and c.pos_ in ("VERB", "AUX")
        and not any(m.dep_ == "mark" for m in c.children) and any(m.dep_ in ("nsubj", "nsubjpass") for m in c.children))), None)


def _noun(noun: Token) -> tuple[Token, Token | list[Token]] | None:
    """(holder, clause) of 'the mayor's claim that C' / 'a claim by the ministry that C' / 'the mayor's view is that
    C'; (holder, the words of the sentence it opens) of 'By his own admission, C'."""
    comp = _that_clause(noun, ("acl", "ccomp"))
    if comp is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        comp = _that_clause(noun.head, ("ccomp", "attr", "advcl"))  # 'the union's fear is that C'
    if comp is None:
        return _by_account(noun)
    holder = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ != "its"), None)
    if holder is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < comp.i), None)
        holder = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return (holder, comp) if holder is not None else None


def _by_account(noun: Token) -> tuple[Token, list[Token]] | None:
    """'By his own admission, C' / 'By the mayor's account, C' / 'In the mayor's view, C' / 'C, in his view': the
    phrase opens its sentence, set off by a comma, or closes it, and the rest of the sentence is what the holder
    says or holds."""
    by, sent = noun.head, noun.sent
    holder = next((c for c in noun.children if c.dep_ == "poss"), None)
    if noun.dep_ != "pobj" or holder is None or by.lower_ != {"speech": "by", "belief": "in"}.get(NOUN_CUES[noun.lemma_]):
        return None  # ('by his account', 'in his view'; not 'criticized the plan in his statement')
    end = noun.right_edge.i + 1
    if by.i == sent.start and end < sent.end and noun.doc[end].text == ",":
        rest = list(noun.doc[end + 1 : sent.end])
    elif by.dep_ == "prep" and by.head.i == sent.root.i and all(t.is_punct or t.is_space for t in noun.doc[end : sent.end]):
        rest = [t for t in noun.doc[sent.start : by.i] if t.text != "," or t.i < by.i - 1]  # 'C in his eyes'
    else:
        return None
    subj = next((c for c in noun.sent.root.children if c.dep_ == "nsubj"), None)
    if holder.pos_ == "PRON" and subj is not None and subj.pos_ == "PROPN":
        holder = subj  # 'By her own account, Ilse Marten spent C': the one the sentence is about
    if sum(t.is_alpha for t in rest) < 3 or any(t.pos_ == "VERB" and CUE_CLASS.get(t.lemma_) for t in rest):
        return None  # (a verb of saying or believing of its own reads the rest: 'By his account, X said C')
    return holder, rest


def _adjective(adj: Token) -> tuple[Token, Token] | None:
    """(holder, clause) of 'many Democrats are afraid that C': the adjective the complement of a verb whose
    subject holds the belief; no negation ('is not sure that C' holds nothing)."""
    comp = _that_clause(adj, ("ccomp", "advcl"), bare=True)
    if adj.dep_ != "acomp" or comp is None or any(c.dep_ == "neg" for c in (*adj.head.children, *adj.children)):
        return None
    holder = next((c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < adj.i), None)
    return (holder, comp) if holder is not None else None


def _made(adj: Token) -> tuple[Token, Token] | None:
    """(holder, clause) of 'the union made it clear that C' / 'made plain C' / 'making it clear that C': the clause
    after the adjective (the parser hangs it on the adjective or on 'make'), the subject of 'make' (or of the
    clause a participle 'making' hangs on) its holder; no negation ('did not make clear whether C')."""
    make = adj.head
    if adj.dep_ not in ("ccomp", "oprd", "acomp", "xcomp", "dobj") or any(c.dep_ == "neg" for c in make.children) or \
            unasserted(make):
        return None  # ('failed to make clear that C': nothing made clear)
    comp = _that_clause(adj, ("ccomp", "advcl"), bare=True) or _that_clause(make, ("ccomp", "advcl"), bare=True)
    if comp is None or comp.i < adj.i or any(c.dep_ == "nsubj" and c.lower_ == "that" and c.i == adj.i + 1
                                             for c in comp.children):
        return None  # ('made clear that cuts to C left D': the marker misread as the subject of a noun made a verb)
    holder = governing_subject(make)
    return (holder, comp) if holder is not None and holder.i < adj.i else None
