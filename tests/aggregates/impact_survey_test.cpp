// Given-when-then tests of the impact-analysis survey (SURV-1..3, DOMAIN.md §2.1.4.5): one
// general survey per headquarters and year, never by a branch, answers checked against the
// configured questionnaire with every failing answer named at once. Also the questionnaire
// file's own checks (infra/impact_questionnaire.h) and the shipped default.
#include "aggregates/impact_survey.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <set>

#include "tests/test_util.h"

namespace istihdam {
namespace {

namespace json = boost::json;
using ::testing::UnorderedElementsAre;

// Two versions: "v1" for 2000..2024, "v2" from 2025 on (adds the text question).
constexpr const char* kQuestions = R"({"questionnaires": [
 {"fromYear": 2025, "version": "v2", "questions": [
   {"id": "employees", "type": "integer", "required": true, "min": 0, "max": 1000, "textTr": "Çalışan", "textEn": "Employees"},
   {"id": "usedIskur", "type": "boolean", "required": true, "textTr": "İŞKUR", "textEn": "İŞKUR"},
   {"id": "outlook", "type": "choice", "required": false, "textTr": "Beklenti", "textEn": "Outlook",
    "options": [{"value": "increase", "textTr": "Artacak", "textEn": "Increase"},
                {"value": "decrease", "textTr": "Azalacak", "textEn": "Decrease"}]},
   {"id": "remarks", "type": "text", "required": false, "maxLength": 5, "textTr": "Görüş", "textEn": "Remarks"}]},
 {"fromYear": 2000, "version": "v1", "questions": [
   {"id": "employees", "type": "integer", "required": true, "textTr": "Çalışan", "textEn": "Employees"}]}]})";

const ReferenceData& Ref() {
  static const ReferenceData ref = [] {
    testing::TempDir dir;
    std::ofstream(dir.path() + "/q.json") << kQuestions;
    ReferenceData r = testing::TestReferenceData();
    const auto st = r.LoadImpactSurveyQuestions(dir.path() + "/q.json");
    if (!st.ok()) throw std::runtime_error(st.error().detail);
    return r;
  }();
  return ref;
}

json::object Answers(const char* text) { return json::parse(text).as_object(); }

// Employer 2000000001, headquarters 3000000001; today 2026-01-15.
SubmitImpactSurvey Draft() {
  SubmitImpactSurvey c;
  c.employer_id = "2000000001";
  c.survey_id = "7000000001";
  c.today = "2026-01-15";
  c.workplace_id = "3000000001";
  c.year = 2025;
  c.answers = Answers(R"({"employees": 84, "usedIskur": true, "outlook": "increase", "remarks": "iyi"})");
  c.workplace = SurveyWorkplace{"2000000001", "headquarters", "3000000001"};
  return c;
}

std::vector<FieldError> Errors(const SubmitImpactSurvey& c) {
  auto r = DecideSubmitImpactSurvey(c, Ref());
  EXPECT_FALSE(r.ok());
  if (r.ok()) return {};
  EXPECT_EQ(r.error().code, "validation_failed");
  return r.error().fields;
}

std::string Code(const Result<events::ImpactSurveySubmitted>& r) { return r.ok() ? "ok" : r.error().code; }

TEST(SubmitImpactSurveyTest, TheHeadquartersAnswersTheYearsQuestionnaire) {
  auto r = DecideSubmitImpactSurvey(Draft(), Ref());
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(r->survey_id, "7000000001");
  EXPECT_EQ(r->hq_workplace_id, "3000000001");
  EXPECT_EQ(r->year, 2025);
  EXPECT_EQ(r->kind, "general");
  EXPECT_EQ(r->employer_id, "2000000001");
  EXPECT_EQ(r->questionnaire_version, "v2");
  // In questionnaire order, values as JSON text.
  EXPECT_EQ(r->answers, (std::vector<events::SurveyAnswer>{
                            {"employees", "84"}, {"usedIskur", "true"}, {"outlook", "\"increase\""}, {"remarks", "\"iyi\""}}));
}

TEST(SubmitImpactSurveyTest, OptionalQuestionsMayBeLeftOutOrNull) {
  auto c = Draft();
  c.year = 2026;  // the current year is allowed
  c.answers = Answers(R"({"employees": 0, "usedIskur": false, "outlook": null})");
  auto r = DecideSubmitImpactSurvey(c, Ref());
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(r->answers, (std::vector<events::SurveyAnswer>{{"employees", "0"}, {"usedIskur", "false"}}));
}

TEST(SubmitImpactSurveyTest, AnEarlierYearUsesTheQuestionnaireInForceThen) {
  auto c = Draft();
  c.year = 2020;
  c.answers = Answers(R"({"employees": 5000})");  // v1: no limits, one question
  auto r = DecideSubmitImpactSurvey(c, Ref());
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(r->questionnaire_version, "v1");
}

