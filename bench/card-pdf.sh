#!/usr/bin/env bash
# Card and letter PDFs for a batch of patrons with photos (R-CARD-3): median and p95 per card, the
# heap after GC along the batch, the peak used heap.
# Usage: bench/card-pdf.sh [patrons=500]      (-Dwarmup=N in BENCH_JAVA_OPTS: cards before timing, default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" ${BENCH_JAVA_OPTS:-} -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
  -cp "target/bench-classes:$cp" be.uliege.library.registration.card.CardPdfBench "${1:-500}"
