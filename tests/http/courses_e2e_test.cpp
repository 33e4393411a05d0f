// End-to-end tests of the course routes (api/courses.md, pinned) against the real binary:
// the lifecycle with its refusals, visibility, the candidate lists, the approval race, the
// completion cutoff and the 24-month rule on the server's clock (--clock-file), the reports
// read back from PDF and XLSX, external courses and the search.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
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

std::string ClockFile() { return ClockFilePath("courses"); }

struct Person {
  std::string tckn, first_name, last_name;
};

class CoursesE2E : public ServerSuite<CoursesE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFile(), "2026-03-02");
    unit34_ = {"unit", NextTckn(), kStaffPassword, "34"};
    unit34b_ = {"unit", NextTckn(), kStaffPassword, "34"};
    unit06_ = {"unit", NextTckn(), kStaffPassword, "06"};
    head_office_ = {"headOffice", NextTckn(), kStaffPassword, ""};
    auditor_ = {"auditor", NextTckn(), kStaffPassword, ""};
    ServerOptions o;
    o.staff = {unit34_, unit34b_, unit06_, head_office_, auditor_};
    o.extra_args = {"--clock-file", ClockFile()};
    return o;
  }
  static void TearDownTestSuite() {
    ServerSuite<CoursesE2E>::TearDownTestSuite();
    std::remove(ClockFile().c_str());
  }

  static void SeedSuite() {
    provider_ = RegisterAndLogin(port(), NewEmployer::Fresh("Boğaziçi Mesleki Eğitim A.Ş."));
    other_ = RegisterAndLogin(port(), NewEmployer::Fresh("Çamlıca Danışmanlık Ltd. Şti."));
    unit34_token_ = Login(port(), unit34_.tckn, unit34_.password);
    unit34b_token_ = Login(port(), unit34b_.tckn, unit34b_.password);
    unit06_token_ = Login(port(), unit06_.tckn, unit06_.password);
    head_token_ = Login(port(), head_office_.tckn, head_office_.password);
    auditor_token_ = Login(port(), auditor_.tckn, auditor_.password);
    for (const auto& [first, last] : std::vector<std::pair<std::string, std::string>>{
             {"Gülşen", "Kılıç"}, {"İsmail", "Öğüt"}, {"Şükrü", "Çağlar"}, {"Ayşegül", "Işık"}}) {
      people_.push_back(Register({NextTckn(), first, last}));
    }
  }

  // Moves the server's calendar and logs everyone in again (sessions expire on that clock).
  static void MoveTo(const std::string& date) {
    SetClockDate(ClockFile(), date);
    unit34_token_ = Login(port(), unit34_.tckn, unit34_.password);
    head_token_ = Login(port(), head_office_.tckn, head_office_.password);
    provider_.token = Login(port(), provider_.input.tckn, provider_.input.password);
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

  static json::object CourseBody(std::int64_t quota = 2, const std::string& province = "34",
                                 const std::string& district = "Kadıköy") {
    return {{"name", "Bilgisayarlı Muhasebe Kursu"}, {"province", province}, {"district", district},
            {"occupation", "4311"}, {"startDate", "2026-03-02"}, {"endDate", "2026-04-30"},
            {"traineeQuota", quota}};
  }

  // Read-your-writes for the search, which reads the courses projection.
  static std::string Fresh() { return "minPosition=" + std::to_string(HealthPosition(port())); }

  static std::string Path(const std::string& id, const std::string& rest = "") { return "/api/v1/courses/" + id + rest; }

  static HttpResponse Act(const std::string& id, const std::string& action, const std::string& token,
                          json::object body = {}) {
    return Post(port(), Path(id, "/" + action), body, token);
  }

  // A course of province 34 in inPreparation with the provider named, criteria set, opened.
  static std::string OpenedCourse(std::int64_t quota = 2) {
    const auto created = Post(port(), "/api/v1/courses", CourseBody(quota), unit34_token_);
    if (created.status != 201) throw std::runtime_error("course: " + created.body);
    const std::string id = Str(created.Json(), "id");
    Expect200(Act(id, "mark-to-be-opened", unit34_token_));
    Expect200(Act(id, "prepare", unit34_token_, {{"serviceProviderId", provider_.id}}));
    Expect200(Put(port(), Path(id, "/criteria"), json::object{{"eLearning", false}, {"forUnemploymentInsuranceRecipients", true}},
                  unit34_token_));
    Expect200(Act(id, "open", unit34_token_));
    return id;
  }

  static void Expect200(const HttpResponse& r) {
    if (r.status != 200) throw std::runtime_error("expected 200: " + std::to_string(r.status) + " " + r.body);
  }

  static json::array Tckns(std::initializer_list<std::size_t> which) {
    json::array a;
    for (auto i : which) a.push_back(json::value(people_[i].tckn));
    return a;
  }

  // Invite, accept and record `result` for a candidacy in one batch (today's interview).
  static json::array Interview(const std::string& candidacy, const std::string& result, const std::string& day) {
    return {json::object{{"candidacyId", candidacy}, {"action", "setInterviewDate"}, {"interviewDate", day}},
            json::object{{"candidacyId", candidacy}, {"action", "setInvitationResponse"}, {"response", "accepted"}},
            json::object{{"candidacyId", candidacy}, {"action", "setInterviewResult"}, {"result", result}}};
  }

  static HttpResponse Changes(const std::string& id, json::array changes, const std::string& token) {
    return Post(port(), Path(id, "/candidates/changes"), json::object{{"changes", std::move(changes)}}, token);
  }

  static json::array Concat(json::array a, const json::array& b) {
    for (const auto& v : b) a.push_back(v);
    return a;
  }

  static inline StaffUser unit34_, unit34b_, unit06_, head_office_, auditor_;
  static inline Employer provider_, other_;
  static inline std::string unit34_token_, unit34b_token_, unit06_token_, head_token_, auditor_token_;
  static inline std::vector<Person> people_;
};

