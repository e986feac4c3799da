"""The patterns of a language's cue words (data/claim_cues.json) for the claim finder outside English
(analyze/claims_multi.py): alternations of words, forms of several words and quote-mark pairs."""
from __future__ import annotations

import re

from crosscheck.textunits import COMBINING, WORD_CHAR


def _proclitic(form: str) -> bool:
    """A form of several words ending in a one-letter word of an uncased script, which is written joined to the next
    word ('وفقا ل': 'وفقا لوزارة الصحة')."""
    last = form.split()[-1] if len(form.split()) > 1 else ""
    return len(last) == 1 and last.isalpha() and last.lower() == last.upper()


def _alternation(words, substring: bool, flags=re.IGNORECASE, prefixes=(), endings=(), unlike=(),
                 between=()) -> re.Pattern | None:
    """``between``: words that may stand between the first two words of a form ('a toutefois démenti')."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    if substring:
        return re.compile(f"(?:{body})", flags)
    adverbs = "|".join(re.escape(b).replace(r"\ ", r"\s+") for b in between)
    gap = rf"\s+(?:(?:{adverbs})\s+)?" if between else r"\s+"
    pre = f"(?:{'|'.join(map(re.escape, prefixes))})?" if prefixes else ""
    # an elided word ("qu'", "l'") runs into the next one: no boundary after it
    # (a word ends where no letter, digit or combining mark follows: 'न' (not) is no part of 'नौ' (nine))
    # (so does a proclitic of one letter in a script without capitals: Arabic 'وفقا ل' + 'وزارة' = 'وفقا لوزارة')
    plain = [re.escape(w).replace(r"\ ", gap, 1).replace(r"\ ", r"\s+") for w in words
             if w[-1] not in "'\u2019" and not _proclitic(w)]
    elided = [re.escape(w).replace(r"\ ", r"\s+") for w in words if w[-1] in "'\u2019" or _proclitic(w)]
    body = "|".join(([f"(?:{'|'.join(plain)})(?!{WORD_CHAR})"] if plain else []) + elided)
    if endings:  # a stem, then one of them ('olmadığını', 'yapmayacağız': Turkish 'not'), but for words like them
        body += (rf"|(?!(?:{'|'.join(map(re.escape, unlike))})(?!\w))" if unlike else "|") + \
            rf"\w{{2,}}(?:{'|'.join(map(re.escape, endings))})\w*"
    return re.compile(rf"(?<![\w{COMBINING}'\u2019]){pre}(?:{body})", flags)


def _pair(open_: str, close: str) -> re.Pattern:
    stop = re.escape(close) + ("" if close == open_ else re.escape(open_))
    return re.compile(f"{re.escape(open_)}([^{stop}\\n]{{2,}}?){re.escape(close)}")


def _quoting(entry: dict | None, that) -> re.Pattern | None:
    """A sentence relaying a source's saying, from its opening verb to what was said (data/claim_cues.json 'quoting':
    'نقلت X عن Y قوله إن'): groups 'verb', 'relayer', 'source'."""
    if not entry or not that:
        return None

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return re.compile(rf"\s*(?P<verb>{alt(entry['verbs'])})\s+(?P<relayer>.+?)\s+(?:{alt(entry['from'])})\s+"
                      rf"(?P<source>.+?)\s+(?:{alt(entry['saying'])})\s+(?:{alt(that)})(?!\w)\s*")
