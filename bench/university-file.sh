#!/usr/bin/env bash
# The university's nightly file (issue 16, R-SIS-1), invented and seeded: the same arguments give
# the same bytes. A path ending in .zip gets one entry people.xml; changed=5 writes the same people
# as changed=0 but for 5 % of them, with one field changed each (a "synchronize" run's input).
# Usage: bench/university-file.sh out.zip [people=100000] [seed=16] [changed=0]
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 out.zip|out.xml [people=100000] [seed=16] [changed=0]" >&2
  exit 2
fi
out=$(realpath -m "$1")
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java_bin" -cp "$cp" be.uliege.library.registration.embedded.UniversityFileGenerator \
  "$out" "${2:-100000}" "${3:-16}" "--changed=${4:-0}"
