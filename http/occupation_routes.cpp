// The occupation dictionary — "Meslekler Sözlüğü" (DOMAIN.md §2.1.8, OCC-1, OCC-2): public
// search and look-up over the ISCO-08 tree and the imported national occupations.
#include <memory>

#include "http/app.h"
#include "http/contract/occupations.h"
#include "http/endpoint.h"
#include "projections/occupations.h"

namespace istihdam::http {

using namespace contract::occupations;

void AddOccupationRoutes(App& app, Router& router) {
  auto dictionary = std::make_shared<const OccupationDictionary>(app.services().ref);
  const auto view = [&app] { return app.projections().View("occupations"); };
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/occupations", .access = Access::kPublic,
      .summary = "Search the occupation dictionary (OCC-1), by code; more than 1000 matching rows answer 422 "
                 "too_many_results",
      .tag = "occupations",
      .handle = [dictionary, view](RequestContext&, const OccupationSearch& q) -> Result<wire::PageOf<OccupationItem>> {
        auto found = dictionary->Search(view(), q.ToFilter(), q.requested());
        if (!found.ok()) return found.error();
        wire::PageOf<OccupationItem> out;
        for (const auto& e : found->items) out.items.push_back(OccupationItem::Of(e));
        out.page = static_cast<std::int64_t>(q.page);
        out.page_size = static_cast<std::int64_t>(q.page_size);
        out.total = static_cast<std::int64_t>(found->total);
        out.total_pages = static_cast<std::int64_t>((found->total + q.page_size - 1) / q.page_size);
        return out;
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/occupations/{code}", .access = Access::kPublic,
      .summary = "One occupation with its ancestors (path) and children (OCC-2); 404 occupation_not_found",
      .tag = "occupations",
      .handle = [dictionary, view](RequestContext& c) -> Result<OccupationView> {
        const auto found = dictionary->Find(view(), c.req.params["code"]);
        if (!found) return Error::Of(errc::kOccupationNotFound);
        return OccupationView::Of(*found);
      }});
}

}  // namespace istihdam::http
