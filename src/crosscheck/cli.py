"""The `crosscheck` command: parse, call the library, print with rich. Nothing else."""
from __future__ import annotations

import sqlite3
import sys
import traceback
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import views
from .views import printable
from .config import Settings, default_db_path
from .errors import CrosscheckError, InputError
from .store import DocumentFilter, open_store

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="crosscheck: what is claimed, who says so, how many independent sources carry it.")
out = Console(width=None if Console().is_terminal else 140)  # piped output: wide enough for ids and tables
err = Console(stderr=True)


LIMIT = typer.Option(100, min=1, max=views.MAX_LIMIT, help="rows to show")


class _State:
    db: Path = default_db_path()
    debug: bool = False


state = _State()


@app.callback()
def _main(db: Optional[Path] = typer.Option(None, "--db", help="SQLite store (default $CROSSCHECK_DB or ./crosscheck.db)"),
          debug: bool = typer.Option(False, "--debug", help="show tracebacks")) -> None:
    state.db = db or default_db_path()
    state.debug = debug


def _store(readonly: bool = False):
    return open_store(state.db, readonly=readonly)


# options shared by ingest, fetch and watch
_BATCH = typer.Option(Settings.batch_size, help="reports per transaction")
_WORKERS = typer.Option(Settings.workers, "--workers", min=0,
                        help="processes analysing reports (0: one per core, 1: this one)")
_PRIVATE = typer.Option(False, "--allow-private", help="also fetch loopback/private addresses (an intranet)")
_DELAY = typer.Option(None, "--delay", help="least seconds between two requests to one host")


@app.command()
def ingest(sources: list[str] = typer.Argument(..., help="files, folders, .jsonl, .html, .txt, .warc(.gz), feeds, - for stdin"),
           batch_size: int = _BATCH,
           workers: int = _WORKERS) -> None:
    """Read reports, clean and analyse them, group stories, corroborate claims."""
    from .pipeline import Pipeline

    store = _store()
    counts = {"new": 0, "duplicate": 0, "revised": 0, "failed": 0}
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} reports"),
                        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
    with progress:
        task = progress.add_task("reading", total=None)

        def on(event: str, source: str) -> None:
            if event == "stage":
                progress.update(task, description=source)
                if source.startswith("waiting") and not err.is_terminal:
                    err.print(printable(source), markup=False, highlight=False, soft_wrap=True)
                return
            counts[event] += 1
            progress.update(task, advance=1, description=f"{counts['new']} new, {counts['duplicate']} duplicate, "
                                                         f"{counts['revised']} revised, {counts['failed']} failed")

        result = Pipeline(store, Settings(batch_size=batch_size, workers=workers), on).ingest(sources)
    for f in result.failed:
        err.print(f"failed: {printable(f.source)}: {printable(f.reason)}", markup=False, highlight=False,
                  soft_wrap=True)
    out.print(f"ingested into {printable(store.path)}: {len(result.new)} new, {len(result.duplicate)} duplicate, "
              f"{len(result.revised)} revised, {len(result.failed)} failed; "
              f"{len(result.stories_changed)} stories changed", highlight=False, soft_wrap=True)
    bad = result.extra.get("unusable_sources") or []
    if bad:
        err.print(f"crosscheck: nothing could be ingested from {printable(', '.join(bad))}", markup=False, highlight=False,
                  soft_wrap=True)
        raise typer.Exit(1)


@app.command()
def documents(outlet: Optional[str] = None, language: Optional[str] = None,
              since: Optional[str] = typer.Option(None, help="published on or after (YYYY, YYYY-MM or YYYY-MM-DD)"),
              until: Optional[str] = typer.Option(None, help="published on or before (YYYY, YYYY-MM or YYYY-MM-DD)"),
              limit: int = LIMIT) -> None:
    """List stored documents."""
    flt = DocumentFilter(outlet=outlet, language=language, since=views.date_bound("--since", since),
                         until=views.date_bound("--until", until), limit=limit)
    store = _store(readonly=True)
    out.print(views.documents_table(store, flt))


