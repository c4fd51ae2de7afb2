-- tests/bench/soak.lua: wrk script for tests/bench/soak.sh.
-- Every connection sends the session cookie (SOAK_COOKIE) and walks the
-- GET endpoints the app polls, in turn. Not the registration form: each
-- load of it makes a form token (the mock keeps the latest 16 a member),
-- which would take the POST flows' tokens (soak-post.py) from under them;
-- those flows load the form 20 times each instead. Any answer but 200 counts as an
-- unexpected error; done() prints the count per thread summed.

local paths = {
  "/v1/card",
  "/v1/card/networks",
  "/v1/programs",
  "/v1/notices",
  "/v1/charge-cards",
  "/v1/charges",
}

local threads = {}
local cookie = os.getenv("SOAK_COOKIE")

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  unexpected = 0
  first_bad = ""
  counter = 0
  wrk.headers["Cookie"] = cookie
  wrk.headers["Accept"] = "application/json"
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status ~= 200 then
    unexpected = unexpected + 1
    if first_bad == "" then
      first_bad = status .. " " .. string.sub(body or "", 1, 200)
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("unexpected")
    local bad = thread:get("first_bad")
    if bad ~= nil and bad ~= "" then
      io.write("first unexpected answer: " .. bad .. "\n")
    end
  end
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("unexpected %d\n", total))
  io.write(string.format("socket_errors %d\n", summary.errors.connect + summary.errors.read +
                         summary.errors.write + summary.errors.timeout + summary.errors.status))
  io.write(string.format("rate %.0f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
