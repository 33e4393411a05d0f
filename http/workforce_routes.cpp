// Monthly workforce schedule — "İşgücü Çizelgesi" (WS-1..WS-12), API.md "Monthly workforce
// schedule and quota". Schedules belong to a province headquarters.
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "aggregates/permissions.h"
#include "commands/workforce_schedules.h"
#include "http/json_io.h"
#include "http/labor_market_io.h"
#include "infra/text.h"
#include "infra/xlsx_reader.h"
#include "projections/workforce_schedules.h"

namespace istihdam::http {

namespace {

constexpr const char* kSex = R"({"type":"object","properties":{"male":{"type":"integer","minimum":0,"maximum":10000000},"female":{"type":"integer","minimum":0,"maximum":10000000}}})";
const std::string kGroup = std::string(R"({"type":"object","properties":{"general":)") + kSex + R"(,"disabled":)" + kSex +
                           R"(,"exConvict":)" + kSex + R"(,"terrorAffected":)" + kSex + R"(,"partTime":)" + kSex +
                           R"(,"antiTerrorLaw":)" + kSex + "}}";
constexpr const char* kMovement = R"({"type":"object","properties":{"type":{"type":"string","enum":["hired","left"]},
"tckn":{"type":"string"},"firstName":{"type":"string"},"lastName":{"type":"string"},"sex":{"type":"string","enum":["male","female"]},
"date":{"type":"string","format":"date"},"occupation":{"type":"string"},
"category":{"type":"string","enum":["general","disabled","exConvict","terrorAffected","antiTerrorLaw"]},
"contractType":{"type":"string","enum":["indefinite","fixedTerm","partTime"]},"undergroundUnderwater":{"type":"boolean"},
"leavingReason":{"type":"string"}}})";
constexpr const char* kOccupationCount = R"({"type":"object","properties":{"occupation":{"type":"string"},"count":{"type":"integer","minimum":0,"maximum":10000000}}})";
const std::string kDraftProps =
    R"("previousMonthEnd":)" + kGroup + R"(,"hired":)" + kGroup + R"(,"left":)" + kGroup + R"(,"undergroundUnderwater":)" +
    kSex + R"(,"partTimeMonthlyHours":{"type":"integer","minimum":0,"maximum":7440000000},"personnelMovements":{"type":"array","items":)" + kMovement +
    R"(},"occupationDistribution":{"type":"array","items":)" + kOccupationCount +
    R"(},"exemptionInfo":{"type":"array","items":{"type":"object","properties":{"exemptionType":{"type":"string"},
"count":{"type":"integer","minimum":0,"maximum":10000000},"documentRef":{"type":"string"},"validFrom":{"type":"string"},"validTo":{"type":"string"}}}},
"employmentPreferences":{"type":"object","properties":{"jointCourseRequest":{"type":"boolean"},"inCompanyTrainingRequest":{"type":"boolean"},
"expectedWorkforceChangeNextMonth":{"type":"string","enum":["increase","decrease","noChange"]},"expectedChangeCount":{"type":"integer","minimum":0,"maximum":10000000},
"apprenticeNeededNextMonth":{"type":"boolean"},"compulsoryEmploymentPreference":{"type":"string"}}},
"hardToFillOccupations":{"type":"array","items":)" + kOccupationCount + "}";
const std::string kPutSchema =
    R"({"type":"object","description":"The whole wizard draft. previousMonthEnd is taken only on the first schedule; later it must be absent or equal the carried value (409 previous_month_end_fixed). monthEnd, editable and other read-only fields are ignored.","properties":{)" +
    kDraftProps + "}}";
const std::string kDetailSchema = R"({"type":"object","properties":{"month":{"type":"string"},"isFirst":{"type":"boolean"},
"hqWorkplaceId":{"type":"string"},"employerId":{"type":"string"},"monthEnd":)" + kGroup +
                                  R"(,"editable":{"type":"boolean"},"availableActions":{"type":"array","items":{"type":"string"}},
"version":{"type":"integer"},)" + kDraftProps + "}}";
constexpr const char* kListSchema = R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{
"month":{"type":"string"},"isFirst":{"type":"boolean"},"previousMonthEnd":{"type":"integer"},"hired":{"type":"integer"},
"left":{"type":"integer"},"monthEnd":{"type":"integer"},"isLatest":{"type":"boolean"},"editable":{"type":"boolean"},
"availableActions":{"type":"array","items":{"type":"string"}}}}},
"page":{"type":"integer"},"pageSize":{"type":"integer"},"total":{"type":"integer"},"totalPages":{"type":"integer"}}})";
constexpr const char* kSaveReply = R"({"type":"object","properties":{"id":{"type":"string"},"month":{"type":"string"},
"version":{"type":"integer"},"created":{"type":"boolean"},"position":{"type":"integer"}}})";
const std::string kTemplateSchema = R"({"type":"object","properties":{"month":{"type":"string"},"isFirst":{"type":"boolean"},
"previousMonthEndEditable":{"type":"boolean"},"version":{"type":"integer"},)" + kDraftProps + "}}";

