-- Votes spread across every proposal and member of the seeded cooperative, each sent by the member who votes.
-- PROPOSALS, MEMBERS and TOKENS (a file of "member token" lines) come from the environment that run.sh sets.
local proposals = tonumber(os.getenv("PROPOSALS") or "1000")
local members = tonumber(os.getenv("MEMBERS") or "100")
local choices = { "yes", "no", "abstain" }
local headers = {}

for line in io.lines(os.getenv("TOKENS")) do
  local member, token = line:match("^(%S+) (%S+)$")
  headers[member] = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

-- Each wrk thread runs its own Lua state, all seeded alike: without a seed of their own, every thread would send the
-- same sequence of votes, and each repeat would be a vote that changes nothing.
local threads = 0

setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end

init = function()
  math.randomseed(id)
end

request = function()
  local p = math.random(0, proposals - 1)
  local m = math.random(0, members - 1)
  local body = '{"choice":"' .. choices[math.random(1, 3)] .. '"}'
  return wrk.format("PUT", "/v1/cooperatives/load/proposals/p" .. p .. "/votes/m" .. m, headers["m" .. m], body)
end

done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT requests_per_sec=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    non2xx, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
