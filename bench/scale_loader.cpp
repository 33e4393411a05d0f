// Bulk loader for the scale figures (bench/README.md "Scale (10 M events)", bench/scale/scale.sh):
// appends the workplace events of bench/scale/scale_events.h through EventStore::Append (hash
// chain, synced WriteBatches) until the store holds --events of them over --streams streams.
//
//   scale_loader --data-dir=DIR --events=N --streams=M [--batch=1000]
//
// A directory that already holds part of the plan is extended (the count is recovered from the
// stream versions), so 1 M -> 3 M -> 10 M costs one 10 M load. Each Append carries --batch
// events (one StreamAppend per stream, each with its exact expected version) and is one synced
// WriteBatch. A directory a server holds is refused: the RocksDB LOCK file cannot be taken.
// Prints the throughput of this run's appends and a machine-readable "RESULT" line.
#include <cinttypes>
#include <cstdio>

#include "bench/bench_util.h"
#include "bench/scale/scale_events.h"
#include "infra/clock.h"
#include "infra/crypto.h"
#include "infra/database.h"
#include "infra/event_store.h"

namespace istihdam::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;

int Main(int argc, char** argv) {
  if (WantsHelp(argc, argv)) {
    std::printf("scale_loader --data-dir=DIR --events=N --streams=M [--batch=1000]\n");
    return 0;
  }
  const std::string dir = Flag(argc, argv, "data-dir", nullptr, "");
  const std::uint64_t target = std::stoull(Flag(argc, argv, "events", nullptr, "0"));
  const std::uint64_t streams = std::stoull(Flag(argc, argv, "streams", nullptr, "0"));
  const std::uint64_t batch = std::stoull(Flag(argc, argv, "batch", nullptr, "1000"));
  if (dir.empty() || streams == 0 || batch == 0) {
    std::fprintf(stderr, "scale_loader: --data-dir, --streams and --batch are required (see --help)\n");
    return 2;
  }
  crypto::Init();
  auto db = Database::Open(dir);
  if (!db.ok()) {  // among others: "lock ... held by process" when a server has the directory
    std::fprintf(stderr, "scale_loader: cannot open %s: %s\n", dir.c_str(), db.error().detail.c_str());
    return 2;
  }
  EventStore store(db->get(), &SystemClock::Instance(), nullptr, EventStore::Options{});  // sync=true
  if (auto err = store.WriteError()) {
    std::fprintf(stderr, "scale_loader: store unusable: %s\n", err->detail.c_str());
    return 2;
  }
  const std::uint64_t start = scale::LoadedCount(store, streams);
  if (start >= target) {
    std::printf("scale_loader: %s already holds %" PRIu64 " plan events (>= %" PRIu64 "), nothing to do\n",
                dir.c_str(), start, target);
    std::printf("RESULT appended=0 seconds=0 events_per_s=0 total=%" PRIu64 " batch=%" PRIu64 "\n", start, batch);
    return 0;
  }
  std::printf("scale_loader: %s holds %" PRIu64 " plan events; appending %" PRIu64 " over %" PRIu64
              " streams in synced appends of %" PRIu64 " events\n",
              dir.c_str(), start, target - start, streams, batch);
  std::fflush(stdout);
  const auto t0 = SteadyClock::now();
  auto last_report = t0;
  std::uint64_t done = start;
  std::uint64_t n = 0;
  while (done < target) {
    const std::uint64_t count = std::min(batch, target - done);
    auto res = store.Append(scale::BatchRequest(done, count, streams, MakeMeta(0x5ca1e, done)));
    if (!res.ok()) {
      std::fprintf(stderr, "scale_loader: append at plan event %" PRIu64 " failed: %s %s\n", done,
                   res.error().code.c_str(), res.error().detail.c_str());
      return 3;
    }
    done += count;
    n += count;
    const auto now = SteadyClock::now();
    if (now - last_report > std::chrono::seconds(30)) {
      std::printf("  %" PRIu64 " events, %.0f events/s so far\n", done, n / Seconds(now - t0));
      std::fflush(stdout);
      last_report = now;
    }
  }
  const double secs = Seconds(SteadyClock::now() - t0);
  std::printf("scale_loader: appended %" PRIu64 " events in %.2f s: %.0f events/s (log position %" PRIu64 ")\n", n,
              secs, n / secs, store.LastPosition());
  std::printf("RESULT appended=%" PRIu64 " seconds=%.3f events_per_s=%.0f total=%" PRIu64 " batch=%" PRIu64 "\n", n,
              secs, n / secs, done, batch);
  return 0;
}

}  // namespace
}  // namespace istihdam::bench

int main(int argc, char** argv) { return istihdam::bench::Main(argc, argv); }
