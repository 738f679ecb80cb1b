#!/usr/bin/env bash
# Memory per anonymous pre-registration form session (R-PRE-6), Vaadin in production mode.
# Usage: bench/session-memory.sh [sessions=1000]      (-Drobots=true in BENCH_JAVA_OPTS: clients
# stop as soon as the form arrived, the worst case)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
# The production bundle (Vaadin's pre-compiled one) into target/classes, as the jar has it.
./mvnw -q -B vaadin:build-frontend
"$java_bin" ${BENCH_JAVA_OPTS:-} -Dvaadin.productionMode=true -Xmx2g -XX:+UseG1GC --enable-native-access=ALL-UNNAMED \
  -cp "target/bench-classes:$cp" SessionMemoryBenchmark "${1:-1000}"
