#!/usr/bin/env bash
# The purge (issue 17, R-RET-1): `due` patrons past their purge date out of `existing`, through the
# real job, while a desk operator searches without a pause; throughput and the desk's latency.
# Usage: bench/purge.sh [due=100000] [existing=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" ${BENCH_JAVA_OPTS:-} -Xmx2g --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$cp" \
  PurgeBenchmark "${1:-100000}" "${2:-1000000}"
