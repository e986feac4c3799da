"""Attributions whose content is not a clause: the object of a verb of saying, thinking or judging.

'Trump attacked Machado', 'the Security Council condemned the launch', 'she called the behaviour
"outrageous"', 'the group called for his dismissal', 'aides acknowledged a close relationship': the
source is the verb's subject, the content its object with what completes it ('as a disgrace', 'for not
releasing his returns'). The PolNeAR guidelines (Newell, Margolin & Ruths, LREC 2018) annotate these
as attributions (the content may be a noun phrase: an assertion, a belief or an eventuality the source
stands for). The claim's text is the content alone ('Wells Fargo's behaviour "outrageous"'), its speaker
and cue are its own fields, as for a reported clause; a content of one word is read with its verb of judging ('endorsed Trump'), any other content under two words is no claim. Also here: the
content of a reported clause (with what a parse cuts off it) and of a relative clause of saying. The speaker of a cue
with no subject of its own is claim_subjects.py's.

Pure parse-tree reading; claims.py resolves speakers and makes the claims.
"""
from __future__ import annotations

from collections.abc import Container, Mapping

from spacy.tokens import Token

from crosscheck.analyze.claim_index import CITE_VERBS, NAMING, NOT_OBJECT, OBJECT_IDIOMS, OBJECT_PREPS, SEEING_AS, SOURCE_NOUNS
from crosscheck.analyze.claim_labels import OPENING_QUOTES
from crosscheck.analyze.claim_subjects import RELATIVE, SUBJECTS, first_subject
from crosscheck.analyze.quote_marks import MARK_TOKENS, names_a_title

# prepositions completing a cue's object ('described X as Y', 'blamed X for Y / on Y', 'accused X of Y')
_COMPLETING_PREPS = frozenset({"as", "for", "of", "on", "to"})
_NAME_PREPS = frozenset({"about", "at", "for", "of", "on", "to", "with"})  # 'a master at', not 'a disgrace in a speech'
_PRONOUN_COMPLETING = frozenset({"as", "for"})  # 'praised him for C'; not 'criticized it on Capitol Hill'
_PRONOUN_OBJECTS = frozenset({"it", "this", "that", "them", "so", "him", "her", "something", "anything", "nothing"})
# how far up the tree a subjectless participle or infinitive looks for its subject


