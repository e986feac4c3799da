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
from .config import Settings, default_db_path
from .errors import CrosscheckError
from .store import DocumentFilter, open_store

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="crosscheck: what is claimed, who says so, how many independent sources carry it.")
out = Console(width=None if Console().is_terminal else 140)  # piped output: wide enough for ids and tables
err = Console(stderr=True)


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


@app.command()
def ingest(sources: list[str] = typer.Argument(..., help="files, folders, .jsonl, .html, .txt, .warc(.gz), feeds, - for stdin"),
           batch_size: int = typer.Option(Settings.batch_size, help="reports per transaction")) -> None:
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
                    err.print(source, markup=False, highlight=False, soft_wrap=True)
                return
            counts[event] += 1
            progress.update(task, advance=1, description=f"{counts['new']} new, {counts['duplicate']} duplicate, "
                                                         f"{counts['revised']} revised, {counts['failed']} failed")

        result = Pipeline(store, Settings(batch_size=batch_size), on).ingest(sources)
    for f in result.failed:
        err.print(f"failed: {f.source}: {f.reason}", markup=False, highlight=False, soft_wrap=True)
    out.print(f"ingested into {store.path}: {len(result.new)} new, {len(result.duplicate)} duplicate, "
              f"{len(result.revised)} revised, {len(result.failed)} failed; "
              f"{len(result.stories_changed)} stories changed", highlight=False, soft_wrap=True)
    bad = result.extra.get("unusable_sources") or []
    if bad:
        err.print(f"crosscheck: nothing could be ingested from {', '.join(bad)}", markup=False, highlight=False,
                  soft_wrap=True)
        raise typer.Exit(1)


@app.command()
def documents(outlet: Optional[str] = None, language: Optional[str] = None,
              since: Optional[str] = typer.Option(None, help="published on or after (YYYY-MM-DD)"),
              until: Optional[str] = typer.Option(None, help="published on or before (YYYY-MM-DD)"),
              limit: int = 100) -> None:
    """List stored documents."""
    store = _store(readonly=True)
    flt = DocumentFilter(outlet=outlet, language=language, since=since, until=until, limit=limit)
    out.print(views.documents_table(store, flt))


@app.command()
def search(query: str, limit: int = 20) -> None:
    """Full-text search over document titles and text."""
    store = _store(readonly=True)
    out.print(views.search_table(store, query, limit))


@app.command()
def show(item: str = typer.Argument(..., help="a document id or a story id")) -> None:
    """Show a document (text, metadata, captions, facts) or a story (reports, claims matrix, conflicts, timeline)."""
    store = _store(readonly=True)
    for renderable in views.show(store, item):
        out.print(renderable)


@app.command()
def stories(limit: int = 50,
            language: Optional[str] = typer.Option(None, help="only stories with a report in this language (ISO 639-1)")) -> None:
    """List stories with counts of reports, independent sources and conflicts."""
    store = _store(readonly=True)
    out.print(views.stories_table(store, limit, language=language))


@app.command()
def entities(query: Optional[str] = typer.Argument(None, help="filter by name or alias"), limit: int = 100) -> None:
    """List entities merged across reports, with their aliases."""
    store = _store(readonly=True)
    out.print(views.entities_table(store, query, limit))


@app.command()
def claims(status: Optional[str] = typer.Option(None, help="corroborated | single_source | conflicting"),
           document: Optional[str] = None, story: Optional[str] = None, limit: int = 100,
           language: Optional[str] = typer.Option(None, help="only claims retold in this language (ISO 639-1)")) -> None:
    """List claims with their verdicts and the languages they are retold in."""
    if status and status not in ("corroborated", "single_source", "conflicting"):
        raise typer.BadParameter("status must be corroborated, single_source or conflicting", param_hint="--status")
    store = _store(readonly=True)
    out.print(views.claims_table(store, status=status, document=document, story=story, limit=limit, language=language))


@app.command()
def export(format: str = typer.Option("json", "--format", help="json"),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="file (default stdout)")) -> None:
    """Export the whole analysed store as JSON (see CONTRACT)."""
    from .export import write_json

    if format != "json":
        raise typer.BadParameter("only json is supported", param_hint="--format")
    store = _store(readonly=True)
    if output:
        tmp = output.with_name(output.name + ".part")
        with open(tmp, "w", encoding="utf-8") as fh:
            write_json(store, fh)
        tmp.replace(output)
    else:
        write_json(store, sys.stdout)


@app.command()
def recluster() -> None:
    """Re-optimise all stories in batch (after a big import); reports merges and splits."""
    from .pipeline import Pipeline

    store = _store()
    result = Pipeline(store).recluster()
    for line in list(result.merges) + list(result.splits):
        out.print(str(line), highlight=False)
    out.print(f"recluster: {len(result.merges)} merges, {len(result.splits)} splits", highlight=False)


@app.command()
def serve(host: str = "127.0.0.1", port: int = 8000,
          get: Optional[str] = typer.Option(None, "--get", help="print the response to one GET path and exit")) -> None:
    """Serve the web UI and the REST API over the store (read only)."""
    from .web.app import create_app

    store = _store(readonly=True)
    web_app = create_app(store)
    if get:
        from fastapi.testclient import TestClient

        response = TestClient(web_app).get(get)
        sys.stdout.write(response.text)
        raise typer.Exit(0 if response.status_code < 400 else 1)
    import uvicorn

    out.print(f"crosscheck serving {store.path} at http://{host}:{port}/  (API docs: /docs)", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


@app.command("demo-report")
def demo_report() -> None:
    """Print what the store holds, one story in full, and how to open the UI."""
    store = _store(readonly=True)
    for renderable in views.demo_report(store):
        out.print(renderable)


def main() -> None:
    try:
        app(prog_name="crosscheck")
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
    sys.stderr.write(f"crosscheck: {message}\n")
    sys.exit(code)


if __name__ == "__main__":
    main()
