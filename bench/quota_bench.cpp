// Rebuild time of the quota-status projection (QUOTA-1..3) from the event log.
//
//   quota_bench [--hqs=100000] [--months=24] [--dir=/tmp] [--data-dir=DIR]
//   (env: BENCH_HQS, BENCH_MONTHS, BENCH_DIR)
//
// Load: one EmployerRegistered per headquarters (every fourth public sector) and `months`
// WorkforceScheduleSubmitted per headquarters (hires, leavers, three person rows, three
// occupation rows, preferences: about 1 KB encoded), appended through EventStore::Append with
// sync=false in requests of 1000 events, months interleaved across headquarters as real
// filing would be; then the memtables are flushed so the replay reads SST files.
// Measured: ProjectionEngine::Rebuild("quota_status") — replay from position 1 into a fresh
// generation (decode, ComputeQuota, JSON, WriteBatch per 1000 events) and the switch — beside
// a raw pass over the same log (EventStore::ReadAll + payload decode, no projection).
// --data-dir appends into an existing database (the server's, stopped) instead of a temporary
// one and leaves it there: bench/http/quota_load.sh uses it for the GET figures.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "aggregates/workforce_schedule.h"
#include "bench/bench_util.h"
#include "events/employers.h"
#include "events/workforce_schedules.h"
#include "infra/clock.h"
#include "infra/crypto.h"
#include "infra/database.h"
#include "infra/event_store.h"
#include "projections/projection_engine.h"
#include "projections/quota_status.h"

