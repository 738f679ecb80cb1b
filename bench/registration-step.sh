#!/usr/bin/env bash
# The desk's registration step end to end — database, directory, mail (R-DESK-4, R-INT-1/2):
# p50/p95/p99 per registration, one at a time and with `concurrency` operators at once.
# Usage: bench/registration-step.sh [registrations=400] [concurrency=10]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" ${BENCH_JAVA_OPTS:-} -Xmx2g --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$cp" \
  RegistrationStepBench "${1:-400}" "${2:-10}"
