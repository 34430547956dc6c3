#!/usr/bin/env bash
# schemathesis (pip install schemathesis; 4.x) against `communique serve`'s
# /api/openapi.json: generated requests for every operation, valid and invalid
# (examples, coverage, fuzzing, and stateful: a search's first hit fetched
# through the document's links); every check (scripts/schemathesis.toml says
# which is off and why): no 5xx, status codes, content types, headers and
# bodies as the document declares them, invalid input refused with a 4xx.
#
#   scripts/schemathesis.sh                 # 600 examples an operation, fixed seed
#   EXAMPLES=100 scripts/schemathesis.sh    # quicker
#   INDEX=/tmp/communique-load/index-reuters scripts/schemathesis.sh
#
# By default the server runs on the bundled seeds (corpus/, indexed into a temp
# folder), where article ids are known; a report goes to $REPORT (default
# /tmp/schemathesis-report). Expected duration: 3-6 minutes on 2 cores.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${COMMUNIQUE_BIN:-$REPO/target/release/communique}"
EXAMPLES="${EXAMPLES:-600}"
SEED="${SEED:-14}"
REPORT="${REPORT:-/tmp/schemathesis-report}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
INDEX="${INDEX:-$TMP/index}"
if [ ! -e "$INDEX/CURRENT" ]; then
  "$BIN" index "$REPO/corpus" --index "$INDEX" --quiet
fi
ON_EXIT="rm -rf '$TMP'"
. "$REPO/scripts/start_server.sh"
start_server "$BIN" "$INDEX"
# From the temp folder: schemathesis keeps a .schemathesis/ cache in its working folder.
cd "$TMP"
st --config-file "$REPO/scripts/schemathesis.toml" run "$URL/api/openapi.json" \
  --checks all --exclude-checks positive_data_acceptance \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "$EXAMPLES" \
  --seed "$SEED" --generation-database none \
  --workers 2 \
  --continue-on-failure \
  --report junit,ndjson --report-dir "$REPORT" \
  "$@"
