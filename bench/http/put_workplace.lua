-- wrk script: PUT the workplace update wizard of a random workplace (from $WORKPLACES, a
-- comma-separated id list) with a new address every request, so that every request is a
-- command appending one event; no If-Match (rare races are retried by the server).
local ids = {}
for id in string.gmatch(os.getenv("WORKPLACES") or "", "[^,]+") do ids[#ids + 1] = id end
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"district":"Kadıköy","address":"Bench Cad. No:%d-%d","phone":"0212 555 00 00"}',
                             counter, math.random(1, 1000000000))
  return wrk.format("PUT", "/api/v1/workplaces/" .. ids[math.random(1, #ids)],
                    {["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json"}, body)
end
