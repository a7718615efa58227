#!/usr/bin/env bash
# Cluster load test: votes through the API (an Orleans client) into two silos that keep their event logs in Azure
# Blob Storage (Azurite), against the raw append rate of the same Azurite. Membership and reminders are in the same
# account's tables (MEMBERSHIP=AzureStorage, the default) or in Redis (MEMBERSHIP=Redis). Group commit lets a proposal
# write all the votes that arrived during one append in its next one, so the cluster can acknowledge more votes per
# second than one log can take single appends. Needs wrk, azurite (azurite-blob and redis-server for Redis) and jq.
# Usage: [MEMBERSHIP=AzureStorage|Redis] [PROPOSALS=1] [MEMBERS=200] bench/cluster/run.sh [duration, default 30s] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-30s}
connections=${2:-64}
export PROPOSALS=${PROPOSALS:-1} MEMBERS=${MEMBERS:-200}
membership=${MEMBERSHIP:-AzureStorage}
case "$membership" in
  AzureStorage) stores=(azurite) ;;
  Redis) stores=(redis-server redis-cli azurite-blob) ;;
  *) echo "MEMBERSHIP must be AzureStorage or Redis, not '$membership'" >&2; exit 1 ;;
esac
work=$(mktemp -d)
pids=()
# Newest first, each awaited: the silos leave the cluster cleanly only while the membership store is still up.
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; wait "${pids[i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk jq "${stores[@]}"; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 1; }
done
for project in src/Silo src/Api bench/Governance.BlobAppends; do dotnet build -c Release "$project" -v quiet -nologo >/dev/null; done

wait_ready() { # url log
  for _ in $(seq 1 300); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done
  echo "not ready: $1" >&2; tail -n 30 "$2" >&2; exit 1
}

# Eleven free loopback ports, held together while chosen so none is handed out twice.
read -r redis_port blob_port queue_port table_port api_port s1_silo s1_gateway s1_http s2_silo s2_gateway s2_http < <(python3 -c '
import socket
held = [socket.socket() for _ in range(11)]
for s in held: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in held))')

account="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"
if [ "$membership" = Redis ]; then
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
  pids+=($!)
  (cd "$work" && exec azurite-blob --blobHost 127.0.0.1 --blobPort "$blob_port" --inMemoryPersistence --skipApiVersionCheck \
    --silent --disableTelemetry) >"$work/azurite.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export Orleans__RedisConnectionString="127.0.0.1:$redis_port"
  blob=$account
else
  (cd "$work" && exec azurite --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
    --tableHost 127.0.0.1 --tablePort "$table_port" --inMemoryPersistence --skipApiVersionCheck --silent --disableTelemetry) \
    >"$work/azurite.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$table_port/" && break; sleep 0.1; done
  blob="${account}TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
fi
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$blob_port/" && break; sleep 0.1; done

# The API client reads membership from the same account, so it needs the connection string too.
export Orleans__MembershipProvider="$membership" Orleans__AdvertisedAddress=127.0.0.1 Storage__AzureBlob__ConnectionString="$blob"
export Logging__LogLevel__Default=Warning

silo_dll="$PWD/src/Silo/bin/Release/net10.0/Governance.Silo.dll"
start_silo() { # name silo-port gateway-port http-port
  (cd "$work" && Orleans__SiloName="$1" Orleans__SiloPort="$2" Orleans__GatewayPort="$3" \
    Storage__Provider=AzureBlob exec dotnet "$silo_dll" --urls "http://127.0.0.1:$4") >"$work/$1.log" 2>&1 &
  pids+=($!)
}
start_silo silo1 "$s1_silo" "$s1_gateway" "$s1_http"
start_silo silo2 "$s2_silo" "$s2_gateway" "$s2_http"
wait_ready "http://127.0.0.1:$s1_http/health/ready" "$work/silo1.log"
wait_ready "http://127.0.0.1:$s2_http/health/ready" "$work/silo2.log"

# Every vote is authenticated and authorized as in production, with a rate limiter set high enough never to refuse.
api_dll="$PWD/src/Api/bin/Release/net10.0/Governance.Api.dll"
export Auth__Jwt__SigningKey; Auth__Jwt__SigningKey=$(openssl rand -base64 32)
(cd "$work" && Orleans__Mode=Client RateLimit__Burst=1000000 RateLimit__PerSecond=1000000 \
  exec dotnet "$api_dll" --urls "http://127.0.0.1:$api_port") >"$work/api.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$api_port/health/ready" "$work/api.log"
echo "cluster ready after ${SECONDS}s: 2 silos ($membership membership, Azurite blob $blob_port), API client on $api_port"

export TOKENS="$work/tokens.txt"
seq 0 $((MEMBERS - 1)) | xargs -P 4 -I{} sh -c "cd '$work' && echo \"m{} \$(dotnet '$api_dll' token --sub m{})\"" >"$TOKENS"
admin=(-H "Authorization: Bearer $(awk '$1 == "m0" { print $2 }' "$TOKENS")")

