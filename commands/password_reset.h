#pragma once
// Password reset ("Şifremi Unuttum", AUTH-5..7): TCKN → secret question → answer → missing
// contact info → new password. The reset token is single-use and expires; wrong answers count
// toward the lockout; an unknown TCKN gets the same answers as a known one (a phantom reset
// that never accepts an answer), so the flow reveals nothing about who has an account.
#include "commands/services.h"

namespace istihdam {

// 200 {"resetId", "secretQuestion", "expiresAt"}.
Result<Outcome> HandleStartPasswordReset(Services& s, const CommandEnv& env, const std::string& tckn);
// 200 {"contactInfoComplete": bool}. Errors: reset_invalid, secret_answer_wrong,
// too_many_attempts.
Result<Outcome> HandleAnswerSecretQuestion(Services& s, const CommandEnv& env, const std::string& reset_token,
                                         const std::string& answer);
// 200 {"contactInfoComplete": true}. Errors: reset_invalid, answer_not_verified, validation_failed.
Result<Outcome> HandleCompleteContactInfo(Services& s, const CommandEnv& env, const std::string& reset_token,
                                        const std::string& email, const std::string& mobile,
                                        const std::string& preferred_contact);
// 200 {"passwordChanged": true}. Errors: reset_invalid, answer_not_verified,
// contact_info_required, validation_failed (newPasswordRepeat: mismatch).
Result<Outcome> HandleSetNewPassword(Services& s, const CommandEnv& env, const std::string& reset_token,
                                   const std::string& password, const std::string& repeat);

}  // namespace istihdam
