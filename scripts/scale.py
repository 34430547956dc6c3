#!/usr/bin/env python3
"""What one machine holds: build time, peak memory, index size and query latency of
`communique` at 1x, 10x and 30x Reuters-21578 and on AllSides (the README's "Outgrowing
one machine"). Python 3.11 standard library, /usr/bin/time (GNU time) for peak RSS.

Corpora (written under --work, default /tmp/scale; deleted at the end unless --keep):

* reuters-1x : the 19,043 Reuters articles as they are (copy 0).
* reuters-Nx : copy 0 plus copies 1..N-1, one JSON Lines file a copy. Copy k of article i
  has the id `<id>-c<kk>`, the date moved k years on (an archive that grows over the
  years), the title and metadata of article i, and a new body ("mix", the default): every
  body is cut in three pieces of about as many words (at the line breaks nearest a third
  and two thirds of its words; at words when it has fewer than three lines), the articles
  are put in buckets of similar body length (64 articles, at least 2N+1, in a seeded random
  order), and copy k of the article at slot j of a bucket of n takes piece p from the
  article at slot (j + p*k) mod n: its own first third, then the second third of one
  article and the last third of another, both of about its length.
  Why not repeat the texts: `communique index` keeps one article per exact cleaned body
  (src/index/build.rs, `duplicate`), and search folds near-duplicates (MinHash Jaccard
  >= 0.5) among the top (limit + offset) * 4 + 20 candidates (src/search/mod.rs); 30
  copies of one story would fill those 60 candidates with two stories, leave pages of 2
  hits instead of 10 and make snippets and fetches look cheap. Two halves were not enough:
  an article's copies shared half their text and 22% of them still folded (halves cut at
  paragraphs, partners of any length). With thirds
  two copies share at most one piece (Jaccard about 0.2): 5 of 6,000 copies fold into a
  sibling (`duplicates` on 3,000 articles x 3 copies), and the page check below shows it.
  Term statistics: each copy holds every piece exactly once, so every line of text occurs
  exactly N times in an Nx corpus: collection term frequencies are exactly N times the 1x
  ones; document frequencies N times up to the terms that sat in two pieces of one article
  and now sit in two documents (slightly more), or a piece joined to another holding the
  term (fewer); body lengths stay close (pieces of like length); phrases are intact except
  across the two cuts (about 2 of ~130 words' boundaries an article). A body that still
  equals an earlier one gets " (k)" appended (counted). Copies 1.. also keep the 273
  Reuters texts that copy 0 loses as exact duplicates (their pieces now differ).
  `--variant suffix` instead repeats every text with " (copy k)" appended, as
  scripts/bench_peers.py's 10x did: the copies then fold into one another at search time.
* allsides-1x: ../corpora/article-bias-prediction/data.jsonl.gz as it is (a symlink).

Measured, in --rounds rounds that each visit every corpus (so load spikes from other users
of the machine hit all of them; medians reported, with min-max): `communique index CORPUS
--index FRESH_DIR` (no progress bar off a terminal; its summary line gives the articles
indexed) under `/usr/bin/time -v` (wall time, user+sys CPU, peak RSS; /proc's RssAnon
and RssFile, sampled every 0.2 s, split it into heap and mapped index files), the index
size on disk (bytes of every file under the index folder), and `communique bench --index DIR --queries Q --runs R
--json` for each query file (default: the peers' 300 raw queries and benches/queries.txt),
after one warm-up pass, on the index just built (in the page cache). The 1-minute load
average is recorded before and after each step. In the first round, one `communique search
--json --limit 10` process a query of the first query file counts the hits on each page
and the near-duplicates folded into them (1x is the reference: the real wire copies).

Usage:
    python3 scripts/scale.py [--binary target/release/communique] [--scales 1,10,30]
        [--no-allsides] [--rounds 3] [--runs 5] [--variant mix|suffix] [--work /tmp/scale]
        [--keep] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
REUTERS = "/work/shared/corpora/reuters21578/data.jsonl.gz"
ALLSIDES = "/work/shared/corpora/article-bias-prediction/data.jsonl.gz"
QUERY_FILES = ["/work/shared/peers/queries.txt", os.path.join(REPO, "benches/queries.txt")]


def load(path: str) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load1() -> float:
    return os.getloadavg()[0]


# --- corpora -------------------------------------------------------------------------------

def split_body(body: str, parts: int = 3) -> list[str]:
    """the body in `parts` pieces of about as many words each, cut at the line breaks
    nearest the word quantiles (at words when the body has too few lines)."""
    lines = body.split("\n")
    if len(lines) >= parts:
        counts = [len(line.split()) for line in lines]
        total, cuts, run, prev = sum(counts), [], 0, 0
        bounds = []                                  # words before line i, for i = 1..len-1
        for i in range(1, len(lines)):
            run += counts[i - 1]
            bounds.append((i, run))
        for q in range(1, parts):
            target = total * q / parts
            choices = [(abs(w - target), i) for i, w in bounds if i > prev and i <= len(lines) - (parts - q)]
            cut = min(choices)[1] if choices else prev + 1
            cuts.append(cut)
            prev = cut
        edges = [0] + cuts + [len(lines)]
        return ["\n".join(lines[a:b]) for a, b in zip(edges, edges[1:])]
    words = body.split(" ")
    edges = [len(words) * q // parts for q in range(parts + 1)]
    return [" ".join(words[a:b]) for a, b in zip(edges, edges[1:])]


def partners(recs: list[dict], copies: int, seed: int) -> list[int]:
    """the articles in buckets of similar body length (at least 2 * copies + 1 articles a
    bucket, in a seeded random order): returns pos, the article at each slot; slot j of a
    bucket of n articles takes piece p of copy k from slot (j + p * k) mod n, so the copies of
    one article never share a second piece, and a piece is joined to pieces of about its length."""
    n = len(recs)
    size = max(64, 2 * copies + 1)
    order = sorted(range(n), key=lambda i: len((recs[i].get("body") or "").split()))
    buckets = [order[a:a + size] for a in range(0, n, size)]
    if len(buckets) > 1 and len(buckets[-1]) < size:
        buckets[-2].extend(buckets.pop())
    rng = random.Random(seed)
    for b in buckets:
        rng.shuffle(b)
    return buckets


def shift_years(date: str | None, k: int) -> str | None:
    m = re.match(r"(\d{4})(-.*)", date or "")
    if not m:
        return date
    year, rest = int(m.group(1)) + k, m.group(2)
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    return f"{year:04d}{rest}"


def write_reuters(dest: str, copies: int, variant: str, seed: int, parts: int = 3) -> dict:
    """copy-00.jsonl ... copy-<copies-1>.jsonl under dest; returns counts."""
    recs = load(REUTERS)
    os.makedirs(dest, exist_ok=True)
    pieces = [split_body(r.get("body") or "", parts) for r in recs]
    # source[k][i][p]: the article whose piece p goes into copy k of article i
    buckets = partners(recs, copies, seed)
    seen: set[str] = set()
    marked = 0
    n_bytes = 0
    for k in range(copies):
        source = [None] * len(recs)
        for b in buckets:
            for j, i in enumerate(b):
                source[i] = [b[(j + p * k) % len(b)] for p in range(parts)]
        path = os.path.join(dest, f"copy-{k:02d}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i, r in enumerate(recs):
                d = dict(r)
                if k:
                    d["id"] = f"{r['id']}-c{k:02d}"
                    d["date"] = shift_years(r.get("date"), k)
                    if variant == "mix":
                        d["body"] = "\n".join(x for x in (pieces[a][p] for p, a in enumerate(source[i])) if x)
                    else:
                        d["body"] = (r.get("body") or "") + f" (copy {k})"
                    if variant == "mix" and d["body"] in seen:
                        d["body"] += f" ({k})"
                        marked += 1
                if variant == "mix":
                    seen.add(d["body"])
                line = json.dumps(d, ensure_ascii=False) + "\n"
                n_bytes += len(line.encode("utf-8"))
                f.write(line)
    return {"records": len(recs) * copies, "jsonl_bytes": n_bytes, "marked": marked}


def link_corpus(dest: str, src: str) -> dict:
    os.makedirs(dest, exist_ok=True)
    link = os.path.join(dest, os.path.basename(src))
    if not os.path.lexists(link):
        os.symlink(src, link)
    n = sum(1 for _ in gzip.open(src, "rt", encoding="utf-8"))
    return {"records": n, "jsonl_bytes": None, "marked": 0}


# --- measurements --------------------------------------------------------------------------

def parse_time_v(text: str) -> dict:
    def field(name: str) -> str:
        m = re.search(re.escape(name) + r":\s*(.+)", text)
        return m.group(1).strip() if m else ""
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")] if wall else [0.0]
    secs = 0.0
    for p in parts:
        secs = secs * 60 + p
    return {
        "wall_s": secs,
        "cpu_s": float(field("User time (seconds)") or 0) + float(field("System time (seconds)") or 0),
        "peak_rss_mb": int(field("Maximum resident set size (kbytes)") or 0) / 1024,
        "exit": int(field("Exit status") or -1),
    }


def dir_bytes(path: str) -> int:
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


def rss_split(time_pid: int) -> dict:
    """RssAnon and RssFile (kB) of the process /usr/bin/time runs (its child)."""
    try:
        with open(f"/proc/{time_pid}/task/{time_pid}/children") as f:
            child = f.read().split()
        if not child:
            return {}
        with open(f"/proc/{child[0]}/status") as f:
            return {k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in f)
                    if k in ("RssAnon", "RssFile")}
    except (OSError, ValueError):
        return {}


def build(binary: str, corpus: str, index: str) -> dict:
    shutil.rmtree(index, ignore_errors=True)
    before = load1()
    t0 = time.perf_counter()
    p = subprocess.Popen(["/usr/bin/time", "-v", binary, "index", corpus, "--index", index],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks = {"RssAnon": 0, "RssFile": 0}
    while p.poll() is None:                  # the split of the peak: heap vs mapped index files
        for kind, kb in rss_split(p.pid).items():
            peaks[kind] = max(peaks[kind], kb)
        time.sleep(0.2)
    stdout, stderr = p.communicate()
    wall = time.perf_counter() - t0
    out = parse_time_v(stderr)
    out["peak_anon_mb"], out["peak_file_mb"] = peaks["RssAnon"] / 1024, peaks["RssFile"] / 1024
    if p.returncode != 0:                    # kept as a result: where a build gives up is a finding
        errors = [line for line in stderr.splitlines() if line.startswith("communique:")]
        out.update(failed=(errors or [stderr.strip()[-300:]])[-1], wall_s=wall, load_before=before)
        return out
    m = re.search(r"indexed (\d+) articles", stdout + stderr)     # the summary line
    out["articles"] = int(m.group(1)) if m else -1
    out.update(wall_s=wall, load_before=before, load_after=load1(), index_bytes=dir_bytes(index))
    return out


def label(q: str) -> str:
    return os.path.join(os.path.basename(os.path.dirname(q)), os.path.basename(q))


def bench(binary: str, index: str, queries: str, runs: int) -> dict:
    before = load1()
    p = subprocess.run([binary, "bench", "--index", index, "--queries", queries, "--runs", str(runs),
                        "--json"], capture_output=True, text=True, cwd=REPO)
    if p.returncode != 0:
        raise SystemExit(f"bench failed on {index}:\n{p.stderr[-2000:]}")
    d = json.loads(p.stdout)
    return {"p50_ms": d["p50_ms"], "p95_ms": d["p95_ms"], "p99_ms": d["p99_ms"], "mean_ms": d["mean_ms"],
            "queries": d["queries"], "failed": len(d.get("failed") or []),
            "breakdown_ms": d.get("breakdown_ms"), "load_before": before, "load_after": load1()}


def fold_stats(binary: str, index: str, queries: str) -> dict:
    """one `communique search --json --limit 10` process per query: mean hits on the first page
    and mean near-duplicates folded into them (the copies must not fold into one another)."""
    qs = [line.split("\t")[-1].strip() for line in open(queries, encoding="utf-8")]
    qs = [q for q in qs if q and not q.startswith("#")]
    hits = folded = 0
    for q in qs:
        p = subprocess.run([binary, "search", "--index", index, "--json", "--limit", "10", "--", q],
                           capture_output=True, text=True)
        if p.returncode == 0:
            page = json.loads(p.stdout)["hits"]
            hits += len(page)
            folded += sum(len(h.get("duplicates") or []) for h in page)
    return {"queries": len(qs), "hits_per_page": hits / len(qs), "folded_per_page": folded / len(qs)}


def med(xs: list[float]) -> str:
    xs = [x for x in xs if x is not None]
    if not xs:
        return "-"
    m = statistics.median(xs)
    fmt = (lambda v: f"{v:.3g}") if m < 10 else (lambda v: f"{v:.0f}") if m >= 100 else (lambda v: f"{v:.1f}")
    return fmt(m) if len(xs) == 1 else f"{fmt(m)} ({fmt(min(xs))}-{fmt(max(xs))})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(REPO, "target/release/communique"))
    ap.add_argument("--scales", default="1,10,30", help="Reuters multiples, e.g. 1,10,30")
    ap.add_argument("--allsides", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--variant", choices=["mix", "suffix"], default="mix")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=5, help="bench passes (each query's latency is its median)")
    ap.add_argument("--queries", action="append", help="query files [default: peers' 300 and benches/queries.txt]")
    ap.add_argument("--work", default="/tmp/scale")
    ap.add_argument("--keep", action="store_true", help="keep corpora and indexes under --work")
    ap.add_argument("--json-out", help="write every measurement here as JSON")
    a = ap.parse_args()
    queries = a.queries or QUERY_FILES

    os.makedirs(a.work, exist_ok=True)
    binary = os.path.join(a.work, "communique")
    shutil.copy2(a.binary, binary)          # one binary for the run, whatever others rebuild

    corpora: dict[str, dict] = {}
    for s in [int(x) for x in a.scales.split(",") if x]:
        name = f"reuters-{s}x" + ("" if a.variant == "mix" or s == 1 else "-suffix")
        dest = os.path.join(a.work, name)
        t0 = time.perf_counter()
        info = write_reuters(dest, s, a.variant, a.seed)
        print(f"{name}: {info['records']} records, {info['jsonl_bytes'] / 1e6:.0f} MB JSON Lines, "
              f"{info['marked']} marked, written in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        corpora[name] = {"path": dest, **info}
    if a.allsides:
        corpora["allsides-1x"] = {"path": os.path.join(a.work, "allsides-1x"),
                                  **link_corpus(os.path.join(a.work, "allsides-1x"), ALLSIDES)}

    for c in corpora.values():
        c["builds"], c["benches"], c["fold"] = [], {q: [] for q in queries}, None

    try:
        measure(a, binary, corpora, queries)
        report(a, corpora, queries)
    finally:
        if not a.keep:
            shutil.rmtree(a.work, ignore_errors=True)
    return 0


def measure(a: argparse.Namespace, binary: str, corpora: dict, queries: list[str]) -> None:
    for rnd in range(a.rounds):
        for name, c in corpora.items():
            idx = os.path.join(a.work, "idx-" + name)
            b = build(binary, c["path"], idx)
            c["builds"].append(b)
            if b.get("failed"):
                c["failed"] = b
                print(f"round {rnd + 1} {name}: build FAILED after {b['wall_s']:.0f} s wall, "
                      f"{b['cpu_s']:.0f} s CPU, {b['peak_rss_mb']:.0f} MB peak: {b['failed']}",
                      file=sys.stderr, flush=True)
                shutil.rmtree(idx, ignore_errors=True)
                continue
            c["articles"] = b["articles"]
            line = (f"round {rnd + 1} {name}: build {b['wall_s']:.2f} s wall, {b['cpu_s']:.2f} s CPU, "
                    f"{b['peak_rss_mb']:.0f} MB peak, {b['index_bytes'] / 1e6:.1f} MB, load {b['load_before']:.2f}")
            for q in queries:
                r = bench(binary, idx, q, a.runs)
                c["benches"][q].append(r)
                line += f"; {label(q)} p50 {r['p50_ms']:.3f} p99 {r['p99_ms']:.2f} ms (load {r['load_before']:.2f})"
            if c["fold"] is None:
                c["fold"] = fold_stats(binary, idx, queries[0])
                line += (f"; page: {c['fold']['hits_per_page']:.2f} hits, "
                         f"{c['fold']['folded_per_page']:.2f} folded")
            print(line, file=sys.stderr, flush=True)
            if a.json_out:                   # after every step: a long run that dies keeps its figures
                save(a, corpora, queries)


def save(a: argparse.Namespace, corpora: dict, queries: list[str]) -> None:
    with open(a.json_out, "w") as f:
        json.dump({"binary": a.binary, "variant": a.variant, "rounds": a.rounds, "runs": a.runs,
                   "queries": queries, "corpora": corpora}, f, indent=1)


def report(a: argparse.Namespace, corpora: dict, queries: list[str]) -> None:
    print(f"\n{a.rounds} rounds, medians (min-max); bench: {a.runs} runs after 1 warm-up, each query its median")
    head = "| corpus | articles | JSONL MB | build s | CPU s | peak RSS MB (heap + mapped) | index MB | bytes/article |"
    for q in queries:
        head += f" {label(q)} p50 / p99 ms |"
    head += " hits / folded a page | load 1-min |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for name, c in corpora.items():
        bs = [b for b in c["builds"] if not b.get("failed")]
        if not bs:
            f = c["failed"]
            print(f"| {name} | ({c['records']:,} records) | build failed after {f['wall_s']:.0f} s wall, "
                  f"{f['cpu_s']:.0f} s CPU, {f['peak_rss_mb']:.0f} MB peak: {f['failed'][:120]} |")
            continue
        loads = [b["load_before"] for b in bs] + [r["load_before"] for q in queries for r in c["benches"][q]]
        size = statistics.median([b["index_bytes"] for b in bs])
        row = (f"| {name} | {c['articles']:,} | {c['jsonl_bytes'] / 1e6:.0f} | " if c["jsonl_bytes"] else
               f"| {name} | {c['articles']:,} | - | ")
        row += (f"{med([b['wall_s'] for b in bs])} | {med([b['cpu_s'] for b in bs])} | "
                f"{med([b['peak_rss_mb'] for b in bs])} ({med([b['peak_anon_mb'] for b in bs])} + "
                f"{med([b['peak_file_mb'] for b in bs])}) | {size / 1e6:.1f} | {size / max(c['articles'], 1):.0f} |")
        for q in queries:
            rs = c["benches"][q]
            row += f" {med([r['p50_ms'] for r in rs])} / {med([r['p99_ms'] for r in rs])} |"
        row += f" {c['fold']['hits_per_page']:.2f} / {c['fold']['folded_per_page']:.2f} |"
        row += f" {min(loads):.2f}-{max(loads):.2f} |"
        print(row)

    if a.json_out:
        save(a, corpora, queries)


if __name__ == "__main__":
    sys.exit(main())
