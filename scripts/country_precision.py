#!/usr/bin/env python3
"""`country:NAME` precision across languages, checked by hand.

Draws a seeded sample of (blurb, country) pairs that `country:NAME` returns
on itn-multilingual (blurbs not in English, no language given), for the 12
countries of measure_multilingual.py, and writes them to a TSV with an empty
`label` column; a person fills it: `y` when the blurb names the country, a
place in it or its people (what the countries facet promises), `n` when it
does not. --score reads the labels back and prints the precision.

Usage: python3 scripts/country_precision.py sample --binary target/release/communique
       python3 scripts/country_precision.py score
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

from measure_common import ITN_CORPUS, load_itn as load, write_itn_corpus

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = ITN_CORPUS
LABELS = os.path.join(HERE, "..", "tests", "data", "country_precision_labels.tsv")
COUNTRIES = ["Brazil", "China", "Russia", "United States", "Japan", "France", "Germany", "Iran",
             "India", "Ukraine", "North Korea", "Turkey"]
SEED = 17
SIZE = 50


def sample(binary):
    recs = load(CORPUS)
    by_id = {r["id"]: r for r in recs}
    tmp = tempfile.mkdtemp()
    corpus = write_itn_corpus(recs, os.path.join(tmp, "corpus"))
    index = os.path.join(tmp, "index")
    subprocess.run([binary, "index", corpus, "--index", index, "--rebuild"],
                   capture_output=True, check=True)
    pairs = []
    for country in COUNTRIES:
        out = subprocess.run([binary, "search", f'country:"{country}"', "--index", index, "--json",
                              "--limit", "5000", "--no-collapse", "--fragments", "0"],
                             capture_output=True, text=True).stdout
        for hit in json.loads(out)["hits"]:
            r = by_id.get(hit["id"])
            if r and r["lang"] != "en":
                pairs.append((hit["id"], country))
    pairs.sort()
    chosen = random.Random(SEED).sample(pairs, min(SIZE, len(pairs)))
    with open(LABELS, "w", encoding="utf-8") as f:
        f.write(f"# {len(chosen)} of {len(pairs)} (blurb, country) pairs country:NAME returns on "
                f"non-English itn blurbs, seed {SEED}; label y/n by hand (see "
                "scripts/country_precision.py), note: why\n")
        f.write("id\tcountry\tlang\tlabel\tnote\ttext\n")
        for id_, country in chosen:
            r = by_id[id_]
            text = " ".join((r["title"] + " | " + r["body"]).split())
            f.write(f"{id_}\t{country}\t{r['lang']}\t\t\t{text}\n")
    print(f"wrote {len(chosen)} of {len(pairs)} pairs to {LABELS}")


def score():
    yes = no = blank = 0
    wrong = []
    with open(LABELS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("id\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            label = cols[3].strip().lower()
            if label == "y":
                yes += 1
            elif label == "n":
                no += 1
                wrong.append(f"  {cols[0]} {cols[1]}: {cols[4]}")
            else:
                blank += 1
    n = yes + no
    print(f"country: precision by hand: {yes}/{n} = {yes / max(n, 1):.2f}"
          + (f" ({blank} unlabelled)" if blank else ""))
    print("\n".join(wrong))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["sample", "score"])
    ap.add_argument("--binary", default="target/release/communique")
    a = ap.parse_args()
    if a.command == "sample":
        sample(a.binary)
    else:
        score()


if __name__ == "__main__":
    sys.exit(main())
