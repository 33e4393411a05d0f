// Given-when-then tests of the Course aggregate (DOMAIN.md §2.1.4, api/courses.md,
// docs/courses.md): the status table (every status × every action), visibility and roles,
// the candidate list changes, the 10 % completion cutoff and the 24-month rule at their
// boundary days.
#include "aggregates/course.h"

#include <gtest/gtest.h>

#include <map>

namespace istihdam {
namespace {

const CourseActor kUnit{CourseActor::Kind::kUnitUser, "staff-1", "34"};
const CourseActor kOtherUnit{CourseActor::Kind::kUnitUser, "staff-2", "06"};
const CourseActor kHead{CourseActor::Kind::kHeadOffice, "staff-3", ""};
const CourseActor kProvider{CourseActor::Kind::kEmployer, "2000000001", ""};
const CourseActor kOtherEmployer{CourseActor::Kind::kEmployer, "2000000002", ""};

constexpr const char* kId = "KRS-2026-34-00001";
const CourseClock kDayTwo{"2026-03-03", 10};  // 1 % of a 60-day course

events::CourseFields Fields() {
  return {kId, "Bilgisayarlı Muhasebe Kursu", "34", "Kadıköy", "4311", "2026-03-02", "2026-04-30", 2, ""};
}

using History = std::vector<events::CourseEvent>;

CourseState Given(const History& h) {
  CourseState s;
  for (const auto& e : h) s = Apply(std::move(s), e);
  return s;
}

events::CourseCandidate Person(const std::string& id, const std::string& tckn) {
  return {id, "40000000" + id, tckn, "Ayşe", "Yılmaz"};
}

History Planned() { return {events::CoursePlanned{Fields(), "staff-1"}}; }
History Then(History h, std::initializer_list<events::CourseEvent> more) {
  h.insert(h.end(), more.begin(), more.end());
  return h;
}
History ToBeOpened() { return Then(Planned(), {events::CourseMarkedToBeOpened{kId}}); }
History InPreparation() { return Then(ToBeOpened(), {events::CoursePreparationStarted{kId, "2000000001"}}); }
History WithCriteria() { return Then(InPreparation(), {events::CourseCriteriaSet{kId, false, true, 0, 0, "", {}}}); }
History Opened() { return Then(WithCriteria(), {events::CourseOpened{kId, "staff-1"}}); }
// Candidacy 1 a principal, 2 a reserve.
History WithPrincipal() {
  return Then(Opened(), {events::PotentialTraineesSelected{kId, "selected", {Person("1", "10000000146"), Person("2", "10000000214")}},
                         events::CourseCandidateInvited{kId, "1", "2026-03-03"},
                         events::CourseInvitationAnswered{kId, "1", "accepted", "staff"},
                         events::CourseInterviewResultRecorded{kId, "1", "suitablePrincipal"},
                         events::CourseCandidateInvited{kId, "2", "2026-03-03"},
                         events::CourseInvitationAnswered{kId, "2", "accepted", "staff"},
                         events::CourseInterviewResultRecorded{kId, "2", "suitableReserve"}});
}
History Frozen() { return Then(WithPrincipal(), {events::CandidateTraineeListFrozen{kId, {"1"}, {"2"}}}); }
History InProgress() {
  return Then(Frozen(), {events::CandidateTraineeListApproved{kId, {"1"}, "2026-03-03"}, events::CourseStarted{kId}});
}
History Finished() { return Then(InProgress(), {events::CourseFinished{kId, {"1"}, "2026-04-30"}}); }

// "ok" or the refusal's code.
template <class R>
std::string Outcome(const R& r) {
  return r.ok() ? "ok" : r.error().code;
}

std::map<std::string, std::string> Actions(const CourseState& s, const CourseActor& a, const CourseClock& clock) {
  std::map<std::string, std::string> out;
  const std::pair<const char*, CourseTransition> transitions[] = {
      {"approveExternal", CourseTransition::kApproveExternal}, {"markToBeOpened", CourseTransition::kMarkToBeOpened},
      {"prepare", CourseTransition::kPrepare},                 {"open", CourseTransition::kOpen},
      {"freeze", CourseTransition::kFreezeList},               {"approveList", CourseTransition::kApproveList},
      {"finish", CourseTransition::kFinish}};
  for (const auto& [name, t] : transitions) {
    TransitionCourse c{a, t, clock, "", false};
    out[name] = Outcome(DecideTransition(s, c));
  }
  out["setCriteria"] = Outcome(DecideSetCriteria(s, {a, events::CourseCriteriaSet{}}));
  SelectTrainees select{a, clock, {{"10000000382", "4000000099", "Can", "Demir", {}}}};
  out["select"] = Outcome(DecideSelectTrainees(s, select));
  out["departure"] = Outcome(DecideDeparture(s, {a, clock, "1", "left"}));
  return out;
}

struct Row {
  const char* status;
  History history;
  std::map<std::string, std::string> expected;
};

TEST(CourseStateTable, EveryStatusTimesEveryActionOfAUnitUser) {
  const std::string ict = "invalid_course_transition", csf = "course_status_forbids";
  const std::vector<Row> table = {
      {"planned", Planned(),
       {{"approveExternal", ict}, {"markToBeOpened", "ok"}, {"prepare", ict}, {"open", ict}, {"freeze", ict},
        {"approveList", ict}, {"finish", ict}, {"setCriteria", csf}, {"select", csf}, {"departure", "candidacy_not_found"}}},
      {"toBeOpened", ToBeOpened(),
       {{"approveExternal", ict}, {"markToBeOpened", ict}, {"prepare", "ok"}, {"open", ict}, {"freeze", ict},
        {"approveList", ict}, {"finish", ict}, {"setCriteria", "ok"}, {"select", csf}, {"departure", "candidacy_not_found"}}},
      {"inPreparation without criteria", InPreparation(),
       {{"approveExternal", ict}, {"markToBeOpened", ict}, {"prepare", ict}, {"open", "course_criteria_missing"},
        {"freeze", ict}, {"approveList", ict}, {"finish", ict}, {"setCriteria", "ok"}, {"select", csf},
        {"departure", "candidacy_not_found"}}},
      {"inPreparation", WithCriteria(),
       {{"approveExternal", ict}, {"markToBeOpened", ict}, {"prepare", ict}, {"open", "ok"}, {"freeze", ict},
        {"approveList", ict}, {"finish", ict}, {"setCriteria", "ok"}, {"select", csf}, {"departure", "candidacy_not_found"}}},
      {"opened, no principal", Opened(),
       {{"approveExternal", ict}, {"markToBeOpened", ict}, {"prepare", ict}, {"open", ict},
        {"freeze", "no_principal_candidates"}, {"approveList", "list_not_frozen"}, {"finish", ict}, {"setCriteria", "ok"},
        {"select", "ok"}, {"departure", "candidacy_not_found"}}},
      {"opened, list open", WithPrincipal(),
       {{"approveExternal", ict}, {"markToBeOpened", ict}, {"prepare", ict}, {"open", ict}, {"freeze", "ok"},
        {"approveList", "list_not_frozen"}, {"finish", ict}, {"setCriteria", "ok"}, {"select", "ok"}, {"departure", csf}}},
      {"opened, list frozen", Frozen(),
       {{"approveExternal", ict}, {"markToBeOpened", ict}, {"prepare", ict}, {"open", ict}, {"freeze", ict},
        {"approveList", "ok"}, {"finish", ict}, {"setCriteria", "ok"}, {"select", "candidate_list_frozen"},
        {"departure", csf}}},
      {"inProgress", InProgress(),
       {{"approveExternal", ict}, {"markToBeOpened", ict}, {"prepare", ict}, {"open", ict}, {"freeze", ict},
        {"approveList", ict}, {"finish", "course_not_ended"}, {"setCriteria", csf}, {"select", "ok"}, {"departure", "ok"}}},
      {"finished", Finished(),
       {{"approveExternal", ict}, {"markToBeOpened", ict}, {"prepare", ict}, {"open", ict}, {"freeze", ict},
        {"approveList", ict}, {"finish", ict}, {"setCriteria", csf}, {"select", csf}, {"departure", csf}}},
  };
  for (const auto& row : table) {
    const auto got = Actions(Given(row.history), kUnit, kDayTwo);
    for (const auto& [action, code] : row.expected) {
      EXPECT_EQ(got.at(action), code) << row.status << " × " << action;
    }
  }
}

TEST(CourseStateTable, AvailableActionsAreTheAllowedOnes) {
  EXPECT_EQ(AvailableCourseActions(Given(WithCriteria()), kUnit, kDayTwo),
            (std::vector<std::string>{"setCriteria", "open", "assignTrainers", "reports"}));
  EXPECT_EQ(AvailableCourseActions(Given(Frozen()), kUnit, kDayTwo),
            (std::vector<std::string>{"setCriteria", "assignTrainers", "approveCandidateList", "reports"}));
  EXPECT_EQ(AvailableCourseActions(Given(WithPrincipal()), kProvider, kDayTwo),
            (std::vector<std::string>{"assignTrainers", "selectCandidates", "saveCandidateChanges",
                                      "freezeCandidateList", "reports"}));
  // The provider has no interview pages in inProgress.
  EXPECT_EQ(AvailableCourseActions(Given(InProgress()), kProvider, kDayTwo),
            (std::vector<std::string>{"assignTrainers", "reports"}));
  EXPECT_TRUE(AvailableCourseActions(Given(Planned()), kOtherUnit, kDayTwo).empty());
}

TEST(CourseVisibility, ProvinceProviderFromInPreparationAndHeadOffice) {
  EXPECT_TRUE(CourseVisibleTo(Given(Planned()), kUnit));
  EXPECT_TRUE(CourseVisibleTo(Given(Planned()), kHead));
  EXPECT_FALSE(CourseVisibleTo(Given(Planned()), kOtherUnit));
  EXPECT_FALSE(CourseVisibleTo(Given(Then(Planned(), {events::CoursePreparationStarted{kId, "2000000001"}})), kOtherEmployer));
  // The provider named at planning sees nothing before inPreparation.
  auto named = Fields();
  named.service_provider_id = "2000000001";
  EXPECT_FALSE(CourseVisibleTo(Given({events::CoursePlanned{named, "staff-1"}}), kProvider));
  EXPECT_TRUE(CourseVisibleTo(Given(InPreparation()), kProvider));
  EXPECT_TRUE(CourseVisibleTo(Given(Finished()), kProvider));
  // The external office sees its course in every status.
  auto ext = Fields();
  ext.service_provider_id = "2000000002";
  EXPECT_TRUE(CourseVisibleTo(Given({events::ExternalCourseRegistered{ext, "2000000002"}}), kOtherEmployer));
}

TEST(CourseRoles, PinnedForbiddenCodes) {
  // 404 before 403: another province's unit user.
  EXPECT_EQ(Outcome(DecideTransition(Given(WithCriteria()), {kOtherUnit, CourseTransition::kOpen, kDayTwo})),
            "course_not_found");
  EXPECT_EQ(Outcome(DecideTransition(Given(WithCriteria()), {kHead, CourseTransition::kOpen, kDayTwo})),
            "only_unit_user_can_open");
  EXPECT_EQ(Outcome(DecideTransition(Given(WithCriteria()), {kProvider, CourseTransition::kOpen, kDayTwo})),
            "only_unit_user_can_open");
  EXPECT_EQ(Outcome(DecideTransition(Given(Frozen()), {kProvider, CourseTransition::kApproveList, kDayTwo})),
            "forbidden");
  EXPECT_EQ(Outcome(DecideTransition(Given(WithPrincipal()), {kProvider, CourseTransition::kFreezeList, kDayTwo})),
            "ok");
  SelectTrainees select{kProvider, kDayTwo, {{"10000000382", "4000000099", "Can", "Demir", {}}}};
  EXPECT_EQ(Outcome(DecideSelectTrainees(Given(InProgress()), select)), "service_provider_no_access");
}

TEST(ExternalCourse, EmployerRegistersPendingAndAgencyApproves) {
  PlanCourse c{kOtherEmployer, Fields(), true, true, true, false};
  auto ev = DecidePlanCourse(c);
  ASSERT_TRUE(ev.ok());
  const auto s = Given({*ev});
  EXPECT_TRUE(s.external);
  EXPECT_EQ(s.approval, "pending");
  EXPECT_EQ(s.course.service_provider_id, "2000000002");
  EXPECT_EQ(Outcome(DecideTransition(s, {kUnit, CourseTransition::kMarkToBeOpened, kDayTwo})),
            "external_course_not_approved");
  EXPECT_EQ(Outcome(DecideTransition(s, {kOtherEmployer, CourseTransition::kApproveExternal, kDayTwo})), "forbidden");
  auto approved = DecideTransition(s, {kUnit, CourseTransition::kApproveExternal, kDayTwo});
  ASSERT_TRUE(approved.ok());
  const auto after = Given({*ev, approved->front()});
  EXPECT_EQ(after.approval, "approved");
  EXPECT_EQ(after.status, "planned");
  EXPECT_EQ(Outcome(DecideTransition(after, {kUnit, CourseTransition::kApproveExternal, kDayTwo})),
            "invalid_course_transition");
  c.course.service_provider_id = "2000000001";
  const auto refused = DecidePlanCourse(c);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at(0).field, "serviceProviderId");
  EXPECT_EQ(refused.error().fields.at(0).code, "not_applicable");
}

TEST(PlanCourse, EveryFailingFieldAndOtherProvince) {
  PlanCourse c{kUnit, {"", "", "34", "Yok", "9999", "2026-05-01", "2026-04-01", 0, "x"}, true, false, false, false};
  auto r = DecidePlanCourse(c);
  ASSERT_FALSE(r.ok());
  std::map<std::string, std::string> fields;
  for (const auto& f : r.error().fields) fields[f.field] = f.code;
  EXPECT_EQ(fields, (std::map<std::string, std::string>{{"name", "required"},
                                                         {"district", "unknown_value"},
                                                         {"occupation", "unknown_value"},
                                                         {"endDate", "before_valid_from"},
                                                         {"traineeQuota", "too_small"},
                                                         {"serviceProviderId", "unknown_value"}}));
  PlanCourse other{kOtherUnit, Fields(), true, true, true, false};
  EXPECT_EQ(Outcome(DecidePlanCourse(other)), "other_province");
}

TEST(CompletionCutoff, TenPercentBoundaryDay) {
  const auto s = Given(InProgress());
  // 60 days from 2026-03-02: 6 days elapsed = 10 % (allowed), 7 days = 11 %.
  EXPECT_EQ(CompletionPercent(s, "2026-03-08"), 10);
  EXPECT_EQ(CompletionPercent(s, "2026-03-09"), 11);
  EXPECT_EQ(CompletionPercent(s, "2026-01-01"), 0);
  EXPECT_EQ(CompletionPercent(s, "2027-01-01"), 100);
  SelectTrainees select{kUnit, {"2026-03-08", 10}, {{"10000000382", "4000000099", "Can", "Demir", {}}}};
  EXPECT_EQ(Outcome(DecideSelectTrainees(s, select)), "ok");
  select.clock.today = "2026-03-09";
  EXPECT_EQ(Outcome(DecideSelectTrainees(s, select)), "completion_threshold_passed");
  EXPECT_EQ(Outcome(DecidePromote(s, {kUnit, {"2026-03-09", 10}, "2"})), "completion_threshold_passed");
  // Departures stay allowed.
  EXPECT_EQ(Outcome(DecideDeparture(s, {kUnit, {"2026-03-09", 10}, "1", "left"})), "ok");
}

TEST(TwentyFourMonthRule, BoundaryDays) {
  EXPECT_EQ(TwentyFourMonthsBefore("2026-03-03"), "2024-03-03");
  EXPECT_EQ(TwentyFourMonthsBefore("2028-02-29"), "2026-02-28");
  const std::vector<TraineePeriod> ended_on_first_day = {{"KRS-2024-34-00001", "2024-01-01", "2024-03-03"}};
  const std::vector<TraineePeriod> ended_day_before = {{"KRS-2024-34-00001", "2024-01-01", "2024-03-02"}};
  EXPECT_TRUE(TraineeWithin24Months(ended_on_first_day, "2026-03-03"));
  EXPECT_FALSE(TraineeWithin24Months(ended_day_before, "2026-03-03"));
  SelectTrainees select{kUnit, kDayTwo, {{"10000000382", "4000000099", "Can", "Demir", ended_on_first_day}}};
  auto r = DecideSelectTrainees(Given(Opened()), select);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "course_within_24_months");
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "tckns[0]");
  select.people[0].history = ended_day_before;
  EXPECT_EQ(Outcome(DecideSelectTrainees(Given(Opened()), select)), "ok");
}

