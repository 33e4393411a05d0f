// End-to-end tests of private employment agencies (api/overseas-and-agencies.md, pinned) against
// the real binary: membership (apply, approve, reject, agency actions) with its refusals, the
// bureau page and public directory, the list report read back from PDF and XLSX, and the
// confidential period reports (other employers 404, unit users 403, drafts only editable).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "e2e_helpers.h"
#include "http_client.h"
#include "infra/xlsx_reader.h"
#include "pdf_text.h"
#include "server_fixture.h"

namespace e2e {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kBase = "/api/v1/private-employment-bureaus";
const std::string kStaffPassword = "Birim-Sifre-123";

std::string ClockFile() { return ClockFilePath("bureaus"); }

class BureausE2E : public ServerSuite<BureausE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFile(), "2026-04-15");
    unit34_ = {"unit", NextTckn(), kStaffPassword, "34"};
    unit06_ = {"unit", NextTckn(), kStaffPassword, "06"};
    head_office_ = {"headOffice", NextTckn(), kStaffPassword, ""};
    ServerOptions o;
    o.staff = {unit34_, unit06_, head_office_};
    o.extra_args = {"--clock-file", ClockFile()};
    return o;
  }
  static void TearDownTestSuite() {
    ServerSuite<BureausE2E>::TearDownTestSuite();
    std::remove(ClockFile().c_str());
  }
  static void SeedSuite() {
    unit34_token_ = Login(port(), unit34_.tckn, unit34_.password);
    unit06_token_ = Login(port(), unit06_.tckn, unit06_.password);
    head_token_ = Login(port(), head_office_.tckn, head_office_.password);
  }

  static json::object Application(const Employer& e, const std::string& province = "34",
                                  const std::string& district = "Kadıköy") {
    return {{"iskurNo", e.iskur_no},
            {"province", province},
            {"district", district},
            {"officeAddress", "Caferağa Mah. Moda Cad. No:10"},
            {"phone", "02163334455"},
            {"email", "info@ornek-oib.com.tr"},
            {"website", "https://ornek-oib.com.tr"},
            {"responsibleManager", {{"tckn", e.input.tckn}, {"firstName", "Ayşe"}, {"lastName", "Yılmaz"}}}};
  }

  // A registered employer with an approved bureau; returns its id.
  static std::string ActiveBureau(const Employer& e, const std::string& license, const std::string& province = "34",
                                  const std::string& district = "Kadıköy") {
    const auto applied = Post(port(), kBase, Application(e, province, district), e.token);
    if (applied.status != 201) throw std::runtime_error("apply: " + applied.body);
    const std::string id = Str(applied.Json(), "id");
    const auto ok = Post(port(), std::string(kBase) + "/" + id + "/approve", json::object{{"licenseNo", license}},
                         head_token_);
    if (ok.status != 200) throw std::runtime_error("approve: " + ok.body);
    return id;
  }

  static json::object ReportBody(const std::string& period = "Q1", std::int64_t male = 7319) {
    return {{"reportYear", 2026},
            {"reportPeriod", period},
            {"recordDate", "2026-04-10"},
            {"sections",
             {{"placements", json::array{json::object{{"occupation", "2512"}, {"province", "34"}, {"male", 3}, {"female", 2}}}},
              {"jobSeekersRegistered", {{"male", male}, {"female", 6247}}},
              {"vacanciesReceived", json::array{json::object{{"occupation", "2512"}, {"count", 6}}}},
              {"overseasPlacements",
               json::array{json::object{{"country", "DE"}, {"occupation", "7212"}, {"male", 1}, {"female", 0}}}}}}};
  }

  static std::string Reports(const std::string& bureau) { return std::string(kBase) + "/" + bureau + "/period-reports"; }

  static StaffUser unit34_, unit06_, head_office_;
  static std::string unit34_token_, unit06_token_, head_token_;
};

StaffUser BureausE2E::unit34_, BureausE2E::unit06_, BureausE2E::head_office_;
std::string BureausE2E::unit34_token_, BureausE2E::unit06_token_, BureausE2E::head_token_;

