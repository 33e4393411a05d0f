#pragma once
// NotifyCollectiveDismissal (CD-2, CD-3) and UpdateCollectiveDismissal (CD-4).
#include <optional>

#include "aggregates/collective_dismissal.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"id", "version", "notificationDate", "editableUntil", "totalMale", "totalFemale",
// "meetsStatutoryThreshold"}. The handler sets today, the id, the thresholds and looks up
// the named workplaces and their provinces' latest headcounts. Errors: validation_failed.
Result<Outcome> HandleNotifyCollectiveDismissal(Services& s, const CommandEnv& env, SaveCollectiveDismissal cmd);

// 200 {"id", "version", …}. Errors: collective_dismissal_not_found, edit_window_expired,
// validation_failed, version_mismatch.
Result<Outcome> HandleUpdateCollectiveDismissal(Services& s, const CommandEnv& env, const std::string& dismissal_id,
                                              std::optional<std::uint64_t> if_match, SaveCollectiveDismissal cmd);

}  // namespace istihdam
