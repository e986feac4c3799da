"""Who speaks in a report: the claim finder's reading state (claims so far, the last speaker, the last
named subject, named holders of roles) and the resolution of a cue's subject to an entity: names,
titles, pronouns (he/she -> the last speaker or subject), definite roles ('the ministry' -> the Health
Ministry named before, unless two were named together), media ('the publication' -> the outlet last
cited). Used by claims.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from crosscheck.analyze.claim_index import (AGENT_SUFFIXES, CUE_CLASS, DISJUNCTIONS, EVIDENTIAL, OBJECT_PREPS, ORG_KINDS,
                                            SOURCE_NOUNS, TITLE_ABBREVIATIONS, Index, named_before, noun_phrase)
from crosscheck.analyze.claim_text import (MIN_FULL_CLAUSE_WORDS, cannot_speak, full_clause, hedges_of, is_negated,
                                           render, small_clause, split_clauses, subject_of, whole_words)
from crosscheck.analyze.entities import TITLE_HEADS, LocalEntities, doc_text
from crosscheck.config import Settings
from crosscheck.model import Claim, Mention

_WORD = re.compile(r"\w+")
MEDIA = frozenset("publication outlet newspaper paper agency media website site channel broadcaster magazine daily tabloid".split())
# compounds that keep a media word the outlet's ('the news agency', 'the state news agency'); others make it
# another body ('the civil protection agency', 'the space agency')
MEDIA_COMPOUNDS = frozenset("news wire press state".split())
WRITINGS = frozenset("report article story".split())  # 'according to the report': the organisation last cited's
PRONOUNS = {"he": "PERSON", "she": "PERSON", "they": None, "it": None, "his": "PERSON", "her": "PERSON", "their": None}  # 'his claim that C'
FIRST_PERSON = frozenset({"i", "we"})
SPEECH = frozenset(lemma for lemma, cls in CUE_CLASS.items() if cls == "speech")
# verbs of saying only a speaker does ('warned', 'vowed'), not a town or a poll; and the verbs whose object after a
# preposition is what is said ('called on X to C', 'pointed to C': attribution_cues_en 'object_preps')
SPEAKERS_ONLY = SPEECH - EVIDENTIAL | frozenset(OBJECT_PREPS)
SECOND_PERSON = frozenset({"you", "ya"})


@dataclass
class Speaker:
    key: str | None
    text: str | None
    sent: int  # sentence index where last seen


@dataclass
class State:
    ents: LocalEntities
    sdoc: Doc
    index: Index | None = None
    settings: Settings = field(default_factory=Settings)
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    last: Speaker | None = None  # last speaker with a resolved entity
    si: int = 0  # index of the sentence being read
    subject: Speaker | None = None  # last named person heading a main clause ('Senator X criticised ...')
    pending: list = field(default_factory=list)  # unclosed quote paragraphs waiting for their speaker
    roles: dict[str, list[tuple[int, str]]] | None = None  # role word -> (token, entity key) of named holders
    used: set[int] = field(default_factory=set)  # token ids of the claims so far (and of their cues)
    quoted: Speaker | None = None  # who the last quote was credited to, resolved or not ('"C1," he said.')
    outlet: str | None = None  # the report's outlet: the voice of its writer ('I know that C' in an opinion piece)
    quotes: list = field(default_factory=list)  # (start, end, open) character spans inside quote marks (quote_regions)
    quote_cue: int = -1  # the token of the verb that credited the last quote read ('replied' in 'X said C, and Y replied, "Q"')
    writer: bool = False  # the piece's writer has spoken in the first person ('I know that C'): an opinion piece

    def holder(self, head: Token) -> str | None:
        """The entity last named with the role word ``head`` before it ('the ministry' after 'the Health
        Ministry', 'the minister' after 'Health Minister Ana Ruiz' or 'Ana Ruiz, the health minister')."""
        if self.roles is None:
            self.roles = {}
            by_token = self.ents.by_token
            for t in self.sdoc:
                if t.pos_ not in ("NOUN", "PROPN"):
                    continue
                key = by_token.get(t.i)
                if key is None and t.dep_ in ("compound", "appos"):
                    key = by_token.get(t.head.i)
                if key is not None:  # ('Sen. Ana Ruiz': the senator)
                    self.roles.setdefault(TITLE_ABBREVIATIONS.get(t.lower_, t.lower_), []).append((t.i, key))
        before = [(i, k) for i, k in self.roles.get(head.lower_, ()) if i < head.i]
        if not before:
            return None
        i, key = before[-1]
        sent = self.sdoc[i].sent
        if any(k != key and j >= sent.start for j, k in before):
            return None  # two holders named together ('the Interior and the Health Ministry'): which one?
        return key

    def add(self, tokens, sents: list[Span], speaker: str | None, speaker_text: str | None, cue: str | None,
            kind: str, chain: tuple[str, ...] = (), extra_hedges: tuple[str, ...] = (), split: bool = True,
            min_words: int | None = None, speaks: bool = True, via: tuple[str, ...] = (), negated: bool = False) -> None:
        """Add the claim(s) of at least ``min_words`` words (default: four, three for a whole clause);
        ``speaks``: the speaker becomes the last speaker (a later 'he', a quote with no cue); a noun-phrase
        content's holder does not; ``negated``: the cue is ('did not want to stay')."""
        tokens = whole_words(tokens)
        parts = split_clauses(tokens, SPEAKERS_ONLY, SOURCE_NOUNS, DISJUNCTIONS) if split else [tokens]
        self.used.update(t.i for t in tokens)
        for part in parts:
            least = min_words if min_words is not None else \
                MIN_FULL_CLAUSE_WORDS if full_clause(part) or small_clause(part) else 4
            text = render(part, least)
            if text is None:
                continue
            hedges = tuple(dict.fromkeys(hedges_of(part) + extra_hedges))
            if any(c.text == text and c.start == sents[0].start_char and (c.speaker or c.speaker_text) == (speaker or speaker_text)
                   for c in self.claims[-3:]):
                continue  # 'X said he expects C': the belief is the same words, same speaker
            self.claims.append(Claim(
                key=f"c{len(self.claims) + 1}", text=text, start=sents[0].start_char,
                end=sents[-1].end_char, speaker=speaker, speaker_text=speaker_text, cue=cue, kind=kind,
                hedges=hedges, chain=chain, negated=negated or is_negated(part), subject=subject_of(part), via=via))
        if speaker is not None and speaks:
            self.last = Speaker(speaker, speaker_text, self.si)

    def extend(self, tokens, sents: list[Span], speaker: str | None, speaker_text: str | None, since: int) -> bool:
        """Add the tokens to the speaker's last quote when it ends at or after ``since`` ('"C1," X said.
        "C2."': one quote interrupted by its cue); False when there is no such quote. Claims the cue's own
        sentence added after the quote are passed over ('"C1," X said, stressing C2. "C3."')."""
        text = render(tokens)
        j = len(self.claims) - 1
        while j > 0 and not self._goes_on(self.claims[j], speaker, speaker_text) and self.claims[j - 1].start >= since:
            j -= 1
        if text is None or j < 0 or self.claims[j].end < since or not self._goes_on(self.claims[j], speaker, speaker_text):
            return False
        prev = self.claims[j]
        # a quote split into its clauses goes on as one claim: the clauses join again ('"C1, but C2," X said. "C3."')
        while (j > 0 and prev.kind == "quote" and (c := self.claims[j - 1]).kind == "quote" and c.start == prev.start
               and (c.speaker, c.speaker_text) == (prev.speaker, prev.speaker_text)):
            del self.claims[j]
            j -= 1
            prev = replace(c, text=f"{c.text} {prev.text}", hedges=tuple(dict.fromkeys(c.hedges + prev.hedges)), negated=c.negated or prev.negated)
        hedges = tuple(dict.fromkeys(prev.hedges + hedges_of(tokens)))
        self.claims[j] = replace(prev, text=f"{prev.text} {text}", end=sents[-1].end_char, hedges=hedges)
        return True

    def _goes_on(self, claim: Claim, speaker: str | None, speaker_text: str | None) -> bool:
        """The claim is one the speaker's next quoted sentence may go on with: a quote of theirs, or their
        reported words opening the sentence ('C, X said.')."""
        return (claim.speaker, claim.speaker_text) == (speaker, speaker_text) and (
            claim.kind == "quote" or claim.kind == "reported" and self.opens_sentence(claim))

    def opens_sentence(self, claim: Claim) -> bool:
        """The claim's words open its sentence: 'C, X said.' (the cue after the content)."""
        first = _WORD.search(claim.text)
        head = _WORD.search(doc_text(self.sdoc)[claim.start : claim.end])
        return first is not None and head is not None and first.group().lower() == head.group().lower()

    def recent(self, within: int, type_: str | None = None) -> Speaker | None:
        """The last resolved speaker if seen at most ``within`` sentences ago (and of that type)."""
        if self.last is None or self.si - self.last.sent > within:
            return None
        ent = self.ents.entity(self.last.key)
        if ent is None or (type_ is not None and ent.type != type_):
            return None
        return self.last


def subject_or_shared(cue: Token) -> Token | None:
    """The cue's subject, or a conjunct cue's shared one ('X laughed and said, "Q"': X)."""
    subj = subject(cue)
    if subj is None and cue.dep_ == "conj":
        subj = _adverbial_subject(cue) or next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    return subj


def speaker_of(st: State, cue: Token) -> tuple[str | None, str | None]:
    subj = subject_or_shared(cue)
    if subj is None:
        return None, None
    if subj.dep_ == "nsubjpass" and not has_contracted(cue, subj):  # 'it was reported by X'
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if pobj is None:
            return None, None
        subj = pobj
    return resolve(st, subj)


def has_contracted(cue: Token, subj: Token) -> bool:
    """'He's said he gets his ideas from a novel': the parser reads the contracted 'has' as the passive 'is'; a verb
    with a clause or an object of its own after it is active, its subject the speaker (not 'it's said that C', nor
    'he's said to be furious', a passive)."""
    return subj.lower_ not in ("it", "this", "that", "there") and any(
        c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s") for c in cue.children) and any(
        c.dep_ in ("ccomp", "dobj") and c.i > cue.i for c in cue.children)


def _adverbial_subject(cue: Token) -> Token | None:
    """'Shares closed down 11%, a day after the company reported weak revenue and said it would cut jobs': the parser
    made 'said' a conjunct of the main verb; the adverbial clause ending right before 'and' (hung on that verb) has
    its own subject, which the cue shares."""
    doc = cue.doc
    if cue.i < 2 or doc[cue.i - 1].dep_ != "cc":
        return None
    verb = next((t for t in doc[cue.i - 2].ancestors if t.dep_ == "advcl" and t.head.i == cue.head.i), None)
    if verb is None or doc[cue.i - 2].i > verb.right_edge.i:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")), None)


def subject(cue: Token, skip=None) -> Token | None:
    """The cue's subject; of two, the nearer ('The terminal, Director Maren said, ...', the parser
    hanging the content's subject on the cue too); none for which ``skip(token)`` is true."""
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and not (skip and skip(c))]
    if len(subjects) > 1 and all(c.i < cue.i for c in subjects):
        return subjects[-1]
    if subjects:
        return _named_after_comma(subjects[0], cue) or subjects[0]
    return _stranded_subject(cue) or next((c for c in cue.children if named_before(c)), None)


