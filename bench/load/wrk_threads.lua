-- What every wrk script here shares: each thread seeds its own random sequence, and the summary is one RESULT line
-- that run.sh greps. Each wrk thread runs its own Lua state, all seeded alike: without a seed of their own, every
-- thread would send the same sequence of requests.
local threads = 0

setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end

init = function()
  math.randomseed(id)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests_per_sec=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
