#include "aggregates/workforce_schedule.h"

#include <set>
#include <string_view>

#include "aggregates/validation.h"
#include "infra/clock.h"

namespace istihdam {

bool IsYearMonth(const std::string& s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = std::stoi(s.substr(5));
  return month >= 1 && month <= 12 && s.substr(0, 4) != "0000";
}

namespace {

std::string FormatYearMonth(int year, int month) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

}  // namespace

std::string NextMonth(const std::string& ym) {
  const int y = std::stoi(ym.substr(0, 4)), m = std::stoi(ym.substr(5));
  return m == 12 ? FormatYearMonth(y + 1, 1) : FormatYearMonth(y, m + 1);
}

std::string PreviousMonth(const std::string& ym) {
  const int y = std::stoi(ym.substr(0, 4)), m = std::stoi(ym.substr(5));
  return m == 1 ? FormatYearMonth(y - 1, 12) : FormatYearMonth(y, m - 1);
}

std::string WorkforceScheduleStream(const std::string& hq_workplace_id) {
  return "workforce-schedule-" + hq_workplace_id;
}

const ScheduleRecord* WorkforceScheduleLedger::Find(const std::string& year_month) const {
  for (const auto& s : schedules) {
    if (s.year_month == year_month) return &s;
  }
  return nullptr;
}

WorkforceScheduleLedger Apply(WorkforceScheduleLedger s, const events::WorkforceScheduleEvent& e) {
  std::visit(
      [&](const auto& ev) {
        using T = std::decay_t<decltype(ev)>;
        s.hq_workplace_id = ev.hq_workplace_id;
        if constexpr (std::is_same_v<T, events::WorkforceScheduleSubmitted>) {
          s.schedules.push_back({ev.year_month, ev.is_first, ev.content});
        } else if constexpr (std::is_same_v<T, events::WorkforceScheduleAmended>) {
          if (!s.schedules.empty()) s.schedules.back().content = ev.content;
        } else {
          if (!s.schedules.empty()) s.schedules.back().content.personnel_movements = ev.rows;
        }
      },
      e);
  return s;
}

namespace {

using events::CategoryCounts;
using events::SexCount;

// Visits the six rows of a column group with their JSON names.
template <class C, class F>
void ForEachRow(C& c, F f) {
  f("general", c.general);
  f("disabled", c.disabled);
  f("exConvict", c.ex_convict);
  f("terrorAffected", c.terror_affected);
  f("partTime", c.part_time);
  f("antiTerrorLaw", c.anti_terror_law);
}

CategoryCounts MonthEnd(const CategoryCounts& prev, const CategoryCounts& hired, const CategoryCounts& left) {
  CategoryCounts out;
  auto row = [](SexCount& o, const SexCount& p, const SexCount& h, const SexCount& l) {
    o.male = p.male + h.male - l.male;
    o.female = p.female + h.female - l.female;
  };
  row(out.general, prev.general, hired.general, left.general);
  row(out.disabled, prev.disabled, hired.disabled, left.disabled);
  row(out.ex_convict, prev.ex_convict, hired.ex_convict, left.ex_convict);
  row(out.terror_affected, prev.terror_affected, hired.terror_affected, left.terror_affected);
  row(out.part_time, prev.part_time, hired.part_time, left.part_time);
  row(out.anti_terror_law, prev.anti_terror_law, hired.anti_terror_law, left.anti_terror_law);
  return out;
}

void NotNegative(Validator& v, const std::string& group, const CategoryCounts& c, const char* code) {
  ForEachRow(c, [&](const char* name, const SexCount& s) {
    if (s.male < 0) v.Fail(group + "." + name + ".male", code);
    if (s.female < 0) v.Fail(group + "." + name + ".female", code);
  });
}

void NotAboveMax(Validator& v, const std::string& group, const CategoryCounts& c) {
  ForEachRow(c, [&](const char* name, const SexCount& s) {
    v.AtMost(group + "." + name + ".male", s.male, kMaxHeadcount);
    v.AtMost(group + "." + name + ".female", s.female, kMaxHeadcount);
  });
}

// The domain ranges of the draft's numbers (docs/api.md "Ranges of numbers"), checked before
// the month end is computed from them; negative values are left to ValidateContent.
void ValidateRanges(Validator& v, const ScheduleDraft& d) {
  if (d.previous_month_end) NotAboveMax(v, "previousMonthEnd", *d.previous_month_end);
  NotAboveMax(v, "hired", d.hired);
  NotAboveMax(v, "left", d.left);
  v.AtMost("undergroundUnderwater.male", d.underground_underwater.male, kMaxHeadcount);
  v.AtMost("undergroundUnderwater.female", d.underground_underwater.female, kMaxHeadcount);
  v.AtMost("partTimeMonthlyHours", d.part_time_monthly_hours, kMaxPartTimeMonthlyHours);
  for (std::size_t i = 0; i < d.occupation_distribution.size(); ++i) {
    v.AtMost("occupationDistribution[" + std::to_string(i) + "].count", d.occupation_distribution[i].count,
             kMaxHeadcount);
  }
  for (std::size_t i = 0; i < d.hard_to_fill_occupations.size(); ++i) {
    v.AtMost("hardToFillOccupations[" + std::to_string(i) + "].count", d.hard_to_fill_occupations[i].count,
             kMaxHeadcount);
  }
  for (std::size_t i = 0; i < d.exemption_info.size(); ++i) {
    v.AtMost("exemptionInfo[" + std::to_string(i) + "].count", d.exemption_info[i].count, kMaxHeadcount);
  }
  v.AtMost("employmentPreferences.expectedChangeCount", d.employment_preferences.expected_change_count,
           kMaxHeadcount);
}

bool KnownOccupation(const ReferenceData& ref, const std::string& code) {
  const auto* o = ref.FindOccupation(code);
  return o && o->level == 4;
}

void ValidateOccupation(Validator& v, const std::string& field, const std::string& code,
                        const ReferenceData& ref) {
  if (v.Required(field, code) && !KnownOccupation(ref, code)) v.Fail(field, "unknown_value");
}

bool IsDateIn(const std::string& date, const std::string& year_month) {
  std::int64_t days = 0;
  return ParseDate(date, &days) && date.compare(0, 7, year_month) == 0;
}

// WS-B: the person rows. `label(i)` is the field prefix of row i ("personnelMovements[0].").
template <class Label>
void ValidatePersonnel(Validator& v, const std::vector<events::PersonnelMovement>& rows,
                       const std::string& year_month, const ReferenceData& ref, Label label) {
  std::set<std::pair<std::string, std::string>> seen;  // (type, tckn), WS-B3
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const std::string f = label(i);
    v.OneOf(f + "type", r.type, {"hired", "left"});
    if (v.Tckn(f + "tckn", r.tckn) && !seen.insert({r.type, r.tckn}).second) v.Fail(f + "tckn", "duplicate");
    if (v.Required(f + "firstName", r.first_name)) v.MaxLength(f + "firstName", r.first_name, 100);
    if (v.Required(f + "lastName", r.last_name)) v.MaxLength(f + "lastName", r.last_name, 100);
    v.OneOf(f + "sex", r.sex, {"male", "female"});
    if (v.Required(f + "date", r.date) && !IsDateIn(r.date, year_month)) v.Fail(f + "date", "outside_month");
    ValidateOccupation(v, f + "occupation", r.occupation, ref);
    v.OneOf(f + "category", r.category, {"general", "disabled", "exConvict", "terrorAffected", "antiTerrorLaw"});
    v.OneOf(f + "contractType", r.contract_type, {"indefinite", "fixedTerm", "partTime"});
    // WS-A7: disabled persons are not employed in underground or underwater work.
    if (r.category == "disabled" && r.underground_underwater) {
      v.Fail(f + "undergroundUnderwater", "disabled_underground_not_allowed");
    }
    v.MaxLength(f + "leavingReason", r.leaving_reason, 500);
  }
}

// WS-B2: the hired (left) rows are as many as the hires (leavers) of the grid.
void RowsMatchCounts(Validator& v, const std::string& field,
                     const std::vector<events::PersonnelMovement>& rows, const CategoryCounts& hired,
                     const CategoryCounts& left) {
  std::int64_t h = 0, l = 0;
  for (const auto& r : rows) {
    if (r.type == "hired") ++h;
    else if (r.type == "left") ++l;
  }
  if (h != hired.total()) v.Fail(field, "hired_rows_mismatch");
  else if (l != left.total()) v.Fail(field, "left_rows_mismatch");
}

void ValidateOccupationList(Validator& v, const std::string& field,
                            const std::vector<events::OccupationCount>& list, const ReferenceData& ref,
                            const char* zero_code) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "].";
    ValidateOccupation(v, f + "occupation", list[i].occupation, ref);
    if (!list[i].occupation.empty() && !seen.insert(list[i].occupation).second) v.Fail(f + "occupation", "duplicate");
    if (list[i].count < 0) v.Fail(f + "count", "negative");
    else if (list[i].count == 0) v.Fail(f + "count", zero_code);
  }
}