def object_content(cue: Token) -> set[int] | None:
    """Token ids of the object of ``cue`` and the phrases completing it ('the incident as a terrible
    situation', 'Romney for not releasing his returns'), or of the phrase of a prepositional cue ('called
    for his dismissal'); None when there is none, or it is a bare pronoun nothing completes ('they defended it')."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and cue.lemma_ not in NOT_OBJECT), None)
    if cue.lemma_ in OBJECT_IDIOMS:  # 'took issue with C': the idiom's preposition, nothing else ('took the ferry')
        return _idiom_object(cue, obj)
    if obj is None and cue.lemma_ in NAMING:
        named = _relative_naming(cue)
        if named is not None:
            return named
    if obj is not None and cue.doc[obj.left_edge.i - 1].text == "," and any(
            c.dep_ == "prep" and cue.i < c.i < obj.i for c in cue.children):
        obj = None  # 'pointed to X's decision as an example, a key factor in C': an apposition the parser made the object
    if obj is None:
        preps = OBJECT_PREPS.get(cue.lemma_, ())
        found = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in preps and c.i > cue.i
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
        # ('called on Friday for an inquiry': a time before the content; 'warned of a long winter' is one)
        obj = next((c for c in found if not _when(c)), found[0] if found else None)
        if obj is None or any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i for c in cue.children if c.dep_ != "prep"):
            return None
        ids = {t.i for t in obj.subtree}
        ids |= {t.i for c in cue.children if c.i > obj.i and (c.dep_ == "xcomp" or c.dep_ == "advcl" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) for t in c.subtree}  # 'called on X to C'
        return None if _bare_pronoun([t for t in obj.children if t.dep_ in ("pobj", "pcomp")]) else without_asides(cue, ids)
    if names_a_title(obj):
        return None  # 'said in his 2012 book, "An American Son"': the parser's object is a title, no content
    if cue.lemma_ in CITE_VERBS and (obj.lemma_.lower() in SOURCE_NOUNS or any(
            t.ent_type_ in ("PERSON", "ORG", "NORP") for t in (obj, *(c for c in obj.children if c.dep_ == "appos")))):
        # 'citing two government officials', 'citing the rail operator EstraRail': who speaks behind the claim
        return None
    ids = completed_object(cue, obj, _COMPLETING_PREPS) | _coordinated_after(cue, obj)
    if cue.lemma_ in NAMING and ids == {t.i for t in obj.subtree} and not _named_in_quotes(obj):
        # 'Unions have called a general strike': a verb of naming with nothing to name the object by acts (not
        # 'calls Obamacare ‘crazy system’', 'branded North Korea an "outlaw nation"': the parser's one object)
        return None
    if _bare_pronoun([obj]) and cue.lemma_ not in SEEING_AS:  # 'they defended it': no content; 'called him a genius':
        # what completes it is (but 'views her as a candidate who C': how she is seen, her with it)
        ids -= {obj.i}
        first = cue.doc[min(ids)] if ids else None
        if first is not None and first.dep_ == "prep" and first.lower_ == "as":
            ids -= {first.i}  # 'described it as a disgrace': 'a disgrace'
        elif first is not None and first.dep_ == "prep" and first.lower_ not in _PRONOUN_COMPLETING:
            return None  # 'opposed it on those grounds': where or why, not what of it was said
        if not ids:
            return None
    return without_asides(cue, ids)


def _idiom_object(cue: Token, obj: Token | None) -> set[int] | None:
    """The object of the preposition an idiom's noun calls for ('took issue with the timetable', 'took a swipe at the
    board': OBJECT_IDIOMS), hung on the verb or on the noun."""
    prep = OBJECT_IDIOMS[cue.lemma_].get(obj.lemma_.lower()) if obj is not None else None
    if prep is None:
        return None
    p = next((c for c in (*cue.children, *obj.children) if c.dep_ == "prep" and c.lower_ == prep and c.i > obj.i), None)
    heads = [g for g in p.children if g.dep_ in ("pobj", "pcomp")] if p is not None else []
    if _bare_pronoun(heads):
        return None
    return {t.i for h in heads for t in h.subtree}


RELATIVES = frozenset({"which", "that", "what", "whom"})


def _relative_naming(cue: Token) -> set[int] | None:
    """What a verb of naming names in a relative clause, its object the relative word ('the levy, which Ruiz had
    called a “disaster”', 'in what Ruiz called “the worst winter in memory”'): the antecedent's own words (not for
    'what', which has none) with the name and the name's own phrase."""
    rel = next((c for c in cue.children if c.dep_ == "dobj" and c.i < cue.i and c.lower_ in RELATIVES), None)
    name = next((c for c in cue.children if c.dep_ == "oprd" and c.i > cue.i), None)
    if rel is None or name is None:
        return None
    ids = {t.i for t in name.subtree}
    nxt = cue.doc[name.right_edge.i + 1] if name.right_edge.i + 1 < len(cue.doc) else None
    for c in cue.children:  # ('called it a master at bolting deals': the name's phrase, hung on the verb)
        if c.dep_ == "prep" and nxt is not None and c.i == nxt.i and c.lower_ in _NAME_PREPS:
            ids |= {t.i for t in c.subtree}
    if cue.dep_ == "relcl" and rel.lower_ != "what":
        head = cue.head
        ids |= {t.i for t in head.subtree if t.i <= head.i and not t.is_punct}  # 'the harbour levy'
    return ids


