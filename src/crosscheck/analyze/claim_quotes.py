"""Who a quote belongs to when the parse is misleading: marks read from the paragraph's start, a cue's subject
inside quote marks passed over, and a quote going on after a sentence between (claims.py's quote rule calls these);
a quote opened after its cue running over sentences (``runs_on``) and a block quote under 'X added:'
(``block_quote``) and a paragraph spoken in the first person after a named speaker (``first_person``), which
claims.py's sentence loop calls."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from crosscheck.analyze.claim_index import (ALL_CUES, CUE_CLASS, JUDGING, NOUN_CUES, any_verb_of_quote, breaks_before,
                                            ends_sentence, paragraph)
from crosscheck.analyze.claim_state import FIRST_PERSON, Speaker, State, resolve, speaker_of, subject
from crosscheck.analyze.claim_subjects import PARTICIPLE_DEPS, governing_subject
from crosscheck.analyze.claim_text import content_tokens, hedges_of, render
from crosscheck.analyze.entities import doc_text
from crosscheck.analyze.quote_marks import cue_follows

MARK = re.compile(r"''|``|[\"\u201c\u201d\u00ab\u00bb\u201e]")  # quote marks; '' and `` as in archive text
_OPENING, _CLOSING = frozenset({"\u201c", "\u00ab", "\u201e", "``"}), frozenset({"\u201d", "\u00bb"})

_WORD = re.compile(r"\w+")
_EDGES = re.compile("^[\\s'\"\u201c\u201d\u00ab\u00bb\u201e.,!?]+|[\\s'\"\u201c\u201d\u00ab\u00bb\u201e.,!?]+$")


def bare(text: str) -> str:
    """``text`` without the quote marks, stops, commas and spaces at its edges (no-break spaces of scraped
    text too: '“C.”\\xa0' left over beside a quote is nothing)."""
    return _EDGES.sub("", text)


_RESUMING = re.compile(r"(?:[,:;.!?\u2014\u2013-]|\b(?:that|but|and))$")


def resumes(gap: str) -> bool:
    """Whether the words between two quotes of one sentence hand over to the second as more of the first
    (',” X said, “' / ', adding: “' / 'adding that “' / 'X said, but “'); a clause running up to it does not
    (“C,” she said, but as Y went on about “D”: D is what Y said)."""
    return bool(_RESUMING.search(MARK.sub("", gap).rstrip()))


_SUBORDINATE = frozenset({"advcl", "relcl", "acl"})


def quote_cues(cues: list[Token], regions: list[tuple[int, int, bool]]) -> list[Token]:
    """The verbs of saying that may credit a quote among the sentence's ``cues`` outside it, the likeliest first: the
    one nearest the quote, a cue of a clause set under another last ('When the auditor noted that C, the mayor
    replied, “Q”': the mayor's Q, not the auditor's)."""
    def gap(t: Token) -> int:
        return min(min(abs(t.idx - r[0]), abs(t.idx - r[1])) for r in regions)
    return sorted(cues, key=lambda t: (t.dep_ in _SUBORDINATE, gap(t)))


def credited(st: State, cues: list[Token]) -> tuple[Token, str | None, str | None]:
    """The first of a quote's ranked ``cues`` whose speaker is known, with that speaker (the first cue with none
    when none is): 'Lynch said she recalled thinking, “Q”' where the parse leaves 'thinking' no subject."""
    for k, cue in enumerate(cues):
        if k and cue.dep_ in _SUBORDINATE:
            break
        speaker, speaker_text = quote_speaker(st, cue)
        if speaker is not None or speaker_text is not None:
            return cue, speaker, speaker_text
    return cues[0], None, None


def cue_clause(cue: Token, cues: set[int]) -> set[int]:
    """The token ids of the clause a quote's cue heads, but for what of it holds another cue ('Ana Ruiz, who said
    C2, replied'): where that clause is coordinated under another cue's content, it is none of that content ('She
    said C, and when pressed, the mayor replied, "Q"')."""
    out = {cue.i}
    for child in cue.children:
        sub = {t.i for t in child.subtree}
        if not sub & cues:
            out |= sub
    return out


def inside_clause(cue: Token, start: int) -> bool:
    """Whether a quote opening at ``start`` goes on the clause its cue reports before it ('X acknowledged that
    there are still "some people" who feel that way, "but not among the vast majority."'): the cue's
    complement opens between the cue and the quote, so the clause and the quote are one claim, the reported
    one, and the quote is not a claim of its own."""
    text = doc_text(cue.doc)
    return cue.idx < start and any(c.dep_ == "ccomp" and cue.i < c.left_edge.i and c.left_edge.idx < start
                                   and _WORD.search(MARK.sub("", text[c.left_edge.idx : start]))
                                   and not in_quote_marks(c.left_edge) for c in cue.children)


def in_quote_marks(tok: Token) -> bool:
    """Is the token between quote marks (a quoted title, the quote itself)? Read from its paragraph's start, so a
    quote opened in an earlier sentence counts ('"C1? C2," X said': 'C2' is quoted, 'X' is not)."""
    text = doc_text(tok.doc)  # spaCy joins every token on each .text
    inside = False
    for m in MARK.finditer(text, text.rfind("\n", 0, tok.idx) + 1, tok.idx):
        mark = m.group(0)
        inside = True if mark in _OPENING else False if mark in _CLOSING else not inside
    return inside


def quote_speaker(st: State, cue: Token) -> tuple[str | None, str | None]:
    """The speaker of a quote's cue, never a phrase inside quote marks: the parser hangs the quote's last
    words ('"C. Full panic mode," said X') or a quoted show title ('X said on "Fox and Friends"') on the cue
    as its subject, or leaves the cue with none (a participle: the subject of the clause it hangs on, 'X
    defended it, saying, "C1. C2."'); then the other subject, else the first name between the quote and the cue
    ('"C," Flynn, a top surrogate, said'), else a name right after the cue ('"C," said X'; a cue opening the
    sentence: 'Said X: "C"')."""
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and not any(in_quote_marks(c) for c in subjects):
        return speaker_of(st, cue)
    if not subjects:  # the parser left the cue without a subject ('"C," Tulsa police Chief X said': X hung elsewhere)
        found = speaker_of(st, cue)
        if found != (None, None):
            return found
        governing = governing_subject(cue) if cue.tag_ == "VBG" and cue.dep_ in PARTICIPLE_DEPS else None
        if governing is not None and not in_quote_marks(governing):  # 'X defended the remark, saying, "C1. C2."'
            return resolve(st, governing)
    other = subject(cue, skip=in_quote_marks)
    if other is not None:
        return resolve(st, other)
    sent = cue.sent
    close = max((t.i for t in sent if t.i < cue.i and MARK.fullmatch(t.text) and t.text not in _OPENING),
                default=sent.start - 1)
    named = next((t for t in sent.doc[close + 1 : cue.i] if t.i in st.ents.by_token), None)
    opens = all(t.is_punct or t.is_space for t in sent.doc[sent.start : cue.i])  # 'Said Ellis: "C"'
    if named is None and cue.i + 1 < sent.end and (opens or sent.doc[cue.i - 1].text == "," or MARK.fullmatch(sent.doc[cue.i - 1].text)):
        named = sent.doc[cue.i + 1]  # '"C," said X': the name right after the cue (a title before it aside)
        if named.i not in st.ents.by_token and named.i + 1 < sent.end and named.text.endswith("."):
            named = sent.doc[named.i + 1]
        named = named if named.i in st.ents.by_token else None
    if named is not None and not in_quote_marks(named):
        return resolve(st, named)
    return None, None


def quote_goes_on(st: State, sents: list[Span], last: Speaker, i: int) -> bool:
    """'"C1," X said. He paused. "C2."': a quote sentence two sentences after its speaker's quote, in one
    paragraph, with nothing between that quotes or names another person (or only the next quote's opening mark,
    which the parser split off), is the same speaker going on."""
    if st.quoted is None or st.quoted.sent != last.sent or last.sent != i - 2 or (st.quoted.key, st.quoted.text) != (last.key, last.text):
        return False
    between = sents[i - 1]
    if not any(t.is_alpha or t.like_num for t in between) and "\n" not in between.text:
        return True  # ('"C1," X said. \'\' "C2."': the parser made the next quote's opening mark a sentence)
    if "\n" in doc_text(st.sdoc)[sents[i - 2].end_char : sents[i].start_char] or MARK.search(between.text):
        return False
    for t in between:
        ent = st.ents.entity(st.ents.by_token.get(t.i))
        if ent is not None and ent.type == "PERSON" and ent.key != last.key:
            return False
    return True


def runs_on(st: State, sents: list[Span], i: int, region: tuple[int, int, bool], added: int) -> int | None:
    """'According to X, "C1. C2."' / 'X said "C1. C2."': a quote opened in a sentence whose reported speech was
    read as one claim, the quote's first sentence, and going on over the next sentences to its closing mark. The
    claim goes on with them, as a quote opened after its cue does (claims.py's quote rule): the index of the
    quote's last sentence, else None."""
    sent = sents[i]
    if region[2] or region[0] < sent.start_char or region[1] <= sent.end_char or len(st.claims) != added + 1:
        return None
    claim = st.claims[-1]
    first = _WORD.search(doc_text(st.sdoc)[region[0] : region[1]])
    if first is None or claim.start != sent.start_char or not claim.text.lower().startswith(first.group().lower()):
        return None  # not the quote's own words (a clause of the sentence outside it)
    j = i
    while j + 1 < len(sents) and sents[j].end_char < region[1]:
        j += 1
    toks = [t for s in sents[i + 1 : j + 1] for t in s if region[0] <= t.idx < region[1]]
    if toks and all(t.i in st.used for t in toks):
        return j  # the claim took the quote's words to its closing mark already (through_quote_end)
    text = render(toks, 1) if j > i else None
    if text is None:
        return None
    st.claims[-1] = replace(claim, text=f"{claim.text} {text}", end=sents[j].end_char,
                            hedges=tuple(dict.fromkeys(claim.hedges + hedges_of(toks))))
    st.used.update(t.i for t in toks)
    return j


def block_quote(st: State, sents: list[Span], i: int) -> int | None:
    """'The governor added:' ending its paragraph, over a paragraph without quote marks (a block quote on the page):
    that paragraph is the speaker's words, one claim. The cue is a verb of saying with no content of its own, or
    a noun of saying its verb's object ('The governor made the following comment:');
    the index of the paragraph's last sentence, else None."""
    toks = [t for t in sents[i] if not t.is_space]
    if len(toks) < 3 or toks[-1].text != ":" or i + 1 >= len(sents) or not breaks_before(sents[i + 1]):
        return None
    noun = toks[-2] if toks[-2].pos_ == "NOUN" and NOUN_CUES.get(toks[-2].lemma_) == "speech" and toks[-2].dep_ == "dobj" \
        and toks[-2].head.pos_ == "VERB" else None  # 'X made the following comment:', 'X issued this statement:'
    cue = noun.head if noun is not None else toks[-2] if toks[-2].pos_ == "VERB" else None  # 'X added:'
    if cue is None or noun is None and (CUE_CLASS.get(cue.lemma_) != "speech" or any(
            c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.children)):
        return None
    para = paragraph(sents, i + 1)
    speaker, speaker_text = speaker_of(st, cue)
    if speaker is None and speaker_text is None:
        return None
    if MARK.match(para[0].text.lstrip()) and not para[-1].text.rstrip().endswith(tuple(_OPENING)):
        # a quoted paragraph: the quote rule reads it, as the words of the one the cue credits ('The Valdor Times
        # reports:' over it); one closed by an opening mark ('... 51 percent.“'), which no quote rule reads, is read here
        st.quoted = Speaker(speaker, speaker_text, i)
        return None
    st.add([t for s in para for t in s], para, speaker, speaker_text, (noun or cue).lower_, "quote", split=False)
    return i + len(para)


def first_person(st: State, sent: Span, sents: list[Span], i: int) -> bool:
    """A sentence of a paragraph spoken in the first person, right after a named speaker (quote marks lost).
    The speaker is the one credited just before the paragraph: on PolNeAR train, a speaker credited up to
    six sentences before gave 23 more such claims, 6 of them right (precision 0.888 -> 0.889; dev 0.893 -> 0.896)."""
    last = st.recent(2 * st.settings.claim_speaker_window, "PERSON")
    if last is None or not ends_sentence(sent):
        return False
    para = paragraph(sents, i)
    if len(para) > 8 or int(st.index.alpha[sent.start : sent.end].sum()) < 4:
        return False
    if last.sent < i - sum(1 for s in para if s.start < sent.start) - 1:
        return False  # the speaker credited in the sentence just before the paragraph, not further up the report
    text = doc_text(sent.doc)[para[0].start_char : para[-1].end_char]
    if "''" in text or any(q in text for q in '"\u201c\u201d\u00ab\u00bb'):
        return False
    # most sentences speak as I/we/you, and someone does so as subject: the paragraph is speech
    personal = sum(1 for s in para if st.index.personal[s.start : s.end].any())
    if personal * 2 <= len(para) or not any(
            t.lower_ in FIRST_PERSON and t.dep_ in ("nsubj", "nsubjpass") for s in para for t in s):
        return False
    st.add(content_tokens(sent, ()), [sent], last.key, last.text, None, "quote")
    st.last = last  # a long quote does not make its speaker more recent
    return True


def verbless_tail(sent: Span, region: tuple[int, int]) -> list[Token]:
    """The words after a quote that opens its sentence, when they are a few words with no verb of their own
    ('"It's just a tax increase" for the top income bracket.'): they finish the quoted words (PolNeAR's contents
    take them in); [] when there are none, when the sentence holds words before the quote, or when they say
    something of their own."""
    if bare(doc_text(sent.doc)[sent.start_char : region[0]]):
        return []
    tail = [t for t in sent if t.idx >= region[1] and not t.is_punct and not t.is_space]
    if not tail or len(tail) > TAIL_WORDS or any(t.pos_ in ("VERB", "AUX") for t in tail):
        return []
    return tail


TAIL_WORDS = 8
CUED_TAIL_WORDS = 25
_TAIL_DEPS = frozenset({"prep", "agent", "advmod", "npadvmod", "dobj", "pobj", "prt", "acomp", "oprd", "dative"})


def cued_tail(sent: Span, regions, cue: Token) -> list[Token]:
    """The words between a quote and the comma before its cue that finish the quoted words ('"We are frustrated and
    horrified" by the fire at the depot, Vell said.': a phrase the parser hangs on a quoted word, relative clause and
    all): the content takes them in, as PolNeAR's contents do; [] when there are none or they make a clause of their
    own ('"It is over" and the vote goes on, Vell said')."""
    ends = [b for a, b, *_ in regions if b <= cue.idx and a >= sent.start_char]
    if not ends:
        return []
    toks = [t for t in sent if t.idx >= max(ends) and t.i < cue.i]
    comma = max((k for k, t in enumerate(toks) if t.text == ","), default=None)
    tail = [t for t in toks[:comma] if not MARK.fullmatch(t.text) and not t.is_space] if comma else []
    words = [t for t in tail if not t.is_punct]
    if not words or len(words) > CUED_TAIL_WORDS:
        return []
    ids = {t.i for t in tail}
    inside = lambda t: any(a <= t.idx < b for a, b, *_ in regions)  # noqa: E731
    tops = [t for t in words if t.head.i not in ids]
    if not tops or any(not inside(t.head) or t.dep_ not in _TAIL_DEPS and not _subjectless_clause(t) for t in tops):
        return []
    return tail


def _subjectless_clause(tok: Token) -> bool:
    """A clause with no subject of its own that finishes the quoted verb ('"You squeezed the crews" to drive up the
    fares, she said': why they were squeezed), not one that goes on with another ('... and the vote goes on')."""
    return tok.dep_ in ("advcl", "xcomp") and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)


