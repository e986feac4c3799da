"""Facts attached to a subject, read from a whole report (narration as well as claims).

Every figure (``Quantity``) and day-precision date (``TimeExpr``) of a report becomes a ``Fact``
when its sentence says what it is about:

* a figure's subject is the concept named next to it ("30 were injured" -> injured, "Verletzte"
  -> injured) from ``data/disagreements.json``, else (English) the counted noun of the analysis;
* a date's subject is the event its sentence names ("the quake struck on 5 May" -> event:earthquake);
* the qualifier before a number ("about", "mehr als", "hasta") comes from the same data file for
  every language, so the bounds a figure implies do not depend on the parse;
* places named in the figure's clause and a year stated there keep apart figures of different
  towns or of another year ("12 dead in Aston" vs "5 dead in Brill").

Facts are plain data; compat.py decides which pairs agree.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Analysis, Document
from ..timevalues import day_of
from .features import modality_of

_SENT_END = re.compile(r"(?<=[.!?])[\"'”»)]*\s+(?=[\"'“«(]?[A-ZÀ-ÖØ-Þ0-9¿¡])|\n+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d.,\u00a0\u202f]*", re.UNICODE)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The per-language word lists of ``data/disagreements.json`` (read once)."""
    with resources.files("crosscheck.data").joinpath("disagreements.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _phrases(table: dict[str, list[str]], language: str | None) -> list[str]:
    """A table's phrases for ``language`` (English as the fallback), longest first."""
    words = list(table.get((language or "en")[:2], [])) or list(table.get("en", []))
    return sorted(set(words), key=len, reverse=True)


@lru_cache(maxsize=64)
def _concept_patterns(section: str, language: str | None) -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for concept, table in lexicon()[section].items():
        words = _phrases(table, language)
        if language and language[:2] != "en":
            words = sorted(set(words) | set(table.get("en", [])), key=len, reverse=True)
        if words:
            # event words shorter than six letters are whole words ("fire", not "fired"); longer ones and
            # every concept word are word starts ("attack" -> attacked, "injur" -> injured)
            alt = "|".join(re.escape(w.strip()) + (r"\b" if w.endswith(" ") else
                                                   r"(?:s|es)?(?!\w)" if section == "events" and len(w) < 6 else "")
                           for w in words)
            out.append((concept, re.compile(r"(?<!\w)(?:" + alt + ")", re.IGNORECASE)))
    return tuple(out)


@lru_cache(maxsize=64)
def _qualifier_re(kind: str, language: str | None, before: bool) -> re.Pattern | None:
    table = lexicon()["qualifiers"][kind]
    words = _phrases(table, language)
    if language and language[:2] != "en":
        words = sorted(set(words) | set(table.get("en", [])), key=len, reverse=True)
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(r"(?<!\w)(?:" + alt + r")\s*$" if before else r"^\s*(?:" + alt + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    """One value a report states about one subject."""

    kind: str  # figure | date
    subject: str  # "injured", "percent:turnout", "event:earthquake"
    document: str
    start: int
    end: int
    text: str  # the value as stated ("more than 30", "Tuesday, 5 May")
    sentence: str
    value: float | str  # number (in the base unit) or ISO date
    low: float | None = None
    high: float | None = None
    bound: str | None = None  # approx | lower | upper | range | None (exact)
    increment: bool = False  # "another 1,500": a new count, not the total
    total: bool = False  # "in total", "so far"
    places: frozenset[str] = frozenset()  # place entities named in the clause
    era: str | None = None  # a year stated in the clause other than the report's own
    unit: str | None = None
    weekday: bool = False  # the date was stated as a weekday or a relative day
    relative: bool = False  # resolved against the publication date
    time_cue: bool = False  # the sentence states a clock time late/early, a time zone or night
    year_stated: bool = True  # the date's year is in the text (else it was chosen by the analysis)
    actors: frozenset[str] = frozenset()  # for shares and sums: who the figure belongs to ("the Green Alliance won 38%")
    intent: bool = False  # a plan or a possibility ("plans to train 10,000"), not a count of what is
    part: bool = False  # part of another count ("12 of them children") or an earlier value ("up from 30")
    update: bool = False  # the new value of a count that changed ("rose to 41")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    out, pos = [], 0
    for m in _SENT_END.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if pos < s:
            hi = mid - 1
        elif pos >= e:
            lo = mid + 1
        else:
            return s, e
    return (pos, pos)


@lru_cache(maxsize=1)
def _cut() -> re.Pattern:
    """Clause boundaries: ';', a dash, a comma before a conjunction, a contrastive conjunction."""
    words = sorted({w for ws in lexicon()["clause_breaks"].values() for w in ws}, key=len, reverse=True)
    contrast = [w for w in words if len(w) > 3]
    alt, calt = "|".join(map(re.escape, words)), "|".join(map(re.escape, contrast))
    return re.compile(rf";|\s[-–—]\s|,\s(?:{alt})\s|\s(?:{calt})\s", re.IGNORECASE)


def _clause(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end) inside sentence [s, e): cut at ';', ' and ', ', while' ..."""
    left = max((m.end() for m in _cut().finditer(text[s:start])), default=0) + s
    m = _cut().search(text[end:e])
    right = end + m.start() if m else e
    return left, right


_PHRASE_END = re.compile(r"[,;:()\[\]]|\s[-–—]\s")


@lru_cache(maxsize=16)
def _phrase_cut(language: str | None) -> re.Pattern:
    """Where a number's phrase ends: punctuation, a dash, a coordinating conjunction."""
    words = _phrases(lexicon()["clause_breaks"], language)  # this language's own conjunctions only
    return re.compile(r"[,;:()\[\]]|\s[-–—]\s|(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)",
                      re.IGNORECASE)


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
    for concept, pat in _concept_patterns(section, language):
        for m in pat.finditer(text, cs, ce):
            if rel is not None and rel.search(text[max(cs, m.start() - 24):m.start()]):
                continue  # "on Wednesday after the quake": the date is not the quake's
            if not start <= m.start() < end and _NUM_IN.search(text[max(cs, m.start() - 3):m.start()]) \
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
            if dist < 0:
                continue
            if best is None or dist < best[0]:
                best = (dist, concept)
    return best[1] if best and best[0] <= reach else None


def _head_concept(text: str, end: int, q_of: str | None, language: str | None) -> tuple[bool, str | None]:
    """(decided, concept) from the noun the figure counts: '12,000 houses' -> homes; '399 evacuation
    sites' -> (decided, None): sites are no known concept and the words around do not say what the
    figure counts; 'people' decides nothing."""
    people = set(_phrases(lexicon()["people_words"], language)) | set(lexicon()["people_words"]["en"])
    if q_of:  # English: the counted noun from the parse
        if q_of.lower() in people or q_of.lower() in _GENERIC:
            return False, None
        for concept, pat in _concept_patterns("concepts", language):
            if pat.match(q_of) or pat.search(text, end - len(q_of) - 2, end + 1):
                return True, concept
        return True, None  # games, rounds, villages: a count the lexicon does not know is not compared
    m = re.match(r"\s*([^\W\d_][\w'’-]*)", text[end:end + 40])
    if m is None or m.group(1).lower() in people:
        return False, None
    for concept, pat in _concept_patterns("concepts", language):
        if pat.match(text, end + m.start(1)):
            return True, concept
    return False, None


def _qualifier(text: str, num_start: int, end: int, language: str | None) -> tuple[str | None, bool, bool, int]:
    """(bound, increment, total, start of the qualifier) read around a number."""
    before = text[max(0, num_start - 40):num_start]
    bound, q_start = None, num_start
    for kind in ("lower", "upper", "approx"):
        pat = _qualifier_re(kind, language, True)
        m = pat.search(before) if pat else None
        if m:
            bound, q_start = kind, num_start - (len(before) - m.start())
            break
    rest_before = text[max(0, q_start - 25):q_start]
    after = text[end:end + 25]
    increment = False
    for kind in ("increment", "increment_after"):
        pat_b = _qualifier_re(kind, language, True)
        pat_a = _qualifier_re(kind, language, False)
        if kind == "increment" and pat_b and (pat_b.search(rest_before) or pat_b.search(before)):
            increment = True
        if pat_a and pat_a.search(after):
            increment = True
    total = False
    window = text[max(0, q_start - 60):min(len(text), end + 40)].lower()
    for w in _phrases(lexicon()["qualifiers"]["total"], language):
        if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", window):
            total = True
            break
    return bound, increment, total, q_start


_NUM_IN = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _era(text: str, cs: int, ce: int, published: str | None) -> str | None:
    """A year named in the clause that is not the report's own year: the figure is about then."""
    own = (published or "")[:4]
    for m in _YEAR.finditer(text, cs, ce):
        if m.group(1) != own:
            return m.group(1)
    return None


@lru_cache(maxsize=16)
def _relational(language: str | None) -> re.Pattern:
    words = _phrases(lexicon()["relative_to_event"], language)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\s+(?:the\s+|der\s+|dem\s+|le\s+|la\s+|el\s+|l')?$",
                      re.IGNORECASE)


@lru_cache(maxsize=16)
def _place_re(language: str | None) -> re.Pattern:
    preps = _phrases(lexicon()["place_prepositions"], language)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, preps)) + r")\s+"
                      r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[\s-]+(?:[A-ZÀ-ÖØ-Þ][\w'’-]+))*)")


class _Spans:
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
class _Doc:
    """One report read once: text, sentences, mentions and time spans indexed."""

    doc: Document
    text: str
    spans: list[tuple[int, int]]
    mentions: _Spans
    times: _Spans
    ner_only: bool  # common nouns are capitalised in this language: only named-entity places

    @classmethod
    def of(cls, doc: Document, analysis: Analysis) -> "_Doc":
        text = doc.text or ""
        return cls(doc, text, sentences(text), _Spans([(m.start, m.end, m.label, m.text) for m in analysis.mentions]),
                   _Spans([(t.start, t.end, "TIME", t.text) for t in analysis.times if t.caption is None]),
                   (doc.language or "en")[:2] in lexicon()["capitalised_nouns"])


_PLACE_LABELS = ("GPE", "LOC", "FAC")


def _places(d: _Doc, cs: int, ce: int) -> frozenset[str]:
    """Places named in the clause: place entities, and capitalised names after a place preposition
    ("in Varna Ridge", "en Valdeoro") that are not dates."""
    out = {m[3].lower() for m in d.mentions.within(cs, ce, _PLACE_LABELS)}
    if d.ner_only:
        return frozenset(out)
    for m in _place_re(d.doc.language).finditer(d.text, cs, ce):
        s, e = m.span("name")
        if not d.times.overlaps(s, e):
            out.add(m.group("name").lower())
    return frozenset(out)


def _time_cue(sentence: str, language: str | None) -> bool:
    low = sentence.lower()
    for w in _phrases(lexicon()["time_zone_cues"], language) + lexicon()["time_zone_cues"]["en"]:
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
def _marker(table: str, language: str | None, before: bool) -> re.Pattern:
    words = _phrases(lexicon()[table], language)
    alt = "|".join(map(re.escape, words))
    return re.compile(rf"(?<!\w)(?:{alt})\s*(?:\w+\s+)?$" if before else rf"^[\s,]*(?:{alt})(?!\w)", re.IGNORECASE)


def _marked(table: str, text: str, start: int, end: int, language: str | None, before: bool = True,
            after: bool = True) -> bool:
    """A marker of ``table`` right before [start, end) (one word may sit between) or right after it."""
    return bool(before and _marker(table, language, True).search(text[max(0, start - 40):start])
                or after and _marker(table, language, False).search(text[end:end + 30]))


def _actors(d: _Doc, cs: int, start: int) -> frozenset[str]:
    """People, organisations and groups named in the clause before a share or a sum: whose it is."""
    return frozenset(m[3].lower() for m in d.mentions.within(cs, start, ("PERSON", "ORG", "NORP")))


def _marker_in(table: str, text: str, start: int, end: int, language: str | None) -> bool:
    low = text[start:end].lower()
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", low) for w in _phrases(lexicon()[table], language))


def _place_after(d: "_Doc", end: int) -> bool:
    """A place follows the figure within a few words ('39 were in Norvik')."""
    m = _place_re(d.doc.language).search(d.text, end, min(len(d.text), end + 30))
    return bool(m) and len(re.findall(r"\w+", d.text[end:m.start()])) <= 3 and not _NUM_IN.search(d.text[end:m.start()])


def _breakdown(d: "_Doc", s: int, e: int) -> bool:
    """The sentence gives figures place by place ('31 died in Norvik, 22 in Alder'): each is a part."""
    hits = 0
    for m in _place_re(d.doc.language).finditer(d.text, s, e):
        if re.search(r"\d[\d,.]*\s+(?:[^\W\d_]+\s+){0,2}$", d.text[max(s, m.start() - 30):m.start()]):
            hits += 1
    return hits >= 2


def _unit_of(q_text: str, unit: str | None) -> tuple[str | None, float]:
    """(base unit, factor) of a measure: '12 miles' -> ('m', 1609.344); unknown units stay as they are."""
    units = lexicon()["units"]
    words = [w.lower() for w in re.findall(r"[^\W\d_²]+", q_text)]
    if any(w in lexicon()["area_words"] for w in words):
        return "area:" + (words[-1] if words else (unit or "")), 1.0
    for w in [*(words[-1:]), (unit or "").lower()]:
        if w in units:
            _, factor, base = units[w]
            return base, factor
    return unit, 1.0


def _merge_ranges(text: str, facts: list[Fact], language: str | None) -> list[Fact]:
    """'between 20 and 30 injured' read as two figures becomes one range."""
    rng = lexicon()["range"]
    before = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _phrases(rng["before"], language))) + r")\s*$",
                        re.IGNORECASE)
    join = re.compile(r"^\s*(?:" + "|".join(map(re.escape, _phrases(rng["join"], language))) + r"|[-–])\s*$",
                      re.IGNORECASE)
    out: list[Fact] = []
    i = 0
    facts = sorted(facts, key=lambda f: f.start)
    while i < len(facts):
        f = facts[i]
        g = facts[i + 1] if i + 1 < len(facts) else None
        if g is not None and g.subject == f.subject and join.match(text[f.end:g.start]) and \
                before.search(text[max(0, f.start - 20):f.start]):
            lo, hi = sorted((float(f.value), float(g.value)))
            start = f.start - len(before.search(text[max(0, f.start - 20):f.start]).group(0))
            out.append(Fact(**{**f.__dict__, "start": start, "end": g.end, "text": text[start:g.end].strip(),
                               "value": (lo + hi) / 2, "low": lo, "high": hi, "bound": "range"}))
            i += 2
            continue
        out.append(f)
        i += 1
    return out


