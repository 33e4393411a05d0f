#pragma once
// SubmitBenefitDeclaration (DOMAIN.md §2.1.2, OP-16 [I]: the employer submits declarations so
// that the listing has real content).
#include "aggregates/benefit_declaration.h"
#include "commands/services.h"

namespace istihdam {

// The next declaration number of the year of `today`: "YYYY" and a 6-digit serial
// ("2026000001"), one more than the highest declaration stream of that year. Numbers are taken
// inside the decision, so a refused or failed command uses none (no gaps), and the declaration
// stream is appended as "no stream", so two commands racing for one number cannot both win
// (the loser decides again with the next number).
std::string NextDeclarationNo(Services& s, const std::string& today);

// 201 {"id" = declarationNo, "version", "declarationNo", "declarationType", "unitId",
// "declarationDate"}. The handler sets today, the employer's title and the number, looks up
// the workplace and asks the identity service about each worker. Errors: validation_failed,
// kps_unavailable.
Result<Outcome> HandleSubmitBenefitDeclaration(Services& s, const CommandEnv& env, SubmitBenefitDeclaration cmd);

}  // namespace istihdam