def _coordinated_after(cue: Token, obj: Token) -> set[int]:
    """Objects the parser coordinated with the cue after its object, with the conjunction (and comma) before each: a
    noun, which cannot join a verb ('stressed harbour safety, and a plan to dredge the channel'), and after an object
    opening with a gerund a subjectless gerund ('has mentioned renovating council flats and requiring developers to
    build more homes': 'requiring' hung on 'mentioned')."""
    gerunds = cue.tag_ != "VBG" and cue.doc[obj.left_edge.i].tag_ == "VBG"
    ids: set[int] = set()
    for c in cue.children:
        if c.dep_ != "conj" or c.i <= obj.right_edge.i:
            continue
        if c.pos_ in ("NOUN", "PROPN") or gerunds and c.tag_ == "VBG" and not any(s.dep_ in SUBJECTS for s in c.children):
            ids |= {t.i for t in c.subtree}
            ids |= {b.i for b in cue.children if b.dep_ in ("cc", "punct") and obj.right_edge.i < b.i < c.i}
    return ids


_CHANGE_WORDS = frozenset({"up", "down", "higher", "lower", "above", "below"})


def _change_after(cue: Token, obj: Token) -> set[int]:
    """The change a verb's figure is told with, which the parser hangs on the verb ('reported revenue of $8.4 billion,
    up 12% from a year earlier and above analysts' estimate of $8.1 billion'): a comparison with a number in it."""
    out: set[int] = set()
    for c in cue.children:
        if c.dep_ == "advmod" and c.i > obj.i and c.lower_ in _CHANGE_WORDS and \
                any(t.like_num or t.text == "%" for t in c.subtree):
            out |= {t.i for t in c.subtree} | ({c.left_edge.i - 1} if cue.doc[c.left_edge.i - 1].text == "," else set())
    return out


_ASIDE_MARKS = frozenset({",", "\u2014", "\u2013", "--", "-"})


def without_asides(cue: Token, ids: set[int], deps=("relcl", "appos", "acl")) -> set[int]:
    """The content without what the writer adds about its nouns after a comma or a dash ('questioned the
    integrity of the vote, encouraging ...', 'cited criticism of the host, who took heat for ...', 'endorsed
    the campaign, the latest chapter in ...'): a non-restrictive relative clause, apposition or participle."""
    drop: set[int] = set()
    doc = cue.doc
    for i in ids:
        noun = doc[i]
        if noun.dep_ not in ("dobj", "pobj"):
            continue
        for c in noun.children:
            lead = c.left_edge.i - 1
            if c.dep_ in deps and c.i > noun.i and lead >= 0 and doc[lead].text in _ASIDE_MARKS:
                drop |= {t.i for t in c.subtree} | {lead}
    return (ids - drop) or ids


def completed_object(cue: Token, obj: Token, preps: frozenset[str]) -> set[int]:
    """The object's words with what completes it after it: 'called the plan a gamble', 'described it as',
    'blamed X on Y' (a preposition in ``preps`` that is not a time)."""
    ids = {t.i for t in obj.subtree}
    name_end = None  # the last word of what a verb of naming names the object ('called him a master')
    for child in cue.children:
        if child.i <= obj.i:
            continue
        if child.dep_ in ("oprd", "xcomp", "ccomp") or (child.dep_ == "prep" and child.lower_ in preps and not _when(child)) \
                or cue.lemma_ in NAMING and child.dep_ == "dobj":  # ('call them "lone wolves"': two objects parsed)
            ids |= {t.i for t in child.subtree}
            if child.dep_ in ("oprd", "dobj") and not any(t.dep_ == "appos" or t.text == "," for t in child.subtree):
                name_end = child.right_edge.i  # (not after an aside: 'a "moderate," a subtle dig at C')
        elif child.dep_ == "prep" and name_end is not None and child.i == name_end + 1 and child.lower_ in _NAME_PREPS \
                and not _when(child):
            ids |= {t.i for t in child.subtree}  # 'called him a master at bolting deals together': the name's own phrase
    if cue.lemma_ in NAMING and name_end is None:
        ids |= _quoted_name(obj)
    return ids | _change_after(cue, obj) | _standing_after(cue, obj)


_MARKS = MARK_TOKENS | {"\u2018", "\u2019"}  # (single curly marks too: 'called them ‘lone wolves’')


