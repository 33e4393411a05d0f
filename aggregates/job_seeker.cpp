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

namespace {

// "YYYY-MM-DD" into its parts, a real date only; no allocation (matching calls it per row).
bool ParseYmd(std::string_view s, int* y, int* m, int* d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const auto num = [&s](std::size_t at, std::size_t n, int* out) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d) || *m < 1 || *m > 12 || *d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
  return *d <= kDays[*m - 1] + (*m == 2 && leap ? 1 : 0);
}

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

bool SetsAge(const events::LaborDemandDraft& d) { return d.min_age || d.max_age; }
bool SetsTargetGroup(const events::LaborDemandDraft& d) { return !d.target_group.empty() && d.target_group != "none"; }

// The one statement of the criteria (api/jobs.md "Eligible"), in the order reasons are listed.
// For each unmet criterion calls fail(code, criterion, required, actual) where required and
// actual are callables giving the texts, so that a yes/no check builds no string; fail
// returns whether to go on.
template <class Fail>
void WalkCriteria(const events::LaborDemandDraft& d, const JobSeeker& p, Fail&& fail) {
  const events::Resume& r = p.resume;
  const auto text = [](std::string v) { return [v = std::move(v)] { return v; }; };
  if (SetsAge(d)) {
    const auto age = AgeOn(p.birth_date, d.last_application_date);
    if (!age) {
      if (!fail("birth_date_unknown", d.min_age ? "minAge" : "maxAge", text(""), text(""))) return;
    } else {
      const auto number = [](std::int64_t v) { return [v] { return std::to_string(v); }; };
      if (d.min_age && *age < *d.min_age && !fail("age_out_of_range", "minAge", number(*d.min_age), number(*age))) {
        return;
      }
      if (d.max_age && *age > *d.max_age && !fail("age_out_of_range", "maxAge", number(*d.max_age), number(*age))) {
        return;
      }
    }
  }
  if (!d.education.min_level.empty()) {
    const auto need = job_codes::Rank(job_codes::kEducationLevel, d.education.min_level);
    const auto have = job_codes::Rank(job_codes::kEducationLevel, r.education_level);
    if ((!have || (need && *have < *need)) &&
        !fail("education_too_low", "education", [&] { return d.education.min_level; },
              [&] { return r.education_level; })) {
      return;
    }
  }
  for (const auto& licence : d.driving_licences) {
    if (!Has(r.driving_licences, licence) &&
        !fail("driving_licence_missing", "drivingLicences", [&] { return licence; },
              [&] { return Joined(r.driving_licences); })) {
      return;
    }
  }
  for (const auto& need : d.foreign_languages) {
    const auto* have = Speaks(r, need.language);
    const auto need_level = job_codes::Rank(job_codes::kLevel, need.min_level);
    const auto have_level = have ? job_codes::Rank(job_codes::kLevel, have->level) : std::nullopt;
    if ((!have_level || (need_level && *have_level < *need_level)) &&
        !fail("language_missing", "foreignLanguages", [&] { return need.language + " " + need.min_level; },
              [&] { return have ? have->language + " " + have->level : std::string(); })) {
      return;
    }
  }
  if (SetsTargetGroup(d) && !Has(r.personal_statuses, d.target_group)) {
    fail("target_group_mismatch", "targetGroup", [&] { return d.target_group; },
         [&] { return Joined(r.personal_statuses); });
  }
}

bool Eligible(const events::LaborDemandDraft& d, const JobSeeker& p) {
  bool ok = true;
  WalkCriteria(d, p, [&ok](const char*, const char*, const auto&, const auto&) { return ok = false; });
  return ok;
}

// The score of a person who matches (api/jobs.md leaves it to the team; docs/job-seekers.md):
// the main occupation counts more than a further one, each criterion the demand sets 10,
// living in the work address's province 20 and in its district 10 more. met(name) is called
// for each criterion met, in the order of matchedCriteria.
template <class Met>
std::int64_t Score(const events::LaborDemandDraft& d, const JobSeeker& p, Met&& met) {
  std::int64_t score = p.resume.occupations.front() == d.occupation ? 40 : 30;
  met("occupation");
  const auto criterion = [&](bool sets, const char* name) {
    if (!sets) return;
    met(name);
    score += 10;
  };
  criterion(SetsAge(d), "age");
  criterion(!d.education.min_level.empty(), "education");
  criterion(!d.driving_licences.empty(), "drivingLicences");
  criterion(!d.foreign_languages.empty(), "foreignLanguages");
  criterion(SetsTargetGroup(d), "targetGroup");
  if (p.resume.province == d.work_address.province) {
    met("province");
    score += 20;
    if (p.resume.district == d.work_address.district) {
      met("district");
      score += 10;
    }
  }
  return score;
}

bool Considered(const events::LaborDemandDraft& d, const JobSeeker& p) {
  return p.Active() && Has(p.resume.occupations, d.occupation) && Eligible(d, p);
}

}  // namespace

std::optional<std::int64_t> AgeOn(const std::string& birth_date, const std::string& on) {
  int by = 0, bm = 0, bd = 0, y = 0, m = 0, dd = 0;
  if (!ParseYmd(birth_date, &by, &bm, &bd) || !ParseYmd(on, &y, &m, &dd)) return std::nullopt;
  std::int64_t age = y - by;
  // Before this year's birthday: one year less. 29 February in a common year is passed on
  // 1 March, which (m, dd) >= (2, 29) already says, as (3, 1) > (2, 29).
  if (m < bm || (m == bm && dd < bd)) --age;
  return age;
}

std::vector<Reason> Ineligibility(const events::LaborDemandDraft& d, const JobSeeker& p) {
  std::vector<Reason> out;
  WalkCriteria(d, p, [&](const char* code, const char* criterion, const auto& required, const auto& actual) {
    out.push_back({code, criterion, required(), actual(), d.last_application_date});
    return true;
  });
  return out;
}

std::optional<std::int64_t> MatchScore(const events::LaborDemandDraft& d, const JobSeeker& p) {
  if (!Considered(d, p)) return std::nullopt;
  return Score(d, p, [](const char*) {});
}

std::optional<Match> MatchJobSeeker(const events::LaborDemandDraft& d, const JobSeeker& p) {
  if (!Considered(d, p)) return std::nullopt;
  Match m;
  m.score = Score(d, p, [&m](const char* name) { m.matched_criteria.emplace_back(name); });
  m.age = AgeOn(p.birth_date, d.last_application_date);
  return m;
}

}  // namespace istihdam
