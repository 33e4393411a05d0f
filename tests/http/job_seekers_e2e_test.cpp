// End-to-end tests of job vacancies II against the real binary (api/jobs.md "Job seekers",
// "Matching and candidates"): the résumé, applications with their refusals as of the
// deadline, matching and the all-or-nothing selection, invitations and interview results,
// the agency's referral, and the races the issue names. Today is 2026-11-20 (--clock-file).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <thread>

#include "e2e_helpers.h"
#include "http_client.h"
#include "server_fixture.h"

namespace e2e {
namespace {

const std::string kStaffPassword = "Birim-Sifre-123";
const std::string kPassword = "Gizli-Sifre-123";
const std::string kDeadline = "2026-12-15";

std::string ClockFile() { return ClockFilePath("seekers"); }

std::string After(const HttpResponse& r) { return "?minPosition=" + std::to_string(Int(r.Json(), "position")); }

json::object Resume(const std::string& province = "34", const std::string& district = "Kadıköy",
                    json::array licences = {"B"}, json::array occupations = {"2512"}) {
  return {{"occupations", std::move(occupations)},
          {"educationLevel", "bachelor"},
          {"fieldOfStudy", "Bilgisayar Mühendisliği"},
          {"languages", json::array{json::object{{"language", "en"}, {"level", "B2"}}}},
          {"drivingLicences", std::move(licences)},
          {"militaryStatus", "completed"},
          {"personalStatuses", json::array{}},
          {"province", province},
          {"district", district},
          {"experienceMonths", 24},
          {"activeProfile", true}};
}

struct Seeker {
  std::string id, token;
};

class JobSeekersE2E : public ServerSuite<JobSeekersE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFile(), "2026-11-20");
    unit34_ = {"unit", NextTckn(), kStaffPassword, "34"};
    unit06_ = {"unit", NextTckn(), kStaffPassword, "06"};
    ServerOptions o;
    o.staff = {unit34_, unit06_};
    o.extra_args = {"--clock-file", ClockFile()};
    return o;
  }
  static void TearDownTestSuite() {
    ServerSuite<JobSeekersE2E>::TearDownTestSuite();
    std::remove(ClockFile().c_str());
  }
  static void SeedSuite() {
    a_ = RegisterAndLogin(port(), NewEmployer::Fresh("Boğaziçi Yazılım A.Ş."));
    b_ = RegisterAndLogin(port(), NewEmployer::Fresh("Çukurova Bilişim Ltd. Şti."));
    unit34_token_ = Login(port(), unit34_.tckn, unit34_.password);
    unit06_token_ = Login(port(), unit06_.tckn, unit06_.password);
  }

  // A registered individual logged in as a job seeker, with a résumé when `resume` is given.
  static Seeker NewSeeker(const std::string& first, const std::string& last, const std::string& birth,
                          const json::object* resume = nullptr) {
    const std::string tckn = NextTckn();
    const auto reg = Post(port(), "/api/v1/individuals",
                          json::object{{"tckn", tckn}, {"firstName", first}, {"lastName", last},
                                       {"birthDate", birth}, {"password", kPassword},
                                       {"secretQuestion", "Doğduğunuz şehir?"}, {"secretAnswer", "Çorum"},
                                       {"email", "birey@example.com.tr"}, {"mobile", "0533 444 00 00"},
                                       {"preferredContact", "email"}});
    if (reg.status != 201) throw std::runtime_error("individual: " + reg.body);
    const auto login =
        Post(port(), "/api/v1/auth/login", json::object{{"tckn", tckn}, {"password", kPassword}, {"as", "individual"}});
    if (login.status != 200) throw std::runtime_error("login: " + login.body);
    Seeker s{Str(reg.Json(), "individualId"), Str(login.Json(), "token")};
    if (resume != nullptr) {
      const auto r = Put(port(), "/api/v1/me/resume", *resume, s.token);
      if (r.status != 200) throw std::runtime_error("resume: " + r.body);
    }
    return s;
  }

  static std::string NewDemand(const Employer& e, json::object more = {}) {
    json::object o{{"workplaceId", e.hq_id},
                   {"occupation", "2512"},
                   {"position", "Yazılım Mühendisi"},
                   {"requestedCount", 2},
                   {"workAddress", {{"province", "34"}, {"district", "Kadıköy"}, {"address", "Moda Cad. 1"}}},
                   {"lastApplicationDate", kDeadline},
                   {"workingPattern", "fullTime"},
                   {"description", "Web uygulamaları geliştirecek mühendis aranıyor."}};
    for (auto& [k, v] : more) o[k] = v;
    const auto r = Post(port(), "/api/v1/labor-demands", o, e.token);
    if (r.status != 201) throw std::runtime_error("labor demand: " + r.body);
    return Str(r.Json(), "id");
  }

  static HttpResponse Apply(const std::string& no, const Seeker& s) {
    return Post(port(), "/api/v1/job-postings/" + no + "/applications", json::object{}, s.token);
  }
  static HttpResponse Select(const std::string& no, const Employer& e, json::array ids) {
    return Post(port(), "/api/v1/labor-demands/" + no + "/candidates", json::object{{"jobSeekerIds", std::move(ids)}},
                e.token);
  }
  static std::vector<std::string> MatchIds(const json::value& page) {
    std::vector<std::string> out;
    for (const auto& i : Arr(page, "items")) out.push_back(Str(i, "jobSeekerId"));
    return out;
  }

  static inline Employer a_, b_;
  static inline StaffUser unit34_, unit06_;
  static inline std::string unit34_token_, unit06_token_;
};

