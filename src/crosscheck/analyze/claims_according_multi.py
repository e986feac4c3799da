"""The claims of a language's 'according to' forms, outside English (analyze/claims_multi.py): 'según X, C' / 'C,
segun X' / 'C1, volgens X, C2' / 'X 에 따르면 C', with a name set off after the source, a document's publisher, an
outlet relaying sources ('fonti citate dall'agenzia X', Arabic 'نقلت X عن Y قوله إن C'), a body of a place or an
organisation ('la policía de Tarsk'), and a subject telling its own act ('nach eigenen Angaben').

Functions take the finder's state (claims_multi._State: ``text``, ``cues``, ``ents``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from crosscheck.analyze.claims_sources_multi import (_CAPS, _EDGE, _QUOTE_CHARS, _WORDS, _capital_word,
                                                     _elided, _mentions_in, _only_function_words, _opening_noun_phrase,
                                                     _past_dates, _recent_or_person, _speaker_near, _tidy,
                                                     _trim_source, appositive_name)
from crosscheck.analyze.claims_roles_multi import TITLE_STEM, a_title
from crosscheck.analyze.time_words import cldr
from crosscheck.textunits import stop_words, word_count

_AFTER_SOURCE_WORDS = 6  # words of the source before a form that follows it ('Dem Bericht der Polizei zufolge')
_COMMA_END = re.compile(r"[,\uff0c\u3001\u060c(\u2014\u2013]\s*$")  # 'C1, volgens X, C2': the form opens a bracket


def after_form(c, text: str, s: int, e: int) -> re.Match | None:
    """The first form of ``c.after`` in text[s:e] (matched on that slice) that follows its source: a form that is
    also a plain preposition ('nach') only after one of its nouns within the source's last words ('den Angaben
    nach', 'Angaben der Polizei nach'; not 'die Suche nach Verschütteten')."""
    if c.after is None:
        return None
    sent = text[s:e]
    for m in c.after.finditer(sent):
        nouns = c.after_nouns.get(" ".join(m.group(0).lower().split()))
        source = re.split(r"[,;:\u2014\u2013]", sent[:m.start()])[-1].split()[-4:]
        if nouns is None or any(w.lower().strip(_EDGE + _QUOTE_CHARS) in nouns for w in source):
            return m
    return None


