#!/usr/bin/env python3
"""Precision and recall of near-duplicate (wire-copy) links, and their cost.

Builds a test set from the article-bias-prediction corpus: a seeded sample of
source articles, 1-3 altered copies of each (new headline, a paragraph dropped
or added, boilerplate lines, another outlet's name, the last paragraph
trimmed, other typography, in combinations), mixed with distinct articles of
the same AllSides topic as hard negatives. Gold: a source and its copies are
one group; everything else is alone. Articles of the sample that are already
near-duplicates of each other in the corpus are left out, so the gold is
clean.

The set is written as JSON Lines (id, title, body, outlet) into a temporary
folder and scored against a predictor:

  --cmd "PROGRAM {file} --threshold {threshold}"
      runs PROGRAM, which reads that file and prints one JSON line per record,
      {"id": ..., "group": ...} (records with the same group are linked); a
      line {"stats": {...}} is reported as is (fingerprinting time). With
      --thresholds and "{threshold}" in the command it runs once per value.
  --oracle
      groups by the exact Jaccard similarity of 4-word shingle sets computed
      here (the ceiling a perfect MinHash could reach), at each threshold.

Scores are pairwise: precision and recall of the relation "same group".

  python3 scripts/eval_duplicates.py --cmd "target/release/examples/dupgroups {file} --threshold {threshold}" \\
      --thresholds 0.2,0.3,0.4,0.5,0.6 --oracle
  python3 scripts/eval_duplicates.py --cmd "..." --bench-full   # also time the whole corpus

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import shlex
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

DEFAULT_CORPUS = "/work/shared/corpora/article-bias-prediction/data.jsonl.gz"

BOILERPLATE_TOP = [
    "Advertisement",
    "Media playback is unsupported on your device",
    "Listen to this article",
    "This article is more than 2 years old",
    "Breaking News",
    "Story continues below advertisement",
]
BOILERPLATE_BOTTOM = [
    "Advertisement",
    "Sign up for our newsletter",
    "Follow us on Twitter",
    "Click here to get the latest headlines delivered to your inbox.",
    "Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Reporting by staff; Editing by the desk",
    "Share this article on Facebook",
    "Read more: Top stories of the day",
    "Our Standards: The Thomson Reuters Trust Principles.",
]
OUTLETS = [
    "Associated Press", "Reuters", "CNN", "Fox News", "NPR", "BBC News", "USA TODAY",
    "The Hill", "Washington Times", "Politico", "ABC News", "CBS News", "Bloomberg",
    "Al Jazeera", "Newsmax", "The Guardian", "Yahoo News", "MSN",
]
OUTLET_MENTION = re.compile(
    r"\b(?:Associated Press|Reuters|CNN|Fox News|NPR|BBC|Bloomberg|Politico|Breitbart News|AP)\b"
)
HEADLINE_TEMPLATES = [
    "{t}",
    "UPDATE 2-{t}",
    "{t} | {o}",
    "WATCH: {t}",
    "{t}, officials say",
    "Breaking: {t}",
    "{o} - {t}",
]

WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-cased runs of letters and digits, as the Rust fingerprint sees them."""
    return WORD.findall(text.lower())


def shingles(text: str, k: int) -> set:
    w = words(text)
    if len(w) < k:
        return {tuple(w)} if w else set()
    return {tuple(w[i : i + k]) for i in range(len(w) - k + 1)}


