// Given-when-then tests of the workforce schedule ledger (WS-1..WS-12): given the schedules
// already saved, when a schedule (or the bulk personnel form) is saved, then these events or
// this refusal. No storage, no clock: "today" is part of the command.
#include "aggregates/workforce_schedule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aggregates/validation.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::Contains;
using testing::TestReferenceData;

const char* kToday = "2026-11-27";

WorkplaceState Hq() {
  WorkplaceState w;
  w.exists = true;
  w.workplace_id = "3000000001";
  w.employer_id = "2000000001";
  w.province = "34";
  w.role = "headquarters";
  return w;
}

events::PersonnelMovement Row(const std::string& type, const std::string& tckn, const std::string& date,
                              const std::string& category = "general", const std::string& sex = "male") {
  return {type, tckn, "Ali", "Veli", sex, date, "2512", category, "indefinite", false, ""};
}

// A valid draft for `month`: 10 general men on the first schedule, 1 hire and 1 leaver with
// their person rows, one occupation row.
SaveWorkforceSchedule Draft(const std::string& month, bool first = false) {
  SaveWorkforceSchedule c;
  c.employer_id = "2000000001";
  c.year_month = month;
  c.today = kToday;
  if (first) {
    events::CategoryCounts prev;
    prev.general.male = 10;
    c.draft.previous_month_end = prev;
  }
  c.draft.hired.general.male = 1;
  c.draft.left.general.male = 1;
  c.draft.personnel_movements = {Row("hired", "10000000146", month + "-03"), Row("left", "17291716060", month + "-20")};
  c.draft.occupation_distribution = {{"2512", 10}};
  c.draft.hard_to_fill_occupations = {{"7212", 2}};
  return c;
}

// Given: the events of the past; when: save `c`.
Result<std::vector<events::WorkforceScheduleEvent>> Save(const std::vector<events::WorkforceScheduleEvent>& given,
                                                         const SaveWorkforceSchedule& c, WorkplaceState hq = Hq()) {
  WorkforceScheduleLedger l;
  for (const auto& e : given) l = Apply(std::move(l), e);
  return DecideSaveWorkforceSchedule(l, hq, c, TestReferenceData(), given.size());
}

// The events of a valid run of schedules from `first` on, `n` months.
std::vector<events::WorkforceScheduleEvent> History(const std::string& first, int n) {
  std::vector<events::WorkforceScheduleEvent> out;
  std::string m = first;
  for (int i = 0; i < n; ++i, m = NextMonth(m)) {
    auto r = Save(out, Draft(m, i == 0));
    EXPECT_TRUE(r.ok()) << m << " " << (r.ok() ? "" : r.error().code);
    for (auto& e : *r) out.push_back(e);
  }
  return out;
}

std::string Code(const Result<std::vector<events::WorkforceScheduleEvent>>& r) {
  return r.ok() ? "ok" : r.error().code;
}

std::vector<FieldError> Fields(const Result<std::vector<events::WorkforceScheduleEvent>>& r) {
  EXPECT_FALSE(r.ok());
  return r.ok() ? std::vector<FieldError>{} : r.error().fields;
}

TEST(MonthsTest, NextAndPreviousCrossYears) {
  EXPECT_EQ(NextMonth("2026-12"), "2027-01");
  EXPECT_EQ(PreviousMonth("2027-01"), "2026-12");
  EXPECT_TRUE(IsYearMonth("2026-02"));
  EXPECT_FALSE(IsYearMonth("2026-13"));
  EXPECT_FALSE(IsYearMonth("2026-2"));
}