def according(st, s: int, e: int) -> bool:
    """'según X, C' / 'C, volgens X' / 'X 에 따르면 C': C credited to X (the language's 'according' forms)."""
    c = st.cues
    sent = st.text[s:e]
    if c.recent is not None and (m := c.recent.search(sent)) is not None:
        return _by_the_last_speaker(st, s, e, m)
    if c.before is not None:
        m = c.before.search(sent)
        if m is not None:
            src_lo = s + m.end()
            lead = len(st.text[src_lo:e]) - len(st.text[src_lo:e].lstrip())
            verb = c.cue.match(st.text, src_lo + lead) if c.cue is not None else None
            if verb is not None and verb.end() <= e:  # 'según informó la policía' / 'según dijo'
                src_lo = _past_dates(st, verb.end(), e)  # 'según informaron este martes los servicios'
                if not st.text[src_lo:e].strip(_EDGE + _QUOTE_CHARS + ".!?"):
                    who = _recent_or_person(st, s)
                    cue = " ".join(st.text[s + m.start():verb.end()].lower().split())
                    return who is not None and st.add(s, s + m.start(), (s, e), who[0], who[1], cue, "according_to")
            # (not a decimal comma or a clock's colon: 'Według sędziego X Morav przyjęła 1,2 mln euro')
            comma = re.search(r"(?!(?<=\d)[,:]\d)[,\uff0c\u3001\u060c:\uff1a]|\s[\u2014\u2013]\s", st.text[src_lo:e])
            src_hi = src_lo + comma.start() if comma else e
            whole_hi = src_hi  # (before a short phrase is cut from it: a relay named further on)
            publisher = publisher_of(st, src_lo, src_hi)  # 'selon un bilan publié par le ministère'
            initial = st.text[s:s + m.start()].strip(_EDGE + _QUOTE_CHARS) == ""
            if not initial and _said_that_before(st, s, s + m.start()):
                return False  # 'La campaña aseguró que, según su conteo, C': the verb's speaker says C (reported speech)
            # inside a clause ('hatte nach Angaben der Küstenwache 212 Menschen an Bord, als ...'), a comma further
            # on closes the clause: the source is a short phrase, as where no comma follows
            inside = not initial and _COMMA_END.search(st.text[s:s + m.start()]) is None
            if (comma is None or inside) and (initial or inside or word_count(st.text[src_lo:src_hi]) > 8):  # a short phrase
                words = list(re.finditer(r"\S+", st.text[src_lo:src_hi]))[:4]
                # a name right after the form, or after a word or two of its own ('Laut Innenminister Hans Weber'), not
                # one after the verb ('Enligt hans advokat kommer Orlov att överklaga': the lawyer says so)
                hit = next((x for x in _mentions_in(st, src_lo, src_hi)
                            if x.start - src_lo < 30 and word_count(st.text[src_lo:x.start]) <= 2), None)
                caps = _CAPS.match(st.text, src_lo + (len(st.text[src_lo:src_hi]) - len(st.text[src_lo:src_hi].lstrip())))
                if hit is not None:
                    src_hi = hit.end
                elif caps is not None and word_count(caps.group(0)) <= 3:  # 'Laut Polizei wurden ...'
                    src_hi = _goes_on_to(st, caps.end(), e) or caps.end()  # '... eines Sprechers der Feuerwehr'
                elif words and len(first := words[0].group(0).strip(_EDGE + ".,;:").lower()) > TITLE_STEM and \
                        a_title(st, first):
                    src_hi = src_lo + words[0].end()  # 'Według ministra koszt wyniesie ...': the title alone
                elif words:
                    src_hi = src_lo + words[min(1, len(words) - 1)].end()
                    src_hi = _goes_on_to(st, src_hi, e) or src_hi  # 'Volgens het ministerie van Binnenlandse Zaken is C'
                k = bisect_left(st.facts, (src_lo, -1))  # a figure after the name is the content's ('Küstenwache 212 Menschen')
                if k < len(st.facts) and st.facts[k][0] < src_hi and st.text[src_lo:st.facts[k][0]].strip():
                    src_hi = len(st.text[:st.facts[k][0]].rstrip())
                comma = None
                if publisher is not None:  # 'Laut einem Bericht des Gesundheitsministeriums sind ...'
                    src_hi = max(src_hi, publisher[1])
                src_hi = _past_closing_mark(st.text, src_lo, src_hi)  # 'nach einem Bericht der "Harbor Times" den'
            named = appositive_name(st, (src_lo, src_hi), src_hi + (comma.end() - comma.start()), e) \
                if initial and comma else None
            if named is not None:  # 'Según su abogado, Marek Dunai, C': the lawyer is Marek Dunai
                comma = re.search(r"[,\uff0c]", st.text[named:e])
                src_lo, src_hi = src_hi + 1, named
            chain: tuple[str, ...] = ()
            by = c.cited_by.search(st.text, src_lo, whole_hi) if c.cited_by is not None and named is None else None
            if by is not None and by.start() >= src_hi:  # 'selon un haut responsable de la défense cité par le X'
                src_hi = whole_hi
            relayed = _tidy(st.text[src_lo:by.start()]) if by is not None else None
            if relayed is not None and by.end() < src_hi:  # "secondo fonti citate dall'agenzia X": X relays its sources
                stops = stop_words(c.lang)  # ('secondo quanto riferito dall'agenzia X': X, and no one behind it)
                plain = all(w.lower() in stops for w in _WORDS.findall(relayed))
                chain, src_lo, publisher = (() if plain else (relayed,)), by.end(), None
            key, name = _speaker_near(st, src_lo, src_hi, src_lo, src_lo)
            if named is not None:
                name = " ".join(st.text[src_lo:src_hi].split())  # the whole name where the NER found its first word
            elif publisher is not None:
                key, name = _publisher_source(st, publisher)
            elif name is not None and (owned := _owned_by(st, src_lo, src_hi, name) or
                                       _name_goes_on(st, src_lo, src_hi, name)) is not None:
                key, name = None, owned  # 'según la policía de Tarsk': the police speak, not the town
            if name is None:
                name = _tidy(_trim_source(st, st.text[src_lo:src_hi]).rstrip(" .!?\u2026\u3002"))  # no sentence stop
                if name:
                    name = _name_goes_on(st, src_lo, src_hi, name) or name  # 'le ministère de la Santé'
            if name is None or (key is None and _only_function_words(st, name)):
                return False
            cue = " ".join(m.group(0).lower().split())
            if initial and comma is not None:  # 'Segun X, C.'
                return st.add(src_hi + (comma.end() - comma.start() if comma else 0), e, (s, e), key, name, cue, "according_to", chain=chain)
            if comma is None and src_hi < e - 2:  # 'C1 volgens X C2.'
                return st.add(s, e, (s, e), key, name, cue, "according_to", chain=chain, text=st.text[s:s + m.start()] + " " + st.text[src_hi:e])
            rest = st.text[src_hi + (comma.end() - comma.start()):e] if comma is not None else ""
            if c.relatives is not None and c.relatives.match(rest.lstrip()):
                comma = None  # 'C, según el portavoz, que no quiso dar sus nombres': a clause about the source
            if comma is not None and src_hi + 1 < e and word_count(st.text[src_hi + 1:e]) >= 3:  # 'C1, volgens X, C2.'
                return st.add(s, e, (s, e), key, name, cue, "according_to", chain=chain, text=st.text[s:s + m.start()] + " " + rest)
            return st.add(s, s + m.start(), (s, e), key, name, cue, "according_to", chain=chain)  # 'C, segun X.'
    if c.after is not None:
        m = after_form(c, st.text, s, e)
        if m is not None and not st.text[s + m.end():e].strip(_EDGE + _QUOTE_CHARS + ".!?"):
            return _after_closing(st, s, e, m)  # 'C a miniszter szerint.', 'C ministerin mukaan.'
        if m is not None:
            head = st.text[s:s + m.start()]
            comma = max(head.rfind(","), head.rfind("\uff0c"), head.rfind("\u3001"))
            src_lo = s + comma + 1 if comma >= 0 else s
            if word_count(st.text[src_lo:s + m.start()]) > _AFTER_SOURCE_WORDS:
                return False  # no short phrase before the form: a preposition ('Nachfrage nach Snacks'), no source
            publisher = publisher_of(st, src_lo, s + m.start())  # 'Den Angaben der Polizei nach': the police
            if publisher is not None:
                key, name = _publisher_source(st, publisher)
            else:
                key, name = _speaker_near(st, src_lo, s + m.start(), s + m.start(), s + m.end())
            if name is None:
                name = _tidy(st.text[src_lo:s + m.start()])
            if name is None:
                return False
            return st.add(s + m.end(), e, (s, e), key, name, " ".join(m.group(0).split()), "according_to")
    return False


