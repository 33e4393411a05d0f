#pragma once
// The workforce schedule ledger of one province headquarters (WS-1..WS-12): an ordered run of
// monthly schedules with no gaps, of which only the latest can change. Pure: "today" comes in
// with the command.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/workplace.h"
#include "events/workforce_schedules.h"
#include "infra/reference_data.h"
#include "infra/result.h"

namespace istihdam {

// "YYYY-MM" with a month 01..12.
bool IsYearMonth(const std::string& s);
// The month after / before a valid "YYYY-MM".
std::string NextMonth(const std::string& year_month);
std::string PreviousMonth(const std::string& year_month);

std::string WorkforceScheduleStream(const std::string& hq_workplace_id);

struct ScheduleRecord {
  std::string year_month;
  bool is_first = false;
  events::ScheduleContent content;
};

struct WorkforceScheduleLedger {
  std::string hq_workplace_id;
  std::vector<ScheduleRecord> schedules;  // consecutive months, oldest first

  const ScheduleRecord* Latest() const { return schedules.empty() ? nullptr : &schedules.back(); }
  const ScheduleRecord* Find(const std::string& year_month) const;
};

WorkforceScheduleLedger Apply(WorkforceScheduleLedger s, const events::WorkforceScheduleEvent& e);

// The wizard draft as the client sends it. `previous_month_end` is only taken on the first
// schedule; later it must be absent or equal the carried value.
struct ScheduleDraft {
  std::optional<events::CategoryCounts> previous_month_end;
  events::CategoryCounts hired, left;
  events::SexCount underground_underwater;
  std::int64_t part_time_monthly_hours = 0;
  std::vector<events::PersonnelMovement> personnel_movements;
  std::vector<events::OccupationCount> occupation_distribution;
  std::vector<events::Exemption> exemption_info;
  events::EmploymentPreferences employment_preferences;
  std::vector<events::OccupationCount> hard_to_fill_occupations;
};

struct SaveWorkforceSchedule {
  std::string employer_id;  // the acting employer
  std::string year_month;
  std::string today;  // local date, YYYY-MM-DD
  bool rows_must_match_counts = true;  // cfg personnelRowsMustMatchCounts (WS-B2)
  ScheduleDraft draft;
};

// SubmitWorkforceSchedule for the month after the latest (or the first schedule), or
// AmendWorkforceSchedule for the latest. `hq` is the workplace the ledger belongs to,
// `ledger_version` the version the decision is made on. An amendment that changes nothing
// yields no event. Errors: workplace_not_found, not_headquarters, schedule_period_in_future,
// schedule_not_latest, schedule_not_sequential, previous_month_end_fixed, validation_failed.
Result<std::vector<events::WorkforceScheduleEvent>> DecideSaveWorkforceSchedule(
    const WorkforceScheduleLedger& ledger, const WorkplaceState& hq, const SaveWorkforceSchedule& cmd,
    const ReferenceData& ref, std::uint64_t ledger_version);

// WS-12: person rows of the bulk form. `first_row_number` names the rows in field errors
// ("rows[<n>].tckn"; 2 for a CSV whose line 1 is the header).
struct ReplacePersonnelRows {
  std::string employer_id;
  std::string year_month;
  std::string today;
  bool rows_must_match_counts = true;
  std::vector<events::PersonnelMovement> rows;
  int first_row_number = 0;
};

// For the latest month: replaces its person rows (same WS-B rules). For the month after it
// (or a first schedule): submits a new schedule whose hires and leavers are counted from the
// rows, everything else carried from the latest schedule. Errors as above.
Result<std::vector<events::WorkforceScheduleEvent>> DecideReplacePersonnelRows(
    const WorkforceScheduleLedger& ledger, const WorkplaceState& hq, const ReplacePersonnelRows& cmd,
    const ReferenceData& ref, std::uint64_t ledger_version);

// The draft a new schedule starts from (WS-1 template, WS-A1, WS-C1): the next month, the
// carried month end, the carried occupation distribution. For a first schedule: the previous
// calendar month of `today` and zeros.
struct ScheduleTemplate {
  std::string year_month;
  bool is_first = true;
  events::CategoryCounts previous_month_end;
  std::vector<events::OccupationCount> occupation_distribution;
};
ScheduleTemplate NewScheduleTemplate(const WorkforceScheduleLedger& ledger, const std::string& today);

}  // namespace istihdam
