#!/usr/bin/env python3
"""Load on loopback against `communique serve`, with wrk (apt-get install -y wrk).

For each corpus (Reuters-21578, AllSides), indexed once into --work:
  1. 32 connections for --duration seconds cycling through benches/queries.txt
     (scripts/load/queries.lua: GET /api/search?q=..., full search work), --rounds
     times: throughput, p50, p99, errors; server RSS (VmRSS of /proc/PID/status)
     before the first round and after each.
  2. Queueing check: 2 and 4 connections (alternating, --short seconds each),
     to compare with 32: if p50 grows with connections while throughput stays,
     the time is spent waiting for a core, not searching.
  3. Idle connections: a second client (1 thread, 4 connections) alone, then with
     200 idle connections held open by scripts/load/idle_connections.py,
     alternating, --rounds times; ratios are taken within each round.
Medians over rounds are reported, with min-max. Nothing is written into the
repository; raw figures go to WORK/load-results.json.

    python3 scripts/load/serve_load.py                      # both corpora, 3 rounds of 30 s
    python3 scripts/load/serve_load.py --corpora reuters --rounds 1 --duration 10

Expected duration: about 4 minutes a corpus at the defaults (plus the index
builds the first time: ~5 s Reuters, ~25 s AllSides).
"""
import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = {
    "reuters": Path("/work/shared/corpora/reuters21578/data.jsonl.gz"),
    "allsides": Path("/work/shared/corpora/article-bias-prediction/data.jsonl.gz"),
}


def sh(*args, **kw):
    return subprocess.run([str(a) for a in args], check=True, **kw)


def build_index(bin_, name, work):
    corpus = work / f"corpus-{name}"
    root = work / f"index-{name}"
    if (root / "CURRENT").exists():
        return root
    corpus.mkdir(parents=True, exist_ok=True)
    link = corpus / "data.jsonl.gz"
    if not link.exists():
        link.symlink_to(CORPORA[name])
    print(f"indexing {name} into {root}", flush=True)
    sh(bin_, "index", corpus, "--index", root, "--quiet")
    return root


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


class Server:
    def __init__(self, bin_, root):
        self.proc = subprocess.Popen(
            [str(bin_), "serve", "--index", str(root), "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("serving http://"):
            raise RuntimeError(f"server did not start: {line!r} {self.proc.stderr.read()}")
        self.url = line.split()[1].rstrip("/")
        self.host, self.port = self.url[len("http://"):].split(":")

    def stop(self):
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def wrk(url, threads, conns, seconds, queries):
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{conns}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(REPO / "scripts/load/queries.lua"), url],
        capture_output=True, text=True, check=True, cwd=REPO,
        env={**os.environ, "QUERIES": str(queries)})
    line = [l for l in out.stdout.splitlines() if l.startswith("{")][-1]
    r = json.loads(line)
    r["errors"] = r["non2xx"] + r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"]
    return r


def med(values):
    return statistics.median(values), min(values), max(values)


def fmt(values, digits=1):
    m, lo, hi = med(values)
    return f"{m:.{digits}f} ({lo:.{digits}f}-{hi:.{digits}f})"


def run_corpus(bin_, name, root, args):
    server = Server(bin_, root)
    res = {"corpus": name, "url": server.url}
    try:
        wrk(server.url, 2, 8, 3, args.queries)  # warm-up: page cache, searchers
        res["rss_before_mb"] = rss_mb(server.proc.pid)
        res["c32"] = []
        res["rss_after_mb"] = []
        for i in range(args.rounds):
            r = wrk(server.url, 2, 32, args.duration, args.queries)
            res["c32"].append(r)
            res["rss_after_mb"].append(rss_mb(server.proc.pid))
            r["loadavg_1min"] = os.getloadavg()[0]
            print(f"{name} c32 round {i + 1}: {r['rps']:.0f} req/s p50 {r['p50_ms']:.2f} p99 {r['p99_ms']:.2f} ms errors {r['errors']} rss {res['rss_after_mb'][-1]:.1f} MB load {r['loadavg_1min']:.1f}", flush=True)
        res["c2"], res["c4"] = [], []
        for i in range(args.rounds):
            for c in (2, 4):
                r = wrk(server.url, 2 if c > 1 else 1, c, args.short, args.queries)
                res[f"c{c}"].append(r)
                print(f"{name} c{c} round {i + 1}: {r['rps']:.0f} req/s p50 {r['p50_ms']:.2f} p99 {r['p99_ms']:.2f} ms", flush=True)
        res["alone"], res["idle200"] = [], []
        for i in range(args.rounds):
            res["alone"].append(wrk(server.url, 1, 4, args.short, args.queries))
            holder = subprocess.Popen(
                [sys.executable, str(REPO / "scripts/load/idle_connections.py"), server.host, server.port, "200"],
                stdout=subprocess.PIPE, text=True)
            held = holder.stdout.readline().strip()
            assert held == "holding 200", held
            res["idle200"].append(wrk(server.url, 1, 4, args.short, args.queries))
            res["rss_with_idle_mb"] = rss_mb(server.proc.pid)
            holder.send_signal(signal.SIGTERM)
            res["idle_closed_by_server"] = holder.communicate(timeout=10)[0].strip()
            a, b = res["alone"][-1], res["idle200"][-1]
            print(f"{name} second client round {i + 1}: alone p50 {a['p50_ms']:.2f} p99 {a['p99_ms']:.2f}; with 200 idle p50 {b['p50_ms']:.2f} p99 {b['p99_ms']:.2f} ms", flush=True)
        res["rss_end_mb"] = rss_mb(server.proc.pid)
    finally:
        server.stop()
    return res


