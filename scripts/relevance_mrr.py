#!/usr/bin/env python3
"""Known-item search with raw queries: MRR@10 of communique next to SQLite FTS5 (BM25).

For N documents sampled deterministically (seeded; only documents whose title has >= 3 words
and whose body has >= 50 words) from Reuters-21578 (--corpus reuters, the default) or the
AllSides corpus (--corpus allsides), two queries are made, raw, as a person types or pastes them:

* title : the document's title, verbatim;
* body6 : six consecutive words of its body from a seeded random position, with their
          punctuation: a slice of the white-space-split body, joined by single spaces.

Nothing is cleaned: no punctuation is stripped, no case is changed, words such as AND/OR/NOT
stay (only TAB/CR/LF would become spaces, measure_common.one_line). A query communique refuses
(exit != 0) or that times out counts as a miss, and is listed.

Engines, on the same records:

* communique: the corpus file is indexed once into a temporary ROOT (through a folder holding
  only a symlink to data.jsonl.gz), then each query is run as
  `communique search --index ROOT --json --limit 10 -- QUERY`;
* fts5-or : fts5(title, body, tokenize='porter unicode61'), in memory, `WHERE docs MATCH ?
  ORDER BY rank LIMIT 10` (rank = bm25). FTS5 gets the same raw text with its syntax escaped so
  that every query runs: the text is cut into tokens as unicode61 does (letter/digit runs) and
  each token quoted, "w1" OR "w2" OR ... (measure_common.fts5_match);
* fts5-and: the same with the quoted tokens AND-ed (FTS5's implicit default).

MRR@10 = mean over queries of 1/rank of the known document (0 when it is not in the top 10);
success@k = share of queries with the document at rank <= k. Targets (issue 13): communique
MRR@10 >= 0.95, and at least 0.10 above both FTS5 rows.

Duplicates: the corpora have exact duplicate articles (same body, different ids). communique
indexes such text once (the first copy), so every id is mapped to the first id with the same
body (whitespace-normalized); a hit counts when its canonical id equals the known document's
canonical id, for every engine. communique also folds near-duplicate stories at search time
into one hit (listed under the hit's "duplicates"): such a hit counts for each of its ids, at
that hit's rank. communique hashes the *cleaned* body (whitespace, the trailing "REUTER" and
other boilerplate removed), so it also skips near-identical copies: the skips it lists with
`index -v` ("duplicate article (same text as FILE:LINE)") are merged into the same groups. The
number of sampled documents that are later copies is reported. --near-dups also merges the
near-duplicate groups of `communique duplicates FILE` into them, for every engine, so that FTS5
gets the credit communique's folding gets (a copy of the known story ranked first counts;
on AllSides with the old parser it changed no figure).

Usage:
    python3 scripts/relevance_mrr.py [--binary target/release/communique] [--corpus reuters|allsides]
        [--n 500] [--seed 1] [--jobs 2] [--json] [--worst 15] [--keep-index DIR] [--near-dups]
        [--diagnose body,and,phrase,tw0.3,tw0.3+phrase]

Prints a table engine x query kind (title, body6, all): MRR@10, success@1, success@10, count;
the targets; MRR@10 of every engine on only the queries communique ran (when some failed) and
without the body6 queries whose words are not in the body as communique cleans it (`communique
extract --json` of the corpus file: page furniture removed, glued sentences split); the
failed communique queries; then the worst communique misses (query, rank -- found with a
deeper search when beyond 10 --, the known title and communique's top hit). --json prints one
JSON object instead. --diagnose adds rows "comm-VARIANT", the query's words (its unicode61
tokens: a variant is syntax, so here the words are taken out of the text) rewritten for
communique, to show what a ranking change would give:
  body         every word restricted to the body field (body:w);
  and          every word required (+w), like fts5-and;
  phrase       the words, plus the whole query as an optional phrase ("w1 ... wn"^2);
  twB          each word as (title:w^B body:w): title weight B instead of the default;
  twB+phrase   both.
Python 3.11 standard library only. Time with the default 500 documents (1,000 queries) on the
busy 2-core machine, measured: Reuters about 1 minute; AllSides about 4 minutes (index 30 s,
extract 25 s, communique searches 20 s, FTS5 build 15 s and its OR queries 2.5 minutes: OR-ed
words over articles six times longer than Reuters'). Each diagnostic row adds about as much
again as the communique searches.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time

from measure_common import (CORPORA, Communique, Fts5, add_common_args, fts5_tokens, hit_ids, load, one_line,
                            print_failed, print_json)


def canonical_map(recs: list[dict]) -> tuple[dict[str, str], dict[str, str]]:
    """id -> first id with the same (whitespace-normalized) body; and the same by exact body."""
    first_norm: dict[str, str] = {}
    first_exact: dict[str, str] = {}
    canon: dict[str, str] = {}
    canon_exact: dict[str, str] = {}
    for r in recs:
        body = r.get("body") or ""
        key = " ".join(body.split())
        canon[r["id"]] = first_norm.setdefault(key, r["id"])
        canon_exact[r["id"]] = first_exact.setdefault(body, r["id"])
    return canon, canon_exact


DUP_LINE = re.compile(r"^\s*(\S+?):(\d+): duplicate article \(same text as (\S+?)[#:](\d+)\)", re.M)


def engine_duplicates(log: str, recs: list[dict]) -> dict[str, str]:
    """communique's own duplicate decisions from `index -v` (it hashes the *cleaned* body, so it also
    merges copies that differ only in whitespace or boilerplate): skipped id -> id of the kept copy."""
    out = {}
    for m in DUP_LINE.finditer(log):
        skipped, kept = int(m.group(2)), int(m.group(4))   # 1-based line numbers of the .jsonl.gz
        if 1 <= skipped <= len(recs) and 1 <= kept <= len(recs):
            out[recs[skipped - 1]["id"]] = recs[kept - 1]["id"]
    return out


def merge_canon(canon: dict[str, str], pairs: dict[str, str]) -> dict[str, str]:
    """union of the body-text groups and the given id->id pairs; canonical = smallest position."""
    order = {i: k for k, i in enumerate(canon)}
    parent = {i: i for i in canon}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x, y):
        rx, ry = find(x), find(y)
        if rx != ry:
            if order[ry] < order[rx]:
                rx, ry = ry, rx
            parent[ry] = rx

    for i, c in canon.items():
        union(i, c)
    for i, c in pairs.items():
        if i in parent and c in parent:
            union(i, c)
    return {i: find(i) for i in canon}


def make_queries(recs: list[dict], n: int, seed: int) -> tuple[list[dict], int]:
    rng = random.Random(seed)
    eligible = [r for r in recs
                if len((r.get("title") or "").split()) >= 3 and len((r.get("body") or "").split()) >= 50]
    sample = rng.sample(eligible, min(n, len(eligible)))
    out = []
    for r in sample:
        words = r["body"].split()
        start = rng.randrange(0, len(words) - 6 + 1)
        for kind, raw in (("title", r["title"]), ("body6", " ".join(words[start:start + 6]))):
            out.append({"id": r["id"], "kind": kind, "query": one_line(raw)})
    return out, len(eligible)


def variant(name: str, query: str) -> str:
    """query rewritten for a --diagnose variant (see the module doc)."""
    words = fts5_tokens(query)
    phrase = name.endswith("phrase")
    base = name[:-len("+phrase")] if name.endswith("+phrase") else ("" if name == "phrase" else name)
    if base == "body":
        out = " ".join(f"body:{w}" for w in words)
    elif base == "and":
        out = " ".join(f"+{w}" for w in words)
    elif base.startswith("tw"):
        b = base[2:]
        out = " ".join(f"(title:{w}^{b} body:{w})" for w in words)
    elif base == "":
        out = " ".join(words)
    else:
        raise SystemExit(f"unknown --diagnose variant {name!r}")
    if phrase and len(words) > 1:
        out += ' "%s"^2' % " ".join(words)
    return out


def rank_of(hits: list, known: str, canon: dict[str, str], depth: int = 10) -> int:
    """1-based rank of the known document; hits are ids or lists of ids (a hit with its collapsed copies)."""
    target = canon.get(known, known)
    for i, h in enumerate(hits[:depth]):
        for x in ([h] if isinstance(h, str) else h):
            if canon.get(x, x) == target:
                return i + 1
    return 0


def table(ranks: dict[str, list[int]], queries: list[dict]) -> dict:
    out = {}
    for engine, rs in ranks.items():
        out[engine] = {}
        for kind in ("title", "body6", "all"):
            sel = [r for r, q in zip(rs, queries) if kind == "all" or q["kind"] == kind]
            n = len(sel)
            out[engine][kind] = {
                "mrr10": sum(1.0 / r for r in sel if r) / n if n else 0.0,
                "s1": sum(1 for r in sel if r == 1) / n if n else 0.0,
                "s10": sum(1 for r in sel if r) / n if n else 0.0,
                "n": n,
            }
    return out


def sub_table(ranks: dict[str, list[int]], queries: list[dict], keep: list[int]) -> dict:
    return table({e: [rs[k] for k in keep] for e, rs in ranks.items()}, [queries[k] for k in keep])


def targets(tab: dict) -> dict:
    out = {}
    for kind in ("title", "body6", "all"):
        c = tab["communique"][kind]["mrr10"]
        best_fts = max(tab["fts5-or"][kind]["mrr10"], tab["fts5-and"][kind]["mrr10"])
        out[kind] = {"communique_mrr10": c, "margin_over_best_fts5": c - best_fts,
                     "mrr10>=0.95": c >= 0.95, "margin>=0.10": c - best_fts >= 0.10}
    return out


def mrr_line(label: str, tab: dict) -> str:
    return f"{label} (MRR@10 title/body6/all): " + "; ".join(
        f"{e} " + "/".join(f"{tab[e][k]['mrr10']:.3f}" for k in ("title", "body6", "all"))
        for e in ("communique", "fts5-or", "fts5-and"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_args(ap, corpus="reuters")
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--worst", type=int, default=15)
    ap.add_argument("--near-dups", action="store_true",
                    help="credit every engine for a near-duplicate of the known article (communique duplicates groups)")
    ap.add_argument("--diagnose", default="",
                    help="comma-separated query variants to rank with communique too: body, and, phrase, twB, twB+phrase")
    a = ap.parse_args()
    corpus = CORPORA[a.corpus]

    recs = load(corpus)
    canon_norm, canon_exact = canonical_map(recs)
    by_id = {r["id"]: r for r in recs}
    queries, n_eligible = make_queries(recs, a.n, a.seed)
    sampled = sorted({q["id"] for q in queries})
    texts = [q["query"] for q in queries]

    tmp = tempfile.mkdtemp(prefix="communique-mrr-")
    try:
        comm = Communique(a.binary, tmp, a.timeout)   # a private copy: others may rebuild target/release
        build_s, log = comm.index(corpus, a.keep_index)
        engine_dups = engine_duplicates(log, recs)
        canon = merge_canon(canon_norm, engine_dups)
        near = comm.near_duplicate_groups(corpus) if a.near_dups else {}
        if near:
            canon = merge_canon(canon, near)
        later_copies = [i for i in sampled if canon[i] != i]
        later_exact = [i for i in sampled if canon_exact[i] != i]
        later_engine = [i for i in sampled if i in engine_dups]

        t0 = time.perf_counter()
        results = comm.search_many(texts, a.jobs)
        comm_s = time.perf_counter() - t0
        errors = [{"kind": q["kind"], "query": q["query"], "error": r["error"]}
                  for q, r in zip(queries, results) if "error" in r]
        comm_hits = [[hit_ids(h) for h in r.get("hits", [])] for r in results]

        variants = {v: comm.search_many([variant(v, t) for t in texts], a.jobs)
                    for v in [x.strip() for x in a.diagnose.split(",") if x.strip()]}
        fts = Fts5(recs)
        fts_or, fts_or_s = fts.search_many(texts, "or")
        fts_and, fts_and_s = fts.search_many(texts, "and")

        ranks = {
            "communique": [rank_of(h, q["id"], canon) for h, q in zip(comm_hits, queries)],
            "fts5-or": [rank_of(h, q["id"], canon) for h, q in zip(fts_or, queries)],
            "fts5-and": [rank_of(h, q["id"], canon) for h, q in zip(fts_and, queries)],
        }
        for v, res in variants.items():
            ranks[f"comm-{v}"] = [rank_of([hit_ids(h) for h in r.get("hits", [])], q["id"], canon)
                                  for r, q in zip(res, queries)]
        tab = table(ranks, queries)
        ran = [k for k in range(len(queries)) if "error" not in results[k]]
        tab_ran = sub_table(ranks, queries, ran)
        cleaned = comm.cleaned_bodies(corpus, set(sampled))
        removed = [k for k, q in enumerate(queries) if q["kind"] == "body6" and q["query"] not in cleaned.get(q["id"], "")]
        tab_kept = sub_table(ranks, queries, [k for k in range(len(queries)) if k not in set(removed)])

        # worst communique results among the queries that ran (failures are listed apart): not in the top 10
        # first (title queries first: they should never miss; then those FTS5-or ranks high), then deep ranks
        order = sorted((k for k in range(len(queries)) if "error" not in results[k]),
                       key=lambda k: (-(ranks["communique"][k] or 99), queries[k]["kind"] != "title",
                                      ranks["fts5-or"][k] or 99, k))
        worst = []
        for k in order[:a.worst]:
            r = ranks["communique"][k]
            if r == 1:
                break
            q = queries[k]
            deep_rank = r
            if r == 0:   # where is it beyond the top 10?
                deep = comm.search(q["query"], limit=1000)
                deep_rank = rank_of([hit_ids(h) for h in deep.get("hits", [])], q["id"], canon, depth=1000)
            top = results[k].get("hits", [])
            worst.append({
                "id": q["id"], "kind": q["kind"], "query": q["query"], "rank": r,
                "rank_within_1000": deep_rank, "total": results[k].get("total"),
                "fts5_or_rank": ranks["fts5-or"][k], "known_title": by_id[q["id"]]["title"],
                "top_hit": (top[0]["id"] + " " + (top[0].get("title") or "")) if top else None,
            })
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    report = {
        "binary": a.binary, "corpus": corpus, "records": len(recs), "eligible": n_eligible,
        "sampled": len(sampled), "seed": a.seed, "queries": len(queries), "near_dups_credited": a.near_dups,
        "sampled_later_duplicates": len(later_copies),
        "sampled_later_duplicates_exact_body": len(later_exact),
        "sampled_skipped_by_communique": len(later_engine),
        "communique_skipped_duplicates": len(engine_dups),
        "later_duplicate_ids": later_copies,
        "communique_errors": len(errors), "communique_failed_queries": errors,
        "timing_s": {"communique_index_build": build_s, "communique_searches": comm_s, "fts5_build": fts.build_s,
                     "fts5_or_queries": fts_or_s, "fts5_and_queries": fts_and_s},
        "table": tab,
        "table_queries_communique_ran": tab_ran,
        "body6_spanning_removed_text": [queries[k] for k in removed],
        "table_without_those": tab_kept,
        "target": targets(tab),
        "worst_communique": worst,
    }
    if a.json:
        return print_json(report)

    print(f"Known-item search with raw queries, {a.corpus}: {len(sampled)} documents sampled (seed {a.seed}) "
          f"of {n_eligible} eligible, {len(queries)} queries; binary {a.binary}")
    print(f"sampled documents that are later duplicates (credited on their first copy): {len(later_copies)} "
          f"(identical body: {len(later_exact)}; skipped as duplicates by communique's index: {len(later_engine)} "
          f"of its {len(engine_dups)} skips){'; near-duplicate groups credited for every engine' if near else ''}")
    print()
    ew = max(len(e) for e in tab) + 1
    print(f"{'engine':<{ew}} {'kind':<6} {'MRR@10':>7} {'S@1':>6} {'S@10':>6} {'n':>5}")
    for engine, kinds in tab.items():
        for kind, v in kinds.items():
            print(f"{engine:<{ew}} {kind:<6} {v['mrr10']:7.3f} {v['s1']:6.3f} {v['s10']:6.3f} {v['n']:5d}")
    print("\ntarget: communique MRR@10 >= 0.95 and >= 0.10 above the better FTS5 row:")
    for kind, t in report["target"].items():
        print(f"  {kind:<6} {t['communique_mrr10']:.3f} ({'yes' if t['mrr10>=0.95'] else 'NO'}), "
              f"margin {t['margin_over_best_fts5']:+.3f} ({'yes' if t['margin>=0.10'] else 'NO'})")
    if errors:
        print(mrr_line(f"on the {len(ran)} queries communique ran", tab_ran))
    if removed:
        print(f"{len(removed)} body6 queries span text that communique's cleaning removes or rewrites (page furniture, "
              f"glued sentences split; e.g. {queries[removed[0]]['query']!r}): not in the text communique indexes.")
        print(mrr_line("without them", tab_kept))
        per_kind = {k: sum(1 for e in errors if e["kind"] == k) for k in ("title", "body6")}
        print(f"\ncommunique failed on {len(errors)} queries, counted as misses "
              f"(title {per_kind['title']}, body6 {per_kind['body6']}); the first 20:")
        print_failed(errors)
    print(f"\nWorst communique results ({len(worst)}; rank 0 = not in top 10, deep = rank within 1000):")
    for w in worst:
        print(f"  [{w['kind']}] {w['query']!r} id={w['id']} rank={w['rank']} deep={w['rank_within_1000']} "
              f"fts5-or={w['fts5_or_rank']} total={w['total']}")
        print(f"      known: {w['known_title'][:70]!r}  top: {(w['top_hit'] or '')[:80]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
