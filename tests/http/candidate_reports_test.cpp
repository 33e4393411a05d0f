// The candidate list and the employer's candidate reports through the router, in process
// (App::Open and Router::Dispatch): employers and demands are made through their routes, the
// candidate events are appended to the demand's stream directly (as the demand's commands
// would write them), so the read side is tested on its own. The reports come back as JSON, PDF
// (read back with pdftotext) and XLSX (read back with the XLSX reader).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "aggregates/candidates.h"
#include "aggregates/labor_demand.h"
#include "events/identity.h"
#include "events/labor_demands.h"
#include "http/app.h"
#include "infra/xlsx_reader.h"
#include "pdf_text.h"
#include "tests/test_util.h"

namespace istihdam::http {
namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using istihdam::testing::kT0;
using e2e::PdfText;
using istihdam::testing::OneStream;
using istihdam::testing::TempDir;

const std::string kPassword = "Gizli-Sifre-123";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kM2 = "Girdiğiniz kriterlere uygun kayıt bulunamadı";

struct Answer {
  int status = 0;
  std::string code, body, content_type;
  json::value json;
};

std::vector<std::string> Col(const json::value& rows, const char* key) {
  std::vector<std::string> out;
  for (const auto& r : rows.as_array()) {
    const auto& v = r.at(key);
    out.push_back(v.is_string() ? std::string(v.as_string()) : "null");
  }
  return out;
}

class CandidateReportsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    try {
      world_ = std::make_unique<World>();
      world_->Build();
    } catch (const std::exception& e) {
      setup_error_ = e.what();
    }
  }
  static void TearDownTestSuite() { world_.reset(); }
  void SetUp() override { ASSERT_TRUE(setup_error_.empty()) << "suite setup failed: " << setup_error_; }

  struct World {
    TempDir dir;
    ManualClock clock{kT0};  // 2026-01-15
    std::unique_ptr<App> app;
    std::string token_a, token_b, hq_a, hq_b, d1, d2, d3, db;

    World() {
      Config c;
      c.data_dir = dir.path() + "/data";
      c.password_cost = "min";
      c.identity_registry_file = ISTIHDAM_SOURCE_DIR "/data/citizens.csv";
      c.auth_rate_per_client_per_minute = 0;
      c.auth_rate_per_tckn_per_minute = 0;
      app = App::Open(c, &clock);
    }

    Answer Call(const std::string& method, const std::string& target, const std::string& body = "",
                const std::string& token = "", std::map<std::string, std::string> headers = {}) {
      HttpRequest req;
      req.method = method;
      req.target = target;
      req.body = body;
      req.remote_address = "127.0.0.1";
      if (!body.empty()) req.headers["Content-Type"] = "application/json";
      if (!token.empty()) req.headers["Authorization"] = "Bearer " + token;
      for (auto& [k, v] : headers) req.headers[k] = v;
      const HttpResponse resp = app->router().Dispatch(req);
      Answer a{resp.status, "", resp.body, resp.content_type, nullptr};
      boost::system::error_code ec;
      a.json = json::parse(resp.body, ec);
      if (ec) a.json = nullptr;
      if (a.json.is_object()) {
        if (const auto* code = a.json.as_object().if_contains("code"); code && code->is_string()) {
          a.code = std::string(code->as_string());
        }
      }
      return a;
    }
    Answer Get(const std::string& target, const std::string& token, std::map<std::string, std::string> headers = {}) {
      return Call("GET", target, "", token, std::move(headers));
    }
    Answer Post(const std::string& target, const json::value& body, const std::string& token = "") {
      return Call("POST", target, json::serialize(body), token);
    }
    static std::string Require(const Answer& a, int status, const char* key, const std::string& what) {
      if (a.status != status || !a.json.is_object() || !a.json.as_object().contains(key)) {
        throw std::runtime_error(what + ": " + std::to_string(a.status) + " " + a.body);
      }
      return std::string(a.json.at(key).as_string());
    }

    json::object Registration(const std::string& tckn, const std::string& first, const std::string& last,
                              const std::string& kind, const std::string& tax_no, const std::string& title) {
      return {{"termsAccepted", true},
              {"employer",
               {{"kind", kind},
                {"title", title},
                {"taxNo", tax_no},
                {"sector", "private"},
                {"province", "34"},
                {"district", "Kadıköy"},
                {"address", "Caferağa Mah. Moda Cad. No:1"},
                {"phone", "0216 555 00 00"},
                {"email", "info@example.com.tr"}}},
              {"representative",
               {{"tckn", tckn},
                {"firstName", first},
                {"lastName", last},
                {"password", kPassword},
                {"secretQuestion", "İlk evcil hayvanınızın adı?"},
                {"secretAnswer", "Pamuk"},
                {"email", "kisi@example.com.tr"},
                {"mobile", "0532 555 00 00"},
                {"preferredContact", "email"}}}};
    }
    std::string Login(const std::string& tckn) {
      return Require(Post("/api/v1/auth/login", json::object{{"tckn", tckn}, {"password", kPassword}}), 200, "token",
                     "login");
    }
    std::string Demand(const std::string& token, const std::string& hq, const std::string& occupation,
                       const std::string& position) {
      json::object body{{"workplaceId", hq},
                        {"occupation", occupation},
                        {"position", position},
                        {"requestedCount", 2},
                        {"workAddress", {{"province", "34"}, {"district", "Kadıköy"}}},
                        {"lastApplicationDate", "2026-02-28"},
                        {"workingPattern", "fullTime"},
                        {"description", "Çalışma arkadaşı aranıyor."}};
      return Require(Post("/api/v1/labor-demands", body, token), 201, "id", "demand " + position);
    }
    template <class E>
    void Append(const std::string& stream, const E& e) {
      clock.Advance(60'000'000);
      auto r = app->store().Append(OneStream(stream, ExpectedVersion::Any(), {events::Encode(e)}));
      if (!r.ok()) throw std::runtime_error("append to " + stream + ": " + r.error().code);
    }
    void Person(const std::string& id, const std::string& first, const std::string& last) {
      events::UserAccountRegistered r;
      r.user_id = id;
      r.first_name = first;
      r.last_name = last;
      r.birth_date = "1990-05-05";
      Append("user-" + id, r);
    }
    void Invite(const std::string& no, const std::string& candidate, const std::string& when) {
      Append(LaborDemandStream(no),
             events::CandidateInvited{no, candidate, when, "Moda Cad. 1, Kadıköy", std::nullopt, "2026-01-16"});
    }

    // A: D1 (2512) with Gülşen applied, İsmail and Gözde selected, Şükrü referred; Gülşen
    // invited twice and her result corrected, İsmail invited. D2 (7212): Gözde selected, then
    // closed. D3: no candidates. B: one demand with Gözde selected.
    void Build() {
      const auto a = Post("/api/v1/registrations",
                          Registration("10000000146", "Ayşe", "Yılmaz", "legalEntity", "4540536920",
                                       "Boğaziçi Yazılım A.Ş."));
      Require(a, 201, "headquartersId", "registration of A");
      hq_a = std::string(a.json.at("headquartersId").as_string());
      const auto b = Post("/api/v1/registrations", Registration("17291716060", "Mehmet", "Öztürk", "naturalPerson",
                                                                "17291716060", "Mehmet Öztürk Ticaret"));
      hq_b = Require(b, 201, "headquartersId", "registration of B");
      token_a = Login("10000000146");
      token_b = Login("17291716060");
      d1 = Demand(token_a, hq_a, "2512", "Yazılım Mühendisi");
      d2 = Demand(token_a, hq_a, "7212", "Kaynakçı");
      d3 = Demand(token_a, hq_a, "2512", "Ön Büro Görevlisi");
      db = Demand(token_b, hq_b, "2512", "Yazılım Uzmanı");
      Person("5000000001", "Gülşen", "Kılıç");
      Person("5000000002", "İsmail", "Öğüt");
      Person("5000000003", "Gözde", "Çağlar");
      Person("5000000004", "Şükrü", "Yıldırım");
      const auto s1 = LaborDemandStream(d1);
      Append(s1, events::JobApplicationSubmitted{d1, CandidateId(d1, 1), "5000000001", "2026-01-15"});
      Append(s1, events::CandidatesSelected{d1,
                                            {{CandidateId(d1, 2), "5000000002"}, {CandidateId(d1, 3), "5000000003"}},
                                            "2026-01-16"});
      Append(s1, events::CandidateReferred{d1, CandidateId(d1, 4), "5000000004", "2026-01-17", "9000000001"});
      Invite(d1, CandidateId(d1, 1), "2026-01-20T10:00:00+03:00");
      Invite(d1, CandidateId(d1, 1), "2026-01-21T14:30:00+03:00");
      Invite(d1, CandidateId(d1, 2), "2026-01-22T09:00:00+03:00");
      Append(s1, events::CandidateInterviewRecorded{d1, CandidateId(d1, 1), "notSuitable", std::nullopt, "2026-01-21"});
      Append(s1, events::CandidateInterviewRecorded{d1, CandidateId(d1, 1), "hired", "Şubat başında başlıyor",
                                                    "2026-01-22"});
      Append(LaborDemandStream(d2), events::CandidatesSelected{d2, {{CandidateId(d2, 1), "5000000003"}}, "2026-01-18"});
      Append(LaborDemandStream(d2), events::LaborDemandClosed{d2, "2026-01-19", "noSuitableCandidate", 0, std::nullopt});
      Append(LaborDemandStream(db), events::CandidatesSelected{db, {{CandidateId(db, 1), "5000000003"}}, "2026-01-16"});
      app->projections().CatchUp();
    }
  };

  static World& W() { return *world_; }
  static std::string Report(const std::string& type, const std::string& query = "") {
    return "/api/v1/reports/labor-demands/" + type + (query.empty() ? "" : "?" + query);
  }

  static inline std::unique_ptr<World> world_;
  static inline std::string setup_error_;
};

