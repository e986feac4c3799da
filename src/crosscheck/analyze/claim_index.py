"""What the claim finder looks at: cue words, paragraph layout of one parsed report, and where a cue's source
and content lie in its parse tree (the quote spans: quote_marks.py).

Positions come from integer token arrays (``Doc.to_array``), so finding candidates costs no Token
objects; only the few candidate tokens are then read through spaCy's API.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from importlib import resources

import numpy as np
from spacy.attrs import ENT_TYPE, IS_ALPHA, LEMMA, LIKE_NUM, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from crosscheck.analyze.claim_text import HEDGES, MODAL_HEDGES, stray_that
from crosscheck.analyze.entities import TITLE_HEADS, LocalEntities, doc_text
from crosscheck.analyze.nlp import dictionary_word


def _load_cues() -> tuple[dict[str, str], frozenset[str], dict]:
    """(cue lemma -> class: speech | belief | intention | knowledge | accusation, verbs that frame a quoted characterisation),
    from data/attribution_cues_en.json."""
    with resources.files("crosscheck.data").joinpath("attribution_cues_en.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    out: dict[str, str] = {}
    for cls in ("speech", "belief", "intention", "knowledge", "accusation"):
        for word in data[cls]:
            out.setdefault(word, cls)
    return out, frozenset(data["characterize"]), data


CUE_CLASS, CHARACTERIZE, _DATA = _load_cues()
NOT_OBJECT = frozenset(_DATA["object_not_content"])  # 'told reporters': the object is the addressee
COMMISSIVE = frozenset(_DATA["commissive"])  # 'promised voters to C': the speaker does C
SWORN = frozenset(_DATA.get("sworn", ()))  # 'demonstrators pledged to C': commissives only someone uses
OBJECT_PREPS = {verb: frozenset(preps) for verb, preps in _DATA["object_preps"].items()}  # 'called for C'
OBJECT_IDIOMS = {verb: dict(nouns) for verb, nouns in _DATA.get("object_idioms", {}).items()}  # 'took issue with C'
NOUN_CUES = {noun: cls for cls, nouns in _DATA.get("noun_cues", {}).items() for noun in nouns}  # 'her claim that C'
ADJECTIVE_CUES = {adj: cls for cls, adjs in _DATA.get("adjective_cues", {}).items() for adj in adjs}  # 'afraid that C'
CONTINUING = {verb: frozenset(prts) for verb, prts in _DATA.get("continuing", {}).items()}  # 'went on to say C'
LABEL_TOPIC_PREPS = frozenset(_DATA.get("label_topic_preps", ()))  # 'Ruiz on ferry levy: C'
MADE_ADJECTIVES = frozenset(_DATA.get("made_adjectives", ()))  # 'made it clear that C': the maker says C
STANCE = frozenset(_DATA.get("stance", ()))  # 'both candidates opposed the levy': a belief, read as CHARACTERIZE
JUDGING = CHARACTERIZE | STANCE  # verbs whose object, or the words of a partial quote, their subject stands by
ASKING = frozenset(_DATA.get("asking", ()))  # '"Did you know C?" Vell asked': a question framed as a quote
SEEING_AS = frozenset(_DATA.get("seeing_as", ()))  # 'critics see the vote as a chance': a belief, only with 'as'
LEMMA_FIXES = dict(_DATA.get("lemma_fixes", {}))  # 'hoping' -> 'hope' (the model says 'hop')
ESTIMATE_VERBS = tuple(_DATA.get("estimate", ()))  # 'Police put the crowd at 18,000': the object and its figure
WORK_NOUNS = frozenset(_DATA.get("work_nouns", ()))  # 'in his book, "T"': a quote naming the work is its title
RESPONSE_VERBS = frozenset(_DATA.get("response_verbs", ()))  # 'did not respond to a request for comment'
COMMENT_NOUNS = frozenset(_DATA.get("comment_nouns", ()))  # what an unanswered request asked for
DECLINING = frozenset(_DATA.get("declining", ()))  # 'declined to endorse Ostvik': a refusal of any act
DISJUNCTIONS = frozenset(_DATA.get("disjunctions", ()))  # 'has either carried or split the wards': alternatives, one claim
WILL_NOUNS = {noun: cls for cls, nouns in _DATA.get("will_nouns", {}).items() for noun in nouns}  # 'her bid to C'
PARTICIPLE_OBJECTS = frozenset(_DATA.get("participle_objects", ()))  # 'has left its welders feeling that C': they feel
DEPICTIONS = frozenset(_DATA.get("depictions", ()))  # 'footage of Ruiz asking, "Q"': Ruiz asks
AGENT_SUFFIXES = tuple(_DATA.get("agent_suffixes", ()))  # 'lawyer', 'director': nouns naming a person
CLAUSE_PREPOSITIONS = frozenset(_DATA.get("clause_prepositions", ()))  # 'as X oppose C' read as a preposition
DIRECTIVE = frozenset(_DATA.get("directive", ()))  # 'pressed Ruiz to confirm that C': asked for, not said
REQUEST_NOUNS = frozenset(_DATA.get("request_nouns", ()))  # 'declined several requests for an interview'
NAMING = frozenset(_DATA.get("naming", ()))  # 'called the plan a gamble' but 'called a strike': a second complement needed
CITE_VERBS = frozenset(_DATA.get("cite_sources", ()))  # 'citing two officials': an object naming a source is the chain
EVIDENTIAL = frozenset(_DATA.get("evidential", ()))  # 'the town reported', 'the data show': things say these too
SOURCE_NOUNS = frozenset(_DATA.get("source_nouns", ()))  # ... such a source when no entity names it
ORG_KINDS = frozenset(_DATA.get("org_kinds", ()))  # 'the carmaker said': the organisation named last before it
AS_IDIOMS = dict(_DATA.get("as_idioms", {}))  # 'as the mayor put it, C': a verb of saying only with its fixed object
IN_SOURCES = frozenset(_DATA.get("in_sources", ()))  # 'In the September poll, C': the poll's C
NEGATING_PREPS = frozenset(_DATA.get("negating_preps", ()))  # 'left without saying where': no speech act
LABEL_SOURCES = frozenset(_DATA.get("label_sources", ()))  # 'Poll: C', 'Police: C': a label with no name
ABSOLUTE_PREPS = frozenset(_DATA.get("absolute_preps", ()))  # 'with Obama expected to visit': a participle
TITLE_ABBREVIATIONS = dict(_DATA.get("title_abbreviations", {}))  # 'Sen. Ana Ruiz' -> 'the senator'
CONTRAST = frozenset(_DATA.get("contrast", ()))  # '..., while the unions claimed D': a second source's clause
CUES = frozenset(w for w, c in CUE_CLASS.items() if c == "speech")  # verbs of saying
ALL_CUES = frozenset(CUE_CLASS)  # plus verbs of believing, intending and knowing
# verbs whose noun-phrase object may be an attributed content ('attacked Machado', 'called for his dismissal')
# (an accusation's content is its object with the reason: 'accused X of C', read by accusation())
# (a verb of 'object_not_content' reads only its preposition: 'warned of C'; an idiom's verb only its idiom)
OBJECT_CUES = ((frozenset(w for w, c in CUE_CLASS.items() if c == "speech") | JUDGING | SEEING_AS) - NOT_OBJECT
               | frozenset(OBJECT_PREPS) | frozenset(OBJECT_IDIOMS))
FACT_TYPES = ("DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY")
PERSONAL = ("i", "we", "you", "my", "our", "your")
VERBISH = ("VERB", "AUX")
_ID_CACHE: dict[int, frozenset[int]] = {}


def _ids(words) -> frozenset[int]:
    """String-store ids of ``words`` (cached per word collection)."""
    got = _ID_CACHE.get(id(words))
    if got is None:
        got = _ID_CACHE[id(words)] = frozenset(get_string_id(w) for w in words)
    return got


def _used_as_verb(t: Token) -> bool:
    """A word tagged a noun that the parse uses as a verb: it heads a clause, with a subject and a clause of
    its own ('The campaign [plans] to hold rallies')."""
    return (t.dep_ in ("ROOT", "ccomp", "conj") and any(c.dep_ in ("nsubj", "nsubjpass") or named_before(c) for c in t.children)
            and any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in VERBISH for c in t.children))


def named_before(c: Token) -> bool:
    """A noun or name the parser hung right before a verb it tagged a noun and made the sentence's head, as if the
    two were one noun ('But Trump [claims] that C', 'The Clinton campaign [plans] to C'), with no determiner on the
    verb: the verb's subject."""
    return c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN") and c.i == c.head.i - 1 and c.head.pos_ == "NOUN" \
        and c.head.dep_ == "ROOT" and not any(d.dep_ in ("det", "poss") for d in c.head.children)


