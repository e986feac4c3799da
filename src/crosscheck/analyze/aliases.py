"""Names across spellings: normalisation, known countries/organisations, and linking entities across reports.

``link(pairs)`` turns (document id, local Entity) pairs into one global Entity per real-world actor:
1. known names (pycountry countries + the curated table in ``crosscheck/data/aliases.json`` + country
   names in every language crosscheck reads, from CLDR through babel: 북한 / КНДР / Nordkorea /
   Corea del Norte) map to their canonical form (DPRK -> North Korea; Russian Federation -> Russia);
   places map through GeoNames' names in those languages (``data/places.json``: Charkiw / Харків /
   하르키우 -> Kharkiv), for place-typed entities only;
2. people match on a transliteration-insensitive key of every name token (Zelenskyy = Zelensky =
   Zelenskyi; Kim Jong-un = Kim Jong Un; Oleksandr = Alexander); given names must agree token by
   token, so Kim Jong Un and Kim Yong-hyun stay apart;
3. a surname-only person joins the one full name with that surname (none or several: stays alone);
4. a person named only in Hangul, kana or an abjad (젤렌스키, ゼレンスキー, الراشد) joins the one Latin-script person
   whose surname has the same consonant skeleton (Zelensky);
5. other names match on their normalised key;
6. a person's name the small model tagged a place or an organisation joins that person
   (``_join_mistyped_people``: whole names always, one-word names when the person reading outweighs);
7. an organisation named by its first word alone joins the one organisation whose name opens with it
   (``_join_short_names``: Kestrel -> Kestrel Foods);
8. an organisation named by an acronym joins the one organisation whose capitalised words it spells
   (``_join_acronyms``: USGS -> U.S. Geological Survey, MSF -> Médecins Sans Frontières).
Global ids are ``"ent-" + sha1(type group + canonical key)[:12]``: stable across runs.

Linking new reports without relinking the store: every rule above joins only entities that share an
alias key (``alias_keys``: a person's last name token and, for the Hangul/kana rule, the consonant
skeleton; other names their whole key), so ``neighbourhood`` gathers, through an ``AliasIndex`` (the
store's entity_keys), every stored entity that shares a key with the new ones, transitively; ``link`` of
that closed neighbourhood gives the same entities and links as ``link`` of the whole store.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from collections.abc import Iterable, Mapping
from typing import Protocol, Sequence

from anyascii import anyascii

from crosscheck.model import Entity, EntityLink, EntityLinking
from crosscheck.romanise import romanised

_APOS = re.compile(r"[\u2019\u2018'`´]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_ENDING = re.compile(r"(?:yy|yi|iy|ij|ii|yj|y)$")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])$")
_LEADING_THE = re.compile(r"^(?:the)\s+", re.I)

TYPE_GROUP = {"PERSON": "per", "GPE": "loc", "LOC": "loc", "FAC": "loc", "ORG": "org", "NORP": "norp"}


@lru_cache(maxsize=262144)
def surface(text: str) -> str:
    """A mention as a name: no possessive 's, no leading 'the', no edge punctuation, single spaces."""
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", text).strip(" ,.;:!?\"'()[]{}\u201c\u201d\u2018\u2019-\u2013\u2014")
    return _LEADING_THE.sub("", _elided().sub("", text))  # "l'Agence France-Presse": the Agence


@lru_cache(maxsize=1)
def _elided() -> re.Pattern:  # data/aliases.json 'elided_articles', with either apostrophe
    forms = sorted(_curated()["elided_articles"]["words"], key=len, reverse=True)
    return re.compile("^(?:" + "|".join(re.escape(w[:-1]) for w in forms) + ")['\u2019](?=[^\\W\\d_])")


@lru_cache(maxsize=262144)
def plain_key(text: str) -> str:
    """Lowercase ASCII words separated by single spaces ('Kim Jong-un' -> 'kim jong un'); a name in a language with
    a romanisation of its own is read with it first (data/aliases.json 'romanisation': Ганна Лінд -> Hanna Lind)."""
    text = romanised(_APOS.sub("", surface(text)))
    text = _APOS.sub("", anyascii(text)).lower()  # anyascii writes the soft sign as ' (Зеленський)
    return _NON_WORD.sub(" ", text).strip()


