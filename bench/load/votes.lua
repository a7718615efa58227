-- Votes spread across every proposal and member of the seeded cooperative, each sent by the member who votes.
-- PROPOSALS, MEMBERS and TOKENS (a file of "member token" lines) come from the environment that run.sh sets.
local proposals = tonumber(os.getenv("PROPOSALS") or "1000")
local members = tonumber(os.getenv("MEMBERS") or "100")
local choices = { "yes", "no", "abstain" }
local headers = {}

require("bench.load.wrk_threads")

for line in io.lines(os.getenv("TOKENS")) do
  local member, token = line:match("^(%S+) (%S+)$")
  headers[member] = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

request = function()
  local p = math.random(0, proposals - 1)
  local m = math.random(0, members - 1)
  local body = '{"choice":"' .. choices[math.random(1, 3)] .. '"}'
  return wrk.format("PUT", "/v1/cooperatives/load/proposals/p" .. p .. "/votes/m" .. m, headers["m" .. m], body)
end
