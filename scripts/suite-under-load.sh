#!/usr/bin/env bash
# Runs the whole test suite (./mvnw -B verify) RUNS times in a row (default 5) in a clean clone of HEAD while a
# second clone builds and tests the same commit over and over beside it, so that the suite is shown to pass on a
# loaded machine (2 shared cores in CI). Prints one line per run and the totals; exits non-zero if any run failed.
#   scripts/suite-under-load.sh            # 5 runs; MAVEN_ARGS=-o to stay offline once the repository is filled
set -euo pipefail

runs=${RUNS:-5}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'touch "$work/done"; wait; rm -rf "$work"' EXIT

git clone -q "$repo" "$work/suite"
git clone -q "$repo" "$work/load"

(
  cd "$work/load"
  n=0
  while [ ! -f "$work/done" ]; do
    n=$((n + 1))
    ./mvnw -B ${MAVEN_ARGS:-} verify > "$work/load-$n.log" 2>&1 || true
    echo "second build $n finished" >> "$work/load.summary"
  done
) &

failed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  status=0
  (cd "$work/suite" && ./mvnw -B ${MAVEN_ARGS:-} verify > "$work/suite-$i.log" 2>&1) || status=$?
  totals=$(grep -E 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$work/suite-$i.log" \
    | sed 's/^\[[A-Z]*\] //' | paste -sd ';' -)
  echo "run $i: exit $status in $(( $(date +%s) - start )) s, load average $(cut -d' ' -f1-3 /proc/loadavg); ${totals}"
  if [ "$status" -ne 0 ]; then
    failed=$((failed + 1))
    grep -E '<<< (FAILURE|ERROR)!' "$work/suite-$i.log" | head -n 20 || true
  fi
done
touch "$work/done"
echo "second builds started beside the suite: $(( $(wc -l < "$work/load.summary" 2>/dev/null || echo 0) + 1 ))"
echo "$runs runs, $failed failed"
[ "$failed" -eq 0 ]
