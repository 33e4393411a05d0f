// GET /health, /metrics, /openapi.json.
#include <boost/json.hpp>

#include "http/app.h"
#include "http/json_io.h"

namespace istihdam::http {

namespace {

// What /health says (docs/api.md "Health"): degraded when writes fail, a projection is
// stalled or the Kafka relay cannot read the log. Lag alone is reported, not judged.
boost::json::object HealthReport(App& app) {
  bool degraded = false;
  boost::json::object o;
  o["status"] = "ok";
  o["position"] = app.store().LastPosition();
  const auto write_error = app.config().role == "read" ? std::nullopt : app.store().WriteError();
  o["writes"] = write_error ? "failed" : "ok";
  if (write_error) {
    o["writeError"] = write_error->code + (write_error->detail.empty() ? "" : ": " + write_error->detail);
    degraded = true;
  }
  boost::json::array projections;
  for (const auto& h : app.projections().Health()) {
    boost::json::object p{{"name", h.name}, {"position", h.position}, {"lag", h.lag},
                          {"state", h.stalled ? "stalled" : "ok"}};
    if (h.stalled) p["error"] = h.error;
    degraded = degraded || h.stalled;
    projections.push_back(std::move(p));
  }
  o["projections"] = std::move(projections);
  if (const auto* replica = app.replica_log()) {  // read replica: fed from Kafka
    o["role"] = "read";
    o["position"] = replica->LastPosition();
    o["readModelPosition"] = app.projections().Position();
    o["replicaLagMessages"] = app.replica_lag_messages();
  }
  if (const auto* pub = app.publisher()) {
    const auto last = app.store().LastPosition();
    const auto lag = last > pub->Checkpoint() ? last - pub->Checkpoint() : 0;
    o["publishedPosition"] = pub->Checkpoint();
    o["publishLag"] = lag;
    const std::string error = pub->ReadError();
    boost::json::object relay{{"position", pub->Checkpoint()}, {"lag", lag}, {"state", error.empty() ? "ok" : "stalled"}};
    if (!error.empty()) relay["error"] = error;
    degraded = degraded || !error.empty();
    o["relay"] = std::move(relay);
  }
  if (degraded) o["status"] = "degraded";
  return o;
}

}  // namespace

void AddServiceRoutes(App& app, Router& router) {
  router.Add({"GET", "/health", Access::kPublic, "", {}, false,
              [&app](RequestContext&) {
                const boost::json::object o = HealthReport(app);
                return JsonResponse(o.at("status") == "ok" ? 200 : 503, o);
              },
              {"Readiness: the write path, each projection and the Kafka relay; 503 when degraded", "service", {}, "",
               R"({"type":"object","required":["status","position","writes"],"properties":{)"
               R"("status":{"type":"string","enum":["ok","degraded"]},"position":{"type":"integer"},)"
               R"("writes":{"type":"string","enum":["ok","failed"]},"writeError":{"type":"string"},)"
               R"("projections":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},)"
               R"("position":{"type":"integer"},"lag":{"type":"integer"},"state":{"type":"string","enum":["ok","stalled"]},)"
               R"("error":{"type":"string"}}}},)"
               R"("relay":{"type":"object","properties":{"position":{"type":"integer"},"lag":{"type":"integer"},)"
               R"("state":{"type":"string","enum":["ok","stalled"]},"error":{"type":"string"}}},)"
               R"("role":{"type":"string","enum":["read"]},"readModelPosition":{"type":"integer"},)"
               R"("replicaLagMessages":{"type":"integer"},"publishedPosition":{"type":"integer"},)"
               R"("publishLag":{"type":"integer"}}})"}});
  router.Add({"GET", "/health/live", Access::kPublic, "", {}, false,
              [](RequestContext&) { return JsonResponse(200, boost::json::object{{"status", "live"}}); },
              {"Liveness: 200 while the process runs", "service", {}, "",
               R"({"type":"object","properties":{"status":{"type":"string","enum":["live"]}}})"}});
  router.Add({"GET", "/metrics", Access::kPublic, "", {}, false,
              [&app](RequestContext&) {
                HttpResponse r;
                r.content_type = "text/plain; version=0.0.4";
                r.body = app.metrics().Serialize();
                return r;
              },
              {"Prometheus metrics (text format)", "service", {}, "", ""}});
  router.Add({"GET", "/openapi.json", Access::kPublic, "", {}, false,
              [&router](RequestContext&) {
                static const std::string doc = BuildOpenApi(router);  // routes are fixed by now
                HttpResponse r;
                r.body = doc;
                return r;
              },
              {"This OpenAPI document", "service", {}, "", R"({"type":"object"})"}});
}

}  // namespace istihdam::http
