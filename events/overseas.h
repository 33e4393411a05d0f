#pragma once
// Events of overseas employment (DOMAIN.md §2.1.5, api/overseas-and-agencies.md, docs/overseas.md).
// Streams: "ovsproject-<projectId>" (a project and its active workers), "ovsquota-<allocationId>"
// (a quota allocation and what is drawn on it), "ovsdispatch-<dispatchId>" (a dispatch, its
// workers and extensions), "ovstransfer-<transferId>" (a subcontractor quota transfer).
// Dates are YYYY-MM-DD.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

struct OverseasProjectFields {
  std::string name, city, contract_start_date, contract_end_date, description;
  std::vector<std::string> occupations;  // ISCO-08 level-4 codes
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("name", name), F("city", city), F("contractStartDate", contract_start_date),
       F("contractEndDate", contract_end_date), F("description", description), F("occupations", occupations));
  }
  bool operator==(const OverseasProjectFields&) const = default;
};

struct OverseasProjectRegistered {
  static constexpr const char* kType = "OverseasProjectRegistered";
  std::string project_id, employer_id, country;
  OverseasProjectFields fields;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("projectId", project_id), F("employerId", employer_id), F("country", country), F("fields", fields));
  }
};

struct OverseasProjectUpdated {
  static constexpr const char* kType = "OverseasProjectUpdated";
  std::string project_id;
  OverseasProjectFields fields;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("projectId", project_id), F("fields", fields));
  }
};

// A worker as a dispatch names it; workerId stays with the worker through transfers.
struct OverseasWorker {
  std::string worker_id, tckn, first_name, last_name, occupation;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("workerId", worker_id), PII("*tckn", tckn), PII("*firstName", first_name), PII("*lastName", last_name),
       F("occupation", occupation));
  }
  bool operator==(const OverseasWorker&) const = default;
};

// Workers become active on the project (an approved dispatch, or a transfer in).
struct OverseasWorkersJoined {
  static constexpr const char* kType = "OverseasWorkersJoined";
  std::string project_id, dispatch_id, transfer_id, since;  // dispatch_id "" for a transfer
  std::vector<OverseasWorker> workers;
  std::vector<std::string> dispatch_ids;  // per worker: the dispatch that sent it
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("projectId", project_id), F("dispatchId", dispatch_id), F("transferId", transfer_id), F("since", since),
       F("workers", workers), F("dispatchIds", dispatch_ids));
  }
};

// Workers leave the project (transferred to another project of the employer).
struct OverseasWorkersLeft {
  static constexpr const char* kType = "OverseasWorkersLeft";
  std::string project_id, transfer_id, target_project_id;
  std::vector<std::string> worker_ids;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("projectId", project_id), F("transferId", transfer_id), F("targetProjectId", target_project_id),
       F("workerIds", worker_ids));
  }
};

using OverseasProjectEvent =
    std::variant<OverseasProjectRegistered, OverseasProjectUpdated, OverseasWorkersJoined, OverseasWorkersLeft>;

// ----- Quota allocations --------------------------------------------------------------------

// Head office sets a quota: occupation "" = the country quota; project_id "" = employer-wide
// (a project-scoped one comes from a subcontractor transfer).
struct OverseasQuotaAllocated {
  static constexpr const char* kType = "OverseasQuotaAllocated";
  std::string allocation_id, employer_id, country, occupation, project_id, valid_from, valid_to;
  std::int64_t limit = 0;
  std::string allocated_by;  // staff user id, or the transfer id for a subcontractor transfer
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("allocationId", allocation_id), F("employerId", employer_id), F("country", country),
       F("occupation", occupation), F("projectId", project_id), F("validFrom", valid_from), F("validTo", valid_to),
       F("limit", limit), F("allocatedBy", allocated_by));
  }
};

struct OverseasQuotaChanged {
  static constexpr const char* kType = "OverseasQuotaChanged";
  std::string allocation_id, valid_to;
  std::int64_t limit = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("allocationId", allocation_id), F("validTo", valid_to), F("limit", limit));
  }
};

// An approved dispatch's workers counted as used quota (OVS-R4).
struct OverseasQuotaConsumed {
  static constexpr const char* kType = "OverseasQuotaConsumed";
  std::string allocation_id, dispatch_id, project_id;
  std::int64_t count = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("allocationId", allocation_id), F("dispatchId", dispatch_id), F("projectId", project_id), F("count", count));
  }
};

// Quota moved to a subcontractor (transferredOut grows) and returned when the transfer is deleted.
struct OverseasQuotaTransferredOut {
  static constexpr const char* kType = "OverseasQuotaTransferredOut";
  std::string allocation_id, transfer_id;
  std::int64_t count = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("allocationId", allocation_id), F("transferId", transfer_id), F("count", count));
  }
};

struct OverseasQuotaTransferReturned {
  static constexpr const char* kType = "OverseasQuotaTransferReturned";
  std::string allocation_id, transfer_id;
  std::int64_t count = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("allocationId", allocation_id), F("transferId", transfer_id), F("count", count));
  }
};

// The subcontractor's allocation is withdrawn when its transfer is deleted (nothing was used).
struct OverseasQuotaWithdrawn {
  static constexpr const char* kType = "OverseasQuotaWithdrawn";
  std::string allocation_id, transfer_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("allocationId", allocation_id), F("transferId", transfer_id));
  }
};

