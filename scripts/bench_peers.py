#!/usr/bin/env python3
"""communique next to its peers (tantivy-cli, SQLite FTS5) on Reuters-21578, in one run.

Reuses the peers' scripts in /work/shared/peers (imported: common, tantivy_bench,
fts5_bench; their inputs come from prep.py under /tmp/bl). Results go to
$BL_RESULTS (default /tmp/peers-results), never into the repository.

Each round runs every engine once, in an order rotated from round to round, so
that a ratio is taken inside one round (one machine state) and the report gives
the median and min-max over rounds of each per-round ratio:

  build   tantivy-cli `index -t 2` (whole process, fresh folder), FTS5 bulk load
          (parse + INSERT + COMMIT, on disk), `communique bench --index-corpus DIR
          --runs 1` (default threads: every core cleans, extracts and writes;
          DIR holds only the same corpus-1x.jsonl).
  query   the peers' 300 queries (queries.tsv: short, natural, phrase, boolean, rare):
          tantivy `bench` (search + Count, no fetch, no snippets, no facets);
          FTS5 OR-translated "total" = top 10 + snippet + outlet and year facets;
          `communique bench --queries` = the full search work (top 10, facets on five
          name fields + date histogram over all matches, 2 snippets per hit), on
          all 300 queries and on each class's queries alone.
          Each per-query latency is a median over `--repeat - 1` timed passes after
          one warm-up pass (the peers drop their first pass; communique gets
          --warmup 1 --runs repeat-1).
  process one query as a whole process, hyperfine -N (2 warm-ups, 10 runs), on the
          peers' 8 spot queries: `communique search Q --index ROOT`,
          `tantivy search -a` (facets only, no hits printed) and the sqlite3 CLI
          (top 10 + snippet + two facets).

usage: bench_peers.py [--rounds 5] [--repeat 4] [--scale 1x|10x] [--binary PATH] [--slowest 10]
After the rounds, each of the 300 queries is benched alone to list the slowest (with parts).
Prints the summary table and writes $BL_RESULTS/bench-peers-<scale>.json (+ .txt).
The 10x scale uses prep.py's corpus-10x.jsonl with each copy's body suffixed by
" (copy k)" (so communique, which indexes identical texts once, keeps all 190,430).
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

PEERS = os.environ.get("PEERS_DIR", "/work/shared/peers")
os.environ.setdefault("BL_RESULTS", "/tmp/peers-results")
sys.path.insert(0, PEERS)
from common import BL, RESULTS, load_queries, corpus_stats, summ, med, pct, dir_bytes, save  # noqa: E402
import fts5_bench as FB  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
ISSUE_FACETS = ("outlet", "people", "places", "date")
CLASSES = ("short", "natural", "phrase", "boolean", "rare")
HAVE_TANTIVY = shutil.which("tantivy") is not None
if HAVE_TANTIVY:
    import tantivy_bench as TB  # noqa: E402
    SPOT = TB.SEARCH_QUERIES
    AGG = TB.AGG
else:
    SPOT = ["algorithm", "nakasone", "james baker", "japan", '"trade deficit"',
            "+interest +rates -trade", "japan trade surplus talks", "oil"]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run_json(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{cmd} failed rc={p.returncode}\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    return json.loads(p.stdout)


def hyperfine(cmd, runs=10, warmup=2):
    j = os.path.join(BL, "hf-cq.json")
    subprocess.run(["hyperfine", "-N", "-w", str(warmup), "-r", str(runs), "--export-json", j, "--", cmd],
                   capture_output=True, check=True)
    t = json.load(open(j))["results"][0]["times"]
    return med(t) * 1e3


def py_timeit(argv, runs=10, warmup=2):
    ts = []
    for i in range(warmup + runs):
        t0 = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        if i >= warmup:
            ts.append(time.perf_counter() - t0)
    return med(ts) * 1e3


def make_unique_10x():
    """prep.py's corpus-10x.jsonl repeats each body 10 times; communique would index each text once.
    Suffix copy k's body with " (copy k)" in place (all engines read this file); idempotent."""
    path, mark = f"{BL}/corpus-10x.jsonl", f"{BL}/corpus-10x.unique"
    if os.path.exists(mark) and os.path.getmtime(mark) >= os.path.getmtime(path):
        return
    n_bytes = 0
    with open(path, encoding="utf-8") as f, open(path + ".tmp", "w", encoding="utf-8") as w:
        for line in f:
            d = json.loads(line)
            k = d["id"].rsplit("-", 1)[1] if d["id"].count("-") == 2 else None
            if k is not None:
                d["body"] += f" (copy {k})"
            line = json.dumps(d, ensure_ascii=False) + "\n"
            n_bytes += len(line.encode()); w.write(line)
    os.replace(path + ".tmp", path)
    st = json.load(open(f"{BL}/corpus-stats.json"))
    st["10x"]["jsonl_bytes"] = n_bytes
    json.dump(st, open(f"{BL}/corpus-stats.json", "w"), indent=1)
    open(mark, "w").close()