class Index:
    """Token positions worth a look (cue verbs, 'according', 'as'), found once per report on arrays."""

    def __init__(self, sdoc: Doc, ents: LocalEntities):
        cols = sdoc.to_array([LEMMA, LOWER, POS, IS_ALPHA, LIKE_NUM, ENT_TYPE, TAG]).tolist() if len(sdoc) else []
        cues, verbish = _ids(ALL_CUES), _ids(VERBISH)
        according, as_, md = get_string_id("according"), get_string_id("as"), get_string_id("MD")
        facts, personal, hedges, modals = _ids(FACT_TYPES), _ids(PERSONAL), _ids(HEDGES), _ids(MODAL_HEDGES)
        self.cues = [i for i, c in enumerate(cols) if c[0] in cues and c[2] in verbish]
        noun = get_string_id("NOUN")
        tagged_noun = [i for i, c in enumerate(cols) if c[0] in cues and c[2] == noun and _used_as_verb(sdoc[i])]
        if tagged_noun:  # 'The campaign plans to hold rallies' with 'plans' tagged a noun
            self.cues = sorted(self.cues + tagged_noun)
        objects = _ids(OBJECT_CUES)
        self.objects = [i for i, c in enumerate(cols) if c[0] in objects and c[2] in verbish]
        self.according = [i for i, c in enumerate(cols) if c[1] == according]
        self.as_ = [i for i, c in enumerate(cols) if c[1] == as_]
        self.alpha = np.array([c[3] for c in cols], dtype=bool)
        fact = np.array([bool(c[4]) or c[5] in facts for c in cols], dtype=bool)
        if ents.by_token:
            fact[np.fromiter(ents.by_token, dtype=np.int64)] = True
        self.fact = fact
        self.personal = np.array([c[1] in personal for c in cols], dtype=bool)
        self.hedge = np.array([c[1] in hedges or (c[1] in modals and c[6] == md) for c in cols], dtype=bool)

    @staticmethod
    def within(positions: list[int], sent: Span) -> list[int]:
        lo = bisect_left(positions, sent.start)
        hi = bisect_left(positions, sent.end)
        return positions[lo:hi]

