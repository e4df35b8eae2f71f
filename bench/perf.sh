#!/usr/bin/env bash
# One run, side by side (issue 13): prints medians and ratios for
#   (a) startup: "started in" (the log), ms until the HTTP port answers, ms until /q/health/ready is 200, and RSS after
#       start, on JDK 17, JDK 25, and JDK 25 with an AOT cache (JEP 483/514/515), with G1 and with the serial collector
#       of the JVM image, STARTS starts each;
#   (b) proxy cost: CPU ms per request (utime+stime from /proc/<pid>/stat) of the gateway and of the upstream stub
#       (WireMock standalone, its own JVM) for the same proxied GET /api/2/reports/{id} and POST /api/2/reports, after a
#       warm-up, and their ratio; RSS after the warm-up plus all measured requests (30k by default);
#   (c) usage parsing MB/s (bench/usage-parse.sh, then bench/UsageVsRaw.java) against a raw gunzip-and-scan of the
#       same file, and the ratio;
#   (d) a billing run over a generated report, rows stored per second (bench/billing-run.sh, H2 only);
# then a summary block. Nothing here is a timed test; numbers vary with the machine's load.
#
# Everything runs on loopback with random ports. The gateway runs the packaged jar (built if missing) in real mode
# against the stub, with an obviously fake client secret and API key, and the heap settings of the Kubernetes
# manifest (limit 576Mi, JAVA_MAX_MEM_RATIO=50: -XX:MaxRAM=576m -XX:MaxRAMPercentage=50).
#
#   ./mvnw -B package -DskipTests && bench/perf.sh           # defaults: about 6-8 minutes on 2 cores
#   STARTS=5 GETS=50000 bench/perf.sh                         # scale up
#   PARTS=a,b bench/perf.sh                                   # only some parts
#
# Settings (environment):
#   PARTS=a,b,c,d            parts to run
#   JDK17, JDK25             JDK homes (/usr/lib/jvm/java-17-openjdk-amd64, /usr/lib/jvm/temurin-25-jdk-amd64)
#   STARTS=3                 starts per startup configuration (a)
#   AOT=quarkus              how the JDK 25 AOT cache is made: quarkus = Quarkus' own packaging
#                            (quarkus.package.jar.aot.enabled, phase BUILD: a build with JDK 25 into
#                            target/quarkus-app-aot, whose training run starts the app and exits); jvm = plain JVM flags
#                            on target/quarkus-app (-XX:AOTCacheOutput during a training run that serves TRAIN_REQUESTS
#                            GETs and creates, then -XX:AOTCache); both = both, side by side; none = skip
#   TRAIN_REQUESTS=2000      requests of the jvm training run
#   PROXY_JDKS=17,25         JDKs of part (b)
#   PROXY_APPS=target/quarkus-app   packaged apps part (b) measures, comma-separated: give an older build's copy too
#                            to compare two builds in one run
#   WARMUP=5000              warm-up requests of (b) (4/5 GETs, 1/5 creates), not measured
#   GETS=20000 POSTS=5000    measured requests of (b); with the warm-up: 30k requests before the RSS reading
#   CONCURRENCY=4            client concurrency of (b)
#   HTTP=1.1                 the load client's HTTP version: 1.1 (as curl and scripts), or 2 (h2c upgrade, the JDK
#                            client's default, which bench/startup-rss.sh uses)
#   HEAP_OPTS                gateway heap options ("-XX:MaxRAM=576m -XX:MaxRAMPercentage=50")
#   GATEWAY_JAVA_OPTS        more gateway JVM options (e.g. a JFR recording)
#   USAGE_MB=100 USAGE_RUNS=3   size and runs of (c)
#   BILLING_MB=50            report size of (d)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

