// End-to-end tests of the TYP routes (API.md "Community benefit programs (TYP) attendance",
// pinned; listing, report and flags in the same style) against the real binary. Staff users
// are created with `istihdam staff add` before the server starts; the server's calendar is
// the hidden --clock-file (today = 2026-11-15).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include "e2e_helpers.h"
#include "http_client.h"
#include "infra/xlsx_reader.h"
#include "pdf_text.h"
#include "server_fixture.h"

namespace e2e {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const std::string kStaffPassword = "Birim-Sifre-123";

std::string ClockFile() { return ClockFilePath("typ"); }

std::string After(const HttpResponse& r) {
  return "minPosition=" +
         std::to_string(r.Json().as_object().at("position").to_number<std::uint64_t>());
}

struct Person {
  std::string tckn, first_name, last_name;
};

class TypE2E : public ServerSuite<TypE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFile(), "2026-11-15");
    unit34_ = {"unit", NextTckn(), kStaffPassword, "34"};
    unit06_ = {"unit", NextTckn(), kStaffPassword, "06"};
    head_office_ = {"headOffice", NextTckn(), kStaffPassword, ""};
    auditor_ = {"auditor", NextTckn(), kStaffPassword, ""};
    ServerOptions o;
    o.staff = {unit34_, unit06_, head_office_, auditor_};
    o.extra_args = {"--clock-file", ClockFile()};
    return o;
  }
  static void TearDownTestSuite() {
    ServerSuite<TypE2E>::TearDownTestSuite();
    std::remove(ClockFile().c_str());
  }

  // The host employer, another employer, tokens, and two registered individuals.
  static void SeedSuite() {
    host_ = RegisterAndLogin(port(), NewEmployer::Fresh("Boğaziçi Belediye Hizmetleri A.Ş."));
    other_ = RegisterAndLogin(port(), NewEmployer::Fresh("Çamlıca Peyzaj Ltd. Şti."));
    unit34_token_ = Login(port(), unit34_.tckn, unit34_.password);
    unit06_token_ = Login(port(), unit06_.tckn, unit06_.password);
    head_office_token_ = Login(port(), head_office_.tckn, head_office_.password);
    gulsen_ = Register({NextTckn(), "Gülşen", "Kılıç"});
    ismail_ = Register({NextTckn(), "İsmail", "Öğüt"});
  }

  static Person Register(const Person& p) {
    const auto r = Post(port(), "/api/v1/individuals",
                        json::object{{"tckn", p.tckn},
                                     {"firstName", p.first_name},
                                     {"lastName", p.last_name},
                                     {"birthDate", "1990-05-05"},
                                     {"password", "Gizli-Sifre-123"},
                                     {"secretQuestion", "Doğduğunuz şehir?"},
                                     {"secretAnswer", "Çorum"},
                                     {"email", "birey@example.com.tr"},
                                     {"mobile", "0533 444 00 00"},
                                     {"preferredContact", "email"}});
    if (r.status != 201) throw std::runtime_error("individual registration: " + r.body);
    return p;
  }

  static json::object ProgramBody(const std::string& host_id, const std::string& province = "34",
                                  std::int64_t quota = 3) {
    return {{"hostEmployerId", host_id},
            {"province", province},
            {"startDate", "2026-10-01"},
            {"endDate", "2027-03-31"},
            {"description", "Okul bahçelerinin bakımı ve temizliği"},
            {"participantQuota", quota}};
  }
  static json::object ParticipantBody(const Person& p, const std::string& start,
                                      const std::string& end) {
    return {{"tckn", p.tckn},
            {"firstName", p.first_name},
            {"lastName", p.last_name},
            {"startDate", start},
            {"endDate", end}};
  }

  // A program of the host with Gülşen (whole period) and İsmail (November–December).
  struct Program {
    std::string typ_no;
    HttpResponse last;
  };
  static Program HostedProgram() {
    Program p;
    auto created = Post(port(), "/api/v1/typ/programs", ProgramBody(host_.id), unit34_token_);
    if (created.status != 201) throw std::runtime_error("program: " + created.body);
    p.typ_no = Str(created.Json(), "id");
    auto one = Post(port(), "/api/v1/typ/programs/" + p.typ_no + "/participants",
                    ParticipantBody(gulsen_, "2026-10-01", "2027-03-31"), unit34_token_);
    auto two = Post(port(), "/api/v1/typ/programs/" + p.typ_no + "/participants",
                    ParticipantBody(ismail_, "2026-11-01", "2026-12-31"), unit34_token_);
    if (one.status != 201 || two.status != 201)
      throw std::runtime_error("participants: " + one.body + two.body);
    if (Str(one.Json(), "id") != "1" || Str(two.Json(), "id") != "2")
      throw std::runtime_error("ids: " + two.body);
    p.last = two;
    return p;
  }

  static std::string Attendance(const std::string& typ_no, const std::string& pid,
                                const std::string& date) {
    return "/api/v1/typ/programs/" + typ_no + "/participants/" + pid + "/attendance/" + date;
  }
  static HttpResponse Record(const std::string& typ_no, const std::string& pid,
                             const std::string& date, const std::string& type,
                             const std::string& token = host_.token) {
    return Put(port(), Attendance(typ_no, pid, date), json::object{{"attendanceType", type}},
               token);
  }

  static inline StaffUser unit34_, unit06_, head_office_, auditor_;
  static inline Employer host_, other_;
  static inline std::string unit34_token_, unit06_token_, head_office_token_;
  static inline Person gulsen_, ismail_;
};

