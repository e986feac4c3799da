"""Versioned schema. Each migration moves the store from version i to i+1; never edit a shipped one."""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 0 -> 1: documents, analyses, full-text index
    """
    CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL UNIQUE,
        fmt TEXT NOT NULL,
        url TEXT, title TEXT, outlet TEXT, published TEXT, language TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        captions TEXT NOT NULL DEFAULT '[]',
        boilerplate TEXT NOT NULL DEFAULT '[]',
        content_hash TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
    );
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE INDEX documents_language ON documents(language);
    CREATE INDEX documents_published ON documents(published);
    CREATE TABLE revisions (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        title TEXT,
        replaced_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
        PRIMARY KEY (document, revision)
    );
    CREATE TABLE analyses (
        document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data TEXT NOT NULL
    );
    CREATE TABLE doc_entities (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (document, key)
    );
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # 1 -> 2: stories, syndication, entities, corroboration findings
    """
    CREATE TABLE features (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (document, kind)
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        first_published TEXT,
        last_published TEXT
    );
    CREATE TABLE story_documents (
        document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        story TEXT NOT NULL
    );
    CREATE INDEX story_documents_story ON story_documents(story);
    CREATE TABLE dirty_stories (story TEXT PRIMARY KEY);
    CREATE TABLE syndication_groups (
        id TEXT PRIMARY KEY,
        origin TEXT,
        origin_outlet TEXT
    );
    CREATE TABLE syndication_members (
        document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        grp TEXT NOT NULL REFERENCES syndication_groups(id) ON DELETE CASCADE
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE entity_links (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        entity TEXT NOT NULL,
        PRIMARY KEY (document, key)
    );
    CREATE INDEX entity_links_entity ON entity_links(entity);
    CREATE TABLE findings (
        story TEXT PRIMARY KEY,
        data TEXT NOT NULL
    );
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        story TEXT NOT NULL,
        status TEXT NOT NULL,
        speaker TEXT
    );
    CREATE INDEX claims_story ON claims(story);
    CREATE INDEX claims_status ON claims(status);
    CREATE INDEX claims_speaker ON claims(speaker);
    """,
    # 2 -> 3: live sources (crosscheck watch) and how fetched reports came in (crosscheck fetch)
    """
    CREATE TABLE sources (
        url TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        next_due TEXT,
        health TEXT NOT NULL DEFAULT 'new'
    );
    CREATE TABLE fetches (
        source TEXT PRIMARY KEY,
        requested_url TEXT NOT NULL,
        final_url TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        status INTEGER NOT NULL DEFAULT 200
    );
    """,
    # 3 -> 4: a source is no identity (CONTRACT): reports with neither url nor id share '<stdin>' or a
    # 'PATH#LINE' and are told apart by content, so documents.source loses UNIQUE (table rebuilt with the
    # same rowids, so the FTS index stays valid); lookups by source and by content hash get indexes.
    # Runs with foreign keys off (the runner turns them off around migrations): DROP TABLE must not cascade.
    """
    CREATE TABLE documents_v3 (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        fmt TEXT NOT NULL,
        url TEXT, title TEXT, outlet TEXT, published TEXT, language TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        captions TEXT NOT NULL DEFAULT '[]',
        boilerplate TEXT NOT NULL DEFAULT '[]',
        content_hash TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
    );
    INSERT INTO documents_v3 (rowid, id, source, fmt, url, title, outlet, published, language, authors, text,
                              captions, boilerplate, content_hash, revision, ingested_at, updated_at)
        SELECT rowid, id, source, fmt, url, title, outlet, published, language, authors, text,
               captions, boilerplate, content_hash, revision, ingested_at, updated_at FROM documents;
    DROP TABLE documents;
    ALTER TABLE documents_v3 RENAME TO documents;
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE INDEX documents_language ON documents(language);
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_source ON documents(source);
    CREATE INDEX documents_content_hash ON documents(content_hash);
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # 4 -> 5: wires a document credits; each syndication member's kind and evidence (issue 12)
    """
    ALTER TABLE documents ADD COLUMN credits TEXT;
    ALTER TABLE syndication_members ADD COLUMN data TEXT;
    """,
    # 5 -> 6 (issue 14): entity linking for the new reports only. entity_keys: alias key (analyze.aliases.alias_keys) -> cross-report entities
    # with a member of that key; entities_pending: reports whose local entities changed since they were
    # last linked (put_document marks them); entity_links.form: a hash of the local entity's name, type and
    # aliases, so the alike mentions of one entity are counted from an index, not read. Every report already
    # stored is marked, so the first run after this migration links the whole store once and fills both.
    """
    CREATE TABLE entity_keys (
        key TEXT NOT NULL,
        entity TEXT NOT NULL,
        PRIMARY KEY (key, entity)
    ) WITHOUT ROWID;
    CREATE INDEX entity_keys_entity ON entity_keys(entity);
    CREATE TABLE entities_pending (
        document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
    );
    INSERT OR IGNORE INTO entities_pending (document)
        SELECT document FROM doc_entities UNION SELECT document FROM entity_links;
    ALTER TABLE entity_links ADD COLUMN form TEXT;
    CREATE INDEX entity_links_form ON entity_links(entity, form, document, key);
    """,
    # 6 -> 7: persistent candidate indexes (issue 14, helper `incr`): a run reads the postings of its new reports' keys and
    # the stories/fingerprints they point to, never every stored feature. The tables are filled from the
    # stored features by the pipeline (it owns the key functions) on the first write after this migration:
    # a store that has reports gets the 'rebuild' flag.
    """
    CREATE TABLE index_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE story_df (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE story_postings (key TEXT PRIMARY KEY, stories TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE story_aggregates (
        story TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        docs INTEGER NOT NULL,
        first INTEGER,
        last INTEGER,
        languages TEXT NOT NULL DEFAULT '[]',
        centroid TEXT NOT NULL DEFAULT '{}',
        embedding BLOB
    );
    CREATE INDEX story_aggregates_recent ON story_aggregates(seq) WHERE embedding IS NOT NULL;
    CREATE TABLE synd_postings (key TEXT PRIMARY KEY, entries TEXT NOT NULL) WITHOUT ROWID;
    CREATE INDEX syndication_members_grp ON syndication_members(grp);
    INSERT INTO index_meta (name, value) SELECT 'rebuild', '1' WHERE EXISTS (SELECT 1 FROM features);
    """,
    # 7 -> 8 (issue 14 part 3, "reads"): one summary row per story, written with
    # its findings (store/reads.py SUMMARY_SQL), so list pages are ORDER BY ... LIMIT in SQL and counts are read,
    # not recomputed; ``version`` rises on each rewrite (per-story cache invalidation in the web).
    # Filled here from the tables as they are (the same statement the store runs per story).
    """
    CREATE TABLE IF NOT EXISTS story_summaries (
        story TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        first_published TEXT,
        last_published TEXT,
        reports INTEGER NOT NULL DEFAULT 0,
        independent_sources INTEGER NOT NULL DEFAULT 0,
        claims INTEGER NOT NULL DEFAULT 0,
        conflicts INTEGER NOT NULL DEFAULT 0,
        corroborated INTEGER NOT NULL DEFAULT 0,
        single_source INTEGER NOT NULL DEFAULT 0,
        outlets TEXT NOT NULL DEFAULT '[]',
        languages TEXT NOT NULL DEFAULT '[]',
        version INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX IF NOT EXISTS story_summaries_size ON story_summaries(reports DESC, claims DESC, story);
    CREATE INDEX IF NOT EXISTS story_summaries_recent ON story_summaries(last_published DESC, story DESC);
    CREATE INDEX IF NOT EXISTS story_documents_story_doc ON story_documents(story, document);
    CREATE INDEX IF NOT EXISTS syndication_members_grp ON syndication_members(grp);
    INSERT OR REPLACE INTO story_summaries (story, title, summary, first_published, last_published, reports,
        independent_sources, claims, conflicts, corroborated, single_source, outlets, languages, version)
    SELECT s.story, coalesce(st.title, ''), coalesce(st.summary, ''), st.first_published, st.last_published,
        (SELECT count(*) FROM story_documents x WHERE x.story = s.story),
        (SELECT count(DISTINCT coalesce(sm.grp, x.document)) FROM story_documents x
            LEFT JOIN syndication_members sm ON sm.document = x.document WHERE x.story = s.story),
        coalesce(cl.n, 0), coalesce(cl.conflicting, 0), coalesce(cl.corroborated, 0), coalesce(cl.single, 0),
        (SELECT json_group_array(o) FROM (SELECT DISTINCT d.outlet AS o FROM story_documents x
            JOIN documents d ON d.id = x.document WHERE x.story = s.story AND d.outlet IS NOT NULL
            AND d.outlet != '' ORDER BY lower(d.outlet), d.outlet)),
        (SELECT json_group_array(l) FROM (SELECT DISTINCT d.language AS l FROM story_documents x
            JOIN documents d ON d.id = x.document WHERE x.story = s.story AND d.language IS NOT NULL
            AND d.language != '' ORDER BY d.language)),
        1
    FROM (SELECT DISTINCT story FROM story_documents) s LEFT JOIN stories st ON st.id = s.story
    LEFT JOIN (SELECT story, count(*) AS n, sum(status = 'conflicting') AS conflicting,
                      sum(status = 'corroborated') AS corroborated, sum(status = 'single_source') AS single
               FROM claims GROUP BY story) cl ON cl.story = s.story;
    """,
    # 8 -> 9 (issue 14 part 3, helper `reads2`, its number 10; the lead renumbers after scale2's): claims as rows
    # (store/claims.py), so claim lists and entity pages are filtered, sorted and cut by SQL and decode one page:
    # each claim's JSON, subject and words beside its story, status and speaker; the reports carrying it; its
    # retellings (claim key in a report, language); the local entities each report's claim sentences name; each
    # claim's place on its story page (rank); mentions per local entity and report (a story's actors by SQL);
    # per entity its case-folded name and the claims by or about it (entity_stats: the entity lists' order),
    # marked stale by triggers when a write touches them and recounted by the writer (refresh_entity_stats).
    # Filled here from the stored findings and analyses (SQLite's JSON functions; the writer keeps them after;
    # casefold() is the store connection's function, store/claims.py).
    """
    -- claims rebuilt with their new columns (refilled below from the findings, the source of truth)
    DROP TABLE IF EXISTS claims_v10;
    CREATE TABLE claims_v10 (
        id TEXT PRIMARY KEY,
        story TEXT NOT NULL,
        status TEXT NOT NULL,
        speaker TEXT,
        subject TEXT,
        text TEXT,
        speaker_text TEXT,
        data TEXT,  -- the AlignedClaim (codec JSON)
        rank INTEGER  -- its place on its story page (store/claims.py display_order)
    );
    DROP TABLE claims;
    ALTER TABLE claims_v10 RENAME TO claims;
    CREATE INDEX IF NOT EXISTS claims_story ON claims(story);
    CREATE INDEX IF NOT EXISTS claims_status ON claims(status);
    CREATE INDEX IF NOT EXISTS claims_speaker ON claims(speaker);
    CREATE INDEX IF NOT EXISTS claims_order ON claims(story, id);
    CREATE INDEX IF NOT EXISTS claims_rank ON claims(story, rank);
    CREATE INDEX IF NOT EXISTS claims_status_order ON claims(status, story, id);
    CREATE INDEX IF NOT EXISTS claims_subject ON claims(subject);
    CREATE TABLE IF NOT EXISTS claim_documents (
        document TEXT NOT NULL,
        claim TEXT NOT NULL,
        PRIMARY KEY (document, claim)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS claim_documents_claim ON claim_documents(claim);
    CREATE TABLE IF NOT EXISTS claim_retellings (
        ref TEXT NOT NULL,  -- "<document id>:<claim key>" (Retelling.claim)
        claim TEXT NOT NULL,
        language TEXT,
        PRIMARY KEY (ref, claim)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS claim_retellings_claim ON claim_retellings(claim);
    CREATE INDEX IF NOT EXISTS claim_retellings_language ON claim_retellings(language, claim);
    CREATE TABLE IF NOT EXISTS entity_stats (  -- per entity: its name case-folded, the claims by or about it
        entity TEXT PRIMARY KEY,
        name_key TEXT NOT NULL,
        claims INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS entity_stats_claims ON entity_stats(claims DESC, name_key, entity);
    CREATE INDEX IF NOT EXISTS entity_stats_name ON entity_stats(name_key, entity);
    -- entities whose stats are to be recounted (marked by the triggers below)
    CREATE TABLE IF NOT EXISTS entity_stale (entity TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS claim_mentions (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,  -- the local entity key (entity_links.key)
        ref TEXT NOT NULL,  -- the claim sentence naming it, "<document id>:<claim key>"
        PRIMARY KEY (document, key, ref)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS claim_mentions_ref ON claim_mentions(ref);
    CREATE TABLE IF NOT EXISTS entity_mentions (  -- mentions of each local entity in a report (a story's actors)
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (document, key)
    ) WITHOUT ROWID;
    DELETE FROM claim_documents;
    DELETE FROM claim_retellings;
    DELETE FROM claim_mentions;
    DELETE FROM entity_mentions;
    INSERT OR REPLACE INTO claims (id, story, status, speaker, subject, text, speaker_text, data, rank)
        SELECT json_extract(c.value, '$.id'), f.story, json_extract(c.value, '$.status'),
               json_extract(c.value, '$.speaker'), json_extract(c.value, '$.subject'), json_extract(c.value, '$.text'),
               json_extract(c.value, '$.speaker_text'), c.value,
               row_number() OVER (PARTITION BY f.story ORDER BY CASE json_extract(c.value, '$.status')
                   WHEN 'conflicting' THEN 0 WHEN 'corroborated' THEN 1 WHEN 'single_source' THEN 2 ELSE 3 END,
                   json_extract(c.value, '$.independent_sources') DESC, json_extract(c.value, '$.id')) - 1
        FROM findings f, json_each(f.data, '$.claims') c;
    INSERT OR IGNORE INTO claim_documents (document, claim)
        SELECT d.value, json_extract(c.value, '$.id')
        FROM findings f, json_each(f.data, '$.claims') c, json_each(c.value, '$.documents') d;
    INSERT OR IGNORE INTO claim_retellings (ref, claim, language)
        SELECT json_extract(r.value, '$.claim'), json_extract(c.value, '$.id'), json_extract(r.value, '$.language')
        FROM findings f, json_each(f.data, '$.claims') c, json_each(c.value, '$.retellings') r;
    -- each analysis parsed once per list (mentions, claims), then joined by report: no JSON parsed per pair
    CREATE TEMP TABLE m10_mentions AS
        SELECT a.document AS document, json_extract(m.value, '$.entity') AS key,
               json_extract(m.value, '$.start') AS s, json_extract(m.value, '$.end') AS e
        FROM analyses a, json_each(a.data, '$.mentions') m WHERE json_extract(m.value, '$.entity') IS NOT NULL;
    CREATE TEMP TABLE m10_claims AS
        SELECT a.document AS document, json_extract(c.value, '$.key') AS key,
               json_extract(c.value, '$.start') AS s, json_extract(c.value, '$.end') AS e
        FROM analyses a, json_each(a.data, '$.claims') c;
    CREATE INDEX temp.m10_mentions_document ON m10_mentions(document);
    INSERT OR IGNORE INTO claim_mentions (document, key, ref)
        SELECT c.document, m.key, c.document || ':' || c.key FROM m10_claims c
        JOIN m10_mentions m ON m.document = c.document AND c.s <= m.s AND m.e <= c.e;
    INSERT OR REPLACE INTO entity_mentions (document, key, mentions)
        SELECT document, key, count(*) FROM m10_mentions GROUP BY document, key;
    DROP TABLE temp.m10_mentions;
    DROP TABLE temp.m10_claims;
    -- the triggers come after the fill: what they mark is counted right below
    CREATE TRIGGER IF NOT EXISTS claims_ad AFTER DELETE ON claims BEGIN
        DELETE FROM claim_documents WHERE claim = old.id;
        DELETE FROM claim_retellings WHERE claim = old.id;
        INSERT OR IGNORE INTO entity_stale (entity) SELECT x FROM (SELECT old.speaker AS x UNION SELECT old.subject)
            WHERE x IS NOT NULL;
    END;
    CREATE TRIGGER IF NOT EXISTS claims_ai AFTER INSERT ON claims BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) SELECT x FROM (SELECT new.speaker AS x UNION SELECT new.subject)
            WHERE x IS NOT NULL;
    END;
    CREATE TRIGGER IF NOT EXISTS claims_au AFTER UPDATE OF speaker, subject ON claims BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) SELECT x FROM (SELECT old.speaker AS x UNION SELECT old.subject
            UNION SELECT new.speaker UNION SELECT new.subject) WHERE x IS NOT NULL;
    END;
    CREATE TRIGGER IF NOT EXISTS claim_retellings_ai AFTER INSERT ON claim_retellings BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) SELECT l.entity FROM claim_mentions m
            JOIN entity_links l ON l.document = m.document AND l.key = m.key WHERE m.ref = new.ref;
    END;
    CREATE TRIGGER IF NOT EXISTS claim_retellings_ad AFTER DELETE ON claim_retellings BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) SELECT l.entity FROM claim_mentions m
            JOIN entity_links l ON l.document = m.document AND l.key = m.key WHERE m.ref = old.ref;
    END;
    CREATE TRIGGER IF NOT EXISTS claim_mentions_ai AFTER INSERT ON claim_mentions BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) SELECT entity FROM entity_links
            WHERE document = new.document AND key = new.key;
    END;
    CREATE TRIGGER IF NOT EXISTS claim_mentions_ad AFTER DELETE ON claim_mentions BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) SELECT entity FROM entity_links
            WHERE document = old.document AND key = old.key;
    END;
    CREATE TRIGGER IF NOT EXISTS entity_links_ai AFTER INSERT ON entity_links BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (new.entity);
    END;
    CREATE TRIGGER IF NOT EXISTS entity_links_ad AFTER DELETE ON entity_links BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (old.entity);
    END;
    CREATE TRIGGER IF NOT EXISTS entity_links_au AFTER UPDATE OF entity, key, document ON entity_links BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (old.entity);
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (new.entity);
    END;
    CREATE TRIGGER IF NOT EXISTS entities_ai AFTER INSERT ON entities BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (new.id);
    END;
    CREATE TRIGGER IF NOT EXISTS entities_ad AFTER DELETE ON entities BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (old.id);
    END;
    CREATE TRIGGER IF NOT EXISTS entities_au AFTER UPDATE ON entities BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (old.id);
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (new.id);
    END;
    DELETE FROM entity_stale;
    INSERT OR REPLACE INTO entity_stats (entity, name_key, claims)
        SELECT e.id, casefold(e.name), (SELECT count(*) FROM (
            SELECT id FROM claims WHERE speaker = e.id UNION SELECT id FROM claims WHERE subject = e.id
            UNION SELECT r.claim FROM entity_links l JOIN claim_mentions m ON m.document = l.document AND m.key = l.key
                JOIN claim_retellings r ON r.ref = m.ref WHERE l.entity = e.id))
        FROM entities e;
    """,
    # 9 -> 10 (issue 14 part 3, helper `reads3`): claims stored once. The claim rows (schema 9) become the only copy
    # of each aligned claim: the findings keep the timeline and the disagreements, their claims become [] (every
    # reader assembles a story's claims from its rows, in the corroboration's order: claims.seq). Any claim of the
    # findings still missing from the rows is added first, so none is lost. entity_claims: the claims by (how 0)
    # or about (how 1) each entity in (story, claim) order, rewritten with entity_stats by the writer's recount
    # (refresh_entity_stats) for the entities the triggers of schema 9 mark, so an entity's page and its claim list
    # are one LIMIT/OFFSET walk of an index instead of a walk of its whole relation per request.
    """
    ALTER TABLE claims ADD COLUMN seq INTEGER;
    CREATE TEMP TABLE m10_seq AS
        SELECT json_extract(c.value, '$.id') AS id, f.story AS story, CAST(c.key AS INTEGER) AS seq
        FROM findings f, json_each(f.data, '$.claims') c;
    CREATE INDEX temp.m10_seq_id ON m10_seq(id, story);
    CREATE TEMP TABLE m10_missing AS SELECT x.id, x.story, x.seq FROM m10_seq x
        WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = x.id AND c.story = x.story);
    INSERT OR IGNORE INTO claims (id, story, status, speaker, subject, text, speaker_text, data)
        SELECT x.id, x.story, json_extract(c.value, '$.status'), json_extract(c.value, '$.speaker'),
               json_extract(c.value, '$.subject'), json_extract(c.value, '$.text'),
               json_extract(c.value, '$.speaker_text'), c.value
        FROM m10_missing x JOIN findings f ON f.story = x.story, json_each(f.data, '$.claims') c
        WHERE CAST(c.key AS INTEGER) = x.seq;
    INSERT OR IGNORE INTO claim_documents (document, claim)
        SELECT d.value, x.id FROM m10_missing x JOIN findings f ON f.story = x.story,
            json_each(f.data, '$.claims') c, json_each(c.value, '$.documents') d
        WHERE CAST(c.key AS INTEGER) = x.seq;
    INSERT OR IGNORE INTO claim_retellings (ref, claim, language)
        SELECT json_extract(r.value, '$.claim'), x.id, json_extract(r.value, '$.language')
        FROM m10_missing x JOIN findings f ON f.story = x.story,
            json_each(f.data, '$.claims') c, json_each(c.value, '$.retellings') r
        WHERE CAST(c.key AS INTEGER) = x.seq;
    CREATE TEMP TABLE m10_rank AS
        SELECT id, row_number() OVER (PARTITION BY story ORDER BY CASE status WHEN 'conflicting' THEN 0
            WHEN 'corroborated' THEN 1 WHEN 'single_source' THEN 2 ELSE 3 END,
            json_extract(data, '$.independent_sources') DESC, id) - 1 AS r
        FROM claims WHERE story IN (SELECT story FROM m10_missing);
    UPDATE claims SET rank = (SELECT r FROM m10_rank WHERE m10_rank.id = claims.id)
        WHERE id IN (SELECT id FROM m10_rank);
    UPDATE claims SET seq = (SELECT x.seq FROM m10_seq x WHERE x.id = claims.id AND x.story = claims.story);
    DROP TABLE temp.m10_rank;
    DROP TABLE temp.m10_missing;
    DROP TABLE temp.m10_seq;
    CREATE INDEX IF NOT EXISTS claims_seq ON claims(story, seq);
    UPDATE findings SET data = json_set(data, '$.claims', json('[]')) WHERE json_array_length(data, '$.claims') > 0;
    CREATE TABLE IF NOT EXISTS entity_claims (
        entity TEXT NOT NULL,
        story TEXT NOT NULL,
        claim TEXT NOT NULL,
        how INTEGER NOT NULL,  -- 0: the entity speaks (by), 1: the claim is about it
        PRIMARY KEY (entity, story, claim)
    ) WITHOUT ROWID;
    INSERT OR REPLACE INTO entity_claims (entity, story, claim, how)
        SELECT a.entity, c.story, a.claim, min(a.how) FROM (
            SELECT speaker AS entity, id AS claim, 0 AS how FROM claims WHERE speaker IS NOT NULL
            UNION ALL SELECT subject, id, 1 FROM claims WHERE subject IS NOT NULL
            UNION ALL SELECT l.entity, r.claim, 1 FROM entity_links l
                JOIN claim_mentions m ON m.document = l.document AND m.key = l.key
                JOIN claim_retellings r ON r.ref = m.ref
        ) a JOIN claims c ON c.id = a.claim
        WHERE a.entity IN (SELECT id FROM entities)
        GROUP BY a.entity, a.claim;
    """,
    # 10 -> 11 (issue 14 part 3): a story page reads only the claims it shows. Its conflicting and related pairs
    # come from a partial index of the claims that name a partner (the expression is store/claims.py's PAIRED,
    # word for word, so the planner can use it), its actors' claim counts from (story, speaker).
    """
    CREATE INDEX IF NOT EXISTS claims_paired ON claims(story, rank)
        WHERE (json_array_length(data, '$.conflicts_with') > 0 OR json_array_length(data, '$.related') > 0);
    CREATE INDEX IF NOT EXISTS claims_story_speaker ON claims(story, speaker, id) WHERE speaker IS NOT NULL;
    """,
    # 11 -> 12 (issue 14 part 3): a story's actors are counted from its reports' entity links without reading the
    # links' table rows (a covering index: the largest story of the 100k bench store, 335 reports, 35 -> 11 ms)
    """
    CREATE INDEX IF NOT EXISTS entity_links_doc_entity ON entity_links(document, key, entity);
    """,
    # 12 -> 13 (issue 14 part 1): the newest stories' lead embeddings are read in the order of an index, not sorted
    # (a sort copies every 2 KB embedding: 4,096 rows of the 100k bench store, 110-440 -> 40 ms in a new process)
    """
    DROP INDEX IF EXISTS story_aggregates_recent;
    CREATE INDEX IF NOT EXISTS story_aggregates_recent ON story_aggregates(seq, story) WHERE embedding IS NOT NULL;
    """,
    # 13 -> 14 (issue 14 part 3): the count of reports (the list page's header) kept by triggers, not counted from an
    # index of every report on each new version of the store (100k reports: 1,328 pages)
    """
    CREATE TABLE IF NOT EXISTS row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    INSERT OR REPLACE INTO row_counts (name, n) SELECT 'documents', count(*) FROM documents;
    CREATE TRIGGER IF NOT EXISTS documents_count_ai AFTER INSERT ON documents BEGIN
        UPDATE row_counts SET n = n + 1 WHERE name = 'documents';
    END;
    CREATE TRIGGER IF NOT EXISTS documents_count_ad AFTER DELETE ON documents BEGIN
        UPDATE row_counts SET n = n - 1 WHERE name = 'documents';
    END;
    """,
    # 14 -> 15 (issue 14 part 3): a story's reports are put in publication order from an index of (id, published),
    # not from their rows (the 100k bench store's largest story: 733 -> 270 pages; its page reads only the rows of
    # the reports it shows)
    """
    CREATE INDEX IF NOT EXISTS documents_id_published ON documents(id, published);
    """,
    # 15 -> 16 (issue 14 part 3): a link carries its local entity's mention count (kept by triggers from
    # entity_mentions, whoever writes either table), and the covering index of the links by report holds it: a
    # story's actors are counted from that index alone (the 100k bench store's largest story: 918 -> 511 pages).
    # The table is rebuilt (not altered) so that the step can run again on a store that has it; renamed in legacy
    # mode, as other tables' triggers name entity_links (the new table takes its name back).
    """
    DROP TABLE IF EXISTS entity_links_v16;
    CREATE TABLE entity_links_v16 (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        entity TEXT NOT NULL,
        form TEXT,
        mentions INTEGER,
        PRIMARY KEY (document, key)
    );
    INSERT INTO entity_links_v16 (document, key, entity, form, mentions)
        SELECT l.document, l.key, l.entity, l.form, m.mentions FROM entity_links l
        LEFT JOIN entity_mentions m ON m.document = l.document AND m.key = l.key;
    DROP TABLE entity_links;
    PRAGMA legacy_alter_table = ON;
    ALTER TABLE entity_links_v16 RENAME TO entity_links;
    PRAGMA legacy_alter_table = OFF;
    CREATE INDEX entity_links_entity ON entity_links(entity);
    CREATE INDEX entity_links_form ON entity_links(entity, form, document, key);
    CREATE INDEX entity_links_doc_entity ON entity_links(document, key, entity, mentions);
    CREATE TRIGGER entity_links_ai AFTER INSERT ON entity_links BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (new.entity);
    END;
    CREATE TRIGGER entity_links_ad AFTER DELETE ON entity_links BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (old.entity);
    END;
    CREATE TRIGGER entity_links_au AFTER UPDATE OF entity, key, document ON entity_links BEGIN
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (old.entity);
        INSERT OR IGNORE INTO entity_stale (entity) VALUES (new.entity);
    END;
    CREATE TRIGGER entity_links_mentions_ai AFTER INSERT ON entity_links BEGIN
        UPDATE entity_links SET mentions = (SELECT m.mentions FROM entity_mentions m
                                            WHERE m.document = new.document AND m.key = new.key)
        WHERE document = new.document AND key = new.key;
    END;
    CREATE TRIGGER IF NOT EXISTS entity_mentions_links_ai AFTER INSERT ON entity_mentions BEGIN
        UPDATE entity_links SET mentions = new.mentions WHERE document = new.document AND key = new.key;
    END;
    CREATE TRIGGER IF NOT EXISTS entity_mentions_links_ad AFTER DELETE ON entity_mentions BEGIN
        UPDATE entity_links SET mentions = NULL WHERE document = old.document AND key = old.key;
    END;
    """,
    # 16 -> 17 (session 36): the alias keys grew (a person's whole name, a one-word place's or organisation's word
    # as a surname: analyze.aliases.alias_keys, so a person's name tagged a place joins that person); the stored
    # index holds the old keys, so every report is marked to be linked again: the next run links the whole store
    # once and rewrites the keys.
    """
    INSERT OR IGNORE INTO entities_pending (document)
        SELECT document FROM doc_entities UNION SELECT document FROM entity_links;
    """,
    # 17 -> 18 (session 37): organisations got an acronym key ('a:usgs' of USGS and of U.S. Geological Survey:
    # analyze.aliases rule 8); as for 16 -> 17, every report is marked to be linked again once.
    """
    INSERT OR IGNORE INTO entities_pending (document)
        SELECT document FROM doc_entities UNION SELECT document FROM entity_links;
    """,
    # 18 -> 19 (session 40): name keys fold 'ou' to 'u' and read Greek with its digraphs (Βάργκα = Varga,
    # Γκούτερες = Guterres: romanise.py); as for 16 -> 17, every report is marked to be linked again once.
    """
    INSERT OR IGNORE INTO entities_pending (document)
        SELECT document FROM doc_entities UNION SELECT document FROM entity_links;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
