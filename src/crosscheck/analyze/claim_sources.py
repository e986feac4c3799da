"""Sources named beside the content rather than as a verb's subject: 'according to X, C', 'as X noted, C' and 'In
the poll, C' (claims.py calls ``according_to`` and ``in_document`` for each sentence); the outlet a source told its
words to (``told_outlet``)."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from crosscheck.analyze.claim_index import (AS_IDIOMS, CITE, CONTRAST, CUES, ESTIMATE_VERBS, IN_SOURCES, SOURCE_NOUNS, citing,
                                            noun_phrase, with_commas)
from crosscheck.analyze.claim_state import FIRST_PERSON, MEDIA, SECOND_PERSON, SPEAKERS_ONLY, SPEECH, State, resolve
from crosscheck.analyze.claim_text import not_of_clause, speakers_act
from crosscheck.credits import outlet_after_kind, outlet_like
from crosscheck.denials import is_denial

DOCUMENT_SOURCES = frozenset(
    "report reports intelligence data estimate estimates document documents information assessment "
    "assessments survey study figures statistics analysis footage images".split()
)
COUNTS = frozenset("count tally estimate estimates figure figures forecast projection data statistics".split())


def as_clauses(sent: Span, positions: list[int]) -> list[tuple[Token, set[int], str | None, str]]:
    """'As the publication notes, ...' / 'as Reuters reported': (source head, tokens to drop, its wording, cue)."""
    out = []
    doc = sent.doc
    for j in positions:
        a = doc[j]
        if a.i == sent.start or doc[a.i - 1].is_punct:
            found = _as_parsed(sent, a) or _as_scanned(sent, a) or _as_passive(sent, a)
            if found is not None:
                out.append(found)
    return out


def _idiom_object(verb: Token) -> Token | None:
    """The fixed object that makes ``verb`` a verb of saying in an 'as' clause ('as the mayor put it')."""
    word = AS_IDIOMS.get(verb.lemma_)
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == word), None) if word else None


def _closes(sent: Span, a: Token, end: int) -> bool:
    """An 'as' clause after a comma that runs to the sentence's end ('C, as the mayor noted on Monday.')."""
    doc = sent.doc
    j = a.i - 1
    while j > sent.start and doc[j].is_quote:  # 'a "credible plan," as a memo put it'
        j -= 1
    return j > sent.start and doc[j].text == "," and all(t.is_punct for t in doc[end + 1 : sent.end])


def _as_parsed(sent: Span, a: Token) -> tuple[Token, set[int], str | None, str] | None:
    """The clause 'as' marks, read from the parse: its subject may hold commas ('As many tax experts, including
    X, have pointed out, C') or be a pronoun ('As she noted, C'; not 'as I said', 'as you pointed out'); it opens
    the sentence or closes it after a comma ('C, as the mayor put it.')."""
    verb = a.head
    idiom = _idiom_object(verb)
    opens = all(t.is_punct for t in sent.doc[sent.start : a.i])  # mid-sentence, its content would be one clause
    if a.dep_ != "mark" or verb.i <= a.i or (verb.lemma_ not in CUES and idiom is None) or verb.lemma_ == "show":
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") and (idiom is None or c.i != idiom.i)
           for c in verb.children):
        return None  # 'As X lamented the delay, C': 'as' of time, the cue's content its own (not the sentence)
    particles = [c for c in verb.children if c.dep_ == "prt"]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    end = verb.right_edge.i
    while end > verb.i and sent.doc[end].text == ",":
        end -= 1  # (the comma closing the clause the parser hung on its last noun: 'pointed out with a chart, C')
    if subj is None or subj.i < a.i or subj.lower_ in FIRST_PERSON or subj.lower_ in SECOND_PERSON:
        return None
    if verb.lemma_ == "point" and not particles:
        return None  # 'point' only as 'point out'
    if not (opens and end + 1 < sent.end and sent.doc[end + 1].text == "," or _closes(sent, a, end)):
        return None  # the clause ends at a comma before the content, or closes the sentence after it
    cue = " ".join([verb.lower_] + [c.lower_ for c in particles] + ([idiom.lower_] if idiom is not None else []))
    return subj, with_commas(sent, a.i, end), sent.doc[subj.left_edge.i : subj.right_edge.i + 1].text.strip(" ,"), cue


