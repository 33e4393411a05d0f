// Given-when-then tests of the LaborDemand aggregate (DOMAIN.md §2.1.1.2–2.1.1.3, api/jobs.md
// "Labor demands"): the quick form's rules, defaults, the state machine and its actions.
#include "aggregates/labor_demand.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aggregates/validation.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::TestReferenceData;

const std::string kToday = "2026-11-20";
const std::string kEmployer = "2000000001";

events::LaborDemandDraft QuickDraft() {
  events::LaborDemandDraft d;
  d.occupation = "2512";
  d.position = "Yazılım Mühendisi";
  d.requested_count = 2;
  d.work_address = {"34", "Kadıköy", "Moda Cad. 1"};
  d.last_application_date = "2026-11-30";
  d.working_pattern = "fullTime";
  d.work_location = "indoor";
  d.target_group = "none";
  d.description = "Web uygulamaları geliştirecek mühendis.";
  return d;
}

CreateLaborDemand Create(events::LaborDemandDraft d = QuickDraft()) {
  CreateLaborDemand c;
  c.employer_id = kEmployer;
  c.employer_sector = "private";
  c.today = kToday;
  c.demand_no = "2026-0000001";
  c.created_via = "quick";
  c.workplace_id = "3000000001";
  c.workplace = {true, kEmployer, "Anadolu Tekstil A.Ş."};
  c.draft = std::move(d);
  return c;
}

std::vector<FieldError> CreateErrors(const CreateLaborDemand& c) {
  auto r = DecideCreateLaborDemand(c, TestReferenceData());
  return r.ok() ? std::vector<FieldError>{} : r.error().fields;
}

LaborDemandState Given(const CreateLaborDemand& c = Create()) {
  auto r = DecideCreateLaborDemand(c, TestReferenceData());
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().code);
  return Apply({}, *r);
}

TEST(LaborDemandNumberTest, YearAndSevenDigits) {
  EXPECT_EQ(FormatDemandNo("2026", 1), "2026-0000001");
  EXPECT_EQ(FormatDemandNo("2026", 1234567), "2026-1234567");
  EXPECT_EQ(LaborDemandStream("2026-0000001"), "labor-demand-2026-0000001");
  EXPECT_EQ(DemandNoPrefix("2026"), "labor-demand-2026-");
}

TEST(CreateLaborDemandTest, TheQuickFormBecomesAnActiveDemandWithTheWorkplaceTitle) {
  auto r = DecideCreateLaborDemand(Create(), TestReferenceData());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->demand_no, "2026-0000001");
  EXPECT_EQ(r->workplace_title, "Anadolu Tekstil A.Ş.");
  EXPECT_EQ(r->created_on, kToday);
  EXPECT_EQ(r->draft.workplace_type, "private");  // default: the employer's sector
  const auto s = Apply({}, *r);
  EXPECT_EQ(s.status, "active");
  EXPECT_FALSE(s.HasCandidates());
}

TEST(CreateLaborDemandTest, ATargetGroupIsAlsoListedAmongPersonalStatuses) {
  auto d = QuickDraft();
  d.target_group = "disabled";
  d.personal_status = {"priorityRight"};
  auto r = DecideCreateLaborDemand(Create(d), TestReferenceData());
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(r->draft.personal_status, ElementsAre("priorityRight", "disabled"));
}

TEST(CreateLaborDemandTest, OneAnswerNamesEveryFailingField) {
  events::LaborDemandDraft d;
  d.work_location = "indoor";
  d.target_group = "none";
  auto c = Create(d);
  c.workplace_id = "";
  const auto f = CreateErrors(c);
  for (const char* field : {"workplaceId", "occupation", "position", "workAddress.province", "workAddress.district",
                            "lastApplicationDate", "workingPattern", "description"}) {
    EXPECT_THAT(f, Contains(FieldError{field, "required"})) << field;
  }
  EXPECT_THAT(f, Contains(FieldError{"requestedCount", "too_small"}));
}

TEST(CreateLaborDemandTest, CodesOutsideTheirSetsAreUnknownValues) {
  auto d = QuickDraft();
  d.occupation = "251";  // a minor group, not a 4-digit occupation
  d.work_address = {"34", "Çankaya", ""};  // an Ankara district
  d.working_pattern = "sometimes";
  d.personal_status = {"disabled", "disabled", "veteran"};
  d.driving_licences = {"B", "Z"};
  d.foreign_languages = {{"en", "B1"}, {"xx", "C3"}};
  d.education.min_level = "phd";
  const auto f = CreateErrors(Create(d));
  EXPECT_THAT(f, Contains(FieldError{"occupation", "unknown_value"}));
  EXPECT_THAT(f, Contains(FieldError{"workAddress.district", "unknown_value"}));
  EXPECT_THAT(f, Contains(FieldError{"workingPattern", "unknown_value"}));
  EXPECT_THAT(f, Contains(FieldError{"personalStatus[1]", "duplicate"}));
  EXPECT_THAT(f, Contains(FieldError{"personalStatus[2]", "unknown_value"}));
  EXPECT_THAT(f, Contains(FieldError{"drivingLicences[1]", "unknown_value"}));
  EXPECT_THAT(f, Contains(FieldError{"foreignLanguages[1].language", "unknown_value"}));
  EXPECT_THAT(f, Contains(FieldError{"foreignLanguages[1].minLevel", "unknown_value"}));
  EXPECT_THAT(f, Contains(FieldError{"education.minLevel", "unknown_value"}));
}