TEST_F(JobSeekersE2E, ResumeIsSavedWholeWithTheRegistrationsNamesAndBirthDate) {
  const auto s = NewSeeker("Gülşen", "Kılıç", "1990-05-05");
  ExpectProblem(Get(port(), "/api/v1/me/resume", s.token), 404, "resume_not_found");
  auto body = Resume();
  const auto saved = Put(port(), "/api/v1/me/resume", body, s.token);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(Str(saved.Json(), "id"), s.id);
  const auto got = Get(port(), "/api/v1/me/resume" + After(saved), s.token);
  ASSERT_EQ(got.status, 200) << got.body;
  const auto v = got.Json();
  EXPECT_EQ(Str(v, "individualId"), s.id);
  EXPECT_EQ(Str(v, "firstName"), "Gülşen");
  EXPECT_EQ(Str(v, "birthDate"), "1990-05-05");
  EXPECT_EQ(Str(v, "district"), "Kadıköy");
  EXPECT_EQ(Str(Arr(v, "languages").at(0), "level"), "B2");
  EXPECT_EQ(got.Header("ETag"), "\"" + std::to_string(Int(v, "version")) + "\"");
  // A stale If-Match is refused and changes nothing.
  body["experienceMonths"] = 30;
  ExpectProblem(Put(port(), "/api/v1/me/resume", body, s.token, {{"If-Match", "\"999\""}}), 412, "version_mismatch");
  // Every failing field is named.
  auto bad = Resume("34", "Çankaya", {"B", "Q"}, {"2512", "9999"});
  bad["educationLevel"] = "guru";
  const auto p = ExpectProblem(Put(port(), "/api/v1/me/resume", bad, s.token), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "occupations[1]", "unknown_value")) << p;
  EXPECT_TRUE(HasFieldError(p, "educationLevel", "unknown_value")) << p;
  EXPECT_TRUE(HasFieldError(p, "drivingLicences[1]", "unknown_value")) << p;
  EXPECT_TRUE(HasFieldError(p, "district", "unknown_value")) << p;
  // Employers have no résumé route.
  ExpectProblem(Get(port(), "/api/v1/me/resume", a_.token), 403, "forbidden");
}

