// End-to-end tests of the labor-market endpoints (API.md "Monthly workforce schedule and
// quota", pinned; collective dismissals) against the real binary. The server's calendar is
// the hidden --clock-file, so the tests fix "today" and move it across the one-month edit
// window of a collective dismissal.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>

#include "e2e_helpers.h"
#include "http_client.h"
#include "server_fixture.h"

namespace e2e {
namespace {

json::object Sex(std::int64_t male, std::int64_t female) { return {{"male", male}, {"female", female}}; }

json::object Group(std::int64_t general_male = 0, std::int64_t disabled_female = 0) {
  return {{"general", Sex(general_male, 0)}, {"disabled", Sex(0, disabled_female)}, {"exConvict", Sex(0, 0)},
          {"terrorAffected", Sex(0, 0)},     {"partTime", Sex(0, 0)},               {"antiTerrorLaw", Sex(0, 0)}};
}

json::object Movement(const std::string& type, const std::string& tckn, const std::string& date) {
  return {{"type", type},     {"tckn", tckn},           {"firstName", "Ali"},         {"lastName", "Veli"},
          {"sex", "male"},    {"date", date},           {"occupation", "7212"},       {"category", "general"},
          {"contractType", "indefinite"}, {"undergroundUnderwater", false}};
}

// A schedule body: `hired` general men with their person rows, no leavers.
json::object Schedule(const std::string& month, std::int64_t hired, std::optional<json::object> previous = {}) {
  json::object b{{"hired", Group(hired)}, {"left", Group()}, {"undergroundUnderwater", Sex(0, 0)},
                 {"partTimeMonthlyHours", 0}};
  if (previous) b["previousMonthEnd"] = *previous;
  json::array rows;
  for (std::int64_t i = 0; i < hired; ++i) rows.push_back(Movement("hired", NextTckn(), month + "-10"));
  b["personnelMovements"] = rows;
  b["occupationDistribution"] = json::array{json::object{{"occupation", "2512"}, {"count", 4}}};
  b["employmentPreferences"] = {{"jointCourseRequest", false}, {"inCompanyTrainingRequest", true},
                                {"expectedWorkforceChangeNextMonth", "noChange"}, {"apprenticeNeededNextMonth", false}};
  b["hardToFillOccupations"] = json::array{json::object{{"occupation", "7212"}, {"count", 2}}};
  return b;
}

std::string Path(const std::string& hq, const std::string& rest) { return "/api/v1/workplaces/" + hq + rest; }

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// An XLSX workbook written by libxlsxwriter; a cell "#123" is written as the number 123.
std::string XlsxBytes(const std::vector<std::vector<std::string>>& rows) {
  const std::string path = "/tmp/istihdam-e2e-" + std::to_string(::getpid()) + "-" + NextTckn() + ".xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Personel");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const std::string& v = rows[r][c];
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      if (v.size() > 1 && v[0] == '#') worksheet_write_number(ws, row, col, std::stod(v.substr(1)), nullptr);
      else worksheet_write_string(ws, row, col, v.c_str(), nullptr);
    }
  }
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
  return bytes;
}

std::string After(const Employer& e) { return "minPosition=" + std::to_string(e.position); }

std::string AfterPosition(const HttpResponse& r) {
  return "minPosition=" + std::to_string(r.Json().as_object().at("position").to_number<std::uint64_t>());
}

// ===========================================================================================
// Workforce schedules and quota status (today = 2026-11-15).
// ===========================================================================================

class WorkforceScheduleE2E : public ServerSuite<WorkforceScheduleE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFilePath("ws"), "2026-11-15");
    ServerOptions o;
    o.extra_args = {"--clock-file", ClockFilePath("ws")};
    return o;
  }
  static void SeedSuite() { employer_ = RegisterAndLogin(port(), NewEmployer::Fresh("Çizelge Tekstil A.Ş.")); }
  static void TearDownTestSuite() {
    ServerSuite<WorkforceScheduleE2E>::TearDownTestSuite();
    std::remove(ClockFilePath("ws").c_str());
  }
  static inline Employer employer_;
};

