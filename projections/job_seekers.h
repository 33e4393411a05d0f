#pragma once
// Read model of job seekers (api/jobs.md "Job seekers", "Matching and candidates"): each
// person's names and birth date, each résumé as GET /me/resume shows it, and the matching
// index "Eleman Seç" reads: one row per (occupation, active job seeker) holding what the
// demand's criteria need, so a demand scans only the job seekers of its occupation. The
// projector also keeps each demand's criteria and its candidates, so a match and the
// exclusion of candidates are read at the same position. docs/job-seekers.md.
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>

#include "infra/result.h"
#include "projections/paging.h"
#include "projections/projection_engine.h"

namespace istihdam {

inline constexpr const char* kJobSeekersProjection = "job_seekers";

std::unique_ptr<Projector> MakeJobSeekersProjector();

// GET /me/resume: the résumé + "individualId", "firstName", "lastName", "birthDate",
// "version"; nullopt when the person has none.
std::optional<boost::json::object> GetResume(const ReadView& view, const std::string& individual_id);

// The optional filters of GET …/matches ("" = any). educationLevel = at least that level.
struct MatchFilters {
  std::string province, district, education_level;
};

// {"items", "page", …}: the eligible, active job seekers whose résumé lists the demand's
// occupation and who are not its candidates, by score desc then id. Items {"jobSeekerId",
// "firstName", "lastName", "age", "province", "district", "educationLevel", "occupations",
// "matchedCriteria", "score"}. Errors: labor_demand_not_found (unknown, deleted, another
// employer's).
Result<boost::json::object> MatchJobSeekers(const ReadView& view, const std::string& employer_id,
                                            const std::string& demand_no, const MatchFilters& filters,
                                            const Page& page);

// The same answer from a scan of every résumé instead of the occupation's rows: the baseline
// of bench/matching (what the index buys). Not served.
Result<boost::json::object> MatchJobSeekersByScan(const ReadView& view, const std::string& employer_id,
                                                  const std::string& demand_no, const MatchFilters& filters,
                                                  const Page& page);

}  // namespace istihdam
