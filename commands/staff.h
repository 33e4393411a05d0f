#pragma once
// Agency staff accounts (auditor, unit, head office), created on the server machine by
// `istihdam staff add` (the identity issue adds creation through the API).
#include "commands/services.h"

namespace istihdam {

struct CreateStaffUser {
  std::string role;      // auditor | unit | headOffice
  std::string province;  // required for unit users
  std::string tckn;
  std::string password;
};

// 201 {"id"}. Errors: validation_failed, already_registered.
Result<Outcome> HandleCreateStaffUser(Services& s, const CommandEnv& env, const CreateStaffUser& cmd);

}  // namespace istihdam
