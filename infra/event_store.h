#pragma once
// The event store: the source of truth. Streams with optimistic concurrency, a gap-free
// global position in commit order, durable group commit and a SHA-256 hash chain.
// Byte layout: docs/storage.md.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "infra/clock.h"
#include "infra/database.h"
#include "infra/event_record.h"
#include "infra/result.h"
#include "infra/stream_reader.h"

namespace istihdam {

class Metrics;

// What the writer expects of a stream before appending to it.
struct ExpectedVersion {
  static constexpr std::int64_t kAny = -2;
  static constexpr std::int64_t kNoStream = -1;
  std::int64_t value = kAny;

  static ExpectedVersion Any() { return {kAny}; }
  static ExpectedVersion NoStream() { return {kNoStream}; }
  // The stream's current last version must be exactly v (0 also means "no stream").
  static ExpectedVersion Exactly(std::uint64_t v) { return {static_cast<std::int64_t>(v)}; }
};

struct StreamAppend {
  std::string stream;
  ExpectedVersion expected;
  std::vector<NewEvent> events;
};

struct AppendResult {
  std::uint64_t first_position = 0;
  std::uint64_t last_position = 0;
  std::vector<std::uint64_t> stream_versions;  // last version of each StreamAppend, in order
};

// A row written in the same atomic batch as the events; `value` is computed by the writer
// once positions are known (e.g. an idempotency record holding the response).
struct ExtraWrite {
  std::string family;
  std::string key;
  std::function<std::string(const AppendResult&)> value;  // unused when `remove`
  bool remove = false;                                     // delete the row instead
  // Called by the committing thread once the batch is durable and readable, before any caller
  // of its group is answered (e.g. to invalidate a cache of the row). Must be cheap and not throw.
  std::function<void()> committed;
};

struct AppendRequest {
  std::vector<StreamAppend> streams;
  EventMetadata meta;
  std::vector<ExtraWrite> extra;
};

// Thread-safe. Appends from many threads are batched into one synced WriteBatch by whichever
// caller is at the head of the queue (LevelDB's DBImpl::Write); no caller is answered before
// its batch is on disk. After a failed write every later append fails with "store_failed"
// until the process restarts.
class EventStore final : public StreamReader {
 public:
  struct Options {
    std::size_t max_batch_events = 4096;
    bool sync = true;
    // Stream heads kept in memory; past it the cache is emptied and heads reload from disk.
    std::size_t head_cache_entries = 200'000;
  };

  // `db`, `clock` and `metrics` (nullable) must outlive the store.
  EventStore(Database* db, const Clock* clock, Metrics* metrics, Options options);
  EventStore(Database* db, const Clock* clock, Metrics* metrics = nullptr)
      : EventStore(db, clock, metrics, Options()) {}

  // Atomically appends to every stream of `req`, each checked against its expected version.
  // Errors: "version_conflict" (`subject` is the stream, detail says its version; nothing
  // written),
  // "store_failed" (sticky), "empty_append".
  Result<AppendResult> Append(AppendRequest req);

  // The last committed global position (0 when empty).
  std::uint64_t LastPosition() const { return committed_position_.load(); }
  // The stream's last version, 0 when it does not exist.
  std::uint64_t StreamVersion(const std::string& stream) override;
  // Streams whose head is held in memory now.
  std::size_t CachedHeads();

  // Events with position >= from, at most `limit`. Read paths (ReadAll, ForEach, ReadStream,
  // ReadAt) throw StoreError ("store_corrupted") when a committed event cannot be read: they
  // never end early as if the log ended there.
  std::vector<RecordedEvent> ReadAll(std::uint64_t from, std::size_t limit);
  // Streams events with position >= from (up to the committed position) to fn, in order, over
  // one iterator, until fn returns false. For replays and dumps.
  void ForEach(std::uint64_t from, const std::function<bool(RecordedEvent&&)>& fn);
  // The same without materializing the events: fn sees each record in place (RecordView), its
  // strings valid only during the call. The replay path (projection rebuilds).
  void ForEachView(std::uint64_t from, const std::function<bool(const RecordView&)>& fn);
  // Events of `stream` with version >= from_version, at most `limit`.
  std::vector<RecordedEvent> ReadStream(const std::string& stream, std::uint64_t from_version,
                                        std::size_t limit = SIZE_MAX) override;
  std::optional<RecordedEvent> ReadAt(std::uint64_t position);
  // The number of the highest stream named `prefix` + digits ("employer-2000000007" ->
  // 2000000007), 0 when there is none. Streams sharing a longer prefix ("staff-tckn-…" after
  // "staff-9…") are not mistaken for numbered ones.
  std::uint64_t HighestNumberedStream(const std::string& prefix);

  // Blocks until LastPosition() > after or the deadline passes; returns LastPosition().
  std::uint64_t WaitForCommit(std::uint64_t after, std::chrono::steady_clock::time_point deadline);

  // Walks the whole log: positions 1..n contiguous up to the last recorded position, each
  // prev_hash equal to the previous hash, each hash matching its bytes, every block readable.
  // Returns the first bad position (0 when all is well) and says why in *problem (for
  // unreadable blocks: the position range and RocksDB's message). `progress` (nullable) is
  // called with the position every 10,000 events; `inspect` (nullable) sees every event whose
  // chain link checked out (e.g. for warnings that do not fail the chain).
  std::uint64_t Verify(std::string* problem,
                       const std::function<void(std::uint64_t, std::uint64_t)>& progress = {},
                       const std::function<void(const RecordedEvent&)>& inspect = {});

  // The error every append answers after a failed write ("store_failed", sticky until the
  // process restarts) or when the log's tail could not be read at open ("store_corrupted").
  std::optional<Error> WriteError() const;

  Database* database() { return db_; }

 private:
  struct Writer;
  void CommitGroup(std::vector<Writer*>& group);
  static StoreError Unreadable(std::uint64_t first, std::uint64_t last, const std::string& why,
                               const char* code = "store_corrupted");

  Database* db_;
  const Clock* clock_;
  Metrics* metrics_;
  Options options_;
  rocksdb::ColumnFamilyHandle* events_cf_;
  rocksdb::ColumnFamilyHandle* streams_cf_;

  mutable std::mutex mu_;  // guards queue_ and bg_error_
  std::deque<Writer*> queue_;
  std::optional<Error> bg_error_;
  std::string open_error_;  // why the log's tail could not be read at open, "" when it could

  // Owned by the current group leader (only one at a time).
  std::uint64_t next_position_ = 1;
  crypto::Digest last_hash_{};

  std::mutex heads_mu_;  // guards heads_
  std::unordered_map<std::string, std::uint64_t> heads_;  // stream -> last version (cache)
  std::uint64_t LoadHead(const std::string& stream);

  std::atomic<std::uint64_t> committed_position_{0};
  std::mutex commit_mu_;
  std::condition_variable commit_cv_;
};

// Key of a stream index row: stream bytes, 0x00, version as 8 bytes big-endian.
std::string StreamKey(const std::string& stream, std::uint64_t version);

}  // namespace istihdam
