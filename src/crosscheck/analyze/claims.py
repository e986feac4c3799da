"""Attributed claims in one report: who asserts what, through whom, with which hedges.

Paragraph by paragraph, sentence by sentence:
1. quotes ("...," X said / X said: "..." / a quote spanning sentences / a quoted paragraph with no
   cue, spoken by the last speaker); each sentence of a quote, and each independent clause, is a claim;
2. reported speech: a cue verb (said, stated, noted, warned, told ...) with a complement clause,
   in either order ("X said that C" / "C, X said"), cut at the clause; beliefs, intentions and
   knowledge ("critics doubt that C", "the campaign plans to C", "investors know that C") as claims
   of kind belief / intention / knowledge (cue classes: data/attribution_cues_en.json); several
   attributions in one sentence ("..., while Y said D", "..., adding that D", "X, who has said C");
   speech reported inside a claim or a quote, chained through the outer speaker; quoted fragments
   framed by a cue or a characterising verb ('called the plan "a reckless gamble"');
3. "according to X" (anywhere in the sentence), with "As the outlet notes, according to Y, C" giving
   a chain; a document source ("according to intelligence reports") right after a person's claim
   stays with that person as a chain;
4. first-person paragraphs with no quote marks right after a named speaker (translated speech);
5. noun-phrase contents of verbs of saying and judging ('attacked Machado', 'called for his dismissal';
   claim_objects.py), when the sentence has no other attribution;
6. optionally, the outlet's own factual sentences (a finite verb plus a number, date or named actor).
Speakers resolve to local entities (claim_state.py): names, titles ('the President'), pronouns (he/she ->
last speaker), definite roles ('the ministry' -> the Health Ministry named before, unless two were named
together).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from crosscheck.analyze import claim_frames, claim_learned
from crosscheck.analyze.claim_index import (
    ABSOLUTE_PREPS, COMMISSIVE, CUE_CLASS, ESTIMATE_VERBS, JUDGING, LABEL_TOPIC_PREPS, NOT_OBJECT, OBJECT_PREPS,
    SEEING_AS, STANCE, SWORN, Index, accusation, adding_head, asks, bare_clause_after, before_comma,
    breaks_before, citing, comma_that,
    any_verb_of_quote, apposition_before_conjunct, fix_lemmas, infinitive, is_clause, paragraph, paragraph_text, phrase, phrase_before_cue,
    quoted_as_saying, relative_speaker, subtree_ids, without_other_attributions,
    without_title_before,
)
from crosscheck.analyze.claim_labels import credit_mark, dash_credit, label, transcript_names
from crosscheck.analyze.claim_nested import beside_quote, nested, nested_before, unsaid
from crosscheck.analyze.claim_refusals import refusals
from crosscheck.analyze.claim_outlet import add_outlet, headline_fact, outlet_fact
from crosscheck.analyze.claim_quotes import (bare, block_quote, credited, cue_clause, cued_tail, first_person,
                                            inside_clause, frame_follows, partial_quote, quote_cues, resumes, runs_on,
                                            through_quote_end, verbless_tail, with_quoted_predicate, writer_speaks)
from crosscheck.analyze.claim_sources import (according_to, in_document, names_a_document, possessed_count, quoted_according,
                                              rival_speech, speaker_acts, told_outlet)
from crosscheck.analyze.claim_words import word_cues
from crosscheck.analyze.quote_marks import MARK_TOKENS, names_a_title, quote_regions, quote_regions_of, verb_before_quote
from crosscheck.analyze.claim_quotes import quote_goes_on as _quote_goes_on
from crosscheck.analyze.claim_quotes import quote_speaker as _quote_speaker
from crosscheck.analyze.claim_objects import (backshifted_after, clause_content, colon_after, inverted_content,
                                              inverted_that, narrators_conjunct, no_one, object_content, own_conjunct,
                                              passive_naming, reason_after, relative_content, relative_speaker_noun,
                                              relative_with_subject, stranded_after, subject_before_aside)
from crosscheck.analyze.claim_subjects import (PARTICIPLE_DEPS, continues, governing_subject, noun_infinitive,
                                               inverted_aside, participle_as_subject, subject_read_as_object)
from crosscheck.analyze.claim_state import Speaker as _Speaker
from crosscheck.analyze.claim_state import State as _State
from crosscheck.analyze.claim_state import name_text, object_read_as_subject
from crosscheck.analyze.claim_state import resolve as _resolve
from crosscheck.analyze.claim_state import speaker_of as _speaker_of
from crosscheck.analyze.claim_state import subject as _subject
from crosscheck.analyze.claim_state import subject_or_shared
from crosscheck.analyze.claim_text import antecedents, parenthetical
from crosscheck.analyze.entities import LocalEntities, doc_text
from crosscheck.config import Settings
from crosscheck.denials import is_denial, referring
from crosscheck.model import Claim, Mention

MIN_OBJECT_WORDS = 2  # 'called for [his dismissal]': a noun-phrase content of two words is a claim
_PERSONAL_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they"})
ATTITUDES = frozenset({"belief", "intention", "knowledge"})  # cue classes whose negation is an attitude, not silence
MIN_CUED_QUOTE_WORDS = 2  # '"We need change," X said': a quote its verb of saying frames (others: the setting's floor)


@dataclass
class ClaimResult:
    claims: tuple[Claim, ...] = ()
    mentions: tuple[Mention, ...] = ()  # pronoun speakers resolved to entities


def extract(sdoc: Doc, ents: LocalEntities, outlet: str | None = None, settings: Settings | None = None,
            outlet_claims: bool | None = None, headline: bool = False, names: frozenset[str] = frozenset()) -> ClaimResult:
    """Attributed claims of one parsed English report (``outlet_claims`` overrides the setting). ``headline``:
    ``sdoc`` is the report's headline, read as headlines are written (headlines.py); ``names``: words of the
    names the rest of the report gives, for a label ('Zelenskyy: C')."""
    settings = settings or Settings()
    if outlet_claims is None:
        outlet_claims = settings.claim_outlet_statements
    fix_lemmas(sdoc)
    st = _State(ents=ents, sdoc=sdoc, index=Index(sdoc, ents), settings=settings, outlet=outlet)
    sents = list(sdoc.sents)
    st.quotes = quotes = quote_regions(sdoc, settings.claim_min_quote_words, single=headline)
    names = names | frozenset(w for e in ents.entities for w in e.name.split()) | transcript_names(doc_text(sdoc))
    qi = 0
    i = 0
    framed: list[Claim] = []  # claims cued by the frame lexicon (claim_frames.py), read after each sentence
    frame_cues, read_to = claim_frames.lexicon().positions(sdoc), 0
    learned_cues = claim_learned.model().positions(sdoc)  # cues the learned model reads (claim_learned.py)
    while i < len(sents):
        read_to = _frames(st, sents, read_to, i, frame_cues, framed, learned_cues)
        sent = sents[i]
        st.si = i
        while qi < len(quotes) and quotes[qi][1] <= sent.start_char:
            qi += 1
        region = quotes[qi] if qi < len(quotes) and quotes[qi][0] < sent.end_char else None
        if region is None and st.pending:
            st.pending.clear()  # an unclosed quote paragraph not followed by the rest of the quote
        labelled = label(sent, ents.by_token, names) if breaks_before(sent) else None
        if labelled is not None and _labelled(st, sents, i, *labelled):
            i = i + len(paragraph(sents, i))
            continue
        if region is not None:
            j = i
            while j + 1 < len(sents) and sents[j].end_char < region[1]:
                j += 1
            if (j + 1 < len(sents) and not region[2] and not breaks_before(sents[j + 1])
                    and not bare(doc_text(sdoc)[region[1] : sents[j].end_char]) and frame_follows(sents[j + 1], region[1])
                    and not bare(doc_text(sdoc)[sents[i].start_char : region[0]])):
                # '"Why not?" Ruiz said.': the parser ended the sentence at the quote, its cue opens the next (not
                # after 'she said: "Not this year."', whose cue came before it)
                j += 1
            k = qi + 1  # '"C1," X said, "C2."': the quote going on after its cue in the same sentence
            while (not region[2] and k < len(quotes) and not quotes[k][2] and quotes[k][0] < sents[j].end_char
                   and resumes(doc_text(sdoc)[quotes[k - 1][1] : quotes[k][0]])):
                while j + 1 < len(sents) and sents[j].end_char < quotes[k][1]:
                    j += 1
                k += 1
            if _quote(st, region, sents[i : j + 1], sents, i, quotes[qi + 1 : k]):
                beside_quote(st, sents[i : j + 1], quote_regions_of(quotes, sents[i].start_char, sents[j].end_char))
                i = j + 1
                continue
        block = block_quote(st, sents, i)  # 'The governor added:' over a paragraph of his words
        if block is not None:
            i = block + 1
            continue
        cued, added = word_cues(st, sent), len(st.claims)  # claim_words.py: "the mayor's claim that C"
        made = _credited(st, sent) or _reported(st, sent)
        if region is not None and len(st.claims) == added:  # (a cue read as naming who speaks next: 'X tells them to "Q"')
            made = partial_quote(st, sent, region) or made
        made = refusals(st, sent) or made  # claim_refusals.py: 'the ministry declined to comment'
        if made or possessed_count(st, sent):
            on = runs_on(st, sents, i, region, added) if region is not None else None  # 'X said "C1. C2."'
            if outlet_claims:
                speaker_acts(st, sent, outlet)  # 'X said C and declared three days of mourning': X's act, the report's
            _objects(st, sent, beside=True)  # 'X described the plan as ominous, and said C': the object beside the clause
            i = i + 1 if on is None else on + 1
            continue
        if _objects(st, sent):  # its subject stays the referent of a later 'he', as in a sentence with no claim
            _note_subject(st, sent)
            i += 1
            continue
        if first_person(st, sent, sents, i):
            i += 1
            continue
        stated = headline_fact(sent, st.index) if headline else outlet_fact(sent, st.index, settings)
        if outlet_claims and not cued and stated:
            add_outlet(st, sent, outlet)
        _note_subject(st, sent)
        i += 1
    _frames(st, sents, read_to, len(sents), frame_cues, framed, learned_cues)
    # a sentence an estimate credits to someone ('Organisers put the crowd at 90,000') is not also the report's own
    # (other frames leave it: 'X ordered him to repay' states the order as the report's fact; ECB+ pairs 0.562 ->
    # 0.559 when every frame did)
    sourced = [(c.start, c.end) for c in framed if (c.speaker is not None or c.speaker_text)
               and c.cue and any(c.cue.lower().startswith(v.rstrip("e")) for v in ESTIMATE_VERBS)]
    own = [c for c in st.claims if not (c.kind == "outlet" and any(s < c.end and c.start < e for s, e in sourced))]
    own = [c if c.key == f"c{k + 1}" else replace(c, key=f"c{k + 1}") for k, c in enumerate(own)]
    framed = [replace(c, key=f"c{len(own) + k + 1}") for k, c in enumerate(framed)]
    return ClaimResult(tuple(own) + tuple(framed), tuple(st.mentions))


def _frames(st: _State, sents: list[Span], start: int, stop: int, cues: list[int], out: list[Claim],
            learned: list[int] = ()) -> int:
    """Frame-cued and learned claims (claim_learned.py) of the sentences start..stop-1, read once the claim
    finder is past them."""
    for k in range(start, stop):
        if cues:
            out.extend(claim_frames.sentence_claims(st, sents[k], cues))
        if learned:
            out.extend(claim_learned.sentence_claims(st, sents[k], learned, out))
    return stop


def _labelled(st: _State, sents: list[Span], i: int, head: Token, first: int) -> bool:
    """'PENCE: C' (a transcript: the paragraph is the label's words) / 'Pence: C' (a headline)."""
    para = [s for s in paragraph(sents, i) if s.start >= sents[i].start]
    speaker, speaker_text = _resolve(st, head)
    topic = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in LABEL_TOPIC_PREPS and c.i > head.i), None)
    if topic is not None and speaker_text is not None:  # 'Ruiz on the ferry levy: C': Ruiz, not her topic
        speaker_text = phrase(head.doc[head.left_edge.i : topic.i])
    toks = [t for s in para for t in s if t.i >= first]
    if _roll(toks):
        return False  # 'Iowa: Ana Ek, Piet Lund, Tomas Brandt, ...': a list of names under a heading, no one's words
    before = len(st.claims)
    st.add(toks, para, speaker, speaker_text, ":", "quote" if head.text.isupper() else "reported", split=False)
    return len(st.claims) > before


