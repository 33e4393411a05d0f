// Monthly workforce schedule — "İşgücü Çizelgesi" (WS-1..WS-12), API.md "Monthly workforce
// schedule and quota". Schedules belong to a province headquarters.
#include <boost/json.hpp>

#include <algorithm>

#include "aggregates/permissions.h"
#include "commands/workforce_schedules.h"
#include "http/app.h"
#include "http/as_of.h"
#include "http/contract/workforce_schedules.h"
#include "http/endpoint.h"
#include "http/json_io.h"
#include "http/labor_market_io.h"
#include "http/personnel_form.h"
#include "projections/workforce_schedules.h"

namespace istihdam::http {

using namespace contract::workforce_schedules;

namespace {

ScheduleTemplateView TemplateOf(Services& s, const std::string& hq_id) {
  const auto ledger = s.schedules.Load(WorkforceScheduleStream(hq_id));
  const auto t = NewScheduleTemplate(ledger.state, s.Today());
  events::ScheduleContent c;
  c.development.previous_month_end = t.previous_month_end;
  c.occupation_distribution = t.occupation_distribution;
  boost::json::object o = events::ToJson(c.development);
  auto rest = events::ToJson(c);
  for (const char* k : {"personnelMovements", "occupationDistribution", "exemptionInfo", "employmentPreferences",
                        "hardToFillOccupations"}) {
    o[k] = rest[k];
  }
  o["month"] = t.year_month;
  o["isFirst"] = o["previousMonthEndEditable"] = t.is_first;
  o["version"] = ledger.version;
  return AnswerFrom<ScheduleTemplateView>(o);
}

// PUT .../personnel: the bulk form (not only JSON, so a plain Route).
Result<ScheduleSaved> SavePersonnelForm(App& app, RequestContext& ctx) {
  auto pinned = PinnedVersion(ctx);
  if (!pinned.ok()) return pinned.error();
  const std::string month = ctx.req.params["month"];
  if (auto m = CheckMonth(month); !m.ok()) return m.error();
  auto c = ReadPersonnelForm(ctx.req);
  if (!c.ok()) return c.error();
  c->employer_id = ctx.session->employer_id;
  c->year_month = month;
  return AnswerFrom<ScheduleSaved>(
      HandleReplacePersonnelRows(app.services(), ctx.env, ctx.req.params["id"], *pinned, std::move(*c)));
}

}  // namespace

void AddWorkforceRoutes(App& app, Router& router) {
  const std::string perm(permissions::kWorkforceSchedule);
  const auto view = [&app] { return app.projections().View("workforce_schedules"); };
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/workplaces/{id}/workforce-schedules", .access = Access::kEmployer,
      .permission = perm,
      .summary = "The headquarters' monthly schedules, newest first; only the latest is editable (WS-1)",
      .tag = "workforce schedules",
      .handle = [view](RequestContext& c, const YearQuery& q) -> Result<wire::PageOf<ScheduleRow>> {
        if (auto hq = RequireHeadquarters(c, c.req.params["id"]); !hq.ok()) return hq.error();
        if (auto y = CheckYearFilter(q.year); !y.ok()) return y.error();
        return AnswerFrom<wire::PageOf<ScheduleRow>>(
            ListWorkforceSchedules(view(), c.req.params["id"], q.year, q.requested()));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/workplaces/{id}/workforce-schedule-template", .access = Access::kEmployer,
      .permission = perm,
      .summary = "The draft a new schedule starts from: the next month, the carried month end and occupation "
                 "distribution (WS-1)",
      .tag = "workforce schedules",
      .handle = [&app](RequestContext& c) -> Result<ScheduleTemplateView> {
        if (auto hq = RequireHeadquarters(c, c.req.params["id"]); !hq.ok()) return hq.error();
        return TemplateOf(app.services(), c.req.params["id"]);
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/workplaces/{id}/workforce-schedules/{month}",
      .access = Access::kEmployerOrStaff, .permission = perm, .staff_roles = {StaffRole::kAuditor},
      .summary = "One schedule with the computed monthEnd and editable (= latest); ETag is the ledger version; "
                 "asOf reads an earlier version (auditors: any employer's)",
      .tag = "workforce schedules",
      .handle = [view](RequestContext& c, const AsOfQuery& q) -> Result<ScheduleView> {
        const std::string hq = c.req.params["id"], month = c.req.params["month"];
        // An auditor reads any employer's ledger; an employer only its own headquarters'.
        if (!c.session->IsStaff()) {
          if (auto own = RequireHeadquarters(c, hq); !own.ok()) return own.error();
        }
        auto as_of = ResolveAsOf(c, q);
        if (!as_of.ok()) return as_of.error();
        if (!*as_of) return AnswerFrom<ScheduleView>(GetWorkforceSchedule(view(), hq, month), "schedule_not_found");
        return AnswerAsOf<ScheduleView>(
            c, **as_of, MakeWorkforceSchedulesProjector(), {WorkforceScheduleStream(hq)},
            [&](const ReadView& v) { return GetWorkforceSchedule(v, hq, month); }, "schedule_not_found");
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/workplaces/{id}/workforce-schedules/{month}", .access = Access::kEmployer,
      .permission = perm,
      .summary = "SubmitWorkforceSchedule for the month after the latest (201), or AmendWorkforceSchedule for the "
                 "latest (200). 409 schedule_not_sequential, schedule_not_latest, previous_month_end_fixed, "
                 "schedule_period_in_future, not_headquarters; 422 lists every failing field (negative month end: "
                 "monthEnd.<row>.<sex> negative_headcount)",
      .tag = "workforce schedules",
      .handle = [&app](RequestContext& c, const ScheduleDraftBody& b) -> Result<ScheduleSaved> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        const std::string month = c.req.params["month"];
        if (auto m = CheckMonth(month); !m.ok()) return m.error();
        SaveWorkforceSchedule cmd;
        cmd.employer_id = c.session->employer_id;
        cmd.year_month = month;
        cmd.draft = b.ToDraft();
        return AnswerFrom<ScheduleSaved>(
            HandleSaveWorkforceSchedule(app.services(), c.env, c.req.params["id"], *pinned, std::move(cmd)));
      }});
  router.Add(Route{
      .method = "PUT",
      .pattern = "/api/v1/workplaces/{id}/workforce-schedules/{month}/personnel",
      .access = Access::kEmployer,
      .permission = perm,
      .handler = [&app](RequestContext& ctx) -> HttpResponse {
        auto saved = SavePersonnelForm(app, ctx);
        if (!saved.ok()) return Fail(ctx, saved.error());
        return JsonResponse(saved->created ? 201 : 200, wire::ToJson(*saved));
      },
      .doc = {.summary =
                  "Bulk personnel notification form (WS-12): text/csv (header line with the column names of a "
                  "personnel movement; errors name rows[<line>].<column>), XLSX (application/vnd.openxmlformats-"
                  "officedocument.spreadsheetml.sheet: the first worksheet laid out like the CSV, row 1 the header, "
                  "errors name rows[<row>].<column>; an unreadable workbook is 400 malformed_request) or JSON "
                  "{\"rows\": [...]}. For the latest month it replaces the person rows; for the next month it "
                  "submits a new schedule counted from the rows. Nothing is saved when any row fails.",
              .tag = "workforce schedules",
              .request_schema = wire::SchemaOf<PersonnelRows>(),
              .response_schema = wire::SchemaOf<ScheduleSaved>()}});
}

}  // namespace istihdam::http
