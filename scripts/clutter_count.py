#!/usr/bin/env python3
"""Counts leftover clutter lines in the AllSides / article-bias-prediction corpus
(30,348 articles scraped with newspaper3k) before and after communique's cleaning,
and checks on a seeded sample of articles that no story paragraph was removed.

    python3 scripts/clutter_count.py [--binary target/release/communique] [--sample 100] [--show]

Clutter = a line (paragraph) of at most 20 words matching one of CLUTTER below.
"Removed story paragraphs" = paragraphs of the raw body with >= 20 words that end
like a sentence and are missing from the cleaned body (compared on letters and
digits only, so glue repair and whitespace changes do not count as removals).
--show prints every removed paragraph of the sample for a person to judge.
"""
import argparse, gzip, json, os, random, re, subprocess, sys, tempfile, time

CORPUS = os.path.join(os.path.dirname(__file__), "../../shared/corpora/article-bias-prediction/data.jsonl.gz")
CLUTTER = [r"^advertisement\b", r"\bsign up\b", r"\bclick here\b", r"media playback is unsupported",
           r"getty images", r"story continued below", r"continue reading the main story",
           r"^read more\b", r"\bfollow us on\b", r"^image (copyright|caption)", r"manage newsletters",
           r"^(ad|skip ad)$", r"^related:", r"^watch:", r"newsletter"]
CLUTTER_RE = re.compile("|".join(CLUTTER), re.I)


def key(text):
    return re.sub(r"[\W_]+", "", text).lower()


def paragraphs(body):
    return [p.strip() for p in re.split(r"\n+", body or "") if p.strip()]


def clutter_lines(body):
    return [p for p in paragraphs(body) if len(p.split()) <= 20 and CLUTTER_RE.search(p)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/release/communique")
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    raw = {}
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            raw[d["id"]] = d
    t0 = time.time()
    out = subprocess.run([a.binary, "extract", "--json", a.corpus], capture_output=True, text=True, check=True)
    took = time.time() - t0
    cleaned = {}
    for line in out.stdout.splitlines():
        d = json.loads(line)
        cleaned[d["id"]] = d["body"]
    before = sum(len(clutter_lines(d["body"])) for d in raw.values())
    after = sum(len(clutter_lines(cleaned.get(i, ""))) for i in raw)
    by_pattern = {}
    for i, d in raw.items():
        for p in clutter_lines(cleaned.get(i, "")):
            m = CLUTTER_RE.search(p).group(0).lower()
            by_pattern[m] = by_pattern.get(m, 0) + 1
    print(f"articles            {len(raw)} ({len(cleaned)} cleaned) in {took:.1f} s")
    print(f"clutter lines       before {before}, after {after} ({100 * (1 - after / max(before, 1)):.1f}% removed)")
    if by_pattern:
        print("left, by pattern    " + ", ".join(f"{k!r} {v}" for k, v in sorted(by_pattern.items(), key=lambda x: -x[1])[:8]))
    rng = random.Random(a.seed)
    sample = rng.sample(sorted(raw), a.sample)
    removed_story, removed_total = [], 0
    for i in sample:
        kept = key(cleaned.get(i, ""))
        for p in paragraphs(raw[i]["body"]):
            if key(p) and key(p) not in kept:
                removed_total += 1
                if len(p.split()) >= 20 and re.search(r"[.!?\"”’)]$", p):
                    removed_story.append((i, raw[i]["outlet"], p))
                elif a.show:
                    print(f"  removed (furniture?) {i} {raw[i]['outlet']}: {p[:160]}")
    print(f"sample              {a.sample} articles: {removed_total} paragraphs removed, "
          f"{len(removed_story)} of them look like story paragraphs (>= 20 words, sentence end)")
    for i, outlet, p in removed_story:
        print(f"  STORY? {i} {outlet}: {p[:300]}")


if __name__ == "__main__":
    main()