def _token_key(tok: str) -> str:
    # nd/nt: Greek writes the d of a foreign name after a vowel as ντ, which reads nt ('Αντρέας' = Andreas)
    tok = tok.replace("kh", "h").replace("gh", "g").replace("x", "ks").replace("w", "v").replace("ou", "u")
    tok = tok.replace("nd", "nt")
    tok = _DOUBLE.sub(r"\1", tok)
    if len(tok) > 3:
        tok = _ENDING.sub("i", tok)
    return tok


@lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """Transliteration-insensitive tokens of a name: -yy/-yi/-iy/-y endings, doubled letters, kh/h, x/ks, w/v, nd/nt
    folded."""
    table = _given_names()
    return tuple(table.get(t, _token_key(t)) for t in plain_key(text).split())


def name_key(text: str) -> str:
    return " ".join(name_tokens(text))


@dataclass(frozen=True)
class KnownName:
    name: str
    type: str


@lru_cache(maxsize=1)
def _curated() -> dict:
    with resources.files("crosscheck.data").joinpath("aliases.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in _curated()["given_names"]:
        for name in group:
            table[name] = _token_key(group[0])
    return table


@lru_cache(maxsize=1)
def _acronyms() -> dict[str, KnownName]:
    """Upper-case abbreviations (US, DPRK, WHO): they match only when written in capitals."""
    table: dict[str, KnownName] = {}
    for entry in _curated()["entities"]:
        for n in [entry["name"], *entry["aliases"]]:
            bare = n.replace(".", "").replace("-", "")
            if bare.isupper() and bare.isalnum():
                table[bare] = KnownName(entry["name"], entry["type"])
    return table


@lru_cache(maxsize=1)
def _known() -> dict[str, KnownName]:
    """plain key -> canonical known name (curated table first, then pycountry); acronyms apart."""
    table: dict[str, KnownName] = {}
    import pycountry

    for country in pycountry.countries:
        names = [getattr(country, a, None) for a in ("common_name", "name", "official_name")]
        names = [n for n in names if n]
        canonical = names[0]
        if "," in canonical:  # "Korea, Republic of": leave to the curated table
            continue
        for n in names:
            table.setdefault(plain_key(n), KnownName(canonical, "GPE"))
    for entry in _curated()["entities"]:
        known = KnownName(entry["name"], entry["type"])
        for n in [entry["name"], *entry["aliases"]]:
            bare = n.replace(".", "").replace("-", "")
            if not (bare.isupper() and bare.isalnum()):
                table[plain_key(n)] = known
    for key, canonical in _cldr_countries().items():
        if key not in table:
            table[key] = table.get(plain_key(canonical)) or KnownName(canonical, "GPE")
    return table


COUNTRY_LANGUAGES = ("en", "de", "es", "it", "nl", "fr", "pt", "pl", "ru", "uk", "bg", "el", "tr", "ar", "ko", "ja", "zh", "id")


@lru_cache(maxsize=1)
def _cldr_countries() -> dict[str, str]:
    """plain key of a country's name in any of COUNTRY_LANGUAGES (CLDR, through babel) -> its English name."""
    from babel import Locale

    english = Locale("en").territories
    table: dict[str, str] = {}
    for lang in COUNTRY_LANGUAGES:
        try:
            names = Locale(lang).territories
        except Exception:  # a locale babel lacks
            continue
        for code, name in names.items():
            if len(code) == 2 and code.isalpha() and code in english and code not in ("EU", "EZ", "UN", "QO"):
                key = plain_key(name)
                if len(key) >= 3:
                    table.setdefault(key, english[code])
    return table


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """plain key of a place's name in any language of ``data/places.json`` (GeoNames) -> its English name."""
    with resources.files("crosscheck.data").joinpath("places.json").open(encoding="utf-8") as fh:
        places = json.load(fh)["places"]
    table: dict[str, str] = {}
    ambiguous: set[str] = set()
    for names in places.values():
        for n in names:
            key = plain_key(n)
            if len(key) < 3:
                continue
            if key in table and table[key] != names[0]:
                ambiguous.add(key)
            table.setdefault(key, names[0])
    for key in ambiguous:
        del table[key]
    return table


@lru_cache(maxsize=262144)
def known_place(text: str) -> KnownName | None:
    """The canonical place (GeoNames) this place name denotes in any language, if it is a known one."""
    name = _places().get(plain_key(text))
    return KnownName(name, "GPE") if name else None


@lru_cache(maxsize=262144)
def known(text: str) -> KnownName | None:
    """The canonical country/organisation this name denotes, if it is a known one, as written or with a genitive
    ending ('Frankreichs': data/aliases.json 'genitive_endings')."""
    hit = known_as_written(text)
    if hit is None and len(text) >= 5 and text[:1].isupper() and not text.isupper():
        for end in _genitive_endings():
            if text.endswith(end):
                hit = _known().get(plain_key(text[: -len(end)]))
                if hit is not None:
                    break
    return hit


def known_as_written(text: str) -> KnownName | None:
    """``known`` without the genitive endings."""
    bare = surface(text).replace(".", "").replace("-", "")
    if bare.isupper() and bare.isalnum():
        hit = _acronyms().get(bare)
        if hit is not None or bare.isascii():
            return hit  # a Latin acronym matches only the curated ones ('КНДР' is CLDR's own short name)
    return _known().get(plain_key(text))


@lru_cache(maxsize=None)
def language_words(key: str, language: str | None) -> frozenset[str]:
    """The words data/aliases.json lists under ``key`` for ``language`` ('surname_particles': those that open a
    family name; 'place_kind_of': those naming a place's kind before its name), lowercase."""
    return frozenset(_curated().get(key, {}).get((language or "")[:2].lower(), ()))


def surname_particles(language: str | None) -> frozenset[str]:
    return language_words("surname_particles", language)


def _genitive_endings() -> tuple[str, ...]:
    return tuple(sorted(_curated().get("genitive_endings", {}).get("endings", ()), key=len, reverse=True))


def entity_id(type_: str, key: str) -> str:
    raw = f"{TYPE_GROUP.get(type_, 'oth')}:{key}".encode("utf-8")
    return "ent-" + hashlib.sha1(raw).hexdigest()[:12]


def _group_key(ent: Entity) -> tuple[str, tuple[str, ...]]:
    """(type group, key tokens) of an entity, from its canonical known form when there is one."""
    return _group_key_of(ent.name, ent.type, tuple(ent.aliases))


@lru_cache(maxsize=262144)
def _group_key_of(name: str, type_: str, aliases: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    ent = Entity(key="", name=name, type=type_, aliases=aliases)
    hit = known(ent.name)
    if hit is None:
        for alias in ent.aliases:
            hit = known(alias)
            if hit:
                break
    if hit is None and ent.type in ("GPE", "LOC", "FAC"):
        hit = next((h for h in map(known_place, (ent.name, *ent.aliases)) if h is not None), None)
    if hit is not None:
        return TYPE_GROUP.get(hit.type, "oth"), ("=" + plain_key(hit.name),)
    toks = name_tokens(ent.name)
    if ent.type == "PERSON":  # 'Bashar al-Assad' is 'Bashar Assad' is 'Assad' (data/aliases.json 'name_articles')
        articles = _name_articles_of("words")
        toks = tuple(t for i, t in enumerate(toks) if i == len(toks) - 1 or t not in articles) or toks
    return TYPE_GROUP.get(ent.type, "oth"), toks


@lru_cache(maxsize=2)
def _name_articles_of(kind: str) -> frozenset[str]:
    return frozenset(_curated().get("name_articles", {}).get(kind, ()))


def link(entities: Sequence[tuple[str, Entity]], weights: Mapping[tuple[str, str], int] | None = None) -> EntityLinking:
    """One global entity (with ``id``) per real-world actor, and where each local entity went.

    ``weights``: (document, key) -> how many local entities this one stands for (stored entities of one
    cross-report entity with the same name, type and aliases read once, at their first place in
    (document, key) order: see ``neighbourhood``); the counts that vote (group sizes, names, types) weigh
    it so. Absent: 1."""
    weights = weights or {}
    weight = lambda d, e: weights.get((d, e.key), 1)  # noqa: E731
    groups: dict[tuple[str, tuple[str, ...]], list[tuple[str, Entity]]] = defaultdict(list)
    for doc_id, ent in entities:
        groups[_group_key(ent)].append((doc_id, ent))

    # surname-only people join the one multi-token person with that surname
    per_full = defaultdict(list)
    for (grp, toks) in groups:
        if grp == "per" and len(toks) > 1:
            per_full[toks[-1]].append((grp, toks))
    for key in [k for k in groups if k[0] == "per" and len(k[1]) == 1]:
        owners = per_full.get(key[1][0], [])
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))
    # full names that differ only by a middle name (same first and last token) join the shorter one
    for key in sorted([k for k in groups if k[0] == "per" and len(k[1]) > 2], key=lambda k: len(k[1])):
        short = ("per", (key[1][0], key[1][-1]))
        if short in groups and key in groups:
            groups[short].extend(groups.pop(key))

    _join_by_skeleton(groups)

    # the small model tags one name as a place in one report and an organisation in another:
    # the same non-person name is one actor, its type voted by _canonical
    same_name = defaultdict(list)
    for key in groups:
        if key[0] in ("loc", "org", "oth"):
            same_name[key[1]].append(key)
    for keys in same_name.values():
        if len(keys) > 1:
            keys.sort(key=lambda k: (-sum(weight(d, e) for d, e in groups[k]), k))
            for k in keys[1:]:
                groups[keys[0]].extend(groups.pop(k))

    _join_short_names(groups, weight)
    _join_acronyms(groups)
    _join_mistyped_people(groups, weight)

    out_entities: list[Entity] = []
    links: list[EntityLink] = []
    for key in sorted(groups, key=lambda k: (k[0], k[1])):
        members = groups[key]
        name, type_ = _canonical(members, weight)
        gid = entity_id(type_, " ".join(key[1]))
        aliases = sorted({a for _, e in members for a in (e.name, *e.aliases)} - {name})
        out_entities.append(Entity(key=gid, name=name, type=type_, aliases=tuple(aliases), id=gid))
        links.extend(EntityLink(document=d, key=e.key, entity=gid) for d, e in members)
    return EntityLinking(entities=tuple(out_entities), links=tuple(links))


