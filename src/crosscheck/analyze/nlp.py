"""One spaCy pipeline per process, fed in batches; long texts parsed in pieces and re-joined.

Texts mostly in Latin script go through the English model (its NER still finds names in Spanish or
Dutch); texts in other scripts (Cyrillic, Greek, Arabic, Hangul, Han, kana, Thai) go through a
tokenizer-only pipeline: a script-aware regex tokenizer (one token per Han or kana character, since
those scripts have no spaces) and a sentencizer that knows the full stops of those scripts.
"""
from __future__ import annotations

import re

import numpy

from functools import lru_cache
from typing import Iterator, Sequence

import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex, compile_suffix_regex

from crosscheck.boilerplate import strip_dateline


@Language.component("crosscheck_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs without final stops stay apart. A paragraph's
    dateline ('WASHINGTON — ', 'SEOUL, Nov 13 (Reuters) - ') is a sentence of its own: parsed with the lede,
    the place took the lede's subject as its apposition ('WASHINGTON — President Obama ... said C': no one
    said C)."""
    text = doc.text
    # the tokens read as arrays and the starts written at once, no Token objects: the component runs in every
    # parse, and Token.is_sent_start's setter looks through the doc for a parse on each call
    arr = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START]).astype("int64")
    idx, ends = arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist()
    space = arr[:, 2].astype(bool).tolist()
    starts = arr[:, 3]  # 1: starts a sentence, -1: does not, 0: the parser decides
    words = [text[a:b] for a, b in zip(idx, ends)]
    for i in range(len(words)):
        if i:
            if "\n" not in text[idx[i - 1] : idx[i]]:  # the token before and its whitespace
                if not _may_end(words, space, i - 1):
                    starts[i] = -1  # 'C, chief executive | Hiroshi Tanabe said.': no stop, no end
                continue
            starts[i] = 1
        if space[i]:
            continue
        line = text[idx[i] : idx[i] + 120].split("\n", 1)[0]
        cut = len(line) - len(strip_dateline(line))
        if cut:
            after = doc.char_span(idx[i] + cut, idx[i] + cut + 1, alignment_mode="expand")
            if after is not None and after.start > i:
                starts[after.start] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


_ENDS = frozenset(".!?\u2026:;")
_CLOSERS = frozenset("\"'\u201d\u2019\u00bb)]")


def _may_end(words: list[str], space: list[bool], i: int) -> bool:
    """A sentence may end after token ``i`` (``words``: the tokens' texts, ``space``: which are spaces): it ends
    with a stop, a colon or a semicolon, or closes a quote or a bracket after one; within a line the parser's other
    splits cut sentences in two ('The plants will create 45,000 jobs, chief executive | Hiroshi Tanabe said.')."""
    while i >= 0 and words[i] and all(ch in _CLOSERS for ch in words[i]):
        i -= 1
    return i < 0 or words[i][-1:] in _ENDS or space[i]


SCRIPT_PIPELINE = "crosscheck:scripts"  # the tokenizer-only pipeline's name for parse()
# dashes the models rarely saw in training, read as the dash they did see: 'taxes \u2015 as was true \u2015 Trump
# boasted' tagged the horizontal bar a verb and lost the sentence's clauses (its lexeme takes the other's features)
_DASH_LIKE = {"\u2015": "\u2014", "\u2012": "\u2013"}
_SENT_PUNCT = [".", "!", "?", "\u2026", "\u3002", "\uff01", "\uff1f", "\u061f", "\u06d4", "\u0964", "\uff0e"]
# combining marks belong to their word (Arabic harakat, Hebrew points, Indic and Thai vowel signs)
_MARKS = "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0963\u0966-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u200c\u200d]"
_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"  # one Han or kana character
    r"|\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?"  # a number with its separators
    rf"|(?:[^\W\d_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|{_MARKS})+(?:['\u2019-](?:[^\W\d_]|{_MARKS})+)*"  # a word
    r"|\n+|[^\w\s]|_")


class ScriptTokenizer:
    """Tokens for any script: words, numbers, each Han/kana character, punctuation; the Doc's text is
    the input text exactly (whitespace other than one space after a token becomes a space token)."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _TOKEN.finditer(text):
            self._gap(text[pos:m.start()], words, spaces)
            words.append(m.group(0))
            spaces.append(False)
            pos = m.end()
        self._gap(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    @staticmethod
    def _gap(gap: str, words: list[str], spaces: list[bool]) -> None:
        if not gap:
            return
        if words and not spaces[-1] and gap[0] == " ":
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)


@lru_cache(maxsize=4)
def load(model: str) -> Language:
    """The spaCy pipeline named ``model`` (loaded once per process), with the line-break splitter;
    ``SCRIPT_PIPELINE`` names the tokenizer-only pipeline for texts outside the Latin script."""
    if model == SCRIPT_PIPELINE:
        nlp = spacy.blank("xx")
        nlp.tokenizer = ScriptTokenizer(nlp.vocab)
        nlp.add_pipe("sentencizer", config={"punct_chars": _SENT_PUNCT})
        nlp.add_pipe("crosscheck_line_breaks")
        return nlp
    nlp = spacy.load(model)
    # the horizontal bar (U+2015) that opens a credit line is a token of its own, also written against the
    # quote it credits ('\u201d\u2015 Ana Ruiz'): the model's own rules kept '\u201d\u2015' as one word
    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, "\u2015"]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, "\u2015"]).search
    for rare, seen in _DASH_LIKE.items():
        lex, like = nlp.vocab[rare], nlp.vocab[seen]
        for attr in ("norm_", "prefix_", "suffix_", "shape_", "is_punct"):
            setattr(lex, attr, getattr(like, attr))
    if "crosscheck_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("crosscheck_line_breaks", before="parser")
    return nlp


