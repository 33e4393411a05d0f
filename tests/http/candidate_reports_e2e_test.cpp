// End-to-end tests of the candidate list and the employer's candidate reports (api/jobs.md
// "Matching and candidates", "Employer reports"; DOMAIN.md §2.1.1.4 M2) against the real
// binary: candidates come in through the write routes (application, selection, referral),
// are invited and interviewed, and are then read back as a list and as JSON, PDF (pdftotext)
// and XLSX reports. The server's calendar is the hidden --clock-file (today = 2026-11-20).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "e2e_helpers.h"
#include "http_client.h"
#include "infra/xlsx_reader.h"
#include "pdf_text.h"
#include "server_fixture.h"

namespace e2e {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kM2 = "Girdiğiniz kriterlere uygun kayıt bulunamadı";
const std::string kStaffPassword = "Birim-Sifre-123";
const std::string kPassword = "Gizli-Sifre-123";

std::string ClockFile() { return ClockFilePath("candidates"); }

struct Seeker {
  std::string first_name, last_name, id, token;
};

json::object DemandBody(const std::string& workplace_id, const std::string& occupation, const std::string& position) {
  return {{"workplaceId", workplace_id},
          {"occupation", occupation},
          {"position", position},
          {"requestedCount", 2},
          {"workAddress", {{"province", "34"}, {"district", "Kadıköy"}, {"address", "Moda Cad. 1"}}},
          {"lastApplicationDate", "2026-12-31"},
          {"workingPattern", "fullTime"},
          {"description", "Web uygulamaları geliştirecek mühendis aranıyor."}};
}

class CandidateReportsE2E : public ServerSuite<CandidateReportsE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFile(), "2026-11-20");
    unit34_ = {"unit", NextTckn(), kStaffPassword, "34"};
    ServerOptions o;
    o.staff = {unit34_};
    o.extra_args = {"--clock-file", ClockFile()};
    return o;
  }
  static void TearDownTestSuite() {
    ServerSuite<CandidateReportsE2E>::TearDownTestSuite();
    std::remove(ClockFile().c_str());
  }

  // Employer A's demand D1 (2512) gets Gülşen by application, İsmail and Gözde by selection
  // and Şükrü by referral; Gülşen is invited, rescheduled and hired, İsmail invited. D2 (7212)
  // gets Gözde and is closed. D3 has no candidates. Employer B has one demand.
  static void SeedSuite() {
    a_ = RegisterAndLogin(port(), NewEmployer::Fresh("Boğaziçi Yazılım A.Ş."));
    b_ = RegisterAndLogin(port(), NewEmployer::Fresh("Çukurova Lojistik Ltd. Şti."));
    unit_token_ = Login(port(), unit34_.tckn, unit34_.password);
    d1_ = Command(Post(port(), "/api/v1/labor-demands", DemandBody(a_.hq_id, "2512", "Yazılım Mühendisi"), a_.token),
                  201, "demand D1");
    d2_ = Command(Post(port(), "/api/v1/labor-demands", DemandBody(a_.hq_id, "7212", "Kaynakçı"), a_.token), 201,
                  "demand D2");
    d3_ = Command(Post(port(), "/api/v1/labor-demands", DemandBody(a_.hq_id, "2512", "Test Mühendisi"), a_.token),
                  201, "demand D3");
    db_ = Command(Post(port(), "/api/v1/labor-demands", DemandBody(b_.hq_id, "2512", "Yazılım Uzmanı"), b_.token),
                  201, "demand of B");
    gulsen_ = Seek("Gülşen", "Kılıç", {"2512"});
    ismail_ = Seek("İsmail", "Öğüt", {"2512"});
    gozde_ = Seek("Gözde", "Çağlar", {"2512", "7212"});
    sukru_ = Seek("Şükrü", "Yıldırım", {"2512"});

    gulsen_candidate_ = Command(Post(port(), "/api/v1/job-postings/" + d1_ + "/applications", json::object{},
                                     gulsen_.token),
                                201, "Gülşen's application");
    Select(d1_, {ismail_.id, gozde_.id});
    Select(d2_, {gozde_.id});
    Command(Post(port(), "/api/v1/labor-demands/" + d1_ + "/referrals", json::object{{"jobSeekerId", sukru_.id}},
                 unit_token_),
            201, "Şükrü's referral");
    const auto list = Candidates(d1_);
    ismail_candidate_ = Str(Arr(list, "items").at(1), "candidateId");
    const std::string base = "/api/v1/labor-demands/" + d1_ + "/candidates/";
    Invite(base + gulsen_candidate_, "2026-11-24T10:00:00+03:00");
    Invite(base + gulsen_candidate_, "2026-11-25T14:30:00+03:00");  // rescheduled
    Invite(base + ismail_candidate_, "2026-11-26T09:00:00+03:00");
    Command(Put(port(), base + gulsen_candidate_ + "/interview", json::object{{"result", "notSuitable"}}, a_.token),
            200, "Gülşen's result");
    Command(Put(port(), base + gulsen_candidate_ + "/interview",
                json::object{{"result", "hired"}, {"note", "Aralık başında başlıyor"}}, a_.token),
            200, "Gülşen's corrected result");
    Command(Post(port(), "/api/v1/labor-demands/" + d2_ + "/close",
                 json::object{{"closeReason", "noSuitableCandidate"}, {"hiredCount", 0}}, a_.token),
            200, "closing D2");
  }

  // A command's answer: its id; remembers the highest position for read-your-writes.
  static std::string Command(const HttpResponse& r, int status, const std::string& what) {
    if (r.status != status) throw std::runtime_error(what + ": " + std::to_string(r.status) + " " + r.body);
    const auto v = r.Json();
    if (const auto* p = Field(v, "position"); p && p->is_number()) {
      position_ = std::max<std::uint64_t>(position_, p->to_number<std::uint64_t>());
    }
    return Str(v, "id");
  }

  static Seeker Seek(const std::string& first, const std::string& last, const std::vector<std::string>& occupations) {
    Seeker s{first, last, "", ""};
    const std::string tckn = NextTckn();
    const auto r = Post(port(), "/api/v1/individuals",
                        json::object{{"tckn", tckn},
                                     {"firstName", first},
                                     {"lastName", last},
                                     {"birthDate", "1990-05-05"},
                                     {"password", kPassword},
                                     {"secretQuestion", "Doğduğunuz şehir?"},
                                     {"secretAnswer", "Çorum"},
                                     {"email", "birey@example.com.tr"},
                                     {"mobile", "0533 444 00 00"},
                                     {"preferredContact", "email"}});
    if (r.status != 201) throw std::runtime_error("individual " + first + ": " + r.body);
    s.id = Str(r.Json(), "individualId");
    const auto login = Post(port(), "/api/v1/auth/login",
                            json::object{{"tckn", tckn}, {"password", kPassword}, {"as", "individual"}});
    if (login.status != 200) throw std::runtime_error("individual login " + first + ": " + login.body);
    s.token = Str(login.Json(), "token");
    json::array occ;
    for (const auto& o : occupations) occ.emplace_back(o);
    Command(Put(port(), "/api/v1/me/resume",
                json::object{{"occupations", occ},
                             {"educationLevel", "bachelor"},
                             {"fieldOfStudy", "Bilgisayar Mühendisliği"},
                             {"languages", json::array{}},
                             {"drivingLicences", json::array{}},
                             {"militaryStatus", "completed"},
                             {"personalStatuses", json::array{}},
                             {"province", "34"},
                             {"district", "Kadıköy"},
                             {"experienceMonths", 24},
                             {"activeProfile", true}},
                s.token),
            200, "résumé of " + first);
    return s;
  }

  // Selection reads the matches, which follow the log: retried until they list the seekers.
  static void Select(const std::string& no, const std::vector<std::string>& ids) {
    json::array list;
    for (const auto& id : ids) list.emplace_back(id);
    HttpResponse last;
    WaitUntil(
        [&] {
          last = Post(port(), "/api/v1/labor-demands/" + no + "/candidates", json::object{{"jobSeekerIds", list}},
                      a_.token);
          return last.status == 201;
        },
        std::chrono::seconds(10));
    Command(last, 201, "selection for " + no);
  }

  static void Invite(const std::string& candidate_path, const std::string& when) {
    Command(Post(port(), candidate_path + "/invitation",
                 json::object{{"interviewDate", when}, {"interviewAddress", "Moda Cad. 1, Kadıköy"}}, a_.token),
            200, "invitation");
  }

  static std::string Fresh() { return "minPosition=" + std::to_string(position_); }

  static json::value Candidates(const std::string& no, const std::string& query = "") {
    const auto r = Get(port(), "/api/v1/labor-demands/" + no + "/candidates?" + Fresh() + query, a_.token);
    if (r.status != 200) throw std::runtime_error("candidates of " + no + ": " + r.body);
    return r.Json();
  }

  static std::string ReportPath(const std::string& type, const std::string& query = "") {
    return "/api/v1/reports/labor-demands/" + type + "?" + Fresh() + query;
  }

  static std::vector<std::string> Col(const json::array& rows, const char* key) {
    std::vector<std::string> out;
    for (const auto& r : rows) {
      const auto* v = Field(r, key);
      out.push_back(v && v->is_string() ? std::string(v->as_string()) : "null");
    }
    return out;
  }

  static inline StaffUser unit34_;
  static inline Employer a_, b_;
  static inline std::string unit_token_, d1_, d2_, d3_, db_;
  static inline Seeker gulsen_, ismail_, gozde_, sukru_;
  static inline std::string gulsen_candidate_, ismail_candidate_;
  static inline std::uint64_t position_ = 0;
};