def _join_short_names(groups: dict, weight=lambda d, e: 1) -> None:
    """An organisation named by its first word alone ('Kestrel' after 'Kestrel Foods', 'Volkswagen' after
    'Volkswagen Group') is the one organisation whose name opens with that word; none or several: it stays alone
    ('United' beside 'United Nations' and 'United Airlines'). So is a one-word 'person' of that word no full name
    claimed ('Kestrel will pay ...' read as a person), where the organisation outweighs it MISTYPE_RATIO times."""
    by_first: dict[str, list] = defaultdict(list)
    for key in groups:
        if key[0] != "org":
            continue
        if len(key[1]) > 1:
            by_first[key[1][0]].append(key)
        elif key[1] and key[1][0].startswith("=") and " " in key[1][0]:  # a known name ('United Nations') owns too
            by_first[key[1][0][1:].split()[0]].append(key)
    for key in [k for k in groups if k[0] == "org" and len(k[1]) == 1 and not k[1][0].startswith("=")]:
        owners = by_first.get(key[1][0], [])
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))
    for key in [k for k in groups if k[0] == "per" and len(k[1]) == 1]:
        owners = by_first.get(key[1][0], [])
        if len(owners) == 1 and owners[0] in groups and \
                _mass(groups, owners[0], weight) >= MISTYPE_RATIO * _mass(groups, key, weight):
            groups[owners[0]].extend(groups.pop(key))


