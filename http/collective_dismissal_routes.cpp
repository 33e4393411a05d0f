// Collective dismissal — "Toplu İşten Çıkarma" (CD-1..CD-4).
#include <boost/json.hpp>

#include "aggregates/permissions.h"
#include "commands/collective_dismissals.h"
#include "http/json_io.h"
#include "http/labor_market_io.h"
#include "projections/collective_dismissals.h"

namespace istihdam::http {

namespace {

constexpr const char* kDetail = R"({"type":"object","properties":{"workplaceId":{"type":"string"},
"maleCount":{"type":"integer","minimum":0,"maximum":10000000},"femaleCount":{"type":"integer","minimum":0,"maximum":10000000}}})";
const std::string kDraftSchema = std::string(R"({"type":"object","required":["dismissalDate","details"],"properties":{
"dismissalDate":{"type":"string","format":"date"},"details":{"type":"array","items":)") + kDetail + "}}}";
const std::string kDocSchema = std::string(R"({"type":"object","properties":{"id":{"type":"string"},"employerId":{"type":"string"},
"notificationDate":{"type":"string","format":"date"},"editableUntil":{"type":"string","format":"date"},
"dismissalDate":{"type":"string","format":"date"},"details":{"type":"array","items":)") + kDetail +
                                   R"(},"totalMale":{"type":"integer"},"totalFemale":{"type":"integer"},
"meetsStatutoryThreshold":{"type":"boolean"},"thresholdChecks":{"type":"array","items":{"type":"object","properties":{
"hqWorkplaceId":{"type":"string"},"scheduleMonth":{"type":"string"},"headcount":{"type":"integer"},"dismissed":{"type":"integer"},
"required":{"type":"integer"},"met":{"type":"boolean"}}}},"editable":{"type":"boolean"},
"availableActions":{"type":"array","items":{"type":"string"}},"version":{"type":"integer"}}})";
constexpr const char* kListSchema = R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{
"id":{"type":"string"},"notificationDate":{"type":"string"},"dismissalDate":{"type":"string"},"totalMale":{"type":"integer"},
"totalFemale":{"type":"integer"},"meetsStatutoryThreshold":{"type":"boolean"},"editable":{"type":"boolean"},
"editableUntil":{"type":"string"},"availableActions":{"type":"array","items":{"type":"string"}}}}},
"page":{"type":"integer"},"pageSize":{"type":"integer"},"total":{"type":"integer"},"totalPages":{"type":"integer"}}})";
constexpr const char* kReplySchema = R"({"type":"object","properties":{"id":{"type":"string"},"version":{"type":"integer"},
"notificationDate":{"type":"string"},"editableUntil":{"type":"string"},"totalMale":{"type":"integer"},
"totalFemale":{"type":"integer"},"meetsStatutoryThreshold":{"type":"boolean"},"position":{"type":"integer"}}})";

SaveCollectiveDismissal ParseDraft(JsonBody& b, const std::string& employer_id) {
  SaveCollectiveDismissal c;
  c.employer_id = employer_id;
  c.dismissal_date = b.Str("dismissalDate");
  for (auto& d : b.Objects("details")) {
    c.details.push_back({d.Str("workplaceId"), d.Int("maleCount").value_or(0), d.Int("femaleCount").value_or(0)});
  }
  return c;
}

}  // namespace

void AddCollectiveDismissalRoutes(App& app, Router& router) {
  const std::string perm(permissions::kCollectiveDismissal);
  router.Add({"GET", "/api/v1/collective-dismissals", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                auto page = ParsePage(ctx.req);
                if (!page.ok()) return Fail(ctx, page.error());
                return JsonResponse(200, ListCollectiveDismissals(app.projections().View("collective_dismissals"),
                                                                  ctx.session->employer_id, app.services().Today(),
                                                                  {page->first, page->second}));
              },
              {"The employer's collective dismissal notifications, newest first (CD-1)", "collective dismissals",
               {"page", "pageSize"}, "", kListSchema}});
  router.Add({"POST", "/api/v1/collective-dismissals", Access::kEmployer, perm, {}, true,
              [&app](RequestContext& ctx) {
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                auto c = ParseDraft(*body, ctx.session->employer_id);
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleNotifyCollectiveDismissal(app.services(), ctx.env, std::move(c)));
              },
              {"NotifyCollectiveDismissal (CD-2, CD-3): the notification date is the server's date and never changes; "
               "totals and the Law 4857 art. 29 flag are computed",
               "collective dismissals", {}, kDraftSchema, kReplySchema, 201}});
  router.Add({"GET", "/api/v1/collective-dismissals/{id}", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                auto doc = GetCollectiveDismissal(app.projections().View("collective_dismissals"),
                                                  ctx.session->employer_id, ctx.req.params["id"], app.services().Today());
                if (!doc) return Problem("collective_dismissal_not_found", ctx.lang);
                return VersionedJsonResponse(*doc);
              },
              {"One notification with its details, editable and editableUntil; ETag is its version", "collective dismissals",
               {}, "", kDocSchema}});
  router.Add({"PUT", "/api/v1/collective-dismissals/{id}", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                const auto if_match = ParseIfMatch(ctx.req.Header("If-Match"));
                if (!if_match) return Problem("version_mismatch", ctx.lang, "If-Match is not a version");
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                auto c = ParseDraft(*body, ctx.session->employer_id);
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleUpdateCollectiveDismissal(app.services(), ctx.env, ctx.req.params["id"], *if_match,
                                                                   std::move(c)));
              },
              {"UpdateCollectiveDismissal (CD-4): the whole draft, until one calendar month after the notification date "
               "(409 edit_window_expired)",
               "collective dismissals", {}, kDraftSchema, kReplySchema}});
}

}  // namespace istihdam::http