class Communique:
    def __init__(self, binary, scale, work):
        self.bin = os.path.join(work, "communique")
        shutil.copy2(binary, self.bin)   # one binary for the whole run, whatever others rebuild
        self.scale = scale
        self.corpus_dir = os.path.join(BL, f"cq-corpus-{scale}")
        self.root = os.path.join(BL, f"cq-idx-{scale}")
        shutil.rmtree(self.corpus_dir, ignore_errors=True); os.makedirs(self.corpus_dir)
        os.symlink(f"{BL}/corpus-{scale}.jsonl", os.path.join(self.corpus_dir, f"corpus-{scale}.jsonl"))
        self.qfiles = {"all": os.path.join(PEERS, "queries.txt")}
        qs = load_queries()
        for c in CLASSES:
            f = os.path.join(BL, f"cq-queries-{c}.txt")
            with open(f, "w") as w:
                w.write("".join(q + "\n" for cc, q in qs if cc == c))
            self.qfiles[c] = f
        shutil.rmtree(self.root, ignore_errors=True)
        t0 = time.perf_counter()
        subprocess.run([self.bin, "index", self.corpus_dir, "--index", self.root, "-q"], check=True)
        log(f"  communique index {scale} for queries: {time.perf_counter() - t0:.1f}s, {dir_bytes(self.root)/1e6:.1f} MB")

    def build(self):
        # communique's default threads, as a user runs it.
        r = run_json([self.bin, "bench", "--index-corpus", self.corpus_dir, "--runs", "1",
                      "--json"])
        log(f"  communique build: {r['wall_s_median']:.2f}s rss {r.get('peak_rss_mb')} MB {r['index_bytes']/1e6:.1f} MB")
        return r

    def bench(self, cls, runs, warmup=1, facets=()):
        extra = [arg for f in facets for arg in ("--facet", f)]
        return run_json([self.bin, "bench", "--index", self.root, "--queries", self.qfiles[cls],
                         "--runs", str(runs), "--warmup", str(warmup), "--json"] + extra)

    def search_cmd(self, q):
        return f"{self.bin} search '{q}' --index {self.root}"


def slowest(cq, n, runs=3):
    """bench each of the 300 queries alone (communique bench on a one-line file): the n slowest, with parts."""
    f = os.path.join(BL, "cq-one-query.txt")
    out = []
    for c, q in load_queries():
        with open(f, "w") as w:
            w.write(q + "\n")
        r = run_json([cq.bin, "bench", "--index", cq.root, "--queries", f, "--runs", str(runs), "--warmup", "1", "--json"])
        out.append({"class": c, "query": q, "ms": r["p50_ms"],
                    "breakdown_ms": {k: round(v, 3) for k, v in r["breakdown_ms"].items()}})
    out.sort(key=lambda x: -x["ms"])
    return out[:n]


def fts_cli_cmd(scale, q, k):
    """the sqlite3 CLI running spot.py's three statements (top 10 + snippet, 2 facets)."""
    cls = "boolean" if q.startswith("+") else ("phrase" if q.startswith('"') else "short")
    m = FB.translate(cls, q, "or")
    mq = "'" + m.replace("'", "''") + "'"
    sqlf = f"{BL}/cq-spot-{k}.sql"
    with open(sqlf, "w") as f:
        f.write(";\n".join(x.replace("?", mq) for x in (FB.Q_TOP, FB.Q_OUT, FB.Q_YEAR)) + ";\n")
    return f"sqlite3 {BL}/fts-{scale}.db '.read {sqlf}'"


