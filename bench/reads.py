"""Read timings at scale: first and warm views of a story and of the story list, also right after a write
into another story (what an ingest does), on a store grown by cloning its reports with new ids.

    # once: a real store (e.g. ECB+ dev, 535 reports), then clone it to ~100k reports (read tables only);
    # a store from an older crosscheck: open it once for writing (any ingest) so it is migrated first
    .venv/bin/crosscheck --db /tmp/base.db ingest ../shared/datasets/ecbplus-dev/articles.jsonl
    .venv/bin/python bench/reads.py grow /tmp/base.db /tmp/s100k.db 187
    .venv/bin/python bench/reads.py measure /tmp/s100k.db
    .venv/bin/python bench/reads.py profile /tmp/s100k.db '/stories/{story_a}'   # cProfile of one first view

Prints wall and CPU milliseconds per request (CPU: of this process, server and test client together; on a
shared machine wall time mostly measures the load): the largest and a median story (first and warm views),
list pages, search, a report page, the entity with the most links and a median one (page and API), the
entity lists, /api/claims (whole list, one verdict, one entity, one story), and again right after a write
into another story. Asserts nothing. Goal (issue 14): a story's first view and list pages under 100 ms at
100k reports, also right after an ingest. ``profile`` runs one request under cProfile (CPU) in this thread.
A store of schema 9 or later (claims as rows) is cloned with its claim rows (schema 10: their only copy; the
entities' stored claim lists are rewritten by the recount at the end of ``grow``); a store of an older schema must
be opened for writing once after ``grow`` (the migration fills the claim rows from the cloned findings).
``measure`` also prints the store's size: the file, and the pages in use (a migration that shrinks rows leaves
free pages in the file until a VACUUM).
"""
from __future__ import annotations

import re
import shutil
import sqlite3
import sys
import time
from urllib.parse import quote

from fastapi.testclient import TestClient

from crosscheck.store import open_store
from crosscheck.web.app import create_app