TEST_F(CandidateReportsE2E, TheCandidateListInTheOrderAdded) {
  const auto page = Candidates(d1_);
  const auto& items = Arr(page, "items");
  EXPECT_EQ(Int(page, "total"), 4);
  EXPECT_EQ(Col(items, "jobSeekerId"), (std::vector<std::string>{gulsen_.id, ismail_.id, gozde_.id, sukru_.id}));
  EXPECT_EQ(Col(items, "firstName"), (std::vector<std::string>{"Gülşen", "İsmail", "Gözde", "Şükrü"}));
  EXPECT_EQ(Col(items, "lastName"), (std::vector<std::string>{"Kılıç", "Öğüt", "Çağlar", "Yıldırım"}));
  EXPECT_EQ(Col(items, "origin"), (std::vector<std::string>{"applied", "selected", "selected", "referred"}));
  EXPECT_EQ(Col(items, "state"), (std::vector<std::string>{"interviewed", "invited", "selected", "referred"}));
  EXPECT_EQ(Col(items, "interviewDate"),
            (std::vector<std::string>{"2026-11-25T14:30:00+03:00", "2026-11-26T09:00:00+03:00", "null", "null"}));
  EXPECT_EQ(Col(items, "interviewResult"), (std::vector<std::string>{"hired", "null", "null", "null"}));
  EXPECT_EQ(Col(items, "interviewNote"), (std::vector<std::string>{"Aralık başında başlıyor", "null", "null", "null"}));
  EXPECT_EQ(Col(items, "candidateId")[0], gulsen_candidate_);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(json::serialize(items[0].at("availableActions")), R"(["recordInterview"])");
  EXPECT_EQ(json::serialize(items[1].at("availableActions")), R"(["invite","recordInterview"])");
  EXPECT_EQ(json::serialize(items[2].at("availableActions")), R"(["invite"])");
  const auto added = Col(items, "addedAt");
  EXPECT_LE(added[0], added[1]);
  EXPECT_EQ(added[1], added[2]);  // selected together
  EXPECT_LE(added[2], added[3]);

  // Filters, paging; a closed demand lists without actions.
  EXPECT_EQ(Col(Arr(Candidates(d1_, "&origin=selected"), "items"), "jobSeekerId"),
            (std::vector<std::string>{ismail_.id, gozde_.id}));
  EXPECT_EQ(Col(Arr(Candidates(d1_, "&state=invited"), "items"), "jobSeekerId"),
            (std::vector<std::string>{ismail_.id}));
  const auto second = Candidates(d1_, "&page=2&pageSize=3");
  EXPECT_EQ(Col(Arr(second, "items"), "jobSeekerId"), (std::vector<std::string>{sukru_.id}));
  EXPECT_EQ(Int(second, "totalPages"), 2);
  const auto closed = Candidates(d2_);
  ASSERT_EQ(Arr(closed, "items").size(), 1u);
  EXPECT_EQ(json::serialize(Arr(closed, "items")[0].at("availableActions")), "[]");
  EXPECT_EQ(Int(Candidates(d3_), "total"), 0);
}

