// Event history for auditors: the global log and one stream's history, as JSON or NDJSON. A
// read replica serves its copy of the log received from Kafka (docs/events.md).
#include <boost/json.hpp>

#include "http/app.h"
#include "http/json_io.h"

namespace istihdam::http {

namespace {

const std::vector<std::string> kAuditors = {"Auditor"};

constexpr const char* kSchema = R"({"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/Event"}},"next":{"type":"integer"}}})";

HttpResponse Events(RequestContext& ctx, App& app, const std::vector<RecordedEvent>& evs, std::uint64_t next) {
  const bool ndjson = ctx.req.Header("Accept").find("application/x-ndjson") != std::string::npos;
  if (ndjson) {
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

std::optional<std::uint64_t> Number(const std::optional<std::string>& v, std::uint64_t def, std::uint64_t max) {
  if (!v) return def;
  if (v->empty() || v->size() > 19 || v->find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const auto n = std::stoull(*v);
  return n > max ? std::nullopt : std::optional(n);
}

}  // namespace

void AddEventRoutes(App& app, Router& router) {
  router.Add({"GET", "/api/v1/events", Access::kStaff, "", kAuditors, false,
              [&app](RequestContext& ctx) {
                const auto from = Number(ctx.req.Query("from"), 1, UINT64_MAX - 1);
                const auto limit = Number(ctx.req.Query("limit"), 100, 1000);
                if (!from || !limit || *limit == 0) {
                  return Problem(Error{"invalid_parameter", {{!from ? "from" : "limit", "invalid_format"}}, {}}, ctx.lang);
                }
                const auto evs = app.event_log().Read(std::max<std::uint64_t>(*from, 1), *limit);
                const std::uint64_t next = evs.empty() ? std::max<std::uint64_t>(*from, 1) : evs.back().position + 1;
                return Events(ctx, app, evs, next);
              },
              {"The global event log in order, from a position (auditors)", "events", {"from", "limit"}, "", kSchema}});
  router.Add({"GET", "/api/v1/streams/{streamId}/events", Access::kStaff, "", kAuditors, false,
              [&app](RequestContext& ctx) {
                const auto from = Number(ctx.req.Query("from"), 1, UINT64_MAX - 1);
                const auto limit = Number(ctx.req.Query("limit"), 100, 1000);
                if (!from || !limit || *limit == 0) {
                  return Problem(Error{"invalid_parameter", {{!from ? "from" : "limit", "invalid_format"}}, {}}, ctx.lang);
                }
                const auto evs = app.streams().ReadStream(ctx.req.params["streamId"], *from, *limit);
                if (evs.empty() && app.streams().StreamVersion(ctx.req.params["streamId"]) == 0) {
                  return Problem("stream_not_found", ctx.lang);
                }
                const std::uint64_t next = evs.empty() ? *from : evs.back().version + 1;
                return Events(ctx, app, evs, next);
              },
              {"One stream's history; `from` and `next` are stream versions (auditors)", "events", {"from", "limit"}, "", kSchema}});
}

}  // namespace istihdam::http
