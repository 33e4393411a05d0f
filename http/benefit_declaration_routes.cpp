// Benefit declarations — "İKT/İÖ/KÇÖ Bildirgesi" (DECL-1, docs/benefit-declarations.md):
// submitted by the employer, listed by the employer and by agency staff after choosing unit,
// firm and declaration type (X-35).
#include <boost/json.hpp>

#include "aggregates/benefit_reference.h"
#include "aggregates/permissions.h"
#include "commands/benefit_declarations.h"
#include "http/app.h"
#include "http/json_io.h"
#include "projections/paging.h"
#include "projections/benefit_declarations.h"

namespace istihdam::http {

namespace {

constexpr const char* kMonthlyHours =
    R"({"type":"array","items":{"type":"object","properties":{"month":{"type":"string","pattern":"^[0-9]{4}-[0-9]{2}$"},"hours":{"type":"integer","minimum":1,"maximum":225}}}})";
const std::string kWorker = std::string(R"({"type":"object","required":["tckn","firstName","lastName"],"properties":{
"tckn":{"type":"string"},"firstName":{"type":"string"},"lastName":{"type":"string"},
"exitDate":{"type":"string","format":"date","description":"IKT/IO: the last day of work"},
"exitReasonCode":{"type":"string","description":"IKT/IO: SGK exit reason (GET /api/v1/benefit-declarations/exit-reasons); IKT: 32"},
"monthlyHours":)") + kMonthlyHours + R"(}})";
const std::string kDraftSchema = std::string(R"({"type":"object","required":["declarationType","workplaceId","workers"],"properties":{
"declarationType":{"type":"string","enum":["IKT","IO","KCO"]},"workplaceId":{"type":"string"},
"periodStart":{"type":"string","format":"date","description":"KCO only"},"periodEnd":{"type":"string","format":"date","description":"KCO only"},
"workers":{"type":"array","maxItems":1000,"items":)") + kWorker + "}}}";
constexpr const char* kReplySchema = R"({"type":"object","properties":{"id":{"type":"string"},"version":{"type":"integer"},
"declarationNo":{"type":"string"},"declarationType":{"type":"string"},"unitId":{"type":"string"},
"declarationDate":{"type":"string","format":"date"},"position":{"type":"integer"}}})";
constexpr const char* kSummaryProps = R"("declarationNo":{"type":"string"},"declarationType":{"type":"string"},
"declarationTypeName":{"type":"string"},"unitId":{"type":"string"},"employerId":{"type":"string"},"employerTitle":{"type":"string"},
"workplaceId":{"type":"string"},"declarationDate":{"type":"string","format":"date"},"periodStart":{"type":"string"},
"periodEnd":{"type":"string"},"workerCount":{"type":"integer"},"totalShortTimeHours":{"type":"integer"})";
const std::string kListSchema = std::string(R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{)") +
                                kSummaryProps + "}}}," + kPagingSchemaProps + "}}";
const std::string kDocSchema = std::string(R"({"type":"object","properties":{)") + kSummaryProps +
                               R"(,"unitName":{"type":"string"},"version":{"type":"integer"},"workers":{"type":"array","items":)" + kWorker + "}}}";
const std::string kUnitsSchema = std::string(R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{
"unitId":{"type":"string"},"name":{"type":"string"},"declarationCount":{"type":"integer"}}}},)") + kPagingSchemaProps + "}}";
const std::string kFirmsSchema = std::string(R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{
"employerId":{"type":"string"},"title":{"type":"string"},"declarationCount":{"type":"integer"}}}},)") + kPagingSchemaProps + "}}";
const std::string kCodesSchema = std::string(R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{
"code":{"type":"string"},"name":{"type":"string"}}}},)") + kPagingSchemaProps + "}}";

const std::vector<std::string> kStaffRoles = {"UnitUser", "HeadOfficeUser"};

// An employer sees its own declarations, a unit user its province's, head office all.
DeclarationViewer ViewerOf(const Session& s) {
  DeclarationViewer v;
  if (!s.IsStaff()) v.employer_id = s.employer_id;
  else if (s.actor_type == "HeadOfficeUser") v.head_office = true;
  else v.province = s.province;
  return v;
}

SubmitBenefitDeclaration ParseDraft(JsonBody& b, const std::string& employer_id) {
  SubmitBenefitDeclaration c;
  c.employer_id = employer_id;
  c.declaration_type = b.Str("declarationType");
  c.workplace_id = b.Str("workplaceId");
  c.period_start = b.Str("periodStart");
  c.period_end = b.Str("periodEnd");
  for (auto& w : b.Objects("workers")) {
    events::DeclaredWorker d;
    d.tckn = w.Str("tckn");
    d.first_name = w.Str("firstName");
    d.last_name = w.Str("lastName");
    d.exit_date = w.Str("exitDate");
    d.exit_reason_code = w.Str("exitReasonCode");
    for (auto& h : w.Objects("monthlyHours")) d.monthly_hours.push_back({h.Str("month"), h.Int("hours").value_or(0)});
    c.workers.push_back(std::move(d));
  }
  return c;
}

}  // namespace

