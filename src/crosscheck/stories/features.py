"""Document + Analysis -> StoryFeatures: content lemmas, language-neutral name keys, numbers, dates.

Name keys work across scripts and inflections without translation: every name is transliterated
to Latin (anyascii), country names in any pycountry locale map to their English name, and each
name token is cut to a short prefix so "Zelensky", "Зеленского" and "Zełenskiego" share a key.
"""
from __future__ import annotations

import gettext
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from anyascii import anyascii

from crosscheck.boilerplate import strip_dateline
from crosscheck.corroborate.clauses import concept_patterns
from crosscheck.model import Analysis, Document, StoryFeatures
from crosscheck.romanise import romanised
from crosscheck.stories.actors import actor_keys, lead_organisation, lead_speaker
from crosscheck.textunits import ends_with_stop, noun_position, sentence_spans
from crosscheck.timevalues import calendar_key

LEAD_LEMMAS = 60  # content lemmas of the lead (headline + first sentence or so)
LEAD_BOOST = 3  # extra count of a lead lemma
LEAD_SENTENCES = 1  # the lead for names: the first sentence (2 let background names in: ECB+ F1 -0.01)
LEAD_CHARS = 400  # ... and at most this many characters
LEAD_ENTITY_BOOST = 2  # extra counts of a name mentioned in the lead (bench/stories_quality.py, ECB+ real
#                        analysis: 0 -> .907, 2 -> .912, 4 -> .912, 8 -> .897 batch F1; shuffled runs +.004)
NAME_PREFIX = 6  # letters kept of a name token: long enough to tell names apart, short enough for case endings
_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"}
_PLACE_TYPES = {"GPE", "LOC"}
_LANGS = ("de", "es", "it", "pl", "ru", "uk", "ko", "fr", "pt", "nl")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_SENT_START = re.compile(r"(?:^|[.!?:;\"«»„“”]\s*|\n\s*)$")


def _fold(text: str) -> str:
    """Latin, lowercase, letters only: 'Łódź' -> 'lodz', 'Зеленский' -> 'zelenskiy'."""
    return re.sub(r"[^a-z0-9 ]+", "", anyascii(romanised(text)).lower())


def name_tokens(name: str) -> list[str]:
    """Prefix keys of the capitalised tokens of a name ('the', 'of' dropped), after transliteration."""
    out = []
    for raw in name.split():
        if raw[:1].islower():
            continue  # 'the Central Commission', 'Bank of England': function words carry no identity
        for tok in _fold(raw).split():
            if len(tok) >= 3 and not tok.isdigit():
                key = tok[:NAME_PREFIX]
                if len(key) >= 5 and key[-1] in "aeiouy":
                    key = key[:-1]  # a case ending within the prefix: 'Орлова' / 'Orlov', 'Dunai' / 'Dunay'
                out.append(key)
    return out


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Localised country name (folded) -> English name (folded), from pycountry's gettext catalogues."""
    import pycountry

    table: dict[str, str] = {}
    cats = []
    for lang in _LANGS:
        try:
            cats.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    for c in pycountry.countries:
        english = getattr(c, "common_name", None) or c.name
        target = _fold(english)
        for src in {c.name, english, getattr(c, "official_name", c.name)}:
            for cat in cats:
                local = _fold(cat.gettext(src))
                if local and local != target:
                    table.setdefault(local, target)
    return table