@app.command()
def search(query: str, limit: int = typer.Option(20, min=1, max=views.MAX_LIMIT),
           advanced: bool = typer.Option(False, "--fts5", help="QUERY is SQLite FTS5 syntax (AND, NOT, NEAR, "
                                                                 "column:, ^), not plain words")) -> None:
    """Full-text search over document titles and text: every word required, OR between two words, NOT word."""
    store = _store(readonly=True)
    out.print(views.search_table(store, query, limit, advanced))


@app.command()
def show(item: str = typer.Argument(..., help="a document id or a story id")) -> None:
    """Show a document (text, metadata, captions, facts) or a story (reports, claims matrix, conflicts, timeline)."""
    store = _store(readonly=True)
    for renderable in views.show(store, item):
        out.print(renderable)


@app.command()
def stories(limit: int = typer.Option(50, min=1, max=views.MAX_LIMIT),
            language: Optional[str] = typer.Option(None, help="only stories with a report in this language (ISO 639-1)")) -> None:
    """List stories with counts of reports, independent sources and conflicts."""
    store = _store(readonly=True)
    out.print(views.stories_table(store, limit, language=language))


@app.command()
def entities(query: Optional[str] = typer.Argument(None, help="filter by name or alias"), limit: int = LIMIT) -> None:
    """List entities merged across reports, with their aliases."""
    store = _store(readonly=True)
    out.print(views.entities_table(store, query, limit))


@app.command()
def claims(status: Optional[str] = typer.Option(None, help="corroborated | single_source | conflicting"),
           document: Optional[str] = None, story: Optional[str] = None, limit: int = LIMIT,
           language: Optional[str] = typer.Option(None, help="only claims retold in this language (ISO 639-1)")) -> None:
    """List claims with their verdicts and the languages they are retold in."""
    if status and status not in ("corroborated", "single_source", "conflicting"):
        raise typer.BadParameter("status must be corroborated, single_source or conflicting", param_hint="--status")
    store = _store(readonly=True)
    out.print(views.claims_table(store, status=status, document=document, story=story, limit=limit, language=language))
    if status == "conflicting":  # conflicts on facts outside claims, date slips, wire versions too
        out.print(views.disagreements_table(store, story=story, document=document, limit=limit))


@app.command()
def export(format: str = typer.Option("json", "--format", help="json"),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="file (default stdout)")) -> None:
    """Export the whole analysed store as JSON (see CONTRACT)."""
    from .export import check_output, export_to_path, write_json

    if format != "json":
        raise typer.BadParameter("only json is supported", param_hint="--format")
    if output:
        check_output(state.db, output)  # before opening: the store path may not even be a store yet
    store = _store(readonly=True)
    if output:
        export_to_path(store, output)
    else:
        try:
            write_json(store, sys.stdout)
            sys.stdout.flush()
        except OSError as exc:  # a full disk behind a redirection: name the output, not the store
            raise CrosscheckError(f"<stdout>: cannot write the export ({exc.strerror or exc})") from exc


@app.command()
def recluster() -> None:
    """Re-optimise all stories in batch (after a big import); reports merges and splits."""
    from .pipeline import Pipeline

    store = _store()
    result = Pipeline(store).recluster()
    for line in list(result.merges) + list(result.splits):
        out.print(printable(line), markup=False, highlight=False)
    out.print(f"recluster: {len(result.merges)} merges, {len(result.splits)} splits", highlight=False)


