-- wrk script: GET the detail of a random workplace (from $WORKPLACES) with the bearer token.
local ids = {}
for id in string.gmatch(os.getenv("WORKPLACES") or "", "[^,]+") do ids[#ids + 1] = id end
request = function()
  return wrk.format("GET", "/api/v1/workplaces/" .. ids[math.random(1, #ids)],
                    {["Authorization"] = "Bearer " .. os.getenv("TOKEN")})
end