TEST_F(CandidateReportsTest, TheCandidateList) {
  const auto a = W().Get("/api/v1/labor-demands/" + W().d1 + "/candidates", W().token_a);
  ASSERT_EQ(a.status, 200) << a.body;
  const auto& items = a.json.at("items");
  EXPECT_EQ(a.json.at("total").to_number<std::int64_t>(), 4);
  EXPECT_THAT(Col(items, "candidateId"), ElementsAre(CandidateId(W().d1, 1), CandidateId(W().d1, 2),
                                                     CandidateId(W().d1, 3), CandidateId(W().d1, 4)));
  EXPECT_THAT(Col(items, "firstName"), ElementsAre("Gülşen", "İsmail", "Gözde", "Şükrü"));
  EXPECT_THAT(Col(items, "lastName"), ElementsAre("Kılıç", "Öğüt", "Çağlar", "Yıldırım"));
  EXPECT_THAT(Col(items, "origin"), ElementsAre("applied", "selected", "selected", "referred"));
  EXPECT_THAT(Col(items, "state"), ElementsAre("interviewed", "invited", "selected", "referred"));
  EXPECT_THAT(Col(items, "interviewDate"),
              ElementsAre("2026-01-21T14:30:00+03:00", "2026-01-22T09:00:00+03:00", "null", "null"));
  EXPECT_THAT(Col(items, "interviewAddress"), ElementsAre("Moda Cad. 1, Kadıköy", "Moda Cad. 1, Kadıköy", "null", "null"));
  EXPECT_THAT(Col(items, "interviewResult"), ElementsAre("hired", "null", "null", "null"));
  EXPECT_THAT(Col(items, "interviewNote"), ElementsAre("Şubat başında başlıyor", "null", "null", "null"));
  EXPECT_EQ(json::serialize(items.at(0).at("availableActions")), R"(["recordInterview"])");
  EXPECT_EQ(json::serialize(items.at(1).at("availableActions")), R"(["invite","recordInterview"])");
  EXPECT_EQ(json::serialize(items.at(2).at("availableActions")), R"(["invite"])");
  EXPECT_THAT(Col(items, "addedAt"), ElementsAre("2026-01-15T09:05:00.000000Z", "2026-01-15T09:06:00.000000Z",
                                                 "2026-01-15T09:06:00.000000Z", "2026-01-15T09:07:00.000000Z"));

  const auto selected = W().Get("/api/v1/labor-demands/" + W().d1 + "/candidates?origin=selected", W().token_a);
  EXPECT_THAT(Col(selected.json.at("items"), "firstName"), ElementsAre("İsmail", "Gözde"));
  const auto page2 = W().Get("/api/v1/labor-demands/" + W().d1 + "/candidates?state=referred&pageSize=1", W().token_a);
  EXPECT_THAT(Col(page2.json.at("items"), "firstName"), ElementsAre("Şükrü"));
  const auto closed = W().Get("/api/v1/labor-demands/" + W().d2 + "/candidates", W().token_a);
  ASSERT_EQ(closed.status, 200);
  EXPECT_EQ(json::serialize(closed.json.at("items").at(0).at("availableActions")), "[]");
  EXPECT_EQ(W().Get("/api/v1/labor-demands/" + W().d3 + "/candidates", W().token_a).json.at("total").to_number<std::int64_t>(), 0);
}

