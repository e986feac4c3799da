"""Reported speech outside English (analyze/claims_multi.py, step 3): a reporting verb of the language with its
speaker and clause: 'X dijo que C', 'C, dijo X', 'X sagte, C', 'X, C söyledi', 'X는 C라고 밝혔다', 'X表示，C';
a verb with no named subject nearby keeps the last speaker (languages that drop subject pronouns).

Functions take the finder's state (claims_multi._State: ``text``, ``cues``, ``ents``, ``add``).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from crosscheck.analyze.claims_sources_multi import (_EDGE, _QUOTE_CHARS, _WORDS, SUBJECT_WORDS, _cited,
                                                     _mentions_in, _noun_after_cue, _only_function_words, _particle,
                                                     _past_dates, _place_of_a_noun, _points_back, _recent_or_person,
                                                     _speaker_near, _subject, _tidy, apposition_before)
from crosscheck.denials import denies_outright
from crosscheck.textunits import coordinators, stop_words, word_count


def _reported(st, s: int, e: int) -> bool:
    c = st.cues
    if c.cue is None:
        return False
    sent = st.text[s:e]
    for m in c.cue.finditer(sent):
        cs, ce = s + m.start(), s + m.end()
        cue = " ".join(m.group(0).lower().split())
        body, cited, that, back, noun_phrase = None, None, None, None, False
        if c.substring:  # ko / ja: 'X는 C라고 밝혔다' -- the clause before the verb; zh: 'X表示，C'
            after = st.text[ce:e].strip(_EDGE + "\u3002.")
            if c.lang == "zh" and word_count(after) >= 3:
                body = (ce, e)
                key, name = _speaker_near(st, s, cs, cs, ce)
            else:
                key, name = _speaker_near(st, s, cs, cs, ce)
                start = s
                if key is not None or name is not None:
                    hit = next((mm for mm in _mentions_in(st, s, cs)), None)
                    if hit is not None and hit.end - s < (cs - s) // 2:
                        start = hit.end
                        particle = re.match(r"[^\s,\uff0c\u3001]*\s*", st.text[start:cs])
                        start += particle.end() if particle else 0
                    start = _past_titled_topic(st, start, cs)
                elif c.pronouns and (pro := re.match(r"\s*(\S+?)(?:" + "|".join(map(re.escape, c.topic)) + r")\s+",
                                                     st.text[s:cs])) and pro.group(1) in c.pronouns:
                    start = s + pro.end()  # '그는 C라고 말했다': the pronoun is the speaker, not what was said
                body = (start, _before_speaker(st, start, cs) if key is not None or name is not None else cs)
        else:
            if (closes := _relative_clause_end(st, s, cs, e)) is not None:
                # 'Mme Morav, qui a toujours nié les faits, va faire appel, a déclaré son avocat': the verb of a clause
                # about the word before it, ending at its comma; what follows is the sentence's, not this verb's
                that = c.that.match(st.text, ce + _skip(st.text, ce, closes)) if c.that is not None else None
                if that is not None:  # 'Le ministre, qui a déclaré que C, sera entendu lundi'
                    key, name = _speaker_near(st, s, that.start(), cs, ce)
                    if (key is not None or name is not None) and st.add(that.end(), closes, (s, e), key, name, cue,
                                                                         "reported", min_words=2):
                        return True
                continue
            that = c.that.match(st.text, ce + _skip(st.text, ce, e)) if c.that is not None else None
            if that is None and c.that is not None:
                that = _that_within(st, ce, e)
            pc = ce + _particle(c, st.text, ce, e)  # after a separable verb's particle ('X kündigte an, C')
            back = _points_back(st, s, cs, ce, e, cue)  # 'De kiescommissie ontkende dat.': no complementiser
            if back is not None:
                that = None
            comma_before = _comma_before(st.text, s, cs, st.cues.lang)
            long_credit = _long_credit(st, s, cs, pc, e) if comma_before is None and not c.verb_final else None
            closing = long_credit is not None  # 'C, <a long source> said on Saturday.'
            comma_before = long_credit if closing else comma_before
            if comma_before is not None and apposition_before(st, s, comma_before):
                comma_before = None  # 'El abogado, Marek Dunai, anunció un recurso': the verb's subject, no content
            if c.verb_final and "," in st.text[s:cs]:  # 'X, C1, C2 söyledi': the speaker ends at the first comma
                first = s + st.text[s:cs].index(",")
                if comma_before is None or _speaker_near(st, s, first, cs, ce) != (None, None):
                    comma_before = first
            if c.verb_final and comma_before is not None:  # 'X, C söyledi': the speaker opens, the verb closes
                body = (comma_before + 1, cs)
                key, name = _speaker_near(st, s, comma_before, cs, ce)
                tail = _head_final_subject(st, s, comma_before)
                if tail is not None and not (name or "").endswith(tail.split()[-1]):
                    key, name = None, tail
                if key is None and name is None:
                    name = _subject(st, s, comma_before)
            elif c.verb_final:
                continue
            elif that is not None:
                body = (that.end(), e)
                hi, cited = _cited(st, s, min(that.start(), cs))
                key, name = _speaker_near(st, s, hi if cited else that.start(), cs, ce)
                if cited is None and that.start() > ce:  # 'informó, citando a dos funcionarios, que C'
                    _, cited = _cited(st, ce, that.start())
            elif comma_before is not None:  # 'C, dijo el ministro.' / 'C, X zei.'
                body = (s, comma_before)
                hi, cited = _cited(st, ce, e)  # 'C, сообщило агентство X со ссылкой на двух дипломатов'
                key, name = _speaker_near(st, comma_before, cs if closing else hi, cs, ce)
                if closing and not _person_closing(st, key, name, cs):  # the words before the verb: its source
                    key, name = None, _tidy(st.text[comma_before + 1:cs])
                # ('informaram na terça-feira os serviços', up to a citing phrase: 'l'agenzia Ansa citando fonti')
                noun = _noun_after_cue(st, _past_dates(st, ce, hi), hi)
                if key is None and name is None:  # 'C, informó el banco en un comunicado': a common noun
                    name = noun or _subject(st, comma_before + 1, cs)  # 'C, अधिकारियों ने बताया': the subject, then
                    # the verb (a subject-verb order after the comma)
                elif key is None and (runs_on := _name_runs_on(st, ce, hi, name)) is not None:
                    name = runs_on
                elif _place_of_a_noun(st, key, name, noun, ce, e):  # 'C, a annoncé le tribunal de Lisca': the court
                    key, name = None, noun
            elif (opens := pc if re.match(r"\s*[,:]", st.text[pc:e])
                    else _comma_after_adverbs(st, pc, e)) is not None:
                body = (opens, e)
                hi, cited = _cited(st, s, cs)
                key, name = _speaker_near(st, s, hi, cs, ce)
                if st.text[pc:opens].strip(" ,:") and _fronted_phrase(st, s, cs):  # 'In einer Mitteilung erklärte
                    # das Ministerium, C': the subject after the verb (not 'Wie X mitteilte, C', the verb last)
                    key, name = _speaker_near(st, ce, opens, cs, ce)
            elif back is not None:  # 'De kiescommissie ontkende dat.'
                body = back  # the words pointing back: claim_polarity gives the denial the claim before
                key, name = _speaker_near(st, s, min(cs, back[0]), cs, ce)
                if key is None and name is None:
                    name = _subject(st, s, min(cs, back[0]))
            elif cs > s and (opens := _infinitive_after(st, pc, e)) is not None:
                body = (opens, e)  # 'Black Kestrel affirme avoir dérobé 2 téraoctets': the act the subject tells of
                key, name = _speaker_near(st, s, cs, cs, ce)
            elif c.that_optional and cs > s and (opens := _bare_clause(st, pc, e)) is not None:
                body = (opens, e)  # 'Polisi mengatakan tiga orang ditangkap': the complementiser left out
                key, name = _speaker_near(st, s, cs, cs, ce)
            elif cue in c.np_object and not st.text[s:cs].strip(_EDGE) and (subj := _subject_after(st, ce, e)):
                key, name, opens = subj  # 'أعلنت وزارة الداخلية يوم الأحد اعتقال 12 شخصا': the ministry, the arrest
                body = (opens, e)
                noun_phrase = True  # (two words are enough)
            elif denies_outright(cue, c.lang) and cs > s and word_count(st.text[pc:e]) >= 2:
                body = (pc + _skip(st.text, pc, e), e)  # 'X a démenti toute implication': what is denied, a noun phrase
                key, name = _speaker_near(st, s, cs, cs, ce)
                noun_phrase = True  # (two words are enough: 'toute implication')
            else:
                continue
        if body is None:
            continue
        if key is None and name is None and body[0] >= cs:
            name = _subject(st, s, cs)
            # (not the verb's particle, nor the complementiser)
            lo, hi = ce + _particle(c, st.text, ce, e), that.start() if that is not None else body[0]
            hi = next((fs for fs, _ in st.facts if lo <= fs < hi), hi)  # 'قالت الحاكمة يوم الخميس إن': not the day
            between = st.text[lo:hi]
            if name is None and 1 <= word_count(between) <= 6:  # 'dijo el portavoz que' / 'أعلنت الشركة أن'
                name = _tidy(c.that.sub("", between) if c.that is not None else between)
        elif key is None and name is None and c.substring:
            name = _subject(st, s, body[1])
            at = st.text.rfind(name, body[0], body[1]) if name else -1
            if at >= 0 and body[1] - at <= len(name) + 3 and at > body[0]:  # '... 중이라고 당국은 밝혔다'
                lo = _before_speaker(st, body[0], body[1])
                whole = _topic_phrase(st, lo, body[1], name) if lo < at else None  # '... 회사 측이': '회사 측'
                body, name = ((body[0], lo), whole) if whole else ((body[0], at), name)
            elif at == body[0]:  # '경찰 측은 C다고 밝혔다': the speaker opens the clause, what was said follows
                body = (_past_named_topic(st, body[0], body[1], name), body[1])
        if key is None and name is None:
            recent = _recent_or_person(st, s)  # 'C, ha aggiunto.': a verb without its subject (pro-drop)
            if recent is None:
                continue
            key, name = recent
        # a clause after a complementiser is a statement however short ('заявил, что переговоры продолжаются')
        floor = 1 if back is not None else 2 if noun_phrase or that is not None and body[0] >= that.end() else None
        again = c.and_that.search(st.text, body[0], body[1]) if c.and_that is not None and that is not None else None
        if again is not None and word_count(st.text[body[0]:again.start()]) >= 2:
            # 'ha affermato che C1 e che C2': two statements, as English 'said C1 and that C2'
            first = st.add(body[0], again.start(), (s, e), key, name, cue, "reported",
                           chain=(cited,) if cited else (), min_words=floor)
            second = st.add(again.end(), body[1], (s, e), key, name, cue, "reported",
                            chain=(cited,) if cited else (), min_words=floor)
            if first or second:
                return True
        if st.add(body[0], body[1], (s, e), key, name, cue, "reported", chain=(cited,) if cited else (),
                  min_words=floor):
            return True
    return False


SUBJECT_AFTER_WORDS = 6  # words from a verb opening its sentence to the end of the name of its subject


def _subject_after(st, ce: int, e: int) -> tuple[str | None, str, int] | None:
    """The subject right after a verb opening its sentence, and where its object opens past a date ('أعلنت وزارة
    الداخلية يوم الأحد اعتقال ...'; data/claim_cues.json 'np_object_cues'): the person named within a few words (a
    title before: 'المتحدث باسم الحكومة سامي خوري'), else the body named first; None when no name stands there."""
    near = [m for m in _mentions_in(st, ce, e) if word_count(st.text[ce:m.start]) <= SUBJECT_AFTER_WORDS]
    def kind(m):
        ent = st.ents.entity(m.entity)
        return ent.type if ent else m.label
    person = next((m for m in near if kind(m) == "PERSON"), None)
    first = person or next((m for m in near if kind(m) in ("ORG", "GPE", "NORP")
                            and word_count(st.text[ce:m.start]) <= 1), None)
    if first is None:
        return None
    key, name = _speaker_near(st, ce, first.end, ce, ce)
    opens = first.end
    while True:  # past a day right after the subject, not a figure of the object
        at = opens + len(st.text[opens:e]) - len(st.text[opens:e].lstrip())
        k = bisect_left(st.facts, (at, -1))
        if k == len(st.facts) or st.facts[k][0] != at or st.text[at].isdigit():
            break
        opens = st.facts[k][1]
    if word_count(st.text[opens:e]) < 2:
        return None
    return key, name or " ".join(st.text[first.start:first.end].split()), opens


RUN_ON_WORDS = 8  # words a source's name after its verb runs on to the sentence's end


def _name_runs_on(st, lo: int, hi: int, name: str) -> str | None:
    """A single capitalised word read as the source after the verb ('C, повідомило Міністерство оборони.') opens a
    name written with its first word capitalised alone, running on in lower case to the end of the sentence
    ('Міністерство оборони', 'Координационный штаб по обмену пленными'): that whole name. None where the word is not
    alone, where the name runs on with a function word ('C, dijo Pérez a los periodistas'), over a figure or a date
    ('в понеділок') or punctuation, or in a language whose verbs leave a particle at the end ('teilte X mit')."""
    if st.cues.particles is not None or len(name.split()) != 1:
        return None
    at = st.text.lower().find(name.lower(), lo, hi)
    if at < 0:
        return None
    fact = next(((fs, fe) for fs, fe in st.facts if at < fs < hi), None)  # a date closing the sentence, no more
    if fact is not None and st.text[fact[1]:hi].strip(" .!?\u2026"):
        return None
    stops = stop_words(st.cues.lang)
    tail = st.text[at + len(name):fact[0] if fact else hi].rstrip().rstrip(".!?\u2026\u00bb\u201d\"')").rstrip()
    words = tail.split()
    while words and fact is not None and words[-1].lower() in stops:  # 'в понеділок': its preposition too
        tail = tail[:tail.rstrip().rfind(words.pop())].rstrip()
    if not 1 <= len(words) <= RUN_ON_WORDS:
        return None
    if words[0].lower() in stops or any(not re.fullmatch(r"[^\W\d_][\w'\u2019-]*", w) for w in words):
        return None
    return _tidy(st.text[at:at + len(name)] + tail)


def _infinitive_after(st, pc: int, e: int) -> int | None:
    """Where an infinitive clause opens right after the verb of saying (past a day: 'a annoncé mardi avoir été
    victime de C', 'asegura haber robado C', 'afferma di aver rubato C'; data/claim_cues.json 'infinitive'), with
    three words or more; else None."""
    if st.cues.infinitive is None:
        return None
    at = _past_dates(st, pc, e)
    at += len(st.text[at:e]) - len(st.text[at:e].lstrip())
    m = st.cues.infinitive.match(st.text, at)
    return at if m is not None and word_count(st.text[at:e]) >= 3 else None


def _relative_clause_end(st, s: int, cs: int, e: int) -> int | None:
    """Where the relative clause the verb at ``cs`` stands in closes: a comma, a relative pronoun (data/claim_cues.json
    'relatives') and a few words before the verb, a comma after it before the sentence ends ('X, qui a nié les
    faits, ...'); None when the verb stands in no such clause."""
    rel = st.cues.relatives
    comma = st.text.rfind(",", s, cs)
    if rel is None or comma < 0:
        return None
    opening = st.text[comma + 1:cs]
    if not rel.match(opening.lstrip()) or word_count(opening) > 6:
        return None
    closes = st.text.find(",", cs, e)
    return closes if closes > 0 and word_count(st.text[closes + 1:e]) >= 2 else None


def _before_speaker(st, start: int, cs: int) -> int:
    """Where what was said ends when the speaker follows it ('C다고 미렐라 도브레프 주지사가 목요일 밝혔다'): after the
    last quotative ending with a few words (the speaker, a day) up to the verb; else at the verb."""
    c = st.cues
    if not c.quotative:
        return cs
    last = None
    for m in re.finditer("(?:" + "|".join(map(re.escape, c.quotative)) + r")(?=\s)", st.text[start:cs]):
        last = m
    if last is None or not 1 <= word_count(st.text[start + last.end():cs]) <= 6:
        return cs
    return start + last.end()


def _skip(text: str, lo: int, hi: int) -> int:
    m = re.match(r"[\s,]*", text[lo:hi])
    return m.end() if m else 0


def _comma_after_adverbs(st, pc: int, e: int) -> int | None:
    """'X erklärte am Freitag, C' / 'X erklärte dagegen, C': a comma a few words after the cue (a time or an
    adverb between, no quote, no other verb of saying), the content after it of three words or more: where C
    starts, or None."""
    m = re.match(r"([^,:;\"\u201c\u201d\u201e\u00ab\u00bb]{1,40}?)\s*,", st.text[pc:e])
    if m is None or not 1 <= word_count(m.group(1)) <= 3 or word_count(st.text[pc + m.end():e]) < 3:
        return None
    if st.cues.cue is not None and st.cues.cue.search(m.group(1)):
        return None
    start = pc + m.end()
    if st.cues.that is not None:  # 'dijo el viernes, durante una visita a Cardel, que C': C after the aside
        aside = re.search(r",\s*", st.text[start:min(e, start + 100)])
        that = st.cues.that.match(st.text, start + aside.end()) if aside is not None else None
        if that is not None:
            return that.end()
    return start


def _fronted_phrase(st, s: int, cs: int) -> bool:
    """In a language that puts the verb second, the words before the verb open with a function word that is no
    article ('In einer Mitteilung erklärte das Ministerium, C', 'Op een persconferentie zei ...'): a phrase put
    first, so the subject follows the verb."""
    c = st.cues
    words = st.text[s:cs].split()
    first = words[0].lower() if words else ""
    return c.verb_second and first in stop_words(c.lang) and first not in c.articles


def _that_within(st, ce: int, e: int):
    """A complementiser a few words after the cue ('dijo el ministro que ...', 'erklärte Müller, dass')."""
    window = st.text[ce:min(e, ce + 80)]
    m = st.cues.that.search(window)
    if m is None or word_count(window[:m.start()]) > 6:
        return None
    aside = window[:m.start()].strip()
    if aside.startswith(",") and word_count(aside) >= 4 and not (
            st.cues.citing is not None and st.cues.citing.match(aside.lstrip(", "))):
        return None  # 'erklärte, es gebe keine Hinweise darauf, dass C': a clause of its own opens after the comma, and
        # the complementiser is its (not an aside: 'informó, citando a dos funcionarios, que C')
    return st.cues.that.match(st.text, ce + m.start())


def _comma_before(text: str, s: int, cs: int, lang: str | None = None) -> int | None:
    """The comma ending the clause before a cue set after it ('C, dijo X' / 'C, X dijo'), or a spaced dash, as Slavic
    news writes it ('C - poinformowała X', 'C — сообщил X'): its offset. Not a decimal comma ('el 43,1 %'), and none
    where a conjunction stands right before the cue: its verb goes on with the subject of the clause before ('Serna
    obtuvo el 43,1 % y reconoció su derrota': no one said that he won 43.1%)."""
    head = text[s:cs]
    dash = [m.start() + 1 for m in re.finditer(r"\s[-\u2013\u2014]\s", head)]
    commas = [m.start() for m in re.finditer(r"(?<!\d),|,(?!\d)|[\uff0c\u060c]", head)]
    k = max(commas[-1] if commas else -1, dash[-1] if dash else -1)
    if k < 0:
        return None
    if word_count(head[k + 1:]) > 6 or word_count(head[:k]) < 3:
        return None
    last = head[k + 1:].split()[-1:]
    if last and last[0].lower() in coordinators(lang):
        return None
    return s + k


CREDIT_WORDS = 12  # words of a source between a comma and a verb closing its sentence ('Ban Chỉ đạo quốc gia về ...')


def _person_closing(st, key: str | None, name: str | None, cs: int) -> bool:
    """The speaker found is a person whose name ends right before the verb at ``cs`` ('..., Juan Pérez dijo')."""
    ent = st.ents.entity(key) if key is not None else None
    at = st.text.rfind(name, 0, cs) if name else -1
    return ent is not None and ent.type == "PERSON" and at >= 0 and not st.text[at + len(name):cs].strip(_EDGE)


def _long_credit(st, s: int, cs: int, pc: int, e: int) -> int | None:
    """'C, Ban Chỉ đạo quốc gia về phòng chống thiên tai cho biết hôm thứ Bảy.': nothing but a time the language's
    readers found follows the verb, so the words between the last comma and the verb are its source, however long (a
    language of one-syllable words writes a body's name in ten): the comma's offset, else None."""
    if st.text[_past_dates(st, pc, e):e].strip(_EDGE + ".!?\u3002"):
        return None
    k = st.text.rfind(",", s, cs)
    if k < 0 or word_count(st.text[k + 1:cs]) > CREDIT_WORDS or word_count(st.text[s:k]) < 3:
        return None
    return k


HEAD_FINAL_WORDS = 4  # words a long subject of a verb-final language is cut to, from its end (its head)


def _head_final_subject(st, s: int, k: int) -> str | None:
    """The subject of a verb-final language ends in its head, right before the comma: the capitalised name closing
    it ('Madeni işleten Keldor Mining,', the company that runs the mine: the English NER read the sentence's first
    word as the name), else, when the phrase is longer than a subject, its last words, past a participle closing a
    relative clause (data/claim_cues.json 'relative_endings': '... koşuluyla konuşan bir belediye yetkilisi,', a city
    official who spoke on condition ...)."""
    words = list(_WORDS.finditer(st.text, s, k))
    caps = []
    for w in reversed(words):
        if not w.group(0)[:1].isupper():
            break
        caps.insert(0, w)
    if caps and caps[0].start() > s + 1 and not _only_function_words(st, caps[0].group(0)):
        return _tidy(st.text[caps[0].start():caps[-1].end()])
    if len(words) > SUBJECT_WORDS:
        tail = words[-HEAD_FINAL_WORDS:]
        ends = st.cues.relative_endings
        cut = max((i + 1 for i, w in enumerate(tail[:-1]) if ends and len(w.group(0)) > 4 and
                   w.group(0).lower().endswith(ends)), default=0)  # '... konuşan | bir belediye yetkilisi'
        return _tidy(st.text[tail[cut].start():words[-1].end()])
    return None


BARE_CLAUSE_WORDS = 3  # words a clause after a verb without its complementiser needs


def _bare_clause(st, pc: int, e: int) -> int | None:
    """Where a clause starts right after a reporting verb in a language that may leave the complementiser out
    ('X mengatakan C'): None when it is short, quoted, or opens as an object or an addressee does ('mengatakan hal
    itu kepada wartawan', 'mengatakan kepada wartawan')."""
    start = pc + _skip(st.text, pc, e)
    words = st.text[start:e].split()
    if len(words) < BARE_CLAUSE_WORDS or words[0][:1] in _QUOTE_CHARS:
        return None
    first = words[0].lower().strip(",.;:")
    if first in st.cues.object_openers or first in st.cues.addressee:
        return None
    return start


TOPIC_REACH = 30  # characters from the clause's start within which a title closed by a topic particle is its speaker


def _topic_phrase(st, lo: int, cs: int, name: str) -> str | None:
    """The words from ``lo`` to the verb at ``cs``, a particle closing them left out, when they end with the speaker
    ``name`` found ('회사 측이' for '측'); None otherwise."""
    phrase = st.text[lo:cs].strip()
    for p in sorted(st.cues.topic, key=len, reverse=True):
        if phrase.endswith(p):
            phrase = phrase[:-len(p)].strip()
            break
    return phrase if phrase.endswith(name) and phrase != name and word_count(phrase) <= 3 else None


def _past_named_topic(st, start: int, cs: int, name: str | None) -> int:
    """Where what was said starts when the speaker found opens the clause with a topic particle ('경찰 측은 C다고
    밝혔다'): after that particle."""
    if not name or not st.cues.topic or not st.text.startswith(name, start):
        return start
    after = re.match(rf"(?:{'|'.join(map(re.escape, st.cues.topic))})[\s,\u3001]+", st.text[start + len(name):cs])
    return start + len(name) + after.end() if after is not None else start


def _past_titled_topic(st, start: int, cs: int) -> int:
    """Where the clause before a verb set last starts once the title closed by a topic particle that opens it is
    left out ('보건부 장관은 3일 C라고 밝혔다', '内務省の報道官は、C と明らかにした': the speaker, not what was said)."""
    c = st.cues
    if c.titles is None or not c.topic:
        return start
    head = st.text[start:min(cs, start + TOPIC_REACH)]
    topic = "|".join(map(re.escape, c.topic))
    for m in c.titles.finditer(head):
        after = re.match(rf"(?:{topic})[\s,\u3001]*", head[m.end():])
        if after is not None and (after.end() > 1 or head[m.end() + after.end():][:1].isdigit()):
            return start + m.end() + after.end()
    return start
