#include "http/app.h"

#include <boost/json.hpp>
#include <malloc.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>

#include "http/kps_public.h"
#include "http/serve.h"
#include "http/server.h"
#include "infra/backup.h"
#include "projections/as_of.h"
#include "projections/replica_sessions.h"

namespace istihdam::http {

std::unique_ptr<App> App::Open(const Config& config, const Clock* clock) {
  crypto::Init();
  std::unique_ptr<App> app(new App());
  std::filesystem::create_directories(config.data_dir);
  auto ref = ReferenceData::Load(config.reference_dir);
  if (!ref.ok()) throw std::runtime_error("reference data: " + ref.error().code + " " + ref.error().detail);
  if (!config.typ_attendance_types_file.empty()) {
    auto st = ref->LoadAttendanceTypes(config.typ_attendance_types_file);
    if (!st.ok()) throw std::runtime_error("reference data: " + st.error().code + " " + st.error().detail);
  }
  if (!config.impact_survey_questions_file.empty()) {
    auto st = ref->LoadImpactSurveyQuestions(config.impact_survey_questions_file);
    if (!st.ok()) throw std::runtime_error("reference data: " + st.error().code + " " + st.error().detail);
  }
  auto db = Database::Open(config.data_dir);
  if (!db.ok()) throw std::runtime_error("database: " + db.error().detail);
  app->metrics_ = std::make_unique<Metrics>();
  app->db_ = std::move(db).value();
  // As-of snapshots hold rows computed by this build's projectors and reference data; one
  // written by another build could serve a document no replay would give now. So they are
  // dropped at every start and rebuilt by the reads themselves (docs/audit.md).
  DropAsOfSnapshots(*app->db_);
  EventStore::Options store_options;
  store_options.head_cache_entries = config.stream_head_cache_entries;
  app->store_ = std::make_unique<EventStore>(app->db_.get(), clock, app->metrics_.get(), store_options);
  StreamReader* reader = app->store_.get();
  if (config.role == "read") {  // a read replica: projectors and aggregates read what Kafka delivers
    app->replica_log_ = std::make_unique<ReplicaLog>(app->db_.get(), config.kafka_topic);
    reader = app->replica_log_.get();
  }
  app->services_ = std::make_unique<Services>(config, clock, app->db_.get(), app->store_.get(), reader,
                                              app->metrics_.get(), std::move(ref).value());
  // The real identity service replaces the stand-ins when configured (its client uses Beast,
  // so it is chosen here rather than in commands/).
  if (!config.kps_public.url.empty()) app->services_->identity = MakeKpsPublicProvider(config.kps_public);
  if (app->replica_log_) {
    app->projections_ = std::make_unique<ProjectionEngine>(app->db_.get(), app->replica_log_.get(), app->metrics_.get());
    // Login sessions are a side table of the write node; a replica rebuilds them from the
    // UserLoggedIn/UserLoggedOut events (projections/replica_sessions.h).
    app->projections_->Add(MakeReplicaSessionsProjector());
    ProjectionEngine* engine = app->projections_.get();
    app->services_->find_session = [engine](const std::string& key, std::string* value) {
      return engine->View(kReplicaSessionsProjection).Get(kReplicaSessionsTable, key, value);
    };
    // Its rows change as events are applied: a cached session is reused only until the next one.
    app->services_->session_epoch = [engine] { return engine->Position(); };
  } else {
    app->projections_ = std::make_unique<ProjectionEngine>(app->db_.get(), app->store_.get(), app->metrics_.get());
  }
  if (app->replica_log_) {
    app->event_log_ = app->replica_log_.get();
  } else {
    app->local_log_ = std::make_unique<LogEventSource>(app->store_.get());
    app->event_log_ = app->local_log_.get();
  }
  auto search = JobSearch::Open(config.data_dir + "/search/job_postings", app->projections_.get(), app->services_->ref);
  if (!search.ok()) throw std::runtime_error("search index: " + search.error().detail);
  app->job_search_ = std::move(search).value();
  app->router_ = std::make_unique<Router>(*app);
  app->metrics_->SetScrapeHook("memory", [a = app.get()](Metrics& m) { a->ReportMemory(m); });
  RegisterContexts(*app, app->registry_, *app->projections_, *app->router_);
  {  // signed checkpoints (docs/audit.md): the key is created on first start
    const std::string name = config.instance_name.empty() ? checkpoint::DefaultInstanceName() : config.instance_name;
    const std::string key_file =
        config.checkpoint_key_file.empty() ? config.data_dir + "/checkpoint-signing.key" : config.checkpoint_key_file;
    auto key = checkpoint::LoadOrCreateKey(key_file, name);
    if (!key.ok()) throw std::runtime_error("checkpoint key: " + key.error().detail);
    CheckpointSigner::Publish publish;
    if (!config.kafka_brokers.empty() && config.role != "read" && !config.kafka_checkpoint_topic.empty()) {
      KafkaOptions o;
      o.brokers = config.kafka_brokers;
      o.partitions = 1;  // one ordered sequence of checkpoints
      o.replication_factor = config.kafka_replication_factor;
      o.extra = config.kafka_properties;
      app->checkpoint_producer_ = std::make_unique<KafkaRecordProducer>(o, config.kafka_checkpoint_topic);
      KafkaRecordProducer* producer = app->checkpoint_producer_.get();
      publish = [producer](const checkpoint::Checkpoint& c) { producer->Publish(c.origin, c.note); };
    }
    app->checkpoints_ = std::make_unique<CheckpointSigner>(
        app->projections_.get(), std::move(key).value(), checkpoint::Origin(name),
        config.data_dir + "/checkpoint-latest.txt",
        std::chrono::seconds(std::max(1u, config.checkpoint_interval_seconds)), std::move(publish));
  }
  KafkaOptions kafka;
  kafka.brokers = config.kafka_brokers;
  kafka.topic = config.kafka_topic;
  kafka.confidential_topic = config.kafka_confidential_topic;
  kafka.partitions = config.kafka_partitions;
  kafka.replication_factor = config.kafka_replication_factor;
  kafka.extra = config.kafka_properties;
  if (config.role == "read" && !config.kafka_brokers.empty()) {  // none for `rebuild --role read`
    App* a = app.get();
    app->consumer_ = std::make_unique<KafkaConsumer>(
        app->replica_log_.get(), app->metrics_.get(),
        [a](std::string_view json) -> Result<RecordedEvent> {
          boost::system::error_code ec;
          auto v = boost::json::parse(json, ec);
          if (ec || !v.is_object()) return Error::Of(errc::kMalformedEvent, "not a JSON object");
          return a->registry_.FromJson(v.as_object());
        },
        kafka);
  } else if (!config.kafka_brokers.empty()) {
    App* a = app.get();
    app->publisher_ = std::make_unique<KafkaPublisher>(
        app->db_.get(), app->store_.get(), app->metrics_.get(),
        [a](const RecordedEvent& e) { return boost::json::serialize(a->registry_.ToJson(e)); }, kafka);
  }
  return app;
}

// Where the process's memory is, sampled at each scrape (docs/storage.md "Memory bounds").
void App::ReportMemory(Metrics& m) {
  const auto rocks = db_->MemoryUsage();
  m.SetMemoryBytes("rocksdb_memtables", static_cast<double>(rocks.memtables));
  m.SetMemoryBytes("rocksdb_table_readers", static_cast<double>(rocks.table_readers));
  m.SetMemoryBytes("rocksdb_block_cache", static_cast<double>(rocks.block_cache));
  m.SetMemoryBytes("rocksdb_block_cache_pinned", static_cast<double>(rocks.block_cache_pinned));
  const struct mallinfo2 heap = mallinfo2();
  m.SetMemoryBytes("malloc_in_use", static_cast<double>(heap.uordblks + heap.hblkhd));
  m.SetMemoryBytes("malloc_free_held", static_cast<double>(heap.fordblks));
  m.SetCacheEntries("stream_heads", static_cast<double>(store_->CachedHeads()));
  m.SetCacheEntries("aggregate_states", static_cast<double>(services_->CachedAggregateStates()));
  m.SetCacheEntries("sessions", static_cast<double>(services_->session_cache.Entries()));
}

App::~App() {
  if (metrics_) metrics_->SetScrapeHook("memory", {});
  if (checkpoints_) checkpoints_->Stop();
  StopKafka();
  if (job_search_) job_search_->Stop();
  if (projections_) projections_->Stop();
}

void App::StartKafka() {
  Status st = Status::Ok();
  if (checkpoint_producer_) st = checkpoint_producer_->Start();
  if (!st.ok()) throw std::runtime_error("kafka: " + st.error().detail);
  if (publisher_) st = publisher_->Start();
  if (consumer_) st = consumer_->Start();
  if (!st.ok()) throw std::runtime_error("kafka: " + st.error().detail);
}

void App::StopKafka() {
  if (consumer_) consumer_->Stop();
  if (publisher_) publisher_->Stop();
  if (checkpoint_producer_) checkpoint_producer_->Stop();
}

int App::Serve() { return http::Serve(*this, ListenerConfig{}); }

namespace {

// Phases 2 and 3 of the drain (docs/server-lifecycle.md): no request runs any more, so the
// committed position is final; the read models and the Kafka relay get until `deadline` to
// reach it, then everything stops and RocksDB flushes its memtables.
void DrainBackground(App& app, std::chrono::steady_clock::time_point deadline) {
  using SteadyClock = std::chrono::steady_clock;
  const auto left_ms = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::max(deadline - SteadyClock::now(), SteadyClock::duration::zero()))
        .count();
  };
  const ReplicaLog* replica = app.replica_log();
  if (replica) app.StopKafka();  // a read replica takes nothing more from the topic
  const std::uint64_t target = replica ? replica->LastPosition() : app.store().LastPosition();
  spdlog::info("drain: HTTP done; read models{} catching up to log position {} ({} ms left)",
               app.publisher() ? " and Kafka relay" : "", target, left_ms());
  // Waits in slices so that a follower that cannot advance (a stalled projection, a relay that
  // cannot read the log) does not hold the process until the deadline.
  const auto slice = [&] { return std::min(deadline, SteadyClock::now() + std::chrono::milliseconds(200)); };
  std::string stalled;
  std::uint64_t projected = 0;
  for (;;) {
    projected = app.projections().WaitFor(target, slice());
    if (projected >= target || SteadyClock::now() >= deadline) break;
    for (const auto& h : app.projections().Health()) {
      if (h.stalled) stalled = h.name + ": " + h.error;
    }
    if (!stalled.empty()) break;
  }
  if (projected >= target) {
    spdlog::info("drain: read models at position {}", projected);
  } else {
    spdlog::warn("drain: {} with the read models at position {} of {}; they catch up at the next start",
                 stalled.empty() ? "deadline passed" : "not waiting for a stalled projection (" + stalled + ")", projected,
                 target);
  }
  if (const KafkaPublisher* publisher = app.publisher()) {
    std::uint64_t published = 0;
    std::string read_error;
    for (;;) {
      published = publisher->WaitFor(target, slice());
      if (published >= target || SteadyClock::now() >= deadline) break;
      read_error = publisher->ReadError();
      if (!read_error.empty()) break;
    }
    if (published >= target) {
      spdlog::info("drain: Kafka relay published up to position {}", published);
    } else {
      spdlog::warn("drain: {} with the Kafka relay at position {} of {}; the rest goes out at the next start",
                   read_error.empty() ? "deadline passed" : "not waiting for a relay that cannot read the log (" + read_error + ")",
                   published, target);
    }
  }
  // The last checkpoint covers everything the drain let through; the relay is still up to publish it.
  app.checkpoints().Stop();
  try {
    app.checkpoints().SignIfGrown();
  } catch (const std::exception& e) {
    spdlog::warn("drain: no final checkpoint ({})", e.what());
  }
  app.StopKafka();
  app.job_search().Stop();
  app.projections().Stop();
  if (auto failed = app.store().WriteError()) {  // RocksDB refuses writes after a failed one
    spdlog::warn("drain: store not flushed ({}); the write-ahead log holds every committed event", failed->code);
    return;
  }
  rocksdb::FlushOptions flush;
  flush.wait = true;
  flush.allow_write_stall = true;  // flush now rather than wait for a write stall to clear
  std::vector<rocksdb::ColumnFamilyHandle*> families;
  for (const auto& name : app.db().FamilyNames()) {
    if (auto* f = app.db().FindFamily(name)) families.push_back(f);
  }
  const auto st = app.db().db()->Flush(flush, families);
  if (st.ok()) {
    spdlog::info("drain: store flushed");
  } else {
    spdlog::warn("drain: store flush failed ({}); the write-ahead log holds every committed event", st.ToString());
  }
}

}  // namespace

