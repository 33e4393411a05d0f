#pragma once
// Read model of the candidates of labor demands (api/jobs.md "Matching and candidates",
// "Employer reports"; DOMAIN.md §2.1.1.4): the candidate list of one demand in the order the
// candidates were added, and the rows of the employer's four reports. Fed by the events of
// the demand's stream and by UserAccountRegistered for the people's names. The key layout of
// its tables is in docs/candidates.md.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>

#include "projections/paging.h"
#include "projections/projection_engine.h"

namespace istihdam {

class ReferenceData;

inline constexpr const char* kCandidatesProjection = "candidates";

std::unique_ptr<Projector> MakeCandidatesProjector();

// Filters of the candidate list; "" = any. The caller checks the codes.
struct CandidateListCriteria {
  std::string origin{};  // selected | applied | referred
  std::string state{};   // the origin, invited, interviewed
};

// {"items", "page", …} of the demand's candidates by the time they were added; items
// {"candidateId", "jobSeekerId", "firstName", "lastName", "origin", "state", "addedAt",
// "interviewDate", "interviewAddress", "interviewResult", "interviewNote", "availableActions"}.
// nullopt when the demand is unknown, deleted or another employer's.
std::optional<boost::json::object> ListCandidates(const ReadView& view, const std::string& employer_id,
                                                  const std::string& demand_no,
                                                  const CandidateListCriteria& criteria, const Page& page);

// The report types and the date each row carries.
//   selection  origin selected   the day selected
//   referral   origin referred   the day referred
//   interview  ever invited      the day of the (latest) interview appointment
//   result     result recorded   the day the (latest) result was recorded
bool IsCandidateReportType(const std::string& report_type);

// Report criteria; "" = any. Dates are YYYY-MM-DD, inclusive, on the row's date; `occupation`
// is a dictionary code of any level (its sub-codes match too). The caller checks formats.
struct CandidateReportCriteria {
  std::string report_type{};
  std::string demand_no{}, workplace_id{}, occupation{}, date_from{}, date_to{};
};

// The rows of one report over the employer's demands of any status but deleted, by date, then
// demand number, then the order the candidates were added: [{"demandNo", "workplaceTitle",
// "occupation", "occupationName", "position", "jobSeekerId", "firstName", "lastName", "origin",
// "date", "interviewDate", "interviewResult"}]. `ref` names the occupations.
boost::json::array CandidateReportRows(const ReadView& view, const ReferenceData& ref,
                                       const std::string& employer_id, const CandidateReportCriteria& criteria);

}  // namespace istihdam
