"""Entities within one report: NER mentions merged into actors, titles linked to their holders.

Order of work:
1. NER spans (PERSON ORG GPE LOC NORP FAC) trimmed: no leading 'the', no possessive 's, cut at line breaks;
2. spans merged, longest names first: same known country/organisation (DPRK = North Korea), same
   transliteration key (Zelensky = Zelenskyy), a lone surname to the one full name ending in it
   (the small model may tag that surname ORG: the type is voted, the entity is not split);
3. titles: "Ukrainian President Volodymyr Zelenskyy" and "the Russian ambassador, Oleksandr Matsegora"
   make holders; "the President" / "Ukrainian President" elsewhere join the one compatible holder.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import DEP, ENT_TYPE, IS_ALPHA, IS_TITLE, LOWER, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from crosscheck.analyze.aliases import known, known_as_written, known_place, name_tokens, surface
from crosscheck.analyze.entity_titles import (doc_text, is_title_word, past_long_title, title_after, with_ministries,
                                             without_portfolio)
from crosscheck.analyze.portfolios import (after_titled_portfolio, beside_place_kind,
                                          name_after_portfolio, names_a_place, writes_articles)
from crosscheck.model import Entity, Mention

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
TITLE_HEADS = frozenset(
    """president vice-president premier chancellor minister secretary ambassador envoy spokesman
    spokeswoman spokesperson governor mayor senator congressman congresswoman general commander chief
    leader king queen pope director chairman chairwoman ceo adviser advisor colonel admiral marshal
    prosecutor emperor prince princess emir sultan ombudsman commissioner speaker head collector magistrate
    superintendent judge sheriff inspector cm pm mp mla""".split()
)
# titles that are part of the name they go with ('Pope Francis', 'King Charles', 'Prince Harry')
_NAME_TITLES = frozenset("king queen pope emperor prince princess emir sultan".split())
_NOT_NAMES = frozenset(
    "executive officer operating financial justice staff council committee ministry office house department "
    "party union court affairs general".split()
)
_PLURAL_ACRONYM, _EDGE_TOKENS = re.compile(r"^[A-Z]{2,}s$"), {"the", "The", "'s", "\u2019s", "'", "\u2019"}
Token.set_extension("cued_type", default=None, force=True)  # a type the words beside the name give ('the town of X')


@dataclass
class LocalEntities:
    """Entities and mentions of one report, plus token -> entity key for the claim finder."""

    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    by_token: dict[int, str] = field(default_factory=dict)

    def key_of(self, tokens) -> str | None:
        """The entity most tokens of ``tokens`` belong to (None if none)."""
        keys = Counter(self.by_token[t.i] for t in tokens if t.i in self.by_token)
        return keys.most_common(1)[0][0] if keys else None

    def entity(self, key: str | None) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)


class _Candidates:
    """Token positions the passes below look at, picked on integer arrays (no Token objects made)."""

    def __init__(self, sdoc: Doc):
        lower, pos, dep, ent, title, alpha = zip(*sdoc.to_array([LOWER, POS, DEP, ENT_TYPE, IS_TITLE, IS_ALPHA]).tolist()) if len(sdoc) else ((),) * 6
        titles = _hashes(TITLE_HEADS)
        propn, noun, pobj = get_string_id("PROPN"), get_string_id("NOUN"), get_string_id("pobj")
        self.titles = [i for i, w in enumerate(lower) if w in titles]
        self.places = [i for i, (p, d, e) in enumerate(zip(pos, dep, ent)) if p == propn and d == pobj and not e]
        self.names = [i for i, (p, t, a) in enumerate(zip(pos, title, alpha)) if t and a and (p == propn or p == noun)]


def _hashes(words) -> frozenset[int]:
    return _HASHES.get(id(words)) or _HASHES.setdefault(id(words), frozenset(get_string_id(w) for w in words))


_HASHES: dict[int, frozenset[int]] = {}


@dataclass
class _Cluster:
    tokens: tuple[str, ...]
    known_name: str | None = None
    known_type: str | None = None
    spans: list[tuple[Span, str]] = field(default_factory=list)  # (span, label)


def _trim(span: Span) -> Span | None:
    doc = span.doc
    start, end = span.start, span.end
    for i in range(start, end):  # cut at the first line break or spaced dash ('Esther Williams - Esther ...')
        if "\n" in doc[i].text or (i < end - 1 and "\n" in doc[i].whitespace_):
            end = i if "\n" in doc[i].text else i + 1
            break
        if i > start and doc[i].text in ("-", "\u2013", "\u2014", "|") and doc[i - 1].whitespace_:
            end = i
            break
    while start < end and (doc[start].text in _EDGE_TOKENS or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_TOKENS or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None
    return doc[start:end]


_COMMAS = frozenset((",", "\uff0c", "\u060c"))
_ELIDED = re.compile(r"^\w{1,5}['\u2019](?=\w)")  # an elided article or preposition: L'accordo, dell'aeroporto, d'Europe


def _capital(tok: Token) -> bool:
    """The token starts with a capital or a digit, an elided article before it aside ("L'Airbus")."""
    word = _ELIDED.sub("", tok.text)
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def foreign_span(span: Span, label: str, stops: frozenset[str], calendar: frozenset[str] = frozenset(),
                 particles: frozenset[str] = frozenset()) -> Span | None:
    """A span the English NER tagged in another language's text, cut to its name.

    * The function word opening the sentence is dropped ('El Congreso aprobó'); not 'en Los Ángeles', nor a
      name the gazetteers know. So is a weekday of ``calendar`` opening the span ('am Samstag Tausende
      Menschen', 'am Montag Anna Keller'). A span starting in lower case stays out, as ``_usable`` keeps it
      ('dem Unfall' is no name in German).
    * It ends at a comma, and before the first word in lower case that is not a function word ('Steve ha annunciato' ->
      'Steve'; 'de', 'van', 'della' between names stay: 'República de Chile'); trailing function words go.
    * None when no capitalised word is left ('El acuerdo permite', 'Hij kondigde', 'Los pasajeros'), or when
      what is left is one word opening the sentence of a span that ran on into lower case and the NER did
      not call it a person ('Gracias al uso de materiales': 'Gracias').
    * A person's name keeps the capitalised surname particles (``particles``) that open it ('De Wit zei', not 'Wit';
      'minister Van der Berg', which the NER read as two names, 'Van der' and 'Berg').
    """
    doc = span.doc
    if known(surface(span.text)) is not None:
        return span
    start, end = span.start, span.end
    while start < end and doc[start].lower_ in stops and doc[start].is_sent_start and \
            not (label == "PERSON" and _particles_then_name(doc, start, particles) is not None):
        start += 1
    while start < end - 1 and doc[start].lower_ in calendar:
        start += 1
    for i in range(start, end):
        if not _capital(doc[i]) and doc[i].lower_ not in stops and not doc[i].is_punct or doc[i].text in _COMMAS:
            end = i  # a comma ends a name: 'Marek Dunai, Orlov' is an apposition and the next name
            break
    while end > start and (doc[end - 1].lower_ in stops or doc[end - 1].is_punct):
        end -= 1
    if end <= start or not _capital(doc[start]):
        return None
    if end - start == 1 and doc[start].is_sent_start and end < span.end and label != "PERSON":
        return None
    if label == "PERSON" and particles:
        start, end = _with_particles(doc, start, end, particles)
    if label == "PERSON" and end == span.end:
        # the English NER ends a foreign name early ('Tomas' of 'El líder Tomas Reyl negó'): the capitalised
        # words right after it, up to two, that no other entity holds and no function word or month is
        while end < len(doc) and end - span.end < 2 and _capital(doc[end]) and doc[end].is_alpha \
                and not doc[end].is_sent_start and not doc[end].ent_type_ and doc[end].lower_ not in stops \
                and doc[end].lower_ not in _CALENDAR and doc[end].pos_ == "PROPN":
            end += 1
    return doc[start:end]


def _particles_then_name(doc: Doc, i: int, particles: frozenset[str]) -> int | None:
    """Where a run of surname particles from token ``i`` ('van der', 'de la') ends in a capitalised word: the end of
    that word; else None."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].lower_ in particles:
        j += 1
    if j == i or j >= len(doc) or not doc[j].is_alpha or not doc[j].text[0].isupper() or doc[j].lower_ in particles:
        return None
    return j + 1


