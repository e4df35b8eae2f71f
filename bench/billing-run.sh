#!/usr/bin/env bash
# Billing-run benchmark, rerunnable: generates a csv_v2_0 of SIZE_MB (default 200, uncompressed) once under
# target/bench/ (gzip, as the platform serves it), starts a WireMock stand-in platform in the benchmark JVM whose
# stored report is ready at once, and runs the packaged jar (built if missing) with its heap capped at HEAP
# (default 128m) RUNS times (default 1) on each of DATABASES (default h2,postgresql: the embedded H2, and an embedded
# PostgreSQL the benchmark starts). Each run: a fresh gateway and database, POST /billing/runs, follow the run
# until done, count the stored rows. Prints per database rows stored, rows/s and MB/s while parsing, POST to done
# (the gateway's own time: the stand-in generates nothing), the peak heap from the run's GC log
# (target/bench/billing-run-gc-<database>-<n>.log), medians and the ratio PostgreSQL/H2.
#   bench/billing-run.sh                           # defaults
#   SIZE_MB=1000 RUNS=3 HEAP=128m bench/billing-run.sh
#   DATABASES=postgresql bench/billing-run.sh
#   BENCH_JAVA_OPTS=-Dsome.setting=value bench/billing-run.sh   # more gateway JVM options ({data}: its data directory)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-200}
RUNS=${RUNS:-1}
HEAP=${HEAP:-128m}
DATABASES=${DATABASES:-h2,postgresql}
mkdir -p target/bench
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q -DskipTests package
fi
./mvnw -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench/classpath.txt)" \
  dev.reportgateway.billing.BillingRunBench "${SIZE_MB}" "${RUNS}" "${HEAP}" "${DATABASES}"