def _quoted_name(obj: Token) -> set[int]:
    """The quoted words right after a verb of naming's object, however the parser hung them ('call them "passing
    squalls"', read as a participle and its object): the marks and the words between them, in the sentence."""
    doc, k = obj.doc, obj.right_edge.i + 1
    if k >= len(doc) or doc[k].text not in _MARKS:
        return set()
    end = next((j for j in range(k + 1, min(obj.sent.end, k + 12)) if doc[j].text in _MARKS), None)
    return set(range(k, end + 1)) if end is not None and end > k + 1 else set()


_STANDING_WORDS = frozenset({"ahead", "behind"})


def _standing_after(cue: Token, obj: Token) -> set[int]:
    """Where a count puts its object, which the parser hangs on the verb ('shows the mayor ahead by 3.7 points'): the
    word of standing after the object and the 'by' phrase of its margin."""
    out: set[int] = set()
    for c in cue.children:
        if c.dep_ == "advmod" and c.i > obj.i and c.lower_ in _STANDING_WORDS:
            out |= {t.i for t in c.subtree} | {t.i for d in cue.children if d.dep_ == "prep" and d.lower_ == "by"
                                              and d.i > c.i and any(t.like_num for t in d.subtree) for t in d.subtree}
    return out


def _named_in_quotes(obj: Token) -> bool:
    """A quote opens right after a noun of the object, or after an article after it: what follows names the object,
    however the parser hung it ('calls Obamacare ‘crazy system’', 'branded North Korea an "outlaw nation"'; not
    'called a “special meeting”', whose quote opens after the article alone)."""
    doc = obj.doc
    for i in range(obj.left_edge.i + 1, min(len(doc), obj.right_edge.i + 3)):
        t = doc[i]
        if t.text not in OPENING_QUOTES or t.whitespace_ or not doc[i - 1].whitespace_:
            continue  # (an opening mark: a space before it, none after)
        before = doc[i - 1]
        if before.pos_ == "DET" and i >= 2:
            before = doc[i - 2]
        if before.pos_ in ("NOUN", "PROPN", "PRON") and before.i >= obj.left_edge.i:
            return True
    return False


def _when(prep: Token) -> bool:
    """'on Friday', 'for two years': a time, not a completion of the content; nor is a bare number ('rejected the
    budget by 150 votes to 138': a tally's other side)."""
    return any(c.ent_type_ in ("DATE", "TIME") or c.like_num and not any(True for _ in c.children)
               for c in prep.children if c.dep_ == "pobj")


def _bare_pronoun(heads: list[Token]) -> bool:
    return not heads or all(h.lower_ in _PRONOUN_OBJECTS and not any(True for _ in h.children) for h in heads)


_NOT_SPEAKERS = frozenset({"i", "we", "you"})  # 'something I think will resonate': the quote's own speaker


def relative_with_subject(cue: Token) -> bool:
    """A cue heading a relative clause with a subject of its own ('the wall, which he said Mexico would pay
    for', 'information that officials said would compromise security'): the subject speaks, the clause
    after the cue (with the relative word standing for the noun) is the content."""
    if cue.dep_ != "relcl" or any(c.dep_ == "neg" for c in cue.children):
        return False
    subj = first_subject(cue)
    return (subj is not None and subj.dep_ == "nsubj" and subj.lower_ not in RELATIVE | _NOT_SPEAKERS
            and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children))


def relative_content(cue: Token, comp: Token) -> list[Token]:
    """The content of a relative clause of saying with its noun in place of the relative word ('a new levy,
    which the mayor said would pay for repairs' -> 'a new levy would pay for repairs')."""
    noun = cue.head
    words = [t for t in comp.subtree if not (t.lower_ in RELATIVE and t.tag_ in ("WDT", "WP", "IN") and t.i < comp.i)]
    subj = first_subject(cue)
    if noun.pos_ not in ("NOUN", "PROPN") or subj is not None and any(t.lower_ == "whose" for t in subj.subtree) or \
            any(c.dep_ == "advmod" and c.tag_ == "WRB" and c.lower_ in ("where", "when", "why") for c in cue.children):
        return list(comp.subtree)  # ('the union, whose leader said C': the noun is the speaker's, not in C; 'the
        # council, where she said C': the place where she spoke)
    return [t for t in noun.doc[noun.left_edge.i : noun.i + 1]] + words


