// Community benefit programs — "Toplum Yararına Programlar (TYP)": programs and participants
// (unit users), attendance (the host employer), listings, the monthly report and the flagged
// participants. API.md pins the program, participant and attendance routes; docs/typ.md.
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "aggregates/permissions.h"
#include "aggregates/workforce_schedule.h"
#include "commands/typ.h"
#include "http/app.h"
#include "http/json_io.h"
#include "http/typ_report.h"
#include "infra/clock.h"
#include "projections/paging.h"
#include "projections/typ.h"

namespace istihdam::http {

namespace {

const std::vector<std::string> kViewers = {"UnitUser", "HeadOfficeUser"};
constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

constexpr const char* kProgramProps = R"("typNo":{"type":"string","example":"TYP-2026-34-00001"},
"hostEmployerId":{"type":"string"},"hostEmployerTitle":{"type":"string"},"province":{"type":"string"},
"startDate":{"type":"string","format":"date"},
"endDate":{"type":"string","format":"date"},"description":{"type":"string"},"participantQuota":{"type":"integer"},
"participantCount":{"type":"integer"},"status":{"type":"string","enum":["planned","active","completed"]},
"version":{"type":"integer"})";
const std::string kProgramSchema =
    std::string(R"({"type":"object","properties":{)") + kProgramProps + "}}";
const std::string kProgramListSchema =
    std::string(R"({"type":"object","properties":{"items":{"type":"array","items":)") +
    kProgramSchema + R"(},"page":{"type":"integer"},"pageSize":{"type":"integer"},
"total":{"type":"integer"},"totalPages":{"type":"integer"}}})";
constexpr const char* kCreateProgramSchema =
    R"({"type":"object","required":["hostEmployerId","province","startDate",
"endDate","description","participantQuota"],"properties":{"hostEmployerId":{"type":"string"},
"province":{"type":"string","description":"plate code, the unit user's own"},"startDate":{"type":"string","format":"date"},
"endDate":{"type":"string","format":"date"},"description":{"type":"string","maxLength":1000},
"participantQuota":{"type":"integer","minimum":1,"maximum":10000}}})";
constexpr const char* kCreatedSchema = R"({"type":"object","properties":{"id":{"type":"string"},
"version":{"type":"integer"},"position":{"type":"integer"}}})";
constexpr const char* kParticipantProps =
    R"("participantId":{"type":"string"},"tckn":{"type":"string"},
"firstName":{"type":"string"},"lastName":{"type":"string"},"startDate":{"type":"string","format":"date"},
"endDate":{"type":"string","format":"date"})";
const std::string kParticipantListSchema =
    std::string(R"({"type":"object","properties":{"typNo":{"type":"string"},
"items":{"type":"array","items":{"type":"object","properties":{)") +
    kParticipantProps + R"(}}},
"page":{"type":"integer"},"pageSize":{"type":"integer"},"total":{"type":"integer"},"totalPages":{"type":"integer"}}})";
constexpr const char* kAssignSchema =
    R"({"type":"object","required":["tckn","firstName","lastName","startDate","endDate"],
"properties":{"tckn":{"type":"string"},"firstName":{"type":"string"},"lastName":{"type":"string"},
"startDate":{"type":"string","format":"date"},"endDate":{"type":"string","format":"date"}}})";
constexpr const char* kRecordSchema =
    R"({"type":"object","required":["attendanceType"],"properties":{
"attendanceType":{"type":"string","enum":["excusedAbsence","unexcusedAbsence","sickLeave","paidLeave","unpaidLeave",
"publicHoliday"],"description":"a code of GET /api/v1/typ/attendance-types"}}})";
constexpr const char* kRecordedSchema =
    R"({"type":"object","properties":{"id":{"type":"string"},"typNo":{"type":"string"},
"participantId":{"type":"string"},"date":{"type":"string","format":"date"},"attendanceType":{"type":"string"},
"flagged":{"type":"boolean","description":"this entry flagged the participant: unexcused-absence threshold"},
"version":{"type":"integer"},"position":{"type":"integer"}}})";
constexpr const char* kDeletedSchema = R"({"type":"object","properties":{"id":{"type":"string"},
"date":{"type":"string","format":"date"},"attendanceType":{"type":"string"},"version":{"type":"integer"},
"position":{"type":"integer"}}})";
constexpr const char* kCalendarSchema = R"({"type":"object","properties":{"month":{"type":"string"},
"days":{"type":"array","items":{"type":"object","properties":{"date":{"type":"string","format":"date"},
"attendanceType":{"type":"string"}}}}}})";
constexpr const char* kReportSchema =
    R"({"type":"object","properties":{"typNo":{"type":"string"},"month":{"type":"string"},
