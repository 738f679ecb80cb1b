#!/usr/bin/env bash
# Duplicate detection quality (R-DESK-3): recall and precision over seeded labelled pairs.
# Usage: bench/duplicates-quality.sh [pairs of each label=2000] [seed=2026]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" -cp "target/bench-classes:$cp" DuplicateQualityBenchmark "${1:-2000}" "${2:-2026}"
