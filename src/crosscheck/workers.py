"""The per-report work of an ingest that needs no store, in worker processes: every core.

``prepare(docs, settings)`` runs, per report, what comes between cleaning and the store: the analysis
(one spaCy ``nlp.pipe`` and the stages on it, ``crosscheck.analyze.analyze``), the story features and
the syndication fingerprint. ``start(docs, settings)`` runs it in a pool of worker processes (one per
core unless ``Settings.workers`` says otherwise) and returns a job whose ``results()`` the caller
collects after doing its own work meanwhile (the pipeline embeds the batch's leads, writes the batch
before and reads and cleans the next); the store, the indexes and every write stay in the caller's
process (the single writer). At the end of a run ``corroborate_each`` describes and corroborates the
dirty stories in the same pool when the run started it (from what the writer read for each story,
a few stories ahead of the one it writes); a story whose worker dies is corroborated in the writer.

- Workers are forked from a fork server (the 'forkserver' start method; 'spawn' where there is none):
  nothing of the parent (its threads, the embedder's BLAS pool, an open SQLite handle) is inherited.
  The server, a fresh process, imports ``crosscheck.preload`` once: numeric libraries held to one
  thread (the pool is the parallelism), the model loaded and every stage warmed on one short report,
  so a worker (and each replacement) starts with all of it in memory, shared with its siblings until
  written, instead of importing and loading it (~1.9 s of CPU a worker under 'spawn').
- Memory per worker is bounded: a task is a chunk of at most ``Settings.workers_chunk`` reports
  (each analysed up to ``analysis_max_chars``), and the workers are replaced after
  ``Settings.workers_max_tasks`` tasks each, so whatever the parser's vocabulary accumulates is returned:
  the pool is retired (its queued tasks still run) and a fresh one forked. Not by the executor's own
  ``max_tasks_per_child``: up to Python 3.13 it deadlocks once a worker exits at its limit while tasks
  are queued (CPython gh-115634), which hung a 840-report ingest here.
- The pool is started only for a batch of at least ``Settings.workers_min_reports`` reports (a
  one-report ingest never pays a pool start); once running it serves every later batch of the
  process (a ``watch`` loop keeps it warm) until ``shutdown()`` or the end of the process.
- Failure isolation is the in-process one: a report that breaks a stage fails alone, with the same
  one-line reason (``Prepared.reason``). A worker that dies (killed, out of memory, a crash in native
  code) loses nothing: the reports it had not returned are run again one at a time in a fresh pool,
  so a report that kills its worker every time fails alone and the rest land.
- Results do not depend on the number of workers: each report's analysis is a function of its text
  (tests/test_workers.py compares 1 and 2 workers).
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Sequence

from .errors import one_line

if TYPE_CHECKING:
    from .config import Settings
    from .model import Analysis, Document, Fingerprint, ReadFailure, Story, StoryFeatures

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                "NUMEXPR_NUM_THREADS")


@dataclass(frozen=True)
class Prepared:
    """What one report brings to the writer, or the stage that failed on it and why (one line)."""

    document: str
    analysis: "Analysis | None" = None
    features: "StoryFeatures | None" = None
    fingerprint: "Fingerprint | None" = None
    stage: str = ""  # "" when every stage went through, else "analysis" | "story features" | "syndication"
    reason: str = ""  # "<stage> failed: <ExceptionType>: <first line>", as the pipeline reports failures


def prepare(docs: Sequence["Document"], settings: "Settings") -> list[Prepared]:
    """The per-report work for ``docs`` in this process, in order: one ``analyze`` call for all of them;
    when it raises, each report alone, so only the report that breaks the analysis fails."""
    from .analyze import analyze
    from .stories import story_features  # looked up per call: a stage swapped at run time is used
    from .syndication import fingerprint

    try:
        analyses = dict(zip((d.id for d in docs), analyze(docs, settings)))
    except Exception:
        analyses = {}
    out: list[Prepared] = []
    for doc in docs:
        analysis = analyses.get(doc.id)
        if analysis is None:
            try:
                analysis = analyze([doc], settings)[0]
            except Exception as exc:
                out.append(Prepared(doc.id, stage="analysis", reason=one_line("analysis failed", exc)))
                continue
        if doc.notes:  # what cleaning and the analysis cap noted, kept with the analysis
            analysis = replace(analysis, notes=doc.notes + analysis.notes)
        stage = "story features"
        try:
            feats = story_features(doc, analysis)
            stage = "syndication"
            fp = fingerprint(doc, settings)
        except Exception as exc:
            out.append(Prepared(doc.id, analysis=analysis, stage=stage, reason=one_line(f"{stage} failed", exc)))
            continue
        out.append(Prepared(doc.id, analysis=analysis, features=feats, fingerprint=fp))
    return out


def pool_size(settings: "Settings") -> int:
    """Worker processes for ``settings``: ``Settings.workers``, or one per core this process may use."""
    if settings.workers > 0:
        return settings.workers
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Job:
    """A batch being prepared; ``results()`` waits for it and returns one Prepared per report, in order."""

    def __init__(self, docs: Sequence["Document"], settings: "Settings", size: int):
        self.docs = list(docs)
        self.settings = settings
        self.size = size
        self.parallel = size > 1
        self._tasks: list[tuple[list["Document"], Future | None]] = []
        self._submitter: threading.Thread | None = None
        if self.parallel:  # submitted from a thread: a first submit waits for the fork server's preload
            self._submitter = threading.Thread(target=self._submit, name="crosscheck-submit", daemon=True)
            self._submitter.start()

    def _submit(self) -> None:
        chunks = _chunks(self.docs, self.settings)
        try:
            pool = _pool(self.size, self.settings, len(chunks))
            for chunk in chunks:
                self._tasks.append((chunk, pool.submit(_run_chunk, chunk, self.settings)))
        except Exception:  # a broken pool: what was not submitted is run again one at a time
            self._tasks += [(chunk, None) for chunk in chunks[len(self._tasks):]]

    def results(self) -> list[Prepared]:
        if not self.parallel:
            return prepare(self.docs, self.settings)
        self._submitter.join()
        done: dict[str, Prepared] = {}
        lost: list["Document"] = []
        for chunk, fut in self._tasks:
            if fut is None:
                lost += chunk
                continue
            try:
                done.update((p.document, p) for p in fut.result())
            except Exception:  # the worker died (BrokenProcessPool) or its answer could not be sent
                lost += chunk
        if lost:
            done.update((p.document, p) for p in _one_by_one(lost, self.settings, self.size))
        return [done[d.id] for d in self.docs]


def start(docs: Sequence["Document"], settings: "Settings") -> Job:
    """Begin preparing ``docs``: in worker processes when there are several cores to use and the batch is
    worth a pool start (or a pool is already running); otherwise ``results()`` runs them in this process."""
    size = pool_size(settings)
    if size <= 1 or len(docs) < 2 or _state["off"]:
        return Job(docs, settings, 1)
    with _lock:
        warm = _state["pool"] is not None and _state["key"] == (size, settings.spacy_model)
    if not warm and len(docs) < settings.workers_min_reports:
        return Job(docs, settings, 1)
    return Job(docs, settings, size)


def shutdown() -> None:
    """Stop the worker processes (the next parallel batch starts new ones)."""
    with _lock:
        pool, _state["pool"], _state["key"], _state["off"] = _state["pool"], None, None, False
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


# -- the pool --------------------------------------------------------------------------------------
_lock = threading.Lock()
# off: the workers could not run in this process; tasks: how many were submitted to the running pool
_state: dict = {"pool": None, "key": None, "off": False, "tasks": 0}


def _pool(size: int, settings: "Settings", tasks: int = 1) -> ProcessPoolExecutor:
    """The running pool, for ``tasks`` more tasks; a fresh one when the settings changed or the running one
    has had its ``workers_max_tasks`` tasks a worker (retired: what it has queued still runs)."""
    key = (size, settings.spacy_model)
    with _lock:
        pool, same = _state["pool"], _state["key"] == key
        if pool is not None and same and _state["tasks"] < max(1, settings.workers_max_tasks) * size:
            _state["tasks"] += tasks
            return pool
        _state["pool"] = ProcessPoolExecutor(max_workers=size, mp_context=_context(settings.spacy_model),
                                             initializer=_init_worker,
                                             initargs=(settings.spacy_model, dict(os.environ), os.getpid()))
        _state["key"], _state["tasks"] = key, tasks
        fresh = _state["pool"]
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=not same)
    return fresh


def stop_server() -> None:
    """Stop the fork server, if one runs (the next pool starts another). Once stopped and reaped, its CPU
    time and its workers' count among this process's children's (``bench/analysis.py``)."""
    from multiprocessing import forkserver

    forkserver._forkserver._stop()  # the standard library's own way to stop it (its tests use it)