def _named_after_comma(subj: Token, cue: Token) -> Token | None:
    """'To see the old harbour, Chief Inspector Brandt said, one should C': the parser made the fronted
    phrase's noun the subject and the name after its comma, right before the cue, its apposition; the name speaks."""
    return next((a for a in subj.children if a.dep_ == "appos" and a.i > subj.i and a.right_edge.i == cue.i - 1
                 and a.left_edge.i > 0 and a.doc[a.left_edge.i - 1].text == ","), None)


def _stranded_subject(cue: Token) -> Token | None:
    """'In a post on Telegram, the regional governor Ivan Petrov said C': the parser hung the subject on the opening
    phrase as an apposition ('governor' of 'Telegram'); the noun phrase after the phrase's comma, ending right
    before the cue, is the subject."""
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.i < cue.i):
        for t in prep.subtree:
            if t.dep_ == "appos" and t.right_edge.i == cue.i - 1 and t.left_edge.i > 0 \
                    and t.doc[t.left_edge.i - 1].text == ",":
                return t
    return None


def _subject_before(st: State, pron: Token) -> Speaker | None:
    """The named person who is the subject of a clause earlier in the pronoun's own sentence, or the named owner
    of a subject that is a thing ('Ostvik's speech took him to the hall, where he said C': no thing says anything)."""
    for t in reversed(st.sdoc[pron.sent.start : pron.i]):
        if t.pos_ == "PROPN" and (t.dep_ in ("nsubj", "nsubjpass") or t.dep_ == "poss" and _a_things_owner(t)):
            key = st.ents.by_token.get(t.i)
            ent = st.ents.entity(key)
            if ent is not None and ent.type == "PERSON":
                return Speaker(key, noun_phrase(t), st.si)
    return None