TEST_F(TypE2E, UnitUserCreatesProgramsWithGaplessNumbersInItsOwnProvinceOnly) {
  const auto first = Post(port(), "/api/v1/typ/programs", ProgramBody(host_.id), unit34_token_);
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string a = Str(first.Json(), "id");
  ASSERT_TRUE(std::regex_match(a, std::regex(R"(TYP-2026-34-\d{5})"))) << a;
  EXPECT_GT(Int(first.Json(), "position"), 0);

  // Refused commands take no number.
  auto bad = ProgramBody("2999999999");
  bad["participantQuota"] = 0;
  bad["endDate"] = "2026-09-30";
  const auto refused = Post(port(), "/api/v1/typ/programs", bad, unit34_token_);
  const auto p = ExpectProblem(refused, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "hostEmployerId", "unknown_value"));
  EXPECT_TRUE(HasFieldError(p, "participantQuota", "too_small"));
  EXPECT_TRUE(HasFieldError(p, "endDate", "before_valid_from"));
  ExpectProblem(Post(port(), "/api/v1/typ/programs", ProgramBody(host_.id), unit06_token_), 403,
                "other_province");
  ExpectProblem(Post(port(), "/api/v1/typ/programs", ProgramBody(host_.id), head_office_token_),
                403, "forbidden");
  ExpectProblem(Post(port(), "/api/v1/typ/programs", ProgramBody(host_.id), host_.token), 403,
                "forbidden");

  const auto second = Post(port(), "/api/v1/typ/programs", ProgramBody(other_.id), unit34_token_);
  ASSERT_EQ(second.status, 201) << second.body;
  const std::string b = Str(second.Json(), "id");
  EXPECT_EQ(std::stoi(b.substr(12)), std::stoi(a.substr(12)) + 1) << a << " then " << b;
}

TEST_F(TypE2E, ConcurrentCreationsGetDistinctConsecutiveNumbers) {
  constexpr int kParallel = 6;
  std::vector<HttpResponse> answers(kParallel);
  std::vector<std::thread> threads;
  for (int i = 0; i < kParallel; ++i) {
    threads.emplace_back([&answers, i] {
      answers[i] = Post(port(), "/api/v1/typ/programs", ProgramBody(host_.id), unit34_token_);
    });
  }
  for (auto& t : threads) t.join();
  std::set<int> numbers;
  for (const auto& a : answers) {
    ASSERT_EQ(a.status, 201) << a.body;
    numbers.insert(std::stoi(Str(a.Json(), "id").substr(12)));
  }
  ASSERT_EQ(numbers.size(), static_cast<std::size_t>(kParallel)) << "no duplicates";
  EXPECT_EQ(*numbers.rbegin() - *numbers.begin(), kParallel - 1) << "no gaps";
}

