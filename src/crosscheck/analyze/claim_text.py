"""The words of a claim: clause splitting, rendering as one readable sentence, hedges, negation."""
from __future__ import annotations

import re
from typing import Container, Iterable, Sequence

from spacy.tokens import Span, Token

HEDGES = {
    "reportedly": "reportedly", "probably": "probably", "possibly": "possibly", "allegedly": "allegedly",
    "likely": "likely", "apparently": "apparently", "presumably": "presumably", "perhaps": "perhaps",
    "unconfirmed": "unconfirmed", "purportedly": "purportedly", "seemingly": "seemingly",
    "suggest": "suggest", "suggests": "suggest", "suggested": "suggest", "suggesting": "suggest",
    "alleged": "allegedly",
}
MODAL_HEDGES = {"may", "might", "could"}
_SPACES = re.compile(r"\s+")
_EDGE = " ,;:\u2014\u2013-\u2026"
_QUOTE_CLOSES = re.compile(r"[\"\u201d\u00bb]|''")  # a closing quote mark right after a run
_QUOTES = "\"\u201c\u201d\u00ab\u00bb\u201e"
_OBJECTS = {"dobj", "attr", "acomp", "prep", "ccomp", "xcomp", "oprd", "dative", "agent", "advcl", "npadvmod"}
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
MIN_CLAUSE_WORDS = 4  # a coordinated clause with fewer words stays with the sentence
# ... and so does one under this share of the words of the longest part: a short clause beside a long one
# is mostly a comment on it ('..., and it shows'). PolNeAR train (attributed claims): 0 -> 0.5 took
# precision 0.868 -> 0.880 at recall 0.523 -> 0.522; dev 0.883 -> 0.889, recall unchanged.
MIN_CLAUSE_SHARE = 0.5


def content_tokens(sent: Span, drop: Iterable[int]) -> list[Token]:
    skip = set(drop)
    return [t for t in sent if t.i not in skip and not t.is_space]


def whole_words(tokens: Sequence[Token]) -> list[Token]:
    """The tokens, with the first parts of a hyphenated word they open inside and its determiner ('announced an
    ex-gratia of Rs 4 lakh each': the parse took 'gratia ... lakh' for a clause)."""
    toks = list(tokens)
    if not toks:
        return toks
    first = min(toks, key=lambda t: t.i)
    doc, i, added = first.doc, first.i, []
    while i >= 2 and doc[i - 1].text in "-\u2010" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha and doc[i - 2] not in toks:
        added += [doc[i - 1], doc[i - 2]]
        i -= 2
    if added and i >= 1 and doc[i - 1].dep_ == "det" and doc[i - 1].head in added:
        added.append(doc[i - 1])
    return toks + added


def _roots(tokens: Sequence[Token]) -> list[Token]:
    ids = {t.i for t in tokens}
    return [t for t in tokens if (t.head.i not in ids or t.head.i == t.i) and not t.is_punct and not t.is_space]


