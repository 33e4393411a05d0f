// End-to-end tests of the HTTP API (shared/API.md) against the real `istihdam` binary: one
// server per test suite in a fresh data directory, requests over real TCP sockets.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "e2e_helpers.h"
#include "http_client.h"
#include "server_fixture.h"

namespace e2e {
namespace {

bool IsHex64(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Runs `n` calls of `request(i)` at the same time (threads released together) and returns the
// answers in order. A call that throws yields status 0 and the message as body.
std::vector<HttpResponse> Concurrently(int n, const std::function<HttpResponse(int)>& request) {
  std::vector<HttpResponse> out(n);
  std::vector<std::thread> threads;
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      ++ready;
      while (!go.load()) std::this_thread::yield();
      try {
        out[i] = request(i);
      } catch (const std::exception& e) {
        out[i].status = 0;
        out[i].body = e.what();
      }
    });
  }
  WaitUntil([&] { return ready.load() == n; }, std::chrono::seconds(5), std::chrono::milliseconds(1));
  go = true;
  for (auto& t : threads) t.join();
  return out;
}

std::map<int, int> StatusCounts(const std::vector<HttpResponse>& rs) {
  std::map<int, int> m;
  for (const auto& r : rs) ++m[r.status];
  return m;
}

// ===========================================================================================
// Helpers checked against RULES.md §1e test vectors (the other tests depend on them).
// ===========================================================================================

TEST(IdentifierHelpers, MatchRulesTestVectors) {
  EXPECT_EQ(TcknFrom("100000001"), "10000000146");
  EXPECT_EQ(TcknFrom("172917160"), "17291716060");
  EXPECT_EQ(VknFrom("454053692"), "4540536920");
  EXPECT_EQ(BreakCheckDigit("4540536920"), "4540536921");
  EXPECT_NE(NextTckn(), NextTckn());
  EXPECT_EQ(NextSgkNo().size(), 26u);
}

// ===========================================================================================
// Service endpoints, reference data, transport behaviour.
// ===========================================================================================

class ServiceTest : public ServerSuite<ServiceTest> {};

TEST_F(ServiceTest, HealthReportsOkAndThePosition) {
  const auto r = Get(port(), "/health");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  const auto v = r.Json();
  EXPECT_EQ(Str(v, "status"), "ok");
  EXPECT_GE(Int(v, "position"), 0);
  // The pinned fields, then what the storage-fault work added (docs/api.md "Service routes").
  EXPECT_EQ(Str(v, "writes"), "ok");
  EXPECT_EQ(v.as_object().if_contains("writeError"), nullptr) << r.body;
  const auto& projections = Arr(v, "projections");
  bool workplaces = false;
  for (const auto& p : projections) {
    workplaces = workplaces || Str(p, "name") == "workplaces";
    EXPECT_EQ(Str(p, "state"), "ok") << r.body;
    EXPECT_EQ(Int(p, "lag"), 0) << r.body;
  }
  EXPECT_TRUE(workplaces) << r.body;
  EXPECT_EQ(v.as_object().size(), 4u) << r.body;
  EXPECT_TRUE(r.HasHeader("X-Position"));
}

TEST_F(ServiceTest, LivenessAnswersWhileTheProcessRuns) {
  const auto r = Get(port(), "/health/live");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(r.Json(), "status"), "live");
}

TEST_F(ServiceTest, HealthPositionAdvancesWithWrites) {
  const auto before = HealthPosition(port());
  const auto e = Register(port(), NewEmployer::Fresh("Sağlık Kontrol A.Ş."));
  const auto after = HealthPosition(port());
  EXPECT_GT(after, before);
  EXPECT_GE(after, e.position);
}

TEST_F(ServiceTest, MetricsArePrometheusText) {
  // Writes first, so that the group-commit histogram has an observation and the command side
  // holds the employer's state (adding a workplace loads it).
  const auto e = RegisterAndLogin(port(), NewEmployer::Fresh("Metrik Deneme A.Ş."));
  ASSERT_EQ(Post(port(), "/api/v1/workplaces", WorkplaceBody("Metrik Deposu", NextSgkNo(), "34", "Kadıköy", "Adres 1"),
                 e.token).status,
            201);
  ASSERT_EQ(Get(port(), "/health").status, 200);
  const auto r = Get(port(), "/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type").rfind("text/plain", 0), 0u) << r.Header("Content-Type");
  EXPECT_NE(r.body.find("istihdam_http_requests_total"), std::string::npos) << r.body.substr(0, 2000);
  EXPECT_NE(r.body.find("istihdam_group_commit_events"), std::string::npos) << r.body.substr(0, 2000);
  EXPECT_NE(r.body.find("# TYPE istihdam_http_requests_total counter"), std::string::npos);
  // Where the memory is (docs/storage.md "Memory bounds"): the writes leave memtable bytes,
  // cached stream heads and aggregate states behind.
  const auto gauge = [&](const std::string& series) {
    const auto at = r.body.find("\n" + series + " ");
    return at == std::string::npos ? -1.0 : std::stod(r.body.substr(at + series.size() + 2));
  };
  EXPECT_GT(gauge("istihdam_memory_bytes{component=\"rocksdb_memtables\"}"), 0) << r.body;
  EXPECT_GT(gauge("istihdam_memory_bytes{component=\"malloc_in_use\"}"), 1 << 20);
  EXPECT_GE(gauge("istihdam_memory_bytes{component=\"rocksdb_table_readers\"}"), 0);
  EXPECT_GE(gauge("istihdam_memory_bytes{component=\"rocksdb_block_cache\"}"), 0);
  EXPECT_GT(gauge("istihdam_cache_entries{cache=\"stream_heads\"}"), 0);
  EXPECT_GT(gauge("istihdam_cache_entries{cache=\"aggregate_states\"}"), 0);
  EXPECT_GT(gauge("istihdam_cache_entries{cache=\"sessions\"}"), 0);  // the POST's token check
  EXPECT_GE(gauge("istihdam_log_position"), 1);  // the projections' hook runs beside the memory one
}

TEST_F(ServiceTest, OpenApiDocumentsEveryRoute) {
  const auto r = Get(port(), "/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  const auto doc = r.Json();
  EXPECT_EQ(Str(doc, "openapi").rfind("3.", 0), 0u) << Str(doc, "openapi");
  const auto* paths = Field(doc, "paths");
  ASSERT_TRUE(paths && paths->is_object());
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"/health", {"get"}},
      {"/metrics", {"get"}},
      {"/openapi.json", {"get"}},
      {"/api/v1/registrations", {"post"}},
      {"/api/v1/auth/login", {"post"}},
      {"/api/v1/workplaces", {"get", "post"}},
      {"/api/v1/workplaces/{id}", {"get", "put"}},
      {"/api/v1/events", {"get"}},
      {"/api/v1/streams/{streamId}/events", {"get"}},
      {"/api/v1/provinces", {"get"}},
      {"/api/v1/provinces/{code}/districts", {"get"}},
  };
  for (const auto& [path, methods] : expected) {
    const auto* item = paths->as_object().if_contains(path);
    ASSERT_TRUE(item && item->is_object()) << "no path " << path;
    for (const auto& m : methods) EXPECT_TRUE(item->as_object().contains(m)) << path << " has no " << m;
  }
}

TEST_F(ServiceTest, ProvincesAreThe81PlateCodes) {
  const auto r = Get(port(), "/api/v1/provinces");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto v = r.Json();
  const auto& items = Arr(v, "items");
  ASSERT_EQ(items.size(), 81u);
  std::set<std::string> codes;
  std::string istanbul;
  for (const auto& p : items) {
    codes.insert(Str(p, "code"));
    if (Str(p, "code") == "34") istanbul = Str(p, "name");
  }
  EXPECT_EQ(codes.size(), 81u);
  EXPECT_EQ(*codes.begin(), "01");
  EXPECT_EQ(*codes.rbegin(), "81");
  EXPECT_EQ(istanbul, "İstanbul");
}

// Every list answers in the envelope (API.md "Lists"); reference lists in one page. The event
// history is read by position (`from`, `next`), not by page.
TEST_F(ServiceTest, EveryListDeclaresTheEnvelope) {
  const auto doc = Get(port(), "/openapi.json").Json();
  std::size_t lists = 0;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    const auto* get = item.as_object().if_contains("get");
    if (!get) continue;
    const auto* ok = get->as_object().at("responses").as_object().if_contains("200");
    const auto* content = ok ? ok->as_object().if_contains("content") : nullptr;
    const auto* media = content ? content->as_object().if_contains("application/json") : nullptr;
    const auto* schema = media ? media->as_object().if_contains("schema") : nullptr;
    const auto* props = schema && schema->is_object() ? schema->as_object().if_contains("properties") : nullptr;
    if (!props || !props->as_object().contains("items")) continue;
    if (props->as_object().contains("next")) continue;  // the event history, the postings' feed: a cursor
    if (path == "/api/v1/job-postings/complete") continue;  // typeahead suggestions: pinned as not paged
    ++lists;
    for (const char* field : {"page", "pageSize", "total", "totalPages"}) {
      EXPECT_TRUE(props->as_object().contains(field)) << path << " lists items without " << field;
    }
  }
  EXPECT_GE(lists, 15u);
  const auto provinces = Get(port(), "/api/v1/provinces").Json();
  EXPECT_EQ(Int(provinces, "page"), 1);
  EXPECT_EQ(Int(provinces, "pageSize"), 81);
  EXPECT_EQ(Int(provinces, "total"), 81);
  EXPECT_EQ(Int(provinces, "totalPages"), 1);
}

