#!/usr/bin/env bash
# The export to the library system (issue 17, R-INT-3) of `patrons` B patrons against MariaDB's own
# SELECT … INTO OUTFILE of the same columns; the heap sampled during a second export.
# Usage: bench/export.sh [patrons=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" ${BENCH_JAVA_OPTS:-} -Xmx1g --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$cp" \
  ExportBenchmark "${1:-100000}"
