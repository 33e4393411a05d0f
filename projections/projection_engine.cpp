#include "projections/projection_engine.h"

#include <spdlog/spdlog.h>

#include "infra/metrics.h"

namespace istihdam {

namespace {
std::string GenerationKey(const std::string& name) { return "generation/" + name; }
std::string CheckpointKey(const std::string& name, std::uint64_t gen) {
  return "checkpoint/" + name + "/" + std::to_string(gen);
}
std::string FamilyName(const std::string& name, const std::string& table, std::uint64_t gen) {
  return "rm." + name + "." + table + ".g" + std::to_string(gen);
}
// The rows of one scratch table; an unknown table reads as empty.
const std::map<std::string, std::string>& ScratchTable(const ScratchTables& s, const std::string& table) {
  static const std::map<std::string, std::string> kEmpty;
  auto it = s.rows.find(table);
  return it == s.rows.end() ? kEmpty : it->second;
}

bool ScratchGet(const ScratchTables& s, const std::string& table, const std::string& key, std::string* value) {
  const auto& t = ScratchTable(s, table);
  auto it = t.find(key);
  if (it == t.end()) return false;
  *value = it->second;
  return true;
}

}  // namespace

TableSet::~TableSet() {
  if (obsolete && db) {
    for (const auto& f : family_names) db->Drop(f);
  }
}

rocksdb::ColumnFamilyHandle* TableSet::Table(const std::string& name) const {
  auto it = tables.find(name);
  if (it == tables.end()) throw std::logic_error("unknown read-model table " + name);
  return it->second;
}

void ProjectionBatch::Put(const std::string& table, const std::string& key, const std::string& value) {
  if (scratch_) {
    scratch_->rows[table][key] = value;
    return;
  }
  batch_->Put(tables_->Table(table), key, value);
}

void ProjectionBatch::Delete(const std::string& table, const std::string& key) {
  if (scratch_) {
    scratch_->rows[table].erase(key);
    return;
  }
  batch_->Delete(tables_->Table(table), key);
}

bool ProjectionBatch::Get(const std::string& table, const std::string& key, std::string* value) {
  if (scratch_) return ScratchGet(*scratch_, table, key, value);
  auto st = batch_->GetFromBatchAndDB(db_->db(), rocksdb::ReadOptions(), tables_->Table(table), key, value);
  if (st.IsNotFound()) return false;
  if (!st.ok()) throw std::runtime_error("read model get: " + st.ToString());
  return true;
}

bool ReadView::Get(const std::string& table, const std::string& key, std::string* value) const {
  if (scratch_) return ScratchGet(*scratch_, table, key, value);
  return db_->Get(tables_->Table(table), key, value);
}

void ReadView::Scan(const std::string& table, const std::string& prefix,
                    const std::function<bool(const std::string&, const std::string&)>& fn) const {
  if (scratch_) {
    const auto& t = ScratchTable(*scratch_, table);
    for (auto it = t.lower_bound(prefix); it != t.end() && it->first.starts_with(prefix); ++it) {
      if (!fn(it->first, it->second)) return;
    }
    return;
  }
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(rocksdb::ReadOptions(), tables_->Table(table)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    if (!fn(it->key().ToString(), it->value().ToString())) return;
  }
  CheckIterator(*it, "read model table " + table);
}

void ReadView::ScanViews(const std::string& table, const std::string& prefix,
                         const std::function<bool(std::string_view, std::string_view)>& fn) const {
  if (scratch_) {
    Scan(table, prefix, [&fn](const std::string& k, const std::string& v) { return fn(k, v); });
    return;
  }
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(rocksdb::ReadOptions(), tables_->Table(table)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    if (!fn(std::string_view(it->key().data(), it->key().size()),
            std::string_view(it->value().data(), it->value().size()))) {
      return;
    }
  }
  CheckIterator(*it, "read model table " + table);
}

void ReadView::ScanFrom(const std::string& table, const std::string& start,
                        const std::function<bool(const std::string&, const std::string&)>& fn,
                        bool reverse) const {
  if (scratch_) {
    const auto& t = ScratchTable(*scratch_, table);
    if (!reverse) {
      for (auto it = t.lower_bound(start); it != t.end(); ++it) {
        if (!fn(it->first, it->second)) return;
      }
      return;
    }
    // From the last key <= start (or the last key) down.
    auto it = start.empty() ? t.end() : t.upper_bound(start);
    while (it != t.begin()) {
      --it;
      if (!fn(it->first, it->second)) return;
    }
    return;
  }
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(rocksdb::ReadOptions(), tables_->Table(table)));
  if (reverse) {
    if (start.empty()) {
      it->SeekToLast();
    } else {
      it->SeekForPrev(start);
    }
  } else {
    it->Seek(start);
  }
  for (; it->Valid(); reverse ? it->Prev() : it->Next()) {
    if (!fn(it->key().ToString(), it->value().ToString())) return;
  }
  CheckIterator(*it, "read model table " + table);
}

