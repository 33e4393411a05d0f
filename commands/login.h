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
};

// 200 {"firms": [{"employerId","title"}], "token"?, "expiresAt"?, "employerId"?, "admin"?,
// "permissions"?}. Firms exclude those where the user is locked or past the closing date.
// Errors: invalid_credentials (same answer and the same Argon2 work for an unknown TCKN and
// a wrong password), firm_not_permitted, too_many_attempts (locked out), rate_limited.
Result<Outcome> HandleLogin(Services& s, const CommandEnv& env, const LoginRequest& req);

// Revokes the token (its session row is deleted with the UserLoggedOut event).
Result<Outcome> HandleLogout(Services& s, const CommandEnv& env, const Session& session,
                           const std::string& token);

// Records a failed password or secret answer of an account (audit and lockout).
void RecordFailure(Services& s, const CommandEnv& env, const std::string& stream, const std::string& id,
                   const std::string& reason);
// Failed attempts against a TCKN without an account are kept under this key, for login and
// password reset alike, so that they lock exactly like a real account's.
std::string PhantomKey(const std::string& tckn);

// The owner id recorded in a reservation stream, or "".
std::string ReservedOwner(Services& s, const std::string& reservation_stream);
// Argon2id check of `password` against the stored credentials of `id`; does the same work
// when `id` is empty or has none.
bool CheckPassword(Services& s, const std::string& id, const std::string& password);

}  // namespace istihdam
