#pragma once
// A read replica's copy of the events received from Kafka, keyed by global position
// (docs/storage.md, "replica_log"). It deduplicates by position (a re-delivered event is
// stored once), reassembles global order across partitions, and exposes only the gap-free
// prefix to projectors. The Kafka offsets to resume from are written in the same WriteBatch
// as the events they cover, so a crash never loses or skips an event. A per-stream index
// (stream, version) -> position, written in the same batch, serves aggregate loading
// (StreamReader); like Read(), it shows only the gap-free prefix.
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "infra/database.h"
#include "infra/event_source.h"
#include "infra/stream_reader.h"

namespace istihdam {

// Thread-safe. `db` must outlive it.
class ReplicaLog final : public EventSource, public StreamReader {
 public:
  ReplicaLog(Database* db, std::string topic);

  // Stores `events` (dropping positions already held) and the next offset to read of each
  // partition in `next_offsets`, atomically. Returns the number of duplicates dropped.
  std::uint64_t Store(const std::vector<RecordedEvent>& events,
                      const std::map<std::int32_t, std::int64_t>& next_offsets);
  // The stored next offset of `partition`, or -1 when it has none (start from the beginning).
  std::int64_t NextOffset(std::int32_t partition);
  // Highest position stored (possibly above LastPosition() while a gap is open).
  std::uint64_t HighestPosition() const;

  std::vector<RecordedEvent> Read(std::uint64_t from, std::size_t limit) override;
  std::uint64_t LastPosition() const override;
  std::uint64_t WaitForMore(std::uint64_t after,
                            std::chrono::steady_clock::time_point deadline) override;

  // StreamReader over the gap-free prefix (events above LastPosition() are not shown).
  std::uint64_t StreamVersion(const std::string& stream) override;
  std::vector<RecordedEvent> ReadStream(const std::string& stream, std::uint64_t from_version,
                                        std::size_t limit = SIZE_MAX) override;

 private:
  Database* db_;
  std::string topic_;
  rocksdb::ColumnFamilyHandle* log_cf_;
  rocksdb::ColumnFamilyHandle* streams_cf_;
  rocksdb::ColumnFamilyHandle* checkpoints_cf_;
  mutable std::mutex mu_;  // one Store() at a time; guards the positions below
  std::condition_variable cv_;
  std::uint64_t contiguous_ = 0;
  std::uint64_t highest_ = 0;
};

}  // namespace istihdam