NO_ONE = frozenset({"nobody", "none", "nothing", "neither"})


def no_one(cue: Token) -> bool:
    """The cue's subject says no one speaks ('no one has said C', 'nobody believes C', 'no official confirmed C')."""
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.lower_ in NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children))


def stranded_after(cue: Token, comp: Token) -> list[Token]:
    """'X said money is needed to develop a vaccine, educate the public and learn more': bare verbs (no subject, no
    'to', no marker) the parser hung on the cue right after its content clause, which go on with that clause's last
    infinitive."""
    doc = cue.doc
    end = max(t.i for t in comp.subtree if not t.is_punct)
    out: list[Token] = []
    for c in cue.children:
        if c.dep_ == "advcl" and c.tag_ == "VB" and c.left_edge.i == end + 2 and doc[end + 1].text == "," \
                and not any(g.dep_ in ("nsubj", "mark", "aux") for g in c.children) \
                and any(t.tag_ == "VB" and t.dep_ == "xcomp" for t in comp.subtree):
            out += [doc[end + 1], *c.subtree]
    return out


def reason_after(cue: Token, comp: Token) -> list[Token]:
    """'X said C, because D': a 'because' clause the parser hung on the cue after its content clause is the
    speaker's reason, part of what is said (not why it was said: 'said so because' has no content clause)."""
    return [t for c in cue.children if c.dep_ == "advcl" and c.i > comp.i
            and any(m.dep_ == "mark" and m.lower_ == "because" for m in c.children) for t in c.subtree]


_BACKSHIFTED = frozenset({"would", "could", "might", "should", "'d"})


def backshifted_after(cue: Token, comp: Token, cues: Container[str]) -> list[Token]:
    """'She said the bank was not done yet, but it would move carefully': a clause coordinated with the cue after its
    content, with a subject of its own and a backshifted modal, that the parser hung on the cue is the rest of what
    is said (indirect speech shifts 'will' to 'would'; the narrator's own clause does not: 'but it did not say
    when'). Not a clause of another reporting verb (``cues``: 'and added that ...' is a claim of its own)."""
    out: list[Token] = []
    for c in cue.children:
        if c.dep_ != "conj" or c.i <= comp.right_edge.i or c.pos_ not in ("VERB", "AUX") or c.lemma_ in cues:
            continue
        subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("i", "we", "you") or \
                not any(x.dep_ == "aux" and x.lower_ in _BACKSHIFTED for x in c.children):
            continue
        out += [x for x in cue.children if x.dep_ in ("cc", "punct") and comp.right_edge.i < x.i < c.i] + list(c.subtree)
    return out


def narrators_conjunct(cue: Token, comp: Token) -> list[Token]:
    """'Reiter told reporters the suspect had been identified but declined to give his name': a verb coordinated with
    the content clause, without a subject of its own, in the simple past where the clause is backshifted (its verb
    under 'had'), is the reporting verb's subject's act, not what was said: its words (and the 'but' before it)."""
    if cue.tag_ != "VBD" or not any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in comp.children):
        return []
    out: list[Token] = []
    for c in comp.children:
        if c.dep_ == "conj" and c.i > comp.i and c.tag_ == "VBD" and \
                not any(x.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for x in c.children):
            out += [x for x in comp.children if x.dep_ in ("cc", "punct") and comp.i < x.i < c.i] + list(c.subtree)
    return out


def own_conjunct(cue: Token, classes: Mapping[str, str]) -> bool:
    """'The minister said prices would fall, but analysts expect inflation to rise': a belief or intention cue heading
    a clause coordinated with a reporting verb, with a subject of its own, is a second attribution of the sentence."""
    return cue.dep_ == "conj" and classes.get(cue.head.lemma_) == "speech" and \
        any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in cue.children)


