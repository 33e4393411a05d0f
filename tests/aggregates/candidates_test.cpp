// Given-when-then tests of job seekers and candidates (api/jobs.md "Job seekers", "Matching
// and candidates"): ages and every criterion evaluated as of the last application date (X-16),
// the refusals of an application in their fixed order, the all-or-nothing selection, the
// agency's referral, invitations and interview results.
#include "aggregates/candidates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::TestReferenceData;

const std::string kEmployer = "2000000001";
const std::string kToday = "2026-11-20";
const std::string kDeadline = "2026-12-15";

events::LaborDemandDraft Draft() {
  events::LaborDemandDraft d;
  d.occupation = "2512";
  d.position = "Yazılım Mühendisi";
  d.requested_count = 2;
  d.work_address = {"34", "Kadıköy", "Moda Cad. 1"};
  d.last_application_date = kDeadline;
  d.working_pattern = "fullTime";
  d.workplace_type = "private";
  d.work_location = "indoor";
  d.target_group = "none";
  d.description = "Web uygulamaları";
  return d;
}

LaborDemandState Demand(events::LaborDemandDraft d = Draft()) {
  events::LaborDemandCreated c;
  c.demand_no = "2026-0000001";
  c.employer_id = kEmployer;
  c.workplace_id = "3000000001";
  c.workplace_title = "Anadolu Yazılım A.Ş.";
  c.created_via = "quick";
  c.created_on = kToday;
  c.draft = std::move(d);
  return Apply({}, c);
}

JobSeeker Person(const std::string& id = "4000000001", const std::string& birth = "1990-05-10") {
  JobSeeker p;
  p.individual_id = id;
  p.birth_date = birth;
  p.has_resume = true;
  p.resume.occupations = {"2512"};
  p.resume.education_level = "bachelor";
  p.resume.languages = {{"en", "B2"}};
  p.resume.driving_licences = {"B"};
  p.resume.military_status = "completed";
  p.resume.province = "34";
  p.resume.district = "Kadıköy";
  return p;
}

std::vector<std::string> Codes(const std::vector<Reason>& reasons) {
  std::vector<std::string> out;
  for (const auto& r : reasons) out.push_back(r.code);
  return out;
}

TEST(AgeOnTest, FullYearsAndLeapDayBirthdays) {
  EXPECT_EQ(AgeOn("1985-12-15", "2026-12-14"), 40);
  EXPECT_EQ(AgeOn("1985-12-15", "2026-12-15"), 41);
  // 29 February counts on 1 March in a common year, on the day in a leap year.
  EXPECT_EQ(AgeOn("2008-02-29", "2026-02-28"), 17);
  EXPECT_EQ(AgeOn("2008-02-29", "2026-03-01"), 18);
  EXPECT_EQ(AgeOn("2008-02-29", "2028-02-29"), 20);
  EXPECT_EQ(AgeOn("2008-02-30", "2026-03-01"), std::nullopt);
  EXPECT_EQ(AgeOn("", "2026-03-01"), std::nullopt);
}

TEST(EligibilityTest, TurningFortyOneBeforeTheDeadlineIsRefusedAsOfTheDeadline) {
  auto d = Draft();
  d.max_age = 40;
  // 40 today (2026-11-20), 41 on the deadline (2026-12-15): the deadline decides.
  const auto reasons = Ineligibility(d, Person("4000000001", "1985-12-15"));
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0], (Reason{"age_out_of_range", "maxAge", "40", "41", kDeadline}));
  // One day later the birthday falls after the deadline: still 40 then.
  EXPECT_THAT(Ineligibility(d, Person("4000000001", "1985-12-16")), IsEmpty());
}

TEST(EligibilityTest, MinimumAgeIsReachedOnTheDeadlineDay) {
  auto d = Draft();
  d.min_age = 18;
  EXPECT_THAT(Ineligibility(d, Person("1", "2008-12-15")), IsEmpty());
  const auto reasons = Ineligibility(d, Person("1", "2008-12-16"));
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0], (Reason{"age_out_of_range", "minAge", "18", "17", kDeadline}));
}

