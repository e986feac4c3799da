"""Who says what a cue says when the parse gives the cue no subject of its own: a participle or infinitive cue
('..., saying C', 'continued to call for C', 'stopped short of calling C') speaks for the subject of the clause it
hangs on; an object-control verb's object for its infinitive ('forced Ostvik to admit that C'); the object a
participle is predicated of ('has left its welders feeling that C'); the first verb's subject for a coordinated cue.

Pure parse-tree reading; claims.py resolves speakers and makes the claims.
"""
from __future__ import annotations

from spacy.tokens import Token

from crosscheck.analyze.claim_index import (CITE_VERBS, CLAUSE_PREPOSITIONS, CONTINUING, CUE_CLASS, DEPICTIONS,
                                             OBJECT_PREPS, ORG_KINDS, PARTICIPLE_OBJECTS, SOURCE_NOUNS, TITLE_HEADS)
from crosscheck.analyze.claim_state import SPEAKERS_ONLY
from crosscheck.analyze.claim_text import cannot_speak, speakers_act

SUBJECTS = ("nsubj", "nsubjpass")
RELATIVE = frozenset({"who", "whom", "which", "that"})
_SUBJECTLESS = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "acl"})
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "pcomp"})  # a subjectless cue hanging on another clause


def conjunct_subject(cue: Token) -> Token | None:
    """The subject a subjectless coordinated cue shares: the first verb's ('X told a rally, and said C'); but for a
    verb of saying coordinated with the content clause of a reporting verb, whose subject cannot speak, the
    reporting verb's ('X said the closure was a disaster and urged the government to step in': X urged;
    claim_text.speakers_act)."""
    subj = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    outer = cue.head.head
    if cue.head.dep_ == "ccomp" and outer.lemma_ in SPEAKERS_ONLY and \
            speakers_act(cue, subj, SPEAKERS_ONLY, SOURCE_NOUNS):
        return next((c for c in outer.children if c.dep_ == "nsubj"), subj)
    return subj


def governing_subject(cue: Token) -> Token | None:
    """The subject of ``cue``, or for a subjectless participle or infinitive the subject of the clause
    it hangs on ('the judge rejected the request, saying C' -> 'the judge'; 'Trump stopped short of
    calling C' -> 'Trump'); the object a 'for'/'of' gerund is said of ('X criticized Y for saying C', 'accused
    Y of claiming C' -> Y, a name or a pronoun); None past a clause with its own marker ('after', 'because')."""
    if cue.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children) and \
            not continues(cue.head):
        return None  # a purpose ('will meet next week to discuss the budget'): an event, no one's content
    if cue.dep_ == "advcl" and cue.tag_ in ("VBP", "VBZ") and first_subject(cue) is None:
        return subject_read_as_object(cue)  # a finite verb has a subject of its own, never its clause's
    tok = cue
    for _ in range(4):
        subj = first_subject(tok)
        if subj is not None:
            return _speaking_subject(cue, tok, subj) if tok is not cue else subj
        shared = conjunct_subject(tok) if tok.dep_ == "conj" and tok.head.i != tok.i else None
        if shared is not None:  # 'X said the offer was an insult and called on members to C': X
            return shared
        if tok.dep_ == "prep" and tok.lower_ in ("for", "of") and tok.i > tok.head.i:
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None and _someone(obj):
                return obj
        held = object_participle(tok) if tok is cue else None
        if held is not None:  # 'has left its welders feeling that C': the welders feel
            return held
        if noun_infinitive(tok):  # 'missed no chance to remind voters that C', 'used the occasion to say C'
            tok = tok.head.head
            continue
        controller = object_controller(tok)
        if controller is not None:  # 'forced Ostvik to admit that C': Ostvik admits
            return controller
        if tok.dep_ not in _SUBJECTLESS or tok.head.i == tok.i or any(c.dep_ == "mark" for c in tok.children):
            return None
        if tok.dep_ == "conj" and tok.head.dep_ in SUBJECTS:
            return None
        tok = tok.head
    return None


