// One demand's matches, page 1, through the matching index (MatchJobSeekers: the occupation's
// rows) and through a scan of every résumé (MatchJobSeekersByScan), in process on a stopped
// server's data directory: what the index buys (bench/README.md "Matching"). Checks that both
// give the same answer, then times `runs` calls of each, one at a time.
// Usage: match_bench DATA_DIR EMPLOYER_ID DEMAND_NO [RUNS]
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "http/app.h"
#include "projections/job_seekers.h"

using namespace istihdam;

namespace {

template <class Fn>
void Time(const char* label, int runs, Fn fn) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
  std::printf("| %-44s | %6d | %9.2f ms | %9.2f ms | %9.2f ms |\n", label, runs, at(0.5), at(0.99), ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: match_bench DATA_DIR EMPLOYER_ID DEMAND_NO [RUNS]\n");
    return 2;
  }
  Config config;
  config.data_dir = argv[1];
  const std::string employer = argv[2], demand = argv[3];
  const int runs = argc > 4 ? std::atoi(argv[4]) : 50;
  auto app = http::App::Open(config);
  const auto view = [&] { return app->projections().View(kJobSeekersProjection); };
  const MatchFilters none;
  const Page first;
  auto indexed = MatchJobSeekers(view(), employer, demand, none, first);
  auto scanned = MatchJobSeekersByScan(view(), employer, demand, none, first);
  if (!indexed.ok() || !scanned.ok()) {
    std::fprintf(stderr, "match_bench: %s\n", (indexed.ok() ? scanned : indexed).error().code.c_str());
    return 1;
  }
  std::printf("total %s; the scan's answer is %s\n", boost::json::serialize((*indexed)["total"]).c_str(),
              *indexed == *scanned ? "the same" : "DIFFERENT");
  std::printf("| %-44s | %6s | %12s | %12s | %12s |\n", "in process, one at a time", "calls", "p50", "p99", "max");
  std::printf("| %-44s | %6s | %12s | %12s | %12s |\n", "---", "---", "---", "---", "---");
  Time("MatchJobSeekers (occupation's index rows)", runs, [&] { (void)MatchJobSeekers(view(), employer, demand, none, first); });
  Time("MatchJobSeekersByScan (every résumé)", std::max(3, runs / 10),
       [&] { (void)MatchJobSeekersByScan(view(), employer, demand, none, first); });
  return *indexed == *scanned ? 0 : 1;
}
