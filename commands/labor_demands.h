#pragma once
// Labor demand commands (DOMAIN.md §2.1.1.2–2.1.1.3, api/jobs.md "Labor demands"): create
// (quick form and wizard), update, close, cancel and the logical delete.
#include <optional>

#include "aggregates/labor_demand.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"id" (= demandNo), "demandNo", "version", "position"}. The handler sets today, the
// employer's sector, the workplace and the next demand number of the year (no gaps: a refused
// command takes none). Errors: validation_failed.
Result<Outcome> HandleCreateLaborDemand(Services& s, const CommandEnv& env, CreateLaborDemand cmd);

// 200 {"id", "demandNo", "version", "position"}. Errors: labor_demand_not_found,
// demand_not_active, validation_failed, version_mismatch (If-Match).
Result<Outcome> HandleUpdateLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        std::optional<std::uint64_t> if_match, UpdateLaborDemand cmd);

// 200 {"id", "demandNo", "status", "version", "position"}. Errors as the aggregate's deciders.
Result<Outcome> HandleCloseLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                       CloseLaborDemand cmd);
Result<Outcome> HandleCancelLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        const CancelLaborDemand& cmd);
Result<Outcome> HandleDeleteLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        const std::string& employer_id);

}  // namespace istihdam