def one_round(r, a, cq):
    scale = a.scale
    row, raw = {}, {}
    engines = ["tantivy", "fts5", "communique"]
    order = engines[r % 3:] + engines[:r % 3]
    log(f"round {r}: order {order}")
    # builds
    for e in order:
        if e == "tantivy" and HAVE_TANTIVY:
            raw["tantivy_build"] = TB.build(scale, 1, 2)
        elif e == "fts5":
            raw["fts5_build"] = FB.build(scale, 1)
        elif e == "communique":
            raw["cq_build"] = cq.build()
    # queries
    for e in order:
        if e == "tantivy" and HAVE_TANTIVY:
            raw["tantivy_q"] = TB.bench(scale, 1, a.repeat)["classes"]
        elif e == "fts5":
            raw["fts5_q"] = FB.run_queries(scale, 1, a.repeat, "or")["classes"]
        elif e == "communique":
            raw["cq_q"] = {c: cq.bench(c, a.repeat - 1) for c in ("all",) + CLASSES}
            # The speed issue's workload: facets on outlet, people, places and date only.
            raw["cq_q_issue"] = cq.bench("all", a.repeat - 1, facets=ISSUE_FACETS)
            log(f"  communique bench all: p50 {raw['cq_q']['all']['p50_ms']:.2f} ms p99 {raw['cq_q']['all']['p99_ms']:.2f} ms")
    # whole process, interleaved per query
    proc = {}
    for k, q in enumerate(SPOT):
        qq = q.replace("'", "")
        p = {}
        for e in order:
            if e == "communique":
                p["communique"] = (hyperfine(cq.search_cmd(qq)) if a.hyperfine
                                   else py_timeit([cq.bin, "search", qq, "--index", cq.root]))
            elif e == "tantivy" and HAVE_TANTIVY and a.hyperfine:
                p["tantivy_search_a"] = hyperfine(f"tantivy search -i {BL}/tidx-{scale} -q '{qq}' -a '{AGG}'")
            elif e == "fts5" and a.hyperfine and shutil.which("sqlite3"):
                p["sqlite3_cli"] = hyperfine(fts_cli_cmd(scale, q, k))
        proc[q] = p
    raw["process_ms"] = proc

    cb, fb = raw["cq_build"], raw["fts5_build"]
    cqa = raw["cq_q"]
    row["cq build s"] = cb["wall_s_median"]
    row["cq peak RSS MB"] = cb.get("peak_rss_mb")
    row["cq index MB"] = cb["index_bytes"] / 1e6
    row["fts5 build s"] = fb["wall_s"]["median"]
    row["fts5 db MB"] = fb["db_bytes"]["median"] / 1e6
    row["cq/fts5 build"] = cb["wall_s_median"] / fb["wall_s"]["median"]
    if HAVE_TANTIVY:
        tb = raw["tantivy_build"]
        row["tantivy build s"] = tb["wall_s"]["median"]
        row["tantivy peak RSS MB"] = tb["max_rss_kb"]["median"] / 1024
        row["tantivy index MB"] = tb["index_bytes"]["median"] / 1e6
        row["cq/tantivy build"] = cb["wall_s_median"] / tb["wall_s"]["median"]
    for c in ("all",) + CLASSES:
        q = cqa[c]
        row[f"cq p50 ms {c}"] = q["p50_ms"]
        row[f"cq p99 ms {c}"] = q["p99_ms"]
        f_tot = raw["fts5_q"][c]["total_p50_us"]["median"] / 1e3
        row[f"fts5 total p50 ms {c}"] = f_tot
        row[f"cq/fts5 p50 {c}"] = q["p50_ms"] / f_tot
        if HAVE_TANTIVY:
            t = raw["tantivy_q"][c]
            ts = t["search_p50_us"]["median"] / 1e3
            row[f"tantivy search p50 ms {c}"] = ts
            row[f"cq/tantivy p50 {c}"] = q["p50_ms"] / ts
            row[f"cq/tantivy(search+fetch10) p50 {c}"] = q["p50_ms"] / (ts + t["fetch10_p50_us"]["median"] / 1e3)
    if "cq_q_issue" in raw:
        q = raw["cq_q_issue"]
        row["cq p50 ms all, issue facets"] = q["p50_ms"]
        row["cq/fts5 p50 all, issue facets"] = q["p50_ms"] / row["fts5 total p50 ms all"]
    row["cq p95 ms all"] = cqa["all"]["p95_ms"]
    row["fts5 total p95 ms all"] = raw["fts5_q"]["all"]["total_p95_us"]["median"] / 1e3
    row["fts5 total p99 ms all"] = raw["fts5_q"]["all"]["total_p99_us"]["median"] / 1e3
    row["cq/fts5 p99 all"] = cqa["all"]["p99_ms"] / row["fts5 total p99 ms all"]
    bd = cqa["all"]["breakdown_ms"]
    for part, v in bd.items():
        row[f"cq breakdown {part}"] = v
    row["cq process ms median-of-queries"] = med([p["communique"] for p in proc.values()])
    if all("tantivy_search_a" in p for p in proc.values()):
        row["tantivy search -a ms median-of-queries"] = med([p["tantivy_search_a"] for p in proc.values()])
        row["cq/tantivy process"] = med([p["communique"] / p["tantivy_search_a"] for p in proc.values()])
    if all("sqlite3_cli" in p for p in proc.values()):
        row["sqlite3 cli ms median-of-queries"] = med([p["sqlite3_cli"] for p in proc.values()])
        row["cq/sqlite3 process"] = med([p["communique"] / p["sqlite3_cli"] for p in proc.values()])
    return row, raw


