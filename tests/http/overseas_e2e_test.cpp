// End-to-end tests of overseas employment (api/overseas-and-agencies.md "Overseas employment",
// docs/overseas.md) against the real binary: projects and quotas, the entry check, N+5
// concurrent approvals against a quota of N from real threads, the read-only approved dispatch
// (nothing written), Idempotency-Key replay, extensions, transfers and visibility.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <thread>

#include "e2e_helpers.h"
#include "http_client.h"
#include "server_fixture.h"

namespace e2e {
namespace {

const std::string kStaffPassword = "Merkez-Sifre-123";

json::object Worker(const std::string& occupation, const std::string& first = "Hasan") {
  return {{"tckn", NextTckn()}, {"firstName", first}, {"lastName", "Demir"}, {"occupation", occupation}};
}

class OverseasE2E : public ServerSuite<OverseasE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    head_ = {"headOffice", NextTckn(), kStaffPassword, ""};
    unit34_ = {"unit", NextTckn(), kStaffPassword, "34"};
    unit06_ = {"unit", NextTckn(), kStaffPassword, "06"};
    ServerOptions o;
    o.staff = {head_, unit34_, unit06_};
    return o;
  }
  static void SeedSuite() {
    firm_ = RegisterAndLogin(port(), NewEmployer::Fresh("Anadolu Yapı İnşaat A.Ş."));
    other_ = RegisterAndLogin(port(), NewEmployer::Fresh("Ege Müteahhitlik Ltd. Şti."));
    head_token_ = Login(port(), head_.tckn, head_.password);
    unit34_token_ = Login(port(), unit34_.tckn, unit34_.password);
    unit06_token_ = Login(port(), unit06_.tckn, unit06_.password);
  }

  static std::string Project(const Employer& e, const std::string& country, const std::string& name = "Münih Konut") {
    const auto r = Post(port(), "/api/v1/overseas/projects",
                        json::object{{"name", name},
                                     {"country", country},
                                     {"city", "München"},
                                     {"occupations", json::array{"7112", "7212"}},
                                     {"contractStartDate", "2027-01-01"},
                                     {"contractEndDate", "2028-12-31"},
                                     {"description", "Konut inşaatı"}},
                        e.token);
    if (r.status != 201) throw std::runtime_error("project: " + r.body);
    return Str(r.Json(), "id");
  }

  static std::string Allocate(const std::string& employer_id, const std::string& country, std::int64_t limit,
                              json::value occupation = nullptr, const std::string& from = "2027-01-01",
                              const std::string& to = "2027-12-31") {
    const auto r = Post(port(), "/api/v1/overseas/quota-allocations",
                        json::object{{"employerId", employer_id},
                                     {"country", country},
                                     {"occupation", occupation},
                                     {"validFrom", from},
                                     {"validTo", to},
                                     {"limit", limit}},
                        head_token_);
    if (r.status != 201) throw std::runtime_error("allocation: " + r.body);
    return Str(r.Json(), "id");
  }

  static json::object DispatchBody(const std::string& project, json::array workers,
                                   const std::string& date = "2027-03-01") {
    return {{"projectId", project},
            {"dispatchDate", date},
            {"plannedEndDate", "2027-12-31"},
            {"description", "Ekip"},
            {"workers", std::move(workers)}};
  }

  static std::string Dispatch(const Employer& e, const std::string& project, json::array workers,
                              const std::string& date = "2027-03-01") {
    const auto r = Post(port(), "/api/v1/overseas/dispatches", DispatchBody(project, std::move(workers), date), e.token);
    if (r.status != 201) throw std::runtime_error("dispatch: " + r.body);
    return Str(r.Json(), "id");
  }

  static json::value Allocation(const std::string& id) {
    const auto r = Get(port(), "/api/v1/overseas/quota-allocations/" + id, head_token_);
    if (r.status != 200) throw std::runtime_error("allocation read: " + r.body);
    return r.Json();
  }

  static inline StaffUser head_, unit34_, unit06_;
  static inline Employer firm_, other_;
  static inline std::string head_token_, unit34_token_, unit06_token_;
};

