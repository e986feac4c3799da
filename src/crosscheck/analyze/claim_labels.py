"""Speakers named by layout rather than by a verb: a transcript or headline label ('PENCE: ...',
'Pence: Flowers won't be at the debate') and a credit line under a quoted paragraph ('― Ana Ruiz').

Pure reading of one parsed sentence; claims.py makes the claims. The PolNeAR guidelines (Newell,
Margolin & Ruths, LREC 2018) annotate both, the colon or the dash being the cue.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from crosscheck.analyze.claim_index import LABEL_SOURCES, LABEL_TOPIC_PREPS

DASHES = "\u2015\u2014\u2013"  # horizontal bar, em dash, en dash: the credit-line marks
OPENING_QUOTES = "\"'\u201c\u2018"  # marks that open a quote (claim_objects reads them too)
_CLOSING = "\"'\u201d\u2019\n"  # a credit line follows a closing quote mark or opens a line
_NAME_POS = ("PROPN",)
HSPACE = re.compile(r"[^\S\n]+")  # spaces other than a line break (no-break spaces of scraped text too)
_MAX_NAME_WORDS = 5
_MAX_TOPIC_WORDS = 5


def dash_credit(sent: Span, start: int | None = None) -> Token | None:
    """The head of the name on a credit line ('― Ana Ruiz', '” ― Ana Ruiz.'): a dash and a short name
    with no verb, nothing else (from character ``start`` on: the end of a quote the sentence holds)."""
    words = [t for t in sent if (start is None or t.idx >= start)
             and not t.is_space and not (t.is_punct and t.text not in DASHES)]
    if not words or words[0].text[:1] not in DASHES:
        return None
    text = sent.doc.text
    before = HSPACE.sub(" ", text[: words[0].idx]).rstrip(" ")
    after = HSPACE.sub(" ", text[words[-1].idx + len(words[-1].text) :]).lstrip(" .")
    if (before and before[-1] not in _CLOSING) or (after and after[0] != "\n"):
        return None  # a dash inside a sentence, not a credit line closing a quote
    name = words[1:]
    if not 1 <= len(name) <= _MAX_NAME_WORDS or any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    heads = [t for t in name if t.pos_ in _NAME_POS]
    return heads[-1] if heads and name[0].pos_ in _NAME_POS else None


def credit_mark(name: Token) -> str:
    """The dash that opens the credit line whose name ``name`` heads."""
    return next((t.text for t in reversed(name.doc[name.sent.start : name.i]) if t.text[:1] in DASHES), DASHES[0])


def label(sent: Span, known: dict[int, str], names: frozenset[str] = frozenset(),
          sources: frozenset[str] = LABEL_SOURCES) -> tuple[Token, int] | None:
    """(head of the speaker label, index of the first content token) for 'PENCE: C' / 'Pence: C': a
    sentence opening with a name the report knows as an entity (``known``: token -> entity key; ``names``:
    the words of its entities' names, for an upper-case transcript label; a family's plural too), or with a
    phrase a noun of ``sources`` heads ('Poll: C', 'State police: C'), with a topic after 'on' or 'about' or
    none ('Ruiz on the ferry levy: C'), then a colon, then at least three words (or the sentence ends at the
    colon and its line goes on: 'WALLACE:' split off by the parser)."""
    toks = [t for t in sent if not t.is_space]
    k = 0
    while k < len(toks) and toks[k].text in OPENING_QUOTES:
        k += 1
    reach = min(k + _MAX_NAME_WORDS + _MAX_TOPIC_WORDS + 2, len(toks))
    colon = next((j for j in range(k, reach) if toks[j].text == ":"), None)
    if colon is None or colon == k:
        return None
    # 'Ruiz on the ferry levy: C': the label names its topic after 'on' or 'about'
    topic = next((j for j in range(k + 1, colon) if toks[j].lower_ in LABEL_TOPIC_PREPS), colon)
    if colon - topic - 1 > _MAX_TOPIC_WORDS or topic - k > _MAX_NAME_WORDS:
        return None
    name = toks[k:topic]
    # one word of a name the report gives in full counts whatever its tag: a headline's 'Sanders: C' (a
    # parser reads a sentence-initial surname as a common noun) or a transcript's 'WALLACE: C'
    alone = name[0].text[:1].isupper() and all(t.text in names or t.text.title() in names or (
        t.text.endswith("s") and t.text[:-1] in names) for t in name) and (  # ('Brandts: C', the family)
        len(name) == 1 or all(t.text.isupper() for t in name))  # ('JAKE TAPPER': a transcript's label, transcript_names)
    if _source_label(name, sources):
        pass  # 'Poll: C', 'New poll: C' (the noun heads the label; a name is not needed)
    elif not alone and not all(t.pos_ in _NAME_POS or t.text.isupper() for t in name):
        return None
    elif not any(t.i in known for t in name) and not alone:
        return None  # 'Update: ...' (no name of the report's)
    if sum(1 for t in toks[colon + 1 :] if t.is_alpha) < 3:
        doc = sent.doc  # 'WALLACE:' the parser ended there: the label of the rest of its line
        if colon + 1 == len(toks) and sent.end < len(doc) and "\n" not in "".join(
                t.text_with_ws for t in doc[toks[-1].i : sent.end]):  # (the text up to the next sentence; doc.text would join all)
            return name[-1], sent.end
        return None
    return name[-1], toks[colon + 1].i


def _source_label(name: list[Token], sources: frozenset[str]) -> bool:
    """The label's last word is a noun of ``sources`` (singular or plural), the first capitalised, the others
    its modifiers ('Poll', 'New poll', 'State Police', 'OFFICIALS'; not 'Frustration with police', a heading)."""
    last = name[-1].text.lower()
    return bool(sources) and (last in sources or last.endswith("s") and last[:-1] in sources) and \
        name[0].text[:1].isupper() and all(t.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") for t in name) and len(name) <= 3


_LABEL_LINE = re.compile(r"(?m)^[ \t]*[\"\u201c]?([^\W\d_a-z][^\W\da-z]*(?:[ .'\u2019-]+[^\W\d_a-z][^\W\da-z]*){0,2}):")


def transcript_names(text: str) -> frozenset[str]:
    """The words of the upper-case labels of a transcript ('TAPPER: ...', 'JAKE TAPPER: ...'): labels whose last
    word opens at least two paragraphs, in title case as a name is written ('Tapper', 'Jake'); a label seen once
    ('VIDEO:', 'CORRECTION:') is no speaker."""
    labels = [m.group(1).split() for m in _LABEL_LINE.finditer(text) if m.group(1).isupper()]
    last = [words[-1] for words in labels]
    return frozenset(w.title() for words in labels if last.count(words[-1]) >= 2 for w in words)
