// As-of reads over the real binary (docs/audit.md "As-of reads"): a workplace changed twice,
// read as of each position and as of instants of the server's clock file; the 404 before it
// existed, malformed asOf values, and who may read whose document.
#include "e2e_helpers.h"

namespace e2e {
namespace {

constexpr const char* kAuditorPassword = "Denetci-Sifre-42";

std::string ClockFile() { return ClockFilePath("as-of"); }

class AsOfE2E : public ServerSuite<AsOfE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    SetClockDate(ClockFile(), "2026-05-01");
    auditor_tckn_ = NextTckn();
    ServerOptions o;
    o.staff.push_back({"auditor", auditor_tckn_, kAuditorPassword, ""});
    o.extra_args = {"--clock-file", ClockFile()};
    return o;
  }
  static void SeedSuite() {
    a_ = RegisterAndLogin(port(), NewEmployer::Fresh("Geçmiş Okuma A.Ş."));
    b_ = RegisterAndLogin(port(), NewEmployer::Fresh("Komşu Firma Ltd."));
    before_ = HealthPosition(port());  // the log's end just before the workplace was registered
    // A branch created on 2026-05-01, changed on 05-02 and 05-03 (12:00 UTC each day).
    const auto created = Post(port(), "/api/v1/workplaces",
                              WorkplaceBody("Geçmiş Okuma Kartal", NextSgkNo(), "34", "Kartal", "Adres Bir"), a_.token);
    if (created.status != 201) throw std::runtime_error("workplace: " + created.body);
    const auto cv = created.Json();
    id_ = Str(cv, "id");
    positions_.push_back(static_cast<std::uint64_t>(Int(cv, "position")));
    for (const auto& [date, address] : {std::pair{"2026-05-02", "Adres İki"}, std::pair{"2026-05-03", "Adres Üç"}}) {
      SetClockDate(ClockFile(), date);
      a_.token = Login(port(), a_.input.tckn, a_.input.password);  // the clock moved a day
      const auto got = Get(port(), Path() + "?minPosition=" + std::to_string(positions_.back()), a_.token);
      if (got.status != 200) throw std::runtime_error("get: " + got.body);
      auto doc = got.Json();
      doc.as_object()["address"] = address;
      const auto put = Put(port(), Path(), doc, a_.token, {{"If-Match", got.Header("ETag")}});
      if (put.status != 200) throw std::runtime_error("put: " + put.body);
      positions_.push_back(static_cast<std::uint64_t>(Int(put.Json(), "position")));
    }
    b_.token = Login(port(), b_.input.tckn, b_.input.password);
    auditor_token_ = Login(port(), auditor_tckn_, kAuditorPassword);
  }

 protected:
  static std::string Path() { return "/api/v1/workplaces/" + id_; }
  static std::string AsOf(const std::string& value) { return Path() + "?asOf=" + value; }

  static inline std::string auditor_tckn_, auditor_token_, id_;
  static inline Employer a_, b_;
  static inline std::uint64_t before_ = 0;
  static inline std::vector<std::uint64_t> positions_;  // created, first change, second change
};

const char* const kAddresses[] = {"Adres Bir", "Adres İki", "Adres Üç"};

