"""What one claim asserts, read for comparison: content terms, predicate classes,
modality, figures, dates, negation, subject and speaker."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..boilerplate import strip_dateline
from ..model import Analysis, Claim, Document
from ..points import POINT_UNITS, in_points
from ..textunits import base_language, sentence_spans, stop_words, token_f1, word_count
from ..timevalues import calendar_key
from .clauses import marked, marker_in, no_event_day
from .figures import Figure, _interval, figures_in
from .lexicon import (CUE_WORDS, HEDGES, MODALITY_WORDS, NEGATION, NEGATION_ANY, NUMBER_WORDS,
                      OTHER_SENSE_BEFORE_INFINITIVE, PREDICATES, STOP, SYNONYMS, TOKEN, UNITS, implied_negation,
                      modality_pattern, stem)


@dataclass(frozen=True)
class ClaimView:
    """One claim of one report, with everything alignment and verdicts compare."""

    ref: str  # "<doc id>:<claim key>"
    document: str
    order: int  # position of the report in the story (earliest first)
    claim: Claim
    speaker_id: str | None  # global entity id, else a name key, else None
    speaker_name: str | None
    named: bool  # the speaker is a resolved entity (not an anonymous source)
    speaker_words: frozenset[str]  # stems of the speaker's name, aliases and speaker_text
    terms: frozenset[str]
    entity_terms: frozenset[str]
    predicates: frozenset[str]
    modality: str
    figures: tuple[Figure, ...]
    dates: tuple[str, ...]
    negated: bool
    subject: str | None
    language: str | None = None  # the report's language
    vector: Any = None  # the claim's sentence embedding (numpy, normalised), when computed at ingest
    name_keys: frozenset[str] = frozenset()  # names in the claim, transliterated prefixes (any script)
    speaker_keys: frozenset[str] = frozenset()  # the speaker's names, the same way
    negated_any: bool = False  # any negation word (compared across languages, whose cue lists are broad)
    # a negation in one of the claim's clauses: the terms only its clause has ("..., and police did not have
    # suspects"); a claim that lacks them all does not tell that clause's contrary
    negation_terms: frozenset[str] = frozenset()
    stated_dates: tuple[str, ...] = ()  # dates written with a number ("17 October"), not a weekday or
    #                                     "yesterday" whose past or next reading each language's analyser guesses
    time_words: frozenset[str] = frozenset()  # relative time expressions as written ("thursday", "overnight")
    names: tuple[tuple[str, str], ...] = ()  # ("@" + entity or speaker id, a name it is written as)
    # a claim of several sentences (a quote running on) read sentence by sentence, each part a view of its own:
    # ref "<doc id>:<claim key>#<n>", claim.key and span the whole claim's, claim.text the sentence, no vector
    parts: tuple["ClaimView", ...] = ()
    # the parse's subject (English reports): "@" + entity id or a word; "" where the parse read none a reader
    # could compare (a pronoun, a noun-phrase content); None where it was not read
    head: str | None = None
    negation_implied: bool = False  # a word that says 'not' without a negation word ('barred', 'non-binding')
    published: str | None = None  # the report's publication time, as stored
    outlet: str | None = None  # the report's outlet, as stored
    chain_words: frozenset[str] = frozenset()  # stems of the sources behind the speaker ('citing two officials')
    sentence_words: int = 0  # words of the claim's sentence(s) in its report (word_count: any script)
    sentence_figures: tuple[Figure, ...] = ()  # the figures of the claim's sentence(s), its sentence-mates' too
    # its sentence or its source marks a count as not final ('con el 97 % de las mesas escrutadas', 'according to
    # preliminary results'; data/disagreements.json 'provisional'), read once here, not for every pair compared
    provisional: bool = False

    @property
    def claim_ref(self) -> str:
        """"<doc id>:<claim key>" of the claim this view reads (a part: of its whole claim)."""
        return f"{self.document}:{self.claim.key}"

    def cross(self, other: "ClaimView") -> bool:
        """The two claims are in different known languages: words cannot be compared, meaning can."""
        return bool(self.language and other.language and self.language[:2] != other.language[:2])


_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas|although|though|yet|who|which)\b|;|\s(?:but|whereas)\s",
                           re.IGNORECASE)


_RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whom|whose)\b[^,;]*,", re.IGNORECASE)


_INFINITIVE = re.compile(r"\s+to\s+([a-z]+)\b")


def _predicate(s: str, text: str, end: int) -> str | None:
    """The predicate class of the word stem ``s`` ending at ``end`` in ``text``, but none for a word of another sense
    before an infinitive ('declined to comment'; not 'declined to 3.5%', 'fell to the lowest level')."""
    if s in OTHER_SENSE_BEFORE_INFINITIVE:
        m = _INFINITIVE.match(text, end)
        if m and m.group(1) not in STOP and m.group(1) not in NUMBER_WORDS:
            return None
    return PREDICATES.get(s)


def _clause_terms(clause: str) -> set[str]:
    out = set()
    for m in TOKEN.finditer(clause):
        word = m.group(0)
        lw = word.lower()
        if lw in STOP or lw in CUE_WORDS or lw in NUMBER_WORDS or any(ch.isdigit() for ch in lw):
            continue
        s = stem(word)
        if len(s) >= 2 and s not in CUE_WORDS and s not in HEDGES and s not in MODALITY_WORDS:
            pred = _predicate(s, clause, m.end())
            out.add("~" + pred if pred else SYNONYMS.get(s, s))
    return out


def _negated_clause_terms(text: str) -> frozenset[str]:
    """The terms of the clauses that hold a negation and of no other clause of ``text``; empty when the
    negation is in the only clause (then the whole claim is negated)."""
    # (a relative clause between commas closes at its second: 'The plan, which has not been made public, would
    # cost 1.2 billion': the main clause goes on after it, not negated)
    closed = [m.end() - 1 for m in _RELATIVE_ASIDE.finditer(text)]
    cuts = sorted({0, *(m.start() for m in _CLAUSE_BREAK.finditer(text)), *closed, len(text)})
    clauses = [text[a:b] for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
    if len(clauses) < 2:
        return frozenset()
    negated = [c for c in clauses if NEGATION.search(c)]
    if not negated or len(negated) == len(clauses):
        return frozenset()
    rest = set().union(*(_clause_terms(c) for c in clauses if not NEGATION.search(c)))
    own = set().union(*(_clause_terms(c) for c in negated)) - rest
    return frozenset(own)


def words_reused(a: str, b: str) -> float:
    """Token F1 of two texts' words, function words included: how many of one sentence's words the other
    uses again. A report repeating a claim reuses most of them ('plans to train 8,000 soldiers' /
    'intends to train 8,000 soldiers': 0.83); two of its statements on one topic do not, however close their
    meaning reads ('I love you' / 'he really does love us': 0.25)."""
    return token_f1(TOKEN.findall(a.lower()), TOKEN.findall(b.lower()))


_NOUN_OPENERS = frozenset("the a an its their his her our against of on over about for with to".split())
# '... than we [can]', '... as fast as they [could]' (not the 'as' of reason: 'as the storm [could] hit')
_COMPARING = re.compile(r"(?:\bthan|\bas\s+\w+\s+as)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_POSSESSIVES = frozenset("his her their its our my your".split())


def modality_of(text: str, language: str | None = None) -> str:
    """plan | future | possible | actual: how the claim frames its event (``language``: the report's; English
    when None; a language data/modality_words.json does not list reads 'actual')."""
    lang = base_language(language or "en")
    if lang != "en":
        rx = modality_pattern(lang)
        marked = {m.lastgroup for m in rx.finditer(text)} if rx is not None else set()
        return next((mod for mod in ("possible", "plan", "future") if mod in marked), "actual")
    found = []
    prev = ""
    for m in TOKEN.finditer(text):
        word, before, prev = m.group(0), prev, m.group(0).lower()
        if word == "May" and m.start() > 0:
            continue  # the month
        mod = MODALITY_WORDS.get(stem(word))
        if mod == "possible" and _COMPARING.search(text[max(0, m.start() - 40):m.start()]):
            continue  # 'stronger than the company could build': a measure, not a possibility
        if mod == "plan" and (before in _NOUN_OPENERS or before.endswith(("'s", "’s"))):
            continue  # 'protested against plans to raise the age', 'the government's plan': a thing named, not intended
        if mod == "plan" and prev.endswith("ed") and len(before) > 3 and before.endswith("ed"):
            continue  # 'postponed planned surgery', 'cancelled expected talks': a participle naming the thing acted on
        if mod:
            found.append(mod)
    for mod in ("possible", "plan", "future"):
        if mod in found:
            return mod
    return "actual"


_OPENERS = frozenset("the a an this these that those its their his her our some all several".split())


def _opens(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in the first noun phrase of the sentence (the grammatical subject, roughly):
    at most three words before it, none of them a pronoun or verb-like word outside a small set."""
    before = TOKEN.findall(text[:pos])
    return len(before) <= 3 and all(w.lower() in _OPENERS or w[:1].isupper() and w.lower() not in STOP
                                    for w in before)