TEST(SubmitImpactSurveyTest, EveryBadAnswerIsNamedAtOnce) {
  auto c = Draft();
  c.answers = Answers(R"({"employees": 1001, "usedIskur": "evet", "outlook": "same", "remarks": "çok uzun",
                          "favouriteColour": "mavi"})");
  EXPECT_THAT(Errors(c), UnorderedElementsAre(FieldError{"answers.employees", "out_of_range"},
                                              FieldError{"answers.usedIskur", "invalid_type"},
                                              FieldError{"answers.outlook", "unknown_value"},
                                              FieldError{"answers.remarks", "too_long"},
                                              FieldError{"answers.favouriteColour", "unknown_question"}));
}

TEST(SubmitImpactSurveyTest, WrongTypesAndMissingRequiredAnswers) {
  auto c = Draft();
  c.answers = Answers(R"({"employees": 12.5, "outlook": 3, "remarks": true})");
  EXPECT_THAT(Errors(c), UnorderedElementsAre(FieldError{"answers.employees", "invalid_type"},
                                              FieldError{"answers.usedIskur", "required"},
                                              FieldError{"answers.outlook", "invalid_type"},
                                              FieldError{"answers.remarks", "invalid_type"}));
  c.answers = Answers(R"({"employees": -1, "usedIskur": true, "remarks": "a\u0001b"})");
  EXPECT_THAT(Errors(c), UnorderedElementsAre(FieldError{"answers.employees", "out_of_range"},
                                              FieldError{"answers.remarks", "invalid_text"}));
  c.answers.reset();
  EXPECT_THAT(Errors(c), UnorderedElementsAre(FieldError{"answers", "required"}));
}

TEST(SubmitImpactSurveyTest, WorkplaceYearAndKindAreCheckedWithTheAnswers) {
  auto c = Draft();
  c.workplace = SurveyWorkplace{"2000000009", "headquarters", "3000000001"};  // another employer's
  c.year = 2027;
  c.kind = "course";
  c.answers = Answers(R"({"usedIskur": true})");
  EXPECT_THAT(Errors(c), UnorderedElementsAre(FieldError{"workplaceId", "unknown_workplace"},
                                              FieldError{"year", "in_future"}, FieldError{"kind", "unknown_value"},
                                              FieldError{"answers.employees", "required"}));
  c = Draft();
  c.workplace.reset();
  c.year.reset();
  EXPECT_THAT(Errors(c), UnorderedElementsAre(FieldError{"workplaceId", "unknown_workplace"},
                                              FieldError{"year", "required"}));
  c = Draft();
  c.workplace_id.clear();
  c.year = 1999;  // checked against the earliest questionnaire, v1
  c.answers = Answers(R"({"employees": 1})");
  EXPECT_THAT(Errors(c), UnorderedElementsAre(FieldError{"workplaceId", "required"}, FieldError{"year", "out_of_range"}));
}

TEST(SubmitImpactSurveyTest, ABranchCannotFillInTheSurvey) {
  auto c = Draft();
  c.workplace_id = "3000000002";
  c.workplace = SurveyWorkplace{"2000000001", "branch", "3000000001"};
  EXPECT_EQ(Code(DecideSubmitImpactSurvey(c, Ref())), "branch_cannot_fill_survey");
  // Field errors come first (422 before 409).
  c.year = 2030;
  EXPECT_EQ(Code(DecideSubmitImpactSurvey(c, Ref())), "validation_failed");
}

TEST(SubmitImpactSurveyTest, OneGeneralSurveyPerHeadquartersAndYear) {
  auto c = Draft();
  c.year_taken = true;
  EXPECT_EQ(Code(DecideSubmitImpactSurvey(c, Ref())), "survey_exists_for_year");
}

// ---- update ----

ImpactSurveyState Given() {
  auto ev = DecideSubmitImpactSurvey(Draft(), Ref());
  EXPECT_TRUE(ev.ok());
  return Apply(ImpactSurveyState{}, events::ImpactSurveyEvent(*ev));
}

TEST(UpdateImpactSurveyTest, TheWholeSetOfAnswersIsReplaced) {
  const auto s = Given();
  auto r = DecideUpdateImpactSurvey(s, {"2000000001", Answers(R"({"employees": 90, "usedIskur": true})")}, Ref());
  ASSERT_TRUE(r.ok()) << r.error().code;
  ASSERT_EQ(r->size(), 1u);
  const auto& u = std::get<events::ImpactSurveyUpdated>(r->front());
  EXPECT_EQ(u.survey_id, "7000000001");
  EXPECT_EQ(u.questionnaire_version, "v2");
  EXPECT_EQ(u.answers, (std::vector<events::SurveyAnswer>{{"employees", "90"}, {"usedIskur", "true"}}));
  const auto after = Apply(s, r->front());
  EXPECT_EQ(after.answers, u.answers);
  EXPECT_EQ(after.year, 2025);
}