def colon_after(comp: Token) -> list[Token]:
    """'X notes that C: D1, D2 and D3': what follows a colon that ends the content clause's first part is its
    elaboration, part of what is said, whatever the parser hung it on (the clause, or the cue as a conjunct): the
    words after the clause up to the sentence's end (none when a quote follows the colon: a quote of its own)."""
    sent, doc = comp.sent, comp.doc
    colon = next((t for t in doc[comp.left_edge.i : comp.right_edge.i + 2] if t.text == ":" and t.i < sent.end - 1), None)
    if colon is None or any(t.text in ('"', "\u201c", "\u201d", "''", "``") for t in doc[colon.i : sent.end]):
        return []
    return [t for t in doc[comp.right_edge.i + 1 : sent.end] if not t.is_space]


def subject_split_off(cue: Token, comp: Token) -> list[Token]:
    """'X seemed to think the outreach was phony', parsed with 'the outreach' as the cue's object and 'was phony'
    as a clause without a subject: the object is the clause's subject (its words, to go before the clause's)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in comp.children) or comp.pos_ not in ("VERB", "AUX"):
        return []
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.i < comp.i for t in comp.subtree):
        return []  # 'told reporters she was convinced C': the subject hangs on the auxiliary the parse split off
    obj = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < comp.i), None)
    if obj is None:
        return []
    # (with what the parse hung on the cue between them: 'think the outreach [to young voters] was phony')
    parts = [obj, *(c for c in cue.children if c.dep_ == "prep" and obj.i < c.i < comp.i)]
    return [t for p in parts for t in p.subtree] if max(p.right_edge.i for p in parts) + 1 == comp.left_edge.i else []


def clause_content(cue: Token, comp: Token) -> list[Token]:
    """The words of a complement clause after its cue, with the subject the parse split off ('subject_split_off')
    and the rest of the clause the parse made a second complement of the cue, a verb with no subject of its own
    ('discovered that attempts to C [were made by D]'), less a date right after the cue that the parse hung on the
    clause: 'said on Monday it had agreed to buy C' dates the saying ('on Monday' opened the content)."""
    toks = subject_split_off(cue, comp) + list(comp.subtree)
    for more in cue.children:
        if more.dep_ == "ccomp" and more.pos_ in ("VERB", "AUX") and more.i > comp.i and more.left_edge.i == toks[-1].i + 1 \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "mark") for c in more.children):
            toks += list(more.subtree)
    aside = _speakers_concession(cue, comp)
    if aside:  # 'He claimed that C, although he again refused to D': the narrator's word on the speaker
        toks = [t for t in toks if t.i not in aside and not (t.is_punct and t.i == min(aside) - 1)]
    if _dated(cue):  # 'denied on Wednesday that C, a day after the talks': the saying's day, told against the talks
        last = [c for c in comp.children if c.i > cue.i][-1:]
        if last and last[0].dep_ == "npadvmod" and last[0].ent_type_ in ("DATE", "TIME") and \
                any(c.dep_ == "prep" for c in last[0].children) and last[0].left_edge.i > comp.i and \
                last[0].doc[last[0].left_edge.i - 1].text == ",":
            toks = [t for t in toks if t.i < last[0].left_edge.i - 1]
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or toks[0].i != cue.i + 1 or subj.left_edge.i <= toks[0].i:
        return toks
    lead = [t for t in toks if t.i < subj.left_edge.i]
    heads = [t for t in lead if t.head.i == comp.i]
    if heads and all(h.dep_ in ("prep", "npadvmod") for h in heads) and \
            all(t.ent_type_ in ("DATE", "TIME") or t.dep_ == "prep" and t.head.i == comp.i for t in lead):
        return [t for t in toks if t.i >= subj.left_edge.i]
    return toks


_CONCESSIVE = frozenset({"although", "though", "whereas"})


def _speakers_concession(cue: Token, comp: Token) -> set[int]:
    """The token ids of a clause the content clause ends with, set against it by 'although' or 'though', whose subject
    is the speaker's own pronoun or name ('..., although he again refused to release his accounts'): what the report
    says of the speaker, not what the speaker said."""
    speaker = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    for c in comp.children:
        if c.dep_ != "advcl" or c.i < comp.i or not any(m.dep_ == "mark" and m.lower_ in _CONCESSIVE for m in c.children):
            continue
        subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        if speaker is not None and subj is not None and (subj.lower_ == speaker.lower_ or subj.pos_ == "PRON" and
                                                         subj.lower_ in ("he", "she") and speaker.pos_ == "PROPN"):
            return {t.i for t in c.subtree}
    return set()


def _dated(cue: Token) -> bool:
    """The cue has a day of its own ('said on Monday', 'said Monday')."""
    return any(c.dep_ in ("prep", "npadvmod") and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
               for c in cue.children)


def inverted_that(head: Token) -> Token | None:
    """The 'that' of a clause the parser made the sentence's head, the clause of its verb of saying hung before it
    ('The nominee continues to insist, most recently in an interview, that he wants C': 'wants' the root, 'continues
    to insist' its complement): that clause is the content, its verb no cue of its own; else None."""
    mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < head.i), None)
    if mark is None or head.dep_ != "ROOT" or mark.i < 1 or head.doc[mark.i - 1].text != ",":
        return None
    return mark if any(c.dep_ == "ccomp" and c.i < mark.i for c in head.children) else None


