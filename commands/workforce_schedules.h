#pragma once
// SubmitWorkforceSchedule / AmendWorkforceSchedule (WS-2, WS-3) and the bulk personnel form
// (WS-12). Each handler loads the headquarters and its ledger, decides, appends.
#include <optional>

#include "aggregates/workforce_schedule.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"id": month, "month", "version", "created": true} for a new month, 200 for an
// amendment. `if_match`: the ledger version the client last saw (412 when stale).
// cmd.today is set here from the clock. Errors: see DecideSaveWorkforceSchedule.
Result<Outcome> HandleSaveWorkforceSchedule(Services& s, const CommandEnv& env, const std::string& hq_id,
                                          std::optional<std::uint64_t> if_match, SaveWorkforceSchedule cmd);

// Same answers; for the latest month 200 with "created": false.
Result<Outcome> HandleReplacePersonnelRows(Services& s, const CommandEnv& env, const std::string& hq_id,
                                         std::optional<std::uint64_t> if_match, ReplacePersonnelRows cmd);

}  // namespace istihdam