def report(res):
    c32 = res["c32"]
    lines = [f"== {res['corpus']} ==",
             f"32 connections, {len(c32)} x {c32[0]['seconds']:.0f} s: {fmt([r['rps'] for r in c32], 0)} req/s, "
             f"p50 {fmt([r['p50_ms'] for r in c32], 2)} ms, p99 {fmt([r['p99_ms'] for r in c32], 2)} ms, "
             f"errors {sum(r['errors'] for r in c32)} of {sum(r['requests'] for r in c32)} requests",
             f"server RSS: {res['rss_before_mb']:.1f} MB before, after each round "
             + ", ".join(f"{m:.1f}" for m in res["rss_after_mb"]) + f" MB; {res['rss_end_mb']:.1f} MB at the end"]
    for c in (2, 4):
        rs = res[f"c{c}"]
        lines.append(f"{c} connections: {fmt([r['rps'] for r in rs], 0)} req/s, p50 {fmt([r['p50_ms'] for r in rs], 2)} ms, p99 {fmt([r['p99_ms'] for r in rs], 2)} ms")
    a, b = res["alone"], res["idle200"]
    lines.append(f"second client (4 connections) alone: p50 {fmt([r['p50_ms'] for r in a], 2)} ms, p99 {fmt([r['p99_ms'] for r in a], 2)} ms")
    lines.append(f"  with 200 idle connections open: p50 {fmt([r['p50_ms'] for r in b], 2)} ms, p99 {fmt([r['p99_ms'] for r in b], 2)} ms, errors {sum(r['errors'] for r in b)}")
    lines.append(f"  same-round ratios idle/alone: p50 {fmt([y['p50_ms'] / x['p50_ms'] for x, y in zip(a, b)], 2)}, p99 {fmt([y['p99_ms'] / x['p99_ms'] for x, y in zip(a, b)], 2)}; "
                 f"RSS with them {res['rss_with_idle_mb']:.1f} MB; {res['idle_closed_by_server']}")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bin", default=REPO / "target/release/communique", type=Path)
    p.add_argument("--work", default=Path("/tmp/communique-load"), type=Path)
    p.add_argument("--queries", default=REPO / "benches/queries.txt", type=Path)
    p.add_argument("--corpora", default="reuters,allsides")
    p.add_argument("--rounds", default=3, type=int)
    p.add_argument("--duration", default=30, type=int, help="seconds of each 32-connection run")
    p.add_argument("--short", default=10, type=int, help="seconds of each 2/4-connection and idle run")
    args = p.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    for name in args.corpora.split(","):
        root = build_index(args.bin, name, args.work)
        results.append(run_corpus(args.bin, name, root, args))
    (args.work / "load-results.json").write_text(json.dumps(results, indent=1))
    print()
    print(f"machine: {os.cpu_count()} cores; wrk and the server share them (and whatever else runs: "
          f"1-minute load average after each 32-connection round: "
          + ", ".join(f"{r['loadavg_1min']:.1f}" for res in results for r in res["c32"]) + ")")
    for res in results:
        print(report(res))
    print(f"raw figures: {args.work / 'load-results.json'}")


if __name__ == "__main__":
    main()
