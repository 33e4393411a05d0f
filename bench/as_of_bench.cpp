// As-of read of one workplace whose stream holds many events, beside the plain read
// (docs/audit.md "As-of reads", bench/README.md "As-of reads").
//
//   as_of_bench [--events=10000] [--reps=50] [--dir=/tmp]
//
// Load: one WorkplaceRegistered and events-1 WorkplaceInfoUpdated on one stream (each about
// 300 bytes encoded), with an unrelated workplace between every ten, appended with sync=false;
// the memtables are flushed so reads come from SST files. Measured, in process (no HTTP):
//   plain        — GetWorkplace on the engine's caught-up read model (one RocksDB get + JSON
//                  parse): the baseline;
//   full replay  — ReplayStreams of the stream up to the last position into ScratchTables +
//                  GetWorkplace on them (what every as-of read cost before snapshots);
//   snapshots    — ReplayWithSnapshots (the route's path) once the snapshots are there, as of
//                  the last position, the middle one and the worst one (just below a snapshot:
//                  the most events left to apply);
//   first read   — ReplayWithSnapshots as of the last position with the snapshot family
//                  emptied before each run (untimed): the full replay plus writing snapshots,
//                  what the first as-of read of a stream after a start costs.
// Each figure is the median and the 95th percentile of `reps` runs.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>

#include "bench/bench_util.h"
#include "events/workplaces.h"
#include "infra/clock.h"
#include "infra/crypto.h"
#include "infra/database.h"
#include "infra/event_store.h"
#include "projections/as_of.h"
#include "projections/as_of_snapshot.h"
#include "projections/projection_engine.h"
#include "projections/workplaces.h"

namespace istihdam::bench {
namespace {

using Clock = std::chrono::steady_clock;

events::WorkplaceInfo Info(std::uint64_t i) {
  events::WorkplaceInfo info;
  info.district = "Kadıköy";
  info.address = "Caferağa Mah. Moda Cad. No " + std::to_string(i);
  info.phone = "0216 444 00 00";
  info.email = "bilgi@ornek.com.tr";
  info.activity = "Tekstil ürünleri imalatı ve toptan ticareti";
  return info;
}

// `setup` runs before each timed run, outside the timing.
template <class F, class S = void (*)()>
double Report(const char* what, int reps, F f, S setup = [] {}) {
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    setup();
    const auto t = Clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-34s median %9.3f ms   p95 %9.3f ms   (%d runs)\n", what, ms[ms.size() / 2],
              ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], reps);
  return ms[ms.size() / 2];
}

// Positions of the snapshots of the workplaces projector over `stream`, and their total size.
std::vector<std::uint64_t> SnapshotPositions(Database& db, const std::string& stream, std::size_t* bytes) {
  std::vector<std::uint64_t> out;
  *bytes = 0;
  const std::string prefix = SnapshotPrefix("workplaces", {stream});
  std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(rocksdb::ReadOptions(), db.Family(cf::kAsOfSnapshots)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    out.push_back(DecodeU64(it->key().data() + prefix.size()));
    *bytes += it->key().size() + it->value().size();
  }
  return out;
}

