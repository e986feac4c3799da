"""Reading the words around a value in a report: its sentence and clause, the concept named next to it,
the qualifier before it, the places, years and owners named in its clause, and the markers around it
("12 of them", "up from", "plans to"). Every word list comes from ``data/disagreements.json`` (``lexicon``).

``facts.py`` builds a report's facts with these readings; ``compat.py``, ``slips.py`` and ``align.py`` read
the same lexicon.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Analysis, Document
from ..textunits import base_language, sentence_spans, stop_words, verb_particle_before


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The per-language word lists of ``data/disagreements.json`` (read once)."""
    with resources.files("crosscheck.data").joinpath("disagreements.json").open(encoding="utf-8") as fh:
        return json.load(fh)


_NOTHING = "(?!)"  # the alternation of no word: matches nowhere (an empty one matched everywhere)


def alternation(words) -> str:
    """The regex alternation of ``words``, escaped; one that never matches where there is no word (a table whose
    English fallback words are all function words of the language: Polish 'by')."""
    return "|".join(map(re.escape, words)) or _NOTHING


def phrases(table: dict[str, list[str]], language: str | None) -> list[str]:
    """A table's phrases for ``language`` (English as the fallback), longest first."""
    words = list(table.get((language or "en")[:2], []))
    if not words:
        words = _english_here(table, language) if language and language[:2] != "en" else list(table.get("en", []))
    return sorted(set(words), key=len, reverse=True)


def _english_here(table: dict[str, list[str]], language: str) -> list[str]:
    """A table's English words, read in every language (names and loans), but for those that are a function word
    of ``language``: German and Dutch 'die' (the, that) is not English 'die'."""
    stops = stop_words(base_language(language))
    return [w for w in table.get("en", []) if w.strip().lower() not in stops]


_UNSPACED_START = re.compile("[\u3040-\u30ff\u3400-\u9fff]")  # kana, Han
_GLUED = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # ... and Hangul


@lru_cache(maxsize=64)
def concept_patterns(section: str, language: str | None) -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for concept, table in lexicon()[section].items():
        words = phrases(table, language)
        if language and language[:2] != "en":
            words = sorted(set(words) | set(_english_here(table, language)), key=len, reverse=True)
        if words:
            # event words shorter than six letters are whole words ("fire", not "fired"); longer ones and
            # every concept word are word starts ("attack" -> attacked, "injur" -> injured)
            # (a word of a script written without spaces, or gluing its particles to the word, as Japanese, Chinese
            # and Korean do, is matched anywhere: no boundary after it, and none before it in Han and kana)
            alt = "|".join(("" if _UNSPACED_START.match(w) else r"(?<!\w)") + re.escape(w.strip()) + (
                "" if _GLUED.match(w) else r"\b" if w.endswith(" ") else
                r"(?:s|es)?(?!\w)" if section == "events" and len(w) < 6 else "") for w in words)
            out.append((concept, re.compile("(?:" + alt + ")", re.IGNORECASE)))
    return tuple(out)


@lru_cache(maxsize=64)
def _qualifier_re(kind: str, language: str | None, before: bool) -> re.Pattern | None:
    table = lexicon()["qualifiers"][kind]
    words = phrases(table, language)
    if language and language[:2] != "en":
        words = sorted(set(words) | set(_english_here(table, language)), key=len, reverse=True)
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(r"(?<!\w)(?:" + alt + r")\s*$" if before else r"^\s*(?:" + alt + r")(?!\w)", re.IGNORECASE)

 
@lru_cache(maxsize=1)
def _cut() -> re.Pattern:
    """Clause boundaries: ';', a dash, a comma before a conjunction, a contrastive conjunction."""
    words = sorted({w for ws in lexicon()["clause_breaks"].values() for w in ws}, key=len, reverse=True)
    contrast = [w for w in words if len(w) > 3]
    alt, calt = "|".join(map(re.escape, words)), "|".join(map(re.escape, contrast))
    return re.compile(rf";|\s[-–—]\s|,\s(?:{alt})\s|\s(?:{calt})\s", re.IGNORECASE)


