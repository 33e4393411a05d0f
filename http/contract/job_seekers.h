#pragma once
// Job seekers and candidates (api/jobs.md "Job seekers", "Matching and candidates"): bodies,
// queries and answers of the API.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/candidates.h"
#include "aggregates/job_codes.h"
#include "http/wire.h"
#include "infra/reference_data.h"
#include "projections/job_seekers.h"

namespace istihdam::http::contract::job_seekers {

using wire::F;

inline const char* Codes(std::string_view set) { return set.data(); }

struct Language {
  std::string language, level;
  template <class A>
  void serialize(A& ar) {
    ar(F("language", language).requiredByCommand().from(Codes(job_codes::kLanguage)).describe("ISO 639-1"),
       F("level", level).requiredByCommand().from(Codes(job_codes::kLevel)).describe("CEFR"));
  }
};

// PUT /me/resume: the whole résumé.
struct ResumeBody {
  std::vector<std::string> occupations;
  std::string education_level;
  std::optional<std::string> field_of_study;
  std::vector<Language> languages;
  std::vector<std::string> driving_licences;
  std::string military_status;
  std::vector<std::string> personal_statuses;
  std::string province, district;
  std::int64_t experience_months = 0;
  bool active_profile = true;

  template <class A>
  void serialize(A& ar) {
    ar(F("occupations", occupations).requiredByCommand().describe(
           "1-10 ISCO-08 4-digit codes of the occupation dictionary; the first is the main one"),
       F("educationLevel", education_level).requiredByCommand().from(Codes(job_codes::kEducationLevel)),
       F("fieldOfStudy", field_of_study).nullable().describe("at most 200 characters"),
       F("languages", languages).describe("at most 10, each language once"),
       F("drivingLicences", driving_licences).from(Codes(job_codes::kDrivingLicences)),
       F("militaryStatus", military_status).requiredByCommand().from(Codes(job_codes::kMilitaryStatus)),
       F("personalStatuses", personal_statuses).from(Codes(job_codes::kPersonalStatus)),
       F("province", province).requiredByCommand().from(wire::lists::kProvinces).describe("plate code"),
       F("district", district).requiredByCommand().describe("a district of that province"),
       F("experienceMonths", experience_months).range(0, kMaxResumeExperienceMonths),
       F("activeProfile", active_profile).describe(
           "Profil Bilgisi: default true; only an active profile is matched and may apply"));
  }

  events::Resume ToResume() const {
    events::Resume r{occupations, education_level, field_of_study, {}, driving_licences, military_status,
                     personal_statuses, province, district, experience_months, active_profile};
    for (const auto& l : languages) r.languages.push_back({l.language, l.level});
    return r;
  }
};

struct ResumeSaved {
  std::string id;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).describe("the individual's id"), F("version", version), F("position", position).required());
  }
};

// GET /me/resume: the résumé and, read-only, who it belongs to.
struct ResumeDocument {
  ResumeBody resume;
  std::string individual_id, first_name, last_name, birth_date;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    resume.serialize(ar);
    ar(F("individualId", individual_id), F("firstName", first_name), F("lastName", last_name),
       F("birthDate", birth_date).formatted("date").describe("from the registration, read-only"),
       F("version", version));
  }
};

// POST …/applications takes an empty object.
struct ApplicationBody {
  template <class A>
  void serialize(A& ar) {
    ar();
  }
};

struct CandidateSaved {
  std::string id, demand_no;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).describe("the candidate's id"), F("demandNo", demand_no), F("version", version),
       F("position", position).required());
  }
};

struct MatchQuery : wire::Paging {
  std::string province, district, education_level;
  template <class A>
  void serialize(A& ar) {
    ar(F("province", province).from(wire::lists::kProvinces).describe("only job seekers living there"),
       F("district", district).describe("only job seekers living there"),
       F("educationLevel", education_level).from(Codes(job_codes::kEducationLevel)).describe("at least this level"));
    Paging::serialize(ar);
  }
  // Unknown codes are 422 naming the parameter.
  Result<MatchFilters> ToFilters(const ReferenceData& ref) const {
    std::vector<FieldError> bad;
    if (!province.empty() && ref.FindProvince(province) == nullptr) bad.push_back({"province", "unknown_value"});
    if (!education_level.empty() && !job_codes::Has(job_codes::kEducationLevel, education_level)) {
      bad.push_back({"educationLevel", "unknown_value"});
    }
    if (!bad.empty()) return Error::Validation(std::move(bad));
    return MatchFilters{province, district, education_level};
  }
};

struct MatchRow {
  std::string job_seeker_id, first_name, last_name;
  std::optional<std::int64_t> age;
  std::string province, district, education_level;
  std::vector<std::string> occupations, matched_criteria;
  std::int64_t score = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("jobSeekerId", job_seeker_id).describe("the individual's id"), F("firstName", first_name),
       F("lastName", last_name), F("age", age).nullable().describe("full years at the last application date"),
       F("province", province), F("district", district),
       F("educationLevel", education_level).from(Codes(job_codes::kEducationLevel)), F("occupations", occupations),
       F("matchedCriteria", matched_criteria).describe(
           "occupation, then each criterion the demand sets (age, education, drivingLicences, foreignLanguages, "
           "targetGroup), then province and district when the résumé's equal the work address"),
       F("score", score).describe("ranks the list: 40 (main occupation) or 30, 10 per criterion, 20 province, "
                                  "10 district"));
  }
};

struct SelectBody {
  std::vector<std::string> job_seeker_ids;
  template <class A>
  void serialize(A& ar) {
    ar(F("jobSeekerIds", job_seeker_ids).requiredByCommand().describe("1-100 job seekers listed by the matches"));
  }
};

struct CandidatesSelected {
  std::string id;
  std::vector<std::string> candidate_ids;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).describe("the demand number"),
       F("candidateIds", candidate_ids).describe("in the order of jobSeekerIds"), F("version", version),
       F("position", position).required());
  }
};

struct InvitationBody {
  std::string interview_date, interview_address;
  std::optional<std::string> note;
  template <class A>
  void serialize(A& ar) {
    ar(F("interviewDate", interview_date).requiredByCommand().formatted("date-time").describe(
           "RFC 3339 with a zone, not in the past"),
       F("interviewAddress", interview_address).requiredByCommand().text().describe("at most 500 characters"),
       F("note", note).nullable().text().describe("at most 1000 characters"));
  }
};

struct InterviewBody {
  std::string result;
  std::optional<std::string> note;
  template <class A>
  void serialize(A& ar) {
    ar(F("result", result).requiredByCommand().from(Codes(job_codes::kInterviewResult)),
       F("note", note).nullable().text().describe("at most 1000 characters"));
  }
};

struct ReferralBody {
  std::string job_seeker_id;
  template <class A>
  void serialize(A& ar) {
    ar(F("jobSeekerId", job_seeker_id).requiredByCommand());
  }
};

}  // namespace istihdam::http::contract::job_seekers
