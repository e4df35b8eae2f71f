#!/usr/bin/env bash
# Makes a new gateway API key and prints it with the configuration that lets it in.
# The key itself is shown once, here: give it to the caller. Only its SHA-256 digest goes into the
# gateway's configuration.
#
#   scripts/new-api-key.sh billing                          # reader and writer
#   scripts/new-api-key.sh dashboards reports-reader        # read-only
set -euo pipefail

name=${1:?usage: $0 <name: letters and digits> [roles, default reports-reader,reports-writer]}
roles=${2:-reports-reader,reports-writer}
if [[ ! $name =~ ^[A-Za-z0-9]+$ ]]; then
  echo "name must be letters and digits only (it becomes part of environment variable names)" >&2
  exit 2
fi

key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
digest=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
upper=$(printf %s "$name" | tr '[:lower:]' '[:upper:]')

cat <<OUT
API key for '$name' (give it to the caller; it is not stored anywhere):
  $key

Gateway configuration, as environment variables:
  GATEWAY_API_KEYS_${upper}_SHA256=$digest
  GATEWAY_API_KEYS_${upper}_ROLES=$roles

or in application.properties:
  gateway.api-keys.$name.sha256=$digest
  gateway.api-keys.$name.roles=$roles

The caller sends it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.
OUT