TEST_F(JobSeekersE2E, ApplicationRefusalsAndEligibilityAsOfTheDeadline) {
  const auto body = Resume();
  const std::string no = NewDemand(a_, {{"maxAge", 40}, {"drivingLicences", json::array{"B"}}});
  ExpectProblem(Apply("2026-9999999", NewSeeker("Ayşe", "Şahin", "1990-01-01", &body)), 404, "job_posting_not_found");
  // 40 today, 41 on the deadline: refused with the criterion as of the deadline.
  const auto older = NewSeeker("İsmail", "Öğüt", "1985-12-15", &body);
  const auto p = ExpectProblem(Apply(no, older), 409, "not_eligible");
  ASSERT_EQ(Arr(p, "reasons").size(), 1u) << p;
  const auto& reason = Arr(p, "reasons").at(0);
  EXPECT_EQ(Str(reason, "code"), "age_out_of_range");
  EXPECT_EQ(Str(reason, "criterion"), "maxAge");
  EXPECT_EQ(Str(reason, "required"), "40");
  EXPECT_EQ(Str(reason, "actual"), "41");
  EXPECT_EQ(Str(reason, "asOf"), kDeadline);
  // No résumé, or an inactive profile. Refusals write nothing to the log.
  const auto no_resume = NewSeeker("Can", "Ünal", "1995-03-03");
  auto inactive = Resume();
  inactive["activeProfile"] = false;
  const auto inactive_seeker = NewSeeker("Ece", "Çelik", "1995-03-03", &inactive);
  const std::uint64_t before = HealthPosition(port());
  ExpectProblem(Apply(no, no_resume), 409, "profile_inactive");
  ExpectProblem(Apply(no, inactive_seeker), 409, "profile_inactive");
  ExpectProblem(Apply(no, older), 409, "not_eligible");
  EXPECT_EQ(HealthPosition(port()), before);
  // Accepted once; again is already_applied.
  const auto ok = NewSeeker("Gülşen", "Kılıç", "1990-05-05", &body);
  const auto applied = Apply(no, ok);
  ASSERT_EQ(applied.status, 201) << applied.body;
  EXPECT_EQ(Str(applied.Json(), "id"), no + "-1");
  EXPECT_EQ(Str(applied.Json(), "demandNo"), no);
  ExpectProblem(Apply(no, ok), 409, "already_applied");
  const auto doc = Get(port(), "/api/v1/labor-demands/" + no + After(applied), a_.token);
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(Int(*Field(doc.Json(), "candidateCounts"), "applied"), 1);
  const auto document = doc.Json();
  const auto& actions = Arr(document, "availableActions");
  EXPECT_NE(std::find(actions.begin(), actions.end(), json::value("cancel")), actions.end());
  // A closed posting refuses before anything about the person.
  ASSERT_EQ(Post(port(), "/api/v1/labor-demands/" + no + "/close", json::object{{"closeReason", "filled"}}, a_.token)
                .status,
            200);
  ExpectProblem(Apply(no, NewSeeker("Can", "Ünal", "1995-03-03")), 409, "posting_closed");
  // Employers cannot apply.
  ExpectProblem(Post(port(), "/api/v1/job-postings/" + no + "/applications", json::object{}, a_.token), 403,
                "forbidden");
}

