#pragma once
// AuthenticateEmployerUser + SelectEmployerContext (AUTH-4) in one call, as API.md pins it;
// agency staff log in through the same call and get a token directly. Logout revokes a token.
#include "commands/services.h"
#include "commands/session.h"

namespace istihdam {

struct LoginRequest {
  std::string tckn;
  std::string password;
  std::string employer_id;  // optional: the firm to open
  std::string as;           // "" (employer or staff) | "individual" (a job seeker's token)
};

// 200 {"firms": [{"employerId","title"}], "token"?, "expiresAt"?, "employerId"?, "admin"?,
// "permissions"?}. With as = "individual": 200 {"firms", "token", "expiresAt", "individualId"},
// a token without a firm, for the job seeker's routes (registered individuals only). Firms exclude those where the user is locked or past the closing date.
// Errors: invalid_credentials (same answer and the same Argon2 work for an unknown TCKN and
// a wrong password), firm_not_permitted, too_many_attempts (locked out), rate_limited.
Result<Outcome> HandleLogin(Services& s, const CommandEnv& env, const LoginRequest& req);

// Revokes the token (its session row is deleted with the UserLoggedOut event).
Result<Outcome> HandleLogout(Services& s, const CommandEnv& env, const Session& session,
                           const std::string& token);

}  // namespace istihdam
