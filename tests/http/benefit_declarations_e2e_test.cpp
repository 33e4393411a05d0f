// End-to-end tests of benefit declarations (DECL-1) against the real binary: an employer
// submits an İÖ, an İKT and a KÇÖ declaration; the unit user of the workplace's province finds
// them by unit → firm → declaration type, so does head office; the unit user of another
// province and another employer see nothing. The server's calendar is the hidden --clock-file.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "e2e_helpers.h"
#include "http_client.h"
#include "server_fixture.h"

namespace e2e {
namespace {

const std::string kPasswordStaff = "Personel-Sifre-1";
const std::string kUnitIstanbul = "51928327670";
const std::string kUnitAnkara = "13056413946";
const std::string kHeadOffice = "44131647550";

std::string ClockFile() { return ClockFilePath("decl"); }

std::string AfterPosition(const HttpResponse& r) {
  return "minPosition=" + std::to_string(r.Json().as_object().at("position").to_number<std::uint64_t>());
}

json::object Leaver(const std::string& tckn, const std::string& date, const std::string& reason) {
  return {{"tckn", tckn}, {"firstName", "Ali"}, {"lastName", "Veli"}, {"exitDate", date}, {"exitReasonCode", reason}};
}

json::object ShortTimeWorker(const std::string& tckn, std::int64_t feb, std::int64_t mar) {
  return {{"tckn", tckn}, {"firstName", "Ayşe"}, {"lastName", "Kaya"},
          {"monthlyHours", json::array{json::object{{"month", "2026-02"}, {"hours", feb}},
                                       json::object{{"month", "2026-03"}, {"hours", mar}}}}};
}

std::vector<std::string> Column(const HttpResponse& r, const char* key) {
  std::vector<std::string> out;
  const auto v = r.Json();  // Arr() refers into it
  for (const auto& i : Arr(v, "items")) out.push_back(Str(i, key));
  return out;
}

class BenefitDeclarationsE2E : public ServerSuite<BenefitDeclarationsE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFile(), "2026-03-20");
    ServerOptions o;
    o.extra_args = {"--clock-file", ClockFile()};
    o.staff = {StaffUser{"unit", kUnitIstanbul, kPasswordStaff, "34"},
               StaffUser{"unit", kUnitAnkara, kPasswordStaff, "06"},
               StaffUser{"headOffice", kHeadOffice, kPasswordStaff, ""}};
    return o;
  }
};