TEST_F(TypE2E, ParticipantsMustBeRegisteredWithinThePeriodTheQuotaAndNotTwice) {
  const auto created =
      Post(port(), "/api/v1/typ/programs", ProgramBody(host_.id, "34", 2), unit34_token_);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/typ/programs/" + Str(created.Json(), "id") + "/participants";
  ExpectProblem(Post(port(), path,
                     ParticipantBody({NextTckn(), "Kayıtsız", "Kişi"}, "2026-10-01", "2026-12-31"),
                     unit34_token_),
                409, "participant_not_registered");
  ExpectProblem(
      Post(port(), path, ParticipantBody(gulsen_, "2026-09-30", "2026-12-31"), unit34_token_), 409,
      "outside_program_period");
  ExpectProblem(
      Post(port(), path, ParticipantBody(gulsen_, "2026-10-01", "2026-12-31"), unit06_token_), 404,
      "typ_program_not_found");
  const auto one =
      Post(port(), path, ParticipantBody(gulsen_, "2026-10-01", "2026-12-31"), unit34_token_);
  ASSERT_EQ(one.status, 201) << one.body;
  EXPECT_EQ(Str(one.Json(), "id"), "1");
  ExpectProblem(
      Post(port(), path, ParticipantBody(gulsen_, "2026-12-01", "2027-01-31"), unit34_token_), 409,
      "participant_period_overlaps");
  const auto two =
      Post(port(), path, ParticipantBody(ismail_, "2026-10-01", "2026-12-31"), unit34_token_);
  ASSERT_EQ(two.status, 201) << two.body;
  ExpectProblem(
      Post(port(), path, ParticipantBody(gulsen_, "2027-01-01", "2027-01-31"), unit34_token_), 409,
      "participant_quota_exceeded");

  const auto list = Get(port(), path + "?" + After(two), host_.token);
  ASSERT_EQ(list.status, 200) << list.body;
  const auto list_json = list.Json();
  const auto& items = Arr(list_json, "items");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Str(items[0], "firstName"), "Gülşen");
  EXPECT_EQ(Str(items[0], "tckn"), gulsen_.tckn);
  EXPECT_EQ(Str(items[1], "participantId"), "2");
  EXPECT_EQ(Int(list.Json(), "total"), 2);
  ExpectProblem(Get(port(), path, other_.token), 404, "typ_program_not_found");
  ExpectProblem(Get(port(), path, unit06_token_), 404, "typ_program_not_found");
  EXPECT_EQ(Get(port(), path, head_office_token_).status, 200);
}

