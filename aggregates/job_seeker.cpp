#include "aggregates/job_seeker.h"

#include <algorithm>
#include <set>

#include "aggregates/job_codes.h"
#include "aggregates/validation.h"
#include "infra/clock.h"

namespace istihdam {

std::string ResumeStream(const std::string& individual_id) { return "resume-" + individual_id; }

ResumeState Apply(ResumeState s, const events::ResumeEvent& e) {
  const auto& saved = std::get<events::ResumeSaved>(e);
  s.exists = true;
  s.individual_id = saved.individual_id;
  s.resume = saved.resume;
  return s;
}

Result<std::optional<events::ResumeSaved>> DecideSaveResume(const ResumeState& s, const SaveResume& c,
                                                           const ReferenceData& ref) {
  const events::Resume& r = c.resume;
  Validator v;
  if (r.occupations.empty()) v.Fail("occupations", "required");
  if (r.occupations.size() > kMaxResumeOccupations) v.Fail("occupations", "too_many");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < r.occupations.size(); ++i) {
    const std::string f = "occupations[" + std::to_string(i) + "]";
    const Occupation* o = ref.FindOccupation(r.occupations[i]);
    if (o == nullptr || o->level != 4) {
      v.Fail(f, "unknown_value");
    } else if (!seen.insert(r.occupations[i]).second) {
      v.Fail(f, "duplicate");
    }
  }
  job_codes::Check(v, "educationLevel", r.education_level, job_codes::kEducationLevel, true);
  if (r.field_of_study) v.MaxChars("fieldOfStudy", *r.field_of_study, kMaxFieldOfStudyChars);
  if (r.languages.size() > kMaxResumeLanguages) v.Fail("languages", "too_many");
  seen.clear();
  for (std::size_t i = 0; i < r.languages.size(); ++i) {
    const std::string f = "languages[" + std::to_string(i) + "].";
    if (!job_codes::Has(job_codes::kLanguage, r.languages[i].language)) {
      v.Fail(f + "language", "unknown_value");
    } else if (!seen.insert(r.languages[i].language).second) {
      v.Fail(f + "language", "duplicate");
    }
    job_codes::Check(v, f + "level", r.languages[i].level, job_codes::kLevel, true);
  }
  job_codes::CheckList(v, "drivingLicences", r.driving_licences, job_codes::kDrivingLicences);
  job_codes::Check(v, "militaryStatus", r.military_status, job_codes::kMilitaryStatus, true);
  job_codes::CheckList(v, "personalStatuses", r.personal_statuses, job_codes::kPersonalStatus);
  if (v.Required("province", r.province)) {
    if (ref.FindProvince(r.province) == nullptr) {
      v.Fail("province", "unknown_value");
    } else if (v.Required("district", r.district) && !ref.HasDistrict(r.province, r.district)) {
      v.Fail("district", "unknown_value");
    }
  } else {
    v.Required("district", r.district);
  }
  if (r.experience_months < 0) {
    v.Fail("experienceMonths", "negative");
  } else {
    v.AtMost("experienceMonths", r.experience_months, kMaxResumeExperienceMonths);
  }
  if (!v.ok()) return v.ToError();
  if (s.exists && s.resume == r) return std::optional<events::ResumeSaved>{};
  return std::optional<events::ResumeSaved>{events::ResumeSaved{c.individual_id, r}};
}

std::optional<std::int64_t> AgeOn(const std::string& birth_date, const std::string& on) {
  std::int64_t b = 0, d = 0;
  if (!ParseDate(birth_date, &b) || !ParseDate(on, &d)) return std::nullopt;
  const int by = std::stoi(birth_date.substr(0, 4)), bm = std::stoi(birth_date.substr(5, 2)),
            bd = std::stoi(birth_date.substr(8, 2));
  const int y = std::stoi(on.substr(0, 4)), m = std::stoi(on.substr(5, 2)), dd = std::stoi(on.substr(8, 2));
  std::int64_t age = y - by;
  // Before this year's birthday: one year less. 29 February in a common year is passed on
  // 1 March, which (m, dd) >= (2, 29) already says, as (3, 1) > (2, 29).
  if (m < bm || (m == bm && dd < bd)) --age;
  return age;
}

