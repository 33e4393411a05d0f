#pragma once
// Overseas employment — "Yurtdışı İstihdam" (DOMAIN.md §2.1.5, api/overseas-and-agencies.md,
// docs/overseas.md): projects, quota allocations, dispatches and transfers. Pure: state, Apply
// and decisions; the handlers (commands/overseas.cpp) load what the decisions need.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "events/overseas.h"
#include "infra/result.h"

namespace istihdam {

inline std::string OverseasProjectStream(const std::string& id) { return "ovsproject-" + id; }
inline std::string OverseasQuotaStream(const std::string& id) { return "ovsquota-" + id; }
inline std::string DispatchStream(const std::string& id) { return "ovsdispatch-" + id; }
inline std::string OverseasTransferStream(const std::string& id) { return "ovstransfer-" + id; }
// Allocation ids are "<employerId>-<country>-<n>" (gap-free per employer and country), so that
// every allocation of an employer in a country is found from the store alone.
inline std::string QuotaIdPrefix(const std::string& employer_id, const std::string& country) {
  return employer_id + "-" + country + "-";
}

// Who acts: an employer user, a unit user (its province) or head office.
struct OverseasActor {
  enum class Kind { kEmployer, kUnitUser, kHeadOffice } kind = Kind::kEmployer;
  std::string id;           // employer id (employers) or staff user id
  std::string province;     // unit users
  bool staff() const { return kind != Kind::kEmployer; }
};

// ----- Projects -----------------------------------------------------------------------------

struct ActiveWorker {
  events::OverseasWorker worker;
  std::string dispatch_id, since;
  bool operator==(const ActiveWorker&) const = default;
};

struct OverseasProjectState {
  bool exists = false;
  std::string project_id, employer_id, country;
  events::OverseasProjectFields fields;
  std::map<std::string, ActiveWorker> workers;  // active, by worker id
  bool operator==(const OverseasProjectState&) const = default;
};
OverseasProjectState Apply(OverseasProjectState s, const events::OverseasProjectEvent& e);

// What the project's validation needs from reference data.
struct ProjectChecks {
  bool country_known = false;             // known and not TR
  std::vector<bool> occupations_known;    // per occupation: a level-4 dictionary code
};
// Field errors of a project draft (country only checked on creation).
std::vector<FieldError> ValidateProject(const events::OverseasProjectFields& f, const std::string* country,
                                        const ProjectChecks& checks);

// ----- Quota allocations --------------------------------------------------------------------

struct AllocationState {
  bool exists = false, withdrawn = false;
  std::string allocation_id, employer_id, country, occupation, project_id, valid_from, valid_to;
  std::int64_t limit = 0, used = 0, transferred_out = 0;
  std::map<std::string, std::int64_t> transfers_out;  // transfer id -> count still out
  std::int64_t available() const { return limit - used - transferred_out; }
  bool Covers(const std::string& date) const { return valid_from <= date && date <= valid_to; }
  bool operator==(const AllocationState&) const = default;
};
AllocationState Apply(AllocationState s, const events::OverseasQuotaEvent& e);

// 409 allocation_overlaps when `candidate` overlaps an allocation of the same (employer,
// country, occupation, project) among `others` (itself excluded by id).
bool Overlaps(const AllocationState& candidate, const std::vector<AllocationState>& others);

// limit/validTo change: limit >= 1, validTo not before validFrom (422), limit not below
// used + transferredOut (409 limit_below_used), no overlap after the change.
Result<events::OverseasQuotaChanged> DecideChangeAllocation(const AllocationState& a, std::int64_t limit,
                                                            const std::string& valid_to,
                                                            const std::vector<AllocationState>& others);

// ----- Dispatches ---------------------------------------------------------------------------

struct Extension {
  std::string extension_id, requested_end_date, reason, status;  // requested | approved
  bool operator==(const Extension&) const = default;
};

struct DispatchState {
  bool exists = false, deleted = false;
  std::string dispatch_id, employer_id, project_id, country, dispatch_date, planned_end_date, description;
  std::string status;  // pending | approved | rejected
  std::string allocation_id, reject_reason;
  std::vector<events::OverseasWorker> workers;
  std::int64_t next_worker = 1;
  std::vector<Extension> extensions;
  bool operator==(const DispatchState&) const = default;
};
DispatchState Apply(DispatchState s, const events::DispatchEvent& e);

// One allocation a dispatch draws on, and how much.
struct QuotaDraw {
  std::string allocation_id, quota;  // quota: country | occupation
  std::int64_t requested = 0;
};

// The allocations a dispatch of `project_id` dated `date` with these workers draws on
// (api/overseas-and-agencies.md "Quota allocations"): the country allocation covering `date`
// (the project's own one if any, else the employer-wide one) and per worker occupation that
// occupation's allocation covering `date` if one exists. Errors: 409 no_quota_for_date, 409
// quota_exceeded naming the first allocation whose available is below what is asked.
Result<std::vector<QuotaDraw>> PlanDraws(const std::string& project_id, const std::string& date,
                                         const std::vector<events::OverseasWorker>& workers,
                                         const std::vector<AllocationState>& allocations);

// The dispatch's fields as a create/update checks them.
struct DispatchDraft {
  std::string dispatch_date, planned_end_date, description;
  std::vector<events::OverseasWorker> workers;  // worker ids set by the decision
};

// What the checks of a dispatch need from outside: the project (nullptr = not the caller's),
// per worker whether KPS confirmed it.
struct DispatchContext {
  const OverseasProjectState* project = nullptr;
  std::vector<bool> identity_ok;  // per draft worker; empty = all confirmed
};

// 422 naming the fields (workers[i].…): see the contract.
std::vector<FieldError> ValidateDispatchDraft(const DispatchDraft& d, const DispatchContext& c, bool with_workers,
                                              const std::string& prefix = "");

// 409 dispatch_approved_readonly unless pending (and not deleted).
Status RequirePending(const DispatchState& d);

// The approval: the dispatch's events and, per drawn allocation, its consumption. Errors:
// dispatch_approved_readonly, dispatch_has_no_workers, no_quota_for_date, quota_exceeded.
struct Approval {
  events::DispatchApproved approved;
  std::vector<events::OverseasQuotaConsumed> consumed;
};
Result<Approval> DecideApproveDispatch(const DispatchState& d, const std::vector<AllocationState>& allocations,
                                       const std::string& approved_by);

// ----- Transfers ----------------------------------------------------------------------------

struct TransferState {
  bool exists = false, deleted = false, subcontractor = false;
  events::SubcontractorQuotaTransferred sub;
  events::WorkersTransferredBetweenProjects workers;
};
TransferState Apply(TransferState s, const events::OverseasTransferEvent& e);

}  // namespace istihdam