events::SexCount ParseSex(JsonBody& b, const std::string& path) {
  return {b.Int(path + ".male").value_or(0), b.Int(path + ".female").value_or(0)};
}

events::CategoryCounts ParseGroup(JsonBody& b, const std::string& g) {
  events::CategoryCounts c;
  c.general = ParseSex(b, g + ".general");
  c.disabled = ParseSex(b, g + ".disabled");
  c.ex_convict = ParseSex(b, g + ".exConvict");
  c.terror_affected = ParseSex(b, g + ".terrorAffected");
  c.part_time = ParseSex(b, g + ".partTime");
  c.anti_terror_law = ParseSex(b, g + ".antiTerrorLaw");
  return c;
}

events::PersonnelMovement ParseMovement(JsonBody& r) {
  return {r.Str("type"), r.Str("tckn"), r.Str("firstName"), r.Str("lastName"), r.Str("sex"), r.Str("date"),
          r.Str("occupation"), r.Str("category"), r.Str("contractType"), r.Bool("undergroundUnderwater"),
          r.Text("leavingReason")};
}

std::vector<events::OccupationCount> ParseOccupations(JsonBody& b, const std::string& path) {
  std::vector<events::OccupationCount> out;
  for (auto& o : b.Objects(path)) out.push_back({o.Str("occupation"), o.Int("count").value_or(0)});
  return out;
}

ScheduleDraft ParseDraft(JsonBody& b) {
  ScheduleDraft d;
  if (b.Find("previousMonthEnd")) d.previous_month_end = ParseGroup(b, "previousMonthEnd");
  d.hired = ParseGroup(b, "hired");
  d.left = ParseGroup(b, "left");
  d.underground_underwater = ParseSex(b, "undergroundUnderwater");
  d.part_time_monthly_hours = b.Int("partTimeMonthlyHours").value_or(0);
  for (auto& r : b.Objects("personnelMovements")) d.personnel_movements.push_back(ParseMovement(r));
  d.occupation_distribution = ParseOccupations(b, "occupationDistribution");
  for (auto& e : b.Objects("exemptionInfo")) {
    d.exemption_info.push_back({e.Str("exemptionType"), e.Int("count").value_or(0), e.Str("documentRef"),
                                e.Str("validFrom"), e.Str("validTo")});
  }
  auto& p = d.employment_preferences;
  p.joint_course_request = b.Bool("employmentPreferences.jointCourseRequest");
  p.in_company_training_request = b.Bool("employmentPreferences.inCompanyTrainingRequest");
  const std::string change = b.Str("employmentPreferences.expectedWorkforceChangeNextMonth");
  if (!change.empty()) p.expected_workforce_change_next_month = change;
  p.expected_change_count = b.Int("employmentPreferences.expectedChangeCount").value_or(0);
  p.apprentice_needed_next_month = b.Bool("employmentPreferences.apprenticeNeededNextMonth");
  p.compulsory_employment_preference = b.Str("employmentPreferences.compulsoryEmploymentPreference");
  d.hard_to_fill_occupations = ParseOccupations(b, "hardToFillOccupations");
  return d;
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
  if (!rows.ok()) return Error::Of("malformed_request", "xlsx: " + rows.error().detail);
  // The grid is as wide as the widest row; empty cells after the last header name are padding.
  if (!rows->empty()) {
    auto& header = rows->front();
    while (!header.empty() && header.back().empty()) header.pop_back();
  }
  return ParsePersonnelRows(*rows);
}

}  // namespace

