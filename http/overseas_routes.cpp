// Overseas employment — "Yurtdışı İstihdam" (api/overseas-and-agencies.md, DOMAIN.md §2.1.5,
// docs/overseas.md): projects, quota allocations, dispatches, extensions and transfers.
#include <algorithm>

#include "aggregates/permissions.h"
#include "commands/overseas.h"
#include "http/app.h"
#include "http/contract/overseas.h"
#include "http/endpoint.h"
#include "projections/overseas.h"

namespace istihdam::http {

using namespace contract::overseas;

namespace {

OverseasActor ActorOf(const Session& s) {
  OverseasActor a;
  if (!s.IsStaff()) {
    a.kind = OverseasActor::Kind::kEmployer;
    a.id = s.employer_id;
    return a;
  }
  a.id = s.user_id;
  a.kind = StaffRoleOf(s.actor_type) == StaffRole::kUnitUser ? OverseasActor::Kind::kUnitUser
                                                             : OverseasActor::Kind::kHeadOffice;
  a.province = s.province;
  return a;
}

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

Allocation AllocationOf(const AllocationState& a, std::uint64_t version) {
  return {a.allocation_id, a.employer_id, a.country, a.valid_from, a.valid_to, NonEmpty(a.occupation),
          NonEmpty(a.project_id), a.limit, a.used, a.transferred_out, a.available(), version};
}

Project ProjectOf(App& app, const OverseasProjectState& p, std::uint64_t version) {
  Project out{p.project_id, p.employer_id, p.fields.name, p.country, p.fields.city, p.fields.contract_start_date,
              p.fields.contract_end_date, p.fields.description, p.fields.occupations, {},
              static_cast<std::int64_t>(p.workers.size()), version};
  // The allocations that apply: employer-wide ones of the country and the project's own ones,
  // for the project's occupations or the whole country.
  for (const auto& a : AllocationsOf(app.services(), p.employer_id, p.country)) {
    if (a.withdrawn || (!a.project_id.empty() && a.project_id != p.project_id)) continue;
    if (!a.occupation.empty() &&
        std::find(p.fields.occupations.begin(), p.fields.occupations.end(), a.occupation) == p.fields.occupations.end())
      continue;
    out.quotas.push_back(AllocationOf(a, app.services().overseas_quotas.Load(OverseasQuotaStream(a.allocation_id)).version));
  }
  return out;
}

Dispatch DispatchOf(const DispatchState& d, std::uint64_t version) {
  Dispatch out{d.dispatch_id, d.employer_id, d.project_id, d.country, d.dispatch_date, d.planned_end_date,
               d.description, d.status, NonEmpty(d.allocation_id), NonEmpty(d.reject_reason), {}, {}, version};
  for (const auto& w : d.workers) out.workers.push_back({w.worker_id, w.tckn, w.first_name, w.last_name, w.occupation});
  for (const auto& e : d.extensions)
    out.extensions.push_back({e.extension_id, e.requested_end_date, e.reason, e.status});
  return out;
}

template <class T>
wire::PageOf<T> PageFrom(std::vector<T> all, const wire::Paging& q) {
  const Page page = q.requested();
  wire::PageOf<T> out;
  for (std::size_t i = FirstRow(page); i < all.size() && i < FirstRow(page) + page.page_size; ++i)
    out.items.push_back(std::move(all[i]));
  out.page = static_cast<std::int64_t>(page.page);
  out.page_size = static_cast<std::int64_t>(page.page_size);
  out.total = static_cast<std::int64_t>(all.size());
  out.total_pages = (out.total + out.page_size - 1) / out.page_size;
  return out;
}

// The employers whose records a list scans: the caller's own, or one named by staff, or all.
std::string ListedEmployer(const OverseasActor& actor, const std::string& requested) {
  return actor.kind == OverseasActor::Kind::kEmployer ? actor.id : requested;
}

Result<Loaded<OverseasProjectState>> VisibleProject(App& app, const OverseasActor& actor, const std::string& id) {
  auto p = app.services().overseas_projects.Load(OverseasProjectStream(id));
  if (!p.state.exists || !OverseasVisible(app.services(), actor, p.state.employer_id))
    return Error::Of(errc::kOverseasProjectNotFound);
  return p;
}

DispatchDraft DraftOf(const DispatchBody& b) {
  DispatchDraft d{b.dispatch_date, b.planned_end_date, b.description, {}};
  for (const auto& w : b.workers) d.workers.push_back({"", w.tckn, w.first_name, w.last_name, w.occupation});
  return d;
}

events::OverseasProjectFields FieldsOf(const ProjectBody& b) {
  return {b.name, b.city, b.contract_start_date, b.contract_end_date, b.description, b.occupations};
}

constexpr const char* kProjectExample = R"({"name":"Münih Konut Projesi","country":"DE","city":"München",
"occupations":["7112","7212"],"contractStartDate":"2026-01-01","contractEndDate":"2027-12-31","description":"Konut inşaatı"})";
constexpr const char* kAllocationExample = R"({"employerId":"2000000001","country":"DE","occupation":null,
"validFrom":"2026-01-01","validTo":"2026-12-31","limit":50})";
constexpr const char* kDispatchExample = R"({"projectId":"1","dispatchDate":"2026-03-01","plannedEndDate":"2026-12-31",
"description":"İlk ekip","workers":[{"tckn":"10000000146","firstName":"Ahmet","lastName":"Yılmaz","occupation":"7112"}]})";

}  // namespace