def _a_things_owner(poss: Token) -> bool:
    """``poss`` owns a subject that names no one ('Ostvik's speech', not 'Ostvik's aide' or 'Ruiz's lawyer')."""
    thing = poss.head
    return thing.dep_ in ("nsubj", "nsubjpass") and thing.pos_ == "NOUN" and cannot_speak(thing, SOURCE_NOUNS) and \
        thing.lemma_.lower() not in ORG_KINDS and thing.lower_ not in TITLE_HEADS and \
        not thing.lower_.endswith(AGENT_SUFFIXES)


def _plural_subject_before(st: State, pron: Token, previous: bool = False) -> Speaker | None:
    """The plural noun that is the subject of a clause earlier in the pronoun's own sentence ('Residents said
    they ...', 'The unions warned that their members ...'): its entity when it names one, else its words.
    ``previous``: the plural subject of the sentence before's main verb instead ('Prosecutors had sought five
    years. They said C.')."""
    if previous:
        if pron.sent.start == 0:
            return None
        before = st.sdoc[pron.sent.start - 1].sent
        tokens = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    else:  # (not a subject inside the clause the pronoun's own verb governs: 'Some 2,000 people were evacuated, they
        # said': the people are what was said, not who said it)
        tokens = [t for t in reversed(st.sdoc[pron.sent.start : pron.i])
                  if not (t.head.i != pron.head.i and pron.head.is_ancestor(t))]
    for t in tokens:
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS"):
            return Speaker(st.ents.by_token.get(t.i), noun_phrase(t), st.si)
    return None