void ValidateExemptions(Validator& v, const std::vector<events::Exemption>& list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string f = "exemptionInfo[" + std::to_string(i) + "].";
    const auto& e = list[i];
    if (v.Required(f + "exemptionType", e.exemption_type)) v.MaxLength(f + "exemptionType", e.exemption_type, 100);
    if (e.count < 0) v.Fail(f + "count", "negative");
    v.MaxLength(f + "documentRef", e.document_ref, 200);
    std::int64_t from = 0, to = 0;
    const bool has_from = !e.valid_from.empty(), has_to = !e.valid_to.empty();
    if (has_from && !ParseDate(e.valid_from, &from)) v.Fail(f + "validFrom", "invalid_format");
    if (has_to && !ParseDate(e.valid_to, &to)) v.Fail(f + "validTo", "invalid_format");
    else if (has_from && has_to && to < from) v.Fail(f + "validTo", "before_valid_from");
  }
}

// Page rules A–F on the draft and its computed month end. Every failing field is collected.
void ValidateContent(Validator& v, const SaveWorkforceSchedule& c, const events::ScheduleContent& content,
                     const ReferenceData& ref) {
  const auto& d = c.draft;
  const auto& dev = content.development;
  NotNegative(v, "previousMonthEnd", dev.previous_month_end, "negative");
  NotNegative(v, "hired", d.hired, "negative");
  NotNegative(v, "left", d.left, "negative");
  NotNegative(v, "monthEnd", dev.month_end, "negative_headcount");  // WS-A4
  NotAboveMax(v, "monthEnd", dev.month_end);
  // Underground/underwater workers are among the month-end workers, never the disabled (WS-A7).
  SexCount eligible;
  ForEachRow(dev.month_end, [&](const char* name, const SexCount& row) {
    if (std::string_view(name) == "disabled") return;
    eligible.male += row.male;
    eligible.female += row.female;
  });
  const auto& ug = d.underground_underwater;
  if (ug.male < 0) v.Fail("undergroundUnderwater.male", "negative");
  else if (ug.male > eligible.male) v.Fail("undergroundUnderwater.male", "exceeds_month_end");
  if (ug.female < 0) v.Fail("undergroundUnderwater.female", "negative");
  else if (ug.female > eligible.female) v.Fail("undergroundUnderwater.female", "exceeds_month_end");
  const std::int64_t part_timers = dev.month_end.part_time.total();
  if (d.part_time_monthly_hours < 0) v.Fail("partTimeMonthlyHours", "negative");
  else if (part_timers <= 0 && d.part_time_monthly_hours > 0) v.Fail("partTimeMonthlyHours", "no_part_time_workers");
  else if (d.part_time_monthly_hours > part_timers * 31 * 24) v.Fail("partTimeMonthlyHours", "too_large");

  ValidatePersonnel(v, d.personnel_movements, c.year_month, ref,
                    [](std::size_t i) { return "personnelMovements[" + std::to_string(i) + "]."; });
  if (c.rows_must_match_counts) RowsMatchCounts(v, "personnelMovements", d.personnel_movements, d.hired, d.left);
  ValidateOccupationList(v, "occupationDistribution", d.occupation_distribution, ref, "occupation_count_zero");
  ValidateExemptions(v, d.exemption_info);
  const auto& p = d.employment_preferences;
  v.OneOf("employmentPreferences.expectedWorkforceChangeNextMonth", p.expected_workforce_change_next_month,
          {"increase", "decrease", "noChange"});
  if (p.expected_change_count < 0) v.Fail("employmentPreferences.expectedChangeCount", "negative");
  v.MaxLength("employmentPreferences.compulsoryEmploymentPreference", p.compulsory_employment_preference, 100);
  ValidateOccupationList(v, "hardToFillOccupations", d.hard_to_fill_occupations, ref, "required");
  if (d.hard_to_fill_occupations.size() > 5) v.Fail("hardToFillOccupations", "too_many");  // RULES.md §1c
}