TEST_F(BureausE2E, MembershipApplyApproveRejectAndTheirRefusals) {
  const auto firm = RegisterAndLogin(port(), NewEmployer::Fresh("Anadolu İnsan Kaynakları A.Ş."));
  const auto other = RegisterAndLogin(port(), NewEmployer::Fresh("Marmara Danışmanlık Ltd. Şti."));
  // Another firm's İŞKUR No.
  auto body = Application(firm);
  body["iskurNo"] = other.iskur_no;
  const auto not_own = ExpectProblem(Post(port(), kBase, body, firm.token), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(not_own, "iskurNo", "not_own")) << json::serialize(not_own);
  // Staff cannot apply.
  ExpectProblem(Post(port(), kBase, Application(firm), head_token_), 403, "forbidden");

  const auto applied = Post(port(), kBase, Application(firm), firm.token);
  ASSERT_EQ(applied.status, 201) << applied.body;
  const auto a = applied.Json();
  const std::string id = Str(a, "id");
  EXPECT_EQ(Str(a, "status"), "applied");
  EXPECT_GT(Int(a, "position"), 0);
  ExpectProblem(Post(port(), kBase, Application(firm), firm.token), 409, "bureau_already_exists");

  // Employers and unit users may not decide.
  const std::string approve = std::string(kBase) + "/" + id + "/approve";
  ExpectProblem(Post(port(), approve, json::object{{"licenseNo", "X"}}, firm.token), 403, "forbidden");
  ExpectProblem(Post(port(), approve, json::object{{"licenseNo", "X"}}, unit34_token_), 403, "forbidden");
  ExpectProblem(Post(port(), std::string(kBase) + "/" + id + "/agency-actions", json::object{{"action", "X"}},
                     unit34_token_),
                403, "forbidden");
  // Rejected, then a new application is allowed; a rejected one cannot be approved.
  const auto rejected = Post(port(), std::string(kBase) + "/" + id + "/reject",
                             json::object{{"reason", "İzin belgesi eksik"}}, head_token_);
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(Str(rejected.Json(), "status"), "rejected");
  ExpectProblem(Post(port(), approve, json::object{{"licenseNo", "X"}}, head_token_), 409, "bureau_not_applied");
  const auto again = Post(port(), kBase, Application(firm), firm.token);
  ASSERT_EQ(again.status, 201) << again.body;
  const std::string id2 = Str(again.Json(), "id");
  EXPECT_NE(id2, id);
  const auto ok = Post(port(), std::string(kBase) + "/" + id2 + "/approve", json::object{{"licenseNo", "OIB-34-0099"}},
                       head_token_);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Str(ok.Json(), "status"), "active");
  ExpectProblem(Post(port(), kBase, Application(firm), firm.token), 409, "bureau_already_exists");
  const auto action = Post(port(), std::string(kBase) + "/" + id2 + "/agency-actions",
                           json::object{{"action", "Denetim"}, {"note", "Yerinde denetim yapıldı"}}, head_token_);
  ASSERT_EQ(action.status, 201) << action.body;
}

