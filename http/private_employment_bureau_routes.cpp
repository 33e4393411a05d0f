// Private employment agencies — "Özel İstihdam Büroları" (OEB-1..6, DOMAIN.md §2.1.6): membership,
// the bureau page and public directory, the list report "Özel İstihdam Listesi" and the
// confidential period reports "Dönem İşlemleri". Pinned in api/overseas-and-agencies.md;
// docs/private-employment-bureaus.md.
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "aggregates/permissions.h"
#include "commands/private_employment_bureaus.h"
#include "http/app.h"
#include "http/contract/private_employment_bureaus.h"
#include "http/endpoint.h"
#include "http/json_io.h"
#include "http/report_format.h"
#include "infra/clock.h"
#include "infra/report.h"
#include "projections/private_employment_bureaus.h"

namespace istihdam::http {

using namespace contract::bureaus;

namespace {

constexpr const char* kBase = "/api/v1/private-employment-bureaus";
constexpr const char* kTag = "private employment bureaus";

constexpr const char* kApplyExample = R"({"iskurNo":"2000000001","province":"34","district":"Kadıköy",
"officeAddress":"Caferağa Mah. Moda Cad. No:10","phone":"02163334455","email":"info@ornek-oib.com.tr",
"website":"https://ornek-oib.com.tr","responsibleManager":{"tckn":"10000000146","firstName":"Ayşe","lastName":"Yılmaz"}})";
constexpr const char* kReportExample = R"({"reportYear":2026,"reportPeriod":"Q1","recordDate":"2026-04-10",
"sections":{"placements":[{"occupation":"2512","province":"34","male":3,"female":2}],
"jobSeekersRegistered":{"male":40,"female":35},"vacanciesReceived":[{"occupation":"2512","count":6}],
"overseasPlacements":[{"country":"DE","occupation":"7212","male":1,"female":0}]}})";

bool IsHeadOffice(const std::optional<Session>& s) {
  return s && s->IsStaff() && StaffRoleOf(s->actor_type) == StaffRole::kHeadOfficeUser;
}

Card CardOf(const BureauState& b) {
  return {b.bureau_id, b.title, b.iskur_no, b.license_no, b.province, b.district, b.office_address,
          b.phone,     b.email, b.website,  b.status};
}

Page PageOf(const BureauState& b, std::uint64_t version, bool full) {
  Page p{CardOf(b), std::nullopt, std::nullopt, version};
  if (full) {
    p.responsible_manager =
        ManagerView{b.responsible_manager.tckn, b.responsible_manager.first_name, b.responsible_manager.last_name};
    p.agency_actions.emplace();
    for (const auto& a : b.agency_actions) p.agency_actions->push_back({a.date, a.action, a.note});
  }
  return p;
}

// The bureau page as `session` may see it (OEB-2): the bureau itself and head office any status
// with the manager and the agency's actions; anyone else the card of an active bureau; else 404.
Result<Page> VisiblePage(App& app, const std::optional<Session>& session, const std::string& id) {
  const auto b = app.services().bureaus.Load(BureauStream(id));
  if (!b.state.exists) return Error::Of(errc::kBureauNotFound);
  const bool own = session && !session->IsStaff() && !session->IsIndividual() &&
                   session->employer_id == b.state.employer_id;
  if (own || IsHeadOffice(session)) return PageOf(b.state, b.version, true);
  if (b.state.status != "active") return Error::Of(errc::kBureauNotFound);
  return PageOf(b.state, b.version, false);
}

// The bureau of a period-report route: the caller's own (employer) or any (head office; the
// router lets no other staff through). Another employer's: 404.
Result<BureauState> ReportBureau(App& app, const RequestContext& c) {
  const auto b = app.services().bureaus.Load(BureauStream(c.req.params.at("bureauId"))).state;
  if (!b.exists) return Error::Of(errc::kBureauNotFound);
  if (!c.session->IsStaff() && b.employer_id != c.session->employer_id) return Error::Of(errc::kBureauNotFound);
  return b;
}

Result<PeriodReport> LoadReport(App& app, const BureauState& b, const std::string& report_id) {
  const auto r = app.services().period_reports.Load(PeriodReportStream(report_id));
  if (!r.state.exists || r.state.bureau_id != b.bureau_id) return Error::Of(errc::kPeriodReportNotFound);
  const auto& s = r.state;
  return PeriodReport{s.report_id, s.bureau_id,        s.report_period,        s.record_date,
                      s.status,    kConfidentialityNotice, s.report_year, Sections::From(s.sections),
                      r.version};
}

std::string DottedDate(const std::string& iso) {
  return iso.size() == 10 ? iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4) : iso;
}

const char* StatusTr(const std::string& s) {
  if (s == "applied") return "Başvuru";
  if (s == "active") return "Faal";
  if (s == "rejected") return "Reddedildi";
  return "";
}