def subject_read_as_object(cue: Token) -> Token | None:
    """The noun phrase right before a finite verb the parser left without a subject, made the object of a
    conjunction it read as a preposition ('as Halden, Brandt and the unions oppose C': those three), or a
    name the parser ran into the phrase before it ('during a visit to the newsroom of the Valdor Times Ruiz said C':
    'Ruiz', read as the last word of 'the Valdor Times Ruiz')."""
    last = cue.doc[cue.i - 1] if cue.i > 0 else None
    if last is None or last.pos_ not in ("NOUN", "PROPN", "PRON") or cue.tag_ not in ("VBD", "VBP", "VBZ") or \
            first_subject(cue) is not None:
        return None
    if last.pos_ == "PROPN" and last.dep_ == "pobj" and last.head.i < last.i and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in last.children):
        return last
    while last.dep_ == "conj" and last.head.i < last.i:
        last = last.head
    return last if last.dep_ == "pobj" and last.head.lower_ in CLAUSE_PREPOSITIONS else None


def inverted_aside(cue: Token) -> tuple[Token, set[int]] | None:
    """(speaker, the aside's token ids: commas, cue and speaker) of an inverted aside of saying set off by commas
    inside the sentence it credits ('The levy, said Ruiz, would be scrapped'), which the parser reads with the words
    before it as the cue's subject and the speaker as its object, a second subject or the subject of the clause
    after it."""
    doc = cue.doc
    subj = first_subject(cue)
    if subj is None or cue.i < 2 or doc[cue.i - 1].text != "," or subj.i >= cue.i - 1 or \
            subj.right_edge.i not in (cue.i - 2, cue.i - 1):
        return None
    named = next((c for c in cue.children if c.dep_ in ("dobj", *SUBJECTS) and c.left_edge.i == cue.i + 1), None)
    if named is None:
        comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
        named = next((c for c in comp.children if c.dep_ in SUBJECTS and c.left_edge.i == cue.i + 1), None) \
            if comp is not None else None
    if named is None or not _someone(named) or named.pos_ == "PRON":
        return None
    close = named.right_edge.i + (doc[named.right_edge.i].text != ",")  # (the parser hangs the comma either way)
    if close >= len(doc) - 1 or doc[close].text != ",":
        return None
    return named, {cue.i - 1, cue.i, close} | {t.i for t in named.subtree}


def _someone(obj: Token) -> bool:
    """An object that can be the one a 'for'/'of' gerund is said of: a name (also one the parser gave no entity
    type: 'mocked Ruiz for claiming C'), a personal pronoun, a source, organisation or title noun ('blasted the
    mayor for saying C'); not a thing used ('used the platform for announcing C')."""
    return (obj.ent_type_ in ("PERSON", "ORG", "NORP") or obj.pos_ == "PROPN" and not obj.ent_type_
            or obj.lower_ in ("him", "her", "them", "me", "us", "you")
            or obj.pos_ == "NOUN" and (obj.lemma_.lower() in SOURCE_NOUNS or obj.lemma_.lower() in ORG_KINDS
                                       or obj.lower_ in TITLE_HEADS))


def _speaking_subject(cue: Token, clause: Token, subj: Token) -> Token:
    """The subject of the clause a participle of saying hangs on, or, when that clause is the content of a reporting
    verb before it and its subject cannot speak, the reporting verb's ('analysts said fuel costs have hurt the
    ferries, citing the winter': the analysts cite; claim_text.speakers_act)."""
    outer = clause.head
    if clause.dep_ == "ccomp" and outer.i < clause.i and outer.lemma_ in SPEAKERS_ONLY and (
            cue.lemma_ in SPEAKERS_ONLY or cue.lemma_ in CITE_VERBS) and cannot_speak(subj, SOURCE_NOUNS):
        return next((c for c in outer.children if c.dep_ == "nsubj"), subj)
    return subj


def continues(verb: Token) -> bool:
    """'went on' in 'the mayor went on to say that C': a verb and particle whose to-infinitive is the subject's next act
    (CONTINUING), not a purpose."""
    prts = CONTINUING.get(verb.lemma_)
    return prts is not None and any(c.dep_ == "prt" and c.lower_ in prts for c in verb.children)


