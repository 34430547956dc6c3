#!/usr/bin/env python3
"""Every real headline runs: real titles and sentences, verbatim, as communique queries.

Query sets (raw text, never cleaned; only TAB, CR and LF become spaces, which is what a
one-line search box makes of a pasted text -- measure_common.one_line):

* allsides-title    : the 30,348 AllSides titles (article-bias-prediction/data.jsonl.gz);
* allsides-sentence : the first sentence of each AllSides body: its first non-empty
                      paragraph, cut after the first '.', '!' or '?' (with any closing quotes
                      or brackets) that is followed by white space and a capital letter, digit,
                      quote or bracket, unless the word before the stop is a one-letter initial
                      or a common abbreviation (Mr., Gov., Sen., U.S., Jan., ...); the whole
                      paragraph when there is no such stop. Leading/trailing spaces removed;
* reuters-title     : the 19,043 Reuters titles (reuters21578/data.jsonl.gz).

Each set runs against an index of its own corpus, built by the binary under test (AllSides
about 20-40 s, Reuters 2-4 s). A query "runs" when communique exits 0.

Two modes:

* --mode process (default): one `communique search --index ROOT --json --limit 10 -- QUERY`
  process per query (the query after `--`, so a leading '-' is not an option), 2 at a time,
  with a timeout; exactly what a person at a shell gets. 10-60 ms a process on 2 busy cores,
  so by default a seeded sample of --sample 2000 queries a set (6,000 processes, about 2
  minutes measured); --sample 0 runs every query (80k processes, about 25-30 minutes).
* --mode bench: each set written to a query file (one query a line) and run in one process,
  `communique bench --queries FILE --runs 1 --warmup 0 --json --index ROOT`; failures are read
  from the report's "failed" list ({"query", "error"} objects, or the older "QUERY: ERROR"
  strings), whatever the exit code. The bench file format trims each line and takes a line
  starting with '#' as a comment, so such queries ("#MeToo Will Not Survive...", 14 AllSides
  titles) are run as processes instead, and if the count the bench reports does not add up to
  the lines written, the script says so. All 80k queries in about 10 minutes on the busy 2-core
  machine (measured with the old parser: AllSides titles 3.5 min, first sentences 6 min -- long
  OR queries that match most articles, faceted --, Reuters titles 0.5 min, plus the AllSides
  index, 30 s); --sample works here too.

Prints per set: queries, failures (exit != 0 or timeout), the share that exit 0, failures by
cause (the error message with the quoted text blanked), and up to --examples failing queries a
set with their errors; queries over the 4,000-character limit or holding other control
characters (they are expected errors) are counted apart. --json prints one JSON object.

--write-slice FILE [--slice-n 2000] [--seed 1]: instead of measuring, writes a seeded sample of
the three sets (an equal share of each, in sample order) one query a line, after a header of
lines starting with "# " that says where they come from. Every line after the header is one
raw query; a query may itself start with '#'.

Usage:
    python3 scripts/raw_queries.py --binary target/release/communique [--mode process|bench]
        [--sample 2000] [--seed 1] [--sets allsides-title,allsides-sentence,reuters-title]
        [--jobs 2] [--examples 20] [--json]
    python3 scripts/raw_queries.py --write-slice tests/data/raw_queries.txt --slice-n 2000 --seed 1
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

from measure_common import (CORPORA, CORPORA_DIR, Communique, add_common_args, error_kind, load, one_line,
                            print_failed, print_json)

SETS = {  # name -> (corpus, what is taken of each record)
    "allsides-title": ("allsides", "title"),
    "allsides-sentence": ("allsides", "sentence"),
    "reuters-title": ("reuters", "title"),
}
MAX_QUERY_CHARS = 4000   # communique's documented limit: longer queries are expected errors
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt", "adm",
    "prof", "rev", "pres", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "v", "mt", "ft", "u.s",
    "u.n", "u.k", "d.c", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "e.g", "i.e",
    "ala", "ariz", "calif", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich",
    "minn", "miss", "mo", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis",
}
STOP = re.compile(r"""[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")


def first_sentence(body: str) -> str:
    para = next((p.strip() for p in body.split("\n") if p.strip()), "")
    for m in STOP.finditer(para):
        before = para[:m.start()].rsplit(None, 1)
        word = before[-1].lstrip("(\"'“‘").lower() if before else ""
        if m.group(0)[0] == "." and (len(word) == 1 or word in ABBREVIATIONS):
            continue
        return para[:m.end()].strip()
    return para


def query_sets(names: list[str]) -> dict[str, list[str]]:
    recs = {c: load(CORPORA[c]) for c in sorted({SETS[n][0] for n in names})}
    out = {}
    for n in names:
        corpus, part = SETS[n]
        texts = [(r.get("title") or "") if part == "title" else first_sentence(r.get("body") or "")
                 for r in recs[corpus]]
        out[n] = [one_line(t) for t in texts]
    return out


def sample(queries: list[str], n: int, seed: int) -> list[str]:
    if not n or n >= len(queries):
        return list(queries)
    return random.Random(seed).sample(queries, n)


def write_slice(path: str, names: list[str], n: int, seed: int) -> None:
    sets = query_sets(names)
    share = [n // len(names) + (1 if i < n % len(names) else 0) for i in range(len(names))]
    lines = []
    for name, k in zip(names, share):
        lines += sample(sets[name], k, seed)
    hash_lines = sum(1 for q in lines if q.startswith("#"))
    what = {"title": "titles", "sentence": "first sentences of the body"}
    header = [
        f"# source: {n} raw queries, a seeded sample (seed {seed}) of real titles and sentences, written by",
        f"# python3 scripts/raw_queries.py --write-slice FILE --slice-n {n} --seed {seed} from ../shared/corpora/:",
        *(f"#   {k} {name}: {what[SETS[name][1]]}, {os.path.relpath(CORPORA[SETS[name][0]], CORPORA_DIR)}"
          for name, k in zip(names, share)),
        "# Each query verbatim, except TAB, CR and LF replaced by a space; a first sentence is cut from the",
        "# body's first paragraph. Header lines start with '# '; every line after the header is one query",
        f"# ({hash_lines} of them start with '#'). Every one must run (exit 0).",
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(header + lines) + "\n")
    print(f"wrote {len(lines)} queries to {path} ({hash_lines} start with '#')", file=sys.stderr)


def parse_failed(report: dict, queries: set[str]) -> list[tuple[str, str]]:
    """bench's "failed": {"query","error"} objects, or the older "QUERY: ERROR" strings."""
    out = []
    for f in report.get("failed") or []:
        if isinstance(f, dict):
            out.append((f.get("query", ""), f.get("error", "")))
            continue
        cut = [i for i in range(len(f)) if f.startswith(": ", i) and f[:i] in queries]
        i = cut[-1] if cut else f.find(": ")
        out.append((f[:i], f[i + 2:]))
    return out


def bench_file_keeps(q: str) -> bool:
    """a bench query file trims each line and skips empty lines and lines starting with '#'."""
    return bool(q.strip()) and not q.strip().startswith("#")


def run_bench(engine: Communique, queries: list[str], tmp: str, name: str, jobs: int) -> tuple[list, list, dict]:
    """returns (failures [(query, error)], notes, bench facts)."""
    in_file = [q for q in queries if bench_file_keeps(q)]
    by_process = [q for q in queries if not bench_file_keeps(q)]
    path = os.path.join(tmp, f"{name}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(q + "\n" for q in in_file))
    cmd = [engine.binary, "bench", "--queries", path, "--runs", "1", "--warmup", "0", "--json", "--index", engine.root]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    try:
        report = json.loads(p.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"bench on {name} exited {p.returncode} without a JSON report (a panic? --mode process "
                         f"finds the query):\n{p.stderr[-2000:]}")
    failures = parse_failed(report, set(in_file))
    notes = []
    ok = report.get("queries", 0)
    if len(in_file) not in (ok, ok + len(failures)):
        notes.append(f"bench reported {ok} queries and {len(failures)} failures for the {len(in_file)} lines written")
    for q, r in zip(by_process, engine.search_many(by_process, jobs)):
        if "error" in r:
            failures.append((q, r["error"]))
    return failures, notes, {"bench_s": secs, "bench_exit": p.returncode, "bench_p50_ms": report.get("p50_ms"),
                             "run_as_processes": len(by_process)}


def measure(a, sets: dict[str, list[str]], tmp: str) -> dict:
    engines: dict[str, Communique] = {}
    out = {}
    for name, all_queries in sets.items():
        corpus = SETS[name][0]
        if corpus not in engines:
            e = next(iter(engines.values())).clone() if engines else Communique(a.binary, tmp, a.timeout)
            keep = os.path.join(a.keep_index, corpus) if a.keep_index else None
            build_s, _ = e.index(CORPORA[corpus], keep)
            engines[corpus] = e
            print(f"{corpus}: index {'reused' if build_s is None else f'built in {build_s:.1f} s'}", file=sys.stderr)
        e = engines[corpus]
        queries = sample(all_queries, a.sample, a.seed)
        t0 = time.perf_counter()
        if a.mode == "bench":
            failures, notes, facts = run_bench(e, queries, tmp, name, a.jobs)
        else:
            results = e.search_many(queries, a.jobs)
            failures = [(q, r["error"]) for q, r in zip(queries, results) if "error" in r]
            notes, facts = [], {}
        secs = time.perf_counter() - t0
        expected = [(q, err) for q, err in failures if len(q) > MAX_QUERY_CHARS or _control(q)]
        kinds = collections.Counter(error_kind(err) for _, err in failures)
        out[name] = {
            "corpus": corpus, "set_size": len(all_queries), "queries": len(queries),
            "failures": len(failures), "share_exit_0": 1 - len(failures) / len(queries) if queries else 1.0,
            "over_length_or_control_chars": {
                "queries": sum(1 for q in queries if len(q) > MAX_QUERY_CHARS or _control(q)),
                "failures": len(expected)},
            "failures_by_cause": kinds.most_common(),
            "examples": [{"query": q, "error": err} for q, err in failures[:a.examples]],
            "seconds": secs, "notes": notes, **facts,
        }
        print(f"{name}: {len(queries)} queries, {len(failures)} failed, {secs:.0f} s", file=sys.stderr)
    return out


def _control(q: str) -> bool:
    """a control character other than TAB/CR/LF (those are already spaces): Cc, U+2028, U+2029."""
    return any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029" for c in q)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_args(ap)
    ap.add_argument("--mode", choices=["process", "bench"], default="process")
    ap.add_argument("--sample", type=int, default=None,
                    help="queries a set, seeded (default 2000 in process mode, all in bench mode; 0 = all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--examples", type=int, default=20, help="failing queries listed a set")
    ap.add_argument("--write-slice", metavar="FILE")
    ap.add_argument("--slice-n", type=int, default=2000)
    a = ap.parse_args()
    names = [s.strip() for s in a.sets.split(",") if s.strip()]
    for n in names:
        if n not in SETS:
            raise SystemExit(f"unknown set {n!r} (known: {', '.join(SETS)})")
    if a.write_slice:
        write_slice(a.write_slice, names, a.slice_n, a.seed)
        return 0
    if a.sample is None:
        a.sample = 2000 if a.mode == "process" else 0
    if a.keep_index:
        os.makedirs(a.keep_index, exist_ok=True)

    sets = query_sets(names)
    tmp = tempfile.mkdtemp(prefix="communique-raw-")
    try:
        res = measure(a, sets, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report = {"binary": a.binary, "mode": a.mode, "seed": a.seed, "sample": a.sample, "sets": res,
              "all_exit_0": all(v["failures"] == 0 for v in res.values())}
    if a.json:
        return print_json(report)

    print(f"Raw queries, {a.mode} mode ({'all queries' if not a.sample else f'seeded sample of {a.sample} a set, seed {a.seed}'}), "
          f"binary {a.binary}\n")
    print(f"{'set':<18} {'queries':>8} {'of':>7} {'failed':>7} {'exit 0':>8}  {'over-limit/ctrl (failed)':>24}")
    for name, v in res.items():
        x = v["over_length_or_control_chars"]
        print(f"{name:<18} {v['queries']:>8} {v['set_size']:>7} {v['failures']:>7} {v['share_exit_0']:>8.2%}  "
              f"{x['queries']:>15} ({x['failures']})")
    for name, v in res.items():
        for note in v["notes"]:
            print(f"note, {name}: {note}")
        if not v["failures"]:
            continue
        print(f"\n{name}: failures by cause")
        for kind, k in v["failures_by_cause"][:12]:
            print(f"  {k:6d}  {kind}")
        print(f"{name}: first {len(v['examples'])} failing queries")
        print_failed(v["examples"])
    print(f"\ntarget: 100% exit 0: {'yes' if report['all_exit_0'] else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
