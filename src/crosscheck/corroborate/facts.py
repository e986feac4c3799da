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

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Analysis, Document
from ..points import POINT_UNITS, in_points
from ..textunits import base_language, sentence_at, stop_words
from ..timevalues import day_of
from .clauses import (DIGIT, PLACE_LABELS, ReportText, YEAR, actors, alternation, breakdown, changed_from, clause,
                      concept_near, concept_patterns, era, joined_group, lexicon, marked, marker, marker_in, phrases,
                      place_after, place_re, places, qualifier, time_cue)
from .features import modality_of
from .units import Unit, duration_after, unit_of


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
    provisional: bool = False  # a count not finished ("with 88% of ballots counted", "preliminary results")


def _head_concept(text: str, end: int, q_of: str | None, language: str | None,
                  count: bool = False, start: int | None = None) -> tuple[bool, str | None]:
    """(decided, concept) from the noun the figure counts: '12,000 houses' -> homes; '399 evacuation
    sites' -> (decided, None): sites are no known concept and the words around do not say what the
    figure counts; 'people' decides nothing. In other languages the word after a count: a function word or a
    unit decides nothing, another word a count of it ('cuatro pueblos')."""
    people = set(phrases(lexicon()["people_words"], language)) | set(lexicon()["people_words"]["en"])
    if q_of:  # English: the counted noun from the parse
        if q_of.lower() in people or q_of.lower() in _GENERIC:
            return False, None
        for concept, pat in concept_patterns("concepts", language):
            # (the noun, or a phrase of the figure's own words: '38% of the vote')
            if pat.match(q_of) or pat.search(text, min(end - len(q_of) - 2, start if start is not None else end),
                                             end + 1):
                return True, concept
        before = re.search(r"([^\W\d_][\w-]*)\s+$", text[max(0, start - 30):start]) if start is not None else None
        if before is not None and any(pat.match(before.group(1)) for _, pat in concept_patterns("concepts", language)):
            return False, None  # 'a magnitude 6.4 earthquake': the concept named right before it says what it is
        return True, None  # games, rounds, villages: a count the lexicon does not know is not compared
    m = re.match(r"\s*([^\W\d_][\w'’-]*)", text[end:end + 40])
    if m is None or m.group(1).lower() in people:
        return False, None
    for concept, pat in concept_patterns("concepts", language):
        if pat.match(text, end + m.start(1)):
            return True, concept
    word = m.group(1).lower()
    # a concept named right before the figure says what it is ('magnitud 6,8 sacudió'); else a content word after
    # a count is what it counts ('de cuatro pueblos': the villages, not the evacuees)
    named_before = start is not None and any(
        pat.search(text, max(0, start - 20), start) for _, pat in concept_patterns("concepts", language))
    # ('38 gestiegen': a language that capitalises its nouns counts no word in lower case)
    lower_noun = base_language(language) in lexicon()["capitalised_nouns"] and m.group(1)[:1].islower()
    if count and language and not named_before and not lower_noun and word not in stop_words(base_language(language)) \
            and word not in lexicon()["units"] and not word[:1].isdigit() and len(word) > 3:
        return True, None
    return False, None



def _unit_of(q_text: str, unit: str | None) -> Unit | str | None:
    """The unit of a measure: '12 miles' -> mi (base m); an area word's unit as 'area:<word>'; unknown units stay as
    they are."""
    words = [w.lower() for w in re.findall(r"[^\W\d_²]+", q_text)]
    if any(w in lexicon()["area_words"] for w in words):
        return "area:" + (words[-1] if words else (unit or ""))
    for w in [*(words[-1:]), (unit or "").lower()]:
        if (found := unit_of(w)) is not None:
            return found
    return unit


