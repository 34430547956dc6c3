#!/usr/bin/env python3
"""Score an HTML main-content extractor on the article-extraction-benchmark.

The benchmark (181 real pages, mostly news, with human-checked article text) lives in
shared/corpora/article-extraction-benchmark/data.jsonl.gz.  This script writes every page
to ``<tmpdir>/<id>.html``, runs an extractor command over that directory, reads its JSON
Lines output (one object per page with at least ``path`` and ``body``), matches each line
back to its page by file name, and scores the bodies against ``expected_body``.

Usage:
    python3 scripts/html_benchmark.py --cmd "target/release/communique extract --json {dir}"
    python3 scripts/html_benchmark.py --cmd "..." --per-page pages.csv   # or --per-page - for stdout
    python3 scripts/html_benchmark.py --cmd "..." --json                 # one-line JSON summary

Metric: the one in scrapinghub/article-extraction-benchmark's evaluate.py, re-implemented.
Texts are split into ``\\w+`` tokens; shingles are 4 consecutive tokens, counted (a text
with fewer than 4 tokens gives one shingle of all its tokens, none when empty).  Per page
tp = sum of min(pred, true) counts, fp = pred surplus, fn = true surplus, and the triple is
normalised by its sum so long pages do not weigh more.  As in evaluate.py, precision is the
mean of the per-page precisions over pages with tp+fp > 0 (a page with empty output thus
counts only against recall), recall the mean of per-page recalls over pages with tp+fn > 0,
and F1 = 2PR/(P+R).  The ``pooled_*`` figures in the JSON summary are the alternative that
sums the normalised tp/fp/fn over pages first; they are given for reference only.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

DEFAULT_DATA = (Path(__file__).resolve().parent.parent.parent
                / 'shared/corpora/article-extraction-benchmark/data.jsonl.gz')
TOKEN_RE = re.compile(r'\w+', re.UNICODE)
NGRAM = 4


def shingles(text: str, n: int = NGRAM) -> Counter:
    """Counted n-token shingles; short texts give one shingle of all their tokens."""
    tokens = TOKEN_RE.findall(text or '')
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def page_scores(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) for one page, as evaluate.py's string_shingle_matching."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp > 0 else 0.0


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn > 0 else 0.0


def summarise(triples: list[tuple[float, float, float]]) -> dict:
    """Precision, recall and F1 as evaluate.py's metrics_from_tp_fp_fns, plus pooled figures."""
    precs = [precision_score(*x) for x in triples if x[0] + x[1] > 0]
    recs = [recall_score(*x) for x in triples if x[0] + x[2] > 0]
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    tp = sum(x[0] for x in triples)
    fp = sum(x[1] for x in triples)
    fn = sum(x[2] for x in triples)
    pp = tp / (tp + fp) if tp + fp > 0 else 0.0
    pr = tp / (tp + fn) if tp + fn > 0 else 0.0
    pf = 2 * pp * pr / (pp + pr) if pp + pr > 0 else 0.0
    return {'precision': p, 'recall': r, 'f1': f1, 'pages': len(triples),
            'pooled_precision': pp, 'pooled_recall': pr, 'pooled_f1': pf}


def load_pages(path: Path) -> list[dict]:
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def run_extractor(cmd: str, pages: list[dict], timeout: float) -> tuple[dict[str, str], float]:
    """Write pages as <id>.html, run the command, return ({id: body}, seconds)."""
    with tempfile.TemporaryDirectory(prefix='html_bench_') as tmp:
        for page in pages:
            Path(tmp, page['id'] + '.html').write_text(page['html'], encoding='utf-8')
        full_cmd = cmd.replace('{dir}', shlex.quote(tmp))
        start = time.perf_counter()
        proc = subprocess.run(full_cmd, shell=True, capture_output=True, timeout=timeout)
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode('utf-8', 'replace')[-4000:])
        sys.exit(f'extractor command failed with exit code {proc.returncode}: {full_cmd}')
    ids = {page['id'] for page in pages}
    bodies: dict[str, str] = {}
    for line in proc.stdout.decode('utf-8', 'replace').splitlines():
        line = line.strip()
        if not line.startswith('{'):
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        name = Path(str(rec.get('path', ''))).name
        if name.endswith('.html') and name[:-len('.html')] in ids:
            bodies[name[:-len('.html')]] = rec.get('body') or ''
    return bodies, elapsed


def write_per_page(dest: str, rows: list[dict]) -> None:
    out = sys.stdout if dest == '-' else open(dest, 'w', newline='', encoding='utf-8')
    try:
        writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    finally:
        if out is not sys.stdout:
            out.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--cmd', required=True,
                    help='extractor command; {dir} is replaced by the directory of <id>.html files')
    ap.add_argument('--data', type=Path, default=DEFAULT_DATA, help='benchmark data.jsonl.gz')
    ap.add_argument('--per-page', metavar='CSV', nargs='?', const='-',
                    help='write per-page figures as CSV to this file (or - / no value for stdout)')
    ap.add_argument('--json', action='store_true', help='print a one-line JSON summary')
    ap.add_argument('--timeout', type=float, default=1800, help='command timeout in seconds')
    args = ap.parse_args()

    pages = load_pages(args.data)
    bodies, elapsed = run_extractor(args.cmd, pages, args.timeout)
    triples, rows = [], []
    for page in pages:
        pred = bodies.get(page['id'], '')
        tp, fp, fn = page_scores(page['expected_body'], pred)
        triples.append((tp, fp, fn))
        p, r = precision_score(tp, fp, fn), recall_score(tp, fp, fn)
        rows.append({'id': page['id'], 'url': page.get('url', ''),
                     'precision': round(p, 4), 'recall': round(r, 4),
                     'f1': round(2 * p * r / (p + r), 4) if p + r > 0 else 0.0,
                     'tp': round(tp, 4), 'fp': round(fp, 4), 'fn': round(fn, 4),
                     'pred_chars': len(pred), 'true_chars': len(page['expected_body']),
                     'matched': page['id'] in bodies})
    summary = summarise(triples)
    summary['matched'] = len(bodies)
    summary['seconds'] = round(elapsed, 3)
    summary['ms_per_page'] = round(1000 * elapsed / max(1, len(pages)), 2)

    if args.per_page:
        write_per_page(args.per_page, rows)
    if args.json:
        print(json.dumps({k: round(v, 4) if isinstance(v, float) else v
                          for k, v in summary.items()}))
    elif args.per_page != '-':
        print(f"pages      {summary['pages']} ({summary['matched']} matched in output)")
        print(f"precision  {summary['precision']:.4f}")
        print(f"recall     {summary['recall']:.4f}")
        print(f"F1         {summary['f1']:.4f}")
        print(f"time       {summary['seconds']:.2f} s ({summary['ms_per_page']:.1f} ms/page)")


if __name__ == '__main__':
    main()
