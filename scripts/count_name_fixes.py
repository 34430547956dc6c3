#!/usr/bin/env python3
"""Count how often each "names people can trust" fix fires on AllSides.

Runs `communique extract --json` with two binaries (before and after the
change) over the whole AllSides corpus (article-bias-prediction, 30,348
articles) and compares them article by article:

* titles repaired from double-encoded UTF-8, titles with a scraped site
  tail removed, bodies repaired, bodies whose first line (the title again)
  was removed;
* people: names that lost a stuck title ("Senators X") or a suffix
  ("X Jr."), names dropped as outlets or groups ("Le Monde", "Al Qaeda");
* authors: lists shortened (widgets, labels);
* countries: articles where a country is named but not salient (found by a
  `country:` filter, not counted by the facet), and offices resolved.

Usage: python3 scripts/count_name_fixes.py --before OLD_BINARY [--after NEW_BINARY]
       [--examples N]
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "article-bias-prediction" / "data.jsonl.gz"


def extract(binary: Path, path: Path) -> dict[str, dict]:
    out = subprocess.run([str(binary), "extract", "--json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return {d["id"]: d for d in map(json.loads, filter(None, out.splitlines()))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", type=Path, required=True)
    ap.add_argument("--after", type=Path, default=ROOT / "target" / "release" / "communique")
    ap.add_argument("--examples", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="name-fixes-") as tmp:
        path = Path(tmp) / "allsides.jsonl"
        with gzip.open(CORPUS, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
            dst.write(src.read())
        before, after = extract(args.before, path), extract(args.after, path)

    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}

    def fired(kind: str, example: str) -> None:
        counts[kind] += 1
        examples.setdefault(kind, [])
        if len(examples[kind]) < args.examples:
            examples[kind].append(example)

    for id_, new in after.items():
        old = before.get(id_)
        if old is None:
            continue
        if old["title"] != new["title"]:
            if any(c in old["title"] for c in "ÃÂâ") and len(new["title"]) < len(old["title"]):
                fired("title: double encoding repaired", f"{old['title']!r} -> {new['title']!r}")
            if old["title"].startswith(new["title"]) and old["title"][len(new["title"]):].startswith((" Read ", " | ")):
                fired("title: scraped site tail removed", f"{old['title']!r} -> {new['title']!r}")
        if old["body"] != new["body"]:
            first = old["body"].split("\n\n", 1)[0]
            if not new["body"].startswith(first) and first.strip().lower() == new["title"].strip().lower():
                fired("body: title repeated as first line removed", f"{id_}: {first!r}")
            elif any(c in old["body"] for c in "ÃÂâ") and len(new["body"]) < len(old["body"]):
                fired("body: double encoding repaired", id_)
        new_people = {m["name"] for m in new["mentions"] if m["kind"] == "person"}
        gone = [p for p in old["people"] if p not in new_people]
        for p in gone:
            if p.split(" ", 1)[-1] in new_people and " " in p:
                fired("person: stuck title removed", f"{p!r} -> {p.split(' ', 1)[-1]!r}")
            elif p.endswith((" Jr.", " Jr", " Sr.", " Sr")) and p.rsplit(" ", 1)[0] in new_people:
                fired("person: suffix removed", f"{p!r} -> {p.rsplit(' ', 1)[0]!r}")
            elif p.endswith(("n't", "n’t")):
                fired("person: verb removed", f"{p!r}")
            else:
                fired("person: dropped (outlet, group, a surname merged into a full name, other)", f"{p!r}")
        if len(new["authors"]) < len(old["authors"]):
            fired("authors: list shortened", f"{old['authors']} -> {new['authors']}")
        named = {m["name"] for m in new["mentions"] if m["kind"] == "country" and not m["salient"]}
        if named:
            fired("countries: article names a country it is not about (filter finds, facet skips)",
                  f"{id_}: {sorted(named)[:5]}")
        if new.get("offices"):
            counts["offices: articles with a resolved office"] += 1
            counts["offices: resolved mentions"] += len(new["offices"])
    print(f"articles {len(after)}")
    for kind, n in sorted(counts.items()):
        print(f"{n:7d}  {kind}")
        for e in examples.get(kind, []):
            print(f"           {e}")


if __name__ == "__main__":
    main()
