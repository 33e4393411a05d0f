#pragma once
// Candidates of a labor demand (api/jobs.md "Job seekers", "Matching and candidates";
// DOMAIN.md §2.1.1.2, OP-9): applying to a posting, the employer's selection from the
// matches, the agency's referral, invitations and interview results. They live on the
// demand's stream, so a candidate and the demand's state change one at a time: an
// application racing with the close is decided against one of the two versions. Pure.
#include <string>
#include <vector>

#include "aggregates/job_seeker.h"
#include "aggregates/labor_demand.h"

namespace istihdam {

// "2026-0000001-3": the demand and the candidate's place in its list.
std::string CandidateId(const std::string& demand_no, std::size_t place);

inline constexpr std::size_t kMaxSelectedAtOnce = 100;
inline constexpr std::size_t kMaxInterviewAddressChars = 500;
inline constexpr std::size_t kMaxInterviewNoteChars = 1000;

// ApplyToJobPosting. Refusals, the first failing wins: job_posting_not_found (unknown,
// deleted, unpublished), posting_closed (closed, cancelled, the last application date before
// `today`), already_applied (a candidate of any origin), profile_inactive (no résumé or not
// active), not_eligible (with every unmet criterion as of the last application date).
Result<events::JobApplicationSubmitted> DecideApply(const LaborDemandState& d, const JobSeeker& person,
                                                    const std::string& today);

// SelectCandidates: `people` in the order chosen (1 to kMaxSelectedAtOnce, distinct). All or
// nothing. Errors: labor_demand_not_found, demand_not_active, validation_failed (jobSeekerIds
// required/too_many/duplicate), already_candidate, then not_matching (not listed by the
// matches now), each naming the job seekers.
Result<events::CandidatesSelected> DecideSelect(const LaborDemandState& d, const std::string& employer_id,
                                                const std::vector<JobSeeker>& people, const std::string& today);

// ReferCandidate by a unit user of the work address's province (`staff_province`).
// Errors: labor_demand_not_found (deleted, or another province), demand_not_active,
// already_candidate, profile_inactive, not_eligible.
Result<events::CandidateReferred> DecideRefer(const LaborDemandState& d, const std::string& staff_id,
                                              const std::string& staff_province, const JobSeeker& person,
                                              const std::string& today);

struct InviteCandidate {
  std::string employer_id;
  std::string candidate_id;
  std::string interview_date;  // RFC 3339
  std::string interview_address;
  std::optional<std::string> note;
  Micros now = 0;
  std::string today = {};
};
// Errors: labor_demand_not_found, candidate_not_found, demand_not_active, validation_failed
// (interviewDate required/invalid_format/in_past, interviewAddress required/too_long, note
// too_long), interview_already_recorded.
Result<events::CandidateInvited> DecideInvite(const LaborDemandState& d, const InviteCandidate& c);

struct RecordInterview {
  std::string employer_id;
  std::string candidate_id;
  std::string result;
  std::optional<std::string> note;
  std::string today = {};
};
// Errors: labor_demand_not_found, candidate_not_found, demand_not_active, validation_failed
// (result required/unknown_value, note too_long), candidate_not_invited.
Result<events::CandidateInterviewRecorded> DecideRecordInterview(const LaborDemandState& d,
                                                                 const RecordInterview& c);

}  // namespace istihdam
