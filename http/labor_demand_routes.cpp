// Labor demands — "İşgücü İstemi İşlemleri" (DOMAIN.md §2.1.1.2–2.1.1.3, shortcuts 2.2.1 and
// 2.2.2; api/jobs.md "Labor demands").
#include "aggregates/permissions.h"
#include "commands/labor_demands.h"
#include "http/app.h"
#include "http/as_of.h"
#include "http/contract/labor_demands.h"
#include "http/endpoint.h"
#include "projections/labor_demands.h"

namespace istihdam::http {

using namespace contract::labor_demands;

namespace {

constexpr const char* kExample = R"({"workplaceId":"3000000001","occupation":"2512","position":"Yazılım Mühendisi",)"
                                 R"("requestedCount":2,"workAddress":{"province":"34","district":"Kadıköy",)"
                                 R"("address":"Moda Cad. 1"},"lastApplicationDate":"2027-01-31",)"
                                 R"("workingPattern":"fullTime","description":"Web uygulamaları geliştirecek )"
                                 R"(mühendis aranıyor.","minAge":18,"maxAge":40,"drivingLicences":["B"],)"
                                 R"("foreignLanguages":[{"language":"en","minLevel":"B1"}]})";

// M1, the guide's message after "Kaydet".
const char* M1(Lang lang) {
  return lang == Lang::kEn ? "The record has been created successfully." : "Kayıt başarıyla oluşturulmuştur";
}

}  // namespace

void AddLaborDemandRoutes(App& app, Router& router) {
  const std::string perm(permissions::kLaborDemand);
  const auto view = [&app] { return app.projections().View("labor_demands"); };
  const std::string tag = "labor demands";
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/labor-demands", .access = Access::kEmployer, .permission = perm,
      .idempotent = true,
      .summary = "CreateLaborDemand (LD-1, shortcut 2.2.1): the quick form or the whole wizard document; "
                 "the demand number is the year and a sequence without gaps; answers M1",
      .tag = tag, .status = 201, .example = kExample,
      .handle = [&app](RequestContext& c, const DemandDraft& b) -> Result<DemandCreated> {
        auto answer = AnswerFrom<DemandCreated>(
            HandleCreateLaborDemand(app.services(), c.env, b.ToCreate(c.session->employer_id)));
        if (answer.ok()) answer->message = M1(c.lang);
        return answer;
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/labor-demands", .access = Access::kEmployer, .permission = perm,
      .summary = "SearchMyLaborDemands: the employer's demands, newest first, with targetGroupIcon and "
                 "availableActions",
      .tag = tag,
      .handle = [view](RequestContext& c, const DemandQuery& q) -> Result<wire::PageOf<DemandRow>> {
        auto criteria = q.ToCriteria();
        if (!criteria.ok()) return criteria.error();
        return AnswerFrom<wire::PageOf<DemandRow>>(
            ListLaborDemands(view(), c.session->employer_id, *criteria, q.requested()));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/labor-demands/{demandNo}", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = {StaffRole::kAuditor},
      .summary = "GetLaborDemand: the wizard document with status, candidate counts and availableActions; "
                 "ETag is its version; asOf reads an earlier version (auditors: any employer's)",
      .tag = tag,
      .handle = [view, &app](RequestContext& c, const AsOfQuery& q) -> Result<DemandDocument> {
        const std::string no = c.req.params["demandNo"];
        auto as_of = ResolveAsOf(c, q);
        if (!as_of.ok()) return as_of.error();
        if (!*as_of) {
          return AnswerFrom<DemandDocument>(GetLaborDemand(view(), c.session->employer_id, no),
                                            errc::kLaborDemandNotFound);
        }
        // Candidate events are on the demand's own stream; an auditor reads any employer's.
        const std::string stream = LaborDemandStream(no);
        const std::string owner =
            c.session->IsStaff() ? app.services().labor_demands.Load(stream).state.employer_id : c.session->employer_id;
        return AnswerAsOf<DemandDocument>(
            c, **as_of, MakeLaborDemandsProjector(app.services().ref), {stream},
            [&](const ReadView& v) { return GetLaborDemand(v, owner, no); }, errc::kLaborDemandNotFound);
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/labor-demands/{demandNo}", .access = Access::kEmployer, .permission = perm,
      .summary = "UpdateLaborDemand: the whole document saved at \"İşlem Sonu\" (workplaceId and computed "
                 "fields ignored); an active demand only (409 demand_not_active); If-Match makes a stale "
                 "document a 412",
      .tag = tag, .example = kExample,
      .handle = [&app](RequestContext& c, const DemandDraft& b) -> Result<DemandSaved> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<DemandSaved>(HandleUpdateLaborDemand(app.services(), c.env, c.req.params["demandNo"],
                                                               *pinned, b.ToUpdate(c.session->employer_id)));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/labor-demands/{demandNo}/close", .access = Access::kEmployer,
      .permission = perm, .idempotent = true,
      .summary = "CloseLaborDemand (\"Kapat\"): close date (default today), reason and the number hired",
      .tag = tag, .example = R"({"closeReason":"filled","hiredCount":2})",
      .handle = [&app](RequestContext& c, const CloseBody& b) -> Result<DemandSaved> {
        return AnswerFrom<DemandSaved>(HandleCloseLaborDemand(app.services(), c.env, c.req.params["demandNo"],
                                                              b.ToCommand(c.session->employer_id)));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/labor-demands/{demandNo}/cancel", .access = Access::kEmployer,
      .permission = perm, .idempotent = true,
      .summary = "CancelLaborDemand (\"İptal Et\"): only a demand with candidates (else 409 not_cancellable: "
                 "delete it)",
      .tag = tag, .example = R"({"cancelReason":"Pozisyon kaldırıldı"})",
      .handle = [&app](RequestContext& c, const CancelBody& b) -> Result<DemandSaved> {
        return AnswerFrom<DemandSaved>(HandleCancelLaborDemand(app.services(), c.env, c.req.params["demandNo"],
                                                               {c.session->employer_id, b.cancel_reason}));
      }});
  router.Add(Endpoint{
      .method = "DELETE", .path = "/api/v1/labor-demands/{demandNo}", .access = Access::kEmployer,
      .permission = perm,
      .summary = "DeleteLaborDemand (\"İşlem Sonu\"): logical, the history stays; only a demand without "
                 "candidates (else 409 not_deletable: cancel it)",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<DemandSaved> {
        return AnswerFrom<DemandSaved>(HandleDeleteLaborDemand(app.services(), c.env, c.req.params["demandNo"],
                                                               c.session->employer_id));
      }});
}

}  // namespace istihdam::http
