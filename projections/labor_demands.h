#pragma once
// Read model of the employer's labor demands (DOMAIN.md §2.1.1.2 "SearchMyLaborDemands",
// "GetLaborDemand"; api/jobs.md "Labor demands"): the whole wizard document with its status,
// closing and cancelling facts and candidate counts. A deleted demand leaves every table.
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>

#include "projections/paging.h"
#include "projections/projection_engine.h"

namespace istihdam {

class ReferenceData;

// `ref` (occupation names) must outlive the projector.
std::unique_ptr<Projector> MakeLaborDemandsProjector(const ReferenceData& ref);

// SearchMyLaborDemands criteria; "" = any. Dates are YYYY-MM-DD, inclusive; `position` is a
// Turkish-folded substring.
struct LaborDemandCriteria {
  std::string demand_no, occupation, status, workplace_id, position;
  std::string created_from, created_to, deadline_from, deadline_to;
};

// {"items", "page", …}, newest first; items {"demandNo", "workplaceId", "workplaceTitle",
// "occupation", "occupationName", "position", "requestedCount", "province", "district",
// "lastApplicationDate", "status", "targetGroup", "targetGroupIcon", "candidateCount",
// "createdAt", "availableActions"}.
boost::json::object ListLaborDemands(const ReadView& view, const std::string& employer_id,
                                     const LaborDemandCriteria& criteria, const Page& page);

// The wizard document + "demandNo", "status", "workplaceTitle", "createdAt", "closeDate",
// "closeReason", "hiredCount", "cancelReason", "candidateCounts", "availableActions",
// "version"; nullopt when unknown, deleted or another employer's.
std::optional<boost::json::object> GetLaborDemand(const ReadView& view, const std::string& employer_id,
                                                  const std::string& demand_no);

}  // namespace istihdam