int Main(int argc, char** argv) {
  if (WantsHelp(argc, argv)) {
    std::printf("as_of_bench [--events=10000] [--reps=50] [--dir=/tmp]\n");
    return 0;
  }
  const std::uint64_t n = std::stoull(Flag(argc, argv, "events", "BENCH_EVENTS", "10000"));
  const int reps = std::stoi(Flag(argc, argv, "reps", "BENCH_REPS", "50"));
  const std::string parent = Flag(argc, argv, "dir", "BENCH_DIR", "/tmp");
  crypto::Init();
  TempDir tmp(parent, "as_of");
  auto opened = Database::Open(tmp.Sub("db"));
  if (!opened.ok()) {
    std::fprintf(stderr, "open: %s\n", opened.error().detail.c_str());
    return 2;
  }
  auto db = std::move(opened).value();
  SystemClock clock;
  EventStore store(db.get(), &clock, nullptr, EventStore::Options{4096, false});

  const std::string id = "3000000001", stream = "workplace-" + id;
  std::uint64_t middle = 0, last = 0, other = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    AppendRequest req;
    if (i == 0) {
      events::WorkplaceRegistered r{id, "E1", "", "Anadolu Tekstil A.Ş.", "1", "2", "34", "headquarters", "", Info(i)};
      req.streams.push_back({stream, ExpectedVersion::Any(), {events::Encode(r)}});
    } else {
      events::WorkplaceInfoUpdated u{id, Info(i), {"address"}};
      req.streams.push_back({stream, ExpectedVersion::Any(), {events::Encode(u)}});
    }
    if (i % 10 == 0) {  // an unrelated workplace's event between
      events::WorkplaceRegistered r{std::to_string(3'100'000'000ULL + ++other), "E2", "", "Başka", "1", "2", "06",
                                    "headquarters", "", Info(i)};
      req.streams.push_back({"workplace-" + r.workplace_id, ExpectedVersion::Any(), {events::Encode(r)}});
    }
    auto res = store.Append(std::move(req));
    if (!res.ok()) {
      std::fprintf(stderr, "append: %s\n", res.error().detail.c_str());
      return 1;
    }
    if (i == n / 2) middle = res->first_position;
    last = res->first_position;
  }
  rocksdb::FlushOptions fo;
  db->db()->Flush(fo, db->Family(cf::kEvents));
  db->db()->Flush(fo, db->Family(cf::kStreams));
  ProjectionEngine engine(db.get(), &store, nullptr);
  engine.Add(MakeWorkplacesProjector());
  engine.CatchUp();
  std::printf("one workplace stream of %llu events (log of %llu positions)\n", static_cast<unsigned long long>(n),
              static_cast<unsigned long long>(store.LastPosition()));

  const double plain = Report("plain GetWorkplace (baseline)", reps, [&] {
    auto doc = GetWorkplace(engine.View("workplaces"), "E1", id);
    benchmark::DoNotOptimize(doc);
  });
  auto full = [&](std::uint64_t position) {
    auto projector = MakeWorkplacesProjector();
    ScratchTables scratch;
    ReplayStreams(*projector, store, {stream}, position, &scratch);
    return GetWorkplace(ReadView(&scratch), "E1", id);
  };
  auto served = [&](std::uint64_t position, ReplayStats* stats = nullptr) {
    auto projector = MakeWorkplacesProjector();
    ScratchTables scratch;
    const auto s = ReplayWithSnapshots(*projector, store, *db, {stream}, position, &scratch);
    if (stats) *stats = s;
    return GetWorkplace(ReadView(&scratch), "E1", id);
  };
  const double replay = Report("full replay, last position", reps, [&] {
    auto doc = full(last);
    if (!doc) std::abort();
    benchmark::DoNotOptimize(doc);
  });
  const double first = Report("first read (snapshots emptied)", reps, [&] {
    auto doc = served(last);
    if (!doc) std::abort();
    benchmark::DoNotOptimize(doc);
  }, [&] { DropAsOfSnapshots(*db); });
  std::size_t bytes = 0;
  const auto snapshots = SnapshotPositions(*db, stream, &bytes);
  if (snapshots.size() < 2) std::abort();
  const std::uint64_t worst = snapshots[snapshots.size() / 2] - 1;  // just below a snapshot
  std::printf("%zu snapshots, %zu bytes in all\n", snapshots.size(), bytes);
  std::vector<std::pair<const char*, std::uint64_t>> cases{
      {"snapshots, last position", last}, {"snapshots, middle position", middle}, {"snapshots, worst position", worst}};
  std::vector<double> medians;
  for (const auto& [what, position] : cases) {
    ReplayStats stats;
    served(position, &stats);
    std::printf("  %s: resumes at %llu, applies %zu events\n", what, static_cast<unsigned long long>(stats.resumed_at),
                stats.applied);
    medians.push_back(Report(what, reps, [&, position = position] {
      auto doc = served(position);
      if (!doc) std::abort();
      benchmark::DoNotOptimize(doc);
    }));
  }
  std::printf("ratios to the plain get: full replay %.0fx, first read %.0fx, snapshots last %.0fx, middle %.0fx, "
              "worst %.0fx; full replay / snapshots last %.0fx\n",
              replay / plain, first / plain, medians[0] / plain, medians[1] / plain, medians[2] / plain,
              replay / medians[0]);

  const auto now = GetWorkplace(engine.View("workplaces"), "E1", id);
  bool same = *served(last) == *now;
  for (const auto position : {std::uint64_t{1}, middle, worst, worst + 1, last}) same = same && *served(position) == *full(position);
  std::printf("snapshot-served reads equal the read model (last) and the full replay (first, middle, worst, last): %s\n",
              same ? "yes" : "NO");
  return 0;
}

}  // namespace
}  // namespace istihdam::bench

int main(int argc, char** argv) { return istihdam::bench::Main(argc, argv); }
