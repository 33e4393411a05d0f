// Given-when-then tests of the TypProgram aggregate (DOMAIN.md §2.1.1.5, docs/typ.md):
// creating a program and assigning participants.
#include "aggregates/typ_program.h"

#include <gtest/gtest.h>

#include "aggregates/validation.h"

namespace istihdam {
namespace {

CreateTypProgram Program() {
  CreateTypProgram c;
  c.typ_no = "TYP-2026-34-00001";
  c.actor_province = "34";
  c.host_exists = true;
  c.host_employer_id = "2000000001";
  c.province = "34";
  c.start_date = "2026-03-01";
  c.end_date = "2026-08-31";
  c.description = "Park ve bahçe bakımı";
  c.participant_quota = 2;
  return c;
}

AssignTypParticipant Person(const std::string& tckn = "10000000146",
                            const std::string& start = "2026-03-01",
                            const std::string& end = "2026-05-31") {
  return {"34", "4000000001", tckn, "Ayşe", "Yılmaz", start, end};
}

TypProgramState Given(const std::vector<events::TypProgramEvent>& history) {
  TypProgramState s;
  for (const auto& e : history) s = Apply(std::move(s), e);
  return s;
}

TypProgramState Created() { return Given({*DecideCreateTypProgram(Program())}); }

bool HasField(const Error& e, const std::string& field, const std::string& code) {
  for (const auto& f : e.fields) {
    if (f.field == field && f.code == code) return true;
  }
  return false;
}

TEST(TypNumberTest, YearProvinceAndFiveDigitSequence) {
  EXPECT_EQ(FormatTypNo("2026", "34", 1), "TYP-2026-34-00001");
  EXPECT_EQ(FormatTypNo("2026", "06", 12345), "TYP-2026-06-12345");
  EXPECT_EQ(TypProgramStream("TYP-2026-34-00001"), "typ-program-TYP-2026-34-00001");
}

TEST(TypStatusTest, DerivedFromThePeriodAndToday) {
  EXPECT_EQ(TypStatus("2026-03-01", "2026-08-31", "2026-02-28"), "planned");
  EXPECT_EQ(TypStatus("2026-03-01", "2026-08-31", "2026-03-01"), "active");
  EXPECT_EQ(TypStatus("2026-03-01", "2026-08-31", "2026-08-31"), "active");
  EXPECT_EQ(TypStatus("2026-03-01", "2026-08-31", "2026-09-01"), "completed");
}

TEST(CreateTypProgramTest, AValidProgramIsCreatedWithEveryField) {
  auto e = DecideCreateTypProgram(Program());
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->typ_no, "TYP-2026-34-00001");
  EXPECT_EQ(e->host_employer_id, "2000000001");
  EXPECT_EQ(e->province, "34");
  EXPECT_EQ(e->start_date, "2026-03-01");
  EXPECT_EQ(e->end_date, "2026-08-31");
  EXPECT_EQ(e->participant_quota, 2);
  const auto s = Given({*e});
  EXPECT_TRUE(s.exists);
  EXPECT_TRUE(s.participants.empty());
}

TEST(CreateTypProgramTest, TheHostEmployerMustExist) {
  auto c = Program();
  c.host_exists = false;
  auto e = DecideCreateTypProgram(c);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "validation_failed");
  EXPECT_TRUE(HasField(e.error(), "hostEmployerId", "unknown_value"));
}

TEST(CreateTypProgramTest, PeriodQuotaAndDescriptionAreValidatedTogether) {
  auto c = Program();
  c.end_date = "2026-02-28";  // before the start
  c.participant_quota = 0;
  c.description = "";
  c.province = "99";
  auto e = DecideCreateTypProgram(c);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "validation_failed");
  EXPECT_TRUE(HasField(e.error(), "endDate", "before_valid_from"));
  EXPECT_TRUE(HasField(e.error(), "participantQuota", "too_small"));
  EXPECT_TRUE(HasField(e.error(), "description", "required"));
  EXPECT_TRUE(HasField(e.error(), "province", "unknown_value"));
  c = Program();
  c.start_date = "2026-02-30";
  e = DecideCreateTypProgram(c);
  ASSERT_FALSE(e.ok());
  EXPECT_TRUE(HasField(e.error(), "startDate", "invalid_format"));
}

