// Benefit declarations — "İKT/İÖ/KÇÖ Bildirgesi" (DECL-1, docs/benefit-declarations.md):
// submitted by the employer, listed by the employer and by agency staff after choosing unit,
// firm and declaration type.
#include <type_traits>

#include "aggregates/benefit_reference.h"
#include "aggregates/permissions.h"
#include "commands/benefit_declarations.h"
#include "http/app.h"
#include "http/endpoint.h"
#include "projections/benefit_declarations.h"
#include "projections/paging.h"

namespace istihdam::http {

namespace {

using wire::F;

constexpr const char* kDeclarationTypes[] = {"IKT", "IO", "KCO"};


// ----- Bodies and answers -----------------------------------------------------------------

struct MonthlyHours {
  std::string month;
  std::int64_t hours = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month).describe("YYYY-MM"), F("hours", hours).range(1, kMaxShortTimeHoursPerMonth));
  }
};

struct Worker {
  std::string tckn, first_name, last_name, exit_date, exit_reason_code;
  std::vector<MonthlyHours> monthly_hours;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand(), F("firstName", first_name).requiredByCommand(),
       F("lastName", last_name).requiredByCommand(),
       F("exitDate", exit_date).formatted("date").describe("IKT/IO: the last day of work"),
       F("exitReasonCode", exit_reason_code)
           .from(wire::lists::kExitReasons)
           .describe("IKT/IO: SGK exit reason (GET /api/v1/benefit-declarations/exit-reasons); IKT: 32"),
       F("monthlyHours", monthly_hours).describe("KCO: the short-time hours of each month"));
  }
  events::DeclaredWorker ToEvent() const {
    events::DeclaredWorker w{tckn, first_name, last_name, exit_date, exit_reason_code, {}};
    for (const auto& h : monthly_hours) w.monthly_hours.push_back({h.month, h.hours});
    return w;
  }
};

struct Draft {
  std::string declaration_type, workplace_id, period_start, period_end;
  std::vector<Worker> workers;
  template <class A>
  void serialize(A& ar) {
    ar(F("declarationType", declaration_type).oneOf(kDeclarationTypes).requiredByCommand(),
       F("workplaceId", workplace_id).requiredByCommand(),
       F("periodStart", period_start).formatted("date").describe("KCO only"),
       F("periodEnd", period_end).formatted("date").describe("KCO only"),
       F("workers", workers).describe("1 to 1000 workers").requiredByCommand());
  }
  SubmitBenefitDeclaration ToCommand(const std::string& employer_id) const {
    SubmitBenefitDeclaration c;
    c.employer_id = employer_id;
    c.declaration_type = declaration_type;
    c.workplace_id = workplace_id;
    c.period_start = period_start;
    c.period_end = period_end;
    for (const auto& w : workers) c.workers.push_back(w.ToEvent());
    return c;
  }
};

struct Submitted {
  std::string id, declaration_no, declaration_type, unit_id, declaration_date;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("version", version), F("declarationNo", declaration_no), F("declarationType", declaration_type),
       F("unitId", unit_id), F("declarationDate", declaration_date).formatted("date"), F("position", position));
  }
};

// A row of the listing; the whole declaration adds its workers, unit name and version.
struct Summary {
  std::string declaration_no, declaration_type, declaration_type_name, unit_id, employer_id, employer_title,
      workplace_id, declaration_date, period_start, period_end;
  std::int64_t worker_count = 0, total_short_time_hours = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("declarationNo", declaration_no), F("declarationType", declaration_type),
       F("declarationTypeName", declaration_type_name), F("unitId", unit_id), F("employerId", employer_id),
       F("employerTitle", employer_title), F("workplaceId", workplace_id),
       F("declarationDate", declaration_date).formatted("date"), F("periodStart", period_start),
       F("periodEnd", period_end), F("workerCount", worker_count), F("totalShortTimeHours", total_short_time_hours));
  }
};

struct Declaration {
  Summary summary;
  std::optional<std::string> unit_name;  // when the unit is known
  std::uint64_t version = 0;
  std::vector<Worker> workers;
  template <class A>
  void serialize(A& ar) {
    summary.serialize(ar);
    ar(F("unitName", unit_name), F("version", version), F("workers", workers));
  }
};

struct Unit {
  std::string unit_id, name;
  std::int64_t declaration_count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("unitId", unit_id), F("name", name), F("declarationCount", declaration_count));
  }
};

struct Firm {
  std::string employer_id, title;
  std::int64_t declaration_count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("employerId", employer_id), F("title", title), F("declarationCount", declaration_count));
  }
};

struct Code {
  std::string code, name;
  template <class A>
  void serialize(A& ar) {
    ar(F("code", code), F("name", name));
  }
};

// ----- Query strings ----------------------------------------------------------------------

struct FirmQuery : wire::Paging {
  std::string unit_id;
  template <class A>
  void serialize(A& ar) {
    ar(F("unitId", unit_id).describe("the chosen unit; 422 declaration_selection_required without it"));
    Paging::serialize(ar);
  }
};

