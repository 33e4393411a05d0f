#pragma once
// The job seeker: an individual user's résumé (stream "resume-<individualId>") and the rules
// that decide whether a person fits a labor demand (api/jobs.md "Job seekers", "Matching and
// candidates"). Pure: the birth date and today come in as arguments.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "events/job_seekers.h"
#include "events/labor_demands.h"
#include "infra/reference_data.h"
#include "infra/result.h"

namespace istihdam {

std::string ResumeStream(const std::string& individual_id);

struct ResumeState {
  bool exists = false;
  std::string individual_id;
  events::Resume resume;
};

ResumeState Apply(ResumeState s, const events::ResumeEvent& e);

// Limits of the résumé (docs/job-seekers.md).
inline constexpr std::size_t kMaxResumeOccupations = 10;
inline constexpr std::size_t kMaxResumeLanguages = 10;
inline constexpr std::size_t kMaxFieldOfStudyChars = 200;
inline constexpr std::int64_t kMaxResumeExperienceMonths = 960;  // 80 years

struct SaveResume {
  std::string individual_id;
  events::Resume resume;
};

// Errors: validation_failed (every failing field: required, unknown_value, duplicate,
// too_many, negative, out_of_range, too_long). An unchanged résumé yields no event.
Result<std::optional<events::ResumeSaved>> DecideSaveResume(const ResumeState& s, const SaveResume& c,
                                                           const ReferenceData& ref);

// Full years completed on `on` (YYYY-MM-DD); a 29 February birthday counts on 1 March in
// common years. nullopt when either date is malformed.
std::optional<std::int64_t> AgeOn(const std::string& birth_date, const std::string& on);

// A person as the demand's rules see them.
struct JobSeeker {
  std::string individual_id;
  std::string birth_date;  // "" = unknown
  bool has_resume = false;
  events::Resume resume;
  // Whether matching and applications consider the person at all.
  bool Active() const { return has_resume && resume.active_profile; }
};

// Every criterion the demand sets that the person does not meet, as of the demand's last
// application date, in a fixed order: age, education, driving licences, languages,
// target group. Empty = eligible. The occupation is not a criterion.
std::vector<Reason> Ineligibility(const events::LaborDemandDraft& demand, const JobSeeker& person);

// A job seeker as "Eleman Seç" lists them: the criteria met (occupation always, then each the
// demand sets, then province and district when the résumé's equal the work address) and a
// score that ranks them.
struct Match {
  std::vector<std::string> matched_criteria;
  std::int64_t score = 0;
  std::optional<std::int64_t> age;  // at the last application date
};

// The match of an active, eligible person whose résumé lists the demand's occupation;
// nullopt otherwise.
std::optional<Match> MatchJobSeeker(const events::LaborDemandDraft& demand, const JobSeeker& person);
// The same decision and score without the criteria's names: what ranking a whole occupation
// calls per person (it builds no string).
std::optional<std::int64_t> MatchScore(const events::LaborDemandDraft& demand, const JobSeeker& person);

}  // namespace istihdam
