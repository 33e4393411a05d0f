#include "aggregates/overseas.h"

#include <algorithm>
#include <set>

#include "aggregates/validation.h"
#include "infra/clock.h"

namespace istihdam {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

bool IsDate(const std::string& s) {
  std::int64_t days = 0;
  return ParseDate(s, &days);
}

}  // namespace

// ----- Projects -----------------------------------------------------------------------------

OverseasProjectState Apply(OverseasProjectState s, const events::OverseasProjectEvent& e) {
  std::visit(Overloaded{
                 [&](const events::OverseasProjectRegistered& x) {
                   s.exists = true;
                   s.project_id = x.project_id;
                   s.employer_id = x.employer_id;
                   s.country = x.country;
                   s.fields = x.fields;
                 },
                 [&](const events::OverseasProjectUpdated& x) { s.fields = x.fields; },
                 [&](const events::OverseasWorkersJoined& x) {
                   for (std::size_t i = 0; i < x.workers.size(); ++i) {
                     const std::string dispatch = i < x.dispatch_ids.size() ? x.dispatch_ids[i] : x.dispatch_id;
                     s.workers[x.workers[i].worker_id] = ActiveWorker{x.workers[i], dispatch, x.since};
                   }
                 },
                 [&](const events::OverseasWorkersLeft& x) {
                   for (const auto& id : x.worker_ids) s.workers.erase(id);
                 },
             },
             e);
  return s;
}

std::vector<FieldError> ValidateProject(const events::OverseasProjectFields& f, const std::string* country,
                                        const ProjectChecks& checks) {
  Validator v;
  v.Required("name", f.name);
  v.MaxChars("name", f.name, 200);
  v.MaxChars("city", f.city, 100);
  v.MaxChars("description", f.description, 2000);
  if (country && v.Required("country", *country) && !checks.country_known) v.Fail("country", "unknown_value");
  if (f.occupations.empty()) v.Fail("occupations", "required");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < f.occupations.size(); ++i) {
    const std::string field = "occupations[" + std::to_string(i) + "]";
    if (i >= checks.occupations_known.size() || !checks.occupations_known[i]) v.Fail(field, "unknown_value");
    else if (!seen.insert(f.occupations[i]).second) v.Fail(field, "duplicate");
  }
  const bool start = v.Required("contractStartDate", f.contract_start_date);
  const bool end = v.Required("contractEndDate", f.contract_end_date);
  if (start && !IsDate(f.contract_start_date)) v.Fail("contractStartDate", "invalid_format");
  else if (end && !IsDate(f.contract_end_date)) v.Fail("contractEndDate", "invalid_format");
  else if (start && end && f.contract_end_date < f.contract_start_date) v.Fail("contractEndDate", "before_valid_from");
  return v.errors();
}

// ----- Quota allocations --------------------------------------------------------------------

AllocationState Apply(AllocationState s, const events::OverseasQuotaEvent& e) {
  std::visit(Overloaded{
                 [&](const events::OverseasQuotaAllocated& x) {
                   s.exists = true;
                   s.allocation_id = x.allocation_id;
                   s.employer_id = x.employer_id;
                   s.country = x.country;
                   s.occupation = x.occupation;
                   s.project_id = x.project_id;
                   s.valid_from = x.valid_from;
                   s.valid_to = x.valid_to;
                   s.limit = x.limit;
                 },
                 [&](const events::OverseasQuotaChanged& x) {
                   s.limit = x.limit;
                   s.valid_to = x.valid_to;
                 },
                 [&](const events::OverseasQuotaConsumed& x) { s.used += x.count; },
                 [&](const events::OverseasQuotaTransferredOut& x) {
                   s.transferred_out += x.count;
                   s.transfers_out[x.transfer_id] += x.count;
                 },
                 [&](const events::OverseasQuotaTransferReturned& x) {
                   s.transferred_out -= x.count;
                   s.transfers_out.erase(x.transfer_id);
                 },
                 [&](const events::OverseasQuotaWithdrawn&) { s.withdrawn = true; },
             },
             e);
  return s;
}

bool Overlaps(const AllocationState& c, const std::vector<AllocationState>& others) {
  for (const auto& o : others) {
    if (!o.exists || o.withdrawn || o.allocation_id == c.allocation_id) continue;
    if (o.employer_id != c.employer_id || o.country != c.country || o.occupation != c.occupation ||
        o.project_id != c.project_id)
      continue;
    if (o.valid_from <= c.valid_to && c.valid_from <= o.valid_to) return true;
  }
  return false;
}