TEST_F(CandidateReportsE2E, TheCandidateListRefuses) {
  const std::string path = "/api/v1/labor-demands/" + d1_ + "/candidates";
  EXPECT_TRUE(HasFieldError(ExpectProblem(Get(port(), path + "?origin=invited", a_.token), 422, "validation_failed"),
                            "origin", "unknown_value"));
  EXPECT_TRUE(HasFieldError(ExpectProblem(Get(port(), path + "?state=hired", a_.token), 422, "validation_failed"),
                            "state", "unknown_value"));
  ExpectProblem(Get(port(), path, b_.token), 404, "labor_demand_not_found");
  ExpectProblem(Get(port(), "/api/v1/labor-demands/2026-9999999/candidates", a_.token), 404, "labor_demand_not_found");
  ExpectProblem(Get(port(), path, gulsen_.token), 403, "forbidden");
}

TEST_F(CandidateReportsE2E, TheFourReportsAsJson) {
  const auto selection = Get(port(), ReportPath("selection"), a_.token);
  ASSERT_EQ(selection.status, 200) << selection.body;
  EXPECT_EQ(selection.Header("Content-Type").rfind("application/json", 0), 0u);
  const auto s = selection.Json();
  EXPECT_EQ(Str(s, "reportType"), "selection");
  EXPECT_EQ(Str(s, "title"), "İşgücü İstemi Seçim Listesi");
  EXPECT_FALSE(Str(s, "generatedAt").empty());
  EXPECT_TRUE(s.at("criteria").at("demandNo").is_null());
  const auto& rows = Arr(s, "rows");
  EXPECT_EQ(Col(rows, "jobSeekerId"), (std::vector<std::string>{ismail_.id, gozde_.id, gozde_.id}));
  EXPECT_EQ(Col(rows, "demandNo"), (std::vector<std::string>{d1_, d1_, d2_}));
  EXPECT_EQ(Col(rows, "date"), (std::vector<std::string>{"2026-11-20", "2026-11-20", "2026-11-20"}));
  EXPECT_EQ(Col(rows, "occupation"), (std::vector<std::string>{"2512", "2512", "7212"}));
  EXPECT_EQ(Col(rows, "position"), (std::vector<std::string>{"Yazılım Mühendisi", "Yazılım Mühendisi", "Kaynakçı"}));
  EXPECT_EQ(Col(rows, "workplaceTitle")[0], "Boğaziçi Yazılım A.Ş.");
  EXPECT_EQ(Col(rows, "interviewDate"), (std::vector<std::string>{"2026-11-26T09:00:00+03:00", "null", "null"}));
  EXPECT_FALSE(Col(rows, "occupationName")[0].empty());

  const auto referral = Get(port(), ReportPath("referral"), a_.token).Json();
  EXPECT_EQ(Str(referral, "title"), "İşgücü İstemi Gönderme Listesi");
  EXPECT_EQ(Col(Arr(referral, "rows"), "firstName"), (std::vector<std::string>{"Şükrü"}));
  EXPECT_EQ(Col(Arr(referral, "rows"), "origin"), (std::vector<std::string>{"referred"}));

  // The interview day of the latest appointment; the latest recorded result.
  const auto interview = Get(port(), ReportPath("interview"), a_.token).Json();
  EXPECT_EQ(Str(interview, "title"), "İşgücü İstemi Görüşme Listesi");
  EXPECT_EQ(Col(Arr(interview, "rows"), "firstName"), (std::vector<std::string>{"Gülşen", "İsmail"}));
  EXPECT_EQ(Col(Arr(interview, "rows"), "date"), (std::vector<std::string>{"2026-11-25", "2026-11-26"}));
  EXPECT_EQ(Col(Arr(interview, "rows"), "interviewResult"), (std::vector<std::string>{"hired", "null"}));
  const auto result = Get(port(), ReportPath("result"), a_.token).Json();
  EXPECT_EQ(Str(result, "title"), "İşgücü İstemi Sonuç Listesi");
  EXPECT_EQ(Col(Arr(result, "rows"), "firstName"), (std::vector<std::string>{"Gülşen"}));
  EXPECT_EQ(Col(Arr(result, "rows"), "date"), (std::vector<std::string>{"2026-11-20"}));
  EXPECT_EQ(Col(Arr(result, "rows"), "interviewResult"), (std::vector<std::string>{"hired"}));

  // Criteria, echoed.
  const auto by_demand = Get(port(), ReportPath("selection", "&demandNo=" + d2_), a_.token).Json();
  EXPECT_EQ(Col(Arr(by_demand, "rows"), "demandNo"), (std::vector<std::string>{d2_}));
  EXPECT_EQ(Str(by_demand.at("criteria"), "demandNo"), d2_);
  const auto by_occupation = Get(port(), ReportPath("selection", "&occupation=25"), a_.token).Json();
  EXPECT_EQ(Col(Arr(by_occupation, "rows"), "occupation"), (std::vector<std::string>{"2512", "2512"}));
  const auto by_dates =
      Get(port(), ReportPath("interview", "&dateFrom=2026-11-26&dateTo=2026-11-30&workplaceId=" + a_.hq_id), a_.token);
  ASSERT_EQ(by_dates.status, 200) << by_dates.body;
  EXPECT_EQ(Col(Arr(by_dates.Json(), "rows"), "firstName"), (std::vector<std::string>{"İsmail"}));
}

