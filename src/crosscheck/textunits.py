"""Script-aware text measures: words where words are spaced, estimated words where they are not.

Chinese and Japanese write no spaces between words and Thai, Lao, Khmer and Burmese none inside a
sentence, so a count of whitespace-separated words calls a whole Chinese paragraph one word. Every
length rule (cleaning, boilerplate, claims) counts with :func:`word_count` instead: letter and digit
runs in spaced scripts (hyphen and apostrophe joined), plus Han/kana characters at two per word (mean Chinese word length is
1.5-2 characters) and Southeast Asian letters (vowel signs included) at four per word.
"""
from __future__ import annotations

import re

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_CJK_RE = re.compile(f"[{_CJK}]")
_UNSPACED_RE = re.compile(f"[{_UNSPACED}]")
_NOT_SPACED = re.compile(f"[{_CJK}{_UNSPACED}]+")
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")  # 'well-known', 'O'Brien': one word
CJK_PER_WORD = 2
UNSPACED_PER_WORD = 4  # Thai words average 3-4 letters with their vowel marks


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


def sentence_initial(text: str, at: int) -> bool:
    """Whether ``text[at]`` opens a sentence: only spaces, quote marks, brackets and dashes stand between it
    and a full stop (of any script), a colon or the start of the text."""
    k = at - 1
    while k >= 0 and (text[k].isspace() or text[k] in _OPENERS):
        k -= 1
    return k < 0 or text[k] in _SENTENCE_ENDS