TEST_F(OverseasE2E, ProjectsRefuseTurkeyAndShowTheirQuotas) {
  auto r = Post(port(), "/api/v1/overseas/projects",
                json::object{{"name", "Yurtiçi"},
                             {"country", "TR"},
                             {"occupations", json::array{"7112"}},
                             {"contractStartDate", "2027-01-01"},
                             {"contractEndDate", "2026-12-31"}},
                firm_.token);
  const auto p = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "country", "unknown_value"));
  EXPECT_TRUE(HasFieldError(p, "contractEndDate", "before_valid_from"));

  const std::string project = Project(firm_, "SA", "Riyad Metro");
  const std::string alloc = Allocate(firm_.id, "SA", 12);
  r = Get(port(), "/api/v1/overseas/projects/" + project, firm_.token);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.Json();
  EXPECT_EQ(Str(j, "country"), "SA");
  ASSERT_EQ(Arr(j, "quotas").size(), 1u);
  EXPECT_EQ(Str(Arr(j, "quotas")[0], "id"), alloc);
  EXPECT_EQ(Int(Arr(j, "quotas")[0], "available"), 12);
  EXPECT_FALSE(r.Header("ETag").empty());

  // The list reads the projection: ask for our own write
  r = Get(port(), "/api/v1/overseas/projects?minPosition=" + std::to_string(HealthPosition(port())), firm_.token);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto list = r.Json();
  bool found = false;
  for (const auto& item : Arr(list, "items")) found = found || Str(item, "id") == project;
  EXPECT_TRUE(found);
}

TEST_F(OverseasE2E, TheEntryCheckAndTheRules) {
  const std::string project = Project(firm_, "QA", "Doha Stadyum");
  // no allocation yet
  auto r = Post(port(), "/api/v1/overseas/dispatches", DispatchBody(project, json::array{Worker("7112")}), firm_.token);
  ExpectProblem(r, 409, "no_quota_for_date");
  Allocate(firm_.id, "QA", 2);
  Allocate(firm_.id, "QA", 1, "7212");
  // three workers against a country quota of 2
  r = Post(port(), "/api/v1/overseas/dispatches",
           DispatchBody(project, json::array{Worker("7112"), Worker("7112"), Worker("7112")}), firm_.token);
  auto p = ExpectProblem(r, 409, "quota_exceeded");
  EXPECT_EQ(Str(p, "quota"), "country");
  EXPECT_EQ(Int(p, "available"), 2);
  EXPECT_EQ(Int(p, "requested"), 3);
  // two 7212 workers against an occupation cap of 1
  r = Post(port(), "/api/v1/overseas/dispatches", DispatchBody(project, json::array{Worker("7212"), Worker("7212")}),
           firm_.token);
  p = ExpectProblem(r, 409, "quota_exceeded");
  EXPECT_EQ(Str(p, "quota"), "occupation");
  EXPECT_NE(Str(p, "title").find("meslek"), std::string::npos);
  // 422s name the fields
  auto twice = Worker("7112");
  r = Post(port(), "/api/v1/overseas/dispatches",
           DispatchBody(project, json::array{twice, twice, Worker("9313")}, "2029-01-01"), firm_.token);
  p = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "dispatchDate", "outside_contract"));
  EXPECT_TRUE(HasFieldError(p, "workers[1].tckn", "duplicate"));
  EXPECT_TRUE(HasFieldError(p, "workers[2].occupation", "not_in_project"));
  r = Post(port(), "/api/v1/overseas/dispatches", DispatchBody("999999", json::array{Worker("7112")}), firm_.token);
  EXPECT_TRUE(HasFieldError(ExpectProblem(r, 422, "validation_failed"), "projectId", "unknown_value"));
  // another employer's project is not the caller's
  r = Post(port(), "/api/v1/overseas/dispatches", DispatchBody(project, json::array{Worker("7112")}), other_.token);
  EXPECT_TRUE(HasFieldError(ExpectProblem(r, 422, "validation_failed"), "projectId", "unknown_value"));
  // an empty dispatch is created but cannot be approved
  r = Post(port(), "/api/v1/overseas/dispatches", DispatchBody(project, json::array{}), firm_.token);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string empty = Str(r.Json(), "id");
  r = Post(port(), "/api/v1/overseas/dispatches/" + empty + "/approve", json::object{}, head_token_);
  ExpectProblem(r, 409, "dispatch_has_no_workers");
}