TEST_F(ServiceTest, UsersArePaged) {
  const auto e = RegisterAndLogin(port(), NewEmployer::Fresh("Sayfalı Kullanıcı A.Ş."));
  const auto first = Get(port(), "/api/v1/users?pageSize=1", e.token);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Arr(first.Json(), "items").size(), 1u);
  EXPECT_EQ(Int(first.Json(), "pageSize"), 1);
  EXPECT_EQ(Int(first.Json(), "total"), 1);
  EXPECT_EQ(Int(first.Json(), "totalPages"), 1);
  const auto second = Get(port(), "/api/v1/users?page=2&pageSize=1", e.token);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_TRUE(Arr(second.Json(), "items").empty());
  EXPECT_EQ(Int(second.Json(), "page"), 2);
  ExpectProblem(Get(port(), "/api/v1/users?pageSize=101", e.token), 400, "invalid_parameter");
}

TEST_F(ServiceTest, DistrictsOfIstanbulIncludeKadikoy) {
  const auto r = Get(port(), "/api/v1/provinces/34/districts");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto v = r.Json();
  EXPECT_EQ(Str(v, "province"), "34");
  const auto& items = Arr(v, "items");
  EXPECT_GT(items.size(), 30u);
  EXPECT_TRUE(std::any_of(items.begin(), items.end(), [](const json::value& d) { return Str(d, "name") == "Kadıköy"; }))
      << r.body;
  EXPECT_FALSE(std::any_of(items.begin(), items.end(), [](const json::value& d) { return Str(d, "name") == "Çankaya"; }));
}

TEST_F(ServiceTest, UnknownProvinceIs404) {
  ExpectProblem(Get(port(), "/api/v1/provinces/99/districts"), 404, "not_found");
  ExpectProblem(Get(port(), "/api/v1/provinces/xx/districts"), 404, "not_found");
}

TEST_F(ServiceTest, UnknownPathIs404Problem) {
  ExpectProblem(Get(port(), "/api/v1/no-such-thing"), 404, "not_found");
}

TEST_F(ServiceTest, EveryGetCarriesXPosition) {
  const auto position = HealthPosition(port());
  for (const std::string path : {"/health", "/metrics", "/openapi.json", "/api/v1/provinces", "/api/v1/provinces/06/districts"}) {
    const auto r = Get(port(), path + "?minPosition=" + std::to_string(position));
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_GE(XPosition(r), position) << path;
  }
}

TEST_F(ServiceTest, MinPositionBeyondTheLogWaitsAboutTwoSeconds) {
  const auto position = HealthPosition(port());
  const auto started = std::chrono::steady_clock::now();
  const auto r = Get(port(), "/api/v1/provinces?minPosition=" + std::to_string(position + 1000));
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_LT(XPosition(r), position + 1000);  // it tells the truth about what it reflects
  EXPECT_GE(waited, std::chrono::milliseconds(1500));
  EXPECT_LT(waited, std::chrono::seconds(6));
}

TEST_F(ServiceTest, KeepAliveAnswersTwoRequestsOnOneConnection) {
  HttpConnection c(port());
  const auto first = c.Request("GET", "/health");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Str(first.Json(), "status"), "ok");
  ASSERT_FALSE(c.closed()) << "the server closed a keep-alive connection";
  const auto second = c.Request("GET", "/api/v1/provinces/34/districts");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(Str(second.Json(), "province"), "34");
  const auto third = c.Request("POST", "/api/v1/auth/login", R"({"tckn":"10000000146","password":"yanlis-sifre"})");
  ExpectProblem(third, 401, "invalid_credentials");
  EXPECT_EQ(c.connects(), 1);
}

std::string OversizedBody() {
  std::string body = R"({"termsAccepted":true,"pad":")";
  body.append(3 * 1024 * 1024, 'x');  // above the 2 MiB limit (and any smaller one)
  body += "\"}";
  return body;
}

TEST_F(ServiceTest, BodyOverTheLimitIs413) {
  const auto before = HealthPosition(port());
  const auto r = Request(port(), "POST", "/api/v1/registrations", OversizedBody(), {{"Content-Type", "application/json"}});
  ExpectProblem(r, 413, "payload_too_large");
  // The server is still there, and nothing was written.
  EXPECT_EQ(HealthPosition(port()), before);
}

// API.md: problem titles follow Accept-Language (tr default, en). The 413 is produced by the
// transport layer with a fixed two-language title.
TEST_F(ServiceTest, PayloadTooLargeTitleFollowsAcceptLanguage) {
  const auto tr = Request(port(), "POST", "/api/v1/registrations", OversizedBody(), {{"Content-Type", "application/json"}});
  EXPECT_EQ(Str(ExpectProblem(tr, 413, "payload_too_large"), "title"), "İstek gövdesi çok büyük.");
  const auto en = Request(port(), "POST", "/api/v1/registrations", OversizedBody(),
                          {{"Content-Type", "application/json"}, {"Accept-Language", "en"}});
  EXPECT_EQ(Str(ExpectProblem(en, 413, "payload_too_large"), "title"), "The request body is too large.");
}

// ===========================================================================================
// Registration (AUTH-1) and Idempotency-Key.
// ===========================================================================================

class RegistrationTest : public ServerSuite<RegistrationTest> {};

TEST_F(RegistrationTest, RegistersALegalEntityEmployer) {
  const auto e = NewEmployer::Fresh("Anadolu Tekstil A.Ş.");
  const auto r = Post(port(), "/api/v1/registrations", RegistrationBody(e));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  const auto v = r.Json();
  EXPECT_FALSE(Str(v, "employerId").empty());
  EXPECT_FALSE(Str(v, "iskurNo").empty());
  EXPECT_FALSE(Str(v, "headquartersId").empty());
  EXPECT_NE(Str(v, "headquartersId"), Str(v, "employerId"));
  const auto position = Int(v, "position");
  EXPECT_GT(position, 0);
  EXPECT_GE(static_cast<std::int64_t>(HealthPosition(port())), position);
  // The representative is the employer's primary admin: they can log in for it.
  const auto login = Post(port(), "/api/v1/auth/login", json::object{{"tckn", e.tckn}, {"password", e.password}});
  ASSERT_EQ(login.status, 200) << login.body;
  const auto lv = login.Json();
  ASSERT_EQ(Arr(lv, "firms").size(), 1u);
  EXPECT_EQ(Str(Arr(lv, "firms")[0], "employerId"), Str(v, "employerId"));
}

TEST_F(RegistrationTest, DeclinedTermsAre409AndStoreNothing) {
  const auto e = NewEmployer::Fresh("Koşulsuz Ltd. Şti.");
  const auto before = HealthPosition(port());
  const auto r = Post(port(), "/api/v1/registrations", RegistrationBody(e, /*terms_accepted=*/false));
  ExpectProblem(r, 409, "terms_not_accepted");
  EXPECT_EQ(HealthPosition(port()), before);
  // Nothing was reserved: the same TCKN and tax number register fine afterwards.
  const auto ok = Post(port(), "/api/v1/registrations", RegistrationBody(e));
  EXPECT_EQ(ok.status, 201) << ok.body;
}

TEST_F(RegistrationTest, BadTcknChecksumIs422NamingTheField) {
  auto e = NewEmployer::Fresh("Hatalı Kimlik A.Ş.");
  e.tckn = BreakCheckDigit(e.tckn);
  const auto before = HealthPosition(port());
  const auto p = ExpectProblem(Post(port(), "/api/v1/registrations", RegistrationBody(e)), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "representative.tckn", "invalid_checksum")) << json::serialize(p);
  EXPECT_FALSE(HasFieldError(p, "employer.taxNo")) << json::serialize(p);
  EXPECT_EQ(HealthPosition(port()), before);
}

TEST_F(RegistrationTest, BadVknChecksumIs422NamingTheField) {
  auto e = NewEmployer::Fresh("Hatalı Vergi A.Ş.");
  e.vkn = BreakCheckDigit(e.vkn);
  const auto p = ExpectProblem(Post(port(), "/api/v1/registrations", RegistrationBody(e)), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "employer.taxNo", "invalid_checksum")) << json::serialize(p);
  EXPECT_FALSE(HasFieldError(p, "representative.tckn")) << json::serialize(p);
}

