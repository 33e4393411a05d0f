#pragma once
// Labor demands — "İşgücü İstemi İşlemleri" (api/jobs.md "Labor demands", DOMAIN.md
// §2.1.1.2–2.1.1.3): bodies, queries and answers of the API.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/job_codes.h"
#include "aggregates/labor_demand.h"
#include "aggregates/validation.h"
#include "http/wire.h"
#include "infra/clock.h"
#include "projections/labor_demands.h"

namespace istihdam::http::contract::labor_demands {

using wire::F;

// A job code set's name as a wire list (its codes are the schema's enum).
inline const char* Codes(std::string_view set) { return set.data(); }

struct WorkAddress {
  std::string province, district, address;
  template <class A>
  void serialize(A& ar) {
    ar(F("province", province).requiredByCommand().from(wire::lists::kProvinces).describe("plate code"),
       F("district", district).requiredByCommand().describe("a district of that province"),
       F("address", address).text().maxLength(kMaxAddressChars));
  }
};

struct Education {
  std::optional<std::string> min_level, field_of_study;
  template <class A>
  void serialize(A& ar) {
    ar(F("minLevel", min_level).nullable().from(Codes(job_codes::kEducationLevel)).describe("null: no requirement"),
       F("fieldOfStudy", field_of_study).nullable().describe("at most 200 characters"));
  }
};

struct Language {
  std::string language, min_level;
  template <class A>
  void serialize(A& ar) {
    ar(F("language", language).requiredByCommand().from(Codes(job_codes::kLanguage)).describe("ISO 639-1"),
       F("minLevel", min_level).requiredByCommand().from(Codes(job_codes::kLevel)).describe("CEFR"));
  }
};

struct InterviewAddress {
  std::string address, contact_person, phone;
  template <class A>
  void serialize(A& ar) {
    ar(F("address", address).text(), F("contactPerson", contact_person), F("phone", phone));
  }
};

struct Wage {
  std::optional<std::int64_t> min_monthly, max_monthly;
  template <class A>
  void serialize(A& ar) {
    ar(F("minMonthly", min_monthly).nullable().range(0, kMaxMonthlyWage).describe("gross, Turkish lira"),
       F("maxMonthly", max_monthly).nullable().range(0, kMaxMonthlyWage).describe("gross, Turkish lira"));
  }
};

// The wizard document: the quick form's fields and the further wizard sections. POST takes
// it with workplaceId; PUT takes the whole document again (GET's, with changes: workplaceId
// and the computed fields are ignored).
struct DemandDraft {
  std::string workplace_id, occupation, position;
  std::int64_t requested_count = 0;
  WorkAddress work_address;
  std::string last_application_date, working_pattern, workplace_type, work_location = "indoor", target_group = "none";
  std::vector<std::string> personal_status;
  std::optional<std::string> business_area;
  std::string description;
  bool publish = true;
  std::int64_t experience_months = 0;
  Education education;
  std::optional<std::int64_t> min_age, max_age;
  std::vector<std::string> driving_licences;
  std::vector<Language> foreign_languages;
  std::optional<std::string> military_requirement, exam_requirement, shifts;
  std::vector<std::string> benefits;
  Wage wage;
  std::optional<InterviewAddress> interview_address;

  template <class A>
  void serialize(A& ar) {
    ar(F("workplaceId", workplace_id).describe("POST: required, one of the employer's workplaces; PUT: ignored"),
       F("occupation", occupation).requiredByCommand().describe("ISCO-08 4-digit code of the occupation dictionary"),
       F("position", position).requiredByCommand().describe("1-200 characters"),
       F("requestedCount", requested_count).requiredByCommand().range(1, kMaxHeadcount),
       F("workAddress", work_address).requiredByCommand(),
       F("lastApplicationDate", last_application_date).requiredByCommand().formatted("date").describe("today or later"),
       F("workingPattern", working_pattern).requiredByCommand().from(Codes(job_codes::kWorkingPattern)),
       F("workplaceType", workplace_type).from(Codes(job_codes::kWorkplaceType)).describe("default: the employer's sector"),
       F("workLocation", work_location).from(Codes(job_codes::kWorkLocation)).describe("default indoor"),
       F("targetGroup", target_group).from(Codes(job_codes::kTargetGroup)).describe("default none; another value is also listed in personalStatus"),
       F("personalStatus", personal_status).from(Codes(job_codes::kPersonalStatus)),
       F("businessArea", business_area).nullable().describe("free text, at most 200 characters"),
       F("description", description).text().requiredByCommand().describe("at most 4000 characters"),
       F("publish", publish).describe("default true: listed among the open job postings"),
       F("experienceMonths", experience_months).range(0, kMaxExperienceMonths),
       F("education", education), F("minAge", min_age).nullable().range(kMinWorkingAge, kMaxWorkingAge),
       F("maxAge", max_age).nullable().range(kMinWorkingAge, kMaxWorkingAge).describe("at least minAge"),
       F("drivingLicences", driving_licences).from(Codes(job_codes::kDrivingLicences)),
       F("foreignLanguages", foreign_languages),
       F("militaryRequirement", military_requirement).nullable().from(Codes(job_codes::kMilitaryStatus)),
       F("examRequirement", exam_requirement).nullable().describe("a required exam or certificate"),
       F("benefits", benefits).describe("Olanaklar: at most 20 items of at most 200 characters"),
       F("shifts", shifts).nullable(), F("wage", wage), F("interviewAddress", interview_address).nullable());
  }

