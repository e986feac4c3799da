"""Clear failures at the CLI, in a real subprocess: one line naming the store (or input) and the reason,
a non-zero exit, no traceback unless --debug.

Store problems: a newer schema, a full disk (RLIMIT_FSIZE in the child), a read-only database file
(``chattr +i`` when root, else chmod), a store path that is a directory, a folder that does not exist.
Input problems: a missing path, an empty file, a binary file: one ``failed:`` line each, the rest lands.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

REPORT = ("Harbour officials in Velmora said on Monday that a cargo crane collapsed onto the east pier. "
          "Three workers were taken to hospital, port spokesperson Ilse Varga told reporters. "
          "\"The pier will stay closed until engineers have inspected it,\" Varga said.")


def _jsonl(path: Path, n: int, tag: str = "r") -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"url": f"https://paper{i % 3}.example/{tag}/{i}", "title": f"Crane falls ({tag} {i})",
                                 "text": REPORT + f" Update {tag}-{i}: the harbour master promised a review.",
                                 "published": "2026-02-03T08:00:00Z", "language": "en"}) + "\n")
    return path


def _one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> str:
    """The process failed with exactly one stderr line starting 'crosscheck:' and no traceback."""
    assert proc.returncode != 0, proc
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert line.startswith("crosscheck: "), line
    for needle in needles:
        assert needle in line, (needle, line)
    return line


def _run_limited(args: list[str], fsize: int, cwd: Path) -> subprocess.CompletedProcess:
    """The CLI with a file-size limit: writes past it fail with EFBIG, like a full disk."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "crosscheck.cli", *args], capture_output=True, text=True,
                          preexec_fn=limit, cwd=cwd, env=env, timeout=300)


# ------------------------------------------------------------------ schema evolution (CLI level)
@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    """A store holding two reports, built once for the module."""
    from conftest import run_cli

    folder = tmp_path_factory.mktemp("small")
    db = folder / "store.db"
    proc = run_cli("ingest", str(_jsonl(folder / "two.jsonl", 2)), db=db)
    assert proc.returncode == 0, proc.stderr
    return db


def _copy_store(src: Path, dst: Path) -> Path:
    conn = sqlite3.connect(src)
    out = sqlite3.connect(dst)
    conn.backup(out)
    conn.close()
    out.close()
    return dst


@pytest.mark.parametrize("command", [["export"], ["stories"], ["ingest", "--batch-size", "4"]])
def test_newer_schema_is_refused_in_one_line(cli, small_store, tmp_path, command):
    db = _copy_store(small_store, tmp_path / "newer.db")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    args = list(command) + ([str(_jsonl(tmp_path / "x.jsonl", 1, "x"))] if command[0] == "ingest" else [])
    proc = cli(*args, db=db)
    _one_line_error(proc, str(db), "newer", "99")
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99  # untouched
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    conn.close()


def test_newer_schema_with_debug_shows_traceback(cli, small_store, tmp_path):
    db = _copy_store(small_store, tmp_path / "newer.db")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    proc = cli("--debug", "export", db=db)
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr and "StoreError" in proc.stderr
    assert proc.stderr.rstrip().splitlines()[-1].startswith("crosscheck: ")


def test_older_schema_is_migrated_by_the_cli(cli, tmp_path):
    """A version-1 store (documents only) is migrated forward by the first ingest, keeping its rows."""
    from crosscheck.store.migrations import MIGRATIONS, SCHEMA_VERSION
    from crosscheck.store.sqlite import _split_sql

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for stmt in _split_sql(MIGRATIONS[0]):
        conn.execute(stmt)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO documents (id, source, fmt, text, content_hash) VALUES "
                 "('old1', 'old-source', 'txt', 'An older report.', 'h1')")
    conn.commit()
    conn.close()
    proc = cli("ingest", str(_jsonl(tmp_path / "new.jsonl", 2, "new")), db=db)
    assert proc.returncode == 0, proc.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    conn.close()


# ------------------------------------------------------------------ broken stores
def test_store_path_is_a_directory(cli, tmp_path):
    folder = tmp_path / "store.db"
    folder.mkdir()
    src = _jsonl(tmp_path / "a.jsonl", 1)
    for args in (["ingest", str(src)], ["export"], ["stories"]):
        _one_line_error(cli(*args, db=folder), str(folder), "directory")
    assert not any(folder.iterdir())


def test_store_folder_missing(cli, tmp_path):
    db = tmp_path / "nowhere" / "store.db"
    _one_line_error(cli("ingest", str(_jsonl(tmp_path / "a.jsonl", 1)), db=db), str(db), "does not exist")
    _one_line_error(cli("export", db=db), str(db))


def test_not_a_database(cli, tmp_path):
    db = tmp_path / "junk.db"
    db.write_bytes(os.urandom(8192))
    _one_line_error(cli("ingest", str(_jsonl(tmp_path / "a.jsonl", 1)), db=db), str(db), "not a crosscheck database")
    _one_line_error(cli("export", db=db), str(db), "not a crosscheck database")


def _make_readonly(path: Path) -> bool:
    """Make ``path`` unwritable even for root (chattr +i); False when nothing works here."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return True
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0


def _undo_readonly(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o644)


def test_readonly_database(cli, small_store, tmp_path):
    db = _copy_store(small_store, tmp_path / "ro.db")
    if not _make_readonly(db):
        pytest.skip("running as root without a working chattr: cannot make a file read-only")
    try:
        proc = cli("ingest", str(_jsonl(tmp_path / "more.jsonl", 2, "more")), db=db)
        _one_line_error(proc, str(db), "read-only")
        # reading still works
        export = cli("export", db=db)
        assert export.returncode == 0, export.stderr
        assert len(json.loads(export.stdout)["documents"]) == 2
    finally:
        _undo_readonly(db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


@pytest.mark.parametrize("limit", [60_000, pytest.param(300_000, marks=pytest.mark.slow)])
def test_full_disk(tmp_path, limit):
    """Writes fail with EFBIG past the limit (while migrating, or mid-ingest): one line saying the disk is full;
    --debug shows the traceback; what was committed stays intact and a run with room finishes the job."""
    src = _jsonl(tmp_path / "batch.jsonl", 24)
    db = tmp_path / "full.db"
    proc = _run_limited(["--db", str(db), "ingest", "--batch-size", "4", str(src)], limit, tmp_path)
    _one_line_error(proc, str(db), "disk is full")
    if limit > 100_000:
        debug = _run_limited(["--db", str(db), "--debug", "ingest", "--batch-size", "4", str(src)],
                                         limit, tmp_path)
        assert debug.returncode != 0 and "Traceback" in debug.stderr
        return
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "crosscheck.cli", "--db", str(db), "ingest", str(src)],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 24
    conn.close()


# ------------------------------------------------------------------ bad inputs
def test_bad_inputs_fail_alone(cli, tmp_path, db_path):
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    fake_html = tmp_path / "page.html"
    fake_html.write_bytes(b"\x00\x01\x02" * 500)
    good = _jsonl(tmp_path / "good.jsonl", 3)
    proc = cli("ingest", str(missing), str(empty), str(binary), str(fake_html), str(good), db=db_path)
    assert "Traceback" not in proc.stderr
    failed = [ln for ln in proc.stderr.splitlines() if ln.startswith("failed: ")]
    for bad in (missing, empty, binary, fake_html):
        hits = [ln for ln in failed if bad.name in ln]
        assert len(hits) == 1, (bad, proc.stderr)
    assert "3 new" in proc.stdout
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    conn.close()