TEST_F(BureausE2E, PageIsPublicForActiveBureausAndFullForTheBureauAndHeadOffice) {
  const auto firm = RegisterAndLogin(port(), NewEmployer::Fresh("Ege İstihdam Hizmetleri A.Ş."));
  const auto other = RegisterAndLogin(port(), NewEmployer::Fresh("Trakya Tekstil A.Ş."));
  const auto applied = Post(port(), kBase, Application(firm), firm.token);
  ASSERT_EQ(applied.status, 201) << applied.body;
  const std::string id = Str(applied.Json(), "id");
  const std::string page = std::string(kBase) + "/" + id;
  // An application is not public.
  ExpectProblem(Get(port(), page), 404, "bureau_not_found");
  ExpectProblem(Get(port(), page, other.token), 404, "bureau_not_found");
  {
    const auto mine = Get(port(), std::string(kBase) + "/mine", firm.token);
    ASSERT_EQ(mine.status, 200) << mine.body;
    const auto j = mine.Json();
    EXPECT_EQ(Str(j, "status"), "applied");
    EXPECT_EQ(Str(j, "iskurNo"), firm.iskur_no);
    EXPECT_EQ(Str(*Field(j, "responsibleManager"), "lastName"), "Yılmaz");
  }
  ExpectProblem(Get(port(), std::string(kBase) + "/mine", other.token), 404, "bureau_not_found");
  ASSERT_EQ(Post(port(), page + "/approve", json::object{{"licenseNo", "OIB-34-0100"}}, head_token_).status, 200);
  // Public card: no token and another employer.
  for (const std::string& token : {std::string(), other.token}) {
    const auto r = Get(port(), page, token);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto j = r.Json();
    EXPECT_EQ(Str(j, "status"), "active");
    EXPECT_EQ(Str(j, "licenseNo"), "OIB-34-0100");
    EXPECT_EQ(Str(j, "title"), "Ege İstihdam Hizmetleri A.Ş.");
    EXPECT_FALSE(j.as_object().contains("responsibleManager"));
    EXPECT_FALSE(j.as_object().contains("agencyActions"));
  }
  // The bureau itself and head office: the manager and the actions (approval included).
  for (const std::string& token : {firm.token, head_token_}) {
    const auto r = Get(port(), page, token);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto j = r.Json();
    EXPECT_EQ(Str(*Field(j, "responsibleManager"), "tckn"), firm.input.tckn);
    const auto& actions = Arr(j, "agencyActions");
    ASSERT_EQ(actions.size(), 1u);
    EXPECT_EQ(Str(actions[0], "action"), "approved");
    EXPECT_EQ(Str(actions[0], "date"), "2026-04-15");
  }
  // The directory lists it (read your write).
  const auto dir = Get(port(), std::string(kBase) + "?province=34&pageSize=100&minPosition=" +
                                   std::to_string(HealthPosition(port())));
  ASSERT_EQ(dir.status, 200) << dir.body;
  bool found = false;
  const auto dj = dir.Json();
  for (const auto& item : Arr(dj, "items")) {
    EXPECT_EQ(Str(item, "status"), "active");
    EXPECT_FALSE(item.as_object().contains("responsibleManager"));
    found = found || Str(item, "id") == id;
  }
  EXPECT_TRUE(found) << dir.body;
  const auto none = Get(port(), std::string(kBase) + "?province=81");
  ASSERT_EQ(none.status, 200);
  EXPECT_EQ(Int(none.Json(), "total"), 0);
}

TEST_F(BureausE2E, ListReportAsJsonPdfAndXlsxScopedByCaller) {
  const auto a = RegisterAndLogin(port(), NewEmployer::Fresh("Karadeniz Özel İstihdam A.Ş."));
  const auto b = RegisterAndLogin(port(), NewEmployer::Fresh("Başkent Kariyer Ltd. Şti."));
  const auto c = RegisterAndLogin(port(), NewEmployer::Fresh("Çukurova Personel A.Ş."));
  const std::string ida = ActiveBureau(a, "OIB-34-0201");
  const std::string idb = ActiveBureau(b, "OIB-06-0202", "06", "Çankaya");
  ASSERT_EQ(Post(port(), kBase, Application(c), c.token).status, 201);  // applied only
  const std::string fresh = "minPosition=" + std::to_string(HealthPosition(port()));
  const std::string report = std::string(kBase) + "/list-report";

  const auto j = Get(port(), report + "?" + fresh, a.token);
  ASSERT_EQ(j.status, 200) << j.body;
  const auto v = j.Json();
  EXPECT_EQ(Str(v, "message"), "Raporunuz Oluşturuldu");
  EXPECT_FALSE(Str(v, "generatedAt").empty());
  std::set<std::string> statuses, titles;
  for (const auto& r : Arr(v, "rows")) {
    statuses.insert(Str(r, "status"));
    titles.insert(Str(r, "title"));
  }
  EXPECT_EQ(statuses, std::set<std::string>{"active"});  // employers: active bureaus only
  EXPECT_TRUE(titles.count("Karadeniz Özel İstihdam A.Ş.") && titles.count("Başkent Kariyer Ltd. Şti."));
  EXPECT_FALSE(titles.count("Çukurova Personel A.Ş."));

  // Head office: all, filtered by status.
  const auto applied = Get(port(), report + "?status=applied&" + fresh, head_token_);
  ASSERT_EQ(applied.status, 200) << applied.body;
  bool has_c = false;
  const auto aj = applied.Json();
  for (const auto& r : Arr(aj, "rows")) {
    EXPECT_EQ(Str(r, "status"), "applied");
    has_c = has_c || Str(r, "title") == "Çukurova Personel A.Ş.";
  }
  EXPECT_TRUE(has_c);
  // Unit users: their province only, whatever they ask.
  const auto unit = Get(port(), report + "?province=06&" + fresh, unit34_token_);
  ASSERT_EQ(unit.status, 200) << unit.body;
  const auto uj = unit.Json();
  for (const auto& r : Arr(uj, "rows")) EXPECT_EQ(Str(r, "province"), "34");
  ExpectProblem(Get(port(), report + "?province=81", head_token_), 404, "no_records");

  const auto pdf = Get(port(), report + "?province=06&format=pdf", head_token_);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  const std::string text = PdfText(pdf.body);
  EXPECT_NE(text.find("Özel İstihdam Listesi"), std::string::npos) << text;
  EXPECT_NE(text.find("OIB-06-0202"), std::string::npos) << text;
  EXPECT_EQ(text.find("OIB-34-0201"), std::string::npos) << text;

  const auto xlsx = Get(port(), report, head_token_, {{"Accept", kXlsx}});
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.Header("Content-Type"), kXlsx);
  auto sheet = istihdam::ReadXlsxFirstSheet(xlsx.body);
  ASSERT_TRUE(sheet.ok()) << sheet.error().detail;
  std::size_t header = 0;
  while (header < sheet->size() && ((*sheet)[header].empty() || (*sheet)[header][0] != "İŞKUR No")) ++header;
  ASSERT_LT(header, sheet->size());
  std::set<std::string> iskur;
  for (std::size_t i = header + 1; i < sheet->size(); ++i) {
    if (!(*sheet)[i].empty()) iskur.insert((*sheet)[i][0]);
  }
  EXPECT_TRUE(iskur.count(a.iskur_no) && iskur.count(b.iskur_no) && iskur.count(c.iskur_no));
  (void)ida;
  (void)idb;
}

