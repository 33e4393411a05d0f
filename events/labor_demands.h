#pragma once
// Events of a labor demand (stream "labor-demand-<demandNo>"). DOMAIN.md §2.1.1.2–2.1.1.3,
// api/jobs.md "Labor demands". The draft is the wizard's whole document: every event that
// changes it carries it whole, so a reader never merges partial sections.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

// "Çalışma Adresi". The address is where the person works: personal data of nobody, but it
// may name a home for domestic work, so it is marked.
struct WorkAddress {
  std::string province;  // plate code
  std::string district;
  std::string address;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("province", province), F("district", district), PII("*address", address));
  }
  bool operator==(const WorkAddress&) const = default;
};

// "Öğrenim Durumu": the minimum level (job_codes educationLevel) and an optional field.
struct EducationRequirement {
  std::string min_level;  // "" = no requirement
  std::optional<std::string> field_of_study;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("minLevel", min_level), F("fieldOfStudy", field_of_study));
  }
  bool operator==(const EducationRequirement&) const = default;
};

// "Yabancı Dil": ISO 639-1 language and a CEFR minimum level.
struct LanguageRequirement {
  std::string language;
  std::string min_level;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("language", language), F("minLevel", min_level));
  }
  bool operator==(const LanguageRequirement&) const = default;
};

// "Görüşme Adresi": where interviews take place and whom to ask for.
struct InterviewAddress {
  std::string address;
  std::string contact_person;
  std::string phone;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("address", address), PII("*contactPerson", contact_person), PII("*phone", phone));
  }
  bool operator==(const InterviewAddress&) const = default;
};

// "Çalışma Şartları" wage information: a monthly gross range in Turkish lira, either bound
// optional.
struct WageRange {
  std::optional<std::int64_t> min_monthly;
  std::optional<std::int64_t> max_monthly;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("minMonthly", min_monthly), F("maxMonthly", max_monthly));
  }
  bool operator==(const WageRange&) const = default;
};

// The wizard document (quick form fields plus the further sections of the wizard).
struct LaborDemandDraft {
  std::string occupation;  // ISCO-08 4-digit code
  std::string position;
  std::int64_t requested_count = 0;
  WorkAddress work_address;
  std::string last_application_date;  // YYYY-MM-DD
  std::string working_pattern;
  std::string workplace_type;
  std::string work_location;
  std::string target_group;
  std::vector<std::string> personal_status;
  std::optional<std::string> business_area;
  std::string description;
  bool publish = true;
  std::int64_t experience_months = 0;
  EducationRequirement education;
  std::optional<std::int64_t> min_age;
  std::optional<std::int64_t> max_age;
  std::vector<std::string> driving_licences;
  std::vector<LanguageRequirement> foreign_languages;
  // Wizard sections beyond the quick form ("left to the team" in api/jobs.md).
  std::optional<std::string> military_requirement;  // a militaryStatus code the person must have
  std::optional<std::string> exam_requirement;      // a required exam or certificate, free text
  std::vector<std::string> benefits;                // "Olanaklar", free text items
  std::optional<std::string> shifts;                // free text
  WageRange wage;
  std::optional<InterviewAddress> interview_address;

  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("occupation", occupation), F("position", position), F("requestedCount", requested_count),
       F("workAddress", work_address), F("lastApplicationDate", last_application_date),
       F("workingPattern", working_pattern), F("workplaceType", workplace_type),
       F("workLocation", work_location), F("targetGroup", target_group), F("personalStatus", personal_status),
       F("businessArea", business_area), F("description", description), F("publish", publish),
       F("experienceMonths", experience_months), F("education", education), F("minAge", min_age),
       F("maxAge", max_age), F("drivingLicences", driving_licences), F("foreignLanguages", foreign_languages),
       F("militaryRequirement", military_requirement), F("examRequirement", exam_requirement),
       F("benefits", benefits), F("shifts", shifts), F("wage", wage), F("interviewAddress", interview_address));
  }
  bool operator==(const LaborDemandDraft&) const = default;
};

// LD-1 (quick form) or the detailed wizard. The workplace's title is copied in: it comes from
// official records and never changes, and listings show it.
struct LaborDemandCreated {
  static constexpr const char* kType = "LaborDemandCreated";
  std::string demand_no;
  std::string employer_id;
  std::string workplace_id;
  std::string workplace_title;
  std::string created_via;  // quick | wizard
  std::string created_on;   // local date, YYYY-MM-DD
  LaborDemandDraft draft;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("demandNo", demand_no), F("employerId", employer_id), F("workplaceId", workplace_id),
       F("workplaceTitle", workplace_title), F("createdVia", created_via), F("createdOn", created_on),
       F("draft", draft));
  }
};

