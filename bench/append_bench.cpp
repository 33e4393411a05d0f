// Durable append throughput and latency of EventStore, beside raw RocksDB baselines measured
// in the same run on the same disk.
//
//   append_bench [--seconds=5] [--threads=1,8,64] [--cases=ours,raw,batch] [--dir=/tmp]
//                [--stream=fresh|thread] [--ours-sync=1|0]
//   (env: BENCH_SECONDS, BENCH_THREADS, BENCH_CASES, BENCH_DIR, BENCH_STREAM, BENCH_OURS_SYNC)
//
// ours-N : N threads, each calling EventStore::Append (sync=true, the default) with one
//          EmployerRegistered event to its own stream, ExpectedVersion::Any. With
//          --stream=fresh (default) every append opens a new stream "employer-<uuid>", as a
//          registration does; with --stream=thread each thread appends to one stream of its own.
// raw-N  : N threads, each doing db->Write(sync=true) of a WriteBatch holding one Put of a value
//          the size of our stored event record, into cf "events" of a fresh DB opened with
//          the same options (Database::Open). RocksDB groups concurrent writers itself.
// batch64: one thread writing synced WriteBatches of 64 such Puts.
// --ours-sync=0 is a diagnostic: EventStore with sync=false, i.e. the store's CPU-bound ceiling.
//
// Every case runs on a fresh DB in a temp dir under --dir, removed afterwards. Each case has a
// warm-up (10% of the duration, at most 1 s) that is not counted.
#include <benchmark/benchmark.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <cinttypes>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>
#include <thread>

#include "bench/bench_util.h"
#include "events/codec.h"
#include "events/employers.h"
#include "infra/clock.h"
#include "infra/crypto.h"
#include "infra/database.h"
#include "infra/event_store.h"

namespace istihdam::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct CaseResult {
  std::string name;
  int threads = 0;
  double seconds = 0;
  std::uint64_t events = 0;
  std::uint64_t calls = 0;  // Append() / Write() calls
  double p50_us = 0, p99_us = 0, max_us = 0;
  double keys_per_sync = 0;   // from rocksdb.dbstats
  double writes_per_group = 0;
  double events_per_s() const { return seconds > 0 ? events / seconds : 0; }
};

enum Phase : int { kWarmup = 0, kMeasure = 1, kStop = 2 };

// Runs `threads` copies of op(thread, i, t0) (which returns the events it wrote) for the
// warm-up and the measured period. Latency is from t0 (op may move it forward past its
// preparation) to op's return.
template <class Op>
CaseResult RunThreads(const std::string& name, int threads, double seconds, Op op) {
  std::atomic<int> phase{kWarmup};
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::vector<double>> lat(threads);
  std::vector<std::uint64_t> events(threads, 0), calls(threads, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      lat[t].reserve(1 << 16);
      ready.fetch_add(1);
      while (!go.load()) std::this_thread::yield();
      for (std::uint64_t i = 0;; ++i) {
        const int before = phase.load(std::memory_order_relaxed);
        if (before == kStop) break;
        auto t0 = Clock::now();
        const std::uint64_t n = op(t, i, t0);
        const auto t1 = Clock::now();
        if (before == kMeasure && phase.load(std::memory_order_relaxed) == kMeasure) {
          lat[t].push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
          events[t] += n;
          calls[t] += 1;
        }
      }
    });
  }
  while (ready.load() < threads) std::this_thread::yield();
  go.store(true);
  const double warm = std::min(1.0, seconds * 0.1);
  std::this_thread::sleep_for(std::chrono::duration<double>(warm));
  const auto start = Clock::now();
  phase.store(kMeasure);
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  phase.store(kStop);
  const auto end = Clock::now();
  for (auto& th : pool) th.join();

  CaseResult r;
  r.name = name;
  r.threads = threads;
  r.seconds = Seconds(end - start);
  std::vector<double> all;
  for (int t = 0; t < threads; ++t) {
    r.events += events[t];
    r.calls += calls[t];
    all.insert(all.end(), lat[t].begin(), lat[t].end());
  }
  r.p50_us = Quantile(all, 0.50);
  r.p99_us = Quantile(all, 0.99);
  r.max_us = all.empty() ? 0 : *std::max_element(all.begin(), all.end());
  return r;
}

void FillWriteStats(rocksdb::DB* db, CaseResult* r) {
  const WriteStats ws = ReadWriteStats(db);
  r->keys_per_sync = ws.syncs > 0 ? ws.keys / ws.syncs : 0;
  r->writes_per_group = ws.commit_groups > 0 ? ws.writes / ws.commit_groups : 0;
}