def frame_follows(nxt: Span, end: int) -> bool:
    """The sentence ``nxt``, which the parser started right after a quote ending at character ``end`` ('"Why not?"
    Ruiz said.'), is the quote's frame: a verb of saying comes first, or it opens in lower case and is a short
    frame of its own, a subject and its verb ('"... pay his?" a narrator in the ad asks.'), or it is a named
    subject and a verb with no complement ('"Why not?" Mayor Ek asked.')."""
    if cue_follows(nxt.doc, end, across=True):
        return True
    first = next((t for t in nxt if t.is_alpha), None)
    if first is None:
        return False
    verb = any_verb_of_quote(nxt, lambda t: False)
    if verb is None:
        return False
    if first.text[:1].islower():
        return True
    # '"Why do they pay less than you do?" Mayor Ek asked.': a named subject and its verb, nothing else
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON") and \
        sum(1 for t in nxt if t.is_alpha) <= 5 and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "attr", "acomp")
                                                          for c in verb.children)


def writer_speaks(st: State, subj: Token | None) -> bool:
    """``subj`` is the writer of the piece ('I', 'we'), outside quote marks, with no person credited in the sentences
    before (whose words a paragraph in the first person goes on with: first_person), or in a piece whose writer has
    spoken so before (an opinion piece: its 'I' is the writer's after a person is quoted too); a yes is recorded in
    ``st.writer``."""
    if not st.outlet or subj is None or subj.lower_ not in ("i", "we") or in_quote_marks(subj):
        return False
    if not st.writer and st.recent(2 * st.settings.claim_speaker_window, "PERSON") is not None:
        return False
    st.writer = True
    return True