def _roll(toks: list[Token]) -> bool:
    """The words are a roll of names: no verb, at least three commas, and mostly proper nouns."""
    words = [t for t in toks if t.is_alpha]
    return bool(words) and not any(t.pos_ in ("VERB", "AUX") for t in toks) and sum(t.text == "," for t in toks) >= 3 \
        and sum(t.pos_ == "PROPN" for t in words) >= 0.7 * len(words)


def _note_subject(st: _State, sent: Span) -> None:
    subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    key = st.ents.by_token.get(subj.i) if subj is not None else None
    ent = st.ents.entity(key)
    if ent is not None and ent.type == "PERSON":
        st.subject = _Speaker(key, phrase(sent.doc[subj.left_edge.i : subj.right_edge.i + 1]), st.si)


# ---------------------------------------------------------------- quotes
def _quote(st: _State, region: tuple[int, int], qsents: list[Span], sents: list[Span], i: int,
           more: list[tuple[int, int, bool]] = ()) -> bool:
    """Claims of one quote (with ``more``, its parts after the cue); False when the quote is part of a
    sentence and no one is credited with it."""
    sdoc = st.sdoc
    if region[2]:  # (opened after the quote of the sentence before: '"C1," X said. "C2 ...', X's quote if X goes on)
        after = (st.quoted.key, st.quoted.text, sents[i - 1].start_char) if st.quoted is not None and \
            st.quoted.sent == i - 1 and not breaks_before(qsents[0]) else None
        st.pending.append((region, qsents, after))
        if st.quoted is not None and st.quoted.sent == i - 1:  # ('X reports:' over it) its speaker runs on with it
            st.quoted = _Speaker(st.quoted.key, st.quoted.text, i + len(qsents) - 1)
        return True
    opening = "'\"\u201c\u201d\u00ab\u201e\u2018"  # (a headline's single mark too)
    prefix = doc_text(sdoc)[qsents[0].start_char : region[0]].strip().rstrip(opening).strip()
    if prefix and not prefix.endswith((":", ",", "(")):
        return False  # a quoted fragment inside a sentence ('said the move was "a clear escalation"'; not one
        # opening an aside: 'prompted some blowback ("I want my dues back," wrote Jon Ostvik)')
    inside = lambda t: region[0] <= t.idx < region[1]  # noqa: E731
    regions = [region, *more]
    in_any = lambda t: any(r[0] <= t.idx < r[1] for r in regions)  # noqa: E731
    cue, continued = None, False
    for sent in (qsents[-1], *qsents[:-1]):
        outside_cues = [sdoc[j] for j in st.index.within(st.index.cues, sent) if not in_any(sdoc[j])]
        ranked = quote_cues([t for t in outside_cues if CUE_CLASS.get(t.lemma_) in ("speech", "belief")], regions)
        cue = ranked[0] if ranked else None
        if cue is None:  # 'footage of Mayor Ruiz asking, "Q"': the verb right before the quote, with its subject
            cue = verb_before_quote(sent, region, in_any)
        if cue is None:
            cue = any_verb_of_quote(sent, in_any)  # '"C," Ruiz retorted.': a quote and its speaker, whatever the verb
        if cue is not None:
            break
    if cue is not None:
        cue, speaker, speaker_text = credited(st, ranked) if ranked else (cue, *_quote_speaker(st, cue))
        if speaker is None and speaker_text is None and writer_speaks(st, subject_or_shared(cue)):
            speaker_text = st.outlet  # 'I laughed and said, "Q"': the piece's own writer
        st.quote_cue = cue.i
        if speaker is None and speaker_text is None or prefix and inside_clause(cue, region[0]) or no_one(cue):
            return False
        cue_text = cue.lower_
        inside = in_any
        tail = {t.i for t in cued_tail(qsents[-1], regions, cue)}
        if tail:  # '"C" by the fire at the depot, Vell said.': the words closing the quote are part of it
            inside = lambda t: in_any(t) or t.i in tail  # noqa: E731
    else:
        para = paragraph_text(sdoc, qsents)
        outside = bare(para.replace(doc_text(sdoc)[region[0] : region[1]], ""))
        last = st.recent(st.settings.claim_speaker_window)
        if (last is None or last.sent < i - 1) and st.quoted is not None and st.quoted.sent == i - 1:
            last = st.quoted  # '"C1," he said. "C2."': the quote goes on, its speaker unresolved or not
        after = i + len(qsents)
        credit = None
        if not prefix:  # '"C." ― Ana Ruiz' on the quote's own line, else on the line under it
            credit = dash_credit(qsents[-1], region[1])
            if credit is None and after < len(sents):
                credit = dash_credit(sents[after])
        if credit is not None:  # a quoted paragraph over its credit line: '"C" / ― Ana Ruiz'
            key, text = _resolve(st, credit)
            last, outside = _Speaker(key, text, after), ""
        elif outside and last is not None and not prefix and (last.sent == i - 1 or _quote_goes_on(st, sents, last, i)):
            # '"C1," X said. "C2."': a sentence that is all quote goes on with the speaker just credited
            rest = doc_text(sdoc)[qsents[0].start_char : qsents[-1].end_char].replace(doc_text(sdoc)[region[0] : region[1]], "")
            outside = bare(rest)
            tail = verbless_tail(qsents[-1], region)
            if outside and tail:  # '"C1," X said. "C2" for the top bracket.': the words closing the quote's sentence too
                outside, inside = "", lambda t, r=region, lo=tail[0].idx: r[0] <= t.idx < r[1] or t.idx >= lo  # noqa: E731
        if outside or last is None:
            return False
        speaker, speaker_text, cue_text = last.key, last.text, (credit_mark(credit) if credit is not None else None)
        continued = i > 0 and (last.sent == i - 1 or _quote_goes_on(st, sents, last, i))
        since = sents[last.sent].start_char
    opened_paragraph, ran_on = not prefix, bool(st.pending)  # (a paragraph closing a quote over paragraphs: its own claim)
    # a quote is one claim however many sentences it runs over (the speaker asserts it as one
    # statement); each paragraph of a quote running over paragraphs is one claim
    for (start, end, _), psents, after in (st.pending if opened_paragraph else []):
        toks = [t for sent in psents for t in sent if start <= t.idx < end]
        if after is not None and after[:2] == (speaker, speaker_text) and st.extend(toks, psents, speaker, speaker_text, after[2]):
            continue  # the speaker of the quote it followed goes on with it
        if len(toks) >= st.settings.claim_min_quote_words:
            st.add(toks, psents, speaker, speaker_text, cue_text, "quote", split=False)
            nested_before(st, psents, lambda t, a=start, b=end: a <= t.idx < b, speaker_text, len(st.claims) - 1)
    st.pending.clear()
    toks = with_quoted_predicate([t for sent in qsents for t in sent if inside(t)], cue, qsents,
                                 cue_clause(cue, set(st.index.cues)) if cue is not None else set())
    if continued and not (opened_paragraph and ran_on) and st.extend(toks, qsents, speaker, speaker_text, since):
        nested_before(st, qsents, inside, speaker_text, len(st.claims) - 1)
    elif len(toks) >= (MIN_CUED_QUOTE_WORDS if cue is not None else st.settings.claim_min_quote_words):
        before = len(st.claims)
        st.add(toks, qsents, speaker, speaker_text, cue_text, "quote", split=len(qsents) == 1,
               min_words=MIN_CUED_QUOTE_WORDS if cue is not None else None)
        nested_before(st, qsents, inside, speaker_text, before)
    for j in st.index.within(st.index.cues, qsents[-1]):  # '"C," X said, adding that D'
        more = sdoc[j]
        if not inside(more) and adding_head(more) is not None and speaker_text is not None:
            comp = next(c for c in more.children if c.dep_ == "ccomp" and c.i > more.i)
            st.add([t for t in comp.subtree if not inside(t)], [qsents[-1]], speaker, speaker_text, more.lower_, "reported")
    if speaker is not None:
        st.si = i + len(qsents) - 1
        st.last = _Speaker(speaker, speaker_text, st.si)
    if speaker is not None or speaker_text is not None:
        st.quoted = _Speaker(speaker, speaker_text, i + len(qsents) - 1)
    return True


