#pragma once
// The Workplace aggregate: its identity record and the update wizard (EMP-2). Pure.
#include <string>
#include <vector>

#include "events/workplaces.h"
#include "infra/reference_data.h"
#include "infra/result.h"

namespace istihdam {

struct WorkplaceState {
  bool exists = false;
  std::string workplace_id, employer_id, province, role, hq_workplace_id;
  std::string title;  // from official records; never changes
  events::WorkplaceInfo info;
};

WorkplaceState Apply(WorkplaceState s, const events::WorkplaceEvent& e);

// The whole wizard draft. Title, tax number, SGK number and province come from official
// records and are not part of it (DOMAIN.md §2.1.3.1 [I]).
struct UpdateWorkplaceInfo {
  std::string employer_id;  // the acting employer; another employer's workplace is not found
  events::WorkplaceInfo info;
};

// Errors: "workplace_not_found", "validation_failed", "no_change" is not an error: an
// unchanged draft yields no event.
Result<std::vector<events::WorkplaceEvent>> DecideUpdateWorkplace(const WorkplaceState& s,
                                                                  const UpdateWorkplaceInfo& c,
                                                                  const ReferenceData& ref);

}  // namespace istihdam
