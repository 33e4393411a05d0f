// Course reports — "Kurs Raporları" (api/courses.md "Course reports", DOMAIN.md §2.1.4.4,
// docs/courses.md): the principal/reserve list and the cumulative trainee employment report.
// One set of rows feeds the JSON form and the printed table (infra/report.h renders PDF or
// XLSX), so the formats cannot disagree. Synchronous, as the TYP report.
#include <spdlog/spdlog.h>

#include "aggregates/permissions.h"
#include "http/app.h"
#include "http/contract/courses.h"
#include "http/course_view.h"
#include "http/endpoint.h"
#include "http/json_io.h"
#include "http/report_format.h"
#include "infra/clock.h"
#include "infra/report.h"
#include "projections/courses.h"

namespace istihdam::http {

using namespace contract::courses;

namespace {

std::string DottedDate(const std::string& iso) {  // 2026-11-03 -> 03.11.2026
  return iso.size() == 10 ? iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4) : iso;
}

const char* TraineeStatusTr(const std::string& s) {
  if (s == "active") return "Devam ediyor";
  if (s == "left") return "Ayrıldı";
  if (s == "removed") return "Çıkarıldı";
  if (s == "completed") return "Tamamladı";
  return "Kursiyer değil";
}

ReportCourse HeaderOf(App& app, const CourseState& s) {
  const auto& f = s.course;
  const auto* o = app.services().ref.FindOccupation(f.occupation);
  return {f.course_id, f.name, f.province, f.district, f.occupation, o ? o->title_tr : "", f.start_date, f.end_date,
          s.status};
}

report::TableReport TableOf(App& app, const ReportCourse& c, std::string title, std::string sheet) {
  report::TableReport t;
  t.title = std::move(title);
  const auto* province = app.services().ref.FindProvince(c.province);
  t.fields = {{"Kurs No", c.course_id},
              {"Kurs Adı", c.name},
              {"İl / İlçe", (province ? province->name : c.province) + " / " + c.district},
              {"Meslek", c.occupation + " " + c.occupation_name},
              {"Dönem", DottedDate(c.start_date) + " – " + DottedDate(c.end_date)}};
  t.empty_message = "Girdiğiniz kriterlere uygun kayıt bulunamadı";
  t.footer = "Oluşturulma tarihi: " + DottedDate(app.services().Today());
  t.sheet_name = std::move(sheet);
  return t;
}

struct Built {
  bool empty = true;
  boost::json::value json;
  report::TableReport table;
};

Built PrincipalReserve(App& app, const CourseState& s) {
  ListReport rep{HeaderOf(app, s), {}};
  Built out{true, {}, TableOf(app, rep.course, "Kursiyer Asil/Yedek Listesi", "Asil-Yedek")};
  out.table.columns = {"T.C. Kimlik No", "Adı", "Soyadı", "Liste", "Kursiyer Durumu"};
  for (const auto& k : s.candidacies) {
    if (k.removed || !k.suitable()) continue;
    const bool principal = k.interview_result == "suitablePrincipal";
    rep.rows.push_back({k.tckn, k.first_name, k.last_name, principal ? "principal" : "reserve",
                        k.trainee_status.empty() ? std::nullopt : std::optional<std::string>(k.trainee_status)});
    out.table.rows.push_back(
        {k.tckn, k.first_name, k.last_name, principal ? "Asil" : "Yedek", TraineeStatusTr(k.trainee_status)});
  }
  out.empty = rep.rows.empty();
  out.json = wire::ToJson(rep);
  return out;
}

Built CumulativeEmployment(App& app, const CourseState& s) {
  EmploymentReport rep{HeaderOf(app, s), 0, 0, {}};
  Built out{true, {}, TableOf(app, rep.course, "Kursiyer İstihdam İzleme (Kümülatif)", "Istihdam")};
  out.table.columns = {"T.C. Kimlik No", "Adı", "Soyadı", "Kursiyer Durumu", "İstihdam", "İşe Giriş", "İşyeri"};
  const auto view = app.projections().View("courses");
  for (const auto& k : s.candidacies) {
    if (k.trainee_status.empty()) continue;
    EmploymentRow row{k.tckn, k.first_name, k.last_name, k.trainee_status, false, {}, {}, {}};
    for (const auto& h : HiresOf(view, k.person_id)) {
      if (h.hired_on < s.course.start_date) continue;
      row.employed = true;
      row.hired_on = h.hired_on;
      row.workplace_title = h.workplace_title;
      row.demand_no = h.demand_no;
      break;
    }
    ++rep.trainees;
    if (row.employed) ++rep.employed;
    out.table.rows.push_back({k.tckn, k.first_name, k.last_name, TraineeStatusTr(k.trainee_status),
                              row.employed ? "Evet" : "Hayır", row.hired_on ? DottedDate(*row.hired_on) : "",
                              row.workplace_title.value_or("")});
    rep.rows.push_back(std::move(row));
  }
  out.empty = rep.rows.empty();
  out.json = wire::ToJson(rep);
  return out;
}

Result<FileAnswer> Report(App& app, RequestContext& ctx, const ReportQuery& q, Built (*build)(App&, const CourseState&),
                          const char* file) {
  auto course = LoadVisibleCourse(app, *ctx.session, ctx.req.params["id"]);
  if (!course.ok()) return course.error();
  auto format = ReportFormat(ctx, q.format);
  if (!format.ok()) return format.error();
  auto rep = build(app, *course);
  if (rep.empty) return Error::Of(errc::kNoRecords);
  if (*format == "json") return FileAnswer{"application/json", "", JsonResponse(200, rep.json).body};
  auto bytes = *format == "pdf" ? report::RenderPdf(rep.table) : report::RenderXlsx(rep.table);
  if (!bytes.ok()) {
    spdlog::error("course report {} {} as {}: {}", file, course->course.course_id, *format, bytes.error().detail);
    return Error::Of(errc::kInternalError, bytes.error().detail);
  }
  return FileAnswer{*format == "pdf" ? "application/pdf" : std::string(kXlsxType),
                    std::string(file) + "-" + course->course.course_id + "." + *format, std::move(bytes).value()};
}

template <class Json>
void AddReport(App& app, Router& router, const char* path, const char* summary, Built (*build)(App&, const CourseState&),
               const char* file) {
  // A file answer; its default form is JSON, whose schema /openapi.json keeps documenting.
  Route r = ToRoute(
      Endpoint{.method = "GET", .path = std::string("/api/v1/courses/{id}/reports/") + path,
               .access = Access::kEmployerOrStaff, .permission = std::string(permissions::kCourses),
               .staff_roles = {StaffRole::kUnitUser, StaffRole::kHeadOfficeUser}, .summary = summary, .tag = "courses",
               .handle = [&app, build, file](RequestContext& c, const ReportQuery& q) -> Result<FileAnswer> {
                 return Report(app, c, q, build, file);
               }},
      wire::ChoiceSource{});
  r.doc.response_schema = wire::SchemaOf<Json>();
  r.doc.response_type = "application/json";
  router.Add(std::move(r));
}

}  // namespace

void AddCourseReportRoutes(App& app, Router& router) {
  AddReport<ListReport>(app, router, "principal-reserve-list",
                        "GeneratePrincipalReserveListReport \"Kursiyer Asil/Yedek Listesi\": one row per suitable "
                        "candidacy (departed and promoted included). JSON by default; PDF with format=pdf or Accept: "
                        "application/pdf; XLSX with format=xlsx or the XLSX media type; nothing to list 404 no_records",
                        &PrincipalReserve, "kursiyer-asil-yedek");
  AddReport<EmploymentReport>(
      app, router, "cumulative-employment",
      "GenerateCumulativeTraineeEmploymentReport \"Kursiyer İstihdam İzleme (Kümülatif)\": each trainee and the first "
      "hire recorded through a labor demand on or after the course's start (this system holds no SGK records); "
      "formats as the list report; no trainees 404 no_records",
      &CumulativeEmployment, "kursiyer-istihdam");
}

}  // namespace istihdam::http