def _subject_word(head: str, skip: set[str]) -> str | None:
    """The comparable term of a parsed subject that is no name the claim mentions: its stem, unless it is a
    stop word, a cue word or the speaker's own ('the ministry said the ministry ...')."""
    low = head.lower()
    if not head or low in STOP or low in CUE_WORDS:
        return None
    s = stem(low)
    if s in skip or s in CUE_WORDS:
        return None
    pred = PREDICATES.get(s)  # a predicate word is compared as its class, as in the terms ('bomb' -> ~attack)
    return "~" + pred if pred else SYNONYMS.get(s, s)


def _speaker_words(view_speaker: str | None, claim: Claim) -> set[str]:
    words = set()
    for name in (view_speaker, claim.speaker_text):
        if name:
            words |= {stem(w) for w in TOKEN.findall(name)}
    return words


def name_keys(name: str | None, language: str | None = None) -> set[str]:
    """Prefixes of a name's capitalised words after transliteration (``language``: the name's, whose own romanisation
    reads it first): 'Brekke', 'Бреке' and '브레케' need not meet, but 'Virgin Atlantic' meets itself in every
    Latin-script language, and Ukrainian 'Голуб' meets 'Holub'."""
    from anyascii import anyascii

    from crosscheck.romanise import romanised

    out = set()
    for raw in (name or "").split():
        if raw[:1].islower():
            continue
        for tok in re.findall(r"[a-z0-9]+", anyascii(romanised(raw, language)).lower()):
            if len(tok) >= 3 and not tok.isdigit():
                out.add(tok[:5])
    return out


