#!/usr/bin/env python3
"""People: P@10 against Reuters-21578's PEOPLE annotations, communique next to SQLite FTS5.

The 25 people most often annotated in reuters21578/data.jsonl.gz (the `people` field: lower-case
slugs such as "reagan", "james-baker", "de-clercq"; ties in the count broken by the slug) are
queried by name as a person types it. The mapping from slug to typed name is mechanical: the
slug's hyphens become spaces and each part gets a capital letter ("reagan" -> "Reagan",
"james-baker" -> "James Baker", "de-clercq" -> "De Clercq", "poehl" -> "Poehl"), which is how
the annotation names them: a surname alone when the slug is a surname alone, the full name when
the slug has one (TYPED overrides the rule for a name, none needed so far).

Relevant = the article's PEOPLE annotation contains that slug. P@10 = relevant hits among the
top 10 / 10 (every one of these people has at least 10 annotated articles). communique folds
near-duplicates into one hit: a hit is relevant when its article or one folded under it is.
A query that fails scores 0 and is listed.

Engines on the same corpus file:
* communique: `communique search --index ROOT --json --limit 10 -- NAME`;
* fts5-or / fts5-and / fts5-phrase: fts5(title, body, tokenize='porter unicode61'), bm25, the
  name's unicode61 tokens quoted and OR-ed ("james" OR "baker"), AND-ed ("james" "baker") or
  as one phrase ("james baker"); the three are the same for a one-word name.

Target (issue 13): communique's mean P@10 >= every FTS5 row's.

Usage:
    python3 scripts/people_p10.py [--binary target/release/communique] [--top 25] [--jobs 2]
        [--keep-index DIR] [--json]

Takes under a minute (Reuters index 2-4 s, FTS5 table 3 s, 25 search processes).
"""

from __future__ import annotations

import argparse
import collections
import shutil
import sys
import tempfile

from measure_common import CORPORA, Communique, Fts5, add_common_args, hit_ids, load, print_failed, print_json

TYPED: dict[str, str] = {}   # slug -> typed name, where the mechanical rule would be wrong
FTS_MODES = ("or", "and", "phrase")


def typed_name(slug: str) -> str:
    return TYPED.get(slug) or " ".join(p[:1].upper() + p[1:] for p in slug.split("-"))


def precision(hits: list[list[str]], annotated: set[str]) -> float:
    """hits: the ids each of the top 10 stands for."""
    return sum(1 for ids in hits[:10] if any(i in annotated for i in ids)) / 10


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_args(ap)
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    recs = load(CORPORA["reuters"])
    count = collections.Counter(p for r in recs for p in r.get("people") or [])
    people = sorted(count, key=lambda p: (-count[p], p))[:a.top]
    annotated = {p: {r["id"] for r in recs if p in (r.get("people") or [])} for p in people}
    names = [typed_name(p) for p in people]

    tmp = tempfile.mkdtemp(prefix="communique-people-")
    try:
        comm = Communique(a.binary, tmp, a.timeout)
        comm.index(CORPORA["reuters"], a.keep_index)
        results = comm.search_many(names, a.jobs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    fts = Fts5(recs)

    rows, errors = [], []
    for p, name, r in zip(people, names, results):
        row = {"slug": p, "query": name, "annotated": len(annotated[p]),
               "communique": precision([hit_ids(h) for h in r.get("hits", [])], annotated[p])}
        for mode in FTS_MODES:
            row[f"fts5-{mode}"] = precision([[i] for i in fts.search(name, mode)], annotated[p])
        if "error" in r:
            errors.append({"query": name, "error": r["error"]})
        rows.append(row)
    engines = ["communique"] + [f"fts5-{m}" for m in FTS_MODES]
    mean = {e: sum(row[e] for row in rows) / len(rows) for e in engines}
    report = {"binary": a.binary, "people": len(rows), "mean_p10": mean,
              "target_communique>=fts5": all(mean["communique"] >= mean[e] for e in engines[1:]),
              "communique_failed": errors, "per_person": rows}
    if a.json:
        return print_json(report)
    print(f"P@10 for the {len(rows)} most annotated people of Reuters-21578, queried by name; binary {a.binary}\n")
    print(f"{'query':<14} {'slug':<13} {'annot':>5} " + " ".join(f"{e:>11}" for e in engines))
    for row in rows:
        print(f"{row['query']:<14} {row['slug']:<13} {row['annotated']:>5} "
              + " ".join(f"{row[e]:>11.1f}" for e in engines))
    print(f"{'mean':<14} {'':<13} {'':>5} " + " ".join(f"{mean[e]:>11.3f}" for e in engines))
    print(f"\ntarget: communique >= every FTS5 row: {'yes' if report['target_communique>=fts5'] else 'NO'}")
    if errors:
        print(f"\ncommunique failed on {len(errors)} queries (P@10 0):")
        print_failed(errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