def _as_passive(sent: Span, a: Token) -> tuple[Token, set[int], str | None, str] | None:
    """'C, as first reported by Meridian Wire': a passive 'as' clause closing the sentence after a comma; the agent
    after 'by' is the source."""
    doc = sent.doc
    if a.i == sent.start or doc[a.i - 1].text != ",":
        return None
    i = a.i + 1
    while i < sent.end and doc[i].pos_ == "ADV":  # 'first', 'earlier', 'previously'
        i += 1
    if i + 2 >= sent.end or doc[i].tag_ != "VBN" or doc[i].lemma_ not in CUES or doc[i + 1].lower_ != "by":
        return None
    agent = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
    if agent is None or any(not t.is_punct for t in doc[agent.right_edge.i + 1 : sent.end]):
        return None  # the clause must close the sentence
    drop = set(range(a.i - 1, sent.end)) - {sent.end - 1} if doc[sent.end - 1].is_punct else set(range(a.i - 1, sent.end))
    return agent, drop, doc[agent.left_edge.i : agent.right_edge.i + 1].text.strip(" ,"), f"{doc[i].lower_} by"


def _as_scanned(sent: Span, a: Token) -> tuple[Token, set[int], str | None, str] | None:
    """The same by the words after 'as' up to a cue, where the parse did not mark the clause."""
    doc = sent.doc
    for w in doc[a.i + 2 : min(a.i + _AS_SCAN, sent.end)]:
        if w.is_punct:
            return None
        nxt = doc[w.i + 1].lower_ if w.i + 1 < sent.end else None
        idiom = AS_IDIOMS.get(w.lemma_) is not None and nxt == AS_IDIOMS[w.lemma_]  # 'as the mayor put it'
        if (w.lemma_ in CUES or w.lower_.rstrip("s") in CUES or idiom) and w.lemma_ not in ("show",):
            nouns = [t for t in doc[a.i + 1 : w.i] if t.pos_ in ("NOUN", "PROPN")]
            end = w.i + 1 if nxt == "out" or idiom else w.i
            if nouns and (end + 1 < sent.end and doc[end + 1].text == "," or _closes(sent, a, end)):
                return nouns[-1], with_commas(sent, a.i, end), doc[a.i + 1 : w.i].text, doc[w.i : end + 1].text.lower()
            return None
    return None


_AS_SCAN = 11  # words after 'as' its verb of saying may come ('as one of the mayor's senior advisers pointed out')


def _appositive_name(sent: Span, head: Token) -> Token | None:
    """The last token of a person's or organisation's name set off by commas right after a source phrase that
    names no one ('his lawyer, Marek Dunai, C'; the parser does not always hang it on the phrase), or None."""
    doc = sent.doc
    if head.ent_type_:
        return None
    appos = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG")), None)
    if appos is not None:
        return appos
    comma = head.right_edge.i + 1
    if comma + 2 >= sent.end or doc[comma].text != "," or any(t.ent_type_ for t in head.subtree):
        return None
    ent = next((e for e in doc.ents if e.start == comma + 1), None)
    if ent is None or ent.label_ not in ("PERSON", "ORG"):
        return None
    end = next((t.i for t in ent if t.text == ","), ent.end)  # the NER runs on: 'Marek Dunai, Orlov'
    if end + 3 >= sent.end or doc[end].text != ",":
        return None
    return doc[end - 1]


def rival_speech(sent: Span) -> list[Token]:
    """The verbs of saying that head a second source's clause set against the first by 'while', 'whereas' or 'but'
    (data/attribution_cues_en.json 'contrast'): 'C, according to the ministry, while the unions claimed D'."""
    rivals = []
    for t in sent:
        if t.dep_ not in ("advcl", "conj") or t.lemma_ not in SPEECH or not any(c.dep_ == "nsubj" for c in t.children):
            continue
        marked = any(c.dep_ == "mark" and c.lower_ in CONTRAST for c in t.children)
        joined = t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in CONTRAST and t.head.i < c.i < t.i for c in t.head.children)
        if marked or joined:
            rivals.append(t)
    return rivals