TEST_F(WorkforceScheduleE2E, SubmitSequentialMonthsAmendTheLatestAndReadThemBack) {
  const auto& e = employer_;
  auto first = Put(port(), Path(e.hq_id, "/workforce-schedules/2026-08"), Schedule("2026-08", 2, Group(80)), e.token);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(Str(first.Json(), "month"), "2026-08");
  EXPECT_TRUE(Bool(first.Json(), "created"));

  auto second = Put(port(), Path(e.hq_id, "/workforce-schedules/2026-09"), Schedule("2026-09", 2), e.token);
  ASSERT_EQ(second.status, 201) << second.body;

  const auto got = Get(port(), Path(e.hq_id, "/workforce-schedules/2026-09?") + AfterPosition(second), e.token);
  ASSERT_EQ(got.status, 200) << got.body;
  const auto doc = got.Json();
  EXPECT_EQ(Int(doc.at("previousMonthEnd").at("general"), "male"), 82) << "carried from August (80 + 2)";
  EXPECT_EQ(Int(doc.at("monthEnd").at("general"), "male"), 84);
  EXPECT_TRUE(Bool(doc, "editable"));
  EXPECT_EQ(got.Header("ETag"), "\"2\"");

  const auto older = Get(port(), Path(e.hq_id, "/workforce-schedules/2026-08"), e.token);
  EXPECT_FALSE(Bool(older.Json(), "editable"));

  const auto list = Get(port(), Path(e.hq_id, "/workforce-schedules"), e.token);
  ASSERT_EQ(list.status, 200) << list.body;
  const auto list_doc = list.Json();
  const auto& items = Arr(list_doc, "items");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Str(items[0], "month"), "2026-09") << "newest first";
  EXPECT_TRUE(Bool(items[0], "isLatest"));
  EXPECT_EQ(Int(items[0], "monthEnd"), 84);
  EXPECT_EQ(Int(list_doc, "pageSize"), 15);

  // The document GET returned, with a change, is accepted as the amendment; a stale If-Match is 412.
  auto amended = doc.as_object();
  amended["occupationDistribution"] = json::array{json::object{{"occupation", "2512"}, {"count", 5}}};
  const auto stale = Put(port(), Path(e.hq_id, "/workforce-schedules/2026-09"), amended, e.token, {{"If-Match", "\"1\""}});
  ExpectProblem(stale, 412, "version_mismatch");
  const auto amend = Put(port(), Path(e.hq_id, "/workforce-schedules/2026-09"), amended, e.token, {{"If-Match", "\"2\""}});
  ASSERT_EQ(amend.status, 200) << amend.body;
  EXPECT_FALSE(Bool(amend.Json(), "created"));
  EXPECT_EQ(Int(amend.Json(), "version"), 3);

  // Quota status (API.md shape): 84 private-sector workers -> 3 disabled required.
  const auto q = Get(port(), Path(e.hq_id, "/quota-status?month=2026-09&") + AfterPosition(amend), e.token);
  ASSERT_EQ(q.status, 200) << q.body;
  const auto qs = q.Json();
  EXPECT_EQ(json::serialize(qs), R"({"month":"2026-09","sector":"private","baseHeadcount":84,"subject":true,)"
                                 R"("categories":[{"category":"disabled","required":3,"employed":0,"deficit":3}]})");
  const auto latest = Get(port(), Path(e.hq_id, "/quota-status"), e.token);
  EXPECT_EQ(Str(latest.Json(), "month"), "2026-09");
  const auto qlist = Get(port(), Path(e.hq_id, "/quota-statuses"), e.token);
  ASSERT_EQ(Arr(qlist.Json(), "items").size(), 2u);
  EXPECT_EQ(Int(Arr(qlist.Json(), "items")[1], "baseHeadcount"), 82);
  ExpectProblem(Get(port(), Path(e.hq_id, "/quota-status?month=2025-01"), e.token), 404, "quota_status_not_found");
}