TEST_F(OverseasE2E, ConcurrentApprovalsConsumeExactlyTheQuota) {
  constexpr int kQuota = 6;
  constexpr int kDispatches = kQuota + 5;
  const std::string project = Project(firm_, "DE");
  const std::string alloc = Allocate(firm_.id, "DE", kQuota);
  std::vector<std::string> ids;
  for (int i = 0; i < kDispatches; ++i) ids.push_back(Dispatch(firm_, project, json::array{Worker("7112")}));

  std::atomic<int> go{0};
  std::vector<HttpResponse> answers(kDispatches);
  std::vector<std::thread> threads;
  for (int i = 0; i < kDispatches; ++i) {
    threads.emplace_back([&, i] {
      go.fetch_add(1);
      while (go.load() < kDispatches) std::this_thread::yield();
      answers[i] = Post(port(), "/api/v1/overseas/dispatches/" + ids[i] + "/approve", json::object{}, head_token_);
    });
  }
  for (auto& t : threads) t.join();
  int ok = 0, exceeded = 0;
  for (const auto& a : answers) {
    if (a.status == 200) {
      ++ok;
      const auto j = a.Json();
      EXPECT_EQ(Str(j, "status"), "approved");
      EXPECT_EQ(Str(j, "allocationId"), alloc);
    } else {
      const auto p = ExpectProblem(a, 409, "quota_exceeded");
      EXPECT_EQ(Str(p, "quota"), "country");
      EXPECT_EQ(Str(p, "allocationId"), alloc);
      EXPECT_EQ(Int(p, "available"), 0);
      EXPECT_EQ(Int(p, "requested"), 1);
      ++exceeded;
    }
  }
  EXPECT_EQ(ok, kQuota);
  EXPECT_EQ(exceeded, 5);
  const auto a = Allocation(alloc);
  EXPECT_EQ(Int(a, "used"), kQuota);
  EXPECT_EQ(Int(a, "available"), 0);
  // the refused ones stay pending
  int pending = 0;
  for (const auto& id : ids) {
    const auto r = Get(port(), "/api/v1/overseas/dispatches/" + id, firm_.token);
    ASSERT_EQ(r.status, 200);
    const auto j = r.Json();
    if (Str(j, "status") == "pending") ++pending;
  }
  EXPECT_EQ(pending, 5);
  // the project's workers are the approved ones
  const auto w = Get(port(), "/api/v1/overseas/projects/" + project + "/workers", firm_.token);
  ASSERT_EQ(w.status, 200);
  const auto wj = w.Json();
  EXPECT_EQ(Int(wj, "total"), kQuota);
}

