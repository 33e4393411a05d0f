// Community benefit programs — "Toplum Yararına Programlar (TYP)": programs and participants
// (unit users), attendance (the host employer), listings, the monthly report and the flagged
// participants. API.md pins the program, participant and attendance routes; docs/typ.md.
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "aggregates/permissions.h"
#include "aggregates/validation.h"
#include "aggregates/workforce_schedule.h"
#include "commands/typ.h"
#include "http/app.h"
#include "http/as_of.h"
#include "http/contract/typ.h"
#include "http/endpoint.h"
#include "http/report_format.h"
#include "http/json_io.h"
#include "http/typ_report.h"
#include "infra/clock.h"
#include "projections/paging.h"
#include "projections/typ.h"

namespace istihdam::http {

using namespace contract::typ;

namespace {

const std::vector<StaffRole> kViewers = {StaffRole::kUnitUser, StaffRole::kHeadOfficeUser};

constexpr const char* kProgramExample = R"({"hostEmployerId":"2000000001","province":"34",
"startDate":"2026-10-01","endDate":"2027-03-31","description":"Okul bahçelerinin bakımı ve temizliği",
"participantQuota":3})";

// ----- Helpers ------------------------------------------------------------------------

TypScope ScopeOf(const Session& s) {
  TypScope scope;
  const auto role = StaffRoleOf(s.actor_type);
  if (!s.IsStaff())
    scope.employer_id = s.employer_id;
  else if (role == StaffRole::kUnitUser)
    scope.province = s.province;
  else
    scope.everything = role == StaffRole::kHeadOfficeUser || role == StaffRole::kAuditor;  // auditors: as-of reads
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

Error BadParam(const std::string& name) { return Error{errc::kInvalidParameter, {{name, "invalid_format"}}, {}}; }

Result<TypCriteria> CriteriaOf(const ProgramQuery& q) {
  if (!q.status.empty() && q.status != "planned" && q.status != "active" && q.status != "completed") {
    return Error{errc::kInvalidParameter, {{"status", "unknown_value"}}, {}};
  }
  if (!q.start_from.empty() && !IsDate(q.start_from)) return BadParam("startFrom");
  if (!q.start_to.empty() && !IsDate(q.start_to)) return BadParam("startTo");
  return TypCriteria{q.typ_no, q.province, q.status, q.start_from, q.start_to};
}

// One page of a program's participants, with its TYP number.
boost::json::object ParticipantsPage(App& app, const std::string& typ_no, const Page& p) {
  const auto all = TypParticipants(TypView(app), typ_no);
  boost::json::array items;
  for (std::size_t i = FirstRow(p); i < all.size() && i < FirstRow(p) + p.page_size; ++i) {
    items.push_back(all[i]);
  }
  auto out = PageEnvelope(std::move(items), all.size(), p);
  out["typNo"] = typ_no;
  return out;
}

Result<Calendar> CalendarOf(App& app, RequestContext& ctx, const MonthQuery& q) {
  if (!VisibleProgram(app, ctx)) return Error::Of(errc::kTypProgramNotFound);
  const auto& typ_no = ctx.req.params["typNo"];
  const auto& pid = ctx.req.params["participantId"];
  if (!FindTypParticipant(TypView(app), typ_no, pid)) return Error::Of(errc::kTypParticipantNotFound);
  if (!IsYearMonth(q.month)) return BadParam("month");
  Calendar out{q.month, {}};
  for (const auto& a : TypAbsences(TypView(app), typ_no, q.month, pid)) {
    out.days.push_back({a.date, a.attendance_type});
  }
  return out;
}

// JSON by default; PDF or XLSX by ?format= or the Accept header.
Result<FileAnswer> Report(App& app, RequestContext& ctx, const ReportQuery& q) {
  auto program = VisibleProgram(app, ctx);
  if (!program) return Error::Of(errc::kTypProgramNotFound);
  if (!IsYearMonth(q.month)) return BadParam("month");
  auto asked = ReportFormat(ctx, q.format);
  if (!asked.ok()) return asked.error();
  const std::string format = *asked;
  auto rep = BuildTypAttendanceReport(TypView(app), app.services().ref, *program, q.month,
                                      app.services().Today());
  if (rep.empty) return Error::Of(errc::kNoRecords);  // the guide: no report is created
  if (format == "json") return FileAnswer{"application/json", "", JsonResponse(200, rep.json).body};
  const std::string typ_no((*program)["typNo"].as_string());
  auto bytes = format == "pdf" ? report::RenderPdf(rep.table) : report::RenderXlsx(rep.table);
  if (!bytes.ok()) {
    spdlog::error("TYP report {} {} as {}: {}", typ_no, q.month, format, bytes.error().detail);
    return Error::Of(errc::kInternalError, bytes.error().detail);
  }
  return FileAnswer{format == "pdf" ? "application/pdf" : std::string(kXlsxType),
                    "typ-devam-" + typ_no + "-" + q.month + "." + format, std::move(bytes).value()};
}

}  // namespace

