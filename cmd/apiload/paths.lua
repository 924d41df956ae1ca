-- paths.lua: wrk script that sends GET requests for paths drawn at random from a file
-- (one path a line), named as the script argument: wrk ... -s paths.lua URL -- FILE
local paths = {}

init = function(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
