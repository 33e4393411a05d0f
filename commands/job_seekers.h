#pragma once
// Job seekers and candidates (api/jobs.md "Job seekers", "Matching and candidates"): the
// résumé, applying to a posting, the employer's selection, the agency's referral, invitations
// and interview results. Candidates are appended to the demand's stream at the version the
// decision read, so each of these commands sees every earlier one (and the demand's close).
#include <optional>
#include <string>
#include <vector>

#include "aggregates/candidates.h"
#include "commands/services.h"

namespace istihdam {

// The person as the rules see them: birth date from the registration, the résumé if any.
JobSeeker LoadJobSeeker(Services& s, const std::string& individual_id);

// 200 {"id" (= individualId), "version"}. An unchanged résumé appends nothing. Errors:
// validation_failed, version_mismatch (If-Match).
Result<Outcome> HandleSaveResume(Services& s, const CommandEnv& env, std::optional<std::uint64_t> if_match,
                                 SaveResume cmd);

// 201 {"id" (= candidateId), "demandNo", "version"}. Errors as DecideApply.
Result<Outcome> HandleApplyToJobPosting(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        const std::string& individual_id);

// 201 {"id" (= demandNo), "candidateIds", "version"}. Errors as DecideSelect.
Result<Outcome> HandleSelectCandidates(Services& s, const CommandEnv& env, const std::string& demand_no,
                                       const std::string& employer_id, const std::vector<std::string>& job_seeker_ids);

// 201 {"id" (= candidateId), "demandNo", "version"}. Errors as DecideRefer.
Result<Outcome> HandleReferCandidate(Services& s, const CommandEnv& env, const std::string& demand_no,
                                     const std::string& staff_id, const std::string& staff_province,
                                     const std::string& job_seeker_id);

// 200 {"id" (= candidateId), "demandNo", "version"}. Errors as DecideInvite / DecideRecordInterview.
Result<Outcome> HandleInviteCandidate(Services& s, const CommandEnv& env, const std::string& demand_no,
                                      InviteCandidate cmd);
Result<Outcome> HandleRecordInterview(Services& s, const CommandEnv& env, const std::string& demand_no,
                                      RecordInterview cmd);

}  // namespace istihdam
