#pragma once
// Individual user registration: a person who can later be a job seeker, course applicant,
// TYP participant, dispatched worker or an employer's authorized user.
#include "aggregates/user_account.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"individualId"}. Errors: validation_failed, kps_mismatch, already_registered.
Result<Outcome> HandleRegisterIndividual(Services& s, const CommandEnv& env, RegisterIndividual cmd);

}  // namespace istihdam
