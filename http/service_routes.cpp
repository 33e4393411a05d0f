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
                return JsonResponse(200, o);
              },
              {"Liveness and the last committed position", "service", {}, "",
               R"({"type":"object","properties":{"status":{"type":"string"},"position":{"type":"integer"}}})"}});
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
