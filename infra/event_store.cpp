#include "infra/event_store.h"

#include <rocksdb/write_batch.h>

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <cstring>

#include "infra/metrics.h"

namespace istihdam {

std::string StreamKey(const std::string& stream, std::uint64_t version) {
  std::string key = stream;
  key.push_back('\0');
  key += EncodeU64(version);
  return key;
}

// An event encoded by its caller before it queues: only position, version and recorded-at
// are patched in by the group leader, which then hashes it into the chain.
struct Prepared {
  std::string canonical;
  CanonicalLayout layout;
};

struct EventStore::Writer {
  AppendRequest* req;
  std::vector<std::vector<Prepared>> prepared;  // per StreamAppend, per event
  std::optional<Result<AppendResult>> result;
  bool done = false;
  std::condition_variable cv;
};

EventStore::EventStore(Database* db, const Clock* clock, Metrics* metrics, Options options)
    : db_(db), clock_(clock), metrics_(metrics), options_(options) {
  events_cf_ = db_->Family(cf::kEvents);
  streams_cf_ = db_->Family(cf::kStreams);
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(rocksdb::ReadOptions(), events_cf_));
  it->SeekToLast();
  if (it->Valid()) {
    const std::uint64_t last = DecodeU64(it->key().data());
    const auto value = it->value();
    if (value.size() >= 64) std::memcpy(last_hash_.data(), value.data() + value.size() - 32, 32);
    next_position_ = last + 1;
    committed_position_.store(last);
  } else if (!it->status().ok()) {
    // The log's tail cannot be read, so neither the next position nor the chain's last hash is
    // known: appending would fork the history. Reads of what is readable go on; Verify says why.
    open_error_ = StoreErrorOf(it->status(), "the last event of the log").what();
    bg_error_ = Error::Of(errc::kStoreCorrupted, open_error_);
    spdlog::error("event store: appends refused: {}", open_error_);
    if (metrics_) metrics_->SetWritesFailed(true);
  }
}

std::uint64_t EventStore::LoadHead(const std::string& stream) {
  {
    std::lock_guard lock(heads_mu_);
    auto it = heads_.find(stream);
    if (it != heads_.end()) return it->second;
  }
  std::uint64_t version = 0;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->db()->NewIterator(rocksdb::ReadOptions(), streams_cf_));
  const std::string probe = StreamKey(stream, UINT64_MAX);
  it->SeekForPrev(probe);
  CheckIterator(*it, "the stream index of " + stream);
  if (it->Valid() && it->key().size() == stream.size() + 9 &&
      std::memcmp(it->key().data(), stream.data(), stream.size()) == 0 &&
      it->key()[stream.size()] == '\0') {
    version = DecodeU64(it->key().data() + stream.size() + 1);
  }
  std::lock_guard lock(heads_mu_);
  if (heads_.size() >= options_.head_cache_entries) heads_.clear();  // bounded; misses reload from disk
  heads_.emplace(stream, version);
  return version;
}

std::size_t EventStore::CachedHeads() {
  std::lock_guard lock(heads_mu_);
  return heads_.size();
}

std::uint64_t EventStore::StreamVersion(const std::string& stream) { return LoadHead(stream); }

