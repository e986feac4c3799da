"""One spaCy pipeline per process, fed in batches; long texts parsed in pieces and re-joined."""
from __future__ import annotations

import numpy

from functools import lru_cache
from typing import Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("crosscheck_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs without final stops stay apart."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load(model: str) -> Language:
    """The spaCy pipeline named ``model`` (loaded once per process), with the line-break splitter."""
    nlp = spacy.load(model)
    if "crosscheck_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("crosscheck_line_breaks", before="parser")
    return nlp


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
        for piece in split_text(text, max_chars):
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