Result<events::OverseasQuotaChanged> DecideChangeAllocation(const AllocationState& a, std::int64_t limit,
                                                            const std::string& valid_to,
                                                            const std::vector<AllocationState>& others) {
  Validator v;
  if (limit < 1) v.Fail("limit", "out_of_range");
  if (!IsDate(valid_to)) v.Fail("validTo", "invalid_format");
  else if (valid_to < a.valid_from) v.Fail("validTo", "before_valid_from");
  if (!v.ok()) return v.ToError();
  if (limit < a.used + a.transferred_out) return Error::Of(errc::kLimitBelowUsed);
  AllocationState after = a;
  after.limit = limit;
  after.valid_to = valid_to;
  if (Overlaps(after, others)) return Error::Of(errc::kAllocationOverlaps);
  return events::OverseasQuotaChanged{a.allocation_id, valid_to, limit};
}

// ----- Dispatches ---------------------------------------------------------------------------

DispatchState Apply(DispatchState s, const events::DispatchEvent& e) {
  auto bump = [&](const std::string& worker_id) {
    // worker ids are "<dispatchId>-<n>": keep next_worker past every one seen
    const auto dash = worker_id.rfind('-');
    if (dash == std::string::npos) return;
    try {
      s.next_worker = std::max<std::int64_t>(s.next_worker, std::stoll(worker_id.substr(dash + 1)) + 1);
    } catch (...) {
    }
  };
  std::visit(Overloaded{
                 [&](const events::DispatchCreated& x) {
                   s.exists = true;
                   s.dispatch_id = x.dispatch_id;
                   s.employer_id = x.employer_id;
                   s.project_id = x.project_id;
                   s.country = x.country;
                   s.dispatch_date = x.dispatch_date;
                   s.planned_end_date = x.planned_end_date;
                   s.description = x.description;
                   s.status = "pending";
                   s.workers = x.workers;
                   for (const auto& w : x.workers) bump(w.worker_id);
                 },
                 [&](const events::DispatchUpdated& x) {
                   s.dispatch_date = x.dispatch_date;
                   s.planned_end_date = x.planned_end_date;
                   s.description = x.description;
                 },
                 [&](const events::DispatchDeleted&) { s.deleted = true; },
                 [&](const events::DispatchWorkerAdded& x) {
                   s.workers.push_back(x.worker);
                   bump(x.worker.worker_id);
                 },
                 [&](const events::DispatchWorkerUpdated& x) {
                   for (auto& w : s.workers)
                     if (w.worker_id == x.worker.worker_id) w = x.worker;
                 },
                 [&](const events::DispatchWorkerRemoved& x) {
                   std::erase_if(s.workers, [&](const auto& w) { return w.worker_id == x.worker_id; });
                 },
                 [&](const events::DispatchApproved& x) {
                   s.status = "approved";
                   s.allocation_id = x.allocation_id;
                 },
                 [&](const events::DispatchRejected& x) {
                   s.status = "rejected";
                   s.reject_reason = x.reason;
                 },
                 [&](const events::DispatchExtensionRequested& x) {
                   s.extensions.push_back({x.extension_id, x.requested_end_date, x.reason, "requested"});
                 },
                 [&](const events::DispatchExtensionApproved& x) {
                   for (auto& ext : s.extensions)
                     if (ext.extension_id == x.extension_id) ext.status = "approved";
                   s.planned_end_date = x.new_end_date;
                 },
             },
             e);
  return s;
}

namespace {

// The allocation of `occupation` ("" = the country quota) covering `date`: a project-scoped one
// of `project_id` first, else the employer-wide one.
const AllocationState* Covering(const std::vector<AllocationState>& all, const std::string& project_id,
                                const std::string& occupation, const std::string& date) {
  const AllocationState* wide = nullptr;
  for (const auto& a : all) {
    if (!a.exists || a.withdrawn || a.occupation != occupation || !a.Covers(date)) continue;
    if (!a.project_id.empty() && a.project_id == project_id) return &a;
    if (a.project_id.empty() && !wide) wide = &a;
  }
  return wide;
}

Error Exceeded(const AllocationState& a, const char* quota, std::int64_t requested) {
  Error e = Error::Of(errc::kQuotaExceeded);
  e.quota.push_back({quota, a.allocation_id, a.available(), requested});
  return e;
}

}  // namespace

