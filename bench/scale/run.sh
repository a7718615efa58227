#!/usr/bin/env bash
# A million-member cooperative on the single node with SQLite, driven over HTTP by bench/Governance.Scale: bulk import,
# default delegations in chains, open proposals, votes, tally reads, delegation changes until every tally shows them,
# resident memory, then a SIGKILL and the cold start after it.
# Usage: bench/scale/run.sh [members, default 1000000] [delegations, default 600000] [proposals, default 100] [votes, default 250000]
set -euo pipefail
cd "$(dirname "$0")/../.."

members=${1:-1000000}
delegations=${2:-600000}
proposals=${3:-100}
votes=${4:-250000}
port=5311
api_dll="$PWD/src/Api/bin/Release/net10.0/Governance.Api.dll"
work=$(mktemp -d)
api_pid=""
cleanup() { [ -n "$api_pid" ] && kill -9 "$api_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for project in src/Api bench/Governance.Scale; do dotnet build -c Release "$project" -v quiet -nologo >/dev/null; done
key=$(head -c 32 /dev/urandom | base64)

# The rate limiter stays in the path, set high enough never to refuse one member driving load for many.
start_api() {
  (cd "$work" && exec env 'Logging__LogLevel__Governance.Grains.Cooperatives.CooperativeGrain=Information' Storage__Provider=Sqlite Storage__Sqlite__Path="$work/governance.db" Logging__LogLevel__Default=Warning \
    Auth__Jwt__SigningKey="$key" Orleans__SiloPort=11312 Orleans__GatewayPort=30312 \
    RateLimit__Burst=1000000 RateLimit__PerSecond=1000000 \
    dotnet "$api_dll" --urls "http://127.0.0.1:$port") >>"$work/api.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0; sleep 0.1; done
  echo "the API did not become ready; its log:" >&2; tail -50 "$work/api.log" >&2; exit 1
}

drive() {
  dotnet bench/Governance.Scale/bin/Release/net10.0/Governance.Scale.dll --api "http://127.0.0.1:$port" --key "$key" --pid "$api_pid" \
    --members "$members" --delegations "$delegations" --proposals "$proposals" --votes "$votes" --api-log "$work/api.log" "$@"
}

start_api
drive --phase setup
kill -9 "$api_pid"
wait "$api_pid" 2>/dev/null || true
started=$(date +%s%N)
start_api
echo "restart after SIGKILL: ready in $(( ($(date +%s%N) - started) / 1000000 )) ms"
drive --phase cold-start
