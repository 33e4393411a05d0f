// Reference data: provinces and their districts (data/, provenance in data/SOURCES.md).
#include "http/app.h"
#include "http/contract/reference.h"
#include "http/endpoint.h"

namespace istihdam::http {

using namespace contract::reference;

void AddReferenceRoutes(App& app, Router& router) {
  const ReferenceData& ref = app.services().ref;
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/provinces", .access = Access::kPublic,
      .summary = "The 81 provinces (plate code and name), all in one page", .tag = "reference",
      .handle = [&ref](RequestContext&) -> Result<wire::PageOf<ProvinceDoc>> {
        std::vector<ProvinceDoc> items;
        for (const auto& p : ref.provinces()) items.push_back({p.code, p.name});
        return wire::WholeList(std::move(items));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/provinces/{code}/districts", .access = Access::kPublic,
      .summary = "The districts of a province, all in one page", .tag = "reference",
      .handle = [&ref](RequestContext& c) -> Result<DistrictList> {
        const auto& code = c.req.params["code"];
        if (!ref.FindProvince(code)) return Error::Of(errc::kNotFound, "unknown province " + code);
        std::vector<DistrictDoc> items;
        for (const auto& d : ref.Districts(code)) items.push_back({d});
        return DistrictList{code, wire::WholeList(std::move(items))};
      }});
}

}  // namespace istihdam::http
