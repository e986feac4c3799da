"""Per-sentence evidence of derivation, computed once per report and stored in its Fingerprint.

* spans: every sentence's (start, end) in ``Document.text`` (headline and dateline lines included);
* sketches: for a long *narrative* sentence (quotes removed, not boilerplate), the bottom-k hashes of
  its word 3-shingles (k-minimum values): two copies of one sentence share most of them even after
  a word or two was edited; an empty tuple for other sentences;
* anchors: what survives translation: numbers (separators and trailing zeros dropped, so 23,000 /
  23.000 / 23 000 / "23 mil" agree on "23"), and names (capitalised words, transliterated to Latin
  with anyascii, cut to a stem so inflections agree: Pentágono / Pentagon / Пентагон -> "penta").
Sentences are ``textunits.sentence_spans`` (one rule for every stage); lengths count words in spaced
scripts and characters in Chinese, Japanese and Thai.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from anyascii import anyascii

from ..textunits import sentence_spans

SKETCH = 8  # bottom-k hashes kept per narrative sentence
INDEXED = 4  # ... of which the smallest this many are indexed
STEM = 5  # characters of a transliterated name kept as its anchor
_MASK = (1 << 53) - 1  # JSON-safe integers

_WORD = re.compile(r"\w+", re.UNICODE)
_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
_QUOTED = re.compile(r"\"[^\"]{3,}\"|“[^”]{3,}”|„[^“”]{3,}[“”]|«[^»]{3,}»|»[^«]{3,}«|「[^」]{2,}」|『[^』]{2,}』|"
                     r"‘[^’]{12,}’|(?<!\w)'[^']{12,}'(?!\w)")
_NUMBER = re.compile(r"\d[\d.,\u00a0\u202f ]*\d|\d")


@lru_cache(maxsize=1)
def _data() -> dict:
    with resources.files("crosscheck.data").joinpath("wires.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    pats = [p.removeprefix("(?i)") for p in _data().get("boilerplate", [])]
    return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!)", re.I)


@lru_cache(maxsize=1)
def _attribution() -> re.Pattern:
    pats = [p.removeprefix("(?i)") for p in _data().get("attribution", [])]
    return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!)", re.I)


def units(text: str) -> int:
    """Length in words; characters count for scripts written without spaces."""
    dense = len(_DENSE.findall(text))
    words = len(_WORD.findall(_DENSE.sub(" ", text))) if dense else len(_WORD.findall(text))
    return words + dense // 2


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    if _DENSE.search(text):  # one token per character in scripts without spaces
        return [t for w in _WORD.findall(text) for t in (list(w) if _DENSE.match(w) else [w])]
    return _WORD.findall(text)


def _hash(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big") & _MASK


_OPEN = {'"': '"', "“": "”", "„": "“”", "«": "»", "»": "«", "「": "」", "『": "』"}


_QUOTE_CHAR = re.compile("[" + re.escape("".join(_OPEN)) + "]")


def unquoted(text: str) -> str:
    """``text`` with quoted speech blanked (same length): closed quotes, and a quote left open that
    runs to the end of its paragraph (a quote of several sentences). Offsets stay valid."""
    if not _QUOTE_CHAR.search(text):
        return text
    out = list(text)
    pos = 0
    for para in text.split("\n"):
        n = len(para)
        i = 0
        while True:
            m = _QUOTE_CHAR.search(para, i)
            if m is None:
                break
            i, ch = m.start(), m.group()
            if ch == '"' and i > 0 and para[i - 1].isalnum():  # a closing mark with no opening one
                i += 1
                continue
            close = _OPEN[ch]
            j = min((k for k in (para.find(c, i + 1) for c in close) if k >= 0), default=n)
            out[pos + i:pos + min(j + 1, n)] = " " * (min(j + 1, n) - i)
            i = j + 1
        pos += n + 1
    return "".join(out)


def narrative(sentence: str, own: str, min_units: int) -> str | None:
    """The sentence's own narration (``own``: the sentence with quotes blanked) when it is long enough
    to be the reporter's words (and is no boilerplate), else None."""
    own = _QUOTED.sub(" ", own)
    if units(own) < min_units or _boilerplate().search(sentence):
        return None
    return own


def sketch(text: str) -> tuple[int, ...]:
    """Bottom-k hashes of the word 3-shingles of a (narrative) sentence."""
    toks = _tokens(text)
    grams = {" ".join(toks[i:i + 3]) for i in range(max(1, len(toks) - 2))}
    return tuple(sorted({_hash(g) for g in grams})[:SKETCH])


def resemblance(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard of two sentences' shingle sets from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    k = min(SKETCH, len(sa | sb))
    union = sorted(sa | sb)[:k]
    return sum(1 for h in union if h in sa and h in sb) / k


def _number(tok: str) -> str | None:
    digits = re.sub(r"[^\d]", "", tok).rstrip("0")
    return digits or None


def anchors(sentence: str, names_elsewhere: set[str] | None = None) -> tuple[str, ...]:
    """Numbers and transliterated name stems of one sentence (its first word only when the report
    capitalises it elsewhere too: sentence-initial words are mostly not names)."""
    out = []
    for m in _NUMBER.finditer(sentence):
        n = _number(m.group())
        if n:
            out.append("#" + n)
    first = True
    for m in _WORD.finditer(sentence):
        w = m.group()
        if w[0].islower() or w[0].isdigit():
            first = False
            continue
        stem = name_stem(w)
        if stem and (not first or (names_elsewhere is not None and stem in names_elsewhere)):
            out.append(stem)
        first = False
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=65536)
def name_stem(word: str) -> str | None:
    """A capitalised word's transliterated stem ("Pentágono" -> "penta"), or None for other words."""
    if not word[0].isupper():
        if word[0].islower() or word[0] == "_":
            return None
        if not _caseless(word[0]):  # a digit or a mark
            return None
    latin = anyascii(word).lower()
    latin = re.sub(r"[^a-z0-9]", "", latin)
    if len(latin) < 4:
        return None
    return latin[:STEM]


def _caseless(ch: str) -> bool:
    """Scripts without letter case (Arabic, Hebrew, CJK, Hangul, Thai...): every word may be a name."""
    return ch.isalpha() and not ch.isupper() and not ch.islower()


def features(text: str, min_units: int) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, ...], ...],
                                                 tuple[tuple[str, ...], ...], tuple[int, ...]]:
    """(spans, sketches, anchors) of a report's text, one entry per sentence, and the narrative
    sentences that report what someone said (weaker evidence: close to a quote)."""
    spans = sentence_spans(text)
    sentences = [text[a:b] for a, b in spans]
    elsewhere: set[str] = set()
    for s in sentences:
        words = _WORD.findall(s)
        for w in words[1:]:
            if w[0].islower() or w[0].isdigit():
                continue
            st = name_stem(w)
            if st:
                elsewhere.add(st)
    blank = unquoted(text)
    sketches, said = [], []
    cue = _attribution()
    for k, ((a, b), s) in enumerate(zip(spans, sentences)):
        own = narrative(s, blank[a:b], min_units)
        sketches.append(sketch(own) if own is not None else ())
        if own is not None and cue.search(own):
            said.append(k)
    return tuple(spans), tuple(sketches), tuple(anchors(s, elsewhere) for s in sentences), tuple(said)
