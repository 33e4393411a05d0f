#pragma once
// Ending sessions without their tokens: what an operator does after tokens may have leaked
// (docs/operations.md "Secrets and their rotation"). Each session ends as its logout would:
// UserLoggedOut on the user's stream, so read replicas drop it too, and its row deleted in the
// same atomic batch.
#include <cstddef>
#include <string>
#include <vector>

#include "commands/command_context.h"
#include "commands/services.h"
#include "projections/session_record.h"

namespace istihdam {

struct SessionRow {
  std::string key;  // the sessions table's key: the raw SHA-256 of the token (SessionKey)
  Session session;
};

// Ends `rows` in atomic batches of 256 sessions. Returns how many ended, or the first error;
// the batches before it stay ended (running it again ends the rest).
Result<std::size_t> HandleRevokeSessions(Services& s, const CommandEnv& env, const std::vector<SessionRow>& rows);

}  // namespace istihdam