TEST(CreateTypProgramTest, TheParticipantQuotaHasAMaximum) {
  auto c = Program();
  c.participant_quota = INT64_MAX;  // issue 10: was accepted
  auto e = DecideCreateTypProgram(c);
  ASSERT_FALSE(e.ok());
  EXPECT_TRUE(HasField(e.error(), "participantQuota", "out_of_range"));
  c.participant_quota = kMaxParticipantQuota;
  EXPECT_TRUE(DecideCreateTypProgram(c).ok());
}

TEST(CreateTypProgramTest, AUnitUserCreatesOnlyInItsOwnProvince) {
  auto c = Program();
  c.actor_province = "06";
  auto e = DecideCreateTypProgram(c);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "other_province");
}

TEST(AssignTypParticipantTest, ParticipantsAreNumberedWithinTheProgram) {
  auto first = DecideAssignTypParticipant(Created(), Person());
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->participant_id, "1");
  EXPECT_EQ(first->user_id, "4000000001");
  EXPECT_EQ(first->typ_no, "TYP-2026-34-00001");
  auto second = DecideAssignTypParticipant(Given({*DecideCreateTypProgram(Program()), *first}),
                                           Person("17291716060"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->participant_id, "2");
}

TEST(AssignTypParticipantTest, TheProgramMustExistInTheUnitUsersProvince) {
  auto e = DecideAssignTypParticipant(TypProgramState{}, Person());
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "typ_program_not_found");
  auto other = Person();
  other.actor_province = "06";
  e = DecideAssignTypParticipant(Created(), other);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "typ_program_not_found");
}

TEST(AssignTypParticipantTest, ThePersonMustBeARegisteredIndividual) {
  auto c = Person();
  c.user_id = "";
  auto e = DecideAssignTypParticipant(Created(), c);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "participant_not_registered");
  EXPECT_TRUE(HasField(e.error(), "tckn", "not_registered"));
}

TEST(AssignTypParticipantTest, FieldsAreValidated) {
  auto e = DecideAssignTypParticipant(
      Created(), {"34", "4000000001", "10000000147", "", "Yılmaz", "2026-03-05", ""});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "validation_failed");
  EXPECT_TRUE(HasField(e.error(), "tckn", "invalid_checksum"));
  EXPECT_TRUE(HasField(e.error(), "firstName", "required"));
  EXPECT_TRUE(HasField(e.error(), "endDate", "required"));
}

TEST(AssignTypParticipantTest, DatesLieWithinTheProgramsPeriod) {
  for (const auto& [start, end] : std::vector<std::pair<std::string, std::string>>{
           {"2026-02-28", "2026-04-30"}, {"2026-03-01", "2026-09-01"}}) {
    auto e = DecideAssignTypParticipant(Created(), Person("10000000146", start, end));
    ASSERT_FALSE(e.ok()) << start << " " << end;
    EXPECT_EQ(e.error().code, "outside_program_period");
  }
  EXPECT_TRUE(
      DecideAssignTypParticipant(Created(), Person("10000000146", "2026-03-01", "2026-08-31"))
          .ok());
}

TEST(AssignTypParticipantTest, TheSamePersonNotTwiceForOverlappingPeriods) {
  const auto s =
      Given({*DecideCreateTypProgram(Program()), *DecideAssignTypParticipant(Created(), Person())});
  auto overlap = DecideAssignTypParticipant(s, Person("10000000146", "2026-05-31", "2026-06-30"));
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().code, "participant_period_overlaps");
  auto after = DecideAssignTypParticipant(s, Person("10000000146", "2026-06-01", "2026-06-30"));
  ASSERT_TRUE(after.ok());  // a later, separate period is allowed
  EXPECT_EQ(after->participant_id, "2");
}

TEST(AssignTypParticipantTest, TheQuotaIsNotExceeded) {
  auto program = Program();  // quota 2
  const auto created = *DecideCreateTypProgram(program);
  const auto one = *DecideAssignTypParticipant(Given({created}), Person("10000000146"));
  const auto two = *DecideAssignTypParticipant(Given({created, one}), Person("17291716060"));
  auto three = DecideAssignTypParticipant(Given({created, one, two}), Person("23456789060"));
  ASSERT_FALSE(three.ok());
  EXPECT_EQ(three.error().code, "participant_quota_exceeded");
}

}  // namespace
}  // namespace istihdam