_NAME_MARKS = frozenset(_QUOTE_CHARS) - {"'", "\u2019"}  # (not an apostrophe)


def _past_closing_mark(text: str, lo: int, hi: int) -> int:
    """The end of a source [lo, hi) that opened a quoted name ('der "Harbor Times"'): past the mark that closes it."""
    marks = sum(ch in _NAME_MARKS for ch in text[lo:hi])
    return hi + 1 if marks % 2 and text[hi:hi + 1] in _NAME_MARKS else hi


def _said_that_before(st, s: int, at: int) -> bool:
    """The words before the form at ``at`` end with a verb of saying and its complementiser ('aseguró que, ')."""
    c = st.cues
    words = st.text[s:at].rstrip(_EDGE + " ,").split()
    return bool(words and c.that is not None and c.cue is not None and c.that.fullmatch(words[-1].lower())
                and c.cue.search(st.text, s, at))


def _by_the_last_speaker(st, s: int, e: int, m) -> bool:
    """'Según él, C' / 'C, по его словам': an 'according to' form whose source is a pronoun (data/claim_cues.json
    'according' 'recent'): C is the last speaker's; the form opening the sentence (its comma after it) or closing it."""
    who = _recent_or_person(st, s)
    if who is None:
        return False
    cue = " ".join(m.group(0).lower().split())
    lo, hi = s + m.start(), s + m.end()
    if not st.text[s:lo].strip(_EDGE + _QUOTE_CHARS):
        return st.add(hi + len(st.text[hi:e]) - len(st.text[hi:e].lstrip(_EDGE)), e, (s, e), who[0], who[1], cue,
                      "according_to")
    if not st.text[hi:e].strip(_EDGE + _QUOTE_CHARS + ".!?\u3002"):
        return st.add(s, lo, (s, e), who[0], who[1], cue, "according_to")
    return st.add(s, e, (s, e), who[0], who[1], cue, "according_to", text=st.text[s:lo] + " " + st.text[hi:e])


SOURCE_WORDS_BEFORE = 3  # words of a source closing its sentence before the form ('Terveysministeri Ilse Vargan mukaan')


