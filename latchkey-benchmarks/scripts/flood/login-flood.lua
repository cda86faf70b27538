-- Floods POST /api/token/ with correct credentials (every request costs one password hash)
-- and counts the answers by status, across wrk's threads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"username":"' .. args[1] .. '","password":"' .. args[2] .. '"}'
  ok, throttled, busy, other = 0, 0, 0, 0
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1
  elseif status == 429 then throttled = throttled + 1
  elseif status == 503 then busy = busy + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local totals = { ok = 0, throttled = 0, busy = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  io.write(string.format("FLOOD ok=%d throttled_429=%d busy_503=%d other=%d timeouts=%d p50_ms=%.1f p99_ms=%.1f\n",
    totals.ok, totals.throttled, totals.busy, totals.other, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
