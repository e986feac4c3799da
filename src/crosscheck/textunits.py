"""Script-aware text measures: words where words are spaced, estimated words where they are not.

Chinese and Japanese write no spaces between words and Thai, Lao, Khmer and Burmese none inside a
sentence, so a count of whitespace-separated words calls a whole Chinese paragraph one word. Every
length rule (cleaning, boilerplate, claims) counts with :func:`word_count` instead: letter and digit
runs in spaced scripts (hyphen and apostrophe joined), plus Han/kana characters at two per word (mean Chinese word length is
1.5-2 characters) and Southeast Asian letters (vowel signs included) at four per word.

Sentences (:func:`sentence_spans`) are split by one rule for every stage that needs them without a parse
(syndication sentences, the sentences of facts, story summaries, timeline sentences, the story lead); where
they end is data (``data/sentences.json``).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from importlib import resources

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_CJK_RE = re.compile(f"[{_CJK}]")
_UNSPACED_RE = re.compile(f"[{_UNSPACED}]")
_NOT_SPACED = re.compile(f"[{_CJK}{_UNSPACED}]+")


def _combining_marks() -> str:
    """Every combining mark of the Basic Multilingual Plane (Unicode categories Mn, Mc, Me) as character-class
    ranges: the vowel signs and viramas of Devanagari and the other Indic scripts, Arabic and Hebrew vowel points.
    Python's \\w holds none of them, so 'प्रांतीय' counted as four words."""
    import unicodedata

    marks = [c for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")]
    ranges, start = [], marks[0]
    for a, b in zip(marks, marks[1:] + [-1]):
        if b != a + 1:
            ranges.append(f"\\u{start:04x}" + (f"-\\u{a:04x}" if a > start else ""))
            start = b
    return "".join(ranges)


COMBINING = _combining_marks()
WORD_CHAR = rf"[\w{COMBINING}]"  # \w with the combining marks: what a word is made of in any script
_WORD = re.compile(rf"{WORD_CHAR}+(?:[-'\u2019]{WORD_CHAR}+)*")  # 'well-known', 'O'Brien': one word
# what parts a page title into headline, site name and kicker ('Headline | Site', 'Site - Headline', 'Opinion: ...')
TITLE_SEPARATOR = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u2022-]|::|//)\s+|\s*:\s+")
CJK_PER_WORD = 2
UNSPACED_PER_WORD = 4  # Thai words average 3-4 letters with their vowel marks


def base_language(code: str | None) -> str:
    """The language of a code without its region or script: 'pt-BR' -> 'pt', 'zh_Hant' -> 'zh', None -> ''."""
    return re.split(r"[-_]", (code or "").lower())[0]


@lru_cache(maxsize=64)
def stop_words(lang: str | None) -> frozenset[str]:
    """spaCy's stop-word list of ``lang`` (function words, pronouns), lower case; empty where spaCy has none."""
    try:
        import spacy

        return frozenset(w.lower() for w in spacy.util.get_lang_class((lang or "").lower()).Defaults.stop_words)
    except Exception:  # a language spaCy has no list for
        return frozenset()


_NOUN_TABLES = ("capitalised_nouns", "article_contractions", "noun_determiners", "adjective_endings")


@lru_cache(maxsize=1)
def _noun_tables() -> dict[str, dict[str, frozenset[str]]]:
    """data/disagreements.json's word lists of the languages that capitalise every noun, by list and language."""
    data = _disagreements()
    return {key: {lang: frozenset(words) for lang, words in data[key].items()} for key in _NOUN_TABLES}


def _noun_table(key: str, lang: str | None) -> frozenset[str]:
    return _noun_tables()[key].get(base_language(lang), frozenset())


def noun_articles(lang: str | None) -> frozenset[str]:
    """The articles of a language that capitalises every noun (data/disagreements.json 'capitalised_nouns':
    German, Luxembourgish); empty for any other language."""
    return _noun_table("capitalised_nouns", lang)


def article_contractions(lang: str | None) -> frozenset[str]:
    """The prepositions fused with an article of a language that capitalises its nouns ('am', 'zum')."""
    return _noun_table("article_contractions", lang)


@lru_cache(maxsize=64)
def noun_markers(lang: str | None) -> frozenset[str]:
    """noun_articles with the prepositions the language fuses with an article ('am', 'zum': data/disagreements.json
    'article_contractions') and its other determiners and number words ('seine', 'acht', 'Milliarden':
    'noun_determiners'): the words a noun follows."""
    return noun_articles(lang) | article_contractions(lang) | _noun_table("noun_determiners", lang)