TEST(TraineeHistory, ApprovalAndPromotionEnrolDepartureDoesNot) {
  const auto s = Given(Frozen());
  auto evs = DecideTransition(s, {kUnit, CourseTransition::kApproveList, kDayTwo});
  ASSERT_TRUE(evs.ok());
  const auto enrolled = EnrolmentsOf(s, *evs);
  ASSERT_EQ(enrolled.size(), 1u);
  EXPECT_EQ(enrolled[0].person_id, "400000001");
  EXPECT_EQ(enrolled[0].start_date, "2026-03-02");
  EXPECT_EQ(enrolled[0].end_date, "2026-04-30");
  const auto running = Given(InProgress());
  auto promoted = DecidePromote(running, {kUnit, kDayTwo, "2"});
  ASSERT_TRUE(promoted.ok());
  EXPECT_EQ(EnrolmentsOf(running, {*promoted}).size(), 1u);
}

TEST(SelectTrainees, RefusesUnregisteredDuplicatesAndCandidatesAllOrNothing) {
  SelectTrainees select{kUnit, kDayTwo,
                        {{"10000000382", "", "", "", {}}, {"10000000450", "4000000098", "A", "B", {}},
                         {"10000000450", "4000000098", "A", "B", {}}, {"12345678901", "", "", "", {}}}};
  auto r = DecideSelectTrainees(Given(Opened()), select);
  ASSERT_FALSE(r.ok());
  std::map<std::string, std::string> fields;
  for (const auto& f : r.error().fields) fields[f.field] = f.code;
  EXPECT_EQ(fields.at("tckns[0]"), "not_registered");
  EXPECT_EQ(fields.at("tckns[2]"), "duplicate");
  EXPECT_EQ(fields.count("tckns[1]"), 0u);
  EXPECT_TRUE(fields.count("tckns[3]"));
  SelectTrainees again{kUnit, kDayTwo, {{"10000000146", "400000001", "Ayşe", "Yılmaz", {}}}};
  auto dup = DecideSelectTrainees(Given(WithPrincipal()), again);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, "already_candidate");
  EXPECT_EQ(dup.error().fields.at(0).field, "tckns[0]");
}

