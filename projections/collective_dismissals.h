#pragma once
// Read model of collective dismissal notifications (CD-1): the employer's notifications with
// their details, totals and the art. 29 flag. Whether one is still editable depends on the
// day it is read, so the queries take "today".
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>

#include "projections/projection_engine.h"
#include "projections/workplaces.h"

namespace istihdam {

std::unique_ptr<Projector> MakeCollectiveDismissalsProjector();

// {"items", "page", …}, newest first; items {"id", "notificationDate", "dismissalDate",
// "totalMale", "totalFemale", "meetsStatutoryThreshold", "editable", "editableUntil",
// "availableActions"}.
boost::json::object ListCollectiveDismissals(const ReadView& view, const std::string& employer_id,
                                             const std::string& today, const Page& page);

// The whole notification plus "editable", "availableActions" and "version"; nullopt when it
// does not exist or belongs to another employer.
std::optional<boost::json::object> GetCollectiveDismissal(const ReadView& view, const std::string& employer_id,
                                                          const std::string& id, const std::string& today);

}  // namespace istihdam
