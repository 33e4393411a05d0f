// Collective dismissal — "Toplu İşten Çıkarma" (CD-1..CD-4).
#include "aggregates/permissions.h"
#include "commands/collective_dismissals.h"
#include "http/app.h"
#include "http/contract/collective_dismissals.h"
#include "http/endpoint.h"
#include "projections/collective_dismissals.h"

namespace istihdam::http {

using namespace contract::collective_dismissals;

namespace {

constexpr const char* kExample =
    R"({"dismissalDate":"2026-05-15","details":[{"workplaceId":"3000000001","maleCount":7,"femaleCount":5}]})";

}  // namespace

void AddCollectiveDismissalRoutes(App& app, Router& router) {
  const std::string perm(permissions::kCollectiveDismissal);
  const auto view = [&app] { return app.projections().View("collective_dismissals"); };
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/collective-dismissals", .access = Access::kEmployer, .permission = perm,
      .summary = "The employer's collective dismissal notifications, newest first (CD-1)",
      .tag = "collective dismissals",
      .handle = [&app, view](RequestContext& c, const wire::Paging& q) -> Result<wire::PageOf<DismissalRow>> {
        return AnswerFrom<wire::PageOf<DismissalRow>>(
            ListCollectiveDismissals(view(), c.session->employer_id, app.services().Today(), q.requested()));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/collective-dismissals", .access = Access::kEmployer, .permission = perm,
      .idempotent = true,
      .summary = "NotifyCollectiveDismissal (CD-2, CD-3): the notification date is the server's date and never "
                 "changes; totals and the Law 4857 art. 29 flag are computed",
      .tag = "collective dismissals", .status = 201, .example = kExample,
      .handle = [&app](RequestContext& c, const DismissalDraft& b) -> Result<DismissalSaved> {
        return AnswerFrom<DismissalSaved>(
            HandleNotifyCollectiveDismissal(app.services(), c.env, b.ToCommand(c.session->employer_id)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/collective-dismissals/{id}", .access = Access::kEmployer, .permission = perm,
      .summary = "One notification with its details, editable and editableUntil; ETag is its version",
      .tag = "collective dismissals",
      .handle = [&app, view](RequestContext& c) -> Result<DismissalView> {
        return AnswerFrom<DismissalView>(
            GetCollectiveDismissal(view(), c.session->employer_id, c.req.params["id"], app.services().Today()),
            "collective_dismissal_not_found");
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/collective-dismissals/{id}", .access = Access::kEmployer, .permission = perm,
      .summary = "UpdateCollectiveDismissal (CD-4): the whole draft, until one calendar month after the notification "
                 "date (409 edit_window_expired); If-Match: \"<version>\" makes a stale draft a 412",
      .tag = "collective dismissals", .example = kExample,
      .handle = [&app](RequestContext& c, const DismissalDraft& b) -> Result<DismissalSaved> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<DismissalSaved>(HandleUpdateCollectiveDismissal(
            app.services(), c.env, c.req.params["id"], *pinned, b.ToCommand(c.session->employer_id)));
      }});
}

}  // namespace istihdam::http
