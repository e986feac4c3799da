"""Attributed claims in reports outside English, read from the words of each language's data.

No parser is needed (most languages here have none that installs offline): sentences, names and the
per-language tables of ``crosscheck/data/claim_cues.json`` (quotation marks, reporting verbs,
'according to' forms, complementisers, first-person pronouns, hedges, negation, titles) decide.
Sentence by sentence:

1. quotes: a region between the language's quotation marks (or a dialogue-dash paragraph) of at least
   ``claim_min_quote_words`` words, credited to the speaker named next to a reporting verb around it,
   else (a quote standing alone) to the last speaker within ``claim_speaker_window`` sentences;
2. 'according to' forms: "segun X, C" / "C, segun X" / "X 에 따르면 C";
3. reported speech: a reporting verb with its speaker and clause ("X dijo que C", "C, dijo X",
   "X sagte, C", "X는 C라고 밝혔다", "X表示，C"); a verb with no named subject nearby keeps the last
   speaker (languages that drop subject pronouns);
4. otherwise, the outlet's own factual sentence (a number, a date word or a name; no first person), as
   for English, so that a translation of an English report yields comparable claims.
Speakers are the report's entities (nearest to the verb, people first), else a title phrase
("el ministro de Defensa"), else a capitalised name the pipeline had no entity for.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from crosscheck.analyze import headlines
from crosscheck.boilerplate import strip_dateline
from crosscheck.analyze.claims_sources_multi import (_CAPS, _EDGE, _QUOTE_CHARS, _WORDS, _mentions_in,
                                                     _noun_after_cue, _only_function_words, _past_dates,
                                                     _recent_or_person, _speaker_near, _subject, _tidy, _trim_source)
from crosscheck.analyze.claims_roles_multi import ministry_named_before, org_named_before, role_holder
from crosscheck.analyze.claims_according_multi import according, after_form, own_account, quoted_saying
from crosscheck.analyze.claims_reported_multi import _reported, _skip
from crosscheck.analyze.cue_patterns import _alternation, _pair, _quoting
from crosscheck.analyze.entities import LocalEntities
from crosscheck.config import Settings
from crosscheck.model import Claim
from crosscheck.denials import is_denial
from crosscheck.textunits import base_language, ends_with_stop, stop_words, word_count
from crosscheck.textunits import sentence_initial as _sentence_initial

_QUESTION = re.compile(r"[?\uff1f\u061f][\"'\u201d\u201c\u00bb\u00ab\u300d\u300f\u2019)\]]*\s*$")
_DIGIT = re.compile(r"\d")
_HYPHEN_LINE = re.compile(r"(?m)^[ \t]*-[ \t]+(?P<q>[^\n]+?)[ \t]+-[ \t]+(?P<rest>[^\n]*)$")
_DASH_LINE = re.compile(r"(?m)^[ \t]*[\u2014\u2013\u2015][ \t]*(?P<q>[^\n]+?)(?:[ \t]+[\u2014\u2013\u2015][ \t]*(?P<rest>[^\n]*))?$")


@dataclass(frozen=True)
class Cues:
    """One language's claim knowledge, compiled."""

    lang: str
    quotes: tuple[re.Pattern, ...]
    dash: bool
    cue: re.Pattern | None
    before: re.Pattern | None  # 'according to' forms followed by the source
    after: re.Pattern | None  # forms preceded by the source
    that: re.Pattern | None
    first_person: re.Pattern | None
    hedges: tuple[tuple[re.Pattern, str], ...]
    negation: re.Pattern | None
    titles: re.Pattern | None
    substring: bool
    topic: tuple[str, ...] = ()
    verb_final: bool = False
    relative_endings: tuple[str, ...] = ()  # a participle closing a relative clause before its noun ('konuşan')
    title_words: frozenset[str] = frozenset()  # the titles, lowercase (role_holder compares their cases)
    org_suffixes: tuple[str, ...] = ()  # endings of an organisation's name written as one word ('보건부', '경찰청')
    pronouns: frozenset[str] = frozenset()  # third-person subjects that point back to the last speaker ('同氏', '그')
    that_optional: bool = False  # 'X mengatakan C': a clause right after the verb, no complementiser
    np_object: frozenset[str] = frozenset()  # verbs opening the sentence whose object after the subject is the content
    object_openers: frozenset[str] = frozenset()  # ... unless it opens so: an object ('mengatakan hal itu')
    anaphora: re.Pattern | None = None  # 'Das teilte X mit.': the sentence before is X's claim
    credits: re.Pattern | None = None  # 'X ने यह जानकारी दी।': a source, then these closing words: the same
    quoting: re.Pattern | None = None  # 'نقلت X عن Y قوله إن C': Y's C, relayed by X
    citing: re.Pattern | None = None  # 'unter Berufung auf X': X is cited by the speaker, not the speaker
    media: frozenset[str] = frozenset()  # nouns naming an outlet by its kind ('агентства'): the outlet last credited
    source_preps: frozenset[str] = frozenset()  # 'сообщили в МЧС': a source after the verb opening with 'в' is the body
    particles: re.Pattern | None = None  # a separable verb's particle between the cue and its comma ('kündigte an, C')
    addressee: frozenset[str] = frozenset()  # 'a', "all'": before a name after the verb, who was spoken to
    documents: frozenset[str] = frozenset()  # 'bilan', 'Bericht': a source phrase naming a document
    publisher_links: frozenset[str] = frozenset()  # 'par', 'des': joining the document to whom it is by
    title_links: frozenset[str] = frozenset()  # 'باسم': joining a title to the body it speaks for
    relay: re.Pattern | None = None  # 'demnach': the sentence passes on what the last source says
    mood: re.Pattern | None = None  # 'seien': a verb of the mood of reported speech (German Konjunktiv I)
    noun_cues: re.Pattern | None = None  # 'sprach von': the noun phrase after it is what the source says
    and_that: re.Pattern | None = None  # 'e che': a second statement after the first ('che C1 e che C2')
    relatives: re.Pattern | None = None  # 'que', 'qui', 'che': a clause about the word before the comma
    infinitive: re.Pattern | None = None  # 'avoir', 'haber', 'di aver': an infinitive clause after the cue is what was said
    # verbs of a separable verb of saying ('gab ... bekannt', 'maakte ... bekend'), read only after an anaphoric opener
    # and with their particle closing the sentence ('Dat maakte het bedrijf woensdag bekend.')
    anaphora_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    own_account: re.Pattern | None = None  # 'nach eigenen Angaben': the sentence is its subject's own claim
    cited_by: re.Pattern | None = None  # "citate dall'": the sources before it are relayed by the name after it
    recent: re.Pattern | None = None  # 'según él', 'по его словам': an 'according to' form naming the last speaker
    article_words: bool = True  # the language writes articles as words ('el', 'le'); Slavic languages do not
    # the forms of one title, where its cases share no first letters (Hebrew 'השרה' / 'שרת', with the article and
    # in the construct state): each form -> all forms of its title
    title_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    quotative: tuple[str, ...] = ()  # endings that close what was said before the speaker ('C다고 X가 밝혔다')
    bare_cues: re.Pattern | None = None  # the cues without a quotative particle they open with ('明らかにした')
    verb_second: bool = False  # the finite verb comes second ('In einer Mitteilung erklärte das Ministerium, C')
    articles: frozenset[str] = frozenset()  # ... and the articles a subject put first opens with ('das', 'een')
    after_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # 'nach' -> the nouns it follows as a source


