// Issue 10 items 1-3 against the real binary on a --demo server, each defect exactly as the
// issue reproduced it: invalid UTF-8 in CSV/XLSX cells and JSON strings, %00 and other bad
// path segments, overflowing counts. Every refusal is a 4xx problem naming the field, the
// answer is valid UTF-8 JSON, nothing is written (the log position does not move) and the
// resources still read back with 200.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "e2e_helpers.h"
#include "infra/text.h"

namespace e2e {
namespace {

constexpr const char* kHq = "3000000001";  // Anadolu Tekstil A.Ş., İstanbul headquarters
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const std::string kColumns =
    "type,tckn,firstName,lastName,sex,date,occupation,category,contractType,undergroundUnderwater,leavingReason";

std::string Schedules() { return std::string("/api/v1/workplaces/") + kHq + "/workforce-schedules"; }

std::string XlsxBytes(const std::vector<std::vector<std::string>>& rows) {
  const std::string path = "/tmp/istihdam-e2e-hostile-" + std::to_string(::getpid()) + "-" + NextTckn() + ".xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Personel");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), rows[r][c].c_str(), nullptr);
    }
  }
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
  return bytes;
}

// The answer is valid UTF-8 and parses as JSON with a strict parser.
void ExpectValidJson(const HttpResponse& r) {
  EXPECT_TRUE(istihdam::IsValidUtf8(r.body)) << r.body;
  boost::system::error_code ec;
  (void)json::parse(r.body, ec);
  EXPECT_FALSE(ec) << ec.message() << ": " << r.body;
}

class HostileInputE2E : public ServerSuite<HostileInputE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    ServerOptions o;
    o.demo = true;
    return o;
  }
  static void SeedSuite() {
    admin_ = Login(port(), "10000000146", "Demo1234!");
    unit_ = Login(port(), "93930103132", "Birim1234!");
  }

 protected:
  // The newest demo schedule of the headquarters: its month and its document.
  static std::pair<std::string, json::value> LatestSchedule() {
    const auto list = Get(port(), Schedules(), admin_);
    EXPECT_EQ(list.status, 200) << list.body;
    const auto list_doc = list.Json();
    for (const auto& item : Arr(list_doc, "items")) {
      if (Bool(item, "isLatest")) {
        const std::string month = Str(item, "month");
        const auto doc = Get(port(), Schedules() + "/" + month, admin_);
        EXPECT_EQ(doc.status, 200) << doc.body;
        return {month, doc.Json()};
      }
    }
    ADD_FAILURE() << "no latest schedule in " << list.body;
    return {};
  }

  // The schedule's person rows as the bulk form's cells (header first), `first_name` put
  // into row `bad_row` (0-based among the people).
  static std::vector<std::vector<std::string>> Cells(const json::value& schedule, std::size_t bad_row,
                                                      const std::string& first_name) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> header;
    std::string h = kColumns;
    for (std::size_t at; (at = h.find(',')) != std::string::npos; h.erase(0, at + 1)) header.push_back(h.substr(0, at));
    header.push_back(h);
    out.push_back(header);
    const auto& rows = Arr(schedule, "personnelMovements");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      out.push_back({Str(r, "type"), Str(r, "tckn"), i == bad_row ? first_name : Str(r, "firstName"), Str(r, "lastName"),
                     Str(r, "sex"), Str(r, "date"), Str(r, "occupation"), Str(r, "category"), Str(r, "contractType"),
                     Bool(r, "undergroundUnderwater") ? "true" : "false",
                     r.as_object().contains("leavingReason") && r.at("leavingReason").is_string()
                         ? std::string(r.at("leavingReason").as_string())
                         : ""});
    }
    return out;
  }

  static std::string Csv(const std::vector<std::vector<std::string>>& cells) {
    std::string out;
    for (const auto& row : cells) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        std::string cell = row[c];
        for (std::size_t at = 0; (at = cell.find('"', at)) != std::string::npos; at += 2) cell.insert(at, "\"");
        out += (c ? ",\"" : "\"") + cell + "\"";
      }
      out += "\n";
    }
    return out;
  }

  // After a refused command: nothing was written, and the month and the list still read.
  static void ExpectUnchanged(std::uint64_t position_before, const std::string& month, const std::string& etag) {
    EXPECT_EQ(HealthPosition(port()), position_before) << "a refused command wrote an event";
    const auto doc = Get(port(), Schedules() + "/" + month, admin_);
    EXPECT_EQ(doc.status, 200) << doc.body;
    EXPECT_EQ(doc.Header("ETag"), etag) << "version bumped";
    ExpectValidJson(doc);
    const auto list = Get(port(), Schedules(), admin_);
    EXPECT_EQ(list.status, 200) << list.body;
    ExpectValidJson(list);
  }

  static inline std::string admin_;
  static inline std::string unit_;
};