TEST_F(CoursesE2E, LifecycleWithItsPinnedRefusalsAndVisibility) {
  SetClockDate(ClockFile(), "2026-03-02");
  const auto created = Post(port(), "/api/v1/courses", CourseBody(), unit34_token_);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = Str(created.Json(), "id");
  EXPECT_EQ(id.substr(0, 12), "KRS-2026-34-");
  EXPECT_EQ(Str(created.Json(), "status"), "planned");
  EXPECT_GT(Int(created.Json(), "position"), 0);

  // Visibility: the province's unit user and head office; not the provider before
  // inPreparation, another province, another employer; the auditor has no course routes.
  ExpectProblem(Get(port(), Path(id), unit06_token_), 404, "course_not_found");
  ExpectProblem(Get(port(), Path(id), auditor_token_), 403, "forbidden");
  EXPECT_EQ(Get(port(), Path(id), head_token_).status, 200);
  const auto planned = Get(port(), Path(id), unit34_token_);
  ASSERT_EQ(planned.status, 200);
  EXPECT_EQ(planned.Header("ETag"), "\"" + std::to_string(Int(planned.Json(), "version")) + "\"");
  EXPECT_EQ(Strings(Arr(planned.Json(), "availableActions")),
            (std::vector<std::string>{"markToBeOpened", "assignTrainers", "reports"}));
  EXPECT_TRUE(Field(planned.Json(), "criteria")->is_null());
  EXPECT_EQ(Str(planned.Json(), "occupationName").empty(), false);

  ExpectProblem(Act(id, "open", unit34_token_), 409, "invalid_course_transition");
  ExpectProblem(Act(id, "mark-to-be-opened", unit06_token_), 404, "course_not_found");
  // A stale If-Match is 412.
  ExpectProblem(Post(port(), Path(id, "/mark-to-be-opened"), json::object{}, unit34_token_, {{"If-Match", "\"99\""}}),
                412, "version_mismatch");
  ASSERT_EQ(Str(Act(id, "mark-to-be-opened", unit34_token_).Json(), "status"), "toBeOpened");
  ExpectProblem(Act(id, "prepare", unit34_token_, {{"serviceProviderId", "9999999999"}}), 422, "validation_failed");
  const auto prepared = Act(id, "prepare", unit34_token_, {{"serviceProviderId", provider_.id}});
  ASSERT_EQ(prepared.status, 200) << prepared.body;
  EXPECT_EQ(Str(prepared.Json(), "status"), "inPreparation");

  // From inPreparation on, the provider sees it; another employer does not.
  const auto seen = Get(port(), Path(id), provider_.token);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(Str(seen.Json(), "serviceProviderId"), provider_.id);
  ExpectProblem(Get(port(), Path(id), other_.token), 404, "course_not_found");

  ExpectProblem(Act(id, "open", head_token_), 403, "only_unit_user_can_open");
  ExpectProblem(Act(id, "open", provider_.token), 403, "only_unit_user_can_open");
  ExpectProblem(Act(id, "open", unit34_token_), 409, "course_criteria_missing");
  const auto bad_criteria =
      Put(port(), Path(id, "/criteria"), json::object{{"eLearning", false}, {"forUnemploymentInsuranceRecipients", false},
                                                      {"educationLevel", "phd?"}, {"targetGroups", json::array{"x"}}},
          unit34_token_);
  const auto problem = ExpectProblem(bad_criteria, 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(problem, "educationLevel", "unknown_value")) << bad_criteria.body;
  EXPECT_TRUE(HasFieldError(problem, "targetGroups[0]", "unknown_value")) << bad_criteria.body;
  ExpectProblem(Put(port(), Path(id, "/criteria"), json::object{{"eLearning", true}, {"forUnemploymentInsuranceRecipients", false}},
                    provider_.token),
                403, "forbidden");
  ASSERT_EQ(Put(port(), Path(id, "/criteria"),
                json::object{{"eLearning", true}, {"forUnemploymentInsuranceRecipients", false}, {"minAge", 18}},
                unit34_token_)
                .status,
            200);
  const auto opened = Act(id, "open", unit34_token_);
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(Str(opened.Json(), "status"), "opened");
  const auto doc = Get(port(), Path(id), unit34_token_).Json();
  EXPECT_EQ(Int(*Field(doc, "criteria"), "minAge"), 18);
  EXPECT_TRUE(Bool(*Field(doc, "criteria"), "eLearning"));
  EXPECT_EQ(Str(doc, "candidateListState"), "open");
  EXPECT_EQ(Int(doc, "completionPercent"), 0);
  ExpectProblem(Act(id, "approve-candidate-list", unit34_token_), 409, "list_not_frozen");
  ExpectProblem(Act(id, "freeze-candidate-list", provider_.token), 409, "no_principal_candidates");
  ExpectProblem(Act(id, "finish", unit34_token_), 409, "invalid_course_transition");
}

