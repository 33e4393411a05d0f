// End-to-end tests of job vacancies I (api/jobs.md "Codes", "Individual login", "Labor demands",
// "Open job postings") against the real binary. The server's calendar is the hidden
// --clock-file (today = 2026-11-20); the search index follows the projections, so searches
// are awaited with a deadline.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <set>

#include "e2e_helpers.h"
#include "http_client.h"
#include "server_fixture.h"

namespace e2e {
namespace {

std::string ClockFile() { return ClockFilePath("jobs"); }

json::object Demand(const std::string& workplace_id, const std::string& occupation, const std::string& position,
                    const std::string& province, const std::string& district, json::object more = {}) {
  json::object o{{"workplaceId", workplace_id},
                 {"occupation", occupation},
                 {"position", position},
                 {"requestedCount", 2},
                 {"workAddress", {{"province", province}, {"district", district}, {"address", "Merkez Mah. 1"}}},
                 {"lastApplicationDate", "2026-12-31"},
                 {"workingPattern", "fullTime"},
                 {"description", "Deneyimli çalışma arkadaşı aranıyor."}};
  for (auto& [k, v] : more) o[k] = v;
  return o;
}

class JobsE2E : public ServerSuite<JobsE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFile(), "2026-11-20");
    ServerOptions o;
    o.extra_args = {"--clock-file", ClockFile()};
    return o;
  }
  static void TearDownTestSuite() {
    ServerSuite<JobsE2E>::TearDownTestSuite();
    std::remove(ClockFile().c_str());
  }
  static void SeedSuite() {
    a_ = RegisterAndLogin(port(), NewEmployer::Fresh("Boğaziçi Yazılım A.Ş."));
    b_ = RegisterAndLogin(port(), NewEmployer::Fresh("Çukurova Lojistik Ltd. Şti."));
  }

  static HttpResponse Create(const json::object& body, const std::string& token, Headers headers = {}) {
    return Post(port(), "/api/v1/labor-demands", body, token, std::move(headers));
  }
  static std::string CreateOk(const json::object& body, const std::string& token) {
    const auto r = Create(body, token);
    if (r.status != 201) throw std::runtime_error("labor demand: " + r.body);
    return Str(r.Json(), "id");
  }
  // Searches until `done(answer)` holds (the index follows the log) or the deadline passes.
  static HttpResponse SearchUntil(const std::string& query, const std::function<bool(const json::value&)>& done) {
    HttpResponse last;
    WaitUntil(
        [&] {
          last = Get(port(), "/api/v1/job-postings" + query);
          return last.status == 200 && done(last.Json());
        },
        std::chrono::seconds(10));
    return last;
  }
  static std::set<std::string> DemandNos(const json::value& page) {
    std::set<std::string> out;
    for (const auto& i : Arr(page, "items")) out.insert(Str(i, "demandNo"));
    return out;
  }

  static inline Employer a_, b_;
};

TEST_F(JobsE2E, QuickCreateAnswersM1AndNumbersHaveNoGaps) {
  const auto first = Create(Demand(a_.hq_id, "2512", "Yazılım Mühendisi", "34", "Kadıköy"), a_.token);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto v = first.Json();
  EXPECT_EQ(Str(v, "message"), "Kayıt başarıyla oluşturulmuştur");
  const std::string no = Str(v, "id");
  EXPECT_TRUE(std::regex_match(no, std::regex("2026-[0-9]{7}"))) << no;
  EXPECT_EQ(Str(v, "demandNo"), no);
  // A refused command takes no number.
  auto bad = Demand(a_.hq_id, "2512", "Yazılım Mühendisi", "34", "Kadıköy");
  bad["lastApplicationDate"] = "2026-11-19";
  ExpectProblem(Create(bad, a_.token), 422, "validation_failed");
  const auto next = Create(Demand(a_.hq_id, "2512", "Yazılım Mühendisi", "34", "Kadıköy"), a_.token,
                           {{"Accept-Language", "en"}});
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(Str(next.Json(), "message"), "The record has been created successfully.");
  EXPECT_EQ(std::stoll(Str(next.Json(), "id").substr(5)), std::stoll(no.substr(5)) + 1);
}

