// End-to-end tests of the trainer routes (api/courses.md "Trainers", pinned; docs/trainers.md)
// against the real binary: registration and its 409/422, employer isolation, the agency's
// view, If-Match on PUT and DELETE, deletion and registering the same person again.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <set>

#include "e2e_helpers.h"
#include "http_client.h"
#include "server_fixture.h"

namespace e2e {
namespace {

const std::string kStaffPassword = "Birim-Sifre-123";

std::string After(const HttpResponse& r) {
  return "minPosition=" + std::to_string(r.Json().as_object().at("position").to_number<std::uint64_t>());
}

json::object TrainerBody(const std::string& tckn, const std::string& first = "Gülşen",
                         const std::string& last = "Kılıç", const std::string& occupation = "2512") {
  return {{"tckn", tckn},
          {"firstName", first},
          {"lastName", last},
          {"occupation", occupation},
          {"educationLevel", "bachelor"},
          {"phone", "0532 555 00 00"},
          {"email", "gulsen.kilic@example.com.tr"}};
}

std::set<std::string> Ids(const HttpResponse& list) {
  std::set<std::string> out;
  const auto doc = list.Json();
  for (const auto& i : Arr(doc, "items")) out.insert(Str(i, "id"));
  return out;
}

class TrainersE2E : public ServerSuite<TrainersE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    unit_ = {"unit", NextTckn(), kStaffPassword, "34"};
    head_office_ = {"headOffice", NextTckn(), kStaffPassword, ""};
    auditor_ = {"auditor", NextTckn(), kStaffPassword, ""};
    ServerOptions o;
    o.staff = {unit_, head_office_, auditor_};
    return o;
  }
  static void SeedSuite() {
    a_ = RegisterAndLogin(port(), NewEmployer::Fresh("Anadolu Eğitim Hizmetleri A.Ş."));
    b_ = RegisterAndLogin(port(), NewEmployer::Fresh("Çamlıca Kurs Merkezi Ltd. Şti."));
    unit_token_ = Login(port(), unit_.tckn, unit_.password);
    head_office_token_ = Login(port(), head_office_.tckn, head_office_.password);
    auditor_token_ = Login(port(), auditor_.tckn, auditor_.password);
  }

  // POST /trainers, expecting 201; returns the answer.
  static json::object Register(const json::object& body, const std::string& token) {
    const auto r = Post(port(), "/api/v1/trainers", body, token);
    if (r.status != 201) throw std::runtime_error("trainer registration: " + std::to_string(r.status) + " " + r.body);
    return r.Json().as_object();
  }
  static std::string AfterPosition(const json::object& answer) {
    return "minPosition=" + std::to_string(answer.at("position").to_number<std::uint64_t>());
  }

  static inline StaffUser unit_, head_office_, auditor_;
  static inline Employer a_, b_;
  static inline std::string unit_token_, head_office_token_, auditor_token_;
};

TEST_F(TrainersE2E, RegisterThenReadWithETag) {
  const std::string tckn = NextTckn();
  const auto r = Post(port(), "/api/v1/trainers", TrainerBody(tckn), a_.token);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string id = Str(r.Json(), "id");
  EXPECT_FALSE(id.empty());
  EXPECT_EQ(Int(r.Json(), "version"), 1);
  EXPECT_GT(Int(r.Json(), "position"), 0);

  const auto got = Get(port(), "/api/v1/trainers/" + id + "?" + After(r), a_.token);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Header("ETag"), "\"1\"");
  const auto doc = got.Json();
  EXPECT_EQ(Str(doc, "id"), id);
  EXPECT_EQ(Str(doc, "tckn"), tckn);
  EXPECT_EQ(Str(doc, "firstName"), "Gülşen");
  EXPECT_EQ(Str(doc, "lastName"), "Kılıç");
  EXPECT_EQ(Str(doc, "occupation"), "2512");
  EXPECT_EQ(Str(doc, "educationLevel"), "bachelor");
  EXPECT_EQ(Str(doc, "phone"), "0532 555 00 00");
  EXPECT_EQ(Str(doc, "email"), "gulsen.kilic@example.com.tr");
  EXPECT_EQ(Str(doc, "ownerId"), a_.id);
  EXPECT_TRUE(Arr(doc, "courseIds").empty());
  EXPECT_EQ(Int(doc, "version"), 1);
}