// Where a save for `year_month` lands: a new schedule, the latest, or a refusal.
enum class Slot { kNew, kLatest };

Result<Slot> Locate(const WorkforceScheduleLedger& ledger, const std::string& year_month, const std::string& today) {
  const std::string this_month = today.substr(0, 7);
  const auto* latest = ledger.Latest();
  if (!latest) {
    // WS-R2 [I]: the first period is chosen by the employer, at the latest the previous month.
    if (year_month >= this_month) return Error::Of(errc::kSchedulePeriodInFuture);
    return Slot::kNew;
  }
  if (year_month == latest->year_month) return Slot::kLatest;
  if (ledger.Find(year_month)) return Error::Of(errc::kScheduleNotLatest);  // WS-R4
  if (year_month != NextMonth(latest->year_month)) return Error::Of(errc::kScheduleNotSequential);  // WS-R1
  if (year_month > this_month) return Error::Of(errc::kSchedulePeriodInFuture);  // WS-R3
  return Slot::kNew;
}

Status CheckHeadquarters(const WorkplaceState& hq, const std::string& employer_id) {
  if (!hq.exists || hq.employer_id != employer_id) return Error::Of(errc::kWorkplaceNotFound);
  if (hq.role != "headquarters") return Error::Of(errc::kNotHeadquarters);
  return Status::Ok();
}

}  // namespace