def paragraph_text(sdoc: Doc, sents: list[Span]) -> str:
    text = doc_text(sdoc)
    start = text.rfind("\n", 0, sents[0].start_char) + 1
    end = text.find("\n", sents[-1].end_char - 1)
    return text[start : end if end >= 0 else len(text)]

def paragraph(sents: list[Span], i: int) -> list[Span]:
    lo = i
    while lo > 0 and not breaks_before(sents[lo]):
        lo -= 1
    hi = i
    while hi + 1 < len(sents) and not breaks_before(sents[hi + 1]):
        hi += 1
    return sents[lo : hi + 1]


def breaks_before(sent: Span) -> bool:
    text = doc_text(sent.doc)
    start = sent.start_char
    return start == 0 or "\n" in text[max(0, start - 3) : start]


def ends_sentence(sent: Span) -> bool:
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text in (".", "!", "\u2026", '"', "\u201d") and not sent.text.rstrip().endswith("?")


# ---------------------------------------------------------------- where a cue's source and content lie in the parse
def noun_phrase(head: Token) -> str:
    """The words naming a source, without relative clauses and appositions ('Ed Fogels, the deputy ...'); a name
    in close apposition stays ('the grid operator Estragrid', where no entity may stand for the name)."""
    drop: set[int] = set()
    for child in head.children:
        close = child.dep_ == "appos" and child.left_edge.i == head.i + 1 and child.pos_ == "PROPN"
        if child.dep_ in ("relcl", "acl", "appos", "advcl", "parataxis") and not close or \
                (child.dep_ in ("punct", "case") and child.i > head.i) or \
                (child.dep_ == "npadvmod" and child.i > head.i and child.ent_type_ in ("DATE", "TIME")):
            # (and its own possessive 's: 'the mayor's view'; a time the parser hung on it: 'Trump this week said')
            drop.update(range(child.left_edge.i, child.right_edge.i + 1))
    doc = head.doc
    # (the subtree's own words: an apposition the parser hung on the subject across its verb, 'the companies said on
    # Tuesday, the largest deal in its history', spans the verb)
    ids = [t.i for t in head.subtree if t.i not in drop]
    if len(ids) > 1 and doc[ids[0]].lower_ == "whose":
        ids = ids[1:]  # 'the union SFV, whose leader Jean Dorsay said C': the leader Jean Dorsay
    own = set(ids)
    hi = ids[0]
    while hi + 1 <= ids[-1] and hi + 1 in own:
        hi += 1
    return phrase(doc[ids[0] : hi + 1])