def _with_particles(doc: Doc, start: int, end: int, particles: frozenset[str]) -> tuple[int, int]:
    """A person's name [start, end) with the capitalised particles that open its surname: before it ('Van der' of a
    name read as 'Berg'), or ending it where the name's own surname was read apart ('Van der' + 'Berg')."""
    k = end
    while k > start and doc[k - 1].lower_ in particles:
        k -= 1
    if k < end and doc[k].text[0].isupper():
        after = _particles_then_name(doc, k, particles)
        if after is not None:
            end = after
    j = start
    while j > 0 and start - j < 3 and doc[j - 1].lower_ in particles:
        j -= 1
    if j < start and doc[j].text[0].isupper() and _particles_then_name(doc, j, particles) == start + 1:
        start = j
    return start, end


def _usable(text: str, label: str, latin: bool) -> bool:
    if len(text) < 2 or not any(ch.isalpha() for ch in text) or _PLURAL_ACRONYM.match(text):
        return False
    if not text[0].isupper() and not text[0].isdigit():
        return False
    if label == "PERSON" and len(text.split()) > 5:
        return False
    return latin or text[0].isupper()


def _raw_spans(sdoc: Doc, latin: bool, cands: _Candidates, stops: frozenset[str] = frozenset(),
               titles: frozenset[str] = TITLE_HEADS, kinds: frozenset[str] = frozenset(),
               places: frozenset[str] = frozenset(), calendar: frozenset[str] = frozenset(),
               particles: frozenset[str] = frozenset(), language: str | None = None) -> list[tuple[Span, str]]:
    out = []
    headlines: dict[int, bool] = {}
    lowered: set[str] | None = None  # words the report writes in lowercase somewhere
    for ent in sdoc.ents:
        if ent.label_ not in LABELS:
            continue
        span = _trim(ent)
        if span is not None and len(span) == 1 and span[0].is_sent_start and span[0].is_alpha:
            if lowered is None:
                lowered = {t.text for t in sdoc if t.is_alpha and t.text.islower()}
            if span[0].text.lower() in lowered and known(span[0].text) is None:
                continue  # 'Turnout was 68 percent' beside '... said turnout was higher': a word, no name
        long_title = False
        if span is not None and stops:
            span = foreign_span(span, ent.label_, stops, calendar, particles)
            past = past_long_title(span, titles) if span is not None else None
            long_title, span = past is not span, past
        if span is None:
            continue
        given = bool(stops) and ent.label_ == "GPE" and _given_name(span, stops)
        if given:  # 'A líder da oposição Marta Kovel disse': a first name read as a place, and the surname after it
            span = span.doc[span.start:span.end + 1]
        titled = False
        if stops:
            if len(span) > 1 and is_title_word(span[0].lower_, titles, True) and span[1].lower_ in stops:
                continue  # 'Sprecher der Stadt', 'Chef des Zivilschutzes': a role described, no name
            cut = _without_title(span, titles)
            span, titled = cut, long_title or cut is not span
            cut = without_portfolio(span, titles, language, titled)
            if cut is None:
                continue  # 'Saúde' of 'a ministra da Saúde, Ilse Varga': the portfolio alone is no name
            span, titled = cut, titled or cut is not span or after_titled_portfolio(
                doc_text(sdoc), span.start_char, language, lambda w: is_title_word(w, titles, True))
        if not stops and ent.label_ in ("ORG", "GPE", "LOC"):
            cut = _name_after_inner_title(span)
            span, titled = cut, cut is not span
        elif not stops and ent.label_ == "PERSON" and len(span) > 1 and span[0].text[:1].isupper() \
                and span[0].lower_ in TITLE_HEADS and span[0].lower_ not in _NAME_TITLES and span[-1].is_alpha:
            span = span[1:]  # 'Collector Meenakshi': the title the NER took in is no part of the name
        kinded = placed = False
        if kinds and not titled:  # 'Lebensmittelkonzern Kestrel Foods': the name after a compound naming its kind
            cut = _without_title(span, kinds)
            span, kinded = cut, cut is not span
        if places and not titled and not kinded:  # 'Stadt Dorvan', 'Osten Kestovias': a place after its kind
            cut = _without_title(span, places)
            span, placed = cut, cut is not span
        if stops and len(span) > 1 and known(span.text) is None and _genitive_country(span[-1].text):
            span = span[-1:]  # 'Vertreter Syriens': a noun and the country it is of
        text = surface(span.text)
        if not _usable(text, ent.label_, latin):
            continue
        label = "ORG" if kinded else "GPE" if placed else "PERSON" if given else ent.label_
        if stops and label != "GPE" and names_a_place(span.text, language):
            label = "LOC"  # 'Kalden-Tal' (a valley) read as a person
        if label == "FAC":  # 'near Vuhledar': a lone proper noun is a town; else a site
            label = "GPE" if len(span) == 1 and span[0].pos_ == "PROPN" else "LOC"
        hit = known(text)
        if hit is not None and label != "NORP":
            label = hit.type
        elif label != "NORP" and not titled and len(span) == 1 and \
                beside_place_kind(doc_text(sdoc), span.start_char, span.end_char, language):
            label = span[0]._.cued_type = "GPE"  # 'the town of Belisk', 'the Halvard town of Ostvik' read as organisations
        elif titled or label in ("ORG", "GPE", "LOC") and (_titled_name(span, titles, bool(stops)) or
                                                          title_after(span, titles, language)):
            label = "PERSON"  # 'Governor Ilse Marten' tagged an organisation: a capitalised title names a person
        elif len(span) > 1 and label != "PERSON" and _in_title_case_line(doc_text(sdoc), span.start_char, headlines):
            continue  # 'Officers Already Training Russian Soldiers' in a headline is no organisation
        out.append((span, label))
    out.extend(_places_after_prepositions(sdoc, latin, cands))
    out.extend(_names_after_titles(sdoc, latin, cands, titles, bool(stops), language))
    return with_ministries(sdoc, out, language) if language else out