// Issue 10 §1: a CSV cell `Fu\xff\xfezz` was stored and every later read answered 500.
TEST_F(HostileInputE2E, InvalidUtf8InACsvCellIsRefusedNamingTheCellAndNothingIsStored) {
  const auto [month, schedule] = LatestSchedule();
  ASSERT_FALSE(month.empty());
  ASSERT_FALSE(Arr(schedule, "personnelMovements").empty()) << "the demo month has person rows";
  const std::string etag = Get(port(), Schedules() + "/" + month, admin_).Header("ETag");
  const auto before = HealthPosition(port());
  const auto r = Request(port(), "PUT", Schedules() + "/" + month + "/personnel",
                         Csv(Cells(schedule, 0, "Fu\xff\xfezz")), Bearer(admin_, {{"Content-Type", "text/csv"}}));
  const auto p = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "rows[2].firstName", "invalid_text")) << r.body;
  ExpectValidJson(r);
  ExpectUnchanged(before, month, etag);

  // A NUL or another control character in a cell is refused the same way.
  const auto nul = Request(port(), "PUT", Schedules() + "/" + month + "/personnel",
                           Csv(Cells(schedule, 0, std::string("Fu\0zz", 5))), Bearer(admin_, {{"Content-Type", "text/csv"}}));
  EXPECT_TRUE(HasFieldError(ExpectProblem(nul, 422, "validation_failed"), "rows[2].firstName", "invalid_text")) << nul.body;
  ExpectUnchanged(before, month, etag);
}

// Issue 10 §1: the 422 for a bad CSV header echoed the raw bytes in errors[].field.
TEST_F(HostileInputE2E, ABadCsvHeaderIsNamedByPositionAndTheProblemIsValidJson) {
  const auto [month, schedule] = LatestSchedule();
  ASSERT_FALSE(month.empty());
  const auto before = HealthPosition(port());
  const std::string csv = "type,tckn,first\xff\xfeName,lastName\nhired,10000000146,Ali,Veli\n";
  const auto r = Request(port(), "PUT", Schedules() + "/" + month + "/personnel", csv,
                         Bearer(admin_, {{"Content-Type", "text/csv"}}));
  const auto p = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "columns[2]", "invalid_text")) << r.body;
  EXPECT_EQ(r.body.find("\xff"), std::string::npos);
  ExpectValidJson(r);
  EXPECT_EQ(HealthPosition(port()), before);
}

// Issue 10 §1: the XLSX upload path stored the same bytes.
TEST_F(HostileInputE2E, InvalidUtf8InAnXlsxCellIsRefusedNamingTheCell) {
  const auto [month, schedule] = LatestSchedule();
  ASSERT_FALSE(month.empty());
  const std::string etag = Get(port(), Schedules() + "/" + month, admin_).Header("ETag");
  const auto before = HealthPosition(port());
  const auto r = Request(port(), "PUT", Schedules() + "/" + month + "/personnel",
                         XlsxBytes(Cells(schedule, 0, "Fu\xff\xfezz")), Bearer(admin_, {{"Content-Type", kXlsx}}));
  const auto p = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "rows[2].firstName", "invalid_text")) << r.body;
  ExpectValidJson(r);
  ExpectUnchanged(before, month, etag);
}