TEST_F(JobsE2E, OneAnswerNamesEveryFailingField) {
  json::object body{{"workplaceId", b_.hq_id},  // another employer's workplace
                    {"occupation", "9999"},
                    {"requestedCount", 0},
                    {"workAddress", {{"province", "34"}, {"district", "Çankaya"}}},
                    {"lastApplicationDate", "2026-11-19"},
                    {"workingPattern", "fullTime"},
                    {"description", "x"},
                    {"minAge", 30},
                    {"maxAge", 20}};
  const auto p = ExpectProblem(Create(body, a_.token), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "workplaceId", "unknown_workplace"));
  EXPECT_TRUE(HasFieldError(p, "occupation", "unknown_value"));
  EXPECT_TRUE(HasFieldError(p, "position", "required"));
  EXPECT_TRUE(HasFieldError(p, "requestedCount", "too_small"));
  EXPECT_TRUE(HasFieldError(p, "workAddress.district", "unknown_value"));
  EXPECT_TRUE(HasFieldError(p, "lastApplicationDate", "in_past"));
  EXPECT_TRUE(HasFieldError(p, "maxAge", "out_of_range"));
  // A wrong type is a 400 naming the field.
  body["requestedCount"] = "two";
  EXPECT_TRUE(HasFieldError(ExpectProblem(Create(body, a_.token), 400, "invalid_type"), "requestedCount", "invalid_type"));
}