Result<std::vector<events::WorkforceScheduleEvent>> DecideSaveWorkforceSchedule(
    const WorkforceScheduleLedger& ledger, const WorkplaceState& hq, const SaveWorkforceSchedule& c,
    const ReferenceData& ref, std::uint64_t ledger_version) {
  if (auto st = CheckHeadquarters(hq, c.employer_id); !st.ok()) return st.error();
  if (!IsYearMonth(c.year_month)) return Error::Validation({{"yearMonth", "invalid_format"}});
  auto slot = Locate(ledger, c.year_month, c.today);
  if (!slot.ok()) return slot.error();
  // The schedule before the one being saved carries its month end forward (WS-A1).
  const ScheduleRecord* before = nullptr;
  if (*slot == Slot::kNew) before = ledger.Latest();
  else if (ledger.schedules.size() >= 2) before = &ledger.schedules[ledger.schedules.size() - 2];
  const bool is_first = before == nullptr;

  events::ScheduleContent content;
  auto& dev = content.development;
  if (is_first) {
    dev.previous_month_end = c.draft.previous_month_end.value_or(CategoryCounts{});  // WS-A2
  } else {
    dev.previous_month_end = before->content.development.month_end;
    if (c.draft.previous_month_end && *c.draft.previous_month_end != dev.previous_month_end) {
      return Error::Of(errc::kPreviousMonthEndFixed);
    }
  }
  {
    Validator ranges;
    ValidateRanges(ranges, c.draft);
    if (!ranges.ok()) return ranges.ToError();
  }
  dev.hired = c.draft.hired;
  dev.left = c.draft.left;
  dev.month_end = MonthEnd(dev.previous_month_end, dev.hired, dev.left);
  dev.underground_underwater = c.draft.underground_underwater;
  dev.part_time_monthly_hours = c.draft.part_time_monthly_hours;
  content.personnel_movements = c.draft.personnel_movements;
  content.occupation_distribution = c.draft.occupation_distribution;
  content.exemption_info = c.draft.exemption_info;
  content.employment_preferences = c.draft.employment_preferences;
  content.hard_to_fill_occupations = c.draft.hard_to_fill_occupations;

  Validator v;
  ValidateContent(v, c, content, ref);
  if (!v.ok()) return v.ToError();

  if (*slot == Slot::kLatest) {
    if (ledger.Latest()->content == content) return std::vector<events::WorkforceScheduleEvent>{};
    return std::vector<events::WorkforceScheduleEvent>{events::WorkforceScheduleAmended{
        hq.workplace_id, hq.employer_id, hq.province, c.year_month, is_first, std::move(content), ledger_version}};
  }
  return std::vector<events::WorkforceScheduleEvent>{events::WorkforceScheduleSubmitted{
      hq.workplace_id, hq.employer_id, hq.province, c.year_month, is_first, std::move(content)}};
}

