"""A report's headline, read for its claims.

A headline is written in a register of its own: title case or capitals ('Lindsay Lohan Checks Into Rehab',
'FIRED IN PHILLY!!'), no final stop, the present tense for what happened and a bare participle for the passive
('Woman Killed In Queens Hit-And-Run, Driver Charged'), a colon for 'says' ('Zelenskyy: North Korean officers
...'). The parser reads title case as a string of names and finds no claim in it. Here the headline is put in
sentence case by the report's own text (``sentence_case``: a word the text writes in lower case more often than
capitalised is lower-cased, the length kept so that offsets hold), then parsed on its own; the claim finder reads
it with the headline's allowances (``is_fact``), and its claims are the report's (``Claim.in_title``).

Pure functions over strings and parsed spans: analyze/__init__.py parses, claims.py makes the claims.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from typing import Callable
from importlib import resources

from spacy.tokens import Span

from crosscheck.textunits import TITLE_SEPARATOR, sentence_initial

_WORD = re.compile(r"[^\W\d_]+")
_TITLE_SHARE = 0.6  # capitalised share of a headline's longer words (4+ letters) that makes it title case
MIN_WORDS = 4  # words a headline needs to state something of its own ('Obama visits Hiroshima' is three)


def sentence_case(title: str, body: str, stops: frozenset[str] = frozenset(),
                  known: Callable[[str], bool] | None = None) -> str:
    """``title`` in sentence case where it is written in title case or capitals, judged by ``body``: each
    word after the first that the body writes in lower case more often than capitalised (inside a sentence)
    is lower-cased, and so is one the body does not write at all when it is a function word (``stops``) or
    when the body writes another form of it in lower case only ('Kills' / 'killed'), and any word ``known``
    tells is one of the language's, no name ('Hid', 'Says': a verb the body writes nowhere but in its own copy
    of the headline, analyze.headline); in a headline of capitals
    the other words keep a capital initial ('RED SOX MAKE HUGE OFFER' -> 'Red Sox make huge offer'), unless
    the body writes them in capitals ('NATO'); the first word of a quote after a colon keeps its capital. Same
    length as ``title``."""
    words = [m for m in _WORD.finditer(title)]
    longer = [m.group(0) for m in words if len(m.group(0)) >= 4]
    if not longer:
        return title
    capitals = all(w.isupper() for w in longer)
    if not capitals and sum(w[:1].isupper() for w in longer) < _TITLE_SHARE * len(longer):
        return title
    lower, capital, upper = Counter(), Counter(), Counter()
    for m in _WORD.finditer(body):
        w = m.group(0)
        if w.islower():
            lower[w] += 1
        elif w.isupper() and len(w) > 1:
            upper[w.lower()] += 1
        elif w[:1].isupper() and not sentence_initial(body, m.start()):
            capital[w.lower()] += 1
    out = list(title)
    for n, m in enumerate(words):
        w, k = m.group(0), m.group(0).lower()
        if n > 0 and not capitals and len(w) == 1 and lower[k] > capital[k] and title[m.start() - 1] == " " and \
                title[m.end():m.end() + 1] in (" ", ""):
            out[m.start():m.end()] = k  # a one-letter word the body writes in lower case ('Rip Trump As A Fraud': the
            continue  # article; not 'I', which it capitalises, nor a letter of 'U.S.')
        if n == 0 and not capitals or len(w) == 1 or not capitals and w.isupper():
            continue  # the first word; a letter of 'U.S.'; an acronym of a title-case headline ('EV', 'US')
        if _QUOTED_OPENING.search(title, 0, m.start()) and not capitals:
            continue  # the first word of a quote after a colon ('Ruiz: ‘We Will Not Pay’'): a sentence's first
        if n > 0 and (lower[k] > capital[k] + upper[k] or not (lower[k] or capital[k] or upper[k]) and (
                k in stops or _lower_form(k, lower, capital)) or known is not None and known(k)):
            new = k
        elif capitals:
            new = w if upper[k] > capital[k] + lower[k] else w[:1] + k[1:]
        else:
            continue
        out[m.start():m.end()] = new
    return "".join(out)


_QUOTED_OPENING = re.compile(r":\s*[\"'\u2018\u201c]$")
_SEPARATOR = TITLE_SEPARATOR
_KEY = re.compile(r"[^\W_]+")


def site_free(title: str, outlet: str | None, host: str | None) -> tuple[int, int]:
    """(start, end) of ``title`` without the site's name it opens or closes with, as the page title gives it
    ('New York State Attorney General reportedly investigating WeWork – TechCrunch', 'LinkNaija | Nigeria's
    popular news platform: BREAKING NEWS: ...'): a first or last part, cut off by a separator (' | ', ' - ',
    ' – ', ': '), whose letters are the outlet's name or the main part of the host name, or contain them."""
    names = {k for k in (_key(outlet), _key(_host_label(host))) if len(k) >= 4}
    start, end = 0, len(title)
    if not names:
        return start, end
    low, own = title.casefold(), (outlet or "").casefold()
    if len(_key(own)) >= 4 and low.startswith(own):  # the whole outlet name as written opens or closes it
        m = _SEPARATOR.match(title, len(own))
        start = m.end() if m else start
    if len(_key(own)) >= 4 and low.endswith(own):
        m = next((m for m in _SEPARATOR.finditer(title) if m.end() == len(title) - len(own)), None)
        end = m.start() if m else end
    cuts = [m for m in _SEPARATOR.finditer(title, 0, end) if m.start() >= start]
    if cuts and _names_site(title[cuts[-1].end():], names):
        end = cuts[-1].start()
    if start == 0 and cuts and cuts[0].start() < end and _names_site(title[:cuts[0].start()], names):
        start = cuts[0].end()
    return (start, end) if end - start >= 3 else (0, len(title))