TEST(CreateLaborDemandTest, AnotherEmployersWorkplaceIsUnknown) {
  auto c = Create();
  c.workplace = {true, "2000000099", "Başka A.Ş."};
  EXPECT_THAT(CreateErrors(c), ElementsAre(FieldError{"workplaceId", "unknown_workplace"}));
  c.workplace = {};
  EXPECT_THAT(CreateErrors(c), ElementsAre(FieldError{"workplaceId", "unknown_workplace"}));
}

TEST(CreateLaborDemandTest, TheLastApplicationDateIsTodayOrLaterWithinAYear) {
  auto d = QuickDraft();
  d.last_application_date = kToday;
  EXPECT_THAT(CreateErrors(Create(d)), IsEmpty());
  d.last_application_date = "2026-11-19";
  EXPECT_THAT(CreateErrors(Create(d)), ElementsAre(FieldError{"lastApplicationDate", "in_past"}));
  d.last_application_date = "2027-11-21";  // today + 366 days
  EXPECT_THAT(CreateErrors(Create(d)), IsEmpty());
  d.last_application_date = "2027-11-22";
  EXPECT_THAT(CreateErrors(Create(d)), ElementsAre(FieldError{"lastApplicationDate", "out_of_range"}));
  d.last_application_date = "2026-02-30";
  EXPECT_THAT(CreateErrors(Create(d)), ElementsAre(FieldError{"lastApplicationDate", "invalid_format"}));
}

TEST(CreateLaborDemandTest, AgesAreFourteenToNinetyNineAndOrdered) {
  auto d = QuickDraft();
  d.min_age = 14;
  d.max_age = 99;
  EXPECT_THAT(CreateErrors(Create(d)), IsEmpty());
  d.min_age = 13;
  d.max_age = 100;
  EXPECT_THAT(CreateErrors(Create(d)),
              ElementsAre(FieldError{"minAge", "out_of_range"}, FieldError{"maxAge", "out_of_range"}));
  d.min_age = 41;
  d.max_age = 40;
  EXPECT_THAT(CreateErrors(Create(d)), ElementsAre(FieldError{"maxAge", "out_of_range"}));
}

TEST(CreateLaborDemandTest, LengthsAreCountedInCharacters) {
  auto d = QuickDraft();
  d.position = std::string();
  for (int i = 0; i < 200; ++i) d.position += "ş";  // 200 characters, 400 bytes
  EXPECT_THAT(CreateErrors(Create(d)), IsEmpty());
  d.position += "ş";
  EXPECT_THAT(CreateErrors(Create(d)), ElementsAre(FieldError{"position", "too_long"}));
  d = QuickDraft();
  d.description = std::string(4001, 'a');
  EXPECT_THAT(CreateErrors(Create(d)), ElementsAre(FieldError{"description", "too_long"}));
  d = QuickDraft();
  d.requested_count = kMaxHeadcount + 1;
  EXPECT_THAT(CreateErrors(Create(d)), ElementsAre(FieldError{"requestedCount", "out_of_range"}));
}

TEST(UpdateLaborDemandTest, NamesTheChangedSectionsAndAnUnchangedDraftYieldsNothing) {
  const auto s = Given();
  UpdateLaborDemand u{kEmployer, "private", kToday, s.draft};
  auto same = DecideUpdateLaborDemand(s, u, TestReferenceData());
  ASSERT_TRUE(same.ok());
  EXPECT_THAT(*same, IsEmpty());
  u.draft.requested_count = 3;
  u.draft.driving_licences = {"B"};
  u.draft.publish = false;
  auto changed = DecideUpdateLaborDemand(s, u, TestReferenceData());
  ASSERT_TRUE(changed.ok());
  ASSERT_EQ(changed->size(), 1u);
  const auto& e = std::get<events::LaborDemandUpdated>(changed->front());
  EXPECT_THAT(e.changed_sections, ElementsAre("occupationalRequirements", "drivingLicence", "demandAttributes"));
  EXPECT_EQ(Apply(s, e).draft.requested_count, 3);
}

TEST(UpdateLaborDemandTest, AKeptDeadlineMayHavePassedButANewOneMayNot) {
  const auto s = Given();
  UpdateLaborDemand u{kEmployer, "private", "2026-12-05", s.draft};  // the deadline 2026-11-30 has passed
  u.draft.position = "Kıdemli Yazılım Mühendisi";
  EXPECT_TRUE(DecideUpdateLaborDemand(s, u, TestReferenceData()).ok());
  u.draft.last_application_date = "2026-12-01";
  auto r = DecideUpdateLaborDemand(s, u, TestReferenceData());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().fields, ElementsAre(FieldError{"lastApplicationDate", "in_past"}));
}