TEST_F(OverseasE2E, AnApprovedDispatchIsReadOnlyAndNothingIsWritten) {
  const std::string project = Project(firm_, "NL", "Rotterdam Liman");
  const std::string alloc = Allocate(firm_.id, "NL", 10);
  auto r = Post(port(), "/api/v1/overseas/dispatches", DispatchBody(project, json::array{Worker("7112")}), firm_.token);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto created = r.Json();
  const std::string id = Str(created, "id");
  const std::string worker = std::string(Arr(created, "workerIds").at(0).as_string());
  // Idempotency-Key: the replay answers the same and consumes nothing
  const Headers key = {{"Idempotency-Key", "approve-" + id}};
  r = Post(port(), "/api/v1/overseas/dispatches/" + id + "/approve", json::object{}, head_token_, key);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string first = r.body;
  r = Post(port(), "/api/v1/overseas/dispatches/" + id + "/approve", json::object{}, head_token_, key);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, first);
  EXPECT_EQ(Int(Allocation(alloc), "used"), 1);

  r = Get(port(), "/api/v1/overseas/dispatches/" + id, firm_.token);
  const auto before = r.Json();
  const std::uint64_t position = HealthPosition(port());
  const std::string path = "/api/v1/overseas/dispatches/" + id;
  ExpectProblem(Put(port(), path, DispatchBody(project, json::array{}, "2027-04-01"), firm_.token), 409,
                "dispatch_approved_readonly");
  ExpectProblem(Delete(port(), path, firm_.token), 409, "dispatch_approved_readonly");
  ExpectProblem(Post(port(), path + "/workers", Worker("7112"), firm_.token), 409, "dispatch_approved_readonly");
  ExpectProblem(Put(port(), path + "/workers/" + worker, Worker("7212"), firm_.token), 409,
                "dispatch_approved_readonly");
  ExpectProblem(Delete(port(), path + "/workers/" + worker, firm_.token), 409, "dispatch_approved_readonly");
  ExpectProblem(Post(port(), path + "/approve", json::object{}, head_token_), 409, "dispatch_approved_readonly");
  ExpectProblem(Post(port(), path + "/reject", json::object{{"reason", "x"}}, head_token_), 409,
                "dispatch_approved_readonly");
  EXPECT_EQ(HealthPosition(port()), position);
  r = Get(port(), path, firm_.token);
  const auto after = r.Json();
  EXPECT_EQ(Int(after, "version"), Int(before, "version"));
  EXPECT_EQ(Int(Allocation(alloc), "used"), 1);

  // Extensions: the only change an approved dispatch gets
  ExpectProblem(Post(port(), path + "/extensions", json::object{{"requestedEndDate", "2027-06-01"}}, firm_.token), 422,
                "validation_failed");
  r = Post(port(), path + "/extensions", json::object{{"requestedEndDate", "2028-06-30"}, {"reason", "İş uzadı"}},
           firm_.token);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string ext = Str(r.Json(), "extensionId");
  ExpectProblem(Post(port(), path + "/extensions", json::object{{"requestedEndDate", "2028-07-30"}}, firm_.token), 409,
                "extension_pending");
  r = Post(port(), path + "/extensions/" + ext + "/approve", json::object{}, head_token_);
  ASSERT_EQ(r.status, 200) << r.body;
  r = Get(port(), path, firm_.token);
  const auto extended = r.Json();
  EXPECT_EQ(Str(extended, "plannedEndDate"), "2028-06-30");
}

TEST_F(OverseasE2E, PendingDispatchesChangeAndWorkersMoveBetweenProjectsOfOneCountry) {
  const std::string a = Project(firm_, "FR", "Paris A");
  const std::string b = Project(firm_, "FR", "Paris B");
  const std::string c = Project(firm_, "BE", "Brüksel");
  Allocate(firm_.id, "FR", 5);
  auto r = Post(port(), "/api/v1/overseas/dispatches", DispatchBody(a, json::array{Worker("7112")}), firm_.token);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string id = Str(r.Json(), "id");
  const std::string path = "/api/v1/overseas/dispatches/" + id;
  r = Post(port(), path + "/workers", Worker("7212", "Ayşe"), firm_.token);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string added = Str(r.Json(), "workerId");
  r = Put(port(), path + "/workers/" + added, Worker("7112", "Ayşe"), firm_.token);
  ASSERT_EQ(r.status, 200) << r.body;
  r = Put(port(), path, DispatchBody(a, json::array{}, "2027-05-01"), firm_.token, {{"If-Match", "\"1\""}});
  ExpectProblem(r, 412, "version_mismatch");
  r = Put(port(), path, DispatchBody(a, json::array{}, "2027-05-01"), firm_.token);
  ASSERT_EQ(r.status, 200) << r.body;
  r = Post(port(), path + "/approve", json::object{}, head_token_);
  ASSERT_EQ(r.status, 200) << r.body;

  r = Post(port(), "/api/v1/overseas/worker-transfers",
           json::object{{"sourceProjectId", a}, {"targetProjectId", c}, {"all", true}}, firm_.token);
  ExpectProblem(r, 409, "transfer_country_mismatch");
  r = Get(port(), "/api/v1/overseas/projects/" + a + "/workers", firm_.token);
  EXPECT_EQ(Int(r.Json(), "total"), 2);
  r = Post(port(), "/api/v1/overseas/worker-transfers",
           json::object{{"sourceProjectId", a}, {"targetProjectId", b}, {"workerIds", json::array{added}}}, firm_.token);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Int(r.Json(), "count"), 1);
  r = Get(port(), "/api/v1/overseas/projects/" + b + "/workers", firm_.token);
  const auto moved = r.Json();
  ASSERT_EQ(Arr(moved, "items").size(), 1u);
  EXPECT_EQ(Str(Arr(moved, "items")[0], "workerId"), added);
  r = Get(port(), "/api/v1/overseas/projects/" + a + "/workers", firm_.token);
  EXPECT_EQ(Int(r.Json(), "total"), 1);
}

