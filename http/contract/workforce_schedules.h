#pragma once
// Monthly workforce schedule — "İşgücü Çizelgesi" (WS-1..WS-12): bodies, queries, answers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/workforce_schedule.h"
#include "events/workforce_schedules.h"
#include "http/contract/common.h"
#include "http/wire.h"

namespace istihdam::http::contract::workforce_schedules {

using wire::F;

inline constexpr const char* kMovementTypes[] = {"hired", "left"};
inline constexpr const char* kSexes[] = {"male", "female"};
inline constexpr const char* kCategories[] = {"general", "disabled", "exConvict", "terrorAffected", "antiTerrorLaw"};
inline constexpr const char* kContractTypes[] = {"indefinite", "fixedTerm", "partTime"};
inline constexpr const char* kWorkforceChanges[] = {"increase", "decrease", "noChange"};
inline constexpr std::int64_t kMaxCount = 10'000'000;

template <class Event, class Wire>
std::vector<Event> ToEvents(const std::vector<Wire>& items) {
  std::vector<Event> out;
  for (const auto& x : items) out.push_back(x.ToEvent());
  return out;
}

// Head count of one row of the "İşyeri Gelişimi" grid, split by sex.
struct SexCounts {
  std::int64_t male = 0, female = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("male", male).range(0, kMaxCount), F("female", female).range(0, kMaxCount));
  }
  events::SexCount ToEvent() const { return {male, female}; }
};

// One column group of the grid (previous month end, hired, left, month end).
struct CategoryGroup {
  SexCounts general, disabled, ex_convict, terror_affected, part_time, anti_terror_law;
  template <class A>
  void serialize(A& ar) {
    ar(F("general", general), F("disabled", disabled), F("exConvict", ex_convict),
       F("terrorAffected", terror_affected), F("partTime", part_time), F("antiTerrorLaw", anti_terror_law));
  }
  events::CategoryCounts ToEvent() const {
    events::CategoryCounts c;
    c.general = general.ToEvent();
    c.disabled = disabled.ToEvent();
    c.ex_convict = ex_convict.ToEvent();
    c.terror_affected = terror_affected.ToEvent();
    c.part_time = part_time.ToEvent();
    c.anti_terror_law = anti_terror_law.ToEvent();
    return c;
  }
};

// "Çizelge Detayları": one hire or leaver (also a row of the bulk form).
struct Movement {
  std::string type, tckn, first_name, last_name, sex, date, occupation, category, contract_type;
  bool underground_underwater = false;
  std::string leaving_reason;
  template <class A>
  void serialize(A& ar) {
    ar(F("type", type).oneOf(kMovementTypes), F("tckn", tckn), F("firstName", first_name),
       F("lastName", last_name), F("sex", sex).oneOf(kSexes), F("date", date).formatted("date"),
       F("occupation", occupation), F("category", category).oneOf(kCategories),
       F("contractType", contract_type).oneOf(kContractTypes), F("undergroundUnderwater", underground_underwater),
       F("leavingReason", leaving_reason).text());
  }
  events::PersonnelMovement ToEvent() const {
    return {type, tckn, first_name, last_name, sex, date, occupation, category, contract_type,
            underground_underwater, leaving_reason};
  }
};

struct OccupationCount {
  std::string occupation;
  std::int64_t count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("occupation", occupation), F("count", count).range(0, kMaxCount));
  }
  events::OccupationCount ToEvent() const { return {occupation, count}; }
};

// "Muafiyet Bilgileri".
struct Exemption {
  std::string exemption_type;
  std::int64_t count = 0;
  std::string document_ref, valid_from, valid_to;
  template <class A>
  void serialize(A& ar) {
    ar(F("exemptionType", exemption_type), F("count", count).range(0, kMaxCount), F("documentRef", document_ref),
       F("validFrom", valid_from), F("validTo", valid_to));
  }
  events::Exemption ToEvent() const { return {exemption_type, count, document_ref, valid_from, valid_to}; }
};

// "İstihdam Bilgileri".
struct Preferences {
  bool joint_course_request = false, in_company_training_request = false;
  std::string expected_workforce_change_next_month;
  std::int64_t expected_change_count = 0;
  bool apprentice_needed_next_month = false;
  std::string compulsory_employment_preference;
  template <class A>
  void serialize(A& ar) {
    ar(F("jointCourseRequest", joint_course_request), F("inCompanyTrainingRequest", in_company_training_request),
       F("expectedWorkforceChangeNextMonth", expected_workforce_change_next_month)
           .oneOf(kWorkforceChanges)
           .describe("noChange when absent"),
       F("expectedChangeCount", expected_change_count).range(0, kMaxCount),
       F("apprenticeNeededNextMonth", apprentice_needed_next_month),
       F("compulsoryEmploymentPreference", compulsory_employment_preference));
  }
  events::EmploymentPreferences ToEvent() const {
    events::EmploymentPreferences p;
    p.joint_course_request = joint_course_request;
    p.in_company_training_request = in_company_training_request;
    if (!expected_workforce_change_next_month.empty()) {
      p.expected_workforce_change_next_month = expected_workforce_change_next_month;
    }
    p.expected_change_count = expected_change_count;
    p.apprentice_needed_next_month = apprentice_needed_next_month;
    p.compulsory_employment_preference = compulsory_employment_preference;
    return p;
  }
};