// JSON bodies: Boost.JSON refuses raw invalid bytes, but decodes escapes: \u0000 and other
// controls are refused per field; tab and newline only in free text.
TEST_F(HostileInputE2E, EscapedControlCharactersInJsonStringsAreRefusedPerField) {
  const auto got = Get(port(), std::string("/api/v1/workplaces/") + kHq, admin_);
  ASSERT_EQ(got.status, 200) << got.body;
  const auto before = HealthPosition(port());
  const std::string path = std::string("/api/v1/workplaces/") + kHq;
  auto raw = Request(port(), "PUT", path, R"({"address":"Liman Cad.\u0000 5","district":"Kad\u0001k\u00f6y"})",
                     Bearer(admin_));
  auto p = ExpectProblem(raw, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "address", "invalid_text")) << raw.body;
  EXPECT_TRUE(HasFieldError(p, "district", "invalid_text")) << raw.body;
  // A lone surrogate escape is not text either: Boost.JSON refuses it.
  ExpectProblem(Request(port(), "PUT", path, R"({"address":"x\ud800y"})", Bearer(admin_)), 400, "malformed_json");
  ExpectProblem(Request(port(), "PUT", path, R"({"address":"x\udc00y"})", Bearer(admin_)), 400, "malformed_json");
  ExpectProblem(Request(port(), "PUT", path, "{\"address\":\"Fu\xff\xfezz\"}", Bearer(admin_)), 400, "malformed_json");
  EXPECT_EQ(HealthPosition(port()), before);
  EXPECT_EQ(Get(port(), path, admin_).Header("ETag"), got.Header("ETag"));
}

// Issue 10 §2: `%00` after an id reached the store (500 empty_append) or echoed the NUL.
TEST_F(HostileInputE2E, APathSegmentWithNulSlashOrDotsNeverReachesAHandler) {
  const std::string path = std::string("/api/v1/workplaces/") + kHq;
  const auto got = Get(port(), path, admin_);
  ASSERT_EQ(got.status, 200) << got.body;
  const auto before = HealthPosition(port());
  auto changed = got.Json().as_object();
  changed["address"] = "Değişmiş Adres Sok. 1";
  for (const auto& body : {json::value(changed), got.Json()}) {  // changed, then unchanged
    const auto r = Put(port(), path + "%00", body, admin_);
    ExpectProblem(r, 404, "not_found");
    EXPECT_EQ(r.body.find("\\u0000"), std::string::npos) << r.body;
  }
  ExpectProblem(Put(port(), "/api/v1/collective-dismissals/5000000001%00", json::object{}, admin_), 404, "not_found");
  ExpectProblem(Request(port(), "PUT", "/api/v1/typ/programs/TYP-2026-34-00001/participants/1/attendance/2026-01-05%00",
                        R"({"attendanceType":"R"})", Bearer(admin_)),
                404, "not_found");
  for (const char* bad : {"%2F", "..", "%2E%2E", "3000000001%0A", "3000000001%FF", "3000000001%2F..", "%C0%AF"}) {
    const auto r = Get(port(), std::string("/api/v1/workplaces/") + bad, admin_);
    ExpectProblem(r, 404, "not_found");
    ExpectValidJson(r);
  }
  ExpectProblem(Get(port(), "/api/v1/workplaces/" + std::string(200, '3'), admin_), 404, "not_found");
  EXPECT_EQ(HealthPosition(port()), before);
  const auto after = Get(port(), path, admin_);
  EXPECT_EQ(after.status, 200);
  EXPECT_EQ(after.Header("ETag"), got.Header("ETag"));
}