TEST_F(BureausE2E, PeriodReportsCreateReadUpdateSubmit) {
  const auto firm = RegisterAndLogin(port(), NewEmployer::Fresh("Toros İnsan Kaynakları A.Ş."));
  // Not active yet.
  const auto applied = Post(port(), kBase, Application(firm), firm.token);
  ASSERT_EQ(applied.status, 201);
  const std::string pending = Str(applied.Json(), "id");
  ExpectProblem(Post(port(), Reports(pending), ReportBody(), firm.token), 409, "bureau_not_active");
  ASSERT_EQ(Post(port(), std::string(kBase) + "/" + pending + "/approve", json::object{{"licenseNo", "OIB-1"}},
                 head_token_).status,
            200);
  const std::string id = pending;

  // Validation: a duplicate key, a negative count, a period not begun, a future record date.
  auto bad = ReportBody("Q3");
  bad["recordDate"] = "2026-04-16";
  auto& sections = bad["sections"].as_object();
  sections["vacanciesReceived"] = json::array{json::object{{"occupation", "2512"}, {"count", 1}},
                                              json::object{{"occupation", "2512"}, {"count", 2}}};
  const auto p = ExpectProblem(Post(port(), Reports(id), bad, firm.token), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "reportPeriod", "in_future")) << json::serialize(p);
  EXPECT_TRUE(HasFieldError(p, "recordDate", "in_future")) << json::serialize(p);
  EXPECT_TRUE(HasFieldError(p, "sections.vacanciesReceived[1]", "duplicate")) << json::serialize(p);
  auto negative = ReportBody();
  negative["sections"].as_object()["jobSeekersRegistered"] = json::object{{"male", -1}, {"female", 0}};
  const auto neg = ExpectProblem(Post(port(), Reports(id), negative, firm.token), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(neg, "sections.jobSeekersRegistered.male", "negative")) << json::serialize(neg);

  const auto created = Post(port(), Reports(id), ReportBody(), firm.token);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto c = created.Json();
  const std::string rid = Str(c, "id");
  EXPECT_EQ(Str(c, "status"), "draft");
  ExpectProblem(Post(port(), Reports(id), ReportBody(), firm.token), 409, "period_report_exists");

  const std::string one = Reports(id) + "/" + rid;
  const auto got = Get(port(), one, firm.token);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Header("ETag"), "\"1\"");
  const auto g = got.Json();
  EXPECT_EQ(Str(g, "status"), "draft");
  EXPECT_EQ(Str(g, "reportPeriod"), "Q1");
  EXPECT_EQ(Int(*Field(*Field(g, "sections"), "jobSeekersRegistered"), "male"), 7319);
  EXPECT_NE(Str(g, "confidentialityNotice").find("GİZLİLİK İLKESİ: Özel İstihdam Büroları Yönetmeliği madde:15 Fıkra:3"),
            std::string::npos);
  EXPECT_NE(Str(g, "confidentialityNotice").find("hizmete özel olduğu hususu dikkate alınır."), std::string::npos);
  // Head office reads it too.
  ASSERT_EQ(Get(port(), one, head_token_).status, 200);

  // PUT with a stale If-Match: 412; with the right one: saved.
  auto changed = ReportBody("Q1", 7320);
  ExpectProblem(Put(port(), one, changed, firm.token, {{"If-Match", "\"7\""}}), 412, "version_mismatch");
  const auto put = Put(port(), one, changed, firm.token, {{"If-Match", "\"1\""}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Int(put.Json(), "version"), 2);
  auto moved = changed;
  moved["reportPeriod"] = "Q2";
  ExpectProblem(Put(port(), one, moved, firm.token), 422, "validation_failed");

  const auto list = Get(port(), Reports(id) + "?reportYear=2026", firm.token);
  ASSERT_EQ(list.status, 200) << list.body;
  const auto lj = list.Json();
  const auto& items = Arr(lj, "items");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Str(items[0], "id"), rid);
  EXPECT_EQ(list.body.find("7320"), std::string::npos) << "no figures in the list";
  const auto q2 = Get(port(), Reports(id) + "?reportPeriod=Q2", firm.token).Json();
  EXPECT_EQ(Arr(q2, "items").size(), 0u);

  const auto submitted = Post(port(), one + "/submit", json::object{}, firm.token);
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(Str(submitted.Json(), "status"), "submitted");
  ExpectProblem(Put(port(), one, changed, firm.token), 409, "period_report_submitted");
  ExpectProblem(Post(port(), one + "/submit", json::object{}, firm.token), 409, "period_report_submitted");
  EXPECT_EQ(Str(Get(port(), one, firm.token).Json(), "status"), "submitted");
}