TEST_F(TypE2E, ListingIsScopedToTheHostTheProvinceOrEverythingAndFiltered) {
  const auto p = HostedProgram();
  const std::string q = "/api/v1/typ/programs?" + After(p.last);
  const auto mine = Get(port(), q + "&typNo=" + p.typ_no, host_.token);
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(Arr(mine.Json(), "items").size(), 1u);
  const auto mine_json = mine.Json();
  const auto& item = Arr(mine_json, "items")[0];
  EXPECT_EQ(Str(item, "typNo"), p.typ_no);
  EXPECT_EQ(Str(item, "hostEmployerId"), host_.id);
  EXPECT_EQ(Str(item, "hostEmployerTitle"), "Boğaziçi Belediye Hizmetleri A.Ş.");
  EXPECT_EQ(Str(item, "status"), "active");  // 2026-10-01..2027-03-31, today 2026-11-15
  EXPECT_EQ(Int(item, "participantCount"), 2);
  EXPECT_EQ(Int(mine.Json(), "pageSize"), 15);

  // The host sees only programs it hosts; the other employer none of the host's.
  const auto host_all = Get(port(), q, host_.token);
  const auto host_all_json = host_all.Json();
  for (const auto& i : Arr(host_all_json, "items")) EXPECT_EQ(Str(i, "hostEmployerId"), host_.id);
  EXPECT_EQ(Arr(Get(port(), q + "&typNo=" + p.typ_no, other_.token).Json(), "items").size(), 0u);
  EXPECT_EQ(Int(Get(port(), q, unit06_token_).Json(), "total"), 0);
  EXPECT_EQ(Arr(Get(port(), q + "&typNo=" + p.typ_no, unit34_token_).Json(), "items").size(), 1u);
  EXPECT_EQ(Arr(Get(port(), q + "&typNo=" + p.typ_no, head_office_token_).Json(), "items").size(),
            1u);
  // Filters.
  EXPECT_EQ(Int(Get(port(), q + "&status=planned", head_office_token_).Json(), "total"), 0);
  EXPECT_EQ(Int(Get(port(), q + "&startFrom=2026-10-02", head_office_token_).Json(), "total"), 0);
  EXPECT_GE(
      Int(Get(port(), q + "&startTo=2026-10-01&province=34", head_office_token_).Json(), "total"),
      1);
  ExpectProblem(Get(port(), q + "&status=open", host_.token), 400, "invalid_parameter");

  const auto one = Get(port(), "/api/v1/typ/programs/" + p.typ_no, host_.token);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.Header("ETag"), "\"3\"");  // created + two participants
  ExpectProblem(Get(port(), "/api/v1/typ/programs/" + p.typ_no, other_.token), 404,
                "typ_program_not_found");
  ExpectProblem(Get(port(), "/api/v1/typ/programs/" + p.typ_no, unit06_token_), 404,
                "typ_program_not_found");
}

