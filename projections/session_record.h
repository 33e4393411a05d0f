#pragma once
// The row of a login session, as the write node's sessions table (written by login, see
// commands/session.h) and a read replica's projection of the login events
// (projections/replica_sessions.h) both store it: the bearer token only as its SHA-256,
// scoped to one user and one employer, with an expiry. Byte layout: docs/storage.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "infra/clock.h"

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
  // A job seeker's session ("as": "individual" at login): no firm, not staff.
  bool IsIndividual() const { return actor_type == kIndividualActor; }
  bool IsStaff() const { return employer_id.empty() && !IsIndividual(); }

  static constexpr std::string_view kIndividualActor = "Individual";
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

}  // namespace istihdam