@lru_cache(maxsize=8)
def _dictionary(model: str, pos: str) -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, str], ...]]:
    """(base forms, inflected forms listed as exceptions, suffix rules) of part of speech ``pos`` in the lemmatizer
    tables ``model`` ships (en_core_web_sm: WordNet's index); empty where it has none."""
    nlp = load(model)
    if "lemmatizer" not in nlp.pipe_names or "lemma_index" not in nlp.get_pipe("lemmatizer").lookups.tables:
        return frozenset(), frozenset(), ()
    lookups = nlp.get_pipe("lemmatizer").lookups
    index = frozenset(lookups.get_table("lemma_index").get(pos, ()))
    exc = lookups.get_table("lemma_exc") if "lemma_exc" in lookups.tables else {}
    rules = lookups.get_table("lemma_rules") if "lemma_rules" in lookups.tables else {}
    return index, frozenset(exc.get(pos, {})), tuple((old, new) for old, new in rules.get(pos, ()) if old)


def dictionary_word(word: str, model: str, pos: str = "verb") -> bool:
    """``word`` (lower case) is a word of part of speech ``pos`` in the language's dictionary, as the model's
    lemmatizer tables have it: a base form, a listed irregular form ('hid'), or a regular inflection of a base form
    ('warns'). (Verbs by default: WordNet's nouns take in the names of people and places, 'boston', 'michael'.)"""
    index, forms, rules = _dictionary(model, pos)
    return word in index or word in forms or any(
        word.endswith(old) and word[: len(word) - len(old)] + new in index for old, new in rules)


def split_text(text: str, max_chars: int) -> list[str]:
    """Pieces of at most ~``max_chars`` cut after line breaks (else spaces); they concatenate back to ``text``."""
    if len(text) <= max_chars:
        return [text]
    pieces, start = [], 0
    while len(text) - start > max_chars:
        cut = text.rfind("\n", start + max_chars // 2, start + max_chars)
        if cut < 0:
            cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = start + max_chars if cut < 0 else cut + 1
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def head(text: str, max_chars: int) -> str:
    """``text`` cut to at most ``max_chars`` after its last line break (else space) in the final tenth."""
    if len(text) <= max_chars:
        return text
    for sep in ("\n", " "):
        cut = text.rfind(sep, max_chars - max_chars // 10, max_chars)
        if cut > 0:
            return text[:cut + 1]
    return text[:max_chars]


def parse(texts: Sequence[str], model: str, batch_size: int = 32, max_chars: int = 200_000) -> Iterator[Doc]:
    """Parse ``texts`` in order with one ``nlp.pipe``; texts over ``max_chars`` are parsed in pieces and joined."""
    nlp = load(model)
    owners: list[int] = []
    pieces: list[str] = []
    for i, text in enumerate(texts):
        for piece in split_text(_dateline_breaks(text), max_chars):
            owners.append(i)
            pieces.append(piece)
    pending: list[Doc] = []
    current = 0
    for owner, sdoc in zip(owners, _pipe(nlp, pieces, batch_size, 2 * max_chars)):
        if owner != current:
            yield _join(pending, nlp)
            pending, current = [], owner
        pending.append(sdoc)
    if pending:
        yield _join(pending, nlp)


_PARAGRAPH = re.compile(r"(?:^|\n)[^\n]")


def _dateline_breaks(text: str) -> str:
    """``text`` with the space closing a paragraph's dateline made a line break, the same length: read on one line
    with 'LONDON, Oct 28 (Meridian Press) - ', the small model's NER missed the lead's first name ('Kestrel Foods
    reported ...'); after a line break it finds it, and after a full stop for the hyphen ('- Velora Health said':
    missed after the hyphen and a break). Offsets are unchanged; line_breaks makes the dateline a sentence of its own
    either way."""
    chars = None
    for m in _PARAGRAPH.finditer(text):
        at = m.end() - 1
        line = text[at:at + 120].split("\n", 1)[0]
        cut = len(line) - len(strip_dateline(line))
        if cut and text[at + cut - 1] == " ":
            chars = chars if chars is not None else list(text)
            chars[at + cut - 1] = "\n"
            if text[at + cut - 3:at + cut - 1] == " -":  # a lone hyphen before the break hid the name after it
                chars[at + cut - 2] = "."  # from the NER as well ('TARSK, Dec 3 (Meridian Wire) - Velora Health said')
    return "".join(chars) if chars is not None else text


def _pipe(nlp: Language, pieces: list[str], batch_size: int, batch_chars: int) -> Iterator[Doc]:
    """``nlp.pipe`` over groups of at most ``batch_size`` pieces and ``batch_chars`` characters, so a
    batch of long reports never holds all their parse states at once; tok2vec tensors are dropped
    (nothing downstream reads them), which keeps a long report's Doc small."""
    group: list[str] = []
    size = 0
    for piece in pieces + [None]:
        if piece is None or (group and (size + len(piece) > batch_chars or len(group) >= batch_size)):
            for sdoc in nlp.pipe(group, batch_size=batch_size):
                sdoc.tensor = numpy.zeros((0,), dtype="float32")
                yield sdoc
            group, size = [], 0
        if piece is not None:
            group.append(piece)
            size += len(piece)


def _join(docs: list[Doc], nlp: Language) -> Doc:
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
