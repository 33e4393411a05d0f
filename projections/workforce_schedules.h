#pragma once
// Read model of workforce schedules (WS-1): the schedules of each province headquarters by
// month, with the computed month end; the latest is the editable one.
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>

#include "projections/projection_engine.h"
#include "projections/workplaces.h"

namespace istihdam {

std::unique_ptr<Projector> MakeWorkforceSchedulesProjector();

// {"items", "page", "pageSize", "total", "totalPages"}, newest month first; items
// {"month", "isFirst", "previousMonthEnd", "hired", "left", "monthEnd" (totals), "isLatest",
// "editable", "availableActions"}. `year` "" = all years.
boost::json::object ListWorkforceSchedules(const ReadView& view, const std::string& hq_id, const std::string& year,
                                           const Page& page);

// The whole schedule in the PUT shape plus "month", "monthEnd", "isFirst", "editable",
// "availableActions" and "version" (the ledger version, for ETag); nullopt when absent.
std::optional<boost::json::object> GetWorkforceSchedule(const ReadView& view, const std::string& hq_id,
                                                        const std::string& month);

// The latest month and the ledger version, or nullopt when the headquarters has none.
std::optional<std::pair<std::string, std::uint64_t>> LatestWorkforceSchedule(const ReadView& view,
                                                                             const std::string& hq_id);

}  // namespace istihdam
