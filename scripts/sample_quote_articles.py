#!/usr/bin/env python3
"""Pick the articles of the quotation gold set (tests/data/quotes_gold.jsonl) at
random, seeded, so the choice is reproducible and not made by looking at output.

From AllSides: articles with a quotation mark and a body of 800-4,000 characters
(short enough to read whole when labelling); from Reuters: articles with a
quotation mark; plus the two seeds. Writes the picked records as JSON Lines to
OUT (default /tmp/quote_sample.jsonl) for `communique extract --json`.

    python3 scripts/sample_quote_articles.py [--seed 15] [--allsides 9] [--reuters 5] [OUT]

The held-out set (tests/data/quotes_heldout.jsonl) is --seed 16 --allsides 6 --reuters 3,
labelled after the extractor was written but before its output on them was looked at.
"""
import argparse
import gzip
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
QUOTE_MARKS = ('"', "\u201c", "\u201d")


def records(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def pick(path, n, rng, fits):
    pool = [r for r in records(path) if fits(r.get("body") or "")]
    return rng.sample(pool, n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--allsides", type=int, default=9)
    ap.add_argument("--reuters", type=int, default=5)
    ap.add_argument("out", nargs="?", default="/tmp/quote_sample.jsonl")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    quoted = lambda b: any(q in b for q in QUOTE_MARKS)
    allsides = pick(
        os.path.join(SHARED, "corpora", "article-bias-prediction", "data.jsonl.gz"),
        args.allsides,
        rng,
        lambda b: quoted(b) and 800 <= len(b) <= 4000,
    )
    reuters = pick(
        os.path.join(SHARED, "corpora", "reuters21578", "data.jsonl.gz"), args.reuters, rng, quoted
    )
    with open(args.out, "w", encoding="utf-8") as out:
        for source, recs in (("allsides", allsides), ("reuters", reuters)):
            for r in recs:
                r["source"] = source
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in allsides + reuters:
        print(r["source"], r["id"], r.get("title", "")[:70])


if __name__ == "__main__":
    main()