std::unique_ptr<Database> OpenFresh(const std::string& dir) {
  auto db = Database::Open(dir);
  if (!db.ok()) {
    std::fprintf(stderr, "open %s: %s\n", dir.c_str(), db.error().detail.c_str());
    std::exit(2);
  }
  return std::move(db).value();
}

CaseResult RunOurs(const TempDir& tmp, int threads, double seconds, bool fresh_streams,
                   bool sync) {
  const std::string dir = tmp.Sub("ours" + std::to_string(threads));
  CaseResult r;
  {
    auto db = OpenFresh(dir);
    EventStore::Options opts;  // defaults: sync = true
    opts.sync = sync;
    EventStore store(db.get(), &SystemClock::Instance(), nullptr, opts);
    r = RunThreads(sync ? "ours" : "ours-nosync", threads, seconds, [&](int t, std::uint64_t i, Clock::time_point& t0) -> std::uint64_t {
      // Building the command's event happens in the caller's thread, as in a real command;
      // it counts in throughput but not in the append latency.
      const auto ev = MakeEmployer(static_cast<std::uint64_t>(t), i);
      AppendRequest req;
      req.meta = MakeMeta(static_cast<std::uint64_t>(t), i);
      StreamAppend sa;
      sa.stream = fresh_streams ? "employer-" + ev.employer_id
                                : "employer-bench-thread-" + std::to_string(t);
      sa.expected = ExpectedVersion::Any();
      sa.events.push_back(events::Encode(ev));
      req.streams.push_back(std::move(sa));
      t0 = Clock::now();
      auto res = store.Append(std::move(req));
      if (!res.ok()) {
        std::fprintf(stderr, "append failed: %s %s\n", res.error().code.c_str(),
                     res.error().detail.c_str());
        std::exit(3);
      }
      return 1;
    });
    FillWriteStats(db->db(), &r);
    // Each event is 2 keys (record + stream index); report events per fsync.
    r.keys_per_sync /= 2;
  }
  std::filesystem::remove_all(dir);
  return r;
}

CaseResult RunRaw(const TempDir& tmp, int threads, int batch, double seconds,
                  const std::string& value) {
  const std::string dir = tmp.Sub("raw" + std::to_string(threads) + "x" + std::to_string(batch));
  CaseResult r;
  {
    auto db = OpenFresh(dir);
    rocksdb::ColumnFamilyHandle* cf = db->Family(cf::kEvents);
    std::atomic<std::uint64_t> next{1};
    rocksdb::WriteOptions wo;
    wo.sync = true;
    r = RunThreads(batch == 1 ? "raw" : "batch" + std::to_string(batch), threads, seconds,
                   [&](int, std::uint64_t, Clock::time_point&) -> std::uint64_t {
                     const std::uint64_t first = next.fetch_add(static_cast<std::uint64_t>(batch));
                     rocksdb::WriteBatch b;
                     for (int k = 0; k < batch; ++k) b.Put(cf, EncodeU64(first + k), value);
                     rocksdb::Status st = db->db()->Write(wo, &b);
                     if (!st.ok()) {
                       std::fprintf(stderr, "write failed: %s\n", st.ToString().c_str());
                       std::exit(3);
                     }
                     return static_cast<std::uint64_t>(batch);
                   });
    FillWriteStats(db->db(), &r);
  }
  std::filesystem::remove_all(dir);
  return r;
}

std::vector<int> ParseInts(const std::string& s) {
  std::vector<int> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (!item.empty()) out.push_back(std::stoi(item));
  }
  return out;
}

void PrintRow(const CaseResult& r) {
  std::printf("  %-8s %3d thr  %9.0f events/s  p50 %8.0f us  p99 %8.0f us  max %8.0f us  "
              "%6.1f events/fsync  (%" PRIu64 " calls)\n",
              r.name.c_str(), r.threads, r.events_per_s(), r.p50_us, r.p99_us, r.max_us,
              r.keys_per_sync, r.calls);
  std::fflush(stdout);
}