  events::LaborDemandDraft ToDraft() const {
    events::LaborDemandDraft d;
    d.occupation = occupation;
    d.position = position;
    d.requested_count = requested_count;
    d.work_address = {work_address.province, work_address.district, work_address.address};
    d.last_application_date = last_application_date;
    d.working_pattern = working_pattern;
    d.workplace_type = workplace_type;
    d.work_location = work_location;
    d.target_group = target_group;
    d.personal_status = personal_status;
    d.business_area = business_area;
    d.description = description;
    d.publish = publish;
    d.experience_months = experience_months;
    d.education = {education.min_level.value_or(""), education.field_of_study};
    d.min_age = min_age;
    d.max_age = max_age;
    d.driving_licences = driving_licences;
    for (const auto& l : foreign_languages) d.foreign_languages.push_back({l.language, l.min_level});
    d.military_requirement = military_requirement;
    d.exam_requirement = exam_requirement;
    d.benefits = benefits;
    d.shifts = shifts;
    d.wage = {wage.min_monthly, wage.max_monthly};
    if (interview_address) {
      d.interview_address = events::InterviewAddress{interview_address->address, interview_address->contact_person,
                                                     interview_address->phone};
    }
    return d;
  }
  CreateLaborDemand ToCreate(const std::string& employer_id) const {
    CreateLaborDemand c;
    c.employer_id = employer_id;
    c.created_via = "quick";
    c.workplace_id = workplace_id;
    c.draft = ToDraft();
    return c;
  }
  UpdateLaborDemand ToUpdate(const std::string& employer_id) const {
    UpdateLaborDemand c;
    c.employer_id = employer_id;
    c.draft = ToDraft();
    return c;
  }
};

// 201 of POST: M1 in the caller's language.
struct DemandCreated {
  std::string id, demand_no;
  std::uint64_t version = 0, position = 0;
  std::string message;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).describe("the demand number"), F("demandNo", demand_no), F("version", version),
       F("position", position).required(), F("message", message).describe("M1: Kayıt başarıyla oluşturulmuştur"));
  }
};

// What PUT, close, cancel and delete answer.
struct DemandSaved {
  std::string id, demand_no, status;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("demandNo", demand_no),
       F("status", status).oneOf({"active", "closed", "cancelled", "deleted"}), F("version", version),
       F("position", position).required());
  }
};

struct CandidateCounts {
  std::int64_t selected = 0, applied = 0, referred = 0, invited = 0, interviewed = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("selected", selected), F("applied", applied), F("referred", referred), F("invited", invited),
       F("interviewed", interviewed));
  }
};

// GET …/{demandNo}: the document and what the server knows about it.
struct DemandDocument {
  std::string demand_no, status, workplace_title, created_at;
  std::optional<std::string> close_date, close_reason, close_note, cancel_reason;
  std::optional<std::int64_t> hired_count;
  CandidateCounts candidate_counts;
  std::vector<std::string> available_actions;
  std::uint64_t version = 0;
  DemandDraft draft;
  template <class A>
  void serialize(A& ar) {
    draft.serialize(ar);
    ar(F("demandNo", demand_no), F("status", status).from(Codes(job_codes::kDemandStatus)),
       F("workplaceTitle", workplace_title), F("createdAt", created_at).formatted("date-time"),
       F("closeDate", close_date).nullable().formatted("date"),
       F("closeReason", close_reason).nullable().from(Codes(job_codes::kCloseReason)),
       F("hiredCount", hired_count).nullable(), F("closeNote", close_note).nullable(),
       F("cancelReason", cancel_reason).nullable(),
       F("candidateCounts", candidate_counts), F("availableActions", available_actions), F("version", version));
  }
};

