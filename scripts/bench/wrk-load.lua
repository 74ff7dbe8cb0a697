-- wrk's side of `npm run bench:read` (scripts/bench/read.js writes the command line).
-- Arguments after `--`: method, path, body ('' for none), first page number, stride, offsets.
-- A path or body holding {start} and {limit} is a page nobody asked for before on each request:
-- page n starts at (n * stride) % offsets, ten articles (one more each time the offsets wrap).
-- Every answer that is not a 2xx is counted (a run with any is a failed run); done() prints one
-- line, `WRK {json}`, for read.js to parse.

-- read.js runs one wrk thread (-t1, the server has the other core), so one page counter.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

non2xx = 0
local method, path, body, page, stride, offsets, fixed

function init(args)
  method, path, body = args[1], args[2], args[3]
  if body == "" then body = nil end
  page = tonumber(args[4])
  stride, offsets = tonumber(args[5]), tonumber(args[6])
  if not (path:find("{start}") or (body and body:find("{start}"))) then
    fixed = wrk.format(method, path, nil, body)
  end
end

local function fill(template, start, limit)
  if not template then return nil end
  return (template:gsub("{start}", tostring(start)):gsub("{limit}", tostring(limit)))
end

function request()
  if fixed then return fixed end
  local start = (page * stride) % offsets
  local limit = 10 + math.floor(page / offsets)
  page = page + 1
  return wrk.format(method, fill(path, start, limit), nil, fill(body, start, limit))
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local other = 0
  for _, thread in ipairs(threads) do other = other + thread:get("non2xx") end
  local errors = summary.errors
  io.write(string.format(
    'WRK {"requests":%d,"durationUs":%d,"non2xx":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50Us":%d,"p99Us":%d}\n',
    summary.requests, summary.duration, other, errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
