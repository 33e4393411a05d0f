// Monthly workforce schedule — "İşgücü Çizelgesi" (WS-1..WS-12), API.md "Monthly workforce
// schedule and quota". Schedules belong to a province headquarters.
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "aggregates/permissions.h"
#include "commands/workforce_schedules.h"
#include "http/app.h"
#include "http/contract/workforce_schedules.h"
#include "http/endpoint.h"
#include "http/json_io.h"
#include "http/labor_market_io.h"
#include "infra/reference_data.h"
#include "infra/text.h"
#include "infra/xlsx_reader.h"
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
  auto view = AnswerFrom<ScheduleTemplateView>(o);
  view.month = t.year_month;
  view.is_first = view.previous_month_end_editable = t.is_first;
  view.ledger_version = ledger.version;
  return view;
}

// The bulk form as CSV (WS-12): a header line naming the columns (the JSON names of a
// personnel movement, any order), then one row per person. Errors name the line and column.
constexpr const char* kColumns[] = {"type", "tckn", "firstName", "lastName", "sex", "date", "occupation",
                                    "category", "contractType", "undergroundUnderwater", "leavingReason"};

// The same rows from either format: rows[0] is the header, rows[i] is line/row i + 1.
Result<std::vector<events::PersonnelMovement>> ParsePersonnelRows(const std::vector<std::vector<std::string>>& rows) {
  std::vector<FieldError> errs;
  if (rows.empty()) return Error::Validation({{"columns", "required"}});
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    std::string name = rows[0][i];
    while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.pop_back();
    if (!IsAcceptableText(name)) {  // named by position: the bytes are not echoed
      errs.push_back({"columns[" + std::to_string(i) + "]", "invalid_text"});
    } else if (std::find(std::begin(kColumns), std::end(kColumns), name) == std::end(kColumns)) {
      errs.push_back({"columns." + name, "unknown_value"});
    } else {
      col[name] = i;
    }
  }
  for (const char* required : {"type", "tckn", "firstName", "lastName", "sex", "date", "occupation", "category", "contractType"}) {
    if (!col.count(required)) errs.push_back({std::string("columns.") + required, "required"});
  }
  if (!errs.empty()) return Error::Validation(errs);
  std::vector<events::PersonnelMovement> out;
  for (std::size_t line = 1; line < rows.size(); ++line) {
    const auto& r = rows[line];
    auto cell = [&](const char* name) -> std::string {
      auto it = col.find(name);
      if (it == col.end() || it->second >= r.size()) return "";
      std::string v = r[it->second];
      while (!v.empty() && (v.back() == ' ' || v.back() == '\r')) v.pop_back();
      while (!v.empty() && v.front() == ' ') v.erase(0, 1);
      const auto kind = std::string_view(name) == "leavingReason" ? TextKind::kMultiline : TextKind::kLine;
      if (!IsAcceptableText(v, kind)) {
        errs.push_back({"rows[" + std::to_string(line + 1) + "]." + name, "invalid_text"});
        return "";
      }
      return v;
    };
    events::PersonnelMovement m{cell("type"), cell("tckn"), cell("firstName"), cell("lastName"), cell("sex"),
                                cell("date"), cell("occupation"), cell("category"), cell("contractType"), false,
                                cell("leavingReason")};
    const std::string ug = cell("undergroundUnderwater");
    if (ug == "true" || ug == "1" || ug == "evet" || ug == "yes") m.underground_underwater = true;
    else if (!(ug.empty() || ug == "false" || ug == "0" || ug == "hayır" || ug == "no")) {
      errs.push_back({"rows[" + std::to_string(line + 1) + "].undergroundUnderwater", "invalid_format"});
    }
    out.push_back(std::move(m));
  }
  if (!errs.empty()) return Error::Validation(errs);
  return out;
}

Result<std::vector<events::PersonnelMovement>> ParsePersonnelCsv(std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // a spreadsheet's UTF-8 BOM
  auto rows = ParseCsv(text);
  while (!rows.empty() && rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return ParsePersonnelRows(rows);
}

// The bulk form as XLSX: the first worksheet, laid out like the CSV (row 1 is the header;
// errors name rows[<spreadsheet row>].<column>). Cells are read as text; numbers typed into
// cells (a TCKN) come back as their digits. Dates must be text cells (YYYY-MM-DD).
constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Result<std::vector<events::PersonnelMovement>> ParsePersonnelXlsx(std::string_view bytes) {
  auto rows = ReadXlsxFirstSheet(bytes);
  if (!rows.ok()) return Error::Of(errc::kMalformedRequest, "xlsx: " + rows.error().detail);
  // The grid is as wide as the widest row; empty cells after the last header name are padding.
  if (!rows->empty()) {
    auto& header = rows->front();
    while (!header.empty() && header.back().empty()) header.pop_back();
  }
  return ParsePersonnelRows(*rows);
}

// The bulk form's rows by Content-Type: CSV, XLSX or JSON {"rows": [...]}.
Result<ReplacePersonnelRows> ReadPersonnelForm(const HttpRequest& req) {
  ReplacePersonnelRows c;
  const std::string type = req.Header("Content-Type");
  if (type.rfind("text/csv", 0) == 0 || type.rfind(kXlsxType, 0) == 0) {
    auto rows = type.rfind("text/csv", 0) == 0 ? ParsePersonnelCsv(req.body) : ParsePersonnelXlsx(req.body);
    if (!rows.ok()) return rows.error();
    c.rows = std::move(rows).value();
    c.first_row_number = 2;
  } else if (type.empty() || type.rfind("application/json", 0) == 0) {
    auto body = wire::ReadBody<PersonnelRows>(req.body);
    if (!body.ok()) return body.error();
    c.rows = ToEvents<events::PersonnelMovement>(body->rows);
  } else {
    return Error::Of(errc::kUnsupportedMediaType, "send text/csv, application/json or an XLSX workbook");
  }
  return c;
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
      .method = "GET", .path = "/api/v1/workplaces/{id}/workforce-schedules/{month}", .access = Access::kEmployer,
      .permission = perm,
      .summary = "One schedule with the computed monthEnd and editable (= latest); ETag is the ledger version",
      .tag = "workforce schedules",
      .handle = [view](RequestContext& c) -> Result<ScheduleView> {
        if (auto hq = RequireHeadquarters(c, c.req.params["id"]); !hq.ok()) return hq.error();
        return AnswerFrom<ScheduleView>(GetWorkforceSchedule(view(), c.req.params["id"], c.req.params["month"]),
                                        "schedule_not_found");
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