int Main(int argc, char** argv) {
  if (WantsHelp(argc, argv)) {
    std::printf(
        "append_bench [--seconds=5] [--threads=1,8,64] [--cases=ours,raw,batch] [--dir=/tmp]\n"
        "             [--stream=fresh|thread] [--ours-sync=1|0]\n"
        "env: BENCH_SECONDS BENCH_THREADS BENCH_CASES BENCH_DIR BENCH_STREAM BENCH_OURS_SYNC\n");
    return 0;
  }
  const double seconds = std::stod(Flag(argc, argv, "seconds", "BENCH_SECONDS", "5"));
  const std::vector<int> thread_counts = ParseInts(Flag(argc, argv, "threads", "BENCH_THREADS", "1,8,64"));
  const std::string cases = "," + Flag(argc, argv, "cases", "BENCH_CASES", "ours,raw,batch") + ",";
  const std::string parent = Flag(argc, argv, "dir", "BENCH_DIR", "/tmp");
  const bool fresh = Flag(argc, argv, "stream", "BENCH_STREAM", "fresh") != "thread";
  const bool ours_sync = Flag(argc, argv, "ours-sync", "BENCH_OURS_SYNC", "1") != "0";
  const bool do_ours = cases.find(",ours,") != std::string::npos;
  const bool do_raw = cases.find(",raw,") != std::string::npos;
  const bool do_batch = cases.find(",batch,") != std::string::npos;

  crypto::Init();
  TempDir tmp(parent, "append_bench");

  // The raw baselines write values the size of one of our stored records.
  RecordedEvent sample;
  {
    const auto ev = MakeEmployer(0, 0);
    NewEvent ne = events::Encode(ev);
    sample.position = 123456;
    sample.stream = "employer-" + ev.employer_id;
    sample.version = 1;
    sample.event_id = crypto::Uuid4();
    sample.type = ne.type;
    sample.schema_version = ne.schema_version;
    sample.recorded_at = SystemClock::Instance().Now();
    sample.meta = MakeMeta(0, 0);
    sample.payload = ne.payload;
    SealRecord(&sample);
  }
  const std::string value = EncodeRecord(sample);
  std::printf("append_bench: %.1f s per case (+ warm-up), temp dir %s, streams: %s%s\n", seconds,
              tmp.path().c_str(), fresh ? "a new stream per append" : "one stream per thread",
              ours_sync ? "" : ", EventStore sync=false (diagnostic)");
  std::printf("  payload (EmployerRegistered v2, cereal portable binary): %zu bytes; "
              "stored record: %zu bytes (+ stream index row); raw baseline value: %zu bytes\n\n",
              sample.payload.size(), value.size(), value.size());

  std::map<int, CaseResult> ours, raw;
  std::optional<CaseResult> batch;
  for (int n : thread_counts) {
    if (do_ours) PrintRow(ours[n] = RunOurs(tmp, n, seconds, fresh, ours_sync));
    if (do_raw) PrintRow(raw[n] = RunRaw(tmp, n, 1, seconds, value));
  }
  if (do_batch) {
    batch = RunRaw(tmp, 1, 64, seconds, value);
    PrintRow(*batch);
  }

  std::printf("\nDurable single-event appends (fsync per group), events/s and append latency:\n");
  std::printf("| threads | ours events/s | ours p50 us | ours p99 us | ours events/fsync "
              "| raw events/s | raw p50 us | raw p99 us | raw events/fsync | ours/raw "
              "| ours/batch64 |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (int n : thread_counts) {
    auto o = ours.find(n);
    auto w = raw.find(n);
    auto cell = [](bool have, double v, const char* fmt) {
      char buf[32];
      if (!have) return std::string("-");
      std::snprintf(buf, sizeof buf, fmt, v);
      return std::string(buf);
    };
    const bool ho = o != ours.end(), hw = w != raw.end();
    std::printf("| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", n,
                cell(ho, ho ? o->second.events_per_s() : 0, "%.0f").c_str(),
                cell(ho, ho ? o->second.p50_us : 0, "%.0f").c_str(),
                cell(ho, ho ? o->second.p99_us : 0, "%.0f").c_str(),
                cell(ho, ho ? o->second.keys_per_sync : 0, "%.1f").c_str(),
                cell(hw, hw ? w->second.events_per_s() : 0, "%.0f").c_str(),
                cell(hw, hw ? w->second.p50_us : 0, "%.0f").c_str(),
                cell(hw, hw ? w->second.p99_us : 0, "%.0f").c_str(),
                cell(hw, hw ? w->second.keys_per_sync : 0, "%.1f").c_str(),
                cell(ho && hw, ho && hw ? o->second.events_per_s() / w->second.events_per_s() : 0,
                     "%.2f").c_str(),
                cell(ho && batch.has_value(),
                     ho && batch ? o->second.events_per_s() / batch->events_per_s() : 0, "%.2f")
                    .c_str());
  }
  if (batch) {
    std::printf("| batch64 (1 writer, 64 events per synced WriteBatch) | | | | | %.0f | %.0f "
                "(per batch) | %.0f (per batch) | %.1f | | |\n",
                batch->events_per_s(), batch->p50_us, batch->p99_us, batch->keys_per_sync);
  }
  if (ours.count(64)) {
    const double v = ours[64].events_per_s();
    std::printf("\nTarget: >= 40,000 fsynced single-event appends/s at 64 appenders: %.0f -> %s\n",
                v, v >= 40000 ? "MET" : "NOT MET");
  }
  return 0;
}

}  // namespace
}  // namespace istihdam::bench

int main(int argc, char** argv) { return istihdam::bench::Main(argc, argv); }
