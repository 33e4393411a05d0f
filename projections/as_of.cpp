#include "projections/as_of.h"

#include <algorithm>
#include <memory>

#include "projections/as_of_snapshot.h"

namespace istihdam {

std::vector<RecordedEvent> ReadStreamUpTo(StreamReader& reader, const std::string& stream,
                                          std::uint64_t from_version, std::uint64_t position) {
  std::vector<RecordedEvent> out;
  std::size_t chunk = 16;
  for (std::uint64_t from = std::max<std::uint64_t>(from_version, 1);;) {
    auto part = reader.ReadStream(stream, from, chunk);
    for (auto& e : part) {
      if (e.position > position) return out;
      out.push_back(std::move(e));
    }
    if (part.size() < chunk) return out;
    from = out.back().version + 1;
    chunk = std::min<std::size_t>(chunk * 2, 4096);
  }
}

namespace {

// The events of `streams` after `versions` (all of them when a stream has none) up to
// `position`, in log order.
std::vector<RecordedEvent> EventsAfter(StreamReader& reader, const std::vector<std::string>& streams,
                                       const StreamVersions& versions, std::uint64_t position) {
  std::vector<RecordedEvent> events;
  for (const auto& stream : streams) {
    const auto it = versions.find(stream);
    auto part = ReadStreamUpTo(reader, stream, (it == versions.end() ? 0 : it->second) + 1, position);
    std::move(part.begin(), part.end(), std::back_inserter(events));
  }
  std::sort(events.begin(), events.end(),
            [](const RecordedEvent& a, const RecordedEvent& b) { return a.position < b.position; });
  return events;
}

std::size_t GapFor(std::size_t state_bytes, const SnapshotPolicy& policy) {
  std::size_t gap = policy.every, bound = std::max<std::size_t>(policy.small_state, 1);
  while (state_bytes > bound && gap < (std::size_t{1} << 40)) {
    gap *= 2;
    bound *= 2;
  }
  return gap;
}

}  // namespace

std::size_t ReplayStreams(Projector& projector, StreamReader& reader, const std::vector<std::string>& streams,
                          std::uint64_t position, ScratchTables* scratch) {
  const auto events = EventsAfter(reader, streams, {}, position);
  ProjectionBatch batch(scratch);
  for (const auto& e : events) projector.Apply(e, batch);
  return events.size();
}

ReplayStats ReplayWithSnapshots(Projector& projector, StreamReader& reader, Database& db,
                                const std::vector<std::string>& streams, std::uint64_t position,
                                ScratchTables* scratch, const SnapshotPolicy& policy) {
  ReplayStats stats;
  const auto sorted = SortedStreams(streams);
  const std::string prefix = SnapshotPrefix(projector.name(), sorted);
  rocksdb::ColumnFamilyHandle* family = db.Family(cf::kAsOfSnapshots);
  StreamVersions versions;
  for (const auto& s : sorted) versions[s] = 0;
  std::size_t state_bytes = 0;
  {
    std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(rocksdb::ReadOptions(), family));
    for (it->SeekForPrev(prefix + EncodeU64(position)); it->Valid() && it->key().starts_with(prefix); it->Prev()) {
      const std::string_view key(it->key().data(), it->key().size());
      auto snap = key.size() == prefix.size() + 8
                      ? DecodeSnapshot(key, std::string_view(it->value().data(), it->value().size()), sorted)
                      : std::nullopt;
      if (!snap) {
        ++stats.snapshots_rejected;
        continue;
      }
      stats.resumed_at = DecodeU64(key.data() + prefix.size());
      state_bytes = it->value().size();
      versions = std::move(snap->versions);
      *scratch = std::move(snap->tables);
      break;
    }
    // it->status() not ok: the family could not be read; replay without (or from what was found).
  }

  const auto events = EventsAfter(reader, sorted, versions, position);
  ProjectionBatch batch(scratch);
  std::size_t gap = GapFor(state_bytes, policy), since = 0;
  rocksdb::WriteOptions write;
  write.disableWAL = true;  // emptied at every start anyway
  for (const auto& e : events) {
    projector.Apply(e, batch);
    versions[e.stream] = e.version;
    if (policy.every == 0 || ++since < gap) continue;
    since = 0;
    const std::string key = prefix + EncodeU64(e.position);
    const std::string value = EncodeSnapshot(key, versions, *scratch);
    gap = GapFor(value.size(), policy);
    if (value.size() > policy.max_bytes) continue;
    if (db.db()->Put(write, family, key, value).ok()) ++stats.snapshots_written;
  }
  stats.applied = events.size();
  return stats;
}

void DropAsOfSnapshots(Database& db) {
  db.Drop(cf::kAsOfSnapshots);
  db.Family(cf::kAsOfSnapshots);  // created again now, not by the first read
}

}  // namespace istihdam
