// Quota status — "Kontenjan Durumu" (QUOTA-1..3), API.md "Monthly workforce schedule and quota".
#include <boost/json.hpp>

#include "aggregates/permissions.h"
#include "aggregates/workforce_schedule.h"
#include "http/json_io.h"
#include "http/labor_market_io.h"
#include "projections/quota_status.h"

namespace istihdam::http {

namespace {

constexpr const char* kCategory = R"({"type":"object","properties":{"category":{"type":"string",
"enum":["disabled","exConvict","terrorVictim","exConvictOrTerrorVictim"]},"required":{"type":"integer"},
"employed":{"type":"integer"},"deficit":{"type":"integer"}}})";
const std::string kStatusProps = std::string(R"("month":{"type":"string"},"sector":{"type":"string","enum":["private","public"]},
"baseHeadcount":{"type":"integer"},"subject":{"type":"boolean"},"categories":{"type":"array","items":)") + kCategory + "}";
const std::string kStatusSchema = "{\"type\":\"object\",\"properties\":{" + kStatusProps + "}}";
const std::string kListSchema = R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{)" +
                                kStatusProps + R"(,"rulesEffectiveFrom":{"type":"string"}}}},
"page":{"type":"integer"},"pageSize":{"type":"integer"},"total":{"type":"integer"},"totalPages":{"type":"integer"}}})";

}  // namespace

void AddQuotaRoutes(App& app, Router& router) {
  const std::string perm(permissions::kQuotaStatus);
  router.Add({"GET", "/api/v1/workplaces/{id}/quota-status", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                if (auto no = RequireHeadquarters(ctx, ctx.req.params["id"])) return *no;
                const std::string month = ctx.req.Query("month").value_or("");
                if (!month.empty() && !IsYearMonth(month)) {
                  return Fail(ctx, Error{"invalid_parameter", {{"month", "invalid_format"}}, {}});
                }
                auto doc = GetQuotaStatus(app.projections().View("quota_status"), ctx.req.params["id"], month);
                if (!doc) return Problem("quota_status_not_found", ctx.lang);
                return JsonResponse(200, *doc);
              },
              {"The quota position of the headquarters (with its branches) for a schedule month; without month the "
               "latest (QUOTA-2, QUOTA-3; RULES.md §1a)",
               "quota", {"month"}, "", kStatusSchema}});
  router.Add({"GET", "/api/v1/workplaces/{id}/quota-statuses", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                if (auto no = RequireHeadquarters(ctx, ctx.req.params["id"])) return *no;
                auto page = ParsePage(ctx.req);
                if (!page.ok()) return Fail(ctx, page.error());
                const std::string year = ctx.req.Query("year").value_or("");
                if (!IsYearFilter(year)) return Fail(ctx, Error{"invalid_parameter", {{"year", "invalid_format"}}, {}});
                return JsonResponse(200, ListQuotaStatuses(app.projections().View("quota_status"), ctx.req.params["id"],
                                                           year, {page->first, page->second}));
              },
              {"Quota positions by calculation month, newest first (QUOTA-1)", "quota", {"year", "page", "pageSize"}, "",
               kListSchema}});
}

}  // namespace istihdam::http
