#!/usr/bin/env bash
# First paint of a search, measured in Debian's Chromium through the Performance
# API (tests/browser/first_paint.mjs), against `communique serve` on a Reuters index.
# Needs: apt-get install -y chromium && npm ci --prefix tests/browser; a release build.
#
#   scripts/first_paint.sh              # benches/queries.txt, 3 passes
#   RUNS=5 QUERIES=../shared/peers/queries.txt scripts/first_paint.sh
#
# The index is built once into $WORK (default /tmp/communique-load, shared with
# scripts/load/serve_load.py) from ../shared/corpora/reuters21578 via a symlink.
# Expected duration: about a minute.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${COMMUNIQUE_BIN:-$REPO/target/release/communique}"
WORK="${WORK:-/tmp/communique-load}"
QUERIES="${QUERIES:-$REPO/benches/queries.txt}"
RUNS="${RUNS:-3}"
ROOT="$WORK/index-reuters"
if [ ! -e "$ROOT/CURRENT" ]; then
  mkdir -p "$WORK/corpus-reuters"
  ln -sf /work/shared/corpora/reuters21578/data.jsonl.gz "$WORK/corpus-reuters/data.jsonl.gz"
  "$BIN" index "$WORK/corpus-reuters" --index "$ROOT" --quiet
fi
. "$REPO/scripts/start_server.sh"
start_server "$BIN" "$ROOT"
node "$REPO/tests/browser/first_paint.mjs" "$URL" "$QUERIES" "$RUNS"
