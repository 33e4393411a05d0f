#pragma once
// One RocksDB instance holds the event log, its indexes, the auxiliary tables written with
// events (credentials, sessions, idempotency records) and every projector's read models.
// Key layouts: docs/storage.md.
#include <rocksdb/db.h>

#include <map>
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

// Owns the rocksdb::DB and its column-family handles. Thread-safe: handles are created under
// a mutex and never destroyed before the Database itself, except by Drop(), which callers
// must only use on families nobody reads any more.
class Database {
 public:
  // Opens (creating if missing) the database in `dir` with every column family it already
  // has plus the fixed ones.
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

  // Point read; empty optional-like: returns false when absent.
  bool Get(rocksdb::ColumnFamilyHandle* family, const rocksdb::Slice& key, std::string* value);

 private:
  Database() = default;
  std::unique_ptr<rocksdb::DB> db_;
  std::mutex mu_;
  std::map<std::string, rocksdb::ColumnFamilyHandle*> families_;
  rocksdb::ColumnFamilyOptions cf_options_;
};

// Big-endian fixed-width encodings, so that byte order equals numeric order in keys.
std::string EncodeU64(std::uint64_t v);
std::uint64_t DecodeU64(const char* p);

}  // namespace istihdam