def phrase(span: Span) -> str:
    """The span's words without edge punctuation or quote marks (a quote's closing mark parsed into the speaker)."""
    text = " ".join(span.text.split())
    while True:
        stripped = text.strip(" ,;:\"\u201c\u201d\u00ab\u00bb\u201e").removeprefix("''").removesuffix("''")
        if stripped == text:
            return text
        text = stripped


def is_clause(tok: Token) -> bool:
    """A clause head: a verb, or a predicate adjective or noun with its own subject (the parser heads 'X was
    "unhinged"' and 'Clinton was "justified" in ...' by the adjective, the copula as an auxiliary)."""
    # (a verb with no word of its own is none: 'told the news agency dpa she was ...' tagged 'dpa' a verb)
    # (nor is a small clause with an expletive subject and an infinitive: 'will find it hard to explain the delay')
    if tok.ent_type_ == "WORK_OF_ART":
        return False  # a verb of a title ('"Make Your Kid a Millionaire," X suggested')
    return tok.pos_ in ("VERB", "AUX") and tok.n_lefts + tok.n_rights > 0 or \
        (tok.pos_ in ("ADJ", "NOUN") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
         and not (tok.pos_ == "ADJ" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "it" and tok.doc[tok.i - 1].dep_ == "nsubj"
                  and any(c.tag_ == "VB" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for c in tok.children)))


def relative_speaker(cue: Token) -> Token | None:
    """The noun a relative clause of saying hangs on, when the clause says something ('X, who has argued that C'); or
    the noun a finite past verb of saying with a that-clause was hung on as if a participle, in a sentence with no
    finite main verb ('Reaching back to television, the producers announced Friday that C': 'announced' an 'acl'
    of 'producers', tagged VBD, the root 'Reaching'), of a noun that can speak (not 'The decision announced
    Friday that C angered them')."""
    if cue.dep_ not in ("relcl", "acl") or cue.head.pos_ not in ("PROPN", "NOUN"):
        return None
    if cue.dep_ == "acl":
        head = cue.head
        speaks = head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP") or head.tag_ == "NNS" or \
            head.lemma_.lower() in SOURCE_NOUNS or head.lemma_.lower() in ORG_KINDS
        said = any(c.dep_ == "ccomp" and c.i > cue.i and
                   any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in cue.children)
        # 'with unions saying C', 'officials saying C': a participle of saying on a noun that can speak is its speech
        saying = cue.tag_ == "VBG" and speaks and CUE_CLASS.get(cue.lemma_) == "speech"
        if not saying and (cue.tag_ != "VBD" or cue.sent.root.tag_ in ("VBD", "VBZ", "VBP", "MD") or not speaks
                           or not said):
            return None
    else:
        relative = [c.lower_ in ("who", "which", "that") for c in cue.children if c.dep_ == "nsubj"]
        if not any(relative) or not all(relative):
            return None  # (a subject of its own besides: 'the runoff, which official results show he lost': the results)
    if not any(c.dep_ == "ccomp" and c.i > cue.i and is_clause(c) for c in cue.children) and not (
            cue.dep_ == "relcl" and (cue.lemma_ in COMMISSIVE or CUE_CLASS.get(cue.lemma_) == "intention") and any(
                c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in cue.children)):
        return None  # (or binds itself to an act: 'Norvia, which vowed to cut emissions', 'a group that intends to C')
    return cue.head


def adding_head(cue: Token) -> Token | None:
    """The verb of saying whose subject speaks a participle cue with its own clause ('..., adding that D')."""
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "conj") or CUE_CLASS.get(cue.head.lemma_) != "speech":
        return None
    if any(c.dep_ in ("nsubj", "aux") for c in cue.children) or not any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return None
    return cue.head


