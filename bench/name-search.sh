#!/usr/bin/env bash
# Name search and identifier look-up over generated patrons (issue: foundation, R-ID-6).
# Usage: bench/name-search.sh [patrons=1000000] [queries=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java_bin=$(command -v java)
if ! java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  java_bin=$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do v=$("$j" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p'); [ "${v:-0}" -ge 21 ] && echo "$v $j"; done | sort -n | tail -1 | cut -d' ' -f2)
fi
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
# Compiled, not run as a single source file: Spring must see the application's classes and the
# benchmark through one class loader.
mkdir -p target/bench-classes
"$(dirname "$java_bin")/javac" -d target/bench-classes -cp "$cp" bench/java/NameSearchBenchmark.java
"$java_bin" -Xmx2g --enable-native-access=ALL-UNNAMED -cp "target/bench-classes:$cp" \
  NameSearchBenchmark "${1:-1000000}" "${2:-2000}"