TEST_F(CandidateReportsE2E, NothingMatchingIsM2AndNoFile) {
  auto m2 = [&](const std::string& path, const std::string& token, Headers headers = {}) {
    const auto r = Get(port(), path, token, std::move(headers));
    ExpectProblem(r, 404, "no_records");
    EXPECT_NE(r.body.find(kM2), std::string::npos) << r.body;
    EXPECT_EQ(r.Header("Content-Disposition"), "") << path;
  };
  m2(ReportPath("selection", "&dateFrom=2026-11-21"), a_.token);
  m2(ReportPath("selection", "&demandNo=" + d3_), a_.token);
  m2(ReportPath("selection", "&demandNo=" + db_), a_.token);           // another employer's demand
  m2(ReportPath("selection", "&workplaceId=" + b_.hq_id), a_.token);   // another employer's workplace
  m2(ReportPath("selection", "&format=pdf"), b_.token);                // B has no candidates
  m2(ReportPath("result", ""), b_.token, {{"Accept", kXlsx}});
  ExpectProblem(Get(port(), ReportPath("shortlist"), a_.token), 404, "not_found");
  EXPECT_TRUE(HasFieldError(
      ExpectProblem(Get(port(), ReportPath("selection", "&dateFrom=2026-13-01"), a_.token), 400, "invalid_parameter"),
      "dateFrom", "invalid_format"));
  EXPECT_TRUE(HasFieldError(
      ExpectProblem(Get(port(), ReportPath("selection", "&occupation=9999"), a_.token), 422, "validation_failed"),
      "occupation", "unknown_value"));
  ExpectProblem(Get(port(), ReportPath("selection"), gulsen_.token), 403, "forbidden");
}