def clause(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end) inside sentence [s, e): cut at ';', ' and ', ', while' ..."""
    left = max((m.end() for m in _cut().finditer(text[s:start])), default=0) + s
    m = _cut().search(text[end:e])
    right = end + m.start() if m else e
    return left, right




@lru_cache(maxsize=16)
def _phrase_cut(language: str | None) -> re.Pattern:
    """Where a number's phrase ends: punctuation, a dash, a coordinating or a subordinating conjunction."""
    words = phrases(lexicon()["clause_breaks"], language) + \
        lexicon()["subordinators"].get((language or "en")[:2], [])  # this language's own conjunctions only
    return re.compile(r"[,;:()\[\]]|\s[-–—]\s|(?<!\w)(?:" + alternation(words) + r")(?!\w)",
                      re.IGNORECASE)


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def in_name(text: str, start: int, end: int, language: str | None = None) -> bool:
    """The word at [start, end) is capitalised inside a run of capitalised words (function words aside: German
    'Der Gipfel'), not opening its sentence: part of a name ('the General Workers' Union', 'the Earthquake
    Commission'), where it names no count or event."""
    if not text[start:start + 1].isupper():
        return False
    stops = stop_words(base_language(language or "en"))
    before = list(_NAME_WORD.finditer(text[max(0, start - 40):start]))
    glued = before and text[max(0, start - 40) + before[-1].end():start].strip() == ""
    prev = before[-1].group(0) if glued else None
    if prev is not None and prev.endswith(".") and "." not in prev[:-1] and len(prev) > 4:
        prev = None  # 'on Thursday. Inflation rose': the last word of the sentence before, no part of a name
    opens = prev is None and (start == 0 or re.search(r"[.!?\n:\"“«]\s*$", text[max(0, start - 4):start]) is not None)
    word = _NAME_WORD.match(text, start)
    word_end = word.end() if word else end
    after = _NAME_WORD.match(text, word_end + 1) if text[word_end:word_end + 1] == " " else None
    nxt = after.group(0) if after else None
    capital = [w for w in (prev, nxt) if w and w[:1].isupper() and w.lower() not in stops]
    if not capital or opens and nxt not in capital:
        return False
    line = text[text.rfind("\n", 0, start) + 1:(text.find("\n", end) + 1 or len(text) + 1) - 1]
    words = [w for w in _NAME_WORD.findall(line) if len(w) > 3]
    return sum(1 for w in words if w[:1].isupper()) < 0.6 * len(words)  # not a headline in title case


def concepts_named(text: str, language: str | None) -> frozenset[str]:
    """The concepts of data/disagreements.json a text names anywhere ('41 personas fueron rescatadas': rescued)."""
    return frozenset(concept for concept, pat in concept_patterns("concepts", language) if pat.search(text))