TEST(CandidateChanges, AppliedInOrderAsOneUnit) {
  const auto s = Given(Then(Opened(), {events::PotentialTraineesSelected{kId, "selected", {Person("1", "10000000146")}}}));
  // Invite, accept and record a result in one batch: each change sees the earlier ones.
  SaveCandidateChanges ok{kUnit, kDayTwo,
                          {{"1", "setInterviewDate", "2026-03-03", "", ""},
                           {"1", "setInvitationResponse", "", "accepted", ""},
                           {"1", "setInterviewResult", "", "", "suitablePrincipal"}}};
  auto evs = DecideCandidateChanges(s, ok);
  ASSERT_TRUE(evs.ok()) << evs.error().code;
  EXPECT_EQ(evs->size(), 3u);
  // A result without an accepted invitation refuses the whole batch.
  SaveCandidateChanges refused{kUnit, kDayTwo,
                               {{"1", "setInterviewDate", "2026-03-03", "", ""},
                                {"1", "setInterviewResult", "", "", "suitablePrincipal"}}};
  EXPECT_EQ(Outcome(DecideCandidateChanges(s, refused)), "invitation_not_accepted");
  // Before the interview day no result; removing an invited candidate is not a move of the table.
  SaveCandidateChanges early{kUnit, kDayTwo,
                             {{"1", "setInterviewDate", "2026-03-04", "", ""},
                              {"1", "setInvitationResponse", "", "accepted", ""},
                              {"1", "setInterviewResult", "", "", "suitableReserve"}}};
  EXPECT_EQ(Outcome(DecideCandidateChanges(s, early)), "interview_not_held");
  SaveCandidateChanges remove_invited{kUnit, kDayTwo,
                                      {{"1", "setInterviewDate", "2026-03-04", "", ""}, {"1", "markRemoved", "", "", ""}}};
  EXPECT_EQ(Outcome(DecideCandidateChanges(s, remove_invited)), "invalid_candidate_transition");
  // Remove then restore is fine; restore of a present candidate is not.
  SaveCandidateChanges toggle{kUnit, kDayTwo, {{"1", "markRemoved", "", "", ""}, {"1", "restore", "", "", ""}}};
  EXPECT_EQ(Outcome(DecideCandidateChanges(s, toggle)), "ok");
  SaveCandidateChanges restore{kUnit, kDayTwo, {{"1", "restore", "", "", ""}}};
  EXPECT_EQ(Outcome(DecideCandidateChanges(s, restore)), "invalid_candidate_transition");
  // 422 before 409: an unknown candidacy and a past date name their fields.
  SaveCandidateChanges bad{kUnit, kDayTwo, {{"9", "markRemoved", "", "", ""}, {"1", "setInterviewDate", "2026-03-01", "", ""}}};
  auto r = DecideCandidateChanges(s, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "validation_failed");
  EXPECT_EQ(r.error().fields.at(0).field, "changes[0].candidacyId");
  EXPECT_EQ(r.error().fields.at(1).field, "changes[1].interviewDate");
  EXPECT_EQ(r.error().fields.at(1).code, "in_past");
}

