#!/usr/bin/env python3
"""Known-item search on Reuters-21578: MRR@10 of communique next to SQLite FTS5 (BM25).

For N documents sampled deterministically from
/work/shared/corpora/reuters21578/data.jsonl.gz (seeded; only documents whose
title has >= 3 words and whose body has >= 50 words), two queries are made:

* title : the document's title;
* body6 : six consecutive words of its body, from a seeded random position.

Queries are sanitized so that both engines take them as plain word queries:
only letter/digit runs are kept (punctuation and operators such as + - " : are
dropped, which splits "U.S." into "u s" as both tokenizers do anyway), words
are lower-cased, and the operator words AND/OR/NOT are dropped (any case).

Engines, on the same records:

* communique: the corpus file is indexed once into a temporary ROOT (through a
  folder holding only a symlink to data.jsonl.gz), then each query is run as
  `communique search QUERY --index ROOT --json --limit 10`.
* fts5-or : fts5(title, body, tokenize='porter unicode61'), in memory,
  `WHERE docs MATCH '"w1" OR "w2" ...' ORDER BY rank LIMIT 10` (rank = bm25),
  the same match semantics as communique's default OR parser;
* fts5-and: the same with the words AND-ed (FTS5's implicit default).

MRR@10 = mean over queries of 1/rank of the known document (0 when it is not
in the top 10); success@k = share of queries with the document at rank <= k.

Duplicates: Reuters has exact duplicate articles (same body, different ids).
communique indexes such text once (the first copy), so every id is mapped to
the first id with the same body (whitespace-normalized); a hit counts when its
canonical id equals the known document's canonical id, for both engines.
communique also collapses near-duplicate stories at search time into one hit
(listed under the hit's "duplicates"): such a hit counts for each of its ids.
communique hashes the *cleaned* body (whitespace, the trailing "REUTER" and other
boilerplate removed), so it also skips near-identical copies: the skips it lists
with `index -v` ("duplicate article (same text as FILE#LINE)") are merged into the
same groups. The number of sampled documents that are later copies is reported.

Usage:
    python3 scripts/relevance_mrr.py [--binary target/release/communique]
        [--n 500] [--seed 1] [--jobs 2] [--json] [--worst 15] [--keep-index DIR]
        [--diagnose body,and,phrase,tw0.3,tw0.3+phrase]

Prints a table engine x query kind (title, body6, all): MRR@10, success@1,
success@10, count; then the worst communique misses (query, rank -- found with
a deeper search when beyond 10 --, the known title and communique's top hit).
--json prints one JSON object instead. --diagnose adds rows "comm-VARIANT", the
same queries rewritten for communique, to show what a ranking change would give:
  body         every word restricted to the body field (body:w);
  and          every word required (+w), like fts5-and;
  phrase       the words, plus the whole query as an optional phrase ("w1 ... wn"^2);
  twB          each word as (title:w^B body:w): title weight B instead of the default
               (tw1 gave exactly the default ranking when measured);
  twB+phrase   both. Python 3.11 standard library only.
Takes about 1.5 minutes on the quiet 2-core machine (index build + 2 x N search
processes, ~30-40 ms each), up to 6 when it is loaded; each diagnostic row adds
about as much again.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import gzip
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPUS = "/work/shared/corpora/reuters21578/data.jsonl.gz"
OPERATORS = {"and", "or", "not"}
WORD = re.compile(r"[^\W_]+", re.UNICODE)


def sanitize(text: str) -> str:
    words = [w.lower() for w in WORD.findall(text)]
    return " ".join(w for w in words if w not in OPERATORS)


def load(path: str) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


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


DUP_LINE = re.compile(r"^\s*(\S+?):(\d+): duplicate article \(same text as (\S+?)#(\d+)\)", re.M)


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
    """union of the body-text groups and communique's skipped->kept pairs; canonical = smallest position."""
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
            q = sanitize(raw)
            if q:
                out.append({"id": r["id"], "kind": kind, "raw": raw, "query": q})
    return out, len(eligible)