TEST_F(BenefitDeclarationsE2E, SubmittedByTheEmployerListedByUnitFirmAndType) {
  NewEmployer ne = NewEmployer::Fresh("Boğaziçi Tekstil A.Ş.");  // İstanbul (34)
  const Employer a = RegisterAndLogin(port(), ne);
  NewEmployer other = NewEmployer::Fresh("Ege Lojistik A.Ş.");
  other.province = "35";
  other.district = "Konak";
  const Employer b = RegisterAndLogin(port(), other);

  // 1. The employer submits one declaration of each type.
  const std::string w1 = NextTckn(), w2 = NextTckn(), w3 = NextTckn();
  const auto io = Post(port(), "/api/v1/benefit-declarations",
                       json::object{{"declarationType", "IO"}, {"workplaceId", a.hq_id},
                                    {"workers", json::array{Leaver(w1, "2026-03-02", "04"), Leaver(w2, "2026-03-20", "17")}}},
                       a.token);
  ASSERT_EQ(io.status, 201) << io.body;
  EXPECT_EQ(Str(io.Json(), "declarationNo"), "2026000001");
  EXPECT_EQ(Str(io.Json(), "unitId"), "34");
  EXPECT_EQ(Str(io.Json(), "declarationDate"), "2026-03-20");
  const auto ikt = Post(port(), "/api/v1/benefit-declarations",
                        json::object{{"declarationType", "IKT"}, {"workplaceId", a.hq_id},
                                     {"workers", json::array{Leaver(w3, "2026-02-27", "32")}}},
                        a.token);
  ASSERT_EQ(ikt.status, 201) << ikt.body;
  const auto kco = Post(port(), "/api/v1/benefit-declarations",
                        json::object{{"declarationType", "KCO"}, {"workplaceId", a.hq_id}, {"periodStart", "2026-02-01"},
                                     {"periodEnd", "2026-04-30"},
                                     {"workers", json::array{ShortTimeWorker(w1, 80, 40), ShortTimeWorker(w2, 60, 30)}}},
                        a.token, {{"Idempotency-Key", "kco-1"}});
  ASSERT_EQ(kco.status, 201) << kco.body;
  EXPECT_EQ(Str(kco.Json(), "declarationNo"), "2026000003");  // no gaps
  const std::string after = AfterPosition(kco);

  // A refused declaration names every bad field and uses no number.
  const auto bad = Post(port(), "/api/v1/benefit-declarations",
                        json::object{{"declarationType", "KCO"}, {"workplaceId", b.hq_id}, {"periodStart", "2026-03-10"},
                                     {"periodEnd", "2026-03-20"},
                                     {"workers", json::array{ShortTimeWorker(w1, 300, 10), ShortTimeWorker(w1, 10, 10)}}},
                        a.token);
  const auto p = ExpectProblem(bad, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "workplaceId", "unknown_workplace"));
  EXPECT_TRUE(HasFieldError(p, "periodEnd", "period_too_short"));
  EXPECT_TRUE(HasFieldError(p, "workers[0].monthlyHours[0].hours", "out_of_range"));
  EXPECT_TRUE(HasFieldError(p, "workers[1].tckn", "duplicate"));
  // The same Idempotency-Key answers the first response again.
  const auto again = Post(port(), "/api/v1/benefit-declarations",
                          json::object{{"declarationType", "KCO"}, {"workplaceId", a.hq_id}, {"periodStart", "2026-02-01"},
                                       {"periodEnd", "2026-04-30"},
                                       {"workers", json::array{ShortTimeWorker(w1, 80, 40), ShortTimeWorker(w2, 60, 30)}}},
                          a.token, {{"Idempotency-Key", "kco-1"}});
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(Str(again.Json(), "declarationNo"), "2026000003");

  // 2. The İstanbul unit user: unit → firm → type.
  const std::string unit34 = Login(port(), kUnitIstanbul, kPasswordStaff);
  const auto units = Get(port(), "/api/v1/benefit-declarations/units?" + after, unit34);
  ASSERT_EQ(units.status, 200) << units.body;
  ASSERT_EQ(Column(units, "unitId"), std::vector<std::string>{"34"});
  EXPECT_EQ(Str(Arr(units.Json(), "items")[0], "name"), "İstanbul Çalışma ve İş Kurumu İl Müdürlüğü");
  EXPECT_EQ(Int(Arr(units.Json(), "items")[0], "declarationCount"), 3);
  const auto firms = Get(port(), "/api/v1/benefit-declarations/firms?unitId=34&" + after, unit34);
  ASSERT_EQ(firms.status, 200) << firms.body;
  ASSERT_EQ(Column(firms, "employerId"), std::vector<std::string>{a.id});
  EXPECT_EQ(Str(Arr(firms.Json(), "items")[0], "title"), "Boğaziçi Tekstil A.Ş.");

  // Missing selectors: 422 naming them in the order unit, firm, declaration.
  const auto none = Get(port(), "/api/v1/benefit-declarations?declarationType=IO", unit34);
  const auto np = ExpectProblem(none, 422, "declaration_selection_required");
  ASSERT_EQ(Arr(np, "errors").size(), 2u) << none.body;
  EXPECT_EQ(Str(Arr(np, "errors")[0], "field"), "unitId");
  EXPECT_EQ(Str(Arr(np, "errors")[1], "field"), "employerId");
  // A unit that is no province is named, not answered with an empty page.
  for (const std::string& path : std::vector<std::string>{"/api/v1/benefit-declarations/firms?unitId=99",
                                 "/api/v1/benefit-declarations?unitId=99&employerId=" + a.id + "&declarationType=IO"}) {
    const auto bad = ExpectProblem(Get(port(), path, unit34), 422, "validation_failed");
    ASSERT_EQ(Arr(bad, "errors").size(), 1u) << path;
    EXPECT_EQ(Str(Arr(bad, "errors")[0], "field"), "unitId");
    EXPECT_EQ(Str(Arr(bad, "errors")[0], "code"), "unknown_value");
  }

  const std::string base = "/api/v1/benefit-declarations?unitId=34&employerId=" + a.id + "&" + after;
  const auto list_io = Get(port(), base + "&declarationType=IO", unit34);
  ASSERT_EQ(list_io.status, 200) << list_io.body;
  ASSERT_EQ(Column(list_io, "declarationNo"), std::vector<std::string>{"2026000001"});
  EXPECT_EQ(Int(Arr(list_io.Json(), "items")[0], "workerCount"), 2);
  EXPECT_EQ(Int(list_io.Json(), "pageSize"), 15);
  const auto list_kco = Get(port(), base + "&declarationType=KCO", unit34);
  ASSERT_EQ(Column(list_kco, "declarationNo"), std::vector<std::string>{"2026000003"});
  EXPECT_EQ(Int(Arr(list_kco.Json(), "items")[0], "totalShortTimeHours"), 210);
  const auto detail = Get(port(), "/api/v1/benefit-declarations/2026000002", unit34);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(Str(detail.Json(), "declarationType"), "IKT");
  ASSERT_EQ(Arr(detail.Json(), "workers").size(), 1u);
  EXPECT_EQ(Str(Arr(detail.Json(), "workers")[0], "exitReasonCode"), "32");
  EXPECT_EQ(Str(Arr(detail.Json(), "workers")[0], "tckn"), w3);
  EXPECT_EQ(detail.Header("ETag"), "\"1\"");

  // 3. Head office sees the same.
  const std::string head = Login(port(), kHeadOffice, kPasswordStaff);
  EXPECT_EQ(Column(Get(port(), base + "&declarationType=IKT", head), "declarationNo"),
            std::vector<std::string>{"2026000002"});
  EXPECT_EQ(Arr(Get(port(), "/api/v1/benefit-declarations/units", head).Json(), "items").size(), 81u);

  // 4. The Ankara unit user and another employer see nothing.
  const std::string unit06 = Login(port(), kUnitAnkara, kPasswordStaff);
  EXPECT_TRUE(Column(Get(port(), base + "&declarationType=IO", unit06), "declarationNo").empty());
  EXPECT_TRUE(Column(Get(port(), "/api/v1/benefit-declarations/firms?unitId=34", unit06), "employerId").empty());
  EXPECT_EQ(Column(Get(port(), "/api/v1/benefit-declarations/units", unit06), "unitId"), std::vector<std::string>{"06"});
  ExpectProblem(Get(port(), "/api/v1/benefit-declarations/2026000001", unit06), 404, "benefit_declaration_not_found");
  EXPECT_TRUE(Column(Get(port(), base + "&declarationType=IO", b.token), "declarationNo").empty());
  EXPECT_TRUE(Column(Get(port(), "/api/v1/benefit-declarations/firms?unitId=34", b.token), "employerId").empty());
  ExpectProblem(Get(port(), "/api/v1/benefit-declarations/2026000001", b.token), 404, "benefit_declaration_not_found");

  // The employer itself lists its own.
  EXPECT_EQ(Column(Get(port(), base + "&declarationType=IO", a.token), "declarationNo"),
            std::vector<std::string>{"2026000001"});
  EXPECT_EQ(Column(Get(port(), "/api/v1/benefit-declarations/firms?unitId=34", a.token), "employerId"),
            std::vector<std::string>{a.id});
}

