#pragma once
// The keyword and criteria search over the open job postings (DOMAIN.md §2.1.1.1, api/jobs.md
// "Open job postings"): a Turkish-aware full-text index (infra/search_index.h) that follows the
// change feed of the job_postings projection. Its checkpoint is the feed position committed
// with the index, so a restart continues where it stopped and `istihdam rebuild --projection
// job_search` re-indexes from the start of the feed. A read replica runs the same projection
// and the same index. docs/search.md.
//
// Threads: one follower thread (Start/Stop) writes the index; Search may be called from any
// number of threads.
#include <boost/json/object.hpp>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "infra/result.h"
#include "projections/paging.h"
#include "projections/projection_engine.h"

namespace istihdam {

class ReferenceData;
class SearchIndex;

inline constexpr const char* kJobSearchProjection = "job_search";
// The most postings a search may find (OP-5, X-3): more is 422 too_many_results.
inline constexpr std::size_t kMaxPostingResults = 1000;

// GET /api/v1/job-postings criteria, already checked against the code sets. Lists: any of the
// values (OR); fields: all of them (AND); "" or empty = any.
struct PostingCriteria {
  std::vector<std::string> provinces, occupations, personal_statuses, workplace_types, work_locations,
      working_patterns;
  std::string district;  // needs exactly one province
  std::string business_area, position, workplace_title, demand_no, q;
  std::string sort;  // relevance | date | "" (relevance with q, else date)
};

class JobSearch {
 public:
  // Opens (or creates) the index in `dir`; it follows `engine`'s job_postings projection.
  // `engine` and `ref` must outlive it. Errors: store_open_failed.
  static Result<std::unique_ptr<JobSearch>> Open(const std::string& dir, ProjectionEngine* engine,
                                                 const ReferenceData& ref);
  ~JobSearch();

  void Start();
  void Stop();
  // Indexes every change of the feed not indexed yet, on the caller's thread.
  Status CatchUp();
  // Drops every document and indexes the feed from its start; searches see the old index
  // until the new one is committed. `progress(done, total)` now and then.
  Status Rebuild(const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});
  // The last feed position indexed.
  std::uint64_t Position() const;
  ProjectionHealth Health() const;

  // {"items", "page", "pageSize", "total", "totalPages", "facets"}: the postings open `today`
  // that match, sorted, one page, and the facets over the whole result. Errors:
  // too_many_results (more than kMaxPostingResults), store_failed.
  Result<boost::json::object> Search(const PostingCriteria& criteria, const std::string& today,
                                     const Page& page) const;

 private:
  JobSearch(std::unique_ptr<SearchIndex> index, ProjectionEngine* engine, const ReferenceData& ref);
  Status Apply(std::uint64_t after, std::uint64_t* last, const std::function<void(std::uint64_t)>& progress);
  void Run();

  std::unique_ptr<SearchIndex> index_;
  ProjectionEngine* engine_;
  const ReferenceData& ref_;
  mutable std::mutex write_mu_;  // one writer: the follower, CatchUp or Rebuild
  std::atomic<bool> running_{false};
  std::thread thread_;
  mutable std::mutex error_mu_;
  std::string error_;  // why the follower cannot advance, "" when it can
};

}  // namespace istihdam
