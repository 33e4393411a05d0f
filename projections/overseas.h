#pragma once
// Index of overseas records for the list routes (docs/overseas.md): which projects, quota
// allocations, dispatches and subcontractor transfers each employer has. The rows hold ids
// only; the routes fold each record from its stream, so a list shows the record as it is now.
#include <memory>
#include <string>
#include <vector>

#include "projections/projection_engine.h"

namespace istihdam {

std::unique_ptr<Projector> MakeOverseasProjector();

// kind: "project" | "allocation" | "dispatch" | "transfer"; employer_id "" = every employer.
// Ids in creation order.
std::vector<std::string> OverseasIds(const ReadView& view, const std::string& kind, const std::string& employer_id);

}  // namespace istihdam