def num_end(text: str, num_start: int, q) -> int:
    """End of the number itself in a quantity ('1.900' in '1.900 vecinos'), where its noun starts."""
    m = re.match(r"[\d.,\u00a0\u202f ]*\d(?:\s*(?:mil|millones|millions?|milliarden|millionen|mila|k|m|bn))?",
                 text[num_start:q.end])
    return num_start + m.end() if m else q.end


def _vague(q) -> bool:
    """'thousands of homes', 'dozens': a loose amount, never precise enough to contradict."""
    return q.value is None and not _NUM_IN.search(q.text)


def figure_facts(doc: Document, analysis: Analysis, d: _Doc) -> list[Fact]:
    """Every figure of the report whose clause says what it counts."""
    text, spans = d.text, d.spans
    out = []
    for q in analysis.quantities:
        if q.value is None and (q.low is None or q.high is None):
            continue
        m = _NUM_IN.search(q.text)
        num_start = q.start + m.start() if m else q.start  # "Thirty-one people": no digit
        s, e = _sentence_of(spans, q.start)
        cs, ce = _clause(text, s, e, q.start, q.end)
        if _marked("not_counts", text, q.start, q.end, doc.language, after=False) or \
                _marked("not_counts_after", text, q.start, num_end(text, num_start, q) if m else
                        q.start + len(q.text.split()[0]), doc.language, before=False):
            continue  # "aged 29 to 94", "flight 370": not a count
        kind, unit_word = q.kind, q.text
        if kind != "measure" and m:
            after = re.match(r"\s*([^\W\d_]+)", text[num_end(text, num_start, q):num_end(text, num_start, q) + 30])
            if after and after.group(1).lower() in lexicon()["units"]:
                kind, unit_word = "measure", after.group(1)  # "2,3 Kilometer": a length the parse read as a count
        english_of = q.of if (doc.language or "en")[:2] == "en" and kind == q.kind else None
        decided, concept = _head_concept(text, q.end if english_of else num_end(text, num_start, q), english_of,
                                         doc.language)
        if not decided:
            concept = concept_near(text, q.start, q.end, cs, ce, doc.language, phrase=True) or \
                concept_near(text, q.start, q.end, cs, q.start, doc.language, reach=160, first=True)  # the sentence's subject ("the death toll ... reached 72")
        if kind == "measure" and _distance(text, q.end if kind == q.kind else
                                            num_end(text, num_start, q) + len(unit_word) + 1, doc.language):
            concept = "distance"  # "14 km northeast of Dorrow": how far from a place, not a depth
        if concept is None or not _in_scale(concept, q):
            continue
        if q.kind == "percent":
            subject = "percent:" + concept
        elif q.kind == "money":
            subject = f"money:{q.unit}:{concept}"
        else:
            subject = concept
        bound, increment, total, q_start = _qualifier(text, num_start, q.end, doc.language)
        base, factor = _unit_of(unit_word, q.unit) if kind == "measure" else (q.unit, 1.0)
        if base and kind == "measure":
            subject = f"{subject}:{base}"
        value = float(q.value if q.value is not None else (q.low + q.high) / 2) * factor
        low = float(q.low) * factor if q.low is not None else None
        high = float(q.high) * factor if q.high is not None else None
        if q.value is None or (q.low is not None and q.high is not None and q.low != q.high):
            bound = bound or "range"
        if _vague(q):
            bound = "vague"
        start = min(q_start, q.start)
        part = _marked("subset", text, start, q.end, doc.language) or \
            q.kind == "count" and _marked("subset_after", text, start, num_end(text, num_start, q) if m else
                                          q.start + len(q.text.split()[0]), doc.language, before=False) or \
            _marked("previous", text, start, q.end, doc.language, after=False) or \
            _marker_in("distributive", text, cs, ce, doc.language) or \
            _breakdown(d, s, e) and _place_after(d, q.end)
        out.append(Fact(
            kind="figure", subject=subject, document=doc.id, start=start, end=q.end,
            text=text[start:q.end].strip(), sentence=text[s:e].strip(), value=value,
            low=low, high=high, bound=bound, increment=increment, total=total,
            places=_places(d, cs, ce), era=_era(text, cs, ce, doc.published), unit=base,
            part=part, update=_marked("update", text, start, q.end, doc.language, after=False),
            intent=modality_of(text[cs:min(ce, q.end + 30)]) in ("plan", "possible"),
            actors=_actors(d, cs, start) if q.kind in ("percent", "money") else frozenset(),
        ))
    return _merge_ranges(text, out, doc.language)