# a bound read in any language (corroborate.clauses.qualifier), in the words _interval reads
_BOUND_WORDS = {"lower": "at least", "upper": "up to", "approx": "about"}


def _qualifier_of(q, source: str, language: str | None) -> str | None:
    """A quantity's qualifier: the analysis' (English), else the bound data/disagreements.json's qualifier words
    give it in the report's language ('au moins 14', 'mindestens zwölf')."""
    if q.qualifier or not source:
        return q.qualifier
    from .clauses import qualifier

    return _BOUND_WORDS.get(qualifier(source, q.start, q.end, language)[0])


def _quantity_figures(claim: Claim, analysis: Analysis, doc: Document) -> tuple[Figure, ...]:
    """Figures from the analysis' quantities inside the claim (numbers read in the report's own
    language and locale: "10.000" in German is ten thousand): in its sentence and in its words (not '41,8%' of 'X,
    que teve 41,8%, disse que houve fraude', whose claim is 'Houve fraude.')."""
    out = []
    source = (doc.title or "") if claim.in_title else (doc.text or "")
    said = " ".join(claim.text.lower().split())
    for q in (analysis.title_quantities if claim.in_title else analysis.quantities):
        if q.start < claim.start or q.end > claim.end or q.kind == "percent" and q.value is None:
            continue
        if not q.text.split() or q.text.split()[0].lower() not in said:
            continue  # (its number: the words after it may be read past the claim's, '787 di compiere')
        qual = _qualifier_of(q, source, doc.language)
        if q.value is not None:
            low, high = _interval(float(q.value), qual)
        elif q.low is not None and q.high is not None:
            low, high = float(q.low), float(q.high)
        else:
            continue
        if q.kind == "percent" and q.unit in POINT_UNITS:  # a move: 'by 25 basis points' is '0,25 Prozentpunkte'
            low, high, of = in_points(low, q.unit), in_points(high, q.unit), "point"
        else:
            of = q.of or ("percent" if q.kind == "percent" else
                          _noun_after(q.text, claim.text[max(0, q.end - claim.start):]))
        out.append(Figure(text=q.text, low=low, high=high, qualifier=qual, of=of))
    return tuple(out)


