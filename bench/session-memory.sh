#!/usr/bin/env bash
# Memory per anonymous pre-registration form session (R-PRE-6).
# Usage: bench/session-memory.sh [sessions=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" -Xmx2g -XX:+UseG1GC --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$cp" \
  SessionMemoryBenchmark "${1:-1000}"