def _after_closing(st, s: int, e: int, m) -> bool:
    """A form written after its source that closes the sentence ('Hackerit vaativat lunnaita ministerin mukaan.'):
    the source is the name ending at the form, else its last word with the capitalised words and function words
    right before it ('a miniszter'); what the sentence says before the source is the claim."""
    at = s + m.start()
    hit = next((x for x in _mentions_in(st, s, at) if not st.text[x.end:at].strip()), None)
    if hit is not None:
        src_lo = hit.start
    else:
        words = list(re.finditer(r"\S+", st.text[s:at]))
        if len(words) < 2:
            return False
        k = len(words) - 1
        stops = stop_words(st.cues.lang)
        while k > 0 and len(words) - k < SOURCE_WORDS_BEFORE and (
                words[k - 1].group(0)[:1].isupper() or words[k - 1].group(0).lower() in stops):
            k -= 1
        src_lo = s + words[k].start()
    key, name = _speaker_near(st, src_lo, at, at, s + m.end())
    name = name or _tidy(st.text[src_lo:at])
    if name is None or word_count(st.text[s:src_lo]) < 3:
        return False
    return st.add(s, src_lo, (s, e), key, name, " ".join(m.group(0).split()), "according_to")


def _owned_by(st, lo: int, hi: int, name: str) -> str | None:
    """The source phrase text[lo:hi] opens with a common noun whose owner the name found is, joined by a publisher
    link ('la policía de Tarsk', "il ministero dell'Interno", 'la police de Tarsk'): the whole phrase up to the name;
    None otherwise (the name opens the phrase: 'el Ministerio del Interior')."""
    at = _at(st, name, lo, hi)
    links = st.cues.publisher_links
    if at <= lo or not links:
        return None
    head = st.text[lo:at]
    words = re.findall(r"[^\W\d_]+['\u2019]?", head)
    if not 2 <= len(words) <= 4 or re.search(r"[,;:()\d]", head):
        return None
    link = words[-1].lower().replace("\u2019", "'")
    stops = stop_words(st.cues.lang)
    if link not in links or not any(w.islower() and w not in stops and w not in links for w in words[:-1]):
        return None
    return _tidy(st.text[lo:at + len(name)].strip())


def _at(st, name: str, lo: int, hi: int) -> int:
    """Where ``name`` stands in text[lo:hi], whatever its first letter's case (the tidy name capitalises it), or -1."""
    at = st.text[lo:hi].lower().find(name.lower())
    return lo + at if at >= 0 else -1


def _name_goes_on(st, lo: int, hi: int, name: str) -> str | None:
    """A capitalised name found in the source phrase text[lo:hi] goes on over a publisher link and capitalised words
    ('Ministerio' of 'según el Ministerio del Interior'): the whole name; None otherwise."""
    at = _at(st, name, lo, hi)
    if at < 0 or not name[:1].isupper():
        return None
    end = _goes_on_to(st, at + len(name), hi)
    return _tidy(name + st.text[at + len(name):end]) if end is not None else None


def _goes_on_to(st, end: int, hi: int) -> int | None:
    """Where a name ending at ``end`` goes on over a publisher link and capitalised words ('het ministerie' + ' van
    Binnenlandse Zaken', 'el Ministerio' + ' del Interior'), up to ``hi``; None when it does not."""
    links = st.cues.publisher_links
    if not links:
        return None
    alt = "|".join(re.escape(w) for w in sorted(links, key=len, reverse=True))
    m = re.match(rf"\s+(?:{alt})(?:\s+|(?<=['\u2019]))(?:[^\W\d_]{{1,3}}['\u2019]|[^\W\d_]{{1,3}}\s+)?"
                 rf"[A-Z\u00c0-\u00de][\w'\u2019-]*(?:\s+[A-Z\u00c0-\u00de][\w'\u2019-]*)*", st.text[end:hi])
    return end + m.end() if m else None


def own_account(st, s: int, e: int) -> bool:
    """'Die Staatsanwaltschaft ermittelt nach eigenen Angaben wegen C', 'De politie heeft naar eigen zeggen C': the
    sentence is its subject's claim, by its own account (claim_cues.json own_account); the form is cut from it."""
    c = st.cues
    m = c.own_account.search(st.text, s, e) if c.own_account is not None else None
    if m is None:
        return False
    if st.text[s:m.start()].strip(_EDGE + _QUOTE_CHARS):
        key, name = _speaker_near(st, s, m.start(), m.start(), m.end())
        if name is None:
            name = _opening_noun_phrase(st, s, m.start())
        words = st.text[s:m.start()].split()
        if name is None and len(words) >= 2 and words[0].lower() in stop_words(c.lang):
            name = " ".join(words[:2])  # 'De politie heeft naar eigen zeggen'
    else:  # 'Nach eigenen Angaben hat die Firma C': the subject after the verb, a name or a title
        key, name = _speaker_near(st, m.end(), e, m.end(), m.end())
    if name is None:
        return False
    text = st.text[s:m.start()].rstrip(" ,") + " " + st.text[m.end():e].lstrip(" ,")
    return st.add(s, e, (s, e), key, name, " ".join(m.group(0).lower().split()), "according_to", text=text)



