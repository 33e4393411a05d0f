#pragma once
// Events of the workforce schedule ledger (stream "workforce-schedule-<hqWorkplaceId>"): the
// monthly schedules of one province headquarters, covering its branches. DOMAIN.md §2.1.3.2,
// §2.2.4.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

// Head count of one row of the "İşyeri Gelişimi" grid, split by sex (RULES.md §1c).
struct SexCount {
  std::int64_t male = 0;
  std::int64_t female = 0;
  std::int64_t total() const { return male + female; }
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("male", male), F("female", female));
  }
  bool operator==(const SexCount&) const = default;
};

// One column group of the grid. The rows are disjoint: `general` are full-time workers outside
// the compulsory-employment groups, `disabled`/`exConvict`/`terrorAffected`/`antiTerrorLaw`
// full-time workers of those groups, `partTime` every part-time worker (OP-21).
struct CategoryCounts {
  SexCount general, disabled, ex_convict, terror_affected, part_time, anti_terror_law;
  std::int64_t total() const {
    return general.total() + disabled.total() + ex_convict.total() + terror_affected.total() +
           part_time.total() + anti_terror_law.total();
  }
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("general", general), F("disabled", disabled), F("exConvict", ex_convict),
       F("terrorAffected", terror_affected), F("partTime", part_time),
       F("antiTerrorLaw", anti_terror_law));
  }
  bool operator==(const CategoryCounts&) const = default;
};

// "İşyeri Gelişimi" (WS-4/WS-5): month end = previous month end + hired − left, per row and sex.
struct WorkplaceDevelopment {
  CategoryCounts previous_month_end, hired, left, month_end;
  SexCount underground_underwater;  // among the month-end workers (excluded from the quota base)
  std::int64_t part_time_monthly_hours = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("previousMonthEnd", previous_month_end), F("hired", hired), F("left", left),
       F("monthEnd", month_end), F("undergroundUnderwater", underground_underwater),
       F("partTimeMonthlyHours", part_time_monthly_hours));
  }
  bool operator==(const WorkplaceDevelopment&) const = default;
};

// "Çizelge Detayları" (WS-6): one hire or leaver.
struct PersonnelMovement {
  std::string type;  // hired | left
  std::string tckn;
  std::string first_name;
  std::string last_name;
  std::string sex;  // male | female
  std::string date;  // YYYY-MM-DD, within the schedule month
  std::string occupation;  // ISCO-08 unit group
  std::string category;  // general | disabled | exConvict | terrorAffected | antiTerrorLaw
  std::string contract_type;  // indefinite | fixedTerm | partTime
  bool underground_underwater = false;
  std::string leaving_reason;  // left only, free text
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("type", type), PII("*tckn", tckn), PII("*firstName", first_name),
       PII("*lastName", last_name), F("sex", sex), F("date", date), F("occupation", occupation),
       F("category", category), F("contractType", contract_type),
       F("undergroundUnderwater", underground_underwater), F("leavingReason", leaving_reason));
  }
  bool operator==(const PersonnelMovement&) const = default;
};

// "Mesleklere Göre Dağılım" (WS-7) and "Karşılanmasında Güçlük Çekilen Meslekler" (WS-10).
struct OccupationCount {
  std::string occupation;
  std::int64_t count = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("occupation", occupation), F("count", count));
  }
  bool operator==(const OccupationCount&) const = default;
};

// "Muafiyet Bilgileri" (WS-8, OP-17 [I]).
struct Exemption {
  std::string exemption_type;
  std::int64_t count = 0;
  std::string document_ref;
  std::string valid_from;  // YYYY-MM-DD or ""
  std::string valid_to;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("exemptionType", exemption_type), F("count", count), F("documentRef", document_ref),
       F("validFrom", valid_from), F("validTo", valid_to));
  }
  bool operator==(const Exemption&) const = default;
};

// "İstihdam Bilgileri" (WS-9).
struct EmploymentPreferences {
  bool joint_course_request = false;
  bool in_company_training_request = false;
  std::string expected_workforce_change_next_month = "noChange";  // increase | decrease | noChange
  std::int64_t expected_change_count = 0;
  bool apprentice_needed_next_month = false;
  std::string compulsory_employment_preference;  // reference data not given (OP-26)
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("jointCourseRequest", joint_course_request),
       F("inCompanyTrainingRequest", in_company_training_request),
       F("expectedWorkforceChangeNextMonth", expected_workforce_change_next_month),
       F("expectedChangeCount", expected_change_count),
       F("apprenticeNeededNextMonth", apprentice_needed_next_month),
       F("compulsoryEmploymentPreference", compulsory_employment_preference));
  }
  bool operator==(const EmploymentPreferences&) const = default;
};

// Everything the wizard saves at "İşlem Sonu" (WS-11), month end included (computed).
struct ScheduleContent {
  WorkplaceDevelopment development;
  std::vector<PersonnelMovement> personnel_movements;
  std::vector<OccupationCount> occupation_distribution;
  std::vector<Exemption> exemption_info;
  EmploymentPreferences employment_preferences;
  std::vector<OccupationCount> hard_to_fill_occupations;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("workplaceDevelopment", development), F("personnelMovements", personnel_movements),
       F("occupationDistribution", occupation_distribution), F("exemptionInfo", exemption_info),
       F("employmentPreferences", employment_preferences),
       F("hardToFillOccupations", hard_to_fill_occupations));
  }
  bool operator==(const ScheduleContent&) const = default;
};

// WS-2: the schedule of the month after the latest one (or the first schedule).
struct WorkforceScheduleSubmitted {
  static constexpr const char* kType = "WorkforceScheduleSubmitted";
  std::string hq_workplace_id;
  std::string employer_id;
  std::string province;
  std::string year_month;  // YYYY-MM
  bool is_first = false;
  ScheduleContent content;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("hqWorkplaceId", hq_workplace_id), F("employerId", employer_id), F("province", province),
       F("yearMonth", year_month), F("isFirst", is_first), F("content", content));
  }
};

// WS-3: the latest schedule, replaced as a whole.
struct WorkforceScheduleAmended {
  static constexpr const char* kType = "WorkforceScheduleAmended";
  std::string hq_workplace_id;
  std::string employer_id;
  std::string province;
  std::string year_month;
  bool is_first = false;
  ScheduleContent content;
  std::uint64_t previous_version = 0;  // ledger version the amendment was decided on
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("hqWorkplaceId", hq_workplace_id), F("employerId", employer_id), F("province", province),
       F("yearMonth", year_month), F("isFirst", is_first), F("content", content),
       F("previousVersion", previous_version));
  }
};

// WS-12: the bulk personnel form replaced the person rows of the latest schedule.
struct WorkforcePersonnelDetailsReplaced {
  static constexpr const char* kType = "WorkforcePersonnelDetailsReplaced";
  std::string hq_workplace_id;
  std::string year_month;
  std::vector<PersonnelMovement> rows;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("hqWorkplaceId", hq_workplace_id), F("yearMonth", year_month), F("rows", rows));
  }
};

using WorkforceScheduleEvent = std::variant<WorkforceScheduleSubmitted, WorkforceScheduleAmended,
                                            WorkforcePersonnelDetailsReplaced>;

}  // namespace istihdam::events