def split_clauses(tokens: Sequence[Token], speech: Container[str] = frozenset(),
                  sources: Container[str] = frozenset(), disjunctions: Container[str] = frozenset()) -> list[list[Token]]:
    """Coordinated independent clauses apart ('X happened, but Y said Z' -> two), each readable alone (``speech``,
    ``sources``: lemmas of verbs of saying and of nouns naming a source: speakers_act); clauses that are alternatives
    stay one (``disjunctions``: 'has either carried or split the harbour wards' asserts neither alone)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    ids = {t.i for t in tokens}
    roots = [r for r in _roots(tokens) if r.pos_ in ("VERB", "AUX")]
    if len(roots) != 1:
        return [list(tokens)]
    root = roots[0]
    if any(c.dep_ in ("cc", "preconj") and c.lower_ in disjunctions and c.i in ids for c in root.children) or any(
            c.dep_ == "conj" and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].lower_ in disjunctions
            for c in root.children):  # ('will sail on Monday or the council will pay': 'or' hung on 'Monday')
        return [list(tokens)]
    subj = next((c for c in root.children if c.dep_ in _SUBJECTS and c.i in ids), None)
    parts: list[list[Token]] = []
    removed: set[int] = set()
    repeated = True  # every part opens with its own 'that': 'said X and that Y' tells two statements
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i not in ids or conj.i < root.i:
            continue
        own_subj = any(c.dep_ in _SUBJECTS for c in conj.children)
        has_obj = any(c.dep_ in _OBJECTS for c in conj.children)
        if not own_subj and (not_of_clause(root, conj) or speakers_act(conj, subj, speech, sources)):
            # 'said his client would appeal and called the ruling political': a finite verb cannot share an
            # infinitive's modal; it is coordinated with the reporting verb (the speaker's act, not the content)
            removed |= {t.i for t in conj.subtree} | {c.i for c in root.children if c.dep_ == "cc" and c.i < conj.i}
            continue
        prev = conj.doc[conj.i - 1]
        if not own_subj and conj.tag_ == "VB" and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in conj.children) and (
                root.tag_ in ("VBN", "VBG") or any(c.dep_ == "aux" and c.tag_ == "TO" for c in conj.children)):
            return [list(tokens)]  # 'money is needed to develop a test, train nurses', 'underscores its resolve to build
            # warheads and to deploy them': the base verb goes on an infinitive, not the clause ('money train nurses')
        if not own_subj and prev.dep_ == "conj" and prev.pos_ in ("NOUN", "PROPN") and prev.head.i > root.i:
            return [list(tokens)]  # 'This is a long process and early voting makes it harder': the noun the parser
            # joined to the object is the verb's subject; the clauses are not what the parse says
        if not own_subj and not (subj is not None and has_obj):
            continue
        part_ids = {t.i for t in conj.subtree if t.i in ids}
        if not own_subj:
            part_ids |= {t.i for t in subj.subtree if t.i in ids}
            if "Fin" not in conj.morph.get("VerbForm") and not any(c.dep_ in ("aux", "auxpass") for c in conj.children):
                # 'will cut 300 jobs and close two plants': the shared auxiliary goes with the second verb too (not
                # to one with its own: 'had been sent but was forced back')
                part_ids |= {c.i for c in root.children if c.dep_ == "aux" and c.i in ids}
        part = [t for t in tokens if t.i in part_ids]
        if _words(part) < MIN_CLAUSE_WORDS:
            continue
        parts.append(part)
        repeated = repeated and any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children)
        removed |= {t.i for t in conj.subtree}
        # the conjunction and punctuation just before the clause go with it
        for c in root.children:
            if c.dep_ in ("cc", "punct") and c.i < conj.i and c.i > max((x.i for x in root.children if x.i < conj.i and x.dep_ not in ("cc", "punct")), default=root.i):
                removed.add(c.i)
    main = [t for t in tokens if t.i not in removed]
    if not parts:
        return [main]
    sizes = [_words(p) for p in (main, *parts)]
    if sizes[0] < MIN_CLAUSE_WORDS or min(sizes) < MIN_CLAUSE_SHARE * max(sizes) and not repeated:
        return [list(tokens)]
    return [main, *parts]


def parenthetical(cue: Token) -> set[int] | None:
    """The token ids of a cue's clause set off by commas inside the sentence it credits, the commas with it ('The
    difference now, he told me on Friday, is that C'), or None where its words are not so bounded."""
    doc, left, right = cue.doc, cue.left_edge.i, cue.right_edge.i
    left -= doc[left].text != ","  # (the parser hangs the commas on the cue or on the clause around it)
    right += doc[right].text != ","
    if left < 1 or right + 1 >= len(doc) or doc[left].text != "," or doc[right].text != ",":
        return None
    return set(range(left, right + 1))


def not_of_clause(root: Token, conj: Token) -> bool:
    """A subjectless finite verb coordinated with an infinitive clause root (the verb of 'would appeal', 'will
    resign'): the parser's attachment, not the clause's grammar; not under 'do' ('did not mingle but left': one
    subject's two acts), nor in a clause before its cue ('C1 and C2, X said': all of it the content)."""
    if root.dep_ == "ccomp" and root.head.i > root.i or any(
            c.dep_ == "aux" and c.lemma_ == "do" for c in root.children):
        return False
    return "Inf" in root.morph.get("VerbForm") and "Fin" in conj.morph.get("VerbForm") \
        and "Past" in conj.morph.get("Tense")


def speakers_act(conj: Token, subj: Token | None, speech: Container[str], sources: Container[str]) -> bool:
    """'told reporters the offer was an insult and warned of strikes': a subjectless finite verb of saying whose
    clause's subject cannot speak (no name, pronoun or source noun: 'the offer') is coordinated with the reporting
    verb, whatever the parser attached it to."""
    if conj.head.dep_ == "ccomp" and conj.head.head.i > conj.head.i:
        return False  # 'C1 but reported C2, X said': the cue after the content; the verb is the content's
    return subj is not None and conj.lemma_ in speech and "Fin" in conj.morph.get("VerbForm") and cannot_speak(subj, sources)


def cannot_speak(subj: Token, sources: Container[str]) -> bool:
    """A subject that names no one who could speak: no name, pronoun, entity or source noun ('the offer', 'fuel costs')."""
    return subj.pos_ not in ("PRON", "PROPN") and not subj.ent_type_ and subj.lemma_.lower() not in sources


