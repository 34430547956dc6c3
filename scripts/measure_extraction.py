#!/usr/bin/env python3
"""Measure communique's people and country extraction against Reuters-21578.

The collection (/work/shared/corpora/reuters21578/data.jsonl.gz, 19,043
articles from 1987) carries hand-made PEOPLE and PLACES annotations. This
script strips those annotations (people, places, orgs, topics) from a slice
of the collection, writes the stripped slice to a temporary JSON Lines file,
runs `communique extract --json FILE` on it and compares what comes back with
the gold annotations:

* people recall: a gold person (a slug such as `james-baker`) counts as found
  when one of the article's extracted canonical names ends with the gold
  surname (the slug's last token) and contains the slug's other tokens.
  Names are compared lower-cased, accents folded, with hyphens and other
  punctuation inside names treated as token breaks ("Leigh-Pemberton" is
  `leigh pemberton`), so `james-baker` is found by "James Baker" or
  "James A. Baker".
* country recall and precision: gold `places` slugs are mapped to canonical
  countries with tests/data/reuters_places_map.tsv (`slug<TAB>country`) and
  compared, as sets per article, with the extracted `countries`. A slug
  missing from the map is counted as unmappable, reported, and left out.

Both figures are given twice: for the salient set (`people` and `countries`,
what facets count) and for the mentioned set (every person and country in
`mentions`, what `person:` and `country:` filters match). The gold lists
what an article is about, so the mentioned set trades precision for recall.

Each figure is computed only over the articles that carry gold annotations
of its kind: people recall over the articles with at least one gold person,
country recall and precision over the articles with at least one gold place
(a mappable one). Articles without gold of a kind are not scored for it, so
their extractions cost no precision.

Usage:
    python3 scripts/measure_extraction.py [--binary target/release/communique]
        [--limit N] [--offset N] [--json] [--errors FILE]

--offset/--limit select records of the collection by position (before any
filtering). --errors writes a TSV of misses and false positives (article id,
kind, gold, extracted) for analysis. Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578" / "data.jsonl.gz"
PLACES_MAP = ROOT / "tests" / "data" / "reuters_places_map.tsv"
GOLD_FIELDS = ("people", "places", "orgs", "topics")


def name_tokens(name: str) -> list[str]:
    """Lower-case, accent-folded tokens; hyphens and punctuation break tokens."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    cleaned = "".join(c if c.isalnum() else " " for c in folded.replace("'", "").replace("’", ""))
    return cleaned.split()


def person_found(slug: str, extracted: list[list[str]]) -> bool:
    gold = slug.split("-")
    surname, others = gold[-1], gold[:-1]
    for tokens in extracted:
        if tokens and tokens[-1] == surname and all(o in tokens[:-1] for o in others):
            return True
    return False


def load_places_map(path: Path) -> dict[str, str]:
    mapping = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[1].strip():
                mapping[cols[0].strip()] = cols[1].strip()
    return mapping


def read_slice(corpus: Path, offset: int, limit: int | None) -> list[dict]:
    records = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < offset:
                continue
            if limit is not None and len(records) >= limit:
                break
            records.append(json.loads(line))
    return records


