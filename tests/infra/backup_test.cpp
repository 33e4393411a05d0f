// infra/backup.h on a Database in a temporary directory: every column family comes back,
// a second backup copies only what is new, --keep purges, a corrupt backup file stops the
// restore and leaves the target empty, the socket path makes the backup in this process.
#include "infra/backup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "infra/database.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

void Fill(Database& db, const std::string& family, int from, int count) {
  for (int i = from; i < from + count; ++i) {
    ASSERT_TRUE(db.db()->Put({}, db.Family(family), "k" + std::to_string(i), std::string(200, 'v')).ok());
  }
}

std::size_t Count(Database& db, const std::string& family) {
  std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator({}, db.Family(family)));
  std::size_t n = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) ++n;
  return n;
}

TEST(Backup, EveryColumnFamilyComesBackAndTheSecondBackupCopiesOnlyWhatIsNew) {
  TempDir tmp;
  const std::string data = tmp.path() + "/data", backups = tmp.path() + "/backups";
  auto db = Database::Open(data);
  ASSERT_TRUE(db.ok());
  Fill(**db, cf::kEvents, 0, 500);
  Fill(**db, cf::kCredentials, 0, 10);
  Fill(**db, "proj_workplaces_v1", 0, 50);  // a read model's family, created on first use
  const auto one = CreateBackup((*db)->db(), backups, 0);
  ASSERT_TRUE(one.ok()) << one.error().detail;
  EXPECT_EQ(one->id, 1u);
  EXPECT_GE(one->copied_bytes, one->size);

  Fill(**db, cf::kEvents, 500, 5);
  const auto two = CreateBackup((*db)->db(), backups, 0);
  ASSERT_TRUE(two.ok()) << two.error().detail;
  EXPECT_EQ(two->id, 2u);
  EXPECT_GT(two->size, one->size);
  EXPECT_LT(two->copied_bytes, two->size);

  const auto list = ListBackups(backups);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, 1u);

  const std::string restored1 = tmp.path() + "/r1", restored2 = tmp.path() + "/r2";
  ASSERT_TRUE(RestoreBackup(backups, restored1, 1).ok());
  ASSERT_TRUE(RestoreBackup(backups, restored2, 0).ok());
  const auto families = (*db)->FamilyNames();
  db->reset();
  for (const auto& [dir, events] : {std::pair{restored1, 500u}, std::pair{restored2, 505u}}) {
    auto r = Database::Open(dir);
    ASSERT_TRUE(r.ok()) << dir;
    auto names = (*r)->FamilyNames();
    EXPECT_EQ(names, families) << dir;
    EXPECT_EQ(Count(**r, cf::kEvents), events) << dir;
    EXPECT_EQ(Count(**r, cf::kCredentials), 10u) << dir;
    EXPECT_EQ(Count(**r, "proj_workplaces_v1"), 50u) << dir;
  }
}

TEST(Backup, RestoreRefusesANonEmptyDirectoryAndACorruptFile) {
  TempDir tmp;
  const std::string data = tmp.path() + "/data", backups = tmp.path() + "/backups";
  {
    auto db = Database::Open(data);
    ASSERT_TRUE(db.ok());
    Fill(**db, cf::kEvents, 0, 100);
    ASSERT_TRUE(CreateBackup((*db)->db(), backups, 0).ok());
  }
  const auto busy = RestoreBackup(backups, data, 0);
  ASSERT_FALSE(busy.ok());
  EXPECT_NE(busy.error().detail.find("not an empty directory"), std::string::npos) << busy.error().detail;
  EXPECT_FALSE(RestoreBackup(backups, tmp.path() + "/r", 7).ok());  // no such backup
  EXPECT_FALSE(RestoreBackup(tmp.path() + "/nothing", tmp.path() + "/r", 0).ok());

  // One flipped byte in a table file of the backup: the restore stops and leaves nothing.
  std::string table;
  for (const auto& e : fs::recursive_directory_iterator(backups)) {
    if (e.path().extension() == ".sst") table = e.path().string();
  }
  ASSERT_FALSE(table.empty());
  {
    std::fstream f(table, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    f.put('\x5a');
  }
  const std::string target = tmp.path() + "/r";
  const auto corrupt = RestoreBackup(backups, target, 0);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_EQ(corrupt.error().code, "store_failed");
  std::string left;
  if (fs::exists(target)) {
    for (const auto& e : fs::recursive_directory_iterator(target)) left += e.path().string() + " ";
  }
  EXPECT_EQ(left, "") << corrupt.error().detail;
}

TEST(Backup, KeepPurgesTheOldestAndTheSocketMakesTheBackupInTheServingProcess) {
  TempDir tmp;
  const std::string data = tmp.path() + "/data", backups = tmp.path() + "/backups";
  auto db = Database::Open(data);
  ASSERT_TRUE(db.ok());
  BackupListener listener((*db)->db(), data);
  ASSERT_TRUE(listener.Start().ok());
  EXPECT_TRUE(fs::exists(BackupSocketPath(data)));
  EXPECT_EQ(fs::status(BackupSocketPath(data)).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  for (int i = 0; i < 3; ++i) {
    Fill(**db, cf::kEvents, i * 10, 10);
    bool nobody = true;
    const auto made = RequestBackup(data, backups, 2, &nobody);
    ASSERT_TRUE(made.ok()) << made.error().detail;
    EXPECT_FALSE(nobody);
    EXPECT_EQ(made->id, static_cast<std::uint32_t>(i + 1));
  }
  const auto list = ListBackups(backups);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, 2u);
  EXPECT_EQ((*list)[1].id, 3u);
  // A relative target is refused by the server.
  bool nobody = true;
  const auto relative = RequestBackup(data, "relative/dir", 0, &nobody);
  ASSERT_FALSE(relative.ok());
  EXPECT_FALSE(nobody);
  listener.Stop();
  EXPECT_FALSE(fs::exists(BackupSocketPath(data)));
  const auto gone = RequestBackup(data, backups, 0, &nobody);
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(nobody);
}

}  // namespace
}  // namespace istihdam
