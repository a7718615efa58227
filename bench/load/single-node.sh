# Sourced by the single-node benchmarks (bench/load/run.sh, bench/feed/run.sh, bench/sse/run.sh) from the repository
# root: a scratch folder and the processes started in it, both gone on exit, and the seeding of the cooperative "load".
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

wait_ready() {
  for _ in $(seq 1 150); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done
  echo "not ready: $1" >&2; exit 1
}

# seed_cooperative API_DLL API_PORT: one token per member in $TOKENS, signed with the key the node generated in its
# data folder; then the cooperative "load", founded by m0, with MEMBERS members and PROPOSALS open proposals. Sets
# admin (m0's Authorization header, as curl arguments) and api (the cooperatives URL).
seed_cooperative() {
  export TOKENS="$work/tokens.txt"
  seq 0 $((MEMBERS - 1)) | xargs -P 4 -I{} sh -c "cd '$work' && echo \"m{} \$(dotnet '$1' token --sub m{})\"" >"$TOKENS"
  admin=(-H "Authorization: Bearer $(awk '$1 == "m0" { print $2 }' "$TOKENS")")
  api="http://127.0.0.1:$2/v1/cooperatives"
  local post=(-sf -o /dev/null -H 'Content-Type: application/json' "${admin[@]}" -X POST)
  curl "${post[@]}" "$api" -d '{"id":"load","name":"Load test"}'
  seq 1 $((MEMBERS - 1)) | xargs -P 8 -I{} curl "${post[@]}" "$api/load/members" -d '{"id":"m{}"}'
  seq 0 $((PROPOSALS - 1)) | xargs -P 8 -I{} curl "${post[@]}" "$api/load/proposals" -d '{"id":"p{}","title":"Proposal {}"}'
  seq 0 $((PROPOSALS - 1)) | xargs -P 8 -I{} curl "${post[@]}" "$api/load/proposals/p{}/open"
  echo "seeded $MEMBERS members (m0 founded the cooperative) and $PROPOSALS open proposals"
}
