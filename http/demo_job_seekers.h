#pragma once
// Demo job seekers (`istihdam demo --job-seekers N [--bulk]`, and a few thousand with
// `serve --demo`): individuals with Turkish names, birth dates and résumés, then applications
// to the demo postings and the employers' invitations and interview results. Deterministic
// for a seed. The person generator is shared by the command path and the bulk loader, so both
// write the same kind of people.
#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "aggregates/job_seeker.h"
#include "aggregates/user_account.h"
#include "commands/services.h"

namespace istihdam::http {

// http/demo_postings.cpp: the ISCO-08 codes the demo postings use, and the provinces with
// their population weights (the same draw for postings and people).
std::vector<std::string> DemoPostingOccupations();
void DemoProvinceWeights(const ReferenceData& ref, std::vector<std::string>* codes, std::vector<double>* weights);

// Draws demo people. `ref` must outlive the generator. Not thread-safe.
class DemoPeople {
 public:
  DemoPeople(const ReferenceData& ref, std::uint64_t seed, std::string today);

  // The registration of person number `n` (its TCKN is made from `n`, which the caller keeps
  // unique) and their résumé. user_id and today are left to the caller.
  struct Person {
    RegisterIndividual registration;
    events::Resume resume;
  };
  Person Next(std::uint64_t n);

 private:
  const ReferenceData& ref_;
  std::mt19937_64 rng_;
  std::string today_;
  std::vector<std::string> posting_occupations_, all_occupations_, provinces_;
  std::discrete_distribution<std::size_t> by_population_;
};

// The first TCKN number `DemoPeople::Next` is given for a run: distinct per store position and
// seed, so a second run on the same store mostly finds free numbers (a taken one is skipped).
std::uint64_t DemoPersonBase(std::uint64_t last_position, std::uint64_t seed);

struct DemoJobSeekerCounts {
  std::size_t registered = 0;
  std::size_t already_registered = 0;  // TCKN taken (a rerun on the same store): skipped
  std::size_t resumes = 0;
  std::size_t applications = 0;
  std::map<std::string, std::size_t> refused;  // application refusals by problem code
  std::size_t invitations = 0;
  std::size_t interviews = 0;
  std::string example_tckn;  // the first person's TCKN, when registered (for the log: a login to try)
};

inline std::size_t RefusedCount(const DemoJobSeekerCounts& c) {
  std::size_t n = 0;
  for (const auto& [code, count] : c.refused) n += count;
  return n;
}

// Registers `n` job seekers through the command path (HandleRegisterIndividual, then
// HandleSaveResume), then lets some of them apply to the open demo postings found in the log
// (HandleApplyToJobPosting: refusals are counted, not errors) and lets each posting's employer
// invite some applicants and record some interview results. Passwords are "Demo1234!" hashed
// at the "min" cost (the password is public anyway; the interactive cost would make a few
// thousand people take minutes). Call before the server serves: it changes
// s.password_cost for its duration. `progress` (nullable) sees (done, total) people.
Result<DemoJobSeekerCounts> SeedDemoJobSeekers(Services& s, const CommandEnv& env, std::size_t n, std::uint64_t seed,
                                               const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});

// Bulk load for an offline data directory (docs/demo-job-seekers.md "Bulk load"): the events the
// command path writes for a registration and a résumé (UserAccountRegistered,
// IdentifierReserved on the TCKN's reservation stream, ResumeSaved), decided by the same
// deciders and appended to the event store `batch` people per atomic append. No credentials
// are written: these people cannot log in. Returns the people written; a taken TCKN is
// skipped.
Result<std::size_t> BulkLoadJobSeekers(Services& s, const CommandEnv& env, std::size_t n, std::uint64_t seed,
                                       std::size_t batch,
                                       const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});

}  // namespace istihdam::http
