#!/usr/bin/env bash
# The nightly load (issue 16, R-SIS-1…5) on a database already holding `existing` patrons: first
# import, synchronize unchanged, synchronize with 5 % changed, each against MariaDB's own LOAD DATA
# LOCAL INFILE of the same rows; heap after GC every 10,000 rows read.
# After an untimed warm-up on 20,000 other people (-Dwarmup=0 in BENCH_JAVA_OPTS for a cold JVM);
# the unchanged night is run three times and its median taken. -Dheap=false: no heap samples.
# Usage: bench/university-load.sh [people=100000] [existing=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" ${BENCH_JAVA_OPTS:-} -Xmx1g --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$cp" \
  UniversityLoadBenchmark "${1:-100000}" "${2:-1000000}"