TEST_F(WorkforceScheduleE2E, SequenceErrorsAndFixedPreviousMonthEnd) {
  const auto e = RegisterAndLogin(port(), NewEmployer::Fresh("Sıra Lojistik A.Ş."));
  ASSERT_EQ(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-08"), Schedule("2026-08", 1, Group(10)), e.token).status, 201);
  ASSERT_EQ(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-09"), Schedule("2026-09", 1), e.token).status, 201);
  ExpectProblem(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-08"), Schedule("2026-08", 1, Group(10)), e.token), 409,
                "schedule_not_latest");
  ExpectProblem(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-11"), Schedule("2026-11", 1), e.token), 409,
                "schedule_not_sequential");
  ExpectProblem(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-10"), Schedule("2026-10", 1, Group(99)), e.token), 409,
                "previous_month_end_fixed");
  // A first schedule for the current month is refused; the month must have ended.
  const auto fresh = RegisterAndLogin(port(), NewEmployer::Fresh("Yeni Gıda A.Ş."));
  ExpectProblem(Put(port(), Path(fresh.hq_id, "/workforce-schedules/2026-11"), Schedule("2026-11", 0), fresh.token), 409,
                "schedule_period_in_future");
  ExpectProblem(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-13"), Schedule("2026-13", 0), e.token), 400,
                "invalid_parameter");
  // Nothing of the refused requests was stored.
  const auto list = Get(port(), Path(e.hq_id, "/workforce-schedules"), e.token);
  EXPECT_EQ(Int(list.Json(), "total"), 2);
}

TEST_F(WorkforceScheduleE2E, ValidationFailuresNameEveryField) {
  const auto e = RegisterAndLogin(port(), NewEmployer::Fresh("Doğrulama Metal A.Ş."));
  auto body = Schedule("2026-09", 1, Group(2));
  body["left"] = Group(5);  // 2 + 1 − 5 < 0
  body["occupationDistribution"] = json::array{json::object{{"occupation", "2512"}, {"count", 0}}};
  auto rows = body["personnelMovements"].as_array();
  rows[0].as_object()["category"] = "disabled";
  rows[0].as_object()["undergroundUnderwater"] = true;
  body["personnelMovements"] = rows;
  const auto r = Put(port(), Path(e.hq_id, "/workforce-schedules/2026-09"), body, e.token);
  const auto p = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "monthEnd.general.male", "negative_headcount")) << r.body;
  EXPECT_TRUE(HasFieldError(p, "occupationDistribution[0].count", "occupation_count_zero")) << r.body;
  EXPECT_TRUE(HasFieldError(p, "personnelMovements[0].undergroundUnderwater", "disabled_underground_not_allowed")) << r.body;
  EXPECT_TRUE(HasFieldError(p, "personnelMovements", "left_rows_mismatch")) << r.body;
  body["hired"] = json::object{{"general", json::object{{"male", "one"}}}};
  ExpectProblem(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-09"), body, e.token), 400, "invalid_type");
  ExpectProblem(Get(port(), Path(e.hq_id, "/workforce-schedules/2026-09?") + After(e), e.token), 404, "schedule_not_found");
}

TEST_F(WorkforceScheduleE2E, OnlyTheEmployersOwnHeadquarters) {
  const auto e = RegisterAndLogin(port(), NewEmployer::Fresh("Şube Kontrol A.Ş."));
  const auto branch = Post(port(), "/api/v1/workplaces",
                           WorkplaceBody("Şube", NextSgkNo(), "34", "Ümraniye", "Sanayi Cad. 1"), e.token);
  ASSERT_EQ(branch.status, 201) << branch.body;
  const std::string branch_id = Str(branch.Json(), "id");
  const std::string wait = "?" + AfterPosition(branch);
  ExpectProblem(Get(port(), Path(branch_id, "/workforce-schedules") + wait, e.token), 409, "not_headquarters");
  ExpectProblem(Put(port(), Path(branch_id, "/workforce-schedules/2026-09"), Schedule("2026-09", 0), e.token), 409,
                "not_headquarters");
  // Another employer's headquarters does not exist for this one.
  ExpectProblem(Get(port(), Path(employer_.hq_id, "/workforce-schedules"), e.token), 404, "workplace_not_found");
  ExpectProblem(Get(port(), Path(employer_.hq_id, "/quota-status"), e.token), 404, "workplace_not_found");
  ExpectProblem(Put(port(), Path(employer_.hq_id, "/workforce-schedules/2026-10"), Schedule("2026-10", 0), e.token), 404,
                "workplace_not_found");
  ExpectProblem(Get(port(), Path(employer_.hq_id, "/workforce-schedules")), 401, "unauthorized");
}

TEST_F(WorkforceScheduleE2E, TemplateCarriesTheLatestMonthEnd) {
  const auto e = RegisterAndLogin(port(), NewEmployer::Fresh("Şablon İnşaat A.Ş."));
  const auto empty = Get(port(), Path(e.hq_id, "/workforce-schedule-template?") + After(e), e.token);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(Str(empty.Json(), "month"), "2026-10");
  EXPECT_TRUE(Bool(empty.Json(), "previousMonthEndEditable"));
  ASSERT_EQ(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-10"), Schedule("2026-10", 3, Group(7)), e.token).status, 201);
  const auto t = Get(port(), Path(e.hq_id, "/workforce-schedule-template"), e.token);
  EXPECT_EQ(Str(t.Json(), "month"), "2026-11");
  EXPECT_FALSE(Bool(t.Json(), "previousMonthEndEditable"));
  EXPECT_EQ(Int(t.Json().at("previousMonthEnd").at("general"), "male"), 10);
  EXPECT_EQ(Arr(t.Json(), "occupationDistribution").size(), 1u);
}

TEST_F(WorkforceScheduleE2E, BulkPersonnelCsvReplacesTheLatestRowsOrNamesTheFailingRow) {
  const auto e = RegisterAndLogin(port(), NewEmployer::Fresh("Toplu Bildirim A.Ş."));
  ASSERT_EQ(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-10"), Schedule("2026-10", 2, Group(20)), e.token).status, 201);
  const std::string header = "type,tckn,firstName,lastName,sex,date,occupation,category,contractType,undergroundUnderwater\n";
  const std::string ok = header + "hired," + NextTckn() + ",Ayşe,Kaya,female,2026-10-05,2512,general,indefinite,false\n" +
                         "hired," + NextTckn() + ",Can,Demir,male,2026-10-06,7212,general,fixedTerm,hayır\n";
  const auto put = Request(port(), "PUT", Path(e.hq_id, "/workforce-schedules/2026-10/personnel"), ok,
                           Bearer(e.token, {{"Content-Type", "text/csv"}}));
  ASSERT_EQ(put.status, 200) << put.body;
  const auto got = Get(port(), Path(e.hq_id, "/workforce-schedules/2026-10?") + AfterPosition(put), e.token);
  const auto got_doc = got.Json();
  const auto& rows = Arr(got_doc, "personnelMovements");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Str(rows[0], "firstName"), "Ayşe");

  const std::string bad = header + "hired," + NextTckn() + ",Ayşe,Kaya,female,2026-10-05,2512,general,indefinite,false\n" +
                          "hired,12345678901,Can,Demir,male,2026-11-06,7212,general,fixedTerm,false\n";
  const auto refused = Request(port(), "PUT", Path(e.hq_id, "/workforce-schedules/2026-10/personnel"), bad,
                               Bearer(e.token, {{"Content-Type", "text/csv"}}));
  const auto p = ExpectProblem(refused, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "rows[3].tckn")) << refused.body;
  EXPECT_TRUE(HasFieldError(p, "rows[3].date", "outside_month")) << refused.body;
  const auto after = Get(port(), Path(e.hq_id, "/workforce-schedules/2026-10"), e.token);
  EXPECT_EQ(Str(Arr(after.Json(), "personnelMovements")[0], "firstName"), "Ayşe") << "nothing saved";
  ExpectProblem(Request(port(), "PUT", Path(e.hq_id, "/workforce-schedules/2026-10/personnel"), "x",
                        Bearer(e.token, {{"Content-Type", kXlsx}})),
                400, "malformed_request");
  ExpectProblem(Request(port(), "PUT", Path(e.hq_id, "/workforce-schedules/2026-10/personnel"), "x",
                        Bearer(e.token, {{"Content-Type", "application/pdf"}})),
                415, "unsupported_media_type");
}

TEST_F(WorkforceScheduleE2E, BulkPersonnelXlsxMatchesTheCsvUploadOrNamesTheFailingRow) {
  const auto e = RegisterAndLogin(port(), NewEmployer::Fresh("Toplu Excel Bildirim A.Ş."));
  ASSERT_EQ(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-10"), Schedule("2026-10", 2, Group(20)), e.token).status, 201);
  const std::vector<std::string> header{"type", "tckn", "firstName", "lastName", "sex", "date", "occupation",
                                        "category", "contractType", "undergroundUnderwater"};
  const std::string t1 = NextTckn(), t2 = NextTckn();
  // The TCKN of the second row and an occupation are typed as numbers, as a spreadsheet user would.
  const auto ok = XlsxBytes({header,
                             {"hired", t1, "Ayşe", "Kaya", "female", "2026-10-05", "2512", "general", "indefinite", "false"},
                             {"hired", "#" + t2, "Can", "Demir", "male", "2026-10-06", "#7212", "general", "fixedTerm", "hayır"}});
  const auto put = Request(port(), "PUT", Path(e.hq_id, "/workforce-schedules/2026-10/personnel"), ok,
                           Bearer(e.token, {{"Content-Type", kXlsx}}));
  ASSERT_EQ(put.status, 200) << put.body;
  const auto got = Get(port(), Path(e.hq_id, "/workforce-schedules/2026-10?") + AfterPosition(put), e.token);
  const auto got_doc = got.Json();
  const auto& rows = Arr(got_doc, "personnelMovements");
  ASSERT_EQ(rows.size(), 2u);

  // The same rows as CSV on another employer give the same stored rows.
  const auto c = RegisterAndLogin(port(), NewEmployer::Fresh("Toplu CSV Karşılaştırma A.Ş."));
  ASSERT_EQ(Put(port(), Path(c.hq_id, "/workforce-schedules/2026-10"), Schedule("2026-10", 2, Group(20)), c.token).status, 201);
  const std::string csv = "type,tckn,firstName,lastName,sex,date,occupation,category,contractType,undergroundUnderwater\n"
                          "hired," + t1 + ",Ayşe,Kaya,female,2026-10-05,2512,general,indefinite,false\n" +
                          "hired," + t2 + ",Can,Demir,male,2026-10-06,7212,general,fixedTerm,hayır\n";
  const auto put_csv = Request(port(), "PUT", Path(c.hq_id, "/workforce-schedules/2026-10/personnel"), csv,
                               Bearer(c.token, {{"Content-Type", "text/csv"}}));
  ASSERT_EQ(put_csv.status, 200) << put_csv.body;
  const auto got_csv = Get(port(), Path(c.hq_id, "/workforce-schedules/2026-10?") + AfterPosition(put_csv), c.token);
  const auto csv_doc = got_csv.Json();
  EXPECT_EQ(json::serialize(rows), json::serialize(Arr(csv_doc, "personnelMovements")));
  EXPECT_EQ(Str(rows[0], "firstName"), "Ayşe");
  EXPECT_EQ(Str(rows[1], "tckn"), t2);
  EXPECT_EQ(Str(rows[1], "occupation"), "7212");

  // Row 3 of the sheet fails (bad TCKN, date outside the month): 422 naming row and column, nothing saved.
  const auto bad = XlsxBytes({header,
                              {"hired", NextTckn(), "Zeynep", "Ak", "female", "2026-10-05", "2512", "general", "indefinite", "false"},
                              {"hired", "12345678901", "Can", "Demir", "male", "2026-11-06", "7212", "general", "fixedTerm", "false"}});
  const auto refused = Request(port(), "PUT", Path(e.hq_id, "/workforce-schedules/2026-10/personnel"), bad,
                               Bearer(e.token, {{"Content-Type", kXlsx}}));
  const auto p = ExpectProblem(refused, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "rows[3].tckn")) << refused.body;
  EXPECT_TRUE(HasFieldError(p, "rows[3].date", "outside_month")) << refused.body;
  const auto after = Get(port(), Path(e.hq_id, "/workforce-schedules/2026-10"), e.token);
  EXPECT_EQ(json::serialize(Arr(after.Json(), "personnelMovements")), json::serialize(rows)) << "nothing saved";
}

TEST_F(WorkforceScheduleE2E, PublicSectorHundredWorkersOweFourDisabledAndTwoExConvicts) {
  auto ne = NewEmployer::Fresh("Belediye Hizmet İşletmesi");
  auto body = RegistrationBody(ne);
  body["employer"].as_object()["sector"] = "public";
  const auto reg = Post(port(), "/api/v1/registrations", body);
  ASSERT_EQ(reg.status, 201) << reg.body;
  const std::string token = Login(port(), ne.tckn, ne.password);
  const auto me = Get(port(), "/api/v1/workplaces?" + AfterPosition(reg), token);
  const std::string hq = Str(Arr(me.Json(), "items")[0], "id");
  const auto put = Put(port(), Path(hq, "/workforce-schedules/2026-10"), Schedule("2026-10", 0, Group(99, 1)), token);
  ASSERT_EQ(put.status, 201) << put.body;
  const auto q = Get(port(), Path(hq, "/quota-status?month=2026-10&") + AfterPosition(put), token);
  ASSERT_EQ(q.status, 200) << q.body;
  EXPECT_EQ(json::serialize(q.Json()),
            R"({"month":"2026-10","sector":"public","baseHeadcount":100,"subject":true,"categories":[)"
            R"({"category":"disabled","required":4,"employed":1,"deficit":3},)"
            R"({"category":"exConvictOrTerrorVictim","required":2,"employed":0,"deficit":2}]})");
}

// ===========================================================================================
// Collective dismissals: notified on 2026-03-31, editable through 2026-04-30.
// ===========================================================================================

class CollectiveDismissalE2E : public ServerSuite<CollectiveDismissalE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFilePath("cd"), "2026-03-31");
    ServerOptions o;
    o.extra_args = {"--clock-file", ClockFilePath("cd")};
    return o;
  }
  static void TearDownTestSuite() {
    ServerSuite<CollectiveDismissalE2E>::TearDownTestSuite();
    std::remove(ClockFilePath("cd").c_str());
  }
};

