#!/usr/bin/env bash
# Feed and webhook benchmark on the single-node API with SQLite. In one run: votes per second with no webhook and
# with one subscribed to every event (alternating, three times each), webhook deliveries per second to a loopback receiver,
# and feed pages of 100 events read per second by an app key. Needs wrk (Debian: apt-get install wrk).
# Usage: bench/feed/run.sh [phase duration, default 15s] [connections, default 32] [pairs of vote phases, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-15s}
connections=${2:-32}
pairs=${3:-3}
export PROPOSALS=${PROPOSALS:-1000} MEMBERS=${MEMBERS:-100}
api_port=5311
receiver_port=5312
source bench/load/single-node.sh
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

for project in src/Api bench/Governance.WebhookReceiver; do dotnet build -c Release "$project" -v quiet -nologo >/dev/null; done

api_dll="$PWD/src/Api/bin/Release/net10.0/Governance.Api.dll"
(cd "$work" && Storage__Provider=Sqlite Storage__Sqlite__Path="$work/governance.db" Logging__LogLevel__Default=Warning \
  Orleans__SiloPort=11321 Orleans__GatewayPort=30321 RateLimit__Burst=1000000 RateLimit__PerSecond=1000000 \
  Webhooks__AllowedNetworks__0=127.0.0.0/8 \
  exec dotnet "$api_dll" --urls "http://127.0.0.1:$api_port") >"$work/api.log" 2>&1 &
pids+=($!)
# The receiver stands in for another machine: it must take as little of the shared cores as it can, so its idle
# thread-pool workers do not spin.
ASPNETCORE_URLS="http://127.0.0.1:$receiver_port" DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 DOTNET_gcServer=0 dotnet bench/Governance.WebhookReceiver/bin/Release/net10.0/Governance.WebhookReceiver.dll >"$work/receiver.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$api_port/health/ready"
wait_ready "http://127.0.0.1:$receiver_port/count"

seed_cooperative "$api_dll" "$api_port"
json=(-sf -H 'Content-Type: application/json' "${admin[@]}")

feed_end() { curl -sf "${admin[@]}" "$api/load/events?limit=1000&after=$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["nextCursor"])'; }
end_of_feed() { local cursor=0 next; while next=$(feed_end "$cursor"); [ "$next" != "$cursor" ]; do cursor=$next; done; echo "$cursor"; }
received() { curl -sf "http://127.0.0.1:$receiver_port/count" | awk '{print $1}'; }
requests() { curl -sf "http://127.0.0.1:$receiver_port/count" | awk '{print $2}'; }
# CPU seconds a process has used; the receiver shares the machine's cores, so each vote phase says what it took.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
votes() {
  local api_before receiver_before delivered_before result
  api_before=$(cpu_seconds "${pids[0]}"); receiver_before=$(cpu_seconds "${pids[1]}"); delivered_before=$(received)
  result=$(wrk -t2 -c"$connections" -d"$1" -s bench/load/votes.lua "http://127.0.0.1:$api_port" | grep '^RESULT')
  echo "$result api_cpu_s=$(python3 -c "print(round($(cpu_seconds "${pids[0]}") - $api_before, 2))")" \
    "receiver_cpu_s=$(python3 -c "print(round($(cpu_seconds "${pids[1]}") - $receiver_before, 2))")" \
    "delivered=$(($(received) - delivered_before))"
}

webhook_create() { curl "${json[@]}" -X POST "$api/load/webhooks" -d "{\"url\":\"http://127.0.0.1:$receiver_port/hook\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
rate() { sed -E 's/.*requests_per_sec=([0-9.]+).*/\1/'; }

# Phases alternate so that drift on a shared machine falls on both sides alike; each new webhook starts at the
# feed's end, so it has to keep pace with the votes. The warm-up has a webhook too, so the receiver and the delivery
# path are compiled before the first measured phase.
webhook=$(webhook_create)
votes "$duration" >/dev/null
curl "${json[@]}" -o /dev/null -X DELETE "$api/load/webhooks/$webhook"
without=(); with=()
for pair in $(seq 1 "$pairs"); do
  result=$(votes "$duration"); without+=("$(rate <<<"$result")"); echo "votes, no webhook:      $result"
  webhook=$(webhook_create)
  result=$(votes "$duration"); with+=("$(rate <<<"$result")"); echo "votes, with a webhook:  $result"
  if [ "$pair" -lt "$pairs" ]; then curl "${json[@]}" -o /dev/null -X DELETE "$api/load/webhooks/$webhook"; fi
done
python3 -c "
without, with_ = [$(IFS=,; echo "${without[*]}")], [$(IFS=,; echo "${with[*]}")]
a, b = sum(without) / len(without), sum(with_) / len(with_)
print(f'votes per second:       {a:.1f} without, {b:.1f} with a webhook ({(b - a) / a * 100:+.1f} %)')"

# Delivery on its own: the last webhook sends the whole feed again from its start.
end=$(end_of_feed)
curl "${json[@]}" -o /dev/null -X POST "$api/load/webhooks/$webhook/replay" -d '{"after":null}'
before=$(requests); started=$(date +%s.%N)
sleep 10
after=$(requests); stopped=$(date +%s.%N)
echo "webhook deliveries:     $(python3 -c "print(f'{($after - $before) / ($stopped - $started):.1f} per second')") (replaying the feed's $end events)"

export FEED_END=$end
export APP_KEY=$(curl "${json[@]}" -X POST "$api/load/keys" -d '{"name":"Feed reader","scopes":["read"]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
wrk -t2 -c8 -d5s -s bench/feed/pages.lua "http://127.0.0.1:$api_port" >/dev/null
echo "feed pages of 100:      $(wrk -t2 -c8 -d"$duration" -s bench/feed/pages.lua "http://127.0.0.1:$api_port" | grep '^RESULT')"