TEST_F(JobSeekersE2E, MatchesRankEligibleSeekersAndSelectionIsAllOrNothing) {
  const std::string no = NewDemand(a_, {{"occupation", "2511"}, {"minAge", 18}, {"maxAge", 50},
                                       {"drivingLicences", json::array{"B"}}});
  const auto near = Resume("34", "Kadıköy", {"B"}, {"2511"});
  const auto far = Resume("06", "Çankaya", {"B"}, {"2511"});
  const auto no_licence = Resume("34", "Kadıköy", json::array{}, {"2511"});
  const auto s1 = NewSeeker("Zeynep", "Doğan", "1992-02-02", &far);
  const auto s2 = NewSeeker("Şükrü", "Yıldız", "1993-03-03", &near);
  const auto s3 = NewSeeker("Ömer", "Işık", "1994-04-04", &no_licence);
  const auto last = NewSeeker("Çağla", "Güneş", "1960-01-01", &near);  // 66 at the deadline
  const std::string wait = "?minPosition=" + std::to_string(HealthPosition(port()));
  const auto m = Get(port(), "/api/v1/labor-demands/" + no + "/matches" + wait, a_.token);
  ASSERT_EQ(m.status, 200) << m.body;
  EXPECT_EQ(MatchIds(m.Json()), (std::vector<std::string>{s2.id, s1.id}));
  const auto page = m.Json();
  const auto& first = Arr(page, "items").at(0);
  EXPECT_EQ(Str(first, "firstName"), "Şükrü");
  EXPECT_EQ(Int(first, "age"), 33);
  EXPECT_EQ(Int(first, "score"), 40 + 10 + 10 + 20 + 10);
  EXPECT_FALSE(first.as_object().contains("tckn"));
  EXPECT_FALSE(first.as_object().contains("email"));
  EXPECT_EQ(Arr(first, "matchedCriteria").size(), 5u);
  // The query's filters.
  const auto ankara = Get(port(), "/api/v1/labor-demands/" + no + "/matches?province=06", a_.token);
  EXPECT_EQ(MatchIds(ankara.Json()), (std::vector<std::string>{s1.id}));
  auto bad = ExpectProblem(
      Get(port(), "/api/v1/labor-demands/" + no + "/matches?educationLevel=guru&province=99", a_.token), 422,
      "validation_failed");
  EXPECT_TRUE(HasFieldError(bad, "educationLevel", "unknown_value")) << bad;
  EXPECT_TRUE(HasFieldError(bad, "province", "unknown_value")) << bad;
  ExpectProblem(Get(port(), "/api/v1/labor-demands/" + no + "/matches", b_.token), 404, "labor_demand_not_found");
  // One not matching spoils the whole selection, and it is named.
  auto refused = ExpectProblem(Select(no, a_, {s1.id, s3.id, last.id}), 409, "not_matching");
  EXPECT_EQ(Arr(refused, "jobSeekerIds"), (json::array{s3.id, last.id}));
  const auto sel = Select(no, a_, {s2.id, s1.id});
  ASSERT_EQ(sel.status, 201) << sel.body;
  EXPECT_EQ(Arr(sel.Json(), "candidateIds"), (json::array{no + "-1", no + "-2"}));
  refused = ExpectProblem(Select(no, a_, {s1.id}), 409, "already_candidate");
  EXPECT_EQ(Arr(refused, "jobSeekerIds"), (json::array{s1.id}));
  // Candidates leave the matches.
  const auto after = Get(port(), "/api/v1/labor-demands/" + no + "/matches" + After(sel), a_.token);
  EXPECT_TRUE(MatchIds(after.Json()).empty()) << after.body;
  ExpectProblem(Select(no, b_, {s3.id}), 404, "labor_demand_not_found");
}

TEST_F(JobSeekersE2E, InvitationsAndInterviewResults) {
  const auto body = Resume();
  const std::string no = NewDemand(a_);
  const auto s = NewSeeker("Hülya", "Aksoy", "1991-07-07", &body);
  const auto applied = Apply(no, s);
  ASSERT_EQ(applied.status, 201) << applied.body;
  const std::string base = "/api/v1/labor-demands/" + no + "/candidates/" + Str(applied.Json(), "id");
  ExpectProblem(Put(port(), base + "/interview", json::object{{"result", "hired"}}, a_.token), 409,
                "candidate_not_invited");
  auto p = ExpectProblem(Post(port(), base + "/invitation",
                              json::object{{"interviewDate", "2026-11-19T10:00:00+03:00"}, {"interviewAddress", "Moda"}},
                              a_.token),
                         422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "interviewDate", "in_past")) << p;
  const json::object invite{{"interviewDate", "2026-11-25T10:00:00+03:00"}, {"interviewAddress", "Moda Cad. 1"}};
  ASSERT_EQ(Post(port(), base + "/invitation", invite, a_.token).status, 200);
  auto moved = invite;
  moved["interviewDate"] = "2026-11-26T14:00:00+03:00";
  ASSERT_EQ(Post(port(), base + "/invitation", moved, a_.token).status, 200);  // rescheduled
  ExpectProblem(Put(port(), base + "/interview", json::object{{"result", "maybe"}}, a_.token), 422,
                "validation_failed");
  ASSERT_EQ(Put(port(), base + "/interview", json::object{{"result", "hired"}}, a_.token).status, 200);
  const auto corrected = Put(port(), base + "/interview", json::object{{"result", "candidateDeclined"}}, a_.token);
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  ExpectProblem(Post(port(), base + "/invitation", invite, a_.token), 409, "interview_already_recorded");
  ExpectProblem(Post(port(), "/api/v1/labor-demands/" + no + "/candidates/" + no + "-9/invitation", invite, a_.token),
                404, "candidate_not_found");
  ExpectProblem(Post(port(), base + "/invitation", invite, b_.token), 404, "labor_demand_not_found");
  const auto doc = Get(port(), "/api/v1/labor-demands/" + no + After(corrected), a_.token);
  const auto document = doc.Json();
  const auto& counts = *Field(document, "candidateCounts");
  EXPECT_EQ(Int(counts, "invited"), 1);  // a reschedule counts once
  EXPECT_EQ(Int(counts, "interviewed"), 1);
}