Result<FileAnswer> ListReportAnswer(App& app, RequestContext& c, const ListReportQuery& q) {
  auto format = ReportFormat(c, q.format);
  if (!format.ok()) return format.error();
  const Session& s = *c.session;
  std::string province = q.province, status = q.status;
  if (!s.IsStaff()) {
    if (!status.empty() && status != "active") return Error::Of(errc::kNoRecords);
    status = "active";
  } else if (StaffRoleOf(s.actor_type) == StaffRole::kUnitUser) {
    province = s.province;
  }
  const auto rows = ListBureauRows(app.projections().View("private_employment_bureaus"), province, status);
  if (rows.empty()) return Error::Of(errc::kNoRecords);
  ListReport rep{"Raporunuz Oluşturuldu", FormatRfc3339(app.services().clock->Now()), {}};
  for (const auto& o : rows) rep.rows.push_back(wire::FromDocument<Card>(o));
  // The printed table: every card field in XLSX; the narrower A4 page of the PDF leaves out the
  // address, e-mail and web site (they stay in JSON and XLSX) so that numbers are not wrapped.
  const bool wide = *format == "xlsx";
  report::TableReport t;
  t.title = "Özel İstihdam Listesi";
  const auto* p = app.services().ref.FindProvince(province);
  t.fields = {{"İl", province.empty() ? "Tümü" : (p ? p->name : province)},
              {"Durum", status.empty() ? "Tümü" : StatusTr(status)}};
  t.columns = wide ? std::vector<std::string>{"İŞKUR No", "Unvan", "İzin Belgesi No", "İl", "İlçe", "Adres", "Telefon",
                                              "E-posta", "Web", "Durum"}
                   : std::vector<std::string>{"İŞKUR No", "Unvan", "İzin Belgesi No", "İl / İlçe", "Telefon", "Durum"};
  t.empty_message = "Girdiğiniz kriterlere uygun kayıt bulunamadı";
  t.footer = "Oluşturulma tarihi: " + DottedDate(app.services().Today());
  t.sheet_name = "Ozel Istihdam Listesi";
  for (const auto& card : rep.rows) {
    const auto* rp = app.services().ref.FindProvince(card.province);
    const std::string province_name = rp ? rp->name : card.province;
    if (wide) {
      t.rows.push_back({card.iskur_no, card.title, card.license_no, province_name, card.district, card.office_address,
                        card.phone, card.email, card.website, StatusTr(card.status)});
    } else {
      t.rows.push_back({card.iskur_no, card.title, card.license_no, province_name + " / " + card.district, card.phone,
                        StatusTr(card.status)});
    }
  }
  if (*format == "json") return FileAnswer{"application/json", "", JsonResponse(200, wire::ToJson(rep)).body};
  auto bytes = *format == "pdf" ? report::RenderPdf(t) : report::RenderXlsx(t);
  if (!bytes.ok()) {
    spdlog::error("private employment list report as {}: {}", *format, bytes.error().detail);
    return Error::Of(errc::kInternalError, bytes.error().detail);
  }
  return FileAnswer{*format == "pdf" ? "application/pdf" : std::string(kXlsxType), "ozel-istihdam-listesi." + *format,
                    std::move(bytes).value()};
}

}  // namespace