# ---------------------------------------------------------------- reported speech
def _credited(st: _State, sent: Span) -> bool:
    """'According to X, C': X's C; a second source's clause set against it ('..., while Y said D') by its own cue."""
    if not (according_to(st, sent) or in_document(st, sent)):
        return False
    if rival_speech(sent) or quoted_according(st, sent) is not None:  # (an 'according to' inside a quote: the
        _reported(st, sent)  # quoted words' own source; the sentence's verb of saying still credits its clause)
    return True


def _reported(st: _State, sent: Span) -> bool:
    found = False
    cands = [st.sdoc[j] for j in st.index.within(st.index.cues, sent)]
    # the main clause's cue first, verbs of saying before verbs of believing ('X said the union wants ...')
    cands.sort(key=lambda t: (t.dep_ != "ROOT", CUE_CLASS.get(t.lemma_) != "speech", t.i))
    used: set[int] = set()  # tokens of the claims found so far (their inner cues are read as nested speech)
    for cue in cands:
        cls = CUE_CLASS.get(cue.lemma_, "speech")
        if cue.i in used or unsaid(cue, cls in ATTITUDES) or inverted_that(cue) is not None:
            continue  # (a 'that' clause the parser made the head is the content of the cue before it)
        if cls in ATTITUDES and cue.tag_ in ("VBD", "VBN") and (cue.dep_ == "pcomp" and cue.head.lower_ in ABSOLUTE_PREPS or any(
                c.dep_ == "mark" and c.lower_ in ABSOLUTE_PREPS for c in cue.children)):
            continue  # 'with Obama expected to visit': a passive participle, its noun no one who expects
        if used and cls not in ("speech", "accusation") and not own_conjunct(cue, CUE_CLASS) and relative_speaker(cue) is None \
                and not (cue.dep_ == "conj" and cue.head.lemma_ in CUE_CLASS and not any(c.dep_ == "nsubj" for c in cue.children)):
            continue  # a second, independent attribution in one sentence: verbs of saying only (and 'X, who knew C, ...';
            # 'X proposes C1 and plans to C2': the first cue's speaker again)
        chain: tuple[str, ...] = ()
        relay = quoted_as_saying(cue)
        progressive = cue.tag_ == "VBG" and any(c.dep_ == "aux" for c in cue.children)  # 'is planning to'
        adding = adding_head(cue)  # 'X said C, adding that D'
        who = relative_speaker(cue)  # 'Moura, who has said that C, ...'
        subjectless = (relay is None and adding is None and who is None and not relative_with_subject(cue)
                       and (cue.dep_ in ("amod", "acl", "relcl", "xcomp") or (cue.tag_ == "VBG" and not progressive)
                            or cue.dep_ == "advcl" and continues(cue.head)))  # 'went on to say C'
        # '..., saying C' / 'continued to insist that C' / 'for saying that C' / ', each touting C1 and saying C2' /
        # 'missed no chance to remind voters that C': the subject of the clause it hangs on
        participle = cue.dep_ in PARTICIPLE_DEPS or cue.dep_ == "conj" and cue.head.dep_ in PARTICIPLE_DEPS or noun_infinitive(cue)
        governing = governing_subject(cue) if subjectless and participle else None
        if subjectless and governing is None:
            flipped = participle_as_subject(cue)  # 'Claiming C is D, X told Fox that E': X's 'C is D' too
            if flipped is not None and not used & {t.i for t in flipped[1]}:
                st.add(flipped[1], [sent], *_resolve(st, flipped[0], mention=False), cue.lower_, "reported", speaks=False)
            continue
        if cue.lemma_ == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in cue.children):
            continue
        comps = [c for c in cue.children if c.dep_ == "ccomp" and is_clause(c)]
        # 'C1; X says C2' / 'C1, X noted, that C2': the clause after the cue is what it introduces
        comp = next((c for c in comps if c.i > cue.i), comps[0]) if len(comps) > 1 else (comps[0] if comps else None)
        if comp is None:
            comp = comma_that(cue) or bare_clause_after(cue)
        inverted = (inverted_content(cue) or subject_before_aside(cue)) if comp is None else None
        accused = accusation(cue) if cls == "accusation" else None
        if cls == "accusation" and accused is None:
            continue
        inf = infinitive(cue, cls == "speech" and cue.lemma_ not in COMMISSIVE) if accused is None and inverted is None and (
            comp is None or (cls in ("belief", "intention") and comp.i > cue.i)) else None
        if inf is not None:
            comp = None
        if cls not in ("speech", "accusation") and comp is None and inf is None and inverted is None and not (
                cls == "belief" and before_comma(sent, cue, st.settings.spacy_model)):
            continue  # 'she believes in God', 'they know him': no content
        if cls != "speech" and comp is not None and comp.i > cue.i and asks(comp):
            continue  # 'nobody knows how many ...': a question, not a content
        swapped, phrase, aside = None, None, None
        if relay is not None:  # 'the agency quoted a spokesman as saying that C': the spokesman, via the agency
            speaker, speaker_text = _resolve(st, relay[1])
            outer = _speaker_of(st, relay[0])[1]
            chain = (outer,) if outer else ()
        elif adding is not None:
            speaker, speaker_text = _speaker_of(st, adding)
        elif who is not None:  # ('China and the US, the biggest polluters, which vowed to C': the named ones)
            named = _resolve(st, who.head) if who.dep_ == "appos" else (None, None)
            speaker, speaker_text = named if named[0] is not None else _resolve(st, who)
        elif governing is not None:
            speaker, speaker_text = _resolve(st, governing, mention=False)
        elif (swapped := object_read_as_subject(cue)) is not None:
            speaker, speaker_text = _resolve(st, swapped)  # 'C ... crippled its systems, a spokesman said'
        elif (aside := inverted_aside(cue)) is not None:  # 'The levy, said Ruiz, would be scrapped'
            speaker, speaker_text = _resolve(st, aside[0])
        elif (stray := subject_read_as_object(cue)) is not None and stray.i in st.ents.by_token:
            speaker, speaker_text = _resolve(st, stray)[0], name_text(st, stray)  # 'the newsroom of the Valdor Times Ruiz said C'
        elif cls == "speech" and (phrase := apposition_before_conjunct(sent, cue)) is not None:
            speaker, speaker_text = _resolve(st, phrase[0])[0], phrase[1]  # 'C, the head of X, Oren Vasko, told Y'
        else:
            speaker, speaker_text = _speaker_of(st, cue)
        whole = []
        if speaker is None and speaker_text is None and comp is not None and comp.i < cue.i:
            phrase = phrase_before_cue(sent, cue)  # 'C, a source close to the singer claimed'
            if phrase is not None:
                speaker, speaker_text = _resolve(st, phrase[0])
                speaker_text = phrase[1]
        if speaker is None and speaker_text is None and comp is not None and comp.i > cue.i and writer_speaks(st, _subject(cue)):
            speaker_text = st.outlet  # 'I know your returns are being audited': the piece's own writer
        if speaker is None and speaker_text is None:
            continue
        kind = {"belief": "belief", "intention": "intention", "knowledge": "knowledge"}.get(cls, "reported")
        if aside is not None:  # the sentence around the aside, the words the parser made the cue's subject with it
            toks = [t for t in sent if t.i not in aside[1]]
        elif accused is not None:
            toks = accused
        elif inverted is not None:
            toks = inverted
        elif phrase is not None:
            toks = [t for t in sent if t.i < phrase[2]]
        elif comp is not None and comp.i > cue.i:
            toks = relative_content(cue, comp) if relative_with_subject(cue) else clause_content(cue, comp)
            if toks[0].lower_ == "that" and toks[0].head.i == comp.i and (toks[0].dep_ == "advmod" or toks[0].dep_ == "dobj"
                                                                           and toks[0].i < comp.i and any(
                                                                               c.dep_ in ("nsubj", "nsubjpass") for c in comp.children)):
                toks = toks[1:]  # 'reported at the time that C' read as a relative clause: its 'that' is a marker
            whole = colon_after(comp)  # 'X notes that C: D1, D2 and D3': one claim, the colon's list with it
            toks += [t for t in reason_after(cue, comp) + stranded_after(cue, comp) + whole if t not in toks]  # 'X said C, because D'
            toks += [t for t in backshifted_after(cue, comp, CUE_CLASS) if t not in toks]  # 'X said C, but D would'
            narrated = narrators_conjunct(cue, comp)  # '... had been identified but declined to give his name'
            toks = [t for t in toks if t not in narrated]
            used |= {t.i for t in narrated}  # (the speaker's own act, no one's speech)
        elif comp is not None:  # 'C, X said': the clause before the cue
            if cue.lemma_ not in NOT_OBJECT and any(c.dep_ == "dobj" and c.i > cue.i and not referring(
                    " ".join(t.text for t in c.subtree), "en") and st.sdoc[c.left_edge.i - 1].text != ","
                    and not names_a_title(c) for c in cue.children):  # ('told reporters'; not 'said in his book, "T"')
                continue  # 'Drone hits fuel depot, Ostria denies involvement': what is denied is its object, not C
                # (an object after a comma is the parser's: 'C, the companies said on Monday, the largest deal ever')
            cue_ids = subtree_ids(cue, exclude=comp)
            if swapped is not None:  # (the object the parser took for the subject is the clause's)
                cue_ids = {t.i for t in swapped.subtree} | {swapped.left_edge.i - 1}
            toks = without_title_before([t for t in sent if t.i < cue.i and t.i not in cue_ids], cue)
        elif inf is not None:  # 'the campaign plans to hold rallies', 'the union wants the plant to reopen'
            if cls == "speech" and speaker is None and not _binds_itself(cue):
                continue  # 'the strike threatened to shut the port': only a named speaker promises or vows
            toks = inf[0]
            if cls == "belief" and not inf[1]:
                kind = "intention"  # 'expects to win'
        elif cue.dep_ == "parataxis" and cue.i > sent.start + 1 and (
                cue.head.pos_ in ("VERB", "AUX") or parenthetical(cue) is not None):
            # 'The museum, she said, would make visitors face hard truths': the sentence around the cue
            subj = _subject(cue)
            cue_ids = {cue.i} | {c.i for c in cue.children if c.is_punct or c.dep_ in ("advmod", "aux", "npadvmod")}
            cue_ids |= {t.i for t in subj.subtree} if subj is not None else set()
            toks = [t for t in sent if t.i not in (parenthetical(cue) or cue_ids)]  # (with what it says: 'told me')
        else:
            toks = before_comma(sent, cue, st.settings.spacy_model)
            if toks is None:
                after = [t for t in cue.subtree if t.i > cue.i]
                if cue.dep_ == "conj" and cue.head.lemma_ not in CUE_CLASS and \
                        any(t.pos_ in ("NOUN", "NUM") for t in after) and \
                        not any(t.pos_ in ("VERB", "AUX") for t in after):
                    continue  # 'X scored twice and Ivan Lode added a third': going on with a narrative, of a thing
                if speaker is not None:  # 'the president said this during ...': who speaks next
                    st.last = _Speaker(speaker, speaker_text, st.si)
                    # (not 'Mayor Brandt mentioned the harbour levy': its object is read as the sentence's content)
                    found = found or not _prep_object(cue) and (cue.lemma_ in NOT_OBJECT or not any(
                        c.dep_ == "dobj" and c.i > cue.i for c in cue.children))  # ('warned of a long winter': read it)
                continue
        toks, more = without_other_attributions(through_quote_end(toks, st.quotes), cue, cands)
        hedges = ("suggest",) if cue.lemma_ == "suggest" else ()
        cited, drop = citing(sent, (cue, comp))
        if comp is not None and comp.i in drop:
            drop -= {t.i for t in comp.subtree}  # ', citing aides, that C': C hangs under 'aides'
        if drop:
            toks = [t for t in toks if t.i not in drop]
        spans = [sent] if not toks or toks[-1].i < sent.end else [sent, toks[-1].sent]  # (a quote it opened ran on)
        st.add(toks, spans, speaker, speaker_text, cue.lower_, kind, chain=chain + cited, extra_hedges=hedges,
               speaks=governing is None, split=not whole, via=told_outlet(cue),
               negated=cls != "knowledge" and any(c.dep_ == "neg" for c in cue.children))  # ('did not know that C': C holds)
        found = True
        ids = {t.i for t in toks}
        used |= ids | {cue.i}
        if not is_denial(cue.lower_, "en"):  # 'X denied that Y had pressed Z to act': no act of Y's is told
            nested(st, sent, lambda t, ids=ids, cue=cue: t.i in ids and t.i != cue.i, speaker_text, quoted=False)
        for other, other_comp in more:  # 'X said C1 and added that C2', 'added' hung under C1
            st.add(list(other_comp.subtree), [sent], speaker, speaker_text, other.lower_, "reported", chain=chain)
            used |= {t.i for t in other.subtree}
    return found


