#pragma once
// Login sessions: an opaque random bearer token, stored only as its SHA-256 (the sessions
// side table; the row is projections/session_record.h), scoped to one user and one employer,
// with an expiry.
#include <optional>
#include <string>

#include "commands/services.h"
#include "projections/session_record.h"

namespace istihdam {

// The session of a bearer token, if it exists and has not expired (rows are looked up with
// Services::find_session: the sessions table, or a replica's projection of it). For an employer session
// the user's roles are read again from the employer's stream: a user locked or past the
// account closing date since login gets nothing (ROLE-E1/E2), and permission changes take
// effect at once.
std::optional<Session> ResolveSession(Services& s, const std::string& token);

}  // namespace istihdam