_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")  # 'U.S.', 'U.N.': every letter counts
ACRONYM_MIN = 3  # letters an acronym needs to be joined (two-letter ones stand for too many names)


def initials(name: str) -> str:
    """The letters an acronym of ``name`` spells, lowercase: its capitalised words' first letters, a dotted
    abbreviation's every letter ('U.S. Geological Survey' -> 'usgs'); function words in lowercase are skipped
    ('Organization of the Petroleum Exporting Countries' -> 'opec')."""
    out = []
    for word in name.split():
        if _DOTTED.fullmatch(word):
            out.append(word.replace(".", ""))
        elif word[:1].isupper():
            out.append(word[0])
    return "".join(out).lower()


def acronym(name: str) -> str | None:
    """``name`` lowercase when it is written as an acronym (one word of ACRONYM_MIN to 8 capital letters)."""
    bare = name.replace(".", "")
    return bare.lower() if ACRONYM_MIN <= len(bare) <= 8 and bare.isalpha() and bare.isupper() and " " not in name \
        else None


def _join_acronyms(groups: dict) -> None:
    """An organisation named by an acronym ('USGS') joins the one organisation of two or more words whose
    initials spell it ('U.S. Geological Survey'); none or several: it stays alone."""
    spelt: dict[str, set] = defaultdict(set)
    for key, members in groups.items():
        if key[0] == "org" and len(key[1]) > 1:
            for _, e in members:
                letters = initials(e.name)
                if len(letters) >= ACRONYM_MIN:
                    spelt[letters].add(key)
    for key in [k for k in groups if k[0] == "org" and len(k[1]) == 1 and not k[1][0].startswith("=")]:
        letters = {acronym(e.name) for _, e in groups[key]} - {None}
        owners = {o for x in letters for o in spelt.get(x, ())}
        if len(owners) == 1:
            owner = owners.pop()
            if owner in groups:
                groups[owner].extend(groups.pop(key))


