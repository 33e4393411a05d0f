#pragma once
// Overseas employment — "Yurtdışı İstihdam" (api/overseas-and-agencies.md, DOMAIN.md §2.1.5,
// docs/overseas.md): bodies, queries and answers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/wire.h"

namespace istihdam::http::contract::overseas {

using wire::F;

inline constexpr const char* kDispatchStatuses[] = {"pending", "approved", "rejected"};
inline constexpr const char* kQuotaKinds[] = {"country", "occupation"};

// ----- Projects -----------------------------------------------------------------------------

struct ProjectBody {
  std::string name, country, city, contract_start_date, contract_end_date, description;
  std::vector<std::string> occupations;
  template <class A>
  void serialize(A& ar) {
    ar(F("name", name).requiredByCommand().maxLength(200),
       F("country", country).requiredByCommand().describe("ISO 3166-1 alpha-2, upper case; not TR; ignored in a PUT"),
       F("city", city).maxLength(100),
       F("occupations", occupations).requiredByCommand().describe("at least one 4-digit occupation code"),
       F("contractStartDate", contract_start_date).requiredByCommand().formatted("date"),
       F("contractEndDate", contract_end_date).requiredByCommand().formatted("date"),
       F("description", description).text().maxLength(2000));
  }
};

struct Allocation {
  std::string id, employer_id, country, valid_from, valid_to;
  std::optional<std::string> occupation, project_id;
  std::int64_t limit = 0, used = 0, transferred_out = 0, available = 0;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).required(), F("employerId", employer_id).required(), F("country", country).required(),
       F("occupation", occupation).nullable().describe("null: the country quota"),
       F("projectId", project_id).nullable().describe("null: employer-wide; set after a subcontractor transfer"),
       F("validFrom", valid_from).required().formatted("date"), F("validTo", valid_to).required().formatted("date"),
       F("limit", limit).required(), F("used", used).required(), F("transferredOut", transferred_out).required(),
       F("available", available).required().describe("limit - used - transferredOut"),
       F("version", version).required());
  }
};

struct Project {
  std::string id, employer_id, name, country, city, contract_start_date, contract_end_date, description;
  std::vector<std::string> occupations;
  std::vector<Allocation> quotas;
  std::int64_t worker_count = 0;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).required(), F("employerId", employer_id).required(), F("name", name).required(),
       F("country", country).required(), F("city", city), F("occupations", occupations).required(),
       F("contractStartDate", contract_start_date).required().formatted("date"),
       F("contractEndDate", contract_end_date).required().formatted("date"), F("description", description),
       F("quotas", quotas).required().describe("the allocations that apply to the project"),
       F("workerCount", worker_count).required().describe("active workers"), F("version", version).required());
  }
};

struct ProjectWorker {
  std::string worker_id, tckn, first_name, last_name, occupation, dispatch_id, since;
  template <class A>
  void serialize(A& ar) {
    ar(F("workerId", worker_id), F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("occupation", occupation), F("dispatchId", dispatch_id), F("since", since).formatted("date"));
  }
};

struct ProjectQuery : wire::Paging {
  std::string employer_id, country;
  template <class A>
  void serialize(A& ar) {
    ar(F("employerId", employer_id).describe("staff: one employer"), F("country", country));
    Paging::serialize(ar);
  }
};

struct WorkerQuery : wire::Paging {};

// ----- Quota allocations --------------------------------------------------------------------

struct AllocationBody {
  std::string employer_id, country, valid_from, valid_to;
  std::optional<std::string> occupation;
  std::optional<std::int64_t> limit;
  template <class A>
  void serialize(A& ar) {
    ar(F("employerId", employer_id).requiredByCommand(), F("country", country).requiredByCommand(),
       F("occupation", occupation).nullable().describe("null or absent: the country quota; a 4-digit code: a cap"),
       F("validFrom", valid_from).requiredByCommand().formatted("date"),
       F("validTo", valid_to).requiredByCommand().formatted("date").describe("inclusive"),
       F("limit", limit).requiredByCommand().range(1, 1'000'000));
  }
};

struct AllocationChange {
  std::optional<std::int64_t> limit;
  std::string valid_to;
  template <class A>
  void serialize(A& ar) {
    ar(F("limit", limit).required().range(1, 1'000'000),
       F("validTo", valid_to).formatted("date").describe("absent keeps it"));
  }
};

struct AllocationQuery : wire::Paging {
  std::string employer_id, country, active_on;
  template <class A>
  void serialize(A& ar) {
    ar(F("employerId", employer_id), F("country", country),
       F("activeOn", active_on).formatted("date").describe("valid on that date"));
    Paging::serialize(ar);
  }
};

// ----- Dispatches ---------------------------------------------------------------------------

struct WorkerBody {
  std::string tckn, first_name, last_name, occupation;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand(), F("firstName", first_name).requiredByCommand().maxLength(100),
       F("lastName", last_name).requiredByCommand().maxLength(100),
       F("occupation", occupation).requiredByCommand().describe("one of the project's occupations"));
  }
};