// UpdateLaborDemand: the whole draft after the change, and which sections changed.
struct LaborDemandUpdated {
  static constexpr const char* kType = "LaborDemandUpdated";
  std::string demand_no;
  LaborDemandDraft draft;
  std::vector<std::string> changed_sections;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("demandNo", demand_no), F("draft", draft), F("changedSections", changed_sections));
  }
};

struct LaborDemandClosed {
  static constexpr const char* kType = "LaborDemandClosed";
  std::string demand_no;
  std::string close_date;  // YYYY-MM-DD
  std::string close_reason;
  std::int64_t hired_count = 0;
  std::optional<std::string> note;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("demandNo", demand_no), F("closeDate", close_date), F("closeReason", close_reason),
       F("hiredCount", hired_count), F("note", note));
  }
};

struct LaborDemandCancelled {
  static constexpr const char* kType = "LaborDemandCancelled";
  std::string demand_no;
  std::string cancel_reason;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("demandNo", demand_no), F("cancelReason", cancel_reason));
  }
};

// Logical delete: the history stays, the demand leaves every list and reads as not found.
struct LaborDemandDeleted {
  static constexpr const char* kType = "LaborDemandDeleted";
  std::string demand_no;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("demandNo", demand_no));
  }
};

// A job seeker the employer chose from the matches ("Eleman Seç"): one candidate each.
struct SelectedCandidate {
  std::string candidate_id;
  std::string job_seeker_id;  // the individual's id
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("candidateId", candidate_id), F("jobSeekerId", job_seeker_id));
  }
  bool operator==(const SelectedCandidate&) const = default;
};

// SelectCandidates: every chosen job seeker at once (all or nothing).
struct CandidatesSelected {
  static constexpr const char* kType = "CandidatesSelected";
  std::string demand_no;
  std::vector<SelectedCandidate> candidates;
  std::string selected_on;  // local date
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("demandNo", demand_no), F("candidates", candidates), F("selectedOn", selected_on));
  }
};

// ApplyToJobPosting: the job seeker applied through the portal and is a candidate with origin
// "applied".
struct JobApplicationSubmitted {
  static constexpr const char* kType = "JobApplicationSubmitted";
  std::string demand_no;
  std::string candidate_id;
  std::string job_seeker_id;
  std::string applied_on;  // local date
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("demandNo", demand_no), F("candidateId", candidate_id), F("jobSeekerId", job_seeker_id),
       F("appliedOn", applied_on));
  }
};

// ReferCandidate: a unit user of the work address's province sent the job seeker ("Gönderme").
struct CandidateReferred {
  static constexpr const char* kType = "CandidateReferred";
  std::string demand_no;
  std::string candidate_id;
  std::string job_seeker_id;
  std::string referred_on;  // local date
  std::string referred_by;  // staff id
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("demandNo", demand_no), F("candidateId", candidate_id), F("jobSeekerId", job_seeker_id),
       F("referredOn", referred_on), F("referredBy", referred_by));
  }
};

// InviteCandidate, and again to reschedule: the latest invitation holds.
struct CandidateInvited {
  static constexpr const char* kType = "CandidateInvited";
  std::string demand_no;
  std::string candidate_id;
  std::string interview_date;  // RFC 3339 date-time as the employer gave it
  std::string interview_address;
  std::optional<std::string> note;
  std::string invited_on;  // local date
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("demandNo", demand_no), F("candidateId", candidate_id), F("interviewDate", interview_date),
       F("interviewAddress", interview_address), F("note", note), F("invitedOn", invited_on));
  }
};

// RecordCandidateInterview, and again to correct it: the latest result holds.
struct CandidateInterviewRecorded {
  static constexpr const char* kType = "CandidateInterviewRecorded";
  std::string demand_no;
  std::string candidate_id;
  std::string result;  // hired | notSuitable | didNotAttend | candidateDeclined
  std::optional<std::string> note;
  std::string recorded_on;  // local date
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("demandNo", demand_no), F("candidateId", candidate_id), F("result", result), F("note", note),
       F("recordedOn", recorded_on));
  }
};

using LaborDemandEvent = std::variant<LaborDemandCreated, LaborDemandUpdated, LaborDemandClosed,
                                      LaborDemandCancelled, LaborDemandDeleted, CandidatesSelected,
                                      JobApplicationSubmitted, CandidateReferred, CandidateInvited,
                                      CandidateInterviewRecorded>;

// Whether the event is about a candidate (the demand's document and status are unchanged).
inline bool IsCandidateEvent(const LaborDemandEvent& e) {
  return std::holds_alternative<CandidatesSelected>(e) || std::holds_alternative<JobApplicationSubmitted>(e) ||
         std::holds_alternative<CandidateReferred>(e) || std::holds_alternative<CandidateInvited>(e) ||
         std::holds_alternative<CandidateInterviewRecorded>(e);
}

}  // namespace istihdam::events
