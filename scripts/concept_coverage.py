#!/usr/bin/env python3
"""Concept coverage: how many of the top 10 hits of a topical query have every one of its words.

Queries: multi-word topical queries made from AllSides titles (article-bias-prediction), as a
person would type keywords: titles are taken in a seeded random order; a title's words are its
white-space-separated words with the punctuation at their edges removed (quotes, commas,
colons, ...; a final '.' stays on a word with an inner one, "U.S."), inner punctuation and the
case kept as written ("Trump's", "Kim Jong-un"); function words (FUNCTION_WORDS below: articles,
pronouns, prepositions, conjunctions, auxiliaries, ...) and words without a letter are dropped;
of the remaining content words, k = 3..5 (seeded, at most as many as there are) are kept in
title order, seeded choice, and joined with spaces. A query counts only when at least 10
articles of the corpus contain every concept (MIN_ARTICLES), and queries are made until there
are --n (200) of them; the number of titles tried is reported.

A concept is one query word. An article "contains" it when the word's tokens (letter/digit runs,
after dropping a possessive 's), lower-cased, accents removed and reduced by a light suffix
stemmer (stem(): -ing, -ed, -es, -s, then a final -e, and -y as -i, so race/races/racing and
party/parties are one) occur consecutively among the same tokens of the article's title + body
(judged on the corpus records by id, the same rule for every engine; the engines' own stemmers,
aliases and expansions do not count).

Per query, coverage = share of the returned top-10 hits (10 unless fewer come back; a query with
no hit or that fails scores 0 and is listed) that contain every concept. communique folds
near-duplicates into one hit; the hit's own article is judged. Reported: mean coverage for
communique (`communique search --index ROOT --json --limit 10 -- QUERY`) and for SQLite FTS5 in
OR mode (fts5(title, body, tokenize='porter unicode61'), bm25, the query's unicode61 tokens each
quoted and OR-ed: measure_common.fts5_match), the share of queries with full coverage, and the
worst queries. Target (issue 13): communique >= 0.9.

With --stemmer snowball the judge reduces words with English Snowball instead (the stems both
engines match by), so an article with "report" contains the concept "reportedly"; aliases and
ordinals still do not count.

Usage:
    python3 scripts/concept_coverage.py [--binary target/release/communique] [--n 200] [--seed 1]
        [--jobs 2] [--keep-index DIR] [--worst 15] [--json] [--stemmer light|snowball]

Takes about 1.5 minutes on the busy 2-core machine, 2 with the AllSides index to build (30 s):
one pass over the corpus to find which articles contain the concepts (about 30 s), the FTS5
table (15 s), 200 search processes and 200 FTS5 queries.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import shutil
import sys
import tempfile
import time
import unicodedata

from measure_common import CORPORA, Communique, Fts5, add_common_args, load, print_failed, print_json

MIN_ARTICLES = 10
FUNCTION_WORDS = set("""
a an the this that these those some any each every no all both either neither such what which whose
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
myself yourself himself herself itself ourselves themselves one ones who whom whoever whatever
and or but nor so yet if then than because while when where whether though although unless until
since as after before once
of in on at to for from by with without within into onto upon about above below under over through
across against along among amid around behind beneath beside besides between beyond despite down
during except inside near off out outside past per toward towards up via amid amidst vs vs. versus
be am is are was were been being do does did doing done have has had having will would shall should
can could may might must ought
not also just only even still too very more most much many few less least other another own same
here there now again ever never always often how why
i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd
i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't don't doesn't didn't won't
wouldn't can't cannot couldn't shouldn't hasn't haven't hadn't let's that's there's what's who's here's
where's how's why's when's
""".split())
WORD = re.compile(r"[^\W_]+")
EDGE = "\"'“”‘’«»()[]{}<>,;:!?…—–-*#@&/|.`~"


def query_words(title: str) -> list[str]:
    """the title's content words, punctuation at the edges removed, case and inner punctuation kept."""
    out = []
    for w in title.split():
        core = w.strip(EDGE)
        end = w.find(core) + len(core)
        if "." in core and w[end:end + 1] == ".":
            core += "."                     # "U.S." keeps its final dot
        if not any(c.isalpha() for c in core) or core.lower().replace("’", "'") in FUNCTION_WORDS:
            continue
        out.append(core)
    return out


