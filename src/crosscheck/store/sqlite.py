"""SQLite store: WAL, FTS5, versioned migrations, one transaction per batch."""
from __future__ import annotations

import dataclasses

import json
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import quote

from ..errors import QueryError, StoreError
from ..model import (Analysis, Document, FetchRecord, SourceState, Story, StoryFindings, SyndicationGroup,
                     SyndicationMember)
from . import codec
from .base import DocState, DocumentFilter, Store
from .claims import ClaimTables, register_functions
from .entities import EntityTables
from .indexes import IndexTables
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .reads import ReadSide
from .reads import _DOC_FIELDS
from .reads import _doc as _row_doc

_DOC_COLS = ", ".join(_DOC_FIELDS)


def _explain(path: str, exc: sqlite3.Error) -> str:
    msg = str(exc)
    if "disk is full" in msg or "disk I/O" in msg:
        return f"{path}: the disk is full or failing ({msg})"
    if "readonly" in msg or "read-only" in msg:
        return f"{path}: the database is read-only ({msg})"
    if "unable to open" in msg:
        return f"{path}: cannot open the database file ({msg})"
    if "not a database" in msg:
        return f"{path}: not a crosscheck database ({msg})"
    if "locked" in msg or "busy" in msg:
        return f"{path}: the database is busy with another writer; try again ({msg})"
    return f"{path}: {msg}"


CACHE_KIB = 65536  # the connection's page cache


