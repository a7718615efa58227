-- Feed pages read by an app key, from cursors spread over the whole feed. FEED_END (the last cursor) and APP_KEY come
-- from run.sh.
local last = tonumber(os.getenv("FEED_END") or "1000")
local headers = { ["X-Api-Key"] = os.getenv("APP_KEY") }
local threads = 0

setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end

init = function()
  math.randomseed(id)
end

request = function()
  local after = math.random(0, math.max(last - 100, 0))
  return wrk.format("GET", "/v1/cooperatives/load/events?limit=100&after=" .. after, headers)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests_per_sec=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
