#pragma once
// Online backup and restore of the data directory's RocksDB instance (docs/operations-backup.md).
//
// A backup is made by the process that has the database open, with RocksDB's BackupEngine:
// file deletions are paused, memtables are flushed (flush_before_backup), and the live table
// files, MANIFEST, OPTIONS and the live WAL are copied. The result is one consistent point
// of the whole instance, every column family included, and holds every write acknowledged
// before the backup started. Table files are shared between backups (by name, size and
// checksum), so a second backup into the same directory copies only the files that are new.
//
// While a server runs on the data directory it holds RocksDB's LOCK; `istihdam backup` then
// asks it through a Unix socket in the data directory (BackupSocketPath, mode 0600, same
// user only) and the server makes the backup. When nothing runs there the command opens the
// directory itself. The Xapian search index (<data>/search/) is not in the backup: it is
// derived from the job_postings feed and re-indexed on the first start after a restore.
#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "infra/result.h"

namespace rocksdb {
class DB;
}

namespace istihdam {

struct BackupSummary {
  std::uint32_t id = 0;
  std::int64_t timestamp = 0;     // seconds since the epoch
  std::uint64_t size = 0;         // bytes of all files of this backup (shared ones included)
  std::uint32_t files = 0;
  std::uint64_t copied_bytes = 0;  // bytes this run added to the backup directory (CreateBackup)
};

// Backs up `db` into `to` (created if missing); with keep > 0 then deletes all but the
// newest `keep` backups. Errors: store_failed (the detail says what failed).
Result<BackupSummary> CreateBackup(rocksdb::DB* db, const std::string& to, std::uint32_t keep);

// The backups in `from`, oldest first. Errors: store_failed (not a backup directory).
Result<std::vector<BackupSummary>> ListBackups(const std::string& from);

// Restores backup `id` (0 = the newest) of `from` into `data_dir`, which must be missing or
// empty. Checksums of the copied files are verified. Errors: store_failed.
Status RestoreBackup(const std::string& from, const std::string& data_dir, std::uint32_t id);

// <data_dir>/backup.sock.
std::string BackupSocketPath(const std::string& data_dir);

// Asks the process that serves `data_dir` to back up into `to` (an absolute path). Errors:
// store_failed, with *nobody_listens set when no process answers on the socket (the caller
// may then open the directory itself).
Result<BackupSummary> RequestBackup(const std::string& data_dir, const std::string& to, std::uint32_t keep,
                                    bool* nobody_listens);

// The server's side of RequestBackup: one thread accepting on the socket, one request at a
// time. Stop() (or the destructor) closes the socket and removes its file.
class BackupListener {
 public:
  BackupListener(rocksdb::DB* db, std::string data_dir);
  ~BackupListener();
  BackupListener(const BackupListener&) = delete;
  BackupListener& operator=(const BackupListener&) = delete;

  Status Start();
  void Stop();

 private:
  void Run();
  void Serve(int fd);

  rocksdb::DB* db_;
  std::string path_;
  int listen_fd_ = -1;
  int wake_[2] = {-1, -1};
  std::thread thread_;
};

}  // namespace istihdam
