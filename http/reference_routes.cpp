// Reference data: provinces and their districts (data/, provenance in data/SOURCES.md).
#include <boost/json.hpp>

#include "http/app.h"
#include "http/json_io.h"
#include "projections/paging.h"

namespace istihdam::http {

void AddReferenceRoutes(App& app, Router& router) {
  router.Add({"GET", "/api/v1/provinces", Access::kPublic, "", {}, false,
              [&app](RequestContext&) {
                boost::json::array items;
                for (const auto& p : app.services().ref.provinces()) {
                  items.push_back(boost::json::object{{"code", p.code}, {"name", p.name}});
                }
                return JsonResponse(200, WholeListEnvelope(std::move(items)));
              },
              {"The 81 provinces (plate code and name), all in one page", "reference", {}, "",
               std::string(R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{"code":{"type":"string"},"name":{"type":"string"}}}},)") +
                   kPagingSchemaProps + "}}"}});
  router.Add({"GET", "/api/v1/provinces/{code}/districts", Access::kPublic, "", {}, false,
              [&app](RequestContext& ctx) {
                const auto& code = ctx.req.params["code"];
                const auto* province = app.services().ref.FindProvince(code);
                if (!province) return Problem("not_found", ctx.lang, "unknown province " + code);
                boost::json::array items;
                for (const auto& d : app.services().ref.Districts(code)) items.push_back(boost::json::object{{"name", d}});
                auto out = WholeListEnvelope(std::move(items));
                out["province"] = code;
                return JsonResponse(200, out);
              },
              {"The districts of a province, all in one page", "reference", {}, "",
               std::string(R"({"type":"object","properties":{"province":{"type":"string"},"items":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}},)") +
                   kPagingSchemaProps + "}}"}});
}

}  // namespace istihdam::http
