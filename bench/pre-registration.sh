#!/usr/bin/env bash
# Public API submissions against a plain JDBC loop, then a fixed 100 submissions per second (R-PRE).
# Usage: bench/pre-registration.sh [seconds=60] [clients=8]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" ${BENCH_JAVA_OPTS:-} -Xmx2g --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$cp" \
  PreRegistrationBenchmark "${1:-60}" "${2:-8}"