SNOWBALL = None  # set by --stemmer snowball: the English Snowball stemmer (PyPI snowballstemmer)


@functools.lru_cache(maxsize=None)
def stem(token: str) -> str:
    w = "".join(c for c in unicodedata.normalize("NFKD", token.lower()) if not unicodedata.combining(c))
    if SNOWBALL is not None:
        return SNOWBALL.stemWord(w)
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3 and not w.endswith("ss"):
            w = w[:-len(suf)]
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w.endswith("y"):
        w = w[:-1] + "i"
    return w


def concept_stems(word: str) -> tuple[str, ...]:
    for pos in ("'s", "’s", "'S", "’S"):
        if word.endswith(pos):
            word = word[:-2]
    return tuple(stem(t) for t in WORD.findall(word))


class Judge:
    """which articles contain which concepts, from the corpus text."""

    def __init__(self, recs: list[dict], concepts: set[tuple[str, ...]]):
        self.recs = recs
        self.index = {r["id"]: k for k, r in enumerate(recs)}
        wanted = {s for c in concepts for s in c}
        self.postings: dict[str, set[int]] = {s: set() for s in wanted}
        for k, r in enumerate(recs):
            for s in {stem(t) for t in WORD.findall(self.text(k))} & wanted:
                self.postings[s].add(k)
        self._seq: dict[int, str] = {}

    def text(self, k: int) -> str:
        r = self.recs[k]
        return (r.get("title") or "") + "\n" + (r.get("body") or "")

    def _has_sequence(self, k: int, c: tuple[str, ...]) -> bool:
        if k not in self._seq:
            self._seq[k] = " " + " ".join(stem(t) for t in WORD.findall(self.text(k))) + " "
        return (" " + " ".join(c) + " ") in self._seq[k]

    def has(self, k: int, c: tuple[str, ...]) -> bool:
        if not c or not all(k in self.postings.get(s, ()) for s in c):
            return False
        return len(c) == 1 or self._has_sequence(k, c)

    def has_all(self, doc_id: str, concepts: list[tuple[str, ...]]) -> bool | None:
        k = self.index.get(doc_id)
        return None if k is None else all(self.has(k, c) for c in concepts)

    def count_all(self, concepts: list[tuple[str, ...]]) -> int:
        cand = set.intersection(*(self.postings.get(s, set()) for c in concepts for s in c))
        return sum(1 for k in cand if all(self.has(k, c) for c in concepts))


def candidates(recs: list[dict], seed: int, how_many: int, skip: int = 0) -> list[dict]:
    rng = random.Random(seed)
    order = list(range(len(recs)))
    rng.shuffle(order)
    out = []
    for k in order[skip:skip + how_many]:
        words = query_words(recs[k].get("title") or "")
        if len(words) < 3:
            continue
        n = rng.randint(3, min(5, len(words)))
        keep = sorted(rng.sample(range(len(words)), n))
        chosen = [words[i] for i in keep]
        out.append({"title_id": recs[k]["id"], "title": recs[k]["title"], "query": " ".join(chosen),
                    "concepts": [concept_stems(w) for w in chosen]})
    return out