def through_quote_end(toks: list[Token], regions) -> list[Token]:
    """The content run on to the end of a quote it opens ('saying she had "steady hands, but most of all, she
    has a good heart."' where the parse ends the clause at 'hands'; 'saying he is "weak on immigration. Weak like
    a baby."' over the sentences the quote runs on): the quoted words are the speaker's."""
    if not toks:
        return toks
    doc, last = toks[0].doc, toks[-1]
    for a, b, _ in regions:
        if toks[0].idx <= a <= last.idx < b:
            more = []
            for t in doc[last.i + 1 :]:
                if t.idx > b or t.idx == b and not MARK.fullmatch(t.text):
                    break
                more.append(t)
            return toks + more
    return toks


def _quoted_verb(toks: list[Token]) -> Token | None:
    """The verb of a clause whose subject comes before the quote marks, when the quoted tokens open with it ('That "is
    the thing that saved us"', 'The rules, the mayor said, "will make the harbour safer"'); else None."""
    first = next((t for t in toks if t.is_alpha), None)
    if first is None or first.pos_ not in ("VERB", "AUX"):
        return None
    verb = first.head if first.dep_ in ("aux", "auxpass", "neg") else first
    return verb if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < toks[0].i for c in verb.children) else None


def with_quoted_predicate(toks: list[Token], cue: Token | None, qsents: list[Span], clause: set[int]) -> list[Token]:
    """A quote that is the predicate of a clause its subject opens outside the marks ('The club's investment, Ms.
    Tanzer said, "is a perfect example of adapting" to the new economics'): the whole clause but the cue's
    (``clause``; its quote marks stay), as a quote alone says nothing of what it is said of."""
    verb = _quoted_verb(toks) if cue is not None and len(qsents) == 1 else None
    if verb is None or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < toks[0].i and c.i in clause for c in verb.children):
        return toks  # ('X said "will come"': the subject is the cue's)
    return [t for t in qsents[0] if t.i not in clause or MARK.fullmatch(t.text)]


