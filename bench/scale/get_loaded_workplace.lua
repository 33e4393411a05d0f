-- wrk script: an auditor's GET of a random loaded workplace (bench/scale/scale_events.h ids
-- FIRST .. FIRST+COUNT-1) with the bearer token. Auditors read any employer's workplace as of
-- the last position: the command side loads the stream (aggregate cache, snapshots, event reads),
-- so this load spreads over the whole data set, not a few hot rows.
local first = tonumber(os.getenv("FIRST"))
local count = tonumber(os.getenv("COUNT"))
request = function()
  return wrk.format("GET", "/api/v1/workplaces/" .. string.format("%d", first + math.random(0, count - 1)),
                    {["Authorization"] = "Bearer " .. os.getenv("TOKEN")})
end
