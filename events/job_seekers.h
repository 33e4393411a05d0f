#pragma once
// Events of a job seeker's résumé ("Özgeçmiş"; stream "resume-<individualId>"). api/jobs.md
// "Job seekers". The résumé is saved whole: every event carries the whole document.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

// A language the person speaks: ISO 639-1 code and a CEFR level (job_codes).
struct ResumeLanguage {
  std::string language;
  std::string level;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("language", language), F("level", level));
  }
  bool operator==(const ResumeLanguage&) const = default;
};

// The résumé fields that matching and applications read. Personal statuses (disability,
// conviction) are special categories of personal data, and the place is where the person
// lives: both are marked.
struct Resume {
  std::vector<std::string> occupations;  // ISCO-08 4-digit codes, the first is the main one
  std::string education_level;           // job_codes educationLevel
  std::optional<std::string> field_of_study;
  std::vector<ResumeLanguage> languages;
  std::vector<std::string> driving_licences;
  std::string military_status;
  std::vector<std::string> personal_statuses;
  std::string province;  // plate code
  std::string district;
  std::int64_t experience_months = 0;
  bool active_profile = true;  // "Profil Bilgisi": only an active profile is matched or may apply
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("occupations", occupations), F("educationLevel", education_level), F("fieldOfStudy", field_of_study),
       F("languages", languages), F("drivingLicences", driving_licences), F("militaryStatus", military_status),
       PII("*personalStatuses", personal_statuses), PII("*province", province), PII("*district", district),
       F("experienceMonths", experience_months), F("activeProfile", active_profile));
  }
  bool operator==(const Resume&) const = default;
};

// SaveResume: created or replaced whole.
struct ResumeSaved {
  static constexpr const char* kType = "ResumeSaved";
  std::string individual_id;
  Resume resume;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("individualId", individual_id), F("resume", resume));
  }
};

using ResumeEvent = std::variant<ResumeSaved>;

}  // namespace istihdam::events
