// GET /health, /metrics, /openapi.json.
#include <boost/json.hpp>

#include "http/app.h"
#include "http/contract/service.h"
#include "http/endpoint.h"

namespace istihdam::http {

using namespace contract::service;

namespace {

HealthDoc HealthReport(App& app) {
  HealthDoc o;
  o.position = app.store().LastPosition();
  if (const auto write_error = app.config().role == "read" ? std::nullopt : app.store().WriteError()) {
    o.writes = "failed";
    o.write_error = write_error->code + (write_error->detail.empty() ? "" : ": " + write_error->detail);
  }
  bool stalled = false;
  auto health = app.projections().Health();
  health.push_back(app.job_search().Health());
  for (const auto& h : health) {
    o.projections.push_back({h.name, h.stalled ? "stalled" : "ok", h.position, h.lag,
                             h.stalled ? std::optional(h.error) : std::nullopt});
    stalled = stalled || h.stalled;
  }
  if (const auto* replica = app.replica_log()) {  // read replica: fed from Kafka
    o.role = "read";
    o.position = replica->LastPosition();
    o.read_model_position = app.projections().Position();
    o.replica_lag_messages = app.replica_lag_messages();
  }
  if (const auto* pub = app.publisher()) {
    const auto last = app.store().LastPosition();
    const auto lag = last > pub->Checkpoint() ? last - pub->Checkpoint() : 0;
    o.published_position = pub->Checkpoint();
    o.publish_lag = lag;
    const std::string error = pub->ReadError();
    o.relay = RelayHealthDoc{pub->Checkpoint(), lag, error.empty() ? "ok" : "stalled",
                             error.empty() ? std::nullopt : std::optional(error)};
    stalled = stalled || !error.empty();
  }
  if (o.write_error || stalled) o.status = "degraded";
  return o;
}

}  // namespace

void AddServiceRoutes(App& app, Router& router) {
  // Routes, not Endpoints: /health answers 503 when degraded, the others are not typed JSON.
  router.Add(Route{.method = "GET", .pattern = "/health", .access = Access::kPublic,
                   .handler = [&app](RequestContext&) {
                     const HealthDoc o = HealthReport(app);
                     return JsonResponse(o.status == "ok" ? 200 : 503, wire::ToJson(o));
                   },
                   .doc = {.summary = "Readiness: the write path, each projection and the Kafka relay; 503 when degraded",
                           .tag = "service", .response_schema = wire::SchemaOf<HealthDoc>()}});
  router.Add(Endpoint{.method = "GET", .path = "/health/live", .access = Access::kPublic,
                      .summary = "Liveness: 200 while the process runs", .tag = "service",
                      .handle = [](RequestContext&) -> Result<LiveDoc> { return LiveDoc{}; }});
  router.Add(Route{.method = "GET", .pattern = "/metrics", .access = Access::kPublic,
                   .handler = [&app](RequestContext&) {
                     HttpResponse r;
                     r.content_type = "text/plain; version=0.0.4";
                     r.body = app.metrics().Serialize();
                     return r;
                   },
                   .doc = {.summary = "Prometheus metrics (text format)", .tag = "service",
                           .response_type = "text/plain"}});
  router.Add(Route{.method = "GET", .pattern = "/openapi.json", .access = Access::kPublic,
                   .handler = [&router](RequestContext&) {
                     static const std::string doc = BuildOpenApi(router);  // routes are fixed by now
                     HttpResponse r;
                     r.body = doc;
                     return r;
                   },
                   .doc = {.summary = "This OpenAPI document", .tag = "service",
                           .response_schema = boost::json::object{{"type", "object"}}}});
}

}  // namespace istihdam::http