def without_title_before(toks: list[Token], cue: Token) -> list[Token]:
    """'C, chief executive Hiroshi Tanabe said' with the title read as a conjunct of C's last noun: the words after
    C's last comma, lowercase nouns and adjectives naming a title or a source, right before the cue's subject,
    are the speaker's, not C's."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None or not toks:
        return toks
    k = len(toks)
    while k and toks[k - 1].i + 1 == (toks[k].i if k < len(toks) else subj.left_edge.i) and toks[k - 1].is_alpha \
            and toks[k - 1].is_lower and toks[k - 1].pos_ in ("NOUN", "ADJ", "PROPN"):
        k -= 1
    run = toks[k:]
    if not run or k == 0 or toks[k - 1].text != "," or toks[-1].i + 1 != subj.left_edge.i or \
            not any(t.lower_ in TITLE_HEADS or t.lemma_.lower() in SOURCE_NOUNS for t in run):
        return toks
    return toks[:k - 1]


def without_other_attributions(toks: list[Token], cue: Token, cands: list[Token]) -> tuple[list[Token], list[tuple[Token, Token]]]:
    """The content without a second attribution the parser hung inside it: another speaker's clause
    ('X said C1, while Y said C2') is cut off to be read on its own; a subjectless one ('X said C1 and
    added that C2') is cut off and returned with its clause, as the same speaker's."""
    ids = {t.i for t in toks}
    more = []
    # (an estimate with its own subject too: 'Organisers said 120,000 took part, while police put the number at 40,000')
    estimates = [t for t in toks if t.dep_ == "advcl" and t.lemma_ in ESTIMATE_VERBS and t not in cands]
    for other in [*cands, *estimates]:
        if other is cue or other.i not in ids or other.dep_ not in ("advcl", "conj") or \
                CUE_CLASS.get(other.lemma_) != "speech" and other.lemma_ not in ESTIMATE_VERBS:
            continue
        own_subject = any(c.dep_ == "nsubj" for c in other.children)
        if other.lemma_ in ESTIMATE_VERBS and not own_subject:
            continue
        markers = [c.lower_ for c in other.children if c.i < other.i and (c.dep_ == "mark" or c.tag_ == "WRB")]
        if other.dep_ == "advcl" and own_subject and markers and not any(m in CONTRAST or m == "as" for m in markers):
            continue  # 'said Ruiz was right when she said C': a time or reason of the content's, part of it (its
            # speech read as nested); not a rival's ('X said C1, while Y said C2') nor an aside ('as he explained')
        if other.dep_ == "conj" and other.head.i != cue.i and any(c.dep_ == "mark" and c.lower_ == "that"
                                                                  for c in other.children):
            continue  # 'said heavy rain had pushed the level up and that engineers had warned of cracks': a second 'that'
        comp = next((c for c in other.children if c.dep_ == "ccomp" and c.i > other.i), None)
        if not own_subject and (comp is None or (other.dep_ != "conj" and other.tag_ != "VBG")):
            continue
        cut = {t.i for t in other.subtree}
        lo = min(cut)
        while lo - 1 in ids and (cue.doc[lo - 1].is_punct or cue.doc[lo - 1].dep_ in ("mark", "cc")):
            lo -= 1
            cut.add(lo)
        ids -= cut
        if not own_subject:
            more.append((other, comp))
    return [t for t in toks if t.i in ids], more


def comma_that(cue: Token) -> Token | None:
    """The clause of 'X told the paper, citing aides, that C' when the parser hung 'that C' on an inner noun;
    else that of 'X reported at the time that C' (that_after_phrase)."""
    doc = cue.doc
    for t in cue.subtree:
        if t.i <= cue.i or t.dep_ not in ("relcl", "ccomp", "advcl") or t.pos_ not in ("VERB", "AUX"):
            continue
        mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < t.i), None)
        if mark is not None and mark.i > 0 and doc[mark.i - 1].text == "," and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return t
    return that_after_phrase(cue)


def bare_clause_after(cue: Token) -> Token | None:
    """'X said after the convention he would not accept C': a finite clause with no marker and a subject of
    its own that the parser hung on a verb of saying as an adverbial clause is what was said."""
    if CUE_CLASS.get(cue.lemma_) != "speech":
        return None
    for c in cue.children:
        if (c.dep_ == "advcl" and c.i > cue.i and c.pos_ in VERBISH
                and not any(m.dep_ == "mark" or m.dep_ == "advmod" and m.lower_ in WH for m in c.children)
                and any(s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i for s in c.children)
                and any(a.dep_ in ("aux", "auxpass") or a.tag_ in ("VBD", "VBZ", "VBP") for a in (c, *c.children))
                and c.tag_ != "VBG"):
            return c
    return None


def that_after_phrase(cue: Token) -> Token | None:
    """The clause of 'X reported at the time that C' / 'X told a meeting of leaders that C' when the parser read
    'that C' as a relative clause of a noun before it: a relative clause (or clause modifying a noun) in the
    cue's object or phrase that opens with a 'that' filling no gap in it (a marker, not a subject or object:
    'at the meeting that the mayor called' is a relative clause), with a subject of its own and its verb's
    complement ('told the reporters that the council had invited' lacks it). After a verb that tells someone
    (its object the addressee: 'told a judge during a hearing Thursday morning that Lohan had checked in to the
    facility'), a clause of an intransitive verb lacks nothing: a particle or a phrase completes it as well."""
    told = cue.lemma_ in NOT_OBJECT and any(c.dep_ in ("dobj", "dative") and c.i > cue.i for c in cue.children)
    complete = _COMPLETE | {"prt", "prep"} if told else _COMPLETE
    for part in cue.children:
        if part.i <= cue.i or part.dep_ not in ("prep", "dobj", "dative"):
            continue
        for noun in part.subtree:
            if noun.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
                continue
            for rel in noun.children:
                if rel.dep_ not in ("relcl", "acl") or rel.i < noun.i:
                    continue
                first = rel.doc[rel.left_edge.i]
                if (first.lower_ == "that" and (first.dep_ in ("mark", "advmod") or stray_that(first))
                        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who") for c in rel.children)
                        and any(c.dep_ in complete for c in rel.children)):
                    return rel
    return None


# what a clause has when no word is missing from it ('the council invited [them]' lacks its object: a relative
# clause whose 'that' the parser called a marker)
_COMPLETE = frozenset({"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "auxpass"})


WH = frozenset("whether if how why what when where who whom which".split())


def asks(clause: Token) -> bool:
    """The clause is an embedded question ('knows how many ...', 'consider whether to ...'), not a content; its
    question word comes after the verb it hangs on (not 'a levy, which he hoped would pay for C': a relative)."""
    first = clause.left_edge
    after = clause.head.i if clause.head.i < clause.i else -1
    return (first.lower_ in WH and first.i > after) or any(c.lower_ in WH and after < c.i < clause.i for c in clause.children)


def in_question(cue: Token) -> bool:
    """The cue sits in an embedded question ('asked whether the deals required the aides to C'): what it would say
    is asked, not asserted, by no one."""
    tok = cue
    for _ in range(6):
        if tok.dep_ in ("ccomp", "xcomp", "conj") and tok.head.i != tok.i:
            if tok.dep_ == "ccomp" and asks(tok):
                return True
            tok = tok.head
        else:
            return False
    return False


def accusation(cue: Token) -> list[Token] | None:
    """The object and its 'of'/'for' phrase of 'accused his rival of lying about the budget'."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None:
        return None
    prep = next((c for c in [*cue.children, *obj.children] if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > obj.i), None)
    if prep is None or not any(c.dep_ in ("pcomp", "pobj") for c in prep.children):
        return None
    return with_holder(cue, {t.i for t in obj.subtree} | {t.i for t in prep.subtree})


def with_holder(cue: Token, ids: set[int]) -> list[Token]:
    """The content tokens ``ids`` read with the cue's subject and the cue ('The union wants ...'), so a
    claim that is not a full clause on its own stays readable."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subj is None and cue.dep_ == "conj":  # 'demonstrators said C but pledged to remain civil': the shared one
        subj = next((c for c in cue.head.children if c.dep_ == "nsubj" and c.i < cue.head.i), None)
    ids = set(ids)
    if subj is not None and subj.lower_ not in ("who", "which", "that"):  # ('Norvia, which vowed to C': no holder)
        drop = {t.i for c in subj.children if c.dep_ in ("relcl", "appos", "acl", "punct") for t in c.subtree}
        ids |= {t.i for t in subj.subtree if t.i not in drop} | {cue.i}
        ids |= {c.i for c in cue.children if c.dep_ in ("aux", "auxpass", "neg") and subj.i < c.i < cue.i}
    return [t for t in cue.doc[min(ids) : max(ids) + 1] if t.i in ids]


def infinitive(cue: Token, urging: bool = False) -> tuple[list[Token], bool] | None:
    """(content tokens, has an object) of 'plans to C' / 'wants the plant to C' / 'promised to C' / 'proposes
    allowing C' (a gerund right after the cue), read with its holder ('The campaign plans to hold rallies',
    not 'To hold rallies'); a verb of saying (``urging``) with an object is read without it ('urged both sides
    to return to talks': 'both sides to return to talks', as 'asked' and 'called on' read)."""
    xcomp = next((c for c in cue.children if c.dep_ in ("xcomp", "ccomp") and c.i > cue.i and c.pos_ in ("VERB", "AUX")), None)
    if xcomp is None or asks(xcomp):
        return None
    gerund = xcomp.dep_ == "xcomp" and xcomp.tag_ == "VBG" and xcomp.i == cue.i + 1  # 'proposes allowing parents to C'
    if not gerund and not any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
        return None
    obj = next((c for c in cue.children if c.dep_ in ("dobj", "nsubj") and cue.i < c.i < xcomp.i), None)
    if obj is None:
        obj = next((c for c in xcomp.children if c.dep_ == "nsubj"), None)  # 'wants [the company to reopen]'
    ids = {t.i for t in xcomp.subtree} | ({t.i for t in obj.subtree} if obj is not None else set())
    for more in cue.children:  # 'is promising to rebuild the harbour, bring back the ferry and C': bare verbs the
        # parser hung on the cue after the infinitive's comma share its 'to' (a bare verb is no conjunct of 'promising')
        comma = next((k for k in (max(ids), max(ids) + 1) if k < len(cue.doc) and cue.doc[k].text == ","), None)
        if comma is not None and more.left_edge.i == comma + 1 and more.tag_ == "VB" and (
                more.dep_ == "xcomp" or more.dep_ == "conj" and cue.tag_ != "VB" and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in more.children)):
            ids |= {comma} | {t.i for t in more.subtree}
    if urging and obj is not None:
        if any(c.dep_ == "aux" and c.lower_ in MODAL_HEDGES for c in cue.children):
            return None  # 'could ask Laura Conti to form a government': an ask that may come, none made
        return [t for t in cue.doc[min(ids):max(ids) + 1] if t.i in ids], True
    return with_holder(cue, ids), obj is not None


CITE = frozenset({"cite", "quote"})


def quoted_as_saying(cue: Token) -> tuple[Token, Token] | None:
    """('quoted', its object) for 'X quoted Y as saying ...' at the cue 'saying'."""
    if cue.tag_ != "VBG" or cue.dep_ != "pcomp" or cue.head.lower_ != "as":
        return None
    verb = cue.head.head
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (verb, obj) if verb.lemma_ in CITE and obj is not None else None


def citing(sent: Span, heads, after: int = -1) -> tuple[tuple[str, ...], set[int]]:
    """Sources a source cites: ', citing two officials,' on the cue or its clause; ', which cited X' (``after``: only
    those after this token)."""
    chain, drop = [], set()
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            if child.lemma_ in CITE and child.dep_ in ("advcl", "relcl", "xcomp", "conj") and child.i > after:
                obj = next((c for c in child.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    chain.append(noun_phrase(obj))
                    lo, hi = child.left_edge.i, child.right_edge.i
                    drop |= with_commas(sent, lo, hi)
    return tuple(chain), drop


def phrase_before_cue(sent: Span, cue: Token) -> tuple[Token, str, int] | None:
    """(head, wording, comma index) of the noun phrase between the last comma and a subjectless cue; a comma
    right before the cue closes an apposition, which joins the phrase before it ('C, the mayor of Cardel, Petra
    Vilk, said': the parser hung the name on the place before it, and the cue has no subject)."""
    doc = sent.doc
    end = cue.i - 1 if cue.i - 1 > sent.start and doc[cue.i - 1].text == "," else cue.i
    comma = next((j for j in range(end - 1, sent.start, -1) if doc[j].text == ","), None)
    if comma is None or end - comma < 2 or end - comma > 10:
        return None
    heads = _np_heads(doc[comma + 1 : end])
    if len(heads) != 1:
        return None
    if end < cue.i:  # the apposition: one noun phrase before it, the name hung on a word of it
        prev = next((j for j in range(comma - 1, sent.start, -1) if doc[j].text == ","), None)
        if prev is None or not 2 <= comma - prev <= 8 or len(_np_heads(doc[prev + 1 : comma])) != 1 \
                or not prev < heads[0].head.i < comma:
            return None
        return heads[0], phrase(doc[prev + 1 : end]), prev
    return heads[0], phrase(doc[comma + 1 : end]), comma


def apposition_before_conjunct(sent: Span, cue: Token) -> tuple[Token, str, int] | None:
    """phrase_before_cue of a cue the parser made a conjunct of the main verb, the speaker an apposition of that
    verb's subject ('C, the head of the rescue service, Oren Vasko, told the Courier'): the cue would inherit the
    clause's subject."""
    doc = sent.doc
    if cue.dep_ != "conj" or cue.head.dep_ != "ROOT" or cue.i - 1 <= sent.start or doc[cue.i - 1].text != "," \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    return phrase_before_cue(sent, cue)


def _np_heads(span: Span) -> list[Token]:
    return [t for t in span if t.head.i not in range(span.start, span.end) and t.pos_ in ("NOUN", "PROPN")]


def before_comma(sent: Span, cue: Token, model: str | None = None) -> list[Token] | None:
    """'C, Y said during ...' / 'C, said Y': the clause C when the parser hung the cue elsewhere (``model``: the
    spaCy model whose dictionary tells a participle from a name the parser took for one, 'Bramling plans to C')."""
    if any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and cue.lemma_ != "tell") for c in cue.children if c.i > cue.i):
        return None
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    # of two subjects before the cue the nearer ('C when a bus overturned, Y said': the parser hung the
    # clause's subject on the cue too)
    subj = subjects[-1] if len(subjects) > 1 and all(c.i < cue.i for c in subjects) else subjects[0]
    doc = sent.doc
    edge = min(subj.left_edge.i, cue.i)
    if edge - sent.start < 4 or doc[edge - 1].text not in (",", "\u2014", "\u2013", "-"):
        return None
    toks = [t for t in sent if t.i < edge - 1]
    if not any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    if any(v.dep_ == "advcl" and v.head.i == cue.i and v.i < edge and (any(
            c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" and c.i == v.left_edge.i for c in v.children)
            or v.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in v.children)
            and (model is None or dictionary_word(v.lower_, model)))
           for v in toks):
        return None  # 'But when Congress cut funding, Mexico said enough', 'Speaking to students, X responded': an
        # adverbial or participle clause, not what was said
    return toks


def subtree_ids(tok: Token, exclude: Token | None = None) -> set[int]:
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    return {t.i for t in tok.subtree if t.i not in skip}


# words outside the quote marks a sentence of a quote and its speaker has at most; PolNeAR train, every third
# article: 6 -> 14 found 10 more attributions (11 more claims, 10 more right), 20 no more; the other articles: 9 more
QUOTE_FRAME_WORDS = 14


def any_verb_of_quote(sent: Span, quoted) -> Token | None:
    """'"C," Ruiz retorted.' / '"C," he went on.': a sentence that is a quote and a short frame around it (at most
    QUOTE_FRAME_WORDS words) whose main verb, outside the quote marks and not negated, has a subject: the
    verb frames the quote whatever it is (``quoted``: is a token inside the quote marks). A frame opening the
    sentence up to a colon ('Jobs left this farewell: "C"'), or the frame after the quote ('"C, say, C2," she
    continued'), the parser often hangs under a word of the quote: then that clause's verb."""
    root = sent.root
    if quoted(root):
        root = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ == "VERB" and not quoted(c)
                     and (c.i > root.i or any(t.text == ":" and t.head.i == c.i for t in c.rights)
                          or sent.doc[min(c.right_edge.i + 1, len(sent.doc) - 1)].text == ":")), root)
        # (the colon hung on the quote's verb: 'Ruiz made the following comment: “C”')
    if root.pos_ != "VERB" or quoted(root) or any(c.dep_ == "neg" for c in root.children):
        return None
    outside = [t for t in sent if not quoted(t) and (t.is_alpha or t.like_num)]
    if len(outside) > QUOTE_FRAME_WORDS or not any(c.dep_ == "nsubj" and not quoted(c) for c in root.children):
        return None
    return root


def with_commas(sent: Span, lo: int, hi: int) -> set[int]:
    """Token ids lo..hi plus the commas around them."""
    doc = sent.doc
    drop = set(range(lo, hi + 1))
    if hi + 1 < sent.end and doc[hi + 1].text == ",":
        drop.add(hi + 1)
    if lo - 1 >= sent.start and doc[lo - 1].text == ",":
        drop.add(lo - 1)
    return drop


def fix_lemmas(sdoc: Doc) -> None:
    """The cue words the model lemmatizes wrongly, set right on the parse ('hoping' -> 'hope'; data/attribution_cues_en.json)."""
    for t in sdoc:
        lemma = LEMMA_FIXES.get(t.lower_)
        if lemma is not None and t.pos_ in ("VERB", "AUX") and t.lemma_ != lemma:
            t.lemma_ = lemma