_UNIT_SIGNS = frozenset("%\u2030\u2031\u00b0")  # spaCy calls them punctuation; they belong to their figure


def _words(tokens: Sequence[Token]) -> int:
    """Words, a figure's sign counted as the word it stands for ('61.5%' as '61.5 percent', '$5' as '5 dollars')."""
    return sum(1 for t in tokens if t.is_alpha or t.like_num or t.text in _UNIT_SIGNS or t.is_currency)


def stray_that(that: Token) -> bool:
    """'that' parsed as the object of a verb that has an object of its own ('told analysts on a call that the
    company expected to deliver 1.2 million vehicles': no gap filler of 'deliver', the clause's marker); or as the
    determiner of a word inside a name ('is saying that director Gary Ross is still in talks': no demonstrative
    points into a name, the clause's marker)."""
    if that.lower_ != "that":
        return False
    if that.dep_ == "det":  # 'that [director] Gary Ross', 'that [officer] Ana Ruiz' (the name its apposition)
        head = that.head
        return head.dep_ == "compound" and head.head.pos_ == "PROPN" or any(
            c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.i > head.i and
            not any(t.is_punct for t in head.doc[head.i + 1 : c.i]) for c in head.children)
    return that.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i != that.i for c in that.head.children)


def _edge_punct(tok: Token) -> bool:
    """Punctuation a claim's edge sheds: not the sign of a figure ('36.4%' ended '36.4.')."""
    return tok.is_punct and tok.text not in _UNIT_SIGNS and not tok.is_currency


def _closes_open(toks: Sequence[Token]) -> bool:
    """The last token closes a bracket the tokens opened ('at 1:12 p.m. local time (1212 GMT)'): it stays."""
    pairs = {")": "(", "]": "["}
    close = toks[-1].text
    if close not in pairs:
        return False
    return sum(t.text == pairs[close] for t in toks) > sum(t.text == close for t in toks[:-1])


def render(tokens: Sequence[Token], min_words: int = 4) -> str | None:
    """The tokens as one sentence: runs joined, leading 'that'/conjunctions and edge punctuation off, final stop;
    None under ``min_words`` words."""
    toks = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].dep_ in ("mark", "cc") and toks[0].lower_ in ("that", "and", "but", "so", "or")
                    or stray_that(toks[0])):
        toks.pop(0)
    while toks and ((_edge_punct(toks[-1]) and toks[-1].text not in (".", "!", "?") and not _closes_open(toks))
                    or toks[-1].dep_ == "cc" or (_edge_punct(toks[-1]) and len(toks) > 1 and toks[-2].dep_ == "cc")):
        toks.pop()
    if _words(toks) < min_words:
        return None
    doc = toks[0].doc
    runs, run_start, prev = [], toks[0].i, toks[0].i
    for t in toks[1:]:
        if t.i != prev + 1:
            runs.append((run_start, prev + 1))
            run_start = t.i
        prev = t.i
    runs.append((run_start, prev + 1))
    text = doc[runs[0][0] : runs[0][1]].text
    for (_, end), (start, stop) in zip(runs, runs[1:]):
        p = doc[start:stop].text.lstrip(" ")
        if text.rstrip(" ").endswith(",") and p[:1].isupper() and _QUOTE_CLOSES.match(doc[end].text):
            # '"C1," X said, "C2."': a capital that is not a name or 'I' opens a new sentence (the comma was the
            # quotation's); else the sentence goes on after the interruption and keeps its comma
            name = doc[start].pos_ == "PROPN" or doc[start].text == "I"
            text = text.rstrip(" ")[:-1] + (", " if name else ". ") + p
        else:
            text = text.rstrip(_EDGE) + ("" if p[:1] in ",.;:" else " ") + p
    text = _SPACES.sub(" ", text).strip(_EDGE)
    if sum(text.count(q) for q in '"') % 2 or text.count("\u201c") != text.count("\u201d"):
        text = "".join(ch for ch in text if ch not in _QUOTES).strip(_EDGE)
    text = text.rstrip(_EDGE)
    if not text:
        return None
    if text[-1] not in ".!?":
        text += "."
    return text[0].upper() + text[1:]


def _comparing(modal: Token) -> bool:
    """The modal sits in a clause of comparison ('stronger than we can build', 'as fast as they could'): it
    measures, it does not hedge the claim. An 'as' of reason ('as the storm could hit') is no comparison."""
    clause = modal.head if modal.dep_ == "aux" else modal
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return "than" in marks or "as" in marks and any(c.dep_ == "advmod" and c.lower_ == "as" for c in clause.head.children)