TEST_F(TypE2E, HostRecordsAndDeletesAbsencesAndTheCalendarAndReportShowExactlyThat) {
  const auto p = HostedProgram();
  const std::string t = p.typ_no;
  ASSERT_EQ(Record(t, "1", "2026-11-03", "unexcusedAbsence").status, 201);
  ExpectProblem(Record(t, "1", "2026-11-03", "sickLeave"), 409, "absence_already_recorded");
  ExpectProblem(Record(t, "1", "2026-09-30", "sickLeave"), 409, "outside_participation_period");
  ExpectProblem(Record(t, "2", "2026-10-15", "sickLeave"), 409, "outside_participation_period");
  auto future = ExpectProblem(Record(t, "1", "2026-11-16", "sickLeave"), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(future, "date", "in_future"));
  auto unknown = ExpectProblem(Record(t, "1", "2026-11-06", "holiday"), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(unknown, "attendanceType", "unknown_value"));
  ExpectProblem(Record(t, "1", "2026-11-06", "sickLeave", other_.token), 404,
                "typ_program_not_found");
  ExpectProblem(Record(t, "9", "2026-11-06", "sickLeave"), 404, "typ_participant_not_found");
  ExpectProblem(Record(t, "1", "2026-11-06", "sickLeave", unit34_token_), 403, "forbidden");
  ExpectProblem(Delete(port(), Attendance(t, "1", "2026-11-04"), host_.token), 404,
                "absence_not_found");

  ASSERT_EQ(Record(t, "1", "2026-11-04", "sickLeave").status, 201);
  ASSERT_EQ(Record(t, "1", "2026-11-05", "paidLeave").status, 201);
  // Correction = delete + add (X-34).
  const auto deleted = Delete(port(), Attendance(t, "1", "2026-11-05"), host_.token);
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(Str(deleted.Json(), "attendanceType"), "paidLeave");
  ExpectProblem(Delete(port(), Attendance(t, "1", "2026-11-05"), other_.token), 404,
                "typ_program_not_found");
  ASSERT_EQ(Record(t, "1", "2026-11-05", "excusedAbsence").status, 201);
  const auto last = Record(t, "2", "2026-11-10", "unpaidLeave");
  ASSERT_EQ(last.status, 201) << last.body;

  const auto calendar =
      Get(port(),
          "/api/v1/typ/programs/" + t + "/participants/1/attendance?month=2026-11&" + After(last),
          host_.token);
  ASSERT_EQ(calendar.status, 200) << calendar.body;
  EXPECT_EQ(calendar.Json(), json::parse(R"({"month":"2026-11","days":[
      {"date":"2026-11-03","attendanceType":"unexcusedAbsence"},
      {"date":"2026-11-04","attendanceType":"sickLeave"},
      {"date":"2026-11-05","attendanceType":"excusedAbsence"}]})"));
  ExpectProblem(
      Get(port(), "/api/v1/typ/programs/" + t + "/participants/1/attendance?month=2026-11",
          other_.token),
      404, "typ_program_not_found");

  // JSON report: one row per absence day, by participant and date.
  const std::string report = "/api/v1/typ/programs/" + t + "/attendance-report?month=2026-11";
  const auto js = Get(port(), report, host_.token);
  ASSERT_EQ(js.status, 200) << js.body;
  const auto js_json = js.Json();
  const auto& rows = Arr(js_json, "rows");
  ASSERT_EQ(rows.size(), 4u) << js.body;
  const std::vector<std::array<std::string, 4>> expected = {
      {"1", "2026-11-03", "unexcusedAbsence", "Gülşen"},
      {"1", "2026-11-04", "sickLeave", "Gülşen"},
      {"1", "2026-11-05", "excusedAbsence", "Gülşen"},
      {"2", "2026-11-10", "unpaidLeave", "İsmail"}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(Str(rows[i], "participantId"), expected[i][0]);
    EXPECT_EQ(Str(rows[i], "date"), expected[i][1]);
    EXPECT_EQ(Str(rows[i], "attendanceType"), expected[i][2]);
    EXPECT_EQ(Str(rows[i], "firstName"), expected[i][3]);
  }
  EXPECT_EQ(Str(rows[0], "attendanceTypeName"), "Mazeretsiz Devamsızlık");
  EXPECT_EQ(Str(js.Json(), "hostEmployerTitle"), "Boğaziçi Belediye Hizmetleri A.Ş.");

  // PDF (format=pdf and Accept): Turkish letters survive text extraction.
  const auto pdf = Get(port(), report + "&format=pdf", host_.token);
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);
  const std::string text = PdfText(pdf.body);
  for (const char* s :
       {"TYP Aylık Devam Raporu", "Gülşen", "Kılıç", "İsmail", "Öğüt", "Mazeretsiz Devamsızlık",
        "Raporlu (İstirahat)", "Mazeretli Devamsızlık", "Ücretsiz İzin", "03.11.2026", "10.11.2026",
        "Kasım 2026", "Dönem", "Katılımcı No", "Devam Türü", "Boğaziçi Belediye Hizmetleri A.Ş.",
        t.c_str()}) {
    EXPECT_NE(text.find(s), std::string::npos) << "missing \"" << s << "\" in:\n" << text;
  }
  EXPECT_EQ(text.find("Ücretli İzin"), std::string::npos)
      << "the deleted entry is not in the report";
  const auto pdf2 = Get(port(), report, host_.token, {{"Accept", "application/pdf"}});
  EXPECT_EQ(pdf2.Header("Content-Type"), "application/pdf");

  // XLSX (Accept): the same rows as the JSON.
  const auto xlsx = Get(port(), report, host_.token, {{"Accept", kXlsx}});
  ASSERT_EQ(xlsx.status, 200) << xlsx.body.substr(0, 300);
  EXPECT_EQ(xlsx.Header("Content-Type"), kXlsx);
  auto sheet = istihdam::ReadXlsxFirstSheet(xlsx.body);
  ASSERT_TRUE(sheet.ok()) << sheet.error().detail;
  std::size_t header = 0;
  while (header < sheet->size() &&
         ((*sheet)[header].empty() || (*sheet)[header][0] != "Katılımcı No"))
    ++header;
  ASSERT_LT(header, sheet->size()) << "no header row";
  EXPECT_EQ((*sheet)[header], (std::vector<std::string>{"Katılımcı No", "T.C. Kimlik No", "Adı",
                                                        "Soyadı", "Tarih", "Devam Türü"}));
  ASSERT_GE(sheet->size(), header + 1 + rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = (*sheet)[header + 1 + i];
    ASSERT_GE(r.size(), 6u);
    const std::string iso = Str(rows[i], "date");
    EXPECT_EQ(r[0], Str(rows[i], "participantId"));
    EXPECT_EQ(r[1], Str(rows[i], "tckn"));
    EXPECT_EQ(r[2], Str(rows[i], "firstName"));
    EXPECT_EQ(r[3], Str(rows[i], "lastName"));
    EXPECT_EQ(r[4], iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4));
    EXPECT_EQ(r[5], Str(rows[i], "attendanceTypeName"));
  }
  EXPECT_EQ(Get(port(), report + "&format=xlsx", host_.token).Header("Content-Type"), kXlsx);

  // Who else sees it; an empty month is the guide's no_records.
  EXPECT_EQ(Get(port(), report, unit34_token_).status, 200);
  EXPECT_EQ(Get(port(), report, head_office_token_).status, 200);
  ExpectProblem(Get(port(), report, unit06_token_), 404, "typ_program_not_found");
  ExpectProblem(Get(port(), report, other_.token), 404, "typ_program_not_found");
  const auto empty =
      ExpectProblem(Get(port(), "/api/v1/typ/programs/" + t + "/attendance-report?month=2026-09",
                        host_.token, {{"Accept", "application/pdf"}}),
                    404, "no_records");
  EXPECT_EQ(Str(empty, "title"), "Girdiğiniz kriterlere uygun kayıt bulunamadı");
  ExpectProblem(Get(port(), report + "&format=doc", host_.token), 400, "invalid_parameter");
}