def run_extract(binary: Path, records: list[dict]) -> tuple[dict[str, dict], float]:
    with tempfile.TemporaryDirectory(prefix="measure-extraction-") as tmp:
        path = Path(tmp) / "slice.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for r in records:
                stripped = {k: v for k, v in r.items() if k not in GOLD_FIELDS}
                out.write(json.dumps(stripped, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        proc = subprocess.run(
            [str(binary), "extract", "--json", str(path)],
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"extract failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    results = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            obj = json.loads(line)
            results[obj["id"]] = obj
    return results, elapsed


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "communique")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--errors", type=Path, help="write misses and false positives to this TSV")
    args = ap.parse_args()

    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    if not args.binary.exists():
        sys.exit(f"binary not found: {args.binary} (build with cargo build --release, or pass --binary)")
    places_map = load_places_map(PLACES_MAP)
    records = read_slice(args.corpus, args.offset, args.limit)
    results, elapsed = run_extract(args.binary, records)

    people_gold = people_found = people_articles = 0
    c_gold = c_extracted = c_correct = c_articles = 0
    named_people_found = named_c_extracted = named_c_correct = 0
    unmappable: dict[str, int] = {}
    missing_output = 0
    errors: list[tuple[str, str, str, str]] = []
    for r in records:
        out = results.get(r["id"])
        if out is None:
            missing_output += 1
            out = {"people": [], "countries": [], "mentions": []}
        mentions = out.get("mentions", [])
        named_people = [name_tokens(m["name"]) for m in mentions if m["kind"] == "person"]
        named_countries = {m["name"] for m in mentions if m["kind"] == "country"}
        if r["people"]:
            people_articles += 1
            extracted = [name_tokens(p) for p in out["people"]]
            for slug in r["people"]:
                people_gold += 1
                if person_found(slug, named_people):
                    named_people_found += 1
                if person_found(slug, extracted):
                    people_found += 1
                else:
                    errors.append((r["id"], "person_miss", slug, "|".join(out["people"])))
        gold_countries = set()
        for slug in r["places"]:
            if slug in places_map:
                gold_countries.add(places_map[slug])
            else:
                unmappable[slug] = unmappable.get(slug, 0) + 1
        if gold_countries:
            c_articles += 1
            got = set(out["countries"])
            c_gold += len(gold_countries)
            c_extracted += len(got)
            c_correct += len(gold_countries & got)
            named_c_extracted += len(named_countries)
            named_c_correct += len(gold_countries & named_countries)
            shown = "|".join(out["countries"])
            for c in sorted(gold_countries - got):
                errors.append((r["id"], "country_miss", c, shown))
            for c in sorted(got - gold_countries):
                errors.append((r["id"], "country_fp", "|".join(sorted(gold_countries)), c))

    figures = {
        "articles": len(records),
        "seconds": round(elapsed, 3),
        "articles_per_second": round(ratio(len(records), elapsed), 1),
        "people_articles": people_articles,
        "people_gold": people_gold,
        "people_found": people_found,
        "people_recall": round(ratio(people_found, people_gold), 4),
        "country_articles": c_articles,
        "country_gold": c_gold,
        "country_extracted": c_extracted,
        "country_correct": c_correct,
        "country_recall": round(ratio(c_correct, c_gold), 4),
        "country_precision": round(ratio(c_correct, c_extracted), 4),
        "mentioned_people_recall": round(ratio(named_people_found, people_gold), 4),
        "mentioned_country_recall": round(ratio(named_c_correct, c_gold), 4),
        "mentioned_country_precision": round(ratio(named_c_correct, named_c_extracted), 4),
        "unmappable_slugs": unmappable,
        "articles_missing_from_output": missing_output,
    }
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as f:
            f.write("id\tkind\tgold\textracted\n")
            for row in errors:
                f.write("\t".join(x.replace("\t", " ") for x in row) + "\n")
    if args.json:
        print(json.dumps(figures))
        return
    print(f"articles            {len(records)} in {elapsed:.1f} s "
          f"({figures['articles_per_second']} articles/s, whole extract command)")
    print(f"people recall       {figures['people_recall']:.4f}  "
          f"({people_found}/{people_gold} gold people in {people_articles} articles)")
    print(f"country recall      {figures['country_recall']:.4f}  "
          f"({c_correct}/{c_gold} gold countries in {c_articles} articles)")
    print(f"country precision   {figures['country_precision']:.4f}  "
          f"({c_correct}/{c_extracted} extracted countries)")
    print(f"mentioned set       people recall {figures['mentioned_people_recall']:.4f}, "
          f"country recall {figures['mentioned_country_recall']:.4f}, "
          f"country precision {figures['mentioned_country_precision']:.4f} "
          f"({named_c_correct}/{named_c_extracted})")
    if unmappable:
        print("unmappable slugs    " + ", ".join(f"{s} ({n})" for s, n in sorted(unmappable.items())))
    if missing_output:
        print(f"WARNING: {missing_output} articles missing from extract output")


if __name__ == "__main__":
    main()
