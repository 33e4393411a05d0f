#include "aggregates/labor_demand.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "aggregates/job_codes.h"
#include "aggregates/validation.h"
#include "infra/clock.h"
#include "infra/error_codes.h"

namespace istihdam {

std::string LaborDemandStream(const std::string& demand_no) { return "labor-demand-" + demand_no; }

std::string DemandNoPrefix(const std::string& year) { return LaborDemandStream(year + "-"); }

std::string FormatDemandNo(const std::string& year, std::uint64_t sequence) {
  char seq[24];
  std::snprintf(seq, sizeof seq, "%07llu", static_cast<unsigned long long>(sequence));
  return year + "-" + seq;
}

namespace {

void AddCandidate(LaborDemandState& s, const std::string& id, const std::string& job_seeker, const char* origin,
                  const std::string& on) {
  s.candidate_list.push_back(Candidate{id, job_seeker, origin, origin, on, "", "", "", std::nullopt});
  auto& n = std::string_view(origin) == "selected" ? s.candidates.selected
            : std::string_view(origin) == "applied" ? s.candidates.applied
                                                     : s.candidates.referred;
  ++n;
}

Candidate* Mutable(LaborDemandState& s, const std::string& candidate_id) {
  for (auto& c : s.candidate_list) {
    if (c.candidate_id == candidate_id) return &c;
  }
  return nullptr;
}

}  // namespace

const Candidate* LaborDemandState::FindCandidate(const std::string& candidate_id) const {
  for (const auto& c : candidate_list) {
    if (c.candidate_id == candidate_id) return &c;
  }
  return nullptr;
}

const Candidate* LaborDemandState::CandidateOf(const std::string& job_seeker_id) const {
  for (const auto& c : candidate_list) {
    if (c.job_seeker_id == job_seeker_id) return &c;
  }
  return nullptr;
}

LaborDemandState Apply(LaborDemandState s, const events::LaborDemandEvent& e) {
  std::visit(
      [&s](const auto& ev) {
        using E = std::decay_t<decltype(ev)>;
        if constexpr (std::is_same_v<E, events::LaborDemandCreated>) {
          s.exists = true;
          s.demand_no = ev.demand_no;
          s.employer_id = ev.employer_id;
          s.workplace_id = ev.workplace_id;
          s.workplace_title = ev.workplace_title;
          s.created_on = ev.created_on;
          s.status = "active";
          s.draft = ev.draft;
        } else if constexpr (std::is_same_v<E, events::LaborDemandUpdated>) {
          s.draft = ev.draft;
        } else if constexpr (std::is_same_v<E, events::LaborDemandClosed>) {
          s.status = "closed";
          s.close_date = ev.close_date;
          s.close_reason = ev.close_reason;
          s.hired_count = ev.hired_count;
          s.close_note = ev.note;
        } else if constexpr (std::is_same_v<E, events::LaborDemandCancelled>) {
          s.status = "cancelled";
          s.cancel_reason = ev.cancel_reason;
        } else if constexpr (std::is_same_v<E, events::LaborDemandDeleted>) {
          s.deleted = true;
        } else if constexpr (std::is_same_v<E, events::CandidatesSelected>) {
          for (const auto& c : ev.candidates) AddCandidate(s, c.candidate_id, c.job_seeker_id, "selected", ev.selected_on);
        } else if constexpr (std::is_same_v<E, events::JobApplicationSubmitted>) {
          AddCandidate(s, ev.candidate_id, ev.job_seeker_id, "applied", ev.applied_on);
        } else if constexpr (std::is_same_v<E, events::CandidateReferred>) {
          AddCandidate(s, ev.candidate_id, ev.job_seeker_id, "referred", ev.referred_on);
        } else if constexpr (std::is_same_v<E, events::CandidateInvited>) {
          if (auto* c = Mutable(s, ev.candidate_id)) {
            if (c->state != "invited") ++s.candidates.invited;
            c->state = "invited";
            c->interview_date = ev.interview_date;
            c->interview_address = ev.interview_address;
          }
        } else if constexpr (std::is_same_v<E, events::CandidateInterviewRecorded>) {
          if (auto* c = Mutable(s, ev.candidate_id)) {
            if (c->state != "interviewed") ++s.candidates.interviewed;
            c->state = "interviewed";
            c->interview_result = ev.result;
            c->interview_note = ev.note;
          }
        }
      },
      e);
  return s;
}

std::vector<std::string> AvailableActions(const std::string& status, bool has_candidates) {
  if (status != "active") return {"view", "viewCandidates"};
  return {"view", "update", "selectCandidates", "viewCandidates", "close", has_candidates ? "cancel" : "delete"};
}

std::string TargetGroupIcon(const std::string& target_group) {
  return target_group == "none" ? "" : target_group;
}

namespace {

bool Visible(const LaborDemandState& s, const std::string& employer_id) {
  return s.exists && !s.deleted && s.employer_id == employer_id;
}

void OptionalText(Validator& v, const std::string& field, const std::optional<std::string>& value, std::size_t max) {
  if (value) v.MaxChars(field, *value, max);
}

// The draft's rules (api/jobs.md "Labor demands"), every failing field at once. `deadline_fixed`:
// the stored last application date, which an update may keep even when it has passed.
void CheckDraft(Validator& v, const events::LaborDemandDraft& d, const std::string& today,
                const std::string& deadline_fixed, const ReferenceData& ref) {
  if (v.Required("occupation", d.occupation)) {
    const Occupation* o = ref.FindOccupation(d.occupation);
    if (o == nullptr || o->level != 4) v.Fail("occupation", "unknown_value");
  }
  if (v.Required("position", d.position)) v.MaxChars("position", d.position, kMaxPositionChars);
  if (d.requested_count < 1) {
    v.Fail("requestedCount", "too_small");
  } else {
    v.AtMost("requestedCount", d.requested_count, kMaxHeadcount);
  }
  if (v.Required("workAddress.province", d.work_address.province)) {
    if (ref.FindProvince(d.work_address.province) == nullptr) {
      v.Fail("workAddress.province", "unknown_value");
    } else if (v.Required("workAddress.district", d.work_address.district) &&
               !ref.HasDistrict(d.work_address.province, d.work_address.district)) {
      v.Fail("workAddress.district", "unknown_value");
    }
  } else {
    v.Required("workAddress.district", d.work_address.district);
  }
  v.MaxChars("workAddress.address", d.work_address.address, kMaxAddressChars);
  std::int64_t deadline = 0, now = 0;
  if (v.Required("lastApplicationDate", d.last_application_date)) {
    if (!ParseDate(d.last_application_date, &deadline) || !ParseDate(today, &now)) {
      v.Fail("lastApplicationDate", "invalid_format");
    } else if (d.last_application_date != deadline_fixed) {
      if (deadline < now) v.Fail("lastApplicationDate", "in_past");
      if (deadline > now + kMaxDaysToDeadline) v.Fail("lastApplicationDate", "out_of_range");
    }
  }
  job_codes::Check(v, "workingPattern", d.working_pattern, job_codes::kWorkingPattern, true);
  job_codes::Check(v, "workplaceType", d.workplace_type, job_codes::kWorkplaceType, true);
  job_codes::Check(v, "workLocation", d.work_location, job_codes::kWorkLocation, true);
  job_codes::Check(v, "targetGroup", d.target_group, job_codes::kTargetGroup, true);
  job_codes::CheckList(v, "personalStatus", d.personal_status, job_codes::kPersonalStatus);
  OptionalText(v, "businessArea", d.business_area, kMaxShortTextChars);
  if (v.Required("description", d.description)) v.MaxChars("description", d.description, kMaxDescriptionChars);
  if (d.experience_months < 0) {
    v.Fail("experienceMonths", "negative");
  } else {
    v.AtMost("experienceMonths", d.experience_months, kMaxExperienceMonths);
  }
  job_codes::Check(v, "education.minLevel", d.education.min_level, job_codes::kEducationLevel, false);
  OptionalText(v, "education.fieldOfStudy", d.education.field_of_study, kMaxShortTextChars);
  const auto age = [&](const char* field, const std::optional<std::int64_t>& a) {
    if (a && (*a < kMinWorkingAge || *a > kMaxWorkingAge)) v.Fail(field, "out_of_range");
  };
  age("minAge", d.min_age);
  age("maxAge", d.max_age);
  if (d.min_age && d.max_age && *d.min_age > *d.max_age) v.Fail("maxAge", "out_of_range");
  job_codes::CheckList(v, "drivingLicences", d.driving_licences, job_codes::kDrivingLicences);
  std::set<std::string> languages;
  for (std::size_t i = 0; i < d.foreign_languages.size(); ++i) {
    const auto& l = d.foreign_languages[i];
    const std::string f = "foreignLanguages[" + std::to_string(i) + "].";
    if (!job_codes::Has(job_codes::kLanguage, l.language)) {
      v.Fail(f + "language", "unknown_value");
    } else if (!languages.insert(l.language).second) {
      v.Fail(f + "language", "duplicate");
    }
    job_codes::Check(v, f + "minLevel", l.min_level, job_codes::kLevel, true);
  }
  if (d.military_requirement) {
    job_codes::Check(v, "militaryRequirement", *d.military_requirement, job_codes::kMilitaryStatus, true);
  }
  OptionalText(v, "examRequirement", d.exam_requirement, kMaxAddressChars);
  if (d.benefits.size() > kMaxBenefits) v.Fail("benefits", "too_many");
  for (std::size_t i = 0; i < d.benefits.size() && i < kMaxBenefits; ++i) {
    const std::string f = "benefits[" + std::to_string(i) + "]";
    if (v.Required(f, d.benefits[i])) v.MaxChars(f, d.benefits[i], kMaxShortTextChars);
  }
  OptionalText(v, "shifts", d.shifts, kMaxAddressChars);
  const auto wage = [&](const char* field, const std::optional<std::int64_t>& w) {
    if (!w) return true;
    if (*w < 0) {
      v.Fail(field, "negative");
      return false;
    }
    return v.AtMost(field, *w, kMaxMonthlyWage);
  };
  if (wage("wage.minMonthly", d.wage.min_monthly) && wage("wage.maxMonthly", d.wage.max_monthly) &&
      d.wage.min_monthly && d.wage.max_monthly && *d.wage.min_monthly > *d.wage.max_monthly) {
    v.Fail("wage.maxMonthly", "out_of_range");
  }
  if (d.interview_address) {
    v.MaxChars("interviewAddress.address", d.interview_address->address, kMaxAddressChars);
    v.MaxChars("interviewAddress.contactPerson", d.interview_address->contact_person, kMaxShortTextChars);
    v.Phone("interviewAddress.phone", d.interview_address->phone);
  }
}

// Defaults the contract gives and the target group listed among the personal statuses.
events::LaborDemandDraft Normalized(events::LaborDemandDraft d, const std::string& employer_sector) {
  if (d.workplace_type.empty()) d.workplace_type = employer_sector;
  if (!d.target_group.empty() && d.target_group != "none" &&
      std::find(d.personal_status.begin(), d.personal_status.end(), d.target_group) == d.personal_status.end() &&
      job_codes::Has(job_codes::kPersonalStatus, d.target_group)) {
    d.personal_status.push_back(d.target_group);
  }
  return d;
}

// The wizard pages whose fields differ (DOMAIN.md §2.1.1.2 "Data sections").
std::vector<std::string> ChangedSections(const events::LaborDemandDraft& a, const events::LaborDemandDraft& b) {
  std::vector<std::string> out;
  const auto add = [&](bool changed, const char* name) {
    if (changed) out.emplace_back(name);
  };
  add(a.occupation != b.occupation || a.position != b.position || a.business_area != b.business_area ||
          a.requested_count != b.requested_count || a.experience_months != b.experience_months ||
          a.description != b.description,
      "occupationalRequirements");
  add(a.target_group != b.target_group || a.personal_status != b.personal_status, "personalStatus");
  add(a.working_pattern != b.working_pattern || a.work_location != b.work_location ||
          a.workplace_type != b.workplace_type || a.shifts != b.shifts || a.wage != b.wage,
      "workingConditions");
  add(a.education != b.education, "education");
  add(a.min_age != b.min_age || a.max_age != b.max_age, "physicalAndAge");
  add(a.foreign_languages != b.foreign_languages, "foreignLanguages");
  add(a.exam_requirement != b.exam_requirement, "examRequirement");
  add(a.driving_licences != b.driving_licences, "drivingLicence");
  add(a.military_requirement != b.military_requirement, "militaryService");
  add(a.work_address != b.work_address, "workAddress");
  add(a.benefits != b.benefits, "benefits");
  add(a.interview_address != b.interview_address, "interviewAddress");
  add(a.last_application_date != b.last_application_date || a.publish != b.publish, "demandAttributes");
  return out;
}

}  // namespace

Result<events::LaborDemandCreated> DecideCreateLaborDemand(const CreateLaborDemand& c, const ReferenceData& ref) {
  Validator v;
  if (v.Required("workplaceId", c.workplace_id) &&
      (!c.workplace.exists || c.workplace.employer_id != c.employer_id)) {
    v.Fail("workplaceId", "unknown_workplace");
  }
  auto draft = Normalized(c.draft, c.employer_sector);
  CheckDraft(v, draft, c.today, "", ref);
  if (!v.ok()) return v.ToError();
  return events::LaborDemandCreated{c.demand_no,         c.employer_id,  c.workplace_id, c.workplace.title,
                                    c.created_via,       c.today,        std::move(draft)};
}

Result<std::vector<events::LaborDemandEvent>> DecideUpdateLaborDemand(const LaborDemandState& s,
                                                                       const UpdateLaborDemand& c,
                                                                       const ReferenceData& ref) {
  if (!Visible(s, c.employer_id)) return Error::Of(errc::kLaborDemandNotFound);
  if (s.status != "active") return Error::Of(errc::kDemandNotActive);
  Validator v;
  auto draft = Normalized(c.draft, c.employer_sector);
  CheckDraft(v, draft, c.today, s.draft.last_application_date, ref);
  if (!v.ok()) return v.ToError();
  auto changed = ChangedSections(s.draft, draft);
  if (changed.empty()) return std::vector<events::LaborDemandEvent>{};
  return std::vector<events::LaborDemandEvent>{
      events::LaborDemandUpdated{s.demand_no, std::move(draft), std::move(changed)}};
}

Result<events::LaborDemandClosed> DecideCloseLaborDemand(const LaborDemandState& s, const CloseLaborDemand& c) {
  if (!Visible(s, c.employer_id)) return Error::Of(errc::kLaborDemandNotFound);
  if (s.status != "active") return Error::Of(errc::kDemandNotActive);
  Validator v;
  const std::string date = c.close_date.empty() ? c.today : c.close_date;
  std::int64_t day = 0;
  if (!ParseDate(date, &day)) {
    v.Fail("closeDate", "invalid_format");
  } else if (date > c.today) {
    v.Fail("closeDate", "in_future");
  } else if (date < s.created_on) {
    v.Fail("closeDate", "before_creation");
  }
  job_codes::Check(v, "closeReason", c.close_reason, job_codes::kCloseReason, true);
  if (c.hired_count < 0) {
    v.Fail("hiredCount", "negative");
  } else {
    v.AtMost("hiredCount", c.hired_count, kMaxHeadcount);
  }
  OptionalText(v, "note", c.note, kMaxNoteChars);
  if (!v.ok()) return v.ToError();
  return events::LaborDemandClosed{s.demand_no, date, c.close_reason, c.hired_count, c.note};
}

Result<events::LaborDemandCancelled> DecideCancelLaborDemand(const LaborDemandState& s, const CancelLaborDemand& c) {
  if (!Visible(s, c.employer_id)) return Error::Of(errc::kLaborDemandNotFound);
  if (s.status != "active") return Error::Of(errc::kDemandNotActive);
  if (!s.HasCandidates()) return Error::Of(errc::kNotCancellable);
  Validator v;
  if (v.Required("cancelReason", c.cancel_reason)) v.MaxChars("cancelReason", c.cancel_reason, kMaxCancelReasonChars);
  if (!v.ok()) return v.ToError();
  return events::LaborDemandCancelled{s.demand_no, c.cancel_reason};
}

Result<events::LaborDemandDeleted> DecideDeleteLaborDemand(const LaborDemandState& s, const std::string& employer_id) {
  if (!Visible(s, employer_id)) return Error::Of(errc::kLaborDemandNotFound);
  if (s.status != "active") return Error::Of(errc::kDemandNotActive);
  if (s.HasCandidates()) return Error::Of(errc::kNotDeletable);
  return events::LaborDemandDeleted{s.demand_no};
}

}  // namespace istihdam