def _mass(groups: dict, key, weight) -> int:
    """How many local entities a group stands for (``link``'s weights)."""
    return sum(weight(d, e) for d, e in groups[key])


MISTYPE_RATIO = 2  # a one-word name is a person's mis-tagged elsewhere when one reading outweighs the other so


def _join_mistyped_people(groups: dict, weight) -> None:
    """The small model tags a person's name as a place or an organisation in some reports ('Tomas Reyval'
    GPE, 'Brisk' ORG for Ana Brisk): a non-person name of two or more words that a person group has too is
    that person (type voted by _canonical); a one-word name joins the person of that name, or the one full
    name with that surname, when the person readings outweigh the others MISTYPE_RATIO times, so a town
    and a person called Lincoln, each read once, stay apart, and a company named like a rare surname keeps
    its own entity."""
    def mass(key) -> int:
        return _mass(groups, key, weight)

    full_by_last: dict[str, list] = defaultdict(list)
    for key in groups:
        if key[0] == "per" and len(key[1]) > 1:
            full_by_last[key[1][-1]].append(key)
    for key in sorted(k for k in groups if k[0] in ("loc", "org", "oth") and k[1] and not k[1][0].startswith("=")):
        person = ("per", key[1])
        if person in groups:
            if len(key[1]) > 1 or max(mass(person), mass(key)) >= MISTYPE_RATIO * min(mass(person), mass(key)):
                groups[person].extend(groups.pop(key))
            continue
        owners = full_by_last.get(key[1][0], []) if len(key[1]) == 1 else []
        if len(owners) == 1 and mass(owners[0]) >= MISTYPE_RATIO * mass(key):
            groups[owners[0]].extend(groups.pop(key))


# scripts whose names meet Latin ones by their consonants alone (rule 4): Hangul and kana, and the abjads, which write
# few vowels (Arabic 'الراشد' is Rashid, Hebrew 'ורגה' Varga)
# Hangul, kana, Arabic, Hebrew and Devanagari: scripts whose transliteration keeps a name's consonants, not its vowels
_SKELETON_SCRIPTS = re.compile(r"[\uac00-\ud7af\u3040-\u30ff\u0600-\u06ff\u0590-\u05ff\u0900-\u097f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _by_skeleton(name: str) -> bool:
    """A name that meets the Latin-script person of its skeleton: written in a script whose transliteration keeps the
    consonants only, or in Cyrillic with no Latin letter ('Адам Кірш', Ukrainian for the Polish 'Adam Kirsz': sz
    and ш are one sound, no transliteration folds them)."""
    return bool(_SKELETON_SCRIPTS.search(name) or _CYRILLIC.search(name) and not _LATIN.search(name))
_EPENTHETIC = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])eu(?=[bcdfghjklmnpqrstvwxz]|$)")  # 스 in 젤렌스키: a vowel Hangul adds
_SKELETON = str.maketrans({"j": "s", "z": "s", "c": "k", "x": "s", "q": "k", "g": "k", "r": "l", "b": "p",
                           "f": "p", "v": "p", "w": "p", "d": "t"})


