// Full replay of the event log through EventStore, beside a raw RocksDB iteration over the
// same bytes.
//
//   replay_bench [--events=1000000] [--passes=2] [--chunk=1000] [--dir=/tmp]
//   (env: BENCH_EVENTS, BENCH_PASSES, BENCH_CHUNK, BENCH_DIR)
//
// Load: N EmployerRegistered events (about 300-byte payloads), each to its own stream, written
// through EventStore::Append with sync=false in requests of 1000 events, then the memtables are
// flushed and compactions waited for, so every pass reads SST files.
// Passes (alternating, each --passes times):
//   view     : EventStore::ForEachView (records read in place, no RecordedEvent) and
//              events::DecodePayload<EmployerRegistered> of every payload, from the iterator's
//              bytes (events/payload_reader.h). The replay path of a rebuild.
//   raw      : one iterator over cf "events" of the same DB (readahead 2 MB), touching every
//              key and value byte (a checksum), no decoding.
// Breakdown rows (not targets), measured after: the projection engine's chunked reads
// (LogEventSource::Visit in chunks of --chunk) plus the decode; the materializing ForEach plus
// the decode (the path before RecordView); ReadAll without payload decoding; and raw
// iteration plus DecodeRecord.
#include <benchmark/benchmark.h>
#include <rocksdb/db.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <thread>
#include <memory>

#include "bench/bench_util.h"
#include "events/codec.h"
#include "events/employers.h"
#include "infra/clock.h"
#include "infra/crypto.h"
#include "infra/database.h"
#include "infra/event_source.h"
#include "infra/event_store.h"

namespace istihdam::bench {
namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the calling thread (the passes do all their work on it: RocksDB iterators read
// on the caller's thread). On a machine shared with other builds, wall-clock rates swing with
// the load; CPU-time rates compare the work of each path.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Pass {
  std::uint64_t events = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;
  double cpu_seconds = 0;  // of the calling thread: what the pass cost, whatever else ran
  double rate() const { return seconds > 0 ? events / seconds : 0; }
  double cpu_rate() const { return cpu_seconds > 0 ? events / cpu_seconds : 0; }
};

// Times one pass of `for_each` (EventStore::ForEach or ForEachView) over the whole log, with
// the typed payload decode of every event.
template <class Record, class ForEach>
Pass TimeDecodePass(ForEach for_each) {
  Pass p;
  const auto t0 = Clock::now();
  const double c0 = ThreadCpuSeconds();
  std::size_t sink = 0;
  for_each([&](Record e) {
    p.bytes += e.payload.size();
    const auto ev = events::DecodePayload<events::EmployerRegistered>(e.payload);
    sink += ev.employer_id.size() + ev.email.size();
    ++p.events;
    return true;
  });
  benchmark::DoNotOptimize(sink);
  p.seconds = Seconds(Clock::now() - t0);
  p.cpu_seconds = ThreadCpuSeconds() - c0;
  return p;
}

// The path before RecordView: each record copied into a RecordedEvent (hash chain not checked).
Pass ReplayStream(EventStore& store) {
  return TimeDecodePass<RecordedEvent&&>([&](auto fn) { store.ForEach(1, fn); });
}

// The replay path: records read in place, payloads decoded from the iterator's bytes.
Pass ReplayView(EventStore& store) {
  return TimeDecodePass<const RecordView&>([&](auto fn) { store.ForEachView(1, fn); });
}

// The projection engine's reads: EventSource::Visit of the local log in chunks of `chunk`
// (a new iterator per chunk), plus the payload decode.
Pass ReplayVisitChunks(EventStore& store, std::size_t chunk) {
  LogEventSource source(&store);
  return TimeDecodePass<const RecordView&>([&](auto fn) {
    std::uint64_t from = 1;
    while (source.Visit(from, chunk, [&](const RecordView& v) {
      from = v.position + 1;
      return fn(v);
    }) > 0) {
    }
  });
}

// ReadAll in chunks (the projection engine's path); optionally decode each payload.
Pass ReplayOurs(EventStore& store, std::size_t chunk, bool decode) {
  Pass p;
  const auto t0 = Clock::now();
  const double c0 = ThreadCpuSeconds();
  std::uint64_t from = 1;
  std::size_t sink = 0;
  for (;;) {
    std::vector<RecordedEvent> batch = store.ReadAll(from, chunk);
    if (batch.empty()) break;
    for (const RecordedEvent& e : batch) {
      p.bytes += e.payload.size();
      if (decode) {
        const auto ev = events::DecodePayload<events::EmployerRegistered>(e.payload);
        sink += ev.employer_id.size() + ev.email.size();
      }
    }
    p.events += batch.size();
    from = batch.back().position + 1;
  }
  benchmark::DoNotOptimize(sink);
  p.seconds = Seconds(Clock::now() - t0);
  p.cpu_seconds = ThreadCpuSeconds() - c0;
  return p;
}

// One iterator over cf "events"; optionally DecodeRecord each value.
Pass ReplayRaw(Database& db, bool decode_record) {
  Pass p;
  const auto t0 = Clock::now();
  const double c0 = ThreadCpuSeconds();
  rocksdb::ReadOptions ro;
  ro.readahead_size = 2 << 20;
  std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(ro, db.Family(cf::kEvents)));
  std::uint64_t sum = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const rocksdb::Slice k = it->key();
    const rocksdb::Slice v = it->value();
    if (decode_record) {
      auto rec = DecodeRecord(std::string_view(v.data(), v.size()));
      if (!rec.ok()) {
        std::fprintf(stderr, "corrupt record\n");
        std::exit(3);
      }
      sum += rec->payload.size();
    } else {
      // Touch every byte, as a consumer of the bytes would (8 bytes at a time).
      std::uint64_t h = 0;
      std::size_t i = 0;
      for (; i + 8 <= v.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, v.data() + i, 8);
        h ^= w;
      }
      for (; i < v.size(); ++i) h += static_cast<unsigned char>(v.data()[i]);
      sum += h + DecodeU64(k.data());
    }
    p.bytes += v.size();
    ++p.events;
  }
  if (!it->status().ok()) {
    std::fprintf(stderr, "iterator: %s\n", it->status().ToString().c_str());
    std::exit(3);
  }
  benchmark::DoNotOptimize(sum);
  p.seconds = Seconds(Clock::now() - t0);
  p.cpu_seconds = ThreadCpuSeconds() - c0;
  return p;
}