TEST(CandidateChanges, RefusalWithoutJustificationFlagsUnemploymentInsuranceCourses) {
  const auto s = Given(Then(Opened(), {events::PotentialTraineesSelected{kId, "selected", {Person("1", "10000000146")}},
                                       events::CourseCandidateInvited{kId, "1", "2026-03-03"},
                                       events::CourseInvitationAnswered{kId, "1", "accepted", "staff"}}));
  SaveCandidateChanges c{kUnit, kDayTwo, {{"1", "setInterviewResult", "", "", "refusedWithoutJustification"}}};
  auto evs = DecideCandidateChanges(s, c);
  ASSERT_TRUE(evs.ok());
  ASSERT_EQ(evs->size(), 2u);
  EXPECT_TRUE(std::holds_alternative<events::UnemploymentInsuranceCutFlagged>(evs->at(1)));
}

TEST(Promotion, NoVacancyThenNotPromotable) {
  auto running = Given(InProgress());  // quota 2, one active trainee
  EXPECT_EQ(Outcome(DecidePromote(running, {kUnit, kDayTwo, "1"})), "not_promotable");
  EXPECT_EQ(Outcome(DecidePromote(running, {kProvider, kDayTwo, "2"})), "forbidden");
  auto promoted = DecidePromote(running, {kUnit, kDayTwo, "2"});
  ASSERT_TRUE(promoted.ok());
  running = Apply(std::move(running), *promoted);
  EXPECT_EQ(running.ActiveTrainees(), 2);
  auto third = Then(InProgress(), {*promoted, events::PotentialTraineesSelected{kId, "selected", {Person("3", "10000000382")}},
                                   events::CourseCandidateInvited{kId, "3", "2026-03-03"},
                                   events::CourseInvitationAnswered{kId, "3", "accepted", "staff"},
                                   events::CourseInterviewResultRecorded{kId, "3", "suitableReserve"}});
  EXPECT_EQ(Outcome(DecidePromote(Given(third), {kUnit, kDayTwo, "3"})), "no_vacancy");
  // A departure frees the place.
  auto left = Then(third, {events::TraineeDeparted{kId, "1", "left", "2026-03-03"}});
  EXPECT_EQ(Outcome(DecidePromote(Given(left), {kUnit, kDayTwo, "3"})), "ok");
}

TEST(Finish, OnEndDateCompletesActiveTrainees) {
  const auto s = Given(Then(InProgress(), {events::TraineeDeparted{kId, "1", "left", "2026-03-03"}}));
  EXPECT_EQ(Outcome(DecideTransition(s, {kUnit, CourseTransition::kFinish, {"2026-04-29", 10}})), "course_not_ended");
  auto done = DecideTransition(Given(InProgress()), {kUnit, CourseTransition::kFinish, {"2026-04-30", 10}});
  ASSERT_TRUE(done.ok());
  const auto after = Given(Then(InProgress(), {done->front()}));
  EXPECT_EQ(after.status, "finished");
  EXPECT_EQ(after.Find("1")->trainee_status, "completed");
}

}  // namespace
}  // namespace istihdam