TEST_F(RegistrationTest, EveryFailingFieldIsListed) {
  auto e = NewEmployer::Fresh("Çok Hatalı A.Ş.");
  e.tckn = BreakCheckDigit(e.tckn);
  e.vkn = BreakCheckDigit(e.vkn);
  e.district = "Çankaya";  // not a district of 34
  auto body = RegistrationBody(e);
  body["representative"].as_object()["firstName"] = "";
  const auto p = ExpectProblem(Post(port(), "/api/v1/registrations", body), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "representative.tckn")) << json::serialize(p);
  EXPECT_TRUE(HasFieldError(p, "employer.taxNo")) << json::serialize(p);
  EXPECT_TRUE(HasFieldError(p, "employer.district", "unknown_value")) << json::serialize(p);
  EXPECT_TRUE(HasFieldError(p, "representative.firstName", "required")) << json::serialize(p);
}

TEST_F(RegistrationTest, MalformedJsonIs400) {
  const auto r = Request(port(), "POST", "/api/v1/registrations", R"({"termsAccepted": tru)",
                         {{"Content-Type", "application/json"}});
  ExpectProblem(r, 400, "malformed_json");
  const auto not_object = Request(port(), "POST", "/api/v1/registrations", "[1,2]", {{"Content-Type", "application/json"}});
  ExpectProblem(not_object, 400, "malformed_json");
}

TEST_F(RegistrationTest, WrongTypeIs400NamingTheField) {
  auto body = RegistrationBody(NewEmployer::Fresh("Tür Hatası A.Ş."));
  body["termsAccepted"] = "yes";
  const auto p = ExpectProblem(Post(port(), "/api/v1/registrations", body), 400, "invalid_type");
  EXPECT_TRUE(HasFieldError(p, "termsAccepted", "invalid_type")) << json::serialize(p);

  auto nested = RegistrationBody(NewEmployer::Fresh("Tür Hatası 2 A.Ş."));
  nested["representative"].as_object()["tckn"] = 10000000146;
  const auto p2 = ExpectProblem(Post(port(), "/api/v1/registrations", nested), 400, "invalid_type");
  EXPECT_TRUE(HasFieldError(p2, "representative.tckn", "invalid_type")) << json::serialize(p2);
}

TEST_F(RegistrationTest, SameTcknAgainIs409AlreadyRegistered) {
  const auto first = NewEmployer::Fresh("İlk Kayıt A.Ş.");
  Register(port(), first);
  auto second = NewEmployer::Fresh("İkinci Kayıt A.Ş.");
  second.tckn = first.tckn;  // another firm, same representative TCKN, not their password
  second.password = "Baska-Bir-Sifre-9";
  const auto before = HealthPosition(port());
  const auto p = ExpectProblem(Post(port(), "/api/v1/registrations", RegistrationBody(second)), 409, "already_registered");
  EXPECT_TRUE(HasFieldError(p, "representative.tckn", "already_registered")) << json::serialize(p);
  // Nothing of the registration is stored; the wrong password is audited (one LoginFailed
  // event, counted toward the lockout: X-37).
  EXPECT_EQ(HealthPosition(port()), before + 1);
  // The first registration's password still logs in, the second one does not.
  EXPECT_FALSE(Login(port(), first.tckn, first.password).empty());
  ExpectProblem(Post(port(), "/api/v1/auth/login", json::object{{"tckn", first.tckn}, {"password", second.password}}), 401,
                "invalid_credentials");
}

TEST_F(RegistrationTest, SameTaxNumberAgainIs409TaxNoTaken) {
  const auto first = NewEmployer::Fresh("Vergi Bir A.Ş.");
  Register(port(), first);
  auto second = NewEmployer::Fresh("Vergi İki A.Ş.");
  second.vkn = first.vkn;
  const auto before = HealthPosition(port());
  const auto p = ExpectProblem(Post(port(), "/api/v1/registrations", RegistrationBody(second)), 409, "tax_no_taken");
  EXPECT_TRUE(HasFieldError(p, "employer.taxNo", "already_registered")) << json::serialize(p);
  EXPECT_EQ(HealthPosition(port()), before);
  // The representative's TCKN was not taken by the refused attempt.
  second.vkn = NextVkn();
  EXPECT_EQ(Post(port(), "/api/v1/registrations", RegistrationBody(second)).status, 201);
}

TEST_F(RegistrationTest, ProblemTitleFollowsAcceptLanguage) {
  auto e = NewEmployer::Fresh("Dil Deneme A.Ş.");
  e.tckn = BreakCheckDigit(e.tckn);
  const auto body = RegistrationBody(e);

  const auto tr = Post(port(), "/api/v1/registrations", body);
  const auto ptr = ExpectProblem(tr, 422, "validation_failed");
  EXPECT_EQ(Str(ptr, "title"), "Girilen bilgilerde hata var.");

  const auto en = Post(port(), "/api/v1/registrations", body, "", {{"Accept-Language", "en"}});
  const auto pen = ExpectProblem(en, 422, "validation_failed");
  EXPECT_EQ(Str(pen, "title"), "Some fields are invalid.");
  EXPECT_EQ(Str(pen, "code"), Str(ptr, "code"));
  ASSERT_FALSE(Arr(pen, "errors").empty());
  ASSERT_FALSE(Arr(ptr, "errors").empty());
  EXPECT_NE(Str(Arr(pen, "errors")[0], "message"), Str(Arr(ptr, "errors")[0], "message"));

  const auto en_us = Post(port(), "/api/v1/registrations", body, "", {{"Accept-Language", "en-US,en;q=0.9,tr;q=0.8"}});
  EXPECT_EQ(Str(ExpectProblem(en_us, 422, "validation_failed"), "title"), "Some fields are invalid.");
  const auto tr_tr = Post(port(), "/api/v1/registrations", body, "", {{"Accept-Language", "tr-TR"}});
  EXPECT_EQ(Str(ExpectProblem(tr_tr, 422, "validation_failed"), "title"), "Girilen bilgilerde hata var.");

  // Other problems too: 409 in English.
  const auto terms = Post(port(), "/api/v1/registrations", RegistrationBody(NewEmployer::Fresh("X A.Ş."), false), "",
                          {{"Accept-Language", "en"}});
  EXPECT_EQ(Str(ExpectProblem(terms, 409, "terms_not_accepted"), "title"), "You must accept the general terms to register.");
}

TEST_F(RegistrationTest, IdempotencyKeyReplaysTheFirstAnswerAndWritesOnce) {
  const auto body = RegistrationBody(NewEmployer::Fresh("Tekrar Eden İstek A.Ş."));
  const Headers key = {{"Idempotency-Key", "reg-7f3c2a"}};
  const auto before = HealthPosition(port());
  const auto first = Post(port(), "/api/v1/registrations", body, "", key);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto after_first = HealthPosition(port());
  EXPECT_GT(after_first, before);
  EXPECT_EQ(static_cast<std::int64_t>(after_first), Int(first.Json(), "position"));

  const auto second = Post(port(), "/api/v1/registrations", body, "", key);
  EXPECT_EQ(second.status, first.status);
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(second.Header("Content-Type"), first.Header("Content-Type"));
  EXPECT_EQ(HealthPosition(port()), after_first) << "the replay wrote events";

  // Without the key the same request is a new command, refused as a duplicate.
  const auto third = Post(port(), "/api/v1/registrations", body);
  EXPECT_EQ(third.status, 409) << third.body;
  const auto code = Str(third.Json(), "code");
  EXPECT_TRUE(code == "already_registered" || code == "tax_no_taken") << third.body;
  EXPECT_EQ(HealthPosition(port()), after_first);
}

TEST_F(RegistrationTest, IdempotencyKeyWithAnotherBodyIs422) {
  const Headers key = {{"Idempotency-Key", "reg-reused-key"}};
  const auto first = Post(port(), "/api/v1/registrations", RegistrationBody(NewEmployer::Fresh("Anahtar Bir A.Ş.")), "", key);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto before = HealthPosition(port());
  const auto other = NewEmployer::Fresh("Anahtar İki A.Ş.");
  ExpectProblem(Post(port(), "/api/v1/registrations", RegistrationBody(other), "", key), 422, "idempotency_key_reused");
  EXPECT_EQ(HealthPosition(port()), before);
  // The refused body was not executed: it registers under a new key.
  EXPECT_EQ(Post(port(), "/api/v1/registrations", RegistrationBody(other), "", {{"Idempotency-Key", "reg-other"}}).status, 201);
}

// Concurrent requests: a server of their own (registrations are rate limited per client).
class RegistrationConcurrencyTest : public ServerSuite<RegistrationConcurrencyTest> {};