def _merge_ranges(text: str, facts: list[Fact], language: str | None) -> list[Fact]:
    """'between 20 and 30 injured' read as two figures becomes one range."""
    rng = lexicon()["range"]
    before = re.compile(r"(?<!\w)(?:" + alternation(phrases(rng["before"], language)) + r")\s*$",
                        re.IGNORECASE)
    join = re.compile(r"^\s*(?:" + alternation(phrases(rng["join"], language)) + r"|[-–])\s*$",
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
    m = re.match(r"[\d.,\u00a0\u202f ]*\d(?:\s*(?:mil|millones|millions?|milliarden|millionen|mila|k|m|bn)(?!\w))?",
                 text[num_start:q.end])
    return num_start + m.end() if m else q.end


def _vague(q) -> bool:
    """'thousands of homes', 'dozens': a loose amount, never precise enough to contradict."""
    return q.value is None and not DIGIT.search(q.text)


def figure_facts(doc: Document, analysis: Analysis, d: ReportText) -> list[Fact]:
    """Every figure of the report whose clause says what it counts."""
    text, spans = d.text, d.spans
    out = []
    previous: dict[int, set[str]] = {}  # sentence start -> the subjects of the earlier values it gives
    told_from: set[int] = set()  # the figures an 'up from' after them makes new, no update word
    for q in analysis.quantities:
        if q.value is None and (q.low is None or q.high is None):
            continue
        m = DIGIT.search(q.text)
        num_start = q.start + m.start() if m else q.start  # "Thirty-one people": no digit
        if not m and q.qualifier and q.text.lower().startswith(q.qualifier.lower()):
            rest = q.text[len(q.qualifier):]  # 'at least nine people': the number word after the qualifier it holds
            num_start = q.start + len(q.qualifier) + len(rest) - len(rest.lstrip())
        s, e = sentence_at(spans, q.start)
        cs, ce = clause(text, s, e, q.start, q.end)
        figure_end = num_end(text, num_start, q) if m else q.start + len(q.text.split()[0])
        term = _term_after(text, figure_end, doc.language)  # 'sept ans de prison': a prison term, not an age
        if not term and (marked("not_counts", text, q.start, q.end, doc.language, after=False) or
                         marked("not_counts_after", text, q.start, figure_end, doc.language, before=False) or
                         q.kind == "money" and marked("not_counts_after", text, q.start, q.end, doc.language, before=False)):
            continue  # "aged 29 to 94", "flight 370": not a count
        if not term and (d.times.overlaps(q.start, figure_end) or q.kind == "count" and
                         duration_after(text, figure_end, doc.language)):
            continue  # 'vor zwei Wochen', 'two weeks ago', 'grevei de 48 de ore': a time the report names, no count
        kind, unit_word = q.kind, q.text
        if kind != "measure":
            after = re.match(r"\s*([^\W\d_]+)", text[figure_end:figure_end + 30])
            if after and after.group(1).lower() in lexicon()["units"] and (m or term):
                kind, unit_word = "measure", after.group(1)  # "2,3 Kilometer": a length the parse read as a count
        english_of = q.of if (doc.language or "en")[:2] == "en" and kind == q.kind and q.unit not in POINT_UNITS \
            else None  # (a move in points: what moved is read from the sentence, as in every language)
        decided, concept = _head_concept(text, q.end if english_of else num_end(text, num_start, q), english_of,
                                         doc.language, count=kind == "count", start=q.start)
        if term:
            decided, concept = True, "prison_term"
        if concept in lexicon()["concept_states"]["groups"]:  # 'Nine passengers suffered minor injuries': injured
            state = concept_near(text, q.end, q.end, q.end, ce, doc.language, first=True)
            concept = state if state in lexicon()["concept_states"]["states"] else concept
        if not decided:
            concept = concept_near(text, q.start, q.end, cs, ce, doc.language, phrase=True) or \
                concept_near(text, q.start, q.end, cs, q.start, doc.language, reach=160, first=True)  # the sentence's subject ("the death toll ... reached 72")
        if kind == "measure" and not term and _distance(text, q.end if kind == q.kind else
                                            num_end(text, num_start, q) + len(unit_word) + 1, doc.language):
            concept = "distance"  # "14 km northeast of Dorrow": how far from a place, not a depth
        if concept is None or not _in_scale(concept, q) or q.kind not in lexicon()["concept_kinds"].get(concept, (q.kind,)):
            continue  # ('in the three months to September': no revenue)
        if q.kind == "percent":  # a move in percentage or basis points is compared with moves only
            subject = ("points:" if q.unit in POINT_UNITS else "percent:") + concept
        elif q.kind == "money":
            subject = f"money:{q.unit}:{concept}"
        else:
            subject = concept
        bound, increment, total, q_start = qualifier(text, num_start, q.end, doc.language, figure_end)
        unit = _unit_of(unit_word, q.unit) if kind == "measure" else q.unit
        base, to_base = (unit.base, unit.to_base) if isinstance(unit, Unit) else (unit, float)
        if base and kind == "measure":
            subject = f"{subject}:{base}"
        if (kind == "measure" or concept in lexicon()["measures"]) and \
                marker_in("secondary_events", text, cs, ce, doc.language):
            subject += ":secondary"  # 'ein Nachbeben der Stärke 5,1': the aftershock's magnitude, not the quake's
        if q.kind == "percent":  # basis points in percentage points
            to_base = lambda x, u=q.unit: in_points(x, u)  # noqa: E731
        value = to_base(float(q.value if q.value is not None else (q.low + q.high) / 2))
        low = to_base(float(q.low)) if q.low is not None else None
        high = to_base(float(q.high)) if q.high is not None else None
        if q.value is None or (q.low is not None and q.high is not None and q.low != q.high):
            bound = bound or "range"
        if _vague(q):
            bound = "vague"
        start = min(q_start, q.start)
        earlier = marked("previous", text, start, q.end, doc.language, after=False)  # 'up from 214'
        # (a part of a count of another thing is the whole of its own: '214 cases, including nine deaths')
        part = marked("subset", text, start, q.end, doc.language) and not _of_another(out, subject, s, e) or \
            q.kind == "count" and marked("subset_after", text, start, num_end(text, num_start, q) if m else
                                          q.start + len(q.text.split()[0]), doc.language, before=False) or \
            earlier or \
            q.kind != "percent" and concept not in lexicon()["difference_not"] and \
            marked("difference", text, start, q.end, doc.language, after=False) or \
            marker_in("distributive", text, cs, ce, doc.language) or _among(text, cs, ce, start, doc.language) or \
            breakdown(d, s, e) and place_after(d, q.end) or joined_group(text, q.end, doc.language)
        # a share 'rose to 68%' tells a change over time, not a count revised while it is made
        worded = q.kind != "percent" and marked("update", text, start, q.end, doc.language, after=False)
        out.append(Fact(
            kind="figure", subject=subject, document=doc.id, start=start, end=q.end,
            text=text[start:q.end].strip(), sentence=text[s:e].strip(), value=value,
            low=low, high=high, bound=bound, increment=increment, total=total,
            places=places(d, cs, ce), era=era(text, cs, ce, doc.published, doc.language, q.start), unit=base,
            part=part, update=worded or q.kind != "percent" and changed_from(text, q.end, doc.language),
            provisional=marker_in("provisional", text, s, e, doc.language),
            intent=modality_of(text[cs:min(ce, q.end + 30)], doc.language) in ("plan", "possible"),
            actors=actors(d, cs, start, every=concept in lexicon()["between_parties"]["concepts"])
            if q.kind in ("percent", "money") or concept == "votes" else
            _sentenced(d, s, start) if concept == "prison_term" else frozenset(),
        ))
        if earlier:
            previous.setdefault(s, set()).add(subject)
        if not worded:
            told_from.add(len(out) - 1)  # (new, if at all, by the 'up from' after it)
    # a sentence giving a count's earlier value ('250 cases and 11 deaths, up from 214 cases a day earlier') gives
    # its other value of that count as the new one, however far the earlier one stands from it; not another count's
    # (the 11 deaths, nearest to 'up from')
    for i, f in enumerate(out):
        earlier_of = previous.get(sentence_at(spans, f.start)[0])
        if earlier_of and not f.part:
            out[i] = replace(f, update=f.subject in earlier_of or f.update and i not in told_from)
    return _merge_ranges(text, out, doc.language)


def _of_another(facts: list[Fact], subject: str, s: int, e: int) -> bool:
    """The figure before, in the same sentence [s, e), counts another thing than ``subject``."""
    return bool(facts) and s <= facts[-1].start < e and facts[-1].kind == "figure" and facts[-1].subject != subject


def _among(text: str, cs: int, ce: int, start: int, language: str | None) -> bool:
    """The figure's clause names it a part ('Among the soldiers freed were 12 officers', '12 officers were among
    those freed': data/disagreements.json 'subset_clause'), and the figure is not the whole named right after that
    word ('among the 150 freed')."""
    m = _subset_clause_re(language)
    if m is None:
        return False
    for hit in m.finditer(text, cs, ce):
        if not (hit.end() <= start and len(text[hit.end():start].split()) <= 2):
            return True
    return False


@lru_cache(maxsize=16)
def _subset_clause_re(language: str | None) -> re.Pattern | None:
    words = phrases(lexicon()["subset_clause"], language) if (language or "en")[:2] in lexicon()["subset_clause"] else []
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE) if words else None