def partial_quote(st: State, sent: Span, region: tuple[int, int, bool]) -> bool:
    """'Ruiz called the proposal "a reckless gamble"': a quoted fragment the sentence's subject utters."""
    root = sent.root
    if root.lemma_ not in ALL_CUES and root.lemma_ not in JUDGING:
        return False
    quoted = doc_text(sent.doc)[region[0] : region[1]].split()
    if sum(1 for w in quoted if w[:1].isupper()) * 2 > len(quoted):
        return False  # a title ('a report titled "Water Quality in the North"')
    if root.pos_ != "VERB" or any(c.dep_ == "neg" for c in root.children) or not region[0] > root.idx:
        return False
    if not (root.right_edge.idx + len(root.right_edge.text) >= region[1] or sent.end_char >= region[1]):
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return False
    speaker, speaker_text = resolve(st, subj)
    if speaker is None and (speaker_text is None or subj.pos_ == "PRON"):
        return False
    toks = []
    for child in root.children:
        if child.i < root.i or child.dep_ == "punct" and child.i == sent.end - 1:
            continue
        sub = list(child.subtree)
        inside = any(region[0] <= t.idx < region[1] for t in sub)
        if child.dep_ in ("prep", "npadvmod", "advmod", "advcl", "cc", "conj") and not inside:
            continue  # 'on Monday'
        toks += sub
    if not any(region[0] <= t.idx < region[1] for t in toks):
        return False
    before = len(st.claims)
    st.add(toks, [sent], speaker, speaker_text, root.lower_, "quote", split=False)
    return len(st.claims) > before