_RELATIVE_TAGS = ("WDT", "WP", "WP$")


def _relative_scope(acc: Token) -> set[int] | None:
    """The tokens of the relative clause an 'according to' phrase qualifies (its verb has a subject of its own and a
    relative word, 'which it often is, according to X'), or None when it qualifies the sentence."""
    verb = acc.head
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("relcl", "appos", "advcl") or verb.head.i == verb.i:
        return None
    ids = {t.i for t in verb.subtree}
    if not any(t.tag_ in _RELATIVE_TAGS for t in acc.doc[verb.left_edge.i : min(verb.i, verb.left_edge.i + 4)]) or not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    first = acc.doc[verb.left_edge.i]
    noun = verb.head
    if verb.dep_ == "relcl" and first.dep_ in ("nsubj", "nsubjpass") and first.tag_ in _RELATIVE_TAGS and noun.pos_ in ("NOUN", "PROPN"):
        ids = (ids - {first.i}) | set(range(noun.left_edge.i, noun.i + 1))  # 'the levy, which would C': 'the levy would C'
    return ids


def _sentences_before_in_paragraph(sent: Span) -> int:
    """How many sentences of its paragraph come before ``sent`` (a line break ends a paragraph)."""
    doc, starts, i = sent.doc, set(), sent.start - 1
    while i >= 0 and "\n" not in doc[i].text:
        starts.add(doc[i].sent.start)
        i -= 1
    return len(starts)


def according_to(st: State, sent: Span) -> bool:
    """'According to X, C' / 'As X noted, C': C credited to X (a document or medium naming another source relays it:
    the source's chain)."""
    doc = sent.doc
    accs = _according(st, sent)
    cited_by_source: tuple[str, ...] = ()
    as_positions = st.index.within(st.index.as_, sent)
    if not accs and not as_positions:
        return False
    sources = as_clauses(sent, as_positions)  # (source head, tokens to drop, its wording, cue), outermost first
    for acc in accs:
        to = acc.nbor()
        pobj, wording = next((c for c in to.children if c.dep_ == "pobj"), None), None
        if pobj is None and any(c.dep_ == "pcomp" for c in to.children):  # 'according to show insiders': a noun
            pobj = next((t for t in reversed(list(to.subtree)) if t.pos_ in ("NOUN", "PROPN")), None)  # read as a verb
            wording = doc[to.i + 1 : to.right_edge.i + 1].text if pobj is not None else None
        if pobj is None:
            continue
        name = _appositive_name(sent, pobj)
        if name is not None:  # 'According to his lawyer, Marek Dunai, C': the lawyer is Marek Dunai
            pobj, wording = name, None
        # 'C, according to X, citing Y': Y is X's source, on X or on the clause the phrase qualifies
        cited_by_source, cited = citing(sent, (pobj, acc.head), after=acc.i)
        sources.append((pobj, with_commas(sent, acc.i, _source_end(pobj)) | cited, wording, "according to"))
    if not sources:
        return False
    cue = sources[-1][3]
    dropped = set().union(*(d for _, d, _, _ in sources))
    rivals = {t.i for r in rival_speech(sent) if r.i > sources[-1][0].i for t in r.subtree}  # read by its own cue
    toks = [t for t in sent if t.i not in dropped and t.i not in rivals]
    scope = _relative_scope(accs[-1]) if accs and len(sources) == 1 else None
    if scope is not None:  # 'Cuban Americans, 82 percent of whom view him unfavorably according to the poll, have C':
        toks = [t for t in toks if t.i in scope]  # the poll gives the relative clause, not the sentence
    quoted = quoted_according(st, sent, accs[-1]) if accs else None
    if quoted is not None:
        # 'X reported C1; the audit says the operator "runs 40 ferries, according to its own brochure."': the
        # phrase is the quoted speaker's and credits the quoted words, not the sentence around the quote
        toks = [t for t in toks if quoted[0] <= t.idx < quoted[1]]
    resolved = []
    for head, _, wording, _ in sources:
        key, text = resolve(st, head)
        publisher = _publisher(head, st) if _document(head) else _relative_maker(head, st)
        if publisher is not None:  # 'a report in the Valdor Times': the paper the report names says it
            resolved.append((resolve(st, publisher), publisher))
            continue
        resolved.append(((key, wording or text), head))
    # the speaker: innermost agent (a person, an organisation, an official); documents and media relay
    agentive = [r for r in resolved if not _relay(r[1], st)]
    chosen = agentive[-1] if agentive else resolved[-1]
    chain = [r[0][1] for r in reversed(resolved) if r is not chosen and r[0][1]]
    (speaker, speaker_text), head = chosen
    last = st.recent(st.settings.claim_speaker_window - 1, "PERSON")
    if last is not None and last.sent < st.si - _sentences_before_in_paragraph(sent):
        last = None  # (a person of an earlier paragraph: 'C, according to port statistics' opening the next one)
    if not agentive and _document(head) and last is not None and not _made_by_name(head, st):
        chain = [speaker_text] + chain  # the person's own source: 'according to intelligence reports'
        speaker, speaker_text = last.key, last.text
    if speaker_text is None:
        return False
    chain = list(cited_by_source) + chain if head.i == sources[-1][0].i else chain + list(cited_by_source)
    inner = _inner_speech(toks, dropped)
    if inner is None or inner[1].i > inner[0].i:  # ('C, X said, according to Y': X's C alone, Y relays it)
        st.add(toks, [sent], speaker, speaker_text, cue, "according_to" if accs else "reported",
               tuple(c for c in chain if c))
    if inner is not None:  # 'The ministry said C, according to figures released by the WHO': the ministry's C too
        said, comp = inner
        key, text = resolve(st, next(c for c in said.children if c.dep_ == "nsubj"))
        if text is not None:
            ctoks = [t for t in comp.subtree if t.i not in dropped]
            st.add(ctoks, [sent], key, text, said.lower_, "reported", tuple(c for c in [speaker_text, *chain] if c))
    return True


