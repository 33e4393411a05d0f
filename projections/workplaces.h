#pragma once
// Read model of workplaces (EMP-1): the employer's headquarters and branches, with the
// detail document the update wizard starts from.
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>

#include "projections/paging.h"
#include "projections/projection_engine.h"

namespace istihdam {

std::unique_ptr<Projector> MakeWorkplacesProjector();

struct WorkplaceFilter {
  std::string title;   // case-insensitive substring
  std::string sgk_no;  // exact
  std::string tax_no;  // exact
};


// {"items", "page", "pageSize", "total", "totalPages"}; headquarters before their branches,
// grouped by province.
boost::json::object ListWorkplaces(const ReadView& view, const std::string& employer_id,
                                   const WorkplaceFilter& filter, const Page& page);
// The detail document with "version" (for ETag), or nullopt when it does not exist or belongs
// to another employer.
std::optional<boost::json::object> GetWorkplace(const ReadView& view, const std::string& employer_id,
                                                const std::string& workplace_id);

}  // namespace istihdam
