-- A paced stream of authenticated GETs (an application's ordinary API traffic): each connection
-- waits DELAY ms between requests, so this measures latency, not the server's ceiling.
-- Args: <access token> <delay ms>.
function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  pause = tonumber(args[2])
end

function delay()
  return pause
end

function done(summary, latency, requests)
  io.write(string.format("GETS requests=%d non2xx=%d timeouts=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