class SQLiteStore(EntityTables, IndexTables, ClaimTables, ReadSide, Store):
    def __init__(self, path: str | os.PathLike, readonly: bool = False, timeout: float = 30.0):
        self.path = str(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        p = Path(self.path)
        if p.is_dir():
            raise StoreError(f"{self.path}: the store path is a directory, not a database file")
        if readonly and not p.exists():
            raise StoreError(f"{self.path}: no such database (run `crosscheck ingest` first)")
        try:
            if readonly:
                self.conn = self._open_readonly(p, timeout)
            else:
                if p.parent and not p.parent.exists():
                    raise StoreError(f"{self.path}: the folder {p.parent} does not exist")
                self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                            check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            register_functions(self.conn)
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            # 64 MB of pages (the default is 2 MB): a story page of the 100k bench store read 3,030 distinct pages
            # in 3,754 reads with the default, the B-trees' upper levels evicted while it ran (session 27)
            self.conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
            self._refuse_foreign()  # before anything is written: WAL switch, tables
            if not readonly:
                self._wal(timeout)
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(_explain(self.path, exc)) from exc
        except StoreError:
            if getattr(self, "conn", None) is not None:
                self.conn.close()
            raise

    @staticmethod
    def _open_readonly(p: Path, timeout: float) -> sqlite3.Connection:
        """A read-only connection that creates no file when it cannot.

        ``mode=ro`` still needs the WAL index (``-shm``) beside the database; in a folder this process
        cannot write, and with no ``-wal``/``-shm`` left there, that fails ("attempt to write a readonly
        database"). Nothing can then be writing to the store either (a writer would have left them), so
        the file is read as immutable: SQLite takes no locks and creates no files.
        """
        base = "file:" + quote(str(p.resolve())) + "?mode=ro"
        conn = None
        try:
            conn = sqlite3.connect(base, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            if conn is not None:
                conn.close()
            msg = str(exc)
            if not ("readonly" in msg or "read-only" in msg or "unable to open" in msg):
                raise
        side = [Path(str(p) + s) for s in ("-wal", "-shm")]
        if any(x.exists() and x.stat().st_size for x in side[:1]):
            raise StoreError(f"{p}: cannot read the store: its folder is not writable and a write-ahead log "
                             f"({side[0].name}) holds changes not yet in the database file")
        conn = sqlite3.connect(base + "&immutable=1", uri=True, timeout=timeout, isolation_level=None,
                               check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn

    def _wal(self, timeout: float) -> None:
        """Switch to WAL. The switch takes the file's exclusive lock without the busy handler, so two processes
        opening a new store at once saw 'database is locked' at once (tests/test_concurrency.py): retried until
        the timeout, as the busy handler would."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _refuse_foreign(self) -> None:
        """Only a new empty file or a crosscheck store is ours to write (or read as one)."""
        # one read transaction: a concurrent first ingest may commit its schema between two separate reads,
        # and tables seen beside the old user_version 0 would look like another application's database
        self.conn.execute("BEGIN")
        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            names = [r[0] for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        finally:
            self.conn.execute("COMMIT")
        if not names and version == 0:
            return  # a new, empty database
        if "documents" in names and "documents_fts" in names and version >= 1:
            return
        if version > SCHEMA_VERSION and (not names or "documents" in names):
            return  # a newer crosscheck's store: _migrate refuses it and says so
        shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        what = f"an SQLite database with other tables ({shown})" if names else \
            f"an SQLite database of another application (user_version {version})"
        raise StoreError(f"{self.path}: not a crosscheck store ({what}); refusing to use it, "
                         "give --db a new file or a crosscheck store")

    # -- schema ------------------------------------------------------------------------------
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer crosscheck (schema {version}, this one knows "
                             f"up to {SCHEMA_VERSION}); upgrade crosscheck to open it")
        if version == SCHEMA_VERSION:
            return
        if self.readonly and version == 0:
            raise StoreError(f"{self.path}: holds no crosscheck store yet (run `crosscheck ingest` first)")
        if self.readonly:
            raise StoreError(f"{self.path}: schema {version} is older than {SCHEMA_VERSION}; "
                             "open it once for writing (e.g. `crosscheck ingest`) to migrate it")
        # foreign keys off while migrating (a table rebuild must not cascade its DROP); checked before COMMIT
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            version = self.schema_version()  # another writer may have migrated meanwhile
            for i in range(version, SCHEMA_VERSION):
                for stmt in _split_sql(MIGRATIONS[i]):
                    self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA user_version = {i + 1}")
            bad = self.conn.execute("PRAGMA foreign_key_check").fetchone()
            if bad is not None:
                raise StoreError(f"{self.path}: migration left a dangling reference in {bad[0]}; store unchanged")
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()  # sqlite may already have rolled back (disk full): keep the real error
            raise
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(_explain(self.path, exc)) from exc
            try:
                yield
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise StoreError(_explain(self.path, exc)) from exc
            except BaseException:
                self._rollback()
                raise

    @contextmanager
    def writer_lock(self, wait: float | None = None, on_wait=None) -> Iterator[None]:
        """Hold the store's single-writer lock (``PATH-lock``, flock) for a whole ingest run.

        Two ingests into one store then serialise: the second waits up to ``wait`` seconds
        ($CROSSCHECK_WRITER_WAIT, else 600) and then fails with a StoreError naming the holder.
        The kernel drops the lock when its process dies, even by SIGKILL.
        """
        try:
            import fcntl
        except ImportError:  # no flock (Windows): SQLite's own locking is all there is
            yield
            return
        if wait is None:
            wait = float(os.environ.get("CROSSCHECK_WRITER_WAIT") or 600)
        lock_path = self.path + "-lock"
        try:
            fh = open(lock_path, "a+", encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the writer lock {lock_path} "
                             f"({exc.strerror or exc})") from exc
        try:
            deadline = time.monotonic() + wait
            told = False
            while True:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    holder = _lock_holder(lock_path)
                    if time.monotonic() >= deadline:
                        raise StoreError(f"{self.path}: another crosscheck process{holder} is writing to this "
                                         f"store; gave up waiting after {wait:g} s, run again when it has finished")
                    if not told and on_wait is not None:
                        on_wait(f"waiting for another crosscheck process{holder} writing to {self.path}")
                    told = True
                    time.sleep(0.1)
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()))
            fh.flush()
            yield
        finally:
            fh.close()  # closing the file releases the flock

    def _rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def close(self) -> None:
        self.conn.close()

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    def _q(self, sql: str, args: tuple | list = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self.conn.execute(sql, args).fetchall()
            except sqlite3.OperationalError as exc:
                if str(exc).startswith("fts5:") or "malformed MATCH" in str(exc):
                    raise QueryError(f"invalid search syntax ({exc})") from exc
                raise StoreError(_explain(self.path, exc)) from exc
            except sqlite3.Error as exc:
                raise StoreError(_explain(self.path, exc)) from exc

    # -- documents ---------------------------------------------------------------------------
    def document_state(self, source: str) -> DocState | None:
        rows = self._q("SELECT id, content_hash, revision FROM documents WHERE source = ? ORDER BY revision DESC, rowid "
                       "LIMIT 1", (source,))
        return DocState(rows[0]["id"], rows[0]["content_hash"], rows[0]["revision"]) if rows else None

    def document_state_by_content(self, content_hash: str) -> DocState | None:
        rows = self._q("SELECT id, content_hash, revision FROM documents WHERE content_hash = ? LIMIT 1",
                       (content_hash,))
        return DocState(rows[0]["id"], rows[0]["content_hash"], rows[0]["revision"]) if rows else None

    def put_document(self, doc: Document, analysis: Analysis | None) -> None:
        c = self.conn
        old = c.execute("SELECT id, content_hash, revision, title FROM documents WHERE id = ?", (doc.id,)).fetchone()
        values = (doc.source, doc.fmt, doc.url, doc.title, doc.outlet, doc.published, doc.language,
                  json.dumps(list(doc.authors), ensure_ascii=False), doc.text,
                  json.dumps(list(doc.captions), ensure_ascii=False),
                  json.dumps(list(doc.boilerplate), ensure_ascii=False), doc.content_hash, doc.revision,
                  None if doc.credits is None else json.dumps(list(doc.credits), ensure_ascii=False))
        if old is None:
            c.execute(f"INSERT INTO documents ({_DOC_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (doc.id, *values))
        else:
            if old["content_hash"] != doc.content_hash:
                c.execute("INSERT OR REPLACE INTO revisions (document, revision, content_hash, title) VALUES (?,?,?,?)",
                          (doc.id, old["revision"], old["content_hash"], old["title"]))
            c.execute("UPDATE documents SET source=?, fmt=?, url=?, title=?, outlet=?, published=?, language=?, "
                      "authors=?, text=?, captions=?, boilerplate=?, content_hash=?, revision=?, credits=?, "
                      "updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id=?", (*values, doc.id))
        c.execute("DELETE FROM doc_entities WHERE document = ?", (doc.id,))
        c.execute("INSERT OR IGNORE INTO entities_pending (document) VALUES (?)", (doc.id,))  # link again
        if analysis is not None:
            c.execute("INSERT OR REPLACE INTO analyses (document, data) VALUES (?, ?)", (doc.id, codec.dumps(analysis)))
            c.executemany("INSERT INTO doc_entities (document, key, data) VALUES (?,?,?)",
                          [(doc.id, e.key, codec.dumps(e)) for e in analysis.entities])
            self._put_claim_mentions(doc.id, analysis)  # store/claims.py: who each claim sentence names

    def document(self, doc_id: str) -> Document | None:
        rows = self._q(f"SELECT {_DOC_COLS} FROM documents WHERE id = ?", (doc_id,))
        return _row_doc(rows[0]) if rows else None

    def analysis(self, doc_id: str) -> Analysis | None:
        rows = self._q("SELECT data FROM analyses WHERE document = ?", (doc_id,))
        return codec.loads(Analysis, rows[0]["data"]) if rows else None

    def analyses(self) -> Iterator[Analysis]:
        for row in self._q("SELECT data FROM analyses ORDER BY document"):
            yield codec.loads(Analysis, row["data"])

    def _where(self, flt: DocumentFilter) -> tuple[str, list]:
        clauses, args = [], []
        if flt.outlet:
            clauses.append("d.outlet = ? COLLATE NOCASE")
            args.append(flt.outlet)
        if flt.language:
            clauses.append("d.language = ?")
            args.append(flt.language.lower())
        if flt.since:
            clauses.append("substr(d.published, 1, 10) >= ?")
            args.append(flt.since[:10])
        if flt.until:
            clauses.append("substr(d.published, 1, 10) <= ?")
            args.append(flt.until[:10])
        if flt.story:
            clauses.append("d.id IN (SELECT document FROM story_documents WHERE story = ?)")
            args.append(flt.story)
        if flt.query:
            clauses.append("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            args.append(fts_query(flt.query, flt.advanced))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def documents(self, flt: DocumentFilter = DocumentFilter()) -> Iterator[Document]:
        where, args = self._where(flt)
        sql = f"SELECT {', '.join('d.' + c.strip() for c in _DOC_COLS.split(','))} FROM documents d{where} " \
              "ORDER BY d.published IS NULL, d.published, d.rowid"
        if flt.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [flt.limit, flt.offset]
        for row in self._q(sql, args):
            yield _row_doc(row)

    def count_documents(self, flt: DocumentFilter = DocumentFilter()) -> int:
        if flt == DocumentFilter():  # kept by triggers (schema 14): no walk of an index of every report
            rows = self._q("SELECT n FROM row_counts WHERE name = 'documents'")
            if rows:
                return rows[0][0]
        where, args = self._where(flt)
        return self._q(f"SELECT count(*) FROM documents d{where}", args)[0][0]

    def search(self, query: str, limit: int = 20, advanced: bool = False) -> list[tuple[Document, str]]:
        """Full-text search: documents with a highlighted snippet, best first (``advanced``: FTS5 syntax)."""
        rows = self._q(
            f"SELECT {', '.join('d.' + c.strip() for c in _DOC_COLS.split(','))}, "
            "snippet(documents_fts, 1, '[', ']', '…', 12) AS snip FROM documents_fts "
            "JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (fts_query(query, advanced), limit))
        return [(_row_doc(r), r["snip"]) for r in rows]

    def revisions(self, doc_id: str) -> list[dict]:
        return [dict(r) for r in self._q("SELECT revision, content_hash, title, replaced_at FROM revisions "
                                         "WHERE document = ? ORDER BY revision", (doc_id,))]

    # -- features ----------------------------------------------------------------------------
    def put_feature(self, doc_id: str, kind: str, data: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO features (document, kind, data) VALUES (?,?,?)", (doc_id, kind, data))

    def features(self, kind: str, page: int = 2000) -> Iterator[tuple[str, str]]:
        """Streamed a page at a time (keyset on rowid): a big store is never held in memory at once."""
        last = 0
        while True:
            rows = self._q("SELECT rowid, document, data FROM features WHERE kind = ? AND rowid > ? "
                           "ORDER BY rowid LIMIT ?", (kind, last, page))
            for row in rows:
                yield row["document"], row["data"]
            if len(rows) < page:
                return
            last = rows[-1]["rowid"]

    # -- stories -----------------------------------------------------------------------------
    def set_story(self, doc_id: str, story_id: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO story_documents (document, story) VALUES (?,?)", (doc_id, story_id))

    def story_of(self) -> dict[str, str]:
        return {r["document"]: r["story"] for r in self._q("SELECT document, story FROM story_documents")}

    def put_story(self, story: Story) -> None:
        self.conn.execute("INSERT OR REPLACE INTO stories (id, title, summary, first_published, last_published) "
                          "VALUES (?,?,?,?,?)", (story.id, story.title, story.summary, story.first_published,
                                                 story.last_published))
        self.refresh_story_summary(story.id)

    def _story_docs(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for r in self._q("SELECT sd.story, sd.document FROM story_documents sd JOIN documents d ON d.id = sd.document "
                         "ORDER BY d.published IS NULL, d.published, d.rowid"):
            out.setdefault(r["story"], []).append(r["document"])
        return out

    def story(self, story_id: str) -> Story | None:
        docs = [r["document"] for r in self._q(
            "SELECT sd.document FROM story_documents sd JOIN documents d INDEXED BY documents_id_published "
            "ON d.id = sd.document WHERE sd.story = ? ORDER BY d.published IS NULL, d.published, d.rowid", (story_id,))]
        if not docs:
            return None
        row = self._q("SELECT * FROM stories WHERE id = ?", (story_id,))
        meta = dict(row[0]) if row else {"title": "", "summary": "", "first_published": None, "last_published": None}
        return Story(id=story_id, documents=tuple(docs), title=meta["title"], summary=meta["summary"],
                     first_published=meta["first_published"], last_published=meta["last_published"])

    def stories(self) -> list[Story]:
        meta = {r["id"]: dict(r) for r in self._q("SELECT * FROM stories")}
        out = []
        for sid, docs in self._story_docs().items():
            m = meta.get(sid, {})
            out.append(Story(id=sid, documents=tuple(docs), title=m.get("title") or "", summary=m.get("summary") or "",
                             first_published=m.get("first_published"), last_published=m.get("last_published")))
        return out

    def mark_dirty(self, story_ids: set[str]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO dirty_stories (story) VALUES (?)", [(s,) for s in story_ids])

    def dirty_stories(self) -> set[str]:
        return {r["story"] for r in self._q("SELECT story FROM dirty_stories")}

    def clear_dirty(self, story_id: str) -> None:
        self.conn.execute("DELETE FROM dirty_stories WHERE story = ?", (story_id,))

    def drop_empty_stories(self, story_ids: Iterable[str] | None = None) -> None:
        """Stories, findings and claims of stories that no longer have documents: of the stories asked (the
        dirty ones: found by index, a run's cost does not grow with the store), or of every story."""
        tables = (("stories", "id"), ("findings", "story"), ("claims", "story"), ("story_summaries", "story"))
        if story_ids is None:
            live = "(SELECT DISTINCT story FROM story_documents)"
            for table, col in tables:
                self.conn.execute(f"DELETE FROM {table} WHERE {col} NOT IN {live}")
            return
        empty = [(s,) for s in sorted(set(story_ids))
                 if self.conn.execute("SELECT 1 FROM story_documents WHERE story = ? LIMIT 1", (s,)).fetchone() is None]
        for table, col in tables:
            self.conn.executemany(f"DELETE FROM {table} WHERE {col} = ?", empty)

    # -- syndication -------------------------------------------------------------------------
    def set_syndication(self, groups: list[SyndicationGroup]) -> None:
        c = self.conn
        c.execute("DELETE FROM syndication_members")
        c.execute("DELETE FROM syndication_groups")
        for g in groups:
            c.execute("INSERT INTO syndication_groups (id, origin, origin_outlet) VALUES (?,?,?)",
                      (g.id, g.origin, g.origin_outlet))
            data = {m.document: codec.dumps(m) for m in g.members}
            c.executemany("INSERT OR REPLACE INTO syndication_members (document, grp, data) VALUES (?,?,?)",
                          [(d, g.id, data.get(d)) for d in g.documents])

    def syndication_of(self) -> dict[str, str]:
        return {r["document"]: r["grp"] for r in self._q("SELECT document, grp FROM syndication_members")}

    def syndication_groups(self) -> list[SyndicationGroup]:
        members: dict[str, list[str]] = {}
        evidence: dict[str, list[SyndicationMember]] = {}
        for r in self._q("SELECT document, grp, data FROM syndication_members ORDER BY document"):
            members.setdefault(r["grp"], []).append(r["document"])
            if r["data"]:
                evidence.setdefault(r["grp"], []).append(codec.loads(SyndicationMember, r["data"]))
        return [SyndicationGroup(id=r["id"], documents=tuple(members.get(r["id"], ())), origin=r["origin"],
                                 origin_outlet=r["origin_outlet"], members=tuple(evidence.get(r["id"], ())))
                for r in self._q("SELECT * FROM syndication_groups ORDER BY id")]

    # -- entities: store/entities.py (EntityTables) -------------------------------------------

    # -- findings ----------------------------------------------------------------------------
    def put_findings(self, findings: StoryFindings) -> None:
        """The story's findings: its claims as rows (store/claims.py, their only copy), the timeline and the
        disagreements as the findings' JSON (schema 10: stored with no claims)."""
        c = self.conn
        c.execute("INSERT OR REPLACE INTO findings (story, data) VALUES (?,?)",
                  (findings.story, codec.dumps(dataclasses.replace(findings, claims=()))))
        self._put_claims(findings.story, findings.claims)  # store/claims.py: the claim lists' rows
        self.refresh_story_summary(findings.story)  # the list pages' row and the per-story cache version

    def findings(self, story_id: str, claims: bool = True) -> StoryFindings | None:
        rows = self._q("SELECT data FROM findings WHERE story = ?", (story_id,))
        if not rows:
            return None
        found = codec.loads(StoryFindings, rows[0]["data"])
        return dataclasses.replace(found, claims=self.story_claims(story_id)) if claims else found

    def all_findings(self) -> Iterator[StoryFindings]:
        yield from self.iter_findings()

    # -- live sources --------------------------------------------------------------------------
    def put_source(self, state: SourceState) -> None:
        self._q("INSERT INTO sources(url, data, next_due, health) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE "
                "SET data = excluded.data, next_due = excluded.next_due, health = excluded.health",
                (state.url, codec.dumps(state), state.next_due, state.health))

    def source(self, url: str) -> SourceState | None:
        rows = self._q("SELECT data FROM sources WHERE url = ?", (url,))
        return codec.loads(SourceState, rows[0]["data"]) if rows else None

    def sources(self) -> list[SourceState]:
        return [codec.loads(SourceState, r["data"]) for r in self._q("SELECT data FROM sources ORDER BY url")]

    def put_fetch(self, record: FetchRecord) -> None:
        self._q("INSERT OR REPLACE INTO fetches(source, requested_url, final_url, fetched_at, status) "
                "VALUES (?, ?, ?, ?, ?)",
                (record.source, record.requested_url, record.final_url, record.fetched_at, record.status))

    def fetch_record(self, source: str) -> FetchRecord | None:
        rows = self._q("SELECT source, requested_url, final_url, fetched_at, status FROM fetches WHERE source = ?",
                       (source,))
        return FetchRecord(**dict(rows[0])) if rows else None


def _lock_holder(lock_path: str) -> str:
    try:
        pid = Path(lock_path).read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def _fts_term(tok: str) -> str | None:
    core = tok.rstrip("*")
    if not core:
        return None
    return '"' + core.replace('"', '""') + '"' + ("*" if core != tok else "")


def fts_query(text: str, advanced: bool = False) -> str:
    """A user's search as an FTS5 query.

    By default the text is words: each term quoted (so no word is ever read as syntax), all required.
    Three upper-case conveniences never make an invalid query: ``OR`` between two words, ``AND``
    (what juxtaposition means anyway) and ``NOT word`` (the word excluded). ``advanced=True`` hands
    the text to FTS5 as written; a syntax error then raises QueryError.
    """
    if advanced:
        return text.strip() or '""'
    required: list[str] = []
    excluded: list[str] = []
    negate = False
    for tok in text.split():
        if tok in ("AND", "NOT", "OR"):
            if tok == "NOT":
                negate = True
            elif tok == "OR" and required and required[-1] != "OR" and not negate:
                required.append("OR")
            continue
        term = _fts_term(tok)
        if term is None:
            continue
        (excluded if negate else required).append(term)
        negate = False
    while required and required[-1] == "OR":
        required.pop()
    if not required:
        return '""'
    query = " ".join(required)
    if excluded:
        query = f"({query})" + "".join(f" NOT {t}" for t in excluded)
    return query


def _split_sql(script: str) -> list[str]:
    """Split a migration script on statement ends, keeping trigger bodies whole."""
    out, buf, depth = [], [], 0
    for line in script.splitlines():
        s = line.strip()
        if not s:
            continue
        buf.append(line)
        up = s.upper()
        if up.startswith("CREATE TRIGGER"):
            depth = 1
        if depth and up == "END;":
            depth = 0
            out.append("\n".join(buf))
            buf = []
        elif not depth and s.endswith(";"):
            out.append("\n".join(buf))
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf))
    return out