api="http://127.0.0.1:$api_port/v1/cooperatives"
json=(-sf -o /dev/null -H 'Content-Type: application/json' "${admin[@]}")
curl "${json[@]}" -X POST "$api" -d '{"id":"load","name":"Load test"}'
seq 1 $((MEMBERS - 1)) | xargs -P 8 -I{} curl "${json[@]}" -X POST "$api/load/members" -d '{"id":"m{}"}'
seq 0 $((PROPOSALS - 1)) | xargs -P 8 -I{} curl "${json[@]}" -X POST "$api/load/proposals" -d '{"id":"p{}","title":"Proposal {}"}'
seq 0 $((PROPOSALS - 1)) | xargs -P 8 -I{} curl "${json[@]}" -X POST "$api/load/proposals/p{}/open"
echo "seeded $MEMBERS members (m0 founded the cooperative) and $PROPOSALS open proposals after ${SECONDS}s"

# Both silos' counters, summed, as "series value" lines; buckets keep their le label.
scrape() {
  for port in "$s1_http" "$s2_http"; do curl -sf "http://127.0.0.1:$port/metrics"; done | awk '
    /^governance_(group_commit_batch_size_(bucket|sum|count)|store_appends_total|store_events_total|votes_total)[{ ]/ {
      name = $1; sub(/\{.*/, "", name)
      if (name == "governance_votes_total" && $1 !~ /decision="proposal"/) next
      if (match($1, /le="[^"]*"/)) name = name "{" substr($1, RSTART, RLENGTH) "}"
      sum[name] += $2
    }
    END { for (name in sum) print name, sum[name] }' | sort
}

wrk -t2 -c"$connections" -d5s -s bench/load/votes.lua "http://127.0.0.1:$api_port" >/dev/null
scrape >"$work/before.txt"
wrk -t2 -c"$connections" -d"$duration" -s bench/load/votes.lua "http://127.0.0.1:$api_port" >"$work/wrk.txt"
scrape >"$work/after.txt"

result=$(grep '^RESULT' "$work/wrk.txt")
read -r requests seconds < <(sed -nE 's/^ *([0-9]+) requests in ([0-9.]+)(m?s).*/\1 \2 \3/p' "$work/wrk.txt" |
  awk '{ print $1, ($3 == "ms" ? $2 / 1000 : $2) }')
non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$result")
votes_per_sec=$(awk -v r="$requests" -v n="$non2xx" -v s="$seconds" 'BEGIN { printf "%.1f", (r - n) / s }')

echo "wrk:   $result"
echo "votes acknowledged (2xx): $((requests - non2xx)) in ${seconds}s = $votes_per_sec votes/s (non-2xx: $non2xx)"
# sort -g puts the buckets in numeric order (+Inf last), after the other series.
join "$work/before.txt" "$work/after.txt" | sort -t'"' -k2,2g | awk -v seconds="$seconds" '
  { delta[$1] = $3 - $2 }
  /_bucket\{/ { le = $1; sub(/.*le="/, "", le); sub(/".*/, "", le); buckets = buckets sprintf(" <=%s: %d", le, $3 - $2 - below); below = $3 - $2 }
  END {
    appends = delta["governance_group_commit_batch_size_count"]
    events = delta["governance_group_commit_batch_size_sum"]
    print "group commit, measured interval (appends by events per append):" buckets
    printf "appends: %d (%.1f/s), events: %d (%.1f/s), events per append (mean): %.2f\n", appends, appends / seconds, events, events / seconds, appends ? events / appends : 0
    printf "store: %d appends, %d events; votes recorded: %d (a repeated choice is acknowledged without an event)\n", delta["governance_store_appends_total"], delta["governance_store_events_total"], delta["governance_votes_total"]
  }'

# A ballot counts once: the counts must add up to the participation. With one hot proposal every member has voted on
# it by the end, so its participation is the whole membership; across many, some pairs may never have been drawn.
curl -sf "${admin[@]}" "$api/load/proposals/p0/tally" | jq -c '{p0: .}'
for p in $(seq 0 $((PROPOSALS - 1))); do curl -sf "${admin[@]}" "$api/load/proposals/p$p/tally"; done | jq -rs --argjson m "$MEMBERS" '
  (map(select(.counts.yes + .counts.no + .counts.abstain == .participation and .participation <= $m)) | length) as $consistent
  | (map(select(.participation == $m)) | length) as $full | (map(.participation) | add) as $total
  | "tallies: counts add up to participation on \($consistent) of \(length) proposals; every member counted on \($full); participation \($total) of \(length * $m)"'

raw=$(dotnet bench/Governance.BlobAppends/bin/Release/net10.0/Governance.BlobAppends.dll --connection-string "$blob" \
  --duration "${seconds%.*}" --writers "$PROPOSALS")
echo "$raw"
raw_per_sec=$(sed -E 's/.*appends_per_sec=([0-9.]+).*/\1/' <<<"$raw")
events=$(join "$work/before.txt" "$work/after.txt" | awk '$1 == "governance_group_commit_batch_size_sum" { print $3 - $2 }')
awk -v v="$votes_per_sec" -v e="$events" -v s="$seconds" -v r="$raw_per_sec" 'BEGIN {
  printf "ratio: %.2f acknowledged votes per raw append (%s votes/s, %s appends/s); %.2f events written per raw append\n", v / r, v, r, e / s / r }'