def _sentence_figures(claim: Claim, sentence: str, analysis: Analysis, doc: Document) -> tuple[Figure, ...]:
    """The figures of the claim's whole sentence: 'killed two workers and injured 14', read as two claims, gives
    both to each (across a language the embedder does not read, they say which sentence translates which)."""
    if base_language(doc.language or "en") == "en":
        return tuple(f for f in figures_in(sentence) if f.of is None or f.of not in CUE_WORDS)
    return _quantity_figures(replace(claim, text=sentence), analysis, doc)


def _rejected(figure: Figure, text: str, language: str | None) -> bool:
    """The claim sets the figure against its own ('400 million euros, not the 250 million the government claimed';
    data/disagreements.json 'rejected'): the source denies it."""
    at = text.find(figure.text)
    return at >= 0 and marked("rejected", text, at, at + len(figure.text), language, after=False)


def _as_in_body(figures: tuple[Figure, ...], analysis: Analysis, doc: Document) -> tuple[Figure, ...]:
    """A headline's bare figure takes the bound the report's body first gives the same number: headlines drop
    'at least' ('Quake kills 12' over 'At least 12 people were killed')."""
    first: dict[float, Any] = {}
    for q in sorted(analysis.quantities, key=lambda q: q.start):
        if isinstance(q.value, (int, float)):
            first.setdefault(float(q.value), q)
    out = []
    for f in figures:
        value = next((v for v in first if f.low <= v <= f.high and _interval(v, None) == (f.low, f.high)), None)
        qual = None if f.qualifier or value is None else _qualifier_of(first[value], doc.text or "", doc.language)
        if qual:
            low, high = _interval(value, qual)
            f = replace(f, qualifier=qual, low=low, high=high)
        out.append(f)
    return tuple(out)


_LETTERS = re.compile(r"[^\W\d_][\w'’-]*")


def _noun_after(q_text: str, rest: str) -> str | None:
    """The counted word of a figure the analysis gave no noun (other languages): the word inside the
    quantity after its number ('1만 2천 명' -> 명), else the word right after it ('22 edificios', 'sieben Jahren')."""
    # a number written as a word ('sieben') counts nothing itself: the word after it does ('sieben Jahren Haft')
    inside = _LETTERS.findall(re.sub(r"^\D*\d[\d.,\s]*", "", q_text)) if re.search(r"\d", q_text) else []
    m = _LETTERS.match(rest.lstrip())
    word = inside[-1] if inside else m.group(0) if m and rest[:1].isspace() else None
    word = word.lstrip(_CJK_SCALES) if word else None  # '500万美元': the dollars, not '万美元'
    return word.lower() if word else None


_CJK_SCALES = "\u4e07\u842c\u5104\u4ebf\u5343\u767e\ub9cc\uc5b5\ucc9c"  # 万 萬 億 亿 千 百 만 억 천


PART_TERMS = 3  # content words and names a sentence of a claim needs to be read as a part of its own
PART_WORDS = 4  # ... or words, for a sentence of function words alone ("We are not yet done": align._echo)