def object_controller(tok: Token) -> Token | None:
    """The object of the verb a to-infinitive hangs on, who does what the infinitive says ('forced Ostvik to admit
    that C', 'pressed her to say C', 'forced the minister to admit C': object control), a name, a noun or a pronoun;
    also the object of the preposition a verb asks through ('called on Ostvik to withdraw his remark that C':
    OBJECT_PREPS, the infinitive parsed as a complement or as a clause of purpose)."""
    if tok.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    verb = tok.head
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i), None) if tok.dep_ == "xcomp" else None
    if obj is None:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS.get(verb.lemma_, ())
                     and verb.i < c.i < tok.i), None)
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.lower_ in ("it", "this", "that"):
        return None
    return obj if obj.pos_ in ("PROPN", "PRON", "NOUN") else None


def object_participle(tok: Token) -> Token | None:
    """The object a participle is predicated of after a verb of leaving, keeping, finding or perceiving ('has left its
    welders feeling that C', 'had the crowd chanting that C', 'caught the mayor saying C': PARTICIPLE_OBJECTS), parsed
    as the verb's complement or as the object's modifier; the person shown in a depiction ('footage of Ruiz asking,
    "Q"': DEPICTIONS) with any verb."""
    if tok.tag_ != "VBG" or any(c.dep_ == "aux" for c in tok.children):
        return None
    if tok.dep_ in ("xcomp", "advcl"):  # (a clause of manner only right after the object: not 'left the hall, saying C')
        verb = tok.head
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if tok.dep_ == "advcl" and obj is not None and obj.right_edge.i + 1 != tok.i:
            return None
    elif tok.dep_ == "acl" and tok.head.dep_ == "dobj":
        verb, obj = tok.head.head, tok.head
    else:
        return None
    if obj is None or obj.lower_ in ("it", "this", "that"):
        return None
    if obj.lemma_.lower() in DEPICTIONS:
        prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        shown = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        return shown if shown is not None and shown.pos_ in ("PROPN", "PRON", "NOUN") else None
    if verb.lemma_ not in PARTICIPLE_OBJECTS or obj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None  # (a thing shows and stresses, 'kept charts up showing C', but feels and believes nothing)
    return obj if _someone(obj) or CUE_CLASS.get(tok.lemma_) in ("belief", "knowledge", "intention") else None


def participle_as_subject(cue: Token) -> tuple[Token, list[Token]] | None:
    """(speaker, content) of 'Claiming the criticism is designed to pressure them, X told Fox that D': a participle
    of saying opening the sentence that the parser made the subject of its own content's verb ('Claiming the
    criticism' the subject of 'is designed'); the speaker is the sentence's subject."""
    verb = cue.head
    if cue.dep_ not in ("csubj", "csubjpass") or cue.tag_ != "VBG" or cue.i != cue.sent.start or verb.i == verb.head.i:
        return None
    subj = first_subject(cue.sent.root)
    if subj is None or subj.i < verb.i:
        return None
    return subj, [t for t in verb.subtree if t.i > cue.i and not (t.is_punct and t.i == verb.right_edge.i)]


def noun_infinitive(tok: Token) -> bool:
    """``tok`` is a to-infinitive or a participle on the object of a verb ('missed no opportunity to remind voters
    that C', 'issued a statement saying that C'): its subject is the verb's."""
    verb = tok.head.head
    return tok.dep_ == "acl" and tok.head.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and (
        tok.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)) and any(
        c.dep_ == "nsubj" for c in verb.children)  # (its own subject: not 'arrested a man carrying a sign saying C')


def first_subject(tok: Token) -> Token | None:
    """The first subject of ``tok``, one of its own before a relative pronoun: 'the runoff, which official results show
    he lost' (the parse gave 'show' both 'which' and 'results': the results speak); of a past-tense verb the parser
    made a noun's modifier in a sentence it rooted on a noun, that root ('Ruiz called Friday for C' read as 'Ruiz,
    called Friday')."""
    root = tok.sent.root
    if tok.dep_ == "acl" and tok.tag_ == "VBD" and root.pos_ in ("NOUN", "PROPN") and root.i < tok.i:
        return root  # 'Ruiz called Friday for C': a finite verb the parser hung in a sentence rooted on a noun
    return min((c for c in tok.children if c.dep_ in SUBJECTS), default=None,
               key=lambda c: (c.lower_ in RELATIVE, c.i))