struct ProjectionEngine::Slot {
  std::unique_ptr<Projector> projector;
  std::set<std::string, std::less<>> types;  // projector->event_types(); empty: every event
  std::mutex apply_mu;          // one writer of the tables at a time (tail thread or rebuild)
  mutable std::mutex tables_mu;  // guards `tables`
  std::shared_ptr<TableSet> tables;
  std::atomic<std::uint64_t> position{0};
  std::thread thread;
  mutable std::mutex error_mu;  // guards `error`
  std::string error;            // non-empty while the tail thread cannot advance
};

ProjectionEngine::ProjectionEngine(Database* db, EventStore* store, Metrics* metrics)
    : db_(db), owned_source_(std::make_unique<LogEventSource>(store)), source_(owned_source_.get()),
      metrics_(metrics) {}

ProjectionEngine::ProjectionEngine(Database* db, EventSource* source, Metrics* metrics)
    : db_(db), source_(source), metrics_(metrics) {}

ProjectionEngine::~ProjectionEngine() { Stop(); }

std::shared_ptr<TableSet> ProjectionEngine::OpenGeneration(Slot& slot, std::uint64_t gen) {
  auto ts = std::make_shared<TableSet>();
  ts->db = db_;
  ts->generation = gen;
  for (const auto& t : slot.projector->tables()) {
    const auto fname = FamilyName(slot.projector->name(), t, gen);
    ts->tables[t] = db_->Family(fname);
    ts->family_names.push_back(fname);
  }
  return ts;
}

void ProjectionEngine::Add(std::unique_ptr<Projector> projector) {
  auto slot = std::make_unique<Slot>();
  slot->projector = std::move(projector);
  for (auto& t : slot->projector->event_types()) slot->types.insert(std::move(t));
  const std::string name = slot->projector->name();
  auto* checkpoints = db_->Family(cf::kCheckpoints);
  std::string v;
  const std::uint64_t gen = db_->Get(checkpoints, GenerationKey(name), &v) ? DecodeU64(v.data()) : 1;
  slot->tables = OpenGeneration(*slot, gen);
  if (db_->Get(checkpoints, CheckpointKey(name, gen), &v)) slot->position = DecodeU64(v.data());
  slots_.push_back(std::move(slot));
}

std::uint64_t ProjectionEngine::ApplyChunk(Slot& slot, TableSet& tables, std::uint64_t from,
                                           std::size_t max) {
  rocksdb::WriteBatchWithIndex wb(rocksdb::BytewiseComparator(), 0, true);
  ProjectionBatch batch(db_, &tables, &wb);
  std::uint64_t last = from - 1;
  // Events of types the projector does not declare are passed over in place: only the ones it
  // handles are copied out of the iterator (and their payloads decoded by Apply).
  const std::size_t seen = source_->Visit(from, max, [&](const RecordView& v) {
    if (slot.types.empty() || slot.types.contains(v.type)) slot.projector->Apply(v.ToRecorded(), batch);
    last = v.position;
    return true;
  });
  if (seen == 0) {
    if (source_->LastPosition() >= from) {  // a source must never read short of its end
      throw StoreError("store_corrupted", "position " + std::to_string(from) + " is committed but could not be read");
    }
    return from - 1;
  }
  wb.Put(db_->Family(cf::kCheckpoints), CheckpointKey(slot.projector->name(), tables.generation),
         EncodeU64(last));
  rocksdb::WriteOptions wo;  // not synced: the log is durable, a lost tail is re-applied
  auto st = db_->db()->Write(wo, wb.GetWriteBatch());
  if (!st.ok()) throw StoreErrorOf(st, "projection write");
  return last;
}