int Serve(App& app, const ListenerConfig& listener) {
  const Config& config = app.config();
  if (config.role == "read" && config.kafka_brokers.empty()) throw std::runtime_error("--role read needs --kafka-brokers");
  // First, so that unusable TLS files stop start-up before anything runs.
  HttpServer server(config, listener, [&app](HttpRequest& req) { return app.router().Dispatch(req); });
  app.projections().Start();
  app.job_search().Start();
  if (config.demo && config.role != "read") SeedDemoData(app);
  app.StartKafka();
  app.checkpoints().Start();  // after Kafka: its first checkpoint is published too
  const auto port = server.Listen();
  if (!config.port_file.empty()) {
    const std::string tmp = config.port_file + ".tmp";
    std::ofstream(tmp) << port << "\n";
    std::filesystem::rename(tmp, config.port_file);
  }
  // Loud on purpose: an operator must see at once whether real identities are being checked.
  if (config.kps_public.url.empty()) {
    spdlog::warn("identity service (KPS): NOT the real registry: {}", app.services().identity->Describe());
  } else {
    spdlog::info("identity service (KPS): {}", app.services().identity->Describe());
  }
  spdlog::info("istihdam listening on {}://{}:{} (data {}, log position {})", server.tls() ? "https" : "http",
               config.bind_address, port, config.data_dir, app.store().LastPosition());
  // `istihdam backup` asks this process for a consistent backup (infra/backup.h).
  BackupListener backups(app.db().db(), config.data_dir);
  if (auto st = backups.Start(); !st.ok()) spdlog::warn("online backup unavailable: {}", st.error().detail);
  server.Run();
  backups.Stop();  // before the drain's flush: no backup starts on a stopping store
  DrainBackground(app, server.DrainDeadline().value_or(std::chrono::steady_clock::now()));
  spdlog::info("stopped");
  return 0;
}

}  // namespace istihdam::http