TEST_F(TrainersE2E, SameTcknTwiceForOneOwnerIs409ButAnotherOwnerMayRegisterIt) {
  const std::string tckn = NextTckn();
  Register(TrainerBody(tckn), a_.token);
  const auto again = Post(port(), "/api/v1/trainers", TrainerBody(tckn, "Başka", "Ad"), a_.token);
  const auto problem = ExpectProblem(again, 409, "trainer_already_registered");
  EXPECT_TRUE(HasFieldError(problem, "tckn", "already_registered")) << again.body;
  EXPECT_EQ(Post(port(), "/api/v1/trainers", TrainerBody(tckn), b_.token).status, 201);
  EXPECT_EQ(Post(port(), "/api/v1/trainers", TrainerBody(tckn), unit_token_).status, 201);
  // The agency is one owner for all staff.
  ExpectProblem(Post(port(), "/api/v1/trainers", TrainerBody(tckn), head_office_token_), 409,
                "trainer_already_registered");
}

TEST_F(TrainersE2E, IdempotencyKeyReplaysTheFirstAnswer) {
  const Headers key = {{"Idempotency-Key", "trainer-once"}};
  const auto body = TrainerBody(NextTckn());
  const auto first = Post(port(), "/api/v1/trainers", body, a_.token, key);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto second = Post(port(), "/api/v1/trainers", body, a_.token, key);
  EXPECT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(Str(second.Json(), "id"), Str(first.Json(), "id"));
  EXPECT_EQ(Int(second.Json(), "position"), Int(first.Json(), "position"));
}

TEST_F(TrainersE2E, ValidationNamesEveryFailingField) {
  json::object body{{"tckn", BreakCheckDigit(NextTckn())}, {"firstName", ""}, {"lastName", std::string(101, 'x')},
                    {"occupation", "9999"}, {"educationLevel", "phd"}, {"phone", "12"}, {"email", "not-an-email"}};
  const auto r = Post(port(), "/api/v1/trainers", body, a_.token);
  const auto problem = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(problem, "tckn", "invalid_checksum")) << r.body;
  EXPECT_TRUE(HasFieldError(problem, "firstName", "required")) << r.body;
  EXPECT_TRUE(HasFieldError(problem, "lastName", "too_long")) << r.body;
  EXPECT_TRUE(HasFieldError(problem, "occupation", "unknown_value")) << r.body;
  EXPECT_TRUE(HasFieldError(problem, "educationLevel", "unknown_value")) << r.body;
  EXPECT_TRUE(HasFieldError(problem, "phone", "invalid_format")) << r.body;
  EXPECT_TRUE(HasFieldError(problem, "email", "invalid_format")) << r.body;
  // Missing fields are named too.
  const auto empty = Post(port(), "/api/v1/trainers", json::object{}, a_.token);
  const auto p2 = ExpectProblem(empty, 422, "validation_failed");
  for (const char* f : {"tckn", "firstName", "lastName", "occupation"}) {
    EXPECT_TRUE(HasFieldError(p2, f, "required")) << f << ": " << empty.body;
  }
}

TEST_F(TrainersE2E, AnotherEmployersTrainerIs404AndNotListed) {
  const auto mine = Register(TrainerBody(NextTckn(), "Ömer", "Şahin"), a_.token);
  const std::string id(mine.at("id").as_string());
  const std::string path = "/api/v1/trainers/" + id;
  const auto got = Get(port(), path + "?" + AfterPosition(mine), b_.token);
  ExpectProblem(got, 404, "trainer_not_found");
  ExpectProblem(Put(port(), path, TrainerBody(""), b_.token), 404, "trainer_not_found");
  ExpectProblem(Delete(port(), path, b_.token), 404, "trainer_not_found");
  const auto list = Get(port(), "/api/v1/trainers?" + AfterPosition(mine), b_.token);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(Ids(list).count(id), 0u);
  const auto rows = list.Json();
  for (const auto& i : Arr(rows, "items")) EXPECT_EQ(Str(i, "ownerId"), b_.id) << list.body;
  // A's refused by B: still there, unchanged.
  const auto still = Get(port(), path, a_.token);
  ASSERT_EQ(still.status, 200) << still.body;
  EXPECT_EQ(Str(still.Json(), "firstName"), "Ömer");
}

