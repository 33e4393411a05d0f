#pragma once
// AuthenticateEmployerUser + SelectEmployerContext (AUTH-4) in one call, as API.md pins it;
// agency staff log in through the same call and get a token directly.
#include "commands/services.h"

namespace istihdam {

struct LoginRequest {
  std::string tckn;
  std::string password;
  std::string employer_id;  // optional: the firm to open
};

// 200 {"firms": [{"employerId","title"}], "token"?, "expiresAt"?, "employerId"?, "admin"?,
// "permissions"?}. Errors: invalid_credentials (same answer and roughly the same work for an
// unknown TCKN and a wrong password), firm_not_permitted.
Result<Reply> HandleLogin(Services& s, const CommandEnv& env, const LoginRequest& req);

}  // namespace istihdam