TEST_F(CoursesE2E, CandidatesFromSelectionToTraineesWithOneApprovalUnderARace) {
  SetClockDate(ClockFile(), "2026-03-02");
  const std::string id = OpenedCourse(2);
  // Selection by the provider (same rights as the agency in opened).
  const auto selected =
      Post(port(), Path(id, "/candidates"), json::object{{"tckns", Tckns({0, 1, 2})}}, provider_.token);
  ASSERT_EQ(selected.status, 200) << selected.body;
  const auto selected_doc = selected.Json();
  const auto& made = Arr(selected_doc, "candidacies");
  ASSERT_EQ(made.size(), 3u);
  EXPECT_EQ(Str(made[0], "id"), "1");
  EXPECT_EQ(Str(made[2], "tckn"), people_[2].tckn);
  auto again = ExpectProblem(Post(port(), Path(id, "/candidates"), json::object{{"tckns", Tckns({3, 0})}}, unit34_token_),
                             409, "already_candidate");
  EXPECT_TRUE(HasFieldError(again, "tckns[1]", "already_candidate")) << again;
  auto unknown = ExpectProblem(
      Post(port(), Path(id, "/candidates"), json::object{{"tckns", json::array{NextTckn()}}}, unit34_token_), 422,
      "validation_failed");
  EXPECT_TRUE(HasFieldError(unknown, "tckns[0]", "not_registered"));
  ExpectProblem(Post(port(), Path(id, "/candidates"), json::object{{"tckns", Tckns({3})}}, other_.token), 404,
                "course_not_found");

  // One batch: a refusal in the last change applies nothing.
  const auto refused = Changes(
      id, json::array{json::object{{"candidacyId", "3"}, {"action", "markRemoved"}},
                      json::object{{"candidacyId", "1"}, {"action", "setInterviewResult"}, {"result", "suitablePrincipal"}}},
      provider_.token);
  ExpectProblem(refused, 409, "invalid_candidate_transition");
  EXPECT_EQ(Int(Get(port(), Path(id, "/candidates?list=removed"), unit34_token_).Json(), "total"), 0);
  ExpectProblem(Changes(id, json::array{json::object{{"candidacyId", "1"}, {"action", "setInterviewDate"}, {"interviewDate", "2026-03-02"}},
                                        json::object{{"candidacyId", "1"}, {"action", "setInterviewResult"}, {"result", "suitablePrincipal"}}},
                        provider_.token),
                409, "invitation_not_accepted");
  const auto unknown_change = ExpectProblem(
      Changes(id, json::array{json::object{{"candidacyId", "42"}, {"action", "markRemoved"}}}, provider_.token), 422,
      "validation_failed");
  EXPECT_TRUE(HasFieldError(unknown_change, "changes[0].candidacyId", "unknown_value"));

  auto batch = Concat(Interview("1", "suitablePrincipal", "2026-03-02"), Interview("2", "suitableReserve", "2026-03-02"));
  batch.push_back(json::object{{"candidacyId", "3"}, {"action", "markRemoved"}});
  const auto saved = Changes(id, batch, provider_.token);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(Int(Get(port(), Path(id, "/candidates?list=removed"), unit34_token_).Json(), "total"), 1);
  EXPECT_EQ(Int(Get(port(), Path(id, "/candidates?list=invited"), unit34_token_).Json(), "total"), 2);
  EXPECT_EQ(Int(Get(port(), Path(id, "/candidates?list=candidateTraineeList"), unit34_token_).Json(), "total"), 2);
  EXPECT_EQ(Int(Get(port(), Path(id, "/candidates?list=selected"), unit34_token_).Json(), "total"), 0);
  const auto list = Get(port(), Path(id, "/candidate-list"), provider_.token).Json();
  EXPECT_EQ(Str(list, "state"), "open");
  ASSERT_EQ(Arr(list, "principals").size(), 1u);
  EXPECT_EQ(Str(Arr(list, "principals")[0], "firstName"), "Gülşen");
  EXPECT_EQ(Str(Arr(list, "reserves")[0], "interviewResult"), "suitableReserve");

  ASSERT_EQ(Act(id, "freeze-candidate-list", provider_.token).status, 200);
  ExpectProblem(Post(port(), Path(id, "/candidates"), json::object{{"tckns", Tckns({3})}}, unit34_token_), 409,
                "candidate_list_frozen");
  ExpectProblem(Act(id, "approve-candidate-list", provider_.token), 403, "forbidden");

  // Two unit users approve the same list at once: one wins, the other gets 409 or 412, and
  // the principal is enrolled once.
  const auto version = Get(port(), Path(id), unit34_token_).Json();
  const std::string etag = "\"" + std::to_string(Int(version, "version")) + "\"";
  std::array<HttpResponse, 2> answers;
  std::thread a([&] { answers[0] = Post(port(), Path(id, "/approve-candidate-list"), json::object{}, unit34_token_, {{"If-Match", etag}}); });
  std::thread b([&] { answers[1] = Post(port(), Path(id, "/approve-candidate-list"), json::object{}, unit34b_token_); });
  a.join();
  b.join();
  const int wins = (answers[0].status == 200) + (answers[1].status == 200);
  EXPECT_EQ(wins, 1) << answers[0].body << " | " << answers[1].body;
  for (const auto& r : answers) {
    if (r.status != 200) EXPECT_TRUE(r.status == 409 || r.status == 412) << r.status << " " << r.body;
  }
  const auto trainees = Get(port(), Path(id, "/trainees"), unit34_token_).Json();
  ASSERT_EQ(Int(trainees, "total"), 1);
  EXPECT_EQ(Str(Arr(trainees, "items")[0], "status"), "active");
  EXPECT_EQ(Str(Get(port(), Path(id), unit34_token_).Json(), "status"), "inProgress");

  // inProgress: the provider is out of the interview pages; promotion fills a vacancy.
  ExpectProblem(Get(port(), Path(id, "/candidates"), provider_.token), 403, "service_provider_no_access");
  ExpectProblem(Changes(id, json::array{json::object{{"candidacyId", "3"}, {"action", "restore"}}}, provider_.token), 403,
                "service_provider_no_access");
  ExpectProblem(Post(port(), Path(id, "/candidates/1/promote"), json::object{}, unit34_token_), 409, "not_promotable");
  const auto promoted = Post(port(), Path(id, "/candidates/2/promote"), json::object{}, unit34_token_);
  ASSERT_EQ(promoted.status, 200) << promoted.body;
  EXPECT_EQ(Int(Get(port(), Path(id, "/trainees"), unit34_token_).Json(), "total"), 2);

  // The 24-month rule: Gülşen is a trainee now, so another course refuses her.
  const std::string next = OpenedCourse(2);
  const auto recent =
      ExpectProblem(Post(port(), Path(next, "/candidates"), json::object{{"tckns", Tckns({3, 0})}}, unit34_token_), 409,
                    "course_within_24_months");
  EXPECT_TRUE(HasFieldError(recent, "tckns[1]", "course_within_24_months")) << recent;

  // The completion cutoff (60 days: 2026-03-08 = 10 %, 2026-03-09 = 11 %).
  ASSERT_EQ(Post(port(), Path(id, "/trainees/1/departure"), json::object{{"reason", "left"}}, unit34_token_).status, 200);
  MoveTo("2026-03-09");
  ExpectProblem(Post(port(), Path(id, "/candidates"), json::object{{"tckns", Tckns({3})}}, unit34_token_), 409,
                "completion_threshold_passed");
  EXPECT_EQ(Int(Get(port(), Path(id), unit34_token_).Json(), "completionPercent"), 11);
  ExpectProblem(Post(port(), Path(id, "/trainees/2/departure"), json::object{{"reason", "gone"}}, unit34_token_), 422,
                "validation_failed");
  ExpectProblem(Act(id, "finish", unit34_token_), 409, "course_not_ended");
  MoveTo("2026-04-30");
  const auto finished = Act(id, "finish", unit34_token_);
  ASSERT_EQ(finished.status, 200) << finished.body;
  EXPECT_EQ(Str(finished.Json(), "status"), "finished");
  const auto after = Get(port(), Path(id, "/trainees"), provider_.token).Json();
  ASSERT_EQ(Arr(after, "items").size(), 2u);
  EXPECT_EQ(Str(Arr(after, "items")[0], "status"), "left");
  EXPECT_EQ(Str(Arr(after, "items")[1], "status"), "completed");

  // Reports: JSON, PDF (text read back) and XLSX (rows compared with the JSON).
  MoveTo("2026-03-02");
  const std::string report = Path(id, "/reports/principal-reserve-list");
  const auto json_report = Get(port(), report, unit34_token_);
  ASSERT_EQ(json_report.status, 200) << json_report.body;
  const auto rows = Arr(json_report.Json(), "rows");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Str(rows[0], "listType"), "principal");
  EXPECT_EQ(Str(rows[0], "traineeStatus"), "left");
  EXPECT_EQ(Str(rows[1], "listType"), "reserve");
  EXPECT_EQ(Str(rows[1], "traineeStatus"), "completed");
  const auto pdf = Get(port(), report, unit34_token_, {{"Accept", "application/pdf"}});
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  const std::string text = PdfText(pdf.body);
  EXPECT_NE(text.find("Kursiyer Asil/Yedek Listesi"), std::string::npos) << text;
  EXPECT_NE(text.find("Gülşen"), std::string::npos) << text;
  EXPECT_NE(text.find("Öğüt"), std::string::npos) << text;
  const auto xlsx = Get(port(), report + "?format=xlsx", unit34_token_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.Header("Content-Type"), kXlsx);
  auto sheet = istihdam::ReadXlsxFirstSheet(xlsx.body);
  ASSERT_TRUE(sheet.ok()) << sheet.error().detail;
  std::size_t header = 0;
  while (header < sheet->size() && ((*sheet)[header].empty() || (*sheet)[header][0] != "T.C. Kimlik No")) ++header;
  ASSERT_LT(header, sheet->size());
  ASSERT_GE(sheet->size(), header + 1 + rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = (*sheet)[header + 1 + i];
    ASSERT_GE(r.size(), 4u);
    EXPECT_EQ(r[0], Str(rows[i], "tckn"));
    EXPECT_EQ(r[1], Str(rows[i], "firstName"));
    EXPECT_EQ(r[2], Str(rows[i], "lastName"));
    EXPECT_EQ(r[3], Str(rows[i], "listType") == "principal" ? "Asil" : "Yedek");
  }
  ExpectProblem(Get(port(), report + "?format=doc", unit34_token_), 400, "invalid_parameter");
  ExpectProblem(Get(port(), Path(next, "/reports/principal-reserve-list"), unit34_token_), 404, "no_records");
  const auto employment = Get(port(), Path(id, "/reports/cumulative-employment"), head_token_);
  ASSERT_EQ(employment.status, 200) << employment.body;
  EXPECT_EQ(Int(employment.Json(), "trainees"), 2);
  EXPECT_EQ(Int(employment.Json(), "employed"), 0);
}