@app.command()
def serve(host: str = "127.0.0.1", port: int = 8000,
          get: Optional[str] = typer.Option(None, "--get", help="print the response to one GET path and exit")) -> None:
    """Serve the web UI and the REST API over the store (read only)."""
    from .web.app import allowed_hosts, create_app

    store = _store(readonly=True)
    web_app = create_app(store, hosts=allowed_hosts(host))
    netloc = f"[{host.strip('[]')}]:{port}" if ":" in host else f"{host}:{port}"
    if get:
        import asyncio

        import httpx

        async def fetch() -> httpx.Response:  # the app in process, through httpx's ASGI transport
            transport = httpx.ASGITransport(app=web_app)
            async with httpx.AsyncClient(transport=transport, base_url=f"http://{netloc}") as client:
                return await client.get(get)

        response = asyncio.run(fetch())
        sys.stdout.write(response.text)
        raise typer.Exit(0 if response.status_code < 400 else 1)
    import uvicorn

    out.print(f"crosscheck serving {printable(store.path)} at http://{netloc}/  (API docs: /docs)", markup=False,
              highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def _fetch_settings(allow_private: bool, delay: Optional[float], batch_size: int, workers: int) -> Settings:
    import dataclasses

    base = Settings()
    changes: dict = {"batch_size": batch_size, "workers": workers}
    if allow_private:
        changes["fetch_allow_private"] = True
    if delay is not None:
        if not delay >= 0:
            raise typer.BadParameter("must be 0 or more seconds", param_hint="--delay")
        changes["fetch_host_delay"] = delay
    return dataclasses.replace(base, **changes)


def _print_failures(result) -> None:
    for f in result.failed:
        err.print(f"crosscheck: {f.source}: {f.reason}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def fetch(urls: list[str] = typer.Argument(..., help="page URLs, or text files listing URLs one a line"),
          allow_private: bool = _PRIVATE,
          delay: Optional[float] = _DELAY,
          batch_size: int = _BATCH,
          workers: int = _WORKERS) -> None:
    """Download pages (politely: robots.txt, one request at a time per host) and ingest them."""
    from .fetch.watch import read_url_list
    from .live import fetch_urls

    settings = _fetch_settings(allow_private, delay, batch_size, workers)
    wanted: list[str] = []
    for arg in urls:
        if "://" in arg or ":" in arg.split("/", 1)[0]:  # a URL (file:, ftp: ... are refused by the fetcher)
            wanted.append(arg)
        elif Path(arg).is_file():
            wanted += read_url_list(arg)
        else:
            raise InputError(arg, "neither an http(s) URL nor a file of URLs")
    store = _store()
    result = fetch_urls(wanted, store, settings)
    _print_failures(result)
    out.print(f"fetched into {store.path}: {len(result.new)} new, {len(result.duplicate)} duplicate, "
              f"{len(result.revised)} revised, {len(result.failed)} failed; "
              f"{len(result.stories_changed)} stories changed", highlight=False, soft_wrap=True)
    if result.failed and not (result.new or result.duplicate or result.revised):
        raise typer.Exit(1)


@app.command()
def watch(sources_file: Path = typer.Argument(..., help="feeds, news sitemaps and home pages, one URL a line"),
          every: str = typer.Option("10m", "--every", help="how often each source is polled (90s, 10m, 1h)"),
          once: bool = typer.Option(False, "--once", help="poll every source once, ingest, and exit"),
          allow_private: bool = _PRIVATE,
          delay: Optional[float] = _DELAY,
          batch_size: int = _BATCH,
          workers: int = _WORKERS) -> None:
    """Follow feeds, news sitemaps and home pages: each round ingests what is new; state lives in the store."""
    import time

    from .fetch.watch import parse_every, read_url_list
    from .live import watch_round

    settings = _fetch_settings(allow_private, delay, batch_size, workers)
    seconds = parse_every(every)
    read_url_list(sources_file)  # a bad file fails now, with its line
    store = _store()
    while True:
        urls = read_url_list(sources_file)  # re-read each round: edits apply without a restart
        rnd = watch_round(urls, store, settings, every=seconds, only_due=not once)
        _print_failures(rnd.result)
        for st in rnd.sources:
            if st.last_error:
                err.print(f"crosscheck: source {st.url}: {st.last_error} ({st.health}, {st.failures} failures in a row)",
                          markup=False, highlight=False, soft_wrap=True)
        r = rnd.result
        out.print(f"watch round: {len(rnd.sources)} sources polled, {rnd.skipped} not due; {len(r.new)} new, "
                  f"{len(r.duplicate)} duplicate, {len(r.revised)} revised, {len(r.failed)} failed",
                  highlight=False, soft_wrap=True)
        if once:
            return
        from .fetch.urls import normalise

        listed = (store.source(normalise(u)) for u in urls)  # sources dropped from the file are not waited for
        pending = [st.next_due for st in listed if st is not None and st.next_due]
        time.sleep(_seconds_until(min(pending)) if pending else seconds)


def _seconds_until(iso: str) -> float:
    from datetime import datetime, timezone

    try:
        return min(3600.0, max(1.0, (datetime.fromisoformat(iso) - datetime.now(timezone.utc)).total_seconds()))
    except ValueError:
        return 60.0


@app.command("sources")
def sources_cmd() -> None:
    """List watched sources with their health, last success, failures and next poll."""
    store = _store(readonly=True)
    out.print(views.sources_table(store))


@app.command("demo-report")
def demo_report() -> None:
    """Print what the store holds, one story in full, and how to open the UI."""
    store = _store(readonly=True)
    for renderable in views.demo_report(store):
        out.print(renderable)


# -- crosscheck spark: the pipeline on Apache Spark (crosscheck.spark) ---------------------------------
spark_app = typer.Typer(no_args_is_help=True, help="run the pipeline on Apache Spark (archives) and load its tables")
app.add_typer(spark_app, name="spark")


@spark_app.command("ingest")
def spark_ingest(inputs: list[str] = typer.Argument(..., help="files or folders: local, hdfs://, s3a:// ..."),
                 out_dir: str = typer.Option(..., "--out", help="new folder for the Parquet tables"),
                 master: str = typer.Option("local[*]", help="Spark master URL"),
                 partitions: Optional[int] = typer.Option(None, min=1, help="shuffle partitions")) -> None:
    """Read, analyse, group and corroborate INPUTs on Spark; write Parquet tables to --out."""
    from .spark import job

    job.check(inputs, out_dir)  # bad input: one line, before a JVM starts
    spark = job.session(master, partitions)
    try:
        stats = job.run(spark, inputs, out_dir, progress=lambda m: err.print(m, markup=False, highlight=False))
    finally:
        spark.stop()
    for source, reason in stats.pop("failures"):
        err.print(f"failed: {printable(source)}: {printable(reason)}", markup=False, highlight=False)
    stats.pop("seconds", None)
    out.print(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in stats.items()), highlight=False)


