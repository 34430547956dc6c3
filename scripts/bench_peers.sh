#!/usr/bin/env bash
# communique next to tantivy-cli and SQLite FTS5 on Reuters-21578, side by side in one run.
#
# Expected duration on the 2-core machine: about 8-10 minutes for 5 rounds at 1x
# (~1.5 min a round: 3 fresh builds, 300 queries x 3 engines, 8 whole-process spot
# queries x 3 engines; plus ~1 min for prep.py the first time),
# plus, the first time only, ~5-10 minutes to `cargo install tantivy-cli` and a
# release build of communique if target/release/communique is missing.
# With SCALE=10x (190,430 docs) count ~6-10 minutes a round.
#
#   scripts/bench_peers.sh                  # 5 rounds, 1x
#   ROUNDS=3 scripts/bench_peers.sh         # fewer rounds
#   SCALE=10x ROUNDS=2 scripts/bench_peers.sh
#   BL_RESULTS=/tmp/x scripts/bench_peers.sh
#
# Reuses /work/shared/peers (PEERS_DIR): prep.py writes the inputs to /tmp/bl (and
# /tmp/reuters-txt); results go to $BL_RESULTS (default /tmp/peers-results):
# bench-peers-<scale>.json (per-round raw figures + summary), bench-peers-<scale>.txt
# (the table printed at the end) and machine.txt. Nothing is written into the repository.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
export PEERS_DIR="${PEERS_DIR:-/work/shared/peers}"
export BL_RESULTS="${BL_RESULTS:-/tmp/peers-results}"
export PATH="$HOME/.cargo/bin:$PATH"
SCALE="${SCALE:-1x}"
ROUNDS="${ROUNDS:-5}"
REPEAT="${REPEAT:-4}"
BIN="${COMMUNIQUE_BIN:-$REPO/target/release/communique}"

if [ ! -x "$BIN" ]; then
  (cd "$REPO" && cargo build --release)
fi
if ! command -v tantivy >/dev/null; then
  # as the peers' run.sh: --locked no longer builds on current rustc
  cargo install tantivy-cli --locked || cargo install tantivy-cli \
    || echo "WARNING: tantivy-cli could not be installed; measuring the rest" >&2
fi
if ! command -v hyperfine >/dev/null || ! command -v sqlite3 >/dev/null; then
  { apt-get update -qq && apt-get install -y -qq hyperfine sqlite3; } \
    || echo "WARNING: hyperfine/sqlite3 missing; whole-process timings fall back to Python" >&2
fi

mkdir -p "$BL_RESULTS"
{
  date -u; echo "nproc: $(nproc)"; grep -m1 'model name' /proc/cpuinfo; uptime
  free -g | sed -n 2p
  "$BIN" -V; git -C "$REPO" describe --always --dirty
  tantivy -V 2>/dev/null || echo "tantivy-cli: missing"; hyperfine --version 2>/dev/null || true
  python3 -c 'import sqlite3,sys; print("python", sys.version.split()[0], "sqlite", sqlite3.sqlite_version)'
  rustc --version
} > "$BL_RESULTS/machine.txt" 2>&1 || true

# inputs: /tmp/bl/corpus-{1x,10x}.jsonl, corpus-stats.json (deterministic; skipped when present)
if [ ! -s /tmp/bl/corpus-stats.json ] || [ ! -s /tmp/bl/corpus-1x.jsonl ]; then
  python3 "$PEERS_DIR/prep.py"
fi

python3 "$HERE/bench_peers.py" --scale "$SCALE" --rounds "$ROUNDS" --repeat "$REPEAT" --binary "$BIN"
cat "$BL_RESULTS/machine.txt"