def kicker_free(title: str, start: int, end: int, language: str) -> int:
    """Where the headline in ``title[start:end]`` starts past its kickers, the labels of the kind of piece
    ('Opinion | ...', 'BREAKING NEWS: ...'; data/headline_kickers.json)."""
    kickers = _kickers(language)
    while (m := _SEPARATOR.search(title, start, end)) and title[start:m.start()].strip().casefold() in kickers:
        start = m.end()
    return start


@lru_cache(maxsize=None)
def _kickers(language: str) -> frozenset[str]:
    with resources.files("crosscheck.data").joinpath("headline_kickers.json").open(encoding="utf-8") as fh:
        return frozenset(json.load(fh)["languages"].get(language, ()))


def _key(text: str | None) -> str:
    return "".join(_KEY.findall((text or "").casefold()))


def _host_label(host: str | None) -> str | None:
    """'www.techcrunch.com' -> 'techcrunch': the longest label before the top-level domain(s)."""
    if not host:
        return None
    labels = [x for x in host.lower().split(".") if x and x not in ("www", "m", "amp", "edition", "news")]
    return max(labels[:-1] or labels, key=len) if labels else None


def _names_site(part: str, names: set[str]) -> bool:
    key = _key(part)
    return bool(key) and any(n in key or key in n and len(key) >= 4 for n in names) and len(part.split()) <= 8


def _lower_form(word: str, lower: Counter, capital: Counter) -> bool:
    """The body writes another form of ``word`` (the same first letters but its last two, four at least) in
    lower case and never capitalised inside a sentence."""
    stem = word[:max(4, len(word) - 2)]
    if len(word) < 5:
        return False
    forms = [w for w in lower if w.startswith(stem)]
    return bool(forms) and not any(w.startswith(stem) for w in capital)


def is_fact(sent: Span, words: int, personal: bool, fact: bool) -> bool:
    """A headline that states something as the outlet's own: a verb in any form ('Driver charged', 'Quake
    kills 10', 'Ross in talks to direct sequel'), a number, date or named actor (``fact``), no first or second
    person, and at least MIN_WORDS words (``words``); a question is no statement."""
    if words < MIN_WORDS or personal or not fact or sent.text.rstrip().endswith("?"):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in sent)
