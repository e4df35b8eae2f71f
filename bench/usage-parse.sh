#!/usr/bin/env bash
# Usage-parser benchmark, rerunnable: generates a csv_v2_0 of SIZE_MB (default 500) once under target/bench/,
# parses it RUNS times (default 5) in one JVM whose heap is capped at HEAP (default 128m), and prints MB/s per
# run, the median, the peak heap and the cap. The GC log goes to target/bench/gc.log.
#   bench/usage-parse.sh                 # defaults
#   SIZE_MB=1000 RUNS=7 HEAP=64m bench/usage-parse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-500}
RUNS=${RUNS:-5}
HEAP=${HEAP:-128m}
mkdir -p target/bench
./mvnw -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
java "-Xmx${HEAP}" "-Xlog:gc:file=target/bench/gc.log" \
  -cp "target/classes:target/test-classes:$(cat target/bench/classpath.txt)" \
  dev.reportgateway.usage.UsageParseBench "target/bench/usage-${SIZE_MB}mb.csv_v2_0.csv" "${SIZE_MB}" "${RUNS}"
# Largest heap occupancy the GC saw, before and after a collection (after = the live set).
grep -o '[0-9]*M->[0-9]*M' target/bench/gc.log | tr -d M | awk -F'->' \
  '{ if ($1 > before) before = $1; if ($2 > after) after = $2 }
   END { printf "gc log: largest heap before a collection %d MiB, largest after (live set) %d MiB\n", before, after }'