TEST_F(JobsE2E, DocumentVersionsListsAndTheStateMachine) {
  const std::string no = CreateOk(Demand(a_.hq_id, "7212", "Kaynakçı", "06", "Çankaya",
                                         {{"targetGroup", "disabled"}, {"minAge", 20}, {"maxAge", 45}}),
                                  a_.token);
  auto got = Get(port(), "/api/v1/labor-demands/" + no, a_.token);
  ASSERT_TRUE(WaitUntil([&] { return (got = Get(port(), "/api/v1/labor-demands/" + no, a_.token)).status == 200; },
                        std::chrono::seconds(5)))
      << got.body;
  auto doc = got.Json();
  EXPECT_EQ(got.Header("ETag"), "\"1\"");
  EXPECT_EQ(Str(doc, "status"), "active");
  EXPECT_EQ(Str(doc, "workplaceTitle"), "Boğaziçi Yazılım A.Ş.");
  EXPECT_EQ(Str(doc, "workplaceType"), "private");  // the employer's sector
  EXPECT_EQ(Arr(doc, "personalStatus").size(), 1u);  // the target group is listed
  EXPECT_EQ(Int(*Field(doc, "candidateCounts"), "selected"), 0);

  // PUT the whole document back with a change; a stale If-Match is 412.
  auto put = doc.as_object();
  put["requestedCount"] = 5;
  ExpectProblem(Put(port(), "/api/v1/labor-demands/" + no, put, a_.token, {{"If-Match", "\"7\""}}), 412,
                "version_mismatch");
  const auto saved = Put(port(), "/api/v1/labor-demands/" + no, put, a_.token, {{"If-Match", "\"1\""}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(Int(saved.Json(), "version"), 2);

  // The list: newest first, filters, the icon and the actions.
  HttpResponse list;
  ASSERT_TRUE(WaitUntil(
      [&] {
        list = Get(port(), "/api/v1/labor-demands?position=KAYNAKCI", a_.token);
        return list.status == 200 && Arr(list.Json(), "items").size() == 1 &&
               Int(Arr(list.Json(), "items")[0], "requestedCount") == 5;
      },
      std::chrono::seconds(5)))
      << list.body;
  const auto listed = list.Json();
  const auto& row = Arr(listed, "items")[0];
  EXPECT_EQ(Str(row, "demandNo"), no);
  EXPECT_EQ(Str(row, "targetGroupIcon"), "disabled");
  EXPECT_EQ(Str(row, "province"), "06");
  json::array actions{"view", "update", "selectCandidates", "viewCandidates", "close", "delete"};
  EXPECT_EQ(*Field(row, "availableActions"), json::value(actions));
  EXPECT_EQ(Arr(Get(port(), "/api/v1/labor-demands?status=closed&position=kaynak", a_.token).Json(), "items").size(), 0u);
  ExpectProblem(Get(port(), "/api/v1/labor-demands?createdFrom=2026-13-01", a_.token), 400, "invalid_parameter");

  // Another employer does not see it; cancelling without candidates is refused.
  ExpectProblem(Get(port(), "/api/v1/labor-demands/" + no, b_.token), 404, "labor_demand_not_found");
  ExpectProblem(Post(port(), "/api/v1/labor-demands/" + no + "/cancel", json::object{{"cancelReason", "Vazgeçildi"}}, b_.token),
                404, "labor_demand_not_found");
  ExpectProblem(Post(port(), "/api/v1/labor-demands/" + no + "/cancel", json::object{{"cancelReason", "Vazgeçildi"}}, a_.token),
                409, "not_cancellable");

  // Close; then every change is demand_not_active.
  const auto closed = Post(port(), "/api/v1/labor-demands/" + no + "/close",
                           json::object{{"closeReason", "filled"}, {"hiredCount", 2}}, a_.token);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Str(closed.Json(), "status"), "closed");
  ExpectProblem(Put(port(), "/api/v1/labor-demands/" + no, put, a_.token), 409, "demand_not_active");
  ExpectProblem(Delete(port(), "/api/v1/labor-demands/" + no, a_.token), 409, "demand_not_active");
  ASSERT_TRUE(WaitUntil(
      [&] {
        const auto r = Get(port(), "/api/v1/labor-demands/" + no, a_.token);
        return r.status == 200 && Str(r.Json(), "status") == "closed";
      },
      std::chrono::seconds(5)));
  const auto after = Get(port(), "/api/v1/labor-demands/" + no, a_.token).Json();
  EXPECT_EQ(Str(after, "closeReason"), "filled");
  EXPECT_EQ(Str(after, "closeDate"), "2026-11-20");
  EXPECT_EQ(*Field(after, "availableActions"), json::value(json::array{"view", "viewCandidates"}));
}

TEST_F(JobsE2E, DeleteIsLogicalAndLeavesTheLists) {
  const std::string no = CreateOk(Demand(a_.hq_id, "5120", "Aşçı", "35", "Konak"), a_.token);
  const auto del = Delete(port(), "/api/v1/labor-demands/" + no, a_.token);
  ASSERT_EQ(del.status, 200) << del.body;
  EXPECT_EQ(Str(del.Json(), "status"), "deleted");
  ASSERT_TRUE(WaitUntil([&] { return Get(port(), "/api/v1/labor-demands/" + no, a_.token).status == 404; },
                        std::chrono::seconds(5)));
  EXPECT_EQ(Arr(Get(port(), "/api/v1/labor-demands?demandNo=" + no, a_.token).Json(), "items").size(), 0u);
  const std::string after = "?minPosition=" + std::to_string(Int(del.Json(), "position"));
  ExpectProblem(Get(port(), "/api/v1/job-postings/" + no + after), 404, "job_posting_not_found");
}

TEST_F(JobsE2E, IndividualTokensAreForJobSeekersOnly) {
  const std::string tckn = NextTckn();
  const auto reg = Post(port(), "/api/v1/individuals",
                        json::object{{"tckn", tckn}, {"firstName", "Gülşen"}, {"lastName", "Kılıç"},
                                     {"birthDate", "1990-05-05"}, {"password", "Gizli-Sifre-123"},
                                     {"secretQuestion", "Doğduğunuz şehir?"}, {"secretAnswer", "Çorum"},
                                     {"email", "birey@example.com.tr"}, {"mobile", "0533 444 00 00"},
                                     {"preferredContact", "email"}});
  ASSERT_EQ(reg.status, 201) << reg.body;
  const auto login = Post(port(), "/api/v1/auth/login",
                          json::object{{"tckn", tckn}, {"password", "Gizli-Sifre-123"}, {"as", "individual"}});
  ASSERT_EQ(login.status, 200) << login.body;
  const auto v = login.Json();
  EXPECT_EQ(Str(v, "individualId"), Str(reg.Json(), "individualId"));
  EXPECT_FALSE(Str(v, "token").empty());
  EXPECT_FALSE(Str(v, "expiresAt").empty());
  EXPECT_TRUE(Field(v, "firms") != nullptr);
  ExpectProblem(Get(port(), "/api/v1/labor-demands", Str(v, "token")), 403, "forbidden");
  ExpectProblem(Get(port(), "/api/v1/workplaces/" + a_.hq_id, Str(v, "token")), 403, "forbidden");
  // An unknown "as" names the field.
  const auto odd = Post(port(), "/api/v1/auth/login",
                        json::object{{"tckn", tckn}, {"password", "Gizli-Sifre-123"}, {"as", "robot"}});
  EXPECT_EQ(odd.status, 422) << odd.body;
}

// The postings of this test: three in three provinces.
class JobPostingsE2E : public JobsE2E {};

TEST_F(JobPostingsE2E, TurkishKeywordsFacetsAndCriteria) {
  const std::string yazilim = CreateOk(Demand(a_.hq_id, "2512", "Yazılım Mühendisi", "34", "Kadıköy",
                                              {{"description", "İstanbul'da web uygulamaları geliştirecek."}}),
                                       a_.token);
  const std::string ogretmen = CreateOk(Demand(b_.hq_id, "2341", "Öğretmen", "06", "Çankaya",
                                               {{"workingPattern", "partTime"}}),
                                        b_.token);
  const std::string sofor = CreateOk(Demand(b_.hq_id, "8322", "Şoför", "35", "Konak",
                                            {{"personalStatus", json::array{"exConvict"}}}),
                                     b_.token);
  const std::string hidden = CreateOk(Demand(a_.hq_id, "2512", "Gizli Yazılım Mühendisi", "34", "Şişli",
                                             {{"publish", false}}),
                                      a_.token);
  const auto found = [&](const std::string& q, const std::string& no) {
    const auto r = SearchUntil("?q=" + UrlEncode(q), [&](const json::value& v) { return DemandNos(v).count(no) > 0; });
    EXPECT_EQ(DemandNos(r.Json()).count(no), 1u) << q << ": " << r.body;
    return r.Json();
  };
  for (const char* q : {"yazilim muhendisi", "YAZILIM", "mühendis", "mühendisler"}) found(q, yazilim);
  found("öğretmenler", ogretmen);
  found("sofor", sofor);
  const auto istanbul = found("ISTANBUL", yazilim);
  EXPECT_EQ(DemandNos(istanbul), DemandNos(found("İstanbul", yazilim)));
  EXPECT_EQ(DemandNos(Get(port(), "/api/v1/job-postings?q=" + UrlEncode("yazılım öğretmen")).Json()).count(yazilim), 0u);
  // Unpublished demands are not postings.
  EXPECT_EQ(DemandNos(Get(port(), "/api/v1/job-postings?q=gizli").Json()).count(hidden), 0u);
  ExpectProblem(Get(port(), "/api/v1/job-postings/" + hidden), 404, "job_posting_not_found");

  // Criteria: repeatable values OR, parameters AND; facets sum to the total.
  const auto two = SearchUntil("?province=06&province=35", [](const json::value& v) { return Int(v, "total") >= 2; });
  EXPECT_EQ(DemandNos(two.Json()).count(ogretmen) + DemandNos(two.Json()).count(sofor), 2u);
  const auto facets = *Field(two.Json(), "facets");
  for (const char* f : {"province", "occupationMajorGroup", "workingPattern", "workplaceType"}) {
    std::int64_t sum = 0;
    for (const auto& e : Arr(facets, f)) sum += Int(e, "count");
    EXPECT_EQ(sum, Int(two.Json(), "total")) << f;
  }
  EXPECT_EQ(DemandNos(Get(port(), "/api/v1/job-postings?province=06&province=35&workingPattern=partTime").Json()),
            std::set<std::string>{ogretmen});
  EXPECT_EQ(DemandNos(Get(port(), "/api/v1/job-postings?personalStatus=exConvict&province=35").Json()),
            std::set<std::string>{sofor});
  EXPECT_EQ(DemandNos(Get(port(), "/api/v1/job-postings?occupation=23&province=06").Json()), std::set<std::string>{ogretmen});
  EXPECT_EQ(DemandNos(Get(port(), "/api/v1/job-postings?province=34&district=" + UrlEncode("Kadıköy") + "&q=yazilim").Json())
                .count(yazilim),
            1u);
  EXPECT_EQ(DemandNos(Get(port(), "/api/v1/job-postings?workplaceTitle=CUKUROVA&province=35").Json()),
            std::set<std::string>{sofor});
  // The posting itself.
  const auto detail = Get(port(), "/api/v1/job-postings/" + sofor);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(Str(detail.Json(), "provinceName"), "İzmir");
  EXPECT_EQ(Str(detail.Json(), "description"), "Deneyimli çalışma arkadaşı aranıyor.");
  EXPECT_TRUE(Field(detail.Json(), "canApply")->is_null());
}

TEST_F(JobPostingsE2E, BadParametersAndHostileQueries) {
  EXPECT_TRUE(HasFieldError(ExpectProblem(Get(port(), "/api/v1/job-postings?province=99"), 422, "validation_failed"),
                            "province", "unknown_value"));
  EXPECT_TRUE(HasFieldError(ExpectProblem(Get(port(), "/api/v1/job-postings?workingPattern=always"), 422, "validation_failed"),
                            "workingPattern", "unknown_value"));
  EXPECT_TRUE(HasFieldError(ExpectProblem(Get(port(), "/api/v1/job-postings?district=Konak"), 422, "validation_failed"),
                            "province", "required"));
  ExpectProblem(Get(port(), "/api/v1/job-postings?page=x"), 400, "invalid_parameter");
  ExpectProblem(Get(port(), "/api/v1/job-postings/stream?since=yesterday"), 400, "invalid_parameter");
  std::string words;
  for (int i = 0; i < 1000; ++i) words += "kelime" + std::to_string(i) + " ";
  for (const std::string& q : {std::string(10000, 'a'), words, std::string("!!! ??? ..."),
                               std::string("yazılım AND NEAR \"mühendis\" * title:x")}) {
    const auto r = Get(port(), "/api/v1/job-postings?q=" + UrlEncode(q));
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
  }
  const auto beyond = Get(port(), "/api/v1/job-postings?page=500");
  ASSERT_EQ(beyond.status, 200) << beyond.body;
  EXPECT_TRUE(Arr(beyond.Json(), "items").empty());
}

TEST_F(JobPostingsE2E, TheChangeFeedAndTheTypeahead) {
  const auto start = Get(port(), "/api/v1/job-postings/stream?since=0&limit=1000");
  ASSERT_EQ(start.status, 200) << start.body;
  const auto from = std::to_string(Int(start.Json(), "next"));
  const std::string no = CreateOk(Demand(a_.hq_id, "8322", "Servis Şoförü", "16", "Osmangazi"), a_.token);
  ASSERT_EQ(Post(port(), "/api/v1/labor-demands/" + no + "/close",
                 json::object{{"closeReason", "noLongerNeeded"}, {"hiredCount", 0}}, a_.token)
                .status,
            200);
  HttpResponse feed;
  ASSERT_TRUE(WaitUntil(
      [&] {
        feed = Get(port(), "/api/v1/job-postings/stream?since=" + from);
        return feed.status == 200 && Arr(feed.Json(), "items").size() >= 2;
      },
      std::chrono::seconds(5)))
      << feed.body;
  const auto fed = feed.Json();
  const auto& items = Arr(fed, "items");
  EXPECT_EQ(Str(items[0], "change"), "added");
  EXPECT_EQ(Str(items[0], "demandNo"), no);
  EXPECT_EQ(Str(*Field(items[0], "posting"), "position"), "Servis Şoförü");
  EXPECT_EQ(Str(items[1], "change"), "removed");
  EXPECT_EQ(Str(items[1], "reason"), "closed");
  EXPECT_TRUE(Field(items[1], "posting")->is_null());
  EXPECT_LT(Int(items[0], "position"), Int(items[1], "position"));
  EXPECT_EQ(Int(fed, "next"), Int(items[1], "position"));
  // From an instant: the entries recorded at or after it, the removal among them. (The test
  // clock may give several events the same instant.)
  const auto at = Str(items[1], "changedAt");
  const auto since_instant = Get(port(), "/api/v1/job-postings/stream?since=" + UrlEncode(at) + "&limit=1000");
  ASSERT_EQ(since_instant.status, 200) << since_instant.body;
  const auto later = since_instant.Json();
  bool removal = false;
  for (const auto& i : Arr(later, "items")) {
    EXPECT_GE(Str(i, "changedAt"), at);
    removal = removal || (Str(i, "demandNo") == no && Str(i, "change") == "removed");
  }
  EXPECT_TRUE(removal) << since_instant.body.substr(0, 500);

  const std::string open = CreateOk(Demand(a_.hq_id, "8322", "Şoför", "16", "Nilüfer"), a_.token);
  HttpResponse complete;
  ASSERT_TRUE(WaitUntil(
      [&] {
        complete = Get(port(), "/api/v1/job-postings/complete?prefix=sof");
        const auto answer = complete.Json();
        for (const auto& i : Arr(answer, "items")) {
          if (Str(i, "value") == "Şoför" && Str(i, "type") == "position") return true;
        }
        return false;
      },
      std::chrono::seconds(5)))
      << complete.body;
  EXPECT_TRUE(Arr(Get(port(), "/api/v1/job-postings/complete?prefix=s").Json(), "items").empty());
  EXPECT_EQ(Str(complete.Json(), "prefix"), "sof");
}

TEST_F(JobPostingsE2E, MoreThanAThousandMatchesIsTooManyResults) {
  for (int i = 0; i < 1001; ++i) {
    CreateOk(Demand(b_.hq_id, "9621", "Kurye " + std::to_string(i), "01", "Seyhan"), b_.token);
  }
  HttpResponse last;
  ASSERT_TRUE(WaitUntil(
      [&] {
        last = Get(port(), "/api/v1/job-postings?province=01");
        return last.status == 422;
      },
      std::chrono::seconds(20)))
      << last.body.substr(0, 300);
  const auto p = ExpectProblem(last, 422, "too_many_results");
  EXPECT_FALSE(p.as_object().contains("items"));
  // Narrowed by a criterion, the search answers again.
  const auto one = Get(port(), "/api/v1/job-postings?province=01&q=" + UrlEncode("kurye 7"));
  ASSERT_EQ(one.status, 200) << one.body.substr(0, 300);
  EXPECT_GE(Int(one.Json(), "total"), 1);
}

}  // namespace
}  // namespace e2e
