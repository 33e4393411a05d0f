// The candidate list of a labor demand ("Aday Listesi") and the employer's candidate reports
// ("Raporlar – İşverene Yönelik", DOMAIN.md §2.1.1.4); api/jobs.md "Matching and candidates",
// "Employer reports"; docs/candidates.md.
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "aggregates/permissions.h"
#include "http/app.h"
#include "http/candidate_report.h"
#include "http/contract/candidate_reports.h"
#include "http/endpoint.h"
#include "http/json_io.h"
#include "http/report_format.h"
#include "infra/clock.h"
#include "projections/candidates.h"

namespace istihdam::http {

using namespace contract::candidate_reports;

namespace {

ReadView CandidatesView(App& app) { return app.projections().View(kCandidatesProjection); }

Result<FileAnswer> Report(App& app, RequestContext& ctx, const ReportQuery& q) {
  const std::string type = ctx.req.params["reportType"];
  if (!IsCandidateReportType(type)) return Error::Of(errc::kNotFound);
  auto criteria = q.ToCriteria(type, app.services().ref);
  if (!criteria.ok()) return criteria.error();
  auto format = ReportFormat(ctx, q.format);
  if (!format.ok()) return format.error();
  auto rows = CandidateReportRows(CandidatesView(app), app.services().ref, ctx.session->employer_id, *criteria);
  auto rep = BuildCandidateReport(*criteria, std::move(rows), FormatRfc3339(app.services().clock->Now()));
  if (rep.empty) return Error::Of(errc::kNoRecords);  // M2: no report is created
  if (*format == "json") return FileAnswer{"application/json", "", JsonResponse(200, rep.json).body};
  auto bytes = *format == "pdf" ? report::RenderPdf(rep.print) : report::RenderXlsx(rep.table);
  if (!bytes.ok()) {
    spdlog::error("candidate report {} as {}: {}", type, *format, bytes.error().detail);
    return Error::Of(errc::kInternalError, bytes.error().detail);
  }
  return FileAnswer{*format == "pdf" ? "application/pdf" : std::string(kXlsxType),
                    "isgucu-istemi-" + type + "." + *format, std::move(bytes).value()};
}

}  // namespace

void AddCandidateReportRoutes(App& app, Router& router) {
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/labor-demands/{demandNo}/candidates", .access = Access::kEmployer,
      .permission = std::string(permissions::kLaborDemand),
      .summary = "The candidate list (\"Aday Gör\"): selected, applied and referred candidates in the order they "
                 "were added, closed and cancelled demands too; origin and state filter; availableActions",
      .tag = "labor demands",
      .handle = [&app](RequestContext& c, const CandidateQuery& q) -> Result<wire::PageOf<CandidateRow>> {
        auto criteria = q.ToCriteria();
        if (!criteria.ok()) return criteria.error();
        return AnswerFrom<wire::PageOf<CandidateRow>>(
            ListCandidates(CandidatesView(app), c.session->employer_id, c.req.params["demandNo"], *criteria,
                           q.requested()),
            errc::kLaborDemandNotFound);
      }});
  // A file answer; its default form is JSON, whose schema /openapi.json keeps documenting.
  Route report = ToRoute(
      Endpoint{
          .method = "GET", .path = "/api/v1/reports/labor-demands/{reportType}", .access = Access::kEmployer,
          .permission = std::string(permissions::kEmployerReports),
          .summary = "GenerateLaborDemandReport: reportType selection, referral, interview or result over the "
                     "employer's demands (any status but deleted). JSON by default; PDF with format=pdf or Accept: "
                     "application/pdf; XLSX with format=xlsx or the XLSX media type. Nothing matching answers 404 "
                     "no_records (M2) and creates no report; another reportType 404 not_found",
          .tag = "reports",
          .handle = [&app](RequestContext& c, const ReportQuery& q) -> Result<FileAnswer> {
            return Report(app, c, q);
          }},
      wire::ChoiceSource{});
  report.doc.response_schema = wire::SchemaOf<ReportJson>();
  report.doc.response_type = "application/json";
  router.Add(std::move(report));
}

}  // namespace istihdam::http