@lru_cache(maxsize=1)
def _data() -> dict:
    with resources.files("crosscheck.data").joinpath("claim_cues.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def languages() -> frozenset[str]:
    """Languages with claim knowledge in the data file."""
    return frozenset(_data()["languages"])


@lru_cache(maxsize=None)
def title_words(lang: str | None) -> frozenset[str]:
    """The one-word titles of people in ``lang`` ('gobernadora', 'ministro'), lowercase; empty when the data
    file has none."""
    entry = _data()["languages"].get(base_language(lang)) or {}
    return frozenset(t.lower() for t in entry.get("titles", []) if " " not in t)


@lru_cache(maxsize=None)
def title_links(lang: str | None) -> tuple[str, ...]:
    """Words that go on with a title by the body it speaks for (data/claim_cues.json 'title_links')."""
    return tuple((_data()["languages"].get(base_language(lang)) or {}).get("title_links", ()))


def name_stops(lang: str | None) -> frozenset[str]:
    """Words that end a name after a title in a script without capitals (data/claim_cues.json 'name_stops')."""
    return frozenset((_data()["languages"].get(base_language(lang)) or {}).get("name_stops", ()))


def title_phrases(lang: str | None) -> frozenset[str]:
    """The titles of several words ('juru bicara', 'perdana menteri', 'wali kota'), lowercase."""
    cues = cues_for(lang)
    return frozenset(t for t in cues.title_words if " " in t) if cues is not None else frozenset()


def org_kinds(lang: str | None, key: str = "org_kinds") -> frozenset[str]:
    """Heads of nouns naming an organisation by its kind in ``lang`` ('konzern', 'autobauer'), lowercase; with
    ``key="place_kinds"``, those naming a place by its kind or part ('stadt', 'osten')."""
    entry = _data()["languages"].get(base_language(lang)) or {}
    return frozenset(t.lower() for t in entry.get(key, []))


def _bare(words: list[str], quotative: list[str]) -> list[str]:
    """The reporting verbs without the quotative particle some open with ('と明らかにした' -> '明らかにした'); a form
    whose particle is a word apart ('다고 했다') has no verb of its own to keep."""
    out = []
    for w in words:
        q = next((q for q in quotative if w.startswith(q)), None)
        if q is None or not w[len(q):][:1].isspace():
            out.append(w if q is None else w[len(q):])
    return out if quotative else []


@lru_cache(maxsize=32)
def cues_for(lang: str | None) -> Cues | None:
    """The compiled knowledge for ``lang`` (ISO 639-1), None when the data file has none."""
    data = _data()
    lang = base_language(lang)  # 'pt-BR', 'zh_Hant': the language's own tables
    entry = data["languages"].get(lang)
    if entry is None:
        return None
    sub = bool(entry.get("substring"))
    pairs = [tuple(p) for p in entry.get("quotes", [])] + [tuple(p) for p in data["generic_quotes"]]
    quotes = tuple(_pair(o, c) for o, c in dict.fromkeys(pairs))
    according = entry.get("according", {})
    words = entry.get("strong_cues") or entry.get("cues", [])
    acc_words = {w.lower() for w in according.get("before", []) + according.get("after", [])}
    return Cues(
        lang=lang, quotes=quotes, dash=bool(entry.get("dash")),
        cue=_alternation([w for w in words if w.lower() not in acc_words], sub, prefixes=entry.get("prefixes", ()),
                         between=entry.get("cue_adverbs", ())),
        before=_alternation(according.get("before", []), sub),
        after=_alternation(according.get("after", []), sub),
        recent=_alternation(according.get("recent", []), sub),
        that=_alternation(entry.get("that", []), sub),
        first_person=_alternation(entry.get("first_person", []), sub),
        hedges=tuple((_alternation([w], sub), tag) for w, tag in entry.get("hedges", {}).items()),
        negation=_alternation(entry.get("negation", []), sub, endings=entry.get("negation_endings", ()),
                              unlike=entry.get("negation_unlike", ())),
        titles=_alternation(entry.get("titles", []), sub),
        substring=sub, topic=tuple(entry.get("topic", ())), verb_final=bool(entry.get("verb_final")),
        relative_endings=tuple(entry.get("relative_endings", ())),
        title_words=frozenset(" ".join(t.lower().split()) for t in entry.get("titles", ())),
        pronouns=frozenset(entry.get("pronouns", ())), org_suffixes=tuple(entry.get("org_suffixes", ())),
        that_optional=bool(entry.get("that_optional")), np_object=frozenset(entry.get("np_object_cues", ())), object_openers=frozenset(entry.get("object_openers", ())),
        anaphora=_alternation(entry.get("anaphora", []), sub), credits=_alternation(entry.get("credits", []), sub),
        quoting=_quoting(entry.get("quoting"), entry.get("that", ())),
        citing=_alternation(entry.get("citing", []), sub),
        media=frozenset(w.lower() for w in entry.get("media", ())),
        source_preps=frozenset(w.lower() for w in entry.get("source_preps", ())),
        particles=_alternation(entry.get("particles", []), sub),
        addressee=frozenset(" ".join(w.lower().replace("\u2019", "'").split()) for w in entry.get("addressee", ())),
        documents=frozenset(entry.get("documents", ())), publisher_links=frozenset(entry.get("publisher_links", ())),
        title_links=frozenset(entry.get("title_links", ())),
        relay=_alternation(entry.get("relay", []), sub), mood=_alternation(entry.get("reported_mood", []), sub), noun_cues=_alternation(entry.get("noun_cues", []), sub),
        and_that=_alternation(entry.get("and_that", []), sub), article_words=entry.get("article_words", True),
        own_account=_alternation(entry.get("own_account", []), sub),
        relatives=_alternation(entry.get("relatives", []), sub),
        infinitive=_alternation(entry.get("infinitive", []), sub),
        anaphora_verbs={v.lower(): tuple(p) for v, p in entry.get("anaphora_verbs", {}).items()},
        cited_by=_alternation([f"{p} {link}" for p in entry.get("cited_by", ()) for link in entry.get("publisher_links", ())],
                              sub),
        title_forms={f: frozenset(group) for group in entry.get("title_forms", ()) for f in group},
        quotative=tuple(entry.get("quotative", ())),
        bare_cues=_alternation(_bare(words, entry.get("quotative", ())), sub),
        after_nouns={f: frozenset(ns) for f, ns in according.get("after_nouns", {}).items()},
        verb_second=bool(entry.get("verb_second")), articles=frozenset(entry.get("articles", ())),
    )


@dataclass
class _Speaker:
    key: str | None
    text: str | None
    sent: int


@dataclass
class _State:
    text: str
    cues: Cues
    ents: LocalEntities
    settings: Settings
    facts: list[tuple[int, int]] = field(default_factory=list)  # number and date spans, in order
    claims: list[Claim] = field(default_factory=list)
    last: _Speaker | None = None
    si: int = 0
    headline: bool = False  # the text is the report's headline

    def add(self, start: int, end: int, sent: tuple[int, int], speaker, speaker_text, cue, kind, chain=(),
            text: str | None = None, min_words: int | None = None) -> bool:
        """One claim of the words text[start:end] (or of ``text``, words joined around a cut-out source), of at
        least ``min_words`` words (default: a quote's minimum, else 3)."""
        body = _tidy(strip_dateline((self.text[start:end] if text is None else text).lstrip()))  # 'ALMENA, 4 ago (X) - '
        if min_words is None:
            min_words = self.settings.claim_min_quote_words if kind == "quote" else 3
        if body is None or word_count(body) < min_words:
            return False
        c = self.cues
        # (not the report's own outlet, whose name may be a media noun: 'Le Quotidien', 'El Diario')
        if speaker_text and kind != "outlet" and len(speaker_text.split()) > 1 and \
                speaker_text.split()[0].lower() in c.source_preps:
            speaker_text = _tidy(speaker_text.split(None, 1)[1]) or speaker_text  # 'сообщили в МЧС': the ministry
        if speaker is None and speaker_text and kind != "outlet":
            speaker, speaker_text = role_holder(self, speaker_text, sent[0]) or ministry_named_before(
                self, speaker_text, sent[0]) or org_named_before(self, speaker_text, sent[1]) or \
                (None, self._publisher(speaker_text))
            if speaker_text in c.pronouns and (recent := self.recent()) is not None:  # '同氏は', '그는': the last speaker
                speaker, speaker_text = recent.key, recent.text
            if self._media_word(speaker_text):
                recent = self.recent()  # 'по данным агентства' after 'сообщило агентство Northwire': Northwire
                if recent is not None and recent.text and not self._media_word(recent.text):
                    speaker, speaker_text = recent.key, recent.text
        hedges = tuple(dict.fromkeys(tag for rx, tag in c.hedges if rx is not None and rx.search(body)))
        negated = bool(c.negation and c.negation.search(body))
        self.claims.append(Claim(
            key=f"c{len(self.claims) + 1}", text=body, start=sent[0], end=sent[1], speaker=speaker,
            speaker_text=speaker_text, cue=cue, kind=kind, hedges=hedges, chain=tuple(chain), negated=negated))
        if kind != "outlet" and (speaker is not None or speaker_text is not None):
            # (the report's own statement credits no one a later 'sagte er' could mean)
            self.last = _Speaker(speaker, speaker_text, self.si)
        return True

    def _publisher(self, phrase: str) -> str:
        """In a language that joins a document to whom it is by with a case ending, not a word ('говорится в
        заявлении министерства'), a source phrase naming a document (after its preposition) is whom it is by."""
        c = self.cues
        if c.publisher_links or not c.documents:
            return phrase
        words = phrase.split()
        i = 1 if words and words[0].lower() in stop_words(c.lang) else 0
        if len(words) > i + 1 and words[i].lower() in c.documents:
            return " ".join(words[i + 1:])
        return phrase

    def _media_word(self, phrase: str) -> bool:
        """The phrase is a news outlet's kind alone ('агентства', 'el diario'), naming no outlet."""
        words = _WORDS.findall(phrase)  # (a capital after the first word is a name: 'Ansa' is on spaCy's stop list)
        content = [w.lower() for i, w in enumerate(words) if w.lower() not in stop_words(self.cues.lang) or
                   i and w[:1].isupper()]
        return len(content) == 1 and content[0] in self.cues.media

    def recent(self) -> _Speaker | None:
        if self.last is None or self.si - self.last.sent > self.settings.claim_speaker_window:
            return None
        return self.last


def extract(text: str, sentences: list[tuple[int, int]], ents: LocalEntities, language: str | None,
            outlet: str | None = None, settings: Settings | None = None,
            facts: Sequence[tuple[int, int]] = (), headline: bool = False) -> list[Claim]:
    """Claims of one report in ``language`` (sentences as character spans of ``text``); [] without data.
    ``facts``: character spans of the numbers and dates the language's own readers found ('treinta minutos',
    'la semana pasada'), which make a sentence a statement of fact as a digit or a name does. ``headline``:
    ``text`` is the report's headline, which states something with fewer words and no final stop."""
    cues = cues_for(language)
    if cues is None:
        return []
    settings = settings or Settings()
    st = _State(text=text, cues=cues, ents=ents, settings=settings, facts=sorted(facts), headline=headline)
    regions = _quote_regions(text, cues, settings)
    ri = 0
    done_until = -1
    for i, (s, e) in enumerate(sentences):
        st.si = i
        if e <= done_until:
            continue
        while ri < len(regions) and regions[ri][1] <= s:
            ri += 1
        if ri < len(regions) and regions[ri][0] < e:
            last = _quote(st, regions[ri], sentences, i)
            if last is not None:
                done_until = sentences[last][1]
                continue
        if i > 0 and _anaphoric(st, s, e, sentences[i - 1]):
            continue
        if own_account(st, s, e) or according(st, s, e) or quoted_saying(st, s, e) or _reported(st, s, e) \
                or _relayed(st, s, e) or _spoke_of(st, s, e) or _in_reported_mood(st, s, e):
            continue
        if settings.claim_outlet_statements and _is_outlet_fact(st, s, e):
            st.add(s, e, (s, e), None, outlet, None, "outlet")
    return st.claims


def _relayed(st: _State, s: int, e: int) -> bool:
    """'Herabfallende Trümmer beschädigten demnach ein Treibstofflager': an adverb of the language's 'relay' list
    passes on what the source named last says; the sentence, the adverb left out, is that source's claim."""
    m = st.cues.relay.search(st.text, s, e) if st.cues.relay is not None else None
    recent = st.recent() if m is not None else None
    if recent is None:
        return False
    text = " ".join((st.text[s:m.start()] + " " + st.text[m.end():e]).split())
    return st.add(s, e, (s, e), recent.key, recent.text, m.group(0).lower(), "reported", text=text)


def _in_reported_mood(st: _State, s: int, e: int) -> bool:
    """'Elf Menschen seien leicht verletzt worden' after 'sagte Sprecherin Hanne Brekke': a sentence in the mood of
    reported speech (the language's 'reported_mood' forms) with no cue of its own goes on with the last source's
    words; a question stays the report's."""
    if st.cues.mood is None or st.text[s:e].rstrip().endswith("?") or not st.cues.mood.search(st.text, s, e):
        return False
    recent = st.recent()
    return recent is not None and st.add(s, e, (s, e), recent.key, recent.text, None, "reported")


def _spoke_of(st: _State, s: int, e: int) -> bool:
    """'Ein ranghoher Sicherheitsbeamter sprach von rund 50 eingesetzten Drohnen': the noun phrase after a verb of
    speaking of something (the language's 'noun_cues') is the claim of the source named before it."""
    m = st.cues.noun_cues.search(st.text, s, e) if st.cues.noun_cues is not None else None
    if m is None or word_count(st.text[m.end():e]) < 2:
        return False
    key, name = _speaker_near(st, s, m.start(), m.start(), m.end())
    if key is None and name is None:
        name = _subject(st, s, m.start())
    if key is None and name is None:
        return False
    return st.add(m.end(), e, (s, e), key, name, " ".join(m.group(0).lower().split()), "reported", min_words=2)


# ---------------------------------------------------------------- quotes
def _quote_regions(text: str, cues: Cues, settings: Settings) -> list[tuple[int, int, int, int]]:
    """(inner start, inner end, outer start, outer end) of each speech-length quote, in text order."""
    found = []
    for rx in cues.quotes:
        for m in rx.finditer(text):
            n = word_count(m.group(1))
            if n >= settings.claim_min_quote_words or n >= _MIN_CUED_QUOTE_WORDS and _cue_follows(text, m.end(), cues):
                found.append((m.start(1), m.end(1), m.start(), m.end()))
    if cues.dash:
        for m in _DASH_LINE.finditer(text):
            if word_count(m.group("q")) >= settings.claim_min_quote_words:
                found.append((m.start("q"), m.end("q"), m.start(), m.end("q")))
        for m in _HYPHEN_LINE.finditer(text):  # '- Nie wycofamy się - powiedział X': typed with hyphens, a verb after
            if word_count(m.group("q")) >= settings.claim_min_quote_words and cues.cue is not None \
                    and cues.cue.match(m.group("rest")):
                found.append((m.start("q"), m.end("q"), m.start(), m.end("q")))
    found.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    out: list[tuple[int, int, int, int]] = []
    for r in found:
        if out and r[2] < out[-1][3]:
            continue
        out.append(r)
    return out


_MIN_CUED_QUOTE_WORDS = 2  # '« C'est inacceptable », a déclaré X': a quote its verb of saying frames (as English)


def _cue_follows(text: str, end: int, cues: Cues) -> bool:
    """A verb of saying right after a quote's closing mark and its comma or dash ('», a déclaré', '", ha detto',
    '” – powiedział', '», — сказал')."""
    m = re.compile(r"[\s,\u00a0\u202f\u2013\u2014-]*").match(text, end)
    if cues.substring:  # '「被害は甚大だ」と述べた': the quotative verb right against the closing mark
        return cues.cue is not None and m.end() == end and cues.cue.match(text, end) is not None
    return cues.cue is not None and cues.cue.match(text, m.end()) is not None


def _quote(st: _State, region, sentences, i: int) -> int | None:
    """Claims of the quote ``region`` starting in sentence ``i``; index of its last sentence, or None."""
    qs, qe, os_, oe = region
    j = i
    while j + 1 < len(sentences) and sentences[j][1] < oe:
        j += 1
    s0, e1 = sentences[i][0], sentences[j][1]
    before, after = (s0, os_), (oe, e1)
    speaker = None
    for span in (after, before):
        seg = st.text[span[0]:span[1]]
        m = st.cues.cue.search(seg) if st.cues.cue else None
        if m is None and st.cues.before is not None:
            m = st.cues.before.search(seg)
        if m is None:
            m = after_form(st.cues, seg, 0, len(seg))
        if m is not None:
            cs, ce = span[0] + m.start(), span[0] + m.end()
            key, name = _speaker_near(st, span[0], span[1], cs, ce)
            other = before if span is after else after
            if key is None and name is None:
                key, name = _speaker_near(st, other[0], other[1], cs, ce)
            if key is None and name is None and span is after:  # '"C", dijo una pasajera': a common noun
                name = _noun_after_cue(st, _past_dates(st, ce, span[1]), span[1])
            if key is None and name is None:
                name = _subject(st, s0, os_ if span is after else cs)
            if key is None and name is None:  # 'dijo durante una visita a Cardel': the verb's subject left out
                key, name = _recent_or_person(st, s0) or (None, None)
            if key is not None or name is not None:
                speaker = (key, name, " ".join(m.group(0).lower().split()))
                break
    frame = st.text[s0:os_].rstrip()
    if speaker is None and frame.endswith(":") and not st.text[oe:e1].strip(_EDGE + _QUOTE_CHARS + ".!?\u3002"):
        # 'Jobs ha lasciato questo addio: "C"': a frame up to a colon credits the quote to the name it holds
        colon = s0 + len(frame) - 1
        key, name = _speaker_near(st, s0, colon, colon, colon + 1)
        if key is not None or name is not None:
            speaker = (key, name, ":")
    if speaker is None:
        outside = (st.text[s0:os_] + st.text[oe:e1]).strip(_EDGE + _QUOTE_CHARS + ".!?\u3002")
        recent = st.recent()
        if outside or recent is None:
            return None
        speaker = (recent.key, recent.text, None)
    # a claim per sentence of the quote (translations align sentence by sentence with their originals); a sentence
    # too short to be speech alone is one when the whole quote is long enough ('"No agreement. Talks go on," she
    # said': the quote was lost)
    whole = word_count(st.text[qs:qe]) >= st.settings.claim_min_quote_words
    # a quote its verb of saying frames is speech from two words on ('« C'est inacceptable », a déclaré X'), as in
    # English (claims.MIN_CUED_QUOTE_WORDS); a quote credited to the last speaker keeps the setting's floor
    framed = speaker[2] not in (None, ":") and j == i
    added = False
    for k in range(i, j + 1):
        s, e = sentences[k]
        lo, hi = max(s, qs), min(e, qe)
        if hi > lo:
            st.si = k
            added |= st.add(lo, hi, (s, e), speaker[0], speaker[1], speaker[2], "quote",
                            min_words=1 if whole else 2 if framed else None)
    return j if added else None


def _anaphoric(st: _State, s: int, e: int, before: tuple[int, int]) -> bool:
    """'Das teilte das Ministerium am Donnerstag mit.': a sentence that opens with a word pointing back and a
    reporting verb credits the sentence before to the source after the verb; that sentence's claim as the report's
    own statement, if it was read as one, gives way."""
    c = st.cues
    if c.cue is None:
        return False
    credit = next((m for m in c.credits.finditer(st.text, s, e) if not st.text[m.end():e].strip(_EDGE + ".\u0964")),
                  None) if c.credits is not None else None
    if credit is not None and word_count(st.text[s:credit.start()]) <= 6:  # 'अधिकारियों ने यह जानकारी दी।'
        cue = credit
        key, name = _speaker_near(st, s, cue.start(), cue.start(), cue.end())
        name = name if key is not None or name else _tidy(st.text[s:cue.start()])
    elif c.substring:  # '地域のミレラ・ドブレフ知事が木曜日に明らかにした。': a source, a day and the verb, nothing said
        verbs = c.bare_cues or c.cue
        cue = next((m for m in verbs.finditer(st.text, s, e) if not st.text[m.end():e].strip(_EDGE + "\u3002.")), None)
        org = _organisation_alone(st, s, cue.start()) if cue is not None else None
        if cue is None or org is None and not _credit_alone(st, s, cue.start()):
            return False
        key, name = _speaker_near(st, s, cue.start(), cue.start(), cue.end())
        if key is None and org is not None:
            name = org  # '国家災害庁が水曜日に明らかにした。': an organisation named by its kind, no name the NER found
    else:
        lead = c.anaphora.match(st.text, s + _skip(st.text, s, e)) if c.anaphora is not None else None
        cue = c.cue.match(st.text, lead.end() + _skip(st.text, lead.end(), e)) if lead is not None else None
        if cue is None and lead is not None:
            cue = _separable(st, lead.end() + _skip(st.text, lead.end(), e), e)
        if cue is None:
            return False
        key, name = _speaker_near(st, cue.end(), e, cue.start(), cue.end())
    # the phrase after the verb, to its first function word after a content word or a date (a credit line's source
    # stands before it)
    if key is None and cue is not credit:
        end = min([fs for fs, _ in st.facts if cue.end() <= fs < e] + [e])
        words = _trim_source(st, st.text[cue.end():end].strip(_EDGE + ".\u3002")).split()
        while words and words[-1].lower() in stop_words(c.lang):
            words.pop()  # 'teilte die Polizei mit': the verb's particle
        phrase = " ".join(words)
        name = phrase if words and not _only_function_words(st, phrase) else name
    if key is None and name is None:
        return False
    ps, pe = before
    held = [k for k, cl in enumerate(st.claims) if cl.start <= ps < cl.end]
    verb = " ".join(cue.group(0).lower().split())
    if is_denial(verb, c.lang) and any(st.claims[k].kind != "outlet" for k in held):
        # 'Dat ontkende de burgemeester.': the denial of someone's claim is a claim of its own, beside it
        denied = st.claims[held[-1]]
        if not st.add(denied.start, denied.end, (ps, e), key, name, verb, "reported"):
            return False
        st.claims[-1] = replace(st.claims[-1], text=denied.text)  # its words, not its sentence's
        return True
    if len(held) > 1 or any(st.claims[k].kind != "outlet" for k in held):
        return False  # the sentence before is already someone's claim
    if not st.add(ps, pe, (ps, e), key, name, verb, "reported"):
        return False
    if held:  # the new claim takes the place (and key) of the report's own statement of that sentence
        new = st.claims.pop()
        st.claims[held[0]] = replace(new, key=st.claims[held[0]].key)
    return True


def _separable(st: _State, at: int, e: int) -> re.Match | None:
    """The verb of a separable verb of saying at ``at`` (data/claim_cues.json 'anaphora_verbs') when one of its
    particles is the sentence's last word ('maakte het bedrijf woensdag bekend.'): its match, else None."""
    m = _WORD_RUN.match(st.text, at, e)
    particles = st.cues.anaphora_verbs.get(m.group(0).lower()) if m is not None else None
    last = re.search(r"(\w+)\W*$", st.text[at:e])
    if not particles or last is None or last.group(1).lower() not in particles or at + last.start(1) <= m.end():
        return None
    return m


_WORD_RUN = re.compile(r"\w+")


def _organisation_alone(st: _State, s: int, cs: int) -> str | None:
    """text[s:cs] before a sentence-final verb is an organisation's name ending in one of the language's
    organisation endings ('国家災害庁', '경찰청'; data/claim_cues.json 'org_suffixes'), its topic or subject particle, and
    besides dates only a few characters: that name, else None."""
    c = st.cues
    if not c.org_suffixes or not c.topic:
        return None
    m = re.match(r"\s*(\S{1,12}?(?:" + "|".join(map(re.escape, c.org_suffixes)) + r"))(?:" +
                 "|".join(map(re.escape, c.topic)) + r")", st.text[s:cs])
    if m is None:
        return None
    rest, at = "", s + m.end()
    for a, b in [f for f in st.facts if at <= f[0] and f[1] <= cs]:
        rest, at = rest + st.text[at:a], b
    rest += st.text[at:cs]
    return m.group(1) if len("".join(rest.split()).strip(_EDGE)) <= 3 else None


def _credit_alone(st: _State, s: int, cs: int) -> bool:
    """text[s:cs] before a sentence-final verb holds a name, and besides names, titles and dates only particles: a
    few characters ('地域の', '知事が', 'に')."""
    names = _mentions_in(st, s, cs)
    if not names:
        return False
    rest, at = "", s
    for a, b in sorted([(m.start, m.end) for m in names] + [f for f in st.facts if s <= f[0] and f[1] <= cs]):
        rest, at = rest + st.text[at:max(at, a)], max(at, b)
    rest += st.text[at:cs]
    if st.cues.titles is not None:
        rest = st.cues.titles.sub("", rest)
    return len("".join(rest.split()).strip(_EDGE)) <= 3 * len(names) + 3


# ---------------------------------------------------------------- the outlet's own statements
def _is_outlet_fact(st: _State, s: int, e: int) -> bool:
    sent = st.text[s:e]
    words = word_count(sent)
    least = headlines.MIN_WORDS if st.headline else st.settings.claim_outlet_min_words
    if not least <= words <= st.settings.claim_outlet_max_words:
        return False
    # (a stop of any script, data/sentences.json; '«' also closes a German quotation: »C.«)
    if not (st.headline or ends_with_stop(sent.rstrip().rstrip("\u00ab"))) or _QUESTION.search(sent):
        return False
    if st.cues.first_person is not None and st.cues.first_person.search(sent):
        return False
    if _DIGIT.search(sent) or _mentions_in(st, s, e):
        return True
    k = bisect_left(st.facts, (s, -1))
    if k < len(st.facts) and st.facts[k][1] <= e:
        return True
    return any(not _sentence_initial(st.text, s + m.start()) for m in _CAPS.finditer(sent))
