#!/usr/bin/env bash
# Live result streams under votes on the single-node API with SQLite: SUBSCRIBERS tally streams on one proposal, each
# on its own connection, while members vote yes at a steady rate, one new voter per vote. bench/Governance.StreamSubscribers
# opens the streams, sends the votes and reports the delay from each vote's acknowledgement to each subscriber's
# message, the messages delivered and the API's CPU and memory. Before the streams open, a warm-up of votes on a third
# proposal, then the same votes as in the measured phase on a proposal nobody watches, for comparison; after they
# open, a warm-up of votes on the streamed proposal. Then it closes the proposal and checks that every stream got the
# final result and ended.
# Usage: bench/sse/run.sh [duration, default 30s] [subscribers, default 1000] [votes per second, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-30s}
duration=${duration%s}
subscribers=${2:-1000}
rate=${3:-20}
warm_up=10
# The admin m0, and a new voter for every vote of the warm-up and the measured phase.
export PROPOSALS=3 MEMBERS=$(python3 -c "print(1 + round($rate * $warm_up) + round($rate * $duration))")
api_port=5331
source bench/load/single-node.sh

for project in src/Api bench/Governance.StreamSubscribers; do dotnet build -c Release "$project" -v quiet -nologo >/dev/null; done

# The subscribers read with one app key, so its cap on open streams is raised to fit them all; the rate limiter stays
# in the path, set too high to refuse their thousand requests at once.
api_dll="$PWD/src/Api/bin/Release/net10.0/Governance.Api.dll"
(cd "$work" && Storage__Provider=Sqlite Storage__Sqlite__Path="$work/governance.db" Logging__LogLevel__Default=Warning \
  Orleans__SiloPort=11331 Orleans__GatewayPort=30331 RateLimit__Burst=1000000 RateLimit__PerSecond=1000000 \
  Limits__MaxStreamsPerIdentity="$subscribers" \
  exec dotnet "$api_dll" --urls "http://127.0.0.1:$api_port") >"$work/api.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$api_port/health/ready"

seed_cooperative "$api_dll" "$api_port"
app_key=$(curl -sf -H 'Content-Type: application/json' "${admin[@]}" -X POST "$api/load/keys" -d '{"name":"Stream subscribers","scopes":["read"]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')

# The subscribers stand in for other machines: their idle thread-pool workers must not spin on the shared cores.
DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 DOTNET_gcServer=0 dotnet bench/Governance.StreamSubscribers/bin/Release/net10.0/Governance.StreamSubscribers.dll \
  --api "http://127.0.0.1:$api_port/" --tokens "$TOKENS" --app-key "$app_key" --api-pid "${pids[0]}" --clock-ticks "$(getconf CLK_TCK)" \
  --subscribers "$subscribers" --votes-per-second "$rate" --duration "$duration" --warm-up "$warm_up"
if grep -q ' warn\| fail' "$work/api.log"; then echo "API warnings:"; grep -A2 ' warn\| fail' "$work/api.log" | head -20; fi