namespace {

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

bool Has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

const events::ResumeLanguage* Speaks(const events::Resume& r, const std::string& language) {
  for (const auto& l : r.languages) {
    if (l.language == language) return &l;
  }
  return nullptr;
}

}  // namespace

std::vector<Reason> Ineligibility(const events::LaborDemandDraft& d, const JobSeeker& p) {
  std::vector<Reason> out;
  const std::string& as_of = d.last_application_date;
  const events::Resume& r = p.resume;
  if (d.min_age || d.max_age) {
    const auto age = AgeOn(p.birth_date, as_of);
    if (!age) {
      out.push_back({"birth_date_unknown", d.min_age ? "minAge" : "maxAge", "", "", as_of});
    } else {
      if (d.min_age && *age < *d.min_age) {
        out.push_back({"age_out_of_range", "minAge", std::to_string(*d.min_age), std::to_string(*age), as_of});
      }
      if (d.max_age && *age > *d.max_age) {
        out.push_back({"age_out_of_range", "maxAge", std::to_string(*d.max_age), std::to_string(*age), as_of});
      }
    }
  }
  if (!d.education.min_level.empty()) {
    const auto need = job_codes::Rank(job_codes::kEducationLevel, d.education.min_level);
    const auto have = job_codes::Rank(job_codes::kEducationLevel, r.education_level);
    if (!have || (need && *have < *need)) {
      out.push_back({"education_too_low", "education", d.education.min_level, r.education_level, as_of});
    }
  }
  for (const auto& licence : d.driving_licences) {
    if (!Has(r.driving_licences, licence)) {
      out.push_back({"driving_licence_missing", "drivingLicences", licence, Joined(r.driving_licences), as_of});
    }
  }
  for (const auto& need : d.foreign_languages) {
    const auto* have = Speaks(r, need.language);
    const auto need_level = job_codes::Rank(job_codes::kLevel, need.min_level);
    const auto have_level = have ? job_codes::Rank(job_codes::kLevel, have->level) : std::nullopt;
    if (!have_level || (need_level && *have_level < *need_level)) {
      out.push_back({"language_missing", "foreignLanguages", need.language + " " + need.min_level,
                     have ? have->language + " " + have->level : "", as_of});
    }
  }
  if (!d.target_group.empty() && d.target_group != "none" && !Has(r.personal_statuses, d.target_group)) {
    out.push_back({"target_group_mismatch", "targetGroup", d.target_group, Joined(r.personal_statuses), as_of});
  }
  return out;
}

std::optional<Match> MatchJobSeeker(const events::LaborDemandDraft& d, const JobSeeker& p) {
  if (!p.Active() || !Has(p.resume.occupations, d.occupation)) return std::nullopt;
  if (!Ineligibility(d, p).empty()) return std::nullopt;
  // Weights (api/jobs.md leaves the score to the team; docs/job-seekers.md): the main
  // occupation counts more than a further one, each criterion the demand sets 10, living in
  // the work address's province 20 and in its district 10 more.
  Match m;
  m.matched_criteria.push_back("occupation");
  m.score = p.resume.occupations.front() == d.occupation ? 40 : 30;
  const auto met = [&m](const char* criterion) {
    m.matched_criteria.push_back(criterion);
    m.score += 10;
  };
  if (d.min_age || d.max_age) met("age");
  if (!d.education.min_level.empty()) met("education");
  if (!d.driving_licences.empty()) met("drivingLicences");
  if (!d.foreign_languages.empty()) met("foreignLanguages");
  if (!d.target_group.empty() && d.target_group != "none") met("targetGroup");
  if (p.resume.province == d.work_address.province) {
    m.matched_criteria.push_back("province");
    m.score += 20;
    if (p.resume.district == d.work_address.district) {
      m.matched_criteria.push_back("district");
      m.score += 10;
    }
  }
  m.age = AgeOn(p.birth_date, d.last_application_date);
  return m;
}

}  // namespace istihdam
