"""Names in reports outside the Latin script, where no NER model installs offline.

Three sources, in order of trust:
1. the gazetteers of aliases.py: country names in the report's language (CLDR through babel) and
   places (GeoNames), matched on words with their case endings or particles trimmed (России,
   Харкові, 북한은, 러시아의, والصين);
2. a person's name written next to a title of ``data/claim_cues.json`` (젤렌스키 대통령,
   ゼレンスキー大統領, президент Зеленский);
3. in Cyrillic and Greek, runs of two or three capitalised words inside a sentence (Ли Мин, Λι Μινγκ).
Each becomes a mention and a local entity as entities.py makes them, so claims, stories and linking
read them the same way.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from babel import Locale
from spacy.tokens import Doc

from crosscheck.analyze.aliases import known, known_place, plain_key
from crosscheck.analyze.claims_multi import cues_for, name_stops, title_links
from crosscheck.analyze.entities import LocalEntities
from crosscheck.analyze.portfolios import ministry_spans, name_after_portfolio, portfolio_end
from crosscheck.analyze.time_words import cldr, weekday_names
from crosscheck.model import Entity, Mention
from crosscheck.textunits import base_language, stop_words
from crosscheck.textunits import sentence_initial as _sentence_initial

_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
_CAPITALS = re.compile(r"(?<![\w])([\u0410-\u042f\u0400-\u040f\u0391-\u03a9\u0386-\u038f][\w'\u2019-]+(?:[ \u00a0][\u0410-\u042f\u0400-\u040f\u0391-\u03a9\u0386-\u038f][\w'\u2019-]+){1,2})(?![\w])")


@lru_cache(maxsize=1)
def _han_names() -> re.Pattern:
    """One pattern over the gazetteer's names written in Han or kana (matched inside unspaced text)."""
    names: set[str] = set()
    for lang in ("ja", "zh", "zh_Hant"):
        try:
            names.update(n for code, n in Locale.parse(lang).territories.items() if len(code) == 2 and len(n) >= 2)
        except Exception:  # a locale babel lacks
            continue
    with resources.files("crosscheck.data").joinpath("places.json").open(encoding="utf-8") as fh:
        for group in json.load(fh)["places"].values():
            names.update(n for n in group if len(n) >= 2 and all(_HAN_KANA.match(ch) for ch in n))
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")


def _inside_katakana_word(text: str, start: int, end: int) -> bool:
    """A name written in katakana that another katakana letter runs into, before or after: part of a longer word."""
    if not all(_KATAKANA.match(ch) for ch in text[start:end]):
        return False
    return bool(start and _KATAKANA.match(text[start - 1]) or end < len(text) and _KATAKANA.match(text[end]))


