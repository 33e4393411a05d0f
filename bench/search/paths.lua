-- wrk script: GET a random line of the file named by $PATHS (one request target per line).
local paths = {}

init = function(args)
  for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
