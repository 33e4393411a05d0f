#pragma once
// Login sessions: an opaque random bearer token, stored only as its SHA-256 (column family
// "sessions"), scoped to one user and one employer, with an expiry.
#include <optional>
#include <string>
#include <vector>

#include "commands/services.h"

namespace istihdam {

struct Session {
  std::string user_id;      // user or staff id
  std::string employer_id;  // "" for staff
  std::string actor_type;   // EmployerPrimaryAdmin | Auditor | UnitUser | HeadOfficeUser | ...
  std::string province;     // unit users
  bool admin = false;
  std::vector<std::string> permissions;
  Micros expires_at = 0;

  bool Has(std::string_view permission) const;
  bool IsStaff() const { return employer_id.empty(); }
};

std::string EncodeSession(const Session& s);
std::optional<Session> DecodeSession(const std::string& bytes);
// Key of a session row: the raw 32-byte SHA-256 of the token.
std::string SessionKey(const std::string& token);
// Public name of a session in audit events: 16 hex digits of the token's SHA-256.
std::string SessionId(const std::string& token);
// The token's SHA-256 in hex (64 digits), carried by UserLoggedIn/UserLoggedOut so that read
// replicas can key their session rows; SessionKey(token) is its raw form.
std::string SessionHash(const std::string& token);
// The session of a bearer token, if it exists and has not expired (rows are looked up with
// Services::find_session: the sessions table, or a replica's projection of it). For an employer session
// the user's roles are read again from the employer's stream: a user locked or past the
// account closing date since login gets nothing (ROLE-E1/E2), and permission changes take
// effect at once.
std::optional<Session> ResolveSession(Services& s, const std::string& token);

}  // namespace istihdam