def _denies_what_was_said(cue: Token) -> bool:
    """'The ministry denied it': a denial whose object is a pronoun pointing back (claim_polarity gives it the words of
    the claim before)."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    return obj is not None and not any(True for _ in obj.children) and is_denial(cue.lower_, "en") \
        and referring(obj.text, "en")


def _objects(st: _State, sent: Span, beside: bool = False) -> bool:
    """Contents that are a verb's object, not a clause ('Trump attacked Machado'; claim_objects.py), never
    the words of a claim already read; ``beside`` another claim of the sentence, only the objects of verbs
    of judging ('X described the plan as ominous, and said C')."""
    found, used = False, st.used
    for j in sorted({*st.index.within(st.index.objects, sent), *_cast_as_quoted(sent)}):
        cue = st.sdoc[j]
        if j in used or any(c.dep_ == "neg" for c in cue.children) or cue.dep_ in ("amod", "compound"):
            continue
        cls = CUE_CLASS.get(cue.lemma_)
        if beside and cls == "speech" and not _prep_object(cue):
            continue  # beside a clause of saying, a verb of saying's object is mostly not a content ('wrote a letter';
            # but 'called for a strike, and X said C': what a preposition brings is)
        if cls == "accusation" and accusation(cue) is not None:
            continue  # 'criticized Ek for C' is the accusation's reading; 'criticized Ek' is this one
        passive = passive_naming(cue)  # 'Tarvo has been called a charlatan by fellow physicians': theirs
        if passive is None and any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "\u2019s") for c in cue.children):
            continue  # 'was called for questioning': its subject is what is told of ('who's called for': has called)
        ids = passive[1] if passive else object_content(cue)
        if cue.lemma_ in SEEING_AS and not _seen_as(cue, ids):
            continue  # 'saw him at the rally': an act; 'see the vote as a chance' holds a view
        if ids is None and cls is None and cue.lemma_ in JUDGING:  # 'questioned whether C', 'described how C':
            comp = next((c for c in cue.children if c.i > cue.i and c.pos_ in ("VERB", "AUX") and (
                c.dep_ == "ccomp" or c.dep_ == "xcomp" and c.tag_ == "VBG" and not any(  # 'supports lowering the fares'
                    a.dep_ in ("nsubj", "aux") for a in c.children))), None)
            ids = {t.i for t in comp.subtree} if comp is not None else None  # a verb of judging's clause object
        pointing = ids is None and _denies_what_was_said(cue)
        if pointing:
            ids = {next(c.i for c in cue.children if c.dep_ == "dobj")}
        if ids is None or ids & used - antecedents(st.sdoc, ids) or not pointing and names_a_document(cue, ids):
            continue  # (words the claim of a clause on the object's noun reads too are still the object's: 'attacked
            # rivals for taking money from the ferry firms, which he said bought favours', 'discussed polls showing C')
        if cue.dep_ == "xcomp" and any(c.i < cue.i and (c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in
                                                        OBJECT_PREPS.get(cue.head.lemma_, ())) for c in cue.head.children):
            continue  # 'called on members to reject the offer': the members would reject it, and say nothing here
        subj = passive[0] if passive else relative_speaker_noun(cue) or governing_subject(cue)
        if subj is None:
            continue
        speaker, speaker_text = _resolve(st, subj, mention=False)
        if speaker is None and speaker_text is None:
            continue
        toks = [st.sdoc[k] for k in sorted(ids)]  # the content alone: speaker and cue are their own fields
        if sum(t.is_alpha for t in toks) == 1 and cue.lemma_ in JUDGING and not OBJECT_PREPS.get(cue.lemma_):
            toks = [cue, *toks]  # 'Cruz endorsed Trump': a name alone says nothing, with its verb of judging it does
        elif cls == "accusation" and sum(1 for t in toks if t.is_alpha and not t.is_stop) < 2:
            continue  # 'The mayor praised the firefighters': praise or blame of a thing, with no charge, says nothing
        kind = "belief" if cue.lemma_ in SEEING_AS or cue.lemma_ in STANCE else \
            {"belief": "belief", "intention": "intention", "knowledge": "knowledge"}.get(cls, "reported")
        before = len(st.claims)
        st.add(toks, [sent], speaker, speaker_text, cue.lower_, kind, split=False,
               min_words=1 if pointing else MIN_OBJECT_WORDS, speaks=False)
        if len(st.claims) > before:
            found = True
            used.add(cue.i)
    return found


def _prep_object(cue: Token) -> bool:
    """The cue has the preposition through which its content comes ('spoke of C', 'warned of C'; OBJECT_PREPS)."""
    preps = OBJECT_PREPS.get(cue.lemma_, ())
    return any(c.dep_ == "prep" and c.lower_ in preps and c.i > cue.i for c in cue.children)


def _binds_itself(cue: Token) -> bool:
    """An unnamed subject that can only be someone binds itself by a commissive verb's to-infinitive: a personal
    pronoun ('she has promised to push harder'), or any subject of a verb only people and bodies use ('demonstrators
    pledged to remain civil', SWORN; a primary 'threatens to knock' a rival out, a plan 'promises to cut' taxes)."""
    if cue.lemma_ not in COMMISSIVE:
        return False
    subj = subject_or_shared(cue)  # ('demonstrators said C but pledged to remain civil')
    return subj is not None and subj.dep_ == "nsubj" and (
        subj.lower_ in _PERSONAL_SUBJECTS or cue.lemma_ in SWORN and subj.pos_ in ("NOUN", "PROPN"))


def _cast_as_quoted(sent: Span) -> list[int]:
    """Verbs of any kind that cast their object as something in quote marks ('has gone after Ostvik as a “human
    leech”', 'framed the vote as a “betrayal”'): the quoted words are the subject's, and the object with them is its
    characterization (whole PolNeAR train split: 25 of 31 such phrases a gold content, of verbs the cue lists lack;
    51% without the quote marks, left out)."""
    out = []
    for v in sent:
        if v.pos_ != "VERB" or v.lemma_ in CUE_CLASS:
            continue
        obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
        as_ = None if obj is None else next((c for c in (*v.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "as"
                                             and c.i > obj.i), None)  # (the parser hangs it on either)
        if as_ is not None and any(t.text in MARK_TOKENS for t in as_.subtree) and not any(
                c.lower_ == "such" for c in obj.children):  # (not 'such names as “X”': examples)
            out.append(v.i)
    return out


def _seen_as(cue: Token, ids: set[int] | None) -> bool:
    """The object of a verb of perceiving comes with the 'as' phrase saying how it is seen ('see the vote as a chance')."""
    return ids is not None and any(c.dep_ == "prep" and c.lower_ == "as" and c.i in ids for c in cue.children) and any(
        c.dep_ == "dobj" and c.i in ids for c in cue.children)
