// GET /health, /metrics, /openapi.json.
#include <boost/json.hpp>

#include "http/app.h"
#include "http/json_io.h"

namespace istihdam::http {

void AddServiceRoutes(App& app, Router& router) {
  router.Add({"GET", "/health", Access::kPublic, "", {}, false,
              [&app](RequestContext&) {
                boost::json::object o;
                o["status"] = "ok";
                o["position"] = app.store().LastPosition();
                if (const auto* replica = app.replica_log()) {  // read replica: fed from Kafka
                  o["role"] = "read";
                  o["position"] = replica->LastPosition();
                  o["readModelPosition"] = app.projections().Position();
                  o["replicaLagMessages"] = app.replica_lag_messages();
                }
                if (const auto* pub = app.publisher()) {
                  o["publishedPosition"] = pub->Checkpoint();
                  const auto last = app.store().LastPosition();
                  o["publishLag"] = last > pub->Checkpoint() ? last - pub->Checkpoint() : 0;
                }
                return JsonResponse(200, o);
              },
              {"Liveness and the last committed position", "service", {}, "",
               R"({"type":"object","properties":{"status":{"type":"string"},"position":{"type":"integer"},)"
               R"("role":{"type":"string","enum":["read"]},"readModelPosition":{"type":"integer"},)"
               R"("replicaLagMessages":{"type":"integer"},"publishedPosition":{"type":"integer"},)"
               R"("publishLag":{"type":"integer"}}})"}});
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
