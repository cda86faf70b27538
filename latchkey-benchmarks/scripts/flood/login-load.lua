-- Correct-password logins on POST /api/token/, cycling through USERS accounts (load_1 .. load_N) so
-- that no per-username rule serialises them; counts answers by status, and 503s that carry no
-- Retry-After, across wrk's threads. Args: <users> <password>.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  users = tonumber(args[1])
  password = args[2]
  next_user = id
  ok, busy, busy_without_retry_after, other = 0, 0, 0, 0
end

function request()
  next_user = (next_user % users) + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" },
    '{"username":"load_' .. next_user .. '","password":"' .. password .. '"}')
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1
  elseif status == 503 then
    busy = busy + 1
    if headers["Retry-After"] == nil then busy_without_retry_after = busy_without_retry_after + 1 end
  else other = other + 1 end
end

function done(summary, latency, requests)
  local totals = { ok = 0, busy = 0, busy_without_retry_after = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  io.write(string.format("LOGINS ok=%d busy_503=%d no_retry_after=%d other=%d timeouts=%d p50_ms=%.1f p99_ms=%.1f seconds=%.1f\n",
    totals.ok, totals.busy, totals.busy_without_retry_after, totals.other, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