def fmt(v):
    return f"{v:.3g}" if isinstance(v, float) else str(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="1x")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=4, help="query passes; the first is a warm-up")
    ap.add_argument("--binary", default=os.path.join(REPO, "target/release/communique"))
    ap.add_argument("--slowest", type=int, default=10, help="list the N slowest communique queries (0: skip)")
    ap.add_argument("--no-hyperfine", dest="hyperfine", action="store_false")
    a = ap.parse_args()
    if not shutil.which("hyperfine"):
        a.hyperfine = False
    started = time.time()
    work = tempfile.mkdtemp(prefix="bench-peers-")
    try:
        if a.scale == "10x":
            make_unique_10x()
        git = subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"],
                             capture_output=True, text=True).stdout.strip()   # the tree when the binary was copied
        cq = Communique(a.binary, a.scale, work)
        version = subprocess.run([cq.bin, "-V"], capture_output=True, text=True).stdout.strip()
        rows, raws = [], []
        for r in range(a.rounds):
            row, raw = one_round(r, a, cq)
            rows.append(row); raws.append(raw)
            log(f"round {r} done at {time.time() - started:.0f}s: cq/tantivy build {row.get('cq/tantivy build', float('nan')):.2f}, "
                f"cq p50 {row['cq p50 ms all']:.2f} ms, cq/fts5 p50 {row['cq/fts5 p50 all']:.2f}")
        slow = slowest(cq, a.slowest) if a.slowest else []
    finally:
        shutil.rmtree(work, ignore_errors=True)
    keys = [k for k in rows[0] if all(k in x and x[k] is not None for x in rows)]
    summary = {k: summ([x[k] for x in rows]) for k in keys}
    res = {"scale": a.scale, "rounds": a.rounds, "repeat": a.repeat, "communique": version, "git": git,
           "tantivy": subprocess.run(["tantivy", "-V"], capture_output=True, text=True).stdout.strip() if HAVE_TANTIVY else None,
           "tantivy_missing": not HAVE_TANTIVY, "corpus": corpus_stats()[a.scale],
           "duration_s": time.time() - started, "summary": summary, "slowest_communique": slow, "rounds_raw": raws}
    save(f"bench-peers-{a.scale}.json", res)
    lines = [f"communique vs peers, Reuters {a.scale} ({res['corpus']['docs']} docs), {a.rounds} rounds, "
             f"{version} ({git}); tantivy-cli: {res['tantivy'] or 'NOT INSTALLED'}",
             "figure: median (min-max) over rounds; ratios are per round (communique / peer)"]
    for k in keys:
        s = summary[k]
        lines.append(f"  {k:<44} {fmt(s['median']):>8}  ({fmt(s['min'])}-{fmt(s['max'])})")
    if slow:
        lines.append(f"slowest communique queries alone (median ms; mean ms per part):")
        for x in slow:
            parts = " ".join(f"{k.replace('_ms', '')} {v:.2f}" for k, v in x["breakdown_ms"].items())
            lines.append(f"  {x['ms']:7.2f}  [{x['class']}] {x['query']!r}: {parts}")
    lines.append(f"duration {res['duration_s']:.0f}s; raw per-round data in {RESULTS}/bench-peers-{a.scale}.json")
    text = "\n".join(lines)
    with open(os.path.join(RESULTS, f"bench-peers-{a.scale}.txt"), "w") as f:
        f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
