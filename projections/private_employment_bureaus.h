#pragma once
// Read model of private employment bureaus (docs/private-employment-bureaus.md): one row per
// bureau with its public card and status, for the public directory and the list report. Only
// membership events feed it: period reports (confidential) have no read model, their routes
// fold the report's own stream.
#include <boost/json/object.hpp>

#include <memory>
#include <string>
#include <vector>

#include "projections/projection_engine.h"

namespace istihdam {

std::unique_ptr<Projector> MakePrivateEmploymentBureausProjector();

// Rows {"id", "title", "iskurNo", "licenseNo", "province", "district", "officeAddress", "phone",
// "email", "website", "status", "employerId"} matching (""= any), ordered by province, title, id.
std::vector<boost::json::object> ListBureauRows(const ReadView& view, const std::string& province,
                                                const std::string& status);

}  // namespace istihdam
