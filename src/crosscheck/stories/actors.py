"""Two events of one kind done by two actors of one kind: 'the Bank of Norland raised its rate' and, the
same afternoon, 'the Bank of Ostria kept its rate'.

Such reports share nearly every word, date and figure of a story, so the similarity of their words cannot
tell them apart; what does is who the lead says acted. A report's *lead organisation* is the first
organisation its lead sentence names. Its name's capitalised words are split in two: the words the
report also writes in lowercase ('bank', 'police', 'department': the kind of organisation) and the rest
(its proper words: 'Norland', 'Ostria'); a lead claim credited to it by a description adds that
description's words to its kind ('Norvik Motors will cut 6,000 jobs, the carmaker said': 'carmaker'). Two
reports in one language are told apart when their lead organisations are of the same kind (the same lowercase
words) with no proper word in common, and one of the two is named nowhere in the other report (people and
organisations compared by the alias keys entity linking joins on: a report telling both banks' decisions
names both).

The same holds for people of one office ('Defence Minister Tomas Holub said' / 'Dorvian Defence Minister Ana Rusk
said', the same morning, of one border): a report's *lead speaker* is the holder of an office (``OFFICES``: one person
holds it at a time) its lead's first claim is credited to, the office's words its kind, the name's its proper words.

The rule is narrow by design: a language without letter case, or one that capitalises its nouns, gives
no kind words and no clash; a lead naming no organisation gives none either.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from crosscheck.analyze.aliases import alias_keys
from crosscheck.model import Analysis, LeadOrganisation, StoryFeatures
from crosscheck.stories.vectors import day_number
from crosscheck.textunits import script_of

ACTOR_TYPES = frozenset({"PERSON", "ORG"})
_WORD = re.compile(r"\w+")


def actor_keys(analysis: Analysis) -> tuple[str, ...]:
    """Alias keys of every person and organisation the report names."""
    return tuple(sorted({k for e in analysis.entities if e.type in ACTOR_TYPES for k in name_keys(e)}))


def name_keys(ent) -> frozenset[str]:
    """The alias keys that name this actor itself: not those linking keeps only to meet another reading of it (an
    organisation's first word, 'f:bank' of the Bank of Norland and the Bank of Ostria alike; the acronym an
    organisation's initials spell; a person's whole name or a one-word organisation's surname key, which meet a
    mis-tagged name)."""
    person = ent.type == "PERSON"
    return frozenset(k for k in alias_keys(ent) if not k.startswith(("f:", "a:")) and
                     not (person and k.startswith("n:")) and not (not person and k.startswith("p:")))


def lead_organisation(analysis: Analysis, text: str, lead_end: int) -> LeadOrganisation | None:
    """The first organisation named in the lead (body offsets before ``lead_end``), with its kind and
    proper words read against ``text`` (the report's title and body)."""
    orgs = {e.key: e for e in analysis.entities if e.type == "ORG"}
    first = min(((m.start, m.entity) for m in analysis.mentions if m.start < lead_end and m.entity in orgs),
                default=None)
    if first is None:
        return None
    ent = orgs[first[1]]
    lowered = set(_WORD.findall(text)) if text else set()
    kind, proper = set(), set()
    for word in _WORD.findall(ent.name):
        if len(word) < 3 or not word[0].isupper():
            continue  # 'of', 'de': no identity
        (kind if word.lower() in lowered else proper).add(word.lower())
    if proper:  # the lead's claim credited to it by its kind: 'Norvik Motors will cut 6,000 jobs, the carmaker said'
        for c in analysis.claims:
            if c.speaker == ent.key and not c.in_title and c.start < lead_end and c.speaker_text:
                kind |= {w.lower() for w in _WORD.findall(c.speaker_text) if len(w) >= 3 and w.islower()}
    return LeadOrganisation(name=ent.name, kind=" ".join(sorted(kind)), proper=" ".join(sorted(proper)),
                            keys=tuple(sorted(name_keys(ent))))


# offices one person holds at a time (a country's defence minister, a city's mayor, a company's chief executive)
OFFICES = frozenset("president vice-president premier chancellor minister governor mayor king queen pope emperor emir "
                    "sultan ceo chairman chairwoman".split())


def lead_speaker(analysis: Analysis, lead_end: int) -> LeadOrganisation | None:
    """The person the lead's first claim is credited to by an office ('Defence Minister Tomas Holub said'), with the
    office's words as its kind (not a nationality or a place: 'Dorvian Defence Minister Ana Rusk' is a defence
    minister too) and the name's words as its proper words."""
    people = {e.key: e for e in analysis.entities if e.type == "PERSON"}
    said = min((c for c in analysis.claims if not c.in_title and c.start < lead_end and c.speaker in people
                and c.kind in ("reported", "quote", "according_to")), key=lambda c: c.start, default=None)
    if said is None or not said.speaker_text:
        return None
    ent = people[said.speaker]
    named = {w.lower() for form in (ent.name, *ent.aliases) for w in _WORD.findall(form)}
    places = {w.lower() for m in analysis.mentions if m.label in ("NORP", "GPE") for w in _WORD.findall(m.text)}
    kind = {w.lower() for w in _WORD.findall(said.speaker_text)} - named - places
    if not kind & OFFICES:
        return None
    return LeadOrganisation(name=ent.name, kind=" ".join(sorted(kind)),
                            proper=" ".join(sorted(w for w in named if len(w) >= 3)), keys=tuple(sorted(name_keys(ent))))


def _one_office(a: str, b: str) -> bool:
    """Two kinds name one kind of organisation or office: the same words, or the words of the shorter (two at least)
    inside the other's ('defence minister' of 'Dorvian defence minister', the small model reading 'Dorvian Defence' as
    a name, not a nationality)."""
    wa, wb = set(a.split()), set(b.split())
    short, long_ = sorted((wa, wb), key=len)
    return wa == wb or len(short) >= 2 and short <= long_


def actors_apart(features: Sequence[StoryFeatures]) -> np.ndarray:
    """[i, j]: reports i and j lead with organisations of one kind and two names, or with claims of two holders of
    one office, one of which the other report never names (see the module docstring)."""
    n = len(features)
    apart = np.zeros((n, n), dtype=bool)
    for lead, kind_of in ((lambda f: f.lead_org, lambda org: org.kind),
                          (lambda f: f.lead_speaker, lambda org: " ".join(sorted(set(org.kind.split()) & OFFICES)))):
        by_kind: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, f in enumerate(features):
            org = lead(f)
            if org is not None and org.kind and org.proper:
                by_kind[((f.language or "")[:2], kind_of(org))].append(i)
        for (lang, _), members in by_kind.items():
            if not lang or len(members) < 2:
                continue
            for x, i in enumerate(members):
                a, la = features[i], lead(features[i])
                for j in members[x + 1:]:
                    b, lb = features[j], lead(features[j])
                    if set(la.proper.split()) & set(lb.proper.split()) or not _one_office(la.kind, lb.kind):
                        continue
                    if not set(la.keys) & set(b.actors) or not set(lb.keys) & set(a.actors):
                        apart[i, j] = apart[j, i] = True
    return apart


def places_apart(features: Sequence[StoryFeatures]) -> np.ndarray:
    """[i, j]: two reports in one language whose leads name a kind of event (StoryFeatures.events; one kind, or two:
    a mine's collapse and another mine's flood the same Friday) in two places, neither report naming the other's
    lead place anywhere (as a place, or as any name, however the
    small model tagged it), and no person in common: the Saxony and the Bavaria state elections the same Sunday,
    two quakes in two towns. Two leads dating two days, neither naming the other's place, of reports naming no
    actor in common, are apart too, whatever the bodies name. (Across languages a place may be spelt so
    that no key meets; one president's speech placed in two towns is one event the reports disagree on.) Place
    keys meet on their first letters (_PLACE_STEM: 'Mich.' / 'Michigan'); every test is a sparse product, no loop
    over pairs."""
    n = len(features)
    on = np.array([bool(f.lead_places and f.events and f.language) for f in features], dtype=bool)
    if on.sum() < 2:
        return np.zeros((n, n), dtype=bool)

    def meets(a, b) -> np.ndarray:  # [i, j]: some key of a(i) is one of b(j)
        return (incidence(a) @ incidence(b, like=a).T).toarray() > 0

    lang = [((f.language or "")[:2],) for f in features]
    lead = [{_stem(k) for k in f.lead_places} for f in features]
    every = [{_stem(k) for k in f.places} for f in features]
    apart = on[:, None] & on[None, :] & meets(lang, lang)
    named = [set(f.entities) for f in features]  # any name, whatever its tag: 'Valmora's' read as a person
    unnamed = ~(_meet_both(lead, every, meets) | _meet_both([set(f.lead_places) for f in features], named, meets))
    # or: the leads also date two days, neither lead names the other's place and the reports name no person or
    # organisation in common (the later report may name the earlier event's place in passing: 'about 300 km from
    # the area hit by Tuesday's earthquake')
    dated = leads_apart([f.lead_dates for f in features], 0.5) & ~meets(lead, lead) \
        & ~meets([f.actors for f in features], [f.actors for f in features])
    apart &= (unnamed | dated) & ~meets([f.lead_people for f in features], [f.lead_people for f in features])
    np.fill_diagonal(apart, False)
    return apart


def names_apart(features: Sequence[StoryFeatures]) -> np.ndarray:
    """[i, j]: two reports in two languages written in one script, each naming a person, that name no person, place or
    organisation in common: no entity key, no actor key, no name skeleton meets, and no person of one is spelt
    like one of the other (their alias keys' first ``_PERSON_STEM`` letters: 'Leo' / 'León'). Two central banks'
    decisions the same afternoon ('Governor Anika Straal' of Lorvania in French, 'Governor Elsa Brandvik' of
    Norvania in English) share the kind of event, the day and even their figures ('five of the seven members');
    the embedder reads one event, only their names tell them apart. Within one script names are mostly spelt alike
    across languages (Lorvanie / Lorvania meet on their stem), so sharing none is evidence of two events; across
    scripts a transliteration may miss every key, and nothing is concluded."""
    n = len(features)
    langs = [(f.language or "")[:2].lower() for f in features]
    people = [{k[2:2 + _PERSON_STEM] for k in f.actors if k.startswith("p:")} for f in features]
    on = np.array([bool(lang and who) for lang, who in zip(langs, people)], dtype=bool)
    if on.sum() < 2:
        return np.zeros((n, n), dtype=bool)
    lang = np.array(langs, dtype=object)
    script = np.array([script_of(x) for x in langs], dtype=object)
    apart = on[:, None] & on[None, :] & (lang[:, None] != lang[None, :]) & (script[:, None] == script[None, :])

    def meets(rows) -> np.ndarray:
        m = incidence(rows)
        return (m @ m.T).toarray() > 0

    # (the actor keys hold each name's skeleton too: 's:plk')
    apart &= ~meets([set(f.entities) for f in features]) & ~meets([set(f.actors) for f in features]) & ~meets(people)
    np.fill_diagonal(apart, False)
    return apart


def leads_elsewhere(features: Sequence[StoryFeatures]) -> np.ndarray:
    """[i, j]: two reports in two languages of one script whose leads name one kind of event, each lead naming a place
    the other report never names (as a place, or as any name): a train derailed near Ostvik and a bus went into a
    ditch near Brekka the same morning, in English and in Danish, both in the country they name alike. The places of
    one event may be spelt apart across languages, so each lead must have its own; a person in common keeps them
    together (places_apart asks more within one language: neither report names the other's lead place at all)."""
    n = len(features)
    langs = [(f.language or "")[:2].lower() for f in features]
    on = np.array([bool(f.lead_places and f.events and lang) for f, lang in zip(features, langs)], dtype=bool)
    if on.sum() < 2:
        return np.zeros((n, n), dtype=bool)

    def meets(a, b) -> np.ndarray:
        return (incidence(a) @ incidence(b, like=a).T).toarray() > 0

    lang = np.array(langs, dtype=object)
    script = np.array([script_of(x) for x in langs], dtype=object)
    apart = on[:, None] & on[None, :] & (lang[:, None] != lang[None, :]) & (script[:, None] == script[None, :])
    apart &= meets([set(f.events) for f in features], [set(f.events) for f in features])
    lead = [{_stem(k) for k in f.lead_places} for f in features]
    named = [{_stem(k) for k in (*f.places, *f.entities)} for f in features]
    named_of_lead = (incidence(lead) @ incidence(named, like=lead).T).toarray()  # [i, j]: i's lead places j names
    own = named_of_lead < np.array([len(r) for r in lead])[:, None]
    people = [{k for k in f.actors if k.startswith("p:")} | set(f.lead_people) for f in features]
    apart &= own & own.T & ~meets(people, people)
    np.fill_diagonal(apart, False)
    return apart


_PERSON_STEM = 3  # letters two people's alias keys are compared by across languages ('leo' of 'Leo' and 'León')
_PLACE_STEM = 4  # letters a place key is compared by ('mich' of 'Mich.' and of 'Michigan')


def _stem(key: str) -> str:
    return key[:_PLACE_STEM]


def _meet_both(lead, every, meets) -> np.ndarray:
    """[i, j]: a lead place of i is named by j, or one of j's by i."""
    m = meets(lead, every)
    return m | m.T


def incidence(rows, like=None):
    """Reports x keys (0/1) as a sparse matrix; ``like``: the rows whose key columns to share."""
    from scipy.sparse import csr_matrix

    cols: dict[str, int] = {}
    for r in (like if like is not None else rows):
        for k in r:
            cols.setdefault(k, len(cols))
    pairs = [(i, cols[k]) for i, r in enumerate(rows) for k in r if k in cols]
    ri, ci = zip(*pairs) if pairs else ((), ())
    return csr_matrix((np.ones(len(ri)), (ri, ci)), shape=(len(rows), max(len(cols), 1)))


_LEAD_DAYS = 4  # lead days compared per report (a lead sentence rarely names more)


def leads_apart(leads: Sequence[Sequence[str]], days: float) -> np.ndarray:
    """[i, j]: reports i and j both date their lead, and no day of one is within ``days`` of a day of the other."""
    n = len(leads)
    table = np.full((n, _LEAD_DAYS), np.nan)
    for i, ds in enumerate(leads):
        nums = [x for x in (day_number(d) for d in ds) if x is not None][:_LEAD_DAYS]
        table[i, :len(nums)] = nums
    nearest = np.full((n, n), np.inf)
    for a in range(_LEAD_DAYS):  # the closest pair of days, one slot pair at a time: n x n arrays only
        for b in range(_LEAD_DAYS):
            gap = np.abs(table[:, a, None] - table[None, :, b])
            nearest = np.fmin(nearest, gap)  # (NaN: an empty slot, ignored)
    dated = ~np.isnan(table[:, 0])
    return dated[:, None] & dated[None, :] & (nearest > days)