def _given_name(span: Span, stops: frozenset[str]) -> bool:
    """A one-word place no gazetteer knows, followed by one capitalised word no reader tagged and then no other:
    a person's first name and surname ('Marta Kovel'), in another language's text the English NER reads."""
    doc = span.doc
    if len(span) != 1 or span.end >= len(doc) or known(span.text) is not None or known_place(span.text) is not None:
        return False
    nxt = doc[span.end]
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return nxt.is_alpha and nxt.is_title and not nxt.is_sent_start and not nxt.ent_type_ \
        and nxt.lower_ not in stops and (after is None or not after.is_title)


def _genitive_country(word: str) -> bool:  # a known country or organisation with a genitive ending ('Syriens')
    return known(word) is not None and known_as_written(word) is None


def _without_title(span: Span, titles: frozenset[str]) -> Span:
    """A span the English NER opened with a compound title of another language ('Ministeriumssprecher Lars
    Dahl'): the name after it, when one to three capitalised words follow."""
    if 2 <= len(span) <= 4 and is_title_word(span[0].lower_, titles, True) and \
            all(t.is_title and t.is_alpha for t in span[1:]):
        return span[1:]
    return span


_INITIAL = re.compile(r"^[A-Z]\.$")


def _name_after_inner_title(span: Span) -> Span:
    """'District Collector S. Meenakshi', 'CM Selvan' read as one organisation: the two or three proper nouns
    (initials among them) after a capitalised title word inside the span, or one after an abbreviated title, are a
    person's name (one alone after a word may be the body's: 'the Governor General Foundation')."""
    k = max((t.i for t in span[:-1] if t.text[:1].isupper() and t.lower_ in TITLE_HEADS), default=None)
    if k is None:
        return span
    rest = span.doc[k + 1:span.end]
    least = 1 if span.doc[k].text.isupper() else 2  # ('CM Selvan': an abbreviated title before one name)
    if k == span.start and least == 2 or not least <= len(rest) <= 3 or not rest[-1].is_alpha:
        return span  # (a title word opening the span is _titled_name's and title_after's)
    if all(t.pos_ == "PROPN" and (t.is_title and t.is_alpha or _INITIAL.match(t.text)) and t.lower_ not in TITLE_HEADS
           and t.lower_ not in _NOT_NAMES for t in rest):
        return rest
    return span


