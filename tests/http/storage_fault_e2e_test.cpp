// Storage faults as an operator meets them, against the real binary: a corrupted block in the
// event log (verify, events, rebuild and the auditors' history API all say so), and a disk that
// fills up under load (writes answer 503, reads go on, /health degrades, SIGTERM exits cleanly,
// nothing acknowledged is lost once space is back).
#include <sys/mount.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "e2e_helpers.h"
#include "events/codec.h"
#include "events/workplaces.h"
#include "infra/clock.h"
#include "infra/event_store.h"
#include "tests/storage_damage.h"

namespace e2e {
namespace {

constexpr const char* kAuditorTckn = "34567890170";  // the demo auditor (README)
constexpr const char* kAuditorPassword = "Denetci1234!";

std::size_t CountLines(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(StorageFaultE2e, ACorruptedBlockIsReportedByEveryReaderOfTheLog) {
  ServerOptions options;
  options.demo = true;
  ServerProcess server(options);
  const std::uint64_t last = HealthPosition(server.port());
  ASSERT_GT(last, 100u);
  ASSERT_EQ(server.Stop(), 0);
  istihdam::testing::CorruptLargestSst(server.data_dir());

  const auto verify = RunIstihdam({"verify", "--data-dir", server.data_dir()});
  EXPECT_EQ(verify.exit_code, 1) << verify.err;
  EXPECT_NE(verify.err.find("cannot be read"), std::string::npos) << verify.err;
  EXPECT_NE(verify.err.find("Corruption"), std::string::npos) << verify.err;

  const auto dump = RunIstihdam({"events", "--data-dir", server.data_dir()});
  EXPECT_EQ(dump.exit_code, 1) << dump.err;
  EXPECT_NE(dump.err.find("store_corrupted"), std::string::npos) << dump.err;
  EXPECT_LT(CountLines(dump.out, "\n"), last);

  const auto rebuild = RunIstihdam({"rebuild", "--data-dir", server.data_dir()});
  EXPECT_EQ(rebuild.exit_code, 1) << rebuild.err;
  EXPECT_NE(rebuild.err.find("store_corrupted"), std::string::npos) << rebuild.err;

  // The workplaces projector is made to replay from the start (its checkpoint row removed), so
  // that it runs into the damaged block.
  {
    auto db = istihdam::Database::Open(server.data_dir());
    ASSERT_TRUE(db.ok()) << db.error().detail;
    auto st = (*db)->db()->Delete(rocksdb::WriteOptions(), (*db)->Family(istihdam::cf::kCheckpoints),
                                  "checkpoint/workplaces/1");
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  // The server still starts and serves what its read models hold; the history API pages up to
  // the damage and then answers 500 store_corrupted, never an empty page.
  server.Start();
  json::value health;
  ASSERT_TRUE(WaitUntil(
      [&] {
        const auto r = Get(server.port(), "/health");
        health = r.Json();
        return r.status == 503;
      },
      std::chrono::seconds(20)))
      << json::serialize(health);
  EXPECT_EQ(Str(health, "status"), "degraded");
  EXPECT_EQ(Str(health, "writes"), "ok");
  for (const auto& p : Arr(health, "projections")) {
    if (Str(p, "name") != "workplaces") continue;
    EXPECT_EQ(Str(p, "state"), "stalled");
    EXPECT_GT(Int(p, "lag"), 0);
    EXPECT_NE(Str(p, "error").find("cannot be read"), std::string::npos) << json::serialize(p);
  }
  EXPECT_NE(Get(server.port(), "/metrics").body.find("istihdam_projection_stalled{projection=\"workplaces\"} 1"),
            std::string::npos);
  EXPECT_EQ(static_cast<std::uint64_t>(Int(health, "position")), last);
  const std::string token = Login(server.port(), kAuditorTckn, kAuditorPassword);
  bool reported = false;
  for (std::uint64_t from = 1, pages = 0; from <= last && pages < 100; ++pages) {
    const auto r = Get(server.port(), "/api/v1/events?from=" + std::to_string(from) + "&limit=50", token);
    if (r.status == 500) {
      ExpectProblem(r, 500, "store_corrupted");
      reported = true;
      break;
    }
    ASSERT_EQ(r.status, 200) << r.body;
    const auto& items = Arr(r.Json(), "items");
    ASSERT_FALSE(items.empty()) << "an empty page at " << from << " reads as the end of the log";
    from = static_cast<std::uint64_t>(Int(r.Json(), "next"));
  }
  EXPECT_TRUE(reported);
  const auto schedules = Get(server.port(), "/api/v1/workplaces/3000000001/workforce-schedules",
                             Login(server.port(), "10000000146", "Demo1234!"));
  EXPECT_EQ(schedules.status, 200) << schedules.body;
}

// An event written by an older version, before the log refused text that is not UTF-8: the
// log is immutable, so verify passes the chain and warns with the position and the field.
TEST(StorageFaultE2e, VerifyWarnsAboutStoredTextThatIsNotUtf8) {
  ServerOptions options;
  options.start = false;
  ServerProcess server(options);
  {
    istihdam::crypto::Init();
    auto db = istihdam::Database::Open(server.data_dir());
    ASSERT_TRUE(db.ok()) << db.error().detail;
    istihdam::ManualClock clock(1'768'467'600'000'000LL);
    istihdam::EventStore store(db->get(), &clock);
    istihdam::events::WorkplaceRegistered good;
    good.workplace_id = "3000000001";
    good.title = "Doğru Metin A.Ş.";
    istihdam::events::WorkplaceRegistered bad = good;
    bad.workplace_id = "3000000002";
    bad.info.address = "Fu\xff\xfezz";
    istihdam::AppendRequest req;
    req.streams.push_back({"workplace-3000000001", istihdam::ExpectedVersion::NoStream(),
                           {istihdam::events::Encode(good)}});
    req.streams.push_back({"workplace-3000000002", istihdam::ExpectedVersion::NoStream(),
                           {istihdam::events::Encode(bad)}});
    ASSERT_TRUE(store.Append(std::move(req)).ok());
  }
  const auto verify = RunIstihdam({"verify", "--data-dir", server.data_dir()});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_NE(verify.err.find("warning: position 2 (WorkplaceRegistered): data.info.address is not valid UTF-8 text"),
            std::string::npos)
      << verify.err;
  EXPECT_EQ(verify.err.find("position 1 "), std::string::npos) << verify.err;
  EXPECT_NE(verify.err.find("1 events hold text that is not valid UTF-8"), std::string::npos) << verify.err;
}

// A small tmpfs mounted for one test (root only; skipped elsewhere).
class SmallDisk {
 public:
  explicit SmallDisk(std::string dir) : dir_(std::move(dir)) {
    std::filesystem::create_directories(dir_);
    if (::geteuid() != 0) {
      error_ = "not root";
    } else if (::mount("tmpfs", dir_.c_str(), "tmpfs", 0, "size=8m,mode=0700") != 0) {
      error_ = std::string("mount: ") + std::strerror(errno);
    }
  }
  ~SmallDisk() {
    if (error_.empty()) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  const std::string& error() const { return error_; }
  bool Grow() { return ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT, "size=64m,mode=0700") == 0; }

 private:
  std::string dir_;
  std::string error_;
};

// Registers fresh employers from `threads` clients until every client has been refused with
// 503 store_failed (or the bound is reached). Returns the acknowledged registrations.
struct FillResult {
  std::size_t acknowledged = 0;
  std::size_t refused = 0;
  std::vector<std::string> unexpected;  // any other answer, or an acknowledgement after a refusal
};

FillResult FillTheDisk(std::uint16_t port, int threads, int max_per_thread) {
  FillResult result;
  std::mutex mu;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      bool refused = false;
      for (int i = 0; i < max_per_thread && !refused; ++i) {
        NewEmployer e;
        {
          std::lock_guard lock(mu);  // the generators are not thread-safe
          e = NewEmployer::Fresh("Dolu Disk " + std::to_string(t) + "-" + std::to_string(i));
        }
        HttpResponse r;
        try {
          r = Post(port, "/api/v1/registrations", RegistrationBody(e));
        } catch (const std::exception& ex) {
          std::lock_guard lock(mu);
          result.unexpected.push_back(std::string("no answer: ") + ex.what());
          return;
        }
        std::lock_guard lock(mu);
        if (r.status == 201) {
          ++result.acknowledged;
        } else if (r.status == 503 && r.body.find("\"store_failed\"") != std::string::npos) {
          ++result.refused;
          refused = true;
        } else {
          result.unexpected.push_back(std::to_string(r.status) + " " + r.body.substr(0, 300));
          return;
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  return result;
}

TEST(StorageFaultE2e, AFullDiskRefusesWritesServesReadsAndLosesNothingAcknowledged) {
  char config_dir[] = "/tmp/istihdam-disk-config-XXXXXX";
  ASSERT_NE(::mkdtemp(config_dir), nullptr);
  const std::string config = std::string(config_dir) + "/config.json";
  std::ofstream(config) << R"({"authRatePerClientPerMinute": 0, "authRatePerTcknPerMinute": 0})";
  ServerOptions options;
  options.start = false;
  options.extra_args = {"--config", config};
  ServerProcess server(options);
  SmallDisk disk(server.data_dir());
  if (!disk.error().empty()) GTEST_SKIP() << "needs a tmpfs mount: " << disk.error();
  server.Start();
  const Employer first = RegisterAndLogin(server.port(), NewEmployer::Fresh("İlk Kayıt A.Ş."));

  const FillResult fill = FillTheDisk(server.port(), 4, 20000);
  EXPECT_TRUE(fill.unexpected.empty()) << fill.unexpected.front();
  ASSERT_EQ(fill.refused, 4u) << "the disk never filled up; acknowledged " << fill.acknowledged;
  EXPECT_GT(fill.acknowledged, 0u);
  RecordProperty("acknowledged", static_cast<int>(fill.acknowledged));

  // The process is alive: health says why it is degraded, reads are served, writes refused.
  const auto health = Get(server.port(), "/health");
  EXPECT_EQ(health.status, 503) << health.body;
  EXPECT_EQ(Str(health.Json(), "status"), "degraded");
  EXPECT_EQ(Str(health.Json(), "writes"), "failed");
  EXPECT_NE(Str(health.Json(), "writeError").find("store_failed"), std::string::npos);
  EXPECT_EQ(Get(server.port(), "/health/live").status, 200);
  EXPECT_EQ(Get(server.port(), "/api/v1/workplaces", first.token).status, 200);
  ExpectProblem(Post(server.port(), "/api/v1/registrations", RegistrationBody(NewEmployer::Fresh("Geç Kalan Ltd."))),
                503, "store_failed");

  EXPECT_EQ(server.Stop(), 0) << "SIGTERM on a full disk must exit cleanly; log:\n" << server.Log().substr(0, 4000);

  // Restarting while the disk is still full either serves or refuses with a clear message;
  // it never aborts.
  try {
    server.Start();
    EXPECT_EQ(Get(server.port(), "/health/live").status, 200);
    EXPECT_EQ(server.Stop(), 0);
  } catch (const std::exception& e) {
    const std::string why = e.what();
    EXPECT_EQ(why.find("exited (-1)"), std::string::npos) << why;
    EXPECT_NE(why.find("disk is full"), std::string::npos) << why;
  }

  // With space again every acknowledged registration is in a log that verifies.
  ASSERT_TRUE(disk.Grow());
  server.Start();
  EXPECT_EQ(Get(server.port(), "/health").status, 200);
  ASSERT_EQ(server.Stop(), 0);
  const auto verify = RunIstihdam({"verify", "--data-dir", server.data_dir()});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  const auto dump = RunIstihdam({"events", "--data-dir", server.data_dir()}, std::chrono::seconds(60));
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  EXPECT_GE(CountLines(dump.out, "\"type\":\"EmployerRegistered\""), fill.acknowledged + 1);
  std::filesystem::remove_all(config_dir);
}

}  // namespace
}  // namespace e2e
