#!/usr/bin/env bash
# Startup time and memory of the packaged gateway (JVM jar), in sandbox mode, on loopback only:
# time to "started", RSS after startup, then RSS after REQUESTS report fetches (each one gateway call plus
# one call to the embedded sandbox), with a warm-up first. Rerunnable; numbers vary with the machine's load.
#
#   ./mvnw -B package -DskipTests && bench/startup-rss.sh            # REQUESTS=10000 CONCURRENCY=8 by default
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${REQUESTS:-10000}
concurrency=${CONCURRENCY:-8}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 2; }

key="bench-key-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
digest=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
log=$(mktemp)
start_ns=$(date +%s%N)
GATEWAY_API_KEYS_BENCH_SHA256=$digest GATEWAY_API_KEYS_BENCH_ROLES=reports-reader,reports-writer \
  java -Dquarkus.http.port=0 -Dquarkus.http.host=127.0.0.1 -jar "$jar" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 300); do
  grep -q "Listening on" "$log" && break
  sleep 0.05
done
port=$(grep -o 'Listening on: http://[^ ]*' "$log" | sed 's/.*://')
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
started=$(grep -o 'started in [0-9.]*s' "$log")
sleep 1
rss_start=$(ps -o rss= -p "$pid")

id=$(curl -s "http://127.0.0.1:$port/api/2/reports" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d '{"result_action":"save","parameters":{"level":"accounts","kind":"usage_current","formats":["csv_v2_0"]},"schedule":{"type":"once"}}' \
  | sed 's/.*"id":"\([^"]*\)".*/\1/')
url="http://127.0.0.1:$port/api/2/reports/$id"

java bench/LoadClient.java "$url" "$key" 2000 "$concurrency" >/dev/null   # warm-up
load=$(java bench/LoadClient.java "$url" "$key" "$requests" "$concurrency")
rss_load=$(ps -o rss= -p "$pid")

echo "startup: $started (quarkus), ${ready_ms} ms until listening (wall clock, incl. JVM start)"
echo "rss after startup: $((rss_start / 1024)) MiB"
echo "load: $load"
echo "rss after warm-up + $requests requests: $((rss_load / 1024)) MiB"