TEST(UpdateImpactSurveyTest, UnchangedAnswersYieldNoEvent) {
  const auto r = DecideUpdateImpactSurvey(
      Given(), {"2000000001", Answers(R"({"remarks": "iyi", "outlook": "increase", "usedIskur": true, "employees": 84})")},
      Ref());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(UpdateImpactSurveyTest, AnotherEmployersOrAnUnknownSurveyIsNotFound) {
  const auto answers = Answers(R"({"employees": 1, "usedIskur": true})");
  auto r = DecideUpdateImpactSurvey(Given(), {"2000000009", answers}, Ref());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "impact_survey_not_found");
  r = DecideUpdateImpactSurvey(ImpactSurveyState{}, {"2000000001", answers}, Ref());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "impact_survey_not_found");
  // Not found comes before bad answers.
  r = DecideUpdateImpactSurvey(Given(), {"2000000009", Answers(R"({"x": 1})")}, Ref());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "impact_survey_not_found");
}

TEST(UpdateImpactSurveyTest, BadAnswersAreRefusedLikeASubmission) {
  auto r = DecideUpdateImpactSurvey(Given(), {"2000000001", Answers(R"({"employees": "çok", "x": 1})")}, Ref());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "validation_failed");
  EXPECT_THAT(r.error().fields, UnorderedElementsAre(FieldError{"answers.employees", "invalid_type"},
                                                     FieldError{"answers.usedIskur", "required"},
                                                     FieldError{"answers.x", "unknown_question"}));
}

// ---- the questionnaire file ----

TEST(ImpactQuestionnaireTest, TheShippedDefaultHasSensibleQuestions) {
  const auto& all = testing::TestReferenceData().impact_questionnaires();
  ASSERT_EQ(all.size(), 1u);
  const auto& q = testing::TestReferenceData().ImpactQuestionnaire(2025);
  EXPECT_EQ(q.version, "2026.1");
  ASSERT_GE(q.questions.size(), 8u);
  std::set<std::string> types;
  for (const auto& question : q.questions) {
    types.insert(question.type);
    EXPECT_FALSE(question.text_tr.empty());
    EXPECT_FALSE(question.text_en.empty());
  }
  EXPECT_EQ(types, (std::set<std::string>{"integer", "boolean", "text", "choice"}));
  ASSERT_NE(q.Find("usedIskurServices"), nullptr);
  EXPECT_EQ(q.Find("usedIskurServices")->type, "boolean");
}

TEST(ImpactQuestionnaireTest, TheVersionInForceForAYear) {
  EXPECT_EQ(Ref().ImpactQuestionnaire(2024).version, "v1");
  EXPECT_EQ(Ref().ImpactQuestionnaire(2025).version, "v2");
  EXPECT_EQ(Ref().ImpactQuestionnaire(2031).version, "v2");
  EXPECT_EQ(Ref().ImpactQuestionnaire(1990).version, "v1") << "before every fromYear: the earliest";
}

TEST(ImpactQuestionnaireTest, AFaultyFileIsRefusedSayingWhy) {
  const auto fails = [](const char* text, const char* why) {
    auto r = ParseQuestionnaires(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, "reference_data_invalid");
    EXPECT_NE(r.error().detail.find(why), std::string::npos) << r.error().detail;
  };
  fails("[", "not JSON");
  fails(R"({"questionnaires": []})", "no \"questionnaires\"");
  fails(R"({"questionnaires": [{"fromYear": 2000, "version": "1", "questions": []}]})", "no questions");
  const std::string q = R"({"id": "a", "type": "integer", "textTr": "t", "textEn": "t"})";
  fails((R"({"questionnaires": [{"fromYear": 2000, "version": "1", "questions": [)" + q + "," + q + "]}]}").c_str(),
        "question a twice");
  fails(R"({"questionnaires": [{"fromYear": 2000, "version": "1", "questions": [
          {"id": "a", "type": "choice", "textTr": "t", "textEn": "t"}]}]})", "needs options");
  fails(R"({"questionnaires": [{"fromYear": 2000, "version": "1", "questions": [
          {"id": "a", "type": "date", "textTr": "t", "textEn": "t"}]}]})", "unknown type");
  fails(R"({"questionnaires": [{"fromYear": 2000, "version": "1", "questions": [
          {"id": "a b", "type": "boolean", "textTr": "t", "textEn": "t"}]}]})", "id must be");
  fails(R"({"questionnaires": [{"fromYear": 2000, "version": "1", "questions": [
          {"id": "a", "type": "integer", "min": 5, "max": 1, "textTr": "t", "textEn": "t"}]}]})", "min above max");
  ReferenceData ref = testing::TestReferenceData();
  EXPECT_FALSE(ref.LoadImpactSurveyQuestions("/nonexistent/q.json").ok());
  EXPECT_EQ(ref.ImpactQuestionnaire(2025).version, "2026.1") << "a failed load changes nothing";
}

}  // namespace
}  // namespace istihdam
