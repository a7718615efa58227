-- Feed pages read by an app key, from cursors spread over the whole feed. FEED_END (the last cursor) and APP_KEY come
-- from run.sh.
local last = tonumber(os.getenv("FEED_END") or "1000")
local headers = { ["X-Api-Key"] = os.getenv("APP_KEY") }
require("bench.load.wrk_threads")

request = function()
  local after = math.random(0, math.max(last - 100, 0))
  return wrk.format("GET", "/v1/cooperatives/load/events?limit=100&after=" .. after, headers)
end
