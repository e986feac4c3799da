"""Where a report quotes: the character spans inside quote marks (straight, curly, guillemets, low-high, and the
typewriter '' ... ''), short quotes told from scare quotes by a verb of saying beside them, quote paragraphs left
open in the newspaper convention, quoted titles that are no one's words, and a headline's single marks; claims.py reads its
quotes from these."""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from crosscheck.analyze.claim_index import ASKING, CUES, WORK_NOUNS
from crosscheck.analyze.claim_labels import HSPACE
from crosscheck.analyze.entities import doc_text

# (or opened after a sentence of the paragraph: '"C1," X said. "C2 ...' running on into the next paragraph)
_OPEN_QUOTE_PARAGRAPH = re.compile(r"(?m)(?:^|(?<=[.!?] ))[ \t]*[\"\u201c]([^\"\u201c\u201d\n]{2,}?)[ \t]*$(?=\n+[ \t]*[\"\u201c])")

# quote marks: straight, curly, guillemets, low-high, and two typewriter apostrophes ('' ... '', the
# newswire transliteration of curly quotes); a curly opening closed by a straight mark (copy-edited text
# mixing both) is a quote too; so is a paragraph opened by a closing curly mark ('\u201dC.\u201d', an
# autocorrect slip of scraped text: at a line's start a quote mark can only open)
_QUOTE = re.compile(r"\"([^\"\u201c\u201d\n]{2,}?)\u201d|\"([^\"\n]{2,}?)\"|\u201c([^\u201d\n]{2,}?)\u201d|\u00ab([^\u00bb\n]{2,}?)\u00bb|\u201e([^\u201c\u201d\n]{2,}?)[\u201c\u201d]"
                    r"|''((?:(?!'')[^\n]){2,}?)''|\u201c([^\u201d\"\n]{2,}?)\""
                    r"|(?:^|(?<=\n))[ \t]*\u201d([^\u201c\u201d\n]{2,}?)\u201d")

# single marks, as headlines quote (AP style): an opening mark after no letter, a closing one before none (not the
# apostrophes of "Don't" or "Clinton's")
_SINGLE = re.compile(r"(?<![^\W_])\u2018([^\u2018\u2019\n]{2,}?)\u2019(?![^\W_])|(?<![^\W_])'([^'\n]{2,}?)'(?![^\W_])")

_SHORT_SPEECH = re.compile(r"[^\W_][^\n]*[,?!]\s*$")
CUE_WINDOW = 6  # tokens after a short quote its speech cue may come ('"C," the New York businessman said')


def _speech_opening(sdoc: Doc, m: re.Match, quote: str) -> bool:
    """A short quote that opens its sentence, ends with a comma, '?' or '!' inside the marks and is followed by
    a verb of saying (data/attribution_cues_en.json) within a few words ('"He better live," she said.';
    '"I would," Melanie said'): speech, not a scare quote."""
    text = doc_text(sdoc)
    before = HSPACE.sub(" ", text[max(0, m.start() - 3) : m.start()]).rstrip(" ")
    if (before and not before.endswith(("\n", ".", "!", "?", "\u201d", '"', "'"))) or not _SHORT_SPEECH.match(quote):
        return False
    return cue_follows(sdoc, m.end())


def _speech_after_cue(sdoc: Doc, m: re.Match, quote: str) -> bool:
    """A short quote right after a verb of saying and its colon or comma that closes its sentence ('the mayor
    said: "We need change."', 'X said, "Absolutely not."'): speech, not a scare quote."""
    text = doc_text(sdoc)
    before = HSPACE.sub(" ", text[max(0, m.start() - 2) : m.start()]).rstrip(" ")
    after = HSPACE.sub(" ", text[m.end() : m.end() + 3]).lstrip(" ")
    if not before.endswith((":", ",")) or len(quote.split()) < 2 or (after and after[0] not in ".\n" and not quote.rstrip().endswith((".", "!", "?"))):
        return False
    mark = sdoc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
    if mark is None or mark.start < 2:
        return False
    cue = sdoc[mark.start - 2]  # the verb before the colon or comma
    return cue.lemma_ in CUES and cue.pos_ == "VERB"


def cue_follows(sdoc: Doc, char: int, across: bool = False) -> bool:
    """A verb of saying comes within ``CUE_WINDOW`` tokens after ``char`` ('"C," she said'), in the same
    sentence (``across``: also when the parser started a new one there: '"Why not?" Ruiz said.')."""
    text = doc_text(sdoc)
    after = sdoc.char_span(char, len(text), alignment_mode="expand")
    if after is None:
        return False
    question = text[:char].rstrip().endswith("?")  # ('"Did you know C?" Vell asked': a verb of asking frames it)
    for k, t in enumerate(after[:CUE_WINDOW]):
        if k and t.is_sent_start and not (across and all(x.is_punct or x.is_space for x in after[:k])):
            return False
        if (t.lemma_ in CUES or question and t.lemma_ in ASKING) and t.pos_ == "VERB":
            return True
    return False


