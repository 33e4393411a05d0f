// As-of read of one workplace whose stream holds many events, beside the plain read
// (docs/audit.md "As-of reads", bench/README.md "As-of reads").
//
//   as_of_bench [--events=10000] [--reps=50] [--dir=/tmp]
//
// Load: one WorkplaceRegistered and events-1 WorkplaceInfoUpdated on one stream (each about
// 300 bytes encoded), with an unrelated workplace between every ten, appended with sync=false;
// the memtables are flushed so reads come from SST files. Measured, in process (no HTTP):
//   plain  — GetWorkplace on the engine's caught-up read model (one RocksDB get + JSON parse);
//   as-of  — ReplayStreams of the stream up to a position into ScratchTables + GetWorkplace on
//            them, as of the last position and as of the middle one.
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

template <class F>
void Report(const char* what, int reps, F f) {
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    const auto t = Clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-28s median %9.3f ms   p95 %9.3f ms   (%d runs)\n", what, ms[ms.size() / 2],
              ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], reps);
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

  std::string expected;
  Report("plain GetWorkplace", reps, [&] {
    auto doc = GetWorkplace(engine.View("workplaces"), "E1", id);
    benchmark::DoNotOptimize(doc);
  });
  for (const auto& [what, position] : {std::pair{"as-of, last position", last}, std::pair{"as-of, middle position", middle}}) {
    Report(what, reps, [&, position = position] {
      auto projector = MakeWorkplacesProjector();
      ScratchTables scratch;
      ReplayStreams(*projector, store, {stream}, position, &scratch);
      auto doc = GetWorkplace(ReadView(&scratch), "E1", id);
      if (!doc) std::abort();
      benchmark::DoNotOptimize(doc);
    });
  }
  const auto now = GetWorkplace(engine.View("workplaces"), "E1", id);
  ScratchTables scratch;
  auto projector = MakeWorkplacesProjector();
  ReplayStreams(*projector, store, {stream}, last, &scratch);
  std::printf("as-of at the last position equals the read model: %s\n",
              *GetWorkplace(ReadView(&scratch), "E1", id) == *now ? "yes" : "NO");
  return 0;
}

}  // namespace
}  // namespace istihdam::bench

int main(int argc, char** argv) { return istihdam::bench::Main(argc, argv); }