def sentence_parts(claim: Claim) -> list[Claim]:
    """The sentences of a claim that runs over several (a quote of two sentences), each as the claim with that
    text (its key, span and speaker kept); none when it is one sentence or when a sentence is too short to
    assert anything alone ("Thank you.")."""
    spans = sentence_spans(claim.text)
    if len(spans) < 2:
        return []
    texts = [claim.text[a:b] for a, b in spans]
    for t in texts:
        words = TOKEN.findall(t)
        if len([w for w in words if w.lower() not in STOP]) < PART_TERMS and len(words) < PART_WORDS:
            return []
    return [replace(claim, text=t, subject=claim.subject if i == 0 else None,
                    hedges=tuple(h for h in claim.hedges if re.search(r"(?<!\w)" + re.escape(h) + r"(?!\w)", t, re.IGNORECASE)))
            for i, t in enumerate(texts)]


def build_view(claim: Claim, doc: Document, analysis: Analysis, order: int,
               entity_ids: Mapping[tuple[str, str], str], vector: Any = None, part: int = 0) -> ClaimView:
    """Read one claim for comparison (``entity_ids``: (doc id, local key) -> global id, read only); a claim of
    several sentences carries a view of each (``parts``; ``part``: this view is the n-th sentence of its claim)."""
    text = claim.text
    entities = {e.key: e for e in analysis.entities}
    speaker_ent = entities.get(claim.speaker) if claim.speaker else None
    speaker_id = None
    if claim.speaker:
        speaker_id = entity_ids.get((doc.id, claim.speaker)) or speaker_ent and speaker_ent.id or (
            "name:" + speaker_ent.name.lower() if speaker_ent else None)
    speaker_name = speaker_ent.name if speaker_ent else None
    spk = _speaker_words(speaker_name, claim)
    if speaker_ent:
        for alias in speaker_ent.aliases:
            spk |= {stem(w) for w in TOKEN.findall(alias)}
    skip = spk | {stem(h) for h in claim.hedges}

    # entity mentions inside the claim become entity terms ("@id"), so spellings meet
    entity_terms: set[str] = set()
    names: set[tuple[str, str]] = {("@" + speaker_id, n) for n in (speaker_name, *(
        speaker_ent.aliases if speaker_ent else ())) if speaker_id and n}
    keys: set[str] = set()
    masked = text
    subject: tuple[int, str] | None = None
    head = claim.subject or ""
    parsed: str | None = None  # the parse's subject when it is a name the claim mentions
    low = text.lower()
    # a headline's claim (in_title) has offsets into the title: the text's mentions, figures and times are not in it
    named = [] if claim.in_title else [(m.text, m.entity) for m in sorted(analysis.mentions, key=lambda m: m.start)
                                       if claim.start <= m.start and m.end <= claim.end]
    for mention_text, key in named:
        if key == claim.speaker:
            continue
        ent = entities.get(key)
        if ent is None or ent.type not in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
            continue
        found = re.search(r"(?<!\w)" + re.escape(mention_text.lower()) + r"(?!\w)", low)
        if found is None:
            continue
        pos = found.start()
        gid = entity_ids.get((doc.id, key)) or ent.id or "name:" + ent.name.lower()
        entity_terms.add("@" + gid)
        names.update(("@" + gid, n) for n in (ent.name, mention_text))
        keys |= name_keys(ent.name, doc.language) | name_keys(mention_text, doc.language)
        if (subject is None or pos < subject[0]) and _opens(text, pos):
            subject = (pos, "@" + gid)
        if parsed is None and head[:1].isupper() and re.search(r"(?<!\w)" + re.escape(head) + r"(?!\w)", mention_text):
            parsed = "@" + gid
        masked = masked[:pos] + " " * len(mention_text) + masked[pos + len(mention_text):]
        low = masked.lower()

    terms: set[str] = set()
    predicates: set[str] = set()
    first_word = None
    lang = base_language(doc.language)
    stops = stop_words(lang) if lang and lang != "en" else frozenset()  # (English: STOP, the stage's own list)
    for i, m in enumerate(TOKEN.finditer(masked)):
        word = m.group(0)
        lw = word.lower()
        if lw in STOP or lw in stops or lw in CUE_WORDS or lw in NUMBER_WORDS or lw in UNITS or \
                any(ch.isdigit() for ch in lw):
            continue
        s = stem(word)
        if s in skip or s in CUE_WORDS or s in HEDGES or s in MODALITY_WORDS or len(s) < 2:
            continue
        pred = _predicate(s, masked, m.end())
        if pred:
            predicates.add(pred)
            terms.add("~" + pred)
            continue
        terms.add(SYNONYMS.get(s, s))
        if first_word is None and _opens(masked, m.start()):
            before = TOKEN.findall(masked[max(0, m.start() - 12):m.start()])
            # 'his client', 'her husband': someone named by a relation to a person; who is unknown here
            first_word = (m.start(), "" if before and before[-1].lower() in _POSSESSIVES else SYNONYMS.get(s, s))
    # the subject: the first thing named (an entity, else a content word), attribution aside
    firsts = [x for x in (subject, first_word) if x is not None]
    subject_term = (min(firsts)[1] or None) if firsts else None
    parsed_subject = None if claim.subject is None else parsed or _subject_word(head, skip) or ""

    sentence = ((doc.title or "") if claim.in_title else (doc.text or ""))[claim.start:claim.end]
    english = base_language(doc.language or "en") == "en"
    figures = tuple(f for f in figures_in(text) if f.of is None or f.of not in CUE_WORDS) if english \
        else _quantity_figures(claim, analysis, doc)
    figures = tuple(f for f in figures if not _rejected(f, text, doc.language))
    if claim.in_title:
        figures = _as_in_body(figures, analysis, doc)
    body = doc.text or ""
    inside = [t for t in (() if claim.in_title else analysis.times)
              if t.start >= claim.start and t.end <= claim.end and t.text.lower() in text.lower()
              and not no_event_day(body, claim.start, t.start, t.end, doc.language)]
    dates = tuple(sorted({k for t in inside if (k := calendar_key(t.value))}))
    stated = tuple(sorted({k for t in inside if any(ch.isdigit() for ch in t.text) and (k := calendar_key(t.value))}))
    negated = claim.negated or bool(NEGATION.search(text))
    negation_terms = _negated_clause_terms(text) if negated else frozenset()
    return ClaimView(
        ref=f"{doc.id}:{claim.key}" + (f"#{part}" if part else ""), document=doc.id, order=order, claim=claim,
        speaker_id=speaker_id, speaker_name=speaker_name, named=speaker_id is not None,
        speaker_words=frozenset(w for w in spk if w not in STOP and w not in CUE_WORDS),
        terms=frozenset(terms), entity_terms=frozenset(entity_terms), predicates=frozenset(predicates),
        modality=modality_of(text, doc.language), figures=figures, dates=dates, negated=negated, subject=subject_term,
        language=doc.language, vector=vector, name_keys=frozenset(keys),
        speaker_keys=frozenset(k for n in (speaker_name, claim.speaker_text, *(speaker_ent.aliases if speaker_ent else ()))
                               for k in name_keys(n, doc.language)),
        negated_any=claim.negated or bool(NEGATION_ANY.search(text)), stated_dates=stated,
        negation_terms=negation_terms,
        time_words=frozenset(t.text.lower() for t in inside if not any(ch.isdigit() for ch in t.text)),
        names=tuple(sorted(names)), head=parsed_subject,
        negation_implied=bool((rx := implied_negation(base_language(doc.language or "en"))) and rx.search(text)),
        parts=() if part else tuple(build_view(c, doc, analysis, order, entity_ids, part=i)
                                    for i, c in enumerate(sentence_parts(claim), 1)),
        published=doc.published, outlet=doc.outlet,
        chain_words=frozenset(stem(w) for c in claim.chain for w in TOKEN.findall(c) if w.lower() not in STOP),
        sentence_words=word_count(strip_dateline(sentence)),
        sentence_figures=_sentence_figures(claim, sentence, analysis, doc),
        provisional=marker_in("provisional", f"{sentence} {claim.speaker_text or ''}", 0,
                              len(sentence) + 1 + len(claim.speaker_text or ""), doc.language),
    )