TEST(EligibilityTest, EveryUnmetCriterionIsListedWithRequiredAndActual) {
  auto d = Draft();
  d.min_age = 18;
  d.education.min_level = "master";
  d.driving_licences = {"B", "C"};
  d.foreign_languages = {{"en", "C1"}, {"de", "A1"}};
  d.target_group = "disabled";
  const auto reasons = Ineligibility(d, Person());
  EXPECT_THAT(Codes(reasons), ElementsAre("education_too_low", "driving_licence_missing", "language_missing",
                                          "language_missing", "target_group_mismatch"));
  EXPECT_EQ(reasons[0], (Reason{"education_too_low", "education", "master", "bachelor", kDeadline}));
  EXPECT_EQ(reasons[1], (Reason{"driving_licence_missing", "drivingLicences", "C", "B", kDeadline}));
  EXPECT_EQ(reasons[2], (Reason{"language_missing", "foreignLanguages", "en C1", "en B2", kDeadline}));
  EXPECT_EQ(reasons[3], (Reason{"language_missing", "foreignLanguages", "de A1", "", kDeadline}));
  EXPECT_EQ(reasons[4], (Reason{"target_group_mismatch", "targetGroup", "disabled", "", kDeadline}));
}

TEST(EligibilityTest, AnAgeLimitWithoutABirthDateIsUnknown) {
  auto d = Draft();
  d.max_age = 40;
  EXPECT_THAT(Codes(Ineligibility(d, Person("1", ""))), ElementsAre("birth_date_unknown"));
}

TEST(MatchTest, CriteriaMetAndScore) {
  auto d = Draft();
  d.min_age = 18;
  d.driving_licences = {"B"};
  const auto m = MatchJobSeeker(d, Person());
  ASSERT_TRUE(m.has_value());
  EXPECT_THAT(m->matched_criteria, ElementsAre("occupation", "age", "drivingLicences", "province", "district"));
  EXPECT_EQ(m->score, 40 + 10 + 10 + 20 + 10);
  EXPECT_EQ(m->age, 36);
  auto elsewhere = Person();
  elsewhere.resume.occupations = {"7212", "2512"};
  elsewhere.resume.province = "06";
  elsewhere.resume.district = "Çankaya";
  const auto other = MatchJobSeeker(d, elsewhere);
  ASSERT_TRUE(other.has_value());
  EXPECT_THAT(other->matched_criteria, ElementsAre("occupation", "age", "drivingLicences"));
  EXPECT_EQ(other->score, 30 + 10 + 10);
}

TEST(MatchTest, TheOccupationAnActiveProfileAndEligibilityAreRequired) {
  auto p = Person();
  p.resume.occupations = {"7212"};
  EXPECT_FALSE(MatchJobSeeker(Draft(), p).has_value());
  p = Person();
  p.resume.active_profile = false;
  EXPECT_FALSE(MatchJobSeeker(Draft(), p).has_value());
  auto d = Draft();
  d.driving_licences = {"D"};
  EXPECT_FALSE(MatchJobSeeker(d, Person()).has_value());
}

TEST(ApplyTest, RefusalsInTheirFixedOrder) {
  auto d = Demand();
  JobSeeker inactive = Person();
  inactive.resume.active_profile = false;
  // Unknown, deleted and unpublished read as no posting.
  EXPECT_EQ(DecideApply(LaborDemandState{}, Person(), kToday).error().code, errc::kJobPostingNotFound);
  auto unpublished = Draft();
  unpublished.publish = false;
  EXPECT_EQ(DecideApply(Demand(unpublished), inactive, kToday).error().code, errc::kJobPostingNotFound);
  // The deadline passed: closed before anything about the person.
  EXPECT_EQ(DecideApply(d, inactive, "2026-12-16").error().code, errc::kPostingClosed);
  EXPECT_TRUE(DecideApply(d, Person(), kDeadline).ok());
  auto closed = Apply(d, events::LaborDemandClosed{"2026-0000001", kToday, "filled", 1, std::nullopt});
  EXPECT_EQ(DecideApply(closed, inactive, kToday).error().code, errc::kPostingClosed);
  // Already a candidate wins over the profile.
  auto applied = Apply(d, *DecideApply(d, Person(), kToday));
  auto same_inactive = inactive;
  EXPECT_EQ(DecideApply(applied, same_inactive, kToday).error().code, errc::kAlreadyApplied);
  EXPECT_EQ(DecideApply(d, inactive, kToday).error().code, errc::kProfileInactive);
  JobSeeker none = Person();
  none.has_resume = false;
  EXPECT_EQ(DecideApply(d, none, kToday).error().code, errc::kProfileInactive);
  auto strict = Draft();
  strict.max_age = 40;
  const auto refused = DecideApply(Demand(strict), Person("4000000001", "1985-12-15"), kToday);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, errc::kNotEligible);
  EXPECT_THAT(Codes(refused.error().reasons), ElementsAre("age_out_of_range"));
}