def _term_after(text: str, end: int, language: str | None) -> bool:
    """A unit of time after the figure, then words of a prison term ('seven years in prison', 'zu sieben Jahren Haft',
    'à sept ans de prison', data/disagreements.json concepts 'prison_term')."""
    unit = re.match(r"\s*([^\W\d_]+)\s+", text[end:end + 40])
    if unit is None or lexicon()["units"].get(unit.group(1).lower(), ("", 0, ""))[2] != "year":
        return False
    pattern = dict(concept_patterns("concepts", language)).get("prison_term")
    return bool(pattern and pattern.match(text, end + unit.end()))


def _sentenced(d: ReportText, cs: int, start: int) -> frozenset[str]:
    """Whose prison term it is: the last words of the names (people, or whatever else the small model called a
    person's name outside English) in the sentence before the figure ('sentenced former minister Emil Dravik to
    seven years' / 'Dravik gets eight years')."""
    return frozenset(m[3].split()[-1].lower() for m in d.mentions.within(cs, start, ("PERSON", "ORG"))
                     if m[3].split())


def _distance(text: str, end: int, language: str | None) -> bool:
    """A length followed by a direction or 'from' ('14 km northeast of', '2 Kilometer hinter')."""
    return bool(marker("distance_after", language, False).search(text[end:end + 30]))


