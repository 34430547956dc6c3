-- wrk script: each request searches the next query of a query file (default
-- benches/queries.txt: one query a line, '#' comments skipped), URL-encoded,
-- against GET /api/search?q=... (the page's full search: top 10, all facets,
-- snippets). Each thread starts at a different point of the cycle.
-- At the end it prints one JSON line: requests, errors, throughput and latency
-- percentiles, for scripts/load/serve_load.sh to collect.
--
--   QUERIES=benches/queries.txt wrk -t2 -c32 -d30s -s scripts/load/queries.lua http://127.0.0.1:7700

local queries = {}
local counter = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local function load(path)
  local list = {}
  for line in io.lines(path) do
    line = line:gsub("^%s+", ""):gsub("%s+$", "")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      -- The peers' "class<TAB>query" format: keep the query.
      local tab = line:find("\t")
      if tab then line = line:sub(tab + 1) end
      list[#list + 1] = "/api/search?q=" .. urlencode(line)
    end
  end
  assert(#list > 0, "no queries in " .. path)
  return list
end

local threads = {}
local thread_id = 0

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  threads[#threads + 1] = thread
end

function init(args)
  queries = load(os.getenv("QUERIES") or "benches/queries.txt")
  counter = (id or 0) * 7
  non2xx = 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", queries[(counter % #queries) + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, ' ..
    '"non2xx": %d, "connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, "status_errors": %d}\n',
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad, e.connect, e.read, e.write, e.timeout, e.status))
end