PARTS=${PARTS:-a,b,c,d}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
STARTS=${STARTS:-3}
AOT=${AOT:-quarkus}
TRAIN_REQUESTS=${TRAIN_REQUESTS:-2000}
PROXY_JDKS=${PROXY_JDKS:-17,25}
PROXY_APPS=${PROXY_APPS:-target/quarkus-app}
WARMUP=${WARMUP:-5000}
GETS=${GETS:-20000}
POSTS=${POSTS:-5000}
CONCURRENCY=${CONCURRENCY:-4}
HTTP=${HTTP:-1.1}
HEAP_OPTS=${HEAP_OPTS:--XX:MaxRAM=576m -XX:MaxRAMPercentage=50}
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-}
USAGE_MB=${USAGE_MB:-100}
USAGE_RUNS=${USAGE_RUNS:-3}
BILLING_MB=${BILLING_MB:-50}
WIREMOCK_VERSION=3.13.2

has_part() { [[ ",$PARTS," == *",$1,"* ]]; }
log() { echo "[perf $(date +%H:%M:%S)] $*" >&2; }

work=target/bench/perf
rm -rf "$work" && mkdir -p "$work"
summary=$work/summary.txt
: >"$summary"
sum() { echo "$*" >>"$summary"; }
clk_tck=$(getconf CLK_TCK)
load_start=$(cut -d" " -f1-3 /proc/loadavg)   # other work on the machine inflates every figure
pids=()
rss_lines=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

for jdk in "$JDK17" "$JDK25"; do
  [ -x "$jdk/bin/java" ] || { echo "no JDK at $jdk (set JDK17 / JDK25)" >&2; exit 2; }
done
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  log "building the jar (./mvnw -B package -DskipTests)"
  ./mvnw -B -q package -DskipTests
fi

# ------------------------------------------------------------------------------------------------ helpers
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
# CPU of a process so far, in ms (utime + stime, fields 14 and 15 of /proc/<pid>/stat, after the command name).
cpu_ms() { awk -v t="$clk_tck" '{ sub(/^.*\) /, ""); print ($12 + $13) * 1000 / t }' "/proc/$1/stat"; }
rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
http_code() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true; }

# An obviously fake API key; the gateway gets its SHA-256 only (as bench/startup-rss.sh does).
key="bench-fake-key-not-a-secret-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export GATEWAY_API_KEYS_BENCH_SHA256=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
export GATEWAY_API_KEYS_BENCH_ROLES=reports-reader,reports-writer
client_id=00000000-7e57-4000-8000-00000000c1d0        # as WireMockUpstream (src/test)
client_tenant=3f2504e0-4f89-41d3-9a0c-0305e82c3301
report_id=6a5e27a7-0b5e-4a4c-9d7e-4ff3ba0e3b11
create_body='{"result_action":"save","parameters":{"level":"accounts","kind":"usage_current","formats":["csv_v2_0"]},"schedule":{"type":"once"}}'

# ------------------------------------------------------------------------------------------------ the upstream stub
# WireMock standalone as its own JVM (JDK 17): the token endpoint, the API client lookup (the default tenant of
# creates), a tenant's reports, GET and POST of reports; no request journal (a lean stub, as a real platform keeps none).
wiremock_jar=$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar
if [ ! -f "$wiremock_jar" ]; then
  ./mvnw -B -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION
