#include "infra/replica_log.h"

#include <memory>
#include <stdexcept>

#include "infra/event_store.h"

namespace istihdam {

namespace {
constexpr const char* kFamily = "replica_log";
constexpr const char* kStreamsFamily = "replica_streams";
constexpr const char* kContiguousKey = "replica/contiguous";
std::string OffsetKey(const std::string& topic, std::int32_t partition) {
  return "replica/offset/" + topic + "/" + std::to_string(partition);
}
}  // namespace

ReplicaLog::ReplicaLog(Database* db, std::string topic)
    : db_(db),
      topic_(std::move(topic)),
      log_cf_(db->Family(kFamily)),
      streams_cf_(db->Family(kStreamsFamily)),
      checkpoints_cf_(db->Family(cf::kCheckpoints)) {
  std::string v;
  if (db_->Get(checkpoints_cf_, kContiguousKey, &v)) contiguous_ = DecodeU64(v.data());
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(rocksdb::ReadOptions(), log_cf_));
  it->SeekToLast();
  CheckIterator(*it, "the replica log's last event");
  highest_ = it->Valid() ? DecodeU64(it->key().data()) : 0;
  // A replica log written before the stream index existed: index it once.
  std::unique_ptr<rocksdb::Iterator> idx(db_->db()->NewIterator(rocksdb::ReadOptions(), streams_cf_));
  idx->SeekToFirst();
  if (highest_ != 0 && !idx->Valid()) {
    rocksdb::WriteBatch wb;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      auto rec = DecodeRecord(std::string_view(it->value().data(), it->value().size()));
      if (!rec.ok()) throw std::runtime_error("replica log record: " + rec.error().detail);
      wb.Put(streams_cf_, StreamKey(rec->stream, rec->version), EncodeU64(rec->position));
    }
    CheckIterator(*it, "the replica log");
    auto st = db_->db()->Write(rocksdb::WriteOptions(), &wb);
    if (!st.ok()) throw std::runtime_error("replica stream index: " + st.ToString());
  }
}

std::uint64_t ReplicaLog::Store(const std::vector<RecordedEvent>& events,
                                const std::map<std::int32_t, std::int64_t>& next_offsets) {
  std::lock_guard lock(mu_);
  rocksdb::WriteBatch wb;
  std::uint64_t dups = 0;
  std::map<std::uint64_t, bool> added;
  for (const auto& e : events) {
    std::string v;
    if (e.position <= contiguous_ || added.count(e.position) ||
        db_->Get(log_cf_, EncodeU64(e.position), &v)) {
      ++dups;
      continue;
    }
    wb.Put(log_cf_, EncodeU64(e.position), EncodeRecord(e));
    wb.Put(streams_cf_, StreamKey(e.stream, e.version), EncodeU64(e.position));
    added[e.position] = true;
  }
  std::uint64_t contiguous = contiguous_;
  for (;;) {
    const auto next = contiguous + 1;
    std::string v;
    if (added.count(next) || db_->Get(log_cf_, EncodeU64(next), &v)) {
      contiguous = next;
    } else {
      break;
    }
  }
  wb.Put(checkpoints_cf_, kContiguousKey, EncodeU64(contiguous));
  for (const auto& [partition, offset] : next_offsets) {
    wb.Put(checkpoints_cf_, OffsetKey(topic_, partition),
           EncodeU64(static_cast<std::uint64_t>(offset)));
  }
  auto st = db_->db()->Write(rocksdb::WriteOptions(), &wb);
  if (!st.ok()) throw std::runtime_error("replica log write: " + st.ToString());
  if (!added.empty()) highest_ = std::max(highest_, added.rbegin()->first);
  if (contiguous != contiguous_) {
    contiguous_ = contiguous;
    cv_.notify_all();
  }
  return dups;
}

std::int64_t ReplicaLog::NextOffset(std::int32_t partition) {
  std::string v;
  if (!db_->Get(checkpoints_cf_, OffsetKey(topic_, partition), &v)) return -1;
  return static_cast<std::int64_t>(DecodeU64(v.data()));
}

std::uint64_t ReplicaLog::HighestPosition() const {
  std::lock_guard lock(mu_);
  return highest_;
}

std::vector<RecordedEvent> ReplicaLog::Read(std::uint64_t from, std::size_t limit) {
  const std::uint64_t last = LastPosition();
  std::vector<RecordedEvent> out;
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(rocksdb::ReadOptions(), log_cf_));
  for (it->Seek(EncodeU64(from)); it->Valid() && out.size() < limit; it->Next()) {
    const std::uint64_t pos = DecodeU64(it->key().data());
    if (pos > last) break;
    if (pos != from + out.size()) {  // positions up to `last` are contiguous by construction
      throw StoreError("store_corrupted", "replica log position " + std::to_string(from + out.size()) + " is missing");
    }
    auto rec = DecodeRecord(std::string_view(it->value().data(), it->value().size()));
    if (!rec.ok()) throw StoreError("store_corrupted", "replica log record: " + rec.error().detail);
    out.push_back(std::move(rec).value());
  }
  CheckIterator(*it, "the replica log");
  return out;
}

std::uint64_t ReplicaLog::LastPosition() const {
  std::lock_guard lock(mu_);
  return contiguous_;
}

std::uint64_t ReplicaLog::WaitForMore(std::uint64_t after,
                                      std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  cv_.wait_until(lock, deadline, [&] { return contiguous_ > after; });
  return contiguous_;
}

std::uint64_t ReplicaLog::StreamVersion(const std::string& stream) {
  const std::uint64_t last = LastPosition();
  const std::string prefix = stream + std::string(1, '\0');
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(rocksdb::ReadOptions(), streams_cf_));
  // Versions of a stream have increasing positions: walk back from the newest to the first
  // one inside the gap-free prefix.
  for (it->SeekForPrev(StreamKey(stream, UINT64_MAX)); it->Valid() && it->key().starts_with(prefix);
       it->Prev()) {
    if (DecodeU64(it->value().data()) <= last) {
      return DecodeU64(it->key().data() + prefix.size());
    }
  }
  CheckIterator(*it, "the replica stream index of " + stream);
  return 0;
}

std::vector<RecordedEvent> ReplicaLog::ReadStream(const std::string& stream, std::uint64_t from_version,
                                                  std::size_t limit) {
  const std::uint64_t last = LastPosition();
  const std::string prefix = stream + std::string(1, '\0');
  std::vector<RecordedEvent> out;
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(rocksdb::ReadOptions(), streams_cf_));
  for (it->Seek(StreamKey(stream, std::max<std::uint64_t>(from_version, 1)));
       it->Valid() && out.size() < limit && it->key().starts_with(prefix); it->Next()) {
    const std::uint64_t pos = DecodeU64(it->value().data());
    if (pos > last) break;
    std::string v;
    if (!db_->Get(log_cf_, EncodeU64(pos), &v)) break;
    auto rec = DecodeRecord(v);
    if (!rec.ok()) throw StoreError("store_corrupted", "replica log record: " + rec.error().detail);
    out.push_back(std::move(rec).value());
  }
  CheckIterator(*it, "the replica stream index of " + stream);
  return out;
}

}  // namespace istihdam