Result<AppendResult> EventStore::Append(AppendRequest req) {
  if (req.streams.empty()) return Error::Of(errc::kEmptyAppend);
  for (const auto& s : req.streams) {
    if (s.events.empty() || s.stream.empty() || s.stream.find('\0') != std::string::npos) {
      return Error::Of(errc::kEmptyAppend, "stream " + s.stream);
    }
  }
  const auto started = std::chrono::steady_clock::now();
  Writer w;
  w.req = &req;
  // Work that needs no position is done here, in parallel with other callers, so that the
  // group leader's serial part stays short: event ids, encoding, and loading stream heads.
  w.prepared.reserve(req.streams.size());
  for (auto& sa : req.streams) {
    LoadHead(sa.stream);  // warms the cache; the leader re-checks under its own rules
    auto& evs = w.prepared.emplace_back();
    evs.reserve(sa.events.size());
    for (auto& ne : sa.events) {
      RecordedEvent e;
      e.stream = sa.stream;
      e.event_id = crypto::Uuid4();
      e.type = std::move(ne.type);
      e.schema_version = ne.schema_version;
      e.meta = req.meta;
      e.payload = std::move(ne.payload);
      Prepared p;
      p.canonical = CanonicalBytes(e, &p.layout);
      evs.push_back(std::move(p));
    }
  }
  std::unique_lock lock(mu_);
  queue_.push_back(&w);
  while (!w.done && &w != queue_.front()) w.cv.wait(lock);
  if (w.done) return std::move(*w.result);

  // This writer leads a group: itself plus whoever queued behind it, up to the size limit.
  std::vector<Writer*> group;
  std::size_t events = 0;
  for (Writer* x : queue_) {
    std::size_t n = 0;
    for (const auto& s : x->req->streams) n += s.events.size();
    if (!group.empty() && events + n > options_.max_batch_events) break;
    group.push_back(x);
    events += n;
  }
  if (bg_error_) {
    for (Writer* x : group) x->result = *bg_error_;
  } else {
    lock.unlock();  // others may queue meanwhile; only the leader touches the batch state
    try {
      CommitGroup(group);
    } catch (const std::exception& e) {
      // Nothing was written (positions and heads advance only after a successful write), so
      // the store stays usable; the group's callers are told, never left waiting.
      for (Writer* x : group) x->result = Error::Of(errc::kAppendFailed, e.what());
    }
    lock.lock();
  }
  for (std::size_t i = 0; i < group.size(); ++i) queue_.pop_front();
  // The next leader first, so that it can start while the followers wake up. Followers are
  // notified under the lock: once `done` is visible they may return and destroy their Writer.
  if (!queue_.empty()) queue_.front()->cv.notify_one();
  for (Writer* x : group) {
    if (x->result->ok() == false && x->result->error().code == errc::kStoreFailed && !bg_error_) {
      bg_error_ = x->result->error();
      spdlog::error("event store: a write failed, every append is refused until restart: {}", bg_error_->detail);
      if (metrics_) metrics_->SetWritesFailed(true);
    }
    if (x != &w) {
      x->done = true;
      x->cv.notify_one();
    }
  }
  lock.unlock();
  if (metrics_) {
    metrics_->ObserveAppend(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  return std::move(*w.result);
}

void EventStore::CommitGroup(std::vector<Writer*>& group) {
  const Micros now = clock_->Now();
  rocksdb::WriteBatch batch;
  std::unordered_map<std::string, std::uint64_t> staged;  // heads after this batch
  auto head = [&](const std::string& s) {
    auto it = staged.find(s);
    return it != staged.end() ? it->second : LoadHead(s);
  };
  std::uint64_t pos = next_position_;
  crypto::Digest prev = last_hash_;
  std::size_t written = 0;

  for (Writer* w : group) {
    AppendRequest& r = *w->req;
    // Check every stream first, so that a refused request adds nothing to the batch.
    std::unordered_map<std::string, std::uint64_t> local;
    std::vector<std::uint64_t> bases;
    const StreamAppend* conflict = nullptr;
    std::uint64_t conflict_version = 0;
    for (const auto& sa : r.streams) {
      auto it = local.find(sa.stream);
      const std::uint64_t cur = it != local.end() ? it->second : head(sa.stream);
      const std::int64_t exp = sa.expected.value;
      const bool ok = exp == ExpectedVersion::kAny ||
                      (exp == ExpectedVersion::kNoStream && cur == 0) ||
                      (exp >= 0 && static_cast<std::uint64_t>(exp) == cur);
      if (!ok) {
        conflict = &sa;
        conflict_version = cur;
        break;
      }
      bases.push_back(cur);
      local[sa.stream] = cur + sa.events.size();
    }
    if (conflict) {
      Error e = Error::Of(errc::kVersionConflict,
                          conflict->stream + " is at version " + std::to_string(conflict_version));
      e.subject = conflict->stream;
      w->result = std::move(e);
      continue;
    }
    AppendResult res;
    res.first_position = pos;
    for (std::size_t i = 0; i < r.streams.size(); ++i) {
      auto& sa = r.streams[i];
      std::uint64_t v = bases[i];
      for (auto& p : w->prepared[i]) {
        ++v;
        std::string& value = p.canonical;  // becomes canonical || prev_hash || hash
        PatchU64(value, p.layout.position_at, pos);
        PatchU64(value, p.layout.version_at, v);
        PatchU64(value, p.layout.recorded_at_at, static_cast<std::uint64_t>(now));
        const crypto::Digest hash = crypto::Sha256(prev, value);
        value.append(reinterpret_cast<const char*>(prev.data()), 32);
        value.append(reinterpret_cast<const char*>(hash.data()), 32);
        batch.Put(events_cf_, EncodeU64(pos), value);
        batch.Put(streams_cf_, StreamKey(sa.stream, v), EncodeU64(pos));
        prev = hash;
        ++pos;
        ++written;
      }
      staged[sa.stream] = v;
      res.stream_versions.push_back(v);
    }
    res.last_position = pos - 1;
    for (auto& x : r.extra) {
      if (x.remove) batch.Delete(db_->Family(x.family), x.key);
      else batch.Put(db_->Family(x.family), x.key, x.value(res));
    }
    w->result = std::move(res);
  }
  if (written == 0) return;

  rocksdb::WriteOptions wo;
  wo.sync = options_.sync;
  rocksdb::Status st = db_->db()->Write(wo, &batch);
  if (!st.ok()) {
    const Error failed = Error::Of(errc::kStoreFailed, st.ToString());
    for (Writer* w : group) {
      if (w->result->ok()) w->result = failed;
    }
    // Positions and heads stay where they were; bg_error_ is set by the caller.
    return;
  }
  next_position_ = pos;
  last_hash_ = prev;
  for (Writer* w : group) {
    if (!w->result->ok()) continue;
    for (auto& x : w->req->extra) {
      if (x.committed) x.committed();
    }
  }
  {
    std::lock_guard lock(heads_mu_);
    if (heads_.size() + staged.size() > options_.head_cache_entries) heads_.clear();  // bounded; misses reload from disk
    for (auto& [s, v] : staged) heads_[s] = v;
  }
  {
    std::lock_guard lock(commit_mu_);
    committed_position_.store(pos - 1);
  }
  commit_cv_.notify_all();
  if (metrics_) metrics_->ObserveGroupCommit(written, group.size());
}

std::vector<RecordedEvent> EventStore::ReadAll(std::uint64_t from, std::size_t limit) {
  std::vector<RecordedEvent> out;
  const std::uint64_t last = committed_position_.load();
  if (from == 0) from = 1;
  if (from > last || limit == 0) return out;
  out.reserve(std::min<std::size_t>(limit, last - from + 1));
  ForEach(from, [&](RecordedEvent&& e) {
    out.push_back(std::move(e));
    return out.size() < limit;
  });
  return out;
}

void EventStore::ForEach(std::uint64_t from, const std::function<bool(RecordedEvent&&)>& fn) {
  ForEachView(from, [&fn](const RecordView& v) { return fn(v.ToRecorded()); });
}

void EventStore::ForEachView(std::uint64_t from, const std::function<bool(const RecordView&)>& fn) {
  const std::uint64_t last = committed_position_.load();
  if (from == 0) from = 1;
  if (from > last) return;
  // Far from the log's end (a replay, a rebuild, a dump) the scan reads ahead 2 MB at a time,
  // as the raw scan of bench/replay_bench.cpp does; near it (a projector tailing the log) it
  // does not pay for megabytes it never uses, and RocksDB grows its own readahead instead.
  rocksdb::ReadOptions ro;
  constexpr std::uint64_t kLongScan = 10'000;  // events
  if (last - from + 1 >= kLongScan) ro.readahead_size = 2 << 20;
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(ro, events_cf_));
  std::uint64_t expected = from;  // every committed position exists: a missing one is damage
  for (it->Seek(EncodeU64(from)); it->Valid(); it->Next(), ++expected) {
    const std::uint64_t pos = it->key().size() == 8 ? DecodeU64(it->key().data()) : 0;
    if (pos > last) return;
    if (pos != expected) throw Unreadable(expected, last, "position " + std::to_string(expected) + " is missing");
    auto rec = DecodeRecordView(std::string_view(it->value().data(), it->value().size()));
    if (!rec.ok()) throw Unreadable(pos, last, "undecodable record: " + rec.error().detail);
    if (!fn(*rec)) return;
  }
  // The iterator stops at the end of the data and at the first block it cannot read alike:
  // only its status tells them apart.
  if (!it->status().ok()) {
    throw Unreadable(expected, last, it->status().ToString(),
                     it->status().IsCorruption() ? "store_corrupted" : "store_failed");
  }
  if (expected <= last) throw Unreadable(expected, last, "the log ends before its last committed position");
}

StoreError EventStore::Unreadable(std::uint64_t first, std::uint64_t last, const std::string& why,
                                  const char* code) {
  return StoreError(code, "event log positions " + std::to_string(first) + ".." +
                                           std::to_string(last) + " cannot be read: " + why);
}

std::vector<RecordedEvent> EventStore::ReadStream(const std::string& stream,
                                                  std::uint64_t from_version, std::size_t limit) {
  std::vector<RecordedEvent> out;
  const std::uint64_t last = committed_position_.load();
  std::unique_ptr<rocksdb::Iterator> it(
      db_->db()->NewIterator(rocksdb::ReadOptions(), streams_cf_));
  const std::string prefix = stream + std::string(1, '\0');
  for (it->Seek(StreamKey(stream, std::max<std::uint64_t>(from_version, 1)));
       it->Valid() && out.size() < limit && it->key().starts_with(prefix); it->Next()) {
    const std::uint64_t pos = DecodeU64(it->value().data());
    if (pos > last) break;
    auto e = ReadAt(pos);
    if (!e) throw Unreadable(pos, pos, "the stream index of " + stream + " names a missing event");
    out.push_back(std::move(*e));
  }
  if (!it->status().ok()) throw StoreErrorOf(it->status(), "the stream index of " + stream);
  return out;
}

std::optional<RecordedEvent> EventStore::ReadAt(std::uint64_t position) {
  std::string value;
  if (!db_->Get(events_cf_, EncodeU64(position), &value)) return std::nullopt;
  auto rec = DecodeRecord(value);
  if (!rec.ok()) throw std::runtime_error("corrupt event record: " + rec.error().detail);
  return std::move(rec).value();
}

std::uint64_t EventStore::HighestNumberedStream(const std::string& prefix) {
  std::unique_ptr<rocksdb::Iterator> iter(
      db_->db()->NewIterator(rocksdb::ReadOptions(), streams_cf_));
  // Keys are "<stream>\0<version>"; ':' follows '9', so this lands on the last numbered stream.
  iter->SeekForPrev(prefix + ":");
  CheckIterator(*iter, "the stream index under " + prefix);
  if (!iter->Valid() || !iter->key().starts_with(prefix)) return 0;
  return std::strtoull(iter->key().ToString().c_str() + prefix.size(), nullptr, 10);
}

std::uint64_t EventStore::WaitForCommit(std::uint64_t after,
                                        std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(commit_mu_);
  commit_cv_.wait_until(lock, deadline, [&] { return committed_position_.load() > after; });
  return committed_position_.load();
}

std::optional<Error> EventStore::WriteError() const {
  std::lock_guard lock(mu_);
  return bg_error_;
}

std::uint64_t EventStore::Verify(std::string* problem,
                                 const std::function<void(std::uint64_t, std::uint64_t)>& progress,
                                 const std::function<void(const RecordedEvent&)>& inspect) {
  const std::uint64_t total = committed_position_.load();
  if (!open_error_.empty()) {
    *problem = open_error_;
    return std::max<std::uint64_t>(total, 1);
  }
  rocksdb::ReadOptions ro;
  ro.readahead_size = 2 << 20;
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(ro, events_cf_));
  crypto::Digest prev{};
  std::uint64_t expected = 1;
  auto fail = [&](std::string why) {
    *problem = std::move(why);
    return expected;
  };
  for (it->SeekToFirst(); it->Valid(); it->Next(), ++expected) {
    const std::uint64_t pos = it->key().size() == 8 ? DecodeU64(it->key().data()) : 0;
    const std::string_view value(it->value().data(), it->value().size());
    if (pos != expected) return fail("gap: expected position " + std::to_string(expected));
    auto rec = DecodeRecord(value);
    if (!rec.ok()) return fail("undecodable record: " + rec.error().detail);
    if (rec->position != pos) return fail("record claims position " + std::to_string(rec->position));
    if (rec->prev_hash != prev) return fail("prevHash does not match the previous event's hash");
    if (!RecordHashMatches(value)) return fail("hash does not match the record's bytes");
    prev = rec->hash;
    if (inspect) inspect(*rec);
    if (progress && pos % 10000 == 0) progress(pos, total);
  }
  // A block that fails its checksum ends the iteration like the end of the data does.
  if (!it->status().ok()) {
    return fail("positions " + std::to_string(expected) + ".." + std::to_string(std::max(total, expected)) +
                " cannot be read: " + it->status().ToString());
  }
  if (expected - 1 != total) {
    return fail("the log's last readable position is " + std::to_string(expected - 1) +
                " but its last recorded position is " + std::to_string(total));
  }
  if (progress) progress(expected - 1, total);
  return 0;
}

}  // namespace istihdam