TEST_F(CollectiveDismissalE2E, NotifyThenEditUntilTheBoundaryDayAndNotAfter) {
  SetClockDate(ClockFilePath("cd"), "2026-03-31");
  auto ne = NewEmployer::Fresh("Toplu Çıkış Tekstil A.Ş.");
  auto e = RegisterAndLogin(port(), ne);
  json::object draft{{"dismissalDate", "2026-05-15"},
                     {"details", json::array{json::object{{"workplaceId", e.hq_id}, {"maleCount", 7}, {"femaleCount", 5}}}}};
  const auto notified = Post(port(), "/api/v1/collective-dismissals", draft, e.token);
  ASSERT_EQ(notified.status, 201) << notified.body;
  const auto n = notified.Json();
  const std::string id = Str(n, "id");
  EXPECT_EQ(Str(n, "notificationDate"), "2026-03-31");
  EXPECT_EQ(Str(n, "editableUntil"), "2026-04-30");
  EXPECT_EQ(Int(n, "totalMale"), 7);
  EXPECT_EQ(Int(n, "totalFemale"), 5);
  EXPECT_FALSE(Bool(n, "meetsStatutoryThreshold")) << "no schedule: headcount unknown";

  const auto list = Get(port(), "/api/v1/collective-dismissals?" + AfterPosition(notified), e.token);
  ASSERT_EQ(Arr(list.Json(), "items").size(), 1u);
  EXPECT_TRUE(Bool(Arr(list.Json(), "items")[0], "editable"));

  // The boundary day: still editable; the notification date stays.
  SetClockDate(ClockFilePath("cd"), "2026-04-30");
  e.token = Login(port(), ne.tckn, ne.password);  // the old session expired with the jump
  draft["details"].as_array()[0].as_object()["maleCount"] = 8;
  const auto edited = Put(port(), "/api/v1/collective-dismissals/" + id, draft, e.token, {{"If-Match", "\"1\""}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(Str(edited.Json(), "notificationDate"), "2026-03-31");
  EXPECT_EQ(Int(edited.Json(), "totalMale"), 8);
  const auto detail = Get(port(), "/api/v1/collective-dismissals/" + id + "?" + AfterPosition(edited), e.token);
  EXPECT_TRUE(Bool(detail.Json(), "editable"));
  EXPECT_EQ(detail.Header("ETag"), "\"2\"");

  // The day after: refused, nothing changes, and the read model says so.
  SetClockDate(ClockFilePath("cd"), "2026-05-01");
  e.token = Login(port(), ne.tckn, ne.password);
  draft["details"].as_array()[0].as_object()["maleCount"] = 9;
  ExpectProblem(Put(port(), "/api/v1/collective-dismissals/" + id, draft, e.token), 409, "edit_window_expired");
  const auto late = Get(port(), "/api/v1/collective-dismissals/" + id, e.token);
  EXPECT_FALSE(Bool(late.Json(), "editable"));
  EXPECT_EQ(Int(late.Json(), "totalMale"), 8);
  EXPECT_EQ(Arr(late.Json(), "availableActions").size(), 1u);
}

TEST_F(CollectiveDismissalE2E, ValidationOwnWorkplacesAndThreshold) {
  SetClockDate(ClockFilePath("cd"), "2026-03-31");
  const auto e = RegisterAndLogin(port(), NewEmployer::Fresh("Eşik Kontrol A.Ş."));
  const auto other = RegisterAndLogin(port(), NewEmployer::Fresh("Başka Firma A.Ş."));
  json::object bad{{"details", json::array{json::object{{"workplaceId", other.hq_id}, {"maleCount", 1}, {"femaleCount", 0}},
                                          json::object{{"workplaceId", e.hq_id}, {"maleCount", 0}, {"femaleCount", 0}}}}};
  const auto r = Post(port(), "/api/v1/collective-dismissals", bad, e.token);
  const auto p = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "dismissalDate", "required")) << r.body;
  EXPECT_TRUE(HasFieldError(p, "details[0].workplaceId", "unknown_workplace")) << r.body;
  EXPECT_TRUE(HasFieldError(p, "details[1].maleCount", "no_dismissals")) << r.body;

  // With a schedule of 120 workers, 12 dismissals meet the art. 29 threshold.
  ASSERT_EQ(Put(port(), Path(e.hq_id, "/workforce-schedules/2026-02"), Schedule("2026-02", 0, Group(120)), e.token).status, 201);
  json::object draft{{"dismissalDate", "2026-05-15"},
                     {"details", json::array{json::object{{"workplaceId", e.hq_id}, {"maleCount", 10}, {"femaleCount", 2}}}}};
  const auto ok = Post(port(), "/api/v1/collective-dismissals", draft, e.token);
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_TRUE(Bool(ok.Json(), "meetsStatutoryThreshold"));
  const auto detail = Get(port(), "/api/v1/collective-dismissals/" + Str(ok.Json(), "id") + "?" + AfterPosition(ok), e.token);
  EXPECT_EQ(Int(Arr(detail.Json(), "thresholdChecks")[0], "headcount"), 120);
  ExpectProblem(Get(port(), "/api/v1/collective-dismissals/" + Str(ok.Json(), "id"), other.token), 404,
                "collective_dismissal_not_found");
}

}  // namespace
}  // namespace e2e