def object_read_as_subject(cue: Token) -> Token | None:
    """'C after a cyberattack crippled the group's computer systems, a spokesman for the authority said': the parser
    made the last object of the clause before the cue the cue's subject, and the speaker its apposition. That
    apposition, when the clause said comes before the cue and the subject runs on from it with no break."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i), None)
    if subj is None or comp is None or subj.i < comp.i:
        return None
    appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
    doc, left = cue.doc, subj.left_edge.i
    if appos is None or appos.right_edge.i != cue.i - 1 or left == 0 or doc[left - 1].is_punct or \
            doc[appos.left_edge.i - 1].text != ",":
        return None
    return appos


def relative_antecedent(head: Token) -> Token | None:
    """The noun a relative 'who'/'which'/'that' subject stands for ('the mayor, who said C' -> 'mayor')."""
    if head.lower_ not in ("who", "which", "that") or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = head.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return None


def pronoun_phrase(head: Token) -> str:
    """A pronoun source with the words that say who it stands for ('some in the union', 'those surveyed',
    'many of the delegates'); a bare pronoun alone."""
    if head.lower_ in PRONOUNS or not any(c.dep_ in ("prep", "acl", "amod") for c in head.children):
        return head.text
    keep = [t for c in head.children if c.dep_ in ("prep", "acl", "amod", "advmod", "det", "predet", "nummod", "quantmod") for t in c.subtree]
    ids = sorted({head.i, *(t.i for t in keep)})
    return " ".join(head.doc[ids[0] : ids[-1] + 1].text.split()).strip(" ,;:")


def _organisation_named_before(st: State, pron: Token) -> Speaker | None:
    """The one organisation named before ``pron`` in its sentence (none if two are)."""
    found = {st.ents.by_token[t.i]: t for t in st.sdoc[pron.sent.start : pron.i] if t.i in st.ents.by_token
             and (ent := st.ents.entity(st.ents.by_token[t.i])) is not None and ent.type == "ORG"}
    if len(found) != 1:
        return None
    key, tok = found.popitem()
    return Speaker(key, name_text(st, tok), st.si)  # (the name as written, the last one)


def name_text(st: State, tok: Token) -> str:
    """The words of the name ``tok`` ends, as written ('Norvik Ferries AS'; not the phrase the parse hangs it in)."""
    key, start = st.ents.by_token.get(tok.i), tok.i
    while start > tok.sent.start and key is not None and st.ents.by_token.get(start - 1) == key:
        start -= 1
    return st.sdoc[start : tok.i + 1].text


def _organisation_before(st: State, head: Token) -> str | None:
    """The organisation that is the subject of a clause before ``head`` in its sentence ('Helvik will pay $2.1 billion
    for Nordnet, the telecoms group said': Helvik), else the one named last before it there or in the sentence
    before."""
    sent = head.sent
    for i in range(head.i - 1, sent.start - 1, -1):
        key = st.ents.by_token.get(i)
        ent = st.ents.entity(key) if key is not None else None
        if ent is not None and ent.type == "ORG" and st.sdoc[i].dep_ in ("nsubj", "nsubjpass"):
            return key
    start = st.sdoc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for i in range(head.i - 1, start - 1, -1):
        key = st.ents.by_token.get(i)
        ent = st.ents.entity(key) if key is not None else None
        if ent is not None and ent.type == "ORG":
            return key
    return None


def resolve(st: State, head: Token, mention: bool = True) -> tuple[str | None, str | None]:
    """(entity key, how the report names it) for the noun phrase headed by ``head``; a pronoun resolved
    to an entity is recorded as its mention unless ``mention`` is False."""
    ents = st.ents
    low = head.lower_
    antecedent = relative_antecedent(head)
    if antecedent is not None:  # 'Ana Ruiz, who said C': the noun the relative word stands for
        return resolve(st, antecedent, mention)
    if head.pos_ == "PRON":
        last = st.recent(st.settings.claim_speaker_window, PRONOUNS.get(low)) if low in PRONOUNS else None
        subject = st.subject if low in ("he", "she", "his", "her") and st.subject and st.si - st.subject.sent <= 2 else None
        if subject is not None and (last is None or subject.sent > last.sent):
            last = subject
        if low in ("he", "she", "his", "her"):  # 'Lind called the plan a gamble, but she noted that C': the person heading a clause before it
            last = _subject_before(st, head) or last
        elif low in ("it", "its"):  # 'Norvik Ferries AS lost riders after it raised fares': the company
            last = _organisation_named_before(st, head) or last
        elif low in ("they", "their"):
            plural = _plural_subject_before(st, head)  # 'Residents said they had asked ...': the residents
            if plural is not None:
                if mention and plural.key is not None:
                    st.mentions.append(Mention(head.idx, head.idx + len(head.text), head.text, "PRON", plural.key))
                return plural.key, plural.text
            ent = st.ents.entity(last.key) if last is not None else None
            if ent is not None and ent.type == "PERSON":
                last = None  # one named person is not 'they'
            if last is None or last.sent < st.si - 1:  # 'Prosecutors had sought five years. They said C.'
                plural = _plural_subject_before(st, head, previous=True)
                if plural is not None:
                    if mention and plural.key is not None:
                        st.mentions.append(Mention(head.idx, head.idx + len(head.text), head.text, "PRON", plural.key))
                    return plural.key, plural.text
        if last is not None:
            if mention:
                st.mentions.append(Mention(head.idx, head.idx + len(head.text), head.text, "PRON", last.key))
            return last.key, last.text
        if low in FIRST_PERSON or low in SECOND_PERSON:  # 'you know that C' is speech, not a speaker
            return None, None
        return None, pronoun_phrase(head)
    if any(ch.isdigit() for ch in head.text) and not any(c.dep_ == "prep" for c in head.children):
        return None, None  # '40,000 say police': a figure is no source (the parser made it the subject); 'one of them' is
    text = noun_phrase(head)
    key = ents.by_token.get(head.i)
    if key is None:
        for child in head.children:
            if child.dep_ == "appos" and child.i in ents.by_token:
                key = ents.by_token[child.i]
                break
    if key is None:
        compounds = [c for c in head.children if c.dep_ in ("compound", "poss") and c.i in ents.by_token]
        if compounds and head.pos_ == "PROPN":
            key = ents.by_token[compounds[-1].i]
    definite = any(c.lower_ in ("the", "this", "that") and c.dep_ == "det" for c in head.children)
    if key is None and definite and head.pos_ == "NOUN" and head.tag_ == "NN" and low not in MEDIA:
        key = st.holder(head)  # a role named earlier with its holder
        if key is None and low in ORG_KINDS:
            key = _organisation_before(st, head)  # 'Norvik Motors will cut 6,000 jobs, the carmaker said'
    if key is None and low in MEDIA and any(c.lower_ == "the" for c in head.children) and \
            all(c.lower_ in MEDIA_COMPOUNDS for c in head.children if c.dep_ == "compound"):
        last = st.recent(st.settings.claim_speaker_window)  # 'the publication' -> the outlet last cited (NER may call it anything)
        ent = ents.entity(last.key) if last is not None else None
        if ent is not None and ent.type not in ("GPE", "LOC", "NORP"):
            key = last.key
    if key is None and low in WRITINGS and any(c.lower_ == "the" for c in head.children):
        last = st.recent(st.settings.claim_speaker_window)  # 'the Valdor Times reported C ... according to the report'
        ent = ents.entity(last.key) if last is not None else None
        if ent is not None and ent.type == "ORG":
            key = last.key
    return key, text
