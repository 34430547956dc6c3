#!/usr/bin/env python3
"""Known-item search per language on itn-multilingual: each blurb's title,
raw and verbatim, as the query; MRR@10 of the blurb itself, per language.

Each binary builds its own index of the same corpus (an older binary has an
older index schema) from the blurbs without their `lang`, `links` and `html`
fields. Blurbs repeated with the same body are kept once, as the index keeps
them. Many blurbs of one subject share a title (the corpus's keyword for the
subject), so the blurb itself competes with its near twins: the second
figure counts a hit on any blurb of the same subject and language as found.

Usage: python3 scripts/known_item_mrr.py [LABEL=]BINARY [[LABEL=]BINARY...]
       (e.g. before=/work/before/communique after=target/release/communique)
"""
import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import tempfile

from measure_common import ITN_CORPUS, load_itn as load, write_itn_corpus

CORPUS = ITN_CORPUS
MIN_BLURBS = 80  # languages shown: as the detection figure
K = 10


def ranked_ids(binary, index, query):
    p = subprocess.run([binary, "search", query, "--index", index, "--json", "--limit", str(K),
                        "--no-collapse", "--fragments", "0", "--facet-limit", "0"],
                       capture_output=True, text=True)
    try:
        return [h["id"] for h in json.loads(p.stdout)["hits"]]
    except (ValueError, KeyError):
        return []


def measure(binary, recs, corpus, tmp):
    index = os.path.join(tmp, "index-" + str(abs(hash(binary))))
    subprocess.run([binary, "index", corpus, "--index", index, "--rebuild"],
                   capture_output=True, check=True)
    subject = {r["id"]: (r["event"], r["lang"]) for r in recs}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda r: ranked_ids(binary, index, r["title"]), recs))
    strict, lenient = collections.defaultdict(list), collections.defaultdict(list)
    for r, ids in zip(recs, results):
        rank = next((i + 1 for i, h in enumerate(ids) if h == r["id"]), None)
        strict[r["lang"]].append(1 / rank if rank else 0.0)
        twin = next((i + 1 for i, h in enumerate(ids)
                     if subject.get(h) == (r["event"], r["lang"])), None)
        lenient[r["lang"]].append(1 / twin if twin else 0.0)
    return strict, lenient


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binaries", nargs="+")
    ap.add_argument("--corpus", default=CORPUS)
    a = ap.parse_args()
    recs = [r for r in load(a.corpus) if r["title"].strip()]
    tmp = tempfile.mkdtemp()
    corpus = write_itn_corpus(recs, os.path.join(tmp, "corpus"))
    counts = collections.Counter(r["lang"] for r in recs)
    langs = sorted(l for l, n in counts.items() if n >= MIN_BLURBS)
    labelled = [b.split("=", 1) if "=" in b else (b, b) for b in a.binaries]
    figures = [measure(b, recs, corpus, tmp) for _, b in labelled]
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0
    print(f"MRR@{K}, title as the query: the blurb itself / any blurb of its subject and language")
    print("lang  blurbs  " + "  ".join(f"{label:>17}" for label, _ in labelled))
    for lang in langs + ["all"]:
        row = f"{lang:<5} {counts[lang] if lang != 'all' else len(recs):>6}  "
        cells = []
        for strict, lenient in figures:
            if lang == "all":
                s = mean([x for v in strict.values() for x in v])
                l = mean([x for v in lenient.values() for x in v])
            else:
                s, l = mean(strict[lang]), mean(lenient[lang])
            cells.append(f"{s:.3f} / {l:.3f}".rjust(17))
        print(row + "  ".join(cells))


if __name__ == "__main__":
    main()
