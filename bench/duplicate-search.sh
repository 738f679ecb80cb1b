#!/usr/bin/env bash
# Duplicate candidate search latency over many patrons (R-DESK-3).
# Usage: bench/duplicate-search.sh [patrons=1000000] [queries=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" -Xmx2g --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$cp" \
  DuplicateSearchBenchmark "${1:-1000000}" "${2:-2000}"