def _in_scale(concept: str, q) -> bool:
    """A measure's value lies inside its scale: a magnitude above 10 is a count read next to the word."""
    scale = lexicon()["measures"].get(concept)
    value = q.value if q.value is not None else q.high
    return not (isinstance(scale, dict) and value is not None and float(value) > scale["max"])


_GENERIC = frozenset("people person man woman child year day time percent one thing part case number".split())


def date_facts(doc: Document, analysis: Analysis, d: ReportText) -> list[Fact]:
    """Every day-precision date of the report whose clause names an event."""
    text, spans = d.text, d.spans
    out = []
    for t in analysis.times:
        day = day_of(t.value)
        if t.caption is not None or day is None or _clock_only(t.text):
            continue  # "at 9.59pm": a clock time names no day (the analysis dated it by the publication)
        s, e = sentence_at(spans, t.start)
        cs, ce = clause(text, s, e, t.start, t.end)
        concept = concept_near(text, t.start, t.end, cs, ce, doc.language, "events", phrase=True, reach=45) or \
            concept_near(text, t.start, t.end, cs, t.start, doc.language, "events", reach=40, first=True)  # the subject
        if concept is None or marker_in("update", text, cs, ce, doc.language) or \
                _statement_date(text, t.start, doc.language):
            continue  # no event named, or the date of a change ("the toll rose to 41 on Wednesday")
        again = ":again" if marker_in("repeated_events", text, cs, ce, doc.language) else ""  # 'would resume on Thursday'
        out.append(Fact(
            kind="date", subject="event:" + concept + again, document=doc.id, start=t.start, end=t.end, text=t.text,
            sentence=text[s:e].strip(), value=day.isoformat(), places=places(d, cs, ce),
            weekday=not re.search(r"\d", t.text),  # a weekday or a relative day ("on Friday", "yesterday")
            relative=not re.search(r"\d", t.text), time_cue=time_cue(text[s:e], doc.language),
            year_stated=bool(YEAR.search(t.text)),
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
    words = phrases(lexicon()["statement_verbs"], language)
    return re.compile(r"(?<!\w)(?:" + alternation(words) + r")\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def _statement_date(text: str, start: int, language: str | None) -> bool:
    """'..., the governor said on Wednesday', 'ont annoncé samedi les autorités', 'informaron las autoridades el
    sábado': the date of the statement, not of the event."""
    before = text[max(0, start - 40):start]
    m = _statement_re(language).search(before)
    if m is None:
        return False
    # 'El fuego se declaró el lunes': a reflexive 'declararse' is an outbreak, no statement
    clitics = lexicon().get("statement_reflexive", {}).get(base_language(language or "en"), ())
    return not any(re.search(r"(?<!\w)" + re.escape(c) + r"\s*$", before[:m.start()], re.IGNORECASE) for c in clitics)


PLACE_GAP = 30  # characters between an event noun and "in <Place>" for the place to be the event's


def place_facts(doc: Document, d: ReportText) -> list[Fact]:
    """Where each event of the report happened: 'the summit in Maribor', 'remarks made in Geneva'.
    In languages that capitalise common nouns only named-entity places count."""
    text = d.text
    out = []
    for concept, pat in concept_patterns("events", doc.language):
        for m in pat.finditer(text):
            s, e = sentence_at(d.spans, m.start())
            cs, ce = clause(text, s, e, m.start(), m.end())
            for p in place_re(doc.language).finditer(text, m.end(), min(ce, m.end() + PLACE_GAP + 40)):
                if p.start() - m.end() > PLACE_GAP:
                    break
                ns, ne = p.span("name")
                if d.times.overlaps(ns, ne):
                    continue
                ner = [(a, b, name) for a, b, _, name in d.mentions.within(ns - 60, ne + 60, PLACE_LABELS)
                       if a <= ns < b or ns <= a < ne]
                if not ner:
                    continue  # only a named place the entity recogniser agrees on ('in Brandtwerk' is a firm)
                ns, ne = ner[0][0], ner[0][1]
                out.append(Fact(kind="place", subject="event:" + concept, document=doc.id, start=ns, end=ne,
                                text=text[ns:ne], sentence=text[s:e].strip(), value=text[ns:ne].lower(),
                                era=era(text, cs, ce, doc.published, doc.language, m.start())))
    return out


def facts_of(doc: Document, analysis: Analysis) -> list[Fact]:
    """Figures, dates and places of one report, each attached to its subject."""
    d = ReportText.of(doc, analysis)
    return figure_facts(doc, analysis, d) + date_facts(doc, analysis, d) + place_facts(doc, d)