TEST_F(OverseasE2E, SubcontractorTransfersMoveQuotaAndReturnIt) {
  const std::string source = Project(firm_, "AT", "Viyana");
  const std::string target = Project(other_, "AT", "Graz");
  const std::string alloc = Allocate(firm_.id, "AT", 10, nullptr, "2020-01-01", "2035-12-31");
  auto r = Post(port(), "/api/v1/overseas/subcontractor-quota-transfers",
                json::object{{"sourceProjectId", source},
                             {"targetIskurNo", other_.iskur_no},
                             {"targetProjectId", target},
                             {"transferCount", 4}},
                firm_.token);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto t = r.Json();
  const std::string transfer = Str(t, "id");
  EXPECT_EQ(Int(Allocation(alloc), "transferredOut"), 4);
  EXPECT_EQ(Int(Allocation(alloc), "available"), 6);
  EXPECT_EQ(Int(Allocation(Str(t, "allocationId")), "limit"), 4);
  r = Put(port(), "/api/v1/overseas/quota-allocations/" + alloc, json::object{{"limit", 3}}, head_token_);
  ExpectProblem(r, 409, "limit_below_used");
  r = Delete(port(), "/api/v1/overseas/subcontractor-quota-transfers/" + transfer, firm_.token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Int(Allocation(alloc), "available"), 10);
}

TEST_F(OverseasE2E, Visibility) {
  const std::string project = Project(firm_, "IT", "Milano");
  Allocate(firm_.id, "IT", 3);
  const std::string dispatch = Dispatch(firm_, project, json::array{Worker("7112")});
  for (const std::string path : {"/api/v1/overseas/projects/" + project, "/api/v1/overseas/dispatches/" + dispatch}) {
    EXPECT_EQ(Get(port(), path, firm_.token).status, 200);
    EXPECT_EQ(Get(port(), path, head_token_).status, 200);
    EXPECT_EQ(Get(port(), path, unit34_token_).status, 200) << "the employer is registered in İstanbul";
    EXPECT_EQ(Get(port(), path, other_.token).status, 404);
    EXPECT_EQ(Get(port(), path, unit06_token_).status, 404);
  }
  ExpectProblem(Post(port(), "/api/v1/overseas/dispatches/" + dispatch + "/approve", json::object{}, unit06_token_),
                404, "dispatch_not_found");
  auto r = Post(port(), "/api/v1/overseas/quota-allocations",
                json::object{{"employerId", firm_.id}, {"country", "IT"}, {"validFrom", "2028-01-01"},
                             {"validTo", "2028-12-31"}, {"limit", 5}},
                firm_.token);
  EXPECT_EQ(r.status, 403);
  r = Post(port(), "/api/v1/overseas/quota-allocations",
           json::object{{"employerId", firm_.id}, {"country", "IT"}, {"validFrom", "2028-01-01"},
                        {"validTo", "2028-12-31"}, {"limit", 5}},
           unit34_token_);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Post(port(), "/api/v1/overseas/dispatches/" + dispatch + "/approve", json::object{}, firm_.token).status,
            403);
  // overlapping validity for the same key
  r = Post(port(), "/api/v1/overseas/quota-allocations",
           json::object{{"employerId", firm_.id}, {"country", "IT"}, {"validFrom", "2027-06-01"},
                        {"validTo", "2028-12-31"}, {"limit", 5}},
           head_token_);
  ExpectProblem(r, 409, "allocation_overlaps");
}

}  // namespace
}  // namespace e2e