def fts5_rankings(recs: list[dict], queries: list[dict], mode: str, db=None):
    if db is None:
        db = sqlite3.connect(":memory:")
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
        with db:
            db.executemany("INSERT INTO docs(rowid, title, body) VALUES (?,?,?)",
                           ((i + 1, r.get("title") or "", r.get("body") or "") for i, r in enumerate(recs)))
    ids = [r["id"] for r in recs]
    res = []
    t0 = time.perf_counter()
    for q in queries:
        sep = " OR " if mode == "or" else " "
        m = sep.join('"%s"' % w for w in q["query"].split())
        rows = db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", (m,)).fetchall()
        res.append([ids[rid - 1] for (rid,) in rows])
    return res, time.perf_counter() - t0, db


def communique_search(binary: str, root: str, query: str, limit: int = 10) -> dict:
    p = subprocess.run([binary, "search", query, "--index", root, "--json", "--limit", str(limit)],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return {"error": (p.stderr or p.stdout).strip()[-300:], "hits": []}
    return json.loads(p.stdout)


def variant(name: str, query: str) -> str:
    """query rewritten for a --diagnose variant (see the module doc)."""
    words = query.split()
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
        out = query
    else:
        raise SystemExit(f"unknown --diagnose variant {name!r}")
    if phrase and len(words) > 1:
        out += f' "{query}"^2'
    return out


def hit_ids(hit: dict) -> list[str]:
    """a communique hit stands for its id and the near-duplicates collapsed into it."""
    return [hit["id"]] + [d["id"] for d in hit.get("duplicates") or []]


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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=os.path.join(REPO, "target/release/communique"))
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2, help="parallel communique search processes")
    ap.add_argument("--worst", type=int, default=15)
    ap.add_argument("--keep-index", metavar="DIR", help="build (or reuse, if it exists) the index here")
    ap.add_argument("--diagnose", default="",
                    help="comma-separated query variants to rank with communique too: body, and, phrase, twB, twB+phrase")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    recs = load(a.corpus)
    canon_norm, canon_exact = canonical_map(recs)
    by_id = {r["id"]: r for r in recs}
    queries, n_eligible = make_queries(recs, a.n, a.seed)
    sampled = sorted({q["id"] for q in queries})

    tmp = tempfile.mkdtemp(prefix="communique-mrr-")
    try:
        # others may rebuild target/release while this runs: use one copy of the binary throughout
        binary = os.path.join(tmp, "communique")
        shutil.copy2(a.binary, binary)
        a.binary = binary
        dups_file = (a.keep_index.rstrip("/") + ".duplicates.json") if a.keep_index else None
        if a.keep_index and os.path.isdir(a.keep_index):
            root, build_s = a.keep_index, None
            engine_dups = json.load(open(dups_file)) if os.path.exists(dups_file) else {}
        else:
            src = os.path.join(tmp, "corpus")
            os.makedirs(src)
            os.symlink(os.path.abspath(a.corpus), os.path.join(src, os.path.basename(a.corpus)))
            root = a.keep_index or os.path.join(tmp, "index")
            t0 = time.perf_counter()
            p = subprocess.run([a.binary, "index", src, "--index", root, "-v"], capture_output=True, text=True)
            if p.returncode != 0:
                raise SystemExit(f"communique index failed:\n{p.stderr[-2000:]}")
            build_s = time.perf_counter() - t0
            engine_dups = engine_duplicates(p.stdout + p.stderr, recs)
            if dups_file:
                json.dump(engine_dups, open(dups_file, "w"))
        canon = merge_canon(canon_norm, engine_dups)
        later_copies = [i for i in sampled if canon[i] != i]
        later_exact = [i for i in sampled if canon_exact[i] != i]
        later_engine = [i for i in sampled if i in engine_dups]

        t0 = time.perf_counter()
        with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
            results = list(ex.map(lambda q: communique_search(a.binary, root, q["query"]), queries))
        comm_s = time.perf_counter() - t0
        errors = [(q["query"], r["error"]) for q, r in zip(queries, results) if "error" in r]
        comm_hits = [[hit_ids(h) for h in r.get("hits", [])] for r in results]

        variants = {}
        for v in [x.strip() for x in a.diagnose.split(",") if x.strip()]:
            with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
                variants[v] = list(ex.map(lambda q: communique_search(a.binary, root, variant(v, q["query"])), queries))
        fts_or, fts_or_s, db = fts5_rankings(recs, queries, "or")
        fts_and, fts_and_s, _ = fts5_rankings(recs, queries, "and", db)

        ranks = {
            "communique": [rank_of(h, q["id"], canon) for h, q in zip(comm_hits, queries)],
            "fts5-or": [rank_of(h, q["id"], canon) for h, q in zip(fts_or, queries)],
            "fts5-and": [rank_of(h, q["id"], canon) for h, q in zip(fts_and, queries)],
        }
        for v, res in variants.items():
            ranks[f"comm-{v}"] = [rank_of([hit_ids(h) for h in r.get("hits", [])], q["id"], canon)
                                  for r, q in zip(res, queries)]
        tab = table(ranks, queries)

        # worst communique results: not in the top 10 first (title queries first: they should never miss;
        # then those FTS5-or ranks high), then deep ranks
        order = sorted(range(len(queries)),
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
                deep = communique_search(a.binary, root, q["query"], limit=1000)
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
        "corpus": a.corpus, "records": len(recs), "eligible": n_eligible, "sampled": len(sampled),
        "seed": a.seed, "queries": len(queries),
        "sampled_later_duplicates": len(later_copies),
        "sampled_later_duplicates_exact_body": len(later_exact),
        "sampled_skipped_by_communique": len(later_engine),
        "communique_skipped_duplicates": len(engine_dups),
        "later_duplicate_ids": later_copies,
        "communique_errors": len(errors), "communique_error_examples": errors[:5],
        "timing_s": {"communique_index_build": build_s, "communique_searches": comm_s,
                     "fts5_or_queries": fts_or_s, "fts5_and_queries": fts_and_s},
        "table": tab,
        "target": {"communique_mrr10_all>=0.90": tab["communique"]["all"]["mrr10"] >= 0.90,
                   "communique>=fts5-or": tab["communique"]["all"]["mrr10"] >= tab["fts5-or"]["all"]["mrr10"]},
        "worst_communique": worst,
    }
    if a.json:
        print(json.dumps(report, indent=1))
        return 0

    print(f"Known-item search, Reuters-21578: {len(sampled)} documents sampled (seed {a.seed}) "
          f"of {n_eligible} eligible, {len(queries)} queries")
    print(f"sampled documents that are later duplicates (credited on their first copy): {len(later_copies)} "
          f"(identical body: {len(later_exact)}; skipped as duplicates by communique's index: {len(later_engine)} "
          f"of its {len(engine_dups)} skips)")
    if errors:
        print(f"communique errors: {len(errors)}, e.g. {errors[0]}")
    print()
    ew = max(len(e) for e in tab) + 1
    print(f"{'engine':<{ew}} {'kind':<6} {'MRR@10':>7} {'S@1':>6} {'S@10':>6} {'n':>5}")
    for engine, kinds in tab.items():
        for kind, v in kinds.items():
            print(f"{engine:<{ew}} {kind:<6} {v['mrr10']:7.3f} {v['s1']:6.3f} {v['s10']:6.3f} {v['n']:5d}")
    t = report["target"]
    print(f"\ntarget: communique MRR@10 >= 0.90: {'yes' if t['communique_mrr10_all>=0.90'] else 'NO'}; "
          f">= fts5-or: {'yes' if t['communique>=fts5-or'] else 'NO'}")
    print(f"\nWorst communique results ({len(worst)}; rank 0 = not in top 10, deep = rank within 1000):")
    for w in worst:
        print(f"  [{w['kind']}] {w['query']!r} id={w['id']} rank={w['rank']} deep={w['rank_within_1000']} "
              f"fts5-or={w['fts5_or_rank']} total={w['total']}")
        print(f"      known: {w['known_title'][:70]!r}  top: {(w['top_hit'] or '')[:80]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