def _titled_name(span: Span, titles: frozenset[str], foreign: bool) -> bool:
    """The span is one to three capitalised words right after a title word ('Governor Ilse Marten', 'Minister
    Kral'; in another language any title of its list, written in lowercase as there: 'la gobernadora Ilse
    Marten'), none of them a word of an institution's name (in English, proper nouns by the parse)."""
    doc = span.doc
    if span.start == 0 or len(span) > 3:
        return False
    title = doc[span.start - 1]
    if not is_title_word(title.lower_, titles, foreign) or not (foreign or title.text[:1].isupper()):
        return False
    return all((foreign or t.pos_ == "PROPN") and t.is_title and t.is_alpha and t.lower_ not in titles
               and t.lower_ not in TITLE_HEADS and t.lower_ not in _NOT_NAMES for t in span)


def _names_after_titles(sdoc: Doc, latin: bool, cands: _Candidates, titles: frozenset[str] = TITLE_HEADS,
                        foreign: bool = False, language: str | None = None) -> list[tuple[Span, str]]:
    """'Defence Minister Ivo Kral': capitalised proper nouns right after a title that NER left untagged. In
    another language ('la governatrice Ilse Marten') the English parse's tags mean little: the capitalised
    words after any title of the language's list, lowercase title or not, tagged or not, past the portfolio
    that may stand between ('la ministre de la Santé Ilse Varga')."""
    if not latin:
        return []
    out = []
    n = len(sdoc)
    for i in ([t.i for t in sdoc if is_title_word(t.lower_, titles, True)] if foreign else cands.titles):
        tok = sdoc[i]
        if not foreign and not tok.text[:1].isupper():
            continue
        k = tok.i + 1  # the title's own further words ('Chief Executive Officer', 'Chief Financial Officer')
        at = name_after_portfolio(doc_text(sdoc), tok.idx + len(tok.text), language) if foreign else None
        if at is not None and (name := sdoc.char_span(at, at + 1, alignment_mode="expand")) is not None:
            k = name.start
        elif foreign and not writes_articles(language) and k + 1 < n and sdoc[k].is_lower and sdoc[k].is_alpha \
                and len(sdoc[k]) >= 3 and sdoc[k + 1].is_title:
            k += 1  # 'rzecznik komendy Jan Nowak': the body the title belongs to, in the genitive, then the name
        while not foreign and k < n and k - tok.i <= 3 and sdoc[k].is_title and \
                (sdoc[k].lower_ in _NOT_NAMES or sdoc[k].lower_ in TITLE_HEADS):
            k += 1
        j = k
        while j < n and j - k < 3 and (foreign or sdoc[j].pos_ == "PROPN" and not sdoc[j].ent_type_) \
                and sdoc[j].is_title and sdoc[j].is_alpha and sdoc[j].lower_ not in titles \
                and sdoc[j].lower_ not in TITLE_HEADS and sdoc[j].lower_ not in _NOT_NAMES:
            j += 1
        if j - k >= 1 and (foreign or j >= n or sdoc[j].pos_ != "PROPN"):
            out.append((sdoc[k:j], "PERSON"))
    return out