struct ListQuery : wire::Paging {
  DeclarationQuery q;
  template <class A>
  void serialize(A& ar) {
    ar(F("unitId", q.unit_id), F("employerId", q.employer_id),
       F("declarationType", q.declaration_type).oneOf(kDeclarationTypes),
       F("dateFrom", q.date_from).formatted("date"), F("dateTo", q.date_to).formatted("date"),
       F("declarationNo", q.declaration_no));
    Paging::serialize(ar);
  }
};

// An employer sees its own declarations, a unit user its province's, head office all.
DeclarationViewer ViewerOf(const Session& s) {
  DeclarationViewer v;
  if (!s.IsStaff()) v.employer_id = s.employer_id;
  else if (StaffRoleOf(s.actor_type) == StaffRole::kHeadOfficeUser) v.head_office = true;
  else v.province = s.province;
  return v;
}

}  // namespace

void AddBenefitDeclarationRoutes(App& app, Router& router) {
  const std::string perm(permissions::kBenefitDeclarations);
  const std::vector<StaffRole> staff = {StaffRole::kUnitUser, StaffRole::kHeadOfficeUser};
  const auto view = [&app] { return app.projections().View("benefit_declarations"); };
  const std::string tag = "benefit declarations";
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/benefit-declarations/exit-reasons", .access = Access::kPublic,
      .summary = "SGK exit reasons (işten çıkış nedenleri) accepted in İÖ/İKT declarations, all in one page",
      .tag = "reference",
      .handle = [](RequestContext&) -> Result<wire::PageOf<Code>> {
        boost::json::array items;
        for (const auto& r : ExitReasons()) items.push_back(boost::json::object{{"code", r.code}, {"name", r.name}});
        return AnswerFrom<wire::PageOf<Code>>(WholeListEnvelope(std::move(items)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/benefit-declarations/units", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = staff,
      .summary = "Step 1 of DECL-1 (\"Birim\"): the units the caller may choose — a unit user its own, head office all, "
                 "an employer those of its workplaces and declarations",
      .tag = tag,
      .handle = [&app, view](RequestContext& c) -> Result<wire::PageOf<Unit>> {
        const auto who = ViewerOf(*c.session);
        std::vector<std::string> provinces;
        if (!who.employer_id.empty()) {
          for (const auto& [p, hq] : app.services().employers.Load("employer-" + who.employer_id).state.hq_by_province) {
            provinces.push_back(p);
          }
        }
        return AnswerFrom<wire::PageOf<Unit>>(ListDeclarationUnits(view(), app.services().ref, who, provinces));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/benefit-declarations/firms", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = staff,
      .summary = "Step 2 of DECL-1 (\"Firma\"): firms with declarations in the unit that the caller may see (an employer "
                 "only itself), by title",
      .tag = tag,
      .handle = [&app, view](RequestContext& c, const FirmQuery& q) -> Result<wire::PageOf<Firm>> {
        if (q.unit_id.empty()) return Error{errc::kDeclarationSelectionRequired, {{"unitId", "required"}}, {}};
        if (!FindBenefitUnit(app.services().ref, q.unit_id)) return Error::Validation({{"unitId", "unknown_value"}});
        return AnswerFrom<wire::PageOf<Firm>>(
            ListDeclarationFirms(view(), ViewerOf(*c.session), q.unit_id, q.requested()));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/benefit-declarations", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = staff,
      .summary = "ListBenefitDeclarations (DECL-1, \"Kayıtlı Bildirgeler\"): unitId, employerId and declarationType must be "
                 "chosen first, in that order (422 declaration_selection_required names the missing ones); newest first",
      .tag = tag,
      .handle = [&app, view](RequestContext& c, const ListQuery& q) -> Result<wire::PageOf<Summary>> {
        if (auto st = CheckDeclarationQuery(q.q, app.services().ref); !st.ok()) return st.error();
        return AnswerFrom<wire::PageOf<Summary>>(
            ListBenefitDeclarations(view(), ViewerOf(*c.session), q.q, q.requested()));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/benefit-declarations", .access = Access::kEmployer, .permission = perm,
      .idempotent = true,
      .summary = "SubmitBenefitDeclaration: an İKT/İÖ declaration lists leaving workers with exit date and SGK exit reason, "
                 "a KÇÖ declaration the short-time period and each worker's hours per month; the unit is the workplace's "
                 "province, the number YYYY + a 6-digit serial",
      .tag = tag, .status = 201,
      .handle = [&app](RequestContext& c, const Draft& b) -> Result<Submitted> {
        return AnswerFrom<Submitted>(
            HandleSubmitBenefitDeclaration(app.services(), c.env, b.ToCommand(c.session->employer_id)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/benefit-declarations/{no}", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = staff,
      .summary = "One declaration with its workers (404 when it is another employer's or outside the unit user's province)",
      .tag = tag,
      .handle = [&app, view](RequestContext& c) -> Result<Declaration> {
        auto doc = GetBenefitDeclaration(view(), ViewerOf(*c.session), c.req.params["no"]);
        if (doc) {
          if (auto unit = FindBenefitUnit(app.services().ref, std::string((*doc)["unitId"].as_string()))) {
            (*doc)["unitName"] = unit->name;
          }
        }
        return AnswerFrom<Declaration>(doc, "benefit_declaration_not_found");
      }});
}

}  // namespace istihdam::http