def _lookup(word: str) -> tuple[str, int] | None:
    """(canonical name, characters of ``word`` it covers) when ``word`` is a known place or country.

    Hangul words carry their particles (북한은, 러시아의): up to two syllables are trimmed. Cased
    scripts carry case endings (России, Харкові): a capitalised word of five letters or more may lose
    two, and its nominative ending is tried back. Arabic: the conjunctions wa-/bi-/li- only."""
    hangul = "\uac00" <= word[0] <= "\ud7af"
    if hangul:
        for trim in range(0, min(2, len(word) - 2) + 1):
            cand = word[: len(word) - trim]
            # two syllables are often a common word too (지난 'last' / Jinan): countries only
            hit = known(cand) or (known_place(cand) if len(cand) >= 3 else None)
            if hit is not None:
                return hit.name, len(cand)
        return None
    if not word[0].isupper():  # cased scripts: names are capitalised; Arabic has no case
        if word[0].isalpha() and word[0].lower() != word[0].upper():
            return None
        for prefix in ("", "\u0648", "\u0628", "\u0644"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 4:
                rest = word[len(prefix):]  # 'al-' + a common noun is often a place name too (المدينة, 'the city')
                hit = known(rest) or (known_place(rest) if not rest.startswith("\u0627\u0644") else None)
                if hit is not None:
                    return hit.name, len(word)
        return None
    hit = known(word) or known_place(word)
    if hit is not None:
        return hit.name, len(word)
    for trim in (1, 2):
        cand = word[: len(word) - trim]
        if len(cand) < 4:
            break
        for end in ("", "\u0430", "\u044f", "\u044c", "\u0439", "\u0438\u044f", "\u0456\u044f", "\u0438", "\u0456", "\u043e", "\u03b1", "\u03b7", "\u03bf"):
            hit = known(cand + end) or known_place(cand + end)
            if hit is not None:
                return hit.name, len(word)
    return None


def find(sdoc: Doc, text: str, language: str | None) -> LocalEntities:
    """Entities and mentions of a report in a non-Latin script (``sdoc`` from the tokenizer-only pipeline)."""
    spans: list[tuple[int, int, str, str]] = []  # start, end, label, canonical or surface name
    for m in _WORD.finditer(text):
        word = m.group(0)
        if _HAN_KANA.search(word) or len(word) < 2:
            continue
        hit = _lookup(word)
        if hit is not None:
            spans.append((m.start(), m.start() + hit[1], "GPE", hit[0]))
    if _HAN_KANA.search(text):
        for m in _han_names().finditer(text):
            if _inside_katakana_word(text, m.start(), m.end()):
                continue  # 'ラン' (Laon) of 'ランサムウェア'
            hit = known(m.group(0)) or known_place(m.group(0))
            if hit is not None:
                spans.append((m.start(), m.end(), "GPE", hit.name))
    cues = cues_for(language)
    if cues is not None and cues.titles is not None:
        for m in cues.titles.finditer(text):
            name = _name_by_title(text, m.start(), m.end(), language)
            if name is not None:
                spans.append((name[0], name[1], "PERSON", text[name[0]:name[1]]))
    for m in _CAPITALS.finditer(text):
        words = m.group(1).split()
        start = m.start()
        at = name_after_portfolio(text, start, language) if _after_title(text, start, cues) else None
        if at is not None and at < m.end():  # 'υπουργός Εξωτερικών Γιάννης Παππάς': the portfolio is no name
            spans.append((at, m.end(), "PERSON", text[at:m.end()]))
            continue
        if _sentence_initial(text, m.start()):  # 'Капитан Хенрик Аалвик сообщил': the first word is any word
            if len(words) < 3:
                continue
            start = m.start() + len(m.group(1)) - len(" ".join(words[1:]))
            words = words[1:]
        whole = known(" ".join(words)) or known_place(" ".join(words))
        if whole is not None:  # 'Южная Корея'
            spans.append((start, m.end(), "GPE", whole.name))
        elif _lookup(words[0]) is None:
            spans.append((start, m.end(), "PERSON", " ".join(words)))
        elif len(words) == 3 and _lookup(words[1]) is None and _lookup(words[2]) is None:
            # 'омбудсмен Украины Дмитрий Лубинец': the place a title belongs to, then the holder's name
            spans.append((m.end() - len(" ".join(words[1:])), m.end(), "PERSON", " ".join(words[1:])))
    ministries = ministry_spans(text, language)  # 'υπουργείο Εσωτερικών': one organisation, not 'Εσωτερικών'
    spans = [sp for sp in spans if not any(sp[0] < e and s < sp[1] for s, e in ministries)]
    spans.extend((s, e, "ORG", text[s:e]) for s, e in ministries)
    return _build(sdoc, text, spans)


_UNCASED = re.compile(r"[ \u00a0]+[\u0590-\u06ff\u0900-\u097f]")  # Hebrew, Arabic (and Persian), Devanagari
UNCASED_NAME_WORDS = 2  # words of a name after a title, in a script without capitals
_ARTICLE = "\u0627\u0644"  # al-, which opens adjectives and portfolios ('السوري', 'الصحة'), not a foreign name


def _uncased_name(text: str, te: int, language: str | None) -> tuple[int, int] | None:
    """'قالت وزيرة الصحة إيلزه فارغا يوم الخميس', 'स्वास्थ्य मंत्री इल्से वर्गा ने कहा': after the title, its portfolio
    (perhaps set off by a comma) and Arabic adjectives (which open with al-), up to two words in a row that are no
    function word, complementiser, verb of saying or ``name_stops`` word of the language (data/claim_cues.json)."""
    end = portfolio_end(text, te, language) or te
    link = _title_link(language).match(text, end)  # 'المتحدثة باسم الشرطة إيرين فالون': on behalf of the police
    if link is not None:
        end = link.end()
    end += len(text[end:end + 3]) - len(text[end:end + 3].lstrip(" \u00a0,\u060c"))  # 'وزیر بهداشت، ایلزه وارگا'
    end -= 1 if end > te and text[end - 1] in " \u00a0" else 0
    cues = cues_for(language)
    stops = stop_words(base_language(language)) | name_stops(language)
    words = list(re.finditer(r"[^\s\d,\u060c.;:!?\"\u00ab\u00bb()\u0964]+", text[end:end + 80]))  # (matras are no \w)
    i = 0
    while i < min(2, len(words)) and words[i].group(0).startswith(_ARTICLE) and (not i or _adjacent(text, end, words, i)):
        i += 1
    taken = []
    for k in range(i, min(i + UNCASED_NAME_WORDS, len(words))):
        w = words[k].group(0)
        initial = k + 1 < len(words) and _adjacent(text, end, words, k + 1) and text[end + words[k].end()] == "."
        if w in stops and not initial or w.startswith(_ARTICLE) and not taken or k > i and not _adjacent(text, end, words, k) or \
                cues is not None and any(rx is not None and rx.fullmatch(w) for rx in (cues.cue, cues.that)):
            break
        taken.append(words[k])
    return (end + taken[0].start(), end + taken[-1].end()) if taken else None


@lru_cache(maxsize=8)
def _title_link(language: str | None) -> re.Pattern:
    """A word that goes on with a title by the body it speaks for, and that body's word (data/claim_cues.json
    'title_links': Arabic 'باسم', on behalf of: 'المتحدث باسم الجيش')."""
    cues = title_links(language)
    if not cues:
        return re.compile(r"(?!)")
    return re.compile(r"\s+(?:" + "|".join(map(re.escape, cues)) + r")\s+\S+")


def _adjacent(text: str, at: int, words: list, k: int) -> bool:
    """Word ``k`` follows word ``k - 1`` with only spaces between (no comma, no stop), or a dot after an initial
    ('आर. सेल्वन': R. Selvan, the initial written as its syllable)."""
    between = text[at + words[k - 1].end():at + words[k].start()].strip()
    return not between or between == "." and len(words[k - 1].group(0)) <= 3


def _after_title(text: str, start: int, cues) -> bool:
    """A title of the language ends right before ``start`` (spaces between)."""
    if cues is None or cues.titles is None:
        return False
    head = text[max(0, start - 40):start].rstrip(" \u00a0")
    return any(m.end() == len(head) for m in cues.titles.finditer(head))


def _name_by_title(text: str, ts: int, te: int, language: str | None) -> tuple[int, int] | None:
    """The name written against a title: before it in ko/ja (젤렌스키 대통령), after it elsewhere."""
    if language == "ko":  # the word before the title's own word: '젤렌스키 대통령은', '리밍 소방국장은'
        ws = max(text.rfind(" ", 0, ts), text.rfind("\n", 0, ts)) + 1
        cues = cues_for(language)
        orgs = cues.org_suffixes if cues is not None else ()
        for _ in range(3):  # '젤렌스키 우크라이나 대통령', '바르가 로르바니아 보건부 장관': a country, a ministry skipped
            lo = max(0, ws - 30)
            m = re.search(r"([\uac00-\ud7af]{2,8})\s+$", text[lo:ws])
            if m is None:
                return None
            word = m.group(1)
            if _lookup(word) is None and not (len(word) >= 3 and word.endswith(orgs)):
                return lo + m.start(1), lo + m.end(1)
            ws = lo + m.start(1)
        return None
    if language == "ja":
        m = re.search(r"([\u30a0-\u30ff]{2,})(?:\u30fb[\u30a0-\u30ff]{2,})?$", text[max(0, ts - 20):ts])
        return (ts - len(m.group(0)), ts) if m else None
    if language == "zh":  # '负责人李明表示': a two- or three-character name between the title and the verb, or a
        # foreign name's parts joined by a middle dot ('部长伊尔泽·瓦尔加3日表示'), perhaps before a date; not the verb
        cues = cues_for(language)
        say = cues.cue.pattern if cues is not None and cues.cue is not None else "(?!)"
        days = weekday_names(language)
        # (the last part stops before a weekday: '米雷拉·多布雷夫周四表示')
        m = re.match(rf"(?!{say})((?:[\u4e00-\u9fff]{{1,6}}(?:[\u00b7\u30fb\u2022][\u4e00-\u9fff]{{1,6}}?){{1,2}})|"
                     rf"[\u4e00-\u9fff]{{2,3}}?)(?=[0-9\uff10-\uff19]|{days}|{say}|\uff0c|\u3002)", text[te:te + 24])
        return (te, te + m.end(1)) if m else None
    if _UNCASED.match(text, te):  # Arabic: no capitals to tell the name
        return _uncased_name(text, te, language)
    at = name_after_portfolio(text, te, language)  # 'ο υπουργός Εξωτερικών Γιάννης Παππάς': past the portfolio
    if at is not None:
        te = at - 1
    m = re.match(r"[ \u00a0]+((?:[A-Z\u0410-\u042f\u0400-\u040f\u0391-\u03a9\u0386-\u038f][\w'\u2019-]+[ \u00a0]?){1,3})", text[te:te + 60])
    if m is None:
        return None
    name = m.group(1).rstrip()
    start = te + m.start(1)
    while name and _lookup(name.split()[0]) is not None:  # 'президент Украины Владимир Зеленский'
        first = re.match(r"\S+[ \u00a0]*", name).group(0)
        start += len(first)
        name = name[len(first):]
    return (start, start + len(name)) if name else None


def _build(sdoc: Doc, text: str, spans) -> LocalEntities:
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept = []
    for sp in spans:
        if kept and sp[0] < kept[-1][1]:
            continue
        kept.append(sp)
    keys: dict[tuple[str, str], str] = {}
    surfaces: dict[str, set[str]] = {}
    names: dict[str, tuple[str, str]] = {}
    mentions: list[Mention] = []
    by_token: dict[int, str] = {}
    starts = {t.idx: t.i for t in sdoc} if len(sdoc) else {}
    for s, e, label, name in kept:
        group = (label, name if label == "GPE" else plain_key(name))
        key = keys.get(group)
        if key is None:
            key = keys[group] = f"e{len(keys) + 1}"
            names[key] = (name, label)
            surfaces[key] = set()
        surfaces[key].add(text[s:e])
        mentions.append(Mention(s, e, text[s:e], label, key))
        i = starts.get(s)
        while i is not None and i < len(sdoc) and sdoc[i].idx < e:
            by_token[i] = key
            i += 1
    entities = tuple(Entity(key=k, name=names[k][0], type=names[k][1], aliases=tuple(sorted(surfaces[k])))
                     for k in sorted(names, key=lambda k: int(k[1:])))
    return LocalEntities(entities=entities, mentions=tuple(mentions), by_token=by_token)
