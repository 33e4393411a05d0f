// End-to-end tests of the impact-analysis survey (SURV-1..3, api/courses.md "Impact analysis
// survey") against the real binary: the questionnaire, a headquarters' general survey of a
// year (once: concurrent submissions leave exactly one), a branch refused, every bad field
// named, the employer's list newest year first, view and change with If-Match, and another
// employer seeing nothing. The server's calendar is the hidden --clock-file (2026-01-15).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <thread>
#include <vector>

#include "e2e_helpers.h"
#include "http_client.h"
#include "server_fixture.h"

namespace e2e {
namespace {

std::string ClockFile() { return ClockFilePath("surv"); }

std::string AfterPosition(const HttpResponse& r) {
  return "minPosition=" + std::to_string(r.Json().as_object().at("position").to_number<std::uint64_t>());
}

json::object GoodAnswers(std::int64_t employees) {
  return {{"employeesPreviousYearEnd", employees}, {"hiresPreviousYear", 12}, {"plannedHiresNextYear", 10},
          {"workforceOutlook", "increase"}, {"usedIskurServices", true}, {"hardToFillOccupations", "CNC operatörü"}};
}

json::object SurveyBody(const std::string& workplace_id, std::int64_t year, json::object answers) {
  return {{"workplaceId", workplace_id}, {"year", year}, {"kind", "general"}, {"answers", std::move(answers)}};
}

class ImpactSurveysE2E : public ServerSuite<ImpactSurveysE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFile(), "2026-01-15");
    ServerOptions o;
    o.extra_args = {"--clock-file", ClockFile()};
    return o;
  }
};

TEST_F(ImpactSurveysE2E, TheQuestionnaireOfAYear) {
  const Employer a = RegisterAndLogin(port(), NewEmployer::Fresh("Trakya Gıda A.Ş."));
  const auto r = Get(port(), "/api/v1/impact-surveys/questionnaire?year=2025", a.token);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto doc = r.Json();
  EXPECT_EQ(Int(doc, "year"), 2025);
  EXPECT_EQ(Str(doc, "version"), "2026.1");
  const auto& questions = Arr(doc, "questions");
  ASSERT_GE(questions.size(), 8u);
  EXPECT_EQ(Str(questions[0], "id"), "employeesPreviousYearEnd");
  EXPECT_EQ(Str(questions[0], "type"), "integer");
  EXPECT_TRUE(Bool(questions[0], "required"));
  EXPECT_FALSE(Str(questions[0], "textTr").empty());
  EXPECT_FALSE(Str(questions[0], "textEn").empty());
  bool choice_seen = false;
  for (const auto& q : questions) {
    if (Str(q, "type") != "choice") {
      EXPECT_EQ(q.as_object().if_contains("options"), nullptr) << json::serialize(q);
      continue;
    }
    choice_seen = true;
    EXPECT_FALSE(Arr(q, "options").empty());
  }
  EXPECT_TRUE(choice_seen);
  // Without ?year= the current year's.
  const auto now = Get(port(), "/api/v1/impact-surveys/questionnaire", a.token);
  ASSERT_EQ(now.status, 200) << now.body;
  EXPECT_EQ(Int(now.Json(), "year"), 2026);
}