namespace istihdam::bench {
namespace {

using Clock = std::chrono::steady_clock;

events::WorkforceScheduleSubmitted Schedule(std::uint64_t hq, const std::string& month, bool first,
                                            const events::CategoryCounts& prev) {
  events::WorkforceScheduleSubmitted e;
  e.hq_workplace_id = std::to_string(8'000'000'000ULL + hq);
  e.employer_id = std::to_string(7'000'000'000ULL + hq);
  e.province = "34";
  e.year_month = month;
  e.is_first = first;
  auto& d = e.content.development;
  d.previous_month_end = prev;
  d.hired.general.male = 2;
  d.hired.disabled.female = hq % 7 == 0 ? 1 : 0;
  d.left.general.female = 1;
  d.month_end = prev;
  d.month_end.general.male += 2;
  d.month_end.disabled.female += d.hired.disabled.female;
  d.month_end.general.female -= 1;
  d.underground_underwater = {static_cast<std::int64_t>(hq % 3), 0};
  d.part_time_monthly_hours = d.month_end.part_time.total() * 90;
  for (int i = 0; i < 3; ++i) {
    e.content.personnel_movements.push_back({i == 2 ? "left" : "hired", "10000000146", "Ayşe", "Yılmaz",
                                             i == 0 ? "male" : "female", month + "-1" + std::to_string(i), "7212",
                                             "general", "indefinite", false, i == 2 ? "istifa" : ""});
  }
  e.content.occupation_distribution = {{"2512", 20}, {"7212", 30}, {"4110", 10}};
  e.content.hard_to_fill_occupations = {{"7212", 2}};
  e.content.employment_preferences.expected_workforce_change_next_month = "increase";
  return e;
}

int Main(int argc, char** argv) {
  if (WantsHelp(argc, argv)) {
    std::printf("quota_bench [--hqs=100000] [--months=24] [--dir=/tmp] [--data-dir=DIR]\n");
    return 0;
  }
  const std::uint64_t hqs = std::stoull(Flag(argc, argv, "hqs", "BENCH_HQS", "100000"));
  const int months = std::stoi(Flag(argc, argv, "months", "BENCH_MONTHS", "24"));
  const std::string parent = Flag(argc, argv, "dir", "BENCH_DIR", "/tmp");
  const std::string data_dir = Flag(argc, argv, "data-dir", nullptr, "");
  crypto::Init();
  std::unique_ptr<TempDir> tmp;
  if (data_dir.empty()) tmp = std::make_unique<TempDir>(parent, "quota");
  auto opened = Database::Open(data_dir.empty() ? tmp->Sub("db") : data_dir);
  if (!opened.ok()) {
    std::fprintf(stderr, "open: %s\n", opened.error().detail.c_str());
    return 2;
  }
  auto db = std::move(opened).value();
  SystemClock clock;
  EventStore store(db.get(), &clock, nullptr, EventStore::Options{4096, false});

  // ---- load ----
  const auto t_load = Clock::now();
  std::uint64_t bytes = 0, events_written = 0;
  auto flush = [&](AppendRequest& req) {
    if (req.streams.empty()) return;
    for (const auto& s : req.streams) {
      for (const auto& e : s.events) bytes += e.payload.size();
      events_written += s.events.size();
    }
    auto r = store.Append(std::move(req));
    if (!r.ok()) {
      std::fprintf(stderr, "append: %s %s\n", r.error().code.c_str(), r.error().detail.c_str());
      std::exit(1);
    }
    req = AppendRequest{};
  };
  AppendRequest req;
  for (std::uint64_t h = 0; h < hqs; ++h) {
    events::EmployerRegistered reg = MakeEmployer(0, h);
    reg.employer_id = std::to_string(7'000'000'000ULL + h);
    reg.sector = h % 4 == 0 ? "public" : "private";
    req.streams.push_back({"employer-" + reg.employer_id, ExpectedVersion::Any(), {events::Encode(reg)}});
    if (req.streams.size() == 1000) flush(req);
  }
  std::vector<events::CategoryCounts> month_end(hqs);
  std::string month = "2024-11";
  for (int m = 0; m < months; ++m, month = NextMonth(month)) {
    for (std::uint64_t h = 0; h < hqs; ++h) {
      if (m == 0) {
        month_end[h].general.male = 30 + static_cast<std::int64_t>(h % 60);
        month_end[h].general.female = 20;
        month_end[h].part_time.female = static_cast<std::int64_t>(h % 5);
      }
      auto e = Schedule(h, month, m == 0, month_end[h]);
      month_end[h] = e.content.development.month_end;
      req.streams.push_back({WorkforceScheduleStream(e.hq_workplace_id), ExpectedVersion::Any(), {events::Encode(e)}});
      if (req.streams.size() == 1000) flush(req);
    }
  }
  flush(req);
  rocksdb::FlushOptions fo;
  db->db()->Flush(fo, db->Family(cf::kEvents));
  db->db()->Flush(fo, db->Family(cf::kStreams));
  const double load_s = Seconds(Clock::now() - t_load);
  std::printf("loaded %llu events (%llu headquarters x %d months + employers), %.0f MB payload, in %.1f s\n",
              static_cast<unsigned long long>(events_written), static_cast<unsigned long long>(hqs), months,
              bytes / 1e6, load_s);

  // ---- raw replay: read + decode, no projection ----
  const auto t_raw = Clock::now();
  std::uint64_t n = 0, sink = 0;
  for (std::uint64_t from = 1;;) {
    const auto batch = store.ReadAll(from, 1000);
    if (batch.empty()) break;
    for (const auto& e : batch) {
      if (e.type == events::WorkforceScheduleSubmitted::kType) {
        sink += events::DecodePayload<events::WorkforceScheduleSubmitted>(e.payload).content.development.month_end.total();
      }
      ++n;
    }
    from = batch.back().position + 1;
  }
  benchmark::DoNotOptimize(sink);
  const double raw_s = Seconds(Clock::now() - t_raw);

  // ---- the projection rebuild ----
  ProjectionEngine engine(db.get(), &store, nullptr);
  engine.Add(MakeQuotaStatusProjector(DefaultQuotaRules()));
  const auto t_rebuild = Clock::now();
  auto st = engine.Rebuild("quota_status");
  const double rebuild_s = Seconds(Clock::now() - t_rebuild);
  if (!st.ok()) {
    std::fprintf(stderr, "rebuild: %s %s\n", st.error().code.c_str(), st.error().detail.c_str());
    return 1;
  }
  std::size_t rows = 0;
  engine.View("quota_status").Scan("by_month", "", [&](const std::string&, const std::string&) {
    ++rows;
    return true;
  });
  std::printf("\n| pass | events | seconds | events/s |\n|---|---|---|---|\n");
  std::printf("| raw replay (ReadAll + decode, no projection) | %llu | %.1f | %.0f |\n",
              static_cast<unsigned long long>(n), raw_s, n / raw_s);
  std::printf("| quota_status rebuild (replay, compute, write, switch) | %llu | %.1f | %.0f |\n",
              static_cast<unsigned long long>(store.LastPosition()), rebuild_s, store.LastPosition() / rebuild_s);
  std::printf("\nquota rows after rebuild: %zu (expected >= %llu)\n", rows,
              static_cast<unsigned long long>(hqs * static_cast<std::uint64_t>(months)));
  return rows >= hqs * static_cast<std::uint64_t>(months) ? 0 : 1;
}

}  // namespace
}  // namespace istihdam::bench

int main(int argc, char** argv) { return istihdam::bench::Main(argc, argv); }
