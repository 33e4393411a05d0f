// Online backup and restore (docs/operations-backup.md) over the real binary: `istihdam backup`
// while the server serves (the server makes the backup through its socket), a second,
// incremental backup after more writes (one registration running during it), then each
// backup restored into a new data directory that passes `verify`, holds every column family
// and serves what was written before that backup and nothing after it.
#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "e2e_helpers.h"

namespace e2e {
namespace {

namespace fs = std::filesystem;

std::set<std::string> Families(const std::string& dir) {
  std::vector<std::string> names;
  const auto st = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
  EXPECT_TRUE(st.ok()) << dir << ": " << st.ToString();
  return {names.begin(), names.end()};
}

// Path -> (size, modification time) of every file under `dir`.
std::map<std::string, std::pair<std::uintmax_t, fs::file_time_type>> Files(const std::string& dir) {
  std::map<std::string, std::pair<std::uintmax_t, fs::file_time_type>> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[e.path().string()] = {e.file_size(), e.last_write_time()};
  }
  return out;
}

// "…: 12 files, 345 bytes, 67 bytes copied" -> {345, 67}.
std::pair<std::uint64_t, std::uint64_t> SizeAndCopied(const std::string& err) {
  std::smatch m;
  static const std::regex re(R"re((\d+) files, (\d+) bytes, (\d+) bytes copied)re");
  if (!std::regex_search(err, m, re)) {
    ADD_FAILURE() << "no sizes in: " << err;
    return {0, 0};
  }
  return {std::stoull(m[2].str()), std::stoull(m[3].str())};
}

int LoginStatus(std::uint16_t port, const NewEmployer& e) {
  return Post(port, "/api/v1/auth/login", json::object{{"tckn", e.tckn}, {"password", e.password}}).status;
}

// The employer's workplaces as the restored server answers them (its HQ, by id).
std::vector<std::string> WorkplaceIds(std::uint16_t port, const NewEmployer& e, std::uint64_t position) {
  const std::string token = Login(port, e.tckn, e.password);
  const auto r = Get(port, "/api/v1/workplaces?minPosition=" + std::to_string(position), token);
  EXPECT_EQ(r.status, 200) << r.body;
  const auto v = r.Json();
  std::vector<std::string> ids;
  for (const auto& w : Arr(v, "items")) ids.push_back(Str(w, "id"));
  return ids;
}

ServerOptions NotStarted() {
  ServerOptions o;
  o.start = false;
  return o;
}

TEST(BackupE2E, OnlineIncrementalBackupsRestoreToStoresThatVerifyAndServeTheSameAnswers) {
  ServerProcess server;
  const std::string backups = server.root_dir() + "/backups";

  const auto first = NewEmployer::Fresh("Yedek Öncesi Birinci A.Ş.");
  const auto second = NewEmployer::Fresh("Yedek Öncesi İkinci A.Ş.");
  const auto a = Register(server.port(), first);
  const auto b = Register(server.port(), second);
  const std::uint64_t before_first = HealthPosition(server.port());
  ASSERT_GE(before_first, b.position);

  // 1. The first backup, while the server runs: the server makes it (it holds the LOCK).
  const auto one = RunIstihdam({"backup", "--data-dir", server.data_dir(), "--to", backups});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, "1\n");
  EXPECT_NE(one.err.find("made by the running server"), std::string::npos) << one.err;
  const auto [size1, copied1] = SizeAndCopied(one.err);
  EXPECT_GT(size1, 0u);
  EXPECT_GE(copied1, size1);  // the first backup copies everything (plus its metadata)
  const auto files_after_one = Files(backups);
  ASSERT_EQ(HealthPosition(server.port()), before_first);  // still serving