TEST_F(TrainersE2E, TheAgencySeesAndActsOnEveryTrainerAuditorsAreForbidden) {
  const auto of_a = Register(TrainerBody(NextTckn(), "İsmail", "Öğüt", "7212"), a_.token);
  const auto of_b = Register(TrainerBody(NextTckn(), "Ilgın", "Aslan"), b_.token);
  const auto of_agency = Register(TrainerBody(NextTckn(), "Can", "Demir"), unit_token_);
  const std::string a_id(of_a.at("id").as_string()), b_id(of_b.at("id").as_string()),
      agency_id(of_agency.at("id").as_string());
  const auto agency_doc = Get(port(), "/api/v1/trainers/" + agency_id + "?" + AfterPosition(of_agency), unit_token_);
  ASSERT_EQ(agency_doc.status, 200) << agency_doc.body;
  EXPECT_EQ(Str(agency_doc.Json(), "ownerId"), "agency");

  const auto all = Get(port(), "/api/v1/trainers?pageSize=100&" + AfterPosition(of_agency), head_office_token_);
  ASSERT_EQ(all.status, 200) << all.body;
  const auto ids = Ids(all);
  EXPECT_EQ(ids.count(a_id), 1u);
  EXPECT_EQ(ids.count(b_id), 1u);
  EXPECT_EQ(ids.count(agency_id), 1u);
  // Filters: name (Turkish-folded), occupation, tckn.
  const auto by_name = Get(port(), "/api/v1/trainers?name=" + UrlEncode("ISMAIL OGUT"), head_office_token_);
  ASSERT_EQ(by_name.status, 200) << by_name.body;
  EXPECT_EQ(Ids(by_name), std::set<std::string>{a_id});
  const auto by_occupation = Get(port(), "/api/v1/trainers?occupation=7212&pageSize=100", unit_token_);
  EXPECT_EQ(Ids(by_occupation).count(a_id), 1u);
  const auto occupation_rows = by_occupation.Json();
  for (const auto& i : Arr(occupation_rows, "items")) EXPECT_EQ(Str(i, "occupation"), "7212");
  const std::string b_tckn = Str(Get(port(), "/api/v1/trainers/" + b_id, b_.token).Json(), "tckn");
  const auto by_tckn = Get(port(), "/api/v1/trainers?tckn=" + b_tckn, unit_token_);
  EXPECT_EQ(Ids(by_tckn), std::set<std::string>{b_id});
  const auto page = by_tckn.Json();
  EXPECT_EQ(Int(page, "total"), 1);
  EXPECT_EQ(Int(page, "page"), 1);
  EXPECT_EQ(Int(page, "pageSize"), 15);
  EXPECT_EQ(Int(page, "totalPages"), 1);

  // The agency may change an employer's trainer; the owner stays.
  auto body = TrainerBody("", "İsmail", "Öğütçü", "7212");
  const auto put = Put(port(), "/api/v1/trainers/" + a_id, body, head_office_token_);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Int(put.Json(), "version"), 2);
  const auto changed = Get(port(), "/api/v1/trainers/" + a_id + "?" + After(put), a_.token);
  EXPECT_EQ(Str(changed.Json(), "lastName"), "Öğütçü");
  EXPECT_EQ(Str(changed.Json(), "ownerId"), a_.id);

  // An employer does not see the agency's trainers.
  ExpectProblem(Get(port(), "/api/v1/trainers/" + agency_id, a_.token), 404, "trainer_not_found");
  // Auditors have no trainer routes.
  ExpectProblem(Get(port(), "/api/v1/trainers", auditor_token_), 403, "forbidden");
  ExpectProblem(Post(port(), "/api/v1/trainers", TrainerBody(NextTckn()), auditor_token_), 403, "forbidden");
}