TEST_F(HostileInputE2E, QueryStringsAndRecordedHeadersAreCheckedToo) {
  auto r = Get(port(), Schedules() + "?year=20%0026", admin_);
  auto p = ExpectProblem(r, 400, "invalid_parameter");
  EXPECT_TRUE(HasFieldError(p, "year", "invalid_text")) << r.body;
  r = Get(port(), Schedules() + "?ye%FFar=2026", admin_);
  p = ExpectProblem(r, 400, "invalid_parameter");
  EXPECT_TRUE(HasFieldError(p, "query[0]", "invalid_text")) << r.body;
  ExpectValidJson(r);

  const auto before = HealthPosition(port());
  json::object dismissal{{"dismissalDate", "2027-01-15"},
                         {"details", json::array{json::object{{"workplaceId", kHq}, {"maleCount", 1}, {"femaleCount", 0}}}}};
  r = Post(port(), "/api/v1/collective-dismissals", dismissal, admin_, {{"Idempotency-Key", "key-\xff"}});
  p = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "Idempotency-Key", "invalid_text")) << r.body;
  r = Post(port(), "/api/v1/collective-dismissals", dismissal, admin_, {{"X-Correlation-Id", "corr-\xff"}});
  p = ExpectProblem(r, 400, "invalid_text");
  EXPECT_TRUE(HasFieldError(p, "X-Correlation-Id", "invalid_text")) << r.body;
  EXPECT_EQ(HealthPosition(port()), before);
}

// Issue 10 §3: two details of 2^63-1 men answered 201 with totalMale -2.
TEST_F(HostileInputE2E, OverflowingDismissalCountsAreOutOfRange) {
  const auto before = HealthPosition(port());
  json::object body{{"dismissalDate", "2027-01-15"},
                    {"details", json::array{json::object{{"workplaceId", kHq}, {"maleCount", INT64_MAX}, {"femaleCount", 0}},
                                            json::object{{"workplaceId", "3000000002"}, {"maleCount", INT64_MAX},
                                                         {"femaleCount", 0}}}}};
  const auto r = Post(port(), "/api/v1/collective-dismissals", body, admin_);
  const auto p = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "details[0].maleCount", "out_of_range")) << r.body;
  EXPECT_TRUE(HasFieldError(p, "details[1].maleCount", "out_of_range")) << r.body;
  EXPECT_EQ(HealthPosition(port()), before);
  EXPECT_EQ(Get(port(), "/api/v1/collective-dismissals", admin_).status, 200);
}

// Issue 10 §3: participantQuota 2^63-1 was accepted.
TEST_F(HostileInputE2E, AnOverflowingParticipantQuotaIsOutOfRange) {
  const auto before = HealthPosition(port());
  json::object body{{"hostEmployerId", "2000000001"}, {"province", "34"},           {"startDate", "2027-01-01"},
                    {"endDate", "2027-06-30"},        {"description", "Park bakımı"}, {"participantQuota", INT64_MAX}};
  const auto r = Post(port(), "/api/v1/typ/programs", body, unit_);
  EXPECT_TRUE(HasFieldError(ExpectProblem(r, 422, "validation_failed"), "participantQuota", "out_of_range")) << r.body;
  EXPECT_EQ(HealthPosition(port()), before);
}

// Issue 10 §3: a hire count of 2^63-1 was refused as negative_headcount.
TEST_F(HostileInputE2E, AnOverflowingHireCountIsOutOfRangeNotANegativeHeadcount) {
  const auto [month, schedule] = LatestSchedule();
  ASSERT_FALSE(month.empty());
  const std::string etag = Get(port(), Schedules() + "/" + month, admin_).Header("ETag");
  const auto before = HealthPosition(port());
  auto body = schedule.as_object();
  body.erase("previousMonthEnd");
  body["hired"].as_object()["general"].as_object()["male"] = INT64_MAX;
  const auto r = Put(port(), Schedules() + "/" + month, body, admin_);
  const auto p = ExpectProblem(r, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "hired.general.male", "out_of_range")) << r.body;
  EXPECT_FALSE(HasFieldError(p, "monthEnd.general.male", "negative_headcount")) << r.body;
  ExpectUnchanged(before, month, etag);
}

}  // namespace
}  // namespace e2e
