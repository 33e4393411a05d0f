// Quota status — "Kontenjan Durumu" (QUOTA-1..3), API.md "Monthly workforce schedule and quota".
#include "aggregates/permissions.h"
#include "aggregates/workforce_schedule.h"
#include "http/app.h"
#include "http/contract/quota.h"
#include "http/endpoint.h"
#include "http/labor_market_io.h"
#include "projections/quota_status.h"

namespace istihdam::http {

using namespace contract::quota;

void AddQuotaRoutes(App& app, Router& router) {
  const std::string perm(permissions::kQuotaStatus);
  const auto view = [&app] { return app.projections().View("quota_status"); };
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/workplaces/{id}/quota-status", .access = Access::kEmployer, .permission = perm,
      .summary = "The quota position of the headquarters (with its branches) for a schedule month; without month the "
                 "latest (QUOTA-2, QUOTA-3; RULES.md §1a)",
      .tag = "quota",
      .handle = [view](RequestContext& c, const MonthQuery& q) -> Result<QuotaStatusView> {
        if (auto hq = RequireHeadquarters(c, c.req.params["id"]); !hq.ok()) return hq.error();
        if (!q.month.empty()) {
          if (auto m = CheckMonth(q.month); !m.ok()) return m.error();
        }
        return AnswerFrom<QuotaStatusView>(GetQuotaStatus(view(), c.req.params["id"], q.month), "quota_status_not_found");
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/workplaces/{id}/quota-statuses", .access = Access::kEmployer, .permission = perm,
      .summary = "Quota positions by calculation month, newest first (QUOTA-1)", .tag = "quota",
      .handle = [view](RequestContext& c, const YearQuery& q) -> Result<wire::PageOf<QuotaStatusRow>> {
        if (auto hq = RequireHeadquarters(c, c.req.params["id"]); !hq.ok()) return hq.error();
        if (auto y = CheckYearFilter(q.year); !y.ok()) return y.error();
        return AnswerFrom<wire::PageOf<QuotaStatusRow>>(
            ListQuotaStatuses(view(), c.req.params["id"], q.year, q.requested()));
      }});
}

}  // namespace istihdam::http