Result<std::vector<QuotaDraw>> PlanDraws(const std::string& project_id, const std::string& date,
                                         const std::vector<events::OverseasWorker>& workers,
                                         const std::vector<AllocationState>& allocations) {
  const AllocationState* country = Covering(allocations, project_id, "", date);
  if (!country) return Error::Of(errc::kNoQuotaForDate);
  const auto count = static_cast<std::int64_t>(workers.size());
  if (count > country->available()) return Exceeded(*country, "country", count);
  std::vector<QuotaDraw> draws{{country->allocation_id, "country", count}};
  std::map<std::string, std::int64_t> per_occupation;
  for (const auto& w : workers) ++per_occupation[w.occupation];
  for (const auto& [occupation, n] : per_occupation) {
    const AllocationState* a = Covering(allocations, project_id, occupation, date);
    if (!a) continue;
    if (n > a->available()) return Exceeded(*a, "occupation", n);
    draws.push_back({a->allocation_id, "occupation", n});
  }
  return draws;
}

std::vector<FieldError> ValidateDispatchDraft(const DispatchDraft& d, const DispatchContext& c, bool with_workers,
                                              const std::string& prefix) {
  Validator v;
  const bool date = v.Required(prefix + "dispatchDate", d.dispatch_date);
  if (date && !IsDate(d.dispatch_date)) v.Fail(prefix + "dispatchDate", "invalid_format");
  else if (date && c.project &&
           (d.dispatch_date < c.project->fields.contract_start_date ||
            d.dispatch_date > c.project->fields.contract_end_date))
    v.Fail(prefix + "dispatchDate", "outside_contract");
  if (!d.planned_end_date.empty()) {
    if (!IsDate(d.planned_end_date)) v.Fail(prefix + "plannedEndDate", "invalid_format");
    else if (date && d.planned_end_date < d.dispatch_date) v.Fail(prefix + "plannedEndDate", "before_valid_from");
  }
  v.MaxChars(prefix + "description", d.description, 2000);
  if (!with_workers) return v.errors();
  std::set<std::string> tckns;
  for (std::size_t i = 0; i < d.workers.size(); ++i) {
    const auto& w = d.workers[i];
    const std::string f = prefix + "workers[" + std::to_string(i) + "].";
    const bool t = v.Required(f + "tckn", w.tckn) && v.Tckn(f + "tckn", w.tckn);
    const bool fn = v.Required(f + "firstName", w.first_name) && v.MaxChars(f + "firstName", w.first_name, 100);
    const bool ln = v.Required(f + "lastName", w.last_name) && v.MaxChars(f + "lastName", w.last_name, 100);
    if (t && fn && ln && i < c.identity_ok.size() && !c.identity_ok[i]) v.Fail(f + "tckn", "kps_mismatch");
    if (t && !tckns.insert(w.tckn).second) v.Fail(f + "tckn", "duplicate");
    if (v.Required(f + "occupation", w.occupation) && c.project &&
        std::find(c.project->fields.occupations.begin(), c.project->fields.occupations.end(), w.occupation) ==
            c.project->fields.occupations.end())
      v.Fail(f + "occupation", "not_in_project");
  }
  return v.errors();
}

Status RequirePending(const DispatchState& d) {
  if (!d.exists || d.deleted) return Error::Of(errc::kDispatchNotFound);
  if (d.status != "pending") return Error::Of(errc::kDispatchApprovedReadonly);
  return Status::Ok();
}

Result<Approval> DecideApproveDispatch(const DispatchState& d, const std::vector<AllocationState>& allocations,
                                       const std::string& approved_by) {
  if (auto st = RequirePending(d); !st.ok()) return st.error();
  if (d.workers.empty()) return Error::Of(errc::kDispatchHasNoWorkers);
  auto draws = PlanDraws(d.project_id, d.dispatch_date, d.workers, allocations);
  if (!draws.ok()) return draws.error();
  Approval out;
  out.approved = {d.dispatch_id, approved_by, draws->front().allocation_id,
                  static_cast<std::int64_t>(d.workers.size()), {}};
  for (const auto& dr : *draws) {
    if (dr.quota == "occupation") out.approved.occupation_allocation_ids.push_back(dr.allocation_id);
    out.consumed.push_back({dr.allocation_id, d.dispatch_id, d.project_id, dr.requested});
  }
  return out;
}

// ----- Transfers ----------------------------------------------------------------------------

TransferState Apply(TransferState s, const events::OverseasTransferEvent& e) {
  std::visit(Overloaded{
                 [&](const events::WorkersTransferredBetweenProjects& x) {
                   s.exists = true;
                   s.workers = x;
                 },
                 [&](const events::SubcontractorQuotaTransferred& x) {
                   s.exists = true;
                   s.subcontractor = true;
                   s.sub = x;
                 },
                 [&](const events::SubcontractorQuotaTransferDeleted&) { s.deleted = true; },
             },
             e);
  return s;
}

}  // namespace istihdam