using OverseasQuotaEvent = std::variant<OverseasQuotaAllocated, OverseasQuotaChanged, OverseasQuotaConsumed,
                                        OverseasQuotaTransferredOut, OverseasQuotaTransferReturned,
                                        OverseasQuotaWithdrawn>;

// ----- Dispatches ---------------------------------------------------------------------------

struct DispatchCreated {
  static constexpr const char* kType = "DispatchCreated";
  std::string dispatch_id, employer_id, project_id, country, dispatch_date, planned_end_date, description;
  std::vector<OverseasWorker> workers;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dispatchId", dispatch_id), F("employerId", employer_id), F("projectId", project_id), F("country", country),
       F("dispatchDate", dispatch_date), F("plannedEndDate", planned_end_date), F("description", description),
       F("workers", workers));
  }
};

struct DispatchUpdated {
  static constexpr const char* kType = "DispatchUpdated";
  std::string dispatch_id, dispatch_date, planned_end_date, description;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dispatchId", dispatch_id), F("dispatchDate", dispatch_date), F("plannedEndDate", planned_end_date),
       F("description", description));
  }
};

struct DispatchDeleted {
  static constexpr const char* kType = "DispatchDeleted";
  std::string dispatch_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dispatchId", dispatch_id));
  }
};

struct DispatchWorkerAdded {
  static constexpr const char* kType = "DispatchWorkerAdded";
  std::string dispatch_id;
  OverseasWorker worker;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dispatchId", dispatch_id), F("worker", worker));
  }
};

struct DispatchWorkerUpdated {
  static constexpr const char* kType = "DispatchWorkerUpdated";
  std::string dispatch_id;
  OverseasWorker worker;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dispatchId", dispatch_id), F("worker", worker));
  }
};

struct DispatchWorkerRemoved {
  static constexpr const char* kType = "DispatchWorkerRemoved";
  std::string dispatch_id, worker_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dispatchId", dispatch_id), F("workerId", worker_id));
  }
};

struct DispatchApproved {
  static constexpr const char* kType = "DispatchApproved";
  std::string dispatch_id, approved_by, allocation_id;  // the country allocation drawn on
  std::int64_t worker_count = 0;
  std::vector<std::string> occupation_allocation_ids;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dispatchId", dispatch_id), F("approvedBy", approved_by), F("allocationId", allocation_id),
       F("workerCount", worker_count), F("occupationAllocationIds", occupation_allocation_ids));
  }
};

struct DispatchRejected {
  static constexpr const char* kType = "DispatchRejected";
  std::string dispatch_id, rejected_by, reason;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dispatchId", dispatch_id), F("rejectedBy", rejected_by), F("reason", reason));
  }
};

struct DispatchExtensionRequested {
  static constexpr const char* kType = "DispatchExtensionRequested";
  std::string dispatch_id, extension_id, requested_end_date, reason;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dispatchId", dispatch_id), F("extensionId", extension_id), F("requestedEndDate", requested_end_date),
       F("reason", reason));
  }
};

struct DispatchExtensionApproved {
  static constexpr const char* kType = "DispatchExtensionApproved";
  std::string dispatch_id, extension_id, approved_by, new_end_date;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dispatchId", dispatch_id), F("extensionId", extension_id), F("approvedBy", approved_by),
       F("newEndDate", new_end_date));
  }
};

using DispatchEvent = std::variant<DispatchCreated, DispatchUpdated, DispatchDeleted, DispatchWorkerAdded,
                                   DispatchWorkerUpdated, DispatchWorkerRemoved, DispatchApproved, DispatchRejected,
                                   DispatchExtensionRequested, DispatchExtensionApproved>;

// ----- Transfers ----------------------------------------------------------------------------

// Worker transfer between own projects: the record of the move (the projects' streams carry
// OverseasWorkersLeft / OverseasWorkersJoined in the same append).
struct WorkersTransferredBetweenProjects {
  static constexpr const char* kType = "WorkersTransferredBetweenProjects";
  std::string transfer_id, employer_id, source_project_id, target_project_id;
  std::vector<std::string> worker_ids;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("transferId", transfer_id), F("employerId", employer_id), F("sourceProjectId", source_project_id),
       F("targetProjectId", target_project_id), F("workerIds", worker_ids));
  }
};

struct SubcontractorQuotaTransferred {
  static constexpr const char* kType = "SubcontractorQuotaTransferred";
  std::string transfer_id, employer_id, source_project_id, source_allocation_id, target_employer_id,
      target_iskur_no, target_project_id, target_allocation_id;
  std::int64_t transfer_count = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("transferId", transfer_id), F("employerId", employer_id), F("sourceProjectId", source_project_id),
       F("sourceAllocationId", source_allocation_id), F("targetEmployerId", target_employer_id),
       F("targetIskurNo", target_iskur_no), F("targetProjectId", target_project_id),
       F("targetAllocationId", target_allocation_id), F("transferCount", transfer_count));
  }
};

struct SubcontractorQuotaTransferDeleted {
  static constexpr const char* kType = "SubcontractorQuotaTransferDeleted";
  std::string transfer_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("transferId", transfer_id));
  }
};

using OverseasTransferEvent =
    std::variant<WorkersTransferredBetweenProjects, SubcontractorQuotaTransferred, SubcontractorQuotaTransferDeleted>;

}  // namespace istihdam::events