fi
mkdir -p "$work/wiremock/mappings"
report_json=$(printf '{"id":"%s","version":1,"result_action":"send","recipients":["ca451758-b48a-45d9-9ae6-8f1059f67619","ab00e527-219b-481b-b01b-311b5be0ed3c"],"parameters":{"kind":"usage_summary","tenant_id":"%s","level":"accounts","period":{"start":"2017-05-01","end":"2017-05-07"},"formats":["csv","html"],"hide_zero_usage":true,"show_skus":true},"schedule":{"type":"once","enabled":true},"generation_date":"2017-05-08"}' "$report_id" "$client_tenant")
stub() { # name method urlPath|urlPathPattern path-or-regex body
  local body
  body=$(printf '%s' "$5" | sed 's/\\/\\\\/g; s/"/\\"/g')
  printf '{"request":{"method":"%s","%s":"%s"},"response":{"status":200,"headers":{"Content-Type":"application/json"},"body":"%s"}}\n' \
    "$2" "$3" "$4" "$body" >"$work/wiremock/mappings/$1.json"
}
stub token POST urlPath /api/2/idp/token "{\"access_token\":\"bench-fake-token\",\"token_type\":\"bearer\",\"expires_on\":$(( $(date +%s) + 36000 )),\"id_token\":\"fake-id-token\"}"
stub client GET urlPath "/api/2/clients/$client_id" "{\"client_id\":\"$client_id\",\"tenant_id\":\"$client_tenant\",\"type\":\"api_client\",\"status\":\"enabled\"}"
stub tenant-reports GET urlPathPattern '/api/2/tenants/.*/reports' '{"items":[]}'
stub fetch GET urlPathPattern '/api/2/reports/[0-9a-f-]*' "$report_json"
stub create POST urlPath /api/2/reports "$report_json"
upstream_port=$(free_port)
"$JDK17/bin/java" -jar "$wiremock_jar" --port "$upstream_port" --bind-address 127.0.0.1 --root-dir "$work/wiremock" \
  --no-request-journal --disable-banner >"$work/wiremock.log" 2>&1 &