def _context(model: str):
    """The start method's context: a fork server that preloaded ``model`` (started here, once per process,
    with the model named in its environment), or 'spawn' where the platform has no fork server."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["crosscheck.preload"])
    before = os.environ.get("CROSSCHECK_PRELOAD_MODEL")
    os.environ["CROSSCHECK_PRELOAD_MODEL"] = model  # read by the server's preload, which inherits this environment
    try:
        forkserver.ensure_running()  # a no-op once the server runs (it keeps the first model; workers load theirs)
    finally:
        if before is None:
            del os.environ["CROSSCHECK_PRELOAD_MODEL"]
        else:
            os.environ["CROSSCHECK_PRELOAD_MODEL"] = before
    return ctx


def warm(model: str) -> None:
    """Load ``model`` and run every stage of a worker once, on one short report, so that what the stages load
    lazily (data files, lexicons, the attribution model) is in memory (``crosscheck.preload``)."""
    from .config import Settings
    from .corroborate import corroborate  # noqa: F401  (imported for the workers' corroboration tasks)
    from .model import Document
    from .stories import describe  # noqa: F401

    from .analyze import nlp

    nlp.load(model)
    text = ("The city council said on Monday that it would close the old bridge for 14 days, "
            "according to a statement. \"We have no choice,\" Mayor Ana Lind told reporters.")
    prepare([Document(id="warm-up", source="warm-up", fmt="text", text=text, title="Bridge to close", language="en",
                      published="2026-01-05")],
            replace(Settings(), spacy_model=model))


def _discard_pool() -> None:
    with _lock:
        pool, _state["pool"], _state["key"] = _state["pool"], None, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def _chunks(docs: list["Document"], settings: "Settings") -> list[list["Document"]]:
    """Tasks of at most ``workers_chunk`` reports and ~``nlp_max_chars`` x 4 characters (a long report
    goes alone), so a worker never holds more than a few reports' parses at once."""
    limit = max(1, settings.workers_chunk)
    chars = 4 * settings.nlp_max_chars
    out: list[list["Document"]] = []
    size = 0
    for doc in docs:
        n = len(doc.text or "")
        if not out or len(out[-1]) >= limit or (out[-1] and size + n > chars):
            out.append([])
            size = 0
        out[-1].append(doc)
        size += n
    return out