def _in_title_case_line(text: str, at: int, seen: dict[int, bool]) -> bool:
    """The line holding ``at`` is a headline: most words capitalised and no closing full stop."""
    start = text.rfind("\n", 0, at) + 1
    if start not in seen:
        end = text.find("\n", at)
        line = text[start : end if end >= 0 else len(text)].strip()
        words = [w for w in line.split() if w[:1].isalpha()]
        caps = sum(1 for w in words if w[0].isupper())
        seen[start] = len(words) >= 4 and caps >= 0.7 * len(words) and not line.endswith((".", "!", "?", '"'))
    return seen[start]


_LOCATIVE = frozenset("in near at from outside around towards toward into across".split())
_CALENDAR = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


def _places_after_prepositions(sdoc: Doc, latin: bool, cands: _Candidates) -> list[tuple[Span, str]]:
    """'killed near Donetsk': a lone proper noun after a place preposition that NER left untagged."""
    if not latin:
        return []
    out = []
    for i in cands.places:
        tok = sdoc[i]
        if tok.head.lower_ not in _LOCATIVE:
            continue
        if tok.head.i != tok.i - 1 or not tok.is_alpha or not tok.is_title or tok.lower_ in _CALENDAR:
            continue
        if any(c.dep_ in ("compound", "amod", "det", "poss", "prep") for c in tok.children):
            continue
        if tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].pos_ == "PROPN":
            continue
        hit = known(tok.text)
        out.append((sdoc[tok.i : tok.i + 1], hit.type if hit else "GPE"))
    return out


