// Event history for auditors: the global log and one stream's history, as JSON or NDJSON. A
// read replica serves its copy of the log received from Kafka (docs/events.md).
#include <boost/json.hpp>

#include "http/app.h"
#include "http/contract/event_history.h"
#include "http/endpoint.h"

namespace istihdam::http {

using namespace contract::event_history;

namespace {

// JSON, or NDJSON (one event a line, X-Next-Position) when the client accepts it.
HttpResponse Events(RequestContext& ctx, App& app, const std::vector<RecordedEvent>& evs, std::uint64_t next) {
  if (ctx.req.Header("Accept").find("application/x-ndjson") != std::string::npos) {
    HttpResponse r;
    r.content_type = "application/x-ndjson";
    for (const auto& e : evs) {
      r.body += boost::json::serialize(app.registry().ToJson(e));
      r.body += '\n';
    }
    r.headers.emplace_back("X-Next-Position", std::to_string(next));
    return r;
  }
  boost::json::array items;
  for (const auto& e : evs) items.push_back(app.registry().ToJson(e));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}, {"next", next}});
}

// A Route (not an Endpoint): the answer's media type follows Accept.
Route EventRoute(const char* path, const char* summary, std::function<HttpResponse(RequestContext&, const EventQuery&)> read) {
  return Route{.method = "GET", .pattern = path, .access = Access::kStaff, .staff_roles = {StaffRole::kAuditor},
               .handler = [read = std::move(read)](RequestContext& ctx) {
                 auto q = wire::ReadQuery<EventQuery>(ctx.req.query);
                 return q.ok() ? read(ctx, *q) : Fail(ctx, q.error());
               },
               .doc = {.summary = summary, .tag = "events", .query = wire::QueryParameters<EventQuery>(),
                       .response_schema = wire::SchemaOf<EventPage>()}};
}

}  // namespace

void AddEventRoutes(App& app, Router& router) {
  router.Add(EventRoute("/api/v1/events", "The global event log in order, from a position (auditors)",
                        [&app](RequestContext& ctx, const EventQuery& q) {
                          const auto from = std::max<std::uint64_t>(q.from, 1);
                          const auto evs = app.event_log().Read(from, q.limit);
                          return Events(ctx, app, evs, evs.empty() ? from : evs.back().position + 1);
                        }));
  router.Add(EventRoute("/api/v1/streams/{streamId}/events",
                        "One stream's history; `from` and `next` are stream versions (auditors)",
                        [&app](RequestContext& ctx, const EventQuery& q) {
                          const auto& stream = ctx.req.params["streamId"];
                          const auto evs = app.streams().ReadStream(stream, q.from, q.limit);
                          if (evs.empty() && app.streams().StreamVersion(stream) == 0) {
                            return Problem(errc::kStreamNotFound, ctx.lang);
                          }
                          return Events(ctx, app, evs, evs.empty() ? q.from : evs.back().version + 1);
                        }));
}

}  // namespace istihdam::http