"hostEmployerId":{"type":"string"},"hostEmployerTitle":{"type":"string"},"province":{"type":"string"},
"rows":{"type":"array","items":{"type":"object","properties":{"participantId":{"type":"string"},"tckn":{"type":"string"},
"firstName":{"type":"string"},"lastName":{"type":"string"},"date":{"type":"string","format":"date"},
"attendanceType":{"type":"string"},"attendanceTypeName":{"type":"string"}}}},
"totals":{"type":"array","items":{"type":"object","properties":{"participantId":{"type":"string"},
"attendanceType":{"type":"string"},"days":{"type":"integer"}}}}}})";
constexpr const char* kFlaggedSchema =
    R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object",
"properties":{"typNo":{"type":"string"},"participantId":{"type":"string"},"firstName":{"type":"string"},
"lastName":{"type":"string"},"province":{"type":"string"},"month":{"type":"string"},"threshold":{"type":"integer"},
"unexcusedDays":{"type":"integer","description":"now, after any later deletes"}}}},"page":{"type":"integer"},
"pageSize":{"type":"integer"},"total":{"type":"integer"},"totalPages":{"type":"integer"}}})";
const std::string kTypesSchema =
    std::string(R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object",
"properties":{"code":{"type":"string"},"nameTr":{"type":"string"},"nameEn":{"type":"string"}}}},)") +
    kPagingSchemaProps + "}}";

TypScope ScopeOf(const Session& s) {
  TypScope scope;
  if (!s.IsStaff())
    scope.employer_id = s.employer_id;
  else if (s.actor_type == "UnitUser")
    scope.province = s.province;
  else
    scope.everything = s.actor_type == "HeadOfficeUser";
  return scope;
}

ReadView TypView(App& app) { return app.projections().View("typ"); }

// The program named in the path if the caller may see it.
std::optional<boost::json::object> VisibleProgram(App& app, RequestContext& ctx) {
  return GetTypProgram(TypView(app), ScopeOf(*ctx.session), ctx.req.params["typNo"],
                       app.services().Today());
}

bool IsDate(const std::string& s) {
  std::int64_t days = 0;
  return ParseDate(s, &days);
}

// ?month=YYYY-MM, required.
std::optional<std::string> MonthParam(RequestContext& ctx) {
  auto m = ctx.req.Query("month");
  if (!m || !IsYearMonth(*m)) return std::nullopt;
  return *m;
}

HttpResponse BadParam(RequestContext& ctx, const std::string& name) {
  return Fail(ctx, Error{"invalid_parameter", {{name, "invalid_format"}}, {}});
}

HttpResponse ListPrograms(App& app, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page.ok()) return Fail(ctx, page.error());
  TypCriteria c;
  c.typ_no = ctx.req.Query("typNo").value_or("");
  c.province = ctx.req.Query("province").value_or("");
  c.status = ctx.req.Query("status").value_or("");
  c.start_from = ctx.req.Query("startFrom").value_or("");
  c.start_to = ctx.req.Query("startTo").value_or("");
  if (!c.status.empty() && c.status != "planned" && c.status != "active" &&
      c.status != "completed") {
    return Fail(ctx, Error{"invalid_parameter", {{"status", "unknown_value"}}, {}});
  }
  if (!c.start_from.empty() && !IsDate(c.start_from)) return BadParam(ctx, "startFrom");
  if (!c.start_to.empty() && !IsDate(c.start_to)) return BadParam(ctx, "startTo");
  return JsonResponse(200, ListTypPrograms(TypView(app), ScopeOf(*ctx.session), c,
                                           app.services().Today(), {page->first, page->second}));
}

HttpResponse Report(App& app, RequestContext& ctx) {
  auto program = VisibleProgram(app, ctx);
  if (!program) return Problem("typ_program_not_found", ctx.lang);
  const auto month = MonthParam(ctx);
  if (!month) return BadParam(ctx, "month");
  std::string format = ctx.req.Query("format").value_or("");
  if (format.empty()) {
    const std::string accept = ctx.req.Header("Accept");
    format = accept.find("application/pdf") != std::string::npos ? "pdf"
             : accept.find(kXlsxType) != std::string::npos       ? "xlsx"
                                                                 : "json";
  }
  if (format != "json" && format != "pdf" && format != "xlsx") {
    return Fail(ctx, Error{"invalid_parameter", {{"format", "unknown_value"}}, {}});
  }
  auto rep = BuildTypAttendanceReport(TypView(app), app.services().ref, *program, *month,
                                      app.services().Today());
  if (rep.empty) return Problem("no_records", ctx.lang);  // the guide: no report is created
  if (format == "json") return JsonResponse(200, rep.json);
  auto bytes = format == "pdf" ? report::RenderPdf(rep.table) : report::RenderXlsx(rep.table);
  if (!bytes.ok()) {
    spdlog::error("TYP report {} {} as {}: {}", std::string((*program)["typNo"].as_string()), *month, format,
                  bytes.error().detail);
    return Fail(ctx, Error::Of("internal_error", bytes.error().detail));
  }
  HttpResponse r;
  r.content_type = format == "pdf" ? "application/pdf" : std::string(kXlsxType);
  r.body = std::move(bytes).value();
  const std::string file =
      "typ-devam-" + std::string((*program)["typNo"].as_string()) + "-" + *month + "." + format;
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  return r;
}

}  // namespace