_LONG_VOWELS = re.compile(r"(?<=[\u0620-\u064a])[\u0648\u064a\u0649]")


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """The consonants of a name's last word, folded across transliterations (Zelensky, 젤렌스키, ゼレンスキー -> slnsk)."""
    last = name.split()[-1] if name.split() else ""
    for article in _name_articles_of("script"):  # Arabic 'الراشد': the article is no part of the name's consonants
        if last.startswith(article) and len(last) > len(article) + 1:
            name = last[len(article):]
    name = _LONG_VOWELS.sub("", name)  # 'فالون' (Fallon): waw and ya inside a word write its long vowels
    word = plain_key(name).split()[-1] if plain_key(name) else ""
    word = _EPENTHETIC.sub("", word).replace("sh", "s").replace("ch", "s").replace("ts", "s").replace("kh", "k").replace("th", "t")
    cons = re.sub(r"[aeiouyh]", "", word.translate(_SKELETON))
    return _DOUBLE.sub(r"\1", cons)


def _join_by_skeleton(groups: dict) -> None:
    """A person named only in Hangul, kana, Arabic, Hebrew, Devanagari or Cyrillic script joins the one
    Latin-script person of that skeleton."""
    latin: dict[str, list] = defaultdict(list)
    for key, members in groups.items():
        if key[0] == "per" and not all(_by_skeleton(e.name) for _, e in members):  # a Latin-script name among them
            sk = skeleton(members[0][1].name)
            if len(sk) >= 3:
                latin[sk].append(key)
    for key in [k for k in groups if k[0] == "per"]:
        members = groups.get(key)
        if not members or not all(_by_skeleton(e.name) for _, e in members):
            continue
        owners = latin.get(skeleton(members[0][1].name), [])
        if len(owners) == 1 and owners[0] != key:
            groups[owners[0]].extend(groups.pop(key))


def _canonical(members: list[tuple[str, Entity]], weight=lambda d, e: 1) -> tuple[str, str]:
    """Canonical name (known form, else the longest most frequent) and the voted type."""
    for _, e in members:
        hit = known(e.name)
        if hit:
            return hit.name, hit.type
    types: Counter = Counter()
    names: Counter = Counter()
    for d, e in members:
        types[e.type] += weight(d, e)
        names[e.name] += weight(d, e)
    name = max(names, key=lambda n: (len(n.split()), names[n], -len(n), n))
    type_ = max(types, key=lambda t: (types[t], t == "PERSON", t))
    return name, type_


# -- linking a neighbourhood: the entities new reports can join --------------------------------------
def alias_keys(ent: Entity) -> frozenset[str]:
    """The keys under which ``link`` can join this local entity with another: two entities no chain of
    shared keys connects are never joined (see the rules in the module docstring).

    p:<last token>  people: the surname rule and the middle-name rule join only the same last token (a
                    one-word place or organisation has it too: _join_mistyped_people);
    s:<skeleton>    a Latin/Cyrillic... person's skeleton, h:<skeleton> a Hangul/kana/abjad person's (rule 4);
    n:<tokens>      places, organisations, other names (their type is voted across groups of one key),
                    and people's whole names (a person's name tagged a place elsewhere);
    f:<first token> organisations: the first word of the name (rule 7);
    a:<letters>     organisations: the acronym a name is, or the one its initials spell (rule 8);
    k:<group>:<tokens>  the rest (nationalities): joined on their exact key only."""
    return _alias_keys(ent.name, ent.type, tuple(ent.aliases))


