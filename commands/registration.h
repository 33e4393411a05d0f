#pragma once
// RegisterEmployer (AUTH-1, AUTH-3): employer, headquarters workplace, primary admin user and
// the reservations of their natural keys, in one atomic append.
#include "aggregates/employer.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"employerId", "iskurNo", "headquartersId", "userId"}. A representative who already has
// an account (an individual, or the admin of another firm) registers with its own password and
// keeps its account. Errors: terms_not_accepted, validation_failed, kps_mismatch,
// already_registered (TCKN taken and the password does not match), tax_no_taken, sgk_no_taken.
Result<Outcome> HandleRegisterEmployer(Services& s, const CommandEnv& env, RegisterEmployer cmd);

}  // namespace istihdam