TEST_F(BureausE2E, PeriodReportsAreConfidential) {
  const auto firm = RegisterAndLogin(port(), NewEmployer::Fresh("Fırat Özel İstihdam A.Ş."));
  const auto other = RegisterAndLogin(port(), NewEmployer::Fresh("Dicle Lojistik A.Ş."));
  const std::string id = ActiveBureau(firm, "OIB-21-0300", "21", "Bağlar");
  const auto created = Post(port(), Reports(id), ReportBody("Q1", 7319), firm.token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string one = Reports(id) + "/" + Str(created.Json(), "id");
  // Another employer: 404 on every period-report route.
  ExpectProblem(Get(port(), Reports(id), other.token), 404, "bureau_not_found");
  ExpectProblem(Get(port(), one, other.token), 404, "bureau_not_found");
  ExpectProblem(Post(port(), Reports(id), ReportBody("Q2"), other.token), 404, "bureau_not_found");
  ExpectProblem(Put(port(), one, ReportBody(), other.token), 404, "bureau_not_found");
  ExpectProblem(Post(port(), one + "/submit", json::object{}, other.token), 404, "bureau_not_found");
  // Unit users (even of the bureau's province) and anonymous callers: 403 / 401.
  ExpectProblem(Get(port(), Reports(id), unit34_token_), 403, "forbidden");
  ExpectProblem(Get(port(), one, unit34_token_), 403, "forbidden");
  ExpectProblem(Get(port(), one), 401, "unauthorized");
  // No figure on any other route: the bureau page, the directory, the list report.
  const std::string fresh = "minPosition=" + std::to_string(HealthPosition(port()));
  for (const auto& [path, token] : std::vector<std::pair<std::string, std::string>>{
           {std::string(kBase) + "/" + id, firm.token},
           {std::string(kBase) + "/" + id, head_token_},
           {std::string(kBase) + "?pageSize=100&" + fresh, ""},
           {std::string(kBase) + "/list-report?" + fresh, head_token_}}) {
    const auto r = Get(port(), path, token);
    ASSERT_EQ(r.status, 200) << path << ": " << r.body;
    EXPECT_EQ(r.body.find("7319"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("6247"), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace e2e