// The wizard's lists, after the grid.
struct ScheduleLists {
  std::vector<Movement> personnel_movements;
  std::vector<OccupationCount> occupation_distribution;
  std::vector<Exemption> exemption_info;
  Preferences employment_preferences;
  std::vector<OccupationCount> hard_to_fill_occupations;
  template <class A>
  void serialize(A& ar) {
    ar(F("personnelMovements", personnel_movements), F("occupationDistribution", occupation_distribution),
       F("exemptionInfo", exemption_info), F("employmentPreferences", employment_preferences),
       F("hardToFillOccupations", hard_to_fill_occupations));
  }
  void Into(ScheduleDraft& d) const {
    d.personnel_movements = ToEvents<events::PersonnelMovement>(personnel_movements);
    d.occupation_distribution = ToEvents<events::OccupationCount>(occupation_distribution);
    d.exemption_info = ToEvents<events::Exemption>(exemption_info);
    d.employment_preferences = employment_preferences.ToEvent();
    d.hard_to_fill_occupations = ToEvents<events::OccupationCount>(hard_to_fill_occupations);
  }
};

// The whole wizard draft (PUT). The document GET returned is accepted as it is: monthEnd,
// editable and the other read-only fields are ignored.
struct ScheduleDraftBody {
  std::optional<CategoryGroup> previous_month_end;
  CategoryGroup hired, left;
  SexCounts underground_underwater;
  std::int64_t part_time_monthly_hours = 0;
  ScheduleLists lists;
  template <class A>
  void serialize(A& ar) {
    ar(F("previousMonthEnd", previous_month_end)
           .describe("taken only on the first schedule; later it must be absent or equal the carried value "
                     "(409 previous_month_end_fixed)"),
       F("hired", hired), F("left", left), F("undergroundUnderwater", underground_underwater),
       F("partTimeMonthlyHours", part_time_monthly_hours).range(0, 7'440'000'000));
    lists.serialize(ar);
  }
  ScheduleDraft ToDraft() const {
    ScheduleDraft d;
    if (previous_month_end) d.previous_month_end = previous_month_end->ToEvent();
    d.hired = hired.ToEvent();
    d.left = left.ToEvent();
    d.underground_underwater = underground_underwater.ToEvent();
    d.part_time_monthly_hours = part_time_monthly_hours;
    lists.Into(d);
    return d;
  }
};

// One schedule as stored, with the computed month end; `version` is the ledger's.
struct ScheduleView {
  std::string hq_workplace_id, employer_id, month;
  bool is_first = false;
  CategoryGroup previous_month_end, hired, left, month_end;
  SexCounts underground_underwater;
  std::int64_t part_time_monthly_hours = 0;
  ScheduleLists lists;
  bool editable = false;
  std::vector<std::string> available_actions;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("hqWorkplaceId", hq_workplace_id), F("employerId", employer_id), F("month", month),
       F("isFirst", is_first), F("previousMonthEnd", previous_month_end), F("hired", hired), F("left", left),
       F("monthEnd", month_end), F("undergroundUnderwater", underground_underwater),
       F("partTimeMonthlyHours", part_time_monthly_hours));
    lists.serialize(ar);
    ar(F("editable", editable).describe("only the latest schedule is"), F("availableActions", available_actions),
       F("version", version));
  }
};

// The draft a new schedule starts from. Its version is the ledger's, but it is not an ETag
// (the member is not named `version`: the template has none).
struct ScheduleTemplateView {
  std::string month;
  bool is_first = false, previous_month_end_editable = false;
  std::uint64_t ledger_version = 0;
  CategoryGroup previous_month_end, hired, left;
  SexCounts underground_underwater;
  std::int64_t part_time_monthly_hours = 0;
  ScheduleLists lists;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month), F("isFirst", is_first), F("previousMonthEndEditable", previous_month_end_editable),
       F("version", ledger_version), F("previousMonthEnd", previous_month_end), F("hired", hired), F("left", left),
       F("undergroundUnderwater", underground_underwater), F("partTimeMonthlyHours", part_time_monthly_hours));
    lists.serialize(ar);
  }
};

// A row of the list: the grid's totals.
struct ScheduleRow {
  std::string month;
  bool is_first = false;
  std::int64_t previous_month_end = 0, hired = 0, left = 0, month_end = 0;
  bool is_latest = false, editable = false;
  std::vector<std::string> available_actions;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month), F("isFirst", is_first), F("previousMonthEnd", previous_month_end), F("hired", hired),
       F("left", left), F("monthEnd", month_end), F("isLatest", is_latest), F("editable", editable),
       F("availableActions", available_actions));
  }
};

// What SubmitWorkforceSchedule / AmendWorkforceSchedule answer (201 when created).
struct ScheduleSaved {
  std::string id, month;
  std::uint64_t version = 0;
  bool created = false;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("month", month), F("version", version), F("created", created),
       F("position", position).required());
  }
};

// The bulk form as JSON.
struct PersonnelRows {
  std::vector<Movement> rows;
  template <class A>
  void serialize(A& ar) {
    ar(F("rows", rows));
  }
};

using common::YearQuery;

}  // namespace istihdam::http::contract::workforce_schedules