def concept_near(text: str, start: int, end: int, cs: int, ce: int, language: str | None,
                 section: str = "concepts", phrase: bool = False, reach: int = 70, first: bool = False) -> str | None:
    """The concept named nearest to [start, end) within the clause [cs, ce); words after win ties.
    With ``phrase`` only the number's own phrase counts: no comma or 'and' between ("killing 380
    and injuring 1,800": 380 are dead, not injured)."""
    if phrase:
        cut = _phrase_cut(language)

        def joins_numbers(m: re.Match) -> bool:  # "20 and 30", "1.5, 2": a range or a list, not a new phrase
            return bool(re.match(r"\s*\d", text[m.end():m.end() + 4]) and re.search(r"\d\s*$", text[max(0, m.start() - 4):m.start()]))

        after = [m for m in cut.finditer(text, end, ce) if not joins_numbers(m)]
        ce = after[0].start() if after else ce
        cs = max([m.end() for m in cut.finditer(text, cs, start) if not joins_numbers(m)] or [cs])
    best = None
    rel = _relational(language) if section == "events" else None
    for concept, pat in concept_patterns(section, language):
        for m in pat.finditer(text, cs, ce):
            if rel is not None and rel.search(text[max(cs, m.start() - 24):m.start()]):
                continue  # "on Wednesday after the quake": the date is not the quake's
            if not start <= m.start() < end and DIGIT.search(text[max(cs, m.start() - 3):m.start()]) \
                    and not start <= m.start() - 3 < end \
                    and not re.match(r"\s*(?:[-–]|\w{1,3})\s*[\d.,]*\d\s*$", text[end:m.start()]):
                continue  # "7.6-magnitude": the word belongs to another number (not "20 to 30 injured")
            if not start <= m.start() < end and m.end() <= start and \
                    re.match(r"\s*[-–]?\s*\d", text[m.end():m.end() + 4]) and not start <= m.end() + 4 and \
                    not re.match(r"[\s\-–]*$", text[m.end():start]):
                continue  # "the magnitude 6.4 quake ... rose to 58": the word names the 6.4, not the 58
            if first and m.start() < start:
                dist = m.start() - cs  # the earliest: the sentence's subject
            elif start <= m.start() < end:
                dist = 0
            elif m.start() >= end:
                dist = m.start() - end
            else:
                dist = (start - m.end()) + 6  # words before weigh a little less than words after
            if dist < 0 or best is not None and dist >= best[0]:
                continue
            if in_name(text, m.start(), m.end(), language):
                continue  # "the General Workers' Union said 95,000": a word of a name names no count
            best = (dist, concept)
    return best[1] if best and best[0] <= reach else None



def qualifier(text: str, num_start: int, end: int, language: str | None,
              num_end: int | None = None) -> tuple[str | None, bool, bool, int]:
    """(bound, increment, total, start of the qualifier) read around a number (its quantity ending at ``end``, the
    number itself at ``num_end``: 'seven more bodies' is an increment)."""
    before = text[max(0, num_start - 40):num_start]
    bound, q_start = None, num_start
    for kind in ("lower", "upper", "approx"):
        pat = _qualifier_re(kind, language, True)
        m = pat.search(before) if pat else None
        if m and not verb_particle_before(text, num_start, language):  # 'handed over 150 soldiers'
            bound, q_start = kind, num_start - (len(before) - m.start())
            break
    for kind in ("lower", "upper") if bound is None else ():  # '14 or more', '14 से अधिक': the bound after it
        pat = _qualifier_re(kind + "_after", language, False)
        if pat is not None and pat.search(text[end:end + 25]):
            bound = kind
            break
    rest_before = text[max(0, q_start - 25):q_start]
    after = text[end:end + 25]
    increment = False
    for kind in ("increment", "increment_after"):
        pat_b = _qualifier_re(kind, language, True)
        pat_a = _qualifier_re(kind, language, False)
        if kind == "increment" and pat_b and (pat_b.search(rest_before) or pat_b.search(before)):
            increment = True
        if pat_a and (pat_a.search(after) or num_end is not None and pat_a.search(text[num_end:end])):
            increment = True
    total = False
    window = text[max(0, q_start - 60):min(len(text), end + 40)].lower()
    for w in phrases(lexicon()["qualifiers"]["total"], language):
        if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", window):
            total = True
            break
    return bound, increment, total, q_start