def _distance(text: str, end: int, language: str | None) -> bool:
    """A length followed by a direction or 'from' ('14 km northeast of', '2 Kilometer hinter')."""
    return bool(_marker("distance_after", language, False).search(text[end:end + 30]))


def _in_scale(concept: str, q) -> bool:
    """A measure's value lies inside its scale: a magnitude above 10 is a count read next to the word."""
    scale = lexicon()["measures"].get(concept)
    value = q.value if q.value is not None else q.high
    return not (isinstance(scale, dict) and value is not None and float(value) > scale["max"])


_GENERIC = frozenset("people person man woman child year day time percent one thing part case number".split())


def date_facts(doc: Document, analysis: Analysis, d: _Doc) -> list[Fact]:
    """Every day-precision date of the report whose clause names an event."""
    text, spans = d.text, d.spans
    out = []
    for t in analysis.times:
        day = day_of(t.value)
        if t.caption is not None or day is None or _clock_only(t.text):
            continue  # "at 9.59pm": a clock time names no day (the analysis dated it by the publication)
        s, e = _sentence_of(spans, t.start)
        cs, ce = _clause(text, s, e, t.start, t.end)
        concept = concept_near(text, t.start, t.end, cs, ce, doc.language, "events", phrase=True, reach=45) or \
            concept_near(text, t.start, t.end, cs, t.start, doc.language, "events", reach=40, first=True)  # the subject
        if concept is None or _marker_in("update", text, cs, ce, doc.language) or \
                _statement_date(text, t.start, doc.language):
            continue  # no event named, or the date of a change ("the toll rose to 41 on Wednesday")
        out.append(Fact(
            kind="date", subject="event:" + concept, document=doc.id, start=t.start, end=t.end, text=t.text,
            sentence=text[s:e].strip(), value=day.isoformat(), places=_places(d, cs, ce),
            weekday=not re.search(r"\d", t.text),  # a weekday or a relative day ("on Friday", "yesterday")
            relative=not re.search(r"\d", t.text), time_cue=_time_cue(text[s:e], doc.language),
            year_stated=bool(_YEAR.search(t.text)),
        ))
    return out