TEST_F(RegistrationConcurrencyTest, ConcurrentDuplicatesRegisterExactlyOnce) {
  // How many events one registration writes.
  const auto p0 = HealthPosition(port());
  Register(port(), NewEmployer::Fresh("Ölçü A.Ş."));
  const auto per_registration = HealthPosition(port()) - p0;
  ASSERT_GT(per_registration, 0u);

  const auto body = json::serialize(RegistrationBody(NewEmployer::Fresh("Yarış Halinde A.Ş.")));
  const auto before = HealthPosition(port());
  const auto rs = Concurrently(8, [&](int) {
    return Request(port(), "POST", "/api/v1/registrations", body, {{"Content-Type", "application/json"}});
  });
  const auto counts = StatusCounts(rs);
  EXPECT_EQ(counts.count(201) ? counts.at(201) : 0, 1);
  EXPECT_EQ(counts.count(409) ? counts.at(409) : 0, 7);
  for (const auto& r : rs) {
    if (r.status == 409) {
      const auto code = Str(r.Json(), "code");
      EXPECT_TRUE(code == "already_registered" || code == "tax_no_taken") << r.body;
    }
  }
  EXPECT_EQ(HealthPosition(port()) - before, per_registration);
}

TEST_F(RegistrationConcurrencyTest, ConcurrentRetriesWithOneIdempotencyKeyWriteOnce) {
  const auto p0 = HealthPosition(port());
  Register(port(), NewEmployer::Fresh("Ölçü İki A.Ş."));
  const auto per_registration = HealthPosition(port()) - p0;

  const auto body = json::serialize(RegistrationBody(NewEmployer::Fresh("Sabırsız Müşteri A.Ş.")));
  const auto before = HealthPosition(port());
  const auto rs = Concurrently(6, [&](int) {
    return Request(port(), "POST", "/api/v1/registrations", body,
                   {{"Content-Type", "application/json"}, {"Idempotency-Key", "concurrent-retry-1"}});
  });
  for (const auto& r : rs) {
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.body, rs[0].body);
  }
  EXPECT_EQ(HealthPosition(port()) - before, per_registration);
}

// ===========================================================================================
// Login (AUTH-4).
// ===========================================================================================

class LoginTest : public ServerSuite<LoginTest> {
 public:
  static void SeedSuite() {
    employer_ = NewEmployer::Fresh("Giriş Deneme Makine A.Ş.");
    registered_ = Register(port(), employer_);
  }

 protected:
  static inline NewEmployer employer_;
  static inline Employer registered_;
};

TEST_F(LoginTest, WrongPasswordIs401) {
  ExpectProblem(Post(port(), "/api/v1/auth/login", json::object{{"tckn", employer_.tckn}, {"password", "yanlis-sifre-1"}}),
                401, "invalid_credentials");
}

TEST_F(LoginTest, UnknownTcknGetsTheSameAnswerAsAWrongPassword) {
  const auto wrong = Post(port(), "/api/v1/auth/login", json::object{{"tckn", employer_.tckn}, {"password", "yanlis-sifre-1"}});
  const auto unknown = Post(port(), "/api/v1/auth/login", json::object{{"tckn", NextTckn()}, {"password", "yanlis-sifre-1"}});
  ExpectProblem(unknown, 401, "invalid_credentials");
  EXPECT_EQ(unknown.status, wrong.status);
  EXPECT_EQ(unknown.body, wrong.body);
  EXPECT_EQ(unknown.Header("Content-Type"), wrong.Header("Content-Type"));
}

