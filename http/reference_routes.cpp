// Reference data: provinces and their districts (data/, provenance in data/SOURCES.md).
#include <boost/json.hpp>

#include "http/app.h"
#include "http/json_io.h"

namespace istihdam::http {

void AddReferenceRoutes(App& app, Router& router) {
  router.Add({"GET", "/api/v1/provinces", Access::kPublic, "", {}, false,
              [&app](RequestContext&) {
                boost::json::array items;
                for (const auto& p : app.services().ref.provinces()) {
                  items.push_back(boost::json::object{{"code", p.code}, {"name", p.name}});
                }
                return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
              },
              {"The 81 provinces (plate code and name)", "reference", {}, "",
               R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{"code":{"type":"string"},"name":{"type":"string"}}}}}})"}});
  router.Add({"GET", "/api/v1/provinces/{code}/districts", Access::kPublic, "", {}, false,
              [&app](RequestContext& ctx) {
                const auto& code = ctx.req.params["code"];
                const auto* province = app.services().ref.FindProvince(code);
                if (!province) return Problem("not_found", ctx.lang, "unknown province " + code);
                boost::json::array items;
                for (const auto& d : app.services().ref.Districts(code)) items.push_back(boost::json::object{{"name", d}});
                return JsonResponse(200, boost::json::object{{"province", code}, {"items", std::move(items)}});
              },
              {"The districts of a province", "reference", {}, "",
               R"({"type":"object","properties":{"province":{"type":"string"},"items":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}}}})"}});
}

}  // namespace istihdam::http
