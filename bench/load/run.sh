#!/usr/bin/env bash
# HTTP load test: votes across 1,000 open proposals on the single-node API with SQLite, against the same
# route on plain Kestrel in the same run. Needs wrk (Debian: apt-get install wrk).
# Usage: bench/load/run.sh [duration, default 30s] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-30s}
connections=${2:-32}
export PROPOSALS=${PROPOSALS:-1000} MEMBERS=${MEMBERS:-100}
api_port=5301
plain_port=5302
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
for project in src/Api bench/Governance.PlainKestrel; do dotnet build -c Release "$project" -v quiet -nologo >/dev/null; done

wait_ready() {
  for _ in $(seq 1 150); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done
  echo "not ready: $1" >&2; exit 1
}

# Every vote is authenticated and authorized as in production. The rate limiter stays in the path, set high
# enough never to refuse: a hundred members each voting many times a second is what it exists to stop.
api_dll="$PWD/src/Api/bin/Release/net10.0/Governance.Api.dll"
(cd "$work" && Storage__Provider=${STORAGE:-Sqlite} Storage__Sqlite__Path="$work/governance.db" Logging__LogLevel__Default=Warning \
  Orleans__SiloPort=11311 Orleans__GatewayPort=30311 RateLimit__Burst=1000000 RateLimit__PerSecond=1000000 \
  exec dotnet "$api_dll" --urls "http://127.0.0.1:$api_port") >"$work/api.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$api_port/health/ready"

# One token per member, signed with the key the node generated in its data folder.
export TOKENS="$work/tokens.txt"
seq 0 $((MEMBERS - 1)) | xargs -P 4 -I{} sh -c "cd '$work' && echo \"m{} \$(dotnet '$api_dll' token --sub m{})\"" >"$TOKENS"
admin=(-H "Authorization: Bearer $(awk '$1 == "m0" { print $2 }' "$TOKENS")")

api="http://127.0.0.1:$api_port/v1/cooperatives"
json=(-sf -o /dev/null -H 'Content-Type: application/json' "${admin[@]}")
curl "${json[@]}" -X POST "$api" -d '{"id":"load","name":"Load test"}'
seq 1 $((MEMBERS - 1)) | xargs -P 8 -I{} curl "${json[@]}" -X POST "$api/load/members" -d '{"id":"m{}"}'
seq 0 $((PROPOSALS - 1)) | xargs -P 8 -I{} curl "${json[@]}" -X POST "$api/load/proposals" -d '{"id":"p{}","title":"Proposal {}"}'
seq 0 $((PROPOSALS - 1)) | xargs -P 8 -I{} curl "${json[@]}" -X POST "$api/load/proposals/p{}/open"
echo "seeded $MEMBERS members (m0 founded the cooperative) and $PROPOSALS open proposals"

# Warm-up, then the measured run.
wrk -t2 -c"$connections" -d5s -s bench/load/votes.lua "http://127.0.0.1:$api_port" >/dev/null
api_pid=$(pgrep -f "Governance.Api.dll --urls http://127.0.0.1:$api_port" | head -1)
cpu_before=$(awk '{print $14 + $15}' "/proc/$api_pid/stat")
api_result=$(wrk -t2 -c"$connections" -d"$duration" -s bench/load/votes.lua "http://127.0.0.1:$api_port" | grep '^RESULT')
cpu_after=$(awk '{print $14 + $15}' "/proc/$api_pid/stat")
echo "api cpu: $(( (cpu_after - cpu_before) / $(getconf CLK_TCK) )) core-seconds over $duration"
kill "${pids[0]}"

ASPNETCORE_URLS="http://127.0.0.1:$plain_port" dotnet bench/Governance.PlainKestrel/bin/Release/net10.0/Governance.PlainKestrel.dll >"$work/plain.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$plain_port/" && break; sleep 0.2; done
wrk -t2 -c"$connections" -d5s -s bench/load/votes.lua "http://127.0.0.1:$plain_port" >/dev/null
plain_result=$(wrk -t2 -c"$connections" -d"$duration" -s bench/load/votes.lua "http://127.0.0.1:$plain_port" | grep '^RESULT')

echo "api   (SQLite): $api_result"
echo "plain Kestrel:  $plain_result"
api_rps=$(sed -E 's/.*requests_per_sec=([0-9.]+).*/\1/' <<<"$api_result")
plain_rps=$(sed -E 's/.*requests_per_sec=([0-9.]+).*/\1/' <<<"$plain_result")
awk -v a="$api_rps" -v p="$plain_rps" 'BEGIN { printf "ratio: %.1f%% of plain Kestrel\n", 100 * a / p }'