TEST_F(CoursesE2E, TrainersAreAssignedByTheirOwnerOrTheAgency) {
  MoveTo("2026-03-02");
  const std::string id = OpenedCourse(2);
  auto trainer = [](const std::string& token, const std::string& first) {
    const auto r = Post(port(), "/api/v1/trainers",
                        json::object{{"tckn", NextTckn()}, {"firstName", first}, {"lastName", "Eğitmen"}, {"occupation", "2512"}},
                        token);
    if (r.status != 201) throw std::runtime_error("trainer: " + r.body);
    return Str(r.Json(), "id");
  };
  const std::string mine = trainer(provider_.token, "Özge");
  const std::string theirs = trainer(other_.token, "Çetin");
  const std::string agencys = trainer(unit34_token_, "İlker");
  ExpectProblem(Post(port(), Path(id, "/trainers"), json::object{{"trainerIds", json::array{mine, theirs}}}, provider_.token),
                403, "trainer_not_owned");
  const auto unknown = ExpectProblem(
      Post(port(), Path(id, "/trainers"), json::object{{"trainerIds", json::array{agencys, "6999999999"}}}, unit34_token_),
      422, "validation_failed");
  EXPECT_TRUE(HasFieldError(unknown, "trainerIds[1]", "unknown_value")) << unknown;
  const auto assigned =
      Post(port(), Path(id, "/trainers"), json::object{{"trainerIds", json::array{mine}}}, provider_.token);
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  const auto version = Int(assigned.Json(), "version");
  // Re-assigning is a no-op: the version stays.
  const auto again = Post(port(), Path(id, "/trainers"), json::object{{"trainerIds", json::array{mine}}}, provider_.token);
  EXPECT_EQ(Int(again.Json(), "version"), version);
  ASSERT_EQ(Post(port(), Path(id, "/trainers"), json::object{{"trainerIds", json::array{agencys}}}, unit34_token_).status, 200);
  const auto doc = Get(port(), Path(id) + "?" + "minPosition=" + std::to_string(HealthPosition(port())), provider_.token);
  const auto trainers = Arr(doc.Json(), "trainers");
  ASSERT_EQ(trainers.size(), 2u);
  EXPECT_EQ(Str(trainers[0], "firstName"), "Özge");
  EXPECT_EQ(Str(trainers[1], "firstName"), "İlker");
  // A trainer on an opened course cannot be deleted; once unassigned it can.
  ExpectProblem(Delete(port(), "/api/v1/trainers/" + mine, provider_.token), 409, "trainer_assigned");
  ASSERT_EQ(Delete(port(), Path(id, "/trainers/" + mine), provider_.token).status, 200);
  ExpectProblem(Delete(port(), Path(id, "/trainers/" + mine), provider_.token), 404, "trainer_not_assigned");
  const auto deleted = Delete(port(), "/api/v1/trainers/" + mine + "?minPosition=" + std::to_string(HealthPosition(port())),
                              provider_.token);
  EXPECT_EQ(deleted.status, 200) << deleted.body;
}

