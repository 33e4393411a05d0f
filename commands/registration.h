#pragma once
// RegisterEmployer (AUTH-1, AUTH-3): employer, headquarters workplace, primary admin user and
// the reservations of their natural keys, in one atomic append.
#include "aggregates/employer.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"employerId", "iskurNo", "headquartersId", "userId"}. Errors: terms_not_accepted,
// validation_failed, already_registered (TCKN), tax_no_taken, sgk_no_taken.
Result<Reply> HandleRegisterEmployer(Services& s, const CommandEnv& env, RegisterEmployer cmd);

// Stores the Argon2id hashes of a password and a secret answer for `user_id`, in the same
// batch as the events (never in an event).
ExtraWrite CredentialsWrite(Services& s, const std::string& user_id, const std::string& password,
                            const std::string& secret_answer);

}  // namespace istihdam