TEST_F(BenefitDeclarationsE2E, StaffCannotSubmitAndTheExitReasonsArePublic) {
  const std::string unit34 = Login(port(), kUnitIstanbul, kPasswordStaff);
  ExpectProblem(Post(port(), "/api/v1/benefit-declarations", json::object{{"declarationType", "IO"}}, unit34), 403,
                "forbidden");
  const auto reasons = Get(port(), "/api/v1/benefit-declarations/exit-reasons");
  ASSERT_EQ(reasons.status, 200);
  EXPECT_EQ(Arr(reasons.Json(), "items").size(), 32u);
  EXPECT_EQ(Str(Arr(reasons.Json(), "items")[0], "code"), "01");
}

// The demo employers have declarations of every type (http/demo_benefit_declarations.cpp).
class DemoBenefitDeclarationsE2E : public ServerSuite<DemoBenefitDeclarationsE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    ServerOptions o;
    o.demo = true;
    return o;
  }
};

TEST_F(DemoBenefitDeclarationsE2E, DemoEmployerListsItsDeclarations) {
  const auto login = Post(port(), "/api/v1/auth/login", json::object{{"tckn", "10000000146"}, {"password", "Demo1234!"}});
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string token = Str(login.Json(), "token");
  const std::string employer = Str(login.Json(), "employerId");
  const std::string after = "minPosition=" + std::to_string(HealthPosition(port()));
  const auto units = Get(port(), "/api/v1/benefit-declarations/units?" + after, token);
  ASSERT_EQ(units.status, 200) << units.body;
  ASSERT_EQ(Column(units, "unitId"), (std::vector<std::string>{"06", "34"}));  // Ankara and İstanbul workplaces
  EXPECT_EQ(Int(Arr(units.Json(), "items")[0], "declarationCount"), 0);
  EXPECT_EQ(Int(Arr(units.Json(), "items")[1], "declarationCount"), 2);  // at the İstanbul headquarters
  // The demo unit user of İstanbul walks unit -> firm -> type to the same declarations.
  const std::string unit = Login(port(), "93930103132", "Birim1234!");
  EXPECT_EQ(Column(Get(port(), "/api/v1/benefit-declarations/firms?unitId=34&" + after, unit), "employerId"),
            std::vector<std::string>{employer});
  for (const char* type : {"IO", "KCO"}) {
    for (const auto& who : {token, unit}) {
      const auto list = Get(port(), "/api/v1/benefit-declarations?unitId=34&employerId=" + employer +
                                        "&declarationType=" + type + "&" + after, who);
      ASSERT_EQ(list.status, 200) << list.body;
      EXPECT_EQ(Int(list.Json(), "total"), 1) << type;
    }
  }
}

}  // namespace
}  // namespace e2e