def _cluster(spans: list[tuple[Span, str]]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_tokens: dict[tuple[str, ...], _Cluster] = {}
    by_known: dict[str, _Cluster] = {}
    order = sorted(spans, key=lambda s: (-len(name_tokens(s[0].text)), s[0].start))
    for span, label in order:
        text = surface(span.text)
        hit = known(text) if label != "NORP" else None
        if hit is not None:
            cl = by_known.get(hit.name)
            if cl is None:
                cl = by_known[hit.name] = _Cluster(tokens=name_tokens(hit.name), known_name=hit.name, known_type=hit.type)
                clusters.append(cl)
            cl.spans.append((span, label))
            continue
        toks = name_tokens(text)
        if not toks:
            continue
        cl = by_tokens.get((label == "NORP",) + toks)  # NORP 'Korean' never merges with a name
        if cl is None and label != "NORP" and len(toks) == 1:
            owners = [c for c in clusters if len(c.tokens) > 1 and c.tokens[-1] == toks[0] and _is_person(c)]
            if len(owners) == 1:
                cl = owners[0]
        if cl is None and label == "PERSON" and len(toks) >= 2:  # ('Loretta Lynch': the one 'Loretta E. Lynch')
            owners = [c for c in clusters if len(c.tokens) > len(toks) and c.tokens[0] == toks[0]
                      and c.tokens[-1] == toks[-1] and _is_person(c)]
            if len(owners) == 1:
                cl = owners[0]
        if cl is None:
            cl = _Cluster(tokens=toks)
            clusters.append(cl)
        by_tokens.setdefault((label == "NORP",) + toks, cl)
        cl.spans.append((span, label))
    return clusters


def _is_person(cl: _Cluster) -> bool:
    return cl.known_name is None and any(lbl == "PERSON" for _, lbl in cl.spans)


def _vote(cl: _Cluster) -> str:
    if cl.known_type:
        return cl.known_type
    votes, full = Counter(), any(label == "PERSON" and len(span) > 1 for span, label in cl.spans)
    for span, label in cl.spans:  # a full name, or a type the words beside it give, outweighs a tagger's guess;
        if not (full and len(span) == 1 and label != "PERSON"):  # a person's lone surname guessed ORG: no vote
            votes[label] += 2 if (label == "PERSON" and len(span) > 1) or span[0]._.cued_type == label else 1
    return max(votes, key=lambda t: (votes[t], t == "PERSON", t))


def _name(cl: _Cluster) -> str:
    if cl.known_name:
        return cl.known_name
    forms = Counter(surface(s.text) for s, _ in cl.spans)
    return max(forms, key=lambda f: (len(f.split()), forms[f], -len(f)))


def _title_before(span: Span) -> tuple[Token, frozenset[str]] | None:
    """'Ukrainian President' in 'Ukrainian President Volodymyr Zelenskyy': (title token, modifiers)."""
    doc, j = span.doc, span.start - 1
    title, mods = None, set()
    # stay inside the span's sentence without Span.sent, which walks the whole document per call
    while j >= 0 and j >= span.start - 4 and not doc[j + 1].is_sent_start:
        tok = doc[j]
        low = tok.lower_
        if low in TITLE_HEADS and title is None:
            title = tok
        elif title is not None and (tok.ent_type_ in ("NORP", "GPE") or tok.dep_ in ("amod", "compound")) and tok.is_alpha:
            mods.add(low)
        elif tok.tag_ == "POS" and title is not None:
            pass
        else:
            break
        j -= 1
    return (title, frozenset(mods)) if title is not None else None


def _title_mods(tok: Token) -> frozenset[str]:
    return frozenset(c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "poss") and c.is_alpha and c.lower_ not in ("his", "her", "its", "their"))


