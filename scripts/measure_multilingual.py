#!/usr/bin/env python3
"""Multilingual figures on itn-multilingual (raw input, no language given).

1. Language detection: `communique extract --json` on the blurbs without their
   `lang` field; accuracy per language with >= 80 blurbs, and over them all.
2. Names found by a quoted search: for Chinese, Thai, Russian, Arabic, Korean
   and Persian, the 30 most linked names (the record's `links`) per language;
   for each, the indexed blurbs of that language whose text holds the name;
   the share of those that `communique search '"NAME"'` returns.
3. `country:NAME` across scripts: for 12 countries, the blurbs in ru, zh, ar,
   ko, fa, uk, th, fr, pt whose text holds the country's CLDR name in that
   language (Cyrillic: the name less its last letter, for case endings); the
   share `country:NAME` returns.

Blurbs repeated with the same body are kept once (as the index keeps them).
Usage: python3 scripts/measure_multilingual.py --binary target/release/communique
"""
import argparse
import collections
import json
import os
import subprocess
import tempfile

from measure_common import ITN_CORPUS, load_itn as load, write_itn_corpus

from babel import Locale

CORPUS = ITN_CORPUS
NAME_LANGS = ["zh", "th", "ru", "ar", "ko", "fa"]
COUNTRY_LANGS = ["ru", "zh", "ar", "ko", "fa", "uk", "th", "fr", "pt"]
COUNTRIES = {"Brazil": "BR", "China": "CN", "Russia": "RU", "United States": "US", "Japan": "JP",
             "France": "FR", "Germany": "DE", "Iran": "IR", "India": "IN", "Ukraine": "UA",
             "North Korea": "KP", "Turkey": "TR"}


def run(binary, *args):
    p = subprocess.run([binary, *args], capture_output=True, text=True)
    return p.stdout


def search_ids(binary, index, query):
    out = run(binary, "search", query, "--index", index, "--json", "--limit", "5000",
              "--no-collapse", "--fragments", "0")
    try:
        return {h["id"] for h in json.loads(out)["hits"]}
    except (ValueError, KeyError):
        return set()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/release/communique")
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--misses", action="store_true",
                    help="print each quoted name with the blurbs holding it that its search missed")
    a = ap.parse_args()
    recs = load(a.corpus)
    tmp = tempfile.mkdtemp()
    # No lang, links or html: the program sees the text only.
    corpus = write_itn_corpus(recs, os.path.join(tmp, "corpus"))
    index = os.path.join(tmp, "index")
    run(a.binary, "index", corpus, "--index", index, "--rebuild")

    # 1. detection
    got = {}
    for line in run(a.binary, "extract", corpus, "--json").splitlines():
        try:
            o = json.loads(line)
        except ValueError:
            continue
        got[o["id"]] = o.get("language")
    per = collections.defaultdict(lambda: [0, 0])
    for r in recs:
        per[r["lang"]][1] += 1
        per[r["lang"]][0] += got.get(r["id"]) == r["lang"]
    big = sorted(l for l, (_, n) in per.items() if n >= 80)
    ok = sum(per[l][0] for l in big)
    n = sum(per[l][1] for l in big)
    print(f"language detection, {len(big)} languages with >= 80 blurbs: {ok}/{n} = {ok / n:.3f}")
    print("  " + " ".join(f"{l}:{per[l][0] / per[l][1]:.2f}" for l in big))

    # 2. quoted names
    print("quoted name search: share of blurbs holding the name that it returns (30 most linked names)")
    for lang in NAME_LANGS:
        mine = [r for r in recs if r["lang"] == lang]
        links = collections.Counter(l for r in mine for l in sorted(set(r.get("links") or [])))
        found = total = 0
        for name, _ in links.most_common(30):
            holding = {r["id"] for r in mine if name in r["title"] + "\n" + r["body"]}
            if not holding:
                continue
            hits = search_ids(a.binary, index, '"' + name.replace('"', " ") + '"')
            found += len(holding & hits)
            total += len(holding)
            if a.misses and holding - hits:
                print(f"    miss {name!r}: {len(holding - hits)}/{len(holding)}")
                for r in mine:
                    if r["id"] in holding - hits:
                        print("      " + " ".join((r["title"] + " | " + r["body"]).split())[:300])
        print(f"  {lang}: {found}/{total} = {found / max(total, 1):.2f}")

    # 3. country: across scripts
    print("country:NAME recall over blurbs naming it in " + ", ".join(COUNTRY_LANGS))
    all_found = all_total = 0
    for country, code in COUNTRIES.items():
        hits = search_ids(a.binary, index, f'country:"{country}"')
        found = total = 0
        for lang in COUNTRY_LANGS:
            local = Locale.parse(lang).territories[code]
            key = local[:-1] if lang in ("ru", "uk") and len(local) > 4 else local
            for r in recs:
                if r["lang"] == lang and key in r["title"] + "\n" + r["body"]:
                    total += 1
                    found += r["id"] in hits
        all_found += found
        all_total += total
        print(f"  {country}: {found}/{total} = {found / max(total, 1):.2f}")
    print(f"  all: {all_found}/{all_total} = {all_found / max(all_total, 1):.2f}")


if __name__ == "__main__":
    main()