DIGIT = re.compile(r"\d")
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def era(text: str, cs: int, ce: int, published: str | None, language: str | None = None,
        at: int | None = None) -> str | None:
    """A year named in the clause that is not the report's own year: the figure is about then; a year after
    'since' (data/disagreements.json 'since') starts a span reaching to now ('the largest since 2019'), unless what
    is read (at ``at``) lies in a clause about that year ('since 2019, when 11 people died': 'then_when')."""
    own = (published or "")[:4]
    for m in YEAR.finditer(text, cs, ce):
        if m.group(1) == own:
            continue
        if own.isdigit() and int(m.group(1)) > int(own) and at is not None and \
                "," in text[min(at, m.end()):max(at, m.start())]:
            continue  # 'a reform that will raise the age to 65 by 2032, by 212 votes to 181': a year to come in an
            # aside of its own is no era of the figure (a year past still is: 'In 2019, 11 people died')
        if not _since(language).search(text[max(cs, m.start() - 12):m.start()]) or \
                at is not None and at > m.end() and _then_when(language).match(text, m.end()):
            return m.group(1)
    return None


def no_event_day(text: str, lo: int, start: int, end: int, language: str | None) -> bool:
    """The time at [start, end) (inside a passage from ``lo``) is no day of what the passage tells: the start of a
    span after 'since' ('214 cases since November 20'), or the day of an earlier value ('up from 214 cases a day
    earlier', data/disagreements.json 'since' and 'previous')."""
    return bool(_since(language).search(text[max(lo, start - 12):start]) or
                _earlier_value(language).search(text[max(lo, start - 40):start]))


@lru_cache(maxsize=16)
def _earlier_value(language: str | None) -> re.Pattern:
    """A 'previous' marker, then words of its phrase up to where the reading stops ('up from 214 cases ')."""
    return re.compile(r"(?<!\w)(?:" + alternation(phrases(lexicon()["previous"], language)) + r")(?!\w)[^,;.!?]*$",
                      re.IGNORECASE)