void AddTypRoutes(App& app, Router& router) {
  const std::string perm(permissions::kTyp);
  const std::string tag = "TYP";
  router.Add({"POST",
              "/api/v1/typ/programs",
              Access::kStaff,
              "",
              {"UnitUser"},
              true,
              [&app](RequestContext& ctx) {
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                CreateTypProgram c;
                c.actor_province = ctx.session->province;
                c.host_employer_id = body->Str("hostEmployerId");
                c.province = body->Str("province");
                c.start_date = body->Str("startDate");
                c.end_date = body->Str("endDate");
                c.description = body->Text("description");
                c.participant_quota = body->Int("participantQuota").value_or(0);
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleCreateTypProgram(app.services(), ctx.env, std::move(c)));
              },
              {"CreateTypProgram: a unit user opens a program of its own province (403 "
               "other_province) hosted by "
               "an existing employer; the answer's id is the TYP number (TYP-<year>-<province>-<5 "
               "digits>)",
               tag,
               {},
               kCreateProgramSchema,
               kCreatedSchema,
               201}});
  router.Add({"GET",
              "/api/v1/typ/programs",
              Access::kEmployerOrStaff,
              perm,
              kViewers,
              false,
              [&app](RequestContext& ctx) { return ListPrograms(app, ctx); },
              {"TYP listing and search (TYP-1): the host employer's programs, a unit user's "
               "province, or all "
               "(head office); status is derived from the period and today; ordered by TYP number",
               tag,
               {"typNo", "province", "status", "startFrom", "startTo", "page", "pageSize"},
               "",
               kProgramListSchema}});
  router.Add({"GET",
              "/api/v1/typ/programs/{typNo}",
              Access::kEmployerOrStaff,
              perm,
              kViewers,
              false,
              [&app](RequestContext& ctx) {
                auto program = VisibleProgram(app, ctx);
                if (!program) return Problem("typ_program_not_found", ctx.lang);
                return VersionedJsonResponse(*program);
              },
              {"One TYP program; ETag is its version", tag, {}, "", kProgramSchema}});
  router.Add(
      {"POST",
       "/api/v1/typ/programs/{typNo}/participants",
       Access::kStaff,
       "",
       {"UnitUser"},
       true,
       [&app](RequestContext& ctx) {
         auto body = JsonBody::Parse(ctx.req.body);
         if (!body.ok()) return Fail(ctx, body.error());
         AssignTypParticipant c;
         c.actor_province = ctx.session->province;
         c.tckn = body->Str("tckn");
         c.first_name = body->Str("firstName");
         c.last_name = body->Str("lastName");
         c.start_date = body->Str("startDate");
         c.end_date = body->Str("endDate");
         if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
         return Answer(ctx, HandleAssignTypParticipant(app.services(), ctx.env,
                                                       ctx.req.params["typNo"], std::move(c)));
       },
       {"AssignTypParticipant: a registered individual (names checked with KPS) within the "
        "program's "
        "period and quota, not twice for overlapping periods; the id numbers participants 1, 2, …",
        tag,
        {},
        kAssignSchema,
        kCreatedSchema,
        201}});
  router.Add({"GET",
              "/api/v1/typ/programs/{typNo}/participants",
              Access::kEmployerOrStaff,
              perm,
              kViewers,
              false,
              [&app](RequestContext& ctx) {
                auto page = ParsePage(ctx.req);
                if (!page.ok()) return Fail(ctx, page.error());
                auto program = VisibleProgram(app, ctx);
                if (!program) return Problem("typ_program_not_found", ctx.lang);
                const auto all = TypParticipants(TypView(app), ctx.req.params["typNo"]);
                const Page p{page->first, page->second};
                boost::json::array items;
                for (std::size_t i = FirstRow(p); i < all.size() && i < FirstRow(p) + p.page_size;
                     ++i) {
                  items.push_back(all[i]);
                }
                auto out = PageEnvelope(std::move(items), all.size(), p);
                out["typNo"] = ctx.req.params["typNo"];
                return JsonResponse(200, out);
              },
              {"Participants of a program (TYP-2)",
               tag,
               {"page", "pageSize"},
               "",
               kParticipantListSchema}});
  router.Add({"PUT",
              "/api/v1/typ/programs/{typNo}/participants/{participantId}/attendance/{date}",
              Access::kEmployer,
              perm,
              {},
              false,
              [&app](RequestContext& ctx) {
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                RecordAbsence c;
                c.employer_id = ctx.session->employer_id;
                c.typ_no = ctx.req.params["typNo"];
                c.participant_id = ctx.req.params["participantId"];
                c.date = ctx.req.params["date"];
                c.attendance_type = body->Str("attendanceType");
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleRecordAbsence(app.services(), ctx.env, std::move(c)));
              },
              {"RecordAbsence (TYP-3), host employer: one entry per participant and day (409 "
               "absence_already_recorded), within the participant's period (409 "
               "outside_participation_period), "
               "not in the future (422), a known attendance type (422)",
               tag,
               {},
               kRecordSchema,
               kRecordedSchema,
               201}});
  router.Add({"DELETE",
              "/api/v1/typ/programs/{typNo}/participants/{participantId}/attendance/{date}",
              Access::kEmployer,
              perm,
              {},
              false,
              [&app](RequestContext& ctx) {
                DeleteAbsence c{ctx.session->employer_id, ctx.req.params["typNo"],
                                ctx.req.params["participantId"], ctx.req.params["date"]};
                return Answer(ctx, HandleDeleteAbsence(app.services(), ctx.env, c));
              },
              {"DeleteAbsence (TYP-4), host employer: correction is delete + add (X-34); 404 "
               "absence_not_found "
               "when the day has no entry",
               tag,
               {},
               "",
               kDeletedSchema}});
  router.Add(
      {"GET",
       "/api/v1/typ/programs/{typNo}/participants/{participantId}/attendance",
       Access::kEmployerOrStaff,
       perm,
       kViewers,
       false,
       [&app](RequestContext& ctx) {
         auto program = VisibleProgram(app, ctx);
         if (!program) return Problem("typ_program_not_found", ctx.lang);
         const auto& pid = ctx.req.params["participantId"];
         if (!FindTypParticipant(TypView(app), ctx.req.params["typNo"], pid)) {
           return Problem("typ_participant_not_found", ctx.lang);
         }
         const auto month = MonthParam(ctx);
         if (!month) return BadParam(ctx, "month");
         boost::json::array days;
         for (const auto& a : TypAbsences(TypView(app), ctx.req.params["typNo"], *month, pid)) {
           days.push_back(
               boost::json::object{{"date", a.date}, {"attendanceType", a.attendance_type}});
         }
         return JsonResponse(200,
                             boost::json::object{{"month", *month}, {"days", std::move(days)}});
       },
       {"Monthly attendance calendar of a participant (TYP-2): the recorded days and their types",
        tag,
        {"month"},
        "",
        kCalendarSchema}});
  router.Add({"GET",
              "/api/v1/typ/programs/{typNo}/attendance-report",
              Access::kEmployerOrStaff,
              perm,
              kViewers,
              false,
              [&app](RequestContext& ctx) { return Report(app, ctx); },
              {"Monthly attendance report of a program: who was absent which days, by type. JSON "
               "by default; PDF "
               "with format=pdf or Accept: application/pdf; XLSX with format=xlsx or the XLSX "
               "media type. A month "
               "without absences answers 404 no_records and creates no report",
               tag,
               {"month", "format"},
               "",
               kReportSchema}});
  router.Add(
      {"GET",
       "/api/v1/typ/flagged-participants",
       Access::kStaff,
       "",
       kViewers,
       false,
       [&app](RequestContext& ctx) {
         auto page = ParsePage(ctx.req);
         if (!page.ok()) return Fail(ctx, page.error());
         const std::string month = ctx.req.Query("month").value_or("");
         if (!month.empty() && !IsYearMonth(month)) return BadParam(ctx, "month");
         return JsonResponse(200, ListFlaggedTypParticipants(TypView(app), ScopeOf(*ctx.session),
                                                             month, {page->first, page->second}));
       },
       {"Participants whose unexcused absences in a month reached typUnexcusedAbsenceThreshold "
        "(TypParticipantFlagged): a unit user's province, or all for head office; newest month "
        "first",
        tag,
        {"month", "page", "pageSize"},
        "",
        kFlaggedSchema}});
  router.Add({"GET",
              "/api/v1/typ/attendance-types",
              Access::kEmployerOrStaff,
              perm,
              kViewers,
              false,
              [&app](RequestContext&) {
                boost::json::array items;
                for (const auto& t : app.services().ref.attendance_types()) {
                  items.push_back(boost::json::object{
                      {"code", t.code}, {"nameTr", t.name_tr}, {"nameEn", t.name_en}});
                }
                return JsonResponse(200, WholeListEnvelope(std::move(items)));
              },
              {"Attendance types (devam türü): reference data, data/typ_attendance_types.csv or "
               "typAttendanceTypesFile; all in one page",
               tag,
               {},
               "",
               kTypesSchema}});
}

}  // namespace istihdam::http