def inverted_content(cue: Token) -> list[Token] | None:
    """The content of a verb of saying inside the complement the parser hung before a 'that' clause it made the
    head (inverted_that): the words after 'that'."""
    head = cue
    while head.dep_ in ("xcomp", "conj", "ccomp") and head.head.i != head.i:
        if head.dep_ == "ccomp":
            mark = inverted_that(head.head)
            if mark is not None and cue.i < mark.i:
                return [t for t in head.head.subtree if t.i > mark.i and not (t.is_punct and t.i == head.head.right_edge.i)]
            return None
        head = head.head
    return None


def subject_before_aside(cue: Token) -> list[Token] | None:
    """'These employees, Stumpf explained in the hearing, were well paid': the parser made the cue set off by commas
    the sentence's head, the noun phrase before it a modifier of it and the clause after it its conjunct (with no
    subject of its own). The content is that noun phrase and that clause; None for any other parse."""
    doc = cue.doc
    subj = next((c for c in reversed(list(cue.children)) if c.dep_ == "nsubj" and c.i < cue.i), None)  # the nearer
    if cue.dep_ != "ROOT" or subj is None:
        return None
    head = next((c for c in cue.children if c.dep_ in ("npadvmod", "dep", "nsubj") and c.i < subj.left_edge.i
                 and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("DATE", "TIME")
                 and doc[c.right_edge.i + 1].text == ","), None)
    rest = next((c for c in cue.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > cue.i
                 and doc[c.left_edge.i - 1].text == "," and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)),
                None)
    if head is None or rest is None or head.left_edge.i != cue.sent.start:
        return None
    return [*head.subtree, *(t for t in rest.subtree if t.i >= rest.left_edge.i)]


def relative_speaker_noun(cue: Token) -> Token | None:
    """'the AP, which first reported the story': the noun a relative clause's 'who'/'which' stands for."""
    if cue.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in cue.children):
        return cue.head
    return None


def passive_naming(cue: Token) -> tuple[Token, set[int]] | None:
    """(the agent, the content) of a passive verb of naming with what names its subject and who did
    ('Tarvo has been called a charlatan by fellow physicians': the physicians', 'Tarvo ... a charlatan'); else None."""
    if cue.lemma_ not in NAMING:
        return None
    subj = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    name = next((c for c in cue.children if c.dep_ in ("oprd", "attr", "xcomp") and c.i > cue.i), None)
    agent = next((g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if subj is None or name is None or agent is None:
        return None
    return agent, {t.i for t in subj.subtree} | {t.i for t in name.subtree}