def quoted_according(st: State, sent: Span, acc: Token | None = None) -> tuple[int, int] | None:
    """The character span of the quote an 'according to' of ``sent`` (``acc``, else any) stands in, when the sentence
    itself opens outside quote marks: the phrase is the quoted speaker's, and the rest of the sentence is read as
    usual."""
    if any(a <= sent.start_char < b for a, b, _ in st.quotes):
        return None
    accs = [acc] if acc is not None else _according(st, sent)
    return next(((a, b) for t in accs for a, b, _ in st.quotes if a <= t.idx < b), None)


def _according(st: State, sent: Span) -> list[Token]:
    """The sentence's 'according to' phrases, by their first word."""
    doc = sent.doc
    return [doc[j] for j in st.index.within(st.index.according, sent) if j + 1 < sent.end and doc[j + 1].lower_ == "to"]


def _source_end(pobj: Token) -> int:
    """The last token of the source an 'according to' names: its phrase with what describes it, but not the
    sentence's clause when the parse found none and hung it on the source after a comma ('According to ... Rush
    Limbaugh, the move reeks of fear': 'According' the root, 'the move reeks' an apposition of Limbaugh)."""
    according = pobj.head.head
    if according.dep_ != "ROOT":
        return pobj.right_edge.i
    doc = pobj.doc
    after = next((c for c in pobj.children if c.dep_ == "appos" and c.i > pobj.i and doc[c.left_edge.i - 1].text == ","),
                 None)
    if after is None:
        return pobj.right_edge.i
    return after.left_edge.i - 2  # before the comma


