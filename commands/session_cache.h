#pragma once
// Resolved login sessions kept in memory, so that the per-request session check (every
// authenticated GET) reads neither the sessions table nor the employer's stream while nothing
// that decides the answer has changed. Contract of an entry: it is served only while
//  - the session table's removal count is the one read before its row was read (a logout or
//    a revocation committed since empties the whole cache in effect), and
//  - for an employer session, the employer stream's head is the version its membership was
//    computed at and the local date is the same (a user locked, or past the account closing
//    date, since it was cached is refused at once),
// and the caller still checks expiry. Thread-safe. Bounded: `capacity` entries in total; a
// full shard is emptied (entries are cheap to recompute).
#include <array>
#include <memory>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "projections/session_record.h"

namespace istihdam {

struct CachedSession {
  Session session;               // roles already re-checked against the employer
  std::uint64_t epoch = 0;       // the sessions table's removal count before the row was read
  std::uint64_t employer_version = 0;  // employer stream head the membership was computed at
  std::string day;               // local date the membership was computed for
};

class SessionCache {
 public:
  explicit SessionCache(std::size_t capacity) : per_shard_(capacity / kShards) {}

  // Null when absent; the entry is immutable once kept.
  std::shared_ptr<const CachedSession> Find(const std::string& key);
  void Keep(const std::string& key, CachedSession entry);
  std::size_t Entries();

 private:
  static constexpr std::size_t kShards = 16;
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, std::shared_ptr<const CachedSession>> map;
  };
  Shard& ShardOf(const std::string& key);

  std::size_t per_shard_;
  std::array<Shard, kShards> shards_;
};

}  // namespace istihdam
