#!/usr/bin/env bash
# Every benchmark of bench/README.md in one run, on one generated province, one after the other (never
# two at once: they would share the cores). Prints everything and keeps a copy in the log file.
#
#   npm run bench:all [-- DATA_DIR [LOG_FILE]]
#
# DATA_DIR keeps the generated province (about 1,000,000 ledger entries; 2.5–4.5 min to generate) and is
# reused when it exists; by default a temporary folder, removed at the end. The load benches add
# donations and payments dated today to it: a kept DATA_DIR grows a little with each run.
# Environment: SOAK_SECONDS (default 120), MODEL_RUNS (default 2000), IMPORT_ROWS (default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."

data="${1:-}"
log="${2:-bench-all-$(date -u +%Y%m%dT%H%M%SZ).log}"
cleanup=""
if [ -z "$data" ]; then
  data="$(mktemp -d /tmp/soquy-bench-XXXXXX)"
  cleanup="$data"
fi
trap '[ -n "$cleanup" ] && rm -rf "$cleanup"' EXIT

npx tsc -p tsconfig.bench.json

run() {
  echo
  echo "=== $* ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  node --expose-gc "$@"
}

{
  echo "bench:all on $(uname -n), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), Node $(node --version), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  run dist/bench/statement.js --data "$data"
  run dist/bench/list-query.js --data "$data"
  run dist/bench/donations.js --data "$data"
  run dist/bench/donations.js --payments --data "$data"
  run dist/bench/soak.js --data "$data" --seconds "${SOAK_SECONDS:-120}"
  run dist/bench/import.js --rows "${IMPORT_ROWS:-100000}"
  run dist/bench/export-disbursements.js
  run dist/bench/model.js --runs "${MODEL_RUNS:-2000}"
  echo
  echo "=== done $(date -u +%H:%M:%S) UTC"
} 2>&1 | tee "$log"
