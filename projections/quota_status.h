#pragma once
// Read model of the compulsory-employment quota (QUOTA-1..3): one row per province
// headquarters and schedule month, recomputed whenever that month's schedule is saved. The
// rule sets are configuration (effective-dated, infra/config.h); the employer's sector comes
// from EmployerRegistered.
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "infra/config.h"
#include "projections/projection_engine.h"
#include "projections/workplaces.h"

namespace istihdam {

std::unique_ptr<Projector> MakeQuotaStatusProjector(std::vector<QuotaRuleSet> rules);

// API.md's document: {"month", "sector", "baseHeadcount", "subject", "categories": [{"category",
// "required", "employed", "deficit"}]}. `month` "" = the latest. nullopt when none.
std::optional<boost::json::object> GetQuotaStatus(const ReadView& view, const std::string& hq_id,
                                                  const std::string& month);

// {"items", "page", …}: the same documents plus "rulesEffectiveFrom", newest month first.
boost::json::object ListQuotaStatuses(const ReadView& view, const std::string& hq_id, const std::string& year,
                                      const Page& page);

}  // namespace istihdam