_WORDS_BEFORE = re.compile(r"(?:(\w+)\s+)?([\w.,]+)\s+$")  # the two words before a word
_FIGURE = re.compile(r"\d[\d.,]*")


def noun_position(text: str, start: int, lang: str | None) -> str | None:
    """Where every noun is capitalised (noun_markers of ``lang``), why the word at ``start`` is a common noun:
    "figure" right after a figure ('1.800 Menschen'), "article" right after an article, an article fused with a
    preposition or another determiner, or an article and its adjective (data/disagreements.json
    'adjective_endings': 'die Grenze', 'am Dienstagmorgen', 'dem schweren Erdbeben'); None otherwise (after a
    preposition it may be a place: 'in Tarvel')."""
    markers = noun_markers(lang)
    if not markers:
        return None
    before = _WORDS_BEFORE.search(text[max(0, start - 60):start])
    if before is None:
        return None
    if _FIGURE.fullmatch(before.group(2)) is not None:
        return "figure"
    last, first = before.group(2).lower(), (before.group(1) or "").lower()
    adjective = before.group(2).islower() and any(last.endswith(e) and len(last) > len(e) + 1
                                                   for e in _noun_table("adjective_endings", lang))
    return "article" if last in markers or first in markers and adjective else None


@lru_cache(maxsize=1)
def _disagreements() -> dict:
    """data/disagreements.json, read once."""
    return json.loads(resources.files("crosscheck.data").joinpath("disagreements.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=16)
def _particle_verbs(lang: str | None) -> re.Pattern | None:
    forms = _disagreements().get("particle_verbs", {}).get(base_language(lang or "en"), ())
    if not forms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")\s+$",
                      re.IGNORECASE)


def verb_particle_before(text: str, start: int, lang: str | None) -> bool:
    """The words right before ``start`` end in a phrasal verb whose particle is also a qualifier ('handed over 150
    soldiers': data/disagreements.json 'particle_verbs'), so that word qualifies no number."""
    pat = _particle_verbs(lang)
    return bool(pat and pat.search(text, max(0, start - 30), start))


@lru_cache(maxsize=64)
def coordinators(lang: str | None) -> frozenset[str]:
    """The conjunctions that join two clauses in ``lang`` (data/disagreements.json 'clause_breaks': 'y', 'und')."""
    return frozenset(_disagreements()["clause_breaks"].get(base_language(lang) or "en", ()))


def word_count(text: str) -> int:
    """Words in ``text``, whatever its script (estimated for scripts written without spaces)."""
    if not text:
        return 0
    cjk = len(_CJK_RE.findall(text))
    unspaced = len(_UNSPACED_RE.findall(text))
    spaced = len(_WORD.findall(_NOT_SPACED.sub(" ", text))) if (cjk or unspaced) else len(_WORD.findall(text))
    return spaced + -(-cjk // CJK_PER_WORD) + -(-unspaced // UNSPACED_PER_WORD)


def unspaced_share(text: str) -> float:
    """Share of the letters written in a script without spaces between words (0.0 .. 1.0)."""
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return 0.0
    return (len(_CJK_RE.findall(text)) + len(_UNSPACED_RE.findall(text))) / letters


_NO_STOP = re.compile("[\u0e00-\u0eff]")  # Thai and Lao: a sentence ends with a space, not a stop


def without_full_stop(text: str) -> bool:
    """Whether ``text`` is mostly in a script that marks no sentence end (Thai, Lao)."""
    letters = sum(1 for ch in text if ch.isalpha())
    return bool(letters) and len(_NO_STOP.findall(text)) > 0.5 * letters


_OPENERS = "\"'\u201c\u201d\u00ab\u00bb\u201e\u2039\u203a\u300c\u300d\u300e\u300f\u2018\u2019([\u2014\u2013-"
_SENTENCE_ENDS = ".!?:;\n\u3002\uff01\uff1f"


def token_f1(a: list[str], b: list[str]) -> float:
    """F1 of two token lists as multisets: the share of each one's words the other has (0 without any)."""
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b)) if common else 0.0


def sentence_initial(text: str, at: int) -> bool:
    """Whether ``text[at]`` opens a sentence: only spaces, quote marks, brackets and dashes stand between it
    and a full stop (of any script), a colon or the start of the text."""
    k = at - 1
    while k >= 0 and (text[k].isspace() or text[k] in _OPENERS):
        k -= 1
    return k < 0 or text[k] in _SENTENCE_ENDS


