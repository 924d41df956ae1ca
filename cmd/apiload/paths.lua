-- paths.lua: wrk script that sends GET requests for paths drawn at random from a file
-- (one request a line), named as the script argument: wrk ... -s paths.lua URL -- FILE.
-- A line is a path, optionally followed by tab-separated request headers
-- ("/embed/claims/c_1<TAB>If-None-Match: \"abc\"").
local reqs = {}

init = function(args)
  for line in io.lines(args[1]) do
    local path, rest = line:match("^([^\t]*)\t?(.*)$")
    local headers = {}
    for h in rest:gmatch("[^\t]+") do
      local k, v = h:match("^([^:]+):%s*(.*)$")
      if k then headers[k] = v end
    end
    reqs[#reqs + 1] = wrk.format("GET", path, headers)
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
end

request = function()
  return reqs[math.random(#reqs)]
end