def _name_keys(name: str) -> list[str]:
    countries = _country_names()
    folded = _fold(name).strip()
    if folded in countries:
        return name_tokens(countries[folded].title())
    kinds = _kind_words()
    return name_tokens(" ".join(w for w in name.split() if _fold(w) not in kinds))


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """The words that name a body by its kind in any language, whole and folded ('bank', 'Banque', 'Notenbank'; data/
    institutions.json 'kind_words' and 'heads'), and the English article that opens a sentence: no name says which
    body by them ('The Bank of Norvania', 'la Banque de Norvanie' and 'la Banque nationale de Lorvanie')."""
    with resources.files("crosscheck.data").joinpath("institutions.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    words = [w for ws in data.get("kind_words", {}).values() for w in ws]
    words += [w for table in data.get("languages", {}).values() for w in table.get("heads", ())]
    return frozenset(_fold(w) for w in [*words, "the"])


def _text_names(text: str, language: str | None, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Capitalised words not opening a sentence (any script with case), nor, where every noun is capitalised, in a
    noun's place ('der Umsatz', '1,2 Milliarden': textunits.noun_position); Hangul words for Korean. ``skip``: sorted
    spans whose words are left out."""
    out = []
    k = 0
    for m in _WORD.finditer(text):
        w = m.group()
        while k < len(skip) and skip[k][1] <= m.start():
            k += 1
        if k < len(skip) and skip[k][0] < m.end():
            continue
        if language == "ko" and re.search(r"[\uac00-\ud7a3]", w):
            out.append(w)
        elif w[0].isupper() and len(w) >= 3 and not _SENT_START.search(text[max(0, m.start() - 3): m.start()]) \
                and noun_position(text, m.start(), language) is None:
            out.append(w)
    return out


# --- numbers --------------------------------------------------------------------------------
_NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+|\d+)(?:([.,])(\d+))?(?![0-9_]|[.,]\d)")
_SCALES = [
    (re.compile(r"^\s*(?:mln|million|millionen|millones|milioni|milion\w*|миллион\w*|мільйон\w*|млн)", re.I), 10**6),
    (re.compile(r"^\s*(?:bn|billion|milliarde\w*|mil millones|miliard\w*|миллиард\w*|мільярд\w*|млрд)", re.I), 10**9),
    (re.compile(r"^\s*(?:thousand|tausend|mil\b|mila\b|tysi\w*|тысяч\w*|тисяч\w*|тыс|тис)", re.I), 10**3),
    (re.compile(r"^\s*만"), 10**4),
    (re.compile(r"^\s*억"), 10**8),
]


def _norm_number(value: float) -> str | None:
    if value != value or value < 0:
        return None
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6g}"


def text_numbers(text: str) -> list[str]:
    """Numbers written in digits, any European separator convention, with scale words."""
    out = []
    for m in _NUM.finditer(text):
        whole, sep, frac = m.group(1), m.group(2), m.group(3)
        digits = re.sub(r"[ .,\u00a0\u202f]", "", whole)
        value = float(digits)
        if sep and frac:
            if len(frac) == 3 and whole.isdigit() and len(whole) <= 3 and not _SCALES_AFTER(text, m.end()):
                value = float(digits + frac)  # "10.000" or "10,000": thousands
            else:
                value = float(f"{digits}.{frac}")
        value *= _SCALES_AFTER(text, m.end()) or 1
        if 1900 <= value <= 2100 and not sep and not frac:
            continue  # a year: dates carry it
        norm = _norm_number(value)
        if norm is not None:
            out.append(norm)
    return out


def _SCALES_AFTER(text: str, end: int) -> int:
    tail = text[end: end + 16]
    for pattern, scale in _SCALES:
        if pattern.match(tail):
            return scale
    return 0


# --- dates ----------------------------------------------------------------------------------
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")


@lru_cache(maxsize=32)
def _month_pattern(language: str) -> tuple[re.Pattern, dict[str, int]]:
    from dateparser.languages.loader import default_loader

    words: dict[str, int] = {}
    for lang in {"en", language}:
        try:
            info = default_loader.get_locale(lang).info
        except Exception:  # unknown language code: English month names only
            continue
        for i, month in enumerate(_MONTHS_EN, 1):
            for w in info.get(month, []):
                w = w.lower().rstrip(".")
                if len(w) >= 3 and not w[0].isdigit():
                    words.setdefault(w, i)
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    pat = re.compile(
        rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<m1>{alt})\.?(?:\s+(?:de\s+)?(?P<y1>\d{{4}}))?"
        rf"|(?P<m2>{alt})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?"
        r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
        r"|(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4})"
        r"|(?:(?P<y5>\d{4})년\s*)?(?P<m5>\d{1,2})월\s*(?P<d5>\d{1,2})일)(?![\w])",
        re.IGNORECASE,
    )
    return pat, words


def text_dates(text: str, language: str | None) -> list[str]:
    """Dates written with a month name or in digits, in the document's language or English."""
    pat, words = _month_pattern((language or "en")[:2].lower())
    out = []
    for m in pat.finditer(text):
        g = m.groupdict()
        for i in "12345":
            if g[f"m{i}"]:
                mo = g[f"m{i}"]
                month = int(mo) if mo.isdigit() else words.get(mo.lower().rstrip("."), 0)
                day, year = int(g[f"d{i}"]), g[f"y{i}"]
                if 1 <= month <= 12 and 1 <= day <= 31:
                    out.append(f"{year or 'XXXX'}-{month:02d}-{day:02d}")
                break
    return out


def _date_keys(values) -> set[str]:
    keys = set()
    for v in values:
        v = (v or "").strip()
        if re.fullmatch(r"(\d{4}|XXXX)-\d{2}-\d{2}", v):
            keys.add("XXXX" + v[4:])
            if not v.startswith("X"):
                keys.add(v)
        elif re.fullmatch(r"\d{4}-\d{2}", v):
            keys.add(v)
    return keys


def _iso_day(value: str | None) -> str | None:
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value or "")
    return m.group(1) if m else None


def _fold_lemma(lemma: str) -> str:
    return unicodedata.normalize("NFC", lemma.lower())


def _lead_end(text: str) -> int:
    """Offset where the lead ends: its first LEAD_SENTENCES sentences that end with a stop (a headline line
    without one stays in the lead), at most LEAD_CHARS characters."""
    found = 0
    for _, end in sentence_spans(text[:LEAD_CHARS + 40]):  # an end past LEAD_CHARS is cut to it anyway
        if ends_with_stop(text[:end]):
            found += 1
            if found == LEAD_SENTENCES:
                return min(end, LEAD_CHARS)
    return min(len(text), LEAD_CHARS)


def _own_keys(doc: Document) -> list[set[str]]:
    """Name keys of the report's outlet and of the wires it credits, one set per name."""
    return [set(name_tokens(name)) for name in (doc.outlet, *(doc.credits or ())) if name]


def _is_own(keys: set[str], own: list[set[str]]) -> bool:
    """A name that is the outlet's or a credited wire's: all of its keys, or two or more of them ('the Morning
    Herald'). One word of an outlet's name alone is no outlet: 'Dorvan' of the Dorvan Daily is the city it reports
    on."""
    return bool(keys) and any(keys == name or (len(keys) >= 2 and keys <= name) for name in own)


def lead_days(analysis: Analysis, lead_end: int) -> tuple[str, ...]:
    """The days ("2024-10-17") the lead's time expressions name, in the body (captions apart)."""
    days = set()
    for t in analysis.times:
        key = calendar_key(t.value) if t.caption is None and t.start < lead_end else None
        if key and re.fullmatch(r"\d{4}-\d\d-\d\d", key):
            days.add(key)
    return tuple(sorted(days))


def lead_events(title: str, lead: str, language: str | None) -> tuple[str, ...]:
    """The kinds of event (data/disagreements.json "events": earthquake, fire, strike, vote...) the headline and
    the lead name, in the report's language: evidence across languages where the embedder knows a word poorly."""
    text = f"{title}\n{lead}"
    return tuple(sorted(kind for kind, pattern in concept_patterns("events", language) if pattern.search(text)))


def story_features(doc: Document, analysis: Analysis) -> StoryFeatures:
    """The evidence one report brings to story clustering."""
    language = (doc.language or "")[:2].lower() or None
    title = (doc.title or "").strip()
    terms: Counter[str] = Counter(_fold_lemma(lem) for lem in analysis.lemmas if len(lem) > 1)
    # the lead says what the event is; the rest adds background shared with sibling events
    for lem in analysis.lemmas[:LEAD_LEMMAS]:
        if len(lem) > 1:
            terms[_fold_lemma(lem)] += LEAD_BOOST
    if title and not doc.text.lstrip().startswith(title[:60]):
        # the headline is strong evidence: count its words once more (when the body does not repeat it)
        head = {w.lower() for w in _WORD.findall(title)}
        for t in list(terms):
            if t in head:
                terms[t] += 1
    names: list[str] = []
    mentions = Counter(m.entity for m in analysis.mentions)
    lead_end = _lead_end(doc.text)
    in_lead = {m.entity for m in analysis.mentions if m.start < lead_end}
    own = _own_keys(doc)
    for ent in analysis.entities:
        if ent.type in _ENTITY_TYPES:
            keys = {k for form in {ent.name, *ent.aliases} for k in _name_keys(form)}
            if _is_own(keys, own):
                continue  # the outlet or the wire telling the story ('told the Morning Herald'): not its event
            # the participants named in the lead are who the event is about; later names are background
            boost = LEAD_ENTITY_BOOST if ent.key in in_lead else 0
            names.extend(sorted(keys) * (max(1, min(mentions.get(ent.key, 1), 5)) + boost))
    if language != "en" or not analysis.entities:
        for w in _text_names(f"{title}\n{doc.text}", language):
            names.extend(k for k in _name_keys(w) if not any(k in name for name in own))  # (words, no entities)
    else:  # names the small model missed ('Typhoon Haru hit Port Lena'): capitalised words of the body outside
        # every entity and time it found (not the title, whose every word is capitalised)
        found = sorted([(m.start, m.end) for m in analysis.mentions] +
                       [(t.start, t.end) for t in analysis.times if t.caption is None])
        for w in _text_names(doc.text, language, skip=found):
            names.extend(k for k in _name_keys(w) if not any(k in name for name in own))
    places = [e for e in analysis.entities if e.type in _PLACE_TYPES]
    numbers = [_norm_number(q.value) for q in analysis.quantities if isinstance(q.value, (int, float))]
    numbers += text_numbers(f"{title}\n{doc.text}")
    dates = _date_keys([calendar_key(t.value) for t in analysis.times] + text_dates(f"{title}\n{doc.text}", language))
    return StoryFeatures(
        document=doc.id,
        published=_iso_day(doc.published),
        language=language,
        terms=tuple(sorted(terms.items())),
        entities=tuple(sorted(names)),  # repeated once per mention (at most 5): salience
        dates=tuple(sorted(dates)),
        numbers=tuple(sorted({n for n in numbers if n and n not in ("0", "1")})),
        title=title[:300],
        lead_dates=lead_days(analysis, lead_end),
        lead_org=lead_organisation(analysis, f"{title}\n{doc.text}", lead_end),
        lead_speaker=lead_speaker(analysis, lead_end),
        actors=actor_keys(analysis),
        events=lead_events(title, doc.text[:lead_end], language),
        places=tuple(sorted({k for e in places for k in _keys_of(e)})),
        lead_places=tuple(sorted({k for e in _lead_places(places, analysis, doc.text, lead_end) for k in _keys_of(e)})),
        lead_people=tuple(sorted({k for e in analysis.entities if e.type == "PERSON" and e.key in in_lead
                                  for k in _keys_of(e)})),
    )


def _lead_places(places, analysis: Analysis, text: str, lead_end: int) -> list:
    """The places the lead names. A dateline's ('KORVA, Dec 1 (Meridian Wire) -') is where the report was filed:
    it is the event's place only when the lead names no other (a wire's bureau files the quake in one town and the
    quake in another town three days later alike)."""
    first = text.split("\n", 1)[0]
    filed = len(first) - len(strip_dateline(first))
    named = [{m.entity for m in analysis.mentions if since <= m.start < lead_end} for since in (filed, 0)]
    return next(([e for e in places if e.key in keys] for keys in named if any(e.key in keys for e in places)), [])


def _keys_of(ent) -> set[str]:
    return {k for form in {ent.name, *ent.aliases} for k in _name_keys(form)}