TEST_F(CoursesE2E, ExternalCoursesArePendingUntilTheAgencyApproves) {
  SetClockDate(ClockFile(), "2026-03-02");
  auto with_provider = CourseBody();
  with_provider["serviceProviderId"] = other_.id;
  const auto refused = ExpectProblem(Post(port(), "/api/v1/courses", with_provider, provider_.token), 422,
                                     "validation_failed");
  EXPECT_TRUE(HasFieldError(refused, "serviceProviderId", "not_applicable"));
  const auto created = Post(port(), "/api/v1/courses", CourseBody(5, "34", "Üsküdar"), provider_.token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = Str(created.Json(), "id");
  const auto doc = Get(port(), Path(id), provider_.token).Json();
  EXPECT_TRUE(Bool(doc, "external"));
  EXPECT_EQ(Str(doc, "approval"), "pending");
  EXPECT_EQ(Str(doc, "serviceProviderId"), provider_.id);
  ExpectProblem(Get(port(), Path(id), other_.token), 404, "course_not_found");

  // SearchExternalCourses = external=true&approval=pending (planned: asked for by status).
  const auto pending = Get(port(), "/api/v1/courses?status=planned&external=true&approval=pending&" + Fresh(),
                           unit34_token_).Json();
  bool listed = false;
  for (const auto& item : Arr(pending, "items")) listed = listed || Str(item, "id") == id;
  EXPECT_TRUE(listed) << pending;
  ExpectProblem(Act(id, "mark-to-be-opened", unit34_token_), 409, "external_course_not_approved");
  ExpectProblem(Act(id, "approve-external", provider_.token), 403, "forbidden");
  const auto approved = Act(id, "approve-external", unit34_token_);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(Str(approved.Json(), "status"), "planned");
  EXPECT_EQ(Str(Get(port(), Path(id), unit34_token_).Json(), "approval"), "approved");
  ExpectProblem(Act(id, "approve-external", unit34_token_), 409, "invalid_course_transition");
}

TEST_F(CoursesE2E, SearchForcesTheUnitUsersProvinceAndHidesPlanned) {
  SetClockDate(ClockFile(), "2026-03-02");
  const auto planned = Post(port(), "/api/v1/courses", CourseBody(3, "34", "Beşiktaş"), unit34_token_);
  ASSERT_EQ(planned.status, 201);
  const std::string planned_id = Str(planned.Json(), "id");
  const std::string opened_id = OpenedCourse(3);
  auto ids_of = [](const json::value& page) {
    std::vector<std::string> ids;
    for (const auto& item : Arr(page, "items")) ids.push_back(Str(item, "id"));
    return ids;
  };
  const auto all = Get(port(), "/api/v1/courses?pageSize=100&" + Fresh(), unit34_token_).Json();
  EXPECT_FALSE(Has(ids_of(all), planned_id));
  EXPECT_TRUE(Has(ids_of(all), opened_id));
  ASSERT_FALSE(Arr(all, "items").empty());
  EXPECT_FALSE(Arr(all, "items")[0].as_object().contains("criteria")) << "list items leave criteria out";
  EXPECT_TRUE(Has(ids_of(Get(port(), "/api/v1/courses?status=planned&pageSize=100&" + Fresh(), unit34_token_).Json()), planned_id));
  EXPECT_TRUE(Has(ids_of(Get(port(), "/api/v1/courses?status=opened&district=Kad%C4%B1k%C3%B6y&pageSize=100&" + Fresh(),
                             head_token_).Json()),
                  opened_id));
  ExpectProblem(Get(port(), "/api/v1/courses?province=34", unit06_token_), 403, "other_province");
  EXPECT_EQ(Int(Get(port(), "/api/v1/courses", unit06_token_).Json(), "total"), 0);
  ExpectProblem(Get(port(), "/api/v1/courses?startFrom=2026-13-01", unit34_token_), 400, "invalid_parameter");
  // The provider sees the opened course it serves, not the planned one.
  const auto mine = ids_of(Get(port(), "/api/v1/courses?pageSize=100&" + Fresh(), provider_.token).Json());
  EXPECT_TRUE(Has(mine, opened_id));
  EXPECT_FALSE(Has(mine, planned_id));
  // Another province's course by a unit user: 403 other_province; a bad field: 422.
  ExpectProblem(Post(port(), "/api/v1/courses", CourseBody(3, "06", "Çankaya"), unit34_token_), 403, "other_province");
  auto bad = CourseBody(0, "34", "Yok");
  bad["endDate"] = "2026-01-01";
  const auto problem = ExpectProblem(Post(port(), "/api/v1/courses", bad, unit34_token_), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(problem, "district", "unknown_value"));
  EXPECT_TRUE(HasFieldError(problem, "endDate", "before_valid_from"));
  EXPECT_TRUE(HasFieldError(problem, "traineeQuota"));
}

}  // namespace
}  // namespace e2e