@spark_app.command("load")
def spark_load(folder: Path = typer.Argument(..., help="the --out folder of `crosscheck spark ingest`"),
               db: Optional[Path] = typer.Option(None, "--db", help="a new store (default: crosscheck --db)")) -> None:
    """Load the Parquet tables of a Spark run into a store that `serve` and `export` open."""
    from .spark.loader import check, load

    check(folder)
    store = open_store(db or state.db)
    try:
        counts = load(folder, store)
    finally:
        store.close()
    out.print(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items()), highlight=False)


def main() -> None:
    try:  # typer >= 0.2x carries its own copy of click
        from typer._click import exceptions as click
    except ImportError:  # pragma: no cover
        from click import exceptions as click

    try:
        code = app(prog_name="crosscheck", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.NoArgsIsHelpError:
        app(prog_name="crosscheck", args=["--help"], standalone_mode=False)
        sys.exit(2)
    except click.UsageError as exc:  # a bad option or argument: one line naming it, not a framed panel
        hint = exc.ctx.command_path if exc.ctx is not None else "crosscheck"
        _fail(f"{exc.format_message()} (see `{hint} --help`)", exc, code=exc.exit_code)
    except click.ClickException as exc:
        _fail(exc.format_message(), exc, code=exc.exit_code)
    except typer.Abort:
        _fail("interrupted", None, code=130)
    except CrosscheckError as exc:
        _fail(str(exc), exc)
    except sqlite3.Error as exc:
        _fail(f"{state.db}: database error: {exc}", exc)
    except OSError as exc:
        _fail(f"{getattr(exc, 'filename', None) or state.db}: {exc.strerror or exc}", exc)
    except KeyboardInterrupt:
        _fail("interrupted", None, code=130)


def _fail(message: str, exc: BaseException | None, code: int = 1) -> None:
    if state.debug and exc is not None:
        traceback.print_exception(exc)
    sys.stderr.write(f"crosscheck: {printable(message)}\n")
    sys.exit(code)


if __name__ == "__main__":
    main()