def extract(sdoc: Doc, latin: bool = True, stops: frozenset[str] = frozenset(),
            titles: frozenset[str] = TITLE_HEADS, kinds: frozenset[str] = frozenset(),
            places: frozenset[str] = frozenset(), calendar: frozenset[str] = frozenset(),
            particles: frozenset[str] = frozenset(), language: str | None = None) -> LocalEntities:
    """Entities and mentions of one parsed report (``latin``: the text is written in Latin script; ``stops``: the
    function words of its language when that is not English, whose names the English NER read: ``foreign_span``;
    ``titles``: its language's one-word titles of people, lowercase: a name right after one is a person;
    ``kinds`` / ``places``: nouns naming an organisation / a place by its kind, cut from a name they open;
    ``calendar``: the language's weekday names, lowercase, cut from a name they open; ``particles``: the particles
    that open its surnames, kept with a person's name: foreign_span; ``language``: whose portfolios a minister's title
    may have before the name, analyze/portfolios.py)."""
    cands = _Candidates(sdoc)
    clusters = _cluster(_raw_spans(sdoc, latin, cands, stops, titles, kinds, places, calendar, particles, language))
    clusters.sort(key=lambda c: min(s.start for s, _ in c.spans))
    keyed: list[tuple[str, _Cluster]] = [(f"e{i + 1}", c) for i, c in enumerate(clusters)]
    by_token: dict[int, str] = {}
    mentions: list[Mention] = []
    surfaces: dict[str, set[str]] = {k: set() for k, _ in keyed}
    holders: list[tuple[str, frozenset[str], str, int]] = []  # (title, modifiers, entity key, token index)
    for key, cl in keyed:
        for span, label in cl.spans:
            for tok in span:
                by_token[tok.i] = key
            text = surface(span.text)
            surfaces[key].add(text)
            mentions.append(Mention(span.start_char, span.end_char, span.text, label, key))
            if label != "PERSON" and _vote(cl) != "PERSON":
                continue
            before = _title_before(span)
            if before is not None:
                holders.append((before[0].lower_, before[1], key, span.start))
            root = span.root
            if root.dep_ == "appos" and root.head.lower_ in TITLE_HEADS:
                holders.append((root.head.lower_, _title_mods(root.head), key, span.start))
            for child in root.children:
                if child.dep_ == "appos" and child.lower_ in TITLE_HEADS:
                    holders.append((child.lower_, _title_mods(child), key, span.start))
    mentions.extend(_bare_surnames(sdoc, keyed, by_token, surfaces, cands))
    mentions.extend(_title_mentions(sdoc, holders, by_token, surfaces, cands))
    for key, cl in keyed:  # 'Volodymyr Zelenskyi' also answers to 'Zelenskyi'
        if _vote(cl) == "PERSON" and not cl.known_name:
            for form in list(surfaces[key]):
                parts = form.split()
                if 2 <= len(parts) <= 3 and len(parts[-1]) >= 4 and parts[-1].isalpha() and parts[-1][0].isupper():
                    surfaces[key].add(parts[-1])
    entities = tuple(
        Entity(key=key, name=_name(cl), type=_vote(cl), aliases=tuple(sorted(surfaces[key])))
        for key, cl in keyed
    )
    mentions.sort(key=lambda m: m.start)
    return LocalEntities(entities=entities, mentions=tuple(mentions), by_token=by_token)


