"""crosscheck: what is claimed, who says so, how many independent sources carry it.

The public API is a handful of names::

    from crosscheck import open_store, ingest
    store = open_store("news.db")
    result = ingest(["reports/"], store)      # IngestResult: new, duplicate, revised, failed
    store.stories(); store.findings(story_id)  # model objects (crosscheck.model)
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "open_store": ("crosscheck.store", "open_store"),
    "ingest": ("crosscheck.pipeline", "ingest"),
    "Pipeline": ("crosscheck.pipeline", "Pipeline"),
    "Settings": ("crosscheck.config", "Settings"),
    "write_json": ("crosscheck.export", "write_json"),
}
__all__ = [*_LAZY, "model"]


def __getattr__(name: str) -> Any:  # imported on first use: `import crosscheck` stays light
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    if name == "model":
        import importlib

        return importlib.import_module("crosscheck.model")
    raise AttributeError(name)