void AddTypRoutes(App& app, Router& router) {
  const std::string perm(permissions::kTyp);
  const std::string tag = "TYP";
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/typ/programs", .access = Access::kStaff,
      .staff_roles = {StaffRole::kUnitUser}, .idempotent = true,
      .summary = "CreateTypProgram: a unit user opens a program of its own province (403 other_province) hosted by "
                 "an existing employer; the answer's id is the TYP number (TYP-<year>-<province>-<5 digits>)",
      .tag = tag, .status = 201, .example = kProgramExample,
      .handle = [&app](RequestContext& c, const NewProgram& b) -> Result<ProgramCreated> {
        return AnswerFrom<ProgramCreated>(
            HandleCreateTypProgram(app.services(), c.env, b.ToCommand(*c.session)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/typ/programs", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = kViewers,
      .summary = "TYP listing and search (TYP-1): the host employer's programs, a unit user's province, or all "
                 "(head office); status is derived from the period and today; ordered by TYP number",
      .tag = tag,
      .handle = [&app](RequestContext& c, const ProgramQuery& q) -> Result<wire::PageOf<Program>> {
        auto criteria = CriteriaOf(q);
        if (!criteria.ok()) return criteria.error();
        return AnswerFrom<wire::PageOf<Program>>(ListTypPrograms(
            TypView(app), ScopeOf(*c.session), *criteria, app.services().Today(), q.requested()));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/typ/programs/{typNo}", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = {StaffRole::kUnitUser, StaffRole::kHeadOfficeUser, StaffRole::kAuditor},
      .summary = "One TYP program; ETag is its version; asOf reads an earlier version (auditors: any program)",
      .tag = tag,
      .handle = [&app](RequestContext& c, const AsOfQuery& q) -> Result<Program> {
        auto as_of = ResolveAsOf(c, q);
        if (!as_of.ok()) return as_of.error();
        if (!*as_of) return AnswerFrom<Program>(VisibleProgram(app, c), "typ_program_not_found");
        // The document also holds the host employer's title, from the host's registration: replay
        // that stream too. The host never changes; the status is computed for that day.
        const std::string typ_no = c.req.params["typNo"], stream = TypProgramStream(typ_no);
        const auto host = app.services().typ_programs.Load(stream).state.host_employer_id;
        const std::string day = **as_of > 0 ? DayOf(c, **as_of) : app.services().Today();
        return AnswerAsOf<Program>(
            c, **as_of, MakeTypProjector(), {stream, "employer-" + host},
            [&](const ReadView& v) { return GetTypProgram(v, ScopeOf(*c.session), typ_no, day); },
            "typ_program_not_found");
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/typ/programs/{typNo}/participants", .access = Access::kStaff,
      .staff_roles = {StaffRole::kUnitUser}, .idempotent = true,
      .summary = "AssignTypParticipant: a registered individual (names checked with KPS) within the program's "
                 "period and quota, not twice for overlapping periods; the id numbers participants 1, 2, …",
      .tag = tag, .status = 201,
      .handle = [&app](RequestContext& c, const NewParticipant& b) -> Result<ParticipantAssigned> {
        return AnswerFrom<ParticipantAssigned>(HandleAssignTypParticipant(
            app.services(), c.env, c.req.params["typNo"], b.ToCommand(*c.session)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/typ/programs/{typNo}/participants", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = kViewers, .summary = "Participants of a program (TYP-2)", .tag = tag,
      .handle = [&app](RequestContext& c, const ParticipantQuery& q) -> Result<ParticipantPage> {
        if (!VisibleProgram(app, c)) return Error::Of(errc::kTypProgramNotFound);
        return AnswerFrom<ParticipantPage>(ParticipantsPage(app, c.req.params["typNo"], q.requested()));
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/typ/programs/{typNo}/participants/{participantId}/attendance/{date}",
      .access = Access::kEmployer, .permission = perm,
      .summary = "RecordAbsence (TYP-3), host employer: one entry per participant and day (409 "
                 "absence_already_recorded), within the participant's period (409 outside_participation_period), "
                 "not in the future (422), a known attendance type (422)",
      .tag = tag, .status = 201,
      .handle = [&app](RequestContext& c, const AbsenceEntry& b) -> Result<AbsenceRecorded> {
        RecordAbsence cmd;
        cmd.employer_id = c.session->employer_id;
        cmd.typ_no = c.req.params["typNo"];
        cmd.participant_id = c.req.params["participantId"];
        cmd.date = c.req.params["date"];
        cmd.attendance_type = b.attendance_type;
        return AnswerFrom<AbsenceRecorded>(HandleRecordAbsence(app.services(), c.env, std::move(cmd)));
      }});
  router.Add(Endpoint{
      .method = "DELETE", .path = "/api/v1/typ/programs/{typNo}/participants/{participantId}/attendance/{date}",
      .access = Access::kEmployer, .permission = perm,
      .summary = "DeleteAbsence (TYP-4), host employer: correction is delete + add (X-34); 404 absence_not_found "
                 "when the day has no entry",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<AbsenceDeleted> {
        const DeleteAbsence cmd{c.session->employer_id, c.req.params["typNo"], c.req.params["participantId"],
                                c.req.params["date"]};
        return AnswerFrom<AbsenceDeleted>(HandleDeleteAbsence(app.services(), c.env, cmd));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/typ/programs/{typNo}/participants/{participantId}/attendance",
      .access = Access::kEmployerOrStaff, .permission = perm, .staff_roles = kViewers,
      .summary = "Monthly attendance calendar of a participant (TYP-2): the recorded days and their types",
      .tag = tag,
      .handle = [&app](RequestContext& c, const MonthQuery& q) -> Result<Calendar> {
        return CalendarOf(app, c, q);
      }});
  // A file answer; its default form is JSON, whose schema /openapi.json keeps documenting.
  Route report = ToRoute(
      Endpoint{
          .method = "GET", .path = "/api/v1/typ/programs/{typNo}/attendance-report",
          .access = Access::kEmployerOrStaff, .permission = perm, .staff_roles = kViewers,
          .summary = "Monthly attendance report of a program: who was absent which days, by type. JSON by default; "
                     "PDF with format=pdf or Accept: application/pdf; XLSX with format=xlsx or the XLSX media type. "
                     "A month without absences answers 404 no_records and creates no report",
          .tag = tag,
          .handle = [&app](RequestContext& c, const ReportQuery& q) -> Result<FileAnswer> {
            return Report(app, c, q);
          }},
      wire::ChoiceSource{});
  report.doc.response_schema = wire::SchemaOf<ReportJson>();
  report.doc.response_type = "application/json";
  router.Add(std::move(report));
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/typ/flagged-participants", .access = Access::kStaff,
      .staff_roles = kViewers,
      .summary = "Participants whose unexcused absences in a month reached typUnexcusedAbsenceThreshold "
                 "(TypParticipantFlagged): a unit user's province, or all for head office; newest month first",
      .tag = tag,
      .handle = [&app](RequestContext& c, const FlaggedQuery& q) -> Result<wire::PageOf<Flagged>> {
        if (!q.month.empty() && !IsYearMonth(q.month)) return BadParam("month");
        return AnswerFrom<wire::PageOf<Flagged>>(
            ListFlaggedTypParticipants(TypView(app), ScopeOf(*c.session), q.month, q.requested()));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/typ/attendance-types", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = kViewers,
      .summary = "Attendance types (devam türü): reference data, data/typ_attendance_types.csv or "
                 "typAttendanceTypesFile; all in one page",
      .tag = tag,
      .handle = [&app](RequestContext&) -> Result<wire::PageOf<AttendanceType>> {
        std::vector<AttendanceType> items;
        for (const auto& t : app.services().ref.attendance_types()) items.push_back({t.code, t.name_tr, t.name_en});
        return wire::WholeList(std::move(items));
      }});
}

}  // namespace istihdam::http
