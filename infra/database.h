#pragma once
// One RocksDB instance holds the event log, its indexes, the auxiliary tables written with
// events (credentials, sessions, idempotency records) and every projector's read models.
// Key layouts: docs/storage.md.
#include <rocksdb/db.h>

#include <map>
#include <stdexcept>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "infra/result.h"

namespace istihdam {

// Names of the fixed column families.
namespace cf {
inline constexpr const char* kEvents = "events";            // position -> event record
inline constexpr const char* kStreams = "streams";          // stream \0 version -> position
inline constexpr const char* kCredentials = "credentials";  // user id -> password/answer hashes
inline constexpr const char* kSessions = "sessions";        // sha256(token) -> session
inline constexpr const char* kIdempotency = "idempotency";  // scope \0 key -> first response
inline constexpr const char* kCheckpoints = "checkpoints";  // projection table set -> position
inline constexpr const char* kResets = "password_resets";   // sha256(reset token) -> reset row
}  // namespace cf

// A read of the store that cannot complete: a block fails its checksum (`store_corrupted`) or
// the device fails (`store_failed`). Read paths throw it because it ends the request: the HTTP
// edge answers problem+json with `code`, offline commands exit non-zero, and projectors and the
// Kafka relay stop advancing and report it. Never thrown for "not found".
class StoreError : public std::runtime_error {
 public:
  StoreError(std::string code, const std::string& detail)
      : std::runtime_error(detail), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// The StoreError for a failed RocksDB status, with `context` (what was being read) prefixed.
StoreError StoreErrorOf(const rocksdb::Status& status, const std::string& context);

// Throws StoreErrorOf(it.status(), context) when the iterator stopped on an error rather than
// at the end of its range: a loop `while (it->Valid())` cannot tell the two apart.
void CheckIterator(const rocksdb::Iterator& it, const std::string& context);

// Owns the rocksdb::DB and its column-family handles. Thread-safe: handles are created under
// a mutex and never destroyed before the Database itself, except by Drop(), which callers
// must only use on families nobody reads any more.
class Database {
 public:
  // Opens (creating if missing) the database in `dir` with every column family it already
  // has plus the fixed ones. Errors: "store_locked" (another process holds the directory),
  // "store_open_failed" (the detail says why, e.g. a full disk). RocksDB's own diagnostic log
  // goes to the process logger, never to a file in `dir` (a full disk must not take the
  // process down through it).
  static Result<std::unique_ptr<Database>> Open(const std::string& dir);
  ~Database();

  rocksdb::DB* db() { return db_.get(); }
  // The handle of a column family, created on first use.
  rocksdb::ColumnFamilyHandle* Family(const std::string& name);
  // Handle if the family exists, nullptr otherwise.
  rocksdb::ColumnFamilyHandle* FindFamily(const std::string& name);
  std::vector<std::string> FamilyNames();
  // Drops a column family; its handle must no longer be used by anyone.
  void Drop(const std::string& name);

  // What RocksDB holds in memory now, in bytes (the soak and /metrics report it).
  struct Memory {
    std::uint64_t memtables = 0;      // every family's memtables, flushed or not
    std::uint64_t table_readers = 0;  // index and filter blocks outside the block cache
    std::uint64_t block_cache = 0;    // the shared block cache's usage
    std::uint64_t block_cache_pinned = 0;
  };
  Memory MemoryUsage();

  // Point read: false when absent; throws StoreError when the key cannot be read.
  bool Get(rocksdb::ColumnFamilyHandle* family, const rocksdb::Slice& key, std::string* value);

 private:
  Database() = default;
  std::unique_ptr<rocksdb::DB> db_;
  std::mutex mu_;
  std::map<std::string, rocksdb::ColumnFamilyHandle*> families_;
  rocksdb::ColumnFamilyOptions cf_options_;
  std::shared_ptr<rocksdb::Cache> block_cache_;
};

// Big-endian fixed-width encodings, so that byte order equals numeric order in keys.
std::string EncodeU64(std::uint64_t v);
std::uint64_t DecodeU64(const char* p);

}  // namespace istihdam