def jaccard(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similar_pairs(sets: dict[str, set], min_j: float, max_df: int = 60) -> dict[tuple, float]:
    """Pairs of ids (a < b) whose shingle sets have exact Jaccard >= min_j.
    Candidates come from an inverted index that skips shingles found in more
    than max_df documents (shared furniture); a pair is checked when its rare
    shared shingles alone make up min_j of the smaller set."""
    index = defaultdict(list)
    for i, s in sets.items():
        for sh in s:
            index[sh].append(i)
    shared = Counter()
    for ids in index.values():
        if 1 < len(ids) <= max_df:
            shared.update(combinations(sorted(ids), 2))
    out = {}
    for (a, b), n in shared.items():
        if n >= min_j * min(len(sets[a]), len(sets[b])):
            j = jaccard(sets[a], sets[b])
            if j >= min_j:
                out[(a, b)] = j
    return out


def load_corpus(path: str) -> list[dict]:
    keep = ("id", "outlet", "title", "body", "topic")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [{k: r.get(k) for k in keep} for r in map(json.loads, f)]


def paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n\n") if p.strip()]


def wc(text: str) -> int:
    return len(words(text))


def alter(src: dict, rng: random.Random, donors: list[dict], max_cut: float, max_add: float) -> tuple[dict, list[str]]:
    """One altered copy of src, and the names of the alterations applied."""
    paras = paragraphs(src["body"])
    total = sum(wc(p) for p in paras)
    new_outlet = rng.choice([o for o in OUTLETS if o != src["outlet"]])
    applied = ["headline"]
    title = rng.choice(HEADLINE_TEMPLATES[1:]).format(t=src["title"], o=new_outlet)
    # Pick 2-4 body alterations; one that would cut more than max_cut of the
    # text (a third by default), or add more than max_add (a quarter), is
    # skipped: past that the copy is another article quoting the source.
    kinds = ["drop", "add", "boiler_top", "boiler_bottom", "outlet", "trim", "typography"]
    chosen = rng.sample(kinds, rng.randint(2, 4))
    removed = 0
    if "drop" in chosen and len(paras) >= 3:
        i = rng.randrange(1, len(paras))
        if removed + wc(paras[i]) <= total * max_cut:
            removed += wc(paras.pop(i))
            applied.append("drop")
    if "trim" in chosen and len(paras) >= 3:
        if removed + wc(paras[-1]) <= total * max_cut:
            removed += wc(paras.pop())
            applied.append("trim")
    if "add" in chosen:
        donor = rng.choice(donors)
        fits = [p for p in paragraphs(donor["body"]) if 15 <= wc(p) <= total * max_add]
        if fits:
            paras.insert(rng.randrange(1, len(paras) + 1), rng.choice(fits))
            applied.append("add")
    if "outlet" in chosen:
        short = {"Associated Press": "AP", "BBC News": "BBC"}.get(new_outlet, new_outlet)
        paras = [OUTLET_MENTION.sub(short, p) for p in paras]
        if rng.random() < 0.5:
            paras.insert(0, f"By {new_outlet} staff")
        applied.append("outlet")
    if "typography" in chosen:
        if any("\u2019" in p or "\u201c" in p for p in paras):
            table = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-"})
        else:
            table = str.maketrans({"'": "\u2019", '"': "\u201d"})
        paras = [p.translate(table).replace(" -- ", " \u2014 ") for p in paras]
        applied.append("typography")
    if "boiler_top" in chosen:
        paras[0:0] = rng.sample(BOILERPLATE_TOP, rng.randint(1, 2))
        applied.append("boiler_top")
    if "boiler_bottom" in chosen:
        paras += rng.sample(BOILERPLATE_BOTTOM, rng.randint(1, 3))
        applied.append("boiler_bottom")
    return {"title": title, "body": "\n\n".join(paras), "outlet": new_outlet}, applied


def build(args) -> tuple[list[dict], dict[str, str], dict]:
    rng = random.Random(args.seed)
    corpus = load_corpus(args.corpus)
    eligible = [
        r for r in corpus
        if r["body"] and len(r["body"].split()) >= args.min_words and len(paragraphs(r["body"])) >= 3
    ]
    rng.shuffle(eligible)
    by_topic = defaultdict(list)
    for r in eligible:
        by_topic[r["topic"]].append(r)
    # Sources first, then for each two distinct articles of its topic.
    sources = eligible[: args.sources]
    taken = {r["id"] for r in sources}
    negatives = []
    per_source = max(1, args.negatives // max(1, len(sources)))
    for s in sources:
        pool = [r for r in by_topic[s["topic"]] if r["id"] not in taken]
        for r in rng.sample(pool, min(per_source, len(pool))):
            taken.add(r["id"])
            negatives.append(r)
    donors = [r for r in eligible if r["id"] not in taken][:2000]

    # Clean gold: drop sampled articles that are near-duplicates of another
    # sampled article already in the corpus (exact 4-shingle Jaccard >= 0.2).
    originals = sources + negatives
    sets = {r["id"]: shingles(r["body"], args.shingle) for r in originals}
    natural = similar_pairs(sets, 0.2)
    drop = set()
    for a, b in sorted(natural):
        if a not in drop and b not in drop:
            drop.add(b if b not in {s["id"] for s in sources} else a)
    sources = [r for r in sources if r["id"] not in drop]
    negatives = [r for r in negatives if r["id"] not in drop]

    records, gold, meta = [], {}, {}
    for s in sources:
        gid = s["id"]
        records.append({"id": s["id"], "title": s["title"], "body": s["body"], "outlet": s["outlet"]})
        gold[s["id"]] = gid
        meta[s["id"]] = {"role": "source", "source": gid, "alterations": []}
        for c in range(rng.randint(1, 3)):
            copy, applied = alter(s, rng, donors, args.max_cut, args.max_add)
            cid = f"{s['id']}~copy{c + 1}"
            records.append({"id": cid, **copy})
            gold[cid] = gid
            meta[cid] = {"role": "copy", "source": gid, "alterations": applied}
    for r in negatives:
        records.append({"id": r["id"], "title": r["title"], "body": r["body"], "outlet": r["outlet"]})
        gold[r["id"]] = r["id"]
        meta[r["id"]] = {"role": "negative", "source": None, "alterations": []}
    rng.shuffle(records)
    info = {
        "sources": len(sources),
        "copies": sum(m["role"] == "copy" for m in meta.values()),
        "negatives": len(negatives),
        "dropped_as_natural_duplicates": len(drop),
    }
    return records, gold, meta, info


def pair_scores(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, int, int, int]:
    """Pairwise precision and recall of "same group", via the contingency table."""
    c2 = lambda n: n * (n - 1) // 2
    both = Counter((pred[i], gold[i]) for i in gold)
    tp = sum(c2(n) for n in both.values())
    pp = sum(c2(n) for n in Counter(pred[i] for i in gold).values())
    gp = sum(c2(n) for n in Counter(gold.values()).values())
    return (tp / pp if pp else 1.0), (tp / gp if gp else 1.0), tp, pp, gp


def union_find_groups(ids: list[str], links) -> dict[str, str]:
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in ids}


def run_cmd(cmd: str, file: Path, threshold: str | None) -> tuple[dict[str, str], dict | None]:
    line = cmd.replace("{file}", shlex.quote(str(file)))
    if threshold is not None:
        line = line.replace("{threshold}", threshold)
    out = subprocess.run(line, shell=True, check=True, capture_output=True, text=True).stdout
    pred, stats = {}, None
    for l in out.splitlines():
        if not l.strip():
            continue
        r = json.loads(l)
        if "stats" in r:
            stats = r["stats"]
        else:
            pred[str(r["id"])] = str(r["group"])
    return pred, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--sources", type=int, default=400)
    ap.add_argument("--negatives", type=int, default=800)
    ap.add_argument("--seed", type=int, default=20240917)
    ap.add_argument("--min-words", type=int, default=120, help="shortest source body, in words")
    ap.add_argument("--shingle", type=int, default=4, help="words per shingle for --oracle and the stats")
    ap.add_argument("--cmd", help='predictor command; "{file}" and "{threshold}" are substituted')
    ap.add_argument("--thresholds", default="", help="comma-separated thresholds to sweep with --cmd / --oracle")
    ap.add_argument("--oracle", action="store_true", help="also score exact-Jaccard grouping")
    ap.add_argument("--bench-full", action="store_true", help="also run --cmd on the whole corpus, for timing")
    ap.add_argument("--out", help="folder for the test set (default: a new temporary folder)")
    ap.add_argument("--errors", type=int, default=8, help="how many missed and wrong links to show")
    ap.add_argument("--at", help="threshold whose missed and wrong links are listed (default: the last run)")
    ap.add_argument("--max-cut", type=float, default=1 / 3,
                    help="largest share of a source's words a copy may lose (drop + trim)")
    ap.add_argument("--max-add", type=float, default=1 / 4,
                    help="largest foreign paragraph, as a share of the source's words")
    args = ap.parse_args()

    out_dir = Path(args.out or tempfile.mkdtemp(prefix="dupeval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    records, gold, meta, info = build(args)
    file = out_dir / "testset.jsonl"
    with open(file, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(out_dir / "gold.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({"id": r["id"], "group": gold[r["id"]], **meta[r["id"]]}) + "\n")
    mb = sum(len(r["body"].encode()) for r in records) / 1e6
    print(f"test set: {file} ({len(records)} records, {mb:.1f} MB): "
          + ", ".join(f"{k} {v}" for k, v in info.items()))
    gp = pair_scores(gold, gold)[4]
    print(f"gold duplicate pairs: {gp}")

    # How hard is the set? Exact Jaccard of gold pairs and of the closest non-pairs.
    sets = {r["id"]: shingles(r["body"], args.shingle) for r in records}
    sims = similar_pairs(sets, 0.05)
    pos = sorted(j for (a, b), j in sims.items() if gold[a] == gold[b])
    neg = sorted((j for (a, b), j in sims.items() if gold[a] != gold[b]), reverse=True)
    q = lambda xs, p: xs[min(len(xs) - 1, int(p * len(xs)))] if xs else float("nan")
    print(f"exact {args.shingle}-shingle Jaccard, duplicate pairs: min {pos[0]:.3f} p1 {q(pos, .01):.3f} "
          f"p5 {q(pos, .05):.3f} median {q(pos, .5):.3f} (pairs below 0.05: {gp - len(pos)})")
    print(f"exact Jaccard, non-duplicate pairs: max {neg[0] if neg else 0:.3f}, top 5 {[round(x, 3) for x in neg[:5]]}, "
          f"pairs >= 0.1: {sum(x >= 0.1 for x in neg)}")

    thresholds = [t.strip() for t in args.thresholds.split(",") if t.strip()]
    ids = [r["id"] for r in records]
    if args.oracle:
        print(f"\noracle (exact Jaccard, {args.shingle}-word shingles):")
        print("threshold  precision  recall")
        for t in thresholds or ["0.4"]:
            links = [p for p, j in sims.items() if j >= float(t)]
            p, r, *_ = pair_scores(union_find_groups(ids, links), gold)
            print(f"{t:>9}  {p:9.4f}  {r:6.4f}")

    if args.cmd:
        print(f"\npredictor: {args.cmd}")
        print("threshold  precision  recall  true/predicted/gold pairs  fingerprint ms/MB")
        runs = thresholds if thresholds and "{threshold}" in args.cmd else [None]
        shown = None
        for t in runs:
            pred, stats = run_cmd(args.cmd, file, t)
            missing = [i for i in ids if i not in pred]
            for i in missing:
                pred[i] = "__alone__" + i
            p, r, tp, pp, gp = pair_scores(pred, gold)
            ms = f"{stats['fingerprint_ms_per_mb']:.2f}" if stats and "fingerprint_ms_per_mb" in stats else "-"
            print(f"{t or 'default':>9}  {p:9.4f}  {r:6.4f}  {tp}/{pp}/{gp}  {ms}"
                  + (f"  ({len(missing)} ids missing from output)" if missing else ""))
            if shown is None or t == args.at or (args.at is None):
                shown = (t, pred, stats)
        t, pred, stats = shown
        members = defaultdict(list)
        for i in ids:
            members[gold[i]].append(i)
        fn = [(a, b) for m in members.values() for a, b in combinations(m, 2) if pred[a] != pred[b]]
        fp = [(a, b) for (a, b) in sims if gold[a] != gold[b] and pred[a] == pred[b]]
        words_of = {r["id"]: wc(r["body"]) for r in records}
        if fn:
            print(f"\nmissed links at {t or 'default'} ({len(fn)}), lowest exact Jaccard first:")
            fn.sort(key=lambda ab: sims.get(tuple(sorted(ab)), 0.0))
            for a, b in fn[: args.errors]:
                j = sims.get(tuple(sorted((a, b))), 0.0)
                print(f"  {a} | {b}  J={j:.3f}  {meta[a]['alterations']} / {meta[b]['alterations']}"
                      f"  words {words_of[a]}/{words_of[b]}")
        if fp:
            print(f"\nwrong links at {t or 'default'} among pairs with exact Jaccard >= 0.05 ({len(fp)}):")
            for a, b in sorted(fp, key=lambda ab: -sims[ab])[: args.errors]:
                print(f"  {a} | {b}  J={sims[(a, b)]:.3f}")
        if stats:
            print(f"\npredictor stats (test set): {json.dumps(stats)}")

        if args.bench_full:
            full = out_dir / "full.jsonl"
            with open(full, "w", encoding="utf-8") as f:
                for r in load_corpus(args.corpus):
                    f.write(json.dumps({"id": r["id"], "body": r["body"] or ""}, ensure_ascii=False) + "\n")
            pred, stats = run_cmd(args.cmd, full, args.at or (thresholds[-1] if thresholds else None))
            linked = sum(1 for i, g in pred.items() if i != g)
            print(f"whole corpus: {json.dumps(stats)}; records linked to another: {linked}")
    print(f"\nfiles: {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