@lru_cache(maxsize=1)
def _clock_re() -> re.Pattern:
    alt = "|".join(re.escape(w) for w in sorted(lexicon()["clock_only"]["suffixes"], key=len, reverse=True))
    return re.compile(rf"^\W*(?:(?:at|um|à|a las|alle|às)\s+)?\d{{1,2}}(?:[:.h]\d\d)?\s*(?:(?:{alt})\W*)*$",
                      re.IGNORECASE)


def _clock_only(text: str) -> bool:
    return bool(_clock_re().match(text.strip()))


@lru_cache(maxsize=16)
def _statement_re(language: str | None) -> re.Pattern:
    words = _phrases(lexicon()["statement_verbs"], language)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _statement_date(text: str, start: int, language: str | None) -> bool:
    """'..., the governor said on Wednesday': the date of the statement, not of the event."""
    return bool(_statement_re(language).search(text[max(0, start - 40):start]))


PLACE_GAP = 30  # characters between an event noun and "in <Place>" for the place to be the event's


def place_facts(doc: Document, d: _Doc) -> list[Fact]:
    """Where each event of the report happened: 'the summit in Maribor', 'remarks made in Geneva'.
    In languages that capitalise common nouns only named-entity places count."""
    text = d.text
    out = []
    for concept, pat in _concept_patterns("events", doc.language):
        for m in pat.finditer(text):
            s, e = _sentence_of(d.spans, m.start())
            cs, ce = _clause(text, s, e, m.start(), m.end())
            for p in _place_re(doc.language).finditer(text, m.end(), min(ce, m.end() + PLACE_GAP + 40)):
                if p.start() - m.end() > PLACE_GAP:
                    break
                ns, ne = p.span("name")
                if d.times.overlaps(ns, ne):
                    continue
                ner = [(a, b, name) for a, b, _, name in d.mentions.within(ns - 60, ne + 60, _PLACE_LABELS)
                       if a <= ns < b or ns <= a < ne]
                if not ner:
                    continue  # only a named place the entity recogniser agrees on ('in Brandtwerk' is a firm)
                ns, ne = ner[0][0], ner[0][1]
                out.append(Fact(kind="place", subject="event:" + concept, document=doc.id, start=ns, end=ne,
                                text=text[ns:ne], sentence=text[s:e].strip(), value=text[ns:ne].lower(),
                                era=_era(text, cs, ce, doc.published)))
    return out


def facts_of(doc: Document, analysis: Analysis) -> list[Fact]:
    """Figures, dates and places of one report, each attached to its subject."""
    d = _Doc.of(doc, analysis)
    return figure_facts(doc, analysis, d) + date_facts(doc, analysis, d) + place_facts(doc, d)