def grow(base: str, out: str, copies: int) -> None:
    """Copy ``base`` to ``out`` and add ``copies`` clones of every report (ids suffixed ~k) with their story,
    findings, claims, links, syndication and summary rows: a big store for read timings, not for ingests."""
    shutil.copy(base, out)
    c = sqlite3.connect(out, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("PRAGMA synchronous=OFF")
    docs_of: dict[str, list[str]] = {}
    for d, s in c.execute("SELECT document, story FROM story_documents"):
        docs_of.setdefault(s, []).append(d)
    findings = c.execute("SELECT story, data FROM findings").fetchall()
    claim_ids: dict[str, list[str]] = {}
    for cid, s in c.execute("SELECT id, story FROM claims"):
        claim_ids.setdefault(s, []).append(cid)
    claim_cols = [r[1] for r in c.execute("PRAGMA table_info(claims)")]
    claim_rows = c.execute("SELECT id, story, data FROM claims").fetchall() if "data" in claim_cols else []
    members = c.execute("SELECT document, grp, data FROM syndication_members").fetchall()
    all_docs = [r[0] for r in c.execute("SELECT id FROM documents")]
    has_summ = bool(c.execute("SELECT 1 FROM sqlite_master WHERE name='story_summaries'").fetchone())
    cols = [r[1] for r in c.execute("PRAGMA table_info(documents)") if r[1] not in ("rowid",)]
    t0 = time.time()


    def sub_ids(text: str, ids: list[str], k: int) -> str:
        if not ids:
            return text
        pat = re.compile('"(' + "|".join(re.escape(x) for x in sorted(ids, key=len, reverse=True)) + ')([":])')
        return pat.sub(lambda m: f'"{m.group(1)}~{k}{m.group(2)}', text)


    for k in range(1, copies + 1):
        sfx = f"~{k}"
        c.execute("BEGIN")
        sel = ", ".join(f"{x}||'{sfx}'" if x in ("id", "source") else x for x in cols)
        c.execute(f"INSERT INTO documents ({', '.join(cols)}) SELECT {sel} FROM documents WHERE id NOT LIKE '%~%'")
        c.execute(f"INSERT INTO analyses (document, data) SELECT document||'{sfx}', data FROM analyses WHERE document NOT LIKE '%~%'")
        c.execute(f"INSERT INTO story_documents (document, story) SELECT document||'{sfx}', story||'{sfx}' FROM story_documents WHERE document NOT LIKE '%~%'")
        c.execute(f"INSERT INTO stories (id, title, summary, first_published, last_published) SELECT id||'{sfx}', title, summary, first_published, last_published FROM stories WHERE id NOT LIKE '%~%'")
        if claim_rows:  # schema 10: claims as rows, with the reports, retellings and mentions of each
            others = [x for x in claim_cols if x not in ("id", "story", "data")]
            c.execute(f"CREATE TEMP TABLE IF NOT EXISTS grow_data (id TEXT PRIMARY KEY, data TEXT)")
            c.execute("DELETE FROM grow_data")
            c.executemany("INSERT INTO grow_data (id, data) VALUES (?,?)",
                          [(cid + sfx, sub_ids(data, docs_of.get(st, []) + [st] + claim_ids.get(st, []), k))
                           for cid, st, data in claim_rows])
            c.execute(f"INSERT INTO claims (id, story, {', '.join(others)}, data) SELECT c.id||'{sfx}', c.story||'{sfx}', "
                      f"{', '.join('c.' + x for x in others)}, g.data FROM claims c JOIN grow_data g ON g.id = c.id||'{sfx}' "
                      "WHERE c.story NOT LIKE '%~%'")
            c.execute(f"INSERT INTO claim_documents (document, claim) SELECT document||'{sfx}', claim||'{sfx}' "
                      "FROM claim_documents WHERE claim NOT LIKE '%~%'")
            ref = f"substr(ref, 1, instr(ref, ':') - 1)||'{sfx}'||substr(ref, instr(ref, ':'))"
            c.execute(f"INSERT INTO claim_retellings (ref, claim, language) SELECT {ref}, claim||'{sfx}', language "
                      "FROM claim_retellings WHERE claim NOT LIKE '%~%'")
            c.execute(f"INSERT INTO claim_mentions (document, key, ref) SELECT document||'{sfx}', key, {ref} "
                      "FROM claim_mentions WHERE document NOT LIKE '%~%'")
            c.execute(f"INSERT INTO entity_mentions (document, key, mentions) SELECT document||'{sfx}', key, mentions "
                      "FROM entity_mentions WHERE document NOT LIKE '%~%'")
        else:
            c.execute(f"INSERT INTO claims (id, story, status, speaker) SELECT id||'{sfx}', story||'{sfx}', status, speaker FROM claims WHERE story NOT LIKE '%~%'")
        c.execute(f"INSERT INTO entity_links (document, key, entity) SELECT document||'{sfx}', key, entity FROM entity_links WHERE document NOT LIKE '%~%'")
        c.execute(f"INSERT INTO syndication_groups (id, origin, origin_outlet) SELECT id||'{sfx}', origin||'{sfx}', origin_outlet FROM syndication_groups WHERE id NOT LIKE '%~%'")
        c.executemany("INSERT INTO syndication_members (document, grp, data) VALUES (?,?,?)",
                      [(d + sfx, g + sfx, sub_ids(data, all_docs, k) if data else data) for d, g, data in members])
        c.executemany("INSERT INTO findings (story, data) VALUES (?,?)",
                      [(s + sfx, sub_ids(data, docs_of.get(s, []) + [s] + claim_ids.get(s, []), k)) for s, data in findings])
        if has_summ:
            c.execute(f"INSERT INTO story_summaries SELECT story||'{sfx}', title, summary, first_published, last_published, reports, independent_sources, claims, conflicts, corroborated, single_source, outlets, languages, 1 FROM story_summaries WHERE story NOT LIKE '%~%'")
        c.execute("COMMIT")
        if k % 20 == 0:
            print(k, round(time.time() - t0, 1), flush=True)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if claim_rows:
        c.close()
        w = open_store(out)
        with w.transaction():  # schema 10: the entity list's counts of the entities the clones touched
            w.refresh_entity_stats()
        w.close()
        c = sqlite3.connect(out)
    print("documents", c.execute("SELECT count(*) FROM documents").fetchone()[0], "in", round(time.time() - t0, 1), "s")


def _picks(path: str) -> dict:
    """The story, entity and report each measurement opens: the largest and the median story, the entity with
    the most links (the longest claim list) and a median one, a report of the largest story."""
    c = sqlite3.connect(path)
    big = c.execute("SELECT story, count(*) n FROM story_documents GROUP BY story ORDER BY n DESC, story LIMIT 2").fetchall()
    sizes = c.execute("SELECT story, count(*) n FROM story_documents GROUP BY story ORDER BY n, story").fetchall()
    ents = c.execute("SELECT entity, count(*) n FROM entity_links GROUP BY entity ORDER BY n DESC, entity").fetchall()
    out = {"story_a": big[0][0], "size_a": big[0][1], "story_b": big[1][0], "story_m": sizes[len(sizes) // 2][0],
           "size_m": sizes[len(sizes) // 2][1], "entity_a": ents[0][0], "links_a": ents[0][1],
           "entity_m": ents[len(ents) // 2][0], "links_m": ents[len(ents) // 2][1],
           "n_docs": c.execute("SELECT count(*) FROM documents").fetchone()[0],
           "n_claims": c.execute("SELECT count(*) FROM claims").fetchone()[0],
           "n_entities": c.execute("SELECT count(*) FROM entities").fetchone()[0]}
    page, pages, free = (c.execute(f"PRAGMA {x}").fetchone()[0] for x in ("page_size", "page_count", "freelist_count"))
    out["file_mb"], out["used_mb"] = page * pages / 1e6, page * (pages - free) / 1e6
    out["doc_a"] = c.execute("SELECT document FROM story_documents WHERE story = ? LIMIT 1", (out["story_a"],)).fetchone()[0]
    word = c.execute("SELECT title FROM stories WHERE id = ?", (out["story_a"],)).fetchone()[0].split()
    out["word"] = max(word, key=len) if word else "said"
    c.close()
    return out


def measure(path: str) -> None:
    p = _picks(path)
    story_a, story_b, story_m = p["story_a"], p["story_b"], p["story_m"]
    ent_a, ent_m = quote(p["entity_a"], safe=""), quote(p["entity_m"], safe="")


    def timed(client, url):
        t, c = time.perf_counter(), time.process_time()
        r = client.get(url)
        ms = (time.perf_counter() - t) * 1000
        cpu = (time.process_time() - c) * 1000
        assert r.status_code == 200, (url, r.status_code)
        return ms, cpu


    def touch_other():
        """What an ingest into another story does to the store: that story's findings written again (and, with
        schema 9 or later, the entity figures it touched recounted, as the pipeline does at the end of a run;
        the most-linked entity marked as touched too, as a new report naming it would, so the recount of its
        whole claim list is in the figure)."""
        w = open_store(path)
        f = w.findings(story_b)
        s = w.story(story_b)
        with w.transaction():
            w.put_story(s)
            w.put_findings(f)
            if w.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'entity_stale'").fetchone():
                w.conn.execute("INSERT OR IGNORE INTO entity_stale (entity) VALUES (?)", (p["entity_a"],))
        t = time.process_time()
        with w.transaction():
            n = w.refresh_entity_stats() if hasattr(w, "refresh_entity_stats") else 0
        if n:
            print(f"  (the write's end of run: {n} entities recounted in {1000 * (time.process_time() - t):.0f} ms CPU)")
        w.close()


    t0 = time.perf_counter()
    reader = open_store(path, readonly=True)
    client = TestClient(create_app(reader))
    print(f"{p['n_docs']} documents, {p['n_claims']} claims, {p['n_entities']} entities; largest story {story_a} "
          f"({p['size_a']} reports), median story {story_m} ({p['size_m']}); entity {p['entity_a']} ({p['links_a']} links), "
          f"median entity {p['entity_m']} ({p['links_m']}); open {1000 * (time.perf_counter() - t0):.0f} ms")
    print(f"store: file {p['file_mb']:.0f} MB, pages in use {p['used_mb']:.0f} MB (the rest: free pages a VACUUM "
          "returns)")
    out = {}
    # the process's first page compiles the templates (once per server): a median story first, then the largest
    out["median story first (1st page)"] = timed(client, f"/stories/{story_m}")
    out["median story warm"] = timed(client, f"/stories/{story_m}")
    out["largest story first"] = timed(client, f"/stories/{story_a}")
    out["largest story warm"] = timed(client, f"/stories/{story_a}")
    out["api largest story (view cached)"] = timed(client, f"/api/stories/{story_a}")
    out["list first"] = timed(client, "/")
    out["list warm"] = timed(client, "/")
    out["list page 10 first"] = timed(client, "/?offset=500")
    out["list recent first"] = timed(client, "/?sort=recent")
    out["api stories first"] = timed(client, "/api/stories?limit=50&offset=100")
    out["search (list ?q=)"] = timed(client, f"/?q={quote(p['word'])}")
    out["report page first"] = timed(client, f"/documents/{p['doc_a']}")
    out["entity page (most linked)"] = timed(client, f"/entities/{ent_a}")
    out["entity page (median)"] = timed(client, f"/entities/{ent_m}")
    out["api entity (most linked)"] = timed(client, f"/api/entities/{ent_a}")
    out["api entity (most linked) limit=50"] = timed(client, f"/api/entities/{ent_a}?limit=50&offset=100")
    out["entities list"] = timed(client, "/entities")
    out["api entities list"] = timed(client, "/api/entities?limit=50&offset=100")
    out["api claims list"] = timed(client, "/api/claims?limit=50&offset=1000")
    out["api claims status"] = timed(client, "/api/claims?status=conflicting&limit=50")
    out["api claims entity"] = timed(client, f"/api/claims?entity={ent_a}&limit=50")
    out["api claims story"] = timed(client, f"/api/claims?story={quote(story_a, safe='')}")
    touch_other()
    out["after ingest: largest story"] = timed(client, f"/stories/{story_a}")
    out["after ingest: median story"] = timed(client, f"/stories/{story_m}")
    out["after ingest: story B (touched)"] = timed(client, f"/stories/{story_b}")
    out["after ingest: list"] = timed(client, "/")
    out["after ingest: list warm"] = timed(client, "/")
    out["after ingest: list language=en"] = timed(client, "/?language=en")
    out["after ingest: entity page"] = timed(client, f"/entities/{ent_a}")
    out["after ingest: entities list"] = timed(client, "/entities")
    out["after ingest: api claims list"] = timed(client, "/api/claims?limit=50&offset=1000")
    print(f"  {'':34s} {'wall':>9s}    {'cpu':>9s}")
    for k, (v, cpu) in out.items():
        print(f"  {k:34s} {v:9.1f} ms {cpu:9.1f} ms")
    reader.close()


def profile(path: str, url: str, top: int = 30) -> None:
    """cProfile (CPU) of one first request of ``url`` ("{story_a}", "{entity_a}" ... filled from the store), the
    app run in this thread (the thread pool's work run inline) so that the profile sees the handler."""
    import asyncio
    import cProfile
    import pstats

    import anyio.to_thread
    import httpx

    async def inline(func, *args, **kwargs):
        return func(*args)

    anyio.to_thread.run_sync = inline
    p = _picks(path)
    url = url.format(**{k: quote(str(v), safe="") for k, v in p.items()})
    reader = open_store(path, readonly=True)
    app = create_app(reader)

    async def get(u):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://localhost") as client:
            return await client.get(u)

    for warm in ("/", "/stories/{story_m}", "/entities/{entity_m}", "/documents/{doc_a}", "/entities"):
        asyncio.run(get(warm.format(**{k: quote(str(v), safe="") for k, v in p.items()})))  # templates compiled
    prof = cProfile.Profile(time.process_time)
    prof.enable()
    r = asyncio.run(get(url))
    prof.disable()
    print(url, r.status_code, len(r.content), "bytes")
    pstats.Stats(prof).sort_stats("cumulative").print_stats("crosscheck|jinja2/environment|sqlite|codec", top)
    pstats.Stats(prof).sort_stats("tottime").print_stats(15)
    reader.close()


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "grow":
        grow(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif len(sys.argv) == 3 and sys.argv[1] == "measure":
        measure(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "profile":
        profile(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