def coverage(judge: Judge, ids: list[str], concepts: list[tuple[str, ...]]) -> tuple[float, int]:
    """share of the hits (up to 10) with every concept; and how many hit ids are not corpus records."""
    ids = ids[:10]
    judged = [judge.has_all(i, concepts) for i in ids]
    return (sum(1 for j in judged if j) / len(ids) if ids else 0.0), sum(1 for j in judged if j is None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_args(ap)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--worst", type=int, default=15)
    ap.add_argument("--stemmer", choices=["light", "snowball"], default="light",
                    help="how the judge reduces words: the light suffix stemmer (default), or English "
                         "Snowball, the stems communique and FTS5's porter tokenizer match by "
                         "(pip install snowballstemmer): 'reportedly' is then 'report'")
    a = ap.parse_args()
    if a.stemmer == "snowball":
        global SNOWBALL
        import snowballstemmer
        SNOWBALL = snowballstemmer.stemmer("english")
    recs = load(CORPORA["allsides"])

    t0 = time.perf_counter()
    queries, tried, batch = [], 0, 10 * a.n
    while len(queries) < a.n and tried < len(recs):
        cands = candidates(recs, a.seed, batch, tried)
        tried += batch
        judge = Judge(recs, {c for q in cands for c in q["concepts"]} | {c for q in queries for c in q["concepts"]})
        for q in cands:
            q["articles_with_all"] = judge.count_all(q["concepts"])
            if q["articles_with_all"] >= MIN_ARTICLES and len(queries) < a.n:
                queries.append(q)
    judge_s = time.perf_counter() - t0

    tmp = tempfile.mkdtemp(prefix="communique-concepts-")
    try:
        comm = Communique(a.binary, tmp, a.timeout)
        build_s, _ = comm.index(CORPORA["allsides"], a.keep_index)
        t0 = time.perf_counter()
        results = comm.search_many([q["query"] for q in queries], a.jobs)
        comm_s = time.perf_counter() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    fts = Fts5(recs)
    fts_hits, fts_s = fts.search_many([q["query"] for q in queries], "or")

    unknown = 0
    for q, r, fh in zip(queries, results, fts_hits):
        ids = [h["id"] for h in r.get("hits", [])]
        q["communique"], u = coverage(judge, ids, q["concepts"])
        unknown += u
        q["communique_hits"] = len(ids)
        q["fts5_or"], _ = coverage(judge, fh, q["concepts"])
        if "error" in r:
            q["error"] = r["error"]
        q["top_communique"] = [(h["id"], h.get("title"), judge.has_all(h["id"], q["concepts"]))
                               for h in r.get("hits", [])[:10]]
    n = len(queries)
    summary = {
        engine: {"mean_coverage": sum(q[engine] for q in queries) / n if n else 0.0,
                 "full_coverage_share": sum(1 for q in queries if q[engine] == 1.0) / n if n else 0.0}
        for engine in ("communique", "fts5_or")
    }
    errors = [{"query": q["query"], "error": q["error"]} for q in queries if "error" in q]
    worst = sorted(queries, key=lambda q: (q["communique"], q["fts5_or"]))[:a.worst]
    report = {
        "binary": a.binary, "seed": a.seed, "queries": n, "titles_tried": tried,
        "min_articles_with_every_concept": MIN_ARTICLES, "summary": summary,
        "target_communique>=0.9": summary["communique"]["mean_coverage"] >= 0.9,
        "communique_failed": errors, "communique_hit_ids_not_in_corpus": unknown,
        "timing_s": {"judge": judge_s, "communique_index_build": build_s, "communique_searches": comm_s,
                     "fts5_build": fts.build_s, "fts5_queries": fts_s},
        "per_query": [{k: q[k] for k in ("query", "title", "articles_with_all", "communique", "fts5_or",
                                         "communique_hits")} for q in queries],
        "worst": [{k: q.get(k) for k in ("query", "title", "articles_with_all", "communique", "fts5_or",
                                         "error", "top_communique")} for q in worst],
    }
    if a.json:
        return print_json(report)
    rows = [f"{'engine':<11} {'mean share of top 10 with every concept':>40} {'queries at 1.0':>15}"] + [
        f"{engine:<11} {v['mean_coverage']:>40.3f} {v['full_coverage_share']:>15.3f}" for engine, v in summary.items()]
    print(f"Concept coverage on AllSides: {n} queries of 3-5 content words from titles (seed {a.seed}; "
          f"{tried} titles tried; each query has >= {MIN_ARTICLES} articles with every concept); binary {a.binary}\n",
          *rows, f"\ntarget: communique >= 0.9: {'yes' if report['target_communique>=0.9'] else 'NO'}", sep="\n")
    if unknown:
        print(f"note: {unknown} communique hit ids are not corpus records (judged as not containing)")
    if errors:
        print(f"\ncommunique failed on {len(errors)} queries (coverage 0):")
        print_failed(errors)
    print(f"\nWorst {len(worst)} queries for communique (coverage communique / fts5-or; articles with every concept):")
    for q in worst:
        print(f"  {q['query']!r}  {q['communique']:.1f} / {q['fts5_or']:.1f}  ({q['articles_with_all']})"
              f"{'  FAILED' if 'error' in q else ''}")
        for hid, title, ok in q["top_communique"][:3]:
            print(f"      {'+' if ok else '-'} {hid} {(title or '')[:80]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