def _bare_surnames(sdoc: Doc, keyed, by_token: dict[int, str], surfaces: dict[str, set[str]], cands: _Candidates) -> list[Mention]:
    """Surnames NER missed ('Zelenskyy said' tagged as a common noun) -> the one full name ending in them, or the one
    person known by that one name alone ('Ek said C', then 'Ek's figures' untagged)."""
    owners: dict[str, list[str]] = {}
    for key, cl in keyed:
        if _vote(cl) == "PERSON":
            owners.setdefault(cl.tokens[-1], []).append(key)
    if not owners:
        return []
    out = []
    for i in cands.names:
        if i in by_token:
            continue
        tok = sdoc[i]
        toks = name_tokens(tok.text)
        keys = owners.get(toks[0]) if len(toks) == 1 else None
        if not keys or len(keys) != 1 or (tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].i in by_token):
            continue
        by_token[tok.i] = keys[0]
        surfaces[keys[0]].add(tok.text)
        out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON", keys[0]))
    return out


def _title_mentions(sdoc: Doc, holders, by_token: dict[int, str], surfaces: dict[str, set[str]], cands: _Candidates) -> list[Mention]:
    """'the President', 'Ukrainian President' -> the one holder of that title (with those modifiers)."""
    if not holders:
        return []
    out = []
    for i in cands.titles:
        tok = sdoc[i]
        low = tok.lower_
        if tok.i in by_token or tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
            continue
        nxt = sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None
        if nxt is not None and nxt.i in by_token or any(c.dep_ == "appos" and c.i in by_token for c in tok.children):
            continue  # a title prefix of a name, or a title in apposition to one: already a holder
        if tok.dep_ == "compound" or any(c.dep_ == "det" and c.lower_ in ("a", "an", "every", "any", "each") for c in tok.children):
            continue
        mods = _title_mods(tok)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        # an earlier holder of this title: 'the President' (any modifiers) or 'Ukrainian President' (same ones)
        owners = {k for t, m, k, at in holders if t == low and at < tok.i and (mods == m or (not mods and definite))}
        if len(owners) != 1:
            continue
        key = owners.pop()
        left = min([c.i for c in tok.children if c.dep_ in ("amod", "compound", "det") and c.i < tok.i] + [tok.i])
        span = sdoc[left : tok.i + 1]
        by_token[tok.i] = key
        form = surface(span.text)
        if form[:1].isupper():  # 'President' names the holder; a lower-case 'the director' stays a mention
            surfaces[key].add(form)
        out.append(Mention(span.start_char, span.end_char, span.text, "TITLE", key))
    return out