void AddOverseasRoutes(App& app, Router& router) {
  const std::string perm(permissions::kOverseas);
  const std::string tag = "overseas";
  const std::vector<StaffRole> staff = {StaffRole::kUnitUser, StaffRole::kHeadOfficeUser};
  const std::vector<StaffRole> head_office = {StaffRole::kHeadOfficeUser};
  auto view = [&app] { return app.projections().View("overseas"); };

  // ----- Projects ---------------------------------------------------------------------------
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/overseas/projects", .access = Access::kEmployer, .permission = perm,
      .idempotent = true,
      .summary = "RegisterOverseasProject: the employer registers a project abroad (country fixed; TR or unknown "
                 "422 country: unknown_value; end before start 422 contractEndDate: before_valid_from)",
      .tag = tag, .status = 201, .example = kProjectExample,
      .handle = [&app](RequestContext& c, const ProjectBody& b) -> Result<wire::Changed> {
        return AnswerFrom<wire::Changed>(HandleRegisterOverseasProject(app.services(), c.env, c.session->employer_id,
                                                                       NewProject{b.country, FieldsOf(b)}));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/overseas/projects", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = staff,
      .summary = "ListMyOverseasProjects \"Yurtdışı Projelerim\": own projects (staff: every visible employer's, "
                 "optionally one), in creation order",
      .tag = tag,
      .handle = [&app, view](RequestContext& c, const ProjectQuery& q) -> Result<wire::PageOf<Project>> {
        const auto actor = ActorOf(*c.session);
        std::vector<Project> all;
        for (const auto& id : OverseasIds(view(), "project", ListedEmployer(actor, q.employer_id))) {
          const auto p = app.services().overseas_projects.Load(OverseasProjectStream(id));
          if (!p.state.exists || !OverseasVisible(app.services(), actor, p.state.employer_id)) continue;
          if (!q.country.empty() && p.state.country != q.country) continue;
          all.push_back(ProjectOf(app, p.state, p.version));
        }
        return PageFrom(std::move(all), q);
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/overseas/projects/{id}", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = staff,
      .summary = "GetOverseasProject \"Yurtdışı Proje Sihirbazı\": the project with its applicable quotas "
                 "(limit/used/available); ETag is its version",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<Project> {
        auto p = VisibleProject(app, ActorOf(*c.session), c.req.params["id"]);
        if (!p.ok()) return p.error();
        return ProjectOf(app, p->state, p->version);
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/overseas/projects/{id}", .access = Access::kEmployer, .permission = perm,
      .summary = "UpdateOverseasProject (If-Match): descriptive fields and dates; country is ignored", .tag = tag,
      .example = kProjectExample,
      .handle = [&app](RequestContext& c, const ProjectBody& b) -> Result<wire::Changed> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<wire::Changed>(HandleUpdateOverseasProject(app.services(), c.env, ActorOf(*c.session),
                                                                     c.req.params["id"], *pinned, FieldsOf(b)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/overseas/projects/{id}/workers", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = staff,
      .summary = "ListProjectWorkers: active workers of the project (approved dispatches, after transfers)",
      .tag = tag,
      .handle = [&app](RequestContext& c, const WorkerQuery& q) -> Result<wire::PageOf<ProjectWorker>> {
        auto p = VisibleProject(app, ActorOf(*c.session), c.req.params["id"]);
        if (!p.ok()) return p.error();
        std::vector<ProjectWorker> all;
        for (const auto& [id, w] : p->state.workers) {
          all.push_back({id, w.worker.tckn, w.worker.first_name, w.worker.last_name, w.worker.occupation,
                         w.dispatch_id, w.since});
        }
        return PageFrom(std::move(all), q);
      }});

  // ----- Quota allocations ------------------------------------------------------------------
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/overseas/quota-allocations", .access = Access::kStaff,
      .staff_roles = head_office, .idempotent = true,
      .summary = "AllocateOverseasQuota (head office only): an employer's quota for a country (occupation null) or "
                 "an occupation cap, validity inclusive; overlapping validity 409 allocation_overlaps",
      .tag = tag, .status = 201, .example = kAllocationExample,
      .handle = [&app](RequestContext& c, const AllocationBody& b) -> Result<wire::Changed> {
        return AnswerFrom<wire::Changed>(HandleAllocateOverseasQuota(
            app.services(), c.env, c.session->user_id,
            NewAllocation{b.employer_id, b.country, b.occupation.value_or(""), b.valid_from, b.valid_to, b.limit}));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/overseas/quota-allocations", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = staff,
      .summary = "Quota allocations with used/transferredOut/available (employer: own; staff: visible employers)",
      .tag = tag,
      .handle = [&app, view](RequestContext& c, const AllocationQuery& q) -> Result<wire::PageOf<Allocation>> {
        const auto actor = ActorOf(*c.session);
        std::vector<Allocation> all;
        for (const auto& id : OverseasIds(view(), "allocation", ListedEmployer(actor, q.employer_id))) {
          const auto a = app.services().overseas_quotas.Load(OverseasQuotaStream(id));
          if (!a.state.exists || a.state.withdrawn || !OverseasVisible(app.services(), actor, a.state.employer_id))
            continue;
          if (!q.country.empty() && a.state.country != q.country) continue;
          if (!q.active_on.empty() && !a.state.Covers(q.active_on)) continue;
          all.push_back(AllocationOf(a.state, a.version));
        }
        return PageFrom(std::move(all), q);
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/overseas/quota-allocations/{id}", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = staff, .summary = "One quota allocation; ETag is its version", .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<Allocation> {
        const auto a = app.services().overseas_quotas.Load(OverseasQuotaStream(c.req.params["id"]));
        if (!a.state.exists || a.state.withdrawn ||
            !OverseasVisible(app.services(), ActorOf(*c.session), a.state.employer_id))
          return Error::Of(errc::kQuotaAllocationNotFound);
        return AllocationOf(a.state, a.version);
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/overseas/quota-allocations/{id}", .access = Access::kStaff,
      .staff_roles = head_office,
      .summary = "ChangeOverseasQuota (head office, If-Match): limit and validTo; below used + transferredOut 409 "
                 "limit_below_used",
      .tag = tag,
      .handle = [&app](RequestContext& c, const AllocationChange& b) -> Result<wire::Changed> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<wire::Changed>(HandleChangeOverseasQuota(app.services(), c.env, c.req.params["id"], *pinned,
                                                                   b.limit.value_or(0), b.valid_to));
      }});

  // ----- Dispatches -------------------------------------------------------------------------
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/overseas/dispatches", .access = Access::kEmployer, .permission = perm,
      .idempotent = true,
      .summary = "CreateDispatch \"Sevk\": pending; the entry check (own workers fit every allocation drawn on, else "
                 "409 quota_exceeded; no country allocation covers dispatchDate 409 no_quota_for_date)",
      .tag = tag, .status = 201, .example = kDispatchExample,
      .handle = [&app](RequestContext& c, const DispatchBody& b) -> Result<DispatchChanged> {
        return AnswerFrom<DispatchChanged>(
            HandleCreateDispatch(app.services(), c.env, c.session->employer_id, b.project_id, DraftOf(b)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/overseas/dispatches", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = staff,
      .summary = "SearchDispatches \"Sevklerim\": own dispatches (staff: visible employers'), in creation order",
      .tag = tag,
      .handle = [&app, view](RequestContext& c, const DispatchQuery& q) -> Result<wire::PageOf<Dispatch>> {
        const auto actor = ActorOf(*c.session);
        std::vector<Dispatch> all;
        for (const auto& id : OverseasIds(view(), "dispatch", ListedEmployer(actor, ""))) {
          const auto d = app.services().dispatches.Load(DispatchStream(id));
          if (!d.state.exists || d.state.deleted || !OverseasVisible(app.services(), actor, d.state.employer_id))
            continue;
          if (!q.project_id.empty() && d.state.project_id != q.project_id) continue;
          if (!q.status.empty() && d.state.status != q.status) continue;
          if (!q.dispatch_date_from.empty() && d.state.dispatch_date < q.dispatch_date_from) continue;
          if (!q.dispatch_date_to.empty() && d.state.dispatch_date > q.dispatch_date_to) continue;
          all.push_back(DispatchOf(d.state, d.version));
        }
        return PageFrom(std::move(all), q);
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/overseas/dispatches/{id}", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = staff, .summary = "GetDispatch with its workers; ETag is its version",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<Dispatch> {
        const auto d = app.services().dispatches.Load(DispatchStream(c.req.params["id"]));
        if (!d.state.exists || d.state.deleted ||
            !OverseasVisible(app.services(), ActorOf(*c.session), d.state.employer_id))
          return Error::Of(errc::kDispatchNotFound);
        return DispatchOf(d.state, d.version);
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/overseas/dispatches/{id}", .access = Access::kEmployer, .permission = perm,
      .summary = "UpdateDispatch (If-Match): dates and description while pending (else 409 "
                 "dispatch_approved_readonly); workers in the body are ignored",
      .tag = tag,
      .handle = [&app](RequestContext& c, const DispatchBody& b) -> Result<DispatchChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<DispatchChanged>(HandleUpdateDispatch(app.services(), c.env, ActorOf(*c.session),
                                                                c.req.params["id"], *pinned, DraftOf(b)));
      }});
  router.Add(Endpoint{
      .method = "DELETE", .path = "/api/v1/overseas/dispatches/{id}", .access = Access::kEmployer,
      .permission = perm,
      .summary = "DeleteDispatch: only while pending (else 409 dispatch_approved_readonly)", .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<DispatchChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<DispatchChanged>(
            HandleDeleteDispatch(app.services(), c.env, ActorOf(*c.session), c.req.params["id"], *pinned));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/overseas/dispatches/{id}/workers", .access = Access::kEmployer,
      .permission = perm, .idempotent = true,
      .summary = "AddDispatchWorker \"İşçi Kaydet\": KPS-checked, one of the project's occupations, entry check",
      .tag = tag, .status = 201,
      .handle = [&app](RequestContext& c, const WorkerBody& b) -> Result<DispatchChanged> {
        return AnswerFrom<DispatchChanged>(
            HandleDispatchWorker(app.services(), c.env, ActorOf(*c.session), c.req.params["id"], "",
                                 events::OverseasWorker{"", b.tckn, b.first_name, b.last_name, b.occupation}, {}));
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/overseas/dispatches/{id}/workers/{workerId}", .access = Access::kEmployer,
      .permission = perm, .summary = "UpdateDispatchWorker \"İşçi Güncelle\" (If-Match: the dispatch version)",
      .tag = tag,
      .handle = [&app](RequestContext& c, const WorkerBody& b) -> Result<DispatchChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<DispatchChanged>(HandleDispatchWorker(
            app.services(), c.env, ActorOf(*c.session), c.req.params["id"], c.req.params["workerId"],
            events::OverseasWorker{"", b.tckn, b.first_name, b.last_name, b.occupation}, *pinned));
      }});
  router.Add(Endpoint{
      .method = "DELETE", .path = "/api/v1/overseas/dispatches/{id}/workers/{workerId}",
      .access = Access::kEmployer, .permission = perm, .summary = "RemoveDispatchWorker \"İşçi Sil\"", .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<DispatchChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<DispatchChanged>(HandleDispatchWorker(app.services(), c.env, ActorOf(*c.session),
                                                                c.req.params["id"], c.req.params["workerId"],
                                                                std::nullopt, *pinned));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/overseas/dispatches/{id}/approve", .access = Access::kStaff,
      .staff_roles = staff, .idempotent = true,
      .summary = "ApproveDispatch (staff): pending → approved, consuming quota atomically (the dispatch and every "
                 "allocation drawn on in one write); not fitting 409 quota_exceeded with quota, allocationId, "
                 "available, requested",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<DispatchChanged> {
        return AnswerFrom<DispatchChanged>(
            HandleApproveDispatch(app.services(), c.env, ActorOf(*c.session), c.req.params["id"]));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/overseas/dispatches/{id}/reject", .access = Access::kStaff,
      .staff_roles = staff, .idempotent = true, .summary = "RejectDispatch (staff): pending → rejected",
      .tag = tag,
      .handle = [&app](RequestContext& c, const RejectBody& b) -> Result<DispatchChanged> {
        return AnswerFrom<DispatchChanged>(
            HandleRejectDispatch(app.services(), c.env, ActorOf(*c.session), c.req.params["id"], b.reason));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/overseas/dispatches/{id}/extensions", .access = Access::kEmployer,
      .permission = perm, .idempotent = true,
      .summary = "RequestDispatchExtension \"süre uzatımı\": an approved dispatch without an open request; the date "
                 "after plannedEndDate",
      .tag = tag, .status = 201,
      .handle = [&app](RequestContext& c, const ExtensionBody& b) -> Result<DispatchChanged> {
        return AnswerFrom<DispatchChanged>(HandleRequestExtension(app.services(), c.env, ActorOf(*c.session),
                                                                  c.req.params["id"], b.requested_end_date, b.reason));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/overseas/dispatches/{id}/extensions/{extensionId}/approve",
      .access = Access::kStaff, .staff_roles = staff, .idempotent = true,
      .summary = "ApproveDispatchExtension (staff): moves plannedEndDate", .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<DispatchChanged> {
        return AnswerFrom<DispatchChanged>(HandleApproveExtension(app.services(), c.env, ActorOf(*c.session),
                                                                  c.req.params["id"], c.req.params["extensionId"]));
      }});

  // ----- Transfers --------------------------------------------------------------------------
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/overseas/worker-transfers", .access = Access::kEmployer,
      .permission = perm, .idempotent = true,
      .summary = "TransferWorkersBetweenProjects: selected or all active workers to another own project in the "
                 "same country (else 409 transfer_country_mismatch); quota-neutral",
      .tag = tag, .status = 201,
      .handle = [&app](RequestContext& c, const WorkerTransferBody& b) -> Result<WorkerTransferDone> {
        return AnswerFrom<WorkerTransferDone>(HandleTransferWorkers(
            app.services(), c.env, c.session->employer_id,
            TransferWorkers{b.source_project_id, b.target_project_id, b.worker_ids, b.all}));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/overseas/subcontractor-quota-transfers", .access = Access::kEmployer,
      .permission = perm, .idempotent = true,
      .summary = "CreateSubcontractorQuotaTransfer: moves quota of the source's country allocation covering today "
                 "into a new allocation of the target employer scoped to its project",
      .tag = tag, .status = 201,
      .handle = [&app](RequestContext& c, const SubcontractorBody& b) -> Result<SubcontractorDone> {
        return AnswerFrom<SubcontractorDone>(HandleSubcontractorTransfer(
            app.services(), c.env, c.session->employer_id,
            istihdam::SubcontractorTransfer{b.source_project_id, b.target_iskur_no, b.target_project_id,
                                            b.transfer_count}));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/overseas/subcontractor-quota-transfers", .access = Access::kEmployer,
      .permission = perm, .summary = "SearchSubcontractorQuotaTransfers: the employer's transfers", .tag = tag,
      .handle = [&app, view](RequestContext& c, const TransferQuery& q) -> Result<wire::PageOf<SubcontractorTransfer>> {
        std::vector<SubcontractorTransfer> all;
        for (const auto& id : OverseasIds(view(), "transfer", c.session->employer_id)) {
          const auto t = app.services().overseas_transfers.Load(OverseasTransferStream(id)).state;
          if (!t.exists || t.deleted || !t.subcontractor) continue;
          all.push_back({t.sub.transfer_id, t.sub.source_project_id, t.sub.source_allocation_id,
                         t.sub.target_iskur_no,
                         app.services().employers.Load("employer-" + t.sub.target_employer_id).state.title,
                         t.sub.target_project_id, t.sub.target_allocation_id, t.sub.transfer_count});
        }
        return PageFrom(std::move(all), q);
      }});
  router.Add(Endpoint{
      .method = "DELETE", .path = "/api/v1/overseas/subcontractor-quota-transfers/{id}", .access = Access::kEmployer,
      .permission = perm,
      .summary = "DeleteSubcontractorQuotaTransfer: returns the quota unless some is used (409 "
                 "transferred_quota_in_use)",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<SubcontractorDone> {
        return AnswerFrom<SubcontractorDone>(HandleDeleteSubcontractorTransfer(app.services(), c.env,
                                                                               c.session->employer_id,
                                                                               c.req.params["id"]));
      }});
}

}  // namespace istihdam::http