TEST_F(CandidateReportsE2E, PdfExtractsTheTitleAndTurkishNames) {
  const auto pdf = Get(port(), ReportPath("selection", "&format=pdf"), a_.token);
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);
  const std::string text = PdfText(pdf.body);
  for (const char* s : {"İşgücü İstemi Seçim Listesi", "İsmail", "Öğüt", "Gözde", "Çağlar", "Boğaziçi", "Kaynakçı",
                        "Seçilen", "20.11.2026"}) {
    EXPECT_NE(text.find(s), std::string::npos) << "missing \"" << s << "\" in:\n" << text;
  }
  const auto interview = Get(port(), ReportPath("interview"), a_.token, {{"Accept", "application/pdf"}});
  ASSERT_EQ(interview.status, 200);
  EXPECT_EQ(interview.Header("Content-Type"), "application/pdf");
  const std::string itext = PdfText(interview.body);
  for (const char* s : {"İşgücü İstemi Görüşme Listesi", "Gülşen", "Kılıç"}) {
    EXPECT_NE(itext.find(s), std::string::npos) << "missing \"" << s << "\" in:\n" << itext;
  }
  // Every letter the brief names came through: ş ğ ı İ ö ü ç.
  for (const char* letter : {"ş", "ğ", "ı", "İ", "ö", "ü", "ç"}) {
    EXPECT_NE((text + itext).find(letter), std::string::npos) << letter;
  }
}

