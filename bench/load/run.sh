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
source bench/load/single-node.sh
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

for project in src/Api bench/Governance.PlainKestrel; do dotnet build -c Release "$project" -v quiet -nologo >/dev/null; done

# Every vote is authenticated and authorized as in production. The rate limiter stays in the path, set high
# enough never to refuse: a hundred members each voting many times a second is what it exists to stop.
api_dll="$PWD/src/Api/bin/Release/net10.0/Governance.Api.dll"
(cd "$work" && Storage__Provider=${STORAGE:-Sqlite} Storage__Sqlite__Path="$work/governance.db" Logging__LogLevel__Default=Warning \
  Orleans__SiloPort=11311 Orleans__GatewayPort=30311 RateLimit__Burst=1000000 RateLimit__PerSecond=1000000 \
  exec dotnet "$api_dll" --urls "http://127.0.0.1:$api_port") >"$work/api.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$api_port/health/ready"

seed_cooperative "$api_dll" "$api_port"

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