TEST_F(CandidateReportsTest, TheCandidateListRefuses) {
  const std::string path = "/api/v1/labor-demands/" + W().d1 + "/candidates";
  const auto bad = W().Get(path + "?origin=invited&state=hired", W().token_a);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.code, "validation_failed");
  EXPECT_NE(bad.body.find(R"("field":"origin")"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find(R"("field":"state")"), std::string::npos) << bad.body;
  const auto other = W().Get(path, W().token_b);
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.code, "labor_demand_not_found");
  EXPECT_EQ(W().Get("/api/v1/labor-demands/2026-9999999/candidates", W().token_a).code, "labor_demand_not_found");
}

TEST_F(CandidateReportsTest, TheFourReportsAsJson) {
  const auto s = W().Get(Report("selection"), W().token_a);
  ASSERT_EQ(s.status, 200) << s.body;
  EXPECT_EQ(s.content_type.rfind("application/json", 0), 0u);
  EXPECT_EQ(s.json.at("reportType"), "selection");
  EXPECT_EQ(s.json.at("title"), "İşgücü İstemi Seçim Listesi");
  EXPECT_EQ(s.json.at("generatedAt"), "2026-01-15T09:15:00.000000Z");
  EXPECT_EQ(json::serialize(s.json.at("criteria")),
            R"({"demandNo":null,"workplaceId":null,"occupation":null,"dateFrom":null,"dateTo":null})");
  const auto& rows = s.json.at("rows");
  EXPECT_THAT(Col(rows, "firstName"), ElementsAre("İsmail", "Gözde", "Gözde"));
  EXPECT_THAT(Col(rows, "demandNo"), ElementsAre(W().d1, W().d1, W().d2));
  EXPECT_THAT(Col(rows, "date"), ElementsAre("2026-01-16", "2026-01-16", "2026-01-18"));
  EXPECT_THAT(Col(rows, "occupation"), ElementsAre("2512", "2512", "7212"));
  EXPECT_THAT(Col(rows, "position"), ElementsAre("Yazılım Mühendisi", "Yazılım Mühendisi", "Kaynakçı"));
  EXPECT_THAT(Col(rows, "workplaceTitle")[0], ::testing::HasSubstr("Boğaziçi Yazılım A.Ş."));
  EXPECT_THAT(Col(rows, "jobSeekerId"), ElementsAre("5000000002", "5000000003", "5000000003"));
  EXPECT_THAT(Col(rows, "origin"), ElementsAre("selected", "selected", "selected"));
  EXPECT_THAT(Col(rows, "interviewDate"), ElementsAre("2026-01-22T09:00:00+03:00", "null", "null"));
  EXPECT_FALSE(Col(rows, "occupationName")[0].empty());

  const auto referral = W().Get(Report("referral"), W().token_a).json;
  EXPECT_EQ(referral.at("title"), "İşgücü İstemi Gönderme Listesi");
  EXPECT_THAT(Col(referral.at("rows"), "firstName"), ElementsAre("Şükrü"));
  EXPECT_THAT(Col(referral.at("rows"), "date"), ElementsAre("2026-01-17"));
  const auto interview = W().Get(Report("interview"), W().token_a).json;
  EXPECT_EQ(interview.at("title"), "İşgücü İstemi Görüşme Listesi");
  EXPECT_THAT(Col(interview.at("rows"), "firstName"), ElementsAre("Gülşen", "İsmail"));
  EXPECT_THAT(Col(interview.at("rows"), "date"), ElementsAre("2026-01-21", "2026-01-22"));
  EXPECT_THAT(Col(interview.at("rows"), "interviewResult"), ElementsAre("hired", "null"));
  const auto result = W().Get(Report("result"), W().token_a).json;
  EXPECT_EQ(result.at("title"), "İşgücü İstemi Sonuç Listesi");
  EXPECT_THAT(Col(result.at("rows"), "firstName"), ElementsAre("Gülşen"));
  EXPECT_THAT(Col(result.at("rows"), "date"), ElementsAre("2026-01-22"));
  EXPECT_THAT(Col(result.at("rows"), "interviewResult"), ElementsAre("hired"));

  const auto by_demand = W().Get(Report("selection", "demandNo=" + W().d2), W().token_a).json;
  EXPECT_THAT(Col(by_demand.at("rows"), "demandNo"), ElementsAre(W().d2));
  EXPECT_EQ(by_demand.at("criteria").at("demandNo"), W().d2.c_str());
  EXPECT_THAT(Col(W().Get(Report("selection", "occupation=25"), W().token_a).json.at("rows"), "occupation"),
              ElementsAre("2512", "2512"));
  const auto by_dates =
      W().Get(Report("interview", "dateFrom=2026-01-22&dateTo=2026-01-31&workplaceId=" + W().hq_a), W().token_a);
  ASSERT_EQ(by_dates.status, 200) << by_dates.body;
  EXPECT_THAT(Col(by_dates.json.at("rows"), "firstName"), ElementsAre("İsmail"));
  // B sees its own only.
  EXPECT_THAT(Col(W().Get(Report("selection"), W().token_b).json.at("rows"), "demandNo"), ElementsAre(W().db));
}