def _inner_speech(toks: list[Token], dropped: set[int]) -> tuple[Token, Token] | None:
    """The words left once the 'according to' phrase is out are a named subject's reported speech ('The health
    ministry said that C'): (the verb of saying, its content clause), else None."""
    for t in toks:
        if t.dep_ == "ROOT" and t.lemma_ in SPEECH and t.i not in dropped:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            comp = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i), None) or \
                next((c for c in t.children if c.dep_ == "ccomp" and c.i < t.i), None)  # 'C, X said'
            if subj is not None and comp is not None and subj.lower_ not in FIRST_PERSON | SECOND_PERSON | {"it"}:
                return t, comp
    return None


def names_a_document(cue: Token, content) -> bool:
    """The cue's object only names a document or a count given elsewhere ('confirming its preliminary estimate',
    'confirmed the report'): a noun of DOCUMENT_SOURCES or COUNTS with no words of its own but a determiner, a
    possessive or an adjective. Its words say nothing ('Its preliminary estimate.'); 'confirmed the arrest of two
    men' does, and so does 'cited the audit report as evidence of fraud' (``content``: the token indices of the
    content, all of them the object's). Not a denial's: 'denied the report' takes the words of the claim it denies
    (claim_polarity); nor a citing's ('Clinton and Trump cited the figure': citing a document is the attribution).
    """
    if is_denial(cue.lower_, "en") or cue.lemma_ in CITE:
        return False
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    return obj is not None and obj.lower_ in DOCUMENT_SOURCES | COUNTS and \
        all(c.dep_ in ("det", "poss", "amod", "compound") for c in obj.children) and \
        set(content) <= {t.i for t in obj.subtree}


def _document(head: Token) -> bool:
    """'a report', 'intelligence estimates', 'figures': a document, not an agent."""
    return head.lemma_ in DOCUMENT_SOURCES or head.lower_ in DOCUMENT_SOURCES