def _one_by_one(docs: list["Document"], settings: "Settings", size: int) -> list[Prepared]:
    """Reports a dead worker did not return, each alone in a fresh pool: the one that kills its worker
    again fails alone ("analysis failed: BrokenProcessPool: ..."), the others are prepared as usual.
    When two reports in a row break their worker, the workers cannot run at all (a script without the
    ``if __name__ == "__main__"`` guard that 'spawn' needs, no memory left for a model): the pool is
    turned off for this process and the rest is prepared here."""
    _discard_pool()
    out: list[Prepared] = []
    broke: list["Document"] = []
    for i, doc in enumerate(docs):
        try:
            out += _pool(size, settings).submit(_run_chunk, [doc], settings).result()
            broke = []
        except Exception as exc:
            _discard_pool()
            broke.append(doc)
            if len(broke) == 2:
                with _lock:
                    _state["off"] = True
                return [p for p in out if p.document not in {d.id for d in broke}] + prepare(broke + docs[i + 1:], settings)
            out.append(Prepared(doc.id, stage="analysis", reason=one_line("analysis failed", exc)))
    return out


def _init_worker(model: str, environ: dict[str, str], owner: int | None = None) -> None:
    """In each worker, once: the environment of the process that started the pool (a forked worker has
    its fork server's, as old as the server), numeric libraries on one thread, spaCy and the model loaded
    (a no-op where the fork server preloaded them), and a watch on ``owner``, the pool's process."""
    if owner is not None:
        threading.Thread(target=_exit_with, args=(owner,), name="crosscheck-owner", daemon=True).start()
    for var in set(os.environ) - set(environ):
        del os.environ[var]
    os.environ.update(environ)
    for var in THREAD_VARS:
        os.environ[var] = "1"
    from .analyze import nlp

    nlp.load(model)