void AddPrivateEmploymentBureauRoutes(App& app, Router& router) {
  const std::string perm(permissions::kPrivateEmploymentAgency);
  const std::string base = kBase;
  const std::string tag = kTag;
  const std::vector<StaffRole> head_office = {StaffRole::kHeadOfficeUser};

  // ----- Membership --------------------------------------------------------------------
  router.Add(Endpoint{
      .method = "POST", .path = base, .access = Access::kEmployer, .permission = std::string(permissions::kAdmin),
      .idempotent = true,
      .summary = "ApplyAsPrivateEmploymentBureau (OEB-R1..R3): an employer admin applies with the firm's own İŞKUR No "
                 "(another: 422 iskurNo not_own); an open application or active bureau: 409 bureau_already_exists",
      .tag = tag, .status = 201, .example = kApplyExample,
      .handle = [&app](RequestContext& c, const NewBureau& b) -> Result<BureauChanged> {
        ApplyAsBureau cmd;
        cmd.employer.employer_id = c.session->employer_id;
        cmd.iskur_no = b.iskur_no;
        cmd.province = b.province;
        cmd.district = b.district;
        cmd.office_address = b.office_address;
        cmd.phone = b.phone;
        cmd.email = b.email;
        cmd.website = b.website;
        cmd.responsible_manager = {b.responsible_manager.tckn, b.responsible_manager.first_name,
                                   b.responsible_manager.last_name};
        return AnswerFrom<BureauChanged>(HandleApplyAsBureau(app.services(), c.env, std::move(cmd)));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = base + "/{id}/approve", .access = Access::kStaff, .staff_roles = head_office,
      .idempotent = true,
      .summary = "Head office approves an application with the licence number: status active; not applied: 409 "
                 "bureau_not_applied",
      .tag = tag,
      .handle = [&app](RequestContext& c, const Approval& b) -> Result<BureauChanged> {
        return AnswerFrom<BureauChanged>(HandleApproveBureau(app.services(), c.env, c.req.params["id"], b.license_no));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = base + "/{id}/reject", .access = Access::kStaff, .staff_roles = head_office,
      .idempotent = true,
      .summary = "Head office rejects an application with a reason: status rejected; not applied: 409 bureau_not_applied",
      .tag = tag,
      .handle = [&app](RequestContext& c, const Rejection& b) -> Result<BureauChanged> {
        return AnswerFrom<BureauChanged>(HandleRejectBureau(app.services(), c.env, c.req.params["id"], b.reason));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = base + "/{id}/agency-actions", .access = Access::kStaff, .staff_roles = head_office,
      .idempotent = true,
      .summary = "RecordAgencyActionOnBureau (OEB-2): an entry of the agency's log on the bureau, shown on its page",
      .tag = tag, .status = 201,
      .handle = [&app](RequestContext& c, const AgencyActionBody& b) -> Result<BureauChanged> {
        return AnswerFrom<BureauChanged>(
            HandleAgencyAction(app.services(), c.env, c.req.params["id"], b.action, b.note));
      }});

  // ----- Directory, list report, page (the fixed paths before /{id}) -----------------------
  router.Add(Endpoint{
      .method = "GET", .path = base, .access = Access::kPublic, .read_rate_limited = true,
      .summary = "The public directory of active private employment bureaus (cards), by province, title",
      .tag = tag, .operation_id = "listPrivateEmploymentBureaus",
      .handle = [&app](RequestContext&, const DirectoryQuery& q) -> Result<wire::PageOf<Card>> {
        const auto rows = ListBureauRows(app.projections().View("private_employment_bureaus"), q.province, "active");
        wire::PageOf<Card> out;
        const auto page = q.requested();
        out.page = static_cast<std::int64_t>(page.page);
        out.page_size = static_cast<std::int64_t>(page.page_size);
        out.total = static_cast<std::int64_t>(rows.size());
        out.total_pages = static_cast<std::int64_t>((rows.size() + page.page_size - 1) / page.page_size);
        for (std::size_t i = FirstRow(page); i < rows.size() && out.items.size() < page.page_size; ++i)
          out.items.push_back(wire::FromDocument<Card>(rows[i]));
        return out;
      }});
  {
    Route r = ToRoute(
        Endpoint{.method = "GET", .path = base + "/list-report", .access = Access::kEmployerOrStaff,
                 .permission = perm, .staff_roles = {StaffRole::kUnitUser, StaffRole::kHeadOfficeUser},
                 .summary = "GeneratePrivateEmploymentBureauListReport \"Özel İstihdam Listesi\" (M3): employers "
                            "holding PRIVATE_EMPLOYMENT_AGENCY see active bureaus, head office all, unit users their "
                            "province. JSON by default; PDF/XLSX with format= or Accept; nothing to list 404 no_records",
                 .tag = tag, .operation_id = "getPrivateEmploymentBureauListReport",
                 .handle = [&app](RequestContext& c, const ListReportQuery& q) -> Result<FileAnswer> {
                   return ListReportAnswer(app, c, q);
                 }},
        wire::ChoiceSource{});
    r.doc.response_schema = wire::SchemaOf<ListReport>();
    r.doc.response_type = "application/json";
    router.Add(std::move(r));
  }
  router.Add(Endpoint{
      .method = "GET", .path = base + "/mine", .access = Access::kEmployer, .permission = perm,
      .summary = "GetMyBureauPage: the caller's bureau page (latest application), any status, with the agency's "
                 "actions; none: 404 bureau_not_found",
      .tag = tag, .operation_id = "getMyPrivateEmploymentBureau",
      .handle = [&app](RequestContext& c) -> Result<Page> {
        const auto id = CurrentBureauId(app.services(), c.session->employer_id);
        if (!id) return Error::Of(errc::kBureauNotFound);
        return VisiblePage(app, c.session, *id);
      }});
  router.Add(Endpoint{
      .method = "GET", .path = base + "/{id}", .access = Access::kPublic,
      .summary = "The bureau page (public): without a token or for another employer the card of an active bureau, "
                 "else 404; the bureau itself and head office any status plus responsibleManager and agencyActions",
      .tag = tag, .operation_id = "getPrivateEmploymentBureau",
      .handle = [&app](RequestContext& c) -> Result<Page> { return VisiblePage(app, c.session, c.req.params["id"]); }});

  // ----- Period reports (confidential) ---------------------------------------------------
  const std::string reports = base + "/{bureauId}/period-reports";
  router.Add(Endpoint{
      .method = "POST", .path = reports, .access = Access::kEmployer, .permission = perm, .idempotent = true,
      .summary = "CreatePeriodReport (Dönem İşlemleri): a draft report of (reportYear, reportPeriod) with its "
                 "sections. 422 names every failing field (counts >= 0, a row key twice: duplicate, period not "
                 "begun / recordDate after today: in_future); 409 bureau_not_active, period_report_exists. "
                 "Confidential: the bureau only; another employer 404",
      .tag = tag, .status = 201, .example = kReportExample,
      .handle = [&app](RequestContext& c, const NewPeriodReport& b) -> Result<ReportChanged> {
        CreatePeriodReport cmd;
        cmd.report_year = b.report_year;
        cmd.report_period = b.report_period;
        cmd.record_date = b.record_date;
        cmd.sections = b.sections.ToEvent();
        return AnswerFrom<ReportChanged>(HandleCreatePeriodReport(app.services(), c.env, c.session->employer_id,
                                                                  c.req.params["bureauId"], std::move(cmd)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = reports, .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = head_office,
      .summary = "ListPeriodReports: the bureau's reports (no figures), newest first. The bureau and head office "
                 "only: another employer 404, unit users 403",
      .tag = tag,
      .handle = [&app](RequestContext& c, const PeriodReportQuery& q) -> Result<wire::PageOf<PeriodReportSummary>> {
        auto b = ReportBureau(app, c);
        if (!b.ok()) return b.error();
        auto& s = app.services();
        std::vector<PeriodReportSummary> items;
        if (!b->approved_on.empty()) {
          const std::int64_t first = 2000;  // reports may be of years before the approval
          const std::int64_t last = std::stoll(s.Today().substr(0, 4));
          const auto periods = ReportPeriods(s);
          for (std::int64_t y = last; y >= first; --y) {
            if (q.report_year && *q.report_year != y) continue;
            for (auto p = periods.rbegin(); p != periods.rend(); ++p) {
              if (!q.report_period.empty() && q.report_period != p->code) continue;
              const auto id = PeriodReportIdOf(s, b->bureau_id, y, p->code);
              if (!id) continue;
              const auto r = s.period_reports.Load(PeriodReportStream(*id));
              if (!r.state.exists) continue;
              items.push_back({r.state.report_id, r.state.bureau_id, r.state.report_period, r.state.record_date,
                               r.state.status, r.state.report_year, r.version});
            }
          }
        }
        return wire::WholeList(std::move(items));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = reports + "/{reportId}", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = head_office,
      .summary = "GetPeriodReport: the report with its status and the confidentiality principle (M7); ETag is its "
                 "version. The bureau and head office only: another employer 404, unit users 403",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<PeriodReport> {
        auto b = ReportBureau(app, c);
        if (!b.ok()) return b.error();
        return LoadReport(app, *b, c.req.params["reportId"]);
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = reports + "/{reportId}", .access = Access::kEmployer, .permission = perm,
      .summary = "SavePeriodReportSection: the record date and all sections replace the previous ones (drafts only: "
                 "409 period_report_submitted); If-Match: \"<version>\" makes a stale save a 412",
      .tag = tag,
      .handle = [&app](RequestContext& c, const PeriodReportChanges& body) -> Result<ReportChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        auto b = ReportBureau(app, c);
        if (!b.ok()) return b.error();
        const std::string report_id = c.req.params["reportId"];
        const auto r = app.services().period_reports.Load(PeriodReportStream(report_id)).state;
        if (r.exists && r.bureau_id == b->bureau_id) {
          std::vector<FieldError> bad;
          if (body.report_year && *body.report_year != r.report_year) bad.push_back({"reportYear", "immutable"});
          if (!body.report_period.empty() && body.report_period != r.report_period)
            bad.push_back({"reportPeriod", "immutable"});
          if (!bad.empty()) return Error::Validation(bad);
        }
        return AnswerFrom<ReportChanged>(HandleSavePeriodReport(app.services(), c.env, b->bureau_id, report_id,
                                                                *pinned, body.record_date, body.sections.ToEvent()));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = reports + "/{reportId}/submit", .access = Access::kEmployer, .permission = perm,
      .idempotent = true,
      .summary = "SubmitPeriodReport: the draft becomes submitted; after that changes are 409 period_report_submitted",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<ReportChanged> {
        auto b = ReportBureau(app, c);
        if (!b.ok()) return b.error();
        return AnswerFrom<ReportChanged>(
            HandleSubmitPeriodReport(app.services(), c.env, b->bureau_id, c.req.params["reportId"]));
      }});
}

}  // namespace istihdam::http