TEST(SaveWorkforceScheduleTest, FirstScheduleTakesThePreviousMonthEndAndComputesTheMonthEnd) {
  auto c = Draft("2026-09", true);
  c.draft.hired.disabled.female = 1;
  c.draft.personnel_movements.push_back(Row("hired", "23456789060", "2026-09-10", "disabled", "female"));
  const auto r = Save({}, c);
  ASSERT_TRUE(r.ok()) << Code(r);
  ASSERT_EQ(r->size(), 1u);
  const auto& e = std::get<events::WorkforceScheduleSubmitted>(r->front());
  EXPECT_TRUE(e.is_first);
  EXPECT_EQ(e.year_month, "2026-09");
  EXPECT_EQ(e.hq_workplace_id, "3000000001");
  EXPECT_EQ(e.content.development.previous_month_end.general.male, 10);
  EXPECT_EQ(e.content.development.month_end.general.male, 10);  // 10 + 1 − 1 (WS-A4)
  EXPECT_EQ(e.content.development.month_end.disabled.female, 1);
}

TEST(SaveWorkforceScheduleTest, FirstScheduleWithoutPreviousMonthEndStartsAtZero) {
  auto c = Draft("2026-09");
  c.draft.left = {};
  c.draft.personnel_movements.pop_back();
  const auto r = Save({}, c);
  ASSERT_TRUE(r.ok()) << Code(r);
  EXPECT_EQ(std::get<events::WorkforceScheduleSubmitted>(r->front()).content.development.month_end.general.male, 1);
}

TEST(SaveWorkforceScheduleTest, NextMonthCarriesThePreviousMonthEnd) {
  const auto given = History("2026-07", 2);
  const auto r = Save(given, Draft("2026-09"));
  ASSERT_TRUE(r.ok()) << Code(r);
  const auto& e = std::get<events::WorkforceScheduleSubmitted>(r->front());
  EXPECT_FALSE(e.is_first);
  EXPECT_EQ(e.content.development.previous_month_end.general.male, 10);  // WS-A1
}

TEST(SaveWorkforceScheduleTest, APreviousMonthEndThatDiffersFromTheCarriedOneIsRefused) {
  const auto given = History("2026-07", 2);
  auto c = Draft("2026-09");
  events::CategoryCounts prev;
  prev.general.male = 11;
  c.draft.previous_month_end = prev;
  EXPECT_EQ(Code(Save(given, c)), "previous_month_end_fixed");
  prev.general.male = 10;  // the carried value, as GET returned it, is accepted
  c.draft.previous_month_end = prev;
  EXPECT_EQ(Code(Save(given, c)), "ok");
}

TEST(SaveWorkforceScheduleTest, SkippingAMonthIsNotSequential) {
  EXPECT_EQ(Code(Save(History("2026-07", 2), Draft("2026-10"))), "schedule_not_sequential");  // WS-R1
}

TEST(SaveWorkforceScheduleTest, AMonthBeforeTheFirstIsNotSequential) {
  EXPECT_EQ(Code(Save(History("2026-07", 2), Draft("2026-05"))), "schedule_not_sequential");
}

TEST(SaveWorkforceScheduleTest, AnOlderScheduleCannotBeChanged) {
  EXPECT_EQ(Code(Save(History("2026-07", 3), Draft("2026-08"))), "schedule_not_latest");  // WS-R4
}

TEST(SaveWorkforceScheduleTest, TheLatestIsAmendedAsAWhole) {
  const auto given = History("2026-07", 2);
  auto c = Draft("2026-08");
  c.draft.occupation_distribution = {{"2512", 9}, {"7212", 1}};
  const auto r = Save(given, c);
  ASSERT_TRUE(r.ok()) << Code(r);
  const auto& e = std::get<events::WorkforceScheduleAmended>(r->front());
  EXPECT_EQ(e.year_month, "2026-08");
  EXPECT_EQ(e.previous_version, 2u);
  EXPECT_EQ(e.content.occupation_distribution.size(), 2u);
  EXPECT_EQ(e.content.development.previous_month_end.general.male, 10) << "previousMonthEnd stays derived";
}

