#!/usr/bin/env python3
"""Precision and recall of (quotation, speaker) pairs against the hand-labelled
gold set tests/data/quotes_gold.jsonl.

The gold set: 16 articles picked by scripts/sample_quote_articles.py (seed 15;
the two seeds, 9 AllSides, 5 Reuters), every quotation in them labelled by
reading the article before any extractor existed. What counts as a quotation:
the words between double quotation marks (straight or typographic; single
quotes are nested quotations or headline style and are not labelled) that
someone said or wrote, of two words or more; titles of works, labels and scare
quotes the writer uses on their own ("clean" bill, "Person A") are not
quotations. A quotation split by its attribution ("...," she said. "...") is two.
The speaker is the canonical person, an organisation or outlet by name, or
null for an unnamed source ("a spokeswoman", "one source") or a statement
nobody in the article is named for.

A predicted quotation matches a gold one of the same article when their words
(lower case, letters and digits) are the same sequence with at most 20%
differing (difflib ratio >= 0.8); one to one, best first. A pair is right
when the quotation matches and the speakers agree (the same name ignoring case,
spaces and punctuation, or an alias the gold lists, or both null).

A held-out set, tests/data/quotes_heldout.jsonl (72 quotations in 9 articles,
seed 16), was labelled the same way after the extractor was tuned on the first
set and before its output on them was seen: its figures are the honest ones.

    python3 scripts/measure_quotes.py [--gold FILE] [--bin target/release/communique] [--json] [--show]
"""
import argparse
import difflib
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
SHARED = os.path.join(ROOT, "..", "shared")
GOLD = os.path.join(ROOT, "tests", "data", "quotes_gold.jsonl")
SOURCES = {
    "allsides": os.path.join(SHARED, "corpora", "article-bias-prediction", "data.jsonl.gz"),
    "reuters": os.path.join(SHARED, "corpora", "reuters21578", "data.jsonl.gz"),
}


def words(text):
    return re.findall(r"[0-9a-z]+", text.lower())


def key(name):
    """A name ignoring case, punctuation, spaces and a leading "The"."""
    name = re.sub(r"^the\s+", "", (name or "").strip().lower())
    return re.sub(r"[\W_]", "", name)


def load_gold(path=GOLD):
    gold = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                gold.append(json.loads(line))
    return gold


def corpus_folder(gold, folder):
    """The gold articles, as the corpus gives them, in one folder."""
    wanted = {}
    for g in gold:
        wanted.setdefault(g["source"], set()).add(g["id"])
    for name in wanted.get("seeds", ()):
        shutil.copy(os.path.join(ROOT, "corpus", name), folder)
    shutil.copy(os.path.join(ROOT, "corpus", "metadata.jsonl"), folder)
    with open(os.path.join(folder, "records.jsonl"), "w", encoding="utf-8") as out:
        for source, path in SOURCES.items():
            ids = wanted.get(source, set())
            if not ids:
                continue
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    rec = json.loads(line)
                    if rec.get("id") in ids:
                        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def extract(binary, folder):
    out = subprocess.run([binary, "extract", "--json", folder], capture_output=True, text=True, check=True)
    return {a["id"]: a for a in map(json.loads, out.stdout.splitlines())}


def speaker_ok(pred, gold):
    names = [gold.get("speaker")] + gold.get("speaker_aliases", [])
    if gold.get("speaker") is None:
        return pred.get("speaker") is None
    return key(pred.get("speaker")) in {key(n) for n in names if n}


def measure(gold, articles):
    by_article = {}
    for g in gold:
        by_article.setdefault(g["id"], []).append(g)
    tp_pairs = tp_quotes = predicted = 0
    misses, wrong, extra = [], [], []
    for aid, golds in by_article.items():
        preds = (articles.get(aid) or {}).get("quotes", [])
        predicted += len(preds)
        scored = []
        for i, p in enumerate(preds):
            for j, g in enumerate(golds):
                r = difflib.SequenceMatcher(None, words(p["text"]), words(g["text"]), autojunk=False).ratio()
                if r >= 0.8:
                    scored.append((r, i, j))
        used_p, used_g = set(), set()
        for r, i, j in sorted(scored, reverse=True):
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            tp_quotes += 1
            if speaker_ok(preds[i], golds[j]):
                tp_pairs += 1
            else:
                wrong.append((aid, golds[j], preds[i]))
        misses += [(aid, g) for j, g in enumerate(golds) if j not in used_g]
        extra += [(aid, p) for i, p in enumerate(preds) if i not in used_p]
    n = len(gold)
    return {
        "gold": n,
        "predicted": predicted,
        "pair_precision": tp_pairs / predicted if predicted else 0.0,
        "pair_recall": tp_pairs / n if n else 0.0,
        "quote_precision": tp_quotes / predicted if predicted else 0.0,
        "quote_recall": tp_quotes / n if n else 0.0,
        "articles": len(by_article),
    }, misses, wrong, extra


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "communique"))
    ap.add_argument("--gold", default=GOLD, help="labels (default tests/data/quotes_gold.jsonl; the held-out set is tests/data/quotes_heldout.jsonl)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", action="store_true", help="list misses, wrong speakers and extra quotations")
    args = ap.parse_args()
    gold = load_gold(args.gold)
    with tempfile.TemporaryDirectory() as folder:
        corpus_folder(gold, folder)
        articles = extract(args.bin, folder)
    result, misses, wrong, extra = measure(gold, articles)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['gold']} gold quotations in {result['articles']} articles, {result['predicted']} extracted\n"
            f"(quotation, speaker) pairs: precision {result['pair_precision']:.3f}, recall {result['pair_recall']:.3f}\n"
            f"quotations alone:           precision {result['quote_precision']:.3f}, recall {result['quote_recall']:.3f}"
        )
    if args.show:
        for aid, g in misses:
            print(f"MISSED  {aid}: {g['text'][:70]!r} ({g['speaker']})", file=sys.stderr)
        for aid, g, p in wrong:
            print(f"WRONG   {aid}: {g['text'][:60]!r} gold {g['speaker']} got {p.get('speaker')} ({p.get('speaker_kind')})", file=sys.stderr)
        for aid, p in extra:
            print(f"EXTRA   {aid}: {p['text'][:70]!r} ({p.get('speaker')})", file=sys.stderr)


if __name__ == "__main__":
    main()