TEST(ApplyTest, TheOccupationIsNotACriterionAndTheCandidateIsNumbered) {
  auto p = Person();
  p.resume.occupations = {"7212"};
  const auto e = DecideApply(Demand(), p, kToday);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->candidate_id, "2026-0000001-1");
  EXPECT_EQ(e->applied_on, kToday);
  const auto s = Apply(Demand(), *e);
  EXPECT_EQ(s.candidates.applied, 1);
  EXPECT_EQ(s.candidate_list.at(0).state, "applied");
}

TEST(SelectTest, AllOrNothingNamingTheRefused) {
  auto d = Demand();
  auto a = Person("4000000001"), b = Person("4000000002"), c = Person("4000000003");
  c.resume.occupations = {"7212"};
  const auto refused = DecideSelect(d, kEmployer, {a, c}, kToday);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, errc::kNotMatching);
  EXPECT_THAT(refused.error().job_seeker_ids, ElementsAre("4000000003"));
  const auto e = DecideSelect(d, kEmployer, {a, b}, kToday);
  ASSERT_TRUE(e.ok());
  ASSERT_EQ(e->candidates.size(), 2u);
  EXPECT_EQ(e->candidates[1], (events::SelectedCandidate{"2026-0000001-2", "4000000002"}));
  d = Apply(d, *e);
  EXPECT_EQ(d.candidates.selected, 2);
  const auto again = DecideSelect(d, kEmployer, {c, b}, kToday);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, errc::kAlreadyCandidate);  // before not_matching
  EXPECT_THAT(again.error().job_seeker_ids, ElementsAre("4000000002"));
  EXPECT_EQ(DecideSelect(d, "2000000009", {c}, kToday).error().code, errc::kLaborDemandNotFound);
  EXPECT_EQ(DecideSelect(d, kEmployer, {}, kToday).error().fields,
            (std::vector<FieldError>{{"jobSeekerIds", "required"}}));
  EXPECT_EQ(DecideSelect(d, kEmployer, {c, c}, kToday).error().fields,
            (std::vector<FieldError>{{"jobSeekerIds[1]", "duplicate"}}));
  EXPECT_EQ(DecideSelect(d, kEmployer, std::vector<JobSeeker>(101, a), kToday).error().code,
            errc::kValidationFailed);
  auto cancelled = Apply(d, events::LaborDemandCancelled{"2026-0000001", "Vazgeçildi"});
  EXPECT_EQ(DecideSelect(cancelled, kEmployer, {c}, kToday).error().code, errc::kDemandNotActive);
}

TEST(ReferTest, OnlyTheWorkAddressProvincesUnitUser) {
  const auto d = Demand();
  EXPECT_EQ(DecideRefer(d, "s1", "06", Person(), kToday).error().code, errc::kLaborDemandNotFound);
  EXPECT_EQ(DecideRefer(d, "s1", "", Person(), kToday).error().code, errc::kLaborDemandNotFound);
  const auto e = DecideRefer(d, "s1", "34", Person(), kToday);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->referred_by, "s1");
  const auto s = Apply(d, *e);
  EXPECT_EQ(s.candidate_list.at(0).origin, "referred");
  EXPECT_EQ(DecideRefer(s, "s1", "34", Person(), kToday).error().code, errc::kAlreadyCandidate);
  auto strict = Draft();
  strict.education.min_level = "doctorate";
  EXPECT_EQ(DecideRefer(Demand(strict), "s1", "34", Person(), kToday).error().code, errc::kNotEligible);
}

