#pragma once
// RegisterWorkplace (EMP-3, EMP-4) and UpdateWorkplaceInfo (EMP-2).
#include <optional>

#include "aggregates/employer.h"
#include "aggregates/workplace.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"id", "headquarters", "headquartersId", "version"}. Errors: validation_failed,
// sgk_no_taken.
Result<Outcome> HandleRegisterWorkplace(Services& s, const CommandEnv& env,
                                      const std::string& employer_id, RegisterWorkplace cmd);

// 200 {"id", "version"}. `if_match`: the version the client last saw (412 when stale).
// Errors: workplace_not_found, validation_failed, version_mismatch.
Result<Outcome> HandleUpdateWorkplace(Services& s, const CommandEnv& env,
                                    const std::string& workplace_id,
                                    std::optional<std::uint64_t> if_match,
                                    const UpdateWorkplaceInfo& cmd);

}  // namespace istihdam