TEST_F(JobSeekersE2E, ReferralsByTheWorkAddressProvincesUnitUser) {
  const auto body = Resume();
  const std::string no = NewDemand(a_);
  const auto s = NewSeeker("Nurcan", "Öztürk", "1988-08-08", &body);
  const json::object refer{{"jobSeekerId", s.id}};
  ExpectProblem(Post(port(), "/api/v1/labor-demands/" + no + "/referrals", refer, unit06_token_), 404,
                "labor_demand_not_found");
  ExpectProblem(Post(port(), "/api/v1/labor-demands/" + no + "/referrals", refer, a_.token), 403, "forbidden");
  const auto r = Post(port(), "/api/v1/labor-demands/" + no + "/referrals", refer, unit34_token_);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Str(r.Json(), "demandNo"), no);
  ExpectProblem(Post(port(), "/api/v1/labor-demands/" + no + "/referrals", refer, unit34_token_), 409,
                "already_candidate");
  ExpectProblem(Post(port(), "/api/v1/labor-demands/" + no + "/referrals",
                     json::object{{"jobSeekerId", NewSeeker("Can", "Ünal", "1995-03-03").id}}, unit34_token_),
                409, "profile_inactive");
}

// The same demand selected twice at once: one candidate and one already_candidate. Two
// employers selecting the same job seeker for their own demands both succeed.
TEST_F(JobSeekersE2E, ConcurrentSelections) {
  const auto body = Resume();
  const auto s = NewSeeker("Eda", "Karaca", "1994-09-09", &body);
  const std::string mine = NewDemand(a_), theirs = NewDemand(b_);
  HttpResponse one, two, other;
  {
    std::thread t1([&] { one = Select(mine, a_, {s.id}); });
    std::thread t2([&] { two = Select(mine, a_, {s.id}); });
    std::thread t3([&] { other = Select(theirs, b_, {s.id}); });
    t1.join();
    t2.join();
    t3.join();
  }
  EXPECT_EQ(other.status, 201) << other.body;
  const bool first_won = one.status == 201;
  const auto& winner = first_won ? one : two;
  const auto& loser = first_won ? two : one;
  EXPECT_EQ(winner.status, 201) << winner.body;
  ExpectProblem(loser, 409, "already_candidate");
  const auto doc = Get(port(), "/api/v1/labor-demands/" + mine + After(winner), a_.token);
  EXPECT_EQ(Int(*Field(doc.Json(), "candidateCounts"), "selected"), 1);
}

// An application racing with the close is accepted before it or refused with posting_closed;
// the demand's count agrees with the answers.
TEST_F(JobSeekersE2E, ApplicationsRacingWithTheClose) {
  const auto body = Resume();
  std::vector<Seeker> people;
  for (int i = 0; i < 6; ++i) people.push_back(NewSeeker("Aday", "Yarış", "1990-01-01", &body));
  const std::string no = NewDemand(a_);
  std::vector<HttpResponse> answers(people.size());
  HttpResponse close;
  {
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < people.size(); ++i) {
      threads.emplace_back([&, i] { answers[i] = Apply(no, people[i]); });
      if (i == 2) {
        threads.emplace_back([&] {
          close = Post(port(), "/api/v1/labor-demands/" + no + "/close", json::object{{"closeReason", "filled"}},
                       a_.token);
        });
      }
    }
    for (auto& t : threads) t.join();
  }
  ASSERT_EQ(close.status, 200) << close.body;
  std::int64_t accepted = 0;
  for (const auto& a : answers) {
    if (a.status == 201) {
      ++accepted;
      EXPECT_LT(Int(a.Json(), "position"), Int(close.Json(), "position"));
    } else {
      ExpectProblem(a, 409, "posting_closed");
    }
  }
  const auto doc = Get(port(), "/api/v1/labor-demands/" + no + After(close), a_.token);
  EXPECT_EQ(Int(*Field(doc.Json(), "candidateCounts"), "applied"), accepted);
  EXPECT_EQ(Str(doc.Json(), "status"), "closed");
}

}  // namespace
}  // namespace e2e
