# Sourced by scripts/first_paint.sh and scripts/schemathesis.sh:
#   start_server BIN INDEX  ->  $URL (no trailing slash) and $SERVER_PID; stopped on
#   exit, after which $ON_EXIT (if set) runs too.
start_server() {
  local out
  out="$(mktemp)"
  "$1" serve --index "$2" --port 0 > "$out" &
  SERVER_PID=$!
  # shellcheck disable=SC2064
  trap "kill -INT $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null; rm -f '$out'; ${ON_EXIT:-}" EXIT
  for _ in $(seq 100); do grep -q '^serving' "$out" && break; sleep 0.1; done
  URL="$(awk '/^serving/ {print $2; exit}' "$out")"
  URL="${URL%/}"
  [ -n "$URL" ] || { echo "the server did not start" >&2; exit 1; }
  echo "server: $URL (pid $SERVER_PID), index $2; $(nproc) cores" >&2
}