TEST(LaborDemandStateMachineTest, OnlyAnActiveDemandChangesAndOthersAreNotFound) {
  const auto active = Given();
  const auto closed = Apply(active, events::LaborDemandClosed{"2026-0000001", kToday, "filled", 2, std::nullopt});
  const auto deleted = Apply(active, events::LaborDemandDeleted{"2026-0000001"});
  const UpdateLaborDemand u{kEmployer, "private", kToday, active.draft};
  const CloseLaborDemand close{kEmployer, kToday, "", "filled", 1, std::nullopt};
  const CancelLaborDemand cancel{kEmployer, "Vazgeçildi"};
  const auto code = [](const auto& r) { return r.ok() ? std::string("ok") : r.error().code; };
  EXPECT_EQ(code(DecideUpdateLaborDemand(closed, u, TestReferenceData())), "demand_not_active");
  EXPECT_EQ(code(DecideCloseLaborDemand(closed, close)), "demand_not_active");
  EXPECT_EQ(code(DecideCancelLaborDemand(closed, cancel)), "demand_not_active");
  EXPECT_EQ(code(DecideDeleteLaborDemand(closed, kEmployer)), "demand_not_active");
  for (const auto* s : {&deleted, static_cast<const LaborDemandState*>(nullptr)}) {
    const LaborDemandState none;
    const auto& st = s ? *s : none;
    EXPECT_EQ(code(DecideUpdateLaborDemand(st, u, TestReferenceData())), "labor_demand_not_found");
    EXPECT_EQ(code(DecideCloseLaborDemand(st, close)), "labor_demand_not_found");
    EXPECT_EQ(code(DecideCancelLaborDemand(st, cancel)), "labor_demand_not_found");
    EXPECT_EQ(code(DecideDeleteLaborDemand(st, kEmployer)), "labor_demand_not_found");
  }
  // Another employer's demand is not found either.
  EXPECT_EQ(code(DecideDeleteLaborDemand(active, "2000000099")), "labor_demand_not_found");
}

TEST(LaborDemandStateMachineTest, CancelNeedsCandidatesAndDeleteNeedsNone) {
  auto s = Given();
  EXPECT_EQ(DecideCancelLaborDemand(s, {kEmployer, "Vazgeçildi"}).error().code, "not_cancellable");
  EXPECT_TRUE(DecideDeleteLaborDemand(s, kEmployer).ok());
  s.candidates.applied = 1;
  EXPECT_EQ(DecideDeleteLaborDemand(s, kEmployer).error().code, "not_deletable");
  auto cancelled = DecideCancelLaborDemand(s, {kEmployer, "Vazgeçildi"});
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(Apply(s, *cancelled).status, "cancelled");
  EXPECT_THAT(DecideCancelLaborDemand(s, {kEmployer, ""}).error().fields,
              ElementsAre(FieldError{"cancelReason", "required"}));
}

TEST(LaborDemandStateMachineTest, CloseDateIsNotInTheFutureNorBeforeCreation) {
  const auto s = Given();  // created on 2026-11-20
  CloseLaborDemand c{kEmployer, "2026-11-25", "", "partiallyFilled", 1, std::string("İki kişi yerine bir")};
  auto r = DecideCloseLaborDemand(s, c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->close_date, "2026-11-25");  // default: today
  c.close_date = "2026-11-26";
  EXPECT_THAT(DecideCloseLaborDemand(s, c).error().fields, ElementsAre(FieldError{"closeDate", "in_future"}));
  c.close_date = "2026-11-19";
  EXPECT_THAT(DecideCloseLaborDemand(s, c).error().fields, ElementsAre(FieldError{"closeDate", "before_creation"}));
  c.close_date = "";
  c.close_reason = "bored";
  c.hired_count = -1;
  EXPECT_THAT(DecideCloseLaborDemand(s, c).error().fields,
              ElementsAre(FieldError{"closeReason", "unknown_value"}, FieldError{"hiredCount", "negative"}));
}

TEST(LaborDemandActionsTest, AsPinned) {
  EXPECT_THAT(AvailableActions("active", false),
              ElementsAre("view", "update", "selectCandidates", "viewCandidates", "close", "delete"));
  EXPECT_THAT(AvailableActions("active", true),
              ElementsAre("view", "update", "selectCandidates", "viewCandidates", "close", "cancel"));
  EXPECT_THAT(AvailableActions("closed", true), ElementsAre("view", "viewCandidates"));
  EXPECT_THAT(AvailableActions("cancelled", true), ElementsAre("view", "viewCandidates"));
  EXPECT_EQ(TargetGroupIcon("none"), "");
  EXPECT_EQ(TargetGroupIcon("exConvict"), "exConvict");
}

}  // namespace
}  // namespace istihdam