TEST_F(CandidateReportsTest, NothingMatchingIsM2) {
  struct Case {
    std::string type, query, token;
  };
  const std::vector<Case> cases = {
      {"selection", "dateFrom=2026-01-19", W().token_a},
      {"selection", "demandNo=" + W().d3, W().token_a},
      {"selection", "demandNo=" + W().db, W().token_a},       // another employer's demand
      {"selection", "workplaceId=" + W().hq_b, W().token_a},  // another employer's workplace
      {"referral", "format=pdf", W().token_b},
      {"result", "format=xlsx", W().token_b}};
  for (const auto& [type, query, token] : cases) {
    const auto a = W().Get(Report(type, query), token);
    EXPECT_EQ(a.status, 404) << type << " " << query;
    EXPECT_EQ(a.code, "no_records") << type << " " << query;
    EXPECT_NE(a.body.find(kM2), std::string::npos) << a.body;
  }
  const auto unknown = W().Get(Report("shortlist"), W().token_a);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.code, "not_found");
  const auto bad_date = W().Get(Report("selection", "dateFrom=2026-13-01"), W().token_a);
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_EQ(bad_date.code, "invalid_parameter");
  const auto bad_occupation = W().Get(Report("selection", "occupation=9999"), W().token_a);
  EXPECT_EQ(bad_occupation.status, 422);
  EXPECT_NE(bad_occupation.body.find(R"("field":"occupation")"), std::string::npos) << bad_occupation.body;
}