TEST_F(TypE2E, TheThirdUnexcusedAbsenceOfAMonthFlagsTheParticipantOnceForTheUnitUser) {
  const auto p = HostedProgram();
  const std::string t = p.typ_no;
  EXPECT_FALSE(Bool(Record(t, "1", "2026-10-05", "unexcusedAbsence").Json(), "flagged"));
  EXPECT_FALSE(Bool(Record(t, "1", "2026-10-06", "sickLeave").Json(), "flagged"));
  EXPECT_FALSE(Bool(Record(t, "1", "2026-10-07", "unexcusedAbsence").Json(), "flagged"));
  EXPECT_TRUE(Bool(Record(t, "1", "2026-10-08", "unexcusedAbsence").Json(), "flagged"));
  const auto fourth = Record(t, "1", "2026-10-09", "unexcusedAbsence");
  EXPECT_FALSE(Bool(fourth.Json(), "flagged"));
  const auto del = Delete(port(), Attendance(t, "1", "2026-10-09"), host_.token);
  ASSERT_EQ(del.status, 200) << del.body;

  const auto flagged =
      Get(port(), "/api/v1/typ/flagged-participants?month=2026-10&" + After(del), unit34_token_);
  ASSERT_EQ(flagged.status, 200) << flagged.body;
  const json::value* mine = nullptr;
  const auto flagged_json = flagged.Json();
  for (const auto& i : Arr(flagged_json, "items")) {
    if (Str(i, "typNo") == t) mine = &i;
  }
  ASSERT_NE(mine, nullptr) << flagged.body;
  EXPECT_EQ(Str(*mine, "participantId"), "1");
  EXPECT_EQ(Str(*mine, "firstName"), "Gülşen");
  EXPECT_EQ(Str(*mine, "month"), "2026-10");
  EXPECT_EQ(Int(*mine, "threshold"), 3);
  EXPECT_EQ(Int(*mine, "unexcusedDays"), 3) << "four recorded, one deleted";
  const auto other_province = Get(port(), "/api/v1/typ/flagged-participants", unit06_token_).Json();
  for (const auto& i : Arr(other_province, "items")) {
    EXPECT_NE(Str(i, "typNo"), t) << "another province's unit user";
  }
  ExpectProblem(Get(port(), "/api/v1/typ/flagged-participants", host_.token), 403, "forbidden");

  // Exactly one TypParticipantFlagged in the participant-month's stream.
  const auto stream = Get(port(), "/api/v1/streams/typ-attendance-" + t + "-1-2026-10/events",
                          Login(port(), auditor_.tckn, auditor_.password));
  ASSERT_EQ(stream.status, 200) << stream.body;
  std::vector<std::string> types;
  const auto stream_json = stream.Json();
  for (const auto& e : Arr(stream_json, "items")) types.push_back(Str(e, "type"));
  EXPECT_EQ(types, (std::vector<std::string>{"TypAbsenceRecorded", "TypAbsenceRecorded",
                                             "TypAbsenceRecorded", "TypAbsenceRecorded",
                                             "TypParticipantFlagged", "TypAbsenceRecorded",
                                             "TypAbsenceDeleted"}));
}