TEST_F(AsOfE2E, EachPositionAnswersThatVersion) {
  ASSERT_EQ(positions_.size(), 3u);
  for (std::size_t i = 0; i < positions_.size(); ++i) {
    const auto r = Get(port(), AsOf(std::to_string(positions_[i])), a_.token);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto doc = r.Json();
    EXPECT_EQ(Str(doc, "address"), kAddresses[i]) << "as of " << positions_[i];
    EXPECT_EQ(Int(doc, "version"), static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(r.Header("ETag"), "\"" + std::to_string(i + 1) + "\"");
    EXPECT_EQ(r.Header("X-As-Of-Position"), std::to_string(positions_[i]));
    EXPECT_EQ(Str(doc, "id"), id_);
    EXPECT_EQ(Str(doc, "district"), "Kartal");
  }
  // Between two changes: the earlier version, at the position asked for.
  if (positions_[1] - positions_[0] > 1) {
    const auto r = Get(port(), AsOf(std::to_string(positions_[1] - 1)), a_.token);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(Str(r.Json(), "address"), kAddresses[0]);
    EXPECT_EQ(r.Header("X-As-Of-Position"), std::to_string(positions_[1] - 1));
  }
  // The same shape as the current document.
  const auto now = Get(port(), Path(), a_.token);
  const auto then = Get(port(), AsOf(std::to_string(positions_[2])), a_.token);
  ASSERT_EQ(now.status, 200) << now.body;
  EXPECT_EQ(now.Json(), then.Json());
  EXPECT_FALSE(now.HasHeader("X-As-Of-Position"));
}

TEST_F(AsOfE2E, BeforeTheWorkplaceExistedIs404) {
  ExpectProblem(Get(port(), AsOf(std::to_string(before_)), a_.token), 404, "workplace_not_found");
  ExpectProblem(Get(port(), AsOf("1"), a_.token), 404, "workplace_not_found");
}

TEST_F(AsOfE2E, BeyondTheLogIsReadAsOfItsLastPosition) {
  const auto r = Get(port(), AsOf("999999999"), a_.token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(r.Json(), "address"), kAddresses[2]);
  EXPECT_GE(std::stoull(r.Header("X-As-Of-Position")), positions_[2]);
  EXPECT_LT(std::stoull(r.Header("X-As-Of-Position")), 999999999u);
}

TEST_F(AsOfE2E, AnInstantReadsTheLastPositionRecordedAtOrBeforeIt) {
  // Events of 2026-05-01 were recorded at 12:00 UTC, of 05-02 at 12:00 UTC, and so on.
  auto r = Get(port(), AsOf("2026-05-01T23:59:59Z"), a_.token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(r.Json(), "address"), kAddresses[0]);
  const auto first_day = std::stoull(r.Header("X-As-Of-Position"));
  EXPECT_GE(first_day, positions_[0]);
  EXPECT_LT(first_day, positions_[1]);

  r = Get(port(), AsOf("2026-05-02T12:00:00Z"), a_.token);  // the instant of the first change itself
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(r.Json(), "address"), kAddresses[1]);
  EXPECT_EQ(r.Header("ETag"), "\"2\"");

  r = Get(port(), AsOf("2026-05-03T14:00:00%2B02:00"), a_.token);  // 12:00 UTC, with an offset
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(r.Json(), "address"), kAddresses[2]);
  EXPECT_GE(std::stoull(r.Header("X-As-Of-Position")), positions_[2]);

  // Before anything was recorded: nothing existed.
  ExpectProblem(Get(port(), AsOf("2026-05-01T11:59:59Z"), a_.token), 404, "workplace_not_found");
}

TEST_F(AsOfE2E, AMalformedAsOfIsNamed) {
  for (const char* bad : {"0", "-3", "abc", "12x", "2026-05-01", "2026-13-01T00:00:00Z", "2026-05-01T10:00:00",
                          "99999999999999999999999"}) {
    const auto p = ExpectProblem(Get(port(), AsOf(bad), a_.token), 400, "invalid_parameter");
    EXPECT_TRUE(HasFieldError(p, "asOf", "invalid_format")) << bad << ": " << json::serialize(p);
  }
}

TEST_F(AsOfE2E, AnAuditorReadsAnyEmployersWorkplaceReadOnly) {
  auto r = Get(port(), AsOf(std::to_string(positions_[1])), auditor_token_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(r.Json(), "address"), kAddresses[1]);
  EXPECT_EQ(r.Header("ETag"), "\"2\"");
  EXPECT_EQ(r.Header("X-As-Of-Position"), std::to_string(positions_[1]));
  // Without asOf: as of the log's last position.
  r = Get(port(), Path(), auditor_token_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(r.Json(), "address"), kAddresses[2]);
  EXPECT_TRUE(r.HasHeader("X-As-Of-Position"));
  ExpectProblem(Get(port(), AsOf(std::to_string(before_)), auditor_token_), 404, "workplace_not_found");
  ExpectProblem(Get(port(), "/api/v1/workplaces/3999999999?asOf=1", auditor_token_), 404, "workplace_not_found");
  // Read-only: the auditor cannot change it, nor list an employer's workplaces.
  const auto doc = Get(port(), Path(), a_.token).Json();
  EXPECT_EQ(Put(port(), Path(), doc, auditor_token_).status, 403);
  EXPECT_EQ(Get(port(), "/api/v1/workplaces", auditor_token_).status, 403);
}

TEST_F(AsOfE2E, AnotherEmployersWorkplaceStaysNotFound) {
  ExpectProblem(Get(port(), AsOf(std::to_string(positions_[2])), b_.token), 404, "workplace_not_found");
  ExpectProblem(Get(port(), AsOf("2026-05-03T12:00:00Z"), b_.token), 404, "workplace_not_found");
  ExpectProblem(Get(port(), Path(), b_.token), 404, "workplace_not_found");
}

}  // namespace
}  // namespace e2e