int Main(int argc, char** argv) {
  if (WantsHelp(argc, argv)) {
    std::printf("replay_bench [--events=1000000] [--passes=2] [--chunk=1000] [--dir=/tmp]\n"
                "env: BENCH_EVENTS BENCH_PASSES BENCH_CHUNK BENCH_DIR\n");
    return 0;
  }
  const std::uint64_t n = std::stoull(Flag(argc, argv, "events", "BENCH_EVENTS", "1000000"));
  const int passes = std::stoi(Flag(argc, argv, "passes", "BENCH_PASSES", "2"));
  const std::size_t chunk = std::stoull(Flag(argc, argv, "chunk", "BENCH_CHUNK", "1000"));
  const std::string parent = Flag(argc, argv, "dir", "BENCH_DIR", "/tmp");

  crypto::Init();
  TempDir tmp(parent, "replay_bench");
  auto opened = Database::Open(tmp.Sub("db"));
  if (!opened.ok()) {
    std::fprintf(stderr, "open: %s\n", opened.error().detail.c_str());
    return 2;
  }
  std::unique_ptr<Database> db = std::move(opened).value();
  EventStore::Options opts;
  opts.sync = false;  // bulk load
  EventStore store(db.get(), &SystemClock::Instance(), nullptr, opts);

  std::printf("replay_bench: %" PRIu64 " events, temp dir %s\n", n, tmp.path().c_str());
  std::fflush(stdout);
  const auto load0 = Clock::now();
  constexpr std::uint64_t kPerRequest = 1000;
  for (std::uint64_t i = 0; i < n;) {
    AppendRequest req;
    req.meta = MakeMeta(0, i);
    for (std::uint64_t k = 0; k < kPerRequest && i < n; ++k, ++i) {
      const auto ev = MakeEmployer(1, i);
      StreamAppend sa;
      sa.stream = "employer-" + ev.employer_id;
      sa.expected = ExpectedVersion::Any();
      sa.events.push_back(events::Encode(ev));
      req.streams.push_back(std::move(sa));
    }
    auto res = store.Append(std::move(req));
    if (!res.ok()) {
      std::fprintf(stderr, "append: %s %s\n", res.error().code.c_str(), res.error().detail.c_str());
      return 3;
    }
  }
  const double load_s = Seconds(Clock::now() - load0);
  rocksdb::FlushOptions fo;
  fo.wait = true;
  db->db()->Flush(fo, {db->Family(cf::kEvents), db->Family(cf::kStreams)});
  // RocksDB 7.8 has no WaitForCompact: poll until no compaction is pending or running.
  for (;;) {
    std::uint64_t pending_events = 0, pending_streams = 0, running = 0;
    db->db()->GetIntProperty(db->Family(cf::kEvents), "rocksdb.compaction-pending", &pending_events);
    db->db()->GetIntProperty(db->Family(cf::kStreams), "rocksdb.compaction-pending", &pending_streams);
    db->db()->GetIntProperty("rocksdb.num-running-compactions", &running);
    if (pending_events == 0 && pending_streams == 0 && running == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::string sst_size;
  db->db()->GetProperty(db->Family(cf::kEvents), "rocksdb.total-sst-files-size", &sst_size);
  std::printf("  loaded %" PRIu64 " events in %.1f s (%.0f events/s, unsynced, 1000 per append); "
              "cf events SST size %.1f MB\n\n",
              store.LastPosition(), load_s, store.LastPosition() / load_s,
              std::stod(sst_size.empty() ? "0" : sst_size) / 1e6);

  std::vector<Pass> view, raw, visit_chunks, materialized, ours_nodecode, raw_decode, chunked;
  for (int i = 0; i < passes; ++i) {
    view.push_back(ReplayView(store));
    raw.push_back(ReplayRaw(*db, false));
    std::printf("  pass %d: view %.0f events/s (%.2f s, %.2f s CPU), raw %.0f events/s (%.2f s, %.2f s CPU, %.0f MB), "
                "view/raw %.2f wall, %.2f CPU\n",
                i + 1, view.back().rate(), view.back().seconds, view.back().cpu_seconds, raw.back().rate(),
                raw.back().seconds, raw.back().cpu_seconds, raw.back().bytes / 1e6,
                view.back().rate() / raw.back().rate(), view.back().cpu_rate() / raw.back().cpu_rate());
    std::fflush(stdout);
  }
  for (int i = 0; i < passes; ++i) {
    visit_chunks.push_back(ReplayVisitChunks(store, chunk));
    materialized.push_back(ReplayStream(store));
    ours_nodecode.push_back(ReplayOurs(store, chunk, false));
    raw_decode.push_back(ReplayRaw(*db, true));
    chunked.push_back(ReplayOurs(store, chunk, true));
  }
  for (const auto* v : {&view, &raw, &visit_chunks, &materialized, &ours_nodecode, &raw_decode, &chunked}) {
    for (const Pass& p : *v) {
      if (p.events != n) {
        std::fprintf(stderr, "a pass read %" PRIu64 " events, expected %" PRIu64 "\n", p.events, n);
        return 3;
      }
    }
  }

  for (const bool cpu : {false, true}) {
    const auto r = [cpu](const Pass& p) { return cpu ? p.cpu_rate() : p.rate(); };
    std::printf("\nFull replay of %" PRIu64 " events (events per %s second):\n", n, cpu ? "CPU" : "wall-clock");
    std::printf("| pass | view: ForEachView + DecodePayload | raw iteration cf events | view/raw "
                "| Visit(%zu) + DecodePayload (projection path) | ForEach + DecodePayload (materialized) "
                "| ReadAll(%zu) + DecodePayload | ReadAll only | raw + DecodeRecord |\n", chunk, chunk);
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    double worst = 1e9;
    for (int i = 0; i < passes; ++i) {
      const double ratio = r(view[i]) / r(raw[i]);
      worst = std::min(worst, ratio);
      std::printf("| %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f | %.0f | %.0f |\n", i + 1, r(view[i]), r(raw[i]),
                  ratio, r(visit_chunks[i]), r(materialized[i]), r(chunked[i]), r(ours_nodecode[i]),
                  r(raw_decode[i]));
    }
    std::printf("Target: full replay >= 0.7x raw iteration (%s): worst pass %.2f -> %s\n", cpu ? "CPU" : "wall",
                worst, worst >= 0.7 ? "MET" : "NOT MET");
  }
  return 0;
}

}  // namespace
}  // namespace istihdam::bench

int main(int argc, char** argv) { return istihdam::bench::Main(argc, argv); }