TEST(SaveWorkforceScheduleTest, AnUnchangedAmendmentYieldsNoEvent) {
  const auto r = Save(History("2026-07", 2), Draft("2026-08"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(SaveWorkforceScheduleTest, TheFirstScheduleMayBeAmendedWithADifferentPreviousMonthEnd) {
  const auto given = History("2026-07", 1);
  auto c = Draft("2026-07", true);
  c.draft.previous_month_end->general.male = 12;
  const auto r = Save(given, c);
  ASSERT_TRUE(r.ok()) << Code(r);
  EXPECT_EQ(std::get<events::WorkforceScheduleAmended>(r->front()).content.development.month_end.general.male, 12);
}

TEST(SaveWorkforceScheduleTest, PeriodsInTheFutureAreRefused) {
  EXPECT_EQ(Code(Save({}, Draft("2026-11", true))), "schedule_period_in_future") << "WS-R2: first at most last month";
  EXPECT_EQ(Code(Save(History("2026-09", 2), Draft("2026-11"))), "ok") << "WS-R3: the current month is not future";
  EXPECT_EQ(Code(Save(History("2026-10", 2), Draft("2026-12"))), "schedule_period_in_future");
}

TEST(SaveWorkforceScheduleTest, OnlyTheEmployersOwnHeadquarters) {
  auto other = Hq();
  other.employer_id = "2000000099";
  EXPECT_EQ(Code(Save({}, Draft("2026-09", true), other)), "workplace_not_found");
  auto branch = Hq();
  branch.role = "branch";
  EXPECT_EQ(Code(Save({}, Draft("2026-09", true), branch)), "not_headquarters");
  EXPECT_EQ(Code(Save({}, Draft("2026-09", true), WorkplaceState{})), "workplace_not_found");
}

TEST(SaveWorkforceScheduleTest, ANegativeMonthEndNamesTheRowAndSex) {
  auto c = Draft("2026-09", true);
  c.draft.left.disabled.female = 1;  // nobody to leave
  c.draft.personnel_movements.push_back(Row("left", "23456789060", "2026-09-10", "disabled", "female"));
  EXPECT_THAT(Fields(Save({}, c)), Contains(FieldError{"monthEnd.disabled.female", "negative_headcount"}));
}

TEST(SaveWorkforceScheduleTest, NegativeCountsAreRefused) {
  auto c = Draft("2026-09", true);
  c.draft.hired.part_time.male = -1;
  EXPECT_THAT(Fields(Save({}, c)), Contains(FieldError{"hired.partTime.male", "negative"}));
}

// Issue 10: a hire count of 2^63-1 overflowed into the month end and was refused as a
// negative headcount. Counts above kMaxHeadcount are out_of_range, before any arithmetic.
TEST(SaveWorkforceScheduleTest, ACountAboveTheMaximumIsOutOfRangeNotANegativeHeadcount) {
  auto c = Draft("2026-09", true);
  c.draft.hired.general.male = INT64_MAX;
  const auto errors = Fields(Save({}, c));
  EXPECT_THAT(errors, Contains(FieldError{"hired.general.male", "out_of_range"}));
  for (const auto& e : errors) EXPECT_NE(e.code, "negative_headcount") << e.field;
}

TEST(SaveWorkforceScheduleTest, EveryCountHasTheSameMaximum) {
  auto c = Draft("2026-09", true);
  c.draft.previous_month_end->disabled.female = kMaxHeadcount + 1;
  c.draft.left.general.male = kMaxHeadcount + 1;
  c.draft.underground_underwater.female = kMaxHeadcount + 1;
  c.draft.part_time_monthly_hours = kMaxPartTimeMonthlyHours + 1;
  c.draft.occupation_distribution[0].count = kMaxHeadcount + 1;
  c.draft.hard_to_fill_occupations[0].count = kMaxHeadcount + 1;
  c.draft.exemption_info = {{"engelli", kMaxHeadcount + 1, "", "", ""}};
  c.draft.employment_preferences.expected_change_count = INT64_MAX;
  EXPECT_THAT(Fields(Save({}, c)),
              ::testing::UnorderedElementsAre(FieldError{"previousMonthEnd.disabled.female", "out_of_range"},
                                              FieldError{"left.general.male", "out_of_range"},
                                              FieldError{"undergroundUnderwater.female", "out_of_range"},
                                              FieldError{"partTimeMonthlyHours", "out_of_range"},
                                              FieldError{"occupationDistribution[0].count", "out_of_range"},
                                              FieldError{"hardToFillOccupations[0].count", "out_of_range"},
                                              FieldError{"exemptionInfo[0].count", "out_of_range"},
                                              FieldError{"employmentPreferences.expectedChangeCount", "out_of_range"}));
}

TEST(SaveWorkforceScheduleTest, TheMaximumItselfIsAcceptedAndTheMonthEndIsBoundedToo) {
  auto c = Draft("2026-09", true);
  c.draft.previous_month_end->general.male = kMaxHeadcount;
  c.draft.occupation_distribution[0].count = kMaxHeadcount;
  c.draft.hired.general.male = 1;  // month end = previous + 1 - 1
  EXPECT_EQ(Code(Save({}, c)), "ok");
  c.draft.left.general.male = 0;
  c.draft.personnel_movements.pop_back();
  EXPECT_THAT(Fields(Save({}, c)), Contains(FieldError{"monthEnd.general.male", "out_of_range"}));
}

TEST(SaveWorkforceScheduleTest, PersonnelRowsMustMatchTheCountsUnlessConfiguredOff) {
  auto c = Draft("2026-09", true);
  c.draft.personnel_movements.pop_back();  // the leaver has no row
  EXPECT_THAT(Fields(Save({}, c)), Contains(FieldError{"personnelMovements", "left_rows_mismatch"}));
  c.draft.hired.general.male = 2;
  EXPECT_THAT(Fields(Save({}, c)), Contains(FieldError{"personnelMovements", "hired_rows_mismatch"}));
  c.rows_must_match_counts = false;  // WS-B2 is configurable (OP-24)
  EXPECT_EQ(Code(Save({}, c)), "ok");
}

TEST(SaveWorkforceScheduleTest, EveryPersonnelRowFieldIsChecked) {
  auto c = Draft("2026-09", true);
  c.draft.personnel_movements[0] = {"moved", "10000000147", "", "", "x", "2026-10-01", "9999", "boss", "gig", false, ""};
  const auto f = Fields(Save({}, c));
  for (const auto& want : std::vector<FieldError>{{"personnelMovements[0].type", "unknown_value"},
                                                   {"personnelMovements[0].tckn", "invalid_checksum"},
                                                   {"personnelMovements[0].firstName", "required"},
                                                   {"personnelMovements[0].lastName", "required"},
                                                   {"personnelMovements[0].sex", "unknown_value"},
                                                   {"personnelMovements[0].date", "outside_month"},
                                                   {"personnelMovements[0].occupation", "unknown_value"},
                                                   {"personnelMovements[0].category", "unknown_value"},
                                                   {"personnelMovements[0].contractType", "unknown_value"}}) {
    EXPECT_THAT(f, Contains(want));
  }
}

TEST(SaveWorkforceScheduleTest, ATcknAppearsOncePerMovementType) {
  auto c = Draft("2026-09", true);
  c.draft.hired.general.male = 2;
  c.draft.personnel_movements.push_back(Row("hired", "10000000146", "2026-09-04"));
  EXPECT_THAT(Fields(Save({}, c)), Contains(FieldError{"personnelMovements[2].tckn", "duplicate"}));
}

TEST(SaveWorkforceScheduleTest, DisabledPersonsAreNotEmployedUnderground) {
  auto c = Draft("2026-09", true);
  c.draft.personnel_movements[0].category = "disabled";
  c.draft.personnel_movements[0].underground_underwater = true;
  EXPECT_THAT(Fields(Save({}, c)),
              Contains(FieldError{"personnelMovements[0].undergroundUnderwater", "disabled_underground_not_allowed"}));
}

TEST(SaveWorkforceScheduleTest, UndergroundWorkersCannotExceedTheMonthEnd) {
  auto c = Draft("2026-09", true);
  c.draft.underground_underwater = {11, 1};
  const auto f = Fields(Save({}, c));
  EXPECT_THAT(f, Contains(FieldError{"undergroundUnderwater.male", "exceeds_month_end"}));
  EXPECT_THAT(f, Contains(FieldError{"undergroundUnderwater.female", "exceeds_month_end"}));
}

TEST(SaveWorkforceScheduleTest, PartTimeHoursGoWithPartTimeWorkers) {
  auto c = Draft("2026-09", true);
  c.draft.part_time_monthly_hours = 100;
  EXPECT_THAT(Fields(Save({}, c)), Contains(FieldError{"partTimeMonthlyHours", "no_part_time_workers"}));
  c.draft.previous_month_end->part_time.female = 2;
  c.draft.part_time_monthly_hours = 2 * 744 + 1;
  EXPECT_THAT(Fields(Save({}, c)), Contains(FieldError{"partTimeMonthlyHours", "too_large"}));
  c.draft.part_time_monthly_hours = 160;
  EXPECT_EQ(Code(Save({}, c)), "ok");
}

TEST(SaveWorkforceScheduleTest, OccupationDistributionHasNoZeroRowsAndNoDuplicates) {
  auto c = Draft("2026-09", true);
  c.draft.occupation_distribution = {{"2512", 0}, {"7212", 3}, {"7212", 1}, {"12", 1}};
  const auto f = Fields(Save({}, c));
  EXPECT_THAT(f, Contains(FieldError{"occupationDistribution[0].count", "occupation_count_zero"}));  // WS-C2
  EXPECT_THAT(f, Contains(FieldError{"occupationDistribution[2].occupation", "duplicate"}));
  EXPECT_THAT(f, Contains(FieldError{"occupationDistribution[3].occupation", "unknown_value"}));
}

TEST(SaveWorkforceScheduleTest, HardToFillOccupationsAtMostFiveWithAtLeastOnePerson) {
  auto c = Draft("2026-09", true);
  c.draft.hard_to_fill_occupations = {{"7212", 0}, {"2512", 1}, {"2511", 1}, {"2513", 1}, {"2514", 1}, {"2519", 1}};
  const auto f = Fields(Save({}, c));
  EXPECT_THAT(f, Contains(FieldError{"hardToFillOccupations[0].count", "required"}));
  EXPECT_THAT(f, Contains(FieldError{"hardToFillOccupations", "too_many"}));
}

TEST(SaveWorkforceScheduleTest, ExemptionsAndPreferencesAreChecked) {
  auto c = Draft("2026-09", true);
  c.draft.exemption_info = {{"", -1, "", "2026-09-10", "2026-09-01"}};
  c.draft.employment_preferences.expected_workforce_change_next_month = "sideways";
  c.draft.employment_preferences.expected_change_count = -2;
  const auto f = Fields(Save({}, c));
  EXPECT_THAT(f, Contains(FieldError{"exemptionInfo[0].exemptionType", "required"}));
  EXPECT_THAT(f, Contains(FieldError{"exemptionInfo[0].count", "negative"}));
  EXPECT_THAT(f, Contains(FieldError{"exemptionInfo[0].validTo", "before_valid_from"}));
  EXPECT_THAT(f, Contains(FieldError{"employmentPreferences.expectedWorkforceChangeNextMonth", "unknown_value"}));
  EXPECT_THAT(f, Contains(FieldError{"employmentPreferences.expectedChangeCount", "negative"}));
}

TEST(SaveWorkforceScheduleTest, EveryViolatedRuleIsReportedAtOnce) {
  auto c = Draft("2026-09", true);
  c.draft.hired.general.female = -1;
  c.draft.occupation_distribution = {{"2512", 0}};
  c.draft.personnel_movements[0].sex = "";
  EXPECT_GE(Fields(Save({}, c)).size(), 3u);
}

// ---- template (WS-1) ----

TEST(NewScheduleTemplateTest, FirstIsLastMonthWithZeros) {
  const auto t = NewScheduleTemplate({}, kToday);
  EXPECT_EQ(t.year_month, "2026-10");
  EXPECT_TRUE(t.is_first);
  EXPECT_EQ(t.previous_month_end.total(), 0);
}

TEST(NewScheduleTemplateTest, NextMonthCarriesMonthEndAndOccupations) {
  WorkforceScheduleLedger l;
  for (const auto& e : History("2026-07", 2)) l = Apply(std::move(l), e);
  const auto t = NewScheduleTemplate(l, kToday);
  EXPECT_EQ(t.year_month, "2026-09");
  EXPECT_FALSE(t.is_first);
  EXPECT_EQ(t.previous_month_end.general.male, 10);
  ASSERT_EQ(t.occupation_distribution.size(), 1u);
  EXPECT_EQ(t.occupation_distribution[0].occupation, "2512");  // WS-C1
}

// ---- bulk personnel form (WS-12) ----

Result<std::vector<events::WorkforceScheduleEvent>> Bulk(const std::vector<events::WorkforceScheduleEvent>& given,
                                                         const std::string& month,
                                                         std::vector<events::PersonnelMovement> rows) {
  WorkforceScheduleLedger l;
  for (const auto& e : given) l = Apply(std::move(l), e);
  ReplacePersonnelRows c{"2000000001", month, kToday, true, std::move(rows), 2};
  return DecideReplacePersonnelRows(l, Hq(), c, TestReferenceData(), given.size());
}

TEST(ReplacePersonnelRowsTest, LatestMonthRowsAreReplaced) {
  const auto r = Bulk(History("2026-07", 2), "2026-08",
                      {Row("hired", "23456789060", "2026-08-05"), Row("left", "17291716060", "2026-08-20")});
  ASSERT_TRUE(r.ok()) << Code(r);
  const auto& e = std::get<events::WorkforcePersonnelDetailsReplaced>(r->front());
  EXPECT_EQ(e.rows.size(), 2u);
  EXPECT_EQ(e.rows[0].tckn, "23456789060");
}

TEST(ReplacePersonnelRowsTest, ARowErrorNamesTheRowAndColumnAndNothingIsSaved) {
  const auto r = Bulk(History("2026-07", 2), "2026-08",
                      {Row("hired", "23456789060", "2026-08-05"), Row("left", "17291716061", "2026-08-20")});
  EXPECT_THAT(Fields(r), Contains(FieldError{"rows[3].tckn", "invalid_checksum"}));  // line 3 of the CSV
}

TEST(ReplacePersonnelRowsTest, RowsMustMatchTheLatestCounts) {
  const auto r = Bulk(History("2026-07", 2), "2026-08", {Row("hired", "23456789060", "2026-08-05")});
  EXPECT_THAT(Fields(r), Contains(FieldError{"rows", "left_rows_mismatch"}));
}

TEST(ReplacePersonnelRowsTest, ANewMonthIsSubmittedWithCountsFromTheRows) {
  auto disabled = Row("hired", "34567890170", "2026-09-02", "disabled", "female");
  auto part = Row("hired", "23456789060", "2026-09-03");
  part.contract_type = "partTime";
  const auto r = Bulk(History("2026-07", 2), "2026-09", {disabled, part, Row("left", "17291716060", "2026-09-30")});
  ASSERT_TRUE(r.ok()) << Code(r);
  const auto& e = std::get<events::WorkforceScheduleSubmitted>(r->front());
  const auto& d = e.content.development;
  EXPECT_EQ(d.hired.disabled.female, 1);
  EXPECT_EQ(d.hired.part_time.male, 1);
  EXPECT_EQ(d.left.general.male, 1);
  EXPECT_EQ(d.month_end.general.male, 9);
  EXPECT_EQ(e.content.occupation_distribution.size(), 1u) << "carried from the latest schedule";
}

TEST(ReplacePersonnelRowsTest, OlderMonthsAndGapsAreRefused) {
  EXPECT_EQ(Code(Bulk(History("2026-07", 3), "2026-07", {})), "schedule_not_latest");
  EXPECT_EQ(Code(Bulk(History("2026-07", 2), "2026-10", {})), "schedule_not_sequential");
}

}  // namespace
}  // namespace istihdam
