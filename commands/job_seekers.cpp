#include "commands/job_seekers.h"

#include "commands/labor_demands.h"

namespace istihdam {

JobSeeker LoadJobSeeker(Services& s, const std::string& individual_id) {
  JobSeeker p;
  p.individual_id = individual_id;
  // Ids are digits (IdAllocator); anything else names nobody, and never a stream.
  if (individual_id.empty() || individual_id.find_first_not_of("0123456789") != std::string::npos) return p;
  const auto user = s.users.Load("user-" + individual_id).state;
  if (!user.exists) return p;
  p.birth_date = user.birth_date;
  const auto resume = s.resumes.Load(ResumeStream(individual_id)).state;
  p.has_resume = resume.exists;
  p.resume = resume.resume;
  return p;
}

namespace {

Outcome CandidateAnswer(const std::string& candidate_id, const std::string& demand_no, std::uint64_t version) {
  return Outcome{{{"id", candidate_id}, {"demandNo", demand_no}, {"version", version}}};
}

// The demand's candidate commands answer with the candidate the event is about.
template <class Decide>
Result<Outcome> OnDemand(Services& s, const CommandEnv& env, const char* command, const std::string& demand_no,
                         Decide decide) {
  return DecideOnDemand(s, env, command, demand_no, decide, [demand_no](const auto& e, std::uint64_t v) {
    return CandidateAnswer(e.candidate_id, demand_no, v);
  });
}

}  // namespace

Result<Outcome> HandleSaveResume(Services& s, const CommandEnv& env, std::optional<std::uint64_t> if_match,
                                 SaveResume cmd) {
  const std::string stream = ResumeStream(cmd.individual_id);
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "SaveResume", [&]() -> Result<Decision> {
    const auto resume = s.resumes.Load(stream);
    auto ev = DecideSaveResume(resume.state, cmd, s.ref);
    if (!ev.ok()) return ev.error();
    if (if_match && *if_match != resume.version) return Error::Of(errc::kVersionMismatch);
    Decision d;
    const auto expected = resume.version == 0 ? ExpectedVersion::NoStream() : ExpectedVersion::Exactly(resume.version);
    if (*ev) AddEvent(d.append, stream, expected, **ev);
    d.reply = [id = cmd.individual_id, v = resume.version](const AppendResult& r) {
      return Outcome{{{"id", id}, {"version", r.stream_versions.empty() ? v : r.stream_versions.front()}}};
    };
    return d;
  });
}

Result<Outcome> HandleApplyToJobPosting(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        const std::string& individual_id) {
  const std::string today = s.Today();
  return OnDemand(s, env, "ApplyToJobPosting", demand_no, [&](const LaborDemandState& d) {
    return DecideApply(d, LoadJobSeeker(s, individual_id), today);
  });
}

Result<Outcome> HandleSelectCandidates(Services& s, const CommandEnv& env, const std::string& demand_no,
                                       const std::string& employer_id, const std::vector<std::string>& job_seeker_ids) {
  const std::string today = s.Today();
  // More than the limit is refused by its count alone: nobody is loaded.
  const bool load = job_seeker_ids.size() <= kMaxSelectedAtOnce;
  const auto decide = [&](const LaborDemandState& d) {
    std::vector<JobSeeker> people;
    for (const auto& id : job_seeker_ids) {
      JobSeeker unloaded;
      unloaded.individual_id = id;
      people.push_back(load ? LoadJobSeeker(s, id) : unloaded);
    }
    return DecideSelect(d, employer_id, people, today);
  };
  return DecideOnDemand(s, env, "SelectCandidates", demand_no, decide,
                        [demand_no](const events::CandidatesSelected& e, std::uint64_t v) {
                          boost::json::array ids;
                          for (const auto& c : e.candidates) ids.push_back(boost::json::string(c.candidate_id));
                          return Outcome{{{"id", demand_no}, {"candidateIds", ids}, {"version", v}}};
                        });
}

Result<Outcome> HandleReferCandidate(Services& s, const CommandEnv& env, const std::string& demand_no,
                                     const std::string& staff_id, const std::string& staff_province,
                                     const std::string& job_seeker_id) {
  const std::string today = s.Today();
  return OnDemand(s, env, "ReferCandidate", demand_no, [&](const LaborDemandState& d) {
    return DecideRefer(d, staff_id, staff_province, LoadJobSeeker(s, job_seeker_id), today);
  });
}

Result<Outcome> HandleInviteCandidate(Services& s, const CommandEnv& env, const std::string& demand_no,
                                      InviteCandidate cmd) {
  cmd.now = s.clock->Now();
  cmd.today = s.Today();
  return OnDemand(s, env, "InviteCandidate", demand_no,
                  [&](const LaborDemandState& d) { return DecideInvite(d, cmd); });
}

Result<Outcome> HandleRecordInterview(Services& s, const CommandEnv& env, const std::string& demand_no,
                                      RecordInterview cmd) {
  cmd.today = s.Today();
  return OnDemand(s, env, "RecordCandidateInterview", demand_no,
                  [&](const LaborDemandState& d) { return DecideRecordInterview(d, cmd); });
}

}  // namespace istihdam