TEST_F(ImpactSurveysE2E, OneGeneralSurveyPerHeadquartersAndYear) {
  const Employer a = RegisterAndLogin(port(), NewEmployer::Fresh("Marmara Makine A.Ş."));  // İstanbul
  const Employer b = RegisterAndLogin(port(), NewEmployer::Fresh("Ege Dokuma A.Ş."));
  const auto branch = Post(port(), "/api/v1/workplaces",
                           WorkplaceBody("Marmara Makine Tuzla Şubesi", NextSgkNo(), "34", "Tuzla", "Tuzla OSB"), a.token);
  ASSERT_EQ(branch.status, 201) << branch.body;
  const std::string branch_id = Str(branch.Json(), "id");

  // A branch cannot fill in the survey.
  ExpectProblem(Post(port(), "/api/v1/impact-surveys", SurveyBody(branch_id, 2025, GoodAnswers(84)), a.token), 409,
                "branch_cannot_fill_survey");

  // Every failing field at once: another employer's workplace, a future year, bad answers.
  json::object bad{{"employeesPreviousYearEnd", "seksen"}, {"hiresPreviousYear", -3}, {"workforceOutlook", "same"},
                   {"usedIskurServices", true}, {"hardToFillOccupations", std::string(1001, 'x')}, {"nope", 1}};
  const auto p = ExpectProblem(Post(port(), "/api/v1/impact-surveys", SurveyBody(b.hq_id, 2027, bad), a.token), 422,
                               "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "workplaceId", "unknown_workplace"));
  EXPECT_TRUE(HasFieldError(p, "year", "in_future"));
  EXPECT_TRUE(HasFieldError(p, "answers.employeesPreviousYearEnd", "invalid_type"));
  EXPECT_TRUE(HasFieldError(p, "answers.hiresPreviousYear", "out_of_range"));
  EXPECT_TRUE(HasFieldError(p, "answers.plannedHiresNextYear", "required"));
  EXPECT_TRUE(HasFieldError(p, "answers.workforceOutlook", "unknown_value"));
  EXPECT_TRUE(HasFieldError(p, "answers.hardToFillOccupations", "too_long"));
  EXPECT_TRUE(HasFieldError(p, "answers.nope", "unknown_question"));
  EXPECT_EQ(Arr(p, "errors").size(), 8u) << json::serialize(p);
  auto course = SurveyBody(a.hq_id, 2025, GoodAnswers(84));
  course["kind"] = "course";
  EXPECT_TRUE(HasFieldError(ExpectProblem(Post(port(), "/api/v1/impact-surveys", course, a.token), 422,
                                          "validation_failed"),
                            "kind", "unknown_value"));

  // Concurrent submissions for one headquarters and year: exactly one wins.
  constexpr int kContenders = 6;
  std::vector<int> statuses(kContenders);
  std::vector<std::string> codes(kContenders), ids(kContenders);
  {
    std::vector<std::thread> threads;
    for (int i = 0; i < kContenders; ++i) {
      threads.emplace_back([&, i] {
        const auto r = Post(port(), "/api/v1/impact-surveys", SurveyBody(a.hq_id, 2025, GoodAnswers(80 + i)), a.token);
        statuses[i] = r.status;
        const auto doc = r.Json();
        const auto& o = doc.as_object();
        if (const auto* c = o.if_contains("code")) codes[i] = std::string(c->as_string());
        if (const auto* id = o.if_contains("id")) ids[i] = std::string(id->as_string());
      });
    }
    for (auto& t : threads) t.join();
  }
  int created = 0;
  std::string survey_id;
  for (int i = 0; i < kContenders; ++i) {
    if (statuses[i] == 201) {
      ++created;
      survey_id = ids[i];
    } else {
      EXPECT_EQ(statuses[i], 409);
      EXPECT_EQ(codes[i], "survey_exists_for_year");
    }
  }
  ASSERT_EQ(created, 1);
  // Later, too; another year is a survey of its own, sent twice with one Idempotency-Key.
  ExpectProblem(Post(port(), "/api/v1/impact-surveys", SurveyBody(a.hq_id, 2025, GoodAnswers(1)), a.token), 409,
                "survey_exists_for_year");
  const auto y2024 = Post(port(), "/api/v1/impact-surveys", SurveyBody(a.hq_id, 2024, GoodAnswers(70)), a.token,
                          {{"Idempotency-Key", "surv-2024"}});
  ASSERT_EQ(y2024.status, 201) << y2024.body;
  EXPECT_EQ(Str(y2024.Json(), "hqWorkplaceId"), a.hq_id);
  EXPECT_EQ(Int(y2024.Json(), "year"), 2024);
  EXPECT_EQ(Str(y2024.Json(), "kind"), "general");
  EXPECT_EQ(Int(y2024.Json(), "version"), 1);
  const auto again = Post(port(), "/api/v1/impact-surveys", SurveyBody(a.hq_id, 2024, GoodAnswers(70)), a.token,
                          {{"Idempotency-Key", "surv-2024"}});
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(Str(again.Json(), "id"), Str(y2024.Json(), "id"));

  // The employer's list: newest year first; filtered by year.
  const std::string after = AfterPosition(y2024);
  const auto list = Get(port(), "/api/v1/impact-surveys?" + after, a.token);
  ASSERT_EQ(list.status, 200) << list.body;
  const auto ld = list.Json();
  EXPECT_EQ(Int(ld, "total"), 2);
  EXPECT_EQ(Int(ld, "pageSize"), 15);
  ASSERT_EQ(Arr(ld, "items").size(), 2u);
  EXPECT_EQ(Int(Arr(ld, "items")[0], "year"), 2025);
  EXPECT_EQ(Str(Arr(ld, "items")[0], "id"), survey_id);
  EXPECT_EQ(Str(Arr(ld, "items")[0], "workplaceTitle"), "Marmara Makine A.Ş.");
  EXPECT_EQ(Int(Arr(ld, "items")[1], "year"), 2024);
  const auto only = Get(port(), "/api/v1/impact-surveys?year=2024&kind=general&" + after, a.token);
  ASSERT_EQ(only.status, 200) << only.body;
  ASSERT_EQ(Arr(only.Json(), "items").size(), 1u);
  EXPECT_EQ(Str(Arr(only.Json(), "items")[0], "id"), Str(y2024.Json(), "id"));

  // Another employer sees none of it.
  const auto theirs = Get(port(), "/api/v1/impact-surveys?" + after, b.token);
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  EXPECT_EQ(Int(theirs.Json(), "total"), 0);
  ExpectProblem(Get(port(), "/api/v1/impact-surveys/" + survey_id + "?" + after, b.token), 404, "impact_survey_not_found");
  ExpectProblem(Put(port(), "/api/v1/impact-surveys/" + survey_id, json::object{{"answers", GoodAnswers(1)}}, b.token),
                404, "impact_survey_not_found");
}

TEST_F(ImpactSurveysE2E, ViewAndChangeASurvey) {
  const Employer a = RegisterAndLogin(port(), NewEmployer::Fresh("Karadeniz Çay A.Ş."));
  const auto created = Post(port(), "/api/v1/impact-surveys", SurveyBody(a.hq_id, 2025, GoodAnswers(84)), a.token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/impact-surveys/" + Str(created.Json(), "id");

  const auto got = Get(port(), path + "?" + AfterPosition(created), a.token);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Header("ETag"), "\"1\"");
  const auto doc = got.Json();
  EXPECT_EQ(Int(doc, "year"), 2025);
  EXPECT_EQ(Str(doc, "questionnaireVersion"), "2026.1");
  const auto* answers = Field(doc, "answers");
  ASSERT_NE(answers, nullptr);
  EXPECT_EQ(*answers, json::value(GoodAnswers(84)));

  // A change with the current version; a stale one is refused and changes nothing.
  auto changed = GoodAnswers(90);
  changed["workforceOutlook"] = "decrease";
  changed["usedIskurServices"] = false;
  changed.erase("hardToFillOccupations");
  const auto put = Put(port(), path, json::object{{"answers", changed}}, a.token, {{"If-Match", got.Header("ETag")}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Int(put.Json(), "version"), 2);
  EXPECT_EQ(Str(put.Json(), "id"), Str(created.Json(), "id"));
  ExpectProblem(Put(port(), path, json::object{{"answers", GoodAnswers(1)}}, a.token, {{"If-Match", "\"1\""}}), 412,
                "version_mismatch");
  // Bad answers: 422 naming them; answers that are not an object: 400.
  const auto bad = ExpectProblem(
      Put(port(), path, json::object{{"answers", json::object{{"usedIskurServices", "hayır"}}}}, a.token), 422,
      "validation_failed");
  EXPECT_TRUE(HasFieldError(bad, "answers.usedIskurServices", "invalid_type"));
  EXPECT_TRUE(HasFieldError(bad, "answers.employeesPreviousYearEnd", "required"));
  ExpectProblem(Put(port(), path, json::object{{"answers", json::array{}}}, a.token), 400, "invalid_type");

  const auto now = Get(port(), path + "?" + AfterPosition(put), a.token);
  ASSERT_EQ(now.status, 200) << now.body;
  EXPECT_EQ(now.Header("ETag"), "\"2\"");
  EXPECT_EQ(*Field(now.Json(), "answers"), json::value(changed));
  // The same answers again change nothing.
  const auto same = Put(port(), path, json::object{{"answers", changed}}, a.token);
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(Int(same.Json(), "version"), 2);
  ExpectProblem(Get(port(), "/api/v1/impact-surveys/7999999999", a.token), 404, "impact_survey_not_found");
}

}  // namespace
}  // namespace e2e
