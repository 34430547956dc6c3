"""Shared helpers of the search measurement scripts (raw_queries.py, relevance_mrr.py,
concept_coverage.py, people_p10.py). Python 3.11 standard library only.

* the research corpora and how to load them;
* one_line(): what a search box makes of pasted text (TAB, CR and LF become spaces);
  queries are otherwise raw, never cleaned;
* Communique: a private copy of a binary (others may rebuild target/release meanwhile), an
  index of one corpus file (through a temporary folder holding only a symlink to it), and
  `search` processes with a timeout (a failed or timed-out query is returned as
  {"error": ..., "hits": []}, so callers count it as a miss and list it);
* FTS5: SQLite FTS5 with tokenize='porter unicode61' over title and body, in memory, and the
  escaping that lets any raw text run there: the text is cut into tokens as unicode61 does
  (runs of Unicode letters, digits and private-use characters; everything else separates),
  each token is quoted ("tok", so no FTS5 syntax is left) and the tokens are joined with
  " OR " (mode "or"), with " " (mode "and", FTS5's implicit AND) or made one quoted phrase
  (mode "phrase"). Text with no token at all cannot be an FTS5 query: no hits.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPORA_DIR = "/work/shared/corpora"
CORPORA = {
    "reuters": os.path.join(CORPORA_DIR, "reuters21578/data.jsonl.gz"),
    "allsides": os.path.join(CORPORA_DIR, "article-bias-prediction/data.jsonl.gz"),
}
DEFAULT_BINARY = os.path.join(REPO, "target/release/communique")


def load(path: str) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def one_line(text: str) -> str:
    """a pasted text as a one-line search box keeps it: TAB, CR and LF become spaces; nothing else changes."""
    return text.replace("\r\n", " ").replace("\t", " ").replace("\r", " ").replace("\n", " ")


def add_common_args(ap: argparse.ArgumentParser, corpus: str | None = None) -> None:
    ap.add_argument("--binary", default=DEFAULT_BINARY, help="the communique binary to measure")
    if corpus:
        ap.add_argument("--corpus", choices=sorted(CORPORA), default=corpus)
    ap.add_argument("--jobs", type=int, default=2, help="parallel search processes (at most 2 on this machine)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per search process")
    ap.add_argument("--keep-index", metavar="DIR",
                    help="build the index here, or reuse it if it exists (it must come from the same binary)")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout instead of tables")


class Communique:
    """one binary, copied into tmp, and the index it searches."""

    def __init__(self, binary: str, tmp: str, timeout: float = 60.0):
        if not os.path.isfile(binary):
            raise SystemExit(f"no binary at {binary}")
        self.binary = os.path.join(tmp, "communique")
        shutil.copy2(binary, self.binary)
        self.tmp = tmp
        self.timeout = timeout
        self.root: str | None = None

    def index(self, corpus_file: str, keep: str | None = None) -> tuple[float | None, str]:
        """index one corpus file (verbose); returns (seconds or None when reused, the log)."""
        if keep and os.path.isdir(keep):
            self.root = keep
            log_file = keep.rstrip("/") + ".index.log"
            return None, open(log_file).read() if os.path.exists(log_file) else ""
        src = os.path.join(self.tmp, "corpus-" + os.path.basename(os.path.dirname(corpus_file)))
        os.makedirs(src, exist_ok=True)
        link = os.path.join(src, os.path.basename(corpus_file))
        if not os.path.lexists(link):
            os.symlink(os.path.abspath(corpus_file), link)
        self.root = keep or os.path.join(self.tmp, "index-" + os.path.basename(src))
        t0 = time.perf_counter()
        p = subprocess.run([self.binary, "index", src, "--index", self.root, "-v"], capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"communique index failed:\n{p.stderr[-2000:]}")
        log = p.stdout + p.stderr
        if keep:
            with open(keep.rstrip("/") + ".index.log", "w") as f:
                f.write(log)
        return time.perf_counter() - t0, log

    def clone(self) -> "Communique":
        """the same copy of the binary, for another index."""
        other = object.__new__(Communique)
        other.binary, other.tmp, other.timeout, other.root = self.binary, self.tmp, self.timeout, None
        return other

    def search(self, query: str, limit: int = 10) -> dict:
        """`communique search --index ROOT --json --limit N -- QUERY`: the query goes after `--`, so a
        query starting with '-' is not taken for an option (as a shell user would have to write it)."""
        cmd = [self.binary, "search", "--index", self.root, "--json", "--limit", str(limit), "--", query]
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            return {"error": f"timeout after {self.timeout:g} s", "hits": []}
        except ValueError as e:   # e.g. a NUL character cannot be an argument
            return {"error": f"cannot run: {e}", "hits": []}
        if p.returncode != 0:
            return {"error": (p.stderr or p.stdout).strip()[-300:] or f"exit {p.returncode}",
                    "exit": p.returncode, "hits": []}
        try:
            return json.loads(p.stdout)
        except json.JSONDecodeError as e:
            return {"error": f"exit 0 but output is not JSON ({e})", "hits": []}

    def search_many(self, queries: list[str], jobs: int = 2, limit: int = 10) -> list[dict]:
        with cf.ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
            return list(ex.map(lambda q: self.search(q, limit), queries))

    def cleaned_bodies(self, corpus_file: str, ids: set[str]) -> dict[str, str]:
        """id -> the body as communique keeps it after cleaning (`communique extract --json` of the whole
        file, as the index gets it), white space made single spaces; for the given ids."""
        p = subprocess.run([self.binary, "extract", "--json", corpus_file], capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"communique extract failed:\n{p.stderr[-2000:]}")
        out = {}
        for line in p.stdout.splitlines():
            d = json.loads(line)
            if d.get("id") in ids:
                out[d["id"]] = " ".join((d.get("body") or "").split())
        return out

    def near_duplicate_groups(self, corpus_file: str) -> dict[str, str]:
        """`communique duplicates FILE`: id -> id of the first article of its near-duplicate group."""
        p = subprocess.run([self.binary, "duplicates", corpus_file], capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"communique duplicates failed:\n{p.stderr[-2000:]}")
        out = {}
        for line in p.stdout.splitlines():
            if line.strip():
                d = json.loads(line)
                out[d["id"]] = d["group"]
        return out


def hit_ids(hit: dict) -> list[str]:
    """a communique hit stands for its id and the near-duplicates folded under it."""
    return [hit["id"]] + [d["id"] for d in hit.get("duplicates") or []]


def print_json(report: dict) -> int:
    print(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


def print_failed(failed: list[dict], limit: int = 20) -> None:
    """failed queries ({"query", "error"}, optionally "kind"), one with its error under it."""
    for f in failed[:limit]:
        kind = f"[{f['kind']}] " if f.get("kind") else ""
        print(f"  {kind}{f['query'][:110]!r}\n      -> {f['error'][:160]}")


def error_kind(message: str) -> str:
    """an error message without the query text in it, to count failures by cause."""
    m = message.strip().splitlines()[-1] if message.strip() else message
    m = m.removeprefix("communique: ")
    if "Syntax Error" in m:
        return m[:m.index("Syntax Error") + len("Syntax Error")]
    out, quote = [], None
    for ch in m:                              # '...' and "..." (the offending text) become '…'
        if quote:
            if ch == quote:
                out.append("…" + ch)
                quote = None
        elif ch in "'\"":
            out.append(ch)
            quote = ch
        else:
            out.append("N" if ch.isdigit() else ch)
    s = "".join(out)
    while "NN" in s:
        s = s.replace("NN", "N")
    return s[:100]


# --- SQLite FTS5 -------------------------------------------------------------------------

def fts5_tokens(text: str) -> list[str]:
    """tokens as FTS5's unicode61 tokenizer cuts them: runs of letters (L*), digits (N*) and
    private-use characters (Co); lower-cased here only for readability (FTS5 folds case itself)."""
    toks, cur = [], []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LN" or cat == "Co":
            cur.append(ch)
        elif cur:
            toks.append("".join(cur))
            cur = []
    if cur:
        toks.append("".join(cur))
    return [t.lower() for t in toks]


def fts5_match(text: str, mode: str) -> str | None:
    """the raw text as an FTS5 MATCH expression that always parses (None: no token at all)."""
    toks = fts5_tokens(text)
    if not toks:
        return None
    if mode == "phrase":
        return '"' + " ".join(toks) + '"'
    return (" OR " if mode == "or" else " ").join('"%s"' % t for t in toks)


class Fts5:
    """fts5(title, body, tokenize='porter unicode61') over the records, in memory; rank = bm25."""

    def __init__(self, recs: list[dict]):
        self.ids = [r["id"] for r in recs]
        t0 = time.perf_counter()
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
        with self.db:
            self.db.executemany("INSERT INTO docs(rowid, title, body) VALUES (?,?,?)",
                                ((i + 1, r.get("title") or "", r.get("body") or "") for i, r in enumerate(recs)))
        self.build_s = time.perf_counter() - t0

    def search(self, text: str, mode: str, limit: int = 10) -> list[str]:
        m = fts5_match(text, mode)
        if m is None:
            return []
        rows = self.db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
                               (m, limit)).fetchall()
        return [self.ids[rid - 1] for (rid,) in rows]

    def search_many(self, texts: list[str], mode: str, limit: int = 10) -> tuple[list[list[str]], float]:
        t0 = time.perf_counter()
        out = [self.search(t, mode, limit) for t in texts]
        return out, time.perf_counter() - t0


ITN_CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                          "corpora", "itn-multilingual", "data.jsonl.gz")


def load_itn(path: str = ITN_CORPUS) -> list[dict]:
    """The itn-multilingual blurbs, each body once (the dump repeats some)."""
    seen, out = set(), []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            key = " ".join(r["body"].split())
            if key in seen:
                continue
            seen.add(key)
            out.append(r)
    return out


def write_itn_corpus(recs: list[dict], folder: str) -> str:
    """A corpus folder of the blurbs without their `lang` field (the program
    must find the language itself); returns the folder."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "itn.jsonl"), "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps({k: r[k] for k in ("id", "title", "body", "date")},
                               ensure_ascii=False) + "\n")
    return folder