struct DemandRow {
  std::string demand_no, workplace_id, workplace_title, occupation, occupation_name, position;
  std::int64_t requested_count = 0;
  std::string province, district, last_application_date, status, target_group;
  std::optional<std::string> target_group_icon;
  std::int64_t candidate_count = 0;
  std::string created_at;
  std::vector<std::string> available_actions;
  template <class A>
  void serialize(A& ar) {
    ar(F("demandNo", demand_no), F("workplaceId", workplace_id), F("workplaceTitle", workplace_title),
       F("occupation", occupation), F("occupationName", occupation_name), F("position", position),
       F("requestedCount", requested_count), F("province", province), F("district", district),
       F("lastApplicationDate", last_application_date).formatted("date"),
       F("status", status).from(Codes(job_codes::kDemandStatus)),
       F("targetGroup", target_group).from(Codes(job_codes::kTargetGroup)),
       F("targetGroupIcon", target_group_icon).nullable().describe("null, or the target group the listing icon shows"),
       F("candidateCount", candidate_count), F("createdAt", created_at).formatted("date-time"),
       F("availableActions", available_actions));
  }
};

// SearchMyLaborDemands ("Ara"): own demands, newest first, 15 per page.
struct DemandQuery : wire::Paging {
  std::string demand_no, occupation, status, workplace_id, position;
  std::string created_from, created_to, deadline_from, deadline_to;
  template <class A>
  void serialize(A& ar) {
    ar(F("demandNo", demand_no), F("occupation", occupation).describe("a code; its sub-codes match too"),
       F("status", status).from(Codes(job_codes::kDemandStatus)), F("workplaceId", workplace_id),
       F("position", position).describe("Turkish-folded substring"),
       F("createdFrom", created_from).formatted("date"), F("createdTo", created_to).formatted("date"),
       F("lastApplicationDateFrom", deadline_from).formatted("date"),
       F("lastApplicationDateTo", deadline_to).formatted("date"));
    Paging::serialize(ar);
  }
  // Malformed dates are 400 invalid_parameter; an unknown status 422 unknown_value.
  Result<LaborDemandCriteria> ToCriteria() const {
    std::vector<FieldError> bad;
    for (const auto& [name, value] : {std::pair{"createdFrom", &created_from}, std::pair{"createdTo", &created_to},
                                      std::pair{"lastApplicationDateFrom", &deadline_from},
                                      std::pair{"lastApplicationDateTo", &deadline_to}}) {
      std::int64_t days = 0;
      if (!value->empty() && !ParseDate(*value, &days)) bad.push_back({name, "invalid_format"});
    }
    if (!bad.empty()) return Error{errc::kInvalidParameter, std::move(bad), {}};
    if (!status.empty() && !job_codes::Has(job_codes::kDemandStatus, status)) {
      return Error::Validation({{"status", "unknown_value"}});
    }
    return LaborDemandCriteria{demand_no,    occupation, status,        workplace_id, position,
                               created_from, created_to, deadline_from, deadline_to};
  }
};

struct CloseBody {
  std::string close_date, close_reason;
  std::int64_t hired_count = 0;
  std::optional<std::string> note;
  template <class A>
  void serialize(A& ar) {
    ar(F("closeDate", close_date).formatted("date").describe("default today; not in the future, not before creation"),
       F("closeReason", close_reason).requiredByCommand().from(Codes(job_codes::kCloseReason)),
       F("hiredCount", hired_count).range(0, kMaxHeadcount), F("note", note).nullable().text());
  }
  CloseLaborDemand ToCommand(const std::string& employer_id) const {
    return CloseLaborDemand{employer_id, "", close_date, close_reason, hired_count, note};
  }
};

struct CancelBody {
  std::string cancel_reason;
  template <class A>
  void serialize(A& ar) {
    ar(F("cancelReason", cancel_reason).requiredByCommand().text().describe("1-500 characters"));
  }
};

}  // namespace istihdam::http::contract::labor_demands
