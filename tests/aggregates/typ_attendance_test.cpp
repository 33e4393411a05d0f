// Given-when-then tests of TYP attendance (TYP-3, TYP-4, X-34, docs/typ.md): one entry per
// participant and day, within the participant's period, not in the future, a known type;
// delete needs an entry; the unexcused-absence threshold flags once per participant-month.
#include "aggregates/typ_attendance.h"

#include <gtest/gtest.h>

namespace istihdam {
namespace {

const std::vector<std::string> kTypes = {"excusedAbsence", "unexcusedAbsence", "sickLeave",
                                         "paidLeave",      "unpaidLeave",      "publicHoliday"};

// Program TYP-2026-34-00001 hosted by 2000000001; participant 1 works 2026-03-10..2026-05-20.
TypProgramState Program() {
  TypProgramState p;
  p.exists = true;
  p.typ_no = "TYP-2026-34-00001";
  p.host_employer_id = "2000000001";
  p.province = "34";
  p.start_date = "2026-03-01";
  p.end_date = "2026-08-31";
  p.participant_quota = 5;
  p.participants.push_back(
      {"1", "4000000001", "10000000146", "Ayşe", "Yılmaz", "2026-03-10", "2026-05-20"});
  return p;
}

RecordAbsence Record(const std::string& date, const std::string& type = "unexcusedAbsence",
                     std::int64_t threshold = 3) {
  RecordAbsence c;
  c.employer_id = "2000000001";
  c.today = "2026-04-15";
  c.typ_no = "TYP-2026-34-00001";
  c.participant_id = "1";
  c.date = date;
  c.attendance_type = type;
  c.known_types = kTypes;
  c.unexcused_threshold = threshold;
  return c;
}

DeleteAbsence Delete(const std::string& date) {
  return {"2000000001", "TYP-2026-34-00001", "1", date};
}

// Applies the decisions in order, as the stream would.
TypAttendanceState Given(const std::vector<events::TypAttendanceEvent>& history) {
  TypAttendanceState s;
  for (const auto& e : history) s = Apply(std::move(s), e);
  return s;
}

std::vector<events::TypAttendanceEvent> Recorded(const TypAttendanceState& s,
                                                 const RecordAbsence& c) {
  auto r = DecideRecordAbsence(Program(), s, c);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().code);
  return r.ok() ? *r : std::vector<events::TypAttendanceEvent>{};
}

std::string RecordError(const TypAttendanceState& s, const RecordAbsence& c,
                        std::string* field = nullptr) {
  auto r = DecideRecordAbsence(Program(), s, c);
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  if (field && !r.error().fields.empty())
    *field = r.error().fields[0].field + ":" + r.error().fields[0].code;
  return r.error().code;
}

TEST(RecordAbsenceTest, RecordsTheDayWithItsType) {
  const auto evs = Recorded({}, Record("2026-04-01", "sickLeave"));
  ASSERT_EQ(evs.size(), 1u);
  const auto& e = std::get<events::TypAbsenceRecorded>(evs[0]);
  EXPECT_EQ(e.typ_no, "TYP-2026-34-00001");
  EXPECT_EQ(e.participant_id, "1");
  EXPECT_EQ(e.date, "2026-04-01");
  EXPECT_EQ(e.attendance_type, "sickLeave");
  EXPECT_EQ(Given(evs).days.at("2026-04-01"), "sickLeave");
}

TEST(RecordAbsenceTest, ASecondEntryForTheSameDayIsRefused) {
  const auto s = Given(Recorded({}, Record("2026-04-01", "paidLeave")));
  EXPECT_EQ(RecordError(s, Record("2026-04-01", "paidLeave")), "absence_already_recorded");
  EXPECT_EQ(RecordError(s, Record("2026-04-01", "sickLeave")), "absence_already_recorded");
}

TEST(RecordAbsenceTest, TheDayMustLieInTheParticipantsPeriod) {
  EXPECT_EQ(RecordError({}, Record("2026-03-09")),
            "outside_participation_period");  // before its start
  RecordAbsence late = Record("2026-05-21");
  late.today = "2026-06-30";
  EXPECT_EQ(RecordError({}, late), "outside_participation_period");            // after its end
  EXPECT_TRUE(DecideRecordAbsence(Program(), {}, Record("2026-03-10")).ok());  // first day
}

TEST(RecordAbsenceTest, AFutureDayIsRefusedTodayIsAllowed) {
  std::string field;
  EXPECT_EQ(RecordError({}, Record("2026-04-16"), &field), "validation_failed");
  EXPECT_EQ(field, "date:in_future");
  EXPECT_TRUE(DecideRecordAbsence(Program(), {}, Record("2026-04-15")).ok());
}

TEST(RecordAbsenceTest, AnUnknownAttendanceTypeIsRefused) {
  std::string field;
  EXPECT_EQ(RecordError({}, Record("2026-04-01", "holiday"), &field), "validation_failed");
  EXPECT_EQ(field, "attendanceType:unknown_value");
  EXPECT_EQ(RecordError({}, Record("2026-04-01", ""), &field), "validation_failed");
  EXPECT_EQ(field, "attendanceType:required");
}

TEST(RecordAbsenceTest, AMalformedDateIsRefused) {
  std::string field;
  EXPECT_EQ(RecordError({}, Record("2026-02-30"), &field), "validation_failed");
  EXPECT_EQ(field, "date:invalid_format");
}

TEST(RecordAbsenceTest, OnlyTheHostEmployerOfAnExistingProgramAndParticipant) {
  auto other = Record("2026-04-01");
  other.employer_id = "2000000002";
  EXPECT_EQ(RecordError({}, other), "typ_program_not_found");
  EXPECT_EQ(DecideRecordAbsence(TypProgramState{}, {}, Record("2026-04-01")).error().code,
            "typ_program_not_found");
  auto unknown = Record("2026-04-01");
  unknown.participant_id = "2";
  EXPECT_EQ(RecordError({}, unknown), "typ_participant_not_found");
}

TEST(UnexcusedThresholdTest, FlagsExactlyAtTheThresholdAndOnlyOnce) {
  TypAttendanceState s;
  auto step = [&](const std::string& date, const std::string& type) {
    const auto evs = Recorded(s, Record(date, type));
    for (const auto& e : evs) s = Apply(std::move(s), e);
    return evs;
  };
  EXPECT_EQ(step("2026-04-01", "unexcusedAbsence").size(), 1u);
  EXPECT_EQ(step("2026-04-02", "excusedAbsence").size(), 1u);  // other types do not count
  EXPECT_EQ(step("2026-04-03", "unexcusedAbsence").size(), 1u);
  const auto third = step("2026-04-06", "unexcusedAbsence");
  ASSERT_EQ(third.size(), 2u);
  const auto& flag = std::get<events::TypParticipantFlagged>(third[1]);
  EXPECT_EQ(flag.typ_no, "TYP-2026-34-00001");
  EXPECT_EQ(flag.participant_id, "1");
  EXPECT_EQ(flag.month, "2026-04");
  EXPECT_EQ(flag.unexcused_days, 3);
  EXPECT_EQ(flag.threshold, 3);
  EXPECT_TRUE(s.flagged);
  EXPECT_EQ(step("2026-04-07", "unexcusedAbsence").size(), 1u);  // the fourth: no second flag
  // A delete keeps the flag; reaching the threshold again does not flag again.
  auto del = DecideDeleteAbsence(Program(), s, Delete("2026-04-07"));
  ASSERT_TRUE(del.ok());
  s = Apply(std::move(s), *del);
  del = DecideDeleteAbsence(Program(), s, Delete("2026-04-06"));
  ASSERT_TRUE(del.ok());
  s = Apply(std::move(s), *del);
  EXPECT_TRUE(s.flagged);
  EXPECT_EQ(s.Count("unexcusedAbsence"), 2);
  EXPECT_EQ(step("2026-04-08", "unexcusedAbsence").size(), 1u);
}

TEST(UnexcusedThresholdTest, TheThresholdComesFromConfigurationAndZeroNeverFlags) {
  EXPECT_EQ(Recorded({}, Record("2026-04-01", "unexcusedAbsence", 1)).size(), 2u);
  EXPECT_EQ(Recorded({}, Record("2026-04-01", "unexcusedAbsence", 0)).size(), 1u);
}

TEST(DeleteAbsenceTest, DeletesTheEntryAndNamesItsType) {
  const auto s = Given(Recorded({}, Record("2026-04-01", "paidLeave")));
  auto e = DecideDeleteAbsence(Program(), s, Delete("2026-04-01"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->date, "2026-04-01");
  EXPECT_EQ(e->attendance_type, "paidLeave");
  const auto after = Apply(s, *e);
  EXPECT_TRUE(after.days.empty());
  // Correction is delete + add: the day is free again.
  EXPECT_TRUE(DecideRecordAbsence(Program(), after, Record("2026-04-01", "sickLeave")).ok());
}

TEST(DeleteAbsenceTest, ADayWithoutAnEntryIsNotFound) {
  const auto s = Given(Recorded({}, Record("2026-04-01", "paidLeave")));
  auto e = DecideDeleteAbsence(Program(), s, Delete("2026-04-02"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "absence_not_found");
  auto other = Delete("2026-04-01");
  other.employer_id = "2000000002";
  EXPECT_EQ(DecideDeleteAbsence(Program(), s, other).error().code, "typ_program_not_found");
}

}  // namespace
}  // namespace istihdam