TEST_F(LoginTest, CorrectPasswordGivesATokenForTheOnlyFirm) {
  const auto r = Post(port(), "/api/v1/auth/login", json::object{{"tckn", employer_.tckn}, {"password", employer_.password}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto v = r.Json();
  const auto& firms = Arr(v, "firms");
  ASSERT_EQ(firms.size(), 1u) << r.body;
  EXPECT_EQ(Str(firms[0], "title"), employer_.title);
  EXPECT_EQ(Str(firms[0], "employerId"), registered_.id);
  EXPECT_GE(Str(v, "token").size(), 20u);
  EXPECT_FALSE(Str(v, "expiresAt").empty());
  EXPECT_EQ(Str(v, "employerId"), registered_.id);
  EXPECT_TRUE(Bool(v, "admin"));
  EXPECT_FALSE(Arr(v, "permissions").empty());
  // The token is a bearer token for the firm.
  EXPECT_EQ(Get(port(), "/api/v1/workplaces", Str(v, "token")).status, 200);
}

TEST_F(LoginTest, ChoosingTheOwnFirmExplicitlyWorks) {
  const auto r = Post(port(), "/api/v1/auth/login",
                      json::object{{"tckn", employer_.tckn}, {"password", employer_.password}, {"employerId", registered_.id}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(r.Json(), "employerId"), registered_.id);
}

TEST_F(LoginTest, ChoosingAFirmThatIsNotYoursIs403) {
  const auto other = Register(port(), NewEmployer::Fresh("Başka Firma A.Ş."));
  const auto r = Post(port(), "/api/v1/auth/login",
                      json::object{{"tckn", employer_.tckn}, {"password", employer_.password}, {"employerId", other.id}});
  const auto p = ExpectProblem(r, 403, "firm_not_permitted");
  EXPECT_FALSE(p.is_object() && p.as_object().contains("token"));
}

// A representative who registers a further firm (with their own password) has two firms: the
// login lists them and gives a token only once one is chosen.
TEST_F(LoginTest, UserOfTwoFirmsChoosesOne) {
  auto first = NewEmployer::Fresh("Çift Firma Bir A.Ş.");
  const auto one = Register(port(), first);
  auto second = NewEmployer::Fresh("Çift Firma İki A.Ş.");
  second.tckn = first.tckn;
  second.password = first.password;
  const auto two = Register(port(), second);
  EXPECT_NE(one.id, two.id);

  const auto r = Post(port(), "/api/v1/auth/login", json::object{{"tckn", first.tckn}, {"password", first.password}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto v = r.Json();
  const auto& firms = Arr(v, "firms");
  ASSERT_EQ(firms.size(), 2u) << r.body;
  std::set<std::string> titles;
  for (const auto& f : firms) titles.insert(Str(f, "title"));
  EXPECT_EQ(titles, (std::set<std::string>{first.title, second.title}));
  EXPECT_FALSE(v.as_object().contains("token")) << r.body;

  const auto chosen = Post(port(), "/api/v1/auth/login",
                           json::object{{"tckn", first.tckn}, {"password", first.password}, {"employerId", two.id}});
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  const auto cv = chosen.Json();
  EXPECT_EQ(Str(cv, "employerId"), two.id);
  // The token is scoped to the chosen firm.
  const auto list = Get(port(), "/api/v1/workplaces?minPosition=" + std::to_string(two.position), Str(cv, "token"));
  ASSERT_EQ(list.status, 200) << list.body;
  const auto lv = list.Json();
  ASSERT_EQ(Arr(lv, "items").size(), 1u) << list.body;
  EXPECT_EQ(Str(Arr(lv, "items")[0], "id"), two.hq_id);
  ExpectProblem(Get(port(), "/api/v1/workplaces/" + one.hq_id, Str(cv, "token")), 404, "workplace_not_found");
}

TEST_F(LoginTest, MalformedLoginIs400) {
  ExpectProblem(Request(port(), "POST", "/api/v1/auth/login", "{tckn:", {{"Content-Type", "application/json"}}), 400,
                "malformed_json");
  const auto p = ExpectProblem(Post(port(), "/api/v1/auth/login", json::object{{"tckn", 10000000146}, {"password", "x"}}),
                               400, "invalid_type");
  EXPECT_TRUE(HasFieldError(p, "tckn", "invalid_type")) << json::serialize(p);
}

// ===========================================================================================
// Workplaces (EMP-1..EMP-4).
// ===========================================================================================

class WorkplaceTest : public ServerSuite<WorkplaceTest> {
 public:
  static void SeedSuite() {
    a_ = RegisterAndLogin(port(), NewEmployer::Fresh("Marmara Kimya A.Ş."));
    b_ = RegisterAndLogin(port(), NewEmployer::Fresh("Trakya Lojistik A.Ş."));
  }

 protected:
  // POSTs a workplace for `who`; fails the test unless 201. Returns the reply.
  static json::value AddWorkplace(const Employer& who, const json::object& body) {
    const auto r = Post(port(), "/api/v1/workplaces", body, who.token);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json() : json::value();
  }
  static json::value List(const Employer& who, const std::string& query) {
    const auto r = Get(port(), "/api/v1/workplaces?" + query, who.token);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : json::value();
  }

  static inline Employer a_;
  static inline Employer b_;
};

TEST_F(WorkplaceTest, MissingTokenIs401) {
  ExpectProblem(Get(port(), "/api/v1/workplaces"), 401, "unauthorized");
  ExpectProblem(Get(port(), "/api/v1/workplaces/" + a_.hq_id), 401, "unauthorized");
  ExpectProblem(Post(port(), "/api/v1/workplaces", WorkplaceBody("X", NextSgkNo(), "34", "Kadıköy", "Adres 1")), 401,
                "unauthorized");
  ExpectProblem(Put(port(), "/api/v1/workplaces/" + a_.hq_id, json::object{{"district", "Kadıköy"}}), 401, "unauthorized");
}

TEST_F(WorkplaceTest, GarbageTokenIs401) {
  ExpectProblem(Get(port(), "/api/v1/workplaces", "not-a-real-token"), 401, "unauthorized");
  ExpectProblem(Get(port(), "/api/v1/workplaces", {}, {{"Authorization", "Basic " + a_.token}}), 401, "unauthorized");
  ExpectProblem(Get(port(), "/api/v1/workplaces", a_.token + "x"), 401, "unauthorized");
}

TEST_F(WorkplaceTest, ListShowsTheHeadquartersCreatedAtRegistration) {
  const auto r = Get(port(), "/api/v1/workplaces?minPosition=" + std::to_string(a_.position), a_.token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_GE(XPosition(r), a_.position);
  const auto v = r.Json();
  const auto& items = Arr(v, "items");
  const auto hq = std::find_if(items.begin(), items.end(), [&](const json::value& w) { return Str(w, "id") == a_.hq_id; });
  ASSERT_NE(hq, items.end()) << r.body;
  EXPECT_TRUE(Bool(*hq, "headquarters"));
  EXPECT_EQ(Str(*hq, "headquartersId"), a_.hq_id);
  EXPECT_EQ(Str(*hq, "title"), a_.input.title);
  EXPECT_EQ(Str(*hq, "taxNo"), a_.input.vkn);
  EXPECT_EQ(Str(*hq, "province"), "34");
  EXPECT_EQ(Str(*hq, "district"), "Kadıköy");
  EXPECT_TRUE(Field(*hq, "sgkNo") != nullptr);
  // Employer B sees its own headquarters, never A's.
  const auto bl = List(b_, "minPosition=" + std::to_string(b_.position));
  for (const auto& w : Arr(bl, "items")) EXPECT_NE(Str(w, "id"), a_.hq_id);
  EXPECT_GE(Int(bl, "total"), 1);
}

TEST_F(WorkplaceTest, BranchInTheSameProvinceBelongsToItsHeadquarters) {
  const auto reply = AddWorkplace(a_, WorkplaceBody("Marmara Kimya Ümraniye Deposu", NextSgkNo(), "34", "Ümraniye",
                                                    "Sanayi Cad. No:5"));
  ASSERT_TRUE(reply.is_object());
  const std::string id = Str(reply, "id");
  EXPECT_FALSE(id.empty());
  EXPECT_NE(id, a_.hq_id);
  EXPECT_FALSE(Bool(reply, "headquarters"));
  EXPECT_EQ(Str(reply, "headquartersId"), a_.hq_id);
  EXPECT_GE(Int(reply, "version"), 1);
  const auto position = Int(reply, "position");
  EXPECT_GT(position, 0);
  const auto list = List(a_, "minPosition=" + std::to_string(position));
  const auto& items = Arr(list, "items");
  const auto it = std::find_if(items.begin(), items.end(), [&](const json::value& w) { return Str(w, "id") == id; });
  ASSERT_NE(it, items.end());
  EXPECT_FALSE(Bool(*it, "headquarters"));
  EXPECT_EQ(Str(*it, "headquartersId"), a_.hq_id);
  EXPECT_EQ(Str(*it, "district"), "Ümraniye");
  EXPECT_EQ(Str(*it, "taxNo"), a_.input.vkn);  // defaults to the employer's tax number
}

TEST_F(WorkplaceTest, FirstWorkplaceInAnotherProvinceIsItsHeadquarters) {
  const auto ankara = AddWorkplace(a_, WorkplaceBody("Marmara Kimya Ankara", NextSgkNo(), "06", "Çankaya", "Atatürk Blv. 1"));
  ASSERT_TRUE(ankara.is_object());
  EXPECT_TRUE(Bool(ankara, "headquarters"));
  EXPECT_EQ(Str(ankara, "headquartersId"), Str(ankara, "id"));
  const auto branch = AddWorkplace(a_, WorkplaceBody("Marmara Kimya Ankara Şube", NextSgkNo(), "06", "Yenimahalle", "Ostim 2"));
  ASSERT_TRUE(branch.is_object());
  EXPECT_FALSE(Bool(branch, "headquarters"));
  EXPECT_EQ(Str(branch, "headquartersId"), Str(ankara, "id"));
}

TEST_F(WorkplaceTest, InvalidWorkplaceIs422AndDuplicateSgkNoIs409) {
  auto body = WorkplaceBody("", "123", "34", "Çankaya", "Adres");
  const auto p = ExpectProblem(Post(port(), "/api/v1/workplaces", body, a_.token), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "title", "required")) << json::serialize(p);
  EXPECT_TRUE(HasFieldError(p, "sgkNo", "invalid_format")) << json::serialize(p);
  EXPECT_TRUE(HasFieldError(p, "district", "unknown_value")) << json::serialize(p);

  const std::string sgk = NextSgkNo();
  ASSERT_TRUE(AddWorkplace(a_, WorkplaceBody("Tekil SGK", sgk, "34", "Kadıköy", "Adres 9")).is_object());
  const auto before = HealthPosition(port());
  ExpectProblem(Post(port(), "/api/v1/workplaces", WorkplaceBody("Tekil SGK 2", sgk, "34", "Kadıköy", "Adres 10"), b_.token),
                409, "sgk_no_taken");
  EXPECT_EQ(HealthPosition(port()), before);

  auto wrong_type = WorkplaceBody("Tür", NextSgkNo(), "34", "Kadıköy", "Adres");
  wrong_type["address"] = 5;
  const auto pt = ExpectProblem(Post(port(), "/api/v1/workplaces", wrong_type, a_.token), 400, "invalid_type");
  EXPECT_TRUE(HasFieldError(pt, "address", "invalid_type")) << json::serialize(pt);
}

TEST_F(WorkplaceTest, GetHasETagAndPutHonoursIfMatch) {
  const auto created = AddWorkplace(a_, WorkplaceBody("Marmara Kimya Kartal", NextSgkNo(), "34", "Kartal", "Eski Adres 1"));
  ASSERT_TRUE(created.is_object());
  const std::string id = Str(created, "id");
  const std::string path = "/api/v1/workplaces/" + id;

  const auto got = Get(port(), path + "?minPosition=" + std::to_string(Int(created, "position")), a_.token);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Header("ETag"), "\"1\"");
  EXPECT_GE(XPosition(got), static_cast<std::uint64_t>(Int(created, "position")));
  auto doc = got.Json();
  EXPECT_EQ(Str(doc, "id"), id);
  EXPECT_EQ(Str(doc, "address"), "Eski Adres 1");
  EXPECT_EQ(Str(doc, "district"), "Kartal");
  EXPECT_EQ(Int(doc, "version"), 1);
  EXPECT_FALSE(Bool(doc, "headquarters"));
  EXPECT_EQ(Str(doc, "headquartersId"), a_.hq_id);

  // PUT the document GET returned, with a changed address.
  doc.as_object()["address"] = "Yeni Adres 2";
  const auto put = Put(port(), path, doc, a_.token, {{"If-Match", "\"1\""}});
  ASSERT_EQ(put.status, 200) << put.body;
  const auto pv = put.Json();
  EXPECT_EQ(Str(pv, "id"), id);
  EXPECT_EQ(Int(pv, "version"), 2);
  const auto put_position = Int(pv, "position");
  EXPECT_GT(put_position, Int(created, "position"));

  // A stale If-Match is refused and changes nothing.
  const auto before = HealthPosition(port());
  doc.as_object()["address"] = "Bayat Adres 3";
  const auto stale = Put(port(), path, doc, a_.token, {{"If-Match", "\"1\""}});
  ExpectProblem(stale, 412, "version_mismatch");
  EXPECT_EQ(HealthPosition(port()), before);

  const auto again = Get(port(), path + "?minPosition=" + std::to_string(put_position), a_.token);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Header("ETag"), "\"2\"");
  EXPECT_EQ(Str(again.Json(), "address"), "Yeni Adres 2");
  EXPECT_EQ(Int(again.Json(), "version"), 2);

  // With the current version it goes through.
  doc.as_object()["address"] = "Son Adres 4";
  const auto current = Put(port(), path, doc, a_.token, {{"If-Match", again.Header("ETag")}});
  EXPECT_EQ(current.status, 200) << current.body;
  EXPECT_EQ(Int(current.Json(), "version"), 3);
}

TEST_F(WorkplaceTest, PutIgnoresReadOnlyFields) {
  const auto created = AddWorkplace(a_, WorkplaceBody("Marmara Kimya Maltepe", NextSgkNo(), "34", "Maltepe", "Adres M1"));
  ASSERT_TRUE(created.is_object());
  const std::string id = Str(created, "id");
  const std::string path = "/api/v1/workplaces/" + id;
  const auto got = Get(port(), path + "?minPosition=" + std::to_string(Int(created, "position")), a_.token);
  ASSERT_EQ(got.status, 200) << got.body;
  auto doc = got.Json();
  const auto original = doc;
  auto& o = doc.as_object();
  o["id"] = a_.hq_id;
  o["headquarters"] = true;
  o["headquartersId"] = id;
  o["title"] = "Ele Geçirilmiş Unvan";
  o["sgkNo"] = NextSgkNo();
  o["province"] = "06";
  o["version"] = 99;
  o["address"] = "Adres M2";
  const auto put = Put(port(), path, doc, a_.token, {{"If-Match", "\"1\""}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Str(put.Json(), "id"), id);
  const auto after = Get(port(), path + "?minPosition=" + std::to_string(Int(put.Json(), "position")), a_.token);
  ASSERT_EQ(after.status, 200);
  const auto a = after.Json();
  EXPECT_EQ(Str(a, "id"), id);
  EXPECT_EQ(Str(a, "address"), "Adres M2");
  EXPECT_FALSE(Bool(a, "headquarters"));
  EXPECT_EQ(Str(a, "headquartersId"), a_.hq_id);
  EXPECT_EQ(Str(a, "title"), Str(original, "title"));
  EXPECT_EQ(Str(a, "sgkNo"), Str(original, "sgkNo"));
  EXPECT_EQ(Str(a, "province"), "34");
  EXPECT_EQ(Int(a, "version"), 2);
  // The headquarters was not touched either.
  const auto hq = Get(port(), "/api/v1/workplaces/" + a_.hq_id, a_.token);
  ASSERT_EQ(hq.status, 200);
  EXPECT_TRUE(Bool(hq.Json(), "headquarters"));
}

TEST_F(WorkplaceTest, PutWithoutChangesWritesNothing) {
  const auto created = AddWorkplace(a_, WorkplaceBody("Marmara Kimya Şile", NextSgkNo(), "34", "Şile", "Adres Ş1"));
  ASSERT_TRUE(created.is_object());
  const std::string path = "/api/v1/workplaces/" + Str(created, "id");
  const auto got = Get(port(), path + "?minPosition=" + std::to_string(Int(created, "position")), a_.token);
  ASSERT_EQ(got.status, 200);
  const auto before = HealthPosition(port());
  const auto put = Put(port(), path, got.Json(), a_.token, {{"If-Match", "\"1\""}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Int(put.Json(), "version"), 1);
  EXPECT_EQ(HealthPosition(port()), before);
}

TEST_F(WorkplaceTest, ConcurrentPutsWithTheSameIfMatchLetOneWin) {
  const auto created = AddWorkplace(a_, WorkplaceBody("Marmara Kimya Sarıyer", NextSgkNo(), "34", "Sarıyer", "Adres S0"));
  ASSERT_TRUE(created.is_object());
  const std::string path = "/api/v1/workplaces/" + Str(created, "id");
  const auto got = Get(port(), path + "?minPosition=" + std::to_string(Int(created, "position")), a_.token);
  ASSERT_EQ(got.status, 200);
  const auto doc = got.Json();
  const auto rs = Concurrently(6, [&](int i) {
    auto d = doc;
    d.as_object()["address"] = "Yarışan Adres " + std::to_string(i);
    return Request(port(), "PUT", path, json::serialize(d), Bearer(a_.token, {{"If-Match", "\"1\""}}));
  });
  const auto counts = StatusCounts(rs);
  ASSERT_EQ(counts.count(200) ? counts.at(200) : 0, 1) << rs[0].body;
  EXPECT_EQ(counts.count(412) ? counts.at(412) : 0, 5);
  int winner = -1;
  std::int64_t position = 0;
  for (int i = 0; i < 6; ++i) {
    if (rs[i].status == 200) {
      winner = i;
      position = Int(rs[i].Json(), "position");
      EXPECT_EQ(Int(rs[i].Json(), "version"), 2);
    } else {
      ExpectProblem(rs[i], 412, "version_mismatch");
    }
  }
  const auto after = Get(port(), path + "?minPosition=" + std::to_string(position), a_.token);
  EXPECT_EQ(Str(after.Json(), "address"), "Yarışan Adres " + std::to_string(winner));
  EXPECT_EQ(after.Header("ETag"), "\"2\"");
}

TEST_F(WorkplaceTest, IdempotencyKeyIsPerUser) {
  const Headers key = {{"Idempotency-Key", "wp-key-1"}};
  const auto body = WorkplaceBody("Marmara Kimya Silivri", NextSgkNo(), "34", "Silivri", "Adres Sv");
  const auto first = Post(port(), "/api/v1/workplaces", body, a_.token, key);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto before = HealthPosition(port());
  const auto again = Post(port(), "/api/v1/workplaces", body, a_.token, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(HealthPosition(port()), before);
  // Another user with the same key runs its own command (here refused: the SGK number is A's).
  ExpectProblem(Post(port(), "/api/v1/workplaces", body, b_.token, key), 409, "sgk_no_taken");
  auto b_body = body;
  b_body["sgkNo"] = NextSgkNo();
  ExpectProblem(Post(port(), "/api/v1/workplaces", b_body, a_.token, key), 422, "idempotency_key_reused");
}

TEST_F(WorkplaceTest, PutValidatesTheDraft) {
  const auto created = AddWorkplace(a_, WorkplaceBody("Marmara Kimya Pendik", NextSgkNo(), "34", "Pendik", "Adres P"));
  ASSERT_TRUE(created.is_object());
  const std::string path = "/api/v1/workplaces/" + Str(created, "id");
  const auto got = Get(port(), path + "?minPosition=" + std::to_string(Int(created, "position")), a_.token);
  ASSERT_EQ(got.status, 200) << got.body;
  auto doc = got.Json();
  doc.as_object()["address"] = "";
  doc.as_object()["email"] = "bozuk-eposta";
  const auto p = ExpectProblem(Put(port(), path, doc, a_.token, {{"If-Match", "\"1\""}}), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "address", "required")) << json::serialize(p);
  EXPECT_TRUE(HasFieldError(p, "email", "invalid_format")) << json::serialize(p);
  ExpectProblem(Request(port(), "PUT", path, "{oops", Bearer(a_.token, {{"If-Match", "\"1\""}})), 400, "malformed_json");
}

TEST_F(WorkplaceTest, AnotherEmployersWorkplaceIs404) {
  const auto created = AddWorkplace(a_, WorkplaceBody("Marmara Kimya Tuzla", NextSgkNo(), "34", "Tuzla", "Gizli Adres 7"));
  ASSERT_TRUE(created.is_object());
  const std::string path = "/api/v1/workplaces/" + Str(created, "id");
  const std::string min = "?minPosition=" + std::to_string(Int(created, "position"));

  ExpectProblem(Get(port(), path + min, b_.token), 404, "workplace_not_found");
  ExpectProblem(Get(port(), "/api/v1/workplaces/" + a_.hq_id + min, b_.token), 404, "workplace_not_found");
  const auto before = HealthPosition(port());
  const json::object draft = {{"district", "Tuzla"}, {"address", "Ele Geçirilmiş Adres"}};
  ExpectProblem(Put(port(), path, draft, b_.token, {{"If-Match", "\"1\""}}), 404, "workplace_not_found");
  ExpectProblem(Put(port(), path, draft, b_.token), 404, "workplace_not_found");
  EXPECT_EQ(HealthPosition(port()), before);
  // The same answer as for an id that does not exist at all.
  ExpectProblem(Get(port(), "/api/v1/workplaces/3999999999", b_.token), 404, "workplace_not_found");

  // A's workplace is untouched.
  const auto own = Get(port(), path + min, a_.token);
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(Str(own.Json(), "address"), "Gizli Adres 7");
  EXPECT_EQ(own.Header("ETag"), "\"1\"");
}

TEST_F(WorkplaceTest, ListFiltersByTitleSgkNoAndTaxNo) {
  const std::string sgk = NextSgkNo();
  const auto w1 = AddWorkplace(a_, WorkplaceBody("Zeytinlik Deposu", sgk, "34", "Beykoz", "Adres Z1"));
  const auto w2 = AddWorkplace(a_, WorkplaceBody("Zeytinlik Atölyesi", NextSgkNo(), "34", "Beykoz", "Adres Z2"));
  ASSERT_TRUE(w1.is_object() && w2.is_object());
  const std::string min = "minPosition=" + std::to_string(Int(w2, "position"));

  const auto by_title = List(a_, min + "&title=" + UrlEncode("Zeytinlik"));
  EXPECT_EQ(Int(by_title, "total"), 2) << json::serialize(by_title);
  std::set<std::string> ids;
  for (const auto& w : Arr(by_title, "items")) ids.insert(Str(w, "id"));
  EXPECT_EQ(ids, (std::set<std::string>{Str(w1, "id"), Str(w2, "id")}));

  const auto by_title_tr = List(a_, min + "&title=" + UrlEncode("Atölyesi"));
  ASSERT_EQ(Arr(by_title_tr, "items").size(), 1u) << json::serialize(by_title_tr);
  EXPECT_EQ(Str(Arr(by_title_tr, "items")[0], "id"), Str(w2, "id"));

  const auto by_sgk = List(a_, min + "&sgkNo=" + sgk);
  ASSERT_EQ(Arr(by_sgk, "items").size(), 1u) << json::serialize(by_sgk);
  EXPECT_EQ(Str(Arr(by_sgk, "items")[0], "id"), Str(w1, "id"));
  EXPECT_EQ(Str(Arr(by_sgk, "items")[0], "sgkNo"), sgk);
  EXPECT_EQ(Int(by_sgk, "total"), 1);

  const auto all = List(a_, min);
  const auto by_tax = List(a_, min + "&taxNo=" + a_.input.vkn);
  EXPECT_EQ(Int(by_tax, "total"), Int(all, "total"));
  EXPECT_GE(Int(all, "total"), 3);
  // B's filter never reaches A's workplaces.
  EXPECT_EQ(Int(List(b_, min + "&sgkNo=" + sgk), "total"), 0);
}

TEST_F(WorkplaceTest, ListIsPagedBy15) {
  auto c = RegisterAndLogin(port(), NewEmployer::Fresh("Sayfalı Tekstil A.Ş."));
  std::int64_t last = 0;
  for (int i = 1; i <= 16; ++i) {
    const auto w = AddWorkplace(c, WorkplaceBody("Sayfalı Şube " + std::to_string(i), NextSgkNo(), "34", "Esenyurt",
                                                 "Adres " + std::to_string(i)));
    ASSERT_TRUE(w.is_object());
    last = Int(w, "position");
  }
  const std::string min = "minPosition=" + std::to_string(last);
  const auto p1 = List(c, min);
  EXPECT_EQ(Int(p1, "page"), 1);
  EXPECT_EQ(Int(p1, "pageSize"), 15);
  EXPECT_EQ(Int(p1, "total"), 17);
  EXPECT_EQ(Int(p1, "totalPages"), 2);
  EXPECT_EQ(Arr(p1, "items").size(), 15u);

  const auto p2 = List(c, min + "&page=2");
  EXPECT_EQ(Int(p2, "page"), 2);
  EXPECT_EQ(Int(p2, "total"), 17);
  EXPECT_EQ(Arr(p2, "items").size(), 2u);
  std::set<std::string> ids;
  for (const auto& w : Arr(p1, "items")) ids.insert(Str(w, "id"));
  for (const auto& w : Arr(p2, "items")) ids.insert(Str(w, "id"));
  EXPECT_EQ(ids.size(), 17u);
  EXPECT_TRUE(ids.count(c.hq_id));

  const auto small = List(c, min + "&pageSize=5&page=4");
  EXPECT_EQ(Int(small, "pageSize"), 5);
  EXPECT_EQ(Int(small, "totalPages"), 4);
  EXPECT_EQ(Arr(small, "items").size(), 2u);

  const auto max = List(c, min + "&pageSize=100");
  EXPECT_EQ(Arr(max, "items").size(), 17u);
  EXPECT_EQ(Int(max, "totalPages"), 1);
}

TEST_F(WorkplaceTest, InvalidPageParametersAre400) {
  for (const std::string q : {"page=0", "page=abc", "page=-1", "page=", "page=1.5"}) {
    const auto p = ExpectProblem(Get(port(), "/api/v1/workplaces?" + q, a_.token), 400, "invalid_parameter");
    EXPECT_TRUE(HasFieldError(p, "page")) << q << " " << json::serialize(p);
  }
  for (const std::string q : {"pageSize=0", "pageSize=101", "pageSize=x"}) {
    const auto p = ExpectProblem(Get(port(), "/api/v1/workplaces?" + q, a_.token), 400, "invalid_parameter");
    EXPECT_TRUE(HasFieldError(p, "pageSize")) << q << " " << json::serialize(p);
  }
  const auto p = ExpectProblem(Get(port(), "/api/v1/workplaces?minPosition=abc", a_.token), 400, "invalid_parameter");
  EXPECT_TRUE(HasFieldError(p, "minPosition")) << json::serialize(p);
}

// ===========================================================================================
// Event history (auditors).
// ===========================================================================================

class EventsTest : public ServerSuite<EventsTest> {
 public:
  static ServerOptions SuiteServerOptions() {
    auditor_tckn_ = NextTckn();
    ServerOptions o;
    o.staff.push_back({"auditor", auditor_tckn_, kAuditorPassword, ""});
    return o;
  }
  static void SeedSuite() {
    employer_ = RegisterAndLogin(port(), NewEmployer::Fresh("Denetim Gıda A.Ş."));
    auditor_token_ = Login(port(), auditor_tckn_, kAuditorPassword);
  }

 protected:
  static constexpr const char* kAuditorPassword = "Denetci-Sifre-42";
  static inline std::string auditor_tckn_;
  static inline std::string auditor_token_;
  static inline Employer employer_;
};

TEST_F(EventsTest, AuditorLogsInWithTheSameCallAndHasNoFirms) {
  const auto r = Post(port(), "/api/v1/auth/login", json::object{{"tckn", auditor_tckn_}, {"password", kAuditorPassword}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto v = r.Json();
  EXPECT_TRUE(Arr(v, "firms").empty()) << r.body;
  EXPECT_GE(Str(v, "token").size(), 20u);
  ExpectProblem(Post(port(), "/api/v1/auth/login", json::object{{"tckn", auditor_tckn_}, {"password", "yanlis-1234"}}),
                401, "invalid_credentials");
}

TEST_F(EventsTest, GlobalLogIsInOrderAndHashChained) {
  const auto r = Get(port(), "/api/v1/events?from=1&limit=5", auditor_token_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  const auto v = r.Json();
  const auto& items = Arr(v, "items");
  ASSERT_EQ(items.size(), 5u) << r.body;
  EXPECT_EQ(Int(v, "next"), 6);
  for (std::size_t k = 0; k < items.size(); ++k) {
    const auto& e = items[k];
    SCOPED_TRACE(json::serialize(e));
    EXPECT_EQ(Int(e, "position"), static_cast<std::int64_t>(k + 1));
    EXPECT_FALSE(Str(e, "streamId").empty());
    EXPECT_GE(Int(e, "version"), 1);
    EXPECT_FALSE(Str(e, "eventId").empty());
    EXPECT_FALSE(Str(e, "type").empty());
    EXPECT_GE(Int(e, "schemaVersion"), 1);
    EXPECT_FALSE(Str(e, "recordedAt").empty());
    const auto* actor = Field(e, "actor");
    EXPECT_TRUE(actor && actor->is_object());
    EXPECT_FALSE(Str(e, "correlationId").empty());
    EXPECT_FALSE(Str(e, "causationId").empty());
    const auto* data = Field(e, "data");
    EXPECT_TRUE(data && data->is_object());
    EXPECT_TRUE(IsHex64(Str(e, "hash")));
    EXPECT_TRUE(IsHex64(Str(e, "prevHash")));
    if (k > 0) {
      EXPECT_EQ(Str(e, "prevHash"), Str(items[k - 1], "hash"));
    }
  }
  // The next page continues the chain.
  const auto r2 = Get(port(), "/api/v1/events?from=" + std::to_string(Int(v, "next")) + "&limit=5", auditor_token_);
  ASSERT_EQ(r2.status, 200) << r2.body;
  const auto v2 = r2.Json();
  ASSERT_FALSE(Arr(v2, "items").empty());
  EXPECT_EQ(Int(Arr(v2, "items")[0], "position"), 6);
  EXPECT_EQ(Str(Arr(v2, "items")[0], "prevHash"), Str(items[4], "hash"));
}

TEST_F(EventsTest, WholeLogMatchesTheHealthPosition) {
  const auto before = HealthPosition(port());
  const auto r = Get(port(), "/api/v1/events?from=1&limit=1000", auditor_token_);
  ASSERT_EQ(r.status, 200);
  const auto v = r.Json();
  const auto& items = Arr(v, "items");
  ASSERT_GE(items.size(), before);
  for (std::size_t k = 0; k < items.size(); ++k) EXPECT_EQ(Int(items[k], "position"), static_cast<std::int64_t>(k + 1));
  EXPECT_EQ(Int(v, "next"), static_cast<std::int64_t>(items.size() + 1));
  // The employer's registration is in the log, attributed to an anonymous caller.
  EXPECT_TRUE(std::any_of(items.begin(), items.end(), [&](const json::value& e) {
    return Str(e, "type") == "EmployerRegistered" && Str(e, "streamId") == "employer-" + employer_.id;
  }));
  // Past the end: no items, next stays.
  const auto end = Get(port(), "/api/v1/events?from=" + std::to_string(items.size() + 1), auditor_token_).Json();
  EXPECT_TRUE(Arr(end, "items").empty());
  EXPECT_EQ(Int(end, "next"), static_cast<std::int64_t>(items.size() + 1));
}

TEST_F(EventsTest, NdjsonIsOneEventPerLine) {
  const auto as_json = Get(port(), "/api/v1/events?from=1&limit=5", auditor_token_);
  ASSERT_EQ(as_json.status, 200);
  const auto r = Get(port(), "/api/v1/events?from=1&limit=5", auditor_token_, {{"Accept", "application/x-ndjson"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/x-ndjson");
  std::istringstream in(r.body);
  std::string line;
  std::vector<json::value> lines;
  while (std::getline(in, line)) {
    ASSERT_FALSE(line.empty());
    boost::system::error_code ec;
    lines.push_back(json::parse(line, ec));
    ASSERT_FALSE(ec) << line;
  }
  ASSERT_EQ(lines.size(), 5u) << r.body;
  EXPECT_EQ(r.body.back(), '\n');
  const auto json_body = as_json.Json();
  const auto& items = Arr(json_body, "items");
  ASSERT_EQ(items.size(), 5u);
  for (std::size_t k = 0; k < 5; ++k) EXPECT_EQ(lines[k], items[k]) << k;
}

TEST_F(EventsTest, StreamHistoryOfAnEmployer) {
  const std::string stream = "employer-" + employer_.id;
  const auto r = Get(port(), "/api/v1/streams/" + stream + "/events", auditor_token_);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto v = r.Json();
  const auto& items = Arr(v, "items");
  ASSERT_GE(items.size(), 1u);
  for (std::size_t k = 0; k < items.size(); ++k) {
    EXPECT_EQ(Str(items[k], "streamId"), stream);
    EXPECT_EQ(Int(items[k], "version"), static_cast<std::int64_t>(k + 1));
  }
  EXPECT_EQ(Str(items[0], "type"), "EmployerRegistered");
  const auto* data = Field(items[0], "data");
  ASSERT_TRUE(data && data->is_object());
  EXPECT_EQ(Str(*data, "employerId"), employer_.id);
  EXPECT_EQ(Str(*data, "title"), employer_.input.title);
  EXPECT_EQ(Str(*data, "taxNo"), employer_.input.vkn);
  EXPECT_EQ(Int(v, "next"), static_cast<std::int64_t>(items.size() + 1));
}

TEST_F(EventsTest, EventsCarryTheRequestsMetadata) {
  const auto w = Post(port(), "/api/v1/workplaces", WorkplaceBody("Denetim Gıda Ankara", NextSgkNo(), "06", "Çankaya", "Adres"),
                      employer_.token, {{"X-Correlation-Id", "corr-e2e-42"}, {"Idempotency-Key", "meta-key-1"}});
  ASSERT_EQ(w.status, 201) << w.body;
  const auto id = Str(w.Json(), "id");
  const auto r = Get(port(), "/api/v1/streams/workplace-" + id + "/events", auditor_token_);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto v = r.Json();
  const auto& items = Arr(v, "items");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Str(items[0], "type"), "WorkplaceRegistered");
  EXPECT_EQ(Str(items[0], "correlationId"), "corr-e2e-42");
  EXPECT_LE(Int(items[0], "position"), Int(w.Json(), "position"));
  const auto* actor = Field(items[0], "actor");
  ASSERT_TRUE(actor && actor->is_object());
  EXPECT_EQ(Str(*actor, "employerId"), employer_.id);
  EXPECT_FALSE(Str(*actor, "userId").empty());
  EXPECT_EQ(Str(*Field(items[0], "data"), "workplaceId"), id);
}

TEST_F(EventsTest, EmployerTokenIsForbidden) {
  ExpectProblem(Get(port(), "/api/v1/events?from=1&limit=5", employer_.token), 403, "forbidden");
  ExpectProblem(Get(port(), "/api/v1/streams/employer-" + employer_.id + "/events", employer_.token), 403, "forbidden");
}

TEST_F(EventsTest, NoTokenIs401) {
  ExpectProblem(Get(port(), "/api/v1/events"), 401, "unauthorized");
  ExpectProblem(Get(port(), "/api/v1/streams/employer-" + employer_.id + "/events"), 401, "unauthorized");
  ExpectProblem(Get(port(), "/api/v1/events", "garbage-token"), 401, "unauthorized");
}

TEST_F(EventsTest, UnknownStreamIs404) {
  ExpectProblem(Get(port(), "/api/v1/streams/employer-1999999999/events", auditor_token_), 404, "stream_not_found");
}

TEST_F(EventsTest, BadParametersAre400) {
  ExpectProblem(Get(port(), "/api/v1/events?from=abc", auditor_token_), 400, "invalid_parameter");
  ExpectProblem(Get(port(), "/api/v1/events?limit=0", auditor_token_), 400, "invalid_parameter");
  ExpectProblem(Get(port(), "/api/v1/events?limit=100000", auditor_token_), 400, "invalid_parameter");
}

// ===========================================================================================
// The log after the server stops: verify and events from the command line.
// ===========================================================================================

TEST(OfflineToolsTest, VerifyAndEventsDumpAfterStop) {
  const std::string auditor = NextTckn();
  ServerOptions options;
  options.staff.push_back({"auditor", auditor, "Denetci-Sifre-42", ""});
  ServerProcess server(options);
  const auto e = RegisterAndLogin(server.port(), NewEmployer::Fresh("Kapanış Deneme A.Ş."));
  const std::string wp_body = json::serialize(WorkplaceBody("Ek İşyeri", NextSgkNo(), "06", "Çankaya", "Adres"));
  const auto w = Post(server.port(), "/api/v1/workplaces", json::parse(wp_body), e.token, {{"Idempotency-Key", "offline-1"}});
  ASSERT_EQ(w.status, 201) << w.body;
  Login(server.port(), auditor, "Denetci-Sifre-42");
  const auto last = HealthPosition(server.port());
  ASSERT_GT(last, 10u);
  EXPECT_EQ(server.Stop(), 0) << server.Log();

  const auto verify = RunIstihdam({"verify", "--data-dir", server.data_dir()});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;

  const auto dump = RunIstihdam({"events", "--data-dir", server.data_dir()});
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  std::istringstream in(dump.out);
  std::string line;
  std::uint64_t n = 0;
  std::string prev_hash;
  while (std::getline(in, line)) {
    ++n;
    boost::system::error_code ec;
    const auto v = json::parse(line, ec);
    ASSERT_FALSE(ec) << line;
    EXPECT_EQ(Int(v, "position"), static_cast<std::int64_t>(n));
    if (n > 1) {
      EXPECT_EQ(Str(v, "prevHash"), prev_hash);
    }
    prev_hash = Str(v, "hash");
  }
  EXPECT_EQ(n, last);

  const auto from = RunIstihdam({"events", "--data-dir", server.data_dir(), "--from", std::to_string(last)});
  EXPECT_EQ(std::count(from.out.begin(), from.out.end(), '\n'), 1);

  // The data survives a restart, and so does the idempotency record.
  server.Start();
  EXPECT_EQ(HealthPosition(server.port()), last);
  const auto replay = Post(server.port(), "/api/v1/workplaces", json::parse(wp_body), e.token, {{"Idempotency-Key", "offline-1"}});
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.body, w.body);
  EXPECT_EQ(HealthPosition(server.port()), last);
  EXPECT_FALSE(Login(server.port(), e.input.tckn, e.input.password).empty());
}

// ===========================================================================================
// Demo data (--demo).
// ===========================================================================================

class DemoTest : public ServerSuite<DemoTest> {
 public:
  static ServerOptions SuiteServerOptions() {
    ServerOptions o;
    o.demo = true;
    return o;
  }
};

TEST_F(DemoTest, DemoAccountsLogIn) {
  const auto r = Post(port(), "/api/v1/auth/login", json::object{{"tckn", "10000000146"}, {"password", "Demo1234!"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto v = r.Json();
  ASSERT_EQ(Arr(v, "firms").size(), 1u);
  EXPECT_EQ(Str(Arr(v, "firms")[0], "title"), "Anadolu Tekstil A.Ş.");
  const auto list = Get(port(), "/api/v1/workplaces?minPosition=" + std::to_string(HealthPosition(port())), Str(v, "token"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(Int(list.Json(), "total"), 3) << list.body;

  const auto auditor = Post(port(), "/api/v1/auth/login", json::object{{"tckn", "34567890170"}, {"password", "Denetci1234!"}});
  ASSERT_EQ(auditor.status, 200) << auditor.body;
  EXPECT_TRUE(Arr(auditor.Json(), "firms").empty());
  EXPECT_EQ(Get(port(), "/api/v1/events?limit=1", Str(auditor.Json(), "token")).status, 200);
}

}  // namespace
}  // namespace e2e