upstream_pid=$!
pids+=("$upstream_pid")
for _ in $(seq 1 300); do
  [ "$(http_code "http://127.0.0.1:$upstream_port/__admin/mappings")" = 200 ] && break
  sleep 0.1
done
[ "$(http_code "http://127.0.0.1:$upstream_port/__admin/mappings")" = 200 ] || { echo "WireMock did not start: $work/wiremock.log" >&2; exit 1; }
log "upstream stub: WireMock $WIREMOCK_VERSION on 127.0.0.1:$upstream_port (pid $upstream_pid)"

# ------------------------------------------------------------------------------------------------ the gateway
# start_gateway NAME JAVA_HOME APP_DIR [JVM options...]: starts the jar in APP_DIR (its own directory as the working
# directory, as an AOT cache of Quarkus' packaging expects) in real mode against the stub, with a fresh H2 data
# directory; sets gw_pid, gw_port, gw_log, gw_t0 (ms).
start_gateway() {
  local name=$1 jdk=$2 app=$3
  shift 3
  gw_port=$(free_port)
  gw_log=$root/$work/$name.log
  local data=$root/$work/data-$name
  rm -rf "$data"
  gw_t0=$(now_ms)
  # shellcheck disable=SC2086
  (cd "$app" && ACRONIS_CLIENT_SECRET=fake-client-secret-for-bench GATEWAY_DATA_DIR=$data \
    exec "$jdk/bin/java" $HEAP_OPTS $GATEWAY_JAVA_OPTS "$@" \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$gw_port" \
    -Dacronis.url="http://127.0.0.1:$upstream_port" -Dacronis.client-id="$client_id" \
    -jar quarkus-run.jar >"$gw_log" 2>&1) &
  gw_pid=$!
  pids+=("$gw_pid")
}
# wait_gateway: waits until the port answers and until ready; sets gw_answer_ms, gw_ready_ms, gw_started (s).
wait_gateway() {
  gw_answer_ms=n/a
  gw_ready_ms=n/a
  local deadline=$(( $(now_ms) + 120000 )) code
  while [ "$(now_ms)" -lt "$deadline" ]; do
    kill -0 "$gw_pid" 2>/dev/null || { echo "the gateway exited: $gw_log" >&2; tail -20 "$gw_log" >&2; exit 1; }
    code=$(http_code "http://127.0.0.1:$gw_port/q/health/ready")
    if [ "$code" != 000 ] && [ "$gw_answer_ms" = n/a ]; then
      gw_answer_ms=$(( $(now_ms) - gw_t0 ))
    fi
    if [ "$code" = 200 ]; then
      gw_ready_ms=$(( $(now_ms) - gw_t0 ))
      break
    fi
    sleep 0.02
  done
  [ "$gw_ready_ms" != n/a ] || { echo "the gateway was not ready in 120 s: $gw_log" >&2; exit 1; }
  gw_started=$(grep -o 'started in [0-9.]*s' "$gw_log" | head -1 | grep -o '[0-9.]*[0-9]' || echo n/a)
}
stop_gateway() {
  kill "$gw_pid" 2>/dev/null || true
  wait "$gw_pid" 2>/dev/null || true
}
load() { # url total concurrency [POST body]
  "$JDK17/bin/java" -Dhttp="$HTTP" bench/LoadClient.java "$1" "$key" "$2" "$3" "${@:4}"
}
javac_load() { # the load client is compiled on each launch; keep its first compile out of any measurement
  "$JDK17/bin/java" bench/LoadClient.java "http://127.0.0.1:$upstream_port/__admin/mappings" x 1 1 >/dev/null
}

# ================================================================================================ (a) startup
if has_part a; then
  log "(a) startup: $STARTS starts per configuration"
  configs=("jdk17|$JDK17|target/quarkus-app|" "jdk25|$JDK25|target/quarkus-app|")
  if [[ $AOT == quarkus || $AOT == both ]]; then
    if [ ! -f target/quarkus-app-aot/app.aot ] || [ target/quarkus-app/quarkus-run.jar -nt target/quarkus-app-aot/app.aot ]; then
      log "(a) building the AOT cache with Quarkus' packaging (JDK 25, target/quarkus-app-aot)"
      JAVA_HOME=$JDK25 ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.aot.enabled=true \
        -Dquarkus.package.jar.aot.type=AOT -Dquarkus.package.jar.aot.phase=BUILD \
        -Dquarkus.package.output-directory=quarkus-app-aot >"$work/aot-build.log" 2>&1 \
        || { echo "the AOT build failed: $work/aot-build.log" >&2; exit 1; }
    fi
    configs+=("jdk25-aot-quarkus|$JDK25|target/quarkus-app-aot|-XX:AOTCache=app.aot")
    # the JVM image's configuration (docker/Dockerfile.jvm): the same cache, and the serial collector
    configs+=("jdk25-aot-serial|$JDK25|target/quarkus-app-aot|-XX:AOTCache=app.aot -XX:+UseSerialGC")
  fi
  if [[ $AOT == jvm || $AOT == both ]]; then
    log "(a) AOT training run (JDK 25, -XX:AOTCacheOutput, $TRAIN_REQUESTS requests)"
    aot_file=$root/$work/app.aot
    start_gateway aot-training "$JDK25" target/quarkus-app "-XX:AOTCacheOutput=$aot_file"
    wait_gateway
    javac_load
    load "http://127.0.0.1:$gw_port/api/2/reports/$report_id" $(( TRAIN_REQUESTS * 4 / 5 )) 2 >/dev/null
    load "http://127.0.0.1:$gw_port/api/2/reports" $(( TRAIN_REQUESTS / 5 )) 2 POST "$create_body" >/dev/null
    stop_gateway   # the cache is assembled at exit
    [ -f "$aot_file" ] || { echo "no AOT cache written: $gw_log" >&2; exit 1; }
    configs+=("jdk25-aot-jvm|$JDK25|target/quarkus-app|-XX:AOTCache=$aot_file")
  fi
  for config in "${configs[@]}"; do
    IFS='|' read -r name jdk app opts <<<"$config"
    : >"$work/a-$name.tsv"
    for n in $(seq 1 "$STARTS"); do
      # shellcheck disable=SC2086
      start_gateway "a-$name-$n" "$jdk" "$app" $opts
      wait_gateway
      cpu=$(cpu_ms "$gw_pid")
      sleep 1
      rss=$(rss_mib "$gw_pid")
      stop_gateway
      printf '%s\t%s\t%s\t%s\t%s\n' "$gw_started" "$gw_answer_ms" "$gw_ready_ms" "$rss" "$cpu" >>"$work/a-$name.tsv"
      echo "startup $name #$n: started in ${gw_started}s, port answers ${gw_answer_ms} ms, ready ${gw_ready_ms} ms, CPU until ready ${cpu} ms, RSS ${rss} MiB"
    done
  done
  sum "(a) startup, real mode against the stub, fresh H2 each start, $HEAP_OPTS; medians of $STARTS starts"
  sum "$(printf '    %-20s %12s %14s %10s %16s %10s' configuration 'started in s' 'port answers' 'ready ms' 'CPU to ready ms' 'RSS MiB')"
  for config in "${configs[@]}"; do
    name=${config%%|*}
    f=$work/a-$name.tsv
    eval "a_started_${name//-/_}=$(cut -f1 "$f" | median)"
    eval "a_ready_${name//-/_}=$(cut -f3 "$f" | median)"
    eval "a_rss_${name//-/_}=$(cut -f4 "$f" | median)"
    sum "$(printf '    %-20s %12s %14s %10s %16s %10s' "$name" "$(cut -f1 "$f" | median)" "$(cut -f2 "$f" | median)" \
      "$(cut -f3 "$f" | median)" "$(cut -f5 "$f" | median)" "$(cut -f4 "$f" | median)")"
  done
  sum "    ratio started-in jdk25/jdk17 $(ratio "$a_started_jdk25" "$a_started_jdk17"), ready $(ratio "$a_ready_jdk25" "$a_ready_jdk17")"
  for name in jdk25_aot_quarkus jdk25_aot_serial jdk25_aot_jvm; do
    v=a_started_$name
    r=a_ready_$name
    [ -n "${!v:-}" ] && sum "    ratio started-in $name/jdk25 $(ratio "${!v}" "$a_started_jdk25"), ready $(ratio "${!r}" "$a_ready_jdk25")"
  done
fi

# ================================================================================================ (b) proxy cost
if has_part b; then
  javac_load
  sum "(b) proxy cost: CPU ms per request (utime+stime), gateway vs upstream stub, after $WARMUP warm-up requests; concurrency $CONCURRENCY, HTTP/$HTTP client"
  IFS=, read -r -a proxy_jdks <<<"$PROXY_JDKS"
  IFS=, read -r -a proxy_apps <<<"$PROXY_APPS"
  [ ${#proxy_apps[@]} -eq 1 ] || sum "    apps: $(for i in "${!proxy_apps[@]}"; do printf '%s=%s ' "$i" "${proxy_apps[$i]}"; done)"
  sum "$(printf '    %-6s %-7s %8s %10s %12s %10s %10s %8s' jdk request n 'req/s' 'gateway ms' 'stub ms' 'ratio' 'p50 ms')"
  for v in "${proxy_jdks[@]}"; do
  for app_index in "${!proxy_apps[@]}"; do
    jdk_var=JDK$v
    jdk=${!jdk_var}
    label=$v
    [ ${#proxy_apps[@]} -eq 1 ] || label=$v/$app_index
    log "(b) proxy cost on JDK $v, ${proxy_apps[$app_index]}"
    start_gateway "b-jdk$v-$app_index" "$jdk" "${proxy_apps[$app_index]}"
    wait_gateway
    rss_start=$(rss_mib "$gw_pid")
    get_url="http://127.0.0.1:$gw_port/api/2/reports/$report_id"
    post_url="http://127.0.0.1:$gw_port/api/2/reports"
    load "$get_url" $(( WARMUP * 4 / 5 )) "$CONCURRENCY" >/dev/null
    load "$post_url" $(( WARMUP / 5 )) "$CONCURRENCY" POST "$create_body" >/dev/null
    for kind in GET POST; do
      if [ $kind = GET ]; then n=$GETS; else n=$POSTS; fi
      [ "$n" -gt 0 ] || continue
      g0=$(cpu_ms "$gw_pid"); u0=$(cpu_ms "$upstream_pid")
      if [ $kind = GET ]; then out=$(load "$get_url" "$n" "$CONCURRENCY"); else out=$(load "$post_url" "$n" "$CONCURRENCY" POST "$create_body"); fi
      g1=$(cpu_ms "$gw_pid"); u1=$(cpu_ms "$upstream_pid")
      echo "proxy jdk$label $kind: $out"
      ok=$(echo "$out" | sed 's/.* ok=\([0-9]*\).*/\1/')
      [ "$ok" = "$n" ] || echo "WARNING: only $ok of $n answered 200 (see $gw_log)" >&2
      gms=$(awk -v a="$g0" -v b="$g1" -v n="$n" 'BEGIN { printf "%.3f", (b - a) / n }')
      ums=$(awk -v a="$u0" -v b="$u1" -v n="$n" 'BEGIN { printf "%.3f", (b - a) / n }')
      rps=$(echo "$out" | sed 's/.*throughput=\([0-9]*\).*/\1/')
      p50=$(echo "$out" | sed 's/.*p50=\([0-9.]*\)ms.*/\1/')
      sum "$(printf '    %-6s %-7s %8s %10s %12s %10s %10s %8s' "$label" "$kind" "$n" "$rps" "$gms" "$ums" "$(ratio "$gms" "$ums")" "$p50")"
    done
    rss_load=$(rss_mib "$gw_pid")
    rss_lines+=("$(printf '    %-6s RSS after start %4s MiB, after %s requests %4s MiB' "$label" "$rss_start" $(( WARMUP + GETS + POSTS )) "$rss_load")")
    stop_gateway
  done
  done
  for line in "${rss_lines[@]}"; do sum "$line"; done
fi

# ================================================================================================ (c) usage parsing
if has_part c; then
  log "(c) usage parsing: bench/usage-parse.sh SIZE_MB=$USAGE_MB RUNS=$USAGE_RUNS"
  SIZE_MB=$USAGE_MB RUNS=$USAGE_RUNS HEAP=128m bench/usage-parse.sh | tee "$work/usage-parse.txt"
  "$JDK17/bin/java" -Xmx128m -cp "target/classes:target/test-classes:$(cat target/bench/classpath.txt)" \
    bench/UsageVsRaw.java "target/bench/usage-${USAGE_MB}mb.csv_v2_0.csv" "$USAGE_RUNS" | tee "$work/usage-raw.txt"
  sum "(c) usage parsing, ${USAGE_MB} MB csv_v2_0, -Xmx128m, medians of $USAGE_RUNS runs (MB/s of uncompressed bytes)"
  sum "    bench/usage-parse.sh: $(grep '^median' "$work/usage-parse.txt")"
  grep -E '^usage: (file|median|ratio)' "$work/usage-raw.txt" | sed 's/^usage: /    /' >>"$summary"
fi

# ================================================================================================ (d) billing run
if has_part d; then
  log "(d) billing run: bench/billing-run.sh SIZE_MB=$BILLING_MB DATABASES=h2"
  SIZE_MB=$BILLING_MB RUNS=1 DATABASES=h2 bench/billing-run.sh | tee "$work/billing-run.txt"
  sum "(d) billing run, ${BILLING_MB} MB csv_v2_0 report, H2, bench/billing-run.sh:"
  grep -E '^(report:|database|h2 )' "$work/billing-run.txt" | sed 's/^/    /' >>"$summary"
fi

echo
echo "==================================== summary (bench/perf.sh, $(date -u +%FT%TZ), $(nproc) cores, load average at start: $load_start, at end: $(cut -d" " -f1-3 /proc/loadavg)) ===="
cat "$summary"
