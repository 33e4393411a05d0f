#pragma once
// The read side's engine: each projector owns column families (its tables) and a checkpoint
// written in the same WriteBatch as its rows, so an event is applied exactly once whatever
// crashes. Projectors tail an EventSource on their own threads: the local log, or on a read
// replica the events received from Kafka (infra/replica_log.h). A rebuild replays the log into
// a fresh generation of the tables and switches to it; the old one serves until then.
#include <rocksdb/utilities/write_batch_with_index.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "infra/database.h"
#include "infra/event_record.h"
#include "infra/event_source.h"
#include "infra/event_store.h"

namespace istihdam {

class Metrics;

// One generation of a projector's tables. Shared by readers; when a newer generation
// replaces it, its column families are dropped once the last reader lets go.
struct TableSet {
  Database* db = nullptr;
  std::uint64_t generation = 0;
  std::map<std::string, rocksdb::ColumnFamilyHandle*> tables;
  std::vector<std::string> family_names;
  bool obsolete = false;
  ~TableSet();
  rocksdb::ColumnFamilyHandle* Table(const std::string& name) const;
};

// In-memory tables (table name -> key -> value) that a projector can be replayed into outside
// the database: as-of reads fold one document's events into a fresh ScratchTables and read it
// with the projection's own Get function. Not thread-safe; owned by the caller.
struct ScratchTables {
  std::map<std::string, std::map<std::string, std::string>> rows;
};

// Writes of one projector while it applies a chunk of events. Reads see the chunk's own
// writes first (WriteBatchWithIndex). A batch over ScratchTables writes straight into them.
class ProjectionBatch {
 public:
  ProjectionBatch(Database* db, const TableSet* tables, rocksdb::WriteBatchWithIndex* batch)
      : db_(db), tables_(tables), batch_(batch) {}
  // `scratch` must outlive the batch.
  explicit ProjectionBatch(ScratchTables* scratch) : scratch_(scratch) {}
  void Put(const std::string& table, const std::string& key, const std::string& value);
  void Delete(const std::string& table, const std::string& key);
  bool Get(const std::string& table, const std::string& key, std::string* value);

 private:
  Database* db_ = nullptr;
  const TableSet* tables_ = nullptr;
  rocksdb::WriteBatchWithIndex* batch_ = nullptr;
  ScratchTables* scratch_ = nullptr;
};

// A consistent read handle on a projector's current tables.
class ReadView {
 public:
  ReadView(Database* db, std::shared_ptr<const TableSet> tables) : db_(db), tables_(std::move(tables)) {}
  // A view of in-memory tables (as-of reads); they must outlive the view.
  explicit ReadView(const ScratchTables* scratch) : scratch_(scratch) {}
  bool Get(const std::string& table, const std::string& key, std::string* value) const;
  // Calls fn(key, value) for each row whose key starts with prefix, in key order, until fn
  // returns false.
  void Scan(const std::string& table, const std::string& prefix,
            const std::function<bool(const std::string&, const std::string&)>& fn) const;
  // The same without copying: the views are valid during the call only (hot scans).
  void ScanViews(const std::string& table, const std::string& prefix,
                 const std::function<bool(std::string_view, std::string_view)>& fn) const;
  // Calls fn(key, value) for each row from the first key >= start (reverse: from the last key
  // <= start, or from the very last row when start is empty, going down) until fn returns false.
  void ScanFrom(const std::string& table, const std::string& start,
                const std::function<bool(const std::string&, const std::string&)>& fn,
                bool reverse = false) const;

 private:
  Database* db_ = nullptr;
  std::shared_ptr<const TableSet> tables_;
  const ScratchTables* scratch_ = nullptr;
};

class Projector {
 public:
  virtual ~Projector() = default;
  virtual std::string name() const = 0;
  virtual std::vector<std::string> tables() const = 0;
  // Applies one event (most projectors ignore most types). Must write only through `batch`
  // and be deterministic: a rebuild must produce the same rows.
  virtual void Apply(const RecordedEvent& e, ProjectionBatch& batch) = 0;
  // The event types Apply acts on: the engine gives it only these (events of other types are
  // skipped without being decoded; the checkpoint still moves past them). Must name every type
  // Apply does something with (tests/projections/projection_type_filter_test.cpp compares
  // rebuilds with and without the filter). Empty (the default): every event.
  virtual std::vector<std::string> event_types() const { return {}; }
};

// How one projector is doing, for /health and metrics.
struct ProjectionHealth {
  std::string name;
  std::uint64_t position = 0;  // last applied
  std::uint64_t lag = 0;       // positions behind its source
  bool stalled = false;        // cannot advance (unreadable log, failing write); retried with back-off
  std::string error;           // why, while stalled
};

// Thread-safe. Start() launches one tailing thread per projector; Stop() joins them.
class ProjectionEngine {
 public:
  // Projectors read the local log of `store`.
  ProjectionEngine(Database* db, EventStore* store, Metrics* metrics);
  // Projectors read `source` (e.g. the replica log fed from Kafka); it must outlive the engine.
  ProjectionEngine(Database* db, EventSource* source, Metrics* metrics);
  ~ProjectionEngine();

  void Add(std::unique_ptr<Projector> projector);
  void Start();
  void Stop();
  // Applies everything committed so far on the caller's thread (CLI, tests, start-up).
  void CatchUp();
  // Replays the projection from position 1 into a new generation, then switches to it.
  // Works while the engine runs. `progress(done, total)` is called now and then. Refuses to
  // switch (error "store_corrupted" or "store_failed", the old generation keeps serving) when
  // the replay could not read or write everything up to the source's last position.
  Status Rebuild(const std::string& name,
                 const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});

  // The lowest position applied by every projection.
  std::uint64_t Position() const;
  std::uint64_t Position(const std::string& name) const;
  // Waits until Position() >= position or the deadline; returns Position().
  std::uint64_t WaitFor(std::uint64_t position, std::chrono::steady_clock::time_point deadline);
  ReadView View(const std::string& name) const;
  std::vector<std::string> Names() const;
  std::vector<ProjectionHealth> Health() const;

 private:
  struct Slot;
  Slot& Find(const std::string& name) const;
  std::shared_ptr<TableSet> OpenGeneration(Slot& slot, std::uint64_t generation);
  std::uint64_t ApplyChunk(Slot& slot, TableSet& tables, std::uint64_t from, std::size_t max);
  void Run(Slot& slot);

  Database* db_;
  std::unique_ptr<EventSource> owned_source_;
  EventSource* source_;  // the local log or the replica log
  Metrics* metrics_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::atomic<bool> running_{false};
  std::mutex wait_mu_;
  std::condition_variable wait_cv_;
};

}  // namespace istihdam
