#!/usr/bin/env bash
# Name search and identifier look-up over generated patrons (issue: foundation, R-ID-6).
# Usage: bench/name-search.sh [patrons=1000000] [queries=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" -Xmx2g --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$cp" \
  NameSearchBenchmark "${1:-1000000}" "${2:-2000}"