@lru_cache(maxsize=16)
def _then_when(language: str | None) -> re.Pattern:
    words = phrases({k: v for k, v in lexicon()["then_when"].items() if k != "about"}, language)
    return re.compile(r"\s*,\s*(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE) if words \
        else re.compile(r"(?!)")


@lru_cache(maxsize=16)
def _since(language: str | None) -> re.Pattern:
    words = phrases({k: v for k, v in lexicon()["since"].items() if k != "about"}, language)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\s*$", re.IGNORECASE) if words else re.compile(r"(?!)")


@lru_cache(maxsize=16)
def _relational(language: str | None) -> re.Pattern:
    words = phrases(lexicon()["relative_to_event"], language)
    return re.compile(r"(?<!\w)(?:" + alternation(words) + r")\s+(?:the\s+|der\s+|dem\s+|le\s+|la\s+|el\s+|l')?$",
                      re.IGNORECASE)


@lru_cache(maxsize=16)
def place_re(language: str | None) -> re.Pattern:
    preps = phrases(lexicon()["place_prepositions"], language)
    return re.compile(r"(?<!\w)(?:" + alternation(preps) + r")\s+"
                      r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[\s-]+(?:[A-ZÀ-ÖØ-Þ][\w'’-]+))*)")



class Spans:
    """Spans of one report sorted by start, for range look-ups without scanning (long reports)."""

    def __init__(self, items: list[tuple[int, int, str, str]]):  # (start, end, label, text)
        self.items = sorted(items)
        self.starts = [x[0] for x in self.items]
        self.longest = max((e - s for s, e, *_ in self.items), default=0)

    def within(self, start: int, end: int, labels: tuple[str, ...] = ()) -> list[tuple[int, int, str, str]]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i][0] < end:
            item = self.items[i]
            if item[1] <= end and (not labels or item[2] in labels):
                out.append(item)
            i += 1
        return out

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, start - self.longest)
        while i < len(self.items) and self.items[i][0] < end:
            if self.items[i][1] > start:
                return True
            i += 1
        return False


@dataclass
class ReportText:
    """One report read once: text, sentences, mentions and time spans indexed."""

    doc: Document
    text: str
    spans: list[tuple[int, int]]
    mentions: Spans
    times: Spans
    ner_only: bool  # common nouns are capitalised in this language: only named-entity places

    @classmethod
    def of(cls, doc: Document, analysis: Analysis) -> "ReportText":
        text = doc.text or ""
        return cls(doc, text, sentence_spans(text), Spans([(m.start, m.end, m.label, m.text) for m in analysis.mentions]),
                   Spans([(t.start, t.end, "TIME", t.text) for t in analysis.times if t.caption is None]),
                   (doc.language or "en")[:2] in lexicon()["capitalised_nouns"])


PLACE_LABELS = ("GPE", "LOC", "FAC")


def places(d: ReportText, cs: int, ce: int) -> frozenset[str]:
    """Places named in the clause: place entities, and capitalised names after a place preposition
    ("in Varna Ridge", "en Valdeoro") that are not dates."""
    out = {m[3].lower() for m in d.mentions.within(cs, ce, PLACE_LABELS)}
    if d.ner_only:
        return frozenset(out)
    for m in place_re(d.doc.language).finditer(d.text, cs, ce):
        s, e = m.span("name")
        if not d.times.overlaps(s, e):
            out.add(m.group("name").lower())
    return frozenset(out)



def time_cue(sentence: str, language: str | None) -> bool:
    low = sentence.lower()
    for w in phrases(lexicon()["time_zone_cues"], language) + lexicon()["time_zone_cues"]["en"]:
        if w in low:
            if w in ("p.m.", "pm ", "a.m.", "am ", "uhr", "heures"):
                # a clock time counts only late in the evening or in the small hours
                for h in re.finditer(r"(\d{1,2})(?:[:.h](\d\d))?\s*(p\.?m|a\.?m|uhr|heures|h\b)", low):
                    hour = int(h.group(1)) % 24
                    if h.group(3).startswith("p"):
                        hour = hour % 12 + 12
                    elif h.group(3).startswith("a"):
                        hour = hour % 12
                    if hour >= 21 or hour <= 4:
                        return True
                continue
            return True
    return bool(re.search(r"\b(?:2[1-3]|0[0-4])[:.h]\d\d\b", low))


@lru_cache(maxsize=64)
def marker(table: str, language: str | None, before: bool) -> re.Pattern:
    words = phrases(lexicon()[table], language)
    if not before:
        return re.compile(rf"^[\s,]*(?:{alternation(words)})(?!\w)", re.IGNORECASE)
    # (a word starts after no letter; a phrase opened by its punctuation, ', not', after one)
    alt = "|".join(("(?<!\\w)" if w[:1].isalnum() else "") + re.escape(w) for w in words) or _NOTHING
    return re.compile(rf"(?:{alt})\s*(?:\w+\s+)?$", re.IGNORECASE)


def marked(table: str, text: str, start: int, end: int, language: str | None, before: bool = True,
            after: bool = True) -> bool:
    """A marker of ``table`` right before [start, end) (one word may sit between) or right after it."""
    return bool(before and marker(table, language, True).search(text[max(0, start - 40):start])
                or after and marker(table, language, False).search(text[end:end + 30]))


@lru_cache(maxsize=16)
def _joined_group_re(language: str | None) -> re.Pattern | None:
    table = lexicon()["joined_groups"]
    join, groups = phrases(table["join"], language), phrases(table["groups"], language)
    if not join or not groups:
        return None
    return re.compile(rf"\s*(?:{'|'.join(map(re.escape, join))})\s+(?:\S+\s+){{1,2}}?"
                      rf"(?:{'|'.join(map(re.escape, groups))})(?!\w)", re.IGNORECASE)


def joined_group(text: str, end: int, language: str | None) -> bool:
    """The count ending at ``end`` goes on with 'and' a count of another group ('176 passengers and six crew'): it is
    one part of the people on board (data/disagreements.json 'joined_groups')."""
    pattern = _joined_group_re(language)
    return bool(pattern and pattern.match(text, end))


def changed_from(text: str, end: int, language: str | None) -> bool:
    """The clause goes on from the figure to the value it changed from ('22 remained missing, down from 30',
    '19 morts contre 12'): the figure is the count's new value (a 'previous' marker, then a figure, with no
    figure between; a source phrase may stand between them: '45 morts, selon un nouveau bilan publié mercredi par le
    ministère de la Santé, contre 37 la veille')."""
    pattern = _changed_from_re(language)
    return bool(pattern and pattern.match(text[end:end + 130]))


@lru_cache(maxsize=16)
def _changed_from_re(language: str | None) -> re.Pattern | None:
    words = phrases(lexicon()["previous"], language)
    if not words:
        return None
    alt = "|".join(map(re.escape, words))
    return re.compile(rf"[^\d.;!?]{{0,100}}?(?<!\w)(?:{alt})\s+(?:\w+\s+)?\d", re.IGNORECASE)


def actors(d: ReportText, cs: int, start: int, every: bool = False) -> frozenset[str]:
    """People, organisations and groups named in the clause before a share or a sum, whose it is: the nearest, with
    those joined to it by a comma or one short word ('the Greens and Labour won 45%'). Not every name of the clause:
    'Ostrander won with 52.3%, defeating Hugo Barrales, who took 47.7%' gave the 47.7% to both candidates, and made
    it one subject with another report's '52,3 %' of Ostrander. With ``every``, all of them: a sum paid between two
    parties is the buyer's as much as the seller's ('Norvik übernimmt Celtra für 4,5 Milliarden')."""
    mentions = d.mentions.within(cs, start)
    named = [m for m in mentions if m[2] in ("PERSON", "ORG", "NORP") and not _describes_name(d.text, m, mentions, d.doc.language)]
    if not named:
        return frozenset()
    if every:
        return frozenset(m[3].lower() for m in named)
    keep = [named[-1]]
    for m in reversed(named[:-1]):
        gap = d.text[m[1]:keep[-1][0]]
        if len(re.sub(r"[\s,;&]+", "", gap)) > 3 or len(gap.split()) > 1:
            break
        keep.append(m)
    return frozenset(m[3].lower() for m in keep)


def _describes_name(text: str, m: tuple, mentions: list[tuple], language: str | None) -> bool:
    """A group's name opening a noun phrase of nouns in lower case that ends in another name describes that name
    ('Swedish battery maker Celtra': Celtra's is the sum, not Sweden's): no actor of its own ('the Greens and
    Labour' are two)."""
    if m[2] != "NORP":
        return False
    nxt = next((x for x in mentions if x[0] >= m[1]), None)
    gap = text[m[1]:nxt[0]].split() if nxt is not None else []
    stops = stop_words(base_language(language) or "en")
    return bool(gap) and len(gap) <= 3 and all(w[:1].islower() and w.isalpha() and w not in stops for w in gap)


def marker_in(table: str, text: str, start: int, end: int, language: str | None) -> bool:
    low = text[start:end].lower()
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", low) for w in phrases(lexicon()[table], language))


def place_after(d: "ReportText", end: int) -> bool:
    """A place follows the figure within a few words ('39 were in Norvik')."""
    m = place_re(d.doc.language).search(d.text, end, min(len(d.text), end + 30))
    return bool(m) and len(re.findall(r"\w+", d.text[end:m.start()])) <= 3 and not DIGIT.search(d.text[end:m.start()])


def breakdown(d: "ReportText", s: int, e: int) -> bool:
    """The sentence gives figures place by place ('31 died in Norvik, 22 in Alder'): each is a part."""
    hits = 0
    for m in place_re(d.doc.language).finditer(d.text, s, e):
        if re.search(r"\d[\d,.]*\s+(?:[^\W\d_]+\s+){0,2}$", d.text[max(s, m.start() - 30):m.start()]):
            hits += 1
    return hits >= 2
