"""Who speaks, outside English (analyze/claims_multi.py): the source named near a reporting verb, an entity,
a title with its name, the noun phrase opening the sentence, or a capitalised name; a name set off after a source
phrase and a document's publisher (read by the 'according to' forms of claims_according_multi.py); and the tidy
claim text.

Functions take the finder's state (claims_multi._State: ``text``, ``cues``, ``ents``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from crosscheck.analyze.aliases import known_place
from crosscheck.analyze.time_words import cldr, weekday_names
from crosscheck.denials import is_denial, referring
from crosscheck.textunits import WORD_CHAR, article_contractions, noun_articles, stop_words, word_count
from crosscheck.textunits import sentence_initial as _sentence_initial

_EDGE = " \t\n,;:\u2014\u2013-\u2026\u3001\uff0c\uff1a\u060c"
_QUOTE_CHARS = "\"'\u201c\u201d\u00ab\u00bb\u201e\u2039\u203a\u300c\u300d\u300e\u300f\u2018\u2019"
_CAPS = re.compile(r"(?<![\w])([A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f\u0400-\u040f][\w'\u2019-]+(?:\s+[A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f\u0400-\u040f][\w'\u2019-]+){0,3})")
_WORDS = re.compile(rf"{WORD_CHAR}+")  # (vowel signs too: 'उन्होंने' is one word)
_SPEAKER_TYPES = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3, "FAC": 4, "LOC": 4}


def _only_function_words(st, phrase: str | None) -> bool:
    words = [w.lower() for w in _WORDS.findall(phrase or "")]
    stops = stop_words(st.cues.lang)
    return bool(words) and bool(stops) and all(w in stops for w in words)


def _trim_source(st, phrase: str) -> str:
    """A long source phrase ends at the first function word after its first content word
    ('Bedrijfsstatistieken heeft ...' -> 'Bedrijfsstatistieken'; 'Apple Inc. de eigenaar van' -> 'Apple Inc.'), but for
    a publisher link going on to a noun (_of_a_noun) and a capitalised word inside a name ('La' of 'Castilla-La
    Mancha')."""
    stops = stop_words(st.cues.lang)
    words = list(_WORDS.finditer(phrase))
    if len(words) <= 4 or not stops:
        return phrase
    links = st.cues.publisher_links or frozenset()
    lows = [w.group(0).lower() for w in words]
    seen_content = False
    for i, (w, low) in enumerate(zip(words, lows)):
        if low not in stops or i and w.group(0)[:1].isupper():  # ('La' of 'Castilla-La Mancha')
            seen_content = True
        elif seen_content and not (low in links and _of_a_noun(lows[i + 1:i + 3], stops)):
            return phrase[:w.start()].rstrip(_EDGE)
    return phrase


def _of_a_noun(after: list[str], stops: frozenset[str]) -> bool:
    """The words after a publisher link are a noun, or an article and a noun: the link goes on with the source
    ('los servicios de emergencia de Castilla-La Mancha', 'le porte-parole de la préfecture'), not into a clause."""
    return bool(after) and (after[0] not in stops or len(after) > 1 and after[1] not in stops)


def _tidy(text: str) -> str | None:
    edged = " ".join(text.split()).strip(_EDGE)
    text = edged.strip(_EDGE + _QUOTE_CHARS)
    if any(ch in _QUOTE_CHARS for ch in text):
        text = edged  # '"Inaccettabile", ha detto X.': the opening mark closes inside; both stay
    if not text or not any(ch.isalnum() for ch in text):
        return None
    if text[0].islower():
        text = text[0].upper() + text[1:]
    return text


def _mentions_in(st, lo: int, hi: int):
    return [m for m in st.ents.mentions if lo <= m.start and m.end <= hi and m.label != "PRON"]


def name_at(st, a: int, b: int, types=None) -> bool:
    """text[a:b] is a name: a mention (of ``types``) opening it and capitalised words after it ('Irena' found,
    'Sola' not)."""
    first = next((x for x in _mentions_in(st, a, b) if x.start == a), None)
    if first is None or _CAPS.fullmatch(st.text[first.end:b].strip() or "Name") is None:
        return False
    ent = st.ents.entity(first.entity)
    return types is None or (ent.type if ent else first.label) in types


def apposition_before(st, s: int, k: int) -> bool:
    """text[s:k] is a short noun phrase and a name set off by a comma ('El abogado de Orlov, Marek Dunai'): the
    subject of the verb after it, not a clause it closes."""
    j = max(st.text.rfind(",", s, k), st.text.rfind("\uff0c", s, k))
    if j < 0 or word_count(st.text[s:j]) > 8:  # ('Le premier opérateur hospitalier du Norland, Velora Health')
        return False
    a = j + 1 + len(st.text[j + 1:k]) - len(st.text[j + 1:k].lstrip())
    return name_at(st, a, len(st.text[:k].rstrip()))




def _elided(text: str, word: re.Match) -> bool:
    """The word is elided before the next ("l'", "dell'", "d’")."""
    return word.end() < len(text) and text[word.end()] in "'\u2019"


def _capital_word(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _names_someone(st, lo: int, hi: int) -> bool:
    """The source phrase text[lo:hi] names its source: a person, or a name opening it ('Según Pedro Sánchez'); a role
    of an organisation or a place ('a ministra da Saúde', 'le ministre de l'Intérieur') names no one."""
    found = _mentions_in(st, lo, hi)
    if not found:
        return False
    if any((st.ents.entity(x.entity).type if st.ents.entity(x.entity) else x.label) == "PERSON" for x in found):
        return True
    words = [w for w in _WORDS.findall(st.text[lo:hi]) if w.lower() not in stop_words(st.cues.lang)]
    return not words or not words[0].islower()


def appositive_name(st, src: tuple[int, int], lo: int, e: int) -> int | None:
    """'Selon son avocat, Marek Dunai, C': a name set off by commas right after a source phrase that names no one
    (``src``; ``lo`` just after its comma) names the source; the end of the name, or None. The content after it
    keeps three words and does not open with a name going on as a list ('Según la policía, Dorvan, Selka y Velmar
    registraron ...')."""
    m = re.match(r"\s*([^,\uff0c]+?)\s*[,\uff0c]", st.text[lo:e])
    if m is None or word_count(st.text[lo + m.end():e]) < 3 or _names_someone(st, *src):
        return None
    a, b = lo + m.start(1), lo + m.end(1)
    if not name_at(st, a, b, ("PERSON", "ORG")):
        return None
    rest = lo + m.end()
    after = [x for x in _mentions_in(st, rest, e)]
    if after and not st.text[rest:after[0].start].strip():
        gap = st.text[after[0].end:after[1].start] if len(after) > 1 else None
        if st.text[after[0].end:].lstrip().startswith((",", "\uff0c")) or \
                gap is not None and re.fullmatch(r"\s+\w{1,3}\s+", gap) and gap.strip().islower():
            return None
    return b


def _speaker_near(st, lo: int, hi: int, cs: int, ce: int) -> tuple[str | None, str | None]:
    """The source named in text[lo:hi] closest to the cue at [cs, ce): an entity, a title, a name."""
    cands = []
    mentions = _mentions_in(st, lo, hi)
    for k, m in enumerate(mentions):
        if cs <= m.start < ce or m.start >= ce and (_told_elsewhere(st, ce, m.start) or _spoken_to(st, ce, m.start)):
            continue
        if k + 1 < len(mentions) and (_title_compound(st, m.end, mentions[k + 1].start)
                                      or _holder_after(st, lo, m, mentions[k + 1])):
            continue  # 'Norvair-Sprecherin Hanne Brekke': the body opens the title of the person named after it
        ent = st.ents.entity(m.entity)
        rank = _SPEAKER_TYPES.get(ent.type if ent else m.label, 5)
        dist = cs - m.end if m.end <= cs else m.start - ce
        cands.append((rank, dist, m))
    title = _title_phrase(st, lo, hi, cs, ce)
    if cands:
        cands.sort(key=lambda c: (c[0] > 1, c[1], c[0]))
        m = cands[0][2]
        if title is not None and cands[0][0] > 1:  # 'el ministro de Exteriores de Rusia': the title speaks
            return None, title
        if title is not None and m.start >= ce and st.text.find(title, lo, cs) >= 0 and \
                any(w.lower() in stop_words(st.cues.lang) for w in _WORDS.findall(st.text[ce:m.start])[-1:]):
            return None, title  # 'El gobernador dijo en Telegram que': the medium after a preposition is no speaker
        body = (_body_of_a_place(st, lo, m.start, m.end, cs) or _body_after_cue(st, ce, m.start, m.end)) \
            if cands[0][0] >= _SPEAKER_TYPES["GPE"] else None
        if body is not None:  # 'Міністерство закордонних справ Норландії заперечило': the ministry speaks
            return None, body
        ent = st.ents.entity(m.entity)
        person = (ent.type if ent else m.label) == "PERSON"
        role = _role_before(st, lo, m.start) if not person else None
        end = _complement_before_cue(st, m.end if person else _name_runs_past(st, m.end, hi), cs) \
            if not person or " " not in st.text[m.start:m.end].strip() else m.end  # ('Správa' read as a person)
        return m.entity, " ".join(st.text[m.start if role is None else role:end].split())
    if title is not None:
        return None, title
    opening = _opening_noun_phrase(st, lo, min(hi, cs))
    if opening is not None:  # every noun is capitalised: the nearest capital is any noun ('einen Bericht')
        return None, opening
    for m in sorted(_CAPS.finditer(st.text, lo, hi), key=lambda m: min(abs(m.start() - ce), abs(cs - m.end()))):
        if _sentence_initial(st.text, m.start()) or cs <= m.start() < ce or _only_function_words(st, m.group(1)) \
                or m.start() >= ce and (_told_elsewhere(st, ce, m.start()) or _spoken_to(st, ce, m.start(1))) \
                or _adverbial(st, m.start(1), m.group(1)):
            continue  # a sentence-initial capital marks any word
        body = (_body_of_a_place(st, lo, m.start(1), m.end(1), cs) or _body_after_cue(st, ce, m.start(1), m.end(1))) \
            if _a_place_of(st, m.start(1), m.group(1)) else None
        return None, body or m.group(1)
    return None, None


def _title_compound(st, end: int, nxt: int) -> bool:
    """A name ending at ``end`` opens a hyphenated title ('Norvair-Sprecherin ', 'Kreml-Sprecher ') that runs to the
    next name at ``nxt``."""
    m = re.fullmatch(r"-(\w+)\s+", st.text[end:nxt])
    word = m.group(1).lower() if m else ""
    return bool(word) and any(word == t or word.endswith(t) and len(t) >= 5 for t in st.cues.title_words)


def _holder_after(st, lo: int, m, nxt) -> bool:
    """The body named by ``m`` closes a title and the person named right after it holds that title ('o porta-voz da
    OMS Pieter Vandam'): the person speaks."""
    ent, person = st.ents.entity(m.entity), st.ents.entity(nxt.entity)
    return (ent.type if ent else m.label) != "PERSON" and (person.type if person else nxt.label) == "PERSON" and \
        not st.text[m.end:nxt.start].strip() and _role_before(st, lo, m.start) is not None


def _role_before(st, lo: int, start: int) -> int | None:
    """Where a title right before a name opens, joined to it by function words alone ('porta-voz do Ministério do
    Interior', 'portavoz del Ministerio'): the source is the role of that body, as English 'a spokesman for the
    Interior Ministry' keeps it; None where no title stands there."""
    if st.cues.titles is None or st.cues.substring:
        return None
    stops = stop_words(st.cues.lang)
    for m in st.cues.titles.finditer(st.text, max(lo, start - 40), start):
        gap = st.text[m.end():start]
        words = _WORDS.findall(gap)
        if m.end() <= start and re.fullmatch(r"[\w\s'\u2019]*", gap) and len(words) <= 2 and \
                all(w.lower() in stops for w in words):
            return m.start()
    return None


_RUNS_ON = re.compile(r"(?:[ \u00a0][A-Z\u00c0-\u00de][\w'\u2019-]+)+(?:[ \u00a0]\([A-Z]{2,}\))?")


def _name_runs_past(st, end: int, hi: int) -> int:
    """Where an organisation's name the NER cut short ends: over the capitalised words right after it, and the
    acronym in brackets ('kata Badan Nasional' + ' Penanggulangan Bencana (BNPB)'), up to ``hi``; not over a weekday
    or a month, nor where every noun is capitalised ('teilte das Ministerium Journalisten mit')."""
    m = _RUNS_ON.match(st.text, end, hi) if not noun_articles(st.cues.lang) else None
    if m is None or _adverbial(st, end + 1, m.group(0).split()[0]):
        return end
    return m.end()


def _complement_before_cue(st, end: int, cs: int) -> int:
    """Where a body's name the NER cut at its head ends when one or two words in lower case run from it to the cue,
    none a function word, a date or a figure: the words that complete it ('Správa přístavu uvedla', 'Mluvčí policie
    uvedl': the port's administration, the police spokesman)."""
    words = list(_WORDS.finditer(st.text, end, cs))
    if not 1 <= len(words) <= 2 or st.text[end:cs].strip(" ") != " ".join(w.group(0) for w in words) or \
            any(not w.group(0).isalpha() or not w.group(0).islower() or w.group(0) in stop_words(st.cues.lang)
                or _in_fact(st, w.start()) for w in words):
        return end
    return words[-1].end()


def _in_fact(st, pos: int) -> bool:
    k = bisect_left(st.facts, (pos + 1,)) - 1
    return k >= 0 and st.facts[k][0] <= pos < st.facts[k][1]


def _spoken_to(st, ce: int, start: int) -> bool:
    """The name at ``start``, after the cue ending at ``ce``, is whom the source spoke to: a preposition of the
    language's 'addressee' list, perhaps with a noun naming an outlet, stands right before it ('dijo a EFE el
    alcalde', 'ha detto all'Ansa', 'disse à agência Lusa', 'zei de burgemeester tegen NOS')."""
    if not st.cues.addressee:
        return False
    words = " ".join(st.text[ce:start].lower().replace("\u2019", "'").split()).split(" ")
    if words and words[-1] in st.cues.media:
        words = words[:-1]
    return " ".join(words[-1:]) in st.cues.addressee or " ".join(words[-2:]) in st.cues.addressee


def _adverbial(st, start: int, word: str) -> bool:
    """A capitalised word that says when or where, not who: a weekday or month of the language (CLDR), or, where
    nouns are capitalised, a noun after a preposition fused with an article ('wie das Unternehmen am Mittwoch
    mitteilte': the company spoke, not 'Mittwoch')."""
    table = cldr(st.cues.lang) or {}
    if word.split()[0].lower() in table.get("weekdays", {}) or word.split()[0].lower() in table.get("months", {}):
        return True
    before = _WORDS.findall(st.text[max(0, start - 12):start])
    return bool(before) and before[-1].lower() in article_contractions(st.cues.lang)


def _a_place_of(st, start: int, word: str) -> bool:
    """A capitalised word no reader tagged is a place a body belongs to when a gazetteer knows it as a place or a
    function word ('de la', 'of the') puts it after the noun; right after a noun it is that noun's name ('el diario
    Valdor Times')."""
    before = _WORDS.findall(st.text[max(0, start - 20):start])
    return known_place(word) is not None or bool(before) and before[-1].lower() in stop_words(st.cues.lang)


OPENING_WORDS = 8  # words of the noun phrase opening a sentence up to the place it ends with


def _body_of_a_place(st, lo: int, start: int, end: int, cs: int) -> str | None:
    """The sentence opens with a noun phrase that ends with the place the source search found, right before the cue
    (a date may sit between): 'Міністерство закордонних справ Норландії у вівторок заперечило', 'Le ministère des
    Affaires étrangères de Norland a démenti'. The phrase is the source (the place, in the genitive or after 'de',
    only says whose body it is); None when anything else opens the sentence."""
    if end > cs or start <= lo:
        return None
    head = st.text[lo:start]
    words = _WORDS.findall(head)
    if not words or len(words) > OPENING_WORDS or re.search(r"[,;:\d\"«»“”„]", head) or not words[0][0].isupper():
        return None
    gap = st.text[end:cs]
    k = bisect_left(st.facts, (end, -1))
    if k < len(st.facts) and st.facts[k][0] < cs:  # a date between the place and the cue
        gap = st.text[end:st.facts[k][0]] + st.text[st.facts[k][1]:cs]
    if len(_WORDS.findall(gap)) > 2:
        return None
    return _tidy(st.text[lo:end].strip())


def _body_after_cue(st, ce: int, start: int, end: int) -> str | None:
    """Right after the cue, a noun phrase that ends with the place the source search found: 'C, сообщило министерство
    обороны Норландии', 'C, заявили в министерстве' aside (a preposition opens a place or a medium, no body). The
    phrase is the source (the place only says whose body it is); None when the words between the cue and the place
    are not a short noun phrase."""
    if start < ce:
        return None
    words = _WORDS.findall(st.text[ce:start])
    arts = noun_articles(st.cues.lang)
    while words and words[0].lower() in arts:
        words = words[1:]  # 'a annoncé le ministère de la Défense de Norland'
    if not words or len(words) > AFTER_CUE_WORDS or re.search(r"[,;:\d\"«»“”„()]", st.text[ce:start]) or \
            words[0].lower() in stop_words(st.cues.lang) or words[0][0].isupper():
        return None
    return _tidy(st.text[ce:end].strip())


AFTER_CUE_WORDS = 3  # words between a cue and the name after it beyond which, with no title among them, the
# name is where or to whom it was said ('dijo durante una visita a Cardel', 'a-t-elle déclaré lors d'une visite
# à Cardel'), not who said it ('a déclaré le ministre de l'Intérieur, Jean Dupont')


def _told_elsewhere(st, ce: int, start: int) -> bool:
    words = _WORDS.findall(st.text[ce:start])
    if len(words) <= AFTER_CUE_WORDS:
        return False
    return st.cues.titles is None or not st.cues.titles.search(st.text, ce, start)


SUBJECT_WORDS = 6  # the most words a sentence's opening phrase has to be read as its subject


def _subject(st, s: int, cs: int) -> str | None:
    """The words opening the sentence before its reporting verb, when they are short enough to be its
    subject ('La empresa operadora dijo que ...'); in ko/ja the phrase closed by a topic particle."""
    head = st.text[s:cs]
    if st.cues.topic:
        topic = "|".join(map(re.escape, st.cues.topic))
        m = re.search(r"(?:^|\s)(\S{1,12}?)(?:" + topic + r")\s*$", head)  # '... 당국은 밝혔다'
        if m is not None:
            return _tidy(m.group(1))
        m = re.match(r"\s*(\S[^,\uff0c\u3001\u3002]{0,24}?)(?:" + "|".join(map(re.escape, st.cues.topic)) +
                     r")(?:[\s,\u3001]|$|[0-9\uff10-\uff19])", head)  # ('X氏は3日、'): a date may follow
        return _tidy(m.group(1)) if m else None
    if st.cues.substring:  # no topic particle (zh): the words right before the verb, past a day ('X公司周五表示')
        m = re.search(r"([^\s\d,.;:!?\u3000-\u303f\uff01-\uff20]{2,16}?)(?:" + weekday_names(st.cues.lang) +
                      r"|\d{1,2}\s*[\u65e5\u53f7])?\s*$", head)
        return _tidy(m.group(1)) if m and not _only_function_words(st, m.group(1)) else None
    opening = _opening_noun_phrase(st, s, cs)
    if opening is not None:  # 'Das Ministerium hat dementiert': the subject, not its auxiliary
        return _tidy(opening)
    head = head.strip(_EDGE + _QUOTE_CHARS)
    if not head or re.search(r"[,;:\uff0c\u060c]", head) or not 1 <= word_count(head) <= SUBJECT_WORDS or _only_function_words(st, head):
        return None  # 'Hij zei', 'Ha anche confermato': a pronoun or adverb, the last speaker goes on
    return _tidy(head)


def _opening_noun_phrase(st, lo: int, hi: int) -> str | None:
    """In a language that capitalises every noun, the capitalised words opening text[lo:hi] with their article
    ('Das Verteidigungsministerium Norlands' of '... hat am Dienstag einen Bericht dementiert'): the subject."""
    arts = noun_articles(st.cues.lang)
    if not arts or hi <= lo:
        return None
    words = st.text[lo:hi].split()
    if len(words) > 2 and words[0].lower() in stop_words(st.cues.lang) and words[0].lower() not in arts and \
            words[1].lower() in arts:
        words = words[1:]  # 'Wie das Innenministerium mitteilte': the subordinator is no part of the subject
    out: list[str] = []
    for w in words:
        token = w.strip(_EDGE + _QUOTE_CHARS)
        if not out and token.lower() in arts:
            out.append(token)
        elif token[:1].isupper() and token.lower() not in stop_words(st.cues.lang) and token.isalpha():
            out.append(token)
        else:
            break
    return " ".join(out) if out and not (len(out) == 1 and out[0].lower() in arts) else None


def _title_phrase(st, lo: int, hi: int, cs: int, ce: int) -> str | None:
    if st.cues.titles is None:
        return None
    best = None
    for m in st.cues.titles.finditer(st.text, lo, hi):
        if cs <= m.start() < ce:
            continue
        dist = cs - m.end() if m.end() <= cs else m.start() - ce
        if best is None or dist < best[0]:
            best = (dist, m)
    if best is None:
        return None
    m = best[1]
    end = m.end()
    phrase = st.text[m.start():end]
    if st.cues.substring:  # '李明局長' / '리밍 소방국장' / '负责人李明': the name written against the title
        left = re.search(r"((?:[^\s\u306e\u3001\uff0c,\u3002\u300d]{1,6}\s)?[^\s\u306e\u3001\uff0c,\u3002\u300d]{0,6})$", st.text[lo:m.start()])
        right = st.text[end:cs] if end <= cs and cs - end <= 4 else ""
        return " ".join(((left.group(1) if left else "") + phrase + right).split())
    # the title and the name or qualifier right after it ('el ministro Lavrov', 'presidente de Ucrania')
    rest = st.text[end:(cs if m.end() <= cs else hi)]
    extra = _qualifier(st.cues.lang, st.cues.publisher_links).match(rest)
    if extra:
        phrase += extra.group(1)
    elif not any(ch.isupper() or ch.islower() for ch in phrase):  # no letter case (Arabic): the word after it ('رئيس البلدية')
        nxt = re.match(r"\s+(\S+)(?:\s+(\S+))?", rest)
        if nxt is not None and not (st.cues.that and st.cues.that.fullmatch(nxt.group(1))):
            phrase += " " + nxt.group(1).strip(_EDGE)
            if nxt.group(2) and nxt.group(1) in st.cues.title_links and not (
                    st.cues.that and st.cues.that.fullmatch(nxt.group(2))):
                phrase += " " + nxt.group(2).strip(_EDGE)  # 'المتحدث باسم الجيش': the body the title speaks for
    elif m.end() <= cs and not re.search(r"[^\w\s'\u2019-]", rest):
        # up to three words between the title and its verb qualify the title ('Mluvčí armády popřel', 'ο εκπρόσωπος
        # του στρατού αρνήθηκε'), not the function words before the verb ('El ministro también dijo')
        words = rest.split()
        stops = stop_words(st.cues.lang)
        while words and words[-1].lower() in stops:
            words.pop()
        if 1 <= len(words) <= QUALIFIER_WORDS and len(rest.split()) <= QUALIFIER_WORDS + 1:
            phrase += " " + " ".join(words)
    return " ".join(phrase.split())


QUALIFIER_WORDS = 3


@lru_cache(maxsize=64)
def _qualifier(lang: str | None, links: frozenset[str]) -> re.Pattern:
    """One to four capitalised words right after a title, each after a link word (the language's publisher links,
    data/claim_cues.json) and an article or an elided function word (spaCy's stop words): 'el ministro Lavrov',
    'presidente de Ucrania', 'porta-voz da OMS', 'portavoz de la OMS', "porte-parole de l'OMS"."""
    link = "|".join(re.escape(w) for w in sorted(links | {"de", "del", "di", "della", "van", "von", "der", "des", "du",
                                                           "of", "la", "el"}, key=len, reverse=True) if w[-1:].isalpha())
    stops = stop_words(lang)
    article = "|".join(re.escape(w) for w in sorted((w for w in stops if len(w) <= 3 and w.isalpha()), key=len, reverse=True))
    elided = "|".join(re.escape(w[:-1]) for w in sorted((w for w in stops | links if w[-1:] in "'\u2019" and len(w) <= 6),
                                                       key=len, reverse=True))
    tail = (rf"(?:(?:{link})\s+(?:(?:{article})\s+)?)?" if article else rf"(?:(?:{link})\s+)?") + \
        (rf"(?:(?:{elided})['\u2019])?" if elided else "")
    return re.compile(rf"^((?:\s+{tail}[A-Z\u00c0-\u00de\u0391-\u03a9\u0400-\u042f][\w'\u2019-]+){{1,4}})")


def _cited(st, lo: int, hi: int) -> tuple[int, str | None]:
    """'Die Valdor Times hatte unter Berufung auf zwei Beamte berichtet': (where the speaker's part of
    text[lo:hi] ends, the source it cites), or (hi, None) without a citing phrase (data/claim_cues.json 'citing')."""
    m = st.cues.citing.search(st.text, lo, hi) if st.cues.citing is not None else None
    if m is None or m.start() <= lo:
        return hi, None
    return m.start(), _tidy(st.text[m.end():hi].rstrip(" .!?\u2026\u3002"))  # no sentence's stop in a name


PERSON_REACH = 400  # characters back a verb without a subject looks for the person last named


def _noun_after_cue(st, ce: int, e: int) -> str | None:
    """The noun phrase right after a reporting verb that follows its content: an article (a function word)
    and the one to three words after it up to the next function word ('informou o banco em comunicado' ->
    'o banco'); None when the verb is followed by anything else ('dijo además', 'afirmou.')."""
    stops = stop_words(st.cues.lang)
    words = list(_WORDS.finditer(st.text, ce, e))
    low = [w.group(0).lower().rstrip(".") for w in words]
    named = next((k for k, w in enumerate(words[:4]) if w.group(0)[:1].isupper()), None)
    if named is not None and _spoken_to(st, ce, words[named].start()):  # 'dijo a Reuters un portavoz': past whom
        end = named
        while end + 1 < len(words) and words[end + 1].group(0)[:1].isupper():
            end += 1
        return _noun_after_cue(st, words[end].end(), e)
    outlet = next((k for k, w in enumerate(low[1:4], 1) if w in st.cues.media), None)
    if outlet is not None and low[0] in st.cues.addressee and all(w in stops for w in low[1:outlet]):
        return _noun_after_cue(st, words[outlet].end(), e)  # 'dijo a este periódico una pasajera': past whom
    if not st.cues.article_words and words and stops and low[0] not in stops and len(low[0]) >= 3 \
            and not re.search(r"[,;:.!?]", st.text[ce:words[0].start()]):
        # no articles ('C, сообщила пресс-служба суда'): the noun, up to two words after it, to a function word
        last = 0
        for i in range(1, min(len(words), 3)):
            if low[i] in stops or re.search(r"[,;:.!?]", st.text[words[last].end():words[i].start()]):
                break
            last = i
        return _tidy(st.text[words[0].start():words[last].end()].rstrip("."))
    if len(words) < 2 or not stops or (low[0] not in stops and low[0] + "'" not in stops) or low[1] in stops:
        return None  # (an elided article is a word of its own here: 'l' of "l'agenzia")
    if re.search(r"[,;:.!?]", st.text[ce:words[1].start()]):
        return None
    last, i = 1, 2
    while i < min(len(words), 7):
        if re.search(r"[,;:.!?]", st.text[words[last].end():words[i].start()]):
            break
        if low[i] in stops and not words[i].group(0)[:1].isupper():
            # 'el ministerio de Emergencias', "le ministère de l'Intérieur": a name goes on over 'de (la)'
            k = i + 1 + (i + 1 < len(words) and (low[i + 1] in stops or _elided(st.text, words[i + 1]))
                         and not words[i + 1].group(0)[:1].isupper())
            if last < 3 and k < len(words) and words[k].group(0)[:1].isupper() and \
                    not re.search(r"[,;:.!?]", st.text[words[i].end():words[k].start()]):
                last, i = k, k + 1
                continue
            break  # (a capital is a name, though spaCy lists the word: 'Ansa' of "l'agenzia Ansa")
        if i > 3:
            break
        last, i = i, i + 1
    if not any(len(w) >= 3 and w not in stops for w in low[1:last + 1]):
        return None  # 'lors d'une visite': a function word and an elided article name no one
    return _tidy(st.text[words[0].start():words[last].end()].rstrip("."))


def _past_dates(st, pos: int, e: int) -> int:
    """``pos`` moved past the dates and numbers the language's readers found right there, with a short word before
    them ('este martes', 'na terça-feira', 'am Dienstag')."""
    while True:
        lead = len(st.text[pos:e]) - len(st.text[pos:e].lstrip())
        prep = re.match(r"[^\W\d_]{1,3}\s+", st.text[pos + lead:e])
        for at in (pos + lead, pos + lead + (prep.end() if prep else 0)):
            k = bisect_left(st.facts, (at, -1))
            if k < len(st.facts) and st.facts[k][0] == at and st.facts[k][1] <= e:
                pos = st.facts[k][1]
                break
        else:
            return pos


def _place_of_a_noun(st, key: str | None, name: str | None, noun: str | None, ce: int, e: int) -> bool:
    """The source found after the cue is a place (or a capitalised word no one is named by) that ``noun``, the noun
    phrase right after the cue, is of ('le tribunal de Lisca', 'la policía de Madrid'): the noun is the source, the
    place only says which (_a_place_of: not 'la agencia Northwire', the agency's name)."""
    ent = st.ents.entity(key) if key is not None else None
    if (ent is not None and ent.type not in ("GPE", "LOC", "FAC")) or not name or noun is None:
        return False
    at = st.text.find(name, ce, e)
    return at >= 0 and word_count(st.text[ce:at]) <= 4 and _a_place_of(st, at, name)


def _recent_or_person(st, s: int) -> tuple[str | None, str | None] | None:
    """Who a cue without a named subject ('ha aggiunto', 'según dijo') belongs to: the last speaker credited,
    else the person named last before ``s`` in the previous sentences (the subject such verbs leave out)."""
    recent = st.recent()
    if recent is not None:
        return recent.key, recent.text
    for m in reversed(_mentions_in(st, max(0, s - PERSON_REACH), s)):
        ent = st.ents.entity(m.entity)
        if (ent.type if ent else m.label) == "PERSON":
            return m.entity, ent.name if ent else " ".join(st.text[m.start:m.end].split())
    return None


def _points_back(st, s: int, cs: int, ce: int, e: int, cue: str) -> tuple[int, int] | None:
    """The words with which a denial ending its sentence points back to the claim before ('De kiescommissie
    ontkende dat.', 'La comisión lo negó.': data/denial_cues.json 'referring'), after the cue or, a pronoun, right
    before it or against it ("l'a démenti")."""
    if not is_denial(cue, st.cues.lang):
        return None
    rest = st.text[ce:e]
    after = rest.strip(_EDGE + ".!?")
    if after:
        at = ce + rest.index(after)
        return (at, at + len(after)) if referring(after, st.cues.lang) else None
    words = st.text[s:cs].split()
    if len(words) > 1 and referring(words[-1], st.cues.lang):  # 'lo negó', 'lo ha smentito'
        at = st.text.rindex(words[-1], s, cs)
        return at, at + len(words[-1])
    clitic = re.match(r"\w+['\u2019]", st.text[cs:ce])  # "l'a démenti": the pronoun written against the verb
    if clitic is not None and referring(clitic.group(0), st.cues.lang):
        return cs, cs + clitic.end()
    return None


def _particle(c, text: str, lo: int, hi: int) -> int:
    """Characters of the separable verb particle right after a cue at ``lo`` ('an' of 'kündigte an, C'), else 0."""
    if c.particles is None:
        return 0
    m = c.particles.match(text, lo + len(text[lo:hi]) - len(text[lo:hi].lstrip()), hi)
    return m.end() - lo if m else 0