def _made_by_name(head: Token, st: State) -> bool:
    """A document whose maker is named before it or in a clause on it ('U.S. Census data', 'an Associated Press
    account', 'an interview his brother gave'; after 'by', _publisher names it): the maker's word, which the reporter
    cites, not the evidence of the person who spoke before ('Ruiz said C1. C2, according to intelligence reports':
    Ruiz's C2)."""
    if any(m.dep_ in ("compound", "poss") and m.i < head.i and m.pos_ != "PRON" and _a_maker(m, st)
           for m in head.children):
        return True
    return any(any(c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who") for c in rel.children)
               for rel in head.children if rel.dep_ == "relcl")


def _relative_maker(head: Token, st: State) -> Token | None:
    """Who made the thing an 'according to' names, named as the subject of a relative clause on it ('according to
    a speech Mayor Ruiz gave at the quay', 'a letter the ministry sent'): the speech is the maker's word; None for a
    name or a thing no clause names a maker for."""
    if head.pos_ != "NOUN" or head.i in st.ents.by_token:
        return None
    for rel in (c for c in head.children if c.dep_ == "relcl" and c.i > head.i):
        subj = next((c for c in rel.children if c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who")), None)
        if subj is not None and subj.pos_ != "PRON" and _a_maker(subj, st):
            return subj
    return None


def _a_maker(tok: Token, st: State) -> bool:
    """``tok`` names who made a document: an entity, a medium, a proper noun."""
    return tok.i in st.ents.by_token or tok.lower_ in MEDIA or tok.pos_ == "PROPN"


def _publisher(head: Token, st: State) -> Token | None:
    """The named outlet or body a document source belongs to: 'a report in the Valdor Times', 'a study by the
    Harlan Institute', 'figures from the ministry', 'figures released by the WHO' -> its head; None for a document no
    one is named for; after 'by' any noun ('a study by economists at Halden University')."""
    preps = [c for c in head.children if c.dep_ == "prep"]
    for acl in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"):  # 'released by', 'published by'
        preps += [c for c in acl.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"]
    for prep in preps:
        if prep.lower_ in ("in", "by", "from", "of"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and (_a_maker(obj, st) or obj.lemma_.lower() in SOURCE_NOUNS
                                    or prep.lower_ == "by" and obj.pos_ == "NOUN"):
                return obj
    return None


def _relay(head: Token, st: State) -> bool:
    """A document or a medium that passes on what others said."""
    if head.i in st.ents.by_token:
        ent = st.ents.entity(st.ents.by_token[head.i])
        return ent is not None and ent.type not in ("PERSON", "ORG", "GPE", "NORP")
    return _document(head) or head.lower_ in MEDIA


def possessed_count(st: State, sent: Span) -> bool:
    """'The health ministry's own count stood at 37 deaths', 'The organisers' estimate was 95,000': a
    count or estimate that is someone's, as the subject of a sentence with a figure, is that someone's claim, not
    the report's own statement (two such counts in one report are two sources disagreeing)."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in COUNTS or root.lemma_ in ESTIMATE_VERBS \
            or not any(t.like_num for t in sent if t.i > root.i):
        return False  # ('The UN's estimate puts the toll at 400': an estimate's frame)
    owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    if owner is None or owner.ent_type_ in ("GPE", "LOC", "FAC"):
        return False  # 'Lusenia's death toll': the toll in Lusenia, no one's count
    speaker, speaker_text = resolve(st, owner)
    ent = st.ents.entity(speaker) if speaker is not None else None
    if speaker is None and not speaker_text or ent is not None and ent.type in ("GPE", "LOC", "FAC"):
        return False
    speaker_text = re.sub(r"\s*['\u2019]s?$", "", speaker_text or "") or None  # "The health ministry's"
    st.add(list(sent), [sent], speaker, speaker_text, root.lemma_, "reported", split=False)
    return True


def speaker_acts(st: State, sent: Span, outlet: str | None) -> None:
    """'X said the government would release aid and declared three days of mourning': the second verb is X's act,
    not part of what X said (claim_text.split_clauses leaves it out of the content); the report states it, as its
    own claim ('Prime Minister X declared three days of national mourning')."""
    for cue in sent:
        if cue.dep_ not in ("ROOT", "conj") or cue.lemma_ not in CUES:
            continue
        subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
        if subj is None or comp is None:
            continue
        inner = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        for act in comp.children:
            if act.dep_ == "conj" and act.i > comp.i and (not_of_clause(comp, act) or
                                                          speakers_act(act, inner, SPEAKERS_ONLY, SOURCE_NOUNS)) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in act.children):
                toks = list(subj.subtree) + [t for t in act.subtree if not t.is_punct or t.i < act.right_edge.i]
                st.add(toks, [sent], None, outlet, None, "outlet", split=False, speaks=False)


def told_outlet(cue: Token) -> tuple[str, ...]:
    """The outlet a source told its words to ('a senior official told the Harbor Times', 'told Reuters'): it passed
    them on (Claim.via), no source behind the speaker."""
    if cue.lemma_ != "tell":
        return ()
    told = next((c for c in cue.children if c.dep_ in ("dobj", "dative")), None)
    phrase = noun_phrase(told) if told is not None else ""  # (or an outlet after its kind: 'the news agency ANSA')
    named = phrase if told is not None and told.pos_ == "PROPN" and outlet_like(phrase) else outlet_after_kind(phrase)
    return (named,) if named else ()


def in_document(st: State, sent: Span) -> bool:
    """'In the September poll, conducted by the Harbour Times, Ruiz led Petek by five points': a sentence opening with
    'In' and a document of findings (data/attribution_cues_en.json 'in_sources'), set off by a comma, states what the
    document found: its claim, or its publisher's ('a poll by the Harbour Times'). Not where the rest has a verb of
    saying of its own ('In its report, the ministry said C': that verb's)."""
    doc = sent.doc
    first = sent[0]
    if first.lower_ != "in" or first.dep_ != "prep":
        return False
    pobj = next((c for c in first.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in IN_SOURCES:
        return False
    end = first.right_edge.i + 1
    if end >= sent.end - 2 or doc[end].text != ",":
        return False
    rest = [t for t in sent if t.i > end]
    if any(t.lemma_ in CUES and t.pos_ == "VERB" for t in rest) or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return False
    publisher = _publisher(pobj, st)
    key, text = resolve(st, publisher if publisher is not None else pobj)
    if text is None:
        return False
    st.add(rest, [sent], key, text, "in", "according_to")
    return True
