#pragma once
// What the handlers that create accounts or check who someone is share: the owner of a
// reservation, the password check, failed attempts, the KPS check and the credentials row.
// Login, registration, password reset, individuals, staff, authorized users and TYP use them.
#include "commands/services.h"

namespace istihdam {

// The owner id recorded in a reservation stream, or "".
std::string ReservedOwner(Services& s, const std::string& reservation_stream);

// Argon2id check of `password` against the stored credentials of `id`; does the same work
// when `id` is empty or has none.
bool CheckPassword(Services& s, const std::string& id, const std::string& password);

// Records a failed password or secret answer of an account (audit and lockout).
void RecordFailure(Services& s, const CommandEnv& env, const std::string& stream, const std::string& id,
                   const std::string& reason);

// Failed attempts against a TCKN without an account are kept under this key, for login and
// password reset alike, so that they lock exactly like a real account's.
std::string PhantomKey(const std::string& tckn);

// KPS check of a person (R-AUTH-3, ROLE-R2, X-29). Error "kps_mismatch" naming `field`.
Status CheckIdentity(Services& s, const PersonQuery& q, const std::string& field);

// Stores the Argon2id hashes of a password and a secret answer for `user_id`, in the same
// batch as the events (never in an event).
ExtraWrite CredentialsWrite(Services& s, const std::string& user_id, const std::string& password,
                            const std::string& secret_answer);

}  // namespace istihdam
