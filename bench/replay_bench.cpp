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
//   ours     : EventStore::ReadAll(from, chunk) in chunks of --chunk, and
//              events::DecodePayload<EmployerRegistered> of every payload.
//   raw      : one iterator over cf "events" of the same DB (readahead 2 MB), touching every
//              key and value byte (a checksum), no decoding.
// Breakdown rows (not targets): ReadAll without payload decoding, and raw iteration plus
// DecodeRecord, to show where the time goes.
#include <benchmark/benchmark.h>
#include <rocksdb/db.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <thread>
#include <memory>

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

struct Pass {
  std::uint64_t events = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;
  double rate() const { return seconds > 0 ? events / seconds : 0; }
};

// The replay path (EventStore::ForEach: one iterator, envelope decoded, hash chain not
// checked) plus the typed payload decode of every event.
Pass ReplayStream(EventStore& store) {
  Pass p;
  const auto t0 = Clock::now();
  std::size_t sink = 0;
  store.ForEach(1, [&](RecordedEvent&& e) {
    p.bytes += e.payload.size();
    const auto ev = events::DecodePayload<events::EmployerRegistered>(e.payload);
    sink += ev.employer_id.size() + ev.email.size();
    ++p.events;
    return true;
  });
  benchmark::DoNotOptimize(sink);
  p.seconds = Seconds(Clock::now() - t0);
  return p;
}

// ReadAll in chunks (the projection engine's path); optionally decode each payload.
Pass ReplayOurs(EventStore& store, std::size_t chunk, bool decode) {
  Pass p;
  const auto t0 = Clock::now();
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
  return p;
}

// One iterator over cf "events"; optionally DecodeRecord each value.
Pass ReplayRaw(Database& db, bool decode_record) {
  Pass p;
  const auto t0 = Clock::now();
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

  std::vector<Pass> ours, raw, ours_nodecode, raw_decode, chunked;
  for (int i = 0; i < passes; ++i) {
    ours.push_back(ReplayStream(store));
    raw.push_back(ReplayRaw(*db, false));
    std::printf("  pass %d: ours %.0f events/s (%.2f s), raw %.0f events/s (%.2f s, %.0f MB)\n",
                i + 1, ours.back().rate(), ours.back().seconds, raw.back().rate(),
                raw.back().seconds, raw.back().bytes / 1e6);
    std::fflush(stdout);
  }
  for (int i = 0; i < passes; ++i) {
    ours_nodecode.push_back(ReplayOurs(store, chunk, false));
    raw_decode.push_back(ReplayRaw(*db, true));
    chunked.push_back(ReplayOurs(store, chunk, true));
  }
  for (const auto* v : {&ours, &raw, &ours_nodecode, &raw_decode, &chunked}) {
    for (const Pass& p : *v) {
      if (p.events != n) {
        std::fprintf(stderr, "a pass read %" PRIu64 " events, expected %" PRIu64 "\n", p.events, n);
        return 3;
      }
    }
  }

  std::printf("\nFull replay of %" PRIu64 " events (events/s):\n", n);
  std::printf("| pass | ours: ForEach + DecodePayload | raw iteration cf events | ours/raw "
              "| ReadAll(%zu) + DecodePayload (projection path) | ReadAll only (no payload decode) "
              "| raw iteration + DecodeRecord |\n", chunk);
  std::printf("|---:|---:|---:|---:|---:|---:|---:|\n");
  double worst = 1e9;
  for (int i = 0; i < passes; ++i) {
    const double ratio = ours[i].rate() / raw[i].rate();
    worst = std::min(worst, ratio);
    std::printf("| %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f |\n", i + 1, ours[i].rate(), raw[i].rate(),
                ratio, chunked[i].rate(), ours_nodecode[i].rate(), raw_decode[i].rate());
  }
  std::printf("\nTarget: full replay >= 0.5x raw iteration: worst pass %.2f -> %s\n", worst,
              worst >= 0.5 ? "MET" : "NOT MET");
  return 0;
}

}  // namespace
}  // namespace istihdam::bench

int main(int argc, char** argv) { return istihdam::bench::Main(argc, argv); }