void ProjectionEngine::CatchUp() {
  for (auto& slot : slots_) {
    std::lock_guard lock(slot->apply_mu);
    for (;;) {
      std::shared_ptr<TableSet> tables;
      {
        std::lock_guard tl(slot->tables_mu);
        tables = slot->tables;
      }
      const auto from = slot->position.load() + 1;
      const auto last = ApplyChunk(*slot, *tables, from, 1000);
      if (last < from) break;
      slot->position = last;
    }
  }
  { std::lock_guard lock(wait_mu_); }
  wait_cv_.notify_all();
}

void ProjectionEngine::Run(Slot& slot) {
  using std::chrono::milliseconds;
  const milliseconds kFirstBackoff(100), kMaxBackoff(5000);
  milliseconds backoff = kFirstBackoff;
  while (running_) {
    const auto pos = slot.position.load();
    source_->WaitForMore(pos, std::chrono::steady_clock::now() + std::chrono::milliseconds(200));
    if (!running_) break;
    std::string failure;
    try {
      std::lock_guard lock(slot.apply_mu);
      std::shared_ptr<TableSet> tables;
      {
        std::lock_guard tl(slot.tables_mu);
        tables = slot.tables;
      }
      const auto from = slot.position.load() + 1;
      const auto last = ApplyChunk(slot, *tables, from, 1000);
      if (last >= from) slot.position = last;
    } catch (const std::exception& e) {
      failure = e.what();
    }
    // One log line per change of state, not one per retry.
    bool changed = false;
    {
      std::lock_guard el(slot.error_mu);
      changed = slot.error.empty() != failure.empty();
      slot.error = failure;
    }
    if (!failure.empty()) {
      if (changed) {
        spdlog::error("projection {} cannot advance past position {}: {}; retrying with back-off",
                      slot.projector->name(), slot.position.load(), failure);
      }
      std::unique_lock lock(wait_mu_);
      wait_cv_.wait_for(lock, backoff, [&] { return !running_; });
      backoff = std::min(backoff * 2, kMaxBackoff);
      continue;
    }
    if (changed) spdlog::info("projection {} advances again at position {}", slot.projector->name(), slot.position.load());
    backoff = kFirstBackoff;
    {
      std::lock_guard lock(wait_mu_);
    }
    wait_cv_.notify_all();
  }
}

void ProjectionEngine::Start() {
  if (running_.exchange(true)) return;
  for (auto& slot : slots_) {
    Slot* s = slot.get();
    s->thread = std::thread([this, s] { Run(*s); });
  }
  if (metrics_) {
    metrics_->SetScrapeHook("projections", [this](Metrics& m) {
      const auto last = source_->LastPosition();
      m.SetLogPosition(last);
      for (const auto& h : Health()) m.SetProjection(h.name, h.position, h.lag, h.stalled);
    });
  }
}

void ProjectionEngine::Stop() {
  if (!running_.exchange(false)) return;
  { std::lock_guard lock(wait_mu_); }
  wait_cv_.notify_all();  // wakes projectors backing off
  for (auto& slot : slots_) {
    if (slot->thread.joinable()) slot->thread.join();
  }
  if (metrics_) metrics_->SetScrapeHook("projections", {});
}

ProjectionEngine::Slot& ProjectionEngine::Find(const std::string& name) const {
  for (const auto& slot : slots_) {
    if (slot->projector->name() == name) return *slot;
  }
  throw std::invalid_argument("unknown projection " + name);
}