TEST_F(TypE2E, AttendanceTypesAreReferenceData) {
  const auto r = Get(port(), "/api/v1/typ/attendance-types", host_.token);
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<std::string> codes;
  const auto r_json = r.Json();
  for (const auto& i : Arr(r_json, "items")) codes.push_back(Str(i, "code"));
  EXPECT_EQ(codes, (std::vector<std::string>{"excusedAbsence", "unexcusedAbsence", "sickLeave",
                                             "paidLeave", "unpaidLeave", "publicHoliday"}));
}

}  // namespace
}  // namespace e2e

namespace e2e {
namespace {

// Participant names are checked with the identity adapter: here the KPS stand-in reads
// data/citizens.csv.
class TypIdentityE2E : public ServerSuite<TypIdentityE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    unit_ = {"unit", NextTckn(), kStaffPassword, "35"};
    ServerOptions o;
    o.staff = {unit_};
    o.extra_args = {"--identity-registry", std::string(ISTIHDAM_SOURCE_DIR) + "/data/citizens.csv"};
    return o;
  }
  static inline StaffUser unit_;
};

TEST_F(TypIdentityE2E, ParticipantNamesMustMatchTheIdentityRegistry) {
  auto ne = NewEmployer::Fresh("Ege Çevre Hizmetleri A.Ş.");
  ne.tckn = "10000000146";  // Ayşe Yılmaz of data/citizens.csv
  const auto host = RegisterAndLogin(port(), ne);
  const auto reg = Post(port(), "/api/v1/individuals",
                        json::object{{"tckn", "13056413946"},
                                     {"firstName", "Çağla"},
                                     {"lastName", "Doğan"},
                                     {"birthDate", "2001-08-13"},
                                     {"password", "Gizli-Sifre-123"},
                                     {"secretQuestion", "Doğduğunuz şehir?"},
                                     {"secretAnswer", "İzmir"},
                                     {"email", "cagla@example.com.tr"},
                                     {"mobile", "0533 444 00 00"},
                                     {"preferredContact", "email"}});
  ASSERT_EQ(reg.status, 201) << reg.body;
  const std::string unit = Login(port(), unit_.tckn, unit_.password);
  const auto program = Post(port(), "/api/v1/typ/programs",
                            json::object{{"hostEmployerId", host.id},
                                         {"province", "35"},
                                         {"startDate", "2026-10-01"},
                                         {"endDate", "2027-03-31"},
                                         {"description", "Sahil temizliği"},
                                         {"participantQuota", 5}},
                            unit);
  ASSERT_EQ(program.status, 201) << program.body;
  const std::string path = "/api/v1/typ/programs/" + Str(program.Json(), "id") + "/participants";
  json::object body{{"tckn", "13056413946"},
                    {"firstName", "Çağla"},
                    {"lastName", "Yıldız"},
                    {"startDate", "2026-10-01"},
                    {"endDate", "2026-12-31"}};
  const auto wrong = ExpectProblem(Post(port(), path, body, unit), 422, "kps_mismatch");
  EXPECT_TRUE(HasFieldError(wrong, "tckn", "kps_mismatch"));
  body["firstName"] = "ÇAĞLA";  // names are compared Turkish-folded
  body["lastName"] = "doğan";
  const auto ok = Post(port(), path, body, unit);
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(Str(ok.Json(), "id"), "1");
}

}  // namespace
}  // namespace e2e