  // 2. More writes, one of them racing the second backup.
  const auto third = NewEmployer::Fresh("Yedekler Arası Üçüncü A.Ş.");
  const auto c = Register(server.port(), third);
  const std::uint64_t before_second = HealthPosition(server.port());
  const auto racing = NewEmployer::Fresh("Yedekle Yarışan Dördüncü A.Ş.");
  Employer d;
  std::string writer_error;
  std::thread writer([&] {
    try {
      d = Register(server.port(), racing);
    } catch (const std::exception& e) {
      writer_error = e.what();
    }
  });
  const auto two = RunIstihdam({"backup", "--data-dir", server.data_dir(), "--to", backups, "--keep", "5"});
  writer.join();
  ASSERT_TRUE(writer_error.empty()) << writer_error;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(two.out, "2\n");
  const auto [size2, copied2] = SizeAndCopied(two.err);
  EXPECT_GT(size2, 0u);
  EXPECT_LT(copied2, size2) << "the second backup copied everything again: " << two.err;
  // Incremental: every file of the first backup is still there, untouched.
  const auto files_after_two = Files(backups);
  for (const auto& [path, stat] : files_after_one) {
    if (path.find("/meta/") != std::string::npos && path.find(".tmp") != std::string::npos) continue;
    ASSERT_TRUE(files_after_two.count(path)) << path << " of backup 1 is gone";
    EXPECT_EQ(files_after_two.at(path), stat) << path << " was rewritten";
  }
  const auto list = RunIstihdam({"restore", "--from", backups, "--list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 2) << list.out;
  EXPECT_EQ(list.out.rfind("1\t", 0), 0u) << list.out;
  const std::uint64_t after_second = HealthPosition(server.port());
  const auto source_families = Families(server.data_dir());
  for (const char* fixed : {"default", "events", "streams", "credentials", "sessions", "idempotency", "checkpoints",
                            "password_resets"}) {
    EXPECT_TRUE(source_families.count(fixed)) << fixed;
  }

  // 3. Restore refuses a directory that is not empty.
  const auto refused = RunIstihdam({"restore", "--from", backups, "--data-dir", server.data_dir()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("not an empty directory"), std::string::npos) << refused.err;

  // 4. Backup 1 restored: verify passes at the first position; it serves the two firms of
  // before and knows nothing of the later ones.
  ServerProcess r1(NotStarted());
  const auto restore1 =
      RunIstihdam({"restore", "--from", backups, "--data-dir", r1.data_dir(), "--backup-id", "1"});
  ASSERT_EQ(restore1.exit_code, 0) << restore1.err;
  EXPECT_EQ(Families(r1.data_dir()), source_families);
  const auto verify1 = RunIstihdam({"verify", "--data-dir", r1.data_dir()});
  ASSERT_EQ(verify1.exit_code, 0) << verify1.err;
  EXPECT_NE(verify1.err.find("ok, " + std::to_string(before_first) + " events"), std::string::npos) << verify1.err;
  r1.Start();
  EXPECT_EQ(HealthPosition(r1.port()), before_first);
  EXPECT_EQ(WorkplaceIds(r1.port(), first, before_first), std::vector<std::string>{a.hq_id});
  EXPECT_EQ(WorkplaceIds(r1.port(), second, before_first), std::vector<std::string>{b.hq_id});
  EXPECT_EQ(LoginStatus(r1.port(), third), 401);
  r1.Stop();

  // 5. Backup 2 (the newest, no --backup-id): everything acknowledged before it started, and
  // the racing registration either wholly in or wholly out.
  ServerProcess r2(NotStarted());
  const auto restore2 = RunIstihdam({"restore", "--from", backups, "--data-dir", r2.data_dir()});
  ASSERT_EQ(restore2.exit_code, 0) << restore2.err;
  EXPECT_EQ(Families(r2.data_dir()), source_families);
  const auto verify2 = RunIstihdam({"verify", "--data-dir", r2.data_dir()});
  ASSERT_EQ(verify2.exit_code, 0) << verify2.err;
  r2.Start();
  const std::uint64_t restored = HealthPosition(r2.port());
  EXPECT_GE(restored, before_second);
  EXPECT_LE(restored, after_second);
  EXPECT_EQ(WorkplaceIds(r2.port(), first, restored), std::vector<std::string>{a.hq_id});
  EXPECT_EQ(WorkplaceIds(r2.port(), third, restored), std::vector<std::string>{c.hq_id});
  if (restored >= d.position) {
    EXPECT_EQ(WorkplaceIds(r2.port(), racing, restored), std::vector<std::string>{d.hq_id});
  } else {
    EXPECT_EQ(LoginStatus(r2.port(), racing), 401);
  }
  r2.Stop();

  // 6. With no server on the directory, the command opens it itself.
  server.Stop();
  const auto offline = RunIstihdam({"backup", "--data-dir", server.data_dir(), "--to", backups, "--keep", "2"});
  ASSERT_EQ(offline.exit_code, 0) << offline.err;
  EXPECT_EQ(offline.out, "3\n");
  EXPECT_NE(offline.err.find("made by this process"), std::string::npos) << offline.err;
  const auto kept = RunIstihdam({"restore", "--from", backups, "--list"});
  EXPECT_EQ(kept.out.rfind("2\t", 0), 0u) << kept.out;  // --keep 2 purged backup 1
  EXPECT_EQ(std::count(kept.out.begin(), kept.out.end(), '\n'), 2) << kept.out;
}

}  // namespace
}  // namespace e2e
