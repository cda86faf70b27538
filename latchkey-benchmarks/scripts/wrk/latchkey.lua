-- One wrk script for every phase of scripts/load.sh. The phase comes from the environment variable
-- LK_MODE (so that every Lua state of wrk, the main one included, knows it), its data from the
-- arguments after "--":
--   LK_MODE=get     wrk ... -s latchkey.lua <url>                    [-- <access token>]
--   LK_MODE=verify  wrk ... -s latchkey.lua <url>/api/token/verify/   -- <token>
--   LK_MODE=login   wrk ... -s latchkey.lua <url>/api/token/          -- <username> <password>
--   LK_MODE=signup  wrk ... -s latchkey.lua <url>/api/auth/signup/    -- <username prefix> <password>
--   LK_MODE=refresh wrk ... -s latchkey.lua <url>/api/token/refresh/  -- <tokens file> <wrk threads>
--   LK_MODE=login-random wrk ... -s latchkey.lua <url>/api/token/     -- <user count> <password>
--   LK_MODE=get-tokens   wrk ... -s latchkey.lua <url>                -- <access tokens file>
--
-- get, verify and login send one fixed request (wrk builds it once, the cheapest load generator).
-- login-random logs in user<k> with k uniformly random in 1..<user count> (the users generated in SQL
-- by data-growth.sh), a new k per request. get-tokens sends GET with the access tokens of the file in
-- turn (one per line; each thread starts at another line), so the server looks up several users.
-- signup makes a unique username per request (prefix, thread number, counter). refresh sends each
-- refresh token once: each thread takes its share of the file of pre-minted tokens as a queue, and
-- the rotated successor of every 200 answer joins the end of the queue; a token is never sent twice.
-- So one run needs only as many tokens per thread as that thread has connections, however long it
-- runs, but the successors live in wrk's memory: with LK_REFRESH_LEFT=<file> in the environment,
-- done() writes the tokens still queued (valid, never sent) to <file>, one per line, for the next run.
-- Requests in flight when wrk stops lose their successors (at most one token per connection per run).
-- done() prints one line: "RESULT requests=... rps=... p50_ms=... p99_ms=... non2xx=...".

local mode = os.getenv("LK_MODE") or "get"
local dynamic = (mode == "signup" or mode == "refresh" or mode == "login-random" or mode == "get-tokens")
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_number", thread_count)
  table.insert(threads, thread)
end

local json_headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

-- per-thread state (each thread has its own Lua state)
bad = 0         -- answers with an unexpected status (exact count; dynamic modes only)
exhausted = 0   -- refresh: requests not sent because the token queue ran dry
queue, head, tail = {}, 1, 0   -- refresh: globals, so that done() can read them with thread:get
local prefix, password, counter = nil, nil, 0
local user_count = 0
local tokens, next_token = {}, 1

local function quote(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'))
end

function init(args)
  if mode == "get" then
    wrk.method = "GET"
    wrk.headers["Accept"] = "application/json"
    if args[1] and args[1] ~= "" then
      wrk.headers["Authorization"] = "Bearer " .. args[1]
    end
  elseif mode == "verify" then
    wrk.method = "POST"
    for k, v in pairs(json_headers) do wrk.headers[k] = v end
    wrk.body = '{"token":"' .. quote(args[1]) .. '"}'
  elseif mode == "login" then
    wrk.method = "POST"
    for k, v in pairs(json_headers) do wrk.headers[k] = v end
    wrk.body = '{"username":"' .. quote(args[1]) .. '","password":"' .. quote(args[2]) .. '"}'
  elseif mode == "signup" then
    -- LK_RUN (set per wrk run by lib.sh) keeps the warm-up's and the measurement's names apart.
    prefix, password = args[1] .. (os.getenv("LK_RUN") or ""), args[2]
  elseif mode == "login-random" then
    user_count, password = tonumber(args[1]), args[2]
    -- LK_RUN ("r" and nanoseconds, set per wrk run by lib.sh) makes every run and thread draw other users.
    math.randomseed((tonumber(string.sub(os.getenv("LK_RUN") or "", -9)) or os.time()) + thread_number * 7919)
  elseif mode == "get-tokens" then
    for line in io.lines(args[1]) do
      if line ~= "" then table.insert(tokens, line) end
    end
    next_token = ((thread_number - 1) * 7) % #tokens + 1
  elseif mode == "refresh" then
    local file, nthreads = args[1], tonumber(args[2])
    local n = 0
    for line in io.lines(file) do
      if line ~= "" then
        if n % nthreads == thread_number - 1 then
          tail = tail + 1
          queue[tail] = line
        end
        n = n + 1
      end
    end
  end
end

if dynamic then
  function request()
    if mode == "signup" then
      counter = counter + 1
      local username = prefix .. "_" .. thread_number .. "_" .. counter
      return wrk.format("POST", nil, json_headers,
        '{"username":"' .. username .. '","password":"' .. quote(password) .. '","name":"Load Test"}')
    end
    if mode == "login-random" then
      return wrk.format("POST", nil, json_headers,
        '{"username":"user' .. math.random(user_count) .. '","password":"' .. quote(password) .. '"}')
    end
    if mode == "get-tokens" then
      local token = tokens[next_token]
      next_token = next_token % #tokens + 1
      return wrk.format("GET", nil, { ["Accept"] = "application/json", ["Authorization"] = "Bearer " .. token })
    end
    if head > tail then
      -- Never send a token twice (that is reuse detection, another code path): stop this thread.
      exhausted = exhausted + 1
      wrk.thread:stop()
      return wrk.format("GET", "/actuator/health")
    end
    local token = queue[head]
    queue[head] = nil
    head = head + 1
    return wrk.format("POST", nil, json_headers, '{"refresh":"' .. token .. '"}')
  end

  function response(status, headers, body)
    if mode == "signup" then
      if status ~= 201 then bad = bad + 1 end
      return
    end
    if mode == "login-random" or mode == "get-tokens" then
      if status ~= 200 then bad = bad + 1 end
      return
    end
    if status == 200 then
      local successor = body:match('"refresh"%s*:%s*"([^"]+)"')
      if successor then
        tail = tail + 1
        queue[tail] = successor
        return
      end
    end
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local non2xx = errors.status -- wrk counts answers >= 400
  local bad_total, exhausted_total = 0, 0
  for _, thread in ipairs(threads) do
    bad_total = bad_total + (thread:get("bad") or 0)
    exhausted_total = exhausted_total + (thread:get("exhausted") or 0)
  end
  if dynamic then non2xx = bad_total end
  local left_file = os.getenv("LK_REFRESH_LEFT")
  if mode == "refresh" and left_file and left_file ~= "" then
    local f = assert(io.open(left_file, "w"))
    for _, thread in ipairs(threads) do
      local q, h, t = thread:get("queue"), thread:get("head"), thread:get("tail")
      for i = h, t do
        if q[i] then f:write(q[i], "\n") end
      end
    end
    f:close()
  end
  io.write(string.format(
    "RESULT mode=%s requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d exhausted=%d\n",
    mode, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non2xx, socket_errors, exhausted_total))
end