@lru_cache(maxsize=262144)
def _alias_keys(name: str, type_: str, aliases: tuple[str, ...]) -> frozenset[str]:
    ent = Entity(key="", name=name, type=type_, aliases=aliases)
    grp, toks = _group_key(ent)
    if grp == "per":
        keys = {"p:" + (toks[-1] if toks else ""), "n:" + " ".join(toks)}  # n: meets its name mis-tagged
        if len(toks) == 1:
            keys.add("f:" + toks[0])  # a one-word 'person' meets the organisation its word opens (rule 7)
        sk = skeleton(ent.name)
        if len(sk) >= 3:
            keys.add(("h:" if _by_skeleton(ent.name) else "s:") + sk)
        return frozenset(keys)
    if grp in ("loc", "org", "oth"):
        first = {"f:" + toks[0].lstrip("=").split()[0]} if grp == "org" and toks and toks[0].lstrip("=") else set()
        if grp == "org" and toks and not toks[0].startswith("="):  # a: an acronym meets the name it spells
            letters = acronym(name) if len(toks) == 1 else initials(name)
            if letters and len(letters) >= ACRONYM_MIN:
                first.add("a:" + letters)
        if len(toks) == 1 and not toks[0].startswith("="):  # p: meets the one person of that surname
            return frozenset({"n:" + toks[0], "p:" + toks[0], *first})
        return frozenset({"n:" + " ".join(toks), *first})  # f: an organisation's first word alone meets it
    return frozenset({f"k:{grp}:" + " ".join(toks)})


def _lookups(key: str) -> tuple[str, ...]:
    """Keys to look up for an entity's key: a Latin skeleton meets only Hangul/kana names of that skeleton,
    a Hangul/kana one every person of that skeleton (rule 4 counts the Latin owners)."""
    if key.startswith("s:"):
        return ("h:" + key[2:],)
    if key.startswith("h:"):
        return (key, "s:" + key[2:])
    return (key,)


class AliasIndex(Protocol):
    def linked_by_keys(self, keys: Iterable[str]) -> Iterable[tuple[str, Entity, int]]:
        """The stored local entities of every cross-report entity with one of ``keys`` (reports waiting to
        be linked left out): (document, Entity, n), one per cross-report entity and name, type and aliases,
        at the first (document, key) of the n local entities it stands for."""


def neighbourhood(seed: Iterable[tuple[str, Entity]], index: AliasIndex, known_keys: Iterable[str] = ()
                  ) -> tuple[list[tuple[str, Entity]], dict[tuple[str, str], int]]:
    """``seed`` (the local entities of new or revised reports) and every stored local entity linking can
    join with them, closed under shared alias keys, in (document, key) order, with their weights:
    ``link(members, weights)`` is the whole store's linking restricted to them (a stored entity read once
    stands for the n alike ones, which the whole-store link would have put in the same group).
    ``known_keys``: keys of the entities the seed's reports were linked to before (a revision drops names:
    the entities they held together are linked again)."""
    members: dict[tuple[str, str], Entity] = {}
    weights: dict[tuple[str, str], int] = {}
    todo: set[str] = set(known_keys)
    for doc_id, ent in seed:
        members[(doc_id, ent.key)] = ent
        todo |= alias_keys(ent)
    done: set[str] = set()
    asked: set[str] = set()
    while todo:
        done |= todo
        ask = {k for key in todo for k in _lookups(key)} - asked
        asked |= ask
        todo = set()
        if not ask:
            break
        for doc_id, ent, n in index.linked_by_keys(ask):
            if (doc_id, ent.key) not in members:
                members[(doc_id, ent.key)] = ent
                if n != 1:
                    weights[(doc_id, ent.key)] = n
                todo |= alias_keys(ent) - done
    return [(d, e) for (d, _), e in sorted(members.items(), key=lambda x: x[0])], weights


def keys_by_entity(linking: EntityLinking, members: Iterable[tuple[str, Entity]]) -> dict[str, frozenset[str]]:
    """Cross-report entity id -> the alias keys of its members (what the store's index keeps)."""
    of: Mapping[tuple[str, str], str] = {(ln.document, ln.key): ln.entity for ln in linking.links}
    out: dict[str, set[str]] = defaultdict(set)
    for doc_id, ent in members:
        gid = of.get((doc_id, ent.key))
        if gid is not None:
            out[gid] |= alias_keys(ent)
    return {gid: frozenset(keys) for gid, keys in out.items()}