struct DispatchBody {
  std::string project_id, dispatch_date, planned_end_date, description;
  std::vector<WorkerBody> workers;
  template <class A>
  void serialize(A& ar) {
    ar(F("projectId", project_id).requiredByCommand().describe("ignored in a PUT"),
       F("dispatchDate", dispatch_date).requiredByCommand().formatted("date"),
       F("plannedEndDate", planned_end_date).formatted("date"), F("description", description).text().maxLength(2000),
       F("workers", workers).describe("ignored in a PUT"));
  }
};

struct DispatchChanged {
  std::string id, status;
  std::optional<std::string> allocation_id, worker_id, extension_id;
  std::vector<std::string> worker_ids;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("status", status).oneOf({"pending", "approved", "rejected", "deleted"}),
       F("allocationId", allocation_id).describe("approve: the country allocation drawn on"),
       F("workerId", worker_id).describe("worker routes"), F("extensionId", extension_id).describe("extension routes"),
       F("workerIds", worker_ids).describe("create"), F("version", version), F("position", position).required());
  }
};

struct DispatchWorker {
  std::string worker_id, tckn, first_name, last_name, occupation;
  template <class A>
  void serialize(A& ar) {
    ar(F("workerId", worker_id), F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("occupation", occupation));
  }
};

struct ExtensionView {
  std::string extension_id, requested_end_date, reason, status;
  template <class A>
  void serialize(A& ar) {
    ar(F("extensionId", extension_id), F("requestedEndDate", requested_end_date).formatted("date"),
       F("reason", reason), F("status", status).oneOf({"requested", "approved"}));
  }
};

struct Dispatch {
  std::string id, employer_id, project_id, country, dispatch_date, planned_end_date, description, status;
  std::optional<std::string> allocation_id, reject_reason;
  std::vector<DispatchWorker> workers;
  std::vector<ExtensionView> extensions;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).required(), F("employerId", employer_id).required(), F("projectId", project_id).required(),
       F("country", country).required(), F("dispatchDate", dispatch_date).required().formatted("date"),
       F("plannedEndDate", planned_end_date).formatted("date"), F("description", description),
       F("status", status).required().oneOf(kDispatchStatuses), F("allocationId", allocation_id).nullable(),
       F("rejectReason", reject_reason).nullable(), F("workers", workers).required(), F("extensions", extensions),
       F("version", version).required());
  }
};

struct DispatchQuery : wire::Paging {
  std::string project_id, status, dispatch_date_from, dispatch_date_to;
  template <class A>
  void serialize(A& ar) {
    ar(F("projectId", project_id), F("status", status).oneOf(kDispatchStatuses),
       F("dispatchDateFrom", dispatch_date_from).formatted("date"),
       F("dispatchDateTo", dispatch_date_to).formatted("date"));
    Paging::serialize(ar);
  }
};

struct RejectBody {
  std::string reason;
  template <class A>
  void serialize(A& ar) {
    ar(F("reason", reason).text().maxLength(2000));
  }
};

struct ExtensionBody {
  std::string requested_end_date, reason;
  template <class A>
  void serialize(A& ar) {
    ar(F("requestedEndDate", requested_end_date).requiredByCommand().formatted("date"),
       F("reason", reason).text().maxLength(2000));
  }
};

// ----- Transfers ----------------------------------------------------------------------------

struct WorkerTransferBody {
  std::string source_project_id, target_project_id;
  std::vector<std::string> worker_ids;
  bool all = false;
  template <class A>
  void serialize(A& ar) {
    ar(F("sourceProjectId", source_project_id).requiredByCommand(),
       F("targetProjectId", target_project_id).requiredByCommand(),
       F("workerIds", worker_ids).describe("active workers of the source"),
       F("all", all).describe("true: every active worker of the source"));
  }
};

struct WorkerTransferDone {
  std::string id;
  std::int64_t count = 0;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("count", count), F("position", position).required());
  }
};

struct SubcontractorBody {
  std::string source_project_id, target_iskur_no, target_project_id;
  std::optional<std::int64_t> transfer_count;
  template <class A>
  void serialize(A& ar) {
    ar(F("sourceProjectId", source_project_id).requiredByCommand(),
       F("targetIskurNo", target_iskur_no).requiredByCommand(),
       F("targetProjectId", target_project_id).requiredByCommand(),
       F("transferCount", transfer_count).requiredByCommand().range(1, 1'000'000));
  }
};

struct SubcontractorDone {
  std::string id;
  std::optional<std::string> allocation_id;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("allocationId", allocation_id), F("position", position).required());
  }
};

struct SubcontractorTransfer {
  std::string id, source_project_id, source_allocation_id, target_iskur_no, target_employer_title,
      target_project_id, allocation_id;
  std::int64_t transfer_count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("sourceProjectId", source_project_id), F("sourceAllocationId", source_allocation_id),
       F("targetIskurNo", target_iskur_no), F("targetEmployerTitle", target_employer_title),
       F("targetProjectId", target_project_id), F("allocationId", allocation_id),
       F("transferCount", transfer_count));
  }
};

struct TransferQuery : wire::Paging {};

}  // namespace istihdam::http::contract::overseas
