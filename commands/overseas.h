#pragma once
// Overseas employment commands (DOMAIN.md §2.1.5, api/overseas-and-agencies.md, docs/overseas.md).
// Every command that reads or changes quota of an (employer, country) holds that pair's
// SequenceLock around Execute, so approvals, entry checks, allocations and transfers on one
// quota are serialized on the write node and never race into concurrency_conflict.
#include <optional>
#include <string>
#include <vector>

#include "aggregates/overseas.h"
#include "commands/services.h"

namespace istihdam {

// Every allocation of the employer in the country, as stored now.
std::vector<AllocationState> AllocationsOf(Services& s, const std::string& employer_id, const std::string& country);

// Whether the actor sees the employer's overseas records: its own (employer), head office all,
// a unit user the employers with a headquarters in its province.
bool OverseasVisible(Services& s, const OverseasActor& actor, const std::string& employer_id);

struct NewProject {
  std::string country;
  events::OverseasProjectFields fields;
};
// 201 {"id", "version"}.
Result<Outcome> HandleRegisterOverseasProject(Services& s, const CommandEnv& env, const std::string& employer_id,
                                              NewProject cmd);
Result<Outcome> HandleUpdateOverseasProject(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                            const std::string& project_id, std::optional<std::uint64_t> if_match,
                                            events::OverseasProjectFields fields);

struct NewAllocation {
  std::string employer_id, country, occupation, valid_from, valid_to;
  std::optional<std::int64_t> limit;
};
Result<Outcome> HandleAllocateOverseasQuota(Services& s, const CommandEnv& env, const std::string& staff_id,
                                            NewAllocation cmd);
Result<Outcome> HandleChangeOverseasQuota(Services& s, const CommandEnv& env, const std::string& allocation_id,
                                          std::optional<std::uint64_t> if_match, std::int64_t limit,
                                          const std::string& valid_to);

// 201 {"id", "status": "pending", "workerIds", "version"}.
Result<Outcome> HandleCreateDispatch(Services& s, const CommandEnv& env, const std::string& employer_id,
                                     const std::string& project_id, DispatchDraft draft);
Result<Outcome> HandleUpdateDispatch(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                     const std::string& dispatch_id, std::optional<std::uint64_t> if_match,
                                     DispatchDraft draft);
Result<Outcome> HandleDeleteDispatch(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                     const std::string& dispatch_id, std::optional<std::uint64_t> if_match);
// worker_id "" = add (201 with "workerId"); remove = nullopt worker.
Result<Outcome> HandleDispatchWorker(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                     const std::string& dispatch_id, const std::string& worker_id,
                                     std::optional<events::OverseasWorker> worker,
                                     std::optional<std::uint64_t> if_match);
// 200 {"id", "status": "approved", "allocationId", "version"}.
Result<Outcome> HandleApproveDispatch(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                      const std::string& dispatch_id);
Result<Outcome> HandleRejectDispatch(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                     const std::string& dispatch_id, const std::string& reason);
Result<Outcome> HandleRequestExtension(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                       const std::string& dispatch_id, const std::string& requested_end_date,
                                       const std::string& reason);
Result<Outcome> HandleApproveExtension(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                       const std::string& dispatch_id, const std::string& extension_id);

struct TransferWorkers {
  std::string source_project_id, target_project_id;
  std::vector<std::string> worker_ids;
  bool all = false;
};
// 201 {"id", "count"}.
Result<Outcome> HandleTransferWorkers(Services& s, const CommandEnv& env, const std::string& employer_id,
                                      TransferWorkers cmd);

struct SubcontractorTransfer {
  std::string source_project_id, target_iskur_no, target_project_id;
  std::optional<std::int64_t> transfer_count;
};
// 201 {"id", "allocationId"}.
Result<Outcome> HandleSubcontractorTransfer(Services& s, const CommandEnv& env, const std::string& employer_id,
                                            SubcontractorTransfer cmd);
Result<Outcome> HandleDeleteSubcontractorTransfer(Services& s, const CommandEnv& env, const std::string& employer_id,
                                                  const std::string& transfer_id);

}  // namespace istihdam