void AddBenefitDeclarationRoutes(App& app, Router& router) {
  const std::string perm(permissions::kBenefitDeclarations);
  router.Add({"GET", "/api/v1/benefit-declarations/exit-reasons", Access::kPublic, "", {}, false,
              [](RequestContext&) {
                boost::json::array items;
                for (const auto& r : ExitReasons()) items.push_back(boost::json::object{{"code", r.code}, {"name", r.name}});
                return JsonResponse(200, WholeListEnvelope(std::move(items)));
              },
              {"SGK exit reasons (işten çıkış nedenleri) accepted in İÖ/İKT declarations, all in one page", "reference", {}, "",
               kCodesSchema}});
  router.Add({"GET", "/api/v1/benefit-declarations/units", Access::kEmployerOrStaff, perm, kStaffRoles, false,
              [&app](RequestContext& ctx) {
                const auto who = ViewerOf(*ctx.session);
                std::vector<std::string> provinces;
                if (!who.employer_id.empty()) {
                  for (const auto& [p, hq] : app.services().employers.Load("employer-" + who.employer_id).state.hq_by_province) {
                    provinces.push_back(p);
                  }
                }
                return JsonResponse(200, ListDeclarationUnits(app.projections().View("benefit_declarations"),
                                                              app.services().ref, who, provinces));
              },
              {"Step 1 of DECL-1 (\"Birim\"): the units the caller may choose — a unit user its own, head office all, "
               "an employer those of its workplaces and declarations",
               "benefit declarations", {}, "", kUnitsSchema}});
  router.Add({"GET", "/api/v1/benefit-declarations/firms", Access::kEmployerOrStaff, perm, kStaffRoles, false,
              [&app](RequestContext& ctx) {
                auto page = ParsePage(ctx.req);
                if (!page.ok()) return Fail(ctx, page.error());
                const std::string unit = ctx.req.Query("unitId").value_or("");
                if (unit.empty()) {
                  return Fail(ctx, Error{"declaration_selection_required", {{"unitId", "required"}}, {}});
                }
                if (!FindBenefitUnit(app.services().ref, unit)) {
                  return Fail(ctx, Error::Validation({{"unitId", "unknown_value"}}));
                }
                return JsonResponse(200, ListDeclarationFirms(app.projections().View("benefit_declarations"),
                                                              ViewerOf(*ctx.session), unit, {page->first, page->second}));
              },
              {"Step 2 of DECL-1 (\"Firma\"): firms with declarations in the unit that the caller may see (an employer "
               "only itself), by title",
               "benefit declarations", {"unitId", "page", "pageSize"}, "", kFirmsSchema}});
  router.Add({"GET", "/api/v1/benefit-declarations", Access::kEmployerOrStaff, perm, kStaffRoles, false,
              [&app](RequestContext& ctx) {
                auto page = ParsePage(ctx.req);
                if (!page.ok()) return Fail(ctx, page.error());
                auto q = [&](const char* name) { return ctx.req.Query(name).value_or(""); };
                DeclarationQuery query{q("unitId"), q("employerId"), q("declarationType"),
                                       q("dateFrom"), q("dateTo"),   q("declarationNo")};
                if (auto st = CheckDeclarationQuery(query, app.services().ref); !st.ok()) return Fail(ctx, st.error());
                return JsonResponse(200, ListBenefitDeclarations(app.projections().View("benefit_declarations"),
                                                                 ViewerOf(*ctx.session), query, {page->first, page->second}));
              },
              {"ListBenefitDeclarations (DECL-1, \"Kayıtlı Bildirgeler\"): unitId, employerId and declarationType must be "
               "chosen first, in that order (422 declaration_selection_required names the missing ones); newest first",
               "benefit declarations",
               {"unitId", "employerId", "declarationType", "dateFrom", "dateTo", "declarationNo", "page", "pageSize"},
               "", kListSchema}});
  router.Add({"POST", "/api/v1/benefit-declarations", Access::kEmployer, perm, {}, true,
              [&app](RequestContext& ctx) {
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                auto c = ParseDraft(*body, ctx.session->employer_id);
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleSubmitBenefitDeclaration(app.services(), ctx.env, std::move(c)));
              },
              {"SubmitBenefitDeclaration: an İKT/İÖ declaration lists leaving workers with exit date and SGK exit reason, "
               "a KÇÖ declaration the short-time period and each worker's hours per month; the unit is the workplace's "
               "province, the number YYYY + a 6-digit serial",
               "benefit declarations", {}, kDraftSchema, kReplySchema, 201}});
  router.Add({"GET", "/api/v1/benefit-declarations/{no}", Access::kEmployerOrStaff, perm, kStaffRoles, false,
              [&app](RequestContext& ctx) {
                auto doc = GetBenefitDeclaration(app.projections().View("benefit_declarations"), ViewerOf(*ctx.session),
                                                 ctx.req.params["no"]);
                if (!doc) return Problem("benefit_declaration_not_found", ctx.lang);
                if (auto unit = FindBenefitUnit(app.services().ref, std::string((*doc)["unitId"].as_string()))) {
                  (*doc)["unitName"] = unit->name;
                }
                return VersionedJsonResponse(*doc);
              },
              {"One declaration with its workers (404 when it is another employer's or outside the unit user's province)",
               "benefit declarations", {}, "", kDocSchema}});
}

}  // namespace istihdam::http