Result<std::vector<events::WorkforceScheduleEvent>> DecideReplacePersonnelRows(
    const WorkforceScheduleLedger& ledger, const WorkplaceState& hq, const ReplacePersonnelRows& c,
    const ReferenceData& ref, std::uint64_t ledger_version) {
  if (auto st = CheckHeadquarters(hq, c.employer_id); !st.ok()) return st.error();
  if (!IsYearMonth(c.year_month)) return Error::Validation({{"yearMonth", "invalid_format"}});
  auto slot = Locate(ledger, c.year_month, c.today);
  if (!slot.ok()) return slot.error();
  auto label = [&](std::size_t i) { return "rows[" + std::to_string(i + c.first_row_number) + "]."; };
  if (*slot == Slot::kLatest) {
    const auto& dev = ledger.Latest()->content.development;
    Validator v;
    ValidatePersonnel(v, c.rows, c.year_month, ref, label);
    if (c.rows_must_match_counts) RowsMatchCounts(v, "rows", c.rows, dev.hired, dev.left);
    if (!v.ok()) return v.ToError();
    if (ledger.Latest()->content.personnel_movements == c.rows) return std::vector<events::WorkforceScheduleEvent>{};
    return std::vector<events::WorkforceScheduleEvent>{
        events::WorkforcePersonnelDetailsReplaced{hq.workplace_id, c.year_month, c.rows}};
  }
  // A new month: the rows are the month's movements, the rest is carried over.
  Validator v;
  ValidatePersonnel(v, c.rows, c.year_month, ref, label);
  if (!v.ok()) return v.ToError();
  SaveWorkforceSchedule save{c.employer_id, c.year_month, c.today, c.rows_must_match_counts, {}};
  auto& d = save.draft;
  if (const auto* latest = ledger.Latest()) {
    const auto& prev = latest->content;
    d.underground_underwater = prev.development.underground_underwater;
    d.part_time_monthly_hours = prev.development.part_time_monthly_hours;
    d.occupation_distribution = prev.occupation_distribution;
    d.exemption_info = prev.exemption_info;
    d.employment_preferences = prev.employment_preferences;
    d.hard_to_fill_occupations = prev.hard_to_fill_occupations;
  }
  for (const auto& r : c.rows) {
    auto& group = r.type == "hired" ? d.hired : d.left;
    SexCount* row = &group.general;
    if (r.contract_type == "partTime") row = &group.part_time;
    else if (r.category == "disabled") row = &group.disabled;
    else if (r.category == "exConvict") row = &group.ex_convict;
    else if (r.category == "terrorAffected") row = &group.terror_affected;
    else if (r.category == "antiTerrorLaw") row = &group.anti_terror_law;
    (r.sex == "male" ? row->male : row->female) += 1;
    if (r.underground_underwater) {
      auto& ug = r.sex == "male" ? d.underground_underwater.male : d.underground_underwater.female;
      ug = std::max<std::int64_t>(0, ug + (r.type == "hired" ? 1 : -1));
    }
  }
  d.personnel_movements = c.rows;
  return DecideSaveWorkforceSchedule(ledger, hq, save, ref, ledger_version);
}

ScheduleTemplate NewScheduleTemplate(const WorkforceScheduleLedger& ledger, const std::string& today) {
  ScheduleTemplate t;
  const auto* latest = ledger.Latest();
  if (!latest) {
    t.year_month = PreviousMonth(today.substr(0, 7));
    return t;
  }
  t.year_month = NextMonth(latest->year_month);
  t.is_first = false;
  t.previous_month_end = latest->content.development.month_end;
  t.occupation_distribution = latest->content.occupation_distribution;
  return t;
}

}  // namespace istihdam