TEST(InterviewTest, InviteRescheduleRecordAndCorrect) {
  auto d = Apply(Demand(), *DecideApply(Demand(), Person(), kToday));
  const Micros now = DateToMicros(kToday);
  InviteCandidate inv{kEmployer, "2026-0000001-1", "2026-11-25T10:00:00+03:00", "Moda Cad. 1", std::nullopt, now,
                      kToday};
  RecordInterview rec{kEmployer, "2026-0000001-1", "hired", std::nullopt, kToday};
  EXPECT_EQ(DecideRecordInterview(d, rec).error().code, errc::kCandidateNotInvited);
  d = Apply(d, *DecideInvite(d, inv));
  inv.interview_date = "2026-11-26T14:30:00Z";
  d = Apply(d, *DecideInvite(d, inv));  // rescheduled
  EXPECT_EQ(d.candidate_list.at(0).interview_date, "2026-11-26T14:30:00Z");
  EXPECT_EQ(d.candidates.invited, 1);
  d = Apply(d, *DecideRecordInterview(d, rec));
  rec.result = "notSuitable";
  d = Apply(d, *DecideRecordInterview(d, rec));  // corrected
  EXPECT_EQ(d.candidate_list.at(0).interview_result, "notSuitable");
  EXPECT_EQ(d.candidates.interviewed, 1);
  EXPECT_EQ(DecideInvite(d, inv).error().code, errc::kInterviewAlreadyRecorded);
}

TEST(InterviewTest, Refusals) {
  auto d = Apply(Demand(), *DecideApply(Demand(), Person(), kToday));
  const Micros now = DateToMicros(kToday) + 12LL * 3600 * 1'000'000;  // noon UTC
  InviteCandidate inv{kEmployer, "2026-0000001-1", "2026-11-20T14:00:00+03:00", "Moda", std::nullopt, now, kToday};
  // 14:00 in Istanbul is 11:00 UTC: already past at noon UTC.
  EXPECT_EQ(DecideInvite(d, inv).error().fields, (std::vector<FieldError>{{"interviewDate", "in_past"}}));
  inv.interview_date = "yarın";
  EXPECT_EQ(DecideInvite(d, inv).error().fields, (std::vector<FieldError>{{"interviewDate", "invalid_format"}}));
  inv.interview_date = "2026-11-21T10:00:00+03:00";
  inv.candidate_id = "2026-0000001-9";
  EXPECT_EQ(DecideInvite(d, inv).error().code, errc::kCandidateNotFound);
  inv.candidate_id = "2026-0000001-1";
  inv.employer_id = "2000000009";
  EXPECT_EQ(DecideInvite(d, inv).error().code, errc::kLaborDemandNotFound);
  RecordInterview rec{kEmployer, "2026-0000001-1", "maybe", std::nullopt, kToday};
  EXPECT_EQ(DecideRecordInterview(d, rec).error().fields, (std::vector<FieldError>{{"result", "unknown_value"}}));
  d = Apply(d, events::LaborDemandClosed{"2026-0000001", kToday, "filled", 1, std::nullopt});
  rec.result = "hired";
  EXPECT_EQ(DecideRecordInterview(d, rec).error().code, errc::kDemandNotActive);
}

TEST(ResumeTest, ValidationNamesEveryField) {
  SaveResume c{"4000000001", Person().resume};
  c.resume.occupations = {"2512", "9999", "2512"};
  c.resume.education_level = "";
  c.resume.languages = {{"xx", "B2"}, {"en", "Z9"}};
  c.resume.military_status = "unknown";
  c.resume.district = "Çankaya";
  c.resume.experience_months = -1;
  const auto r = DecideSaveResume({}, c, TestReferenceData());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields,
            (std::vector<FieldError>{{"occupations[1]", "unknown_value"}, {"occupations[2]", "duplicate"},
                                     {"educationLevel", "required"}, {"languages[0].language", "unknown_value"},
                                     {"languages[1].level", "unknown_value"}, {"militaryStatus", "unknown_value"},
                                     {"district", "unknown_value"}, {"experienceMonths", "negative"}}));
}

TEST(ResumeTest, SavedWholeAndAnUnchangedOneWritesNothing) {
  SaveResume c{"4000000001", Person().resume};
  const auto first = DecideSaveResume({}, c, TestReferenceData());
  ASSERT_TRUE(first.ok() && first->has_value());
  const auto s = Apply(ResumeState{}, events::ResumeEvent{**first});
  EXPECT_EQ(s.resume, c.resume);
  const auto again = DecideSaveResume(s, c, TestReferenceData());
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
}

}  // namespace
}  // namespace istihdam
