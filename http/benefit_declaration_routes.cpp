// Benefit declarations — "İKT/İÖ/KÇÖ Bildirgesi" (DECL-1, docs/benefit-declarations.md):
// submitted by the employer, listed by the employer and by agency staff after choosing unit,
// firm and declaration type.
#include <type_traits>

#include "aggregates/benefit_reference.h"
#include "aggregates/permissions.h"
#include "commands/benefit_declarations.h"
#include "http/app.h"
#include "http/contract/benefit_declarations.h"
#include "http/endpoint.h"
#include "projections/benefit_declarations.h"
#include "projections/paging.h"

namespace istihdam::http {

using namespace contract::benefit_declarations;

namespace {

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
        std::vector<Code> items;
        for (const auto& r : ExitReasons()) items.push_back({r.code, r.name});
        return wire::WholeList(std::move(items));
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
