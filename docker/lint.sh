#!/usr/bin/env bash
# Lints every docker/Dockerfile.* with dockerfile-utils (npm; hadolint is not packaged in Debian).
# dockerfile-utils exits non-zero on errors only, so any printed finding (warnings included) fails here.
# Needs node + npm and access to the npm registry. Usage: docker/lint.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

version=0.16.3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$tmp" "dockerfile-utils@$version" >/dev/null
lint="$tmp/node_modules/.bin/dockerfile-utils"

failed=0
for f in docker/Dockerfile.*; do
    rc=0
    out=$("$lint" lint "$f" 2>&1) || rc=$?
    if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
        echo "FAIL $f (exit $rc)"
        printf '%s\n' "$out"
        failed=1
    else
        echo "ok   $f"
    fi
done
exit "$failed"