@lru_cache(maxsize=1)
def _sentence_data() -> dict:
    with resources.files("crosscheck.data").joinpath("sentences.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _chars(key: str) -> str:
    return re.escape("".join(_sentence_data()[key]))


@lru_cache(maxsize=1)
def _boundary() -> re.Pattern:
    """A stop with the closing quotes and brackets after it: spaced stops need whitespace next, dense ones not."""
    return re.compile(rf"[{_chars('stops')}][{_chars('closers')}]*(?=\s)|[{_chars('dense_stops')}][{_chars('closers')}]*")


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(entries matched as written, lower-case entries also matched capitalised)."""
    words = _sentence_data()["abbreviations"]
    return frozenset(words), frozenset(w for w in words if w.islower())


_WORD_BEFORE = re.compile(r"(?:[^\W\d_]+\.)*[^\W\d_]+$")


def _abbreviation(line: str, stop: int) -> bool:
    """Whether the full stop at ``line[stop]`` closes an abbreviation rather than a sentence: a listed word
    ('Gen.', 'St.'), a single capital letter ('N. Korea') or dotted capitals ('U.S.'); not 'p.m.'."""
    m = _WORD_BEFORE.search(line, max(0, stop - 24), stop)
    if m is None:
        return False
    word = m.group()
    exact, lower = _abbreviations()
    if "." in word or len(word) == 1:
        return word[-1].isupper() or word.rsplit(".", 1)[-1] in exact  # ('ए. आर. रहमान': an uncased initial)
    return word in exact or (word[0].isupper() and word[0].lower() + word[1:] in lower)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, trimmed of whitespace: every line is one or more sentences;
    inside a line a sentence ends at a stop (with its closing quotes) followed by whitespace and a character that
    is not a lower-case letter (opening quotes skipped), or at a Chinese/Japanese stop; a full stop after an
    abbreviation does not end one."""
    spans: list[tuple[int, int]] = []
    openers = _sentence_data()["openers"]
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = 0
        for m in _boundary().finditer(line):
            nxt = m.end()
            while nxt < len(line) and line[nxt].isspace():
                nxt += 1
            first = nxt
            while first < len(line) and line[first] in openers:
                first += 1
            if nxt >= len(line) or first >= len(line) or line[first].islower():
                continue
            if line[m.start()] == "." and _abbreviation(line, m.start()):
                continue
            if line[cut:m.end()].strip():
                spans.append(_trim(text, start + cut, start + m.end()))
            cut = nxt
        if line[cut:].strip():
            spans.append(_trim(text, start + cut, start + len(line)))
    return spans


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


@lru_cache(maxsize=1)
def closers() -> str:
    """The closing quotes and brackets that may follow a sentence's stop (``data/sentences.json``)."""
    return "".join(_sentence_data()["closers"])


def ends_with_stop(text: str) -> bool:
    """Whether ``text`` ends like a sentence: a stop of any script, closing quotes and brackets after it allowed."""
    data = _sentence_data()
    stripped = text.rstrip().rstrip(closers())
    return bool(stripped) and (stripped[-1] in data["stops"] or stripped[-1] in data["dense_stops"])


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The span of ``spans`` (sorted, from :func:`sentence_spans`) that holds offset ``pos``; (pos, pos) when
    ``pos`` lies between sentences."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return (pos, pos)


@lru_cache(maxsize=256)
def script_of(language: str | None) -> str:
    """The script a language is written in, from CLDR's likely subtags (babel): 'Latn', 'Cyrl', 'Kore', 'Arab'...;
    '' for an unknown language."""
    if not language:
        return ""
    try:
        from babel.core import get_global
        likely = get_global("likely_subtags").get(language) or ""
    except Exception:  # babel without its data
        return ""
    parts = likely.split("_")
    return parts[1] if len(parts) > 1 else ""


@lru_cache(maxsize=1)
def english_scale_words() -> dict[str, int]:
    """Scale words English writes after digits besides thousand, million and billion (data/number_words.json
    'scale_words' 'en': lakh, crore), lowercase -> value; shared by the quantity reader and the claim comparer."""
    table = json.loads(resources.files("crosscheck.data").joinpath("number_words.json").read_text(encoding="utf-8"))
    return {w.lower(): int(v) for w, v in table.get("scale_words", {}).get("en", {}).items()}