def _exit_with(owner: int, every: float = 1.0) -> None:
    """End this worker once ``owner`` is gone. A pool's process killed outright (SIGKILL, SIGTERM) left its
    workers behind: each holds the read end of the pool's result pipe (so a worker writing to it blocks
    instead of failing) and keeps the fork server, with its model, alive too."""
    import time

    while True:
        time.sleep(every)
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid was reused by another user's process: the owner is gone
            os._exit(1)


def _run_chunk(docs: list["Document"], settings: "Settings") -> list[Prepared]:
    """A worker's task (a module-level name, so the pool can send it to a spawned process)."""
    return prepare(docs, settings)


# -- corroboration of the dirty stories ------------------------------------------------------------
def corroborate_story(story: "Story", docs: dict, analyses: dict, feats: dict, synd: dict, entity_ids: dict,
                      settings: "Settings", vectors: dict | None = None) -> tuple[tuple | None, list["ReadFailure"]]:
    """((described story, findings) or None, failures) of one story, from what the writer read for it: a
    report that breaks corroboration is named and left out of the story's findings (it stays stored and in
    the story); None when the story fails as a whole."""
    from .corroborate import corroborate  # looked up per call: a stage swapped at run time is used
    from .model import ReadFailure
    from .stories import describe

    failures: list[ReadFailure] = []

    def run(members: tuple[str, ...]):
        part = replace(story, documents=members)
        part = describe(part, {d: docs[d] for d in members}, {d: feats[d] for d in members if d in feats})
        found = corroborate(part, {d: docs[d] for d in members}, {d: analyses[d] for d in members},
                            {d: synd.get(d) for d in members}, entity_ids, settings, vectors)
        return replace(part, documents=story.documents), found

    try:
        return run(story.documents), failures
    except Exception as exc:
        first = exc
    culprits = []
    for d in story.documents:
        try:
            run((d,))
        except Exception as exc:
            culprits.append(d)
            src = docs[d].source if docs.get(d) else d
            failures.append(ReadFailure(src, one_line("corroboration failed", exc)))
    rest = tuple(d for d in story.documents if d not in culprits)
    if culprits and rest:
        try:
            return run(rest), failures
        except Exception as exc:
            first = exc
    if not culprits:
        failures.append(ReadFailure(f"story {story.id}", one_line("corroboration failed", first)))
    return None, failures


def corroborate_each(keys: Sequence, inputs, settings: "Settings"):
    """``(key, result, failures)`` of ``corroborate_story(*inputs(key), settings, ...)`` for each key, in
    order (``inputs(key)`` is None: ``(key, None, [])``). When the worker pool is running (this ingest
    started it) the stories are corroborated in it, a few ahead of the one the caller is writing, so
    the writer's reads and writes overlap the work; otherwise, and for a story whose worker died, here."""
    from collections import deque

    size = pool_size(settings)
    with _lock:
        pool = _state["pool"] if _state["key"] == (size, settings.spacy_model) and not _state["off"] else None
    if pool is None or size <= 1 or len(keys) < 2:
        for key in keys:
            args = inputs(key)
            yield (key, None, []) if args is None else (key, *corroborate_story(*args[:6], settings, args[6]))
        return
    ahead: deque = deque()
    todo = iter(keys)
    broken = False  # a worker died: the pool is discarded (the next batch starts a fresh one), the rest runs here

    def submit() -> bool:
        key = next(todo, _END)
        if key is _END:
            return False
        args, fut = inputs(key), None
        if args is not None and not broken:
            try:
                fut = _pool(size, settings).submit(_run_story, args, settings)
            except Exception:  # the pool broke meanwhile: corroborated here
                fut = None
        ahead.append((key, args, fut))
        return True

    for _ in range(2 * size):
        if not submit():
            break
    while ahead:
        key, args, fut = ahead.popleft()
        submit()
        if args is None:
            yield key, None, []
            continue
        try:
            if fut is None:
                raise BrokenProcessPool("no pool")
            result = fut.result()
        except Exception:  # the worker died or the answer could not be sent: this story here
            if not broken:
                broken = True
                _discard_pool()
            result = corroborate_story(*args[:6], settings, args[6])
        yield (key, *result)


_END = object()


def _run_story(args: tuple, settings: "Settings"):
    """A worker's corroboration task (module-level, so the pool can send it)."""
    return corroborate_story(*args[:6], settings, args[6])