TEST_F(TrainersE2E, UpdateHonoursIfMatch) {
  const auto reg = Register(TrainerBody(NextTckn()), a_.token);
  const std::string path = "/api/v1/trainers/" + std::string(reg.at("id").as_string());
  const auto got = Get(port(), path + "?" + AfterPosition(reg), a_.token);
  ASSERT_EQ(got.status, 200) << got.body;
  // The PUT takes the document the GET returned, with changes.
  auto doc = got.Json().as_object();
  doc["lastName"] = "Kılınç";
  doc["tckn"] = "ignored";
  const auto put = Put(port(), path, doc, a_.token, {{"If-Match", got.Header("ETag")}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Int(put.Json(), "version"), 2);
  // The same (now stale) version again → 412, nothing changes.
  doc["lastName"] = "Kalın";
  ExpectProblem(Put(port(), path, doc, a_.token, {{"If-Match", got.Header("ETag")}}), 412, "version_mismatch");
  const auto after = Get(port(), path + "?" + After(put), a_.token);
  EXPECT_EQ(after.Header("ETag"), "\"2\"");
  EXPECT_EQ(Str(after.Json(), "lastName"), "Kılınç");
  EXPECT_EQ(Str(after.Json(), "tckn"), Str(got.Json(), "tckn"));
  // A stale delete is refused as well.
  ExpectProblem(Delete(port(), path, a_.token, {{"If-Match", "\"1\""}}), 412, "version_mismatch");
  EXPECT_EQ(Get(port(), path, a_.token).status, 200);
  // Validation of the edited fields.
  doc["occupation"] = "25";
  doc["email"] = "x@";
  const auto bad = Put(port(), path, doc, a_.token);
  const auto problem = ExpectProblem(bad, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(problem, "occupation", "unknown_value")) << bad.body;
  EXPECT_TRUE(HasFieldError(problem, "email", "invalid_format")) << bad.body;
}

TEST_F(TrainersE2E, DeleteThenGetIs404AndThePersonCanBeRegisteredAgain) {
  const std::string tckn = NextTckn();
  const auto reg = Register(TrainerBody(tckn), a_.token);
  const std::string id(reg.at("id").as_string());
  const std::string path = "/api/v1/trainers/" + id;
  const auto del = Delete(port(), path, a_.token, {{"If-Match", "\"1\""}});
  ASSERT_EQ(del.status, 200) << del.body;
  EXPECT_EQ(Str(del.Json(), "id"), id);
  EXPECT_EQ(Int(del.Json(), "version"), 2);
  ExpectProblem(Get(port(), path + "?" + After(del), a_.token), 404, "trainer_not_found");
  ExpectProblem(Get(port(), path, head_office_token_), 404, "trainer_not_found");
  const auto list = Get(port(), "/api/v1/trainers?tckn=" + tckn, a_.token);
  EXPECT_EQ(Int(list.Json(), "total"), 0) << list.body;
  ExpectProblem(Delete(port(), path, a_.token), 404, "trainer_not_found");
  ExpectProblem(Put(port(), path, TrainerBody(tckn), a_.token), 404, "trainer_not_found");

  // The reservation was released: the owner registers the person again, under a new id.
  const auto again = Post(port(), "/api/v1/trainers", TrainerBody(tckn, "Gülşen", "Kılıç"), a_.token);
  ASSERT_EQ(again.status, 201) << again.body;
  const std::string new_id = Str(again.Json(), "id");
  EXPECT_NE(new_id, id);
  const auto listed = Get(port(), "/api/v1/trainers?tckn=" + tckn + "&" + After(again), a_.token);
  EXPECT_EQ(Ids(listed), std::set<std::string>{new_id});
  // And once more is the duplicate again.
  ExpectProblem(Post(port(), "/api/v1/trainers", TrainerBody(tckn), a_.token), 409, "trainer_already_registered");
}

}  // namespace
}  // namespace e2e
