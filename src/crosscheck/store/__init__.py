"""Storage behind one narrow interface (base.Store); SQLite is the default."""
from __future__ import annotations

import os
from pathlib import Path

from ..config import default_db_path
from .base import DocState, DocumentFilter, Store
from .sqlite import SQLiteStore


def open_store(path: str | os.PathLike | None = None, readonly: bool = False) -> SQLiteStore:
    """Open (creating and migrating when writable) the store at ``path`` or the default path."""
    return SQLiteStore(Path(path) if path else default_db_path(), readonly=readonly)


__all__ = ["DocState", "DocumentFilter", "Store", "SQLiteStore", "open_store"]
