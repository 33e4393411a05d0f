#pragma once
// Role management (ROLE-1..7): add an authorized user, save a user's roles.
#include <optional>

#include "aggregates/authorized_users.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"id": userId}. The person must be a registered individual (ROLE-R1, error
// "not_registered_individual") whose identity KPS confirms (ROLE-R2, "kps_mismatch").
Result<Outcome> HandleCreateAuthorizedUser(Services& s, const CommandEnv& env, const std::string& employer_id,
                                         CreateAuthorizedUser cmd);

// 200 {"id", "version"} (the employer stream's version, the ETag of the users page).
// `if_match`: 412 when the roles changed since the client read them.
Result<Outcome> HandleUpdateAuthorizedUser(Services& s, const CommandEnv& env, const std::string& employer_id,
                                         std::optional<std::uint64_t> if_match, const UpdateAuthorizedUser& cmd);

}  // namespace istihdam
