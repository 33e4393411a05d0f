// Workplaces — "İşveren Bilgileri" (EMP-1..EMP-4).
#include "aggregates/permissions.h"
#include "commands/workplaces.h"
#include "http/app.h"
#include "http/as_of.h"
#include "http/contract/workplaces.h"
#include "http/endpoint.h"
#include "projections/workplaces.h"

namespace istihdam::http {

using namespace contract::workplaces;

namespace {

constexpr const char* kExample = R"({"title":"Anadolu Tekstil A.Ş. Bursa","sgkNo":"26111010123456701601000001",
"province":"16","district":"Osmangazi","address":"Organize Sanayi Bölgesi 3. Cad. 12","phone":"0224 555 10 20"})";

}  // namespace

void AddWorkplaceRoutes(App& app, Router& router) {
  const std::string perm(permissions::kEmployerInfo);
  const auto view = [&app]() -> ReadView { return app.projections().View("workplaces"); };
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/workplaces", .access = Access::kEmployer, .permission = perm,
      .summary = "The employer's headquarters and branch workplaces (EMP-1)", .tag = "workplaces",
      .handle = [view](RequestContext& c, const WorkplaceQuery& q) -> Result<wire::PageOf<WorkplaceRow>> {
        return AnswerFrom<wire::PageOf<WorkplaceRow>>(ListWorkplaces(
            view(), c.session->employer_id, {q.title, q.sgk_no, q.tax_no}, q.requested()));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/workplaces", .access = Access::kEmployer, .permission = perm,
      .idempotent = true,
      .summary = "Register a workplace; the first in a province is its headquarters, later ones its branches (EMP-3, EMP-4)",
      .tag = "workplaces", .status = 201, .example = kExample,
      .handle = [&app](RequestContext& c, const NewWorkplace& b) -> Result<WorkplaceRegistered> {
        RegisterWorkplace cmd{b.title, b.sgk_no, b.tax_no, b.province, b.info.ToEvent(), ""};
        return AnswerFrom<WorkplaceRegistered>(
            HandleRegisterWorkplace(app.services(), c.env, c.session->employer_id, std::move(cmd)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/workplaces/{id}", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = {StaffRole::kAuditor},
      .summary = "A workplace with every section of the update wizard; ETag is its version; asOf reads an earlier "
                 "version (auditors: any employer's)",
      .tag = "workplaces",
      .handle = [view, &app](RequestContext& c, const AsOfQuery& q) -> Result<WorkplaceView> {
        const std::string id = c.req.params["id"];
        auto as_of = ResolveAsOf(c, q);
        if (!as_of.ok()) return as_of.error();
        if (!*as_of) return AnswerFrom<WorkplaceView>(GetWorkplace(view(), c.session->employer_id, id), "workplace_not_found");
        const std::string stream = "workplace-" + id;
        // An auditor reads any employer's workplace: its owner never changes.
        const std::string owner =
            c.session->IsStaff() ? app.services().workplaces.Load(stream).state.employer_id : c.session->employer_id;
        return AnswerAsOf<WorkplaceView>(
            c, **as_of, MakeWorkplacesProjector(), {stream},
            [&](const ReadView& v) { return GetWorkplace(v, owner, id); }, "workplace_not_found");
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/workplaces/{id}", .access = Access::kEmployer, .permission = perm,
      .summary = "Save the whole update wizard draft (EMP-2); If-Match: \"<version>\" makes a stale draft a 412",
      .tag = "workplaces",
      .handle = [&app](RequestContext& c, const WorkplaceChanges& b) -> Result<wire::Changed> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<wire::Changed>(HandleUpdateWorkplace(
            app.services(), c.env, c.req.params["id"], *pinned, {c.session->employer_id, b.info.ToEvent()}));
      }});
}

}  // namespace istihdam::http
