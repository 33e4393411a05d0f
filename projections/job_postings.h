#pragma once
// Read model of the open job postings (DOMAIN.md §2.1.1.1, api/jobs.md "Open job postings"):
// one row per labor demand with its posting fields, the change feed (every time a demand
// becomes, stays or stops being a posting), and the typeahead's words.
//
// A posting is an active, published demand whose last application date is today or later.
// The deadline is not an event: rows keep a passed deadline and queries compare it with
// today, so a deadline passing makes no change entry (as the contract says).
#include <boost/json/object.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "infra/clock.h"
#include "projections/projection_engine.h"

namespace istihdam {

class ReferenceData;

inline constexpr const char* kJobPostingsProjection = "job_postings";

// `ref` (occupation and province names) must outlive the projector.
std::unique_ptr<Projector> MakeJobPostingsProjector(const ReferenceData& ref);

// The posting item of the listings (api/jobs.md): {"demandNo", "position", "occupation",
// "occupationName", "workplaceTitle", "province", "provinceName", "district",
// "workingPattern", "workplaceType", "workLocation", "personalStatus", "targetGroup",
// "businessArea", "requestedCount", "lastApplicationDate", "publishedAt", "updatedAt"}, and
// the detail's further fields; nullopt when the demand is not a posting today.
std::optional<boost::json::object> GetPostingItem(const ReadView& view, const std::string& demand_no,
                                                  const std::string& today);
std::optional<boost::json::object> GetPostingDetail(const ReadView& view, const std::string& demand_no,
                                                    const std::string& today);

// One entry of the change feed.
struct PostingChange {
  std::uint64_t position = 0;
  boost::json::object entry;  // {"position", "changedAt", "change", "demandNo", "posting", "reason"}
};

// Entries after `after` (exclusive), or at/after the instant `since` when it is set, in
// position order, at most `limit`. {"items", "next", "hasMore"}.
boost::json::object PostingChanges(const ReadView& view, std::uint64_t after, std::optional<Micros> since,
                                   std::size_t limit);

// Calls fn(position, entry) for each change after `after` in position order until fn returns
// false (the search index follows the feed with it).
void ForEachPostingChange(const ReadView& view, std::uint64_t after,
                          const std::function<bool(std::uint64_t, const boost::json::object&)>& fn);

// Typeahead: values (position, occupation, province, district) of active published postings
// with a word starting with the Turkish-folded `prefix`; {"prefix", "items": [{"value",
// "type", "count"}]} by count descending, then value. Under 2 letters: no items.
boost::json::object CompletePostings(const ReadView& view, const std::string& prefix, std::size_t limit);

}  // namespace istihdam