def quoted_saying(st, s: int, e: int) -> bool:
    """'نقلت وكالة الأنباء الرسمية عن المتحدث حامد رضائي قوله إن C' (the agency relayed from the spokesman his saying
    that C): the spokesman's C, the agency its chain (the language's 'quoting' words)."""
    m = st.cues.quoting.match(st.text, s, e) if st.cues.quoting is not None else None
    if m is None or m.end() >= e:
        return False
    people = [x for x in _mentions_in(st, m.start("source"), m.end("source")) if x.label == "PERSON"]
    key, name = people[-1].entity if people else None, _tidy(m.group("source"))  # (the phrase whole: a title, its body
    relayer = _tidy(m.group("relayer"))  # and the name)
    return name is not None and st.add(m.end(), e, (s, e), key, name, m.group("verb"), "reported",
                                       chain=(relayer,) if relayer else ())


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=32)
def _calendar(lang: str) -> frozenset[str]:
    table = cldr(lang) or {}
    return frozenset({*table.get("weekdays", {}), *table.get("months", {})})


def _publisher_source(st, publisher: tuple[int, int]) -> tuple[str | None, str]:
    """(entity key, name) of the publisher span a source phrase names."""
    key = next((m.entity for m in _mentions_in(st, *publisher) if (m.start, m.end) == publisher), None)
    return key, " ".join(st.text[publisher[0]:publisher[1]].split())


def publisher_of(st, lo: int, hi: int) -> tuple[int, int] | None:
    """'un nouveau bilan publié mercredi par le ministère de la Santé', 'einem Bericht des Gesundheitsministeriums':
    where text[lo:hi] opens with a document (data/claim_cues.json 'documents'), the span of whom it is by or of
    (after one of 'publisher_links', within four words), or None. Where a comma closes the phrase the publisher
    runs to it; else over capitalised words ('van het ministerie van Volksgezondheid zijn ...'). It holds a capital
    or, closing the phrase, a noun that is no weekday or month ('d'un rapport du gouvernement,')."""
    c = st.cues
    if not c.documents:
        return None
    stops = stop_words(c.lang)
    words = list(_WORDS.finditer(st.text, lo, hi))
    k = next((i for i, w in enumerate(words[:4]) if w.group(0).lower() in c.documents), None)
    if k is None:
        return None
    for j in range(k + 1, min(len(words), k + 5)):
        if re.search(r"[,;:()]", st.text[words[j - 1].end():words[j].start()]):
            return None
        low = words[j].group(0).lower() + ("'" if _elided(st.text, words[j]) else "")
        if low not in c.publisher_links:  # 'par', 'des', "dell'" (of "dell'Organizzazione")
            continue
        rest = list(_WORDS.finditer(st.text, words[j].end(), hi))
        while len(rest) > 1 and (rest[0].group(0).lower() in stops or _elided(st.text, rest[0])):
            rest = rest[1:]  # the article: 'par le ministère', "de l'Organisation"
        if not rest:
            return None
        first = rest[0].start()
        if hi < len(st.text) and st.text[hi] in ",\uff0c\u060c":
            end = len(st.text[:hi].rstrip())
        else:
            end, n = rest[0].end(), 1
            while n < len(rest) and not re.search(r"[^\s'\u2019]", st.text[rest[n - 1].end():rest[n].start()]):
                w = rest[n].group(0)
                nxt = [x.group(0) for x in rest[n + 1:n + 3]]
                if _capital_word(w):
                    end, n = rest[n].end(), n + 1
                elif w.lower() in stops and nxt and (_capital_word(nxt[0]) or nxt[0].lower() in stops
                                                     and len(nxt) > 1 and _capital_word(nxt[1])):
                    n += 1  # 'de la Santé', 'van Volksgezondheid'
                else:
                    break
        phrase = st.text[first:end]
        calendar = _calendar(c.lang)
        if any(_capital_word(w) for w in phrase.split()) or \
                end >= len(st.text[:hi].rstrip().rstrip(".!?\u2026\u3002")) and phrase.strip() and not _DIGIT.search(phrase) \
                and not calendar & {w.lower() for w in phrase.split()}:
            return first, end
        return None
    return None