TEST_F(CandidateReportsE2E, XlsxHoldsTheHeaderRowAndTheJsonRows) {
  const auto rows = Arr(Get(port(), ReportPath("interview"), a_.token).Json(), "rows");
  ASSERT_EQ(rows.size(), 2u);
  const auto xlsx = Get(port(), ReportPath("interview"), a_.token, {{"Accept", kXlsx}});
  ASSERT_EQ(xlsx.status, 200) << xlsx.body.substr(0, 300);
  EXPECT_EQ(xlsx.Header("Content-Type"), kXlsx);
  auto sheet = istihdam::ReadXlsxFirstSheet(xlsx.body);
  ASSERT_TRUE(sheet.ok()) << sheet.error().detail;
  ASSERT_FALSE(sheet->empty());
  EXPECT_EQ((*sheet)[0][0], "İşgücü İstemi Görüşme Listesi");
  std::size_t header = 0;
  while (header < sheet->size() && ((*sheet)[header].empty() || (*sheet)[header][0] != "İstem No")) ++header;
  ASSERT_LT(header, sheet->size()) << "no header row";
  const std::vector<const char*> keys = {"demandNo",    "workplaceTitle", "occupation", "occupationName",
                                         "position",    "jobSeekerId",    "firstName",  "lastName",
                                         "origin",      "date",           "interviewDate", "interviewResult"};
  ASSERT_GE((*sheet)[header].size(), keys.size());
  ASSERT_GE(sheet->size(), header + 1 + rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& cells = (*sheet)[header + 1 + i];
    ASSERT_GE(cells.size(), keys.size());
    for (std::size_t c = 0; c < keys.size(); ++c) {
      const auto& v = rows[i].at(keys[c]);
      EXPECT_EQ(cells[c], v.is_string() ? std::string(v.as_string()) : "") << keys[c] << " of row " << i;
    }
  }
  EXPECT_EQ(Get(port(), ReportPath("interview", "&format=xlsx"), a_.token).Header("Content-Type"), kXlsx);
}

}  // namespace
}  // namespace e2e
