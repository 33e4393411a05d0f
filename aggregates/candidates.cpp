#include "aggregates/candidates.h"

#include <set>

#include "aggregates/job_codes.h"
#include "aggregates/validation.h"
#include "infra/clock.h"

namespace istihdam {

std::string CandidateId(const std::string& demand_no, std::size_t place) {
  return demand_no + "-" + std::to_string(place);
}

namespace {

bool Owned(const LaborDemandState& d, const std::string& employer_id) {
  return d.exists && !d.deleted && d.employer_id == employer_id;
}

Error NotEligible(std::vector<Reason> reasons) {
  Error e = Error::Of(errc::kNotEligible);
  e.reasons = std::move(reasons);
  return e;
}

Error Naming(const char* code, std::vector<std::string> ids) {
  Error e = Error::Of(code);
  e.job_seeker_ids = std::move(ids);
  return e;
}

// The candidate `c` names on an owned, active demand: candidate_not_found first, then
// demand_not_active.
Result<const Candidate*> OwnedCandidate(const LaborDemandState& d, const std::string& employer_id,
                                        const std::string& candidate_id) {
  if (!Owned(d, employer_id)) return Error::Of(errc::kLaborDemandNotFound);
  const Candidate* c = d.FindCandidate(candidate_id);
  if (c == nullptr) return Error::Of(errc::kCandidateNotFound);
  if (d.status != "active") return Error::Of(errc::kDemandNotActive);
  return c;
}

}  // namespace

Result<events::JobApplicationSubmitted> DecideApply(const LaborDemandState& d, const JobSeeker& person,
                                                    const std::string& today) {
  if (!d.exists || d.deleted || !d.draft.publish) return Error::Of(errc::kJobPostingNotFound);
  if (d.status != "active" || d.draft.last_application_date < today) return Error::Of(errc::kPostingClosed);
  if (d.CandidateOf(person.individual_id) != nullptr) return Error::Of(errc::kAlreadyApplied);
  if (!person.Active()) return Error::Of(errc::kProfileInactive);
  if (auto reasons = Ineligibility(d.draft, person); !reasons.empty()) return NotEligible(std::move(reasons));
  return events::JobApplicationSubmitted{d.demand_no, CandidateId(d.demand_no, d.candidate_list.size() + 1),
                                         person.individual_id, today};
}

Result<events::CandidatesSelected> DecideSelect(const LaborDemandState& d, const std::string& employer_id,
                                                const std::vector<JobSeeker>& people, const std::string& today) {
  if (!Owned(d, employer_id)) return Error::Of(errc::kLaborDemandNotFound);
  if (d.status != "active") return Error::Of(errc::kDemandNotActive);
  Validator v;
  if (people.empty()) v.Fail("jobSeekerIds", "required");
  if (people.size() > kMaxSelectedAtOnce) v.Fail("jobSeekerIds", "too_many");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (!seen.insert(people[i].individual_id).second) v.Fail("jobSeekerIds[" + std::to_string(i) + "]", "duplicate");
  }
  if (!v.ok()) return v.ToError();
  std::vector<std::string> already, not_matching;
  for (const auto& p : people) {
    if (d.CandidateOf(p.individual_id) != nullptr) {
      already.push_back(p.individual_id);
    } else if (!MatchJobSeeker(d.draft, p)) {
      not_matching.push_back(p.individual_id);
    }
  }
  if (!already.empty()) return Naming(errc::kAlreadyCandidate, std::move(already));
  if (!not_matching.empty()) return Naming(errc::kNotMatching, std::move(not_matching));
  events::CandidatesSelected e{d.demand_no, {}, today};
  std::size_t place = d.candidate_list.size();
  for (const auto& p : people) e.candidates.push_back({CandidateId(d.demand_no, ++place), p.individual_id});
  return e;
}

Result<events::CandidateReferred> DecideRefer(const LaborDemandState& d, const std::string& staff_id,
                                              const std::string& staff_province, const JobSeeker& person,
                                              const std::string& today) {
  if (!d.exists || d.deleted || d.draft.work_address.province != staff_province) {
    return Error::Of(errc::kLaborDemandNotFound);
  }
  if (d.status != "active") return Error::Of(errc::kDemandNotActive);
  if (d.CandidateOf(person.individual_id) != nullptr) return Naming(errc::kAlreadyCandidate, {person.individual_id});
  if (!person.Active()) return Error::Of(errc::kProfileInactive);
  if (auto reasons = Ineligibility(d.draft, person); !reasons.empty()) return NotEligible(std::move(reasons));
  return events::CandidateReferred{d.demand_no, CandidateId(d.demand_no, d.candidate_list.size() + 1),
                                   person.individual_id, today, staff_id};
}

Result<events::CandidateInvited> DecideInvite(const LaborDemandState& d, const InviteCandidate& c) {
  auto candidate = OwnedCandidate(d, c.employer_id, c.candidate_id);
  if (!candidate.ok()) return candidate.error();
  Validator v;
  if (v.Required("interviewDate", c.interview_date)) {
    const auto at = ParseDateTime(c.interview_date);
    if (!at) {
      v.Fail("interviewDate", "invalid_format");
    } else if (*at < c.now) {
      v.Fail("interviewDate", "in_past");
    }
  }
  if (v.Required("interviewAddress", c.interview_address)) {
    v.MaxChars("interviewAddress", c.interview_address, kMaxInterviewAddressChars);
  }
  if (c.note) v.MaxChars("note", *c.note, kMaxInterviewNoteChars);
  if (!v.ok()) return v.ToError();
  if ((*candidate)->state == "interviewed") return Error::Of(errc::kInterviewAlreadyRecorded);
  return events::CandidateInvited{d.demand_no, c.candidate_id, c.interview_date, c.interview_address, c.note, c.today};
}

Result<events::CandidateInterviewRecorded> DecideRecordInterview(const LaborDemandState& d,
                                                                 const RecordInterview& c) {
  auto candidate = OwnedCandidate(d, c.employer_id, c.candidate_id);
  if (!candidate.ok()) return candidate.error();
  Validator v;
  job_codes::Check(v, "result", c.result, job_codes::kInterviewResult, true);
  if (c.note) v.MaxChars("note", *c.note, kMaxInterviewNoteChars);
  if (!v.ok()) return v.ToError();
  const std::string& state = (*candidate)->state;
  if (state != "invited" && state != "interviewed") return Error::Of(errc::kCandidateNotInvited);
  return events::CandidateInterviewRecorded{d.demand_no, c.candidate_id, c.result, c.note, c.today};
}

}  // namespace istihdam