Status ProjectionEngine::Rebuild(const std::string& name,
                                 const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  Slot* slot = nullptr;
  for (const auto& s : slots_) {
    if (s->projector->name() == name) slot = s.get();
  }
  if (!slot) return Error::Of(errc::kUnknownProjection, name);
  std::uint64_t gen;
  {
    std::lock_guard tl(slot->tables_mu);
    gen = slot->tables->generation + 1;
  }
  // Leftovers of an interrupted rebuild of the same generation are dropped first.
  for (const auto& t : slot->projector->tables()) db_->Drop(FamilyName(name, t, gen));
  auto fresh = OpenGeneration(*slot, gen);
  std::uint64_t pos = 0;
  auto replay_until = [&](std::uint64_t target) {
    while (pos < target) {
      const auto last = ApplyChunk(*slot, *fresh, pos + 1, 1000);
      if (last <= pos) break;
      pos = last;
      if (progress) progress(pos, source_->LastPosition());
    }
    if (pos < target) {
      throw StoreError("store_corrupted", "the replay ended at position " + std::to_string(pos) + " of " +
                                              std::to_string(target));
    }
  };
  // A replay that cannot read (or write) everything never replaces the serving generation.
  auto refused = [&](const StoreError& e) {
    spdlog::error("rebuild of {} refused, the current tables keep serving: {}", name, e.what());
    fresh->obsolete = true;  // its families are dropped with it
    db_->db()->Delete(rocksdb::WriteOptions(), db_->Family(cf::kCheckpoints), CheckpointKey(name, gen))
        .PermitUncheckedError();
    return Error::Of(e.code(), e.what());
  };
  try {
    replay_until(source_->LastPosition());  // bulk, while the old generation keeps serving
  } catch (const StoreError& e) {
    return refused(e);
  }
  std::lock_guard lock(slot->apply_mu);  // then the tail, with the tail thread held
  try {
    replay_until(source_->LastPosition());
  } catch (const StoreError& e) {
    return refused(e);
  }
  rocksdb::WriteOptions wo;
  wo.sync = true;
  auto st = db_->db()->Put(wo, db_->Family(cf::kCheckpoints), GenerationKey(name), EncodeU64(gen));
  if (!st.ok()) return Error::Of(errc::kStoreFailed, st.ToString());
  std::shared_ptr<TableSet> old;
  {
    std::lock_guard tl(slot->tables_mu);
    old = std::move(slot->tables);
    slot->tables = fresh;
  }
  slot->position = pos;
  db_->db()->Delete(rocksdb::WriteOptions(), db_->Family(cf::kCheckpoints),
                    CheckpointKey(name, old->generation)).PermitUncheckedError();
  old->obsolete = true;  // dropped when the last reader releases it
  { std::lock_guard wl(wait_mu_); }
  wait_cv_.notify_all();
  if (progress) progress(pos, pos);
  return Status::Ok();
}

std::uint64_t ProjectionEngine::Position() const {
  std::uint64_t p = UINT64_MAX;
  for (const auto& slot : slots_) p = std::min(p, slot->position.load());
  return slots_.empty() ? source_->LastPosition() : p;
}

std::uint64_t ProjectionEngine::Position(const std::string& name) const {
  return Find(name).position.load();
}

std::uint64_t ProjectionEngine::WaitFor(std::uint64_t position,
                                        std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(wait_mu_);
  wait_cv_.wait_until(lock, deadline, [&] { return Position() >= position; });
  return Position();
}

ReadView ProjectionEngine::View(const std::string& name) const {
  Slot& slot = Find(name);
  std::lock_guard tl(slot.tables_mu);
  return ReadView(db_, slot.tables);
}

std::vector<ProjectionHealth> ProjectionEngine::Health() const {
  const auto last = source_->LastPosition();
  std::vector<ProjectionHealth> out;
  for (const auto& slot : slots_) {
    ProjectionHealth h;
    h.name = slot->projector->name();
    h.position = slot->position.load();
    h.lag = last > h.position ? last - h.position : 0;
    std::lock_guard el(slot->error_mu);
    h.stalled = !slot->error.empty();
    h.error = slot->error;
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<std::string> ProjectionEngine::Names() const {
  std::vector<std::string> out;
  for (const auto& slot : slots_) out.push_back(slot->projector->name());
  return out;
}

}  // namespace istihdam