TEST_F(CandidateReportsTest, PdfExtractsTheTitleAndTurkishLetters) {
  const auto pdf = W().Get(Report("selection", "format=pdf"), W().token_a);
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.content_type, "application/pdf");
  const auto interview = W().Get(Report("interview"), W().token_a, {{"Accept", "application/pdf"}});
  ASSERT_EQ(interview.status, 200);
  EXPECT_EQ(interview.content_type, "application/pdf");
  const std::string text = PdfText(pdf.body) + PdfText(interview.body);
  for (const char* s : {"İşgücü İstemi Seçim Listesi", "İşgücü İstemi Görüşme Listesi", "İsmail", "Öğüt", "Gözde",
                        "Çağlar", "Gülşen", "Kılıç", "Boğaziçi", "Kaynakçı", "Seçilen", "16.01.2026"}) {
    EXPECT_NE(text.find(s), std::string::npos) << "missing \"" << s << "\" in:\n" << text;
  }
  for (const char* letter : {"ş", "ğ", "ı", "İ", "ö", "ü", "ç"}) EXPECT_NE(text.find(letter), std::string::npos) << letter;
}

TEST_F(CandidateReportsTest, XlsxHoldsTheHeaderRowAndTheJsonRows) {
  const auto rows = W().Get(Report("interview"), W().token_a).json.at("rows").as_array();
  ASSERT_EQ(rows.size(), 2u);
  const auto xlsx = W().Get(Report("interview"), W().token_a, {{"Accept", kXlsx}});
  ASSERT_EQ(xlsx.status, 200) << xlsx.body.substr(0, 300);
  EXPECT_EQ(xlsx.content_type, kXlsx);
  auto sheet = ReadXlsxFirstSheet(xlsx.body);
  ASSERT_TRUE(sheet.ok()) << sheet.error().detail;
  ASSERT_FALSE(sheet->empty());
  EXPECT_EQ((*sheet)[0][0], "İşgücü İstemi Görüşme Listesi");
  std::size_t header = 0;
  while (header < sheet->size() && ((*sheet)[header].empty() || (*sheet)[header][0] != "İstem No")) ++header;
  ASSERT_LT(header, sheet->size()) << "no header row";
  const std::vector<const char*> keys = {"demandNo", "workplaceTitle", "occupation", "occupationName",
                                         "position", "jobSeekerId",    "firstName",  "lastName",
                                         "origin",   "date",           "interviewDate", "interviewResult"};
  ASSERT_GE(sheet->size(), header + 1 + rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& cells = (*sheet)[header + 1 + i];
    ASSERT_GE(cells.size(), keys.size());
    for (std::size_t c = 0; c < keys.size(); ++c) {
      const auto& v = rows[i].at(keys[c]);
      EXPECT_EQ(cells[c], v.is_string() ? std::string(v.as_string()) : "") << keys[c] << " of row " << i;
    }
  }
}

}  // namespace
}  // namespace istihdam::http
