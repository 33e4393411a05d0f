// Quota status — "Kontenjan Durumu" (QUOTA-1..3), API.md "Monthly workforce schedule and quota".
#include "aggregates/permissions.h"
#include "aggregates/workforce_schedule.h"
#include "http/app.h"
#include "http/endpoint.h"
#include "http/labor_market_io.h"
#include "projections/quota_status.h"

namespace istihdam::http {

namespace {

using wire::F;

constexpr const char* kCategories[] = {"disabled", "exConvict", "terrorVictim", "exConvictOrTerrorVictim"};
constexpr const char* kSectors[] = {"private", "public"};

struct CategoryQuota {
  std::string category;
  std::int64_t required = 0, employed = 0, deficit = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("category", category).oneOf(kCategories), F("required", required), F("employed", employed),
       F("deficit", deficit));
  }
};

// API.md's document (the field order is the contract's: clients compare it whole).
struct QuotaStatusView {
  std::string month, sector;
  std::int64_t base_headcount = 0;
  bool subject = false;
  std::vector<CategoryQuota> categories;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month), F("sector", sector).oneOf(kSectors), F("baseHeadcount", base_headcount),
       F("subject", subject), F("categories", categories));
  }
};

// A row of the list: the document plus the rule set it was computed with.
struct QuotaStatusRow {
  QuotaStatusView status;
  std::string rules_effective_from;
  template <class A>
  void serialize(A& ar) {
    status.serialize(ar);
    ar(F("rulesEffectiveFrom", rules_effective_from).describe("the rule set used; \"\" when none was in force"));
  }
};

struct MonthQuery : wire::Query {
  std::string month;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month).describe("YYYY-MM; without it the latest month"));
  }
};

struct YearQuery : wire::Paging {
  std::string year;
  template <class A>
  void serialize(A& ar) {
    ar(F("year", year).describe("YYYY: only the months of that year"));
    Paging::serialize(ar);
  }
};

}  // namespace

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