def hedges_of(tokens: Iterable[Token]) -> tuple[str, ...]:
    out = []
    for t in tokens:
        low = t.lower_
        h = HEDGES.get(low)
        if h is None and low in MODAL_HEDGES and t.tag_ == "MD" and not _comparing(t):
            h = low
        if h is not None and h not in out:
            out.append(h)
    return tuple(out)


MIN_FULL_CLAUSE_WORDS = 3  # '20 people died', 'She has pneumonia': a subject and a finite verb are a claim


def full_clause(tokens: Sequence[Token]) -> bool:
    """The tokens are one whole clause: a finite verb with its own subject, no subordinating word before it
    ('before he died', 'where he stands') and no infinitive ('her to leave')."""
    ids = {t.i for t in tokens}
    roots = _roots(tokens)
    if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX"):
        return False
    root = roots[0]
    finite = "Fin" in root.morph.get("VerbForm") or any(
        c.dep_ in ("aux", "auxpass") and "Fin" in c.morph.get("VerbForm") for c in root.children if c.i in ids)
    subject = any(c.dep_ in _SUBJECTS and c.i in ids for c in root.children)
    bound = any(t.tag_ in ("WRB", "WP", "WDT") or t.dep_ == "mark" and t.lower_ not in ("that",) for t in tokens
                if t.i < root.i and (t.head.i == root.i or t.tag_ in ("WRB", "WP")))
    return finite and subject and not bound


def small_clause(tokens: Sequence[Token]) -> bool:
    """The tokens are a verbless clause a verb of finding or judging takes: a subject and the adjective said of it
    ('found [this levy unlawful]', 'found [Ruiz guilty]'), as whole as a clause with its verb."""
    roots = _roots(tokens)
    ids = {t.i for t in tokens}
    return len(roots) == 1 and roots[0].pos_ == "ADJ" and roots[0].dep_ in ("ccomp", "oprd", "xcomp") and any(
        c.dep_ == "nsubj" and c.i in ids and c.i < roots[0].i and c.pos_ in ("NOUN", "PROPN") for c in roots[0].children)


def subject_of(tokens: Sequence[Token]) -> str:
    """The head word of the grammatical subject of the claim's main clause, for comparing claims: a proper
    noun as written ('Page' of 'Pinup icon Bettie Page died'), else its lemma ('girl' of 'The notorious party
    girl had checked in'); '' where the clause has no subject a reader could compare (a pronoun, 'there', a
    noun-phrase content)."""
    ids = {t.i for t in tokens}
    roots = _roots(tokens)
    if not roots:
        return ""
    subj = next((c for c in roots[0].children if c.dep_ in ("nsubj", "nsubjpass") and c.i in ids), None)
    if subj is None or subj.pos_ in ("PRON", "DET", "NUM") or subj.tag_ in ("WP", "WDT", "EX") or not subj.is_alpha:
        return ""
    if subj.pos_ != "PROPN":  # 'the world's sexiest man, Hugh Jackman': the name in apposition
        subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subj)
    return subj.text if subj.pos_ == "PROPN" else subj.lemma_.lower()


_NOTHING = frozenset({"nobody", "nothing", "none", "noone"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def is_negated(tokens: Sequence[Token]) -> bool:
    """The main clause of the claim is negated ('did not send', 'never'), or its subject or object is
    none ('No tear gas was fired', 'there was no evidence', 'nobody was hurt')."""
    roots = _roots(tokens)
    return any(c.dep_ == "neg" for r in roots for c in r.children) or any(
        t.lower_ == "never" and t.head in roots for t in tokens
    ) or any(c.dep_ in _ARGUMENTS and (c.lower_ in _NOTHING or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
             for r in roots for c in r.children)


def antecedents(sdoc, ids: set[int]) -> set[int]:
    """The words among ``ids`` (a verb's object) that the claim of a clause on one of its nouns reads too, and that stay
    the object's words: the nouns a relative clause after a comma describes ('his donations, which he said bought
    favours': that clause's subject) and a participle clause of saying or showing on a noun ('polls showing Ruiz ahead',
    'reports alleging that C': that clause's own claim)."""
    out: set[int] = set()
    for k in ids:
        noun = sdoc[k]
        for rel in noun.children:
            if rel.dep_ == "relcl" and rel.i > noun.i and rel.left_edge.i > 0 and sdoc[rel.left_edge.i - 1].text == ",":
                out |= {t.i for t in noun.subtree if t.i < rel.left_edge.i - 1}
            elif rel.dep_ == "acl" and rel.i > noun.i and rel.tag_ == "VBG":
                out |= {t.i for t in rel.subtree}
    return out