void AddWorkforceRoutes(App& app, Router& router) {
  const std::string perm(permissions::kWorkforceSchedule);
  router.Add({"GET", "/api/v1/workplaces/{id}/workforce-schedules", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                if (auto no = RequireHeadquarters(ctx, ctx.req.params["id"])) return *no;
                auto page = ParsePage(ctx.req);
                if (!page.ok()) return Fail(ctx, page.error());
                const std::string year = ctx.req.Query("year").value_or("");
                if (!IsYearFilter(year)) return Fail(ctx, Error{"invalid_parameter", {{"year", "invalid_format"}}, {}});
                return JsonResponse(200, ListWorkforceSchedules(app.projections().View("workforce_schedules"),
                                                                ctx.req.params["id"], year, {page->first, page->second}));
              },
              {"The headquarters' monthly schedules, newest first; only the latest is editable (WS-1)", "workforce schedules",
               {"year", "page", "pageSize"}, "", kListSchema}});
  router.Add({"GET", "/api/v1/workplaces/{id}/workforce-schedule-template", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                const std::string hq_id = ctx.req.params["id"];
                if (auto no = RequireHeadquarters(ctx, hq_id)) return *no;
                auto& s = app.services();
                const auto ledger = s.schedules.Load(WorkforceScheduleStream(hq_id));
                const auto t = NewScheduleTemplate(ledger.state, s.Today());
                events::ScheduleContent c;
                c.development.previous_month_end = t.previous_month_end;
                c.occupation_distribution = t.occupation_distribution;
                boost::json::object o{{"month", t.year_month}, {"isFirst", t.is_first},
                                      {"previousMonthEndEditable", t.is_first}, {"version", ledger.version}};
                for (auto& [k, v] : events::ToJson(c.development)) o[k] = v;
                o.erase("monthEnd");
                auto rest = events::ToJson(c);
                for (const char* k : {"personnelMovements", "occupationDistribution", "exemptionInfo",
                                      "employmentPreferences", "hardToFillOccupations"}) {
                  o[k] = rest[k];
                }
                return JsonResponse(200, o);
              },
              {"The draft a new schedule starts from: the next month, the carried month end and occupation distribution (WS-1)",
               "workforce schedules", {}, "", kTemplateSchema}});
  router.Add({"GET", "/api/v1/workplaces/{id}/workforce-schedules/{month}", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                if (auto no = RequireHeadquarters(ctx, ctx.req.params["id"])) return *no;
                auto doc = GetWorkforceSchedule(app.projections().View("workforce_schedules"), ctx.req.params["id"],
                                                ctx.req.params["month"]);
                if (!doc) return Problem("schedule_not_found", ctx.lang);
                return VersionedJsonResponse(*doc);
              },
              {"One schedule with the computed monthEnd and editable (= latest); ETag is the ledger version",
               "workforce schedules", {}, "", kDetailSchema}});
  router.Add({"PUT", "/api/v1/workplaces/{id}/workforce-schedules/{month}", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                const auto if_match = ParseIfMatch(ctx.req.Header("If-Match"));
                if (!if_match) return Problem("version_mismatch", ctx.lang, "If-Match is not a version");
                const std::string month = ctx.req.params["month"];
                if (!IsYearMonth(month)) return Fail(ctx, Error{"invalid_parameter", {{"month", "invalid_format"}}, {}});
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                SaveWorkforceSchedule c;
                c.employer_id = ctx.session->employer_id;
                c.year_month = month;
                c.draft = ParseDraft(*body);
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleSaveWorkforceSchedule(app.services(), ctx.env, ctx.req.params["id"], *if_match, c));
              },
              {"SubmitWorkforceSchedule for the month after the latest (201), or AmendWorkforceSchedule for the latest (200). "
               "409 schedule_not_sequential, schedule_not_latest, previous_month_end_fixed, schedule_period_in_future, "
               "not_headquarters; 422 lists every failing field (negative month end: monthEnd.<row>.<sex> negative_headcount)",
               "workforce schedules", {}, kPutSchema, kSaveReply}});
  router.Add({"PUT", "/api/v1/workplaces/{id}/workforce-schedules/{month}/personnel", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                const auto if_match = ParseIfMatch(ctx.req.Header("If-Match"));
                if (!if_match) return Problem("version_mismatch", ctx.lang, "If-Match is not a version");
                const std::string month = ctx.req.params["month"];
                if (!IsYearMonth(month)) return Fail(ctx, Error{"invalid_parameter", {{"month", "invalid_format"}}, {}});
                ReplacePersonnelRows c;
                c.employer_id = ctx.session->employer_id;
                c.year_month = month;
                const std::string type = ctx.req.Header("Content-Type");
                if (type.rfind("text/csv", 0) == 0) {
                  auto rows = ParsePersonnelCsv(ctx.req.body);
                  if (!rows.ok()) return Fail(ctx, rows.error());
                  c.rows = std::move(rows).value();
                  c.first_row_number = 2;
                } else if (type.rfind(kXlsxType, 0) == 0) {
                  auto rows = ParsePersonnelXlsx(ctx.req.body);
                  if (!rows.ok()) return Fail(ctx, rows.error());
                  c.rows = std::move(rows).value();
                  c.first_row_number = 2;
                } else if (type.empty() || type.rfind("application/json", 0) == 0) {
                  auto body = JsonBody::Parse(ctx.req.body);
                  if (!body.ok()) return Fail(ctx, body.error());
                  for (auto& r : body->Objects("rows")) c.rows.push_back(ParseMovement(r));
                  if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                } else {
                  return Problem("unsupported_media_type", ctx.lang, "send text/csv, application/json or an XLSX workbook");
                }
                return Answer(ctx, HandleReplacePersonnelRows(app.services(), ctx.env, ctx.req.params["id"], *if_match,
                                                              std::move(c)));
              },
              {"Bulk personnel notification form (WS-12): text/csv (header line with the column names of a personnel "
               "movement; errors name rows[<line>].<column>), XLSX (application/vnd.openxmlformats-officedocument."
               "spreadsheetml.sheet: the first worksheet laid out like the CSV, row 1 the header, errors name "
               "rows[<row>].<column>; an unreadable workbook is 400 malformed_request) or JSON {\"rows\": [...]}. For the latest month it replaces "
               "the person rows; for the next month it submits a new schedule counted from the rows. Nothing is saved "
               "when any row fails.",
               "workforce schedules", {},
               std::string(R"({"type":"object","properties":{"rows":{"type":"array","items":)") + kMovement + "}}}",
               kSaveReply}});
}

}  // namespace istihdam::http