def quote_regions(sdoc: Doc, min_words: int, single: bool = False) -> list[tuple[int, int, bool]]:
    """(start, end, open) character spans inside quote marks, at least a few words long, in text order;
    ``single``: single marks quote too (a headline's: 'Ruiz hammers harbour chief: ‘You should be investigated’').

    ``open``: a paragraph that opens a quote and does not close it, the quote going on in the next
    paragraph (the newspaper convention); it is credited to whoever the next quote is credited to."""
    out = []
    text = doc_text(sdoc)
    for m in (*_QUOTE.finditer(text), *(_SINGLE.finditer(text) if single else ())):
        g = next(k for k in range(1, m.re.groups + 1) if m.group(k) is not None)
        if _title(sdoc, m.start(g), m.end(g)):
            continue  # 'In his book, "Make Your Kid a Millionaire," X suggested C': a title, no one's words
        if len(m.group(g).split()) >= min_words or _speech_opening(sdoc, m, m.group(g)) or _speech_after_cue(sdoc, m, m.group(g)):
            out.append((m.start(g), m.end(g), False))
    for m in _OPEN_QUOTE_PARAGRAPH.finditer(doc_text(sdoc)):
        if len(m.group(1).split()) >= min_words:
            out.append((m.start(1), m.end(1), True))
    return sorted(out)


MARK_TOKENS = frozenset({'"', "''", "``", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e"})  # a quote mark as a token
_TITLE_WORDS = 10  # a quote after a noun naming a work is its title up to so many words, all capitalised


def _title(sdoc: Doc, start: int, end: int) -> bool:
    """The quoted words are all of one title the parser's named entities mark (a book, a film, a song), or a short
    title-case quote right after a noun naming a work ('in his 2012 book, "An American Son"': data work_nouns)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span if t.is_alpha] if span is not None else []
    if not words:
        return False
    if len(words) <= _TITLE_WORDS and all(t.is_title or t.is_stop for t in words) and words[0].is_title:
        before = [t for t in sdoc[max(0, words[0].i - 4) : words[0].i] if not t.is_punct]
        if before and before[-1].lemma_.lower() in WORK_NOUNS:
            return True
    if not all(t.ent_type_ == "WORK_OF_ART" for t in words):
        return False
    titles = {e.start for e in sdoc.ents if e.label_ == "WORK_OF_ART" and e.start <= words[-1].i and e.end > words[0].i}
    return len(titles) == 1  # one title, its opening mark inside the entity or not ("''A Harbour Son''")


def names_a_title(obj: Token) -> bool:
    """The noun phrase ``obj`` heads is the words of a quote that is a title ('said in his 2012 book, "An American
    Son"': the parser's object of 'said', no content of it; not 'calling Alwaleed "dopey"', a name and a word)."""
    left, right = obj.left_edge.i, obj.right_edge.i
    doc = obj.doc
    if left == 0 or right + 1 >= len(doc) or doc[left - 1].text not in MARK_TOKENS or not any(
            t.text in MARK_TOKENS for t in doc[right + 1 : right + 3]):
        return False
    return _title(doc, doc[left].idx, doc[right].idx + len(doc[right].text))


def quote_regions_of(quotes: list[tuple[int, int, bool]], start: int, end: int) -> list[tuple[int, int]]:
    """The character spans of the quotes overlapping start..end."""
    return [(a, b) for a, b, _ in quotes if a < end and b > start]


def verb_before_quote(sent: Span, region: tuple[int, int, bool], quoted: Callable[[Token], bool]) -> Token | None:
    """The verb that introduces a quote right after it, a comma or a colon between ('The ad shows footage of Mayor
    Ruiz asking, "Q"', 'Ruiz shot back, "Q"'), when it has a subject of its own outside the quote: its subject
    speaks, whatever the verb; None otherwise."""
    before = [t for t in sent if t.idx < region[0] and not t.is_space and t.text not in MARK_TOKENS | {"\u2018"}]
    if before and before[-1].text in (",", ":"):
        before = before[:-1]
    if not before:
        return None
    verb = before[-1]
    if verb.dep_ in ("prt", "advmod") and verb.head.pos_ == "VERB" and verb.head.i == verb.i - 1:
        verb = verb.head  # 'Ruiz shot back, "Q"', 'Ek chimed in: "Q"': the verb with its particle
    if verb.pos_ != "VERB" or quoted(verb) or any(c.dep_ == "neg" for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not quoted(c) and c.pos_ in ("PROPN", "NOUN")]
    return verb if subjects else None
